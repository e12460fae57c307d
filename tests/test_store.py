"""graph.store: the build's store (SQLite index + Parquet segments) on real files in tmp_path."""
from __future__ import annotations

import logging
import os
import pickle
import shutil
import sqlite3

import pyarrow as pa
import pytest

import ingest
from graph import files, pipeline, store
from graph.cli import SAMPLE
from graph.store import Store

SAMPLE_TEXT = SAMPLE / "text"


def _corpus(tmp_path, names=("A_RES_70_125.txt", "A_RES_78_132.txt", "A_RES_79_195.txt"), with_md=False):
    src = tmp_path / "corpus"
    src.mkdir()
    for n in names:
        shutil.copy(SAMPLE_TEXT / n, src)
    if with_md:
        shutil.copy(SAMPLE / "A_RES_79_194.md", src)
    return src


def _entries(cache) -> list[tuple[str, str]]:
    with sqlite3.connect(cache / store.INDEX_NAME) as db:
        return sorted(db.execute("SELECT kind, path FROM entries"))


def _put(root, path):
    """Read ``path`` as a build's reading process does and keep it in the store under ``root``."""
    from graph import pipeline as pl

    r = pl._read_extract(str(path), texts=True, blobs=True)
    table = store.columns_table(r.references)
    with Store(root) as s:
        s.add_pass_one([(files.file_key(path), str(path), r.document, r.facts, r.taught, r.text, r.search,
                         table.num_rows)], table.append_column("doc", pa.array([0] * table.num_rows, pa.int32())))
    return r


def test_a_document_and_its_references_come_back_equal(tmp_path):
    """Every field survives: paragraphs, footnotes, marks, links (the Markdown sample has all), the
    references' fields (target_aliases a tuple) and their mark sentences, the document's facts and
    the names it teaches."""
    path = SAMPLE / "A_RES_79_194.md"
    r = _put(tmp_path, path)
    doc = r.document
    assert any(p.marks for p in doc.paragraphs) and any(p.links for p in doc.paragraphs) and r.taught
    assert any(r.references["mark_sentence"])
    key = files.file_key(path)
    with Store(tmp_path) as s:
        hits, table = s.load_pass_one([key], [str(path)], whole=True)
        described, _ = s.load_pass_one([key], [str(path)])
    whole = hits[0]
    assert whole.document == doc and whole.document.paragraphs == doc.paragraphs
    assert [p.marks for p in whole.document.paragraphs] == [p.marks for p in doc.paragraphs]
    assert [p.links for p in whole.document.paragraphs] == [p.links for p in doc.paragraphs]
    assert table.drop_columns(["doc"]).to_pydict() == store.columns_table(r.references).to_pydict()
    assert [x.to_dict() for x in store.table_references(table)] == [x.to_dict() for x in ingest.extract_file(path)[1]]
    assert whole.taught == r.taught and whole.facts == r.facts
    assert described[0].document.paragraphs == () and described[0].document.title == doc.title
    reader = store.StoreReader(tmp_path)
    assert reader.document(key) == doc and reader.document("0" * 64) is None
    assert reader.search(key) == " ".join(" ".join(p.text for p in doc.paragraphs).split()).replace("–", "-").lower()


def _lz4_blob(data: bytes, size: int) -> bytes:
    return b"L" + size.to_bytes(8, "little") + pa.compress(data, codec="lz4", asbytes=True)


def test_a_text_blob_is_lz4_and_reads_back_whole():
    """A text is kept LZ4-compressed (read back four times faster than zlib); a zlib one (where pyarrow
    has no LZ4) reads back the same; every field survives, a lone surrogate from a broken PDF too."""
    doc = ingest.read_document(SAMPLE / "A_RES_79_194.md")
    odd = ingest.Paragraph("x1", "other", "broken \ud800 text", number="3", verb="Notes",
                           footnotes=(ingest.Footnote("1", "a note"),), links=(("here", "https://x.org"),),
                           marks=(("1", 6),))
    for d in (doc, ingest.Document(**{**doc.__dict__, "paragraphs": (odd,), "unplaced_footnotes": (
            ingest.Footnote("2", "unplaced"),)})):
        blob = store.text_blob(d)
        assert blob[:1] == b"L"  # pyarrow's wheels have LZ4
        paragraphs, unplaced = store.blob_paragraphs(blob)
        assert paragraphs == d.paragraphs and unplaced == d.unplaced_footnotes
        assert [(p.links, p.marks) for p in paragraphs] == [(p.links, p.marks) for p in d.paragraphs]
        import zlib

        data = store._blob_json(blob)
        assert store.blob_paragraphs(b"Z" + zlib.compress(data, 1)) == (paragraphs, unplaced)


