"""PDF ingest: layout rules on plain char dicts, then real UN pages cut from
the official PDFs in ../shared/corpus/pdf (tests/pdfs/), with both backends."""
from __future__ import annotations

import pathlib
import pickle

import pytest

from ingest import read_document
from ingest.model import ReadError
from ingest.pdf import (BACKENDS, RawPage, _is_footer_text, _join, build_lines, first_page_hints, layout, line_text,
                        load_pages, pdf_markup, read_pdf)

PDFS = pathlib.Path(__file__).parent / "pdfs"
MALI = PDFS / "A_80_590-pages-1-6-7.pdf"  # masthead, paragraph 9 across pages, "Secretary-\nGeneral"
UNRWA = PDFS / "A_81_6_Sect.26-pages-15-17.pdf"  # footnotes 11, 12, 15, 16; "540,000" + mark 16
MANDATES = PDFS / "A_81_6_Sect.9-page-6.pdf"  # two columns of mandate tables


# ---------------------------------------------------------------- char dicts

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


@pytest.mark.parametrize("a, b, vocab, joined", [
    ("the Assistant Secretary-", "General and", set(), "the Assistant Secretary-General and"),
    ("contingent-", "owned equipment", set(), "contingent-owned equipment"),
    ("the contain-", "ing rules", {"containing"}, "the containing rules"),
    ("the contain-", "ing rules", {"containing", "contain-ing"}, "the contain-ing rules"),
    ("see A/RES/", "78/250 B", set(), "see A/RES/78/250 B"),
    ("ECE/CTCS/WP.7/", "2015/22", set(), "ECE/CTCS/WP.7/2015/22"),
    ("resolution", "70/1", set(), "resolution 70/1"),
    ("emergency-appeals/2025-", "unrwa-occupied", set(), "emergency-appeals/2025-unrwa-occupied"),
    ("soft\u00ad", "ware", set(), "software"),
])
def test_join_lines(a, b, vocab, joined):
    assert _join(a, b, vocab) == joined


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
    assert _is_footer_text(text, total) is furniture


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


# ---------------------------------------------------------------- real pages

