"""ingest.read: reading files of every format (encodings, bad input, PDF and Word), the extract command."""
import json
import pathlib
import pickle
import subprocess
import sys

import pytest

import ingest
from ingest.model import ReadError
from ingest.read import read_docx, read_pdf

ROOT = pathlib.Path(__file__).resolve().parent.parent
PDFS = pathlib.Path(__file__).parent / "pdfs"
MALI = PDFS / "A_80_590-pages-1-6-7.pdf"  # masthead, paragraph 9 across pages, "Secretary-\nGeneral"
UNRWA = PDFS / "A_81_6_Sect.26-pages-15-17.pdf"  # footnotes 11, 12, 15, 16; "540,000" + mark 16
UNRWA_DOCX = PDFS / "A_81_6_Sect.26-cut.docx"  # footnotes 1-5 and more, hyperlinks in the masthead notes
TEXT = "The General Assembly,\n\nRecalling its resolution 78/132 of 19 December 2023 on “café” society,\n"


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("utf-16-le", b""), ("cp1252", b""),
])
def test_encodings(tmp_path, encoding, bom):
    p = tmp_path / "doc.txt"
    p.write_bytes(bom + TEXT.encode(encoding))
    doc = ingest.read_document(p)
    assert "“café”" in doc.paragraphs[0].text
    assert [r.target for r in ingest.extract(doc)] == ["A/RES/78/132"]


@pytest.mark.parametrize("content,reason", [
    (b"", "empty file"),
    (b"   \n\n ", "empty file"),
    (bytes(range(256)) * 8, "binary file, not text"),
])
def test_bad_files(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(ReadError) as err:
        ingest.read_document(p)
    assert str(err.value) == f"{p}: {reason}"


def test_missing_path():
    with pytest.raises(ReadError, match="no such file"):
        ingest.read_document("/nonexistent/A_RES_1_1.txt")


def run(*args):
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True, cwd=ROOT)


def test_extract_jsonl_on_the_seed():
    out = run("extract", str(ROOT / "samples" / "A_RES_79_194.md"), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    needed = {"file", "source", "target", "kind", "paragraph", "footnote", "pinpoint", "relation", "surface",
              "start", "end"}
    assert all(needed <= set(r) for r in rows)
    first = rows[0]
    assert (first["source"], first["target"], first["paragraph"]) == ("A/RES/79/194", "A/79/434", "header")
    r = next(r for r in rows if r["target"] == "A/RES/70/125" and r["paragraph"] == "op62")
    assert (r["pinpoint"], r["relation"], r["kind"]) == ("para. 71", "in accordance with", "explicit")
    fn = next(r for r in rows if r["target"] == "A/RES/56/183")
    assert (fn["paragraph"], fn["footnote"], fn["relation"]) == ("pp1", "1", "recalling")


def test_extract_goes_on_after_bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.xyz").write_text("resolution 70/1")
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    out = run("extract", str(tmp_path), str(tmp_path / "missing.txt"), "--format", "jsonl")
    assert out.returncode == 0
    assert [json.loads(x)["target"] for x in out.stdout.splitlines()] == ["A/RES/78/132"]
    err = out.stderr.splitlines()
    assert any("empty.txt: empty file" in e for e in err)
    assert any("missing.txt: no such file" in e for e in err)
    assert any("notes.xyz" in e and "skipped" in e for e in err)


def test_extract_fails_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = run("extract", str(tmp_path / "empty.txt"))
    assert out.returncode != 0


def test_extract_table_is_for_people():
    out = run("extract", str(ROOT / "samples" / "A_RES_79_194.md"))
    assert out.returncode == 0
    assert out.stdout.splitlines()[0].split()[:3] == ["SOURCE", "PARAGRAPH", "FOOTNOTE"]


def test_inspect_shows_the_structure():
    out = run("inspect", str(ROOT / "samples" / "A_RES_79_194.md"), "--format", "json")
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert (info["symbol"], info["symbol_source"], info["date"]) == ("A/RES/79/194", "title-line", "2024-12-19")
    assert info["paragraphs"]["preambular"] == 55 and info["paragraphs"]["operative"] == 69
    assert info["footnotes"]["pp8"] == ["4", "5", "6", "7"]
    text = run("inspect", str(ROOT / "samples" / "A_RES_79_194.md"), "--paragraphs").stdout
    assert "symbol      A/RES/79/194  (from the title-line)" in text
    assert "    op62    Decides" in text


# ---------------------------------------------------------------- PDF and Word

def test_read_pdf_gives_a_document():
    doc = read_pdf(MALI)
    assert (doc.symbol, doc.symbol_source, doc.format, doc.date) == ("A/80/590", "first-page", "pdf", "2026-01-07")
    unrwa = read_pdf(UNRWA)
    with16 = [p for p in unrwa.paragraphs if any(f.number == "16" for f in p.footnotes)]
    assert len(with16) == 1 and "540,000 students" in with16[0].text


def test_read_pdf_runs_in_a_process_pool():
    assert pickle.loads(pickle.dumps(read_pdf)) is read_pdf


def test_read_docx_gives_a_document_with_links_and_footnotes():
    doc = read_docx(UNRWA_DOCX)
    assert doc.format == "docx" and doc.date == "2026-04-08"
    p = next(p for p in doc.paragraphs if p.text.startswith("26.21"))
    assert [f.number for f in p.footnotes] == ["1"]
    assert p.footnotes[0].text.startswith("UNRWA, “2025 UNRWA")
    links = [link for p in doc.paragraphs for link in p.links]
    assert ("A/81/50", "https://docs.un.org/en/A/81/50") in links
