""""Ibid." and its kin (ingest.find.ibid): a note or bracket that cites what was cited just before, with its
own pinpoint. Rows are real notes of the shared corpus (the citing document in the comment)."""
import doctest

import pytest

import ingest
from ingest.find import find_in_text, ibid
from ingest.find.hit import Hit
from ingest.find.ibid import ibid_hits, opens_with_ibid

from conftest import SHARED

HERE = __import__("pathlib").Path(__file__).parent


def test_doctests():
    assert doctest.testmod(ibid).failed == 0


# (the note before, the note, expected (target, surface, pinpoint) of the note's references)
@pytest.mark.parametrize("before, note, expected", [
    # realworld c01
    ("A/79/434, para. 21.", "Ibid., para. 25.", [("A/79/434", "Ibid.", "para. 25")]),
    # A_RES_2453(XXIII) notes 1-2
    ("See Official Records of the General Assembly, Twenty-third Session, agenda item 24, document A/7285, para. 22.",
     "Ibid., para. 23.", [("A/7285", "Ibid.", "para. 23")]),
    # A_RES_2994(XXVII) notes 36-37: a corrigendum written after the document is not what Ibid. repeats
    ("A/CONF.48/14 and Corr.1, chap. I.", "Ibid., chap. II.", [("A/CONF.48/14", "Ibid.", "chapter II")]),
    # A_RES_37_52 notes 46-47
    ("A/37/351/Add.1 and Add.1/Corr.1, annex.", "Ibid., sect. VIII.", [("A/37/351/Add.1", "Ibid.", "section VIII")]),
    # E_CN.9_1997_3 notes 5-6
    ("Report of the World Summit for Social Development, Copenhagen, 6-12 March 1995 (A/CONF.166/19), chap. I, "
     "resolution 1, annex I.", "Ibid., annex II.", [("A/CONF.166/19", "Ibid.", "annex II")]),
    # A_RES_3331(XXIX) notes 16-17: "Ibid." alone repeats the document and its pinpoint
    ("Ibid., Twenty-ninth Session, Supplement No. 13 (A/9613)", "Ibid.", [("A/9613", "Ibid.", None)]),
    ("Resolution 2200 A (XXI), annex.", "Ibid.", [("A/RES/2200(XXI)", "Ibid.", "A, annex")]),
    ("A/79/434, para. 21.", "Id., para. 3.", [("A/79/434", "Id.", "para. 3")]),
    ("A/79/434, para. 21.", "Idem, annex II.", [("A/79/434", "Idem", "annex II")]),
    ("A/79/434.", "See A/70/1; ibid., para. 30.", [("A/70/1", "A/70/1", None), ("A/70/1", "ibid.", "para. 30")]),
    # negative rows: "Ibid." standing for the Official Records or a series, a note with its own document
    # (A_RES_32_40 notes 45-46, S_RES_425(1978) notes 20-21, A_RES_538(VI) note 4, A_RES_2297(XXII) note 23)
    ("Ibid., Thirty-second Session, Supplement No. 35 (A/32/35).",
     "Ibid., Thirty-second Session, Plenary Meetings, 84th meeting, paras. 46-79.", []),
    ("Ibid., document S/12607.", "Ibid., Thirty-third Year, 2071st meeting.", []),
    ("See Official Records of the General Assembly, Sixth Session, Supplement No. 19, part II.",
     "Ibid., Annexes, agenda items 30 and 31, document A/1948.", [("A/1948", "A/1948", None)]),
    ("Official Records of the General Assembly, Twenty-second Session, Supplement No. 14 (A/6714).",
     "Ibid., Twenty-second Session, Annexes, agenda item 38, document A/6879.", [("A/6879", "A/6879", None)]),
    ("United Nations, Treaty Series, vol. 1577, No. 27531.", "Ibid., vol. 1578, No. 27532.", []),
    ("A/79/434, para. 21.", "Ibid., vol. 2, p. 4.", []),
    ("See the Proceedings of the Conference, vol. I.", "Ibid., para. 4.", []),  # the note before cited no UN document
    ("A/79/434.", "Id est, the report.", []),
])
def test_ibid_in_notes(before, note, expected):
    prev = [h for h in find_in_text(before, "GA")]
    prev = prev + ibid_hits(before, prev, None)
    from ingest.find.ibid import last_cited
    hits = find_in_text(note, "GA")
    hits = sorted(hits + ibid_hits(note, hits, last_cited(prev)), key=lambda h: h.start)
    assert [(h.target, h.surface, h.pinpoint) for h in hits] == expected


