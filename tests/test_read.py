"""ingest.read: reading files of every format (encodings, bad input, PDF and Word), the extract command."""
import json
import pathlib
import pickle
import subprocess
import sys

import pytest

import ingest
from conftest import cli
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
    """``citegraph ARGS`` in this process (what a subprocess would see, without a second Python's start)."""
    return cli(*args)


def test_extract_jsonl_on_the_seed():
    # a real process: `python -m graph.cli` as users run it (the other tests run the command in-process)
    out = subprocess.run([sys.executable, "-m", "graph.cli", "extract", str(ROOT / "samples" / "A_RES_79_194.md"),
                          "--format", "jsonl"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    needed = {"file", "source", "target", "kind", "paragraph", "footnote", "pinpoint", "relation", "verb", "surface",
              "start", "end"}
    assert all(needed <= set(r) for r in rows)
    first = rows[0]
    assert (first["source"], first["target"], first["paragraph"]) == ("A/RES/79/194", "A/79/434", "header")
    r = next(r for r in rows if r["target"] == "A/RES/70/125" and r["paragraph"] == "op62")
    assert (r["pinpoint"], r["relation"], r["kind"]) == ("para. 71", "in accordance with", "explicit")
    fn = next(r for r in rows if r["target"] == "A/RES/56/183")
    assert (fn["paragraph"], fn["footnote"], fn["relation"], fn["verb"]) == ("pp1", "1", "recall", "Recalling")


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


@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_extract_in_one_process_gives_what_all_cores_give(fmt, tmp_path):
    # -j/--jobs only says how many processes read: names learned in one file still apply to all
    for f in [ROOT / "samples" / "A_RES_79_194.md", *sorted((ROOT / "samples" / "text").glob("A_RES_7*.txt"))[:6]]:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    one = run("extract", str(tmp_path), "--format", fmt, "-j", "1")
    two = run("extract", str(tmp_path), "--format", fmt, "--jobs", "2")
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) > 100
    bad = run("extract", str(tmp_path), "-j", "0")
    assert bad.returncode == 2 and "--jobs" in bad.stderr


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


# ---------------------------------------------------------------- hostile and unlucky input (issue 17, input side)

import os
import threading

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOOD = "Recalling its resolution 78/132 of 19 December 2023,\n"


def _cg(*args, timeout=60):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "graph.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env)


def _returns_within(fn, seconds=10):
    out = {}
    t = threading.Thread(target=lambda: out.setdefault("value", _catch(fn)), daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "blocked"
    return out["value"]


def _catch(fn):
    try:
        return fn()
    except Exception as err:  # the error is the value
        return err


def test_a_named_pipe_on_the_command_line_never_blocks(tmp_path):
    fifo = tmp_path / "A_RES_80_1.txt"
    os.mkfifo(fifo)
    (tmp_path / "A_RES_80_2.txt").write_text(GOOD, encoding="utf-8")
    skipped = []
    assert list(ingest.iter_paths([fifo], skipped=lambda p, why: skipped.append(why))) == []
    assert skipped == ["named pipe, not a regular file: skipped"]
    err = _returns_within(lambda: ingest.read_document(fifo))
    assert isinstance(err, ReadError) and "not a regular file" in str(err)
    r = _cg("extract", fifo, tmp_path / "A_RES_80_2.txt", "--format", "jsonl", timeout=60)
    assert r.returncode == 0 and "A/RES/78/132" in r.stdout
    assert f"{fifo}: named pipe, not a regular file: skipped" in r.stderr


def test_in_a_folder_what_is_not_a_regular_file_is_skipped_with_one_line(tmp_path, monkeypatch):
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "locked").mkdir()
    (d / "A_RES_80_2.txt").write_text(GOOD, encoding="utf-8")
    (d / "sub" / "A_RES_80_3.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(d / "pipe.txt")
    (d / "gone.txt").symlink_to(d / "nowhere.txt")
    (d / "sub" / "loop").symlink_to(d)
    (d / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # as root a chmod 000 folder stays readable: the system's refusal, as it comes
        if pathlib.Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("ingest.read.os.scandir", scandir)
    skipped = []
    got = list(ingest.iter_paths([d], skipped=lambda p, why: skipped.append((p.name, why))))
    assert [p.name for p in got] == ["A_RES_80_2.txt", "A_RES_80_3.txt"]
    assert sorted(skipped) == [("gone.txt", "dangling symbolic link, skipped"),
                               ("locked", "folder cannot be read (Permission denied), skipped"),
                               ("loop", "symbolic link to a folder being read, skipped"),
                               ("pipe.txt", "named pipe, not a regular file: skipped")]


def _as_a_user() -> list[str]:
    """The prefix that runs a command with the permission bits applying to it. A user's command runs
    as it is; root reads any folder (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so as root the command
    runs through ``setpriv`` with those two capabilities dropped from its bounding set: still root,
    but a folder of mode 000 refuses it as it refuses any user."""
    if os.geteuid() != 0:
        return []
    import shutil

    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root, and no setpriv (util-linux) to give up the power to read any folder")
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    if subprocess.run([*prefix, "true"], capture_output=True).returncode:
        pytest.skip("setpriv cannot drop capabilities here")
    return prefix


def _cg_as_a_user(*args, timeout=120):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*_as_a_user(), sys.executable, "-m", "graph.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT, env=env)


@pytest.mark.parametrize("command", ["extract", pytest.param("build", marks=pytest.mark.slow)])
def test_an_unreadable_folder_and_file_for_real(tmp_path, command):
    """The system's own refusal, not a stand-in: a subfolder and a file of mode 000, read by a process
    the permission bits apply to. The folder is skipped with one line, the file is one error line, the
    rest is read."""
    d = tmp_path / "corpus"
    (d / "locked").mkdir(parents=True)
    (d / "locked" / "A_RES_80_3.txt").write_text(GOOD, encoding="utf-8")
    (d / "A_RES_80_2.txt").write_text(GOOD, encoding="utf-8")
    (d / "A_RES_80_4.txt").write_text("Recalling its resolution 70/1,\n", encoding="utf-8")
    (d / "locked").chmod(0)
    (d / "A_RES_80_4.txt").chmod(0)
    try:
        assert _as_a_user() == [] or subprocess.run([*_as_a_user(), "ls", d / "locked"],
                                                    capture_output=True).returncode != 0  # refused for real
        args = ["--format", "jsonl"] if command == "extract" else ["-o", tmp_path / "out", "--no-html"]
        r = _cg_as_a_user(command, d, *args)
        assert r.returncode == 0, r.stderr
        lines = r.stderr.splitlines()
        assert f"citegraph: {d}/locked: folder cannot be read (Permission denied), skipped" in lines
        assert f"citegraph: {d}/A_RES_80_4.txt: Permission denied" in lines
        assert len(lines) == 2, lines
        if command == "extract":
            assert [json.loads(x)["source"] for x in r.stdout.splitlines()] == ["A/RES/80/2"]
        else:
            assert r.stdout.startswith("documents  1 read, 1 failed, 1 skipped")
    finally:
        (d / "locked").chmod(0o755)
        (d / "A_RES_80_4.txt").chmod(0o644)


@pytest.mark.parametrize("name, shown", [
    ("new\nline.txt", "new\\nline.txt"),
    ("esc\x1b[31mred.txt", "esc\\x1b[31mred.txt"),
    ("tab\there.txt", "tab\\there.txt"),
    ("bidi\u202eexe.txt", "bidi\\u202eexe.txt"),
    ("back\\slash.txt", "back\\\\slash.txt"),
    ("caf\u00e9 r\u00e9sum\u00e9.txt", "caf\u00e9 r\u00e9sum\u00e9.txt"),  # printable: as it is
])
def test_file_names_are_printed_escaped_in_every_error_line(tmp_path, name, shown):
    bad = tmp_path / name
    bad.write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "A_RES_80_2.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / (name + ".xyz")).write_text("x", encoding="utf-8")
    r = cli("extract", tmp_path, "--format", "jsonl")
    lines = r.stderr.splitlines()
    assert f"{tmp_path}/{shown}: binary file, not text" in " ".join(lines)
    assert any(line.endswith(f"{shown}.xyz: unknown file type .xyz, skipped") for line in lines)
    assert "\x1b" not in r.stderr and "\u202e" not in r.stderr
    assert all(line.startswith("citegraph: ") for line in lines)


def test_a_word_file_over_the_limits_is_one_line_and_the_rest_goes_on(tmp_path, monkeypatch):
    from ingest.formats import word

    docx = PDFS / "A_81_6_Sect.26-cut.docx"
    monkeypatch.setattr(word, "MAX_TAGS", 1000)
    with pytest.raises(ReadError, match=r"document too large: more than 1,000 XML elements \(in word/"):
        read_docx(docx)
    monkeypatch.setattr(word, "MAX_TAGS", 10**9)
    monkeypatch.setattr(word, "MAX_UNPACKED", 1000)
    with pytest.raises(ReadError, match=r"document too large: unpacks to 941,708 bytes \(limit 1,000 bytes\)"):
        read_docx(docx)


def test_a_pdf_over_the_limits_is_one_line(monkeypatch):
    from ingest.formats import pdf

    three = PDFS / "A_80_590-pages-1-6-7.pdf"
    for backend in ("pdfium", "pdfplumber"):
        monkeypatch.setattr(pdf, "MAX_PAGES", 2)
        with pytest.raises(ReadError, match=r"document too large: 3 pages \(limit 2\)"):
            read_pdf(three, backend=backend)
        monkeypatch.setattr(pdf, "MAX_PAGES", 5000)
        monkeypatch.setattr(pdf, "MAX_CHARS", 100)
        with pytest.raises(ReadError, match=r"document too large: more than 100 characters"):
            read_pdf(three, backend=backend)
        monkeypatch.setattr(pdf, "MAX_CHARS", 10**9)
        monkeypatch.setattr(pdf, "MAX_OBJECTS_PER_PAGE", 3)
        with pytest.raises(ReadError, match=r"document too large: [\d,]+ objects on page 1 \(limit 3\)"):
            read_pdf(three, backend=backend)
        monkeypatch.setattr(pdf, "MAX_OBJECTS_PER_PAGE", 10**9)


@pytest.mark.slow
def test_a_small_docx_that_unpacks_to_hundreds_of_mb(tmp_path):
    """A 400 MB document.xml zipped to about 1 MB: refused in seconds with one line; the other file builds."""
    import time
    import zipfile

    d = tmp_path / "corpus"
    d.mkdir()
    (d / "A_RES_80_2.txt").write_text(GOOD, encoding="utf-8")
    bomb = d / "A_80_999.docx"
    src = zipfile.ZipFile(PDFS / "A_81_6_Sect.26-cut.docx")
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info, src.read(info))
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                    b'wordprocessingml/2006/main"><w:body>')
            chunk = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 30000
            for _ in range(400_000_000 // len(chunk)):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    assert bomb.stat().st_size < 5_000_000
    t0 = time.monotonic()
    r, peak = _cg_peak("build", d, "-o", tmp_path / "out", "--no-html", timeout=300)
    assert time.monotonic() - t0 < 120
    assert r.returncode == 0
    errors = [line for line in r.stderr.splitlines() if "A_80_999.docx" in line]
    assert len(errors) == 1 and "document too large: unpacks to 400 MB (limit 200 MB)" in errors[0]
    assert "A/RES/80/2" in (tmp_path / "out" / "nodes.csv").read_text(encoding="utf-8")
    assert peak < PEAK_LIMIT, f"a process of the build reached {peak / 1e6:,.0f} MB"  # was 12.7 GB


#: The most memory one process of a small build may take (its resident set): a build of a few small
#: files takes about 200 MB; the .docx bomb took 12.7 GB before the limits.
PEAK_LIMIT = 1_000_000_000


def _cg_peak(*args, timeout=60):
    """Run citegraph; also return the peak resident memory, in bytes, of the largest of its processes
    (the command and every process it started: RUSAGE_CHILDREN of a process that waited for them)."""
    import resource

    probe = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:]); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(p.returncode)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "graph.cli", *map(str, args)],
                       capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env)
    *lines, peak = r.stderr.splitlines()
    r.stderr = "\n".join(lines) + "\n"
    return r, int(peak) * 1024  # ru_maxrss is in kilobytes on Linux


