"""The agenda item a Security Council resolution was adopted under: its title.

A Security Council resolution prints no title of its own ("Resolution 2720 (2023)" / "Adopted by
the Security Council at its 9520th meeting ..."); the Council lists it under the agenda item it
was adopted under ("The situation in the Middle East, including the Palestinian question").

* :func:`printed_item` - an old compilation page prints the item above its resolutions ("THE
  SITUATION IN CYPRUS"): that heading, as printed;
* :func:`inferred_item` - else the item whose words (``data/sc_agenda.toml``: the countries,
  missions and themes the Council's resolutions under it name) the resolution's text uses most,
  among the items open on its date; only when it clearly leads (``min_score``, ``margin``; a leader on
  fewer than ``strong_score`` words must lead the items of the other kind, country or thematic, too),
  so that a resolution whose subject is unclear gets no title rather than a wrong one;
* :func:`sc_agenda_item` - the printed item, else the inferred one.

Not supported: items the table does not hold (a resolution under "Maintenance of international
peace and security" on a new theme gets none), items of the years before 1990 other than those of
the table.
"""
from __future__ import annotations

import functools
import pathlib
import re
import tomllib
from typing import Optional

import ahocorasick_rs

from .blocks import Block

__all__ = ["sc_agenda_item", "printed_item", "inferred_item", "agenda_items", "scores"]

_DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "sc_agenda.toml"
_HEADING = re.compile(r"^(?:THE |QUESTION |LETTER |COMPLAINT |ADMISSION |ELECTION |[A-Z]{4,} )[A-Z ,'’()/\-–]{6,200}$")
_NOT_HEADING = ("RESOLUTION", "RESOLUTIONS", "UNITED", "DECISION", "DECISIONS", "ADOPTED")
_DATE = re.compile(r"\b((?:19|20)\d\d)-\d\d-\d\d\b")
#: An old compilation page prints the agenda heading over its resolutions within its first blocks
#: (the end of the resolution before, a part heading and the Council's decisions may come first).
HEADING_WITHIN = 40
_LEADING_LITERAL = re.compile(r"^(?:\\b)?([^\\\[\](){}|?*+.^$]+)(.?)")


def _required_literal(word: str) -> Optional[str]:
    """The plain text every match of the regular expression ``word`` starts with ("Houthis?" ->
    "Houthi", "Côte d[’]" -> "Côte d", "\\bIraq\\b" -> "Iraq"), or None when it has none. A text
    without it cannot match, so the item's costly search is skipped (output unchanged)."""
    if "|" in word:
        return None
    m = _LEADING_LITERAL.match(word)
    if not m:
        return None
    lit = m.group(1)
    if m.group(2) in ("?", "*", "{"):  # the last character is optional
        lit = lit[:-1]
    return lit or None


@functools.lru_cache(maxsize=None)
def agenda_items() -> dict:
    """``data/sc_agenda.toml``: ``items`` (each with ``title``, compiled ``words``, ``from``,
    ``until``), ``min_score``, ``margin``, ``strong_score``, ``version``."""
    with open(_DATA, "rb") as f:
        raw = tomllib.load(f)
    items = []
    for it in raw["item"]:
        phrase = " ".join(re.sub(r"^The ", "", it["title"]).split()[:8])
        literals = [_required_literal(w) for w in it["words"]]
        items.append({"title": it["title"], "from": it.get("from", "0000"), "until": it.get("until", "9999"),
                      "theme": it.get("theme", False), "named": it.get("named", False),
                      "phrase": re.compile(r"\b" + re.escape(phrase), re.I), "phrase_literal": phrase.lower(),
                      "literals": literals, "word_list": tuple(it["words"]),
                      "series": re.compile(r"\b(?:" + "|".join(re.escape(r) for r in it["series"]) + r")")
                      if it.get("series") else None, "series_literals": tuple(it.get("series", ()))})
    known = sorted({lit for it in items for lit in (*it["literals"], *it["series_literals"]) if lit})
    finder = ahocorasick_rs.AhoCorasick(known) if known else None
    return {"items": items, "min_score": raw["min_score"], "margin": raw["margin"], "strong_score": raw["strong_score"],
            "version": raw["version"], "finder": finder}


_WORD_START = re.compile(r"^\\b(\w)")


def _literal_first(word: str) -> str:
    """``\\bIraq`` as ``I(?<!\\w.)raq``: the same matches, but the pattern opens with a literal, so
    Python's ``re`` skips ahead to it instead of trying every position (30x faster here)."""
    return _WORD_START.sub(lambda m: m.group(1) + r"(?<!\w.)", word, count=1)


