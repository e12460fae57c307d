"""The graph commands (build, show, top, path): what they write and print, bad files, one-line errors.

The pipeline under ``build`` (cache, processes, the two passes) is tested in ``test_pipeline.py``."""
from __future__ import annotations

import pathlib
import re
import shutil

import pytest
from click.testing import CliRunner

from graph import analysis
from graph.cli import DEFAULT_OUT, SAMPLE, main
from graph.export import FILES, read_json

SAMPLE_TEXT = SAMPLE / "text"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample-out")
    result = run("build", SAMPLE, "-o", out, "--jobs", "2")
    return out, result


# --------------------------------------------------------------------------- build

def test_build_writes_every_file_and_a_summary(built):
    out, result = built
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} >= set(FILES)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("documents  49 read, 0 failed (49 read now, 0 from cache")
    assert lines[1].startswith("references ") and int(lines[1].split()[1]) > 500
    assert lines[2].startswith("nodes ") and "(49 in the corpus" in lines[2]
    assert lines[3].startswith("edges ")
    i = lines.index("most cited")
    assert lines[i + 1].split()[:3] == ["symbol", "cited", "by"]
    assert len(lines) - i - 2 == 10  # ten most cited
    assert "A/RES/70/1 " in result.stdout


def test_every_format_agrees_with_the_summary(built):
    import csv

    import igraph
    import networkx as nx

    out, result = built
    nodes = int(result.stdout.splitlines()[2].split()[1])
    edges = int(result.stdout.splitlines()[3].split()[1])
    refs = int(result.stdout.splitlines()[1].split()[1])
    G = nx.read_graphml(out / "graph.graphml")
    X = nx.read_gexf(out / "graph.gexf")
    J = read_json(out / "graph.json")
    ig = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    with open(out / "nodes.csv", newline="", encoding="utf-8") as f:
        csv_nodes = list(csv.DictReader(f))
    with open(out / "edges.csv", newline="", encoding="utf-8") as f:
        csv_edges = sum(1 for _ in csv.DictReader(f))
    with open(out / "references.csv", newline="", encoding="utf-8") as f:
        csv_refs = sum(1 for _ in csv.DictReader(f))
    for n_nodes, n_edges in ((G.number_of_nodes(), G.number_of_edges()), (X.number_of_nodes(), X.number_of_edges()),
                             (J.number_of_nodes(), J.number_of_edges()), (ig.vcount(), ig.ecount()),
                             (len(csv_nodes), csv_edges)):
        assert (n_nodes, n_edges) == (nodes, edges)
    assert csv_refs == refs
    assert all(r["kind"] and r["body"] and r["url"] for r in csv_nodes)
    assert sum(r["in_corpus"] == "True" for r in csv_nodes) == 49


def test_rebuild_takes_everything_from_the_cache_and_writes_the_same_bytes(built, tmp_path):
    out, _ = built
    before = {n: (out / n).read_bytes() for n in FILES}
    result = run("build", SAMPLE, "-o", out)
    assert result.exit_code == 0
    assert "(0 read now, 49 from cache" in result.stdout
    assert {n: (out / n).read_bytes() for n in FILES} == before


def test_bad_files_are_one_line_errors_and_the_rest_builds(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE_TEXT / "A_RES_70_125.txt", src)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (src / "notes.xyz").write_text("not a document")
    result = run("build", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("documents  1 read, 2 failed, 1 skipped")
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("citegraph: ") and "graph.html: " not in ln]
    assert len(errors) == 3
    assert any("empty.txt: empty file" in ln for ln in errors)
    assert any("binary.txt: binary file" in ln for ln in errors)
    assert any("notes.xyz: unknown file type" in ln for ln in errors)


