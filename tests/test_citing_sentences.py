"""Relations and pinpoints on real sentences of the shared corpus (issue 14's table of 60 sentences).

Each row names a file of ``../shared/corpus/text``, the paragraph, the cited target and the words of
the real sentence around the reference (verbatim: the row fails if the text changes), with the
relation (a lemma of ``ingest/data/relations.toml``, or None) and the pinpoint (the normal form of
``ingest/data/pinpoints.toml``, or None) a UN specialist reads there. Resolutions' preambular and
operative paragraphs, report paragraphs, presidential statements, footnotes printed as paragraphs
("31 See A/35/362.") and the rules' traps (another clause's verb, a relative clause of the object,
an aside in brackets, nouns that look like verbs) are all here.
"""
import functools

import pytest

import ingest
from conftest import SHARED

TEXT = SHARED / "corpus" / "text" if SHARED else None

pytestmark = pytest.mark.skipif(TEXT is None or not TEXT.is_dir(), reason="../shared/corpus/text is not here")


@functools.lru_cache(maxsize=None)
def _extract(name):
    return ingest.extract_file(TEXT / name)


def reference(name, pid, target, words):
    """The reference to ``target`` in paragraph ``pid`` of ``name`` that lies in ``words``."""
    doc, refs = _extract(name)
    text = doc.paragraph(pid).text
    at = text.find(words)
    assert at >= 0, f"{words!r} is not in {name} {pid}"
    found = [r for r in refs if r.paragraph == pid and r.target == target and r.footnote is None
             and at <= r.start < at + len(words)]
    assert found, f"no reference to {target} in {words!r}"
    return found[0]


