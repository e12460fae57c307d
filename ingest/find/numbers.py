"""Resolution and decision numbers after a keyword, every item of a list.

"its resolutions 56/183 and 57/238", "Security Council resolutions 1325 (2000),
1820 (2008) and 2720 (2023)", "decision 79/555", "presidential statement 2015/25".
For each keyword ("resolution(s)", "decision(s)", "presidential statement(s)"):

1. :func:`_keyword_body` - the body behind its numbers (:func:`ingest.find.body.decide_body`,
   a body named after the keyword ("resolutions ... of the Human Rights Council"), the
   subject of a clause it heads ("In its decision 2005/1, the Commission reaffirmed"), the
   body named earlier in the sentence carried over);
2. :func:`_list_items` - the numbers of its list, across the glue between them (dates,
   "entitled “…”", "on <subject>", "section VI", clauses: :data:`ingest.find.regexes.GLUE`);
3. :func:`_number_hit` - each number's body (a body named after it, the number's form and
   date), its canonical symbol, pinpoint, date, subject and title.

A number reached by two keywords' lists is read once, by the nearer. :func:`extract_bare_sc`
reads a bare "2367 (2017)" that fits the Security Council's numbering.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

import re

from .. import symbols
from ..grammar import (BODIES, LAST_YEAR, RANGES as GRAMMAR_RANGES, TRAPS, parse_date, roman_fits, roman_to_int, sc_number_year,
                       sc_year, session_fits)
from .body import body_for_number, body_of_phrase, decide_body, numbers_so, subject_body
from .hit import TITLE_CHARS, Hit, clip, in_spans, subject
from .pinpoints import join_pins, part_pinpoint, pin_after, pins_before
from .regexes import (BARE_SC, BODY_ADOPTED_AFTER, BODY_AFTER, CLAUSE_IN_ITS, COORDINATED_BEFORE, COUNCIL_BEFORE, DATE_AFTER, EU_ACT_AFTER,
                      NEXT_DATE, GLUE,
                      CODE_KEYWORD_STEMS, GLUE_CLAUSE, ITS_BEFORE, ITS_SUBJECT, KEYWORD, KEYWORD_OF_BODY, KEYWORD_ONLY, KEYWORD_STEMS, NEXT_ITEM_RX, NOT_SC_BEFORE,
                      NUMBER, SC_BARE, SC_BARE_NEXT, SUBJECT_AFTER, TITLE_AFTER, WS_RUN)

__all__ = ["keywords", "keyword_starts", "extract_numbers", "extract_bare_sc", "presidential_statement", "budget_period",
           "range_members", "RANGE_MEMBERS", "body_after", "list_dates"]

#: What the rules read after a number, in characters: a body named after it ("resolution 726
#: (XXXVII) ... of the Economic Commission for Latin America and the Caribbean"), its date ("of 19
#: December 2024"), its subject ("on the situation in ...") and title ("entitled “...”", cut at
#: :data:`~ingest.find.hit.TITLE_CHARS`).
AFTER_NUMBER = 300
#: The first and last year a date after a number may give; another is a misprint ("24 December 2107").
FIRST_YEAR = 1946

#: "to" between two numbers of a list: a range ("resolutions ES-11/1 to ES-11/6", "242 (1967) to 338 (1973)")
_RANGE_TO = re.compile(r"\s*(?:to|through|–)\s*(?=\d|ES-|S-)")
#: a target's last number and what follows it ("A/RES/ES-11/|6|", "S/RES/|1326|(2000)", "A/RES/|1515|(XV)")
_LAST_NUMBER = re.compile(r"^(.*?)(\d+)((?:\([^)]*\))?)$")
#: up to the text's last digit: every number of a list holds one (NUMBER, SC_BARE), so a keyword after it
#: lists none, nor does any later keyword
_TO_LAST_DIGIT = re.compile(r".*\d", re.S)
#: the most resolutions a range may hold for its members to be read (grammar.toml [ranges])
RANGE_MEMBERS = GRAMMAR_RANGES["max_members"]


def range_members(first: str, last: str, limit: int = RANGE_MEMBERS) -> list[str]:
    """The targets strictly between the two ends of a range, when both are of one series (same symbol
    but the last number) and the range holds at most ``limit`` resolutions; else none (its ends only).

    >>> range_members("A/RES/ES-11/1", "A/RES/ES-11/4"), range_members("S/RES/242(1967)", "S/RES/338(1973)")
    (['A/RES/ES-11/2', 'A/RES/ES-11/3'], [])
    """
    a, b = _LAST_NUMBER.match(first), _LAST_NUMBER.match(last)
    if not a or not b or a.group(1) != b.group(1) or a.group(3) != b.group(3):
        return []
    lo, hi = int(a.group(2)), int(b.group(2))
    if not lo < hi or hi - lo + 1 > limit:
        return []
    return [f"{a.group(1)}{k}{a.group(3)}" for k in range(lo + 1, hi)]


_PERIOD_SHAPE = re.compile(r"((?:19|20)\d\d)/(\d\d)")
_PERIOD_AFTER = re.compile(r"\s*\)?\s*(?:" + "|".join(sorted(map(re.escape, TRAPS["budget_periods"]["after"]),
                                                               key=len, reverse=True)) + r")\b", re.I)
_PERIOD_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, TRAPS["budget_periods"]["before"]),
                                                      key=len, reverse=True)) + r")\s*\(?\s*$", re.I)


def budget_period(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is a budget period, not a resolution: a year and the
    next year's two last digits ("2024/25") with a period's word after it or before it
    (``traps.toml`` ``[budget_periods]``: "for the 2024/25 period", "the budget for 2025/26"), or
    alone in brackets ("(2024/25)").

    >>> t = "its resolution 78/301 on the financing of the Force for the 2024/25 period"
    >>> budget_period(t, t.index("2024"), t.index("2024") + 7), budget_period("resolution 2024/25,", 11, 18)
    (True, False)
    """
    m = _PERIOD_SHAPE.fullmatch(text, start, end)
    if not m or (int(m.group(1)) + 1) % 100 != int(m.group(2)):
        return False
    if text.endswith("(", 0, start) and text.startswith(")", end):
        return True  # alone in brackets: "decision 79/555 (2025/26)", "the budget period (2024/25)"
    return bool(_PERIOD_AFTER.match(text, end) or _PERIOD_BEFORE.search(text, max(0, start - 30), start))