@pytest.mark.parametrize("text, expected", [
    # A_79_767 p99, S_2024_711 p32: in a report's paragraph, the reference before it in the paragraph
    ("the Advisory Committee (A/78/744/Add.5, para. 39) ... services to other entities (ibid., para. 44).",
     [("A/78/744/Add.5", "para. 39"), ("A/78/744/Add.5", "para. 44")]),
    # with nothing before it in the paragraph, nothing
    ("services to other entities (ibid., para. 44).", []),
    # "ibid" inside a word or name is no Ibid.
    ("A/79/434; the Ibidem Foundation and Idaho", [("A/79/434", None)]),
])
def test_ibid_in_a_paragraph(text, expected):
    hits = find_in_text(text, "GA")
    hits = sorted(hits + ibid_hits(text, hits, None), key=lambda h: h.start)
    assert [(h.target, h.pinpoint) for h in hits] == expected


@pytest.mark.parametrize("text, opens", [
    ("24 Ibid., para. 22.", True), ("² Ibid., para. 23.", True), ("Ibid.", True), ("(ibid., para. 4)", True),
    ("Recalling ibid.", False), ("Ibidem Foundation", False),
    # each word of grammar.toml's ibid (the letter they all hold is tried first), and texts without it
    ("12 Ibidem, p. 4.", True), ("Ibíd., párr. 3.", True), ("Id., para. 7.", True), ("Idem.", True),
    ("idem, annex", True), ("3 Ibid", True), ("Recalling its resolution 70/1", False), ("Ib., para. 2", False),
    ("", False),
])
def test_opens_with_ibid(text, opens):
    assert opens_with_ibid(text) is opens


def test_footnotes_of_a_document():
    text = ("Resolution adopted by the General Assembly\n\n80/1. Test\n\nThe General Assembly,\n\n"
            "Recalling its resolution 79/194,[^1] and the report of the Secretary-General,[^2]\n\n"
            "Noting the note by the Secretariat,[^3]\n\n"
            "1. Decides to remain seized of the matter.[^4]\n\n"
            "[^1]: A/79/434, para. 21.\n[^2]: Ibid., para. 25.\n[^3]: Ibid.\n"
            "[^4]: Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 1.\n")
    doc = ingest.parse_text(text, file="A_RES_80_1.md", fmt="markdown")
    got = [(r.footnote, r.target, r.pinpoint, r.surface) for r in ingest.extract(doc) if r.footnote]
    assert got == [("1", "A/79/434", "para. 21", "A/79/434"), ("2", "A/79/434", "para. 25", "Ibid."),
                   ("3", "A/79/434", "para. 25", "Ibid.")]


def test_a_note_read_as_a_paragraph():
    # A_RES_2297(XXII): notes of an old compilation page read as paragraphs ("24 Ibid., para. 22.")
    path = SHARED / "corpus" / "text" / "A_RES_2297(XXII).txt"
    if not path.exists():
        pytest.skip("shared corpus not here")
    refs = ingest.extract_file(path)[1]
    assert ("A/6879", "para. 22", "Ibid.") in {(r.target, r.pinpoint, r.surface) for r in refs}


def test_c01_ibid_in_a_footnote():
    refs = ingest.extract_file(HERE / "realworld" / "c01_ibid" / "A_80_123.md")[1]
    assert [(r.footnote, r.target, r.pinpoint) for r in refs if r.footnote] == [
        ("1", "A/79/434", "para. 21"), ("2", "A/79/434", "para. 25")]
