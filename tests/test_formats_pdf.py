"""ingest.formats.pdf: real UN pages cut from the official PDFs in ../shared/corpus/pdf (tests/pdfs/),
read with both backends, and bad PDFs. The layout rules on plain dicts are in test_formats_pdf_layout.py."""
from __future__ import annotations

import pathlib

import pytest

from ingest import read_document
from ingest.formats.pdf import BACKENDS, load_pages, pdf_markup
from ingest.formats.pdf_layout import build_lines, first_page_hints
from ingest.model import ReadError

PDFS = pathlib.Path(__file__).parent / "pdfs"
MALI = PDFS / "A_80_590-pages-1-6-7.pdf"  # masthead, paragraph 9 across pages, "Secretary-\nGeneral"
UNRWA = PDFS / "A_81_6_Sect.26-pages-15-17.pdf"  # footnotes 11, 12, 15, 16; "540,000" + mark 16
MANDATES = PDFS / "A_81_6_Sect.9-page-6.pdf"  # two columns of mandate tables


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
