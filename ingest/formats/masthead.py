"""The masthead of a UN document's first page: what PDF and Word readers take from it.

An official UN document opens with a masthead: "United Nations" and the symbol on
one line, the body ("General Assembly"), "Distr.: General", the date of issue,
"Original: English". Both readers find the masthead's lines their own way (PDF:
the lines above the masthead rule; Word: the first-page header) and hand them
here, so that the two read the same hints from the same lines:

* :func:`hints` - ``distribution``, ``date`` (ISO) and ``body`` (a code of
  :data:`ingest.grammar.MASTHEAD_BODIES`) from the masthead's lines;
* :func:`symbol` - the symbol as printed, tidied ("A/81/6 (Sect. 26)/PartA*" ->
  "A/81/6(Sect.26)/Part A");
* :func:`text_symbol` - a text file's masthead line: "United Nations    A/80/321", a body's name
  and the symbol, or the symbol alone on a line at the top ("S/2024/858", "E/CN.9/2021/1"), of
  any series of the grammar;
* :func:`joint_with_next` - a joint symbol: one document issued to two organs prints both symbols,
  on one line with a dash ("A/79/123–S/2024/456") or one under the other ("A/79/123" | "S/2024/456"):
  the symbol is the joint one, ``A/79/123-S/2024/456`` (:func:`ingest.symbols.joint_parts`), as the
  README's joint-symbol rule reads a citation of it.

Hints are what the page says; :func:`ingest.structure.parse_text` weighs them against
the text. Not supported: mastheads in other languages.
"""
from __future__ import annotations

import re
from typing import Optional

from .. import grammar, symbols

__all__ = ["hints", "symbol", "date_line", "text_symbol", "joint_with_next", "TEXT_MASTHEAD_LINES",
           "TEXT_MASTHEAD_CHARS"]

_DISTRIBUTION = re.compile(r"\bDistr\.?:\s*(\w+)")
_DATE_LINE = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})")
_STARS = re.compile(r"\*+$")
_WS = re.compile(r"\s+")
_PART = re.compile(r"/Part([A-Z])$")
#: A text file's masthead is among its first TEXT_MASTHEAD_LINES non-empty lines, before any line
#: longer than TEXT_MASTHEAD_WIDTH characters (the body has begun).
TEXT_MASTHEAD_LINES = 8
TEXT_MASTHEAD_WIDTH = 120
#: ... so only the text's first characters are split into lines to look for it (those lines and
#: the blank lines between them fit many times over).
TEXT_MASTHEAD_CHARS = 4000
_ROOTS = "|".join(re.escape(r) for r in grammar.WRITTEN_ROOTS)
_ONE = r"(?:" + _ROOTS + r")(?:/[A-Za-z0-9.()\-]+)+"
# one symbol, or a joint one printed with a dash ("A/79/123–S/2024/456", "A/79/62 - E/2024/3")
_SYMBOL = _ONE + r"(?:\s?[-–—]\s?" + _ONE + r")*"
# a line that is a symbol and nothing else (the second symbol of a joint one, printed under the first)
_BARE = re.compile(r"^(?P<sym>" + _ONE + r")\**$")
# "United Nations    A/80/321", "General Assembly    A/80/321", "A/80/321*", "S/2024/858   Distr.: General"
_TEXT_LINE = re.compile(r"^(?:(?:United Nations|Nations Unies|Naciones Unidas|" +
                        "|".join(re.escape(n) for n, _ in grammar.MASTHEAD_BODIES) + r")\s+)?"
                        r"(?P<sym>" + _SYMBOL + r")\**(?:\s{2,}(?:Distr\.|Original|\d{1,2} [A-Z][a-z]+ \d{4}).*)?$")


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


def text_symbol(lines: list[str]) -> Optional[str]:
    """The symbol of a text file's masthead: among its first lines, one that is the symbol alone,
    or after "United Nations" or a body's name ("United Nations    A/80/321"), or before
    "Distr.:" or the date; None when the top of the text has none.

    >>> text_symbol(["United Nations                    A/80/321", "General Assembly   Distr.: General"])
    'A/80/321'
    >>> text_symbol(["S/2024/858*", "Security Council"]), text_symbol(["Recalling its resolution 78/132,"])
    ('S/2024/858', None)
    """
    seen = 0
    for i, line in enumerate(lines):
        t = line.strip()
        if not t:
            continue
        seen += 1
        if seen > TEXT_MASTHEAD_LINES or len(t) > TEXT_MASTHEAD_WIDTH:
            return None
        m = _TEXT_LINE.match(t)
        if m and any(c.isdigit() for c in m.group("sym")):
            following = next((x.strip() for x in lines[i + 1:] if x.strip()), "")
            return joint_with_next(symbol(m.group("sym")), following)
    return None


def joint_with_next(sym: str, following: str) -> str:
    """``sym``, or the joint symbol it makes with the line after it when that line is another organ's
    symbol alone: a masthead prints a joint symbol one under the other when it is long ("A/79/123" |
    "S/2024/456"). Another symbol of the same series root under it is not the same document's.

    >>> joint_with_next("A/79/123", "S/2024/456*"), joint_with_next("A/79/123", "Security Council")
    ('A/79/123-S/2024/456', 'A/79/123')
    >>> joint_with_next("A/79/123", "A/79/124"), joint_with_next("A/79/123-S/2024/456", "E/2024/3")
    ('A/79/123', 'A/79/123-S/2024/456')
    """
    m = _BARE.match(following.strip())
    if not m or not any(c.isdigit() for c in m.group("sym")):
        return sym
    parts = symbols.joint_parts(sym)
    other = symbol(m.group("sym"))
    if len(parts) > 1 or other.split("/")[0] == parts[0].split("/")[0]:
        return sym
    return sym + "-" + other


def symbol(printed: str) -> str:
    """The symbol as the masthead prints it, tidied: the stars of a footnote to the symbol and
    every space dropped, a part's letter spaced ("/PartA" -> "/Part A", as the UN writes it).

    >>> symbol("A/81/6 (Sect. 26)/PartA* "), symbol("A/80/590")
    ('A/81/6(Sect.26)/Part A', 'A/80/590')
    >>> symbol("A/79/123–S/2024/456"), symbol("A/79/62 – E/2024/3*")
    ('A/79/123-S/2024/456', 'A/79/62-E/2024/3')
    """
    s = _WS.sub("", _STARS.sub("", printed.strip()))
    s = "-".join(symbols.joint_parts(s))  # a joint symbol's dash, as printed: one hyphen
    return _PART.sub(r"/Part \1", s)
