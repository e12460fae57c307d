"""ingest.find.pinpoints: the part of the cited document a reference points to."""
import doctest

import pytest

from ingest.find import pinpoints
from ingest.find.pinpoints import join_pins, norm_pin, part_pinpoint, pin_after, pins_before


def test_doctests():
    assert doctest.testmod(pinpoints).failed == 0


@pytest.mark.parametrize("written, normal", [
    ("section I(B)", "section I.B"),
    ("chap. IV (A)", "chapter IV.A"),
    ("section 18 (b)", "section 18 (b)"),  # A_RES_52_220 op187: a lower-case letter stays as written
    ("paragraph 71", "para. 71"),
    ("paragraphs 50 and 52", "paras. 50 and 52"),
    ("subparagraph 3", "para. 3"),
    ("para. 21", "para. 21"),
    ("paras. 3-5", "paras. 3-5"),
    # no full stop (issue 14)
    ("para 67", "para. 67"),
    ("paras 60-62", "paras. 60-62"),
    # one normal form for a range, however written (explore6 D9): "paras. 60-62", as the README promises
    ("paras 60–62", "paras. 60-62"),
    ("paragraphs 60 to 62", "paras. 60-62"),
    ("paragraphs 60 - 62", "paras. 60-62"),
    ("paras. 113, 119 to 124", "paras. 113, 119-124"),
    ("pages 3–5", "pp. 3-5"),
    ("chapters I to III", "chapters I-III"),
    ("paragraphs 50 and 52", "paras. 50 and 52"),   # not a range
    # a subparagraph's roman-numbered level, and a subparagraph written before its paragraph (explore6 D10)
    ("paragraph 4 (a) (ii)", "para. 4 (a) (ii)"),
    ("paragraph 4 (a)(ii)", "para. 4 (a) (ii)"),
    ("paragraph 22(c)", "para. 22 (c)"),
    ("subparagraph (a) of paragraph 4", "para. 4 (a)"),
    ("subparagraphs (a) and (b) of operative paragraph 2", "para. 2 (a) and (b)"),
    ("subparagraph (b) (iii) of paragraph 8", "para. 8 (b) (iii)"),
    # ordinal and operative/preambular paragraphs
    ("the thirteenth preambular paragraph", "preambular para. 13"),
    ("the fourth operative paragraph", "para. 4"),
    ("operative paragraph 4", "para. 4"),
    ("preambular paragraph 3", "preambular para. 3"),
    ("twenty-first preambular paragraph", "preambular para. 21"),
    # articles, chapters, sections
    ("Article 31", "article 31"),
    ("Arts. 97 and 98", "articles 97 and 98"),
    ("art. 2 (4)", "article 2 (4)"),
    ("Articles 10 to 14", "articles 10-14"),
    ("Chapter VII", "chapter VII"),
    ("chap. I.B", "chapter I.B"),
    ("chaps. I and II", "chapters I and II"),
    ("section VI", "section VI"),
    ("sect. IV", "section IV"),
    ("sections II and III", "sections II and III"),
    ("chap. II", "chapter II"),
    # annexes
    ("annex", "annex"),
    ("annexes I", "annex I"),
    ("Annex II", "annex II"),
    ("annex III", "annex III"),
    ("annexes I and II", "annexes I and II"),
    ("Part A", "part A"),
    (None, None), ("", None),
])
def test_norm_pin(written, normal):
    assert norm_pin(written) == normal


def before(text):
    return [tuple(p) for p in pins_before(text, len(text) - len("resolution"))]


