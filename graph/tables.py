"""Column operations for the graph's tables: group, join, count, pick, at C speed (Arrow, numpy).

The references of a large corpus are millions of rows: :mod:`graph.build` states its rules once
and applies them to whole columns with these primitives, never one Python object per reference.
Each takes Arrow arrays (strings may be null) and integer group ids (numpy), and gives one value
per group:

* :func:`join_distinct` - the distinct non-empty values of each group in order of first
  appearance, joined with a separator (``graph.schema.join`` for a column);
* :func:`most_common` - the most frequent non-empty value of each group, ties to the one seen
  first (``graph.build``'s ``_most_common`` for a column);
* :func:`first_where` - the position of the first row of each group where a mask holds;
* :func:`map_unique` - a Python function applied once per distinct value of a column;
* :func:`clean_column` - a Python rule on the rows that a regular expression says need it;
  :func:`re2_class` writes a Python character class for Arrow's regular expressions;
* :func:`take` - the rows of a column at given positions, chunk by chunk;
* :func:`reordered` - a table's rows in a given order, as slices where the order keeps runs of
  rows together (a table sorted but for a few rows moves those, not every row);
* :func:`python_values` - a column as Python values, one ``str`` object per distinct value (the
  graph's attributes repeat: "pp1", "recalling" ...).

Groups are ``0 .. n-1``; rows come in group order (every row of group 0, then of group 1 ...)
except for :func:`most_common`, which takes rows in any order.

Not supported: nested types other than lists of strings.
"""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["join_distinct", "most_common", "first_where", "map_unique", "clean_column", "re2_class",
           "python_values", "codes", "take", "reordered", "RUNS"]


def _array(values) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def codes(values, blank_is_null: bool = True) -> tuple[np.ndarray, pa.Array]:
    """``(indices, dictionary)`` of a string column: ``dictionary[indices[i]]`` is row ``i``; -1
    for a null (and, with ``blank_is_null``, an empty string)."""
    d = _array(values).dictionary_encode()
    idx = d.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    dictionary = d.dictionary
    if blank_is_null and len(dictionary):
        blank = pc.equal(pc.utf8_length(dictionary), 0).to_numpy(zero_copy_only=False)
        if blank.any():
            idx = np.where(blank[np.maximum(idx, 0)] & (idx >= 0), -1, idx)
    return idx, dictionary


def join_distinct(values, groups: np.ndarray, n: int, sep: str) -> pa.Array:
    """Per group, its distinct non-empty ``values`` in order of first appearance joined with ``sep``
    (``""`` for a group with none). Rows in group order."""
    idx, dictionary = codes(values)
    width = max(1, len(dictionary))
    combined = groups.astype(np.int64) * width + idx
    keep = (idx >= 0) & ~pd.Series(combined).duplicated().to_numpy()
    kept_groups = groups[keep]
    counts = np.bincount(kept_groups, minlength=n)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    kept = dictionary.take(pa.array(idx[keep])) if keep.any() else pa.array([], pa.string())
    lists = pa.LargeListArray.from_arrays(pa.array(offsets, pa.int64()), kept.cast(pa.string()))
    return pc.binary_join(lists, sep).fill_null("")


