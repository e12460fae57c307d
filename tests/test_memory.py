"""graph.memory.give_back: the pages a stage freed go back to the system; what is in use stays."""
import psutil
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from graph.memory import _malloc_trim, give_back

MiB = 2**20


def _rss() -> int:
    return psutil.Process().memory_info().rss


@pytest.mark.parametrize("rows, columns", [(400_000, 6), (100_000, 24)])
def test_freed_arrow_columns_leave_the_process(rows, columns):
    # a stage's temporary string columns (as a writer makes them), freed: Arrow's allocator keeps their
    # pages until give_back; at least half of what they held leaves the resident size
    give_back()
    made = [pc.utf8_upper(pa.array([f"A/RES/{i}/{i % 97} recalling " for i in range(rows)])) for _ in range(columns)]
    held = sum(c.nbytes for c in made)
    assert held > 40 * MiB
    del made
    before = _rss()
    give_back()
    assert before - _rss() > held // 2


def test_what_is_in_use_stays():
    kept = pc.utf8_upper(pa.array([f"S/RES/{i}({2000 + i % 25})" for i in range(300_000)]))
    first = kept.to_pylist()[:3]
    give_back()
    assert kept.to_pylist()[:3] == first == ["S/RES/0(2000)", "S/RES/1(2001)", "S/RES/2(2002)"]


def test_glibc_trim_found_on_linux():
    import platform

    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        pytest.skip("malloc_trim is glibc's")
    assert _malloc_trim() is not None
