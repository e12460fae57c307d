"""ingest.formats.pdf_layout: layout rules on plain char dicts (no PDF opened), as pdfplumber tests its
layout. Real pages cut from the official PDFs are in test_formats_pdf.py."""
from __future__ import annotations

import pytest

from ingest.formats.pdf_layout import RawPage, build_lines, is_footer_text, layout, line_text


def chars(text: str, x: float = 100.0, base: float = 200.0, size: float = 10.0, advance: float = 5.0):
    out = []
    for ch in text:
        out.append({"text": ch, "x0": x, "x1": x + advance, "base": base, "size": size})
        x += advance
    return out


def test_mark_after_number_stays_off_the_number():
    line = chars("resolution 70/1") + chars("2", x=175.5, base=196.5, size=6.5, advance=3.3) + chars(" of", x=179)
    (ln,) = build_lines(line)
    assert line_text(ln) == "resolution 70/1<sup>2</sup> of"
    assert line_text(ln, marks=False) == "resolution 70/1 of"


def test_subscript_sized_digit_on_the_baseline_is_text():
    # a small digit on the baseline (a table figure) is not a mark
    (ln,) = build_lines(chars("total 12") + chars("3", x=140, size=7.0))
    assert "<sup>" not in line_text(ln)


def test_lines_split_on_baseline_and_backward_jump():
    two_rows = chars("47/190 Report of the", base=100) + chars("on Environment", x=135, base=110)
    assert [line_text(ln) for ln in build_lines(two_rows)] == ["47/190 Report of the", "on Environment"]


@pytest.mark.parametrize("gap, text", [(1.28, "implementation of"), (2.5, "implementatio n of")])
def test_a_guessed_space_needs_a_real_gap(gap, text):
    # pdfium's generated spaces (size 0) inside "implementatio n" (A/80/596, para. 32) had a 1.28 pt gap
    word = chars("implementatio")
    x = word[-1]["x1"]
    guessed = {"text": " ", "x0": x, "x1": x, "base": 200.0, "size": 0.0}
    rest = chars("n", x=x + gap) + [dict(guessed, x0=x + gap + 5, x1=x + gap + 5)] + chars("of", x=x + gap + 7.5)
    (ln,) = build_lines(word + [guessed] + rest)
    assert line_text(ln) == text


def test_fake_bold_overprint_is_read_once():
    a = chars("Annex")
    doubled = [c for pair in zip(a, [dict(c, x0=c["x0"] + 0.2, x1=c["x1"] + 0.2) for c in a]) for c in pair]
    assert [line_text(ln) for ln in build_lines(doubled)] == ["Annex"]


@pytest.mark.parametrize("text, total, furniture", [
    ("26-00248 3/27", 27, True),
    ("6/27 26-00248", 27, True),
    ("26-00248 (E) 160126", 0, True),
    ("*2600248*", 0, True),
    ("Please recycle", 0, True),
    ("2/9", 0, True),
    # not furniture
    ("2024/2", 27, False),
    ("ECE/CTCS/2024/2", 0, False),
    ("2022/23 2023/24 2024/25", 0, False),
    ("Report of the Secretary-General", 0, False),
])
def test_footer_text(text, total, furniture):
    assert is_footer_text(text, total) is furniture


def test_layout_binds_footnote_below_separator():
    h = 792.0
    body = chars("as recalled in resolution 70/1", x=100, base=300) + chars("7", x=250.5, base=296.5, size=6.5)
    sep = chars("_" * 18, x=100, base=700, size=8.0)
    note = chars("7", x=100, base=715, size=5.5, advance=3) + chars(" Resolution 70/1, annex.", x=103.5,
                                                                        base=717.5, size=8.5)
    page = RawPage(0, 612.0, h, body + sep + note)
    markup, _ = layout([page])
    assert markup.split("\n\n") == ["as recalled in resolution 70/1<sup>7</sup>", "---",
                                    "<sup>7</sup> Resolution 70/1, annex.\n"]