@pytest.mark.parametrize("text, pins", [
    ("in accordance with paragraph 71 of General Assembly resolution", [("para. 71", "paragraph 71")]),  # A/RES/79/194
    ("paragraphs 50 and 52 of section XI of its resolution",
     [("paras. 50 and 52", "paragraphs 50 and 52"), ("section XI", "section XI")]),
    ("annex to its resolution", [("annex", "annex")]),
    # S/RES/2139 (2014)-like: an ordinal preambular paragraph
    ("Recalling the thirteenth preambular paragraph of resolution", [("preambular para. 13",
                                                                      "the thirteenth preambular paragraph")]),
    ("as requested in operative paragraph 4 of its resolution", [("para. 4", "operative paragraph 4")]),
    ("pursuant to para 7 of resolution", [("para. 7", "para 7")]),
    ("in Article 5 of resolution", [("article 5", "Article 5")]),
    # A/RES/65/281: a paragraph of the annex; ECE/TRANS/254: a lettered section of an ECOSOC resolution
    ("established pursuant to paragraph 47 of the annex to Council resolution",
     [("para. 47", "paragraph 47"), ("annex", "annex")]),
    ("in accordance with operative paragraph 1 of section B of resolution",
     [("para. 1", "operative paragraph 1"), ("section B", "section B")]),
    ("paragraph 3 of annex II to resolution", [("para. 3", "paragraph 3"), ("annex II", "annex II")]),
    ("as per article 5.2 of resolution", [("article 5.2", "article 5.2")]),
    # explore6 D10: "paragraph 8 (b) (ii) of resolution 71/243" as the Assembly cites its operative paragraphs
    ("Recalling paragraph 4 (a) (ii) of resolution", [("para. 4 (a) (ii)", "paragraph 4 (a) (ii)")]),
    ("Recalling paragraph 4 (a)(ii) of resolution", [("para. 4 (a) (ii)", "paragraph 4 (a)(ii)")]),
    ("Recalling subparagraph (a) of paragraph 4 of resolution", [("para. 4 (a)", "subparagraph (a) of paragraph 4")]),
    ("Recalling paragraphs 60–62 of resolution", [("paras. 60-62", "paragraphs 60–62")]),
    # no pinpoint
    ("Recalling its resolution", []),
    ("paragraph 71, and its resolution", []),
    ("the first session of the resolution", []),
    ("the third committee of its resolution", []),
    ("subparagraph (a) of the resolution", []),
])
def test_pins_before(text, pins):
    assert before(text) == pins


def after(text):
    return [tuple(p) for p in pin_after(text)]


@pytest.mark.parametrize("text, pins", [
    (", annex, and", [("annex", "annex")]),
    (", para. 21)]", [("para. 21", "para. 21")]),
    (", section II.B,", [("section II.B", "section II.B")]),
    # as footnotes and reports write them (issue 14)
    (", para 67).", [("para. 67", "para 67")]),
    (", paras 60-62.", [("paras. 60-62", "paras 60-62")]),
    (", chap. I.B.", [("chapter I.B", "chap. I.B")]),
    (", sect. VI).", [("section VI", "sect. VI")]),
    (", annex III.", [("annex III", "annex III")]),
    (", annex, para. 4.", [("annex", "annex"), ("para. 4", "para. 4")]),
    (", annex I, sect. B", [("annex I", "annex I"), ("section B", "sect. B")]),
    (", annexes I and II;", [("annexes I and II", "annexes I and II")]),
    (", Arts. 97 and 98", [("articles 97 and 98", "Arts. 97 and 98")]),
    (", chap. IV, para. 12.", [("chapter IV", "chap. IV"), ("para. 12", "para. 12")]),
    # the next reference's paragraphs, not this one's (A/RES/76/72)
    (", paragraphs 113 and 119 to 124 of resolution 64/72", []),
    (" of 19 December 2023", []),
    # a list goes on: the next number is no paragraph
    (", para. 4, and 70/1", [("para. 4", "para. 4")]),
    (", 70/2 and 70/3", []),
    (", paragraph 3/4", []),
    (", particularly", []),
    (", annexed", []),
    (", partly", []),
    # a subdivision in brackets (ECE_TRANS_274 p230), and a paragraph after it with no comma between
    (", section I(B) para. 2, p. 4)", [("section I.B", "section I(B)"), ("para. 2", "para. 2"), ("p. 4", "p. 4")]),
    (", chap. IV (A), para. 3.", [("chapter IV.A", "chap. IV (A)"), ("para. 3", "para. 3")]),
    (", sect. II(C).", [("section II.C", "sect. II(C)")]),
    # negative rows: no brackets, no division before the space, a lower-case letter kept as written
    (", section I para. 2", [("section I", "section I")]),
    (", annex I para. 2", [("annex I", "annex I")]),
    (", para. 3(a) para. 4", [("para. 3 (a)", "para. 3(a)")]),
    # a roman-numbered level after a lettered one (explore6 D10); an upper-case letter is none
    (", paragraph 4 (a) (ii).", [("para. 4 (a) (ii)", "paragraph 4 (a) (ii)")]),
    (", paras 60 to 62;", [("paras. 60-62", "paras 60 to 62")]),
    (", paragraph 4 (a) (B)", [("para. 4 (a)", "paragraph 4 (a)")]),
    (", subparagraph (a)", []),
])
def test_pin_after(text, pins):
    assert after(text) == pins