# (file, paragraph, target, the words of the sentence around the reference, relation, pinpoint)
SENTENCES = [
    # --- resolutions: preambular and operative paragraphs
    ("A_RES_79_223.txt", "pp6", "A/RES/69/313", "Reaffirming its resolution 69/313 of 27 July 2015", "reaffirm", None),
    ("A_RES_69_225.txt", "pp9", "A/RES/68/309", "Recalling its resolution 68/309 of 10 September 2014", "recall", None),
    ("A_RES_79_216.txt", "pp1", "A/RES/62/199", "Recalling its resolutions 62/199 of 19 December 2007", "recall", None),
    ("A_HRC_RES_48_14.txt", "pp13", "A/HRC/RES/40/11", "Reaffirming Human Rights Council resolution 40/11, in which",
     "reaffirm", None),
    ("A_HRC_RES_55_20.txt", "pp2", "S/RES/2669(2022)", "Welcoming Security Council resolution 2669 (2022)", "welcome",
     None),
    ("S_RES_2719(2023).txt", "pp3", "S/RES/2320(2016)",
     "Mindful of all its previous relevant resolutions and statements by its President, especially resolutions 2320 (2016)",
     "mindful", None),
    ("S_RES_2220(2015).txt", "pp26", "S/2015/289", "entitled “Small arms and light weapons” (S/2015/289)", "welcome", None),
    ("A_RES_77_222.txt", "pp5", "A/HRC/RES/48/9", "the most recent of which was resolution 48/9 of 8 October 2021",
     "recall", None),
    # a list goes on across "in which ..." clauses under the verb of its keyword
    ("A_HRC_RES_57_3.txt", "pp9", "A/HRC/RES/50/14",
     "in which the Council appointed a special rapporteur to monitor the situation of human rights in Afghanistan, 50/14",
     "recall", None),
    # a relative clause of the object: its own verb ("established by"), or none ("which is an integral part of")
    ("S_RES_2368(2017).txt", "op75", "S/RES/1904(2009)", "the Office of the Ombudsperson, established by resolution 1904 (2009)",
     "establish", None),
    ("S_RES_2216(2015).txt", "p50", "S/RES/2204(2015)", "and renewed by resolution 2204 (2015)", "renew", None),
    ("A_RES_73_239.txt", "pp3", "A/RES/70/1", "which is an integral part of the 2030 Agenda for Sustainable Development",
     None, None),
    ("A_RES_77_173.txt", "pp3", "A/RES/70/1", "which is an integral part of the 2030 Agenda for Sustainable Development",
     None, None),
    # the clause's own verb, not the paragraph's: "Decides to extend ..., as set out in" (a complement: decide)
    ("A_HRC_RES_51_29.txt", "op9", "A/HRC/RES/45/20", "as set out in Human Rights Council resolution 45/20", "decide",
     None),
    ("S_RES_2760(2024).txt", "op17", "S/RES/2589(2021)", "and requests the Secretary-General to implement the provisions of resolution 2589 (2021)",
     "request", None),
    ("A_RES_78_302.txt", "op21", "A/RES/76/239", "in accordance with the levels updated in its resolution 76/239",
     "in accordance with", None),
    ("A_HRC_RES_53_30.txt", "op1", "A/HRC/RES/32/29", "in accordance with Council resolutions 29/23, 32/29",
     "in accordance with", None),
    ("A_RES_77_248.txt", "op387", "A/CONF.151/26/Rev.1(Vol.I)",
     "consistent with the framework provided by the Convention and chapter 17 of Agenda 21", "in accordance with",
     "resolution 1, annex II, chapter 17"),
    ("S_PRST_2015_23.txt", "p249", "S/RES/1960(2010)", "pursuant to resolution 1960 (2010)", "pursuant to", None),
    ("A_RES_79_9.txt", "pp12", "A/RES/77/18", "pursuant to General Assembly resolution 77/18", "pursuant to", None),
    ("S_RES_2714(2023).txt", "pp11", "Charter of the United Nations", "Acting under Chapter VII of the Charter of the United Nations",
     "pursuant to", "chapter VII"),
    # pinpoints in resolutions
    ("A_RES_68_70.txt", "op208", "A/RES/67/78", "pursuant to paragraph 182 of resolution 67/78", "pursuant to", "para. 182"),
    ("S_RES_2444(2018).txt", "op18", "S/RES/2142(2014)", "Decides to renew the provisions set out in paragraph 2 of resolution 2142 (2014)",
     "decide", "para. 2"),
    ("S_RES_2731(2024).txt", "op16", "S/RES/2206(2015)", "reaffirms that the provisions of paragraphs 9 and 12 of resolution 2206 (2015)",
     "reaffirm", "paras. 9 and 12"),
    ("A_RES_67_246.txt", "op137", "A/RES/63/270", "Recalls paragraph 33 of its resolution 63/270", "recall", "para. 33"),
    ("E_RES_2022_8.txt", "op4", "A/RES/67/221", "in accordance with paragraph 21 of General Assembly resolution 67/221",
     "in accordance with", "para. 21"),
    ("A_RES_63_271.txt", "op10", "A/RES/63/250", "Recalls paragraph 4 of section II of its resolution 63/250", "recall",
     "para. 4, section II"),
    ("A_RES_65_259.txt", "op94", "A/RES/59/276", "section VII of its resolution 59/276 of 23 December 2004", "recall",
     "section VII"),
    ("A_RES_76_147.txt", "op7", "A/RES/74/133", "Reaffirms section I of its resolution 74/133", "reaffirm", "section I"),
    ("A_RES_62_247.txt", "pp1", "A/RES/57/282", "57/282, section IV, of 20 December 2002", "recall", "section IV"),
    ("A_RES_69_262.txt", "pp2", "A/RES/65/243", "its resolution 65/243 A and section II.B", "recall", "A"),
    ("A_RES_69_262.txt", "op113", "A/DEC/68/549", "its decision 68/549 B of 9 April 2014", "recall", "B"),
    ("A_RES_79_30.txt", "pp10", "A/RES/53/77", "the implementation of resolution 53/77 D", "bear in mind", "D"),
    ("S_RES_2769(2025).txt", "op3", "S/RES/2174(2014)", "and paragraph 8 of resolution 2174 (2014), which decided",
     "reiterate", "para. 8"),
    ("A_RES_77_118.txt", "op189", "A/RES/64/72", "the implementation of paragraphs 113, 117 and 119 to 124 of resolution 64/72",
     "note", "paras. 113, 117 and 119-124"),
    ("A_RES_55_258.txt", "pp1", "Charter of the United Nations", "Recalling Articles 8, 97, 100 and 101 of the Charter of the United Nations",
     "recall", "articles 8, 97, 100 and 101"),
    ("A_RES_47_120.txt", "op13", "Charter of the United Nations", "in accordance with Article 99 of the Charter of the United Nations",
     "in accordance with", "article 99"),
    ("A_HRC_RES_32_5.txt", "pp2", "A/RES/217(III)", "Guided also by article 15 of the Universal Declaration of Human Rights",
     "guided by", "A, article 15"),
    ("A_HRC_RES_52_31.txt", "pp9", "A/RES/217(III)", "as set forth in article 12 of the Universal Declaration of Human Rights",
     "express", "A, article 12"),
    ("A_RES_75_206.txt", "pp22", "A/RES/58/4", "Reaffirming the importance of chapter V of the United Nations Convention against Corruption",
     "reaffirm", "annex, chapter V"),
    # --- report paragraphs, presidential statements, declarations
    ("E_FFDF_2024_3.txt", "p259", "A/RES/69/313", "pursuant to paragraphs 130 to 132 of the Addis Ababa Action Agenda",
     "pursuant to", "annex, paras. 130-132"),
    ("A_78_737.txt", "p9", "S/RES/2609(2021)", "should continue to implement that mandate in accordance with resolution 2609 (2021)",
     "in accordance with", None),
    ("ECE_TRANS_316.txt", "p107", "ECE/TRANS/WP.24/149", "as requested by WP.24 (ECE/TRANS/WP.24/149, para 82)", "request",
     "para. 82"),
    ("S_2016_489.txt", "p2", "S/PRST/2016/5", "as requested in S/PRST/2016/5", "request", None),
    ("A_79_767.txt", "p38", "A/RES/56/292", "pursuant to General Assembly resolution 56/292", "pursuant to", None),
    ("HSP_GC_25_2.txt", "p136", "E/RES/1996/31", "in accordance with the provisions contained in part VII of Council resolution 1996/31",
     "in accordance with", "part VII"),
    ("ECE_TRANS_248.txt", "p239", "ECE/TRANS/2015/19", "The Committee took into consideration the expected challenges for ITC and its subsidiary bodies in 2015 as contained in ECE/TRANS/2015/19",
     "take into account", None),
    ("ECE_TRANS_224.txt", "p195", "E/RES/2011/25", "The Committee noted that the Economic and Social Council adopted resolution 2011/25",
     "adopt", None),
    ("E_CN.9_2003_1.txt", "p32", "E/RES/1995/55", "which were endorsed by the Economic and Social Council in its resolution 1995/55",
     "endorse", None),
    ("ECE_TRANS_224.txt", "p226", "ECE/TRANS/2012/7", "The Committee approved the 2010–2011 biennium evaluation of the Committee’s work (ECE/TRANS/2012/7)",
     "approve", None),
    ("ECE_TRANS_316.txt", "p169", "ECE/AC.21/SC/2020/2", "(27-28 October 2021, Online) (ECE/AC.21/SC/2020/2)", "take note", None),
    ("ECE_TRANS_316.txt", "p202", "ECE/TRANS/2022/30", "and agreed to its request (ECE/TRANS/2022/30)", "agree", None),
    ("E_CN.9_2009_1.txt", "p44", "E/RES/1996/2", "The Economic and Social Council, in its resolution 1996/2, requested", "request",
     None),
    ("A_79_767.txt", "p99", "A/RES/78/295", "In its resolution 78/295, the General Assembly en", "endorse", None),
    ("A_520_REV.20.txt", "p65", "A/RES/2390(XXIII)", "by resolution 2390 (XXIII) of 25 November 1968, decided", "decide", None),
    ("A_520_REV.20.txt", "p30", "A/RES/377(V)", "by resolution 377 A (V) of 3 November 1950, adopted", "adopt", "A"),
    ("ECE_TRANS_236.txt", "p197", "ECE/TRANS/2013/14", "The Committee endorsed document ECE/TRANS/2013/14", "endorse", None),
    ("E_FFDF_2021_3.txt", "p47", "A/RES/75/215", "pursuant to the provisions of General Assembly resolution 75/215", "pursuant to",
     None),
    ("E_HLS_2024_1.txt", "p25", "Charter of the United Nations", "We reaffirm, in accordance with the Charter of the United Nations",
     "in accordance with", None),
    ("S_PRST_2018_3.txt", "p4", "S/RES/2364(2017)", "“The Security Council recalls its resolutions 2391 (2017), 2359 (2017), 2364 (2017)",
     "recall", None),
    ("S_PRST_2021_21.txt", "p35", "Charter of the United Nations", "in accordance with Chapter VIII of the Charter of the United Nations",
     "in accordance with", "chapter VIII"),
    ("A_79_767.txt", "p123", "A/78/744/Add.5", "in response to the recommendation of the Advisory Committee (A/78/744/Add.5, para. 30)",
     "in response to", "para. 30"),
    ("S_2024_711.txt", "p1", "S/RES/2700(2023)", "pursuant to paragraph 25 of resolution 2700 (2023)", "pursuant to", "para. 25"),
    ("S_PRST_2013_22.txt", "p10", "Charter of the United Nations",
     "need to be addressed in full conformity with the purposes and principles of the Charter of the United Nations",
     "in accordance with", None),
    ("A_RES_75_212.txt", "op2", "A/RES/73/226", "Also reaffirms its decision, in accordance with its resolution 73/226",
     "in accordance with", None),
    # asides in brackets: "see"
    ("ECE_TRANS_274.txt", "p214", "ECE/ADN/43", "(see agenda ECE/ADN/43 and Add.1)", "see", None),
    ("E_FFDF_2024_3.txt", "p131", "E/FFDF/2023/3", "(see E/FFDF/2023/3), it was decided", "see", None),
    ("E_CN.9_1998_1.txt", "p32", "E/1995/27", "(see E/1995/27, annex I, sect. III)", "see", "annex I, section III"),
    ("E_CN.9_2016_1.txt", "p25", "E/1997/25", "(see E/1997/25, para. 52)", "see", "para. 52"),
    ("E_CN.9_2016_1.txt", "p69", "E/DEC/2016/201", "(see decision 2016/201 B)", "see", "B"),
    ("E_CN.9_2014_1.txt", "p42", "E/2004/25", "(Commission resolution 2004/1, see E/2004/25, chap. I.B)", "see", "chapter I.B"),
    # pinpoints written without a full stop, after a symbol with no comma
    ("ECE_HBP_190.txt", "p83", "ECE/ENERGY/99",
     "Buildings was established by the Committee on Sustainable Energy (ECE/ENERGY/99 para 67 and Annex)", "establish",
     "para. 67"),
    # footnotes printed as paragraphs
    ("A_RES_35_201.txt", "pp29", "A/35/362", "31 See A/35/362.", "see", None),
    ("A_RES_2994(XXVII).txt", "op8", "A/RES/2997(XXVII)", "35 See resolution 2997 (XXVII), sect. I.", "see", "section I"),
    # --- no relation: the reference is not governed by a citing verb
    ("TD_519_ADD.2.txt", "p195", "A/RES/70/1", "The 2030 Agenda reaffirms the importance", None, None),
    ("ECE_HBP_190.txt", "p123", "ECE/HBP/2017/7", "Documentation: ECE/HBP/2017/7", None, None),
    ("ECE_TRANS_294.txt", "p346", "E/RES/1996/31", "respecting the principles set forth in Economic and Social Council resolution 1996/31, parts I and II",
     None, "parts I and II"),
    ("A_RES_76_181.txt", "header", "A/76/463", "[on the report of the Third Committee (A/76/463, para.", None, "para. 26"),
]


@pytest.mark.parametrize("name, pid, target, words, relation, pinpoint", SENTENCES)
def test_relation_and_pinpoint_of_a_real_sentence(name, pid, target, words, relation, pinpoint):
    r = reference(name, pid, target, words)
    assert (r.relation, r.pinpoint) == (relation, pinpoint)


def test_the_table_is_large_and_varied():
    assert len(SENTENCES) >= 60
    assert sum(1 for row in SENTENCES if row[1].startswith("p") and not row[1].startswith("pp")) >= 20  # reports
    assert sum(1 for row in SENTENCES if row[5]) >= 20  # with a pinpoint
    assert sum(1 for row in SENTENCES if row[4] is None) >= 5  # no relation: the traps