def test_footnote_line_starting_with_a_number_continues_the_note():
    # footnote 1 of A/81/6 (Sect. 26): its second line starts "1 January"; the next note is 2
    sep = chars("_" * 18, x=100, base=680, size=8.0)
    lines = (chars("1", x=117, base=697, size=5.5, advance=3) + chars(" UNRWA, report for the period", x=121, base=700,
                                                                     size=8.5)
             + chars("1 January–30 June 2025.", x=123, base=711, size=8.5)
             + chars("2", x=117, base=719, size=5.5, advance=3) + chars(" All figures exclude Gaza.", x=121, base=722,
                                                                     size=8.5))
    body = chars("persons with disabilities.", base=300) + chars("1", x=231, base=296.5, size=6.5, advance=3)
    markup, _ = layout([RawPage(0, 612.0, 792.0, body + sep + lines)])
    assert markup.split("\n\n")[1:] == ["---", "<sup>1</sup> UNRWA, report for the period 1 January–30 June 2025.",
                                       "<sup>2</sup> All figures exclude Gaza.\n"]


def glyphs(parts: list[str], x: float = 100.0, base: float = 200.0, size: float = 10.0, advance: float = 5.0):
    """Char dicts as both backends give them: one dict a glyph, a ligature glyph holding its letters."""
    out = []
    for t in parts:
        out.append({"text": t, "x0": x, "x1": x + advance, "base": base, "size": size})
        x += advance
    return out


@pytest.mark.parametrize("parts, text", [
    # a ligature glyph is one dict with its letters (pdfplumber's "ff", and pdfium's since its letters are merged)
    (["R", "e", "a", "ff", "i", "r", "m", "i", "n", "g"], "Reaffirming"),
    (["T", "r", "a", "ffi", "c", "k", "i", "n", "g"], "Trafficking"),
    (["ffl", "o", "w"], "fflow"),
    (["c", "o", "n", "fl", "i", "c", "t"], "conflict"),
    (["(", "fi", "r", "\u017ft", ","], "(first,"),  # pdfium's "\ufb05": the long s and t
    (["\ufb05", "\ufb06"], "stst"),  # pdfplumber's: the presentation forms themselves
    (["o", "\ufb03", "c", "e"], "office"),
])
def test_a_glyph_of_several_letters_is_read_whole(parts, text):
    (ln,) = build_lines(glyphs(parts))
    assert line_text(ln) == text


def test_two_equal_glyphs_overprinted_are_read_once_but_a_ligature_is_not():
    # fake bold draws "f" twice within a fraction of a point; a ligature's letters sit in one glyph
    doubled = glyphs(["s", "t", "a", "f"]) + glyphs(["f"], x=115.2)
    assert line_text(build_lines(doubled)[0]) == "staf"
    assert line_text(build_lines(glyphs(["s", "t", "a", "ff"]))[0]) == "staff"


@pytest.mark.parametrize("first, second, notes", [
    # LibreOffice sets a note's number on the baseline, glued to its first word
    ("1United Nations, Treaty Series.", "2See A/79/434.",
     ["<sup>1</sup> United Nations, Treaty Series.", "<sup>2</sup> See A/79/434.\n"]),
    # negative rows: not the next number, or a lower-case word after it: the line goes on
    ("1United Nations, Treaty Series.", "3See A/79/434.", ["<sup>1</sup> United Nations, Treaty Series. 3See A/79/434.\n"]),
    ("1United Nations, Treaty Series,", "2nd edition.", ["<sup>1</sup> United Nations, Treaty Series, 2nd edition.\n"]),
])
def test_a_note_number_glued_to_its_first_word(first, second, notes):
    body = chars("as recalled in resolution 70/1", x=100, base=300) + chars("1", x=250.5, base=296.5, size=6.5)
    sep = chars("_" * 18, x=100, base=700, size=8.0)
    lines = chars(first, x=100, base=715, size=8.0) + chars(second, x=100, base=725, size=8.0)
    markup, _ = layout([RawPage(0, 612.0, 792.0, body + sep + lines)])
    assert markup.split("\n\n")[2:] == notes