def most_common(groups: np.ndarray, values, n: int, transform: Optional[Callable[[str], str]] = None
                ) -> list[str]:
    """Per group, its most frequent non-empty value (after ``transform``, applied once per distinct
    value), ties going to the value whose first row comes first; ``""`` for a group with none."""
    idx, dictionary = codes(values)
    words = dictionary.to_pylist()
    if transform is not None:
        words = [transform(w) for w in words]
    # values that transform alike count together
    code_of: dict[str, int] = {}
    remap = np.array([code_of.setdefault(w, len(code_of)) if w else -1 for w in words] or [-1], dtype=np.int64)
    idx = np.where(idx >= 0, remap[np.maximum(idx, 0)], -1)
    out = [""] * n
    valid = idx >= 0
    if not valid.any():
        return out
    width = max(1, len(code_of))
    combined = groups[valid].astype(np.int64) * width + idx[valid]
    uniq, first, count = np.unique(combined, return_index=True, return_counts=True)
    group = uniq // width
    order = np.lexsort((first, -count, group))
    g = group[order]
    winners = order[np.r_[True, g[1:] != g[:-1]]]
    names = list(code_of)
    for grp, code in zip((uniq[winners] // width).tolist(), (uniq[winners] % width).tolist()):
        out[grp] = names[code]
    return out


def first_where(mask: np.ndarray, starts: np.ndarray, n_rows: int) -> np.ndarray:
    """Per group (its rows from ``starts[g]`` to the next start), the position of its first row
    where ``mask`` holds, else of its first row."""
    pos = np.where(mask, np.arange(n_rows), n_rows)
    first = np.minimum.reduceat(pos, starts) if len(starts) else np.zeros(0, dtype=np.int64)
    ends = np.r_[starts[1:], n_rows] if len(starts) else starts
    return np.where(first < ends, first, starts)


def take(values, indices: np.ndarray) -> pa.Array:
    """``values[indices]`` (an array; ``indices`` integer positions, any order, repeats allowed).
    A chunked column is taken chunk by chunk: Arrow's own ``take`` of a chunked array first joins
    all its chunks into one, a copy of the whole column (hundreds of megabytes for the citing
    sentences of a large corpus), where this copies about twice what it gives back.

    >>> take(pa.chunked_array([["a", "b"], ["c"]]), np.array([2, 0, 2])).to_pylist()
    ['c', 'a', 'c']
    """
    indices = np.asarray(indices, dtype=np.int64)
    if not isinstance(values, pa.ChunkedArray):
        return values.take(pa.array(indices))
    if values.num_chunks == 1:
        return values.chunk(0).take(pa.array(indices))
    if values.num_chunks == 0 or not len(indices):
        return pa.array([], values.type)
    bounds = np.cumsum([0] + [len(c) for c in values.chunks])
    chunk_of = np.searchsorted(bounds, indices, side="right") - 1
    order = np.argsort(chunk_of, kind="stable")  # the positions grouped by chunk
    grouped, chunk_sorted = indices[order], chunk_of[order]
    cuts = np.searchsorted(chunk_sorted, np.arange(values.num_chunks + 1))
    pieces = [values.chunk(k).take(pa.array(grouped[cuts[k]:cuts[k + 1]] - bounds[k]))
              for k in range(values.num_chunks) if cuts[k + 1] > cuts[k]]
    joined = pa.concat_arrays(pieces)
    del pieces
    back = np.empty_like(order)
    back[order] = np.arange(len(order))
    return joined.take(pa.array(back))


#: :func:`reordered` takes rows one by one (a copy of every column) above this many runs.
RUNS = 4096


def reordered(table: pa.Table, order: np.ndarray) -> pa.Table:
    """``table``'s rows in ``order`` (a permutation of its row positions), the same values as
    ``table.take(order)``: where ``order`` is made of at most :data:`RUNS` runs of consecutive
    rows (a table in order but for the rows of a few entries) the result is those runs' slices,
    which copy nothing; else the rows are taken, a column at a time. Chunks are what differs.

    >>> t = pa.table({"a": [0, 1, 2, 3, 4]})
    >>> reordered(t, np.array([3, 4, 0, 1, 2])).column("a").to_pylist()
    [3, 4, 0, 1, 2]
    """
    order = np.asarray(order, dtype=np.int64)
    if len(order) != table.num_rows:
        raise ValueError(f"an order of {len(order)} rows for a table of {table.num_rows}")
    if not len(order):
        return table
    starts = np.flatnonzero(np.r_[True, order[1:] != order[:-1] + 1])
    if len(starts) > RUNS:  # one column at a time, chunk by chunk (:func:`take`): each is let go once taken
        schema, columns = table.schema, table.columns
        del table
        for i in range(len(columns)):
            columns[i] = take(columns[i], order)
        return pa.table(columns, schema=schema)
    ends = np.r_[starts[1:], len(order)]
    pieces = [table.slice(int(order[a]), int(b - a)) for a, b in zip(starts, ends)]
    return pa.concat_tables(pieces) if len(pieces) > 1 else pieces[0]


def map_unique(values, fn: Callable[[Optional[str]], Optional[str]]) -> pa.Array:
    """``fn`` of each row of a string column, calling ``fn`` once per distinct value."""
    d = _array(values).dictionary_encode()
    mapped = pa.array([fn(v) for v in d.dictionary.to_pylist()], pa.string())
    return mapped.take(d.indices)


def re2_class(pattern: str) -> str:
    """A Python regular expression that is one character class (``"[\\x00-\\x08...]"``, written
    with the characters themselves) as an RE2 class for Arrow, each character as ``\\x{..}``;
    surrogates (no UTF-8 string holds one) left out."""
    if not (pattern.startswith("[") and pattern.endswith("]")):
        raise ValueError(f"not one character class: {pattern!r}")
    body, out, i = pattern[1:-1], [], 0
    while i < len(body):
        a = body[i]
        if i + 2 < len(body) and body[i + 1] == "-":
            b = body[i + 2]
            i += 3
        else:
            b = a
            i += 1
        lo, hi = ord(a), ord(b)
        if 0xD800 <= lo <= 0xDFFF and 0xD800 <= hi <= 0xDFFF:
            continue
        out.append(f"\\x{{{lo:x}}}" if lo == hi else f"\\x{{{lo:x}}}-\\x{{{hi:x}}}")
    return "[" + "".join(out) + "]"


def clean_column(values, fn: Callable[[str], str], needs: str):
    """``fn`` applied to the rows of a string column that match the RE2 expression ``needs`` (the
    others, and nulls, as they are): a Python rule at C speed where it changes nothing. A chunked
    column is cleaned chunk by chunk, and a chunk that needs nothing is kept as it is, not copied
    (the references table of a large corpus is hundreds of megabytes: copied whole, it is held
    twice); an array gives an array."""
    if isinstance(values, pa.ChunkedArray):
        return pa.chunked_array([clean_column(c, fn, needs) for c in values.chunks], values.type)
    arr = values
    hit = pc.match_substring_regex(arr, needs).fill_null(False)
    if not pc.any(hit).as_py():
        return arr
    where = np.flatnonzero(hit.to_numpy(zero_copy_only=False))
    values_list = arr.to_pylist()
    for i in where.tolist():
        values_list[i] = fn(values_list[i])
    return pa.array(values_list, arr.type)


def python_values(values) -> list:
    """The column as a Python list, one object per distinct string (memory: the graph's attribute
    values repeat a great deal); other types as ``to_pylist``."""
    arr = _array(values)
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        return arr.to_pylist()
    d = arr.dictionary_encode()
    words = d.dictionary.to_pylist()
    return [words[i] if i is not None else None for i in d.indices.to_pylist()]
