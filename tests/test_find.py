"""ingest.find through its door: tables of real strings -> canonical symbols (explicit references), negative
rows included. The stages have their own tables (test_find_<stage>.py).
Every string below is copied from a real UN document (the citing document in the comment).
"""
import pathlib

import pytest

import ingest

from ingest.find import find_in_text
from ingest import parse_text


def targets(text, speaker="GA"):
    return [h.target for h in find_in_text(text, speaker)]


# (text, speaker body, expected targets in order)
POSITIVE = [
    # A/RES/79/194
    ("Recalling its resolution 78/132 of 19 December 2023 on information and communications technologies",
     "GA", ["A/RES/78/132"]),
    ("Resolutions 56/183, 57/238, 59/220, 60/252 and 77/150.", "GA",
     ["A/RES/56/183", "A/RES/57/238", "A/RES/59/220", "A/RES/60/252", "A/RES/77/150"]),
    ("Recalling also Economic and Social Council resolution 2024/13 of 23 July 2024", "GA", ["E/RES/2024/13"]),
    ("Economic and Social Council resolutions 2006/46, 2008/3 and 2023/3.", "GA",
     ["E/RES/2006/46", "E/RES/2008/3", "E/RES/2023/3"]),
    ("as set forth in Council resolution 2006/46 of 28 July 2006", "GA", ["E/RES/2006/46"]),
    ("Resolution 217 A (III).", "GA", ["A/RES/217(III)"]),
    ("See A/C.2/59/3, annex.", "GA", ["A/C.2/59/3"]),
    ("A/79/62-E/2024/3.", "GA", ["A/79/62"]),
    ("A/67/65-E/2012/48 and A/67/65/Corr.1-E/2012/48/Corr.1.", "GA", ["A/67/65", "A/67/65/Corr.1"]),
    ("See E/CN.16/2018/CRP.3.", "GA", ["E/CN.16/2018/CRP.3"]),
    ("in accordance with paragraph 71 of General Assembly resolution 70/125, as early as possible", "GA",
     ["A/RES/70/125"]),
    ("[on the report of the Second Committee (A/79/434, para. 21)]", "GA", ["A/79/434"]),
    # Security Council: number (year), lists, the SC abbreviation (S/PRST/2024/3)
    ("Recalling its resolutions 1267 (1999), 1989 (2011) and 2253 (2015),", "SC",
     ["S/RES/1267(1999)", "S/RES/1989(2011)", "S/RES/2253(2015)"]),
    ("in line with SC resolutions 1612 (2005), 1882 (2009) and 2601 (2021).", "SC",
     ["S/RES/1612(2005)", "S/RES/1882(2009)", "S/RES/2601(2021)"]),
    ("The Security Council recalls its Resolutions (1645 (2005), 2086 (2013), 2282 (2016)", "SC",
     ["S/RES/1645(2005)", "S/RES/2086(2013)", "S/RES/2282(2016)"]),
    # Roman sessions, special and emergency sessions (A_RES_77_174, A_RES_77_122, A_RES_1514(XV))
    ("resolutions 3201 (S-VI) and 3202 (S-VI) of 1 May 1974", "GA", ["A/RES/3201(S-VI)", "A/RES/3202(S-VI)"]),
    ("its resolution 2252 (ES-V) of 4 July 1967", "GA", ["A/RES/2252(ES-V)"]),
    ("General Assembly resolution 1514 (XV) of 14 December 1960", "HRC", ["A/RES/1514(XV)"]),
    ("Economic and Social Council resolution 1818 (LV)", "GA", ["E/RES/1818(LV)"]),
    ("its resolutions ES-11/1 of 2 March 2022 and ES-11/4 of 12 October 2022", "GA",
     ["A/RES/ES-11/1", "A/RES/ES-11/4"]),
    ("resolution S-26/2 of 27 June 2001", "GA", ["A/RES/S-26/2"]),
    # parts: from the 57th session a later part is a document of its own and parts adopted together
    # share a joint symbol; part A and earlier sessions' parts are a pinpoint of the resolution
    # (A_RES_78_252, A_RES_76_84_A-B, A_RES_79_34, A_RES_78_330, A_RES_76_171, A_RES_79_25)
    ("72/261 and 72/266 A of 24 December 2017, 72/266 B of 5 July 2018", "GA", []),
    ("Reaffirming its resolutions 72/261 and 72/266 A of 24 December 2017, 72/266 B of 5 July 2018,", "GA",
     ["A/RES/72/261", "A/RES/72/266", "A/RES/72/266B"]),
    ("Recalling its resolutions 54/54 B of 1 December 1999, 55/33 V of 20 November 2000, 57/74 of 22 November 2002",
     "GA", ["A/RES/54/54", "A/RES/55/33", "A/RES/57/74"]),
    ("its resolutions 57/270 A of 20 December 2002 and 57/270 B of 23 June 2003", "GA",
     ["A/RES/57/270", "A/RES/57/270B"]),
    ("Recalling its resolutions 76/84 A and B of 9 December 2021 and 77/128 A and B of 12 December 2022", "GA",
     ["A/RES/76/84A-B", "A/RES/77/128A-B"]),
    ("its resolutions 75/254 A to C", "GA", ["A/RES/75/254A-C"]),
    ("its resolutions 68/248 A and C of 27 December 2013", "GA", ["A/RES/68/248"]),  # parts apart: the resolution
    ("resolutions 50/70 K of 12 December 1995, 56/24 T of 29 November 2001", "GA", ["A/RES/50/70", "A/RES/56/24"]),
    ("Economic and Social Council resolution 2024/13 B", "GA", ["E/RES/2024/13"]),
    # subjects with their resolutions in brackets, a budget fascicle's mandates (A/81/6 (Sect. 2))
    ("General Assembly resolutions on the pattern of conferences (43/222, the most recent being 80/234), "
     "multilingualism (50/11, the most recent being 78/330) and the revitalization of the work of the General "
     "Assembly (73/341, the most recent being 79/327).", "GA",
     ["A/RES/43/222", "A/RES/80/234", "A/RES/50/11", "A/RES/78/330", "A/RES/73/341", "A/RES/79/327"]),
    # ... but a budget period in brackets after them is not a resolution
    ("General Assembly resolutions on the pattern of conferences (43/222), for the budget period (2024/25) and",
     "GA", ["A/RES/43/222"]),
    # "Commission resolution" is the Commission on Human Rights' in its own texts, another body's elsewhere
    ("Recalling Commission resolution 2004/5 of 19 April 2004,", "CHR", ["E/CN.4/RES/2004/5"]),
    ("Recalling Commission resolution 2004/5 of 19 April 2004,", "GA", []),
    # "In its resolution N, the <body> ...": "its" is the subject after the number (E_CN.9_2005_1, A_RES_40_33)
    ("In its decision 2005/1, the Commission reaffirmed that the special theme", "ECOSOC", []),
    ("In its resolution 2006/1, the Commission on Population and Development decided that the report, the Council "
     "requested", "ECOSOC", []),
    ("In its decision 47/101, the Statistical Commission endorsed the programme", "ECOSOC", []),
    ("In its resolution 5/14, the United Nations Environment Assembly requested", "GA", ["UNEP/EA.5/Res.14"]),
    ("In its resolution 663 C (XXIV) of 31 July 1957, the Economic and Social Council approved the Standard "
     "Minimum Rules", "GA", ["E/RES/663(XXIV)"]),
    ("In its resolution 22/5, the Human Rights Council requested the Office of the High Commissioner", "GA",
     ["A/HRC/RES/22/5"]),
    ("In its resolution 49/128, in which it endorsed the recommendations, the General Assembly requested", "ECOSOC",
     ["A/RES/49/128"]),
    ("At its thirtieth session, in resolution 1997/2, the Commission requested", "GA", []),  # E_CN.9_1998_1
    ("By decision 56/324 of 23 July 2002, the Assembly, on the proposal of the Secretary-General, elected", "other",
     ["A/DEC/56/324"]),  # HSP_GC_19_4
    # in another body's text a bare decision is that body's (ECE_EB.AIR_154, ECE_CP.TEIA_44, UNEP_GC_SS.XII_4,
    # HSP_HA.2_2), unless ours is named after it
    ("The Conference adopted decision 2022/1 on strengthening Natech risk management", "other", []),
    ("Adopted decision 2023/2 on adoption of the Guidance document", "other", []),
    ("as called for in the Council’s decision 25/2 of 20 February 2009", "other", []),
    ("In decision 2021/1, the Committee of Permanent Representatives decided", "other", []),
    ("in accordance with decision 2012/224 of the Economic and Social Council", "other", ["E/DEC/2012/224"]),
    # ... but not where "its" is a relative clause's subject, or the clause has no subject after it (E_CN.9_2007_1)
    ("In the report of the Commission on its twenty-eighth session, which the Council took note of in its decision "
     "1995/236 of 17 July 1995, the Commission called for", "ECOSOC", ["E/DEC/1995/236"]),
    ("Recalling its resolution 70/1, the Commission on Population and Development", "GA", ["A/RES/70/1"]),
    # HRC by speaker, explicit body, special sessions (A_HRC_RES_52_1, A_HRC_RES_40_7)
    ("Reaffirming also Human Rights Council resolutions S-26/1 of 14 December 2016 and 31/20 of 23 March 2016,",
     "HRC", ["A/HRC/RES/S-26/1", "A/HRC/RES/31/20"]),
    ("Recalling its resolutions 7/25 of 28 March 2008, 22/22 of 22 March 2013", "HRC",
     ["A/HRC/RES/7/25", "A/HRC/RES/22/22"]),
    ("Bearing in mind paragraph 6 of General Assembly resolution 60/251 of 15 March 2006,", "HRC",
     ["A/RES/60/251"]),
    ("as set out in Council resolution 6/30 of 14 December 2007, Council decision 6/102 of 27 September 2007", "HRC",
     ["A/HRC/RES/6/30", "A/HRC/DEC/6/102"]),
    ("Recalling also Commission on Human Rights resolutions 2001/57 of 24 April 2001, 2002/65 of 25 April 2002",
     "HRC", ["E/CN.4/RES/2001/57", "E/CN.4/RES/2002/65"]),
    # the body carries on through the sentence (A_RES_72_186)
    ("70/163 of 17 December 2015, as well as Human Rights Council resolutions 23/17 of 13 June 2013, 27/18 of "
     "25 September 2014 and 33/15 of 29 September 2016,", "GA",
     ["A/HRC/RES/23/17", "A/HRC/RES/27/18", "A/HRC/RES/33/15"]),
    # "General Assembly and Security Council resolutions" (S_RES_2558(2020))
    ("Reaffirming General Assembly and Security Council resolutions 70/262 and 2282 (2016) of 27 April 2016", "SC",
     ["A/RES/70/262", "S/RES/2282(2016)"]),
    # decisions
    ("Recalling its decision 2015/210 of 15 May 2015,", "ECOSOC", ["E/DEC/2015/210"]),
    ("and its decision 67/558 of 17 May 2013", "GA", ["A/DEC/67/558"]),
    # lists with clauses between items (A_RES_76_264, A_RES_71_222, A_RES_78_161)
    ("Recalling its resolutions 76/222 of 17 December 2021 on agriculture development, food security and "
     "nutrition, 76/166 of 16 December 2021 on the right to food, 70/259 of 1 April 2016, entitled “United "
     "Nations Decade of Action on Nutrition (2016–2025)”, and 76/124 of 10 December 2021", "GA",
     ["A/RES/76/222", "A/RES/76/166", "A/RES/70/259", "A/RES/76/124"]),
    ("its resolutions 55/196 of 20 December 2000, by which it proclaimed 2003 the International Year of "
     "Freshwater, 58/217 of 23 December 2003, by which", "GA", ["A/RES/55/196", "A/RES/58/217"]),
    ("its resolutions 49/222 A and B of 23 December 1994 and 20 July 1995, 51/226 of 3 April 1997", "GA",
     ["A/RES/49/222", "A/RES/51/226"]),
    # written symbols
    ("Documentation: ECE/TRANS/293, Add.1 and Corr.1", "GA",
     ["ECE/TRANS/293", "ECE/TRANS/293/Add.1", "ECE/TRANS/293/Corr.1"]),
    ("(A/75/5 (Vol. II), para. 175)", "GA", ["A/75/5(Vol.II)"]),
    # a joint ECE/WHO Europe document: the WHO code is not part of the UN symbol (A/81/6 (Sect. 20))
    ("(ECE/AC.21/2021/2-EUCHP2018924/4.3.2)", "GA", ["ECE/AC.21/2021/2"]),
    # a section's part or addendum after it (A/81/6 (Sect. 26), A_RES_48_189)
    ("The present document (A/81/6 (Sect. 26)/Part A), consisting of", "GA", ["A/81/6(Sect.26)/PartA"]),
    ("see A/80/6 (Sect. 3)/Add.1 and A/80/6 (Sect. 29F).", "GA", ["A/80/6(Sect.3)/Add.1", "A/80/6(Sect.29F)"]),
    ("(A/AC.237/18 (Part II)/Add.1 and Corr.1)", "GA", ["A/AC.237/18(PartII)/Add.1", "A/AC.237/18(PartII)/Add.1/Corr.1"]),
    ("the proposed programme budget (A/81/6 (Sect. 10))", "GA", ["A/81/6(Sect.10)"]),
    ("(S/PRST/2015/22) and S/2024/858", "SC", ["S/PRST/2015/22", "S/2024/858"]),
    ("recommendations contained in document CCW/CONF.V/2 in line with", "GA", ["CCW/CONF.V/2"]),
    # a bare number (year) that fits the Security Council's numbering (S_RES_2631(2022))
    ("and the values set forth in 2367 (2017),", "SC", ["S/RES/2367(2017)"]),
    # a subject clause with a number in it does not end the list (E_RES_2020_16)
    ("General Assembly resolutions 74/270 of 2 April 2020 on global solidarity to fight the coronavirus disease "
     "2019 (COVID-19) and 74/274 of 20 April 2020", "ECOSOC", ["A/RES/74/270", "A/RES/74/274"]),
    ("draft resolution A/HRC/55/L.1/Rev.1", "HRC", ["A/HRC/55/L.1/Rev.1"]),
    ("UNEP/EA.5/Res.5 and ST/SGB/2019/2", "GA", ["UNEP/EA.5/Res.5", "ST/SGB/2019/2"]),
    ("19 November 2014 (S/PRST/ 2014/23), 29 May", "SC", ["S/PRST/2014/23"]),
    # a subject ends before another body's resolution; a number is read once, by the nearest keyword
    # (A_RES_65_177, A_RES_32_40, A_RES_78_132, A_HRC_PRST_OS_14_2)
    ("and Council resolution 2010/22 of 23 July 2010 on progress in the implementation of General Assembly "
     "resolution 62/208, and expresses", "GA", ["E/RES/2010/22", "A/RES/62/208"]),
    ("to take as soon as possible a decision on the recommendations endorsed by the General Assembly in its "
     "resolution 31/20 as a basis", "GA", ["A/RES/31/20"]),
    ("Recalling its resolution 76/307 of 8 September 2022 on the modalities for the Summit of the Future and its "
     "decision 77/568 of 1 September 2023 on the scope", "GA", ["A/RES/76/307", "A/DEC/77/568"]),
    ("decision 6/102 of 27 September 2007 on the follow-up to Human Rights Council resolution 5/1, resolution "
     "16/21 of 25 March 2011", "HRC", ["A/HRC/DEC/6/102", "A/HRC/RES/5/1", "A/HRC/RES/16/21"]),
    # a Council named stops the body of an earlier "Assembly resolution" from carrying on (A_HRC_RES_32_11,
    # A_HRC_RES_47_1)
    ("including Assembly resolution 70/165 of 17 December 2015 and Council resolution 23/8 of 13 June 2013,",
     "HRC", ["A/RES/70/165", "A/HRC/RES/23/8"]),
    ("Recalling Assembly resolutions 75/238 of 31 December 2020 and 75/287 of 18 June 2021 and Council "
     "resolutions 29/21 of 3 July 2015, 34/22 of 24 March 2017,", "HRC",
     ["A/RES/75/238", "A/RES/75/287", "A/HRC/RES/29/21", "A/HRC/RES/34/22"]),
    # parts listed after a symbol (A_RES_24(I), A_RES_S-10_2, ECE_TRANS_236, A_RES_31_192, A_RES_50_11)
    ("(document A/18 and Corr. 1, Add. 1 and 2.)", "GA", ["A/18", "A/18/Corr.1", "A/18/Add.1", "A/18/Add.2"]),
    ("ECE/TRANS/WP.15/213 and Corrs. 1–2 and Add.1 and Add.1/Corr.1;", "GA",
     ["ECE/TRANS/WP.15/213", "ECE/TRANS/WP.15/213/Corr.1", "ECE/TRANS/WP.15/213/Corr.2",
      "ECE/TRANS/WP.15/213/Add.1", "ECE/TRANS/WP.15/213/Add.1/Corr.1"]),
    ("A/31/75/Add.1 and Add.1/Corr.1", "GA", ["A/31/75/Add.1", "A/31/75/Add.1/Corr.1"]),
    ("[without reference to a Main Committee (A/50/L.6/Rev.1 and Rev.1/Add.1)]", "GA",
     ["A/50/L.6/Rev.1", "A/50/L.6/Rev.1/Add.1"]),
    ("A/79/1 and Add.1 and 2 other documents", "GA", ["A/79/1", "A/79/1/Add.1"]),
    ("A/79/1 and Corr.1, 3 December 2024", "GA", ["A/79/1", "A/79/1/Corr.1"]),
    # a space after a slash before a usual component (A_79_735, A_RES_31_36, A_RES_S-10_2)
    ("the encouragement by the Advisory Committee (in A/78/744/ Add.7) for UNMIK", "GA", ["A/78/744/Add.7"]),
    ("Supplement No. 12B (A/31/12/ Add.2).", "GA", ["A/31/12/Add.2"]),
    ("A/S-10/AC.1/12 and Corr.1, A/S-10/ AC.1/1-8", "GA",
     ["A/S-10/AC.1/12", "A/S-10/AC.1/12/Corr.1", "A/S-10/AC.1/1-8"]),
    # beside an act of the European Union (traps.toml [eu_acts]), the Council's own numbers still count
    ("Council Decision (CFSP) 2024/386 of 29 January 2024 to implement resolution 2397 (2017)", "GA",
     ["S/RES/2397(2017)"]),
    ("Recalling Economic and Social Council decision 2024/386 and Council Decision (CFSP) 2024/386", "GA",
     ["E/DEC/2024/386"]),
    ("Council decision 2024/201 (see E/2024/99)", "GA", ["E/DEC/2024/201", "E/2024/99"]),
]