@pytest.mark.parametrize("num, part, target, pin", [
    ("50/70", "K", "A/RES/50/70", "K"),          # before the 57th session: a pinpoint
    ("217 A (III)", None, "A/RES/217(III)", "A"),
    ("65/37", "A and B", "A/RES/65/37", "A-B"),
    ("75/290", "B", "A/RES/75/290B", None),      # a document of its own
    ("70/1", None, "A/RES/70/1", None),
])
def test_part_pinpoint(num, part, target, pin):
    assert part_pinpoint(num, part, target) == pin


def test_join_pins_keeps_each_once_in_order():
    assert join_pins("A", None, "para. 3", "A") == "A, para. 3"
    assert join_pins(None, None) is None


# pages (pinpoints.toml [[unit]] page: "p.", "pp.", "page", "pages")
@pytest.mark.parametrize("written, normal", [
    ("p. 12", "p. 12"), ("pp. 3-5", "pp. 3-5"), ("page 41", "p. 41"), ("pages 3-5", "pp. 3-5"),
    ("pages 76, 77 and 78", "pp. 76, 77 and 78"), ("pages 25 and 26", "pp. 25 and 26"),
])
def test_norm_pin_pages(written, normal):
    assert norm_pin(written) == normal


@pytest.mark.parametrize("text, pins", [
    (", p. 12", ["p. 12"]),
    (", pp. 34-36)", ["pp. 34-36"]),
    (", page 41", ["p. 41"]),
    (", section I(B) para. 2, p. 4)", ["section I.B", "para. 2", "p. 4"]),
    # negative rows: not a page of it
    (" at 3 p.m.", []),
    (", p.m.", []),
    (", page", []),
])
def test_pin_after_pages(text, pins):
    assert [p.normal for p in pin_after(text)] == pins


@pytest.mark.parametrize("text, speaker, found", [
    # the part cited after the date (A_RES_63_1, HSP_GC_24_7) or after "in particular" (A_RES_78_330, A_RES_78_202)
    ("Recalling its resolution 62/242 of 4 March 2007, in particular paragraph 5,", "GA", [("A/RES/62/242", "para. 5")]),
    ("resolution S-25/2 of 9 June 2001, paragraph 65, which, inter alia, reiterated", "GA", [("A/RES/S-25/2", "para. 65")]),
    ("Recalling its resolution 77/278, in particular paragraph 34 thereof,", "GA", [("A/RES/77/278", "para. 34")]),
    ("Recalling its resolution 3281 (XXIX) of 12 December 1974, in particular article 32 thereof,", "GA",
     [("A/RES/3281(XXIX)", "article 32")]),
    ("Recalling resolution 5/1 of 18 June 2007, annex, para. 3,", "HRC", [("A/HRC/RES/5/1", "annex, para. 3")]),
    # the parts before ", of its resolution" are the next reference's, with or without a date before them
    # (A_RES_71_272_B, A_RES_69_250: 66/233 took "section III, para. 15, para. 2" before)
    ("Recalling its resolution 42/214 of 21 December 1987, section IV, paragraph 14, of its resolution 53/214 of "
     "18 December 1998, section XV of its resolution 62/238,", "GA",
     [("A/RES/42/214", None), ("A/RES/53/214", "section IV, para. 14"), ("A/RES/62/238", "section XV")]),
    ("recalls section III, paragraph 15, of its resolution 66/233, section III, paragraph 2, of its resolution "
     "67/237 and section III, paragraph 38, of its resolution 68/251;", "GA",
     [("A/RES/66/233", "section III, para. 15"), ("A/RES/67/237", "section III, para. 2"),
      ("A/RES/68/251", "section III, para. 38")]),
    # negative rows: no part named, a date alone, another reference after the date
    ("Recalling its resolution 62/242 of 4 March 2007, in particular,", "GA", [("A/RES/62/242", None)]),
    ("Recalling its resolution 62/242 of 4 March 2007, and its resolution 63/1,", "GA",
     [("A/RES/62/242", None), ("A/RES/63/1", None)]),
])
def test_the_part_cited_after_a_date_or_in_particular(text, speaker, found):
    from ingest import find_in_text

    assert [(h.target, h.pinpoint) for h in find_in_text(text, speaker)] == found
