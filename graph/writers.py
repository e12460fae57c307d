"""Streaming serialisers: a table's rows as GraphML, GEXF, JSON or CSV text, made at C speed.

A corpus of 100,000 documents has a million edges and two million references; written one
Python string at a time, its files took minutes. Here each part of each row (an element, an
escaped value, a quoted cell) is a whole column made by Arrow's string functions, the parts are
joined column-wise, and the result is written to the file as it is, ``CHUNK`` rows at a time,
so memory holds one chunk of text, never the file. :mod:`graph.export` decides *what* a file
holds (its header, its nodes, which columns); this module makes the rows of a table into text
exactly as the export's own Python formatting would (``tests/test_writers.py`` compares both,
byte for byte, on hostile values):

* :func:`xml_text`, :func:`xml_attribute` - XML escapes (``&``, ``<``, ``>``; in attributes also
  ``"``, line feed, carriage return, tab as character references);
* :func:`json_string` - a JSON string as ``json.dumps(..., ensure_ascii=False)`` writes it;
* :func:`csv_cell` - a CSV cell as :mod:`csv` writes it (quoted when it holds ``,``, ``"`` or a
  line feed), neutralised as :func:`graph.clean.csv_cell` (a leading ``'`` before ``=``, ``+``,
  ``-``, ``@``, tab, carriage return);
* :func:`text_of` - any column as text: integers as ``str``, booleans as the format wants them,
  floats as Python's ``repr`` (row by row: Arrow's shortest form is not always Python's);
* :func:`write_text` - the bytes of a string column, written at once.

Not supported: values other than strings, integers, floats and booleans (lists are joined
before, :data:`graph.schema.SEP`).
"""
from __future__ import annotations

import json
from typing import BinaryIO, Callable, Optional, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from .clean import FORMULA_START

__all__ = ["CHUNK", "xml_text", "xml_attribute", "json_string", "csv_cell", "text_of", "concat", "write_text",
           "chunks", "xml_type"]

#: Rows made into text at a time. Each chunk's columns and their escaped copies are held at once:
#: at 65,536 rows Arrow held 105 / 153 / 94 MiB at its peak writing the GraphML / GEXF / JSON of
#: 10,000 synthetic documents (128,638 edges), at 16,384 rows 29 / 36 / 26 MiB, for the same CPU
#: time (0.9-1.1 s / 1.6-1.8 / 1.1-1.2; 2026-12-01, side by side, two rounds).
CHUNK = 16_384

_XML_TEXT = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))
_XML_ATTR = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("\n", "&#10;"), ("\r", "&#13;"),
             ("\t", "&#9;"))
#: Characters JSON writes as ``\\uXXXX`` or a short escape (json's ESCAPE_DCT): C0 controls.
_JSON_CONTROL = "[\\x{0}-\\x{1f}]"


def _replace_all(arr, pairs, needs: str) -> pa.Array:
    """``arr`` with each ``old`` of ``pairs`` replaced by its ``new``, in order. ``needs`` is one RE2
    character class of every ``old``: one scan finds the rows that hold any (in a corpus's columns,
    few: a sentence with an ``&``), and only those are rewritten (:func:`_rewrite_rows`)."""
    def replace(part):
        for old, new in pairs:
            if pc.any(pc.match_substring(part, old)).as_py():
                part = pc.replace_substring(part, old, new)
        return part

    return _rewrite_rows(arr, needs, replace)


