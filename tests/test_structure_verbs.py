"""ingest.structure.verbs: the verb a paragraph opens with, and the relation it gives."""

import pytest

from ingest.find import normalise_verb
from ingest.structure import leading_verb


@pytest.mark.parametrize("text,verb,relation", [
    ("Recalling also its resolution", "Recalling also", "recall"),
    ("Taking note also of the report", "Taking note also", "take note"),
    ("Also notes the holding", "Also notes", "note"),
    ("Bearing in mind paragraph 6", "Bearing in mind", "bear in mind"),
    ("12. Reaffirms its commitment", "Reaffirms", "reaffirm"),
    ("We recall General Assembly resolution 69/166", "recall", "recall"),
])
def test_verbs(text, verb, relation):
    assert leading_verb(text) == verb
    assert normalise_verb(leading_verb(text)) == relation


def test_doctests():
    import doctest

    from ingest.structure import verbs
    assert doctest.testmod(verbs).failed == 0


@pytest.mark.parametrize("text, preambular, operative", [
    ("Recalling its resolution 70/1,", True, False),
    ("Deeply concerned by the situation,", True, False),
    ("Also mindful of", True, False),
    ("Having considered the report,", True, False),
    ("Decides to remain seized of the matter;", False, True),
    ("Condemns in the strongest terms", False, True),
    ("12. Requests the Secretary-General", False, True),
    ("Calls upon all States", False, True),
    # neither
    ("Progress in the implementation", False, False),
    ("Focus on results", False, False),
    ("The right to development", False, False),
])
def test_preambular_or_operative(text, preambular, operative):
    from ingest.structure.verbs import is_operative_start, is_preambular_start
    assert (is_preambular_start(text), is_operative_start(text)) == (preambular, operative)
