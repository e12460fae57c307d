"""graph.pipeline: reading a corpus with the cache, in processes, in two passes (learned names)."""
from __future__ import annotations

import os
import pathlib
import shutil
import sqlite3

import pytest
from tqdm import tqdm

from graph import files, pipeline
from graph.cli import SAMPLE

SAMPLE_TEXT = SAMPLE / "text"


@pytest.fixture(scope="module")
def sample_whole():
    """The sample corpus read with its texts (what ``build`` reads), once for this module."""
    return pipeline.read_corpus([SAMPLE], jobs=2, progress=False)


@pytest.fixture(scope="module")
def sample_described():
    """The sample corpus read described only (what ``extract`` reads), once for this module."""
    return pipeline.read_corpus([SAMPLE], jobs=2, progress=False, texts=False)


def _entries(cache) -> list[tuple[str, str]]:
    """(kind, path) of every entry in the store under ``cache`` (its SQLite index, as documented)."""
    with sqlite3.connect(cache / "index.sqlite") as db:
        return sorted(db.execute("SELECT kind, path FROM entries"))


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
    # the entry of the old bytes stays for a few builds (KEEP_BUILDS), then goes
    assert len(_entries(cache)) == 4
    for _ in range(3):
        pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=None)
    assert len(_entries(cache)) == 3
    assert any(r.target == "A/RES/60/1" and r.source == "A/RES/78/132" for r in third.references)
    assert not any(r.target == "A/RES/60/1" and r.source == "A/RES/78/132" for r in first.references)


def test_a_damaged_cache_entry_is_a_miss(tmp_path):
    src, cache = _corpus(tmp_path), tmp_path / "cache"
    first = pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=None)
    assert len(_entries(cache)) == 3
    with sqlite3.connect(cache / "index.sqlite") as db:
        db.execute("UPDATE entries SET document = '{\"not\": \"ours\"}' WHERE path LIKE '%78_132%'")
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
    assert [kind for kind, _ in _entries(cache)] == ["pass1"] * 3


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
    assert [(kind.split("-")[0], path.split("/")[-1]) for kind, path in _entries(cache)] == \
        [("pass1", n) for n in ("A_RES_70_125.txt", "A_RES_78_132.txt", "A_RES_79_195.txt")] + \
        [("refs", "A_RES_78_132.txt")]
    again = pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=learn)
    assert again.references == got.references and (again.read, again.cached) == (0, 3)


def test_one_pass_plus_reruns_equals_extracting_every_document_under_the_corpus_table(sample_whole):
    """The pipeline extracts once with the curated names, then again only where a learned name may
    occur: that must give exactly what extracting every document under the learned table gives."""
    import ingest

    got = sample_whole
    docs = got.documents
    table = ingest.learn_aliases(docs)
    assert table.learned, "the sample corpus teaches names in its footnotes"
    want = [r for d in docs for r in ingest.extract(d, aliases=table)]
    assert [r.to_dict() for r in got.references] == [r.to_dict() for r in want]
    assert any(r.evidence == "alias" for r in got.references)


def test_described_documents_give_the_same_references(tmp_path, sample_whole, sample_described):
    """``texts=False`` (what ``citegraph extract`` runs) keeps the documents described only; the
    references, the learned names applied across the corpus among them, are the same."""
    full, described = sample_whole, sample_described
    assert any(r.evidence == "alias" for r in described.references)
    assert [r.to_dict() for r in described.references] == [r.to_dict() for r in full.references]
    assert [(d.symbol, d.title, d.date) for d in described.documents] == \
        [(d.symbol, d.title, d.date) for d in full.documents]
    assert all(d.paragraphs == () for d in described.documents)
    # one store for both: it keeps the texts, so a whole document comes from it too
    src, cache = _corpus(tmp_path), tmp_path / "cache"
    described_first = pipeline.read_corpus([src], cache_dir=cache, jobs=1, texts=False)
    whole = pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    fresh = pipeline.read_corpus([src], jobs=1)
    assert whole.read == 0 and all(d.paragraphs for d in whole.documents)
    assert whole.documents == fresh.documents and described_first.references == fresh.references
    with pytest.raises(ValueError):
        pipeline.read_corpus([src], texts=False, learn_aliases=lambda docs: None)