@pytest.mark.parametrize("blob", [
    b"",
    b"L",
    b"L" + (5).to_bytes(8, "little"),                      # a length and nothing after it
    _lz4_blob(b'[[], []]', 7),                             # a length too short
    _lz4_blob(b'[[], []]', 9),                             # too long: zero bytes after the JSON
    _lz4_blob(b'[[], []]', 10 ** 15),                      # more than LZ4 makes of so few bytes
    _lz4_blob(b'{"planted": 1}', 14),                      # JSON, not a text's
    b"L" + (8).to_bytes(8, "little") + b"not lz4 at all",
    b"Z" + b"not zlib",
    b"x\x01" + b"\x00" * 8,                                # a zlib stream of store format 4, no first byte
    b"P" + pickle.dumps([[], []]),                         # never unpickled
])
def test_a_damaged_text_blob_raises_and_its_document_is_a_miss(tmp_path, blob):
    import zlib

    with pytest.raises((ValueError, OSError, zlib.error)):
        store.blob_paragraphs(blob)
    path = SAMPLE_TEXT / "A_RES_70_125.txt"
    _put(tmp_path, path)
    with sqlite3.connect(tmp_path / store.INDEX_NAME) as db:
        db.execute("UPDATE entries SET text = ?", (blob,))
    assert store.StoreReader(tmp_path).document(files.file_key(path)) is None


def test_a_reader_reads_in_any_thread_and_sees_what_a_later_store_adds(tmp_path):
    """A reader kept from one build serves the next (a notebook's builds with ``jobs=1`` make their
    pages in a thread each): it reads from a thread that did not open it, and finds an entry a later
    :class:`Store` added (its index mapped into memory)."""
    import threading

    first, later = SAMPLE / "A_RES_79_194.md", SAMPLE_TEXT / "A_RES_70_125.txt"
    _put(tmp_path, first)
    reader = store.StoreReader(tmp_path)
    got = {}
    opener = threading.Thread(target=lambda: got.update(first=reader.document(files.file_key(first))))
    opener.start()
    opener.join()
    _put(tmp_path, later)  # the next build's store: opened, written, closed
    for name, path in (("again", first), ("later", later)):
        t = threading.Thread(target=lambda: got.update({name: reader.document(files.file_key(path))}))
        t.start()
        t.join()
    assert got["first"] is not None and got["again"] == got["first"]
    assert got["later"] is not None and got["later"].symbol == "A/RES/70/125" and got["later"].paragraphs
    # it reads the index through a memory map (texts not copied in by read(2)), and still sees every write
    assert reader._con().execute("PRAGMA mmap_size").fetchone()[0] == store.READER_MAP


def test_a_file_known_under_another_path_comes_back_with_it(tmp_path):
    path = SAMPLE_TEXT / "A_RES_70_125.txt"
    _put(tmp_path, path)
    with Store(tmp_path) as s:
        hits, table = s.load_pass_one([files.file_key(path)], ["elsewhere/A_RES_70_125.txt"])
    assert hits[0].document.file == "elsewhere/A_RES_70_125.txt"
    assert set(table.column("file").to_pylist()) == {"elsewhere/A_RES_70_125.txt"}


