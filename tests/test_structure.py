"""ingest.structure.parse_text on real documents: metadata, paragraph kinds and counts, footnotes bound to
their paragraph, compilation pages."""
import pathlib

import pytest

import ingest
from ingest import parse_text

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "A_RES_79_194.md"


@pytest.fixture(scope="module")
def seed():
    return ingest.read_document(SEED)


def test_seed_metadata(seed):
    assert (seed.symbol, seed.symbol_source) == ("A/RES/79/194", "title-line")
    assert seed.title == "Information and communications technologies for sustainable development"
    assert seed.date == "2024-12-19"
    assert seed.body == "GA"
    assert seed.session == "Seventy-ninth session"
    assert seed.agenda_item == "15"
    assert seed.report == "[on the report of the Second Committee (A/79/434, para. 21)]"


def test_seed_paragraph_counts(seed):
    counts = seed.counts()
    assert counts["preambular"] == 55
    assert counts["operative"] == 69
    assert counts["header"] == 1


@pytest.mark.parametrize("pid,footnotes", [
    ("pp1", ["1"]), ("pp2", ["2"]), ("pp5", ["3"]), ("pp8", ["4", "5", "6", "7"]), ("pp10", ["8"]),
    ("pp16", ["9"]), ("pp18", ["10", "11"]), ("pp21", ["12", "13"]), ("pp30", ["14"]), ("op3", ["15"]),
    ("op34", ["16"]), ("op38", ["17"]), ("op45", ["18"]), ("op57", ["19"]), ("op67", ["20"]), ("op1", []),
])
def test_seed_footnotes_bound_to_their_paragraph(seed, pid, footnotes):
    assert [f.number for f in seed.paragraph(pid).footnotes] == footnotes


def test_paragraph_broken_by_footnote_block_counts_once(seed):
    # op5 runs on after the footnote block of page 7 ("online so as to promote quality of access ...")
    op5 = seed.paragraph("op5")
    assert "online so as to promote quality of access" in op5.text
    assert seed.paragraph("op6").text.startswith("6. Recognizes that the Internet")
    assert "<sup>" not in op5.text and "70/115" not in op5.text


def test_unnumbered_operative_paragraphs_are_found():
    text = ("The Security Council,\n\nRecalling its resolution 2712 (2023),\n\nDeeply concerned by the situation,\n\n"
            "Demands that all parties comply;\n\nRequests the Secretary-General to report;\n\nDecides to remain seized.")
    doc = parse_text(text, file="S_RES_1(2024).txt")
    assert [p.id for p in doc.paragraphs] == ["pp1", "pp2", "op1", "op2", "op3"]
    assert doc.body == "SC"


def test_environment_assembly_resolution_without_a_speaker_line():
    text = ("United Nations Environment Assembly of the\nUnited Nations Environment Programme\n\nThird session\n\n"
            "3/11.\tImplementation of paragraph 88 (a)–(h)\n\nRecalling the mandate contained in General Assembly "
            "resolution 2997 (XXVII),\n\nRecalling also its resolution 2/5 of 27 May 2016,\n\nRequests the Executive "
            "Director to report;")
    doc = parse_text(text, file="UNEP_EA.3_RES.11.txt")
    assert (doc.symbol, doc.symbol_source, doc.body) == ("UNEP/EA.3/Res.11", "title-line", "UNEA")
    assert [p.id for p in doc.paragraphs] == ["pp1", "pp2", "op1"]
    assert [r.target for r in ingest.extract(doc)] == ["A/RES/2997(XXVII)", "UNEP/EA.2/Res.5"]


def test_compilation_page_reads_only_its_own_resolution():
    # the OCR of a printed volume: the page holds neighbouring resolutions too (A_RES_1514(XV))
    text = ("<!-- Page 1 -->\n\n1492 (XV). Admission of Nigeria\n\nThe General Assembly,\n\nHaving received the "
            "recommendation in resolution 1491 (XV),\n\nDecides to admit Nigeria.\n\n893rd plenary meeting,\n\n"
            "1514 (XV). Declaration on the granting of independence\n\nThe General Assembly,\n\nRecalling its "
            "resolution 1463 (XIV),\n\nDeclares that colonialism must end.\n\n947th plenary meeting,\n\n"
            "1515 (XV). Concerted action\n\nThe General Assembly,\n\nRecalling resolution 1316 (XIII),")
    doc = parse_text(text, file="A_RES_1514(XV).txt")
    assert doc.symbol == "A/RES/1514(XV)"
    assert doc.title == "Declaration on the granting of independence"
    assert [r.target for r in ingest.extract(doc)] == ["A/RES/1463(XIV)"]


