"""ingest.find.relations: citing verbs, and a paragraph's verb as a relation."""
import doctest

import pytest

from ingest.find import relations
from ingest.find.relations import Clauses, normalise_verb, relation_events
from ingest.structure.verbs import leading_verb


def test_doctests():
    assert doctest.testmod(relations).failed == 0


@pytest.mark.parametrize("verb, relation", [
    ("Recalling also", "recall"),
    ("Taking into account", "take into account"),
    ("Guided", "guided by"),
    ("Deeply concerned", "concerned"),
    ("Reaffirm", "reaffirm"),  # a declaration's "We reaffirm"
    # not verbs: an operative sub-item, a list item, footnotes printed as paragraphs
    ("To", None), ("The", None), ("Ibid", None), ("Official", None), ("This", None),
    # a footnote printed as a paragraph, "See A/35/362": the source of a statement
    ("See", "see"),
    # nouns that look like verbs (A_RES_48_104 "States should condemn", A_RES_65_259 "Estimates in respect of")
    ("States", None), ("Estimates", None), ("Violations", None),
    # verbs outside the vocabulary: no relation (one controlled vocabulary)
    ("Building", None),
])
def test_relations_are_verbs(verb, relation):
    assert normalise_verb(verb) == relation


def governing(text, needle):
    """(relation, verb as written) of the reference at ``needle`` in a paragraph ``text``."""
    verb = leading_verb(text)
    return Clauses(text).governing(text.index(needle), normalise_verb(verb), verb)


