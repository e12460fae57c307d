"""ingest.structure.title: a document's title as printed, for every kind of document.

The first pages below are cut from real documents of ../shared/corpus/text (named in each row);
the sample test reads whole documents of the shared corpus and checks their titles by hand-checked
values, and every title of a larger sample against its own text.
"""
import pathlib
import random
import re

import pytest

import ingest
from ingest import parse_text
from ingest.structure.blocks import split_blocks
from ingest.structure.sc_agenda import agenda_items
from ingest.structure.title import first_page_title, is_title, statement_title

from conftest import SHARED

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = SHARED / "corpus" / "text" if SHARED else None


def page(*lines: str) -> list:
    return split_blocks("\n\n".join(lines))[0]


@pytest.mark.parametrize("text, expected", [
    ("Assistance to the Palestinian people", True),
    ("Provisional agenda", True),
    ("Letter dated 15 May 2007 from the President of the Security Council to the Secretary-General", True),
    ("Note by the President of the Security Council", True),
    ("The situation in the Middle East", True),
    # never a title: an adoption line, masthead words, a session, a date, a speaker, an author line, a fragment
    ("Resolution adopted by the General Assembly on 27 March 2006", False),
    ("RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY", False),
    ("Resolutions Adopted on the Reports of the Sixth Committee", False),
    ("Adopted by the Security Council at its 9520th meeting, on 22 December 2023", False),
    ("Resolution 2720 (2023)", False),
    ("RESOLUTION 1267 (1999)", False),
    ("Resolution of 15 July 1948", False),
    ("UNITED", False),
    ("UNITED\t\t\t\t\tA", False),
    ("NATIONS", False),
    ("United Nations\tE/CN.9/1998/1", False),
    ("Distr.: General", False),
    ("ORIGINAL:  ENGLISH", False),
    ("Human Rights Council", False),
    ("COMMISSION ON POPULATION AND DEVELOPMENT", False),
    ("ECONOMIC COMMISSION FOR EUROPE", False),
    ("2020 session", False),
    ("Seventy-ninth session", False),
    ("Fourteenth cycle", False),
    ("21–26 April 2012", False),
    ("Nairobi, 5 - 9 May 2003", False),
    ("Geneva, 9 and 10 (a.m.) February 2021", False),
    ("Agenda item 18 (b)", False),
    ("Item 2 of the provisional agenda", False),
    ("Statement by the President of the Security Council", False),
    ("Report of the Secretary-General", False),
    ("The General Assembly,", False),
    ("[on the report of the Fifth Committee (A/55/890/Add.1)]", False),
    ("* Reissued for technical reasons on 25 February 2016.", False),
    ("sons as well as the effective implementation of the World", False),
    ("Adoption of the agenda and other organizational matters:", False),
    ("A/79/434", False),
    ("S/RES/1267 (1999)", False),
    ("", False),
    (None, False),
])
def test_is_title(text, expected):
    assert is_title(text) is expected