def test_a_part_document_cites_its_other_part():
    text = ("75/290.\tReview of the implementation\n\nB\n\nThe General Assembly,\n\nRecalling its resolution "
            "75/290 A of 25 June 2021,")
    doc = parse_text(text, file="A_RES_75_290_B.txt")
    assert doc.symbol == "A/RES/75/290B"
    assert [(r.target, r.pinpoint) for r in ingest.extract(doc)] == [("A/RES/75/290", "A")]


def test_a_report_line_without_a_speaker_line_is_the_header_only():
    """E/HLS/2022/1 (a ministerial declaration) has no "The General Assembly," line: its
    "[on a proposal ...]" line is the header paragraph, not also the fifth body paragraph."""
    text = ("2022 session\n\nAgenda item 5\n\nMinisterial declaration of the high-level segment\n\n"
            "[on a proposal considered in plenary meeting (E/2022/L.14)]\n\nIntroduction\n\n"
            "We, the Ministers, welcome General Assembly resolution 67/290.\n")
    doc = parse_text(text, file="E_HLS_2022_1.txt")
    assert [p.id for p in doc.paragraphs if "E/2022/L.14" in p.text] == ["header"]
    assert [(r.paragraph, r.target) for r in ingest.extract(doc)] == [("header", "E/2022/L.14"), ("p5", "A/RES/67/290")]


#: A resolution in sections, each numbering its paragraphs from 1 (explore6 D21: sections/A_RES_79_400.txt).
SECTIONED = ("79/400. Questions relating to the proposed programme budget\n\nThe General Assembly,\n\n{one}\n\n"
             "Recalling its resolution 77/278,\n\n1. Takes note of the report of the Secretary-General (A/79/62);\n\n"
             "2. Requests the Secretary-General to implement resolution 78/253;\n\n{two}\n\n"
             "{first}. Recalls its resolution 76/236;\n\n{second}. Requests the Secretary-General to report pursuant to "
             "resolution 77/263;")


@pytest.mark.parametrize("one, two, first, second, paragraphs", [
    # headings on two lines or one, with or without a stop after the numeral: headings are 'other', no verb;
    # ids run on, a printed number carries its section
    ("I\n\nHuman resources", "II\n\nPattern of conferences", "1", "2",
     [("x1", None, None), ("x2", None, None), ("pp1", None, "Recalling"), ("op1", "I.1", "Takes note"),
      ("op2", "I.2", "Requests"), ("x3", None, None), ("x4", None, None), ("op3", "II.1", "Recalls"),
      ("op4", "II.2", "Requests")]),
    ("I. Human resources", "II. Pattern of conferences", "1", "2",
     [("x1", None, None), ("pp1", None, "Recalling"), ("op1", "I.1", "Takes note"), ("op2", "I.2", "Requests"),
      ("x2", None, None), ("op3", "II.1", "Recalls"), ("op4", "II.2", "Requests")]),
    # sections numbered on (A/RES/S-10/2, A/RES/73/262): the printed numbers stay as printed
    ("I\n\nHuman resources", "II\n\nPattern of conferences", "3", "4",
     [("x1", None, None), ("x2", None, None), ("pp1", None, "Recalling"), ("op1", "1", "Takes note"),
      ("op2", "2", "Requests"), ("x3", None, None), ("x4", None, None), ("op3", "3", "Recalls"),
      ("op4", "4", "Requests")]),
    # negative rows: a sentence opening with "I" or a Roman-looking word, a numeral followed by an operative verb
    ("I welcome the report.", "Invites States to act,", "3", "4",
     [("pp1", None, None), ("pp2", None, "Recalling"), ("op1", "1", "Takes note"), ("op2", "2", "Requests"),
      ("op3", None, "Invites"), ("op4", "3", "Recalls"), ("op5", "4", "Requests")]),
])
def test_sections_of_a_resolution(one, two, first, second, paragraphs):
    doc = parse_text(SECTIONED.format(one=one, two=two, first=first, second=second), file="A_RES_79_400.txt")
    assert [(p.id, p.number, p.verb) for p in doc.paragraphs] == paragraphs


def test_a_heading_atop_a_page_does_not_cut_the_paragraph_it_interrupts():
    text = ("79/400. Questions\n\nThe General Assembly,\n\nRecalling its resolution 77/278,\n\n1. Requests the "
            "Secretary-General to report on the implementation of\n\nII. Resolution adopted on the report of the "
            "Fifth Committee\n\nresolution 78/253 at its eightieth session;\n\n2. Decides to act.")
    doc = parse_text(text, file="A_RES_79_400.txt")
    assert [(p.id, p.kind) for p in doc.paragraphs] == [("pp1", "preambular"), ("op1", "operative"), ("x1", "other"),
                                                         ("op2", "operative")]
    assert [(r.paragraph, r.target) for r in ingest.extract(doc)] == [("pp1", "A/RES/77/278"), ("op1", "A/RES/78/253")]
