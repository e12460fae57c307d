"""A rebuild into the folder of an earlier build writes what a full build of the changed corpus writes.

The store (``.citegraph-cache``), the reading pages kept since the last build and whatever else a
rebuild reuses must never show: after each kind of change (a citation edited, a file added, a file
deleted, a document's symbol renamed, a name taught), every file of the output folder, the reading
pages included, is byte for byte that of a fresh build of the changed corpus.
"""
from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

import pytest

from graph import pipeline
from graph.cli import SAMPLE

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE_TEXT = SAMPLE / "text"
NAMES = ("A_RES_70_1.txt", "A_RES_70_125.txt", "A_RES_77_150.txt", "A_RES_78_132.txt", "A_RES_79_195.txt",
         "E_RES_2023_4.txt")
#: Not part of a build's output: the store, the lock.
NOT_OUTPUT = (".citegraph-cache", ".citegraph.lock")


def _edit(path: pathlib.Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_a_citation(src: pathlib.Path) -> None:
    _edit(src / "A_RES_78_132.txt", "Recalling its resolution 77/150", "Recalling its resolution 76/213")


def add_a_citation(src: pathlib.Path) -> None:
    with open(src / "A_RES_77_150.txt", "a", encoding="utf-8") as f:
        f.write("\n\nRecalling its resolution 70/1 of 25 September 2015,\n")


def edit_the_text_only(src: pathlib.Path) -> None:
    # a sentence with no citation: the references, so the graph and its files, stay the same; the page changes
    with open(src / "A_RES_77_150.txt", "a", encoding="utf-8") as f:
        f.write("\n\nThe meeting rose at 6 p.m.\n")


def add_a_file(src: pathlib.Path) -> None:
    shutil.copy(SAMPLE_TEXT / "A_RES_79_198.txt", src)


def delete_a_file(src: pathlib.Path) -> None:
    (src / "A_RES_77_150.txt").unlink()  # cited by 78/132: its node stays, cited only


def rename_a_symbol(src: pathlib.Path) -> None:
    old = src / "A_RES_78_132.txt"
    text = old.read_text(encoding="utf-8").replace("78/132.", "78/1132.", 1)
    old.unlink()
    (src / "A_RES_78_1132.txt").write_text(text, encoding="utf-8")


TEACHER = """The General Assembly,

*Reaffirming* the Fooland Agenda for Sustainable Tests, adopted at the Conference held in Foo,<sup>3</sup>

---

<sup>3</sup> Resolution 71/999, annex.
"""


def teach_a_name(src: pathlib.Path) -> None:
    # a new file's footnote teaches a name (the learned-names pass): 79/195, whose bytes do not change,
    # now cites what the name stands for
    (src / "A_RES_80_2.md").write_text(TEACHER, encoding="utf-8")


CHANGES = [edit_a_citation, add_a_citation, edit_the_text_only, add_a_file, delete_a_file, rename_a_symbol, teach_a_name]


def _outputs(out: pathlib.Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.relative_to(out).parts[0] not in NOT_OUTPUT}


def _corpus(tmp_path: pathlib.Path) -> pathlib.Path:
    src = tmp_path / "corpus"
    src.mkdir()
    for n in NAMES:
        shutil.copy(SAMPLE_TEXT / n, src)
    with open(src / "A_RES_79_195.txt", "a", encoding="utf-8") as f:  # a name no file teaches yet
        f.write("\n\nWelcoming the Fooland Agenda for Sustainable Tests,\n")
    return src


def _same(rebuilt: dict[str, bytes], fresh: dict[str, bytes]) -> None:
    assert sorted(rebuilt) == sorted(fresh)
    assert [n for n in fresh if rebuilt[n] != fresh[n]] == []


# jobs=1: the builds, one after the other in this process, make their pages in threads of this process
# with the store's readers kept from the build before (a text-only rebuild once made the edited page
# without its text); jobs=2: in processes forked by each build
@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("change", CHANGES, ids=lambda f: f.__name__)
def test_a_rebuild_writes_what_a_full_build_of_the_changed_corpus_writes(tmp_path, change, jobs):
    src = _corpus(tmp_path)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    first = pipeline.build([src], out, jobs=jobs, progress=False, html=False)
    before = _outputs(out)
    change(src)
    again = pipeline.build([src], out, jobs=jobs, progress=False, html=False)
    assert again.cached >= len(NAMES) - 2  # the rest came from the store
    pipeline.build([src], fresh, jobs=jobs, progress=False, html=False)
    after = _outputs(out)
    _same(after, _outputs(fresh))
    assert after != before  # the change shows
    if change is teach_a_name:
        assert any(r.source == "A/RES/79/195" and r.target == "A/RES/71/999" for r in again.references)
    assert first.graph.number_of_nodes() > 10
    assert again.outputs_kept == (change is edit_the_text_only)


#: The graph's files (not the reading pages): kept as they are when nothing they show changed.
GRAPH_FILES = ("graph.graphml", "graph.gexf", "graph.json", "nodes.csv", "edges.csv", "references.csv",
               "nodes.parquet", "edges.parquet", "references.parquet", "graph.html")


def _stamps(out: pathlib.Path) -> dict:
    return {n: ((out / n).stat().st_ino, (out / n).stat().st_mtime_ns) for n in GRAPH_FILES}


def test_a_text_only_edit_writes_no_graph_file_again_and_only_its_page(tmp_path):
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    html = {"focus": None, "depth": 1, "max_nodes": None}
    first = pipeline.build([src], out, jobs=2, progress=False, html=False, explorer=html)
    before, stamps = _outputs(out), _stamps(out)
    edit_the_text_only(src)
    again = pipeline.build([src], out, jobs=2, progress=False, html=False, explorer=html)
    assert again.outputs_kept and not first.outputs_kept
    assert _stamps(out) == stamps  # not written again (an atomic write is a new inode)
    after = _outputs(out)
    # its page and the pages' manifest (which names each page's inputs) only
    assert [n for n in after if after[n] != before.get(n)] == ["docs/.pages.json", "docs/A_RES_77_150.html"]
    assert again.drawn == first.drawn  # what the explorer draws, told as when it was written
    assert [d["pagerank"] for _, d in again.graph.nodes(data=True)] == \
        [d["pagerank"] for _, d in first.graph.nodes(data=True)]


@pytest.mark.parametrize("what", ["a file deleted", "a file touched", "another option", "no store"])
def test_the_graph_files_are_written_again_when_they_do_not_stand_as_written(tmp_path, what):
    src = _corpus(tmp_path)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    pipeline.build([src], out, jobs=1, progress=False, html=True)
    edit_the_text_only(src)
    options = {"html": True}
    if what == "a file deleted":
        (out / "nodes.csv").unlink()
    elif what == "a file touched":
        (out / "graph.json").write_text("{}", encoding="utf-8")
    elif what == "another option":
        options = {"html": True, "explorer": {"focus": "A/RES/78/132", "depth": 1, "max_nodes": None}}
    again = pipeline.build([src], out, jobs=1, progress=False, cache=what != "no store", **options)
    assert not again.outputs_kept
    pipeline.build([src], fresh, jobs=1, progress=False, **options)
    _same(_outputs(out), _outputs(fresh))


def test_pagerank_and_communities_are_kept_for_the_same_graph_only(tmp_path):
    import sqlite3

    import networkx as nx
    import numpy as np
    import pyarrow as pa

    from graph.measures import SEED, community_of, pagerank_scores
    from graph.store import INDEX_NAME, Store

    with Store(tmp_path):  # an (empty) store
        pass

    def graph(edges):
        G = nx.DiGraph()
        G.add_nodes_from(sorted({n for e in edges for n in e[:2]} | {"lone"}))
        G.add_weighted_edges_from(edges, weight="count")
        table = pa.table({"source": [e[0] for e in edges], "target": [e[1] for e in edges],
                          "count": [e[2] for e in edges]})
        return G, table

    nodes = [f"A/RES/70/{i}" for i in range(30)]
    edges = [(nodes[i], nodes[(i * 7 + 3) % 30], 1 + i % 3) for i in range(30)]
    G, table = graph(edges)
    first = pipeline.kept_measures(tmp_path, table)(G, SEED)
    assert first == (pagerank_scores(G), community_of(G, seed=SEED))  # exactly
    with sqlite3.connect(tmp_path / INDEX_NAME) as db:
        (kept,) = db.execute("SELECT value FROM memo WHERE name = 'measures'").fetchone()
        n = len(G)
        moved = (np.frombuffer(kept, dtype="<f8", count=n) * 2).tobytes() + kept[8 * n:]
        db.execute("UPDATE memo SET value = ? WHERE name = 'measures'", (moved,))
    # the same graph: what the store keeps (here doubled, to show it is what is used)
    assert pipeline.kept_measures(tmp_path, table)(G, SEED)[0] == {k: 2 * v for k, v in first[0].items()}
    # another count, another edge, another seed: computed afresh
    for other in ([(*e[:2], e[2] + (i == 0)) for i, e in enumerate(edges)], edges + [(nodes[0], "lone", 1)]):
        H, t = graph(other)
        assert pipeline.kept_measures(tmp_path, t)(H, SEED) == (pagerank_scores(H), community_of(H, seed=SEED))
    assert pipeline.kept_measures(tmp_path, table)(G, 7) == (pagerank_scores(G), community_of(G, seed=7))
    assert pipeline.kept_measures(None, table)(G, SEED) == first  # no store: computed


@pytest.mark.slow
def test_a_rebuild_by_the_command_writes_what_a_full_build_writes(tmp_path):
    """The whole command (graph.html included), a citation edited and a file added."""
    src = _corpus(tmp_path)

    def build(out):
        done = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(src), "-o", str(out), "-j", "2"],
                              cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        return done.stdout

    build(tmp_path / "out")
    edit_a_citation(src)
    add_a_file(src)
    summary = build(tmp_path / "out")
    assert f"(2 read now, {len(NAMES) - 1} from cache)" in summary  # the edited file and the new one
    build(tmp_path / "fresh")
    _same(_outputs(tmp_path / "out"), _outputs(tmp_path / "fresh"))