NEGATIVE = [
    # dates, fractions, percentages, budget periods, articles, page numbers
    ("for the period from 1 July 2024 to 30 June 2025 (2024/25)", "GA"),
    ("the budget for 2024/25 amounts to $1,117,005", "GA"),
    ("approximately 1/2 of the population, 70 per cent of men and 65 per cent of women", "GA"),
    ("article 2 (4) of the Charter and article 51", "GA"),
    ("page 12/45 of the report of 19/12/2024", "GA"),
    # an act of the European Union quoted in an annex (S_RES_2231(2015))
    ("(Articles 4c and 4d of Council Decision 2010/413/CFSP; Articles 15 and 16 of Council Regulation (EU) No 267/2012)",
     "SC"),
    # the EU's acts as numbered since 2015 (traps.toml [eu_acts]; a Panel of Experts' letter, explore6 D4)
    ("the European Union adopted Council Decision (CFSP) 2024/386 of 29 January 2024 and Council Implementing "
     "Regulation (EU) 2024/387", "SC"),
    ("The European Union adopted Council Decision (CFSP) 2024/386 on restrictive measures.", "GA"),
    ("Commission Implementing Decision (EU) 2023/1234 and Council Decision (EU, Euratom) 2020/2053", "GA"),
    ("held in Geneva on 24/7 basis", "GA"),
    # bodies citegraph does not resolve: never a GA resolution (A_RES_68_215, A_RES_73_241)
    ("Takes note of decision 27/11 of 22 February 2013, adopted by the Governing Council", "GA"),
    ("Commission on Population and Development resolutions 2006/2 of 10 May 2006", "GA"),
    ("World Health Assembly resolution 72/2 on primary health care", "GA"),
    ("Conference resolution 3/1 of the States parties", "GA"),
    ("Commission on the Status of Women resolution 60/2", "GA"),
    # numbers a GA, HRC or UNEA session could not have adopted then: other bodies' resolutions
    # (A_RES_78_147: ESCAP; A_RES_68_239: UN-Habitat Governing Council; CSW 49/7 of 2005)
    ("the Economic and Social Commission for Asia and the Pacific at its seventy-ninth session, of resolution "
     "79/8 of 19 May 2023 on the modalities", "GA"),
    ("in particular resolutions 24/1 on World Cities Day, 24/4 on gender equality", "GA"),
    ("the implementation of resolutions 49/7 of 11 March 2005, entitled “Indigenous women”", "GA"),
    ("General Assembly resolution 5/14", "GA"),
    # a number with no "resolution" before it, unless it fits the Council's numbering (below)
    ("in 1999 (2000) prices", "SC"),
    ("the 2030 (2020) target", "GA"),
    ("article 51 (1945) of the Charter", "SC"),
    ("88 United Nations, Treaty Series, vol. 75 (1950), Nos. 970-973.", "SC"),  # S_RES_307(1971)
    ("Agenda item 15", "GA"),
    # regional commissions' and other bodies' resolutions, named after the number (E_RES_2018_21,
    # E_RES_1985_69, HSP_HA.2_Res.6, A_HRC_RES_52_1)
    ("Taking note of resolution 726 (XXXVII) of 11 May 2018 of the Economic Commission for Latin America "
     "and the Caribbean, by which", "ECOSOC"),
    ("Recalling resolution 133 (XII) of 24 April 1985 of the Economic Commission for Western Asia", "ECOSOC"),
    ("Welcoming decision 53/110 of the United Nations Statistical Commission, in which", "GA"),
    ("Noting also resolution 542 (LXXIII) 2022 of the African Commission for Human and Peoples’ Rights", "HRC"),
    # "the adoption by <another body> ... of resolution N" (E_RES_2016_12, E_RES_2016_11, A_RES_79_96,
    # E_RES_2015_15)
    ("Noting the adoption by the Economic Commission for Latin America and the Caribbean at its thirty-sixth "
     "session, held in Mexico City from 23 to 27 May 2016, of resolution 700 (XXXVI), entitled", "ECOSOC"),
    ("Noting the adoption by the Economic and Social Commission for Asia and the Pacific at its seventy-second "
     "session, held in Bangkok from 15 to 19 May 2016, of resolution 72/6 on committing", "ECOSOC"),
    ("Recalls the adoption by the Economic Commission for Latin America and the Caribbean of its resolution "
     "574 (XXVII) of 16 May 1998", "GA"),
    ("and the adoption by the Executive Board of the United Nations Children’s Fund of decision 2014/17, in which",
     "ECOSOC"),
    # no Roman-numbered resolution after the Council's 63rd session (1977)
    ("Recalling resolution 542 (LXXIII) on the situation", "HRC"),
    # a symbol cut short by a space after its slash is not the series it starts with
    ("A/43/ 1990 and more", "GA"),
]