def keyword_starts(text: str) -> list[int]:
    """Where a keyword may start in ``text``: a letter before each stem of ``KEYWORD_STEMS`` ("esolution",
    "ecision" ...) found from the text's second character on, and after the code of each of
    ``CODE_KEYWORD_STEMS`` ("HRC Res": the "R"); in no order, a place maybe more than once.
    (:func:`ingest.find.scan.keyword_cues` finds the same places for many texts in one pass.)

    >>> sorted(keyword_starts("Recalling its resolution 70/1 and HRC Res 52/1"))
    [14, 38]
    """
    starts = []
    for stem in KEYWORD_STEMS:
        i = text.find(stem, 1)
        while i >= 0:
            starts.append(i - 1)
            i = text.find(stem, i + 1)
    for stem, at in CODE_KEYWORD_STEMS:  # "HRC Res 52/1": the keyword starts after the code
        i = text.find(stem)
        while i >= 0:
            starts.append(i + at)
            i = text.find(stem, i + 1)
    return starts


def keywords(text: str, starts: Optional[list[int]] = None) -> Iterator:
    """``KEYWORD.finditer(text)``, tried only where a keyword may start (``starts``, as
    :func:`keyword_starts` gives them, found here when not given)."""
    if starts is None:
        starts = keyword_starts(text)
    end = 0
    for p in sorted(starts):
        if p >= end:
            m = KEYWORD.match(text, p)
            if m:
                yield m
                end = m.end()


def presidential_statement(num: str, speaker: Optional[str], body: Optional[str] = None) -> Optional[str]:
    """"presidential statement 2015/25" (Security Council) or "9/1" (Human Rights Council: in its own text,
    with the Council named before it, ``body``, or after "PRST": "HRC PRST 29/1", "PRST 29/1").

    >>> presidential_statement("2015/25", "GA"), presidential_statement("29/1", "GA", "HRC")
    ('S/PRST/2015/25', 'A/HRC/PRST/29/1')
    """
    form = symbols.number_form(num)
    a, b = (num.split("/") + [""])[:2]
    if form == "year_number":
        return BODIES["SC"]["presidential_statement"].format(y=a, n=b)
    if form == "session_number" and "HRC" in (speaker, body):
        return BODIES["HRC"]["presidential_statement"].format(s=a, n=b)
    return None