def test_encoded_in_the_reading_processes_equals_encoded_after(tmp_path, sample_described):
    """``encode`` (how ``extract --format jsonl`` makes its lines on all cores) gives what encoding the
    references afterwards gives, learned names included; it needs described documents and no cache."""
    from graph.cli import jsonl_lines

    after = sample_described
    during = pipeline.read_corpus([SAMPLE], jobs=2, texts=False, encode=jsonl_lines)
    assert during.references == [] and len(during.encoded) == len(during.documents) == len(after.documents)
    assert "".join(during.encoded) == jsonl_lines(after.references)
    assert '"evidence": "alias"' in "".join(during.encoded)
    for wrong in ({"texts": True}, {"texts": False, "cache_dir": tmp_path / "cache"}):
        with pytest.raises(ValueError):
            pipeline.read_corpus([SAMPLE], encode=jsonl_lines, **wrong)


def test_entries_of_another_tool_version_are_misses_and_go(tmp_path):
    src, cache = _corpus(tmp_path, ("A_RES_70_125.txt",)), tmp_path / "cache"
    pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=None)
    with sqlite3.connect(cache / "index.sqlite") as db:
        db.execute("UPDATE entries SET tool = '0.0.0-stale'")
    again = pipeline.read_corpus([src], cache_dir=cache, jobs=1, learn_aliases=None)
    assert (again.read, again.cached) == (1, 0)
    with sqlite3.connect(cache / "index.sqlite") as db:
        assert db.execute("SELECT DISTINCT tool FROM entries").fetchall() == [(files.tool_version(),)]


def _crash_on_c(x: str) -> str:
    """A reader that takes its process down on one item, as a crash in native code would."""
    if x == "c":
        os._exit(3)
    return x.upper()


def test_a_dying_reader_fails_only_its_own_file():
    items = ["a", "b", "c", "d", "e", "f"]
    with tqdm(disable=True) as bar:
        out = list(pipeline._run(_crash_on_c, items, 2, bar))
    assert out == ["A", "B", pipeline.Failed("c: the reading process died"), "D", "E", "F"]


def test_a_failing_alias_learner_is_one_warning(tmp_path):
    src = _corpus(tmp_path, ("A_RES_70_125.txt",))
    warnings = []

    def learn(docs):
        raise ValueError("no table\ntoday")

    got = pipeline.read_corpus([src], jobs=1, learn_aliases=learn, on_error=warnings.append)
    plain = pipeline.read_corpus([src], jobs=1, learn_aliases=None)
    assert warnings == ["learning aliases failed (ValueError: no table today); extracting without them"]
    assert got.references == plain.references and got.failed == 0


