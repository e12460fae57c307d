"""The graph commands (build, show, top, path) and the pipeline under them: cache, processes, bad files."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from graph import analysis, pipeline
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
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("citegraph: ")]
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
    for row, symbol in zip(rows[1:], symbols):  # a long key ("Charter of the United Nations") is cut
        assert row.startswith(symbol + " ") or row.startswith(symbol[:21] + "…")
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


# --------------------------------------------------------------------------- the pipeline

def _corpus(tmp_path, names=("A_RES_70_125.txt", "A_RES_78_132.txt", "A_RES_79_195.txt")):
    src = tmp_path / "corpus"
    src.mkdir()
    for n in names:
        shutil.copy(SAMPLE_TEXT / n, src)
    return src


def test_rebuild_after_one_file_changed_reads_only_that_file(tmp_path):
    src, cache = _corpus(tmp_path), tmp_path / "cache"
    first = pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=None)
    assert (first.files, first.read, first.cached) == (3, 3, 0)
    again = pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=None)
    assert (again.read, again.cached) == (0, 3)
    assert again.references == first.references
    changed = src / "A_RES_78_132.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nRecalling its resolution 60/1 of 16 September 2005,\n",
                       encoding="utf-8")
    third = pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=None)
    assert (third.read, third.cached) == (1, 2)
    assert len(list(cache.rglob("*.pickle"))) == 3  # the entry of the old bytes is gone
    assert any(r.target == "A/RES/60/1" and r.source == "A/RES/78/132" for r in third.references)
    assert not any(r.target == "A/RES/60/1" and r.source == "A/RES/78/132" for r in first.references)


def test_a_damaged_cache_entry_is_a_miss(tmp_path):
    src, cache = _corpus(tmp_path), tmp_path / "cache"
    first = pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=None)
    entries = sorted(cache.rglob("*.pickle"))
    assert len(entries) == 3
    entries[0].write_bytes(entries[0].read_bytes()[:20])
    again = pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=None)
    assert (again.read, again.cached) == (1, 2)
    assert again.references == first.references


def test_processes_give_the_same_answer_as_one(tmp_path):
    src = _corpus(tmp_path, tuple(sorted(p.name for p in SAMPLE_TEXT.iterdir())[:8]))
    one = pipeline.read_corpus([src], jobs=1, learn_aliases=None)
    two = pipeline.read_corpus([src], jobs=2, learn_aliases=None)
    assert [d.symbol for d in two.documents] == [d.symbol for d in one.documents]
    assert [r.to_dict() for r in two.references] == [r.to_dict() for r in one.references]


def test_two_passes_learn_aliases_from_all_documents_then_cache_by_table(tmp_path):
    src, cache = _corpus(tmp_path), tmp_path / "cache"
    seen = []

    def learn(docs):
        seen.append(sorted(d.symbol for d in docs))
        return None  # no table: the references of the first pass stand

    first = pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=learn)
    assert seen == [["A/RES/70/125", "A/RES/78/132", "A/RES/79/195"]]
    again = pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=learn)
    assert (again.read, again.cached) == (0, 3)
    assert again.references == first.references
    assert sorted(p.name.split("-")[0] for p in cache.rglob("*.pickle")) == ["docrefs"] * 3


def test_a_learned_name_sends_back_only_the_documents_that_may_hold_it(tmp_path):
    from ingest import named

    src, cache = _corpus(tmp_path), tmp_path / "cache"
    (src / "A_RES_78_132.txt").write_text(
        (src / "A_RES_78_132.txt").read_text(encoding="utf-8") + "\n\nWelcoming the Kigali Digital Charter,\n",
        encoding="utf-8")
    kigali = named.Alias("Kigali Digital Charter", "A/RES/77/1", None, "charter", "test",
                         learned_from="elsewhere, footnote 1")

    def learn(docs):
        return named.AliasTable(named.curated().curated, (kigali,))

    got = pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=learn)
    hits = [(r.source, r.kind, r.surface) for r in got.references if r.target == "A/RES/77/1"]
    assert hits == [("A/RES/78/132", "named", "Kigali Digital Charter")]
    assert sorted(p.name.split("-")[0] for p in cache.rglob("*.pickle")) == ["docrefs"] * 3 + ["refs"]
    again = pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=learn)
    assert again.references == got.references and (again.read, again.cached) == (0, 3)


def test_one_pass_plus_reruns_equals_extracting_every_document_under_the_corpus_table():
    """The pipeline extracts once with the curated names, then again only where a learned name may
    occur: that must give exactly what extracting every document under the learned table gives."""
    import ingest
    from ingest import named

    got = pipeline.read_corpus([SAMPLE], jobs=2)
    docs = got.documents
    table = named.learn_aliases(docs)
    assert table.learned, "the sample corpus teaches names in its footnotes"
    want = [r for d in docs for r in ingest.extract(d, aliases=table)]
    assert [r.to_dict() for r in got.references] == [r.to_dict() for r in want]
    assert any(r.evidence == "alias" for r in got.references)


def test_described_documents_give_the_same_references(tmp_path):
    """``texts=False`` (what ``citegraph extract`` runs) keeps the documents described only; the
    references, the learned names applied across the corpus among them, are the same."""
    full = pipeline.read_corpus([SAMPLE], jobs=2)
    described = pipeline.read_corpus([SAMPLE], jobs=2, texts=False)
    assert any(r.evidence == "alias" for r in described.references)
    assert [r.to_dict() for r in described.references] == [r.to_dict() for r in full.references]
    assert [(d.symbol, d.title, d.date) for d in described.documents] == \
        [(d.symbol, d.title, d.date) for d in full.documents]
    assert all(d.paragraphs == () for d in described.documents)
    # one cache for both: a described document never answers for a whole one
    src, cache = _corpus(tmp_path), tmp_path / "cache"
    pipeline.read_corpus([src], cache_dir=cache, jobs=1, texts=False)
    whole = pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    assert whole.read == 3 and all(d.paragraphs for d in whole.documents)
    with pytest.raises(ValueError):
        pipeline.read_corpus([src], texts=False, learn_aliases=lambda docs: None)


def test_encoded_in_the_reading_processes_equals_encoded_after(tmp_path):
    """``encode`` (how ``extract --format jsonl`` makes its lines on all cores) gives what encoding the
    references afterwards gives, learned names included; it needs described documents and no cache."""
    from graph.cli import jsonl_lines

    after = pipeline.read_corpus([SAMPLE], jobs=2, texts=False)
    during = pipeline.read_corpus([SAMPLE], jobs=2, texts=False, encode=jsonl_lines)
    assert during.references == [] and len(during.encoded) == len(during.documents) == len(after.documents)
    assert "".join(during.encoded) == jsonl_lines(after.references)
    assert '"evidence": "alias"' in "".join(during.encoded)
    for wrong in ({"texts": True}, {"texts": False, "cache_dir": tmp_path / "cache"}):
        with pytest.raises(ValueError):
            pipeline.read_corpus([SAMPLE], encode=jsonl_lines, **wrong)


def test_tool_version_names_the_cache_folder(tmp_path):
    src, cache = _corpus(tmp_path, ("A_RES_70_125.txt",)), tmp_path / "cache"
    (cache / "0.0.0-stale").mkdir(parents=True)
    pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=None)
    assert [p.name for p in cache.iterdir()] == [pipeline.tool_version()]


def _crash_on_c(x: str) -> tuple:
    """A reader that takes its process down on one item, as a crash in native code would."""
    import os

    if x == "c":
        os._exit(3)
    return ("ok", x, [])


def test_a_dying_reader_fails_only_its_own_file():
    from tqdm import tqdm

    items = ["a", "b", "c", "d", "e", "f"]
    with tqdm(disable=True) as bar:
        out = pipeline._run(_crash_on_c, items, 2, bar)
    assert [r[0] for r in out] == ["ok", "ok", "error", "ok", "ok", "ok"]
    assert out[2] == ("error", "c: the reading process died")
    assert [r[1] for r in out if r[0] == "ok"] == ["a", "b", "d", "e", "f"]


def test_a_failing_alias_learner_is_one_warning(tmp_path):
    src = _corpus(tmp_path, ("A_RES_70_125.txt",))
    warnings = []

    def learn(docs):
        raise ValueError("no table\ntoday")

    got = pipeline.read_corpus([src], jobs=1, learn_aliases=learn, on_error=warnings.append)
    plain = pipeline.read_corpus([src], jobs=1, learn_aliases=None)
    assert warnings == ["learning aliases failed (ValueError: no table today); extracting without them"]
    assert got.references == plain.references and got.failed == 0