# (paragraph, the reference's words, (relation, verb as written)); the rule of each row in the comment
CLAUSES = [
    # the paragraph's verb
    ("Recalling its resolution 78/132 of 19 December 2023,", "78/132", ("recall", "Recalling")),
    ("1. Takes note of the report of the Secretary-General (A/79/6);", "A/79/6", ("take note", "Takes note")),
    # a verb of the same clause takes over: "not reaffirming when the reference is in an operative requests ... under"
    ("Reaffirms its resolution 1/1 and requests the Secretary-General to report under resolution 2/2;", "1/1",
     ("reaffirm", "Reaffirms")),
    ("Reaffirms its resolution 1/1 and requests the Secretary-General to report under resolution 2/2;", "2/2",
     ("request", "requests")),
    # a phrase of the vocabulary nearer the reference
    ("Condemning all acts of terrorism, and emphasizing the importance of cooperation as referred to by "
     "resolution 1373 (2001),", "1373", ("refer to", "as referred to")),
    ("The present report is submitted pursuant to General Assembly resolution 79/194.", "79/194",
     ("pursuant to", "pursuant to")),
    # a relative clause of the object: its own verb, or none
    ("Recalling the Universal Declaration of Human Rights, adopted by resolution A/RES/217 A (III), and the "
     "International Covenants on Human Rights (A/RES/2200 A (XXI)),", "A/RES/217", ("adopt", "adopted")),
    ("Recalling the Universal Declaration of Human Rights, adopted by resolution A/RES/217 A (III), and the "
     "International Covenants on Human Rights (A/RES/2200 A (XXI)),", "A/RES/2200", ("recall", "Recalling")),
    ("Welcomes the report of the Secretary-General, which contains the information requested in resolution 70/1,",
     "70/1", ("request", "requested")),
    # a describing participle says where the object is written: the clause's verb holds
    ("Recalling the Programme of Action contained in resolution 69/15,", "69/15", ("recall", "Recalling")),
    ("Reaffirming the role of the Commission, as set forth in Council resolution 2006/46 of 28 July 2006,",
     "2006/46", ("reaffirm", "Reaffirming")),
    # a finite relative clause with a verb outside the vocabulary: none
    ("Reaffirming also the 2030 Agenda, of which the Addis Ababa Action Agenda is an integral part, and its "
     "resolution 70/299,", "70/299", ("reaffirm", "Reaffirming")),
    ("Welcomes the report of the Secretary-General, which responds to resolution 78/5,", "78/5", (None, None)),
    # a list goes on under the verb of the list's head; a participle's clause ends at its comma
    ("Recalling all resolutions adopted by the Commission on Human Rights on the issue, including resolution "
     "2005/25 of 15 April 2005,", "2005/25", ("recall", "Recalling")),
    ("Recalling the Universal Declaration of Human Rights, which provides that everyone has the right to food, "
     "the Universal Declaration on the Eradication of Hunger and the United Nations Millennium Declaration,",
     "United Nations Millennium", ("recall", "Recalling")),
    # a participial clause with a verb outside the vocabulary
    ("3. Calls upon the parties to resume negotiations, noting efforts made, thus ensuring the implementation "
     "of Security Council resolutions 1754 (2007) and 1783 (2007);", "1754", (None, None)),
    # words of a title or a name are not verbs
    ("Recalling its resolution 74/298, entitled “Review of the implementation of resolution 67/290”,", "67/290",
     ("recall", "Recalling")),
    ("Recalling the outcome of the Follow-up International Conference to Review the Implementation of the "
     "Monterrey Consensus,", "Monterrey", ("recall", "Recalling")),
    ("Welcomes the publication of the guidance note on Security Council resolution 1998 (2011),", "1998",
     ("welcome", "Welcomes")),
    ("Recalling its resolution 70/1, by which it adopted the 2030 Agenda, and its resolution 69/313,", "69/313",
     ("recall", "Recalling")),
    # reports: past tense, and the verb after a fronted phrase
    ("The Committee recalled resolution 55/5 and noted the report A/79/1.", "55/5", ("recall", "recalled")),
    ("The Committee recalled resolution 55/5 and noted the report A/79/1.", "A/79/1", ("note", "noted")),
    ("In its resolution 78/132, the General Assembly requested the Secretary-General to report.", "78/132",
     ("request", "requested")),
    ("By resolution 2720 (2023), the Council decided to extend the mandate.", "2720", ("decide", "decided")),
    ("At its twenty-eighth session, the General Assembly considered the reports of the Fifth Committee "
     "(A/9307) and, by resolutions 3189 (XXVIII) and 3190 (XXVIII) of 18 December 1973, decided:", "3190",
     ("decide", "decided")),
    ("At its twenty-eighth session, the General Assembly considered the reports of the Fifth Committee "
     "(A/9307) and, by resolutions 3189 (XXVIII) and 3190 (XXVIII) of 18 December 1973, decided:", "A/9307",
     ("consider", "considered")),
    ("Reaffirms that, in accordance with resolution 70/1, the Assembly decided to review the matter;", "70/1",
     ("in accordance with", "in accordance with")),
    # never a verb of another sentence
    ("The Assembly recalled its work. Resolution 70/1 is annexed.", "70/1", (None, None)),
    # ";" gives the clause back to the paragraph's verb
    ("Requests the Secretary-General: (a) to report; (b) to implement resolution 5/5;", "5/5",
     ("request", "Requests")),
    # nouns and adjectives that look like verbs
    ("The Member States concerned (A/79/123) reported.", "A/79/123", (None, None)),
    ("Responding to the request of the Committee (A/79/9),", "A/79/9", ("in response to", "Responding to")),
    ("The note by the Secretary-General (A/79/8) describes the work.", "A/79/8", (None, None)),
    # a noun after a word in -ing (E_RES_2019_15 op11: "briefing notes")
    ("Requests the Secretary-General to provide briefing notes on progress in the implementation of General "
     "Assembly resolutions 71/243 and 72/279;", "71/243", ("request", "Requests")),
    ("Also requests funding requests to be submitted under resolution 9/9;", "9/9", ("request", "requests")),
    ("The Board notes the findings (A/79/5).", "A/79/5", ("note", "notes")),
    # an adjective right after the verb (A_RES_54_234 op1: "Welcomes agreed conclusions 1999/2")
    ("Welcomes agreed conclusions 1999/2 adopted by the Economic and Social Council, and Council decision "
     "1999/270;", "1999/270", ("welcome", "Welcomes")),
    ("The Committee agreed to the proposal (A/79/7).", "A/79/7", ("agree", "agreed")),
    # the body named before the verb (E_RES_1989_61: "The Economic and Social Council, Recalling ...")
    ("The Economic and Social Council, Recalling General Assembly resolution 34/169 of 17 December 1979,", "34/169",
     ("recall", "Recalling")),
    # the citing body's name opens the paragraph (A/HRC/RES/31/29 p6, E/RES/1989/61 pp1)
    ("The Human Rights Council, Guided by the Charter of the United Nations, the Universal Declaration of Human "
     "Rights and the International Covenants on Human Rights,", "Universal", ("guided by", "Guided by")),
    ("The General Assembly, Deeply concerned by resolution 1/1,", "1/1", ("concerned", "concerned")),
    ("The States concerned, noted in A/1/1, reported.", "A/1/1", (None, None)),
    # a basis phrase is a phrase of its own: ", to convene" resumes the clause it interrupted (A/RES/75/212 op2)
    ("Also reaffirms its decision, in accordance with its resolution 73/226, to convene the Conference, in order to "
     "help to achieve the goals, including those contained in the 2030 Agenda,", "73/226",
     ("in accordance with", "in accordance with")),
    ("Also reaffirms its decision, in accordance with its resolution 73/226, to convene the Conference, in order to "
     "help to achieve the goals, including those contained in the 2030 Agenda,", "2030 Agenda",
     ("reaffirm", "reaffirms")),
    ("Calls upon States to act in accordance with the Charter, including its Article 2, and resolution 3/3;", "3/3",
     ("in accordance with", "in accordance with")),
    ("Decides, pursuant to resolution 4/4, to the extent possible, to hold the meeting;", "4/4",
     ("pursuant to", "pursuant to")),
    # ", and" before a clause of its own ends it, a list goes on under it (A/RES/75/204 op14, A/RES/70/291 op18)
    ("Stresses that development banks should make optimal use of their resources, consistent with maintaining "
     "their financial integrity, and should update their policies in support of the 2030 Agenda;", "2030 Agenda",
     ("stress", "Stresses")),
    ("should be treated in a manner consistent with his or her rights, in accordance with applicable international "
     "law, in particular obligations under the Convention on the Rights of the Child;", "Convention",
     ("in accordance with", "in accordance with")),
    ("Reaffirms the obligation, in accordance with the Charter of the United Nations, the Universal Declaration of "
     "Human Rights, and the International Covenant on Civil and Political Rights;", "International Covenant",
     ("in accordance with", "in accordance with")),
    # ...inside a participle's clause it ends with that clause (S/RES/1673 (2006) pp1)
    ("Having considered the report of the Security Council Committee established pursuant to resolution 1540 "
     "(2004), hereafter the 1540 Committee (S/2006/257),", "S/2006/257", ("consider", "Having considered")),
    ("Having considered the report of the Security Council Committee established pursuant to resolution 1540 "
     "(2004), hereafter the 1540 Committee (S/2006/257),", "1540", ("pursuant to", "pursuant to")),
    # "in full conformity with" (S/PRST/2013/22 p10)
    ("reaffirms that responses to drug trafficking need to be addressed in full conformity with the purposes and "
     "principles of the Charter of the United Nations,", "Charter", ("in accordance with", "in full conformity with")),
    # "intergovernmentally agreed conclusions": an adjective (A/RES/79/194 op57)
    ("Welcomes the forum, takes note of its intergovernmentally agreed conclusions (E/FFDF/2024/3),", "E/FFDF",
     ("take note", "takes note")),
    # the Security Council's basis (S/RES/2714 (2023) pp11)
    ("Acting under Chapter VII of the Charter of the United Nations,", "Charter", ("pursuant to", "Acting under")),
    # "see" after a comma inside brackets (E/CN.9/2014/1 p42)
    ("(Commission resolution 2004/1, see E/2004/25, chap. I.B), the Commission decided", "E/2004/25",
     ("see", "see")),
    # "as per" (ECE/TRANS/248 p169)
    ("As per ECE/EX/2/Rev.1, the Committee evaluated ECE/TRANS/2015/14 and decided that", "ECE/EX/2",
     ("in accordance with", "As per")),
    # an aside in brackets is the source of a statement, governed by no verb around it: "see" (S/2024/751 p20,
    # ECE/TRANS/WP.30/AC.2/157 p121, ECE/TRANS/248 p211)
    ("a mechanism established by the Federal Government in 2015 following a recommendation (see S/2014/243).",
     "S/2014/243", ("see", "see")),
    ("The Committee noted that the Sub-Committee had met (see report ST/SG/AC.10/C.3/90 and Add.1).", "Add.1",
     ("see", "see")),
    ("The Committee noted the report (see also A/79/1, and A/79/2) and A/79/3.", "A/79/2", ("see", "see also")),
    ("The Committee noted the report (see also A/79/1, and A/79/2) and A/79/3.", "A/79/3", ("note", "noted")),
    ("In its decision 2011/101 (see E/2011/25), the Commission decided to review the matter.", "2011/101",
     ("decide", "decided")),
    ("The Committee adopted the report (see also A/79/9), and decided under resolution 8/8 to close.", "8/8",
     ("decide", "decided")),
    ("The Committee adopted the report (A/79/9).", "A/79/9", ("adopt", "adopted")),
]


