"""One text -> its explicit references: the dispatcher of the find stages.

As eyecite's ``get_citations`` hands each kind of token to its ``_extract_*``
function, :func:`find_in_text` hands each kind of match to its stage:

1. written symbols ("A/79/434", "A/79/62-E/2024/3", "and Add.1"):
   :func:`ingest.find.written.extract_written`;
2. resolution and decision numbers after a keyword, every item of a list:
   :func:`ingest.find.numbers.extract_numbers` (the body behind them:
   :mod:`ingest.find.body`; pinpoints: :mod:`ingest.find.pinpoints`);
3. a bare "2367 (2017)" that fits the Security Council's numbering:
   :func:`ingest.find.numbers.extract_bare_sc`;
4. the UNFCCC's decisions ("decision 1/CP.21"): :func:`ingest.find.parties.extract_parties_decisions`.

The hits come back in order of position.
"""
from __future__ import annotations

import bisect
import itertools
from typing import Optional

import ahocorasick_rs

from .body import ITS_ASSEMBLY_IF_FITS, OTHER_SPEAKER
from .hit import Hit
from .numbers import extract_bare_sc, extract_numbers
from .parties import extract_parties_decisions
from .regexes import ABBREVIATED_KEYWORD, CODE_KEYWORD_HINTS, CODE_KEYWORD_STEMS, KEYWORD_STEMS
from .written import extract_written

__all__ = ["find_in_text", "keyword_cues"]

#: what :func:`find_in_text` tests a text for before it reads it: a text with none of these holds no reference
_FIRST_TESTS = ("esolution", "ecision", "ESOLUTION", "residential", "PRST", "es.", "ec.", "ES.", "EC.",
                *CODE_KEYWORD_HINTS, "/", "(19", "(20")
#: every literal of _FIRST_TESTS and of the keyword stems, and where a keyword starts from each found: a stem
#: of KEYWORD_STEMS a letter before it (from the text's second character on), a code's stem after the code
#: (ingest.find.numbers.keyword_starts), None for a test alone
_CUE_AT: dict[str, Optional[int]] = {**{w: None for w in _FIRST_TESTS}, **{w: -1 for w in KEYWORD_STEMS},
                                     **{w: at for w, at in CODE_KEYWORD_STEMS}}
_CUE_WORDS = tuple(_CUE_AT)
_CUE_OFFSETS = tuple(_CUE_AT.values())
#: one Aho-Corasick automaton (a DFA) for them all: one pass over a document's texts
_CUES = ahocorasick_rs.AhoCorasick(_CUE_WORDS, implementation=ahocorasick_rs.Implementation.DFA)
#: how many characters of the joined texts the automaton reads at a time: one read's matches are held at
#: once, as a list, and a text made of one literal holds one match every few characters (16 MB of "A/"
#: gave 8 million, more than 1 GiB: tests/test_adversarial.py)
_CUE_CHUNK = 1 << 20
#: how far a match may reach past its first character (the longest literal, less one)
_CUE_REACH = max(map(len, _CUE_WORDS)) - 1


def _cue_matches(joined: str):
    """Every match of the automaton in ``joined`` (overlapping: ``(literal, start, end)``), read
    :data:`_CUE_CHUNK` characters at a time: a chunk is read with the :data:`_CUE_REACH` characters after it,
    and keeps the matches that start in it (the others start in the next one)."""
    if len(joined) <= _CUE_CHUNK + _CUE_REACH:
        yield from _CUES.find_matches_as_indexes(joined, overlapping=True)
        return
    for a in range(0, len(joined), _CUE_CHUNK):
        for k, s, e in _CUES.find_matches_as_indexes(joined[a:a + _CUE_CHUNK + _CUE_REACH], overlapping=True):
            if s < _CUE_CHUNK:
                yield k, s + a, e + a


def keyword_cues(texts: list[str]) -> dict[str, list[int]]:
    """The texts of ``texts`` that :func:`find_in_text` reads past its first test, each with the places a
    keyword may start in it (sorted: :func:`ingest.find.numbers.keyword_starts`), found in one pass of an
    Aho-Corasick automaton over the texts joined (no literal holds the joint, "\\x00"). A text left out
    holds none of the literals ``find_in_text`` first tests for, so it finds nothing there: the caller
    may skip it, and pass a text's starts on (``find_in_text(text, ..., starts=cues[text])``).

    >>> keyword_cues(["Noting the report.", "Recalling its resolution 70/1,", "See A/79/1."])
    {'Recalling its resolution 70/1,': [14], 'See A/79/1.': []}
    """
    out: dict[str, list[int]] = {}
    joined = "\x00".join(texts)
    offsets = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    lo, hi = 0, -1  # the span in ``joined`` of the text at hand
    starts: Optional[list[int]] = None  # its keyword starts (None: a text read before, the same words)
    for k, s, _ in _cue_matches(joined):
        if not lo <= s < hi:
            i = bisect.bisect_right(offsets, s) - 1
            lo, hi = offsets[i], offsets[i] + len(texts[i])
            starts = None if texts[i] in out else out.setdefault(texts[i], [])
        at = _CUE_OFFSETS[k]
        if starts is not None and at is not None and (at >= 0 or s > lo):
            starts.append(s - lo + at)
    for starts in out.values():
        starts.sort()
    return out


def find_in_text(text: str, speaker: Optional[str] = "GA", tied: Optional[dict] = None,
                 starts: Optional[list[int]] = None) -> list[Hit]:
    """Every explicit reference in one text, in order of position. ``speaker`` is the body whose
    text it is (a code of grammar.toml), or ``OTHER_SPEAKER`` for a body citegraph does not resolve
    (a UN-Habitat or UNEP Governing Council text): its "its resolution" is then not a reference,
    and a bare number is read as the General Assembly's.

    ``tied``, a dict kept by the caller from text to text of one document, holds the numbers the document tied
    to a body ("Human Rights Council resolution 34/22"; None for another body's: "Economic and Social Commission
    for Asia and the Pacific resolution 78/2"): a later bare "resolution 34/22" or "its resolution 34/22" of the
    same document is that body's too (:func:`ingest.find.numbers.extract_numbers`). ``starts``: where a keyword
    may start in ``text`` (:func:`keyword_cues`), when the caller found them.

    >>> [h.target for h in find_in_text("Recalling its resolutions 56/183 and 57/238,")]
    ['A/RES/56/183', 'A/RES/57/238']
    """
    has_kw = "esolution" in text or "ecision" in text or "ESOLUTION" in text or "residential" in text \
        or "PRST" in text or (("es." in text or "ec." in text or "ES." in text or "EC." in text
                               or any(h in text for h in CODE_KEYWORD_HINTS))
                              and ABBREVIATED_KEYWORD.search(text) is not None)  # "HRC res. 52/1", "HRC Res 52/1"
    if not has_kw and "/" not in text and "(19" not in text and "(20" not in text:
        return []  # most paragraphs: nothing a reference could start with
    its = None  # "its resolution": the speaker's
    if speaker == OTHER_SPEAKER:
        its, speaker = ITS_ASSEMBLY_IF_FITS, "GA"
    hits, taken = extract_written(text)
    if has_kw:
        extract_numbers(text, speaker, its, taken, hits, tied, starts)
        if "ecision" in text and "/C" in text:  # "decision 1/CP.21", "1/CMA.3", "1/CMP.8"
            extract_parties_decisions(text, taken, hits)
    if "(19" in text or "(20" in text:
        hits += extract_bare_sc(text, taken, hits)
    if len(hits) > 1:
        hits.sort(key=lambda h: h.start)
    return hits
