"""ingest.formats.word on real UN .docx files cut from ../shared/corpus/pdf (tests/pdfs/)."""
from __future__ import annotations

import pathlib

import pytest

from ingest import read_document
from ingest.model import ReadError
from ingest.formats.word import docx_markup

PDFS = pathlib.Path(__file__).parent / "pdfs"
UNRWA = PDFS / "A_81_6_Sect.26-cut.docx"  # footnotes 1-5 and more, hyperlinks in the masthead notes
MANDATES = PDFS / "A_81_6_Sect.9-cut.docx"  # mandate tables, every symbol hyperlinked


@pytest.fixture(scope="module")
def unrwa():
    return docx_markup(UNRWA)


@pytest.fixture(scope="module")
def mandates():
    return docx_markup(MANDATES)


def test_masthead_hints(unrwa):
    assert unrwa[1] == {"symbol": "A/81/6(Sect.26)/Part A", "body": "GA", "distribution": "General",
                        "date": "2026-04-08"}


def test_footnotes_follow_their_paragraph(unrwa):
    blocks = unrwa[0].split("\n\n")
    i = next(i for i, b in enumerate(blocks) if b.startswith("26.21 Palestine refugees with disabilities"))
    assert "lost their assistive devices during displacement.<sup>1</sup> The subprogramme" in blocks[i]
    assert blocks[i + 1] == "---"
    assert blocks[i + 2].startswith("<sup>1</sup> UNRWA, “2025 UNRWA Occupied Palestinian Territory flash appeal")
    assert blocks[i + 3].startswith("26.22 Progress towards the objective")
    marks = [b.split("</sup>")[0][5:] for b in blocks if b.startswith("<sup>")]
    assert marks[:5] == ["1", "2", "3", "4", "5"]


def test_hyperlinks_become_markup(unrwa, mandates):
    assert "see General Assembly resolution [77/267](https://docs.un.org/en/A/RES/77/267), para. 10" in unrwa[0]
    assert "** [A/81/50](https://docs.un.org/en/A/81/50)." in unrwa[0]
    blocks = mandates[0].split("\n\n")
    assert "[47/190](https://docs.un.org/en/A/RES/47/190) Report of the United Nations Conference on " \
           "Environment and Development" in blocks
    assert "[57/270](https://docs.un.org/en/A/RES/57/270B) B Integrated and coordinated implementation of and " \
           "follow-up to the outcomes of major United Nations conferences and summits in the economic and " \
           "social fields" in blocks


def test_table_rows_are_blocks_in_order(mandates):
    blocks = mandates[0].split("\n\n")
    ga = blocks.index("General Assembly resolutions")
    assert blocks[ga + 1].startswith("[47/190]")
    assert blocks[ga + 2].startswith("[47/191]")


def test_no_zero_width_or_tab_noise(unrwa):
    assert "\t" not in unrwa[0] and "\u200d" not in unrwa[0]
    assert "protection alignment review<sup>3</sup> recommendations" in unrwa[0]


def test_every_embedded_link_is_kept(mandates):
    # count the hyperlinks Word stored (elements and HYPERLINK fields) straight from the XML
    import re
    import zipfile

    xml = zipfile.ZipFile(MANDATES).read("word/document.xml").decode("utf-8")
    rels = zipfile.ZipFile(MANDATES).read("word/_rels/document.xml.rels").decode("utf-8")
    targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels))
    targets.update({k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', rels)})
    linked = [targets[r] for r in re.findall(r'<w:hyperlink [^>]*r:id="(rId\d+)"', xml)]
    linked += re.findall(r'HYPERLINK "([^"]+)"', xml)
    found = re.findall(r"\]\((https?://[^)]+)\)", mandates[0])
    assert len(linked) > 40
    assert sorted(found) == sorted(u.replace(")", "%29") for u in linked)


@pytest.mark.parametrize("name, reason", [
    ("empty.docx", "empty file"),
    ("not-a-docx.docx", "not a Word .docx file"),  # a text file named .docx
    ("truncated.docx", "truncated or corrupt Word file"),  # first half of a real .docx
])
def test_bad_input_is_a_one_line_error(name, reason):
    with pytest.raises(ReadError) as err:
        read_document(PDFS / name)
    assert err.value.reason == reason
    assert str(err.value) == f"{PDFS / name}: {reason}"
