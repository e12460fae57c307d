"""ingest.structure.header: the own symbol and where it came from, the title, the date and body of a document."""
import pathlib

import pytest

import ingest
from ingest import parse_text

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "A_RES_79_194.md"


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


#: The opening of S/RES/2694(2023) and the recital of S/RES/2704(2023) that cites it (shared corpus).
RES_2694 = ("Resolution 2694 (2023)\n\nAdopted by the Security Council at its 9391st meeting, on 2 August 2023\n\n"
            "The Security Council,\n\nReaffirming its full commitment to the peace process in the Republic of Colombia,")
RES_2704 = ("Resolution 2704 (2023)\n\nAdopted by the Security Council at its 9461st meeting, on 30 October 2023\n\n"
            "The Security Council,\n\nRecalling also its resolution 2694 (2023) which expanded the mandate of the "
            "Verification Mission,")


@pytest.mark.parametrize("name, symbol, source", [
    # the title line and a file name that spells the same resolution agree: the title line's symbol
    ("S_RES_2694_2023.txt", "S/RES/2694(2023)", "title-line"),
    ("S-RES-2694-2023.txt", "S/RES/2694(2023)", "title-line"),
    ("s_res_2694_(2023).txt", "S/RES/2694(2023)", "title-line"),
    ("S_RES_2694(2023).txt", "S/RES/2694(2023)", "title-line"),
    ("res2694.txt", "S/RES/2694(2023)", "title-line"),
    # a name without the year: the title line adds it
    ("S_RES_2694.txt", "S/RES/2694(2023)", "title-line"),
    ("S-RES-2694.txt", "S/RES/2694(2023)", "title-line"),
    ("s_res_2694 (1).txt", "S/RES/2694(2023)", "title-line"),
    # negative rows: a name that spells another resolution is not the title line's (the file name is last)
    ("S_RES_2695_2023.txt", "S/RES/2695(2023)", "filename"),
    ("S_RES_2695.txt", "S/RES/2695(2023)", "filename"),
    ("S_RES_269.txt", "S/RES/269", "filename"),
])
def test_a_council_resolution_named_number_year_is_its_title_line(name, symbol, source):
    doc = parse_text(RES_2694, file=name)
    assert (doc.symbol, doc.symbol_source) == (symbol, source)
    if source == "title-line":  # the resolution that recites it reaches the document, not a cited-only node
        citing = parse_text(RES_2704, file=name.replace("2694", "2704"))
        assert doc.symbol in [r.target for r in ingest.extract(citing)]


@pytest.mark.parametrize("text, symbol, source", [
    # a decision's own text: its title line's number is in the body's range of decisions (explore6 D18: own/dec.txt,
    # own/ecosoc_dec.txt), or a heading says "Decision" (own/dec2.txt)
    ("79/555. Scale of assessments\n\nAt its 60th plenary meeting, on 24 December 2024, the General Assembly, on the "
     "recommendation of the Fifth Committee (A/79/700, para. 8), decided to defer consideration of the item.",
     "A/DEC/79/555", "title-line"),
    ("Economic and Social Council\n\n2024/201. Elections, nominations, confirmations and appointments\n\nAt its 2nd "
     "plenary meeting, on 8 February 2024, the Economic and Social Council took note of resolution 78/132.",
     "E/DEC/2024/201", "title-line"),
    ("General Assembly\n\nDecision 79/555\n\nScale of assessments\n\nAt its 60th plenary meeting, on 24 December "
     "2024, the General Assembly decided to defer consideration.", "A/DEC/79/555", "title-line"),
    # negative rows: a resolution's title line; "Decision" inside a sentence is no heading
    ("79/194. Information and communications technologies for sustainable development\n\nThe General Assembly,\n\n"
     "Recalling its resolution 78/132,", "A/RES/79/194", "title-line"),
    ("2024/13. Ageing\n\nThe Economic and Social Council,\n\nRecalling its resolution 2023/5,", "E/RES/2024/13",
     "title-line"),
    ("Report of the Fifth Committee\n\nDecision 79/555 was adopted without a vote.", None, "none"),
])
def test_a_decision_is_its_own_symbol(text, symbol, source):
    doc = parse_text(text, file="x.txt")
    assert (doc.symbol, doc.symbol_source) == (symbol, source)


def test_symbol_from_file_name_as_last_resort(tmp_path):
    p = tmp_path / "A_79_434.txt"
    p.write_text("Report of the Second Committee\n\nThe Committee adopted the draft resolution.", encoding="utf-8")
    doc = ingest.read_document(p)
    assert (doc.symbol, doc.symbol_source) == ("A/79/434", "filename")
    assert doc.paragraphs[0].kind == "body"


def test_report_title_and_its_references():
    text = ("Seventy-ninth session\n\nAgenda item 161\n\nFinancing of the Mission\n\nBudget for the Mission for the "
            "period from 1 July 2025 to 30 June 2026\n\nReport of the Secretary-General\n\nThe mandate was "
            "established by the Security Council in its resolution 1244 (1999).")
    doc = parse_text(text, file="A_79_735.txt")
    assert doc.title == "Budget for the Mission for the period from 1 July 2025 to 30 June 2026"
    assert [r.target for r in ingest.extract(doc)] == ["S/RES/1244(1999)"]


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


@pytest.mark.parametrize("text, year", [
    # the dates a session met, under its session line (real mastheads of the shared corpus)
    ("Economic Commission for Europe\n\nInland Transport Committee\n\nSeventy-fourth session\n\n"
     "Geneva, 28 February–1 March 2012\n\nReport of the Inland Transport Committee on its seventy-fourth session",
     2012),
    ("Thirteenth session\n\nDoha, Qatar\n\n21–26 April 2012\n\nReport of the United Nations Conference on Trade "
     "and Development on its thirteenth session", 2012),
    ("Economic Commission for Europe\n\nExecutive Body for the Convention on Long-range Transboundary Air Pollution"
     "\n\nForty-third session\n\nGeneva, 11–14 December 2023\n\nReport of the Executive Body on its forty-third "
     "session", 2023),
    ("Commission on Population and Development\n\nThirty-eighth session\n\n4-8 April 2005\n\nItem 2 of the "
     "provisional agenda", 2005),
    ("Economic Commission for Europe\n\nAdministrative Committee for the TIR Convention, 1975\n\nSeventy-seventh "
     "session\n\nGeneva, 9 and 10 (a.m.) February 2021\n\nReport of the Administrative Committee", 2021),
    # not a session's dates: no session line, a date far below it, a sentence, a dated document
    ("Geneva, 28 February–1 March 2012\n\nReport of the Committee", None),
    ("Seventy-fourth session\n\nReport of the Inland Transport Committee\n\nContents\n\nIntroduction\n\n"
     "Geneva, 28 February–1 March 2012", None),
    ("Seventy-fourth session\n\nThe Committee met in Geneva from 28 February to 1 March 2012 and adopted its "
     "report.", None),
    ("Resolution adopted by the General Assembly on 19 December 2024\n\nSeventy-ninth session\n\n"
     "Geneva, 28 February–1 March 2012\n\n79/194. Information and communications technologies", None),
])
def test_the_year_a_session_met_dates_a_report_that_prints_no_date(text, year):
    doc = parse_text(text, file="report.txt")
    assert doc.meeting_year == year
    if year is not None:
        assert doc.date is None