@pytest.mark.parametrize("text,speaker,expected", POSITIVE)
def test_real_strings(text, speaker, expected):
    assert targets(text, speaker) == expected


@pytest.mark.parametrize("text,speaker", NEGATIVE)
def test_not_references(text, speaker):
    assert targets(text, speaker) == []


@pytest.mark.parametrize("text,speaker,target", [
    ("its resolution 78/132", "GA", "A/RES/78/132"),
    ("Welcoming the adoption by the Commission on Human Rights at its sixty-first session of resolution 2005/1",
     "ECOSOC", "E/CN.4/RES/2005/1"),
    ("its resolution 52/1", "HRC", "A/HRC/RES/52/1"),
    ("its resolution 2712 (2023)", "SC", "S/RES/2712(2023)"),
    ("its resolution 2023/3", "ECOSOC", "E/RES/2023/3"),
    ("its resolution 5/14", "UNEA", "UNEP/EA.5/Res.14"),
    ("the General Assembly in its resolution 60/251", "HRC", "A/RES/60/251"),
    ("resolution 60/251", "HRC", "A/RES/60/251"),  # no HRC session ever had 251 resolutions
    ("Council resolution 52/1", "GA", "A/HRC/RES/52/1"),
    # the Commission on Human Rights numbered with its session in Roman numerals before 1978 (A_HRC_RES_45_3)
    ("Recalling Commission on Human Rights resolution 20 (XXXVI) of 29 February 1980", "HRC",
     "E/CN.4/RES/20(XXXVI)"),
    ("Council resolution 2017/21", "GA", "E/RES/2017/21"),
    # the date tells which body's session it was (A_RES_78_169, A_RES_79_9)
    ("Recalling resolutions 5/14 of 2 March 2022, entitled “End plastic pollution”", "GA", "UNEP/EA.5/Res.14"),
    ("the implementation of resolution 16/18 of 24 March 2011 and all", "GA", "A/HRC/RES/16/18"),
    ("Recalling its resolution 72/256 of 24 December 2107,", "GA", "A/RES/72/256"),  # a misprinted year is ignored
    ("Recalling Presidential Statement 2015/25,", "SC", "S/PRST/2015/25"),
    ("resolution 2231 (2015)", "GA", "S/RES/2231(2015)"),
    # a Council named stops the body of an earlier "Assembly resolution" from carrying on (E_RES_2015_21)
    ("the Special Rapporteur of the Human Rights Council on violence against women and Council resolution 20/12 "
     "of 5 July 2012 on", "ECOSOC", "A/HRC/RES/20/12"),
])
def test_body_decided_by_context(text, speaker, target):
    assert targets(text, speaker) == [target]


