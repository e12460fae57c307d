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


# ---------------------------------------------------------------- what Word neither shows nor prints

REALWORLD = pathlib.Path(__file__).parent / "realworld"


def _docx_with(tmp_path, build) -> pathlib.Path:
    """A .docx written by python-docx, with run properties and tracked changes set in its XML as Word writes them."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    d.add_paragraph("Resolution adopted by the General Assembly on 15 December 2025")
    d.add_paragraph("80/94. Information and communications technologies for sustainable development")
    d.add_paragraph("The General Assembly,")
    build(d, parse_xml, nsdecls("w"))
    path = tmp_path / "draft.docx"
    d.save(path)
    return path


def _targets(path) -> set[str]:
    import ingest

    return {r.target for r in ingest.extract(read_document(path))}


def _hidden_run(d, parse_xml, ns, prop):
    p = d.add_paragraph("Recalling its resolution 78/132 of 19 December 2023")
    p._p.append(parse_xml(f'<w:r {ns}><w:rPr>{prop}</w:rPr><w:t xml:space="preserve"> and resolution 69/313</w:t></w:r>'))
    p.add_run(",")


@pytest.mark.parametrize("prop, shown", [
    ("<w:vanish/>", False),
    ('<w:vanish w:val="true"/>', False),
    ("<w:specVanish/>", False),
    ('<w:vanish w:val="0"/>', True),        # turned off: shown
    ('<w:vanish w:val="false"/>', True),
    ("<w:b/>", True),                       # bold is shown
])
def test_hidden_runs_are_not_read(tmp_path, prop, shown):
    path = _docx_with(tmp_path, lambda d, px, ns: _hidden_run(d, px, ns, prop))
    assert _targets(path) == ({"A/RES/78/132", "A/RES/69/313"} if shown else {"A/RES/78/132"})


def test_a_hidden_character_style_and_paragraph_style(tmp_path):
    def build(d, parse_xml, ns):
        styles = d.styles.element
        styles.append(parse_xml(f'<w:style {ns} w:type="character" w:styleId="Secret"><w:name w:val="Secret"/>'
                                f'<w:rPr><w:vanish/></w:rPr></w:style>'))
        styles.append(parse_xml(f'<w:style {ns} w:type="character" w:styleId="SecretToo"><w:name w:val="SecretToo"/>'
                                f'<w:basedOn w:val="Secret"/></w:style>'))
        styles.append(parse_xml(f'<w:style {ns} w:type="paragraph" w:styleId="HiddenPara"><w:name w:val="HiddenPara"/>'
                                f'<w:rPr><w:vanish/></w:rPr></w:style>'))
        p = d.add_paragraph("Recalling its resolution 78/132")
        p._p.append(parse_xml(f'<w:r {ns}><w:rPr><w:rStyle w:val="SecretToo"/></w:rPr><w:t xml:space="preserve"> and 69/313'
                              f'</w:t></w:r>'))
        hidden = d.add_paragraph()
        hidden._p.insert(0, parse_xml(f'<w:pPr {ns}><w:pStyle w:val="HiddenPara"/></w:pPr>'))
        hidden._p.append(parse_xml(f'<w:r {ns}><w:t>Recalling also Security Council resolution 2231 (2015),</w:t></w:r>'))
        # a run that turns its paragraph style's hiding off is shown
        hidden._p.append(parse_xml(f'<w:r {ns}><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> and 70/1'
                                   f'</w:t></w:r>'))

    assert _targets(_docx_with(tmp_path, build)) == {"A/RES/78/132", "A/RES/70/1"}


def test_tracked_changes(tmp_path):
    def build(d, parse_xml, ns):
        p = d.add_paragraph("Recalling its resolution ")
        p._p.append(parse_xml(f'<w:del {ns} w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>'
                              f'77/150</w:delText></w:r></w:del>'))
        p._p.append(parse_xml(f'<w:ins {ns} w:id="2" w:author="a" w:date="2025-01-01T00:00:00Z"><w:r><w:t>78/132'
                              f'</w:t></w:r></w:ins>'))
        p._p.append(parse_xml(f'<w:moveFrom {ns} w:id="3" w:author="a" w:date="2025-01-01T00:00:00Z"><w:r><w:t> and '
                              f'69/313</w:t></w:r></w:moveFrom>'))
        q = d.add_paragraph("Recalling also ")
        q._p.append(parse_xml(f'<w:moveTo {ns} w:id="4" w:author="a" w:date="2025-01-01T00:00:00Z"><w:r><w:t>resolution '
                              f'69/313</w:t></w:r></w:moveTo>'))
        t = d.add_table(rows=2, cols=1)
        t.cell(0, 0).text = "Resolution 70/1"
        t.cell(1, 0).text = "Resolution 2231 (2015)"
        t.rows[1]._tr.get_or_add_trPr().append(parse_xml(f'<w:del {ns} w:id="5" w:author="a" '
                                                         f'w:date="2025-01-01T00:00:00Z"/>'))

    assert _targets(_docx_with(tmp_path, build)) == {"A/RES/78/132", "A/RES/69/313", "A/RES/70/1"}


def test_realworld_c13_hidden_draft():
    # ../shared/realworld/c13_docx_hidden: only what Word shows and prints
    assert _targets(REALWORLD / "c13_docx_hidden" / "draft_hidden.docx") == {"A/RES/78/132"}


# The date a document carries: a resolution's adoption line beats the masthead's date of issue
# ("Distr.: General / 10 December 2025" prints when the text was issued, days after the vote); a
# document with no adoption line keeps its masthead date. Real .docx files made with python-docx, the
# masthead in the first-page header as the UN's templates put it (ingest.formats.word reads it there).
DATE_CASES = [
    # (symbol, masthead date, first lines of the body, expected date)
    ("A/RES/80/915", "10 December 2025",
     ["Resolution adopted by the General Assembly on 3 December 2025",
      "[on the report of the Second Committee (A/80/555)]", "80/915. Information technologies",
      "The General Assembly,", "Recalling its resolution 79/194 of 19 December 2024,",
      "1. Decides to continue its consideration of the question."], "2025-12-03"),
    ("S/RES/2799(2025)", "2 October 2025",
     ["Resolution 2799 (2025)", "Adopted by the Security Council at its 10012th meeting, on 30 September 2025",
      "The Security Council,", "Recalling its resolution 2720 (2023),", "1. Decides to remain seized of the matter."],
     "2025-09-30"),
    ("A/HRC/RES/59/3", "11 July 2025",
     ["Resolution adopted by the Human Rights Council on 7 July 2025",
      "59/3. The right to development", "The Human Rights Council,", "Recalling its resolution 54/18,",
      "1. Decides to continue its consideration of the question."], "2025-07-07"),
    # no adoption line: a report's date is its masthead's
    ("A/80/321", "5 August 2025",
     ["Seventy-ninth session", "Item 18 of the provisional agenda", "Information and communications technologies",
      "Report of the Secretary-General", "1. The present report is submitted pursuant to resolution 79/194."],
     "2025-08-05"),
]


@pytest.mark.parametrize("symbol, issued, lines, expected", DATE_CASES, ids=[c[0] for c in DATE_CASES])
def test_an_adoption_line_beats_the_masthead_date(tmp_path, symbol, issued, lines, expected):
    import docx

    d = docx.Document()
    section = d.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    header.paragraphs[0].text = f"United Nations\t{symbol}"
    for line in ["General Assembly" if symbol.startswith("A/") else "Security Council",
                 "Distr.: General", issued, "Original: English"]:
        header.add_paragraph(line)
    for line in lines:
        d.add_paragraph(line)
    path = tmp_path / (symbol.replace("/", "_") + ".docx")
    d.save(path)
    from ingest.grammar import parse_date

    assert docx_markup(path)[1]["date"] == parse_date(issued)  # the masthead's date is read as a hint ...
    doc = read_document(path)  # ... and weighed against the adoption line
    assert doc.date == expected