@dataclass
class _Scan:
    """What reading one text's numbers keeps from keyword to keyword: the hits so far and where
    each number was read (``read_at``), the spans of written symbols (``taken``), the body named
    in the current sentence (``sentence_body``: sentence start, body), and the next list item
    found (``next_item``: from, where)."""

    text: str
    speaker: Optional[str]
    its: Optional[str]
    taken: list[tuple[int, int]]
    hits: list[Hit]
    read_at: dict
    sentence_body: tuple[int, Optional[str]] = (-1, None)
    next_item: tuple[int, int] = (1, 0)
    sentence_at: int = -1  # the last ". " found so far
    #: the sentence start and keyword kind (decision?) of the last keyword another body was named before
    other_body: Optional[tuple[int, bool]] = None
    #: the sentence start of the last keyword whose body, named, is another's (not one of ours named since)
    other_named: Optional[int] = None
    #: the numbers the document tied to a body so far, by their spelling without spaces -> the body's code, or
    #: None for a body citegraph does not resolve (None: not kept)
    tied: Optional[dict] = None
    range_ends: dict = field(default_factory=dict)  # a range's last number's start -> its first number's
    scanned: int = 0  # where the search for ". " goes on

    def sentence_start(self, pos: int) -> int:
        """Where the last ". " before ``pos`` stands (-1: none), as ``text.rfind(". ", 0, pos)``; the
        keywords come in order, so the text is searched once from left to right, whatever the number
        of keywords in a sentence (a backwards search from each made a paragraph with no full stop
        quadratic: issue 17)."""
        if pos > self.scanned:
            text = self.text
            i = text.find(". ", self.scanned, pos)
            while i >= 0:
                self.sentence_at = i
                i = text.find(". ", i + 1, pos)
            self.scanned = max(self.scanned, pos - 1)
        return self.sentence_at


@dataclass
class _Keyword:
    """One keyword and the body behind its numbers: ``carried`` is the body and flag it had before
    the sentence's body carried over; ``named_after_only``: only a number with our body named after
    it counts (a bare decision in another body's text)."""

    start: int
    end: int
    decision: bool
    statement: bool
    body: Optional[str]
    explicit: bool
    carried: Optional[tuple[Optional[str], bool]]
    named_after_only: bool
    prst: bool = False  # "PRST 29/1"
    #: "its" after another body's keyword in the sentence: the speaker's only where its numbering holds the number
    its_other: bool = False


