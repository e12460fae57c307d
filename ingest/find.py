"""Paragraphs -> references: find every explicit citation of another UN document.

Pure functions. Two kinds of explicit reference are found in each paragraph and
each footnote:

* written symbols - ``A/79/434``, ``A/C.2/59/3``, ``S/2024/858``,
  ``A/HRC/55/L.1/Rev.1``, ``UNEP/EA.5/Res.5``, joint symbols
  ``A/79/62-E/2024/3`` (one document; the second symbol is an alias);
* resolution and decision numbers after "resolution(s)" / "decision(s)",
  every item of a list, with the adopting body decided by an explicit name
  ("Economic and Social Council resolution"), by "its" (the speaker, or the
  body just named: "the General Assembly in its resolution"), or by the
  number's form (year/number, number (year), Roman session).

Each reference carries where it sits (paragraph, footnote), the relation
(the citing verb), the pinpoint (annex, para. 71, section VI, part A), the
words as written with their span, and what the text says of the target
(date, subject, title).

Not found here: references by an instrument's name ("the Tunis Agenda"), which
:mod:`ingest.named` adds; numbers with no "resolution"/"decision" before them.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from typing import Iterator, Optional
from urllib.parse import unquote

import ahocorasick_rs

from . import grammar, symbols
from .grammar import BODIES, BODY_PHRASES as _BODY_PHRASES, LAST_YEAR, OTHER_BODY_PHRASES as _OTHER_PHRASES, \
    parse_date, sc_year, session_fits
from .patterns import trie
from .model import Document, Reference, quick_init
from .normalize import squash
from .structure import normalise_verb, parse_text

__all__ = ["extract", "extract_explicit", "extract_text", "find_in_text", "Hit"]

# ---------------------------------------------------------------- grammar as regexes

_ROOTS = "|".join(re.escape(r) for r in grammar.WRITTEN_ROOTS)
# a hyphen goes on within a component unless another symbol follows it: a UN root or an upper-case
# code ("A/79/62-E/2024/3", "ECE/AC.21/2021/2-EUCHP2018924/4.3.2", a WHO Europe code)
_COMP = r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+|-(?!(?:" + _ROOTS + r"|[A-Z]{2,}[A-Z0-9]*)/)[A-Za-z0-9]+)*"
# a space may follow a slash before a year or a usual component ("A/78/744/ Add.7", "A/S-10/ AC.1/1-8")
_ONE_SYM = r"(?:" + _ROOTS + r")(?:/(?: (?=\d{4}/|(?:Add|Corr|Rev|Amend|CRP|AC|C|L|PC|SR|WP|Sub)\.\s?\d|INF/))?" + \
    _COMP + r")+(?:\s?\((?:[IVXLC]+|S-[IVX]+|ES-[IVX]+|(?:19|20)\d\d)\))?"
_WRITTEN = re.compile(
    r"(?<![\w/.\-])(?P<sym>" + _ONE_SYM + r")"
    r"(?P<part>\s(?:[A-H](?:\s?(?:and|to|[-–])\s?[A-H])?)(?=[\s,;.)]|$))?"
    r"(?P<sect>\s?\((?:Sect|Part|Chap|Vol|Prog)\.?\s?[0-9A-Z]+\)"  # "A/81/6 (Sect. 26)/Part A", ".../Add.1"
    r"(?:/(?:Part\s?[A-Z]|(?:Add|Corr|Rev)\.\s?\d{1,2})(?![\w/]))*)?"
    r"(?P<joint>(?:\s?[-–]\s?" + _ONE_SYM + r")*)")

# "and Add.1", ", Corr.1", "and Adds. 1–3", "and Add.1 and 2", "and Corrs. 1, 2 and 4", "and Add.1/Corr.1"
_MORE_PARTS = re.compile(
    r"(?:,\s*|\s+and\s+)\[?(?P<w>(?P<kind>Adds?|Corrs?|Revs?)\.\s?(?P<n>\d{1,2})"
    r"(?:(?P<sub>/(?:Corr|Rev|Add)\.\s?\d{1,2})|\s?[-–]\s?(?P<to>\d{1,2}))?"
    r"(?P<also>(?:(?:\s*,\s*|\s+and\s+)\d{1,2}(?=\s*(?:[,;.)\]]|and\b|$)))*))\]?(?![\w/])")
_MONTH = grammar.MONTH_PATTERN
_DATE_TXT = r"(?:\d{1,2}\s+" + _MONTH + r"(?:\s+\d{4})?|" + _MONTH + r"\s+\d{4})"
_NUMBER = re.compile(
    r"(?P<num>(?:ES|S)-\d{1,2}/\d{1,3}"
    r"|\d{1,4}/\d{1,3}(?!\d|/\w|\.\d)"  # not "Council Decision 2010/413/CFSP" (an EU act)
    r"|\d{1,4}\s?(?:[A-H]\s)?\((?:ES-|S-)?[IVXLC]+\)"
    r"|\d{1,4}\s?\((?:19|20)\d{2}\))"
    r"(?P<part>\s?(?<=[\d)\s])(?:[A-Z](?:\s?(?:,\s?[A-Z]\s?)*(?:and|to|[-–])\s?[A-Z])?)(?=[\s,;.)]|$)(?!\s+[A-Z][a-z]))?")

# "resolution(s)", "decision(s)", "presidential statement(s)"; each branch opens with a literal and
# tests the word start after it (see ingest.patterns: a leading \b makes re try every position)
_KEYWORD = re.compile(r"(?P<kw>R(?<!\w.)(?:ESOLUTIONS?|esolutions?)|r(?<!\w.)esolutions?|[Dd](?<!\w.)ecisions?"
                      r"|[Pp](?<!\w.)residential [Ss]tatements?)\b")

_BODY_BEFORE = re.compile(
    r"(?:(?P<phrase>" + "|".join(re.escape(p) for p, _ in _BODY_PHRASES) + r"|Council)"
    r"(?:['’]s)?\s*(?:,\s*)?(?:(?:in|by|through|under|and|with|of)\s+)?(?P<its>its\s+)?"
    r"(?:(?:own|earlier|previous|relevant|subsequent|most recent|latest|first|last|other|related|"
    r"respective|above-mentioned|aforementioned)\s+)*$)")
_OTHER_BEFORE = re.compile(r"(?:" + "|".join(re.escape(p) for p in _OTHER_PHRASES) +
                           r")(?:['’]s)?\s*(?:,\s*)?(?:(?:in|by|through|under)\s+)?(?:its\s+)?$")
_ADOPTED_BY_OTHER = re.compile(
    r"\b(?:adoption|adopted)\s+by\s+the\s+(?P<body>(?:(?:[A-Z][\w’'-]*|and|for|of|the)\s+){0,6}?(?:" +
    "|".join(re.escape(p) for p in _OTHER_PHRASES) + r"))\b[^.;“”]{0,160}?\bof\s+(?:its\s+)?$")
# "Assembly resolution 70/165 and Council resolution 23/8": a Council named stops the carry-over
_COUNCIL_BEFORE = re.compile(r"\bCouncil(?:['’]s)?\s+$")
_ITS_BEFORE = re.compile(trie(("its", "their", "his", "her"), not_after=r"\w") +
                         r"\s+(?:(?:own|earlier|previous|relevant|subsequent|"
                         r"most recent|latest|first|last|other|related)\s+)*$")  # on lower-cased text
_BODY_AFTER = re.compile(
    r"^\s*(?:[A-Z](?:\s(?:and|to)\s[A-Z])?\s*)?(?:(?:19|20)\d\d\s+)?(?:,\s*)?(?:of\s+" + r"\d{1,2}\s+\w+\s+\d{4}\s*,?\s*)?"
    r"(?:adopted\s+)?(?:of|by)\s+the\s+(?:(?P<phrase>" + "|".join(re.escape(p) for p, _ in _BODY_PHRASES) +
    # another body, maybe with its region or field first ("the African Commission on Human ...")
    r")|(?P<other>(?:[A-Z][\w’'-]*\s+){0,3}?(?:" + "|".join(re.escape(p) for p in _OTHER_PHRASES) + r")))\b")
_KW_OF_BODY = re.compile(r"\s+(?:and\s+decisions\s+|and\s+resolutions\s+)?(?:adopted\s+)?(?:of|by)\s+the\s+(?P<phrase>" +
                         "|".join(re.escape(p) for p, _ in _BODY_PHRASES) + r")\b")
_KW_ONLY = re.compile(r"(?i)(?:resolutions?|decisions?)$")
_WS_RUN = re.compile(r"\s+")
_ROMAN_PART = re.compile(r"^\d+\s?([A-Z])\s?\(")
_PIN_BEFORE = re.compile(
    r"(?P<pin>(?:sub)?paragraphs?\s+\d+(?:\s?\([a-z]\))?(?:(?:\s*,\s*|\s+and\s+|\s+to\s+)\d+(?:\s?\([a-z]\))?)*"
    r"|paras?\.\s*\d+(?:\s*(?:,|and|to|-|–)\s*\d+)*"
    r"|sections?\s+[IVXLC]+(?:\.[A-Z0-9]+)?(?:\s*(?:,|and)\s*[IVXLC]+)*"
    r"|part\s+(?:[IVXLC]+|[A-Z]|one|two|three)"
    r"|chapter\s+[IVXLC0-9]+"
    r"|annex(?:es)?(?:\s+[IVXLC]+)?(?:,?\s+(?:sub)?paragraphs?\s+\d+)?)"
    r"(?:\s+of\s+(?:the\s+annex\s+to\s+|annex\s+[IVX]+\s+to\s+)?|\s+to\s+)(?:the\s+|its\s+)?$", re.I)


def _may_end_pin(pre: str) -> bool:
    """A quick test that ``pre`` could end as _PIN_BEFORE needs: "of" or "to", maybe "the" or "its",
    then a space ("paragraph 71 of its ")."""
    if not pre[-1:].isspace():
        return False
    words = pre[-48:].split()
    if words and words[-1].lower() in ("the", "its"):
        words.pop()
    return bool(words) and words[-1].lower() in ("of", "to")


_PIN_AFTER = re.compile(
    r"^,?\s*(?P<pin>(?>annex(?:es)?(?:\s+[IVXLC]+)?(?:\s*(?:,|and)\s*[IVXLC]+)*"
    r"|(?:sub)?paragraphs?\s+\d+(?:\s?\([a-z]\))?(?:(?:\s*,\s*|\s+and\s+|\s+to\s+)\d+)*"
    r"|paras?\.\s*\d+(?:\s*(?:,|and|to|-|–)\s*\d+)*"
    r"|(?:sections?|sect\.)\s*[IVXLC]+(?:\.[A-Z0-9]+)?(?:\s*(?:,|and)\s*[IVXLC]+)*"
    r"|part\s+(?:[IVXLC]+|one|two|three)"
    r"|chap(?:ter|\.)\s+[IVXLC0-9]+)(?![\w]))"  # atomic: a list is not cut short to dodge the test below
    # "61/105, paragraphs 113 and 119 to 124 of resolution 64/72": those paragraphs are the next one's
    r"(?!\s+of\s+(?:the\s+|its\s+)?(?:[A-Z][\w-]*\s+)*(?:resolutions?|decisions?|documents?|reports?)\b)", re.I)

# glue that may stand between the items of a list of resolution numbers
_GLUE = re.compile(
    r"(?:\s+|,(?:\d{1,2}(?=\s))?|;(?=\s*(?:and\s+)?\d)|\band\b|\bor\b|\bas well as\b"
    r"|\bthe (?:most recent|latest)(?: of which)? (?:being|was|is|are)\b|\bthe\b|\bits\b|\bresolutions?\b|"
    r"\bnos?\.|\bnumbers?\b|\bof\s+" + _DATE_TXT + r"|\b(?:dated|adopted\s+on|on)\s+" + _DATE_TXT +
    r"|\bof\s+(?:the\s+)?(?:same\s+date|\d{4})\b|\bsection\s+[IVXLC]+(?:\.[A-Z])?\b|\bsections\s+[IVXLC]+\b"
    r"|\bpart\s+[IVXLC]+\b|\bannex(?:es)?(?:\s+[IVXLC]+)?\b|\bparagraphs?\s+\d+(?:\s?\([a-z]\))?\s+of\b"
    r"|\bentitled\s*[“\"][^”\"]{0,400}[”\"]|\brespectively\b|\bin particular\b|\binter alia\b"
    r"|\bmost recently\b"
    # "resolutions on the pattern of conferences (43/222, the most recent being 80/234), multilingualism (50/11"
    r"|\)\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?!(?:resolutions?|decisions?)\b)[^\W\d][\w’'-]*\s+){1,12}\((?=\d{1,3}/\d|(?:ES|S)-\d)"  # not "(2024/25)"
    r"|\bincluding\b|\bthe latest\b|\band\s+all\s+(?:other|previous|subsequent)\b"
    r"|\((?!\s*(?:ES-|S-)?\d{1,4}(?:/|\s?\())(?:(?:resolution|decision)s?\s+)?[^()]{0,80}\)"
    # a subject ("on progress in ...") ends before the next item, and before a body's resolution or decision:
    # "2010/22 on progress in the implementation of General Assembly resolution 62/208" is not one list
    r"|\b(?:on|concerning|regarding|relating to|related to)\s+(?![0-9])(?:(?!\s(?:and|or)\s+(?:resolutions?\s+)?"
    r"(?:\d|S-|ES-)|\d{1,4}(?:/\d|\s?\((?:(?:19|20)\d\d|(?:ES-|S-)?[IVXLC]+)\))"
    r"|\s(?:(?:[A-Z][\w’'-]*|of|the|and|its)\s+){0,6}(?:[Rr]esolutions?|[Dd]ecisions?)\b)[^,;.“”()])+"
    r"|" + _DATE_TXT + r"\b"
    r"|\((?=\d))")
# the next item of a list, after a comma or "and"
_NEXT_ITEM = (r"(?:,\s*(?:and\s+|as well as\s+)?|\s+and\s+)"
              r"(?:(?:ES|S)-\d{1,2}/\d|\d{1,4}/\d{1,3}\b|\d{1,4}\s\((?:19|20)\d\d\)|\d{1,4}\s?(?:[A-Z]\s)?\([IVXL]+\))")
_NEXT_ITEM_RX = re.compile(_NEXT_ITEM)
# a clause between two items of a list: no digits, no keyword, and a number after it. Costly to try
# (a look-ahead at each of up to 250 characters), so it is tried last, and only with an item ahead
_GLUE_CLAUSE = re.compile(
    r"(?:(?!resolution|decision|Resolution|Decision|\d{1,4}/\d|\d{1,4}\s?\()(?:[^;.“”()\[\]]|“[^”]{0,200}”)){1,250}?"
    r"(?=" + _NEXT_ITEM + ")")

_TITLE_AFTER = re.compile(r"^\s*,?\s*(?:of\s+" + _DATE_TXT + r"\s*,?\s*)?entitled\s*[“\"]([^”\"]{1,400})[”\"]")
_SUBJ_AFTER = re.compile(r"^\s*,?\s*(?:of\s+" + _DATE_TXT + r"\s*,?\s*)?on\s+(?![0-9])((?:(?!\s(?:and|or)\s+(?:resolutions?\s+)?(?:\d|S-|ES-)"
                         # ... nor the next resolution: "on the protection of migrants and its resolution 62/270"
                         r"|\s(?:and\s+|or\s+)?(?:(?:[A-Z][\w’'-]*|of|the|its)\s+){0,6}(?:[Rr]esolutions?|[Dd]ecisions?)\b"
                         # a comma inside a title-case agenda: "on Women, Peace and Security", "Youth, Peace and Security"
                         # (not "..., Economic and Social Council resolution"), ending before "and all relevant ..."
                         r"|\sand\s+(?:all|calling|recalling|noting|reaffirming|welcoming|"
                         r"(?:its|their)\s+(?:subsequent|other|previous|earlier|relevant|later))\b)"
                         r"(?:[^,;.“”()]|,(?=\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\sand\s[A-Z][a-z]+\b(?!\s+(?:[A-Z][a-z]+\s+)*"
                         r"(?:Council|Commission|Committee|Assembly|Board|[Rr]esolutions?|[Dd]ecisions?)\b))))+)")
_DATE_AFTER = re.compile(r"^\s*(?:[A-H](?:\s(?:and|to)\s[A-H])?\s*)?,?\s*(?:of|dated|adopted on)\s+(" + _DATE_TXT + r")")

_RELATIONS = sorted(grammar.RELATIONS.items(), key=lambda x: len(x[0]), reverse=True)
_RELATIONS_BY_KEY = dict(_RELATIONS)
_RELATION_RX = re.compile(r"\b(" + "|".join(re.escape(k) for k, _ in _RELATIONS) + r")\b", re.I)
# the same on lower-cased text, in one pass of an Aho-Corasick automaton: six times faster than the regex
_RELATION_KEYS = [k for k, _ in _RELATIONS]
_RELATION_AC = ahocorasick_rs.AhoCorasick(_RELATION_KEYS, implementation=ahocorasick_rs.Implementation.DFA)


def _relation_verbs(low: str) -> list[tuple[int, str]]:
    """``(start, relation)`` of the citing verbs in lower-cased ``low``: what ``_RELATION_RX.finditer``
    finds (whole words; where two overlap, the first, and at one start the longest)."""
    found = []
    n = len(low)
    for i, s, e in _RELATION_AC.find_matches_as_indexes(low, overlapping=True):
        if (s and (low[s - 1].isalnum() or low[s - 1] == "_")) or (e < n and (low[e].isalnum() or low[e] == "_")):
            continue
        found.append((s, -e, i))
    found.sort()
    out = []
    reach = -1
    for s, neg_end, i in found:
        if s >= reach:
            reach = -neg_end
            out.append((s, _RELATIONS_BY_KEY[_RELATION_KEYS[i]]))
    return out

_SENT_END = re.compile(r"[.;](?<![A-Z][.;])(?=\s+[A-Z(“\"])")
_NOT_END = ("para", "paras", "No", "no", "Sect", "Corr", "Rev", "Add", "art", "Art", "chap", "pp", "vol", "Vol")


@quick_init
@dataclass(frozen=True)
class Hit:
    """A reference found in one text, before it is placed in a document."""

    target: str
    surface: str
    start: int
    end: int
    pinpoint: Optional[str] = None
    target_date: Optional[str] = None
    target_subject: Optional[str] = None
    target_title: Optional[str] = None
    aliases: tuple[str, ...] = ()


def _norm_pin(p: Optional[str]) -> Optional[str]:
    if not p:
        return None
    p = re.sub(r"\s+", " ", p.strip().rstrip(","))
    low = p.lower()
    m = re.match(r"^(?:sub)?paragraphs?\s+(.*)$", p, re.I)
    if m:
        return ("paras. " if re.search(r",|and|to", m.group(1)) else "para. ") + m.group(1)
    m = re.match(r"^paras?\.\s*(.*)$", p, re.I)
    if m:
        return ("paras. " if re.search(r",|and|to|-|–", m.group(1)) else "para. ") + m.group(1)
    if low.startswith("annex"):
        return "annex" + p[5:].replace("es", "", 1) if low.startswith("annexes") else "annex" + p[5:]
    if low.startswith("sect"):
        return "section " + p.split(".", 1)[1].strip() if low.startswith("sect.") else \
            ("section" + p[p.lower().find(" "):] if " " in p else p)
    if low.startswith("chap"):
        return "chapter " + p.split()[-1]
    return p[0].lower() + p[1:]


def _join_pins(*pins: Optional[str]) -> Optional[str]:
    out = [p for p in pins if p]
    return ", ".join(dict.fromkeys(out)) or None


def _clip(s: Optional[str], n: int = 200) -> Optional[str]:
    if not s:
        return None
    s = squash(s).strip(" ,;")
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _body_of_phrase(phrase: str) -> Optional[str]:
    for p, code in _BODY_PHRASES:
        if p == phrase:
            return code
    return None


_BARE_COMMISSION = re.compile(r"(?:^|[^\w\s]\s*|\b(?:the|its|of|by|in|and|with|Recalling|Reaffirming)\s+)Commission\s+$")


def _council(speaker: Optional[str]) -> str:
    """"Council" alone: the speaker when it is a Council, else "Council" (the number's form and
    date tell which one, _body_for_number)."""
    return speaker if speaker in ("SC", "ECOSOC", "HRC") else "Council"


def _decide_body(text: str, kw_start: int, kw_end: int, speaker: Optional[str],
                 its: Optional[str] = None) -> tuple[Optional[str], bool]:
    """The body behind the numbers after a keyword: (code or None to skip, explicit?). ``its`` is what
    "its resolution" means when not the speaker (``_ITS_ASSEMBLY_IF_FITS`` in another body's text)."""
    before = text[max(0, kw_start - 160):kw_start]
    m = _BODY_BEFORE.search(before)
    if m:
        phrase = m.group("phrase")
        # "World Health Assembly resolution", "Environment Assembly" are longer known phrases
        other = _OTHER_BEFORE.search(before)
        if other and other.start() < m.start() + len(before[m.start():]) and len(other.group(0)) > len(m.group(0)):
            return None, True
        if phrase == "Council":
            # "Council resolution": which Council the number's form and date tell (_body_for_number)
            return _council(speaker), False
        return _body_of_phrase(phrase), True
    if speaker == "CHR" and _BARE_COMMISSION.search(before):
        return speaker, True  # "Commission resolution 2004/5" in a Commission on Human Rights text
    if _OTHER_BEFORE.search(before):
        return None, True
    if "adopt" in before:
        # "the adoption by the Economic Commission for Latin America and the Caribbean at its
        # thirty-sixth session, held in ..., of resolution 700 (XXXVI)": that body's resolution
        a = _ADOPTED_BY_OTHER.search(before)
        if a:
            ours = next((code for p, code in _BODY_PHRASES if before.startswith(p, a.start("body"))), None)
            return ours, True
    if _ITS_BEFORE.search(before.lower()):
        # "the General Assembly, in its resolution" is caught above; otherwise the speaker
        return (its, True) if its else (speaker, False)
    prev = re.search(r"([A-Z][A-Za-z\-]+)\s*$", before)
    if prev and not re.search(r"[.;:]\s*$|^\s*$", before[: prev.start()][-3:] or " ") and \
            not prev.group(1).endswith("ing") and prev.group(1) not in (
                "The", "Its", "All", "Also", "Further", "See", "Relevant", "Previous", "Subsequent", "Those",
                "These", "Their", "In", "And", "Of", "By", "Under", "Pursuant", "Recalls", "Reaffirms",
                "Notes", "Welcomes", "Recalled", "Recalling", "Having", "Also", "Moreover", "Nations", "Draft",
                "Rev", "Resolution", "Resolutions", "Decision", "Decisions", "Res", "Recommended", "Annex"):
        # "Conference resolution 3/1", "Board decision 2020/5": a body citegraph does not resolve
        if prev.group(1) not in ("Assembly",):
            return None, True
    return speaker, False




@functools.lru_cache(maxsize=65536)
def _body_for_number(num: str, body: Optional[str], explicit: bool, speaker: Optional[str],
                     decision: bool = False, year: Optional[int] = None) -> Optional[str]:
    form = symbols.number_form(num)
    if body == _ITS_ASSEMBLY_IF_FITS:
        # "its resolution" in another body's text: the Assembly named before it, where the Assembly's
        # numbering fits ("In its resolution 32/162 of 19 December 1977"); else that body's own (skip)
        if form in ("roman", "special_session", "emergency_session"):
            return "GA"
        if form != "session_number":
            return None
        s, n = (int(x) for x in num.split("/"))
        return "GA" if session_fits("GA", s, n, year, decision) else None
    if body == "Council":
        # "Council resolution": the number's form tells which Council
        return {"year_number": "ECOSOC", "number_year": "SC", "session_number": "HRC",
                "special_session": "HRC", "roman": "ECOSOC"}.get(form or "", None)
    if body is None:
        return None
    if form != "session_number":
        if not explicit and body not in ("GA", "HRC", "UNEA", "ECOSOC", "SC", "CHR"):
            return "GA"
        return body
    s, n = (int(x) for x in num.split("/"))
    if explicit:
        return body if session_fits(body, s, n, None, decision) else None
    # not written: the presumed body if the number and its date fit, else the one body they fit
    presumed = body if body in ("GA", "HRC", "UNEA") else "GA"
    if session_fits(presumed, s, n, year, decision):
        return presumed
    others = [c for c in ("GA", "HRC", "UNEA") if c != presumed and session_fits(c, s, n, year, decision)]
    if len(others) == 1 and year is not None:
        return others[0]
    if year is None and "GA" in others:
        return "GA"
    return None


def _presidential_statement(num: str, speaker: Optional[str]) -> Optional[str]:
    """"presidential statement 2015/25" (Security Council) or "9/1" (Human Rights Council)."""
    form = symbols.number_form(num)
    a, b = (num.split("/") + [""])[:2]
    if form == "year_number":
        return BODIES["SC"]["presidential_statement"].format(y=a, n=b)
    if form == "session_number" and speaker == "HRC":
        return BODIES["HRC"]["presidential_statement"].format(s=a, n=b)
    return None


def _parts_of(more: re.Match) -> list[str]:
    """The parts a _MORE_PARTS match names: "Adds. 1–3" -> Add.1, Add.2, Add.3; "Corr.1 and 2" ->
    Corr.1, Corr.2; "Add.1/Corr.1 and 2" -> Add.1/Corr.1, Add.1/Corr.2."""
    kind = more.group("kind").capitalize().rstrip("s")
    first = int(more.group("n"))
    also = [int(x) for x in re.findall(r"\d+", more.group("also") or "")]
    if more.group("sub"):
        sub_kind, sub_n = more.group("sub").strip("/").replace(" ", "").split(".")
        return [f"{kind}.{first}/{sub_kind}.{k}" for k in dict.fromkeys([int(sub_n)] + also)]
    last = int(more.group("to") or first)
    return [f"{kind}.{k}" for k in dict.fromkeys(list(range(first, min(last, first + 20) + 1)) + also)]


def _attach(symbol: str, part: str) -> str:
    """A part written after a symbol: "A/31/75/Add.1" and "Add.2" are siblings (A/31/75/Add.2);
    "A/65/761" and "Corr.1", or "A/31/75/Add.1" and "Corr.1", make A/65/761/Corr.1, A/31/75/Add.1/Corr.1."""
    head, _, last = symbol.rpartition("/")
    if "." in last and last.split(".")[0] == part.split(".")[0]:
        return f"{head}/{part}"
    return f"{symbol}/{part}"


def _written(text: str) -> Iterator[re.Match]:
    """``_WRITTEN.finditer(text)``, tried only where a symbol can start: at the word before each "/"."""
    end = 0
    q = text.find("/")
    while q >= 0:
        p = q
        while p > 0 and (text[p - 1].isalnum() or text[p - 1] in "_.-"):
            p -= 1
        m = _WRITTEN.match(text, p) if end <= p < q else None
        if m:
            yield m
            end = m.end()
            q = text.find("/", end)
        else:
            q = text.find("/", q + 1)


_KEYWORD_STEMS = ("esolution", "ESOLUTION", "ecision", "residential")


def _keywords(text: str) -> Iterator[re.Match]:
    """``_KEYWORD.finditer(text)``, tried only a letter before each stem ("esolution", "ecision" ...)."""
    starts = []
    for stem in _KEYWORD_STEMS:
        i = text.find(stem, 1)
        while i >= 0:
            starts.append(i - 1)
            i = text.find(stem, i + 1)
    end = 0
    for p in sorted(starts):
        if p >= end:
            m = _KEYWORD.match(text, p)
            if m:
                yield m
                end = m.end()


def find_in_text(text: str, speaker: Optional[str] = "GA") -> list[Hit]:
    """Every explicit reference in one text, in order of position. ``speaker`` is the body whose
    text it is (a code of grammar.toml), or ``OTHER_SPEAKER`` for a body citegraph does not resolve
    (a UN-Habitat or UNEP Governing Council text): its "its resolution" is then not a reference,
    and a bare number is read as the General Assembly's.

    >>> [h.target for h in find_in_text("Recalling its resolutions 56/183 and 57/238,")]
    ['A/RES/56/183', 'A/RES/57/238']
    """
    has_kw = "esolution" in text or "ecision" in text or "ESOLUTION" in text or "residential" in text
    if not has_kw and "/" not in text and "(19" not in text and "(20" not in text:
        return []  # most paragraphs: nothing a reference could start with
    its = None  # "its resolution": the speaker's
    if speaker == OTHER_SPEAKER:
        its, speaker = _ITS_ASSEMBLY_IF_FITS, "GA"
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []

    # 1. written symbols
    for m in _written(text):
        sym = m.group("sym")
        if not re.search(r"\d", sym) or text.startswith("/", m.end("sym")):
            continue  # no number, or cut by a space after a slash ("A/S-10/ AC.1/1-8")
        if sym.count("/") < 1:
            continue
        written = sym + (m.group("part") or "") if "/RES/" in sym.upper() else sym
        target = symbols.canonical_written(written + (m.group("sect") or ""))
        aliases = tuple(symbols.canonical_written(s) for s in
                        re.findall(_ONE_SYM, m.group("joint") or ""))
        end = m.end()
        surface = text[m.start():end].rstrip(" -–")
        end = m.start() + len(surface)
        if "/RES/" not in sym.upper() and m.group("part"):
            end = m.start("part")
            surface = text[m.start():end]
        pin = _PIN_AFTER.match(text[end:end + 80])
        hits.append(Hit(target, surface, m.start(), end, _norm_pin(pin.group("pin")) if pin else None,
                        aliases=aliases))
        taken.append((m.start(), m.end()))
        pos = m.end()
        while True:
            more = _MORE_PARTS.match(text, pos)
            if not more:
                break
            for part in _parts_of(more):
                hits.append(Hit(_attach(target, part), more.group("w"), more.start("w"), more.end("w")))
            pos = more.end()

    # 2. resolution and decision numbers after a keyword
    sentence_body: tuple[int, Optional[str]] = (-1, None)  # (sentence start, explicit body named in it)
    next_item = (1, 0)  # (from, where): the next list item at or after "from" starts at "where"
    kw_at: dict[int, int] = {}  # where a number was read -> its hit
    for km in (_keywords(text) if has_kw else ()):
        kw = km.group("kw").lower()
        decision = kw.startswith("decision")
        statement = kw.startswith("presidential")
        body, explicit = _decide_body(text, km.start(), km.end(), speaker, its)
        sent_start = text.rfind(". ", 0, km.start())
        # "resolutions and decisions of the Human Rights Council, ... resolutions 53/26"
        of_body = _KW_OF_BODY.match(text, km.end())
        if of_body and not explicit:
            body, explicit = _body_of_phrase(of_body.group("phrase")), True
        if not explicit and text.endswith(" ", max(0, km.start() - 1), km.start()) \
                and _CLAUSE_IN_ITS.search(text, max(0, km.start() - 12), km.start()):
            # "In its resolution 2006/1, the Commission requested ...", "By decision 56/324 of 23 July 2002, the
            # Assembly ...": at the head of a clause, the subject that follows adopted it ("which the Council took
            # note of in its decision" is the Council's)
            subj = _ITS_SUBJECT.match(text, km.end())
            if subj:
                body, explicit = (None, True) if subj.group("other") else _subject_body(subj.group("subj"), speaker)
        # in another body's text (ECE, UN-Habitat), a bare "decision 2023/1" is that body's: ours only with our
        # body named after it ("decision 2012/24 of the Economic and Social Council")
        named_after_only = its is not None and decision and not explicit
        carried: Optional[tuple[Optional[str], bool]] = None  # the body and flag before a carry-over
        if explicit and body:
            sentence_body = (sent_start, body)
        elif _COUNCIL_BEFORE.search(text, max(0, km.start() - 12), km.start()):
            # "Assembly resolutions 70/169 ... and Council resolutions 33/10 ..., as well as resolution 47/4":
            # a Council named ends what the Assembly named before it carried
            sentence_body = (sent_start, None)
        elif not explicit and body == speaker and sentence_body[0] == sent_start and sentence_body[1] \
                and not _ITS_BEFORE.search(text[max(0, km.start() - 40):km.start()].lower()):
            # "Human Rights Council resolution 5/1 ..., as well as resolutions 28/6": the body carries on
            carried = (body, explicit)
            body, explicit = sentence_body[1], True
        pos = km.end()
        first = True
        while pos < len(text):
            c = text[pos]
            if c == " ":  # what _GLUE would take first, without the call
                pos += 1
                continue
            # a number first where one may start: no glue starts where a number does (a date's day
            # is followed by its month, a clause stops before a number), so the answer is the same
            n = _NUMBER.match(text, pos) if c.isdigit() or c == "S" or c == "E" else None
            if n is None:
                g = _GLUE.match(text, pos)
                if not g:
                    # the leftmost next item at pos + 1 or after (kept while it still answers)
                    if not next_item[0] <= pos + 1 <= next_item[1]:
                        m = _NEXT_ITEM_RX.search(text, pos + 1)
                        next_item = (pos + 1, m.start() if m else len(text) + 1)
                    if next_item[1] <= len(text):
                        g = _GLUE_CLAUSE.match(text, pos)
                if g and g.end() > pos:
                    if c in "rRdD" and _KW_ONLY.match(g.group(0).strip()):
                        break  # the next keyword starts its own list
                    pos = g.end()
                    continue
                n = _NUMBER.match(text, pos)
                if not n:
                    break
            if any(a <= n.start() < b for a, b in taken):
                pos = n.end()
                first = False
                continue
            num = _WS_RUN.sub(" ", n.group("num"))
            part = n.group("part")
            after = text[n.end():n.end() + 300]
            b_code, b_explicit = body, explicit
            aft = _BODY_AFTER.match(after)
            if named_after_only and not (aft and aft.group("phrase")):
                pos = n.end()
                first = False
                continue
            if aft and not explicit:
                if aft.group("other"):
                    pos = n.end()
                    first = False
                    continue  # "decision 27/2, adopted by the Governing Council": not ours
                b_code, b_explicit = _body_of_phrase(aft.group("phrase")), True
            date = _DATE_AFTER.match(after)
            iso = parse_date(date.group(1)) if date else None
            year = int(iso[:4]) if iso else None
            if year is not None and not 1946 <= year <= LAST_YEAR:
                year = None  # a misprint ("24 December 2107") says nothing of the body
            code = _body_for_number(num, b_code, b_explicit, speaker, decision, year)
            if carried and not aft and code and year is not None and symbols.number_form(num) == "session_number" \
                    and not session_fits(code, *map(int, num.split("/")), year, decision):
                # a carried body whose session could not have adopted it then: the body the number and date
                # fit, if there is one (a misprinted date keeps the carried body)
                code = _body_for_number(num, carried[0], carried[1], speaker, decision, year) or code
            if statement:
                target = _presidential_statement(num, speaker)
            else:
                target = symbols.resolve_number(num, code, part, decision=decision, explicit=b_explicit) \
                    if code else None
            if target:
                pins_before: list[str] = []
                if first:
                    pre = text[max(0, km.start() - 240):km.start()]
                    bm = _BODY_BEFORE.search(pre)
                    if bm:  # "paragraph 71 of General Assembly resolution": skip the body phrase
                        pre = pre[: bm.start()]
                    # "paragraphs 50 and 52 of section XI of its resolution"
                    while True:
                        pm = _PIN_BEFORE.search(pre) if _may_end_pin(pre) else None
                        if not pm:
                            break
                        pins_before.insert(0, _norm_pin(pm.group("pin")))
                        pre = pre[: pm.start()]
                pin_after = _PIN_AFTER.match(after)
                # parts ("50/70 K", "217 A (III)", "65/37 A and B") are a pinpoint of the resolution,
                # unless they are documents of their own ("75/290 B": A/RES/75/290B, symbols.parts_are_documents)
                part_pin = None
                rp = _ROMAN_PART.match(num)
                if rp:
                    part_pin = symbols.part_letters(rp.group(1) + (" " + part if part else ""))
                elif part and not target.endswith(symbols.part_letters(part)):
                    part_pin = symbols.part_letters(part)
                title = _TITLE_AFTER.match(after)
                subj = _SUBJ_AFTER.match(after)
                surface = text[n.start():n.end()].rstrip()
                hit = Hit(
                    target=target, surface=surface, start=n.start(), end=n.start() + len(surface),
                    pinpoint=_join_pins(part_pin, *pins_before,
                                        _norm_pin(pin_after.group("pin")) if pin_after else None),
                    target_date=iso,
                    target_subject=_clip(subj.group(1)) if subj else None,
                    target_title=_clip(title.group(1), 300) if title else None)
                if n.start() in kw_at:  # reached from an earlier keyword's list: the nearer keyword decides
                    hits[kw_at[n.start()]] = hit
                else:
                    kw_at[n.start()] = len(hits)
                    hits.append(hit)
            pos = n.end()
            first = False
    # 3. "the values set forth in 2367 (2017)": a bare number (year) that fits the Council's numbering
    if "(19" in text or "(20" in text:
        for m in _BARE_SC.finditer(text):
            if any(a <= m.start() < b for a, b in taken) or any(h.start == m.start() for h in hits):
                continue
            n, y = int(m.group("n")), int(m.group("y"))
            before = text[max(0, m.start() - 12):m.start()].lower()
            if sc_year(n) is None or abs(sc_year(n) - y) > 1 or re.search(r"(?:para\.?|paragraph|article|page|"
                                                                          r"annex|no\.|number|vol\.?|volume)\s*$", before):
                continue
            hits.append(Hit(f"S/RES/{n}({y})", m.group(0), m.start(), m.end()))
    if len(hits) > 1:
        hits.sort(key=lambda h: h.start)
    return hits


_BARE_SC = re.compile(r"(?P<n>[1-9](?<![\w/.,-].)\d{0,3}) ?\((?P<y>(?:19[4-9]|20[0-4])\d)\)")


class _Marks:
    """Relation verbs and sentence ends of one text, found once, looked up per reference
    (use :func:`marks_of`, which keeps them for the named pass of the same paragraph)."""

    def __init__(self, text: str):
        self.text = text
        low = text.lower()
        if len(low) == len(text):
            self.verbs = _relation_verbs(low)
        else:  # "İ" lower-cases to two characters: offsets would shift
            self.verbs = [(m.start(), _RELATIONS_BY_KEY[m.group(1).lower()]) for m in _RELATION_RX.finditer(text)]
        self.ends = [m.end() for m in _SENT_END.finditer(text) if not text.endswith(_NOT_END, 0, m.start())]
        self._sentences: dict[tuple[int, int], str] = {}

    def relation(self, pos: int, default: Optional[str]) -> Optional[str]:
        i = bisect.bisect_left(self.verbs, (pos, "")) - 1
        return self.verbs[i][1] if i >= 0 else default

    def sentence(self, start: int, end: int) -> str:
        i = bisect.bisect_right(self.ends, start)
        a = self.ends[i - 1] if i > 0 else 0
        j = bisect.bisect_left(self.ends, end)
        b = self.ends[j] if j < len(self.ends) else len(self.text)
        # one string per sentence, however many references it holds (pickled once, too)
        out = self._sentences.get((a, b))
        if out is None:
            out = self._sentences[(a, b)] = _clip(self.text[a:b].strip(), 600) or ""
        return out


@functools.lru_cache(maxsize=256)
def marks_of(text: str) -> _Marks:
    """The :class:`_Marks` of ``text``; the explicit and the named pass of one paragraph share them."""
    return _Marks(text)


_TABLE_HEAD = re.compile(
    r"^(?:(?:" + "|".join(re.escape(p) for p, _ in _BODY_PHRASES) + r")\s+)?(?:resolutions?|decisions?)"
    r"(?:\s+and\s+decisions?)?\s*:?\s*$", re.I)
_ROW_NUM = (r"(?:(?:ES|S)-\d{1,2}/\d{1,3}|\d{1,4}/\d{1,3}|\d{1,4}\s?(?:[A-Z]\s)?\((?:ES-|S-)?[IVXLC]+\)"
            r"|\d{1,4}\s?\((?:19|20)\d{2}\))(?:\s?[A-Z](?:\s?(?:and|to|[-–])\s?[A-Z])?(?![\w/]))?")
_ROW = re.compile(r"^" + _ROW_NUM + r"(?:\s*[;,]\s*(?:and\s+)?" + _ROW_NUM + r")*(?=[\s,]|$)")
# a second row run into the same line: "9 (I) Commission on Narcotic Drugs 1992/1 Establishment of ..."
_ROW_AGAIN = re.compile(r"(?<=[a-z)”] )" + _ROW_NUM + r"(?=\s+[A-Z])")
_DECISIONS_FROM = {code: b["decisions_from"] for code, b in BODIES.items() if "decisions_from" in b}


_TABLE_HEAD_MAX = 2 * max(len(p) for p, _ in _BODY_PHRASES) + 40  # no heading is longer
_OTHER_HEAD = re.compile(r"(?i)\b(?:resolutions|decisions|conclusions|reports|documents|statements|agreements|"
                         r"conventions|declarations|rules)$")
_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?\s")


# the subject "its" stands for, named after the numbers: "In its resolution 49/128, in which it endorsed
# ..., the General Assembly requested"; "In its decision 2005/1, the Commission reaffirmed"
_ITS_SUBJECT = re.compile(
    r"\s+(?:(?!,\s+the\s+[A-Z])(?:[^;.“”]|“[^”]{0,300}”|\.(?=\d))){0,300}?,\s+the\s+(?P<subj>"
    + "|".join(re.escape(p) for p, _ in _BODY_PHRASES) + r"|Assembly|Council|Commission"
    # another body: "the Commission on Population and Development", "the Statistical Commission"
    r"|(?P<other>(?:[A-Z][\w’'-]*\s+)*(?:Commission|Committee|Board|Conference|Council|Assembly)"
    r"(?:\s+(?:on|for|of)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+(?:and\s+)?){0,8}?[A-Z][\w’'-]*)?))"
    r"(?=(?:\s*,[^,;.“”]{1,120},)?\s+(?:also\s+|further\s+|again\s+|first\s+)?(?:[a-z]+ed|took|was|were|had|"
    r"has|is|are|made|gave|set|laid|held|drew|sought|chose|began)\b)")  # (", on the proposal of ..., elected")
_CLAUSE_IN_ITS = re.compile(r"(?:^|[.;:,]\s+|^\W+)(?:[Ii]n|[Bb]y)(?: its)? $")


def _subject_body(subj: str, speaker: Optional[str]) -> tuple[Optional[str], bool]:
    """(body, explicit?) for a subject, as ``_decide_body`` gives them: a body of grammar.toml; the
    speaker for "the Assembly" or "the Council" that is the speaker ("Council" is told by the
    number's form otherwise); None for a commission, committee, board or conference citegraph does
    not resolve ("the Commission" of a Commission on Population and Development report), unless it
    is the speaker ("the Commission" of the Commission on Human Rights)."""
    if subj == "Assembly":
        return (speaker if speaker in ("GA", "UNEA") else "GA"), True
    if subj == "Council":
        return _council(speaker), False
    code = _body_of_phrase(subj)
    if code:
        return code, True
    return (speaker if subj == "Commission" and speaker == "CHR" else None), True


OTHER_SPEAKER = "other"  # the text of a body citegraph does not resolve
_ITS_ASSEMBLY_IF_FITS = "its:GA?"


def _speaker_of(doc: Document) -> str:
    """Whose text a document with no adopting body is: the General Assembly's by default (reports,
    letters, Secretariat texts under A/, S/, E/, ST/: in a functional commission's report "its
    resolution" is as often the Council's as the commission's); the Commission on Human Rights'
    under E/CN.4, the Human Rights Council's under A/HRC, the Environment Assembly's under
    UNEP/EA.; another body's under its own series (UNEP/GC/..., HSP/..., ECE/..., TD/...)."""
    symbol = doc.symbol or ""
    if symbol.startswith("E/CN.4/"):
        return "CHR"
    if symbol.startswith("A/HRC/"):
        return "HRC"
    if symbol.startswith("UNEP/EA."):
        return "UNEA"
    return "GA" if symbol.split("/")[0] in ("", "A", "S", "E", "ST") else OTHER_SPEAKER


def _row_hits(text: str, heading: str, speaker: Optional[str]) -> list[Hit]:
    """A row of a mandates table under a heading such as "General Assembly resolutions":
    "79/201 Entrepreneurship for sustainable development" cites resolution 79/201."""
    m = _ROW.match(text)
    if not m:
        return []
    spans = [(0, m.end())] + [(a.start(), a.end()) for a in _ROW_AGAIN.finditer(text, m.end())]
    out = []
    for k, (a, b) in enumerate(spans):
        head = heading
        if re.search(r"(?i)resolution", heading) and re.search(r"(?i)decision", heading):
            # "General Assembly resolutions and decisions": decisions are numbered from 400 (GA 79/555),
            # ECOSOC's from 200 (2025/311); resolutions below
            num = re.match(r"\d{1,4}/(\d{1,3})", text[a:b])
            body = "ECOSOC" if re.match(r"(?:19|20)\d\d/", text[a:b]) else (
                "HRC" if "Human Rights" in heading else "GA")
            kw = "decision" if num and int(num.group(1)) >= _DECISIONS_FROM[body] else "resolution"
            head = re.sub(r"(?i)\s*(?:resolutions?|decisions?)(?:\s+and\s+(?:resolutions?|decisions?))?\s*$",
                          " " + kw, heading)
        prefix = head + " "
        title_end = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        title = text[b:title_end].strip(" ,;") or None
        for h in find_in_text(prefix + text[a:b], speaker):
            if h.start >= len(prefix):
                n = len(prefix) - a
                out.append(replace(h, start=h.start - n, end=h.end - n, target_title=title and _clip(title, 300)))
    return out


def extract_explicit(doc: Document) -> list[Reference]:
    """The explicit references of a parsed document (symbols and numbers), in reading order."""
    speaker = doc.body or _speaker_of(doc)
    source = doc.symbol or symbols.symbol_from_filename(doc.file) or doc.file
    refs: list[Reference] = []

    own_key = _norm_symbol(doc.symbol) if doc.symbol else None

    def own(t: str) -> bool:
        # exactly the document itself: part A of the resolution is another document than part B
        return own_key is not None and _norm_symbol(t) == own_key

    heading: Optional[str] = None  # "General Assembly resolutions" over a table of numbers and titles
    for p in doc.paragraphs:
        if p.kind == "outside":
            continue
        links = [(words, _link_symbol(url)) for words, url in p.links] if p.links else []
        link_targets = {_base(t) for _, t in links if t}
        head = _TABLE_HEAD.match(p.text) if len(p.text) < _TABLE_HEAD_MAX else None
        if head:
            heading = head.group(0).strip().rstrip(":")
        elif heading and not _ROW.match(p.text) and (len(p.text) > 400 or p.text.rstrip().endswith((".", ";"))
                                                      or _NUMBERED.match(p.text) or _OTHER_HEAD.search(p.text)):
            heading = None  # a sentence or a numbered paragraph ends the table; a short title line does not
        hits = find_in_text(p.text, speaker)
        if heading and not head:
            row = _row_hits(p.text, heading, speaker)
            if row:
                end = max(h.end for h in row)
                hits = row + [h for h in hits if h.start >= end]
        # a symbol the document hyperlinked is a reference, even where its words alone are not one
        found = {_base(h.target) for h in hits} if links else set()
        from_links: set[int] = set()
        pos = 0
        for words, target in links:
            at = p.text.find(words, pos)
            if target and _base(target) not in found and at >= 0:
                hits.append(Hit(target, words, at, at + len(words)))
                from_links.add(id(hits[-1]))
                found.add(_base(target))
            pos = at + len(words) if at >= 0 else pos
        if hits or p.footnotes:
            default_rel = normalise_verb(p.verb)
        if hits:
            hits.sort(key=lambda h: h.start)
            marks = marks_of(p.text)
            for h in hits:
                if own(h.target):
                    continue
                evidence = ("link" if id(h) in from_links else
                            "text+link" if _base(h.target) in link_targets else "text")
                refs.append(_ref(doc, source, p.id, None, h, marks.relation(h.start, default_rel),
                                 marks.sentence(h.start, h.end), evidence))
        body_marks = None
        for fn in p.footnotes:
            hits = find_in_text(fn.text, speaker)
            if not hits:
                continue
            marks = marks_of(fn.text)
            # the relation is the citing verb before the footnote mark in the paragraph
            at = next((o for n, o in p.marks if n == fn.number), None)
            if at is not None:
                body_marks = body_marks or marks_of(p.text)
                rel = body_marks.relation(at, default_rel)
            else:
                rel = default_rel
            for h in hits:
                if own(h.target):
                    continue
                refs.append(_ref(doc, source, p.id, fn.number, h, rel, marks.sentence(h.start, h.end), "text"))
    for fn in doc.unplaced_footnotes:
        hits = find_in_text(fn.text, speaker)
        marks = marks_of(fn.text) if hits else None
        for h in hits:
            if not own(h.target):
                refs.append(_ref(doc, source, "notes", fn.number, h, None, marks.sentence(h.start, h.end), "text"))
    return refs


def extract(doc: Document, aliases=None, include_self: bool = False,
            explicit: Optional[list[Reference]] = None, taught=None) -> list[Reference]:
    """Every reference of a parsed document: explicit ones, then named ones.

    ``aliases`` (an :class:`ingest.named.AliasTable`, e.g. from
    :func:`ingest.named.learn_aliases` over a corpus) adds names learned from
    other documents' footnotes. ``include_self`` adds "the present resolution"
    mentions as ``kind="self"`` (never an edge). ``explicit`` passes the
    explicit references, and ``taught`` the names the document teaches
    (:func:`ingest.named.learn_from`), when they were already found.
    """
    from . import named

    refs = extract_explicit(doc) if explicit is None else explicit
    source = doc.symbol or symbols.symbol_from_filename(doc.file) or doc.file
    out = refs + named.find_named(doc, refs, aliases=aliases, source=source, taught=taught)
    if include_self:
        out += named.self_mentions(doc, source)
    return out


_LINK_URL = re.compile(r"(?:undocs\.org|docs\.un\.org|documents\.un\.org|daccess-ods\.un\.org)/(?:[a-z]{2}/)?"
                       r"(?:symbol/|doc/)?([A-Za-z][A-Za-z0-9/.\-()]*\d[A-Za-z0-9/.\-()]*)", re.I)


def _link_symbol(url: str) -> Optional[str]:
    """The symbol a UN document link points to ("https://docs.un.org/en/A/80/6(Sect.17%29")."""
    m = _LINK_URL.search(unquote(url or ""))
    if not m:
        return None
    sym = m.group(1).rstrip("/.")
    root, _, rest = sym.partition("/")
    return symbols.canonical_written(root.upper() + ("/" + rest if rest else ""))


_SPACE_PARENS = re.compile(r"[\s()]")
_PART_END = re.compile(r"(?<=\d)[A-Z](?:-[A-Z])?$")


def _norm_symbol(sym: str) -> str:
    return _SPACE_PARENS.sub("", sym).upper()


def _base(target: str) -> str:
    return _PART_END.sub("", target)


def _ref(doc: Document, source: str, pid: str, footnote: Optional[str], h: Hit, relation: Optional[str],
         sentence: str, evidence: str) -> Reference:
    body, kind = symbols.describe(h.target)
    return Reference(source=source, target=h.target, kind="explicit", paragraph=pid, footnote=footnote,
                     pinpoint=h.pinpoint, relation=relation, target_body=body, target_type=kind,
                     file=doc.file, surface=h.surface, start=h.start, end=h.end, target_date=h.target_date,
                     target_subject=h.target_subject, target_title=h.target_title, sentence=sentence,
                     evidence=evidence, target_aliases=h.aliases)


def extract_text(text: str, source: Optional[str] = None, file: str = "", fmt: str = "text",
                 body: Optional[str] = None) -> list[Reference]:
    """Parse ``text`` and extract its references (a convenience for notebooks)."""
    doc = parse_text(text, file=file, fmt=fmt, hints={"body": body} if body else None)
    if source:
        doc = replace(doc, symbol=source)
    return extract(doc)