@pytest.mark.parametrize("text,pinpoint", [
    ("Resolution 71/256, annex.", "annex"),
    ("paragraph 71 of General Assembly resolution 70/125", "para. 71"),
    ("Resolution 217 A (III).", "A"),
    ("Recalls paragraphs 50 and 52 of section XI of its resolution 59/276, in which", "paras. 50 and 52, section XI"),
    ("its resolution 45/248 B, section VI, of 21 December 1990", "B, section VI"),
    ("its resolutions 55/101 A and B of 4 December 2000", "A-B"),
    ("its resolutions 68/248 A and C of 27 December 2013", "A, C"),  # not B: parts, not a run (A_RES_70_248)
    ("resolutions 35/169 A and C of 15 December 1980", "A, C"),
    ("its resolution 57/270 A of 20 December 2002", "A"),
    ("its resolution 51/45 K of 10 December 1996", "K"),
    ("its resolution 72/266 B, section VI, of 5 July 2018", "section VI"),  # the part is the target: A/RES/72/266B
    ("(A/79/434, para. 21)", "para. 21"),
    ("as set out in resolution 70/1, paragraph 3, and", "para. 3"),
    # paragraphs "of resolution" after a number are the next resolution's (A_RES_73_125)
    ("to implement paragraphs 80 and 83 to 87 of resolution 61/105, paragraphs 113, 117 and 119 to 124 of "
     "resolution 64/72", "paras. 80 and 83-87"),
])
def test_pinpoints(text, pinpoint):
    hits = find_in_text(text, "GA")
    assert hits and hits[0].pinpoint == pinpoint