@pytest.mark.parametrize("lines, expected", [
    # E/CN.9/2005/1: the agenda item's title is not the document's; a provisional agenda is its own title
    (("Commission on Population and Development", "Thirty-eighth session", "4-8 April 2005",
      "Item 2 of the provisional agenda", "Adoption of the agenda and other organizational matters",
      "Provisional agenda", "Election of officers."), "Provisional agenda"),
    # S/2024/711: the title line before the author line
    (("Assessment of progress achieved on the key benchmarks pursuant to paragraph 25 of resolution 2700 (2023)",
      "Report of the Secretary-General", "Introduction"),
     "Assessment of progress achieved on the key benchmarks pursuant to paragraph 25 of resolution 2700 (2023)"),
    # A/79/735: agenda item, its title, the report's title, the author
    (("Seventy-ninth session", "Agenda item 161", "Financing of the United Nations Interim Administration Mission in Kosovo",
      "Budget for the United Nations Interim Administration Mission in Kosovo for the period from 1 July 2025 to "
      "30 June 2026", "Report of the Secretary-General"),
     "Budget for the United Nations Interim Administration Mission in Kosovo for the period from 1 July 2025 to "
     "30 June 2026"),
    # a report whose only title is its agenda item's
    (("General Assembly", "Seventy-ninth session", "Item 18 of the provisional agenda*",
      "Information and communications technologies for sustainable development", "Report of the Secretary-General",
      "Summary"), "Information and communications technologies for sustainable development"),
    # ST/SGB/2019/2: the bulletin's subject comes after "Secretary-General's bulletin"
    (("Secretary-General’s bulletin", "Delegation of authority in the administration of the Staff Regulations and "
      "Rules and the Financial Regulations and Rules", "The Secretary-General, for the purposes of decentralizing "
      "decision-making, and for the purpose of establishing a new framework, promulgates the following:"),
     "Delegation of authority in the administration of the Staff Regulations and Rules and the Financial "
     "Regulations and Rules"),
    # S/1997/236: an old masthead, a letter in capitals running over two lines
    (("UNITED", "NATIONS", "Distr.", "GENERAL", "S/1997/236", "19 March 1997", "ORIGINAL:  ENGLISH",
      "LETTER DATED 17 MARCH 1997 FROM THE SECRETARY-GENERAL", "ADDRESSED TO THE PRESIDENT OF THE SECURITY COUNCIL",
      "I have the honour to inform you"),
     "LETTER DATED 17 MARCH 1997 FROM THE SECRETARY-GENERAL ADDRESSED TO THE PRESIDENT OF THE SECURITY COUNCIL"),
    # E/CN.9/2012/1: a letter under an agenda item
    (("Commission on Population and Development", "Forty-fifth session", "Item 3 of the provisional agenda1",
      "Actions in follow-up to the recommendations of the  International Conference on Population and Development",
      "Letter dated 24 May 2011 from the Chargé d’affaires of the Permanent Mission of Indonesia to the United "
      "Nations addressed to the Secretary-General"),
     "Letter dated 24 May 2011 from the Chargé d’affaires of the Permanent Mission of Indonesia to the United "
     "Nations addressed to the Secretary-General"),
    # TD/519/Add.2: a place and a date are not titles
    (("Fourteenth session", "Nairobi", "17–22 July 2016", "Nairobi Maafikiano",
      "From decision to action: Moving towards an inclusive and equitable global economic environment for trade"),
     "Nairobi Maafikiano"),
    # TD/500/Add.1: an addendum's own title
    (("Thirteenth session", "Doha, Qatar", "21–26 April 2012",
      "Report of the United Nations Conference on Trade and Development on its thirteenth session",
      "Held in Doha, Qatar, from 21 to 26 April 2012", "Addendum", "The Doha Mandate"), "The Doha Mandate"),
    # E/FFDF/2020/3: the forum's name and its session are a heading
    (("Economic and Social Council forum on financing for development follow-up", "2020 session",
      "Report of the Economic and Social Council forum on financing for development follow-up",
      "Matter calling for action by the Economic and Social Council or brought to its attention"),
     "Report of the Economic and Social Council forum on financing for development follow-up"),
    # ECE/TRANS/WP.30/AC.2/157: a place with a date in words
    (("Economic Commission for Europe", "Administrative Committee for the TIR Convention, 1975",
      "Seventy-seventh session", "Geneva, 9 and 10 (a.m.) February 2021",
      "Report of the Administrative Committee for the TIR Convention on its seventy-seventh session", "Contents"),
     "Report of the Administrative Committee for the TIR Convention on its seventy-seventh session"),
    # E/CN.9/1997/2: a masthead, a wrapped agenda title in capitals, a title wrapped before a lower-case word
    (("UNITED", "NATIONS", "Distr.", "GENERAL", "E/CN.9/1997/2", "24 December 1996", "ORIGINAL:  ENGLISH",
      "COMMISSION ON POPULATION AND DEVELOPMENT", "Thirtieth session", "24-28 February 1997",
      "Item 4 of the provisional agenda*", "FOLLOW-UP ACTION TO THE RECOMMENDATIONS OF THE INTERNATIONAL",
      "CONFERENCE ON POPULATION AND DEVELOPMENT, 1994:  INTERNATIONAL",
      "Concise report on world population monitoring, 1997:", "international migration and development",
      "Report of the Secretary-General"),
     "Concise report on world population monitoring, 1997: international migration and development"),
    # S/2024/507: a note with nothing more is titled by its author line
    (("Note by the President of the Security Council", "1.\tIn efforts to enhance the efficiency and transparency of "
      "the Council’s work, as well as interaction and dialogue with non-Council members"),
     "Note by the President of the Security Council"),
    # nothing but masthead and adoption lines: no title
    (("UNITED", "NATIONS", "Distr.", "GENERAL", "RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY"), None),
])
def test_first_page_title(lines, expected):
    assert first_page_title(page(*lines)) == expected