@pytest.mark.parametrize("text, needle, expected", CLAUSES)
def test_the_verb_that_governs_the_clause(text, needle, expected):
    assert governing(text, needle) == expected


def test_relation_events_are_found_in_any_case_and_as_whole_words():
    kinds = [(e[2], e[3]) for e in relation_events("RECALLING the unwelcoming report, recallings; noted")]
    assert kinds == [("verb", "recall"), ("comma", None), ("para", None), ("verb", "note")]
    # a character that lower-cases to two: offsets stay those of the text
    text = "İstanbul: recalling the Programme"
    ev = relation_events(text)
    assert [(text[s:e], k) for s, e, k, _, _ in ev] == [("recalling", "verb")]


# ---------------------------------------------------------------- the controlled vocabulary (relations.toml)

import ingest  # noqa: E402
from ingest.find.relations import FORM_LEMMA, RELATION_LEMMAS, relation_lemma  # noqa: E402


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
    ("States", None), ("The", None), ("To", None), ("See", "see"), ("Ibid", None), ("", None), (None, None),
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


@pytest.mark.parametrize("text, closes", [
    ("(see A/1)", {0: 8}),
    ("(see A/RES/217 A (III)) and (see B/2)", {0: 22, 28: 36}),
    ("(resolution 2004/1, see E/2004/25, chap. I.B), then", {18: 44}),
    ("(see (see A/1) A/2)", {0: 18, 5: 13}),
    # no bracket closes it, or too far: no aside
    ("(see A/1 and more", {}),
    ("(see " + "x" * 500 + ")", {}),
    (", see A/1)", {}),
])
def test_an_aside_ends_where_its_bracket_closes(text, closes):
    from ingest.find.relations import _ASIDE, _aside_closes
    assert _aside_closes(text, [m.start() for m in _ASIDE.finditer(text.lower())]) == closes


