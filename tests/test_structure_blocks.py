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
    # HTML character references are their characters, as CommonMark reads them (explore6 D19: md/A_RES_79_370.md)
    ("*Recalling* its resolution&nbsp;78/132 and resolution 77/150&#160;of 14 December 2022,",
     "Recalling its resolution 78/132 and resolution 77/150 of 14 December 2022,", [], []),
    ("resolution 2231&nbsp;(2015) and resolution 2720 &#40;2023&#41;,",
     "resolution 2231 (2015) and resolution 2720 (2023),", [], []),
    ("the Food &amp; Agriculture &#x2014; FAO", "the Food & Agriculture — FAO", [], []),
    ("&lt;sup&gt;2&lt;/sup&gt;", "<sup>2</sup>", [], []),                 # a decoded tag is text, not a mark
    # not markup, not a character reference: no semicolon, no such name, inside a code span
    ("resolution 2720 (2023)", "resolution 2720 (2023)", [], []),
    ("snake_case_name and 5 * 3", "snake_case_name and 5 * 3", [], []),
    ("R&D, AT&T, &paragraph 3, &notanentity;", "R&D, AT&T, &paragraph 3, &notanentity;", [], []),
    ("write `&nbsp;` for a no-break space", "write `&nbsp;` for a no-break space", [], []),
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


# ---------------------------------------------------------------- hard-wrapped lines -> paragraphs

import pathlib
import textwrap

from ingest.structure.blocks import pandoc_notes, paragraph_lines

SAMPLES = pathlib.Path(__file__).resolve().parent.parent / "samples" / "text"


@pytest.mark.parametrize("block, groups", [
    # one paragraph wrapped: joined
    ("Recalling its resolution 78/\n132 of 19 December 2023 and its resolu-\ntion 77/150,",
     [["Recalling its resolution 78/", "132 of 19 December 2023 and its resolu-", "tion 77/150,"]]),
    # numbered paragraphs and list items start paragraphs
    ("1. Decides to act;\n2. Requests the Secretary-General\nto report;",
     [["1. Decides to act;"], ["2. Requests the Secretary-General", "to report;"]]),
    ("in which it recommended that:\n(a) the documentation be short;\n(b) the reports be\non time;",
     [["in which it recommended that:"], ["(a) the documentation be short;"], ["(b) the reports be", "on time;"]]),
    ("The Council:\n\u2022 welcomed the report;\n\u2022 decided to meet.",
     [["The Council:"], ["\u2022 welcomed the report;"], ["\u2022 decided to meet."]]),
    ("The items were:\n- the budget;\n- the plan.", [["The items were:"], ["- the budget;"], ["- the plan."]]),
    # a first-line indent after a full sentence
    ("The report was adopted.\n    The Committee then turned to\nits agenda.",
     [["The report was adopted."], ["    The Committee then turned to", "its agenda."]]),
    # negative rows: a wrapped sentence whose next line happens to open with a number or a dash
    ("as set out in paragraph\n4 (a) of resolution 70/1", [["as set out in paragraph", "4 (a) of resolution 70/1"]]),
    ("in its resolution\n(a) no", [["in its resolution", "(a) no"]]),
    ("the Place and Life in the ECE\n\u2013 A Regional Action Plan 2030", [["the Place and Life in the ECE",
                                                                      "\u2013 A Regional Action Plan 2030"]]),
    # negative rows from the shared corpus: header lines, a wrapped title, a hanging indent after ';'
    ("Resolution adopted by the Human Rights Council\non 3 April 2023",
     [["Resolution adopted by the Human Rights Council", "on 3 April 2023"]]),
    ("49th meeting\n23 March 2021", [["49th meeting", "23 March 2021"]]),
    ("Documentation: ECE/ENERGY/99; ECE/HBP/184;\n\t\t   ECE/HBP/2017/3",
     [["Documentation: ECE/ENERGY/99; ECE/HBP/184;", "\t\t   ECE/HBP/2017/3"]]),
    # one paragraph a line (too long to be wrapped): a line after a sentence, or a resolution's paragraph
    ("Recalling " + "x " * 90 + "resolution 70/1,\nReaffirming " + "y " * 90 + ",",
     [["Recalling " + "x " * 90 + "resolution 70/1,"], ["Reaffirming " + "y " * 90 + ","]]),
    # ... but not a stray break inside a long paragraph (S_RES_2246(2015), S_PRST_2015_12)
    ("Calls upon " + "x " * 90 + "as set forth\nin resolution 2015 (2011)",
     [["Calls upon " + "x " * 90 + "as set forth", "in resolution 2015 (2011)"]]),
    ("Chad almost 20,000 Nigerian refugees, " + "z " * 80 + ",\n8,500 returnees.",
     [["Chad almost 20,000 Nigerian refugees, " + "z " * 80 + ",", "8,500 returnees."]]),
])
def test_paragraph_lines(block, groups):
    assert paragraph_lines(block) == [[ln.rstrip() for ln in g] for g in groups]


