"""ingest.grammar: the one table of bodies, months, Roman numerals, sessions and years."""
import doctest
import re

import pytest

from ingest import grammar, normalize

from conftest import SHARED


def test_doctests():
    assert doctest.testmod(grammar).failed == 0


@pytest.mark.parametrize("name, code", [
    ("General Assembly", "GA"), ("security council", "SC"), ("Economic and Social Council", "ECOSOC"),
    ("Human Rights Council", "HRC"), ("Commission on Human Rights", "CHR"),
    ("United Nations Environment Assembly", "UNEA"),
    # not bodies whose numbers citegraph resolves
    ("Trusteeship Council", None), ("Trade and Development Board", None), ("Assembly", None), ("", None),
])
def test_body_code(name, code):
    assert grammar.body_code(name) == code


def test_bodies_named_by_opening_lines_and_mastheads():
    assert ("Trusteeship Council", "TC") in grammar.SPEAKER_BODIES
    assert ("Trusteeship Council", "TC") not in grammar.MASTHEAD_BODIES
    assert ("Trade and Development Board", "TDB") in grammar.MASTHEAD_BODIES
    assert ("Trade and Development Board", "TDB") not in grammar.SPEAKER_BODIES
    # the bodies citegraph resolves come first, in the order of grammar.toml
    assert [c for _, c in grammar.MASTHEAD_BODIES][:4] == ["GA", "SC", "ECOSOC", "HRC"]


@pytest.mark.parametrize("text, iso", [
    ("adopted on 19 December 2024.", "2024-12-19"),
    ("1 January 1946", "1946-01-01"),
    ("Adopted by the Security Council at its 4185th meeting, on\n11 August 2000", "2000-08-11"),
    # not dates
    ("31 February 2025", None),
    ("19 december 2024", None),       # month names as written
    ("19 Decembre 2024", None),
    ("resolution 19/12 of 2024", None),
    ("119 December 2024", None),
])
def test_parse_date(text, iso):
    assert grammar.parse_date(text) == iso


@pytest.mark.parametrize("numeral, value", [
    ("I", 1), ("III", 3), ("IV", 4), ("XV", 15), ("XXX", 30), ("XXXIV", 34), ("LXIII", 63), ("LXXIII", 73),
    ("XCIX", 99), ("xxi", 21),
    ("", None), ("XIV-A", None), ("M", None), ("S-10", None),
])
def test_roman_to_int(numeral, value):
    assert grammar.roman_to_int(numeral) == value


@pytest.mark.parametrize("code, s, n, year, decision, fits", [
    ("GA", 79, 194, None, False, True),
    ("GA", 79, 194, 2024, False, True),
    ("GA", 79, 194, 2025, False, True),     # adopted in the session's second calendar year
    ("GA", 79, 194, 2023, False, False),
    ("GA", 30, 1, None, False, False),      # session/number only from the 31st session (1976)
    ("HRC", 55, 1, 2024, False, True),
    ("HRC", 55, 1, 2021, False, False),
    ("HRC", 55, 91, None, False, False),    # more resolutions than a session adopts
    ("HRC", 55, 91, None, True, True),      # ... but decisions may be numbered higher
    ("HRC", 70, 1, None, False, False),     # a session not held by the last year of the tables
    ("UNEA", 5, 14, 2022, False, True),
    ("UNEA", 5, 14, 2019, False, False),
    ("UNEA", 8, 1, None, False, False),
    ("SC", 1, 1, None, False, True),
])
def test_session_fits(code, s, n, year, decision, fits):
    assert grammar.session_fits(code, s, n, year, decision) is fits


@pytest.mark.parametrize("code, session, span", [
    ("GA", 1, ("1946-01-01", "1947-09-30")),
    ("GA", 2, ("1947-01-01", "1948-09-30")),
    ("GA", 3, ("1948-09-01", "1949-09-30")),
    ("GA", 79, ("2024-09-01", "2025-09-30")),
    ("HRC", 1, ("2005-09-01", "2007-03-31")),
    ("HRC", 55, ("2023-09-01", "2025-03-31")),
    ("SC", 5, None), ("UNEA", 5, None),
])
def test_session_span(code, session, span):
    assert grammar.session_span(code, session) == span