@pytest.fixture(scope="module", params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture(scope="module")
def mali(backend):
    return pdf_markup(MALI, backend)


def test_first_page_hints(mali):
    _, hints = mali
    assert hints["symbol"] == "A/80/590"
    assert hints["date"] == "2026-01-07"
    assert hints["distribution"] == "General"
    assert hints["body"] == "GA"
    assert hints["title"].startswith("Budget performance of the United Nations Multidimensional")


def test_first_page_hints_without_the_masthead_rule():
    # the real first page with its drawn rules taken away: no title, but the masthead items
    page = load_pages(MALI)[0]
    page.rules = [r for r in page.rules if r[1] < 0.1 * page.height]
    hints, body_start = first_page_hints(page, build_lines(page.chars))
    assert hints == {"symbol": "A/80/590", "distribution": "General", "date": "2026-01-07", "body": "GA"}
    assert body_start == 0.0


def test_furniture_removed(mali):
    markup, _ = mali
    for furniture in ("26-00248", "6/27", "7/27", "*2600248*", "\nA/80/590\n", "Distr.: General"):
        assert furniture not in markup


def test_paragraph_rejoined_across_pages(mali):
    blocks = mali[0].split("\n\n")
    para9 = [b for b in blocks if b.startswith("9. ")]
    assert len(para9) == 1
    assert "using the capabilities of the Guard Unit and the security service contractor" in para9[0]
    assert para9[0].endswith("exiting the premises.")


def test_line_end_hyphens_and_symbols(mali):
    markup, _ = mali
    assert "the Assistant Secretary-General and Head of Entity" in markup
    assert "20-foot containers of contingent-owned equipment" in markup
    assert "(A/78/744/Add.11)" in markup
    assert "by its resolution 78/250 B, appropriated" in markup
    assert "\n\n3. The General Assembly" in markup


def test_numbered_paragraphs_are_blocks(mali):
    numbers = [b.split(" ", 1)[0] for b in mali[0].split("\n\n") if b[:1].isdigit() and ". " in b[:5]]
    assert numbers == [f"{n}." for n in range(1, 18)]


def test_footnotes_bound_to_marks(backend):
    markup, _ = pdf_markup(UNRWA, backend)
    assert "of the 540,000<sup>16</sup> students" in markup
    assert "540,00016" not in markup
    blocks = markup.split("\n\n")
    i16 = next(i for i, b in enumerate(blocks) if b.startswith("<sup>16</sup> The total number of students"))
    i_sep = max(i for i, b in enumerate(blocks[:i16]) if b == "---")
    assert all(b.startswith("<sup>") for b in blocks[i_sep + 1:i16 + 1])
    note11 = next(b for b in blocks if b.startswith("<sup>11</sup>"))
    assert note11.endswith("“Reported impact snapshot: Gaza Strip (25 June 2025)”, 25 June 2025.")
    assert "most severely affected.<sup>11</sup> In response" in markup


def test_two_column_mandate_tables_in_reading_order(backend):
    blocks = pdf_markup(MANDATES, backend)[0].split("\n\n")
    assert blocks[0] == "General Assembly resolutions"
    assert blocks[1] == "47/190 Report of the United Nations Conference on Environment and Development"
    assert "70/1 Transforming our world: the 2030 Agenda for Sustainable Development" in blocks
    assert "57/270 B Integrated and coordinated implementation of and follow-up to the outcomes of major " \
           "United Nations conferences and summits in the economic and social fields" in blocks
    ecosoc = blocks.index("Economic and Social Council resolutions")
    assert blocks[ecosoc + 1].startswith("1996/31 Consultative relationship")
    assert blocks.index("80/154 Eradicating rural poverty to implement the 2030 Agenda for Sustainable "
                        "Development") < ecosoc


def test_backends_agree():
    assert pdf_markup(MALI, "pdfium") == pdf_markup(MALI, "pdfplumber")


def test_read_pdf_gives_a_document():
    doc = read_pdf(MALI)
    assert (doc.symbol, doc.symbol_source, doc.format, doc.date) == ("A/80/590", "first-page", "pdf", "2026-01-07")
    unrwa = read_pdf(UNRWA)
    with16 = [p for p in unrwa.paragraphs if any(f.number == "16" for f in p.footnotes)]
    assert len(with16) == 1 and "540,000 students" in with16[0].text


def test_read_pdf_runs_in_a_process_pool():
    assert pickle.loads(pickle.dumps(read_pdf)) is read_pdf


# ---------------------------------------------------------------- bad input

BAD = [
    ("empty.pdf", "empty file"),
    ("not-a-pdf.pdf", "not a PDF"),  # a text file named .pdf
    ("truncated.pdf", "truncated or corrupt PDF"),  # first half of a real PDF
    ("encrypted.pdf", "encrypted PDF"),  # a real page, encrypted with pypdf
    ("scanned.pdf", "no text layer; run OCR first"),  # a real page rendered to an image
]


@pytest.mark.parametrize("name, reason", BAD)
def test_bad_input_is_a_one_line_error(name, reason, backend):
    with pytest.raises(ReadError) as err:
        pdf_markup(PDFS / name, backend)
    assert err.value.reason == reason
    assert str(err.value) == f"{PDFS / name}: {reason}" and "\n" not in str(err.value)


@pytest.mark.parametrize("name, reason", BAD)
def test_bad_input_through_read_document(name, reason):
    with pytest.raises(ReadError, match=reason.replace(";", ".")):
        read_document(PDFS / name)


def test_corrupt_body_with_an_end_marker(tmp_path, backend):
    # the first half of a real PDF with "%%EOF" appended: the library has to notice
    data = (PDFS / "truncated.pdf").read_bytes() + b"\n%%EOF\n"
    bad = tmp_path / "corrupt.pdf"
    bad.write_bytes(data)
    with pytest.raises(ReadError) as err:
        pdf_markup(bad, backend)
    assert err.value.reason in ("truncated or corrupt PDF", "no text layer; run OCR first")