def _pdf(contents: list[bytes], pages: int) -> bytes:
    """A PDF of ``pages`` pages written object by object (catalog, page tree, pages, compressed
    content streams), page i drawn by ``contents[i % len(contents)]`` (streams shared)."""
    import zlib

    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (3 + len(contents) + i)
                                                                      for i in range(pages)), pages)]
    for c in contents:
        z = zlib.compress(c, 9)
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(z), z))
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R >>" % (3 + i % len(contents))
                for i in range(pages)]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for k, o in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (k, o)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


TEXT_OPS = b"BT /F1 12 Tf 72 720 Td (Recalling its resolution 78/132,) Tj ET\n"


@pytest.mark.slow
def test_pdfs_over_the_limits_for_real(tmp_path):
    """Real PDFs past the limits of ingest/data/limits.toml, not lowered limits: 5,001 pages (either
    backend), one page of 200,001 objects (pdfium, the default backend): each refused in seconds with
    one line; the other file builds; no process of the build grows large."""
    import time

    from ingest.formats import pdf

    d = tmp_path / "corpus"
    d.mkdir()
    (d / "A_RES_80_2.txt").write_text(GOOD, encoding="utf-8")
    pages, objects = d / "A_80_998.pdf", d / "A_80_997.pdf"
    pages.write_bytes(_pdf([b""], pdf.MAX_PAGES + 1))
    objects.write_bytes(_pdf([b"0 0 1 1 re f\n" * (pdf.MAX_OBJECTS_PER_PAGE + 1)], 1))
    for backend in ("pdfium", "pdfplumber"):
        t0 = time.monotonic()
        with pytest.raises(ReadError, match=r"document too large: 5,001 pages \(limit 5,000\)"):
            read_pdf(pages, backend=backend)
        assert time.monotonic() - t0 < 60
    t0 = time.monotonic()
    with pytest.raises(ReadError, match=r"document too large: 200,001 objects on page 1 \(limit 200,000\)"):
        read_pdf(objects)
    assert time.monotonic() - t0 < 60
    r, peak = _cg_peak("build", d, "-o", tmp_path / "out", "--no-html", timeout=300)
    assert r.returncode == 0, r.stderr
    assert sorted(line for line in r.stderr.splitlines() if "A_80_99" in line) == [
        f"citegraph: {objects}: document too large: 200,001 objects on page 1 (limit 200,000)",
        f"citegraph: {pages}: document too large: 5,001 pages (limit 5,000)"]
    assert "A/RES/80/2" in (tmp_path / "out" / "nodes.csv").read_text(encoding="utf-8")
    assert peak < PEAK_LIMIT, f"a process of the build reached {peak / 1e6:,.0f} MB"
    # the same writer's PDFs below the limits are read: the refusals above are the limits' doing
    ok = tmp_path / "A_80_996.pdf"
    ok.write_bytes(_pdf([TEXT_OPS + b"0 0 1 1 re f\n" * 1000], 3))
    assert "A/RES/78/132" in [ref.target for ref in ingest.extract(read_pdf(ok))]


@pytest.mark.parametrize("name, shown", [
    ("esc\x1b[31mred.txt", "esc\\x1b[3"),  # (the column cuts the key at 22 characters)
    ("bell\x07.txt", "bell\\x07"),
    ("bidi\u202eexe.txt", "bidi\\u202"),
    ("A_RES_79_1\x1b]0;title\x07.txt", "A/RES/79/1"),  # the symbol ends at the first other character
    ("caf\u00e9.txt", "caf\u00e9"),  # printable: as it is
])
def test_a_file_name_reaches_the_table_escaped_too(tmp_path, name, shown):
    """``extract --format table`` (and every table the CLI prints: graph/cli.py ``_cell``) shows a
    document's key with its control, escape and directional characters as their escapes, as the error
    lines do: a file name is data, never a terminal command."""
    (tmp_path / name).write_text("The General Assembly,\n\nRecalling its resolution 78/132 of 19 December 2023,\n",
                                 encoding="utf-8")
    r = cli("extract", tmp_path, "--format", "table")
    assert r.returncode == 0, r.stderr
    assert "A/RES/78/132" in r.stdout
    assert shown in r.stdout
    assert not any(c in r.stdout for c in "\x1b\x07\u202e")