def _keyword_body(scan: _Scan, km) -> _Keyword:
    text, speaker, its = scan.text, scan.speaker, scan.its
    kw = km.group("kw").lower()
    decision = kw.startswith("dec")  # "decision(s)", "dec."
    body, explicit = decide_body(text, km.start(), speaker, its)
    sent_start = scan.sentence_start(km.start())
    # "resolutions and decisions of the Human Rights Council, ... resolutions 53/26"
    of_body = KEYWORD_OF_BODY.match(text, km.end())
    if of_body and not explicit:
        body, explicit = body_of_phrase(of_body.group("phrase")), True
    if not explicit and text.endswith(" ", max(0, km.start() - 1), km.start()) \
            and CLAUSE_IN_ITS.search(text, max(0, km.start() - 12), km.start()):
        # "In its resolution 2006/1, the Commission requested ...", "By decision 56/324 of 23 July 2002, the
        # Assembly ...": at the head of a clause, the subject that follows adopted it ("which the Council took
        # note of in its decision" is the Council's)
        subj = ITS_SUBJECT.match(text, km.end())
        if subj:
            body, explicit = (None, True) if subj.group("other") else subject_body(subj.group("subj"), speaker)
    # in another body's text (ECE, UN-Habitat), a bare "decision 2023/1" is that body's: ours only with our
    # body named after it ("decision 2012/24 of the Economic and Social Council")
    named_after_only = its is not None and decision and not explicit
    carried = None
    other_body, scan.other_body = scan.other_body, None
    # "Commission on Population and Development resolutions 2006/2 ... and 2009/1 ..., and its resolution 2013/1":
    # "its" is the body named last, another's; the speaker's only where its numbering holds the number
    its_other = not explicit and body == speaker and scan.other_named == sent_start and _its_before(text, km.start())
    if explicit:
        scan.other_named = None if body else sent_start
    elif COUNCIL_BEFORE.search(text, max(0, km.start() - 12), km.start()):
        scan.other_named = None
    if explicit and body:
        scan.sentence_body = (sent_start, body)
    elif explicit and body is None:
        # another body's ("Economic and Social Commission for Western Asia resolution 305 (XXVII)"): it ends what
        # a body named before carried, and carries on to a keyword of its kind coordinated with it
        scan.sentence_body = (sent_start, None)
        scan.other_body = (sent_start, decision)
    elif not explicit and body == speaker and other_body == (sent_start, decision) \
            and COORDINATED_BEFORE.search(text, max(0, km.start() - 16), km.start()):
        # "ESCWA resolution 305 (XXVII) of 10 May 2012 on ... and resolution 314 (XXVIII)": that body's too (a
        # body of ours named after the number still wins: "and resolution 70/1 of the General Assembly")
        carried = (body, explicit)
        body, explicit = None, True
        scan.other_body = other_body
    elif COUNCIL_BEFORE.search(text, max(0, km.start() - 12), km.start()):
        # "Assembly resolutions 70/169 ... and Council resolutions 33/10 ..., as well as resolution 47/4":
        # a Council named ends what the Assembly named before it carried
        scan.sentence_body = (sent_start, None)
    elif not explicit and body == speaker and scan.sentence_body[0] == sent_start and scan.sentence_body[1] \
            and not ITS_BEFORE.search(text[max(0, km.start() - 40):km.start()].lower()):
        # "Human Rights Council resolution 5/1 ..., as well as resolutions 28/6": the body carries on
        carried = (body, explicit)
        body, explicit = scan.sentence_body[1], True
    return _Keyword(km.start(), km.end(), decision, kw.startswith(("presidential", "prst")), body, explicit,
                    carried, named_after_only, kw.startswith("prst"), its_other)


def _list_items(scan: _Scan, pos: int) -> Iterator[tuple]:
    """``(number match, first?)`` of each item of the list that starts at ``pos``, passing over
    the glue between items; the list ends at anything else, or at the next keyword."""
    text = scan.text
    first = True
    while pos < len(text):
        c = text[pos]
        if c == " ":  # what GLUE would take first, without the call
            pos += 1
            continue
        # a number first where one may start: no glue starts where a number does (a date's day
        # is followed by its month, a clause stops before a number), so the answer is the same
        n = NUMBER.match(text, pos) if c.isdigit() or c == "S" or c == "E" else None
        if n is None:
            g = GLUE.match(text, pos)
            if not g:
                # the leftmost next item at pos + 1 or after (kept while it still answers)
                if not scan.next_item[0] <= pos + 1 <= scan.next_item[1]:
                    m = NEXT_ITEM_RX.search(text, pos + 1)
                    scan.next_item = (pos + 1, m.start() if m else len(text) + 1)
                if scan.next_item[1] <= len(text):
                    g = GLUE_CLAUSE.match(text, pos)
            if g and g.end() > pos:
                if c in "rRdD" and KEYWORD_ONLY.match(g.group(0).strip()):
                    return  # the next keyword starts its own list
                pos = g.end()
                continue
            n = NUMBER.match(text, pos)
            if not n:
                return
        if budget_period(text, n.start(), n.end()):
            return  # "its resolution 78/301 on the financing of the Force for the 2024/25 period"
        if not in_spans(scan.taken, n.start()):  # (not a number inside a written symbol)
            yield n, first
        pos = n.end()
        first = False
        to = _RANGE_TO.match(text, pos)
        if to and NUMBER.match(text, to.end()):  # "resolutions ES-11/1 to ES-11/6": the range's last number next
            scan.range_ends[to.end()] = n.start()
            pos = to.end()