@pytest.mark.parametrize("lines, expected", [
    # S/PRST/2004/36: the agenda item it was made under, curly or straight quotes
    (("Statement by the President of the Security Council",
      "At the 5058th meeting of the Security Council, held on 19 October 2004, in connection with the Council’s "
      "consideration of the item entitled “The situation in the Middle East”, the President of the Security Council "
      "made the following statement on behalf of the Council:"), "The situation in the Middle East"),
    (("Statement by the President of the Security Council",
      "On 9 February 2021, in connection with the Council's consideration of the item entitled \"The situation in "
      "Libya\", the President of the Security Council issued the following statement on behalf of the Council:"),
     "The situation in Libya"),
    # A/HRC/PRST/22/1: its own numbered title
    (("Human Rights Council", "Twenty-second session", "Agenda item 1", "Organizational and procedural matters",
      "Statement by the President", "PRST 22/1. Mainstreaming human rights throughout the United Nations system",
      "At the 50th meeting, held on 22 March 2013, the President of the Human Rights Council read out the following "
      "statement:"), "Mainstreaming human rights throughout the United Nations system"),
    # A/HRC/PRST/19/1: no title of its own: the agenda item, wrapped over three lines
    (("Human Rights Council", "Nineteenth session", "Agenda item 2",
      "Annual report of the United Nations High Commissioner", "for Human Rights and reports of the Office of the",
      "High Commissioner and the Secretary-General", "Statement by the President", "PRST 19/1",
      "At the 53rd meeting, held on 22 March 2012, the President of the Human Rights Council read out the following "
      "statement:"),
     "Annual report of the United Nations High Commissioner for Human Rights and reports of the Office of the High "
     "Commissioner and the Secretary-General"),
])
def test_statement_title(lines, expected):
    assert statement_title(page(*lines)) == expected