def _hyphenating_wrap(text: str, width: int, known) -> str:
    """A wrapper that also hyphenates, as pdftotext output and e-mail do: a word that does not fit
    is split with a hyphen when it is a word citegraph promises to join (a keyword, a word of the
    grammar, or one the text has elsewhere)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            core = word.rstrip(",.;:")
            room = width - len(line) - 2
            if core.isalpha() and core.lower() in known and 3 <= room < len(core) - 2:
                lines.append(f"{line} {word[:room]}-")
                line = word[room:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def _refs(text, name):
    doc = ingest.parse_text(text, file=name)
    return sorted((r.target, r.kind, r.paragraph, r.footnote, r.pinpoint, r.relation) for r in ingest.extract(doc))


@pytest.mark.parametrize("name", ["A_RES_78_132.txt", "A_RES_70_125.txt", "E_RES_2023_4.txt", "A_RES_79_199.txt"])
@pytest.mark.parametrize("width", [40, 60, 72, 100])
def test_wrapped_text_reads_as_unwrapped(name, width):
    from ingest import normalize

    text = (SAMPLES / name).read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    words = {w.lower() for w in " ".join(paragraphs).split()}
    known = set(normalize.KNOWN_WORDS) | {w for w in words if w.isalpha()}
    plain = "\n\n".join(textwrap.fill(p, width, break_on_hyphens=False, break_long_words=False) for p in paragraphs)
    hyphenated = "\n\n".join(_hyphenating_wrap(p, width, normalize.KNOWN_WORDS) for p in paragraphs)
    want = _refs(text, name)
    assert want
    assert _refs(plain, name) == want
    assert _refs(hyphenated, name) == want
    assert known  # (the words a test wrapper may hyphenate)


# ---------------------------------------------------------------- Markdown footnotes

@pytest.mark.parametrize("markdown, marks, notes", [
    ("Recalling resolution 70/1,[^1] and 78/132,[^2]\n\n[^1]: See A/70/1.\n[^2]: Resolution 78/132.",
     [("1", 26), ("2", 38)], {"1": "See A/70/1.", "2": "Resolution 78/132."}),
    # labels are not numbers; the numbers follow the marks' order, not the definitions'
    ("Recalling 70/1[^b] and 78/132[^a]\n\n[^a]: Two.\n\n[^b]: One.", [("1", 14), ("2", 25)],
     {"1": "One.", "2": "Two."}),
    # a definition's indented paragraphs belong to it
    ("Recalling 70/1[^n]\n\n[^n]: See A/70/1.\n\n    And A/70/2.\n\nDecides to act,", [("1", 14)],
     {"1": "See A/70/1. And A/70/2."}),
    # inline notes
    ("Recalling 70/1^[See A/70/1.] and 78/132", [("1", 14)], {"1": "See A/70/1."}),
    # negative rows: a mark with no definition, a link, a caret in text
    ("Recalling 70/1[^x] and [see](http://a) 2^[", [], {}),
])
def test_pandoc_footnotes(markdown, marks, notes):
    blocks, got = split_blocks(markdown)
    assert blocks[0].marks == marks
    assert got == notes


def test_pandoc_footnotes_bind_to_their_paragraph():
    doc = parse_text("The General Assembly,\n\n*Recalling* its resolutions,[^1]\n\n1. *Decides* to act.[^2]\n\n"
                     "[^1]: Resolutions 56/183 and 57/238.\n\n[^2]: See A/60/687.", file="A_RES_80_97.md",
                     fmt="markdown")
    assert [(p.id, [f.number for f in p.footnotes]) for p in doc.paragraphs] == [("pp1", ["1"]), ("op1", ["2"])]
    refs = {(r.target, r.paragraph, r.footnote) for r in ingest.extract(doc)}
    assert refs == {("A/RES/56/183", "pp1", "1"), ("A/RES/57/238", "pp1", "1"), ("A/60/687", "op1", "2")}


def test_pandoc_notes_leave_other_text_alone():
    assert pandoc_notes("no notes here [a](b) x^2") == "no notes here [a](b) x^2"


@pytest.mark.parametrize("markdown, paragraphs", [
    # a bulleted list belongs to the paragraph above, as lettered sub-paragraphs do (explore6 D19: md/A_RES_79_371.md)
    ("*Recalling* its resolution 78/132,\n\n1. *Requests* the Secretary-General:\n\n    (a) To submit a report;\n\n"
     "2. *Requests also* the Secretary-General:\n\n   * to report on resolution 76/189;\n   * to report on "
     "resolution 75/202;\n\n3. *Decides* to remain seized of the matter.",
     [("pp1", None), ("op1", "1"), ("op2", "2"), ("op3", "3")]),
    ("*Noting* the reports:\n\n- A/79/63;\n- A/79/64,\n\n1. *Takes note* of the reports;\n\n   - A/79/65.\n\n"
     "2. *Decides* to act.", [("pp1", None), ("op1", "1"), ("op2", "2")]),
    ("*Recalling* its resolution 78/132,\n\n1. *Decides* to act;\n\n\u2022 in 2025;\n\n2. *Requests* a report.",
     [("pp1", None), ("op1", "1"), ("op2", "2")]),
    # a thematic break ("* * *" between a declaration's parts) is no paragraph
    ("*Recalling* its resolution 78/132,\n\n* * *\n\n*Noting* its resolution 78/133,\n\n1. *Decides* to act.",
     [("pp1", None), ("pp2", None), ("op1", "1")]),
    # negative rows: numbered paragraphs, a minus sign glued to a number open paragraphs of their own
    ("*Recalling* its resolution 78/132,\n\n1. *Decides* to act;\n\n2. *Requests* a report.",
     [("pp1", None), ("op1", "1"), ("op2", "2")]),
    ("*Recalling* its resolution 78/132,\n\n-1 is a number,\n\n1. *Decides* to act.",
     [("pp1", None), ("pp2", None), ("op1", "1")]),
])
def test_bullets_and_breaks_are_no_paragraphs(markdown, paragraphs):
    doc = parse_text("79/371. Markdown lists\n\n*The General Assembly*,\n\n" + markdown, file="A_RES_79_371.md",
                     fmt="markdown")
    assert [(p.id, p.number) for p in doc.paragraphs] == paragraphs


def test_a_bullet_cites_in_the_paragraph_above():
    doc = parse_text("79/370. Markdown forms\n\n*The General Assembly*,\n\n1. *Takes note* of the reports listed in "
                     "the annex;\n\n   - A/79/63;\n   - A/79/64.\n\n2. *Decides* to remain seized of the matter.",
                     file="A_RES_79_370.md", fmt="markdown")
    assert [(r.paragraph, r.target) for r in ingest.extract(doc)] == [("op1", "A/79/63"), ("op1", "A/79/64")]