#: :func:`list_dates`' answer for a number dated by what follows it alone.
_OWN_DATE = ("own", None)


def list_dates(text: str, numbers: list) -> dict[int, tuple[str, Optional[str]]]:
    """The dates a list of numbers gets from several dates written after its last number, by each
    number's start: ``("own", iso)``, one date per number in order ("resolutions 60/1 and 60/251 of
    24 October 2005 and 15 March 2006, respectively"; a day without its year takes the last date's
    year), or ``("none", None)`` for every number when the dates are more than one but not one per
    number (whose is whose cannot be told; before, the last number took the first date). Numbers
    missing from the result read their own date after them, as a single number does: one date after
    a list is the last number's only, as the UN writes it ("resolutions 2170 (2014), 2178 (2014) and
    2253 (2015) of 17 December 2015"; "resolutions 1514 (XV) and 1541 (XV) of 15 December 1960",
    though 1514 (XV) is of 14 December).

    >>> import re
    >>> t = "resolutions 60/1 and 60/251 of 24 October 2005 and 15 March 2006, respectively"
    >>> sorted(list_dates(t, list(re.finditer(r"\\d+/\\d+", t))).values())
    [('own', '2005-10-24'), ('own', '2006-03-15')]
    >>> t = "resolutions 70/1, 71/313 and 72/279 of 25 September 2015 and 6 July 2017"
    >>> set(list_dates(t, list(re.finditer(r"\\d+/\\d+", t))).values())
    {('none', None)}
    >>> t = "resolutions 5/1 and 5/2 of 18 June 2007"
    >>> list_dates(t, list(re.finditer(r"\\d+/\\d+", t)))
    {}
    """
    if len(numbers) < 2:
        return {}
    after = text[numbers[-1].end():numbers[-1].end() + AFTER_NUMBER]
    m = DATE_AFTER.match(after)
    if not m:
        return {}
    dates = [m.group(1)]
    pos = m.end()
    while True:
        d = NEXT_DATE.match(after, pos)
        if not d:
            break
        dates.append(d.group(1))
        pos = d.end()
    if len(dates) == 1:
        return {}
    if len(dates) == len(numbers):
        year = re.search(r"\d{4}$", dates[-1])
        return {n.start(): ("own", parse_date(d if re.search(r"\d{4}$", d) or not year else f"{d} {year.group(0)}"))
                for n, d in zip(numbers, dates)}
    return {n.start(): ("none", None) for n in numbers}