@pytest.mark.parametrize("n, year", [(1, 1946), (2720, 2023), (2810, 2026), (0, None), (9999, None)])
def test_sc_year(n, year):
    got = grammar.sc_year(n)
    assert (int(got) if got is not None else None) == year


def test_last_year_is_that_of_the_tables():
    assert grammar.LAST_YEAR == max(int(y) for y in grammar.BODIES["SC"]["first_number_by_year"])


# --------------------------------------------------------------------------- special and emergency special sessions

@pytest.mark.parametrize("code, session, year", [
    # the General Assembly's emergency special sessions: the year each opened (grammar.toml, with its source)
    ("GA", "ES-1", 1956), ("GA", "ES-2", 1956), ("GA", "ES-3", 1958), ("GA", "ES-4", 1960), ("GA", "ES-5", 1967),
    ("GA", "ES-6", 1980), ("GA", "ES-7", 1980), ("GA", "ES-8", 1981), ("GA", "ES-9", 1982),
    ("GA", "ES-10", 1997), ("GA", "ES-11", 2022),
    # the Human Rights Council's special sessions: the year each met
    ("HRC", "S-1", 2006), ("HRC", "S-4", 2006), ("HRC", "S-5", 2007), ("HRC", "S-13", 2010), ("HRC", "S-14", 2010),
    ("HRC", "S-15", 2011), ("HRC", "S-19", 2012), ("HRC", "S-20", 2014), ("HRC", "S-23", 2015),
    ("HRC", "S-28", 2018), ("HRC", "S-29", 2021), ("HRC", "S-36", 2023), ("HRC", "S-37", 2025),
    # the Assembly's special sessions are another table: S-15 of the Assembly met in 1988
    ("GA", "S-15", 1988), ("GA", "S-1", 1947),
    # not held, as far as the tables know, or of no such kind: no guess
    ("GA", "ES-12", None), ("HRC", "S-38", None), ("GA", "S-33", None), ("HRC", "ES-1", None),
    ("SC", "S-1", None), ("ECOSOC", "ES-1", None), ("UNEA", "S-1", None),
    ("GA", "ES-0", None), ("HRC", "S-0", None), ("GA", "ES-", None), ("GA", "ES-x", None), ("HRC", "S-1a", None),
])
def test_special_and_emergency_session_years(code, session, year):
    assert grammar.session_year(code, session) == year


@pytest.mark.parametrize("symbol, year", [
    ("A/RES/ES-10/24", 1997),       # adopted in 2024; its symbol says only that ES-10 opened in 1997
    ("A/ES-10/L.20/Rev.1", 1997),
    ("A/RES/ES-11/1", 2022),
    ("A/RES/2252(ES-V)", 1967),     # Roman: the fifth emergency special session
    ("A/RES/377(V)", 1950),         # the "Uniting for peace" resolution itself: a regular session
    ("A/HRC/RES/S-15/1", 2011),
    ("A/HRC/S-15/2", 2011),         # the report of the special session
    ("A/HRC/DEC/S-8/1", 2008),
    ("A/HRC/RES/S-99/1", None),
    ("A/RES/S-27/2", 2002),
    ("S/RES/1970(2011)", 2011),
])
def test_symbol_year_of_special_sessions(symbol, year):
    assert grammar.symbol_year(symbol) == year


