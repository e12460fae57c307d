"""ingest.structure.sc_agenda: the agenda item a Security Council resolution was adopted under.

The hand-checked items below are those the Council lists for each resolution of the shared corpus
(../shared/corpus/text); the strings of the table tests are cut from them.
"""
import pathlib

import pytest

import ingest
from ingest.structure.blocks import split_blocks
from ingest.structure.sc_agenda import agenda_items, inferred_item, printed_item

from conftest import SHARED

ROOT = pathlib.Path(__file__).resolve().parent.parent

MIDDLE_EAST = "The situation in the Middle East"
PALESTINE = "The situation in the Middle East, including the Palestinian question"


@pytest.mark.parametrize("text, date, expected", [
    ("Recalling all its previous resolutions and statements of its President on the situation in Somalia, "
     "Decides to extend resolution 2607 (2021) until 17 November 2022;", "2022-11-15", "The situation in Somalia"),
    # the country leads, though the text speaks of women and civilians too
    ("Recalling its previous resolutions concerning the situation in South Sudan, ... the protection of civilians ... "
     "women and girls ... sexual violence ... UNMISS ... South Sudan ... South Sudanese",
     "2024-04-30", "Reports of the Secretary-General on the Sudan and South Sudan"),
    # the same words before South Sudan's independence: the item of the date
    ("Recalling its previous resolutions on the situation in the Sudan ... Darfur ... UNAMID ... Sudan ... Abyei",
     "2011-06-27", "Reports of the Secretary-General on the Sudan"),
    # Yemen is considered under the Middle East
    ("Recalling its resolutions 2014 (2011) ... Yemen ... the Houthis ... Yemeni ... UNMHA", "2019-07-15", MIDDLE_EAST),
    ("Gaza ... the Palestinian civilian population ... Gaza Strip ... the West Bank ... Gaza", "2023-12-22", PALESTINE),
    # a thematic resolution: no country named often
    ("Reaffirming its resolutions 1261 (1999) ... children ... children affected by armed conflict ... child soldiers "
     "... children", "2005-07-26", "Children and armed conflict"),
    ("Recalling its resolutions on women and peace and security ... women ... sexual violence ... women", "2019-10-29",
     "Women and peace and security"),
    # an Al-Qaida sanctions resolution names Afghanistan too: the theme leads
    ("Recalling its resolutions 1267 (1999) ... terrorism ... terrorist acts ... Al-Qaida ... ISIL (Da’esh) ... "
     "terrorists ... Afghanistan ... terrorism ... CTED", "2017-12-21",
     "Threats to international peace and security caused by terrorist acts"),
    # no item: a country the table has no item for at that date (Libya before March 2011), two items alike,
    # too few words
    ("the Libyan Arab Jamahiriya ... Libyan authorities ... Libya ... Libyan ... Libya ... civilians", "2011-02-26", None),
    ("Somalia ... Somali ... Somalia ... Haiti ... Haitian ... Haiti", "2020-01-01", None),
    ("Recalling its previous resolutions, including resolutions 1804 (2008) ... Georgia", "2009-02-13", None),
    # ... but a resolution of the item's series counts as its name (UNOMIG's renewals)
    ("Recalling its previous resolutions, including resolutions 1808 (2008)", "2009-02-13", "The situation in Georgia"),
    ("", "2024-01-01", None),
    # few words for a country, a theme close behind: no item (a leader under strong_score must lead
    # the other kind too: migrant smuggling "off the coast of Libya")
    ("Libya ... Libya ... smuggling of migrants ... Libya ... migrant smuggling ... Libya ... Libyan ... "
     "smuggling of migrants", "2022-09-29", None),
    # ... and the same with a country's strong lead: the country (Somalia's resolutions speak of women)
    (" ".join(["Somalia ... Somali ..."] * 8) + " women ... women ... women ... children", "2022-09-29",
     "The situation in Somalia"),
    # a weak thematic leader with a country close behind: no item
    ("terrorism ... terrorist ... Syria ... terrorism ... Syrian ... terrorists ... Syria", "2015-01-01", None),
    # the resolutions of an item's series count as its name: a renewal of the migrant-smuggling
    # authorisations (2240 (2015) ...) is under Maintenance of international peace and security,
    # though it acts off Libya
    ("Recalling its resolutions 2240 (2015), 2312 (2016) and 2380 (2017), ... Libya ... off the coast of Libya "
     "... Libyan ... smuggling of migrants ... Libya ... resolution 2240 (2015)", "2018-10-03",
     "Maintenance of international peace and security"),
    ("Recalling resolution 1645 (2005) and in particular its paragraph 27, ... the Peacebuilding Commission",
     "2010-10-29", "Post-conflict peacebuilding"),
    ("Recalling resolution 1645 (2005) ... the Peacebuilding Commission", "2018-04-26",
     "Peacebuilding and sustaining peace"),
    # sanctions in general, not one regime's
    ("... all United Nations sanctions regimes ... humanitarian exemptions ... sanctions regimes ... "
     "basic human needs ...", "2006-12-19", "General issues relating to sanctions"),
    # the prevention of armed conflicts: the Council's own item in 2001, a theme of Maintenance of
    # international peace and security since
    ("prevention of armed conflict ... conflict prevention ... prevention of armed conflicts ... Africa ... "
     "prevention of armed conflict", "2001-08-30", "Role of the Security Council in the prevention of armed conflicts"),
    ("prevention of armed conflict ... conflict prevention ... prevention of armed conflicts ... "
     "prevention of armed conflict ... women", "2014-08-21", "Maintenance of international peace and security"),
])
def test_inferred_item(text, date, expected):
    assert inferred_item(text, date) == expected