def _number_hit(scan: _Scan, kw: _Keyword, n, first: bool, dated: tuple = _OWN_DATE) -> Optional[Hit]:
    """The reference one number of a keyword's list makes, or None (another body's, or a number
    no body of citegraph's numbering holds). ``dated``: what :func:`list_dates` gave it."""
    text, speaker = scan.text, scan.speaker
    num = WS_RUN.sub(" ", n.group("num"))
    part = n.group("part")
    after = text[n.end():n.end() + AFTER_NUMBER]
    b_code, b_explicit = kw.body, kw.explicit
    # "its resolution 71/256 of 23 December 2016, entitled “New Urban Agenda”, adopted by the United Nations
    # Conference on Housing ...": what "its" says stands; the adopter named later is the titled text's
    aft = body_after(after, adopter=not _its_before(text, kw.start))
    if kw.named_after_only and not (aft and aft.group("phrase")):
        return None
    if aft and (not kw.explicit or kw.carried):  # (a body named after the number beats one carried over)
        if aft.group("other"):
            _tie(scan, num, None)
            return None  # "decision 27/2, adopted by the Governing Council": not ours
        b_code, b_explicit = body_of_phrase(aft.group("phrase")), True
    if kw.explicit and kw.body is None and not kw.statement:
        _tie(scan, num, None)  # "Economic and Social Commission for Asia and the Pacific resolution 78/2"
    elif not b_explicit and scan.tied and num.replace(" ", "") in scan.tied and not kw.statement:
        # the document tied this number to a body before, and writes none now (or "its"): that body's ("Resolution
        # 78/2" over the annexed text of ESCAP's 78/2; "pursuant to resolutions 34/24, 40/20 and 46/17" after
        # "Human Rights Council resolutions 34/24, 40/20 and 46/17")
        b_code, b_explicit = scan.tied[num.replace(" ", "")], True
        if b_code is None:
            return None
    date = DATE_AFTER.match(after)  # (read once: the date, and the pinpoints after it)
    how, iso = dated
    if how == "own" and iso is None:
        iso = parse_date(date.group(1)) if date else None
    year = int(iso[:4]) if iso else None
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        # a misprint ("24 December 2107") says nothing of the body, nor of the target's date
        year = iso = None
    if num.isdigit():
        num = _sc_number(int(num), year)  # the Council's number without its year ("its resolution 1493")
        if num is None:
            return None
    if kw.its_other and not b_explicit and not numbers_so(speaker, num, kw.decision, year):
        return None  # "Commission on Population and Development resolutions ... and its resolution 2013/1": the Commission's
    code = body_for_number(num, b_code, b_explicit, speaker, kw.decision, year)
    if kw.carried and not aft and code and year is not None and symbols.number_form(num) == "session_number" \
            and not session_fits(code, *map(int, num.split("/")), year, kw.decision):
        # a carried body whose session could not have adopted it then: the body the number and date
        # fit, if there is one (a misprinted date keeps the carried body)
        code = body_for_number(num, kw.carried[0], kw.carried[1], speaker, kw.decision, year) or code
    if kw.statement:
        # "PRST 29/1" with a session/number is the Human Rights Council's: the Security Council's are
        # numbered by year ("S/PRST/2004/36")
        target = presidential_statement(num, speaker, "HRC" if kw.prst else kw.body if kw.explicit else None)
    else:
        target = symbols.resolve_number(num, code, part, decision=kw.decision, explicit=b_explicit) if code else None
        if target and kw.carried and not aft and target.startswith("A/RES/") and symbols.number_form(num) == "roman" \
                and symbols.resolve_number(num, code, part, explicit=False) != target:
            # "General Assembly resolutions 413 (V) and 456 (V) ... and Council resolution 402 B (XIII)": a carried
            # Assembly whose session does not hold the number (grammar.roman_fits) yields to the body it had
            target = symbols.resolve_number(num, kw.carried[0], part, explicit=kw.carried[1]) if kw.carried[0] else None
        if target:
            # an old "number (Roman session)" against the date after it: a misprinted numeral, another body's
            target = symbols.dated_roman(target, year, b_explicit and not kw.carried)
        if target and not _council_holds(target):
            target = None  # "its resolution 1369 (XVII)": a number neither the Assembly's nor the Council's session held
    if not target:
        return None
    if (b_explicit or b_code == "Council") and not kw.statement:
        # "Human Rights Council resolution 34/22": the document's 34/22 is the Council's; "Council resolution
        # 414 (XIII)" (the Council its form tells) too
        _tie(scan, num, code)
    # "paragraph 71 of General Assembly resolution 70/125", "resolution 70/1, annex"; parts ("50/70 K",
    # "217 A (III)") are a pinpoint of the resolution, unless documents of their own ("75/290 B")
    before = pins_before(text, kw.start) if first else []
    after_pins = pin_after(after)
    if not after_pins:
        # "resolution 70/1 of 25 September 2015, paragraph 84": the part cited after the date
        after_pins = pin_after(after[date.end():]) if date else []
    pins = [*before, *after_pins]
    part_pin = part_pinpoint(num, part, target)
    title = TITLE_AFTER.match(after)
    subj = SUBJECT_AFTER.match(after)
    surface = text[n.start("num"):n.end()].rstrip()
    return Hit(
        target=target, surface=surface, start=n.start("num"), end=n.start("num") + len(surface),
        pinpoint=join_pins(part_pin, *(p.normal for p in pins)),
        pinpoint_written=join_pins(part_pin and (part or part_pin).strip(), *(p.written for p in pins)),
        target_date=iso,
        target_subject=subject(subj.group(1)) if subj else None,
        target_title=clip(title.group(1), TITLE_CHARS) if title else None,
        anchor=kw.start)


_COUNCIL_ROMAN = re.compile(r"^E/RES/(\d+)\(([IVXLC]+)\)$")


