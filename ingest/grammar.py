"""The grammar of UN texts as data: bodies, series, sessions and years, months, Roman numerals.

One place for what citegraph knows about how UN documents are named and dated. The facts
are versioned data with their sources in ``ingest/data/grammar.toml``; this module loads
them once and answers questions over them with small pure functions. Everything else in
``ingest`` (and ``graph``) asks here instead of keeping a copy.

* bodies - :data:`BODIES` (code -> spec), :data:`BODY_NAMES` (code -> name),
  :func:`body_code` (name -> code), :data:`BODY_PHRASES` (how texts name them),
  :data:`OTHER_BODY_PHRASES` (bodies whose numbers are not ours), :data:`SPEAKER_BODIES`
  and :data:`MASTHEAD_BODIES` (bodies an opening line or a masthead names);
* series - :data:`SERIES`, :data:`WRITTEN_ROOTS` (first components of written symbols);
* dates - :data:`MONTHS`, :data:`MONTH_PATTERN`, :func:`iso_date`, :func:`parse_date`;
* Roman numerals - :func:`roman_to_int`;
* sessions and years - :func:`session_year`, :func:`session_fits`, :func:`session_span`,
  :func:`is_decision_number` (a decision's number by its size),
  :func:`sc_year`, :func:`roman_session` and :func:`roman_fits` (the Assembly's numbers of 1946-1975), :data:`LAST_YEAR`; what a symbol gives - :func:`symbol_session`,
  :func:`symbol_year`;
* citing verbs - the controlled vocabulary of relations :data:`RELATION_DATA`
  (``data/relations.toml``, normalised by :func:`ingest.find.relations.relation_lemma`); the words
  that open paragraphs - :data:`VERBS`
  (``data/verbs.toml``); words that make a phrase look like a citation - :data:`TRAPS`
  (``data/traps.toml``).

Not here: the canonical spelling of symbols and numbers (:mod:`ingest.symbols`, which
builds on this), character clean-up (:mod:`ingest.normalize`).
"""
from __future__ import annotations

import bisect
import datetime as _dt
import functools
import pathlib
import re
import tomllib
from typing import Optional

__all__ = [
    "grammar", "VERSION",
    "BODIES", "BODY_NAMES", "body_code", "BODY_PHRASES", "OTHER_BODY_PHRASES", "SPEAKER_BODIES", "MASTHEAD_BODIES",
    "SERIES", "WRITTEN_ROOTS", "PARTIES_DECISIONS",
    "MONTHS", "MONTH_PATTERN", "month_number", "iso_date", "parse_date", "IBID", "IBID_NOT_BEFORE", "KEYWORD_ABBREVIATIONS", "KEYWORD_AFTER_CODE", "RANGES", "SPEAKER",
    "roman_to_int", "int_to_roman",
    "session_year", "session_fits", "session_span", "is_decision_number", "sc_year", "sc_number_year", "roman_session", "roman_fits", "LAST_YEAR", "symbol_session", "symbol_year", "symbol_latest",
    "RELATION_DATA", "PINPOINT_DATA", "VERBS", "TRAPS",
]

_DATA = pathlib.Path(__file__).with_name("data")


def _load(name: str) -> dict:
    with open(_DATA / name, "rb") as f:
        return tomllib.load(f)


@functools.lru_cache(maxsize=None)
def grammar() -> dict:
    """The whole of ``data/grammar.toml`` as a dict (read once)."""
    return _load("grammar.toml")


_G = grammar()
VERSION: str = _G["version"]

# ---------------------------------------------------------------- bodies