def test_the_session_tables_agree_with_the_dates_un_texts_give():
    """Every "S-n/m of <date>" or "ES-n/m of <date>" the shared corpus's UN texts write is of a year
    the tables allow: an emergency special session's resolution between the year it opened and the
    year it last met (or today), a special session's in its year (the Assembly's or the Council's:
    the same number names one of each, "S-32/1 of 2 June 2021" and "of 5 November 2021")."""
    if SHARED is None:
        pytest.skip("the shared corpus is not beside the checkout")
    rx = re.compile(r"S-(\d{1,2})/\d{1,3}\s+(?:of|adopted\s+on)\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})")  # "S-" first: fast
    seen, wrong = set(), []
    for f in sorted((SHARED / "corpus" / "text").iterdir()):
        text = normalize.text(f.read_text(encoding="utf-8"))  # (no-break spaces: "715 A (XXVII)" in E/RES/2018/2)
        for m in rx.finditer(text):
            before = text[m.start() - 2:m.start()] if m.start() >= 2 else " " + text[:m.start()]
            if before[-1:].isalpha() and before[-1] != "E" or before[-1:] == "E" and before[0].isalpha():
                continue  # a longer word ("RES-", "NES-")
            kind, n = "ES" if before[-1:] == "E" else "S", int(m.group(1))
            date = grammar.parse_date(" ".join(m.group(2).split()))
            if date is None:
                continue
            year = int(date[:4])
            if kind == "ES":
                first, last = grammar.session_span("GA", f"ES-{n}")
                fits = int(first[:4]) <= year <= int(last[:4])
            else:
                fits = year in (grammar.session_year("GA", f"S-{n}"), grammar.session_year("HRC", f"S-{n}"))
            seen.add(f"{kind}-{n}")
            if not fits:
                wrong.append((f.name, m.group(0)))
    assert wrong == []
    assert {"ES-7", "ES-10", "ES-11", "S-8", "S-15", "S-27", "S-36"} <= seen and len(seen) >= 30


@pytest.mark.parametrize("symbol, year", [
    ("A/AC.292/2024/INF/5", 2024),        # the Ad Hoc Committee on cybercrime's information note
    ("A/AC.109/2024/1", 2024),            # the Special Committee on decolonization since it took years
    ("A/CN.10/2020/WG.I/CRP.1", 2020),    # the Disarmament Commission
    ("A/AC.105/C.1/2024/CRP.1", 2024),    # COPUOS's Scientific and Technical Subcommittee
    ("A/AC.109/2112", None),              # the Special Committee's document 2112 (1998): a number
    ("A/AC.109/2024", None),              # at the end: a number, not a year
    ("A/2004/Rev.1", None),               # the Assembly's document 2004
    ("A/1948", None),
    ("A/C.3/78/L.12", 2023),              # a session, as before
    ("A/CONF.151/26/Rev.1", None),
])
def test_symbol_year_of_an_assembly_subsidiary_organ(symbol, year):
    assert grammar.symbol_year(symbol) == year


# the latest date an undated document of a symbol may bear (named instruments adopted after it are drafts)
@pytest.mark.parametrize("symbol, latest", [
    ("E/HLS/2022/1", "2022-12-31"),       # a year written in the symbol
    ("HSP/GC/25/2", "2015-12-31"),        # UN-Habitat's Governing Council: its session's year
    ("A/69/315", "2015-09-30"),           # an Assembly session runs to September of the next year
    ("A/C.3/78/L.12", "2024-09-30"),
    ("A/HRC/55/1", "2025-03-31"),         # a Council session's documents: to March of the next year
    ("A/HRC/RES/S-15/1", "2011-12-31"),   # a special session: its year
    ("A/RES/ES-10/22", f"{grammar.LAST_YEAR}-12-31"),  # ES-10 still meets
    ("A/AC.292/2024/INF/5", "2024-12-31"),
    ("E/RES/476(XV)", "1953-12-31"),
    # negative rows: nothing in the symbol dates it
    ("A/1059", None),
    ("A/CONF.151/26/Rev.1", None),
    ("ECE/TRANS/WP.29/1110", None),
])
def test_symbol_latest(symbol, latest):
    assert grammar.symbol_latest(symbol) == latest


