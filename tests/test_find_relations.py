"""ingest.find.relations: citing verbs, and a paragraph's verb as a relation."""
import doctest

import pytest

from ingest.find import relations
from ingest.find.relations import normalise_verb, relation_verbs


def test_doctests():
    assert doctest.testmod(relations).failed == 0


@pytest.mark.parametrize("verb, relation", [
    ("Recalling also", "recalling"),
    ("Taking into account", "taking into account"),
    ("Guided", "guided by"),
    ("Deeply concerned", "concerned"),
    ("Reaffirm", "reaffirm"),  # a declaration's "We reaffirm"
    # not verbs: an operative sub-item, a list item, footnotes printed as paragraphs
    ("To", None), ("The", None), ("Ibid", None), ("Official", None), ("See", None), ("This", None),
    # nouns that look like verbs (A_RES_48_104 "States should condemn", A_RES_65_259 "Estimates in respect of")
    ("States", None), ("Estimates", None), ("Violations", None), ("Building", "building"),
])
def test_relations_are_verbs(verb, relation):
    assert normalise_verb(verb) == relation


@pytest.mark.parametrize("text, found", [
    ("Recalling its resolution 70/1,", [(0, "recalling")]),
    ("Welcomes the report and reaffirms resolution 70/1", [(0, "welcomes"), (24, "reaffirms")]),
    ("pursuant to and in accordance with resolution 70/1", [(0, "pursuant to"), (16, "in accordance with")]),
    ("Taking note with appreciation", [(0, "taking note")]),
    # not citing verbs: inside another word, or another word's start
    ("the unwelcoming remarks", []),
    ("recallings", []),
    ("İstanbul: recalling the Programme", [(10, "recalling")]),  # a character that lower-cases to two
])
def test_relation_verbs(text, found):
    assert relation_verbs(text) == found
