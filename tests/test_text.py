"""Structure of real documents: symbol, metadata, paragraph counts, footnotes bound to their paragraph."""
import pathlib

import pytest

import ingest
from ingest.text import leading_verb, normalise_verb, parse_text

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


def test_footnote_mark_never_joins_a_number():
    doc = parse_text("The General Assembly,\n\n*Reaffirming* resolution 70/1<sup>2</sup> of 2015,\n\n---\n\n"
                     "<sup>2</sup> See A/70/1.", file="x.md", fmt="markdown")
    p = doc.paragraph("pp1")
    assert "70/12" not in p.text and p.footnotes[0].text == "See A/70/1."


@pytest.mark.parametrize("name,symbol,source", [
    ("S_RES_2720(2023).txt", "S/RES/2720(2023)", "title-line"),
    ("A_HRC_RES_52_1.txt", "A/HRC/RES/52/1", "title-line"),
    ("E_RES_2021_28.txt", "E/RES/2021/28", "title-line"),
])
def test_own_symbol_of_text_documents(name, symbol, source):
    path = pathlib.Path("/work/shared/corpus/text") / name
    if not path.exists():
        path = ROOT / "samples" / "text" / name
    if not path.exists():
        pytest.skip(f"{name} not available here")
    doc = ingest.read_document(path)
    assert (doc.symbol, doc.symbol_source) == (symbol, source)


def test_symbol_from_file_name_as_last_resort(tmp_path):
    p = tmp_path / "A_79_434.txt"
    p.write_text("Report of the Second Committee\n\nThe Committee adopted the draft resolution.", encoding="utf-8")
    doc = ingest.read_document(p)
    assert (doc.symbol, doc.symbol_source) == ("A/79/434", "filename")
    assert doc.paragraphs[0].kind == "body"


def test_unnumbered_operative_paragraphs_are_found():
    text = ("The Security Council,\n\nRecalling its resolution 2712 (2023),\n\nDeeply concerned by the situation,\n\n"
            "Demands that all parties comply;\n\nRequests the Secretary-General to report;\n\nDecides to remain seized.")
    doc = parse_text(text, file="S_RES_1(2024).txt")
    assert [p.id for p in doc.paragraphs] == ["pp1", "pp2", "op1", "op2", "op3"]
    assert doc.body == "SC"


@pytest.mark.parametrize("text,verb,relation", [
    ("Recalling also its resolution", "Recalling also", "recalling"),
    ("Taking note also of the report", "Taking note also", "taking note"),
    ("Also notes the holding", "Also notes", "notes"),
    ("Bearing in mind paragraph 6", "Bearing in mind", "bearing in mind"),
    ("12. Reaffirms its commitment", "Reaffirms", "reaffirms"),
    ("We recall General Assembly resolution 69/166", "recall", "recall"),
])
def test_verbs(text, verb, relation):
    assert leading_verb(text) == verb
    assert normalise_verb(leading_verb(text)) == relation


def test_report_line_split_over_two_blocks():
    # A_RES_78_76: "[on the report of the Special Political and Decolonization Committee" / "(Fourth Committee) ..."
    text = ("Resolution adopted by the General Assembly on 7 December 2023\n\n[on the report of the Special Political "
            "and Decolonization Committee\n\n(Fourth Committee) (A/78/421, para. 13)]\n\n78/76.\tWork of the "
            "Special Committee\n\nThe General Assembly,\n\nRecalling its resolution 77/126,")
    doc = parse_text(text, file="A_RES_78_76.txt")
    assert doc.report == ("[on the report of the Special Political and Decolonization Committee (Fourth Committee) "
                          "(A/78/421, para. 13)]")
    assert [(r.target, r.paragraph, r.pinpoint) for r in ingest.extract(doc)] == [
        ("A/78/421", "header", "para. 13"), ("A/RES/77/126", "pp1", None)]


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


def test_report_title():
    text = ("Seventy-ninth session\n\nAgenda item 161\n\nFinancing of the Mission\n\nBudget for the Mission for the "
            "period from 1 July 2025 to 30 June 2026\n\nReport of the Secretary-General\n\nThe mandate was "
            "established by the Security Council in its resolution 1244 (1999).")
    doc = parse_text(text, file="A_79_735.txt")
    assert doc.title == "Budget for the Mission for the period from 1 July 2025 to 30 June 2026"
    assert [r.target for r in ingest.extract(doc)] == ["S/RES/1244(1999)"]


@pytest.mark.parametrize("name,symbol", [
    ("A_RES_75_290_A.txt", "A/RES/75/290A"), ("A_RES_76_84_A-B.txt", "A/RES/76/84A-B"),
    ("E_RES_476_(XV).txt", "E/RES/476(XV)"), ("S_RES_2720(2023).txt", "S/RES/2720(2023)"),
    ("ECE_TRANS_WP.30_AC.2_157.txt", "ECE/TRANS/WP.30/AC.2/157"), ("notes.txt", None),
])
def test_symbol_from_file_name(name, symbol):
    from ingest.symbols import symbol_from_filename
    assert symbol_from_filename(name) == symbol


