"""ingest.normalize: characters and lines, the same for every reader."""
import doctest

import pytest

from ingest import normalize


def test_doctests():
    assert doctest.testmod(normalize).failed == 0


@pytest.mark.parametrize("raw, read", [
    ("A/79/\u00a0434", "A/79/ 434"),
    ("10\u202f000\u2009km", "10 000 km"),
    ("a\tb", "a b"),
    ("Secretary\u2011General", "Secretary-General"),
    ("co\u2010operation", "co-operation"),
    ("\ufb01nancing of the \ufb02ows", "financing of the flows"),
    ("e\ufb00ective", "effective"),
    # left as they are
    ("plain ASCII text", "plain ASCII text"),
    ("\u2013 an en dash", "\u2013 an en dash"),
    ("co\u00adoperation", "co\u00adoperation"),
])
def test_characters(raw, read):
    assert normalize.characters(raw) == read


@pytest.mark.parametrize("raw, read", [
    ("co\u00adoperation", "cooperation"),
    ("\ufeffThe General Assembly", "The General Assembly"),
    ("70/1\u200b\u2060", "70/1"),
    ("no invisible character", "no invisible character"),
    ("caf\u00e9", "caf\u00e9"),
])
def test_strip_invisible(raw, read):
    assert normalize.strip_invisible(raw) == read


@pytest.mark.parametrize("raw", ["", " ", "a", "a  b", " a\tb\n", "a\u00a0 b", "x\u2003y "])
def test_squash_is_split_and_join(raw):
    assert normalize.squash(raw) == " ".join(raw.split())


@pytest.mark.parametrize("a, b, vocab, joined", [
    ("the Assistant Secretary-", "General and", set(), "the Assistant Secretary-General and"),
    ("contingent-", "owned equipment", set(), "contingent-owned equipment"),
    ("the contain-", "ing rules", {"containing"}, "the containing rules"),
    ("the contain-", "ing rules", {"containing", "contain-ing"}, "the contain-ing rules"),
    ("see A/RES/", "78/250 B", set(), "see A/RES/78/250 B"),
    ("ECE/CTCS/WP.7/", "2015/22", set(), "ECE/CTCS/WP.7/2015/22"),
    ("resolution", "70/1", set(), "resolution 70/1"),
    ("emergency-appeals/2025-", "unrwa-occupied", set(), "emergency-appeals/2025-unrwa-occupied"),
    ("soft\u00ad", "ware", set(), "software"),
    ("the imple-", "mentation", {"implementation"}, "the implementation"),
    ("the imple\u00ad", "mentation", set(), "the implementation"),
    ("the Secretary-", "General", {"secretarygeneral"}, "the Secretary-General"),   # upper case goes on: kept
    ("follow-", "up", {"followup", "follow-up"}, "follow-up"),                       # the document hyphenates it
    ("follow-", "up", set(), "follow-up"),                                           # unknown: the hyphen stays
    ("A/79/", "434", set(), "A/79/434"),
    ("A/79", "/434", set(), "A/79/434"),
    ("Recalling", "its resolution", set(), "Recalling its resolution"),
    ("", "b", set(), "b"),
    ("a", "", set(), "a"),
])
def test_join_lines(a, b, vocab, joined):
    assert normalize.join_lines(a, b, vocab) == joined
