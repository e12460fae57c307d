"""One cleaning step for every string that leaves citegraph: node ids, attributes, table cells, pages.

A file name, an OCR'd title or a hostile input can hold characters that XML 1.0 cannot carry at
all (NUL, ESC, a vertical tab, a lone surrogate: networkx, igraph and ElementTree then refuse the
whole GraphML or GEXF file), characters that move the terminal or the page (ESC sequences, bidi
overrides), or a spreadsheet formula. The rules, each in one function:

* :func:`clean_text` - the text every output gets: characters XML 1.0 cannot hold are dropped
  (C0 controls but tab, line feed and carriage return; C1 controls; U+FFFE, U+FFFF; lone
  surrogates), the bidi embedding and override controls (U+202A-U+202E, U+2066-U+2069) are
  dropped, and lines end with ``\\n``. Graph
  node ids and attributes (:mod:`graph.build`), reference rows (:mod:`graph.export`) and reading
  pages (:mod:`graph.reading`) go through it. Text that needs none of this is returned as it is.
* :func:`clean_reference` - a :class:`ingest.Reference` with every string field cleaned.
* :func:`csv_cell` - a CSV cell: a string beginning with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return gets a leading ``'`` (OWASP, "CSV Injection"), so that a spreadsheet shows it as
  text instead of running it. Only the CSV files do this: Parquet and JSON keep the true value.
* :func:`symbol_url` - ``https://undocs.org/en/SYMBOL`` with the symbol percent-encoded
  (``#``, ``?``, ``"``, ``<``, spaces ...; ``/`` and the brackets of ``(2023)`` stay).

Not here: HTML escaping (the page writers escape what they write) and XML escaping (the XML
writers escape ``&``, ``<``, ``>`` and quotes).
"""
from __future__ import annotations

import dataclasses
import re
from typing import Any
from urllib.parse import quote

from ingest import Reference

__all__ = ["clean_text", "clean_reference", "clean_attrs", "csv_cell", "symbol_url", "FORMULA_START", "UNDOCS"]

#: Characters that XML 1.0 cannot hold (C0 but tab, LF, CR; U+FFFE/U+FFFF; surrogates), the C1
#: controls (U+0080-U+009F, which XML 1.0 allows but no text means) and the bidi embedding,
#: override and isolate controls (which reorder what a terminal or page shows).
_DROP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_NEEDS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\u202a-\u202e\u2066-\u2069]")

#: What a CSV cell may not begin with (OWASP "CSV Injection"): formula starts, and the tab and
#: carriage return that some spreadsheets skip before one.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Where a document symbol is looked up.
UNDOCS = "https://undocs.org/en/"


def clean_text(s: str) -> str:
    """``s`` fit for XML 1.0, CSV and a page (see the module's docstring).

    >>> clean_text("memo\\x1bx\\x0by.txt"), clean_text("line\\r\\nnext\\rlast"), clean_text("A/RES/79/194")
    ('memoxy.txt', 'line\\nnext\\nlast', 'A/RES/79/194')
    """
    if not _NEEDS.search(s):
        return s
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    return _DROP.sub("", s)


def clean_attrs(d: dict) -> None:
    """Clean the string values of ``d`` in place (:func:`clean_text`)."""
    for k, v in d.items():
        if isinstance(v, str):
            c = clean_text(v)
            if c is not v:
                d[k] = c


_FIELDS = tuple(f.name for f in dataclasses.fields(Reference))


def clean_reference(r: Reference) -> Reference:
    """``r`` with every string field cleaned; ``r`` itself when none needs it."""
    changes = {}
    for name in _FIELDS:
        v = getattr(r, name)
        if isinstance(v, str):
            if _NEEDS.search(v):
                changes[name] = clean_text(v)
        elif isinstance(v, tuple) and any(isinstance(a, str) and _NEEDS.search(a) for a in v):
            changes[name] = tuple(clean_text(a) if isinstance(a, str) else a for a in v)
    return dataclasses.replace(r, **changes) if changes else r


def csv_cell(v: Any) -> Any:
    """A value as a CSV cell: a string that a spreadsheet would run as a formula gets a leading
    ``'``; other values are returned as they are (numbers stay numbers).

    >>> csv_cell('=HYPERLINK("http://x","y")'), csv_cell("-5 per cent"), csv_cell(-5), csv_cell("para. 71")
    ('\\'=HYPERLINK("http://x","y")', "'-5 per cent", -5, 'para. 71')
    """
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v
    return v


def symbol_url(symbol: str) -> str:
    """The undocs.org address of ``symbol``, percent-encoded.

    >>> symbol_url("S/RES/2720(2023)"), symbol_url('A/79/62#x?"<')
    ('https://undocs.org/en/S/RES/2720(2023)', 'https://undocs.org/en/A/79/62%23x%3F%22%3C')
    """
    return UNDOCS + quote(symbol, safe="/()-._~")
