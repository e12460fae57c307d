"""ingest.structure.blocks: markup -> blocks, marks, links and footnote definitions."""
import pytest

import ingest
from ingest import parse_text
from ingest.structure.blocks import clean_inline, split_blocks


def test_footnote_mark_never_joins_a_number():
    doc = parse_text("The General Assembly,\n\n*Reaffirming* resolution 70/1<sup>2</sup> of 2015,\n\n---\n\n"
                     "<sup>2</sup> See A/70/1.", file="x.md", fmt="markdown")
    p = doc.paragraph("pp1")
    assert "70/12" not in p.text and p.footnotes[0].text == "See A/70/1."


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


@pytest.mark.parametrize("raw, text, marks, links", [
    ("Recalling its resolution 70/1<sup>2</sup> of 2015", "Recalling its resolution 70/1 of 2015", [("2", 29)], []),
    ("*Reaffirming* resolution [77/267](https://docs.un.org/en/A/RES/77/267),", "Reaffirming resolution 77/267,", [],
     [("77/267", "https://docs.un.org/en/A/RES/77/267")]),
    ("### 44/25. Convention on the Rights of the Child", "44/25. Convention on the Rights of the Child", [], []),
    ("co\u00adoperation\u200b  and <em>development</em>", "cooperation and development", [], []),
    ("a mark <sup> 3 </sup> and a star<sup>*</sup>", "a mark and a star", [("3", 7), ("*", 17)], []),
    # not markup
    ("resolution 2720 (2023)", "resolution 2720 (2023)", [], []),
    ("snake_case_name and 5 * 3", "snake_case_name and 5 * 3", [], []),
])
def test_clean_inline(raw, text, marks, links):
    assert clean_inline(raw) == (text, marks, links)


def test_footnote_definitions_after_a_rule():
    blocks, notes = split_blocks("Recalling resolution 70/1<sup>1</sup>,\n\n---\n\n<sup>1</sup> See A/70/1.\n"
                                 "<sup>2</sup> Ibid.\n\nDecides to act,")
    assert [b.text for b in blocks] == ["Recalling resolution 70/1,", "Decides to act,"]
    assert notes == {"1": "See A/70/1.", "2": "Ibid."}
    assert blocks[1].after_notes and not blocks[0].after_notes


def test_a_page_break_is_kept_on_the_next_block():
    blocks, _ = split_blocks("Recalling its resolution\n\n<!-- Page 12 -->\n\n70/1 of 2015,")
    assert [(b.text, b.page_break_before) for b in blocks] == [("Recalling its resolution", False),
                                                               ("70/1 of 2015,", True)]
