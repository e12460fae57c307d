"""Mandates tables: rows of numbers and titles under a heading.

Budget fascicles and reports list their mandates as tables: a heading such as
"General Assembly resolutions" or "Economic and Social Council resolutions and
decisions", then rows "79/201 Entrepreneurship for sustainable development",
"46/77; 79/327 ...". A row cites the resolution (or decision) its number names, in
the heading's body; the rest of the row is the target's title. In a heading of
"resolutions and decisions", decisions are told by their numbers (from
``decisions_from`` of grammar.toml, :func:`ingest.grammar.is_decision_number`: from 401 for the
Assembly, 101 for the Economic and Social Council).
A sentence, a numbered paragraph or another list's heading ends the table.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..grammar import is_decision_number
from .hit import TITLE_CHARS, Hit, clip
from .pinpoints import join_pins, pins_after
from .regexes import NUMBERED, OTHER_HEAD, ROW, ROW_AGAIN, TABLE_HEAD, TABLE_HEAD_MAX
from .scan import find_in_text

__all__ = ["heading_after", "with_rows"]

_RESOLUTION = re.compile(r"(?i)resolution")
_DECISION = re.compile(r"(?i)decision")
_SESSION_NUMBER = re.compile(r"\d{1,4}/(\d{1,3})")
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d/")
_KEYWORDS_AT_END = re.compile(r"(?i)\s*(?:resolutions?|decisions?)(?:\s+and\s+(?:resolutions?|decisions?))?\s*$")


def heading_after(text: str, heading: Optional[str]) -> tuple[Optional[str], bool]:
    """``(heading, is this paragraph the heading?)`` after a paragraph of ``text``, given the
    heading in force before it: a heading opens a table; a sentence, a numbered paragraph, a long
    paragraph or another list's heading ends it; a row or a short title line does not."""
    head = TABLE_HEAD.match(text) if len(text) < TABLE_HEAD_MAX else None
    if head:
        return head.group(0).strip().rstrip(":"), True
    if heading and not ROW.match(text) and (len(text) > 400 or text.rstrip().endswith((".", ";"))
                                            or NUMBERED.match(text) or OTHER_HEAD.search(text)):
        return None, False
    return heading, False


def _row_hits(text: str, heading: str, speaker: Optional[str]) -> list[Hit]:
    """A row of a mandates table under a heading such as "General Assembly resolutions":
    "79/201 Entrepreneurship for sustainable development" cites resolution 79/201."""
    m = ROW.match(text)
    if not m:
        return []
    spans = [(0, m.end())] + [(a.start(), a.end()) for a in ROW_AGAIN.finditer(text, m.end())]
    out = []
    for k, (a, b) in enumerate(spans):
        head = heading
        if _RESOLUTION.search(heading) and _DECISION.search(heading):
            # "General Assembly resolutions and decisions": a decision's number by its size (GA 79/555,
            # ECOSOC 2025/311: grammar.is_decision_number); resolutions below
            num = _SESSION_NUMBER.match(text[a:b])
            body = "ECOSOC" if _YEAR_NUMBER.match(text[a:b]) else ("HRC" if "Human Rights" in heading else "GA")
            kw = "decision" if num and is_decision_number(body, int(num.group(1))) else "resolution"
            head = _KEYWORDS_AT_END.sub(" " + kw, heading)
        prefix = head + " "
        title_end = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        # "80/243, sect. XVI Special subjects ...": the part cited is the row's pinpoint, not its title's start
        pins, taken = pins_after(text[b:title_end])
        title = text[b + taken:title_end].strip(" ,;") or None
        found = [h for h in find_in_text(prefix + text[a:b], speaker) if h.start >= len(prefix)]
        for i, h in enumerate(found):
            n = len(prefix) - a
            h = replace(h, start=h.start - n, end=h.end - n, target_title=title and clip(title, TITLE_CHARS), anchor=-1)
            if pins and i == len(found) - 1:  # the pinpoint follows the row's last number
                h = replace(h, pinpoint=join_pins(h.pinpoint, *(p.normal for p in pins)),
                            pinpoint_written=join_pins(h.pinpoint_written, *(p.written for p in pins)))
            out.append(h)
    return out


def with_rows(text: str, heading: str, speaker: Optional[str], hits: list[Hit]) -> list[Hit]:
    """The hits of a paragraph under a table heading: its row's references (read with the
    heading's body), then the hits after the row."""
    row = _row_hits(text, heading, speaker)
    if not row:
        return hits
    end = max(h.end for h in row)
    return row + [h for h in hits if h.start >= end]