@pytest.mark.parametrize("text, file, expected", [
    # spaces after the number (A/RES/48/213's masthead scan)
    ("UNITED\t\t\t\t\tA\n\nNATIONS\n\nGeneral Assembly\n\nDistr.\n\nGENERAL\n\nA/RES/48/213\n\n15 March 1994\n\n"
     "Forty-eighth session\n\nAgenda item 12\n\nRESOLUTION ADOPTED BY THE GENERAL ASSEMBLY\n\n[on the report of the "
     "Second Committee (A/48/715)]\n\n48/213.   Assistance to the Palestinian people\n\nThe General Assembly,\n\n"
     "Recalling its resolution 47/170 of 22 December 1992,", "A_RES_48_213.txt", "Assistance to the Palestinian people"),
    ("Resolution adopted by the General Assembly on 27 March 2006\n\n[without reference to a Main Committee "
     "(A/60/L.50 and Add.1)]\n\n60/252.  World Summit on the Information Society\n\nThe General Assembly,\n\n"
     "Recalling its resolutions 56/183 of 21 December 2001,", "A_RES_60_252.txt", "World Summit on the Information Society"),
    # the number alone on its line, no full stop (A/HRC/RES/15/5)
    ("Human Rights Council\n\nFifteenth session\n\nAgenda item 3\n\nPromotion and protection of all human rights\n\n"
     "Resolution adopted by the Human Rights Council*\n\n15/5\nForensic genetics and human rights\n\n"
     "The Human Rights Council,\n\nTaking into account its resolution 10/26,", "A_HRC_RES_15_5.txt",
     "Forensic genetics and human rights"),
    # the number and a full stop on one line, the title on the next (A/HRC/RES/21/15)
    ("Human Rights Council\n\nTwenty-first session\n\nAgenda item 3\n\nResolution adopted by the Human Rights Council"
     "\n\n21/15.\nHuman rights and transitional justice\n\nThe Human Rights Council,\n\nRecalling its resolution 9/10,",
     "A_HRC_RES_21_15.txt", "Human rights and transitional justice"),
    # a tab inside the title (A/HRC/RES/17/22)
    ("Human Rights Council\n\nSeventeenth session\n\nAgenda item 3\n\nResolution adopted by the Human Rights Council\n\n"
     "17/22 Migrants and asylum-seekers fleeing recent events in North \tAfrica\n\nThe Human Rights Council,\n\n"
     "Reaffirming the Universal Declaration of Human Rights,", "A_HRC_RES_17_22.txt",
     "Migrants and asylum-seekers fleeing recent events in North Africa"),
    # part B: its title line ends with the letter (A/RES/71/272 B)
    ("Resolution adopted by the General Assembly on 6 April 2017\n\n[on the report of the Fifth Committee "
     "(A/71/716/Add.1)]\n\n71/272.\tSpecial subjects relating to the programme budget for the biennium 2016–2017 B\n\n"
     "The General Assembly,\n\nTakes note of the report of the Secretary-General;", "A_RES_71_272_B.txt",
     "Special subjects relating to the programme budget for the biennium 2016–2017"),
    # a body citegraph does not resolve: the title line whose numbers end the symbol (HSP/HA.1/Res.5)
    ("United Nations Habitat Assembly of the  United Nations Human Settlements Programme\n\nFirst session\n\n"
     "Nairobi, 27–31 May 2019\n\nResolution adopted by the United Nations Habitat Assembly on 31 May 2019\n\n"
     "1/5. \tEnhancing urban-rural linkages for sustainable urbanization and human settlements\n\n"
     "The UN-Habitat Assembly,\n\nWelcoming the 2030 Agenda,", "HSP_HA.1_Res.5.txt",
     "Enhancing urban-rural linkages for sustainable urbanization and human settlements"),
    # a title line wrapped over two blocks by OCR, and a footnote number glued to a title (A/RES/39/46, A/RES/41/213)
    ("Resolution adopted by the General Assembly\n\n39/46. Convention against Torture and Other Cruel,\n\n"
     "Inhuman or Degrading Treatment or Punishment\n\nThe General Assembly,\n\nRecalling the words of the "
     "Universal Declaration,", "A_RES_39_46.txt",
     "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment"),
    ("41/213. Review of the efficiency of the administrative and financial functioning of the United Nations110\n\n"
     "The General Assembly,\n\nRecalling its resolution 40/237,", "A_RES_41_213.txt",
     "Review of the efficiency of the administrative and financial functioning of the United Nations"),
    # the header's only title line, its number misprinted (A/RES/71/101 A-B prints "70/101.")
    ("Resolution adopted by the General Assembly on 6 December 2016\n\n[on the report of the Special Political and "
     "Decolonization Committee (Fourth Committee) (A/71/497)]\n\n70/101.\tQuestions relating to information\n\nA\n\n"
     "Information in the service of humanity\n\nThe General Assembly,\n\nTaking note of the report,",
     "A_RES_71_101_A-B.txt", "Questions relating to information"),
    # no title line, only the adoption line: none (never "Resolution adopted by ...")
    ("Resolution adopted by the General Assembly on 27 March 2006\n\nThe General Assembly,\n\nRecalling its "
     "resolution 56/183,", "A_RES_60_999.txt", None),
    # a compilation page: a neighbour's title line is not the document's (A/RES/168(II) page)
    ("<!-- Page 1 -->\n\nResolutions Adopted on the Reports of the Sixth Committee\n\n167 (II). United Nations Flag\n\n"
     "The General Assembly\n\nRecognizes that it is desirable to adopt a distinctive flag,\n\nNinety-sixth plenary "
     "meeting,", "A_RES_168(II).txt", None),
])
def test_resolution_titles(text, file, expected):
    assert parse_text(text, file=file).title == expected