def test_printed_item_on_a_compilation_page():
    blocks = split_blocks("<!-- Page 1 -->\n\nPart I. Questions considered by the Security Council\n\n"
                          "THE SITUATION IN CYPRUS¹\n\nDecisions\n\nAt its 1813th meeting, on 20 February 1975, "
                          "the Council decided\n\nResolution 367 (1975)\n\nof 12 March 1975")[0]
    assert printed_item(blocks) == "THE SITUATION IN CYPRUS"
    assert printed_item(split_blocks("Resolution 2720 (2023)\n\nADOPTED BY THE SECURITY COUNCIL")[0]) is None


def test_every_item_has_words_and_dates_in_order():
    items = agenda_items()["items"]
    assert len(items) >= 40
    for it in items:
        assert it["from"] <= it["until"], it["title"]
        assert it["word_list"] and all(it["literals"]), it["title"]


# Hand-checked: the agenda item the Council lists each resolution under.
SAMPLE = {
    "S_RES_2720(2023).txt": PALESTINE,
    "S_RES_2334(2016).txt": PALESTINE,
    "S_RES_2254(2015).txt": MIDDLE_EAST,
    "S_RES_2216(2015).txt": MIDDLE_EAST,
    "S_RES_1267(1999).txt": "The situation in Afghanistan",
    "S_RES_2681(2023).txt": "The situation in Afghanistan",
    "S_RES_1325(2000).txt": "Women and peace and security",
    "S_RES_1373(2001).txt": "Threats to international peace and security caused by terrorist acts",
    "S_RES_1612(2005).txt": "Children and armed conflict",
    "S_RES_1894(2009).txt": "Protection of civilians in armed conflict",
    "S_RES_2231(2015).txt": "Non-proliferation",
    "S_RES_1718(2006).txt": "Non-proliferation/Democratic People’s Republic of Korea",
    "S_RES_2325(2016).txt": "Non-proliferation of weapons of mass destruction",
    "S_RES_2098(2013).txt": "The situation concerning the Democratic Republic of the Congo",
    "S_RES_2654(2022).txt": "The situation concerning Western Sahara",
    "S_RES_1758(2007).txt": "The situation in Cyprus",
    "S_RES_2653(2022).txt": "The question concerning Haiti",
    "S_RES_2127(2013).txt": "The situation in the Central African Republic",
    "S_RES_2729(2024).txt": "Reports of the Secretary-General on the Sudan and South Sudan",
    "S_RES_2732(2024).txt": "The situation concerning Iraq",
    "S_RES_2282(2016).txt": "Post-conflict peacebuilding",
    "S_RES_2250(2015).txt": "Maintenance of international peace and security",
    "S_RES_2366(2017).txt": "Identical letters dated 19 January 2016 from the Permanent Representative of Colombia to the "
                            "United Nations addressed to the Secretary-General and the President of the Security "
                            "Council (S/2016/53)",
    "S_RES_367(1975).txt": "THE SITUATION IN CYPRUS",
    # checked by hand in the audit of 2026-12-01 (notes/tidy.md), where the rule changed
    "S_RES_2652(2022).txt": "Maintenance of international peace and security",
    "S_RES_2698(2023).txt": "Maintenance of international peace and security",
    "S_RES_2171(2014).txt": "Maintenance of international peace and security",
    "S_RES_1366(2001).txt": "Role of the Security Council in the prevention of armed conflicts",
    "S_RES_1730(2006).txt": "General issues relating to sanctions",
    "S_RES_1646(2005).txt": "Post-conflict peacebuilding",
    "S_RES_1866(2009).txt": "The situation in Georgia",
    "S_RES_2222(2015).txt": "Protection of civilians in armed conflict",
    "S_RES_2337(2017).txt": "Peace consolidation in West Africa",
    "S_RES_2444(2018).txt": "The situation in Somalia",
    "S_RES_2760(2024).txt": "Reports of the Secretary-General on the Sudan and South Sudan",
    "S_RES_2733(2024).txt": "The situation in Libya",
    "S_RES_1988(2011).txt": "The situation in Afghanistan",
    "S_RES_2719(2023).txt": "Cooperation between the United Nations and regional and subregional organizations in "
                            "maintaining international peace and security",
}


