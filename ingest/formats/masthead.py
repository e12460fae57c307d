"""The masthead of a UN document's first page: what PDF and Word readers take from it.

An official UN document opens with a masthead: "United Nations" and the symbol on
one line, the body ("General Assembly"), "Distr.: General", the date of issue,
"Original: English". Both readers find the masthead's lines their own way (PDF:
the lines above the masthead rule; Word: the first-page header) and hand them
here, so that the two read the same hints from the same lines:

* :func:`hints` - ``distribution``, ``date`` (ISO) and ``body`` (a code of
  :data:`ingest.grammar.MASTHEAD_BODIES`) from the masthead's lines;
* :func:`symbol` - the symbol as printed, tidied ("A/81/6 (Sect. 26)/PartA*" ->
  "A/81/6(Sect.26)/Part A").

Hints are what the page says; :func:`ingest.structure.parse_text` weighs them against
the text. Not supported: mastheads in other languages.
"""
from __future__ import annotations

import re
from typing import Optional

from .. import grammar

__all__ = ["hints", "symbol", "date_line"]

_DISTRIBUTION = re.compile(r"\bDistr\.?:\s*(\w+)")
_DATE_LINE = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})")
_STARS = re.compile(r"\*+$")
_WS = re.compile(r"\s+")
_PART = re.compile(r"/Part([A-Z])$")


def date_line(line: str) -> Optional[str]:
    """A masthead line that is a date and nothing else, as ISO; else None.

    >>> date_line(" 7 January 2026"), date_line("Distr.: General 7 January 2026"), date_line("31 June 2026")
    ('2026-01-07', None, None)
    """
    m = _DATE_LINE.fullmatch(line.strip())
    return grammar.iso_date(*m.groups()) if m else None


def hints(lines: list[str]) -> dict:
    """``distribution`` (the last "Distr.: X"), ``date`` (the first line that is a date) and
    ``body`` (the first body of :data:`ingest.grammar.MASTHEAD_BODIES` named anywhere in the
    lines) of a masthead; a hint the lines do not give is left out.

    >>> hints(["United Nations A/80/590", "General Assembly Distr.: General", "7 January 2026"])
    {'distribution': 'General', 'date': '2026-01-07', 'body': 'GA'}
    """
    out: dict = {}
    for t in lines:
        m = _DISTRIBUTION.search(t)
        if m:
            out["distribution"] = m.group(1)
        if "date" not in out:
            d = date_line(t)
            if d:
                out["date"] = d
    joined = " ".join(lines)
    for name, code in grammar.MASTHEAD_BODIES:
        if name in joined:
            out["body"] = code
            break
    return out


def symbol(printed: str) -> str:
    """The symbol as the masthead prints it, tidied: the stars of a footnote to the symbol and
    every space dropped, a part's letter spaced ("/PartA" -> "/Part A", as the UN writes it).

    >>> symbol("A/81/6 (Sect. 26)/PartA* "), symbol("A/80/590")
    ('A/81/6(Sect.26)/Part A', 'A/80/590')
    """
    s = _WS.sub("", _STARS.sub("", printed.strip()))
    return _PART.sub(r"/Part \1", s)
