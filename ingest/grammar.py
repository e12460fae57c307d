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
  :func:`sc_year`, :data:`LAST_YEAR`;
* citing verbs - :data:`RELATIONS`; the words that open paragraphs - :data:`VERBS`
  (``data/verbs.toml``).

Not here: the canonical spelling of symbols and numbers (:mod:`ingest.symbols`, which
builds on this), character clean-up (:mod:`ingest.normalize`).
"""
from __future__ import annotations

import datetime as _dt
import functools
import pathlib
import re
import tomllib
from typing import Optional

__all__ = [
    "grammar", "VERSION",
    "BODIES", "BODY_NAMES", "body_code", "BODY_PHRASES", "OTHER_BODY_PHRASES", "SPEAKER_BODIES", "MASTHEAD_BODIES",
    "SERIES", "WRITTEN_ROOTS",
    "MONTHS", "MONTH_PATTERN", "month_number", "iso_date", "parse_date",
    "roman_to_int",
    "session_year", "session_fits", "session_span", "sc_year", "LAST_YEAR",
    "RELATIONS", "VERBS",
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
#: Bodies whose numbers are not UN resolutions citegraph resolves, longest phrase first.
OTHER_BODY_PHRASES: list[str] = sorted(_G["other_bodies"]["phrases"], key=len, reverse=True)
_NAMED = _G.get("named_bodies", {})
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


# ---------------------------------------------------------------- sessions and years

_SC_YEARS = sorted((int(y), int(n)) for y, n in BODIES["SC"]["first_number_by_year"].items())
#: The last year the grammar's tables cover (the Security Council's first numbers by year):
#: a later year in a text is a misprint, a later session not yet held.
LAST_YEAR: int = _SC_YEARS[-1][0]


def session_year(code: str, session: int) -> Optional[int]:
    """The year regular session ``session`` of body ``code`` opened (GA: 1945 + s, in
    September), met (HRC: three sessions a year from 2006) or closed (UNEA: its table of
    years); None for another body or a session the table does not hold.

    >>> session_year("GA", 79), session_year("HRC", 55), session_year("UNEA", 5)
    (2024, 2024, 2022)
    """
    spec = BODIES.get(code, {})
    if code == "GA":
        return spec["session_year"] + session
    if code == "HRC":
        return spec["first_year"] + (session - 1) // spec["sessions_per_year"]
    if code == "UNEA":
        years = spec["session_years"]
        return years[session - 1] if 1 <= session <= len(years) else None
    return None


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


def session_span(code: str, session: int) -> Optional[tuple[str, str]]:
    """Rough (earliest, latest) ISO dates of the documents of regular session ``session``.

    General Assembly: from 1 September of the year it opens (1945 + s) to 30 September of the
    next year, the 1st and 2nd sessions from 1 January (the 1st opened in January 1946).
    Human Rights Council: its session meets in y = 2006 + (s - 1) // 3 (three a year), its
    documents from 1 September of y - 1 to 31 March of y + 1. None for another body.

    >>> session_span("GA", 79), session_span("HRC", 55)
    (('2024-09-01', '2025-09-30'), ('2023-09-01', '2025-03-31'))
    """
    if code == "GA":
        y = session_year(code, session)
        return (f"{y}-01-01" if session <= 2 else f"{y}-09-01"), f"{y + 1}-09-30"
    if code == "HRC":
        y = session_year(code, session)
        return f"{y - 1}-09-01", f"{y + 1}-03-31"
    return None


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


# ---------------------------------------------------------------- citing verbs

#: Citing verb phrases as written (lower case) -> the normalised relation.
RELATIONS: dict[str, str] = _G["relations"]

# ---------------------------------------------------------------- the words that open paragraphs

#: ``data/verbs.toml``: the words that open preambular and operative paragraphs, the adverbs
#: before them, and the nouns that look like verbs there (lists; see the file for each).
VERBS: dict = _load("verbs.toml")