@functools.lru_cache(maxsize=4096)
def _alternation(words: tuple[str, ...]) -> re.Pattern:
    """One item's words as one pattern, matched leftmost-first as the table orders them."""
    return re.compile("|".join(f"(?:{_literal_first(w)})" for w in words))


def printed_item(blocks: list[Block]) -> Optional[str]:
    """The agenda heading printed above the resolution on an old compilation page ("THE SITUATION IN
    CYPRUS¹"), as printed, its footnote mark dropped; None when the page prints none."""
    for b in blocks[:HEADING_WITHIN]:
        t = b.text.strip().rstrip("0123456789¹²³⁴⁵⁶⁷⁸⁹⁰*").strip()
        if _HEADING.match(t) and t.split()[0] not in _NOT_HEADING:
            return t
    return None


def _counts(text: str) -> list[int]:
    """How often each item's words occur in ``text`` (its title counting ``min_score`` times for a
    ``named`` item, and so does each resolution of its ``series`` the text recalls), in table order. A word whose leading literal is not in the text cannot match
    and is left out of the item's pattern, a series none of whose resolutions is in it is not looked for
    (one Aho-Corasick pass tells which literals and resolutions occur), so
    the counts are those of the item's whole pattern, found at a fraction of the cost."""
    rules = agenda_items()
    finder = rules["finder"]
    seen = set(finder.find_matches_as_strings(text, overlapping=True)) if finder else set()
    low = None
    out = []
    for it in rules["items"]:
        words = tuple(w for w, lit in zip(it["word_list"], it["literals"]) if lit is None or lit in seen)
        n = len(_alternation(words).findall(text)) if words else 0
        if it["named"]:
            if low is None:
                low = text.lower()
            if it["phrase_literal"] in low:
                n += rules["min_score"] * len(it["phrase"].findall(text))
        if it["series"] is not None and any(r in seen for r in it["series_literals"]):
            n += rules["min_score"] * len(it["series"].findall(text))
        out.append(n)
    return out


def scores(text: str, date: Optional[str] = None, theme: Optional[bool] = None,
           counts: Optional[list[int]] = None) -> dict[str, int]:
    """Agenda item -> how often its words occur in ``text``, for the items open on ``date`` (ISO;
    every item when None), the thematic ones only or the others only when ``theme`` says.
    Items that share a title add up. ``counts``: :func:`_counts` of ``text``, when already made."""
    out: dict[str, int] = {}
    for it, n in zip(agenda_items()["items"], counts if counts is not None else _counts(text)):
        if date and not it["from"] <= date <= it["until"]:
            continue
        if theme is not None and it["theme"] != theme:
            continue
        if n:
            out[it["title"]] = out.get(it["title"], 0) + n
    return out


def _leader(scored: dict[str, int]) -> Optional[str]:
    """The item that leads by the table's ``min_score`` and ``margin``, else None."""
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    if not ranked:
        return None
    rules = agenda_items()
    best, n = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    return best if n >= rules["min_score"] and n >= rules["margin"] * runner else None


def inferred_item(text: str, date: Optional[str]) -> Optional[str]:
    """The agenda item whose words ``text`` uses most, when it leads clearly, else None: the
    country items first, then the thematic ones (see ``data/sc_agenda.toml``).

    >>> inferred_item("Recalling all its previous resolutions on the situation in Somalia, ... AMISOM ... "
    ...               "the Federal Government of Somalia ... Somali security forces ... women", "2019-03-27")
    'The situation in Somalia'
    """
    counts = _counts(text)
    every = scores(text, counts=counts)
    if not every:
        return None
    top = max(every, key=lambda t: every[t])
    theme = next(it["theme"] for it in agenda_items()["items"] if it["title"] == top)
    # about a country: its item of that date, or none (a thematic item never wins over the country)
    mine = scores(text, date, theme=theme, counts=counts)
    leader = _leader(mine)
    if leader is None or mine[leader] >= agenda_items()["strong_score"]:
        return leader
    # few words: the leader must lead the items of the other kind too (a resolution on migrant
    # smuggling "off the coast of Libya" names Libya a few times; it is not the Libya item's)
    return leader if _leader({**scores(text, date, theme=not theme, counts=counts), leader: mine[leader]}) == leader else None


def sc_agenda_item(blocks: list[Block], date: Optional[str] = None) -> Optional[str]:
    """The printed agenda item, else the one inferred from the resolution's text (dated ``date``)."""
    printed = printed_item(blocks)
    if printed:
        return printed
    return inferred_item("\n".join(b.text for b in blocks), date)
