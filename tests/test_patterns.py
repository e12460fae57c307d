"""ingest.patterns.trie: one fast alternation that matches exactly its words."""
import re

import pytest

from ingest.named import curated
from ingest.patterns import trie

WORDS = ["recalling", "reaffirming", "reaffirms", "note", "noting", "taking note", "re"]


@pytest.mark.parametrize("text, expected", [
    ("Recalling and reaffirming", ["reaffirming"]),           # case as given: the R of Recalling is not r
    ("recalling, reaffirms", ["recalling", "reaffirms"]),
    ("taking note of", ["taking note"]),
    ("noting notes", ["noting", "note"]),                     # the pattern alone has no end test
    ("", []),
])
def test_trie_matches_its_words_longest_first(text, expected):
    rx = re.compile(trie(WORDS))
    assert rx.findall(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("noting notes denote note", ["noting", "note"]),         # "notes": no end; "denote": letter before
    ("re-noting", ["re", "noting"]),                           # "-" is not a word character
    ("renoting", []),
])
def test_trie_guard_and_end(text, expected):
    rx = re.compile(trie(WORDS, not_after=r"\w") + r"\b")
    assert rx.findall(text) == expected


def test_trie_classes_stand_after_the_first_character():
    rx = re.compile(trie(["Tunis Agenda", "Agenda 21"], classes={" ": r"\s+"}))
    assert rx.findall("the Tunis   Agenda and Agenda\n21") == ["Tunis   Agenda", "Agenda\n21"]


def test_trie_of_nothing_matches_nothing():
    assert re.compile(trie([])).search("anything") is None


@pytest.mark.parametrize("text", [
    "Recalling the Tunis Agenda for the Information Society and the 2030 Agenda for Sustainable Development,",
    "the Charter of the United Nations, the Universal Declaration of Human Rights and agenda 21",
    "the Addis Ababa Action Agenda of the Third International Conference on Financing for Development",
    "pre-2030 Agenda talks and the 2030 Agendas; Connect 2030 Agenda",
])
def test_named_automaton_and_pattern_agree(text):
    """Names are found by an Aho-Corasick automaton on single-spaced text and by a regular
    expression otherwise (line breaks, runs of spaces): both must find the same names."""
    table = curated()
    fast = [(s, e, a.target) for s, e, _, a in table.finditer(text)]
    spaced = text.replace(" ", "  ")  # takes the pattern; every offset shifts, the names do not
    slow = [(w.replace("  ", " "), a.target) for _, _, w, a in table.finditer(spaced)]
    assert [(text[s:e], t) for s, e, t in fast] == slow
    assert fast or "Agendas" in text