# The Assembly's resolutions of 1946-1975, numbered 1 to 3541 across sessions I to XXX (grammar.toml
# roman_first_numbers): the session a number falls in, and whether a written session may be it
@pytest.mark.parametrize("n, session", [
    (1, 1), (96, 1), (181, 2), (217, 3), (260, 3), (302, 4), (377, 5), (428, 5), (637, 7), (742, 8), (1514, 15),
    (1653, 16), (1721, 16), (1803, 17), (2008, 20), (2132, 20), (2200, 21), (2625, 25), (2758, 26), (3201, 28),
    (3281, 29), (3379, 30), (3541, 30),
    # negative rows: no Assembly resolution was numbered so
    (0, None), (3542, None), (9999, None),
])
def test_roman_session(n, session):
    assert grammar.roman_session(n) == session


@pytest.mark.parametrize("n, session, fits", [
    (1514, 15, True), (217, 3, True), (2200, 21, True), (3379, 30, True),
    (1721, 17, True),    # A/RES/2601(XXIV) op4 "1721 D (XVII)": a numeral one off is still the Assembly's
    # the Economic and Social Council's numbers of those sessions (E/5715/Rev.2, its rules of procedure)
    (217, 8, False), (456, 14, False), (481, 15, False), (55, 4, False), (99, 5, False), (288, 10, False),
    (3274, 24, False),   # A/RES/50/152 op13 "3274 (XXIV) of 10 December 1974": 3274 (XXIX), misprinted
    (3600, 30, False),
])
def test_roman_fits(n, session, fits):
    assert grammar.roman_fits(n, session) is fits


# The Economic and Social Council's Roman-numbered sessions (1 to 63, 1946-1977): numbers rise with the sessions
# from the fourth (grammar.toml roman_numbers_seen); the first three numbered each from 1
@pytest.mark.parametrize("n, session, fits", [
    (8, 1, True), (8, 2, True), (3, 3, True), (55, 4, True), (217, 8, True), (402, 13, True), (456, 14, True),
    (663, 24, True), (1235, 42, True), (1503, 48, True), (1623, 51, True), (2076, 62, True), (2100, 63, True),
    (1721, 53, True),    # one above the last seen of session 52 (1668) and below session 54's (1746)
    (1503, 47, True),    # a numeral one off, as for the Assembly
    # negative rows: explore6 D6, the regional commissions' numbers of 2014-2023, and past the Council's sessions
    (1369, 17, False), (9999, 17, False), (2160, 59, False), (315, 28, False), (682, 35, False), (956, 51, False),
    (3334, 39, False), (1503, 45, False), (40, 8, False), (1, 64, False), (0, 5, False),
])
def test_roman_fits_the_council(n, session, fits):
    assert grammar.roman_fits(n, session, "ECOSOC") is fits


def test_the_council_numbers_agree_with_the_corpus():
    """Every "N (Roman) of <date>" the shared corpus writes with a date in that Council session's year fits the
    Council's numbering or the Assembly's (roman_fits), and every pair of roman_numbers_seen is written so in it."""
    if SHARED is None:
        pytest.skip("the shared corpus is not beside the checkout")
    rx = re.compile(r"\b(\d{1,4})(?: [A-Z])? ?\(([IVXL]+)\)(?: [A-Z])?,? of (\d{1,2}\s[A-Z][a-z]+\s\d{4})")
    dated, wrong = set(), []
    for f in sorted((SHARED / "corpus" / "text").iterdir()):
        text = normalize.text(f.read_text(encoding="utf-8"))  # (no-break spaces: "715 A (XXVII)" in E/RES/2018/2)
        for m in rx.finditer(text):
            n, session = int(m.group(1)), grammar.roman_to_int(m.group(2))
            date = grammar.parse_date(" ".join(m.group(3).split()))
            opened = grammar.session_year("ECOSOC", session)
            if not (date and opened and abs(opened - int(date[:4])) <= 1):
                continue  # not this Council's session (the Assembly's, a commission's of a later year)
            before = text[max(0, m.start() - 40):m.start()].lower()
            if before.rfind("decision") > before.rfind("resolution"):
                continue  # its decisions, numbered apart ("decisions 16 (LVI) and 17 (LVI) of 17 May 1974")
            dated.add((session, n))
            if not grammar.roman_fits(n, session, "ECOSOC") and not grammar.roman_fits(n, session):
                wrong.append((f.name, m.group(0)))
    assert wrong == []
    seen = {tuple(p) for p in grammar.BODIES["ECOSOC"]["roman_numbers_seen"]}
    assert seen - dated == set()


