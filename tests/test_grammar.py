"""ingest.grammar: the one table of bodies, months, Roman numerals, sessions and years."""
import doctest

import pytest

from ingest import grammar


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