def test_the_layout_is_kept_for_the_same_nodes_and_edges_only(tmp_path):
    import sqlite3

    import numpy as np

    from graph.explorer.layout import overview_layout
    from graph.store import INDEX_NAME, Store

    with Store(tmp_path):  # an (empty) store
        pass
    nodes = [f"A/RES/70/{i}" for i in range(40)] + ["lone"]
    edges = [(nodes[i], nodes[(i * 7 + 3) % 40]) for i in range(40)]
    layout = pipeline.kept_layout(tmp_path)
    first = layout(nodes, edges, 7)
    assert first == overview_layout(nodes, edges, 7)  # exactly, isolated node included
    with sqlite3.connect(tmp_path / INDEX_NAME) as db:
        (kept,) = db.execute("SELECT value FROM memo WHERE name = 'layout'").fetchone()
        moved = (np.frombuffer(kept, dtype="<f8") + 1.0).tobytes()
        db.execute("UPDATE memo SET value = ? WHERE name = 'layout'", (moved,))
    # the same input: what the store keeps (here moved by one, to show it is what is used)
    assert layout(nodes, edges, 7) == {n: (x + 1.0, y + 1.0) for n, (x, y) in first.items()}
    # another edge, another seed, other nodes: laid out afresh
    for args in ((nodes, edges + [(nodes[0], "lone")], 7), (nodes, edges, 8), (nodes[:-1], edges, 7)):
        assert layout(*args) == overview_layout(*args)
    assert pipeline.kept_layout(None)(nodes, edges, 7) == first  # no store: the layout itself