def test_what_the_text_says_of_the_target():
    h = find_in_text("Recalling its resolution 78/132 of 19 December 2023 on information and communications "
                     "technologies for sustainable development, as well as previous resolutions", "GA")[0]
    assert (h.target_date, h.target_subject) == ("2023-12-19",
                                                  "information and communications technologies for sustainable development")
    h = find_in_text("at which resolution 79/1 entitled “The Pact for the Future” and its annexes", "GA")[0]
    assert h.target_title == "The Pact for the Future"


def test_joint_symbol_keeps_its_alias():
    h = find_in_text("A/79/62-E/2024/3.", "GA")[0]
    assert (h.target, h.aliases, h.surface) == ("A/79/62", ("E/2024/3",), "A/79/62-E/2024/3")


def test_span_indexes_the_surface():
    text = "Recalling its resolutions 56/183 and 57/238,"
    for h in find_in_text(text):
        assert text[h.start:h.end] == h.surface


# rows of the mandate tables of programme budget sections (A/81/6 (Sect. 2), (Sect. 9), (Sect. 17))
@pytest.mark.parametrize("paragraphs,expected", [
    (["General Assembly resolutions", "79/201 Entrepreneurship for sustainable development",
      "80/127 Promoting investments for sustainable development"], ["A/RES/79/201", "A/RES/80/127"]),
    (["General Assembly resolutions", "46/77; 79/327 Revitalization of the work of the General Assembly",
      "Pattern of conferences", "1472 (XIV) A; 69/85"], ["A/RES/46/77", "A/RES/79/327", "A/RES/1472(XIV)",
                                                          "A/RES/69/85"]),
    (["Security Council resolutions", "1325 (2000)", "1820 (2008)"], ["S/RES/1325(2000)", "S/RES/1820(2008)"]),
    (["Economic and Social Council resolutions and decisions", "1992/19 Communications on the status of women",
      "1999/257 Enabling the Commission on the Status of Women"], ["E/RES/1992/19", "E/DEC/1999/257"]),
    (["General Assembly resolutions and decisions", "71/222 International Decade for Action",
      "78/558 Enhancing action on sea level rise"], ["A/RES/71/222", "A/DEC/78/558"]),
    (["Economic and Social Council resolutions",
      "9 (I) Commission on Narcotic Drugs 1992/1 Establishment of the Commission on Crime Prevention"],
     ["E/RES/9(I)", "E/RES/1992/1"]),
    # not a table: a heading of another kind ends it; a sentence is not a row
    (["General Assembly resolutions", "79/201 Entrepreneurship", "Commission for Social Development resolutions",
      "45/2 Youth"], ["A/RES/79/201"]),
    (["2.16 The programme delivered 45 outputs in 2025.", "79/201 Entrepreneurship"], []),
])
def test_mandate_table_rows(paragraphs, expected):
    from ingest.find import extract_explicit
    doc = parse_text("\n\n".join(paragraphs), file="A_81_6_Sect.99.txt")
    assert [r.target for r in extract_explicit(doc)] == expected