def _rewrite_rows(arr, needs: str, rewrite: Callable[[pa.Array], pa.Array]) -> pa.Array:
    """``arr`` with ``rewrite`` applied to the rows that match ``needs`` (an RE2 pattern), the other
    rows as they are; nulls stay null. ``rewrite`` is given only the rows that match (all of them,
    at once, when most do) and must keep their number and order."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    hit = pc.match_substring_regex(arr, needs)
    rows = pc.sum(hit).as_py() or 0
    if rows == 0:
        return arr
    if 2 * rows > len(arr):  # most rows: rewriting the whole column costs no more than picking them
        return rewrite(arr)
    hit = hit.fill_null(False)
    return pc.replace_with_mask(arr, hit, rewrite(arr.filter(hit)))


#: The characters each escape rewrites, as one RE2 class.
_XML_TEXT_NEEDS = "[&<>\\r]"
_XML_ATTR_NEEDS = '[&<>"\\n\\r\\t]'
#: What :func:`json_string` rewrites: a backslash, a quote, a C0 control.
_JSON_NEEDS = '[\\\\"\\x{0}-\\x{1f}]'


def xml_text(arr: pa.Array) -> pa.Array:
    """``arr`` escaped for XML element text (as ``str.translate`` with the export's table)."""
    return _replace_all(arr, _XML_TEXT, _XML_TEXT_NEEDS)


def xml_attribute(arr: pa.Array) -> pa.Array:
    """``arr`` escaped for an XML attribute value."""
    return _replace_all(arr, _XML_ATTR, _XML_ATTR_NEEDS)


def json_string(arr: pa.Array) -> pa.Array:
    """Each value as a JSON string literal (quotes included; a null stays null: no value), as
    ``json.dumps(v, ensure_ascii=False)``: ``\\`` and ``"`` escaped, control characters as JSON
    writes them (a value holding one other than tab and line feed is made by :mod:`json` itself)."""
    def escape(part):
        esc = part
        for old, new in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\t", "\\t")):
            if pc.any(pc.match_substring(esc, old)).as_py():
                esc = pc.replace_substring(esc, old, new)
        if pc.any(pc.match_substring_regex(esc, _JSON_CONTROL)).as_py():  # rare: \b, \f, \x01 ... by json itself
            esc = pa.array([None if v is None else json.dumps(v, ensure_ascii=False)[1:-1] for v in part.to_pylist()],
                           pa.string())
        return esc

    return pc.binary_join_element_wise('"', _rewrite_rows(arr, _JSON_NEEDS, escape), '"', "")


def csv_cell(arr: pa.Array, neutralise: bool = True) -> pa.Array:
    """A string column as CSV cells: a value a spreadsheet would run as a formula gets a leading
    ``'`` (``neutralise``), a value holding ``,``, ``"`` or a line feed is quoted (``"`` doubled), a
    null is empty."""
    if neutralise:
        starts = None
        for p in FORMULA_START:
            hit = pc.starts_with(arr, p)
            starts = hit if starts is None else pc.or_(starts, hit)
        if starts is not None and pc.any(starts).as_py():
            arr = pc.if_else(starts, pc.binary_join_element_wise("'", arr, ""), arr)
    needs = pc.match_substring_regex(arr, '[,"\\n]')
    if pc.any(needs).as_py():
        quoted = pc.binary_join_element_wise('"', pc.replace_substring(arr, '"', '""'), '"', "")
        arr = pc.if_else(needs, quoted, arr)
    return arr.fill_null("")


def text_of(arr: pa.Array, booleans: tuple[str, str] = ("true", "false")) -> pa.Array:
    """A column as text: strings as they are, integers as ``str``, booleans as ``booleans``
    (true, false), floats as Python's ``repr``; nulls stay null."""
    t = arr.type
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return arr
    if pa.types.is_boolean(t):
        return pc.if_else(arr, booleans[0], booleans[1])
    if pa.types.is_integer(t):
        return pc.cast(arr, pa.string())
    if pa.types.is_floating(t):
        return pa.array([None if v is None else repr(v) for v in arr.to_pylist()], pa.string())
    raise TypeError(f"a column of type {t} has no text form here")


def concat(parts: Sequence) -> pa.Array:
    """The row-wise concatenation of string columns and constant strings; a null part leaves
    nothing (a row whose value is missing gets no element)."""
    arrays = [p if isinstance(p, (pa.Array, pa.ChunkedArray)) else p for p in parts]
    return pc.binary_join_element_wise(*arrays, "", null_handling="replace", null_replacement="")


def optional(arr: pa.Array, before: str, after: str) -> pa.Array:
    """``before + value + after`` for each row that has a value, else null (nothing is written)."""
    return pc.binary_join_element_wise(before, arr, after, "")


def write_text(f: BinaryIO, arr) -> None:
    """Write the concatenation of a string column's values (no nulls) to ``f``, as UTF-8, at once."""
    if isinstance(arr, pa.ChunkedArray):
        for chunk in arr.chunks:
            write_text(f, chunk)
        return
    if len(arr) == 0:
        return
    if arr.null_count:
        arr = arr.fill_null("")
    offsets = arr.buffers()[1]
    data = arr.buffers()[2]
    if data is None:
        return
    width = 8 if pa.types.is_large_string(arr.type) else 4
    start = int.from_bytes(memoryview(offsets)[arr.offset * width:(arr.offset + 1) * width], "little")
    end = int.from_bytes(memoryview(offsets)[(arr.offset + len(arr)) * width:(arr.offset + len(arr) + 1) * width],
                         "little")
    f.write(memoryview(data)[start:end])


def chunks(table: pa.Table, size: int = CHUNK):
    """``table`` in slices of ``size`` rows, each with its columns in one piece."""
    for at in range(0, table.num_rows, size):
        yield table.slice(at, size).combine_chunks()


def xml_type(t: pa.DataType) -> str:
    """The GraphML/GEXF type of an Arrow type."""
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_integer(t):
        return "long"
    if pa.types.is_floating(t):
        return "double"
    return "string"


def rows_as(table: pa.Table, make: Callable[[pa.Table], pa.Array], f: BinaryIO, size: int = CHUNK,
            first: Optional[Callable[[pa.Array], pa.Array]] = None) -> None:
    """Write ``make(chunk)`` (one string per row) for each chunk of ``table``."""
    for chunk in chunks(table, size):
        write_text(f, make(chunk))