def test_a_table_s_digest_is_its_values_whatever_its_chunks_slices_and_nulls(monkeypatch):
    import hashlib

    import pyarrow as pa

    def digest(t):
        h = hashlib.sha256()
        pipeline._table_digest(h, t)
        return h.hexdigest()

    monkeypatch.setattr(pipeline, "DIGEST_ROWS", 3)
    rows = {"s": ["a", None, "b", "c", None, "d", "e"], "n": [1, 2, None, 4, 5, 6, 7],
            "l": [["x"], None, [], ["y", "z"], ["x"], None, ["w"]]}
    t = pa.table(rows)
    same = [pa.concat_tables([t.slice(0, 2), t.slice(2, 4), t.slice(6)]),      # other chunks
            pa.concat_tables([t, t]).slice(7),                                 # a slice of a bigger table
            pa.table({k: pa.array(v, pa.list_(pa.field("element", pa.string()))) if k == "l" else v
                      for k, v in rows.items()})]                              # the list's item named otherwise
    assert {digest(x) for x in same} == {digest(t)}
    for k, v in (("s", "x"), ("n", 3), ("l", ["q"])):  # a null given a value, a value changed: another digest
        other = dict(rows)
        other[k] = [v, *rows[k][1:]] if k != "n" else [*rows[k][:2], v, *rows[k][3:]]
        assert digest(pa.table(other)) != digest(t), k
    assert digest(t.rename_columns(["s", "m", "l"])) != digest(t)