@pytest.mark.parametrize("row, expected", [
    # the part a row cites, after its number, is the pinpoint, not the start of the title (A/81/6 (Sect. 2), p78)
    ("80/243, sect. XVI Special subjects relating to the proposed programme budget for 2026",
     [("A/RES/80/243", "section XVI", "sect. XVI", "Special subjects relating to the proposed programme budget for 2026")]),
    ("79/258, section IX, para. 4 Special subjects", [("A/RES/79/258", "section IX, para. 4", "section IX, para. 4",
                                                       "Special subjects")]),
    ("46/77; 79/327, annex Revitalization of the work of the General Assembly",
     [("A/RES/46/77", None, None, "Revitalization of the work of the General Assembly"),
      ("A/RES/79/327", "annex", "annex", "Revitalization of the work of the General Assembly")]),
    # negative rows: a title that only starts like a part stays the title
    ("79/201 Entrepreneurship for sustainable development",
     [("A/RES/79/201", None, None, "Entrepreneurship for sustainable development")]),
    ("71/243 Section of the quadrennial review", [("A/RES/71/243", None, None, "Section of the quadrennial review")]),
])
def test_a_mandate_rows_part_is_its_pinpoint(row, expected):
    from ingest.find import extract_explicit
    doc = parse_text(f"General Assembly resolutions\n\n{row}\n\n80/127 Promoting investments\n\n80/128 Other rows",
                     file="A_81_6_Sect.99.txt")
    assert [(r.target, r.pinpoint, r.pinpoint_written, r.target_title) for r in extract_explicit(doc)] == [
        *expected, ("A/RES/80/127", None, None, "Promoting investments"), ("A/RES/80/128", None, None, "Other rows")]


def test_a_hyperlinked_symbol_is_a_reference():
    from ingest import extract
    doc = parse_text("The General Assembly,\n\nRecalling [the decision](https://docs.un.org/en/A/DEC/78/555) and its "
                     "resolution [78/250](https://docs.un.org/en/A/RES/78/250B) and "
                     "[section 17](https://docs.un.org/en/A/80/6(Sect.17%29),", file="x.docx", fmt="docx")
    got = [(r.target, r.evidence, r.surface) for r in extract(doc)]
    assert got == [("A/DEC/78/555", "link", "the decision"), ("A/RES/78/250", "text+link", "78/250"),
                   ("A/80/6(Sect.17)", "link", "section 17")]


@pytest.mark.parametrize("text, source, expected", [
    # another body's text (UNEP Governing Council, UN-Habitat, ECE): its own decisions are not ours ...
    ("Recalling its decisions 22/1 of 7 February 2003, on early warning, and 24/2 and 25/2, of 9 February 2007 "
     "and 20 February 2011, respectively,", "UNEP/GC/SS.XII/4", []),
    ("Recalling its decision 2022/4 on the conclusion of the review of the Protocol", "ECE/EB.AIR/154", []),
    # ... but "its resolution" may still be the Assembly's, where the Assembly's numbering fits
    ("In its resolution 32/162 of 19 December 1977 concerning institutional arrangements", "HSP/GC/19/11",
     ["A/RES/32/162"]),
    ("In its resolution S-25/2, the Assembly also encouraged", "HSP/GC/19/4", ["A/RES/S-25/2"]),
    ("and General Assembly resolution 2997 (XXVII) of 15 December 1972", "UNEP/GC/SS.XII/4", ["A/RES/2997(XXVII)"]),
    # the General Assembly's own reports keep "its" as the Assembly
    ("Recalling its decision 77/568 of 1 September 2023", "A/78/100", ["A/DEC/77/568"]),
    # a Human Rights Council report speaks for the Council, an Environment Assembly text for UNEA
    ("In its resolution 52/1, the Council decided", "A/HRC/55/10", ["A/HRC/RES/52/1"]),
    ("Recalling its resolution 5/14", "UNEP/EA.6/2", ["UNEP/EA.5/Res.14"]),
])
def test_another_bodys_text(text, source, expected):
    assert [r.target for r in ingest.extract_text(text, source=source)] == expected