@pytest.mark.parametrize("text", [
    "In its resolution 78/132, the General Assembly requested the Secretary-General to report,",
    "Recalling that, by resolution 3190 (XXVIII), the Assembly decided; and, in accordance with decision 1/1: ",
    "(in its decision 2011/101 (see E/2011/25, chap. I.B), the Commission decided) and that under resolution 5",
    "whereas following resolution 1/1 and according to decision 2/2 the Council, with which it",
    "",
])
def test_fronted_match_is_the_pattern(text):
    """relations._fronted_match gives the pattern's own match at every position, searched from the last ",;:"."""
    for pos in range(len(text) + 1):
        a = relations._FRONTED_RX.search(text, max(0, pos - 200), pos)
        b = relations._fronted_match(text, pos)
        assert (a and a.span()) == (b and b.span()), (text, pos)


def test_fronted_match_is_the_pattern_on_real_text():
    import pathlib

    root = pathlib.Path(__file__).resolve().parent.parent / "samples"
    found = 0
    for f in [root / "A_RES_79_194.md", *sorted((root / "text").glob("*.txt"))[:3]]:
        text = f.read_text(encoding="utf-8")
        for pos in range(0, len(text), 7):
            a = relations._FRONTED_RX.search(text, max(0, pos - 200), pos)
            b = relations._fronted_match(text, pos)
            assert (a and a.span()) == (b and b.span()), (f.name, pos)
            found += a is not None
    assert found > 50
