"""graph.memory.give_back and graph's mimalloc setting: the pages a stage freed leave the process's
resident size; what is in use stays. Each case runs in a fresh process (the allocator's options are
read when pyarrow loads)."""
import os
import subprocess
import sys

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from graph.memory import _malloc_trim, give_back

MiB = 2**20

#: Freed string columns (as a writer makes them); prints what they held and how far the resident
#: size fell once they were freed (and ``give_back`` called, when asked).
_FREE = """
import sys
{imports}
import psutil, pyarrow as pa, pyarrow.compute as pc
P = psutil.Process()
made = [pc.utf8_upper(pa.array([f"A/RES/{{i}}/{{i % 97}} recalling " for i in range({rows})])) for _ in range({columns})]
held, before = sum(c.nbytes for c in made), P.memory_info().rss
del made
{after}
print(held, before - P.memory_info().rss)
"""


def _freed(imports: str, after: str, purge_delay: str = None, rows: int = 400_000, columns: int = 6) -> tuple[int, int]:
    env = {k: v for k, v in os.environ.items() if k != "MIMALLOC_PURGE_DELAY"}
    if purge_delay is not None:
        env["MIMALLOC_PURGE_DELAY"] = purge_delay
    code = _FREE.format(imports=imports, after=after, rows=rows, columns=columns)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True,
                         cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))).stdout
    held, dropped = map(int, out.split())
    assert held > 40 * MiB
    return held, dropped


@pytest.mark.parametrize("imports, after, purge_delay, leaves", [
    # mimalloc's own delay (as without graph): the freed pages stay ...
    ("", "", "10000", False),
    # ... until give_back hands them back
    ("from graph.memory import give_back", "give_back()", "10000", True),
    # graph imported first: purged at once, no give_back needed
    ("import graph", "", None, True),
    # a delay the user set is kept
    ("import graph", "", "10000", False),
])
def test_freed_arrow_columns_leave_the_process(imports, after, purge_delay, leaves):
    held, dropped = _freed(imports, after, purge_delay)
    assert (dropped > held // 2) is leaves, (held, dropped)


def test_what_is_in_use_stays():
    kept = pc.utf8_upper(pa.array([f"S/RES/{i}({2000 + i % 25})" for i in range(300_000)]))
    give_back()
    assert kept.to_pylist()[:3] == ["S/RES/0(2000)", "S/RES/1(2001)", "S/RES/2(2002)"]
    assert kept.to_pylist()[-1] == "S/RES/299999(2024)"


def test_glibc_trim_found_on_linux():
    import platform

    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        pytest.skip("malloc_trim is glibc's")
    assert _malloc_trim() is not None