def test_a_council_named_ends_the_carried_assembly():
    # A_HRC_RES_40_11: "Council resolutions on ..., the most recent of which are resolutions 31/8 ..." are the HRC's
    text = ("and General Assembly resolutions 68/181 of 18 December 2013 and 72/247 of 24 December 2017, and "
            "recalling also Council resolutions on human rights and the environment, the most recent of which are "
            "resolutions 31/8 of 23 March 2016 and 37/8 of 22 March 2018,")
    assert targets(text, "HRC") == ["A/RES/68/181", "A/RES/72/247", "A/HRC/RES/31/8", "A/HRC/RES/37/8"]
    # a misprinted date ("44/17 of 1 November 1991" for 1989) keeps the carried body (S_RES_1197(1998))
    text = "the resolutions of the General Assembly, in particular resolutions 43/12 of 25 October 1988, 44/17 of 1 November 1991"
    assert targets(text, "SC") == ["A/RES/43/12", "A/RES/44/17"]


def test_a_subject_ends_before_the_next_resolution():
    # A_RES_77_176, A_RES_65_151
    text = ("its resolutions 76/172 of 16 December 2021 on the protection of migrants and its resolution 62/270 of "
            "20 June 2008 on the Global Forum on Migration and Development")
    assert [(h.target, h.target_subject) for h in find_in_text(text, "GA")] == [
        ("A/RES/76/172", "the protection of migrants"),
        ("A/RES/62/270", "the Global Forum on Migration and Development")]


@pytest.mark.parametrize("text, speaker, subject", [
    # a title-case agenda keeps its commas (S_RES_2250(2015)) ...
    ("its resolutions 1325 (2000) and 2242 (2015) on Women, Peace and Security and all relevant statements", "SC",
     "Women, Peace and Security"),
    ("resolution 74/1 on the United Nations Regional Centre for Peace, Disarmament and Development in Latin America "
     "and the Caribbean", "GA", "the United Nations Regional Centre for Peace, Disarmament and Development in Latin "
                                "America and the Caribbean"),
    # ... but a subject ends before another body's resolution, and before "and all subsequent" (A_RES_72_311)
    ("resolution 73/154 on protecting children from bullying, Economic and Social Council resolution 2019/1", "GA",
     "protecting children from bullying"),
    ("its resolution 46/182 of 19 December 1991 on the strengthening of the coordination of emergency humanitarian "
     "assistance of the United Nations and all subsequent resolutions", "GA",
     "the strengthening of the coordination of emergency humanitarian assistance of the United Nations"),
    # "and its" is part of a title ("Globalization and its impact on ...")
    ("Recalling Commission on Human Rights resolution 2005/17 of 14 April 2005 on globalization and its impact on "
     "the full enjoyment of all human rights,", "HRC", "globalization and its impact on the full enjoyment of all human "
                                                     "rights"),
])
def test_where_a_subject_ends(text, speaker, subject):
    assert subject in [h.target_subject for h in find_in_text(text, speaker)]


@pytest.mark.parametrize("text, speaker, target, subject", [
    # a subject that stops on a word needing what follows (before the next reference) was cut mid-phrase:
    # none (A_HRC_PRST_OS_14_2, A_RES_68_74, UNEP_EA.5_RES.13 of the shared corpus)
    ("in accordance with its decision 6/102 of 27 September 2007 on the follow-up to Human Rights Council "
     "resolution 5/1,", "HRC", "A/HRC/DEC/6/102", None),
    ("Recalling its resolution 59/115 of 10 December 2004 on the application of the concept of the "
     "\u201cState\u201d,", "GA", "A/RES/59/115", None),
    # negative rows: a whole subject stays (the next reference's words are not part of it), a long one cut
    # for its length too
    ("Recalling General Assembly resolution 72/254 on human resources management and resolution 73/1,", "UNEA",
     "A/RES/72/254", "human resources management"),
    ("Recalling its resolution 59/115 of 10 December 2004 on the application of the concept of the State,", "GA",
     "A/RES/59/115", "the application of the concept of the State"),
    ("Recalling its resolution 62/156 of 18 December 2007 on the protection of migrants,", "GA", "A/RES/62/156",
     "the protection of migrants"),
    ("Recalling its resolution 62/156 on " + "the protection of the rights of all migrant workers and of " * 4 + "others,",
     "GA", "A/RES/62/156", ("the protection of the rights of all migrant workers and of " * 4)[:199].rstrip() + "\u2026"),
])
def test_a_subject_cut_mid_phrase_is_none(text, speaker, target, subject):
    assert [(h.target, h.target_subject) for h in find_in_text(text, speaker) if h.target == target] == [(target, subject)]


@pytest.mark.parametrize("text, target, date", [
    # a date no document can have is a misprint: the reference stays, its date goes (A_RES_73_276 prints
    # "resolution 72/256 of 24 December 2107"; the node would be dated 2107)
    ("Recalling its resolution 72/256 of 24 December 2107 on the financing", "A/RES/72/256", None),
    ("Recalling its resolution 72/256 of 24 December 1017 on the financing", "A/RES/72/256", None),
    # negative rows: a date that can be stays
    ("Recalling its resolution 72/256 of 24 December 2017 on the financing", "A/RES/72/256", "2017-12-24"),
    ("Recalling its resolution 217 A (III) of 10 December 1948", "A/RES/217(III)", "1948-12-10"),
])
def test_a_misprinted_year_is_no_date_of_the_target(text, target, date):
    h = find_in_text(text, "GA")[0]
    assert (h.target, h.target_date) == (target, date)