@pytest.mark.parametrize("name", sorted(SAMPLE))
def test_titles_of_security_council_resolutions(name):
    if SHARED is None:
        pytest.fail("the shared corpus (../shared/corpus/text) is needed for this test")
    assert ingest.read_document(SHARED / "corpus" / "text" / name).title == SAMPLE[name]


@pytest.mark.parametrize("name", [
    # on Libya, before the Council had a Libya item (adopted under "Peace and security in Africa")
    "S_RES_1970(2011).txt",
    # nuclear non-proliferation and disarmament at a summit (under Maintenance of international peace
    # and security): its words are the NPT's and resolution 1540's alike
    "S_RES_1887(2009).txt",
    # humanitarian exemptions from every sanctions regime (General issues relating to sanctions): the
    # terrorism item's words nearly as many
    "S_RES_2664(2022).txt",
    # the Millennium Summit's declaration on the Council's role, "particularly in Africa" (its own item)
    "S_RES_1318(2000).txt",
])
def test_no_item_rather_than_a_wrong_one(name):
    """Resolutions whose words point to no one item clearly get no title, not a wrong one."""
    if SHARED is None:
        pytest.fail("the shared corpus (../shared/corpus/text) is needed for this test")
    doc = ingest.read_document(SHARED / "corpus" / "text" / name)
    assert (doc.title, doc.title_source) == (None, None)


@pytest.mark.parametrize("name, source", [
    ("S_RES_2720(2023).txt", "inferred"),
    ("S_RES_367(1975).txt", "agenda item"),
])
def test_title_source_of_security_council_resolutions(name, source):
    if SHARED is None:
        pytest.fail("the shared corpus (../shared/corpus/text) is needed for this test")
    assert ingest.read_document(SHARED / "corpus" / "text" / name).title_source == source


def _counts_obvious(text):
    """Every item's whole pattern, its title and its series looked for in ``text``, with no skipping."""
    from ingest.structure.sc_agenda import _alternation

    rules = agenda_items()
    out = []
    for it in rules["items"]:
        n = len(_alternation(it["word_list"]).findall(text))
        if it["named"]:
            n += rules["min_score"] * len(it["phrase"].findall(text))
        if it["series"] is not None:
            n += rules["min_score"] * len(it["series"].findall(text))
        out.append(n)
    return out


@pytest.mark.parametrize("text", [
    "Recalling its resolutions 1808 (2008) and 1839 (2008) on Georgia,",
    "Recalling resolution 1645 (2005) establishing the Peacebuilding Commission, and 21645 (2005)",
    "the situation in Somalia, AMISOM and the Somali security forces; Iraq, Iraqi and Kuwait",
    "nothing of any item",
    "",
])
def test_counts_are_the_whole_patterns(text):
    from ingest.structure.sc_agenda import _counts

    assert _counts(text) == _counts_obvious(text)


def test_counts_are_the_whole_patterns_on_real_resolutions():
    from ingest.structure.sc_agenda import _counts

    if SHARED is None:
        pytest.fail("the shared corpus (../shared/corpus/text) is needed for this test")
    files = sorted((SHARED / "corpus" / "text").glob("S_RES_*.txt"))[::10]
    assert len(files) > 20
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert _counts(text) == _counts_obvious(text), f.name