def test_no_machine_path_in_what_a_build_writes(tmp_path):
    """Node ``file`` and references.csv ``file`` are relative to the build's input (issue 12)."""
    corpus_dir = tmp_path / "corpus"
    (corpus_dir / "text").mkdir(parents=True)
    shutil.copy(SAMPLE / "A_RES_79_194.md", corpus_dir / "text" / "A_RES_79_194.md")
    shutil.copy(SAMPLE / "text" / "A_RES_70_1.txt", corpus_dir / "A_RES_70_1.txt")
    out = tmp_path / "out"
    one = pipeline.build([corpus_dir / "text"], out, progress=False)
    assert one.root == (corpus_dir / "text").resolve()
    assert one.graph.nodes["A/RES/79/194"]["file"] == "A_RES_79_194.md"
    both = pipeline.build([corpus_dir / "text", corpus_dir / "A_RES_70_1.txt"], out, progress=False)
    files = {d.file for d in both.documents} | {r.file for r in both.references}
    assert files == {"text/A_RES_79_194.md", "A_RES_70_1.txt"}
    for name in ("graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "references.csv", "graph.html"):
        assert str(tmp_path) not in (out / name).read_text(encoding="utf-8"), name


def test_input_root():
    assert pipeline.input_root([SAMPLE]) == SAMPLE.resolve()
    assert pipeline.input_root([SAMPLE / "A_RES_79_194.md"]) == SAMPLE.resolve()
    assert pipeline.input_root([SAMPLE / "text", SAMPLE / "A_RES_79_194.md"]) == SAMPLE.resolve()


#: (file as given, relative to the corpus folder) -> its name in the outputs. The corpus folder
#: ``corpus/`` holds ``text/a.txt``, ``b.txt``, a link ``text/link.txt`` to ``b.txt``, a link
#: ``out.txt`` to a file outside it and a link ``linked/`` to its ``text/`` folder.
RELATIVE_NAMES = [
    ("b.txt", "b.txt"),
    ("text/a.txt", "text/a.txt"),
    ("text/../b.txt", "b.txt"),
    ("./text/./a.txt", "text/a.txt"),
    ("text/link.txt", "b.txt"),  # a link is resolved: the file it names
    ("out.txt", "out.txt"),  # a link out of the folder: its name alone
    ("linked/a.txt", "text/a.txt"),  # a linked folder: the real one
    ("../elsewhere/c.txt", "c.txt"),  # not under the folder
    ("text/missing.txt", "text/missing.txt"),
]


@pytest.mark.parametrize("given, expected", RELATIVE_NAMES)
@pytest.mark.parametrize("cached", [False, True])
def test_relative_name(tmp_path, monkeypatch, given, expected, cached):
    root = tmp_path / "corpus"
    (root / "text").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    for f in (root / "text" / "a.txt", root / "b.txt", tmp_path / "elsewhere" / "c.txt"):
        f.write_text("x", encoding="utf-8")
    (root / "text" / "link.txt").symlink_to(root / "b.txt")
    (root / "out.txt").symlink_to(tmp_path / "elsewhere" / "c.txt")
    (root / "linked").symlink_to(root / "text")
    monkeypatch.chdir(root)
    folders: dict = {}
    if cached:  # every name once before, so that each folder's real path is the one kept
        for other, _ in RELATIVE_NAMES:
            pipeline._relative_name(root.resolve(), other, folders)
    assert pipeline._relative_name(root.resolve(), given, folders if cached else None) == expected
    assert pipeline._relative_name(root.resolve(), str(root / given), folders if cached else None) == expected


# --------------------------------------------------------------------------- the output folder (issue 17)

def _cli(*args, **kw):
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(SAMPLE.parent)}
    return subprocess.Popen([sys.executable, "-m", "graph.cli", *map(str, args)], cwd=SAMPLE.parent, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _children(pid: int) -> set[int]:
    """Every descendant of process ``pid`` (from /proc)."""
    parent_of = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as f:
                    parent_of[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    out, todo = set(), [pid]
    while todo:
        p = todo.pop()
        for child, parent in parent_of.items():
            if parent == p and child not in out:
                out.add(child)
                todo.append(child)
    return out


def _lines(stream) -> list[str]:
    """The lines ``stream`` gives, gathered by a thread as they come."""
    import threading

    got: list[str] = []
    threading.Thread(target=lambda: got.extend(iter(stream.readline, "")), daemon=True).start()
    return got


def _big_corpus(tmp_path, copies: int = 12):
    """The sample's texts, ``copies`` times (each copy in its own folder): a build of some seconds."""
    src = tmp_path / "big"
    for i in range(copies):
        shutil.copytree(SAMPLE_TEXT, src / f"c{i:02d}")
    return src


@pytest.mark.slow
def test_kill_9_takes_the_workers_down_and_the_next_build_cleans_up(tmp_path):
    """``kill -9`` on a build while its pool reads: every worker is gone within seconds; the
    temporary files a killed build leaves (``.graph.graphml.XXXXXXXX.tmp``) go at the next build."""
    import time

    from test_files import gone_within

    src, out = _big_corpus(tmp_path), tmp_path / "out"
    proc = _cli("build", src, "-o", out, "-j", "2", "--no-html")
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the build started no pool"
    proc.kill()
    proc.wait(30)
    assert all(gone_within(w, 10) for w in workers), "a worker outlived its killed build"
    out.mkdir(exist_ok=True)
    stale = out / ".graph.graphml.k3j_x9a2.tmp"  # as a build killed while writing leaves it
    stale.write_text("<graphml half written")
    done = _cli("build", src, "-o", out, "-j", "2", "--no-html")
    assert done.wait(300) == 0, done.stderr.read()
    assert not stale.exists() and not list(out.glob(".*.tmp"))
    from graph import export

    assert export.read_graphml(out / "graph.graphml").number_of_nodes() > 0


@pytest.mark.slow
def test_two_builds_into_one_folder_take_turns(tmp_path):
    """Builds into a folder being written wait, saying so, and the files are all of one build (never
    a mix); with --no-wait a build fails at once, clearly. The folder is held by another process
    while the two builds start, so both must wait, then run one after the other."""
    import csv
    import json
    import multiprocessing as mp
    import time

    from test_files import _hold_lock

    big, out = _big_corpus(tmp_path, copies=4), tmp_path / "out"
    small = _corpus(tmp_path)
    ctx = mp.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(out, ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        refused = _cli("build", small, "-o", out, "--no-wait", "--no-html")
        assert refused.wait(60) == 1
        assert "another citegraph build is writing this folder (pid" in refused.stderr.read()
        builds = [_cli("build", big, "-o", out, "--no-html"), _cli("build", small, "-o", out, "--no-html")]
        said = [_lines(b.stderr) for b in builds]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not all(any("waiting for it to finish" in x for x in s) for s in said):
            time.sleep(0.1)
        assert all(any("waiting for it to finish" in x for x in s) for s in said)  # both wait, saying so
        assert all(b.poll() is None for b in builds)
    finally:
        release.set()
        holder.join(30)
    for b in builds:
        assert b.wait(300) == 0
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    in_corpus = sorted(n["id"] for n in graph["nodes"] if n["in_corpus"])
    with open(out / "nodes.csv", encoding="utf-8") as f:
        assert sorted(r["id"] for r in csv.DictReader(f) if r["in_corpus"] == "True") == in_corpus
    with open(out / "references.csv", encoding="utf-8") as f:
        sources = {r["source"] for r in csv.DictReader(f)}
    assert sources <= set(in_corpus)
    assert len(in_corpus) in (3, len(list(SAMPLE_TEXT.glob("*.txt"))))  # one corpus or the other, whole


# ---------------------------------------------------------------- one document, one reading (issue 13)

PDFS = pathlib.Path(__file__).parent / "pdfs"
SHARED_PDF = pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pdf"
if not SHARED_PDF.exists():
    SHARED_PDF = pathlib.Path("/work/shared/corpus/pdf")


def _twin_corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    text = (pathlib.Path(SAMPLE) / "text" / "A_RES_78_132.txt").read_text(encoding="utf-8")
    (d / "A_RES_78_132.txt").write_text(text, encoding="utf-8")
    (d / "A_RES_78_132.md").write_text(text, encoding="utf-8")
    (d / "A_RES_78_132-FR.txt").write_text(text, encoding="utf-8")  # a French download (its text aside)
    (d / "A_RES_77_150.txt").write_text((pathlib.Path(SAMPLE) / "text" / "A_RES_77_150.txt").read_text(
        encoding="utf-8"), encoding="utf-8")
    (d / "notes.txt").write_text("Recalling resolution 78/132 of the General Assembly.", encoding="utf-8")
    (d / "notes.md").write_text("Recalling resolution 78/132 of the General Assembly.", encoding="utf-8")
    return d


def test_a_document_in_several_files_is_read_once(tmp_path):
    notes = []
    corpus = pipeline.build([_twin_corpus(tmp_path)], tmp_path / "out", on_skip=notes.append, html=False, pages=False)
    assert sorted(d.file for d in corpus.documents) == ["A_RES_77_150.txt", "A_RES_78_132.md", "notes.md"]
    assert len(notes) == 2 and all(n.count("\n") == 0 for n in notes)
    assert any("A_RES_78_132.md: used for A/RES/78/132 (Markdown, en | fr)" in n for n in notes)
    G = corpus.graph
    assert G.nodes["A/RES/78/132"]["language"] == "en | fr"
    assert G.nodes["A/RES/77/150"]["language"] == "en"
    # each citation counted once: the counts of a build of one file each
    one = tmp_path / "one"
    one.mkdir()
    for name in ("A_RES_78_132.md", "A_RES_77_150.txt", "notes.md"):
        shutil.copy(tmp_path / "in" / name, one / name)
    alone = pipeline.build([one], tmp_path / "out1", html=False, pages=False).graph
    assert sorted(G.edges(data="count")) == sorted(alone.edges(data="count"))


def test_every_file_when_asked(tmp_path):
    corpus = pipeline.read_corpus([_twin_corpus(tmp_path)], progress=False, one_document=False)
    assert len(corpus.documents) == 6 and not corpus.versions


@pytest.mark.parametrize("documents, used", [
    # Word before PDF before Markdown before text; English first
    ([("a.txt", "text", "en"), ("a.pdf", "pdf", "en"), ("a.docx", "docx", "en")], "a.docx"),
    ([("a.txt", "text", "en"), ("a.md", "markdown", "en")], "a.md"),
    ([("a-FR.docx", "docx", "fr"), ("a-EN.pdf", "pdf", "en")], "a-EN.pdf"),
    ([("a-FR.docx", "docx", "fr"), ("a-ES.docx", "docx", "es")], "a-ES.docx"),
])
def test_which_version_is_used(documents, used):
    from ingest import Document

    docs = [Document(file=f, symbol="A/79/62", symbol_source="filename", format=fmt, paragraphs=(), language=lang)
            for f, fmt, lang in documents]
    [(got, others)] = pipeline.one_per_document(docs)
    assert got.file == used and len(others) == len(docs) - 1


def test_different_documents_are_never_versions():
    from ingest import Document

    docs = [Document(file="sub/memo.txt", symbol=None, symbol_source="none", format="text", paragraphs=()),
            Document(file="other/memo.txt", symbol=None, symbol_source="none", format="text", paragraphs=()),
            Document(file="A_79_62.txt", symbol="A/79/62", symbol_source="filename", format="text", paragraphs=()),
            Document(file="A_79_62_Add.1.txt", symbol="A/79/62/Add.1", symbol_source="filename", format="text",
                     paragraphs=())]
    assert pipeline.one_per_document(docs) == []


def test_the_shared_pdfs_and_their_word_twins_count_each_citation_once(tmp_path):
    if not SHARED_PDF.exists():
        pytest.skip("no shared corpus")
    files = [SHARED_PDF / "A_80_590.pdf", SHARED_PDF / "A_80_590.docx", SHARED_PDF / "A_80_630.pdf",
             SHARED_PDF / "A_80_630.docx"]
    notes = []
    corpus = pipeline.build(files, tmp_path / "out", on_skip=notes.append, html=False, pages=False, jobs=1)
    assert sorted(d.format for d in corpus.documents) == ["docx", "docx"] and len(notes) == 2
    words = pipeline.read_corpus([files[1], files[3]], progress=False, jobs=1)
    assert sorted((r.source, r.target, r.paragraph) for r in corpus.references) == \
        sorted((r.source, r.target, r.paragraph) for r in words.references)


_ENGLISH = ("Recalling its resolution 78/132 of 19 December 2023 on the role of the Commission and the work that is "
            "on the agenda of the Assembly, and taking note of the report of the Secretary-General, which is in the "
            "annex, and of resolution 77/150 of the Assembly for the work of the Council")
_FRENCH = ("Rappelant sa résolution 78/132 du 19 décembre 2023 sur le rôle de la Commission et les travaux des "
           "organes, prenant note du rapport du Secrétaire général qui figure dans la note et de la résolution 77/150 "
           "sur les travaux des organes, pour la Commission et pour le Conseil dans les annexes")


def test_extract_reads_the_language_only_where_versions_are_ordered_by_it(tmp_path):
    """``citegraph extract`` (``encode``) reads a text file's language only where several files hold its
    document (``_one_per_document`` orders the versions English first): the same file is used, with the same
    line on stderr, as when every language is read. Here the French Markdown would be used (Markdown before
    text) if languages were not read."""
    from graph.cli import jsonl_lines

    d = tmp_path / "in"
    d.mkdir()
    (d / "A_79_62.md").write_text(_FRENCH, encoding="utf-8")
    (d / "A_79_62.txt").write_text(_ENGLISH, encoding="utf-8")
    (d / "A_79_63.txt").write_text(_FRENCH, encoding="utf-8")  # alone: its language is never asked for
    (d / "A_79_64-FR.md").write_text(_ENGLISH, encoding="utf-8")  # the name says, with or without the text
    (d / "A_79_64.txt").write_text(_ENGLISH, encoding="utf-8")
    every, fast = [], []
    whole = pipeline.read_corpus([d], jobs=1, texts=False, on_skip=every.append)
    encoded = pipeline.read_corpus([d], jobs=1, texts=False, on_skip=fast.append, encode=jsonl_lines)
    assert every == fast and len(every) == 2
    assert any("A_79_62.txt: used for A/79/62 (text, en | fr)" in line for line in fast)
    assert any("A_79_64.txt: used for A/79/64 (text, en | fr)" in line for line in fast)
    assert "".join(encoded.encoded) == jsonl_lines(whole.references)
    assert [x.language for x in whole.documents] == ["en | fr", "fr", "en | fr"]
    assert [x.language for x in encoded.documents] == ["en | fr", None, "en | fr"]  # (A_79_63 asked for nothing)


@pytest.mark.parametrize("name, text", [("a.txt", _ENGLISH), ("b.md", _FRENCH), ("A_79_1-ES.txt", _ENGLISH),
                                        ("c.txt", "Ссылаясь на свою резолюцию 78/132 от 19 декабря 2023 года"),
                                        ("d.txt", "A/79/62 of 2024")])
def test_a_text_read_without_its_language_gives_the_same_references(tmp_path, name, text):
    import dataclasses

    import ingest

    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    with_language, without = ingest.read_document(p), ingest.read_document(p, language=False)
    assert without.language == ingest.file_name_parts(name).language
    assert ingest.file_language(p) == with_language.language
    assert ingest.first_pass(without).references == ingest.first_pass(with_language).references
    assert dataclasses.replace(without, language=with_language.language) == with_language


@pytest.mark.parametrize("path", sorted(SAMPLE_TEXT.iterdir()) + [SAMPLE / "A_RES_79_194.md"], ids=lambda p: p.name)
def test_a_text_read_without_its_title_gives_the_same_document_and_references(path):
    """``citegraph extract`` reads each text with ``title=False``: all but the title is the same."""
    import dataclasses

    import ingest

    whole, untitled = ingest.read_document(path), ingest.read_document(path, title=False)
    assert whole.title and whole.title_source  # (every sample prints its title)
    assert untitled.title is None and untitled.title_source is None
    assert dataclasses.replace(untitled, title=whole.title, title_source=whole.title_source) == whole
    assert ingest.first_pass(untitled).references == ingest.first_pass(whole).references


_TEXTS_LEFT = r"""
import gc, pathlib, sys
from graph import pipeline
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
corpus = pipeline.build([src], out, jobs=2, progress=False, html=False)
assert all(not d.paragraphs and not d.unplaced_footnotes for d in corpus.documents)
seen = set()
for obj in gc.get_objects():  # every container this process holds, and the strings in it
    values = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, (list, tuple, set, frozenset)) else ()
    for v in values:
        if type(v) is str and len(v) > 700:
            seen.add(v)
    for v in getattr(obj, "__dict__", {}).values() if not isinstance(obj, type) else ():
        if type(v) is str and len(v) > 700:
            seen.add(v)
import ingest  # after the look: the texts read here are the test's own
long = [p.text for f in sorted(src.iterdir()) for p in ingest.read_document(f).paragraphs if len(p.text) > 700]
assert long, "no long paragraph to look for"
left = [t[:60] for t in long if t in seen]
print(len(long), len(seen), left)
assert not left, left
"""


def test_no_document_text_stays_in_the_building_process(tmp_path):
    """After a build, this process holds the documents described and the references as a table:
    no paragraph of any document (looked for among every string its containers hold; paragraphs
    longer than a citing sentence's clip, SENTENCE_CHARS = 600, so that no clip can equal one)."""
    src = tmp_path / "corpus"
    src.mkdir()
    for n in ("A_RES_70_1.txt", "A_RES_78_132.txt", "A_RES_79_195.txt", "A_RES_77_150.txt"):
        shutil.copy(SAMPLE / "text" / n, src)
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _TEXTS_LEFT, str(src), str(tmp_path / "out")], cwd=SAMPLE.parent,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
