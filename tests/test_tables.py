"""graph.tables: column operations, on small Arrow columns made by hand."""
from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from graph import tables

_CHUNKS = [["a", "b", None], [], ["c"], ["d", "e"]]


@pytest.mark.parametrize("chunks, positions", [
    (_CHUNKS, [0, 1, 2, 3, 4, 5]),  # every row in order, across an empty chunk
    (_CHUNKS, [5, 0, 3, 3, 2]),  # any order, repeats, a null row
    (_CHUNKS, [4]),  # one row of a later chunk
    (_CHUNKS, []),  # nothing
    ([["x", "y"]], [1, 1, 0]),  # one chunk
    ([], []),  # no chunk at all
])
def test_take_of_a_chunked_column_is_arrows_take(chunks, positions):
    column = pa.chunked_array([pa.array(c, pa.string()) for c in chunks], pa.string())
    got = tables.take(column, np.array(positions, dtype=np.int64))
    assert isinstance(got, pa.Array) and got.type == pa.string()
    assert got.to_pylist() == [column.to_pylist()[i] for i in positions]
    assert tables.take(column.combine_chunks(), np.array(positions, dtype=np.int64)).to_pylist() == got.to_pylist()


def _peak_bytes(fn) -> int:
    """The most bytes Arrow held at once for ``fn()`` (a pool of its own counts them)."""
    old = pa.default_memory_pool()
    pool = pa.proxy_memory_pool(old)
    pa.set_memory_pool(pool)
    try:
        fn()
    finally:
        pa.set_memory_pool(old)
    return pool.max_memory()


def test_take_copies_no_whole_column():
    """Arrow's take of a chunked array joins its chunks first (a copy of the whole column); this
    one holds about twice what it gives back."""
    big = pa.chunked_array([pa.array(["x" * 100] * 20_000) for _ in range(10)])  # 21 MB
    some = np.arange(0, len(big), 100)  # 2,000 rows, 0.2 MB
    assert tables.take(big, some).to_pylist() == ["x" * 100] * 2000
    assert _peak_bytes(lambda: big.take(pa.array(some))) > 20_000_000  # what this avoids
    assert _peak_bytes(lambda: tables.take(big, some)) < 1_000_000


@pytest.mark.parametrize("chunks, cleaned", [
    ([["ok", "bad\x00"], ["fine"]], [["ok", "bad"], ["fine"]]),
    ([["ok"], ["a\x0cb", None]], [["ok"], ["ab", None]]),
    ([["nothing", "to do"], []], [["nothing", "to do"], []]),
])
def test_clean_column_cleans_chunk_by_chunk_and_keeps_clean_chunks(chunks, cleaned):
    column = pa.chunked_array([pa.array(c, pa.string()) for c in chunks], pa.string())
    got = tables.clean_column(column, lambda s: s.replace("\x00", "").replace("\x0c", ""), "[\\x{0}\\x{c}]")
    assert [c.to_pylist() for c in got.chunks] == cleaned
    for before, after, want in zip(column.chunks, got.chunks, cleaned):
        if before.to_pylist() == want:  # a chunk that needs nothing is the same buffers, not a copy
            assert after.buffers()[-1] is None or after.buffers()[-1].address == before.buffers()[-1].address


#: (chunks of a column, an order of its rows) -> the runs of consecutive rows in that order.
REORDERED = [
    ([[0, 1, 2, 3]], [0, 1, 2, 3], 1),  # in order: the table itself, one run
    ([[0, 1], [2, 3, 4]], [0, 1, 2, 3, 4], 1),  # across chunks, still one run of rows
    ([[0, 1, 2, 3, 4, 5]], [0, 1, 4, 2, 3, 5], 4),  # one row moved back (a rebuild's entry, stored last)
    ([[0, 1, 2], [3, 4, 5]], [3, 4, 5, 0, 1, 2], 2),
    ([[5, 4, 3, 2, 1, 0]], [5, 4, 3, 2, 1, 0], 6),  # every row its own run
    ([[7]], [0], 1),
    ([[]], [], 0),
]


@pytest.mark.parametrize("sliced", [True, False])  # slices of runs; rows taken (every order over 1 run)
@pytest.mark.parametrize("chunks, order, runs", REORDERED)
def test_reordered_is_take(monkeypatch, sliced, chunks, order, runs):
    if not sliced:
        monkeypatch.setattr(tables, "RUNS", 1)
    col = pa.chunked_array(chunks, pa.int64())
    t = pa.table({"n": col, "s": pa.chunked_array([[f"r{v}" for v in c] for c in chunks], pa.string())})
    got = tables.reordered(t, np.array(order, dtype=np.int64))
    assert got.to_pylist() == t.take(pa.array(order, pa.int64())).to_pylist()
    assert got.schema == t.schema
    if sliced and runs:
        assert got.column("n").num_chunks >= runs  # (slices: one chunk a run at least, nothing copied)


def test_reordered_needs_every_row():
    with pytest.raises(ValueError, match="an order of 2 rows for a table of 3"):
        tables.reordered(pa.table({"n": [1, 2, 3]}), np.array([0, 1]))
