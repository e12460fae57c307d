"""Hand the memory a build's stage let go back to the system, so its resident size stays what it holds.

Two allocators keep freed pages for reuse, and a process's resident size (what
``benchmarks/bench_scale.py`` and the system count) includes them:

* Arrow's (mimalloc, :func:`pyarrow.default_memory_pool`): a writer's or a stage's temporary
  columns, once freed, stay with it. Measured on 10,000 synthetic documents (built from the
  store, 2026-12-02): 50-150 MiB after each output file (``references.parquet`` 150 MiB), so the
  building process grew file after file, 0.52 -> 0.79 GiB while writing.
* the C library's ``malloc`` (glibc): Python's objects larger than 512 bytes and the buffers of
  libraries (lxml, igraph) come from its heap, whose free top it keeps: 13-63 MiB after a stage
  (graph.html 63 MiB).

Importing :mod:`graph` sets ``MIMALLOC_PURGE_DELAY=0`` (unless set) before pyarrow loads, so
mimalloc hands freed pages back at once, inside a stage too (measured on the same 10,000
documents: the building process at the end of ``graph.build.graph_tables`` 0.43 GiB instead of
0.58, the same CPU within the noise). :func:`give_back` releases both: Arrow's unused pages (``release_unused``) and glibc's free heap
(``malloc_trim(0)``). It frees nothing that is in use; it costs milliseconds (``malloc_trim``
walks the free lists: about 5 ms at 1 GiB). Called between a build's stages and after each
output file.

Not supported: other C libraries than glibc (musl, macOS): there only Arrow's pages are released.
"""
from __future__ import annotations

import ctypes
import functools
from typing import Optional

__all__ = ["give_back"]


@functools.lru_cache(maxsize=None)
def _malloc_trim() -> Optional[ctypes._CFuncPtr]:
    """glibc's ``malloc_trim``, or None where the C library has none."""
    try:
        fn = ctypes.CDLL(None).malloc_trim  # the process's own symbols: the C library it runs on
    except (OSError, AttributeError):
        return None
    fn.argtypes, fn.restype = [ctypes.c_size_t], ctypes.c_int
    return fn


def give_back() -> None:
    """Release the freed pages Arrow's allocator and glibc's ``malloc`` keep (see the module)."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