# Hand-checked against the documents of the shared corpus: file -> title as printed.
SAMPLE = {
    "A_RES_47_120.txt": "An Agenda for Peace: preventive diplomacy and related matters",
    "A_RES_55_258.txt": "Human resources management",
    "A_RES_60_252.txt": "World Summit on the Information Society",
    "A_RES_S-23_2.txt": "Political declaration",
    "A_RES_75_4.txt": "Special session of the General Assembly in response to the coronavirus disease (COVID-19) pandemic",
    "A_RES_364(IV).txt": "Registration and publication of treaties and international agreements",
    "A_RES_38_58.txt": "Question of Palestine",
    "A_RES_77_242.txt": "2025 United Nations Conference to Support the Implementation of Sustainable Development Goal 14: "
                        "Conserve and sustainably use the oceans, seas and marine resources for sustainable development",
    "A_RES_68_238.txt": "Follow-up to and implementation of the Mauritius Strategy for the Further Implementation of the "
                        "Programme of Action for the Sustainable Development of Small Island Developing States",
    "A_HRC_RES_28_3.txt": "Ensuring use of remotely piloted aircraft or armed drones in counter-terrorism and military "
                          "operations in accordance with international law, including international human rights and "
                          "humanitarian law",
    "A_HRC_RES_15_5.txt": "Forensic genetics and human rights",
    "E_RES_2015_10.txt": "2020 World Population and Housing Census Programme",
    "UNEP_EA.2_RES.11.txt": "Marine plastic litter and microplastics",
    "HSP_HA.1_Res.5.txt": "Enhancing urban-rural linkages for sustainable urbanization and human settlements",
    "A_HRC_PRST_29_1.txt": "Enhancing the efficiency of the Human Rights Council",
    "A_HRC_PRST_OS_14_2.txt": "Methods of work of the Consultative Group of the Human Rights Council",
    "S_PRST_2004_36.txt": "The situation in the Middle East",
    "E_CN.9_2005_1.txt": "Provisional agenda",
    "E_CN.9_2006_2.txt": "Report of the Bureau of the Commission on Population and Development on its intersessional "
                         "meeting, held in Banjul on 19 and 20 December 2005",
    "ST_SGB_2021_1.txt": "Organization of the Office of Legal Affairs",
    "S_2016_44.txt": "Security Council tasks under Security Council resolution 2231 (2015)",
    "S_2007_280.txt": "Letter dated 15 May 2007 from the President of the Security Council to the Secretary-General",
    "HSP_GC_25_2.txt": "Activities of the United Nations Human Settlements Programme",
    "UNEP_GC_SS.XII_4.txt": "World environmental situation",
    "ECE_TRANS_224.txt": "Report of the Inland Transport Committee on its seventy-fourth session",
    "E_FFDF_2020_3.txt": "Report of the Economic and Social Council forum on financing for development follow-up",
    "TD_519_ADD.2.txt": "Nairobi Maafikiano",
    "A_79_735.txt": "Budget for the United Nations Interim Administration Mission in Kosovo for the period from 1 July "
                    "2025 to 30 June 2026",
}


def _corpus():
    if CORPUS is None:
        pytest.fail("the shared corpus (../shared/corpus/text) is needed for this test")
    return CORPUS


@pytest.mark.parametrize("name", sorted(SAMPLE))
def test_titles_of_a_hand_checked_sample(name):
    assert ingest.read_document(_corpus() / name).title == SAMPLE[name]


INFERRED = {it["title"] for it in agenda_items()["items"]}


def _words(s: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", s.lower()).strip()


def test_every_title_of_a_sample_is_printed_in_its_document():
    """300 documents drawn at random (fixed seed): a title is words the document prints (its
    wrapped lines joined, case and punctuation aside), or an agenda item of the Security
    Council's (an inferred one is checked by tests/test_structure_sc_agenda.py)."""
    files = sorted(_corpus().glob("*.txt"))
    sample = random.Random(15).sample(files, 300)
    untitled = []
    for f in sample:
        doc = ingest.read_document(f)
        if not doc.title:
            untitled.append(f.name)
            continue
        assert doc.title_source in ingest.TITLE_SOURCES, (f.name, doc.title_source)
        if doc.title_source == "inferred":
            # an agenda item the resolution does not print (checked by tests/test_structure_sc_agenda.py)
            assert doc.symbol.startswith("S/RES/") and doc.title in INFERRED, (f.name, doc.title)
            continue
        assert _words(doc.title) in _words(f.read_text(encoding="utf-8", errors="replace")), (f.name, doc.title)
    assert len(untitled) <= 6, untitled  # 2%: the whole corpus is checked below


@pytest.mark.slow
def test_at_most_one_percent_of_the_shared_corpus_has_no_title():
    files = sorted(_corpus().glob("*.txt"))
    untitled = [f.name for f in files if not ingest.read_document(f).title]
    assert len(untitled) <= len(files) // 100, untitled