#: Bodies whose resolutions and decisions citegraph resolves: code -> spec (name, phrases,
#: numbering templates, session facts), in the order of grammar.toml.
BODIES: dict[str, dict] = _G["bodies"]
#: Code -> name of the bodies citegraph resolves ("GA" -> "General Assembly").
BODY_NAMES: dict[str, str] = {code: b["name"] for code, b in BODIES.items()}
_CODE_OF_NAME = {b["name"].lower(): code for code, b in BODIES.items()}
#: How texts name the bodies citegraph resolves, as (phrase, code), longest phrase first.
BODY_PHRASES: list[tuple[str, str]] = sorted(
    [(ph, code) for code, b in BODIES.items() for ph in b["phrases"]], key=lambda x: len(x[0]), reverse=True)
_NAMED = _G.get("named_bodies", {})
#: Decisions of the UNFCCC's governing bodies ("decision 1/CP.21"): ``body``, the ``node`` template of a decision
#: no table places in a report, and the ``codes`` (CP, CMP, CMA) -> the bodies' names (grammar.toml
#: ``[parties_decisions]``, with its sources; :mod:`ingest.find.parties` reads them).
PARTIES_DECISIONS: dict = _G["parties_decisions"]
#: Bodies whose numbers are not UN resolutions citegraph resolves, longest phrase first: ``[other_bodies]`` and the
#: bodies known by name only (``[named_bodies]``: "Trusteeship Council resolution 2160 (LIX)" is no reference).
OTHER_BODY_PHRASES: list[str] = sorted({*_G["other_bodies"]["phrases"], *(b["name"] for b in _NAMED.values())},
                                       key=len, reverse=True)
#: (name, code) of the bodies whose resolutions open "The <name>,": those citegraph resolves
#: and the named-only ones marked ``opening_line``.
SPEAKER_BODIES: tuple[tuple[str, str], ...] = tuple(
    [(b["name"], code) for code, b in BODIES.items()]
    + [(b["name"], code) for code, b in _NAMED.items() if b.get("opening_line")])
#: (name, code) of the bodies a masthead may name, in the order they are looked for: those
#: citegraph resolves, then the named-only ones marked ``masthead``.
MASTHEAD_BODIES: tuple[tuple[str, str], ...] = tuple(
    [(b["name"], code) for code, b in BODIES.items()]
    + [(b["name"], code) for code, b in _NAMED.items() if b.get("masthead")])


def body_code(name: str) -> Optional[str]:
    """The code of a body citegraph resolves, by its name in any case, or None.

    >>> body_code("General Assembly"), body_code("economic and social council"), body_code("Board")
    ('GA', 'ECOSOC', None)
    """
    return _CODE_OF_NAME.get(name.lower())


# ---------------------------------------------------------------- series

#: The series of written symbols: dicts with ``root``, ``body`` and ``kind``.
SERIES: list[dict] = _G["series"]
#: First components of written symbols ("A", "E", "UNEP" ...), longest first.
WRITTEN_ROOTS: list[str] = sorted({s["root"].split("/")[0] for s in SERIES}, key=len, reverse=True)

# ---------------------------------------------------------------- dates

#: Month names as texts write them, January first.
#: Ranges of resolutions ("ES-11/1 to ES-11/6"): ``max_members``, the longest range whose members are read.
RANGES: dict = _G["ranges"]
#: The citing body a text names throughout (``named_at_least``, ``times_the_assembly``):
#: :func:`ingest.find.body.named_throughout`.
SPEAKER: dict = _G["speaker"]

#: Abbreviated keywords before a number, by the keyword they stand for: ``{"resolution": ("res.", ...),
#: "decision": ("dec.", ...)}`` (grammar.toml ``[keyword_abbreviations]``).
KEYWORD_ABBREVIATIONS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _G["keyword_abbreviations"].items()}
#: The same without their full stop, read only right after a body's code ("HRC Res 52/1"): ``{"resolution":
#: ("Res", ...), ...}`` (grammar.toml ``[keyword_abbreviations_after_code]``).
KEYWORD_AFTER_CODE: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _G["keyword_abbreviations_after_code"].items()}

