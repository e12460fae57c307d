"""Pinpoints: the part of the cited document a reference points to.

"paragraph 71 of General Assembly resolution 70/125", "the thirteenth preambular paragraph of
resolution 2049 (2012)", "Article 31 of the Vienna Convention" (before the reference),
"resolution 70/1, annex, para. 4", "A/79/1, chap. I.B" and "(A/78/6, paras 60-62)" (after it),
"50/70 K" and "217 A (III)" (a part that is not a document of its own). Each is kept as written
(:class:`Pin` ``written``, ``Reference.pinpoint_written``) and normalised (``Reference.pinpoint``):
``para. 71``, ``paras. 60-62``, ``preambular para. 13``, ``article 31``, ``articles 97 and 98``,
``chapter I.B``, ``section VI``, ``annex III``, ``annex, para. 4``, ``part A``.
The words are data (``ingest/data/pinpoints.toml``, with their sources: the UN Editorial Manual);
the patterns are :data:`ingest.find.regexes.PIN_BEFORE` and ``PIN_AFTER``.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from .. import symbols
from ..grammar import PINPOINT_DATA
from .regexes import (PIN_AFTER, PIN_BEFORE, PIN_BEFORE_COMMA, ROMAN_PART, body_before, has_pin_word,
                      search_from_starts)

__all__ = ["Pin", "norm_pin", "join_pins", "pins_before", "pin_after", "part_pinpoint"]


class Pin(NamedTuple):
    """One pinpoint: its normal form and the words as written ("paras. 60-62", "paras 60-62")."""

    normal: str
    written: str


_WS = re.compile(r"\s+")
_BRACKETED_SUBDIVISION = re.compile(r"\s?\(([A-Z])\)")  # an upper-case letter: "section 18 (b)" keeps its "(b)"
_UNITS = PINPOINT_DATA["unit"]
_WORD_UNIT = {w.lower(): u for u in _UNITS for w in u["words"]}
_ORD = PINPOINT_DATA["ordinals"]
_ORDINAL_NUMBER = {w: i for i, w in enumerate(_ORD["words"], 1)}
_PREAMBULAR = frozenset(_ORD["preambular"])
_WHICH_RX = "|".join(_ORD["preambular"] + _ORD["operative"])
_ORDINAL = re.compile(r"^(?:the\s+)?(?P<ord>" + "|".join(map(re.escape, _ORD["words"])) + r")\s+(?P<which>" +
                      _WHICH_RX + r")\s+paragraphs?$", re.I)
_HEAD = re.compile(r"^(?:(?P<which>" + _WHICH_RX + r")\s+)?(?P<word>" +
                   "|".join(re.escape(w) for w in sorted(_WORD_UNIT, key=len, reverse=True)) +
                   r")(?![a-z])\s*(?P<rest>.*)$", re.I)
_MANY = re.compile(r",|\band\b|\bto\b|[-–]")
#: a range between two numbers, however written ("60–62", "60 - 62", "60 to 62", "60 through 62"): "60-62" in the
#: normal form, as the Editorial Manual writes "paras. 60-62"
_RANGE = re.compile(r"(?<=[\w)])(?:\s*[-–—]\s*|\s+(?:to|through)\s+)(?=[\w(])")
#: a bracketed subdivision of a number, written with no space before it ("22(c)", "4 (a)(ii)"): one space
_TIGHT_BRACKET = re.compile(r"(?<=[0-9a-z)])\((?=[a-z]{1,4}\))")
#: "subparagraph (a) of paragraph 4": paragraph 4 (a)
_SUBPARAGRAPH_OF = re.compile(r"^sub-?paragraphs?\s+(?P<subs>.+?)\s+of\s+(?:operative\s+)?paragraph\s+(?P<n>\d+)$", re.I)


#: How far before a keyword its pinpoints are looked for, in characters: "paragraphs 50 and 52 of
#: section XI of its resolution", with a body's name between them and the keyword ("paragraph 71 of
#: General Assembly resolution"): the body's window (:data:`ingest.find.body.BODY_LOOKBACK`) and
#: the pinpoint's own words.
PIN_LOOKBACK = 240

def norm_pin(p: Optional[str]) -> Optional[str]:
    """A pinpoint as written -> its normal form (``ingest/data/pinpoints.toml``): the unit's word,
    singular or plural by what follows, then the numbers as written.

    >>> norm_pin("paragraph 71"), norm_pin("paras 60-62"), norm_pin("annex II"), norm_pin("sect. VI")
    ('para. 71', 'paras. 60-62', 'annex II', 'section VI')
    >>> norm_pin("Arts. 97 and 98"), norm_pin("chap. I.B"), norm_pin("the thirteenth preambular paragraph")
    ('articles 97 and 98', 'chapter I.B', 'preambular para. 13')
    >>> norm_pin("section I(B)"), norm_pin("chap. IV (A)")
    ('section I.B', 'chapter IV.A')
    >>> norm_pin("paragraphs 60–62"), norm_pin("paras 60 to 62"), norm_pin("pages 3–5")
    ('paras. 60-62', 'paras. 60-62', 'pp. 3-5')
    >>> norm_pin("paragraph 4 (a)(ii)"), norm_pin("subparagraph (a) of paragraph 4")
    ('para. 4 (a) (ii)', 'para. 4 (a)')
    """
    if not p:
        return None
    p = _WS.sub(" ", p.strip().rstrip(","))
    if not p:
        return None
    m = _ORDINAL.match(p)
    if m:
        n = _ORDINAL_NUMBER[m.group("ord").lower()]
        return ("preambular para. " if m.group("which").lower() in _PREAMBULAR else "para. ") + str(n)
    low = p.lower()
    if low.startswith("annex"):
        rest = p[7:] if low.startswith("annexes") else p[5:]
        return ("annexes" if _MANY.search(rest) else "annex") + rest
    m = _SUBPARAGRAPH_OF.match(p)
    if m:  # "subparagraph (a) of paragraph 4": the paragraph, then its subparagraph, as "paragraph 4 (a)" writes it
        return "para. " + _one_form(m.group("n") + " " + m.group("subs"))
    m = _HEAD.match(p)
    if m:
        unit = _WORD_UNIT[m.group("word").lower()]
        rest = _one_form(m.group("rest"))
        which = (m.group("which") or "").lower()
        word = unit["many"] if _MANY.search(rest) else unit["one"]
        if unit["numbers"] == "division":
            rest = _BRACKETED_SUBDIVISION.sub(r".\1", rest)  # "section I(B)", "chap. IV (A)": as "I.B", "IV.A"
        return ("preambular " if which in _PREAMBULAR else "") + word + (" " + rest if rest else "")
    return p[0].lower() + p[1:]


def _one_form(numbers: str) -> str:
    """The numbers of a pinpoint in one form: a range with "-" ("60–62", "60 to 62": "60-62"), a bracketed
    subdivision after one space ("22(c)": "22 (c)", "4 (a)(ii)": "4 (a) (ii)")."""
    return _TIGHT_BRACKET.sub(" (", _RANGE.sub("-", numbers))


def _pin(words: str) -> Pin:
    written = _WS.sub(" ", words.strip().rstrip(","))
    return Pin(norm_pin(written), written)


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


def pins_before(text: str, kw_start: int) -> list[Pin]:
    """The pinpoints written before the keyword (or name) at ``kw_start``, outermost last:
    "paragraphs 50 and 52 of section XI of its resolution" -> [Pin("paras. 50 and 52", "paragraphs
    50 and 52"), Pin("section XI", "section XI")]. A body's name between them and the keyword is
    passed over ("paragraph 71 of General Assembly resolution")."""
    pins: list[Pin] = []
    pre = text[max(0, kw_start - PIN_LOOKBACK):kw_start]
    if not has_pin_word(pre):
        return pins  # (asked first: the window cut at a body's name is a prefix of this one, and holds none either)
    bm = body_before(pre)
    if bm:
        pre = pre[: bm.start()]
    if not _may_end_pin(pre) or not has_pin_word(pre):
        return pins  # every pinpoint before a reference ends with "of" or "to" and holds a unit's word: none here
    while True:
        pm = search_from_starts(PIN_BEFORE, pre) if _may_end_pin(pre) else (
            search_from_starts(PIN_BEFORE_COMMA, pre) if pins and pre.endswith(", ") else None)  # "section II, paragraph 3, of"
        if not pm:
            return pins
        annex = pm.groupdict().get("annex") or pm.groupdict().get("annex_n")  # "paragraph 47 of the annex to resolution 5/1"
        if annex:
            pins.insert(0, _pin(annex))
        pins.insert(0, _pin(pm.group("pin")))
        pre = pre[: pm.start()]


def pin_after(after: str) -> list[Pin]:
    """The pinpoints written right after a reference (``after`` is the text that follows it), each
    after a comma: ", annex", ", paragraph 4", ", section II.B", ", annex, para. 4" (two), unless those
    are the next reference's ("61/105, paragraphs 113 and 119 to 124 of resolution 64/72")."""
    return pins_after(after)[0]


def pins_after(after: str) -> tuple[list[Pin], int]:
    """:func:`pin_after`'s pinpoints and how many characters of ``after`` they take (0 for none):
    what follows them is no longer the reference's (a mandates table row's title, :mod:`.tables`).

    >>> pins_after(", sect. XVI Special subjects relating to the programme budget")
    ([Pin(normal='section XVI', written='sect. XVI')], 11)
    """
    pins: list[Pin] = []
    taken = 0
    m = PIN_AFTER.match(after)
    while m and len(pins) < 4:
        pins.append(_pin(m.group("pin")))
        taken += m.end("pin")
        rest = after[taken:]
        # the next after a comma, or after a space from a division ("section I(B) para. 2")
        m = PIN_AFTER.match(rest) if rest.startswith(",") or (rest.startswith(" ") and pins[-1].written[-1] == ")"
                                                               and pins[-1].written.lower().startswith(("sect", "chap", "part"))) else None
    if pins and _OF_NEXT.match(after, taken):
        # "resolution 42/214 of 21 December 1987, section IV, paragraph 14, of its resolution 53/214": the parts
        # are the next reference's
        return [], 0
    return pins, taken


#: What follows the parts a reference cites when they are the next one's (", of its resolution 53/214").
_OF_NEXT = re.compile(r",?\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w-]*\s+)*(?:resolutions?|decisions?|documents?|reports?)\b")


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
