"""citegraph.graph: references -> citation graph -> analysis, exports, explorer, CLI.

Importing it asks Arrow's allocator (mimalloc) to hand freed pages back to the system at once
(``MIMALLOC_PURGE_DELAY=0``, unless set already), not after a delay it rarely reaches while a build
runs: otherwise the temporary columns of each stage stay in the process's resident size
(:mod:`graph.memory`). It takes effect when pyarrow is first loaded after it.
"""
import os as _os

_os.environ.setdefault("MIMALLOC_PURGE_DELAY", "0")
