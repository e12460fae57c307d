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


# ---------------------------------------------------------------- the controlled vocabulary (relations.toml)

import ingest
from ingest.find.relations import FORM_LEMMA, RELATION_LEMMAS, relation_lemma


@pytest.mark.parametrize("written, lemma", [
    # preambular (-ing), operative (present), declarations (base), reports (past): one lemma each
    ("Recalling also", "recall"), ("Recalls", "recall"), ("recalled", "recall"), ("We recall", "recall"),
    ("Reaffirming", "reaffirm"), ("reaffirms", "reaffirm"), ("reaffirmed", "reaffirm"), ("Reaffirm", "reaffirm"),
    ("Taking note with appreciation", "take note"), ("Also takes note", "take note"), ("took note", "take note"),
    ("Noting with deep concern", "note"), ("notes", "note"), ("noted", "note"),
    ("Welcoming", "welcome"), ("welcomed", "welcome"), ("Endorses", "endorse"), ("Adopts", "adopt"),
    ("Requests", "request"), ("requested", "request"), ("as requested in", "request"),
    ("Decides", "decide"), ("decided", "decide"), ("Strongly urges", "urge"), ("urged", "urge"),
    ("Calls upon", "call upon"), ("called on", "call upon"), ("Calls for", "call for"),
    ("refer to", "refer to"), ("as referred to by", "refer to"), ("referring to", "refer to"),
    ("pursuant to", "pursuant to"), ("In accordance with", "in accordance with"),
    ("in conformity with", "in accordance with"), ("in follow-up to", "in follow-up to"),
    ("Bearing in mind", "bear in mind"), ("Guided", "guided by"), ("Guided by", "guided by"),
    ("Taking into consideration", "take into account"), ("Having considered", "consider"),
    ("Having adopted", "adopt"), ("Re-emphasizes", "emphasize"), ("Recognising", "recognize"),
    ("Deeply concerned", "concerned"), ("Expressing its appreciation", "express"),
    # the relations citegraph wrote before the vocabulary normalise to the same lemmas
    ("recalling", "recall"), ("takes note", "take note"), ("taking into account", "take into account"),
    ("as requested", "request"), ("calls upon", "call upon"),
    # not relations: nouns, sub-items, footnote words
    ("States", None), ("The", None), ("To", None), ("See", None), ("Ibid", None), ("", None), (None, None),
    ("resolution", None), ("calls", None),
])
def test_relation_lemma(written, lemma):
    assert relation_lemma(written) == lemma
    assert ingest.relation_lemma(written) == lemma  # through the door


def test_every_lemma_is_its_own_form_and_every_form_has_one_lemma():
    for lemma, rel in RELATION_LEMMAS.items():
        assert relation_lemma(lemma) == lemma, lemma
        assert rel.group in ("recall", "note", "approve", "disapprove", "act", "stress", "basis")
        for form in rel.forms:
            assert FORM_LEMMA[form] == lemma and form == form.lower().strip()
            assert relation_lemma(form) == lemma, form


def test_the_vocabulary_covers_the_frequent_paragraph_verbs_of_the_corpus():
    # every verb opening 50 or more resolution paragraphs of the shared corpus (counted in the notes
    # of citing-forms) has a lemma
    frequent = ["recalling", "requests", "encourages", "recognizing", "reaffirming", "calls upon", "noting",
                "decides", "recognizes", "welcomes", "urges", "notes", "reaffirms", "invites", "welcoming",
                "stresses", "takes note", "recalls", "expressing", "expresses", "emphasizes", "taking note",
                "reiterates", "stressing", "concerned", "acknowledging", "emphasizing", "acknowledges",
                "reiterating", "underlines", "condemns", "guided by", "underlining", "calls for", "bearing in mind",
                "having considered", "endorses", "condemning", "convinced", "mindful", "affirms", "commends",
                "underscores", "encouraging", "demands", "affirming", "recommends", "approves", "considering",
                "calls on", "underscoring", "commending", "aware", "highlighting", "directs", "alarmed",
                "taking into account", "conscious", "deploring", "adopts", "supporting", "urging",
                "authorizes", "deplores", "supports", "agrees", "highlights", "appeals", "confirms"]
    assert [v for v in frequent if relation_lemma(v) is None] == []