#: The words of "Ibid." and its kin ("Id.", "Idem"): a note citing what the note before it cited.
IBID: tuple[str, ...] = tuple(_G["ibid"])
#: Words after "Ibid.," that say it repeats a series of volumes, not a UN document ("Ibid., vol. 999").
IBID_NOT_BEFORE: tuple[str, ...] = tuple(_G["ibid_not_before"])

MONTHS: tuple[str, ...] = tuple(_G["months"])
#: A regular expression matching one month name as written ("(?:January|...|December)").
MONTH_PATTERN = "(?:" + "|".join(MONTHS) + ")"
_MONTH_NUMBER = {m.lower(): i for i, m in enumerate(MONTHS, 1)}
_DATE = re.compile(r"\b(\d{1,2})\s+(" + MONTH_PATTERN[3:-1] + r")\s+(\d{4})\b")


def month_number(name: str) -> Optional[int]:
    """1 for "January" (any case) ... 12 for "December"; None for anything else."""
    return _MONTH_NUMBER.get(name.lower())


def iso_date(day: str | int, month: str, year: str | int) -> Optional[str]:
    """ISO ``yyyy-mm-dd`` of a date written as day, month name, year; None when there is no
    such month or day ("31 February 2025").

    >>> iso_date("19", "December", "2024"), iso_date(31, "february", 2025)
    ('2024-12-19', None)
    """
    m = month_number(month)
    if m is None:
        return None
    try:
        return _dt.date(int(year), m, int(day)).isoformat()
    except ValueError:
        return None


def parse_date(s: str) -> Optional[str]:
    """The first "19 December 2024" in ``s`` as ISO ``2024-12-19`` (month names as written).

    >>> parse_date("Adopted by the Security Council at its 9520th meeting, on 19 December 2023")
    '2023-12-19'
    """
    m = _DATE.search(s)
    return iso_date(m.group(1), m.group(2), m.group(3)) if m else None


# ---------------------------------------------------------------- Roman numerals

_ROMAN: dict[str, int] = _G["roman_numerals"]


def roman_to_int(r: str) -> Optional[int]:
    """The value of a Roman numeral in any case ("XXXIV" -> 34), or None when ``r`` is empty
    or holds another character. A smaller numeral before a larger one is subtracted.

    >>> roman_to_int("XXXIV"), roman_to_int("lxxiii"), roman_to_int("XIV-A")
    (34, 73, None)
    """
    r = r.upper()
    if not r or any(c not in _ROMAN for c in r):
        return None
    total, prev = 0, 0
    for ch in reversed(r):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


