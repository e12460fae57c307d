"""PDF/Word twins made by one tool from one source (tests/pdfs/twins/, scripts/make_twin_pdfs.py): ligature
glyphs and line-end hyphens read alike by both PDF backends and by the Word reader (issue 13)."""
from __future__ import annotations

import collections
import csv
import pathlib

import pytest

import ingest
from ingest.formats.pdf import BACKENDS, load_pages, pdf_markup
from ingest.normalize import characters

TWINS = pathlib.Path(__file__).parent / "pdfs" / "twins"
NAMES = ("ligature-glyphs", "ligature-characters", "line-end-hyphens")


def _key() -> dict[str, set[str]]:
    key: dict[str, set[str]] = collections.defaultdict(set)
    with open(TWINS / "links.tsv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            key[row["file"]].add(row["target"])
    return key


KEY = _key()


def where(doc) -> list[tuple]:
    """Each reference as where it sits and what it says: the same for a PDF and its Word twin."""
    return [(r.paragraph, r.footnote, r.target, r.pinpoint, r.relation, r.surface, r.start, r.end)
            for r in ingest.extract(doc)]


@pytest.mark.parametrize("name", NAMES)
def test_both_backends_give_the_same_markup(name):
    pdfium, plumber = (pdf_markup(TWINS / f"{name}.pdf", b) for b in BACKENDS)
    assert pdfium == plumber


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("backend", BACKENDS)
def test_pdf_and_word_give_the_same_references(name, backend):
    pdf = ingest.read_pdf(TWINS / f"{name}.pdf", backend=backend)
    word = ingest.read_docx(TWINS / f"{name}.docx")
    assert where(pdf) == where(word)
    assert {r.target for r in ingest.extract(pdf)} == KEY[name]
    assert [p.text for p in pdf.paragraphs] == [p.text for p in word.paragraphs]


@pytest.mark.parametrize("name", ["ligature-glyphs", "ligature-characters"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_ligature_glyphs_are_their_letters(name, backend):
    markup, _ = pdf_markup(TWINS / f"{name}.pdf", backend)
    for word in ("Reaffirming", "Trafficking", "official", "effective", "fulfilment", "flow", "financing",
                 "fluctuation", "staff", "Office", "effluent", "conflict", "Affirms", "efficient", "offline",
                 "traffic", "Affairs"):
        assert word in markup
    # what pdfium's letters gave before they were merged: one "f" dropped as an overprint, a line cut
    for broken in ("Reafirming", "Traficking", "oficial", "staf ", "f luent", "Reaf irming", "\u017f"):
        assert broken not in markup
    doc = ingest.read_pdf(TWINS / f"{name}.pdf", backend=backend)
    refs = {r.target: r for r in ingest.extract(doc)}
    assert (refs["A/RES/78/132"].relation, refs["A/RES/78/132"].verb) == ("reaffirm", "Reaffirming")
    assert refs["A/RES/55/25"].kind == "named"  # the Trafficking Protocol by its name


def test_pdfium_gives_a_ligature_glyph_as_one_char_with_its_letters():
    """A glyph whose ToUnicode entry is several letters: pdfium gives each letter the glyph's box, the
    backend makes them one char, as pdfplumber gives it."""
    for backend in BACKENDS:
        texts = [c["text"] for pg in load_pages(TWINS / "ligature-glyphs.pdf", backend) for c in pg.chars]
        assert {"ff", "fi", "fl"} <= set(texts), backend
    pdfium, plumber = (load_pages(TWINS / "ligature-characters.pdf", b)[0].chars for b in BACKENDS)
    multi = [(c["text"], round(c["x0"], 1)) for c in pdfium if len(c["text"]) > 1]
    assert [t for t, _ in multi if t in ("ffi", "ffl")]  # U+FB03, U+FB04: three letters, one glyph
    assert ("\u017ft" in {t for t, _ in multi}) and ("\ufb05" in {c["text"] for c in plumber})
    # the same letters on both sides (pdfium gives some ligatures as letters splitting the glyph's box
    # evenly, "f" | "f": letters side by side, which read right as they are)
    assert characters("".join(c["text"] for c in pdfium if c["text"] != " ")) == \
        characters("".join(c["text"] for c in plumber if c["text"] != " "))


@pytest.mark.parametrize("backend", BACKENDS)
def test_line_end_hyphens_keep_the_references(backend):
    """"deci-" | "sion 79/555", "resolu-" | "tion 78/132", "Traf-" | "ficking in Persons" at line ends, none of
    the joined words anywhere else in the letter: the references hold."""
    pdf = TWINS / "line-end-hyphens.pdf"
    pages = load_pages(pdf, backend)
    text = "".join(c["text"] for pg in pages for c in pg.chars)
    markup, _ = pdf_markup(pdf, backend)
    for half, whole in (("deci", "decision"), ("resolu", "resolution"), ("Traf", "Trafficking")):
        assert text.count(whole) == 0 and half + "-" in text  # broken in the PDF, nowhere whole
        assert markup.count(whole) == 1
    refs = ingest.extract(ingest.read_pdf(pdf, backend=backend))
    assert [(r.target, r.surface) for r in refs] == [
        ("A/DEC/79/555", "79/555"), ("A/RES/78/132", "78/132"),
        ("A/RES/55/25", "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children")]