@pytest.mark.parametrize("n, numeral", [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (16, "XVI"), (29, "XXIX"),
                                        (40, "XL"), (49, "XLIX"), (63, "LXIII"), (94, "XCIV"), (399, "CCCXCIX")])
def test_int_to_roman(n, numeral):
    assert grammar.int_to_roman(n) == numeral and grammar.roman_to_int(numeral) == n


@pytest.mark.parametrize("n", [0, -1, 400])
def test_int_to_roman_refuses_what_no_session_writes(n):
    with pytest.raises(ValueError, match=str(n)):
        grammar.int_to_roman(n)


def test_the_assembly_numbers_agree_with_the_corpus():
    """Every "General Assembly resolution(s) N (Roman)" the shared corpus writes fits the table
    (roman_fits), save a numeral that the date written after it contradicts, where the number's own
    session fits that date (a misprint: "3274 (XXIV) of 10 December 1974")."""
    if SHARED is None:
        pytest.skip("the shared corpus is not beside the checkout")
    rx = re.compile(r"General Assembly resolutions? (\d{1,4})(?: [A-Z](?: (?:and|to) [A-Z])?)? \(([IVXL]+)\)"
                    r"(?: of (\d{1,2}\s[A-Z][a-z]+\s\d{4}))?")
    seen, wrong = set(), []
    for f in sorted((SHARED / "corpus" / "text").iterdir()):
        for m in rx.finditer(f.read_text(encoding="utf-8")):
            n, session = int(m.group(1)), grammar.roman_to_int(m.group(2))
            seen.add(n)
            if grammar.roman_fits(n, session):
                continue
            date = grammar.parse_date(" ".join(m.group(3).split())) if m.group(3) else None
            opened = grammar.session_year("GA", grammar.roman_session(n) or 0)
            if not (date and opened and opened <= int(date[:4]) <= opened + 1):
                wrong.append((f.name, m.group(0)))
    assert wrong == []
    assert len(seen) >= 50


@pytest.mark.parametrize("n, year", [
    (646, 1990), (1493, 2003), (1533, 2004), (2231, 2015), (2720, 2023), (2722, 2024), (2810, 2026),
    # negative rows: the table is five-yearly before 1990 (242 (1967): no year told), none past its numbers
    (242, None), (645, None), (1, None), (0, None), (2900, None),
])
def test_sc_number_year(n, year):
    assert grammar.sc_number_year(n) == year


@pytest.mark.parametrize("code, n, decision", [
    # the Assembly numbers its decisions from 401 (elections 4xx, others 5xx), the Economic and Social Council
    # from 201 each year (from 101 in the 1980s: 1989/139), the Human Rights Council from 101 (6/102)
    ("GA", 401, True), ("GA", 555, True), ("ECOSOC", 201, True), ("ECOSOC", 139, True), ("HRC", 102, True),
    # negative rows: resolutions' numbers, and bodies whose numbers tell no decision
    ("GA", 400, False), ("GA", 194, False), ("GA", 1, False), ("ECOSOC", 91, False), ("ECOSOC", 13, False),
    ("HRC", 90, False), ("SC", 2720, False), ("UNEA", 5, False), ("CHR", 101, False),
])
def test_is_decision_number(code, n, decision):
    assert grammar.is_decision_number(code, n) is decision