#: (value, numeral) from the largest: each numeral, and before each a power of ten a fifth or a tenth of it
#: subtracted ("XC" 90, "IX" 9), as :func:`roman_to_int` reads them
_ROMAN_WRITTEN = sorted([(v, c) for c, v in _ROMAN.items()]
                        + [(v - w, d + c) for c, v in _ROMAN.items() for d, w in _ROMAN.items()
                           if w in (v // 5, v // 10) and str(w).strip("0") == "1"], reverse=True)


def int_to_roman(n: int) -> str:
    """The Roman numeral of ``n`` (1 to 399) as the sessions' numbers write it (the inverse of
    :func:`roman_to_int`). ValueError for another ``n``.

    >>> int_to_roman(16), int_to_roman(29), int_to_roman(63), int_to_roman(94)
    ('XVI', 'XXIX', 'LXIII', 'XCIV')
    """
    if not 1 <= n < 400:
        raise ValueError(f"Roman numeral of {n}: only 1 to 399 are written")
    out = []
    for v, numeral in _ROMAN_WRITTEN:
        while n >= v:
            out.append(numeral)
            n -= v
    return "".join(out)


# ---------------------------------------------------------------- sessions and years

_SC_YEARS = sorted((int(y), int(n)) for y, n in BODIES["SC"]["first_number_by_year"].items())
#: The last year the grammar's tables cover (the Security Council's first numbers by year):
#: a later year in a text is a misprint, a later session not yet held.
LAST_YEAR: int = _SC_YEARS[-1][0]


def _nth(years: list, n: int) -> Optional[int]:
    return years[n - 1] if 1 <= n <= len(years) else None


def session_year(code: str, session: int | str) -> Optional[int]:
    """The year session ``session`` of body ``code`` opened (GA: 1945 + s, in September; a special
    session ``"S-23"``: its table; an emergency special session ``"ES-10"``, which may meet again over
    years: the year it opened, its table), met (HRC: three sessions a year from 2006; a Council special
    session ``"S-15"``: its table; ECOSOC's Roman-numbered sessions: its table, then two a year from
    1953) or closed (UNEA: its table of years); None for another body, or a session the tables do not
    hold. ``session`` is an int or the string a symbol writes ("79", "S-23", "ES-10"). Tables:
    ``grammar.toml`` ``[bodies]``, with their sources.

    >>> session_year("GA", 79), session_year("GA", "S-23"), session_year("HRC", 55), session_year("UNEA", 5)
    (2024, 2000, 2024, 2022)
    >>> session_year("GA", "ES-10"), session_year("HRC", "S-15"), session_year("ECOSOC", 15), session_year("SC", 1)
    (1997, 2011, 1953, None)
    >>> session_year("HRC", "ES-1"), session_year("GA", "ES-99"), session_year("HRC", "S-99")
    (None, None, None)
    """
    spec = BODIES.get(code, {})
    kind, n = _session_parts(session)
    if n is None:
        return None
    if kind == "ES":
        spans = spec.get("emergency_session_years", ())
        return spans[n - 1][0] if n <= len(spans) else None
    if kind == "S":
        return _nth(spec["special_session_years"], n) if "special_session_years" in spec else None
    if code == "GA":
        return spec["session_year"] + n
    if code == "HRC":
        return spec["first_year"] + (n - 1) // spec["sessions_per_year"]
    if code == "UNEA":
        return _nth(spec["session_years"], n)
    if code == "ECOSOC":
        early = spec["early_session_years"]
        if n <= len(early):
            return early[n - 1]
        return spec["two_sessions_from"] + (n - len(early) - 1) // 2 if n <= spec["last_roman_session"] else None
    return None


def _session_parts(session: int | str) -> tuple[str, Optional[int]]:
    """``("", 79)``, ``("S", 23)``, ``("ES", 10)`` from 79, "79", "S-23", "ES-10"; ``n`` None for
    anything else or a number below 1."""
    text = str(session)
    kind = "ES" if text.startswith("ES-") else "S" if text.startswith("S-") else ""
    digits = text[len(kind) + 1:] if kind else text
    if not digits.isdigit() or int(digits) < 1:
        return kind, None
    return kind, int(digits)


# ---------------------------------------------------------------- the session and year a symbol gives

# a GA or HRC session is one or two digits after the series (old GA documents are numbered A/1026, A/520/Rev.20)
_GA_SESSION = re.compile(r"^A/(?:RES/|DEC/|HRC/(?:RES/|DEC/|PRST/)?|C\.\d+/)?((?:ES-|S-)?\d{1,2})/")
_ROMAN_SESSION = re.compile(r"^[AE]/RES/\d+\s*(?:\([A-Z]*\))?\s*\((S-|ES-)?([IVXLC]+)\)")
_UNEA_SESSION = re.compile(r"^UNEP/EA\.(\d{1,2})/")
_YEAR_PART = re.compile(r"(?:^|[/(])((?:19[4-9]|20[0-9])\d)(?=$|[/)])")
# An Assembly subsidiary organ's series ("A/AC.292/2024/INF/5", "A/CN.10/2020/WG.I/CRP.1",
# "A/AC.105/C.1/2024/CRP.1") writes the year after the organ's parts and before the document's own:
# a year-shaped part there, followed by another part, is a year. At the end it is not ("A/AC.109/2024"
# is the Special Committee's document 2024, its numbering before it took years); nor right after "A/"
# ("A/2004/Rev.1", the Assembly's document 2004 of 1952).
_SUBSIDIARY_YEAR = re.compile(r"^A/(?:[A-Z]+\.[^/]+/)+((?:19[4-9]|20[0-9])\d)/")
_SERIES_SESSIONS = [(re.compile(spec["pattern"]), spec) for spec in _G.get("series_sessions", {}).values()]


def symbol_session(symbol: str) -> str:
    """The session a GA, HRC or old ECOSOC symbol carries (``"79"``, ``"ES-10"``, ``"S-23"``, ``"21"``
    from a Roman ``(XXI)``), else ``""``. GA documents carry their session from the
    ``first_numbered_session`` (31st, 1976): before, ``A/18/Add.1`` is document 18.

    >>> symbol_session("A/RES/2200(XXI)"), symbol_session("A/HRC/RES/55/1"), symbol_session("S/RES/2720(2023)")
    ('21', '55', '')
    """
    m = _ROMAN_SESSION.match(symbol)
    if m:
        n = roman_to_int(m.group(2))
        return f"{m.group(1) or ''}{n}" if n else ""
    m = _GA_SESSION.match(symbol)
    if not m:
        return ""
    if m.group(1).isdigit() and int(m.group(1)) < BODIES["GA"]["first_numbered_session"] \
            and not symbol.startswith(("A/RES/", "A/DEC/", "A/HRC/")):
        return ""
    return m.group(1)


def symbol_year(symbol: str) -> Optional[int]:
    """The year a symbol gives: a year written in it (``S/RES/2720(2023)``, ``E/RES/2024/13``,
    ``S/PRST/2024/5``, ``E/CN.9/2005/1``; not in a GA document number such as ``A/2024``), else the
    year its session opened (:func:`session_year`: ``A/RES/79/194`` 2024, ``A/RES/217(III)`` 1948,
    ``A/HRC/RES/55/1`` 2024, ``UNEP/EA.5/Res.1`` 2022, ``HSP/GC/25/2`` 2015; an emergency special
    session's, which may meet over years: ``A/RES/ES-10/22`` 1997, the year ES-10 opened; a special
    session's: ``A/HRC/RES/S-15/1`` 2011; an Assembly subsidiary organ's year part:
    ``A/AC.292/2024/INF/5`` 2024), else None (``A/1059``, ``ECE/TRANS/WP.29/1110``, ``A/AC.109/2024``:
    nothing in them dates them).

    >>> symbol_year("S/RES/2720(2023)"), symbol_year("A/RES/69/204"), symbol_year("A/RES/217(III)")
    (2023, 2014, 1948)
    >>> symbol_year("E/RES/476(XV)"), symbol_year("A/1059"), symbol_year("A/RES/ES-10/22")
    (1953, None, 1997)
    >>> symbol_year("A/HRC/RES/S-15/1"), symbol_year("A/ES-10/L.20/Rev.1"), symbol_year("A/RES/2252(ES-V)")
    (2011, 1997, 1967)
    """
    if not symbol.startswith("A/") or symbol.startswith("A/CONF."):
        m = _YEAR_PART.search(symbol)
        if m:
            return int(m.group(1))
    else:
        m = _SUBSIDIARY_YEAR.match(symbol)
        if m:
            return int(m.group(1))
    session = symbol_session(symbol)
    if session:
        code = "HRC" if symbol.startswith("A/HRC/") else "ECOSOC" if symbol.startswith("E/") else "GA"
        return session_year(code, session)
    m = _UNEA_SESSION.match(symbol)
    if m:
        return session_year("UNEA", int(m.group(1)))
    for rx, spec in _SERIES_SESSIONS:
        m = rx.match(symbol)
        if m:
            n = int(m.group(1))
            if "session_years" in spec:
                return _nth(spec["session_years"], n)
            if n >= spec["first_session"]:
                return spec["first_year"] + (n - spec["first_session"]) * spec["every"]
    return None


def symbol_latest(symbol: str) -> Optional[str]:
    """The latest ISO date a document of ``symbol`` may bear, for a document with no date of its own: the end of
    its session's span where an Assembly or Human Rights Council session dates it (:func:`session_span`: a
    session runs into the next year), else the last day of the year :func:`symbol_year` gives (a year written
    in the symbol, a session's year), else None.

    >>> symbol_latest("E/HLS/2022/1"), symbol_latest("HSP/GC/25/2"), symbol_latest("A/69/315")
    ('2022-12-31', '2015-12-31', '2015-09-30')
    >>> symbol_latest("A/HRC/55/1"), symbol_latest("A/AC.292/2024/INF/5"), symbol_latest("A/1059")
    ('2025-03-31', '2024-12-31', None)
    """
    year = symbol_year(symbol)
    if year is None:
        return None
    session = symbol_session(symbol)
    if session and symbol.startswith("A/") and not _SUBSIDIARY_YEAR.match(symbol):
        span = session_span("HRC" if symbol.startswith("A/HRC/") else "GA", session)
        if span:
            return span[1]
    return f"{year}-12-31"


def is_decision_number(code: str, n: int) -> bool:
    """Whether number ``n`` of body ``code``'s session or year is a decision's: the body numbers its
    decisions from grammar.toml ``decisions_from`` (the Assembly from 401, the Economic and Social
    Council and the Human Rights Council from 101) and its resolutions below. A body with no such
    range: False.

    >>> is_decision_number("GA", 555), is_decision_number("GA", 194), is_decision_number("ECOSOC", 201)
    (True, False, True)
    >>> is_decision_number("ECOSOC", 91), is_decision_number("SC", 2720), is_decision_number("HRC", 102)
    (False, False, True)
    """
    start = BODIES.get(code, {}).get("decisions_from")
    return start is not None and n >= start


def session_fits(code: str, s: int, n: int, year: Optional[int] = None, decision: bool = False) -> bool:
    """Could body ``code`` have adopted number ``s/n`` (a resolution, or a decision), in
    ``year`` when the text dates it? The General Assembly numbered so from its 31st session,
    and session s opened in September of 1945 + s; the Human Rights Council's session s met
    in 2006 + (s - 1) // 3, with at most 90 resolutions; the Environment Assembly's sessions
    have known years, with at most 40 resolutions; a year may be one off. Other bodies: True.

    >>> session_fits("GA", 79, 194, 2024), session_fits("GA", 79, 194, 2022), session_fits("HRC", 95, 1)
    (True, False, False)
    """
    spec = BODIES.get(code, {})
    if code == "GA":
        if s < spec["first_numbered_session"]:
            return False
        return year is None or spec["session_year"] + s <= year <= spec["session_year"] + s + 1
    if code == "HRC":
        if n > spec["max_resolutions_per_session"] and not decision:
            return False
        expected = session_year(code, s)
        if year is None:
            return expected <= LAST_YEAR
        return abs(expected - year) <= 1
    if code == "UNEA":
        years = spec["session_years"]
        if s > len(years) or n > spec["max_resolutions_per_session"]:
            return False
        return year is None or abs(years[s - 1] - year) <= 1
    return True


def session_span(code: str, session: int | str, adopted: bool = True) -> Optional[tuple[str, str]]:
    """Rough (earliest, latest) ISO dates of the documents of session ``session``.

    General Assembly: what it adopts (``adopted``: resolutions, decisions) from 1 September of the
    year it opens (1945 + s) to 30 September of the next year, the 1st and 2nd sessions from 1 January
    (the 1st opened in January 1946); the documents issued for it (reports, notes, letters) from 1
    January of the year it opens (A/79/62, a report to the 79th session, is of 1 March 2024); a special
    session (``"S-23"``): the year it met; an emergency special session (``"ES-10"``): from the year
    it opened to the year it last met, or to :data:`LAST_YEAR` while it is still open (ES-10 met from
    1997 to this day). Human Rights Council: its session meets in y = 2006 + (s - 1) // 3 (three a
    year), its documents from 1 September of y - 1 to 31 March of y + 1; a special session: the year
    it met. None for another body or a session the tables do not hold.

    >>> session_span("GA", 79), session_span("GA", 79, adopted=False), session_span("HRC", 55)
    (('2024-09-01', '2025-09-30'), ('2024-01-01', '2025-09-30'), ('2023-09-01', '2025-03-31'))
    >>> session_span("GA", "ES-7"), session_span("GA", "S-23"), session_span("HRC", "S-15")
    (('1980-01-01', '1982-12-31'), ('2000-01-01', '2000-12-31'), ('2011-01-01', '2011-12-31'))
    """
    kind, n = _session_parts(session)
    y = session_year(code, session) if code in ("GA", "HRC") else None
    if y is None:
        return None
    if kind == "ES":
        last = BODIES[code]["emergency_session_years"][n - 1][1] or LAST_YEAR
        return f"{y}-01-01", f"{last}-12-31"
    if kind == "S":
        return f"{y}-01-01", f"{y}-12-31"
    if code == "GA":
        return (f"{y}-01-01" if n <= 2 or not adopted else f"{y}-09-01"), f"{y + 1}-09-30"
    return f"{y - 1}-09-01", f"{y + 1}-03-31"


def sc_year(n: int) -> Optional[float]:
    """The year the Security Council adopted resolution ``n``, interpolated from its first
    number of each year (grammar.toml); None for a number it has not reached.

    >>> int(sc_year(2720)), int(sc_year(2722))
    (2023, 2024)
    """
    if n < 1 or n > _SC_YEARS[-1][1] + 80:
        return None
    for (y0, n0), (y1, n1) in zip(_SC_YEARS, _SC_YEARS[1:]):
        if n0 <= n < n1:
            return y0 + (n - n0) / (n1 - n0) * (y1 - y0)
    return float(_SC_YEARS[-1][0])


def sc_number_year(n: int) -> Optional[int]:
    """The year the Security Council adopted resolution ``n``, where its table of first numbers is yearly
    (from 1990, resolution 646): the year whose first number is at most ``n`` and whose next year's is
    more; None before 1990 (the table is five-yearly there: a year would be a guess) or past the numbers
    it has reached. A text that writes "resolution 1493" without its year means S/RES/1493(2003).

    >>> sc_number_year(1493), sc_number_year(2231), sc_number_year(2720), sc_number_year(646), sc_number_year(242)
    (2003, 2015, 2023, 1990, None)
    """
    if n < 1 or n > _SC_YEARS[-1][1] + 80:
        return None
    for (y0, n0), (y1, n1) in zip(_SC_YEARS, _SC_YEARS[1:]):
        if n0 <= n < n1:
            return y0 if y1 == y0 + 1 else None
    return _SC_YEARS[-1][0]


_GA_ROMAN_FIRST: list[int] = BODIES["GA"]["roman_first_numbers"]
_GA_ROMAN_LAST: int = BODIES["GA"]["last_roman_number"]


def roman_session(n: int) -> Optional[int]:
    """The regular session whose numbers hold General Assembly resolution ``n`` of 1946-1975 (numbered
    consecutively, 1 to 3541, the session in Roman numerals: "1514 (XV)"), or None past the last. Table:
    ``grammar.toml`` ``[bodies.GA]`` ``roman_first_numbers``, with its sources (a special or emergency
    session's numbers fall in the regular session before them: 3201 (S-VI) -> 28).

    >>> roman_session(217), roman_session(1514), roman_session(3274), roman_session(3541), roman_session(3542)
    (3, 15, 29, 30, None)
    """
    if not 1 <= n <= _GA_ROMAN_LAST:
        return None
    return bisect.bisect_right(_GA_ROMAN_FIRST, n)


def roman_fits(n: int, session: int, code: str = "GA") -> bool:
    """Whether resolution ``n`` of body ``code`` may carry Roman-numbered session ``session``, that session
    or the one before or after (a boundary a few numbers off, a numeral misprinted by one: "1721 D (XVII)"
    for 1721 (XVI) stays the Assembly's). The General Assembly's (1 to 30): its session by
    :func:`roman_session`; "217 (VIII)", "456 (XIV)", "55 (IV)" do not fit, the Economic and Social
    Council's numbers of those sessions. The Council's (``"ECOSOC"``, 1 to 63): above every number seen of
    an earlier session and below every number seen of a later one (grammar.toml ``roman_numbers_seen``; the
    first three sessions numbered each from 1); "1369 (XVII)" and "2160 (LIX)" are neither body's. False
    for another body.

    >>> roman_fits(1514, 15), roman_fits(1721, 17), roman_fits(217, 8), roman_fits(456, 14), roman_fits(99, 5)
    (True, True, False, False, False)
    >>> roman_fits(217, 8, "ECOSOC"), roman_fits(1503, 48, "ECOSOC"), roman_fits(1369, 17, "ECOSOC")
    (True, True, False)
    """
    if code == "ECOSOC":
        return any(_ecosoc_holds(n, s) for s in (session - 1, session, session + 1))
    if code != "GA":
        return False
    own = roman_session(n)
    return own is not None and abs(own - session) <= 1


_ECOSOC_SEEN: list[tuple[int, int]] = sorted((s, n) for s, n in BODIES["ECOSOC"]["roman_numbers_seen"])
_ECOSOC_EACH_FROM_ONE: int = BODIES["ECOSOC"]["roman_numbered_each_session_to"]


def _ecosoc_holds(n: int, session: int) -> bool:
    """Whether the Economic and Social Council's Roman-numbered session ``session`` may have numbered a
    resolution ``n``: a session that numbered from 1 (the first three), any number below those seen of the
    consecutive sessions; a later one, above those seen of the consecutive sessions before it and below
    those seen of the sessions after it."""
    if not 1 <= session <= BODIES["ECOSOC"]["last_roman_session"] or n < 1:
        return False
    first = max(session, _ECOSOC_EACH_FROM_ONE)
    above = max((m for s, m in _ECOSOC_SEEN if _ECOSOC_EACH_FROM_ONE < s < session), default=0)
    below = min((m for s, m in _ECOSOC_SEEN if s > first), default=None)
    return above < n and (below is None or n < below)


# ---------------------------------------------------------------- citing verbs

#: ``data/relations.toml``: the controlled vocabulary of relations (``relation``: lemma, group, forms),
#: the forms that are as often nouns (``ambiguity``), the adverbs dropped before a verb (``adverbs``),
#: the participles that describe an object (``describing``), the words that open a relative clause
#: (``clauses``). :mod:`ingest.find.relations` builds its lookups from it.
RELATION_DATA: dict = _load("relations.toml")

#: ``data/pinpoints.toml``: the words that name a part of a cited document (``unit``: name, the normal
#: ``one``/``many`` word, the ``words`` as written, the kind of ``numbers``), and ordinal paragraphs
#: (``ordinals``: the ordinal words, ``preambular``/``operative``).
PINPOINT_DATA: dict = _load("pinpoints.toml")

# ---------------------------------------------------------------- the words that open paragraphs

#: ``data/verbs.toml``: the words that open preambular and operative paragraphs, the adverbs
#: before them, and the nouns that look like verbs there (lists; see the file for each).
VERBS: dict = _load("verbs.toml")

#: ``data/traps.toml``: words before a keyword that do not name another body, words too generic for
#: a learned name, name openers, the head nouns of events (lists; see the file for each).
TRAPS: dict = _load("traps.toml")