def _council_holds(target: str) -> bool:
    """Whether an Economic and Social Council resolution numbered "number (Roman session)" is one its session may
    have numbered (:func:`ingest.grammar.roman_fits`); any other target holds.

    >>> _council_holds("E/RES/1503(XLVIII)"), _council_holds("E/RES/1369(XVII)"), _council_holds("A/RES/1369(XIV)")
    (True, False, True)
    """
    m = _COUNCIL_ROMAN.match(target)
    return m is None or roman_fits(int(m.group(1)), roman_to_int(m.group(2)), "ECOSOC")


def _sc_number(n: int, year: Optional[int]) -> Optional[str]:
    """A Security Council resolution number written without its year, as "number (year)": the year of the date
    written after it when the Council's numbering fits it (a year off at most, :func:`ingest.grammar.sc_year`),
    else the year its table of first numbers gives (:func:`ingest.grammar.sc_number_year`, from 1990); None
    when neither tells (an older number with no date, a date the number cannot have).

    >>> _sc_number(1493, 2003), _sc_number(1493, None), _sc_number(242, 1967), _sc_number(242, None), _sc_number(1493, 2020)
    ('1493 (2003)', '1493 (2003)', '242 (1967)', None, None)
    """
    if year is not None:
        fits = sc_year(n)
        return f"{n} ({year})" if fits is not None and abs(fits - year) <= 1 else None
    year = sc_number_year(n)
    return f"{n} ({year})" if year is not None else None


def _bare_sc_items(text: str, pos: int) -> Iterator[tuple]:
    """``(number match, first?)`` of the Security Council's numbers written without their year right after a
    keyword at ``pos`` ("resolutions 1493 and 1533"), joined by a comma or "and" (a date between them)."""
    n = SC_BARE.match(text, pos)
    first = True
    while n:
        yield n, first
        first = False
        joint = SC_BARE_NEXT.match(text, n.end())
        n = SC_BARE.match(text, joint.end()) if joint else None


def _tie(scan: _Scan, num: str, code: Optional[str]) -> None:
    """Keep ``num`` as a number the document tied to the body ``code`` (None: another body's), when the
    caller keeps them; the first tie holds (a document that names two bodies' 78/2 means by a later bare
    "78/2" the one it named first, the subject it opened with)."""
    if scan.tied is not None:
        scan.tied.setdefault(num.replace(" ", ""), code)


def _its_before(text: str, kw_start: int) -> bool:
    """Whether "its" (their, his, her) stands right before the keyword at ``kw_start``."""
    return bool(ITS_BEFORE.search(text[max(0, kw_start - 40):kw_start].lower()))


def _other_body_after(text: str, end: int, adopter: bool = True) -> bool:
    """Whether another body (not one citegraph resolves) is named right after the number ending
    at ``end``: "2024/2 of the UNDP/UNFPA/UNOPS Executive Board", "adopted by the Governing Council"."""
    aft = body_after(text[end:end + AFTER_NUMBER], adopter)
    return bool(aft and aft.group("other"))


def body_after(after: str, adopter: bool = True) -> Optional[re.Match]:
    """The body named after a number (``after``: the text that follows it), with the group ``phrase`` (a body
    of grammar.toml) or ``other`` (a body citegraph does not resolve), or None: right after it ("of the
    Economic Commission for Latin America", "adopted by the Governing Council"), or as its adopter after its
    date, title or subject ("on women, the girl child and HIV and AIDS, adopted on 24 March 2016 by the
    Commission on the Status of Women"; not with ``adopter`` false: after "its resolution"). The body named so
    governs the number; the document's own body is only the default.

    >>> body_after(" on women and AIDS, adopted by the Commission on the Status of Women").group("other")
    'Commission on the Status of Women'
    >>> body_after(" and the Addis Ababa Action Agenda, adopted by the Conference") is None
    True
    """
    return BODY_AFTER.match(after) or (BODY_ADOPTED_AFTER.match(after) if adopter and "adopted" in after else None)