class Planted:
    """Unpickling this runs code: it touches a file."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_never_runs(tmp_path):
    """Files planted in OUT/.citegraph-cache/ (the old cache's layout, a fake segment, a fake
    index) are never unpickled: the marker their loading would make never appears."""
    src, out = _corpus(tmp_path), tmp_path / "out"
    marker = tmp_path / "pwned"
    payload = pickle.dumps(Planted(marker))
    first = pipeline.build([src], out, progress=False, pages=False, html=False)
    cache = out / files.CACHE_DIRNAME
    key = files.file_key(src / "A_RES_70_125.txt")
    (cache / files.tool_version()).mkdir()
    for name in (f"docrefs-{key}.pickle", f"refs-0-{key}.pickle"):
        (cache / files.tool_version() / name).write_bytes(payload)
    (cache / f"docrefs-{key}.pickle").write_bytes(payload)
    for seg in (cache / "segments").iterdir():
        seg.write_bytes(payload)  # every segment replaced by a pickle
    again = pipeline.build([src], out, progress=False, pages=False, html=False)
    assert not marker.exists()
    assert again.read == 3 and again.references == first.references  # the planted segments were misses
    assert not list(cache.rglob("*.pickle"))  # and the planted files are gone
    (cache / store.INDEX_NAME).write_bytes(payload)  # the index itself
    for extra in ("-wal", "-shm"):
        (cache / (store.INDEX_NAME + extra)).unlink(missing_ok=True)
    third = pipeline.build([src], out, progress=False, pages=False, html=False)
    assert not marker.exists() and third.read == 3 and third.references == first.references


def test_foreign_entries_are_misses_in_the_verbose_log(tmp_path, caplog):
    src, cache = _corpus(tmp_path), tmp_path / "cache"
    first = pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    with sqlite3.connect(cache / store.INDEX_NAME) as db:
        db.execute("UPDATE entries SET text = X'00ff' WHERE path LIKE '%70_125%'")  # whole documents asked for
        db.execute("UPDATE entries SET document = '[1, 2]' WHERE path LIKE '%78_132%'")
    with caplog.at_level(logging.INFO, logger="citegraph.store"):
        again = pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    assert (again.read, again.cached) == (2, 1) and again.references == first.references
    unreadable = [r.getMessage() for r in caplog.records if "unreadable" in r.getMessage()]
    assert len(unreadable) == 2 and any("A_RES_70_125.txt" in m for m in unreadable)


def test_a_segment_that_is_not_ours_is_a_miss(tmp_path, caplog):
    import pyarrow as pa
    import pyarrow.parquet as pq

    src, cache = _corpus(tmp_path), tmp_path / "cache"
    first = pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    (seg,) = (cache / "segments").iterdir()
    pq.write_table(pa.table({"entry": ["x"], "other": [1]}), seg)  # Parquet, but not our columns
    with caplog.at_level(logging.INFO, logger="citegraph.store"):
        again = pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    assert again.read == 3 and again.references == first.references
    assert any("not a citegraph segment" in r.getMessage() for r in caplog.records)


def test_an_index_that_is_not_ours_is_set_aside_with_a_warning(tmp_path, caplog):
    src, cache = _corpus(tmp_path), tmp_path / "cache"
    first = pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    with sqlite3.connect(cache / store.INDEX_NAME) as db:
        db.execute("UPDATE meta SET value = 'someone else''s' WHERE name = 'format'")
    with caplog.at_level(logging.WARNING, logger="citegraph.store"):
        again = pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    assert again.read == 3 and again.references == first.references
    assert any("not a citegraph store" in r.getMessage() for r in caplog.records)
    assert (cache / (store.INDEX_NAME + ".broken")).exists()
    third = pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    assert third.read == 0


def test_the_store_of_an_older_citegraph_is_replaced_quietly(tmp_path, caplog):
    src, cache = _corpus(tmp_path), tmp_path / "cache"
    pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    with sqlite3.connect(cache / store.INDEX_NAME) as db:
        db.execute("UPDATE meta SET value = '1' WHERE name = 'format'")
    with caplog.at_level(logging.INFO, logger="citegraph.store"):
        again = pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    assert again.read == 3 and not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("a store of format 1" in r.getMessage() for r in caplog.records)


def test_the_same_corpus_by_another_path_is_not_read_again(tmp_path, monkeypatch):
    """The key is the file's name and bytes; the path is data: given relative, absolute or moved,
    the corpus is read once, and every path-derived value is the path given now."""
    src, cache = _corpus(tmp_path), tmp_path / "cache"
    monkeypatch.chdir(tmp_path)
    by_relative = pipeline.read_corpus(["corpus"], cache_dir=cache, jobs=1)
    by_absolute = pipeline.read_corpus([src.resolve()], cache_dir=cache, jobs=1)
    assert (by_relative.read, by_absolute.read, by_absolute.cached) == (3, 0, 3)
    assert {r.file for r in by_absolute.references} == {str(src.resolve() / n) for n in os.listdir(src)}
    moved = tmp_path / "elsewhere"
    shutil.move(src, moved)
    after_move = pipeline.read_corpus([moved], cache_dir=cache, jobs=1)
    assert after_move.read == 0 and {d.file for d in after_move.documents} == {str(moved / n) for n in os.listdir(moved)}
    fresh = pipeline.read_corpus([moved], jobs=1)
    assert [r.to_dict() for r in after_move.references] == [r.to_dict() for r in fresh.references]
    assert [d for d in after_move.documents] == [d for d in fresh.documents]


@pytest.fixture(scope="module")
def built_three_ways(tmp_path_factory):
    """One corpus (a Markdown resolution whose footnotes teach names, so that pass two runs; two texts
    in a subfolder; a file with no symbol) built into one folder three ways: by a relative path, by an
    absolute path, by a relative path from another folder. ``(out, input, [corpus of each build],
    [the output files' bytes after each build])``."""
    import pathlib

    top = tmp_path_factory.mktemp("three-ways")
    src = top / "home" / "corpus"
    (src / "text").mkdir(parents=True)
    shutil.copy(SAMPLE / "A_RES_79_194.md", src)
    for n in ("A_RES_70_125.txt", "A_RES_78_132.txt"):
        shutil.copy(SAMPLE_TEXT / n, src / "text")
    (src / "memo.txt").write_text("Recalling its resolution 70/1 of 25 September 2015,\n", encoding="utf-8")
    out, elsewhere = top / "out", top / "elsewhere"
    elsewhere.mkdir()
    cwd = os.getcwd()
    corpora, outputs = [], []
    try:
        for where, given in ((src.parent, "corpus"), (top, src.resolve()), (elsewhere, pathlib.Path("..", "home", "corpus"))):
            os.chdir(where)
            corpora.append(pipeline.build([given], out, jobs=1, progress=False))
            outputs.append({f.relative_to(out).as_posix(): f.read_bytes() for f in sorted(out.rglob("*"))
                            if f.is_file() and files.CACHE_DIRNAME not in f.parts})
    finally:
        os.chdir(cwd)
    return out, src, corpora, outputs


def test_a_corpus_typed_three_ways_is_read_once(built_three_ways):
    """Issue 16: the cache is keyed by the files' content and the tool's version, the path kept as data
    relative to the build's input. Built by a relative path, then an absolute one, then from another
    folder, the second and third builds read nothing (pass one all from the store; pass two under one
    table digest, not one per way of typing the input) and write the same files."""
    out, src, corpora, outputs = built_three_ways
    assert [(c.read, c.cached) for c in corpora] == [(4, 0), (0, 4), (0, 4)]
    entries = _entries(out / files.CACHE_DIRNAME)
    kinds = {k for k, _ in entries}
    assert len(kinds) == 2 and "pass1" in kinds  # pass one and ONE corpus table
    assert {p for _, p in entries} == {"A_RES_79_194.md", "memo.txt", "text/A_RES_70_125.txt", "text/A_RES_78_132.txt"}
    with sqlite3.connect(out / files.CACHE_DIRNAME / store.INDEX_NAME) as db:
        assert sorted(r[0] for r in db.execute("SELECT path FROM files")) == sorted({p for _, p in entries})
    assert outputs[0] == outputs[1] == outputs[2]
    assert {d.file for d in corpora[2].documents} == {"A_RES_79_194.md", "memo.txt", "text/A_RES_70_125.txt",
                                                      "text/A_RES_78_132.txt"}


def test_no_absolute_path_in_any_file_a_build_writes(built_three_ways):
    """Issue 15: no machine path in any output, the cache included: the bytes of every file under the
    build folder hold neither the build folder's absolute path, nor the input's, nor the home folder's
    (negative check first: the input's path is what the store was given in the second build)."""
    import pathlib

    out, src, _, _ = built_three_ways
    machine = {str(out), os.path.realpath(out), str(src), os.path.realpath(src), str(src.parent),
               str(pathlib.Path.home()) + os.sep}
    written = [f for f in out.rglob("*") if f.is_file()]
    assert any(files.CACHE_DIRNAME in f.parts and f.name == store.INDEX_NAME for f in written)
    assert any("segments" in f.parts for f in written)
    leaks = [(f.relative_to(out).as_posix(), m) for f in written for m in machine
             if m.encode("utf-8") in f.read_bytes()]
    assert leaks == []


def test_a_document_known_by_its_path_keeps_the_path_given_now(tmp_path):
    """A file with no symbol in its text or name is known by its name (``source``, "(no symbol) memo.txt",
    never a machine path) and its ``file`` by its path: moved, its references carry the new path, as a
    fresh read gives."""
    src = tmp_path / "a"
    src.mkdir()
    (src / "memo.txt").write_text("Recalling its resolution 70/1 of 25 September 2015,\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    assert first.references and first.references[0].source == "(no symbol) memo.txt"
    assert first.references[0].file == str(src / "memo.txt")
    shutil.move(src, tmp_path / "b")
    again = pipeline.read_corpus([tmp_path / "b"], cache_dir=cache, jobs=1)
    fresh = pipeline.read_corpus([tmp_path / "b"], jobs=1)
    assert again.read == 0 and [r.to_dict() for r in again.references] == [r.to_dict() for r in fresh.references]
    assert again.references[0].file == str(tmp_path / "b" / "memo.txt")


def test_an_unchanged_file_is_not_hashed_again(tmp_path, monkeypatch):
    src, cache = _corpus(tmp_path), tmp_path / "cache"
    paths = sorted(src.iterdir())
    for p in paths:  # old enough not to be racy
        os.utime(p, (os.path.getatime(p) - 60, os.path.getmtime(p) - 60))
    pipeline.read_corpus([src], cache_dir=cache, jobs=1)
    hashed = []
    real = store.file_key
    monkeypatch.setattr(store, "file_key", lambda p: hashed.append(p) or real(p))
    assert pipeline.read_corpus([src], cache_dir=cache, jobs=1).cached == 3 and hashed == []
    paths[1].write_text(paths[1].read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    assert pipeline.read_corpus([src], cache_dir=cache, jobs=1).read == 1
    assert hashed == [paths[1]]
    # changed just now (racy: the same size and time could hide a second change): hashed again, to be sure
    assert pipeline.read_corpus([src], cache_dir=cache, jobs=1).read == 0
    assert hashed == [paths[1], paths[1]]


def test_entries_unused_for_some_builds_go_and_segments_stay_few(tmp_path):
    src, cache = _corpus(tmp_path), tmp_path / "cache"
    changed = src / "A_RES_78_132.txt"
    text = changed.read_text(encoding="utf-8")
    for i in range(12):
        changed.write_text(text + f"\n\nRecalling its resolution {i + 1}/1,\n", encoding="utf-8")
        got = pipeline.read_corpus([src], cache_dir=cache, jobs=1)
        assert got.read == 1 or i == 0
    paths = [p for _, p in _entries(cache)]
    assert len(paths) == 3 + store.KEEP_BUILDS - 1  # the changed file's last versions, the others once
    with sqlite3.connect(cache / store.INDEX_NAME) as db:
        segments = [r[0] for r in db.execute("SELECT name FROM segments")]
        live = dict(db.execute("SELECT segment, SUM(refs) FROM entries GROUP BY segment"))
        rows = dict(db.execute("SELECT name, rows FROM segments"))
    assert sorted(os.listdir(cache / "segments")) == sorted(segments)
    assert all(live[s] * 2 >= rows[s] for s in segments)  # none more than half dead
    assert len(segments) <= 4


def test_a_build_into_the_folder_of_another_corpus_keeps_its_entries(tmp_path):
    """One build's clean-up never removes what another build into the same folder uses: corpus A,
    then corpus B, then A again: A comes from the store."""
    a = _corpus(tmp_path)
    b = tmp_path / "b"
    b.mkdir()
    for n in ("A_RES_70_1.txt", "A_RES_76_258.txt"):
        shutil.copy(SAMPLE_TEXT / n, b)
    out = tmp_path / "out"
    pipeline.build([a], out, progress=False, pages=False, html=False)
    assert pipeline.build([b], out, progress=False, pages=False, html=False).read == 2
    again = pipeline.build([a], out, progress=False, pages=False, html=False)
    assert (again.read, again.cached) == (0, 3)


def test_build_verbose_says_what_the_cache_missed_and_why(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    src, out = _corpus(tmp_path), tmp_path / "out"
    run = lambda *a: CliRunner().invoke(main, [str(x) for x in a], catch_exceptions=False)  # noqa: E731
    assert run("build", src, "-o", out, "--no-html").exit_code == 0
    with sqlite3.connect(out / files.CACHE_DIRNAME / store.INDEX_NAME) as db:
        db.execute("UPDATE entries SET document = 'planted' WHERE path LIKE '%79_195%'")
    quiet = run("build", src, "-o", out, "--no-html")
    assert quiet.exit_code == 0 and "unreadable" not in quiet.stderr
    assert "(1 read now, 2 from cache" in quiet.stdout
    with sqlite3.connect(out / files.CACHE_DIRNAME / store.INDEX_NAME) as db:
        db.execute("UPDATE entries SET document = 'planted' WHERE path LIKE '%79_195%'")
    loud = run("build", src, "-o", out, "--no-html", "-v")
    assert loud.exit_code == 0 and "(1 read now, 2 from cache" in loud.stdout
    (line,) = [x for x in loud.stderr.splitlines() if "unreadable" in x]
    assert line.startswith("citegraph: cache entry for ") and "A_RES_79_195.txt" in line


def _memo_kept(root, digest="a" * 64) -> None:
    store.memo_file_put(root, "graph", digest, lambda f: f.write(b"value \0 of the step"))


#: What is done to a value kept as a file -> what memo_file_get gives for the digest it was kept for.
MEMO_FILES = [
    ("nothing", b"value \0 of the step"),
    ("asked for another digest", None),
    ("cut inside its head", None),
    ("removed", None),
    ("another step's value moved in", None),
    ("no store", None),
]


@pytest.mark.parametrize("done, expected", MEMO_FILES)
def test_a_value_kept_as_a_file_comes_back_for_its_digest_only(tmp_path, done, expected):
    root = tmp_path / "cache"
    with Store(root):
        pass
    digest = "a" * 64
    path = root / store.MEMO_FILES / "graph"
    if done == "no store":
        root = tmp_path / "none"
    _memo_kept(root, digest)
    if done == "asked for another digest":
        digest = "b" * 64
    elif done == "cut inside its head":
        path.write_bytes(path.read_bytes()[:20])
    elif done == "removed":
        path.unlink()
    elif done == "another step's value moved in":
        store.memo_file_put(root, "layout", "c" * 64, lambda f: f.write(b"other"))
        os.replace(root / store.MEMO_FILES / "layout", path)
    got = store.memo_file_get(root, "graph", digest)
    assert (None if got is None else got.to_pybytes()) == expected
    if done == "no store":
        assert not root.exists()


def test_a_value_kept_as_a_file_outlives_the_stores_clean_up_and_is_replaced_whole(tmp_path):
    root = tmp_path / "cache"
    with Store(root):
        pass
    _memo_kept(root, "a" * 64)
    with Store(root):  # its clean-up removes the files that are not the store's
        pass
    assert store.memo_file_get(root, "graph", "a" * 64).to_pybytes() == b"value \0 of the step"
    held = store.memo_file_get(root, "graph", "a" * 64)  # mapped while the next build replaces it
    store.memo_file_put(root, "graph", "d" * 64, lambda f: f.write(b"the next"))
    assert held.to_pybytes() == b"value \0 of the step"
    assert store.memo_file_get(root, "graph", "a" * 64) is None
    assert store.memo_file_get(root, "graph", "d" * 64).to_pybytes() == b"the next"
    assert sorted(p.name for p in (root / store.MEMO_FILES).iterdir()) == ["graph"]  # no temporary left
