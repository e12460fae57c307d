"""ingest.formats.masthead: what a first page's masthead says, the same for PDF and Word."""
import doctest

import pytest

from ingest.formats import masthead


def test_doctests():
    assert doctest.testmod(masthead).failed == 0


@pytest.mark.parametrize("lines, hints", [
    (["United Nations A/80/590", "General Assembly Distr.: General", "7 January 2026", "Original: English"],
     {"distribution": "General", "date": "2026-01-07", "body": "GA"}),
    (["E/2024/3", "Economic and Social Council", "Distr.: Limited", "3 May 2024"],
     {"distribution": "Limited", "date": "2024-05-03", "body": "ECOSOC"}),
    # two bodies (a joint document): the first of grammar.toml's table
    (["A/79/62-E/2024/3", "Economic and Social Council", "General Assembly"], {"body": "GA"}),
    (["TD/B/71/2", "Trade and Development Board", "Distr.: General"], {"distribution": "General", "body": "TDB"}),
    # no hints
    (["Distr. General", "Original: English"], {}),
    (["31 February 2026", "Trusteeship Council"], {}),          # no such day; TC is not a masthead body
    (["Report of the General Assembly 7 January 2026"], {"body": "GA"}),  # a date inside a line is no date line
])
def test_hints(lines, hints):
    assert masthead.hints(lines) == hints


@pytest.mark.parametrize("printed, symbol", [
    ("A/81/6 (Sect. 26)/PartA*", "A/81/6(Sect.26)/Part A"),
    ("A/81/6(Sect.26)/Part A", "A/81/6(Sect.26)/Part A"),
    ("S/2024/858 **", "S/2024/858"),
    ("A/HRC/55/L.1/ Rev.1", "A/HRC/55/L.1/Rev.1"),
])
def test_symbol(printed, symbol):
    assert masthead.symbol(printed) == symbol
