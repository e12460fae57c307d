"""Pinpoints: the part of the cited document a reference points to.

"paragraph 71 of General Assembly resolution 70/125" (before the number),
"resolution 70/1, annex" and "A/79/434, para. 21" (after it), "50/70 K" and
"217 A (III)" (a part that is not a document of its own). Each is normalised:
``para. 71``, ``paras. 50 and 52``, ``annex``, ``section VI``, ``chapter II``, ``part A``.
The patterns are :data:`ingest.find.regexes.PIN_BEFORE` and ``PIN_AFTER``.
"""
from __future__ import annotations

import re
from typing import Optional

from .. import symbols
from .regexes import BODY_BEFORE, PIN_AFTER, PIN_BEFORE, ROMAN_PART

__all__ = ["norm_pin", "join_pins", "pins_before", "pin_after", "part_pinpoint"]

_WS = re.compile(r"\s+")
_PARAGRAPHS = re.compile(r"^(?:sub)?paragraphs?\s+(.*)$", re.I)
_PARAS = re.compile(r"^paras?\.\s*(.*)$", re.I)
_MANY = re.compile(r",|and|to")
_MANY_PARAS = re.compile(r",|and|to|-|–")


def norm_pin(p: Optional[str]) -> Optional[str]:
    """A pinpoint as written -> its normal form ("paragraphs 50 and 52" -> "paras. 50 and 52",
    "Annexes I" -> "annex I", "sect. VI" -> "section VI", "chap. II" -> "chapter II").

    >>> norm_pin("paragraph 71"), norm_pin("paras. 3-5"), norm_pin("annex II"), norm_pin("sect. VI")
    ('para. 71', 'paras. 3-5', 'annex II', 'section VI')
    """
    if not p:
        return None
    p = _WS.sub(" ", p.strip().rstrip(","))
    low = p.lower()
    m = _PARAGRAPHS.match(p)
    if m:
        return ("paras. " if _MANY.search(m.group(1)) else "para. ") + m.group(1)
    m = _PARAS.match(p)
    if m:
        return ("paras. " if _MANY_PARAS.search(m.group(1)) else "para. ") + m.group(1)
    if low.startswith("annex"):
        return "annex" + p[5:].replace("es", "", 1) if low.startswith("annexes") else "annex" + p[5:]
    if low.startswith("sect"):
        return "section " + p.split(".", 1)[1].strip() if low.startswith("sect.") else \
            ("section" + p[p.lower().find(" "):] if " " in p else p)
    if low.startswith("chap"):
        return "chapter " + p.split()[-1]
    return p[0].lower() + p[1:]


def join_pins(*pins: Optional[str]) -> Optional[str]:
    """The pinpoints given, each once, joined with ", " (None for none)."""
    out = [p for p in pins if p]
    return ", ".join(dict.fromkeys(out)) or None


def _may_end_pin(pre: str) -> bool:
    """A quick test that ``pre`` could end as PIN_BEFORE needs: "of" or "to", maybe "the" or "its",
    then a space ("paragraph 71 of its ")."""
    if not pre[-1:].isspace():
        return False
    words = pre[-48:].split()
    if words and words[-1].lower() in ("the", "its"):
        words.pop()
    return bool(words) and words[-1].lower() in ("of", "to")


def pins_before(text: str, kw_start: int) -> list[str]:
    """The pinpoints written before the keyword at ``kw_start``, outermost last: "paragraphs 50
    and 52 of section XI of its resolution" -> ["paras. 50 and 52", "section XI"]. A body's name
    between them and the keyword is passed over ("paragraph 71 of General Assembly resolution")."""
    pins: list[str] = []
    pre = text[max(0, kw_start - 240):kw_start]
    bm = BODY_BEFORE.search(pre)
    if bm:
        pre = pre[: bm.start()]
    while True:
        pm = PIN_BEFORE.search(pre) if _may_end_pin(pre) else None
        if not pm:
            return pins
        pins.insert(0, norm_pin(pm.group("pin")))
        pre = pre[: pm.start()]


def pin_after(after: str) -> Optional[str]:
    """The pinpoint written right after a reference (``after`` is the text that follows it):
    ", annex", ", paragraph 4", ", section II.B", unless those are the next reference's
    ("61/105, paragraphs 113 and 119 to 124 of resolution 64/72")."""
    m = PIN_AFTER.match(after)
    return norm_pin(m.group("pin")) if m else None


def part_pinpoint(num: str, part: Optional[str], target: str) -> Optional[str]:
    """The parts of a resolution written with its number that are a pinpoint of it: "50/70 K",
    "217 A (III)", "65/37 A and B" (not when they are documents of their own: "75/290 B" is
    A/RES/75/290B, :func:`ingest.symbols.parts_are_documents`)."""
    rp = ROMAN_PART.match(num)
    if rp:
        return symbols.part_letters(rp.group(1) + (" " + part if part else ""))
    if part and not target.endswith(symbols.part_letters(part)):
        return symbols.part_letters(part)
    return None