def test_two_columns_on_one_baseline_are_two_blocks():
    # A/81/6 (Sect. 15): the left column's last row and the right column's first row share a baseline
    s = 8.5
    left = (chars("Economic and Social Council resolutions", x=60, base=100, size=s)
            + chars("Statistical", x=60, base=120, size=s, advance=3.8)
            + chars("Commission", x=60, base=130, size=s, advance=3.8)
            + chars("decision 53/110", x=60, base=140, size=s, advance=3.8)
            + chars("Human settlements statistics", x=128, base=120, size=s))
    right = chars("2025/19 Science, technology and innovation", x=312, base=120, size=s)
    more = (chars("2025/20 Another resolution of the Council here", x=312, base=150, size=s)
            + chars("2025/21 And one more resolution of the Council", x=312, base=160, size=s)
            + chars("a long line of the left column, ending in the middle", x=60, base=170, size=s, advance=4.5)
            + chars("and one more long line of that left column text", x=60, base=180, size=s, advance=4.5))
    blocks = layout([RawPage(0, 612.0, 792.0, left + right + more)])[0].split("\n\n")
    assert blocks[:3] == ["Economic and Social Council resolutions",
                          "Statistical Commission decision 53/110 Human settlements statistics",
                          "2025/19 Science, technology and innovation"]


def test_paragraph_goes_on_after_a_figure_drawn_later_in_the_stream():
    # A/81/6 (Sect. 18), para. 18.42: the stream gives a chart's labels after the page's last line
    p1 = (chars("18.42 The lesson for the subprogramme was that regional engagement and", x=60, base=690)
          + chars("policy frameworks and", x=60, base=702)
          + chars("Planned Actual", x=200, base=300))
    p2 = chars("providing tailored technical assistance.", x=60, base=84)
    blocks = layout([RawPage(0, 612.0, 792.0, p1), RawPage(1, 612.0, 792.0, p2)])[0].strip().split("\n\n")
    assert blocks == ["Planned Actual", "18.42 The lesson for the subprogramme was that regional engagement and "
                      "policy frameworks and providing tailored technical assistance."]


# ---------------------------------------------------------------- the tolerances, on both sides

def test_tolerances_are_data_with_their_reasons():
    from ingest.formats import pdf_layout
    assert pdf_layout.TOLERANCES["version"]
    assert pdf_layout.SPACE_GAP == pdf_layout.TOLERANCES["words"]["space_gap"] == 0.22
    assert pdf_layout.PARAGRAPH_GAP == pdf_layout.TOLERANCES["paragraphs"]["gap"]


@pytest.mark.parametrize("size, rise, mark", [
    (8.0, 1.5, True),     # MARK_MAX_SIZE (0.8 of 10) and raised
    (6.5, 3.5, True),
    (8.1, 1.5, False),    # a little too large: a small letter, not a mark
    (6.5, 1.4, False),    # too little raised (MARK_MIN_RISE: 0.15 of 10): on the baseline
])
def test_superscript_by_size_and_rise(size, rise, mark):
    (ln,) = build_lines(chars("resolution 70/1") + chars("2", x=175.5, base=200.0 - rise, size=size, advance=3.3))
    assert ("<sup>2</sup>" in line_text(ln)) is mark


@pytest.mark.parametrize("gap, text", [(2.1, "70/1of"), (2.3, "70/1 of")])  # SPACE_GAP: 0.22 of size 10
def test_a_space_from_a_gap(gap, text):
    first = chars("70/1")
    (ln,) = build_lines(first + chars("of", x=first[-1]["x1"] + gap))
    assert line_text(ln) == text


@pytest.mark.parametrize("dy, lines", [(5.0, 1), (5.5, 2)])  # SAME_BASELINE: 0.5 of size 10
def test_a_line_ends_where_the_baseline_moves(dy, lines):
    assert len(build_lines(chars("Recalling its") + chars("resolution", x=170, base=200 + dy))) == lines


@pytest.mark.parametrize("dy, blocks", [(14.0, 1), (14.5, 2)])  # PARAGRAPH_GAP: 1.42 of size 10
def test_a_paragraph_ends_at_a_wider_gap(dy, blocks):
    page = RawPage(0, 612.0, 792.0, chars("Recalling its resolution", base=300) + chars("70/1 of 2015,", base=300 + dy))
    assert len(layout([page])[0].strip().split("\n\n")) == blocks