def test_build_fails_only_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"   ")
    result = run("build", tmp_path / "empty.txt", tmp_path / "missing.txt", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "Error: no file could be read (2 tried)" in result.stderr
    assert not (tmp_path / "out" / "graph.json").exists()


PDFS = SAMPLE.parent / "tests" / "pdfs"
GOOD_TEXT = "The General Assembly,\n\nRecalling its resolution 78/132 of 19 December 2023 on “café” society,\n"

#: The brief's bad input, each a real file of its kind -> the reason its one line gives.
BAD_INPUT = [
    ("corrupt.pdf", (PDFS / "truncated.pdf").read_bytes(), "truncated or corrupt PDF"),  # half a real PDF
    ("encrypted.pdf", (PDFS / "encrypted.pdf").read_bytes(), "encrypted PDF"),
    ("scanned.pdf", (PDFS / "scanned.pdf").read_bytes(), "no text layer; run OCR first"),  # a page as an image
    ("not-a-pdf.pdf", (PDFS / "not-a-pdf.pdf").read_bytes(), "not a PDF"),
    ("corrupt.docx", (PDFS / "truncated.docx").read_bytes(), "truncated or corrupt Word file"),
    ("binary.txt", bytes(range(256)) * 8, "binary file, not text"),
    ("image.md", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file, not text"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b" \n\n\t\n", "empty file"),
    ("empty.docx", b"", "empty file"),
]
#: Text in an encoding other than UTF-8 is read, not refused: it is not bad input.
OTHER_ENCODINGS = [
    ("A_RES_80_11.txt", GOOD_TEXT.encode("cp1252")),  # Windows-1252, curly quotes and all
    ("A_RES_80_12.txt", GOOD_TEXT.encode("utf-16-le")),  # UTF-16 without a byte-order mark
    ("A_RES_80_13.txt", GOOD_TEXT.encode("utf-16")),  # UTF-16 with one
    ("A_RES_80_14.txt", b"\xef\xbb\xbf" + GOOD_TEXT.encode("utf-8")),  # UTF-8 with a byte-order mark
]


#: (command, input files by name and bytes (None: a missing path; "/": an empty folder), the lines stderr
#: must be, ``{d}`` the input folder): one file that cannot be read gets its one line and nothing more.
NOTHING_READ = [
    ("extract", {"bad.bin": b"\x00\x01binary"}, ["citegraph: {d}/bad.bin: unknown file type .bin, skipped"]),
    ("extract", {"gone.txt": None}, ["citegraph: {d}/gone.txt: no such file"]),
    ("extract", {"empty.txt": b"  "}, ["citegraph: {d}/empty.txt: empty file"]),
    ("inspect", {"empty.txt": b""}, ["citegraph: {d}/empty.txt: empty file"]),
    ("build", {"binary.txt": b"\x00\x00\x00\xff" * 64}, ["citegraph: {d}/binary.txt: binary file, not text"]),
    ("extract", {"empty.txt": b"", "gone.txt": None},
     ["citegraph: {d}/empty.txt: empty file", "citegraph: {d}/gone.txt: no such file",
      "Error: no file could be read (2 tried)"]),
    ("build", {"empty.txt": b"", "gone.md": None},
     ["citegraph: {d}/empty.txt: empty file", "citegraph: {d}/gone.md: no such file",
      "Error: no file could be read (2 tried)"]),
    ("extract", {"nothing": "/"}, ["Error: no file to read in {d}/nothing"]),
    ("inspect", {"nothing": "/"}, ["Error: no file to read in {d}/nothing"]),
    ("build", {"nothing": "/"}, ["Error: no file to read in {d}/nothing"]),
]


@pytest.mark.parametrize("command, files, lines", NOTHING_READ)
def test_nothing_read_fails_with_one_line_per_file(tmp_path, command, files, lines):
    paths = []
    for name, data in files.items():
        path = tmp_path / name
        if data == "/":
            path.mkdir()
        elif data is not None:
            path.write_bytes(data)
        paths.append(path)
    result = run(command, *paths, *(["-o", tmp_path / "out"] if command == "build" else []))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [line.format(d=tmp_path) for line in lines]
    assert result.stdout == ""


def test_every_kind_of_bad_input_is_one_line_and_nothing_written_is_lost(tmp_path):
    """The brief's bad input (corrupt, encrypted and scanned PDFs, a corrupt Word file, binary files,
    empty files, a missing path), all in one build: one line on stderr for each, naming the file and
    the reason; the good files (text in other encodings among them) build; the files of an earlier
    build in the output folder are replaced whole, and left as they were when nothing could be read."""
    import json
    import time

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(SAMPLE_TEXT / "A_RES_70_125.txt", src)
    first = run("build", src, "-o", out, "--no-pages")
    assert first.exit_code == 0, first.output
    before = {name: (out / name).read_bytes() for name in FILES}
    for name, data, *_ in BAD_INPUT + OTHER_ENCODINGS:
        (src / name).write_bytes(data)
    t0 = time.monotonic()
    result = run("build", src, tmp_path / "missing.txt", "-o", out, "--no-pages")
    assert time.monotonic() - t0 < 300
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("citegraph: ") and "graph.html: " not in ln]
    expected = {f"citegraph: {src / name}: {reason}" for name, _, reason in BAD_INPUT}
    expected.add(f"citegraph: {tmp_path / 'missing.txt'}: no such file")
    assert set(lines) == expected and len(lines) == len(expected), "\n".join(lines)
    assert result.stdout.startswith(f"documents  5 read, {len(BAD_INPUT) + 1} failed")
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    in_corpus = {n["id"] for n in graph["nodes"] if n["in_corpus"]}
    assert in_corpus == {"A/RES/70/125", "A/RES/80/11", "A/RES/80/12", "A/RES/80/13", "A/RES/80/14"}
    assert {(e["source"], e["target"]) for e in graph["edges"] if e["source"].startswith("A/RES/80/")} == {
        (f"A/RES/80/1{i}", "A/RES/78/132") for i in range(1, 5)}
    assert any("café" in json.dumps(e, ensure_ascii=False) for e in graph["edges"] if e["source"] == "A/RES/80/11")
    for name in FILES:  # every file of the new build whole, none left from the first
        assert (out / name).read_bytes() != before[name], name
    assert not list(out.glob(".*.tmp"))
    again = {name: (out / name).read_bytes() for name in FILES}
    nothing = run("build", *(src / name for name, _, _ in BAD_INPUT), "-o", out, "--no-pages")
    assert nothing.exit_code == 1 and f"no file could be read ({len(BAD_INPUT)} tried)" in nothing.stderr
    assert {name: (out / name).read_bytes() for name in FILES} == again  # nothing written is lost


def test_no_command_builds_the_sample_into_output():
    result = run()
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("documents  49 read")
    for name in FILES:
        assert (DEFAULT_OUT / name).stat().st_size > 0


# --------------------------------------------------------------------------- show, top, path

def test_show_lists_both_directions_with_the_citing_words(built):
    out, _ = built
    result = run("show", "78/132", "-g", out / "graph.json")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("A/RES/78/132  resolution, General Assembly, 2023-12-19, in the corpus")
    assert "https://undocs.org/en/A/RES/78/132" in text
    cites, cited_by = text.split("\ncited by (")
    assert "A/RES/70/1 " in cites
    assert "A/RES/79/194" in cited_by and "Recalling its resolution 78/132" in cited_by


@pytest.mark.parametrize("args, message", [
    (("show", "A/RES/1/999"), "Error: no document 'A/RES/1/999' in the graph"),
    (("path", "79/194", "A/RES/1/999"), "Error: no document 'A/RES/1/999' in the graph"),
    (("path", "56/183", "79/194"), "Error: no chain of citations from A/RES/56/183 to A/RES/79/194; try --either-way"),
])
def test_graph_questions_fail_with_one_line(built, args, message):
    out, _ = built
    result = run(*args, "-g", out / "graph.json")
    assert result.exit_code == 1
    assert result.stderr.strip() == message


def test_missing_graph_file_is_an_error(tmp_path):
    result = run("top", "-g", tmp_path / "graph.json")
    assert result.exit_code == 1
    assert "graph.json: no such file (run `citegraph build -o DIR` first)" in result.stderr


@pytest.mark.parametrize("args, kw", [
    (("-n", "3"), {"by": "citations"}),
    (("-n", "3", "--by", "cited_by"), {"by": "cited_by"}),
    (("-n", "3", "--by", "pagerank"), None),
    (("-n", "3", "--body", "Economic and Social Council"), {"body": "Economic and Social Council"}),
])
def test_top(built, args, kw):
    out, _ = built
    result = run("top", *args, "-g", out / "graph.json")
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    assert rows[0].startswith("symbol") and len(rows) == 4
    G = read_json(out / "graph.json")
    expected = analysis.most_cited(G, 3, **kw) if kw else analysis.pagerank(G, 3)
    symbols = expected["symbol"].tolist()
    for row, symbol in zip(rows[1:], symbols):  # into a pipe nothing is cut, not even "Charter of the United Nations"
        assert row.startswith(symbol + " ")
    if kw and "body" in kw:
        assert all(G.nodes[s]["body"] == kw["body"] for s in symbols)


def test_path(built):
    out, _ = built
    result = run("path", "79/194", "56/183", "-g", out / "graph.json")
    assert result.exit_code == 0, result.output
    step = result.stdout.splitlines()[1].split()
    assert step[:4] == ["1", "A/RES/79/194", "cites", "A/RES/56/183"]
    back = run("path", "56/183", "79/194", "--either-way", "-g", out / "graph.json")
    assert back.exit_code == 0 and back.stdout.splitlines()[1].split()[:4] == ["1", "A/RES/79/194", "cites", "A/RES/56/183"]


# --------------------------------------------------------------------------- top's filters, tables, the summary

@pytest.mark.parametrize("option, value, expected", [
    ("--body", "GA", "General Assembly"), ("--body", "ga", "General Assembly"), ("--body", "UNGA", "General Assembly"),
    ("--body", "general ASSEMBLY", "General Assembly"), ("--body", "ECOSOC", "Economic and Social Council"),
    ("--body", "sc", "Security Council"), ("--body", "HRC", "Human Rights Council"),
    ("--kind", "Resolutions", "resolution"), ("--kind", "RES", "resolution"), ("--kind", "report", "report"),
    ("--kind", "DECISION", "decision"),
])
def test_top_reads_any_case_and_the_usual_codes(built, option, value, expected):
    out, _ = built
    result = CliRunner().invoke(main, ["top", option, value, "-n", "50", "-g", str(out / "graph.json")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    G = read_json(out / "graph.json")
    symbols = [ln.split()[0] for ln in result.stdout.splitlines()[1:]]
    key = "body" if option == "--body" else "kind"
    assert symbols and all(G.nodes[s][key] == expected for s in symbols if s in G), symbols


@pytest.mark.parametrize("option, value, listed", [
    ("--body", "Galactic Council", ["General Assembly", "Security Council", "GA", "SC"]),
    ("--kind", "poem", ["resolution", "report"]),
])
def test_top_lists_the_valid_values_and_exits_2(built, option, value, listed):
    out, _ = built
    result = CliRunner().invoke(main, ["top", option, value, "-g", str(out / "graph.json")])
    assert result.exit_code == 2
    assert f"unknown {option[2:]} {value!r}; valid: " in result.stderr
    assert all(v in result.stderr for v in listed)
    assert result.stdout == ""


@pytest.mark.parametrize("columns", [100, 80, 60])
@pytest.mark.parametrize("args", [("top", "-n", "15"), ("top", "--by", "pagerank"), ("show", "79/194"),
                                  ("path", "79/194", "56/183")])
def test_tables_fit_the_terminal(built, columns, args):
    """At 100 and 80 columns every line fits; at any width numbers and symbols stay whole (a symbol cut,
    "S/RES/2033…", is any of ten), long text is cut with … (at 60 columns the symbols may not leave room)."""
    out, _ = built
    result = CliRunner(env={"COLUMNS": str(columns)}).invoke(main, [*args, "-g", str(out / "graph.json")],
                                                             catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    table = [ln for ln in lines if not ln.startswith(("A/RES/79/194  resolution", "http", "Information"))]
    if columns >= 80:
        assert all(len(ln) <= columns for ln in table), [ln for ln in table if len(ln) > columns]
    G = read_json(out / "graph.json")
    for ln in table[1:]:
        cells = ln.split()
        assert all(c in G for c in cells if c.startswith(("A/", "S/", "E/", "FCCC/"))), ln  # each symbol whole
    if args[0] == "top" and args[1] == "-n":
        G = read_json(out / "graph.json")
        first = lines[1].split()
        assert int(first[-len(lines[1].split()) + 1]) == G.in_degree(first[0])  # cited by, whole
        assert any(ln.endswith("…") for ln in lines) or columns == 100


@pytest.mark.parametrize("env, cut", [({}, False), ({"COLUMNS": "70"}, True)])
def test_a_table_into_a_pipe_is_never_cut(tmp_path, env, cut):
    """extract's table into a file or pipe (no terminal, no COLUMNS): every cell whole, the target's year
    and the surface included; with COLUMNS the table fits it, the symbols whole still."""
    (tmp_path / "S_RES_2719_2023.txt").write_text(
        "Resolution 2719 (2023)\n\nAdopted by the Security Council at its 9518th meeting, on 21 December 2023\n\n"
        "The Security Council,\n\nRecalling its resolutions 2033 (2012), 2320 (2016) and 2378 (2017), the statements"
        " of its President S/PRST/2014/27 and S/PRST/2021/21, and the report of the Secretary-General A/78/361-S/2023/"
        "617 on the financing of African Union-led peace support operations mandated by the Council,\n", encoding="utf-8")
    result = CliRunner(env=env).invoke(main, ["extract", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()[1:]
    targets = [r.split()[3] for r in rows]  # source, paragraph, relation, target (no footnote, no pinpoint)
    assert targets == ["S/RES/2033(2012)", "S/RES/2320(2016)", "S/RES/2378(2017)", "S/PRST/2014/27", "S/PRST/2021/21",
                       "A/78/361"], rows  # (a joint symbol is one reference to its first symbol)
    assert any(r.endswith("…") for r in rows) is cut
    assert rows[-1].endswith("  A/78/361-S/2023/617") is not cut
    if cut:
        assert all(len(r) <= 70 or "…" in r for r in rows)


def test_the_build_summary_says_how_long_each_stage_took_and_what_came_from_the_cache(tmp_path):
    first = run("build", SAMPLE_TEXT, "-o", tmp_path, "--no-pages", "--jobs", "1")
    again = run("build", SAMPLE_TEXT, "-o", tmp_path, "--no-pages", "--jobs", "1")
    for result, cached in ((first, 0), (again, None)):
        line = next(ln for ln in result.stdout.splitlines() if ln.startswith("time "))
        m = re.match(r"time +([\d.]+) s: reading ([\d.]+) s \((\d+) of (\d+) files from the cache\), "
                     r"building ([\d.]+) s, writing ([\d.]+) s$", line)
        assert m, line
        total, reading, from_cache, files, building, writing = m.groups()
        assert abs(float(total) - float(reading) - float(building) - float(writing)) < 0.25
        assert int(from_cache) == (cached if cached is not None else int(files)) and int(files) > 0
    # nothing the graph's files show changed: the second build keeps them and says so
    assert "kept " not in first.stdout
    assert "kept       the graph's files of the last build" in again.stdout


# `citegraph extract --format jsonl` is Python's start plus reading: the graph side's libraries are never
# loaded (pandas alone costs a third of a second of CPU before the first file is read, pyarrow and numpy
# another sixth). (The table format gathers the references in an Arrow table first.)
_EXTRACT_LOADS = """
import sys
from click.testing import CliRunner
from graph.cli import main
result = CliRunner().invoke(main, ["extract", sys.argv[1], "--format", sys.argv[2], "-j", sys.argv[3]])
assert result.exit_code == 0, result.output
assert result.output.count("A/RES/") > 10, result.output[:500]
from ingest.structure.title import title_rules
print(" ".join(sorted(sys.modules)), "title_rules_read=%d" % title_rules.cache_info().currsize)
"""


@pytest.mark.parametrize("fmt, jobs", [("jsonl", "1"), ("jsonl", "2")])
def test_extract_loads_none_of_the_graph_libraries(fmt, jobs):
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(SAMPLE.parent)}
    done = subprocess.run([sys.executable, "-c", _EXTRACT_LOADS, str(SAMPLE), fmt, jobs], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    modules = set(done.stdout.split())
    loaded = {m.split(".")[0] for m in modules}
    assert "ingest" in loaded and "graph" in loaded
    assert not loaded & {"pandas", "networkx", "pyarrow", "numpy", "rich", "lxml", "scipy", "matplotlib", "jinja2"}, \
        loaded
    # nor the PDF and Word readers (a text corpus has no file of theirs), nor the title rules (no title is read)
    assert not modules & {"ingest.formats.pdf", "ingest.formats.pdf_layout", "ingest.formats.word"}, modules
    assert "title_rules_read=0" in modules


def test_build_o_dir_writes_its_readme(tmp_path):
    """`citegraph build -o DIR` writes README.md into DIR, as the default output/ has one (the same text); a
    rebuild with nothing changed, which keeps every file, puts it back when it was deleted."""
    from graph.export import OUTPUT_README

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE_TEXT / "A_RES_70_125.txt", src)
    out = tmp_path / "results"
    for _ in range(2):
        result = run("build", src, "-o", out, "--no-html")
        assert result.exit_code == 0, result.output
        assert (out / "README.md").read_bytes() == OUTPUT_README.read_bytes()
        (out / "README.md").unlink()


# `extract --format jsonl` encodes with the C encoder made once: the same lines as json.dumps of each reference's
# fields, on real references and on strings that need escaping (quotes, backslashes, control and non-ASCII characters)
JSONL_ODD_SURFACES = ["resolution 70/1", 'entitled “Transforming our world”', 'the "Global Compact"', "a\\b",
                      "tab\there", "line\nbreak", "\x00\x1f", "İstanbul – ES‑11/1", "😀", ""]


def test_jsonl_lines_are_json_dumps():
    import json
    from dataclasses import replace

    import ingest
    from graph.cli import jsonl_lines
    from graph.schema import JSONL_FIELDS

    refs = ingest.extract_file(pathlib.Path(__file__).resolve().parent.parent / "samples" / "A_RES_79_194.md")[1]
    assert len(refs) > 20
    refs += [replace(refs[0], surface=s, sentence=s, start=k, target_title=None) for k, s in enumerate(JSONL_ODD_SURFACES)]
    expected = "".join(json.dumps({k: getattr(r, k) for k in JSONL_FIELDS}, ensure_ascii=False) + "\n" for r in refs)
    assert jsonl_lines(refs) == expected
    assert jsonl_lines([]) == ""