def test_a_part_document_cites_its_other_part():
    text = ("75/290.\tReview of the implementation\n\nB\n\nThe General Assembly,\n\nRecalling its resolution "
            "75/290 A of 25 June 2021,")
    doc = parse_text(text, file="A_RES_75_290_B.txt")
    assert doc.symbol == "A/RES/75/290B"
    assert [(r.target, r.pinpoint) for r in ingest.extract(doc)] == [("A/RES/75/290", "A")]


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
    from ingest.text import normalise_verb
    assert normalise_verb(verb) == relation


def test_a_report_line_without_a_speaker_line_is_the_header_only():
    """E/HLS/2022/1 (a ministerial declaration) has no "The General Assembly," line: its
    "[on a proposal ...]" line is the header paragraph, not also the fifth body paragraph."""
    text = ("2022 session\n\nAgenda item 5\n\nMinisterial declaration of the high-level segment\n\n"
            "[on a proposal considered in plenary meeting (E/2022/L.14)]\n\nIntroduction\n\n"
            "We, the Ministers, welcome General Assembly resolution 67/290.\n")
    doc = parse_text(text, file="E_HLS_2022_1.txt")
    assert [p.id for p in doc.paragraphs if "E/2022/L.14" in p.text] == ["header"]
    assert [(r.paragraph, r.target) for r in ingest.extract(doc)] == [("header", "E/2022/L.14"), ("p5", "A/RES/67/290")]


@pytest.mark.parametrize("text, file, date, body", [
    # a Security Council presidential statement (S_PRST_2012_28) and one issued in writing (S_PRST_2021_4)
    ("Statement by the President of the Security Council\n\nAt the 6895th meeting of the Security Council, held on "
     "19 December 2012, in connection with the Council’s consideration of the item entitled “Central African "
     "region”, the President of the Council made the following statement on behalf of the Council:\n\n"
     "“The Security Council strongly condemns the attacks.", "S_PRST_2012_28.txt", "2012-12-19", "SC"),
    ("Statement by the President of the Security Council\n\nOn 9 February 2021, in connection with the Council’s "
     "consideration of the item entitled “The situation in Libya”, the President of the Security Council issued the "
     "following statement on behalf of the Council:\n\n“The Security Council welcomes the agreement.",
     "S_PRST_2021_4.txt", "2021-02-09", "SC"),
    # a Human Rights Council one (A_HRC_PRST_OS_13_1)
    ("Human Rights Council\n\nThirteenth cycle\n\nStatement by the President\n\nPRST OS/13/1. Efficiency\n\nAt the "
     "organizational session of the Human Rights Council held on 6 December 2019, the President of the Council made "
     "the following statement:\n\n“The Human Rights Council,", "A_HRC_PRST_OS_13_1.txt", "2019-12-06", "HRC"),
    # the adoption line cut before its date (S_RES_1817(2008)), or with no meeting (S_RES_2518(2020))
    ("Resolution 1817 (2008)\n\nAdopted by the Security Council at its 5907th meeting, on\n\n11 June 2008\n\n"
     "The Security Council,\n\nRecalling its resolutions 1659 (2006),", "S_RES_1817(2008).txt", "2008-06-11", "SC"),
    ("Resolution 2518 (2020)\n\nAdopted by the Security Council on 30 March 2020\n\nThe Security Council,\n\n"
     "Recalling the purposes,", "S_RES_2518(2020).txt", "2020-03-30", "SC"),
    # no adoption line: the date under the closing meeting line (A_RES_S-26_2, A_RES_13(I))
    ("Resolution adopted by the General Assembly\n\nS-26/2.\tDeclaration of Commitment on HIV/AIDS\n\nThe General "
     "Assembly\n\nAdopts the Declaration.\n\n8th plenary meeting\n\n27 June 2001\n\nAnnex", "A_RES_S-26_2.txt",
     "2001-06-27", "GA"),
    ("11 (I). TERMS OF APPOINTMENT\n\nThe General Assembly resolves that the terms shall be such.\n\n"
     "Seventeenth plenary meeting, 24 January 1946.", "A_RES_11(I).txt", "1946-01-24", None),
    # a report's masthead date, a letter's date (S_1997_236, S_2007_280)
    ("UNITED\n\nNATIONS\n\nDistr.\n\nGENERAL\n\nS/1997/236\n\n19 March 1997\n\nORIGINAL: ENGLISH\n\nI have the "
     "honour to refer to resolution 1084 (1996) of 27 November 1996.", "S_1997_236.txt", "1997-03-19", None),
    ("Letter dated 15 May 2007 from the President of the Security Council to the Secretary-General\n\nI have the "
     "honour to inform you that your letter dated 7 May 2007 (S/2007/279) has been brought to the attention of the "
     "members of the Security Council.", "S_2007_280.txt", "2007-05-15", None),
    # a letter that mentions a meeting and a statement is not a presidential statement (S_2009_697)
    ("Letter dated 11 December 2009 from the Secretary-General addressed to the President of the Security Council\n\n"
     "The Permanent Representative wrote to me on 28 April 2008 after the meeting of the Security Council and its "
     "statement.", "S_2009_697.txt", "2009-12-11", None),
])
def test_dates_and_bodies_of_documents_without_an_adoption_line(text, file, date, body):
    doc = parse_text(text, file=file)
    assert (doc.date, doc.body) == (date, body)