@pytest.mark.parametrize("text, speaker, dated", [
    # several dates after a list, one per number: each its own, in order (the last took the first before)
    ("Recalling General Assembly resolutions 60/1 and 60/251 of 24 October 2005 and 15 March 2006, respectively,",
     "HRC", [("A/RES/60/1", "2005-10-24"), ("A/RES/60/251", "2006-03-15")]),
    ("Recalling its resolutions 52/12 A and 52/12 B of 12 November and 19 December 1997, respectively,",  # A_RES_56_253
     "GA", [("A/RES/52/12", "1997-11-12"), ("A/RES/52/12", "1997-12-19")]),
    ("Recalling its resolutions 70/299, 71/243 and 72/279 of 29 July 2016, 21 December 2016 and 31 May 2018,",
     "GA", [("A/RES/70/299", "2016-07-29"), ("A/RES/71/243", "2016-12-21"), ("A/RES/72/279", "2018-05-31")]),
    # more dates than one, not one per number: none is told
    ("Recalling General Assembly resolutions 70/1, 71/313 and 72/279 of 25 September 2015 and 6 July 2017,",
     "HRC", [("A/RES/70/1", None), ("A/RES/71/313", None), ("A/RES/72/279", None)]),
    # negative rows: one date after a list is the last number's alone, as the UN writes it (A_RES_77_230,
    # A_RES_78_85: 1514 (XV) is of 14 December 1960); a number's own date stays its own
    ("Recalling Security Council resolutions 2170 (2014), 2178 (2014) and 2253 (2015) of 17 December 2015,",
     "GA", [("S/RES/2170(2014)", None), ("S/RES/2178(2014)", None), ("S/RES/2253(2015)", "2015-12-17")]),
    ("Recalling its resolutions 1514 (XV) and 1541 (XV) of 15 December 1960,",
     "GA", [("A/RES/1514(XV)", None), ("A/RES/1541(XV)", "1960-12-15")]),
    ("Recalling its resolutions 5/1 and 5/2 of 18 June 2007,", "HRC",
     [("A/HRC/RES/5/1", None), ("A/HRC/RES/5/2", "2007-06-18")]),
    ("Recalling General Assembly resolution 60/1 of 24 October 2005 and 60/251 of 15 March 2006,",
     "HRC", [("A/RES/60/1", "2005-10-24"), ("A/RES/60/251", "2006-03-15")]),
])
def test_dates_after_a_list_of_numbers(text, speaker, dated):
    assert [(h.target, h.target_date) for h in find_in_text(text, speaker)] == dated


# ---------------------------------------------------------------- keyword_cues: one pass over a document's texts

from ingest.find.numbers import keyword_starts
from ingest.find.scan import keyword_cues

# (texts, expected cues: the texts find_in_text reads past its first test, with their keyword starts)
CUES = [
    # A/RES/79/194: a keyword, a written symbol, nothing a reference starts with
    (["Recalling its resolution 78/132 of 19 December 2023", "See A/C.2/59/3, annex.", "Noting with concern the report."],
     {"Recalling its resolution 78/132 of 19 December 2023": [14], "See A/C.2/59/3, annex.": []}),
    # a keyword at the text's very start is found a letter before its stem, from the second letter on: not at 0
    (["Resolution 217 A (III).", "resolutions 56/183 and 57/238"], {"Resolution 217 A (III).": [0],
                                                                     "resolutions 56/183 and 57/238": [0]}),
    # a code's keyword starts after the code ("HRC Res 52/1"); an abbreviation's a letter before its stem (as
    # keyword_starts gives them: "GA res." twice, by its stem "es." and after its code)
    (["Human Rights Council (HRC Res 52/1)", "GA res. 75/1"], {"Human Rights Council (HRC Res 52/1)": [26],
                                                               "GA res. 75/1": [3, 3]}),
    # a bare Security Council number in brackets, a year; the same text twice is one entry
    (["the values set forth in 2367 (2017)", "the values set forth in 2367 (2017)"],
     {"the values set forth in 2367 (2017)": []}),
    # negative rows: no keyword, no slash, no "(19"/"(20"
    (["Decides to remain seized of the matter.", "Welcomes the report (2nd edition)."], {}),
    ([], {}),
]


@pytest.mark.parametrize("texts, expected", CUES)
def test_keyword_cues(texts, expected):
    assert keyword_cues(texts) == expected


def test_keyword_cues_are_find_in_texts_own_on_real_text():
    """On every paragraph of the sample corpus: a text keyword_cues leaves out has no hit, and the
    starts it gives are keyword_starts's (sorted); find_in_text reads the same hits with them."""
    root = pathlib.Path(__file__).resolve().parent.parent / "samples"
    files = [root / "A_RES_79_194.md", *sorted((root / "text").glob("*.txt"))]
    for f in files:
        d = parse_text(f.read_text(encoding="utf-8"), file=f.name)
        texts = [p.text for p in d.paragraphs]
        cues = keyword_cues(texts)
        assert len(cues) > 0
        for t in texts:
            if t not in cues:
                assert find_in_text(t) == [], (f.name, t[:80])
            else:
                assert cues[t] == sorted(keyword_starts(t)), (f.name, t[:80])
                assert find_in_text(t, starts=cues[t]) == find_in_text(t), (f.name, t[:80])


@pytest.mark.parametrize("chunk", [1, 5, 64, 4096])
def test_keyword_cues_read_a_chunk_at_a_time_find_what_one_read_finds(monkeypatch, chunk):
    """The automaton reads the joined texts a chunk at a time (a text of one literal repeated holds a match
    every few characters: 16 MB of "A/" held 8 million at once); a literal across two chunks is found once,
    in the chunk where it starts. Chunks from one character (every literal across a joint) up."""
    import ingest.find.scan as scan

    root = pathlib.Path(__file__).resolve().parent.parent / "samples"
    files = [root / "A_RES_79_194.md", *sorted((root / "text").glob("*.txt"))[:6]]
    docs = [[p.text for p in parse_text(f.read_text(encoding="utf-8"), file=f.name).paragraphs] for f in files]
    docs += [t for t, _ in CUES] + [["A/" * 5000 + " resolution 70/1"]]
    whole = [keyword_cues(texts) for texts in docs]
    monkeypatch.setattr(scan, "_CUE_CHUNK", chunk)
    assert [keyword_cues(texts) for texts in docs] == whole
    joined = "\x00".join(docs[0])
    assert sorted(scan._cue_matches(joined)) == sorted(scan._CUES.find_matches_as_indexes(joined, overlapping=True))