def extract_numbers(text: str, speaker: Optional[str], its: Optional[str], taken: list[tuple[int, int]],
                    hits: list[Hit], tied: Optional[dict] = None, starts: Optional[list[int]] = None) -> None:
    """Add to ``hits`` the references the numbers after each keyword of ``text`` make (see the
    module docstring). ``taken`` are the spans of written symbols; ``its`` what "its resolution"
    means when not the speaker's; ``tied`` (kept by the caller over one document, or None) the numbers
    the document tied to a body, number -> code (None for another body's): added to here, and a bare number
    among them whose body the text does not write (or writes as "its") is that body's ("Taking note of Economic
    and Social Commission for Asia and the Pacific resolution 78/2" in the preamble, "Resolution 78/2" over its
    annexed text: not a reference; "Human Rights Council resolution 34/22", then "pursuant to its resolution
    34/22": the Council's). ``starts``: where a keyword may start (:func:`keyword_starts`), when the caller
    found them."""
    scan = _Scan(text, speaker, its, taken, hits, {})
    scan.tied = tied
    digits = _TO_LAST_DIGIT.match(text)
    last_digit = digits.end() if digits else 0
    for km in keywords(text, starts):
        if km.end() >= last_digit:
            # no digit after this keyword: neither it nor a later one has a number, and what a keyword leaves
            # in ``scan`` for the next counts only where a next one has numbers (nothing is added, nothing tied)
            break
        if EU_ACT_AFTER.match(text, km.end()):
            continue  # "Council Decision (CFSP) 2024/386": the European Union's act (traps.toml [eu_acts])
        other_body = scan.other_body
        kw = _keyword_body(scan, km)
        if kw.body == "SC" and not kw.decision and not kw.statement and SC_BARE.match(text, km.end()):
            # "its resolution 1493 of 28 July 2003" in the Council's text, "Security Council resolution 2231"
            items = [(n, first) for n, first in _bare_sc_items(text, km.end()) if not in_spans(taken, n.start("num"))]
        else:
            items = list(_list_items(scan, km.end()))
        if not items:
            # "the decisions of the United Nations Conference on ...": a keyword with no number does not end
            # what another body named before carries
            scan.other_body = other_body
        if len(items) > 1 and not kw.explicit and _other_body_after(text, items[-1][0].end(),
                                                                    not _its_before(text, km.start())):
            # "decisions 2024/1 and 2024/2 of the UNDP/UNFPA/UNOPS Executive Board": another body
            # named after the list adopted every item of it
            for n, _ in items:
                _tie(scan, WS_RUN.sub(" ", n.group("num")), None)
            continue
        starts = {}
        dated = list_dates(text, [n for n, _ in items])
        for n, first in items:
            hit = _number_hit(scan, kw, n, first, dated.get(n.start(), _OWN_DATE))
            if hit is None:
                continue
            starts[n.start()] = hit
            begun = scan.range_ends.get(n.start())
            if begun is not None and begun in starts:
                # the members of a short range of one series, between its ends: the range's words as surface
                a = starts[begun]
                for target in range_members(a.target, hit.target):
                    hits.append(Hit(target, text[a.start:hit.end], a.start, hit.end))
            if n.start() in scan.read_at:  # reached from an earlier keyword's list: the nearer keyword decides
                hits[scan.read_at[n.start()]] = hit
            else:
                scan.read_at[n.start()] = len(hits)
                hits.append(hit)


def extract_bare_sc(text: str, taken: list[tuple[int, int]], hits: list[Hit]) -> list[Hit]:
    """"the values set forth in 2367 (2017)": a bare number (year) with no keyword before it, that
    falls in that year of the Security Council's numbering (give or take one year) and does not
    stand after "paragraph", "page", "annex", "No." ...; not where a hit already starts."""
    out = []
    starts = {h.start for h in hits}
    for m in BARE_SC.finditer(text):
        if in_spans(taken, m.start()) or m.start() in starts:
            continue
        n, y = int(m.group("n")), int(m.group("y"))
        before = text[max(0, m.start() - 12):m.start()].lower()
        if sc_year(n) is None or abs(sc_year(n) - y) > 1 or NOT_SC_BEFORE.search(before):
            continue
        out.append(Hit(f"S/RES/{n}({y})", m.group(0), m.start(), m.end()))
    return out