def _docs_stamp(out: pathlib.Path) -> int:
    return (out / "docs").stat().st_ino  # the pages are made in a new folder that replaces docs/ whole


@pytest.mark.parametrize("what", ["nothing", "a page deleted", "a page touched", "a page added", "a text edited",
                                  "an option", "no store"])
def test_the_reading_pages_are_kept_whole_only_when_nothing_they_are_made_from_changed(tmp_path, what):
    src = _corpus(tmp_path)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    first = pipeline.build([src], out, jobs=2, progress=False, html=False)
    stamp, options = _docs_stamp(out), {"html": False}
    if what == "a page deleted":
        (out / "docs" / "A_RES_70_1.html").unlink()
    elif what == "a page touched":  # edited by hand: made again, not linked back from the last build
        with open(out / "docs" / "A_RES_70_1.html", "a", encoding="utf-8") as f:
            f.write("<!-- -->")
    elif what == "a page added":
        (out / "docs" / "stray.html").write_text("stray", encoding="utf-8")
    elif what == "a text edited":
        edit_the_text_only(src)
    elif what == "an option":
        options = {"html": True}
    again = pipeline.build([src], out, jobs=2, progress=False, cache=what != "no store", **options)
    assert again.pages["pages"] == first.pages["pages"] > 5
    assert again.pages["changes"] == first.pages["changes"]
    if what == "nothing":
        assert again.outputs_kept and again.pages["kept"] == again.pages["pages"]
        assert _docs_stamp(out) == stamp  # not made again, not even linked
    else:
        assert _docs_stamp(out) != stamp
    pipeline.build([src], fresh, jobs=2, progress=False, **options)
    _same(_outputs(out), _outputs(fresh))
    if what == "no store":  # the files the build without a store wrote are not known to the store
        assert not pipeline.build([src], out, jobs=2, progress=False, **options).outputs_kept
    third = pipeline.build([src], out, jobs=2, progress=False, **options)  # nothing changed since
    assert third.pages["kept"] == third.pages["pages"] and third.outputs_kept
    if what == "nothing":
        assert _docs_stamp(out) == stamp
    _same(_outputs(out), _outputs(fresh))


def _graph_rows(G) -> tuple:
    """Every node and edge with its attributes in their order (the order shows in the files)."""
    return ([(n, list(d.items())) for n, d in G.nodes(data=True)],
            [(u, v, list(d.items())) for u, v, d in G.edges(data=True)], dict(G.graph))


def _tamper_graph_memo(out: pathlib.Path, how: str) -> None:
    import json

    path = out / ".citegraph-cache" / "memo" / "graph"
    data = path.read_bytes()
    at = data.index(b"\0", data.index(b"\0") + 1) + 1  # after the magic and the digest
    kept, value = data[:at], data[at:]
    if how == "damaged":
        value = value[:len(value) // 2]
    elif how == "another digest":
        kept = kept.replace(kept[-9:-1], b"0" * 8)
    else:  # one node's title changed where it is kept: what a rebuild shows if it takes the kept graph
        size = int.from_bytes(value[:8], "little")
        record = json.loads(value[8:8 + size])
        record["nodes"][0][1]["title"] = "KEPT"
        head = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        value = len(head).to_bytes(8, "little") + head + value[8 + size:]
    path.write_bytes(kept + value)


#: (the change since the last build, what is done to the kept graph) -> whether the rebuild takes it.
KEPT_GRAPH = [
    (edit_the_text_only, "marked", True),  # the same references: the last build's graph, as kept
    (edit_the_text_only, "damaged", False),  # cannot be read: made again
    (edit_the_text_only, "another digest", False),  # kept for other inputs: made again
    (add_a_citation, "marked", False),  # another graph: made again
    (edit_a_citation, "marked", False),
    (teach_a_name, "marked", False),
]


@pytest.mark.parametrize("change, how, taken", KEPT_GRAPH, ids=lambda x: getattr(x, "__name__", str(x)))
def test_the_graph_is_kept_for_the_same_documents_and_references_only(tmp_path, change, how, taken):
    src = _corpus(tmp_path)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    pipeline.build([src], out, jobs=1, progress=False, html=False)
    _tamper_graph_memo(out, how)
    change(src)
    (out / "nodes.csv").unlink()  # so that the graph's files are written again, from the graph the rebuild has
    again = pipeline.build([src], out, jobs=1, progress=False, html=False)
    first_node = next(iter(again.graph.nodes))
    assert (again.graph.nodes[first_node]["title"] == "KEPT") == taken
    assert (again.tables.nodes[0][1]["title"] == "KEPT") == taken
    if taken:  # (the mark undone) the graph, its tables and every file are a fresh build's
        again.graph.nodes[first_node]["title"] = again.tables.nodes[0][1]["title"] = "?"
    made = pipeline.build([src], fresh, jobs=1, progress=False, html=False)
    if taken:
        made.graph.nodes[first_node]["title"] = made.tables.nodes[0][1]["title"] = "?"
    assert _graph_rows(again.graph) == _graph_rows(made.graph)
    assert again.tables.nodes == made.tables.nodes and again.tables.graph == made.tables.graph
    assert again.tables.edges.equals(made.tables.edges)
    if not taken:
        _same(_outputs(out), _outputs(fresh))


def test_a_kept_graph_writes_what_a_fresh_build_writes(tmp_path):
    """A text-only edit takes the graph from the store; its files, written from it, are a fresh build's."""
    src = _corpus(tmp_path)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    html = {"focus": None, "depth": 1, "max_nodes": None}
    pipeline.build([src], out, jobs=1, progress=False, html=False, explorer=html)
    edit_the_text_only(src)
    for name in GRAPH_FILES:
        (out / name).unlink()
    pipeline.build([src], out, jobs=1, progress=False, html=False, explorer=html)
    pipeline.build([src], fresh, jobs=1, progress=False, html=False, explorer=html)
    _same(_outputs(out), _outputs(fresh))


#: After a text-only edit (the graph kept): what else is done to the output folder, and whether the
#: pages of the documents whose text did not change are linked with no digest made again.
UNCHANGED_PAGES = [
    # the edited document's page, and its successor's (which shows its changes)
    ("nothing else", {"A/RES/77/150", "A/RES/78/132"}),
    # and that page, made again (it does not stand as written); the others linked
    ("a page deleted", {"A/RES/70/1", "A/RES/77/150", "A/RES/78/132"}),
    ("a page touched", {"A/RES/70/1", "A/RES/77/150", "A/RES/78/132"}),
    # docs/ is not the folder the last build made, or its record is gone: every page's digest is made
    ("the manifest edited", None),
    ("no page-texts record", None),
]


@pytest.mark.parametrize("what, digested", UNCHANGED_PAGES)
def test_the_pages_of_unchanged_texts_are_linked_without_their_digests(tmp_path, monkeypatch, what, digested):
    import sqlite3

    from graph import reading

    src = _corpus(tmp_path)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    first = pipeline.build([src], out, jobs=2, progress=False, html=False)
    edit_the_text_only(src)
    if what == "a page deleted":
        (out / "docs" / "A_RES_70_1.html").unlink()
    elif what == "a page touched":
        with open(out / "docs" / "A_RES_70_1.html", "a", encoding="utf-8") as f:
            f.write("<!-- -->")
    elif what == "the manifest edited":
        manifest = out / "docs" / ".pages.json"
        manifest.write_text(manifest.read_text(encoding="utf-8").replace("{", "{ ", 1), encoding="utf-8")
    elif what == "no page-texts record":
        with sqlite3.connect(out / ".citegraph-cache" / "index.sqlite") as db:
            db.execute("DELETE FROM memo WHERE name = 'page-texts'")
    asked = []  # the documents whose targets a page's digest was made from (a spy on the real function)
    real = reading.target_info
    monkeypatch.setattr(reading, "target_info", lambda G, refs, *a: asked.append(refs[0].source if refs else None)
                        or real(G, refs, *a))
    again = pipeline.build([src], out, jobs=2, progress=False, html=False)
    assert again.outputs_kept
    pages = first.pages["pages"]
    if digested is not None:
        assert set(asked) == digested
    else:
        assert len(set(asked)) == pages
    monkeypatch.setattr(reading, "target_info", real)
    pipeline.build([src], fresh, jobs=2, progress=False, html=False)
    _same(_outputs(out), _outputs(fresh))
