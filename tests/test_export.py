"""graph.export: round trips through GraphML, GEXF, JSON and CSV; determinism; atomic writes."""
from __future__ import annotations

import csv
import os
import pathlib
import re

import igraph
import networkx as nx
import pytest

from graph import export, schema
from graph.build import build_graph

from conftest import doc, ref

TITLE = "Information and communications technologies for sustainable development"


DOCS = [doc("A/RES/79/194", title=TITLE, date="2024-12-19"), doc("A/RES/78/132", title=TITLE, date="2023-12-19"),
        doc("S/RES/2720(2023)", date="2023-12-22", title="Résolution « spéciale » & <autre>")]
REFS = [
    ref("A/RES/79/194", "A/RES/78/132", "pp1", relation="recalling",
        sentence="Recalling its resolution 78/132 of 19 December 2023 on “information”, & <more>"),
    ref("A/RES/79/194", "A/RES/56/183", "pp1", footnote="1", surface="56/183"),
    ref("A/RES/79/194", "A/RES/70/1", "pp3", kind="named", surface="the 2030 Agenda", target_title="Transforming our world"),
    ref("A/RES/79/194", "A/79/62-E/2024/3", "op5", pinpoint="para. 71"),
    ref("A/RES/78/132", "A/RES/70/1", "pp3", sentence="line one\nline two"),
    ref("A/RES/78/132", "A/RES/80/1", "op9"),  # a later document: flagged
    ref("S/RES/2720(2023)", "Charter of the United Nations", "pp1", kind="named", target_type="charter"),
    ref("S/RES/2720(2023)", "S/RES/2712(2023)", "pp2", target_date="2023-11-15",
        sentence="OCR\x0c page\x00 break,\r\n\ttabbed \"quoted\" 'single'"),
]

WRITERS = [export.graphml_bytes, export.graphml_bytes_nx]


@pytest.fixture(scope="module")
def G():
    return build_graph(DOCS, REFS)


@pytest.fixture(scope="module")
def out(G, tmp_path_factory):
    d = tmp_path_factory.mktemp("out")
    export.write_all(G, REFS, d)
    return d


def test_write_all_writes_every_file(out):
    assert sorted(p.name for p in out.iterdir()) == sorted([*export.FILES, "README.md"])  # and what they are
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


@pytest.mark.parametrize("writer", WRITERS)
def test_graphml_reads_back_the_same_in_networkx(G, tmp_path, writer):
    path = tmp_path / "g.graphml"
    path.write_bytes(writer(G))
    H = export.read_graphml(path)
    assert nx.utils.graphs_equal(G, H)
    assert list(H.nodes(data=True)) == list(G.nodes(data=True))
    assert list(H.edges(data=True)) == list(G.edges(data=True))
    assert H.edges["S/RES/2720(2023)", "S/RES/2712(2023)"]["sentence"] == "OCR page break,\n\ttabbed \"quoted\" 'single'"


def test_json_reads_back_the_same(G, out):
    H = export.read_json(out / "graph.json")
    assert nx.utils.graphs_equal(G, H)
    assert list(H.edges(data=True)) == list(G.edges(data=True))


@pytest.mark.parametrize("writer", WRITERS)
def test_igraph_reads_graphml_with_the_same_counts_and_attributes(G, tmp_path, writer):
    path = tmp_path / "g.graphml"
    path.write_bytes(writer(G))
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (ig.vcount(), ig.ecount(), ig.is_directed()) == (G.number_of_nodes(), G.number_of_edges(), True)
    assert ig.vs["id"] == [f"n{i}" for i in range(G.number_of_nodes())]  # GraphML ids are NMTOKENs
    for v in ig.vs:
        d = G.nodes[v["label"]]  # the key
        for a in ("kind", "body", "url", "label", "title", "date", "session", "aliases"):
            assert v[a] == d[a], (v["label"], a)
        assert bool(v["in_corpus"]) is d["in_corpus"]
    for e in ig.es:
        u, v = ig.vs[e.source]["label"], ig.vs[e.target]["label"]
        d = G.edges[u, v]
        assert (e["count"], e["sentence"], e["paragraphs"], bool(e["later"])) == (
            d["count"], d["sentence"], d["paragraphs"], d["later"])


@pytest.mark.parametrize("writer", [export.gexf_bytes, export.gexf_bytes_nx])
def test_gexf_has_the_same_counts_and_a_weight(G, tmp_path, writer):
    path = tmp_path / "g.gexf"
    path.write_bytes(writer(G))
    H = nx.read_gexf(path)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert H.edges["A/RES/79/194", "A/RES/78/132"]["weight"] == 1.0
    assert H.nodes["A/RES/79/194"]["label"] == "A/RES/79/194"
    for n, d in G.nodes(data=True):
        assert {k: x for k, x in H.nodes[n].items() if k not in ("viz", "start")} == d, n
        # the body's colour and the explorer's size; the adoption date as the dynamic start
        assert H.nodes[n]["viz"]["color"]["b"] >= 0 and H.nodes[n]["viz"]["size"] >= 2.2, n
        assert H.nodes[n].get("start") == (d["date"] if len(d["date"]) == 10 else None), n
    assert H.nodes["A/RES/79/194"]["viz"]["color"] == {"r": 47, "g": 111, "b": 179, "a": 1.0}  # the Assembly's blue
    for u, v, d in G.edges(data=True):
        assert {k: x for k, x in H.edges[u, v].items() if k not in ("id", "weight")} == d
    text = path.read_text(encoding="utf-8")
    assert 'lastmodifieddate="2024-12-19"' in text and 'mode="dynamic"' in text


def test_fast_and_networkx_writers_agree_on_the_graph(G, tmp_path):
    for fast, slow, read in ((export.graphml_bytes, export.graphml_bytes_nx, nx.read_graphml),
                             (export.gexf_bytes, export.gexf_bytes_nx, nx.read_gexf)):
        (tmp_path / "a").write_bytes(fast(G))
        (tmp_path / "b").write_bytes(slow(G))
        A, B = read(tmp_path / "a"), read(tmp_path / "b")
        assert list(A.nodes(data=True)) == list(B.nodes(data=True))
        assert list(A.edges(data=True)) == list(B.edges(data=True))


def _csv_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_csv_files_agree_with_the_graph(G, out):
    nodes, edges, refs = (_csv_rows(out / n) for n in ("nodes.csv", "edges.csv", "references.csv"))
    assert [r["id"] for r in nodes] == list(G.nodes)
    assert [(r["source"], r["target"]) for r in edges] == list(G.edges)
    assert len(refs) == len(REFS)
    by_id = {r["id"]: r for r in nodes}
    assert by_id["A/RES/70/1"]["citations"] == "2" and by_id["A/RES/79/194"]["cites"] == "4"
    assert by_id["S/RES/2720(2023)"]["title"] == "Résolution « spéciale » & <autre>"
    e = next(r for r in edges if r["target"] == "A/RES/70/1" and r["source"] == "A/RES/78/132")
    assert e["sentence"] == "line one\nline two"
    assert refs[1]["footnote"] == "1" and refs[1]["surface"] == "56/183" and refs[0]["footnote"] == ""


def test_every_node_has_kind_body_url_in_every_format(out):
    for r in _csv_rows(out / "nodes.csv"):
        assert r["kind"] and r["body"] and r["url"], r["id"]


def test_same_input_gives_byte_identical_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    export.write_all(build_graph(DOCS, REFS), REFS, a)
    export.write_all(build_graph(DOCS, REFS), REFS, b)
    for name in export.FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_failed_write_leaves_the_old_file_and_no_temporary(G, tmp_path):
    path = tmp_path / "graph.graphml"
    export.write_graphml(G, path)
    before = path.read_bytes()
    bad = G.copy()
    bad.nodes["A/RES/79/194"]["tags"] = ["not", "a", "scalar"]  # GraphML refuses lists
    with pytest.raises(nx.NetworkXError, match="'tags' of 'A/RES/79/194' is a list, not a scalar"):
        export.write_graphml(bad, path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["graph.graphml"]


def test_html_page_is_written(G, out):
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html") or "<html" in page[:500].lower()
    assert "A/RES/79/194" in page


def test_ego_page_is_the_explorer_of_the_neighbourhood_with_nothing_to_fetch(G):
    page = export.ego_html(G, focus="A/RES/78/132")
    assert "A/RES/79/194" in page and "S/RES/2712(2023)" not in page  # 78/132 and its neighbours only
    assert "sigma" in page and not re.search(r"<(?:script|link)[^>]+(?:src|href)=\"https?://", page)
    whole = export.ego_html(G, max_nodes=None)
    assert all(n in whole for n in G)


def test_the_output_readme_names_every_file_and_the_list_separator():
    """output/README.md matches the files: every file write_all writes, and lists joined as the files join them."""
    from graph.schema import SEP

    text = (pathlib.Path(__file__).resolve().parent.parent / "output" / "README.md").read_text(encoding="utf-8")
    for name in export.FILES:
        assert f"`{name}`" in text, name
    assert f"` {SEP.strip()} `".replace("|", "\\|") in text  # "lists joined with ` \| `"
    assert "`; `" not in text


# --------------------------------------------------------------------------- measures everywhere, typed tables

@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    """A graph as a build makes it: measured and laid out, every file written."""
    from graph.explorer import add_layout
    from graph.measures import add_measures

    H = add_layout(add_measures(build_graph(DOCS, REFS)))
    d = tmp_path_factory.mktemp("measured")
    export.write_all(H, REFS, d)
    return H, d


def test_in_degree_pagerank_and_community_are_in_every_export(measured):
    import json

    import pandas as pd

    H, d = measured
    node = "A/RES/70/1"
    want = {k: H.nodes[node][k] for k in ("cited_by", "pagerank", "community")}
    assert want["cited_by"] == H.in_degree(node) and 0 < want["pagerank"] < 1
    graphml = export.read_graphml(d / "graph.graphml").nodes[node]
    gexf = nx.read_gexf(d / "graph.gexf").nodes[node]
    data = next(n for n in json.loads((d / "graph.json").read_text(encoding="utf-8"))["nodes"] if n["id"] == node)
    row = next(r for r in _csv_rows(d / "nodes.csv") if r["id"] == node)
    parquet = pd.read_parquet(d / "nodes.parquet").set_index("id").loc[node]
    for got in (graphml, gexf, data, row, parquet):
        assert int(got["cited_by"]) == want["cited_by"] and int(got["community"]) == want["community"]
        assert float(got["pagerank"]) == pytest.approx(want["pagerank"])


def test_parquet_tables_are_typed_and_hold_the_graph(measured):
    import datetime

    import pyarrow.parquet as pq

    H, d = measured
    nodes = pq.read_table(d / "nodes.parquet")
    edges = pq.read_table(d / "edges.parquet")
    refs = pq.read_table(d / "references.parquet")
    assert [f.name for f in nodes.schema] == list(schema.NODES_CSV_COLUMNS)
    assert [f.name for f in edges.schema] == list(schema.EDGE_COLUMNS)
    assert [f.name for f in refs.schema] == list(schema.REFERENCE_COLUMNS)
    assert str(nodes.schema.field("date").type) == "date32[day]" and str(nodes.schema.field("year").type) == "int64"
    relations = edges.schema.field("relations").type
    assert relations.num_fields == 1 and str(relations.value_type) == "string"  # a list of strings
    assert str(refs.schema.field("start").type) == "int64"
    rows = {r["id"]: r for r in nodes.to_pylist()}
    assert rows["A/RES/79/194"]["date"] == datetime.date(2024, 12, 19)
    assert rows["Charter of the United Nations"]["year"] is None  # unknown: null, not ""
    e = next(r for r in edges.to_pylist() if (r["source"], r["target"]) == ("A/RES/79/194", "A/RES/78/132"))
    assert e["paragraphs"] == schema.split(H.edges["A/RES/79/194", "A/RES/78/132"]["paragraphs"])
    assert len(refs) == len(REFS) and nodes.num_rows == H.number_of_nodes() and edges.num_rows == H.number_of_edges()


def test_parquet_keeps_the_true_value_where_csv_neutralises(tmp_path):
    import pyarrow.parquet as pq

    H = build_graph([doc("A/RES/79/194", title='=HYPERLINK("http://x","y")')], [])
    (tmp_path / "n.parquet").write_bytes(export.nodes_parquet(H))
    assert pq.read_table(tmp_path / "n.parquet").to_pylist()[0]["title"] == '=HYPERLINK("http://x","y")'
    assert "'=HYPERLINK" in export.nodes_csv(H).decode("utf-8")


def test_node_dates_are_iso(measured):
    H, _ = measured
    assert all(re.match(r"^(\d{4}-\d{2}-\d{2})?$", d["date"]) for _, d in H.nodes(data=True))


def test_every_output_folder_gets_its_readme(tmp_path):
    """write_all writes README.md beside the files, the text of graph/data/output_README.md, which is the
    project's own output/README.md; written again only when it differs (a rebuild changing nothing keeps it)."""
    root = pathlib.Path(__file__).resolve().parent.parent
    assert export.OUTPUT_README.read_bytes() == (root / "output" / "README.md").read_bytes()
    out = tmp_path / "elsewhere"
    export.write_all(build_graph(DOCS, REFS), REFS, out)
    readme = out / "README.md"
    assert readme.read_bytes() == export.OUTPUT_README.read_bytes()
    stamp = readme.stat().st_mtime_ns, readme.stat().st_ino
    export.write_readme(out)
    assert (readme.stat().st_mtime_ns, readme.stat().st_ino) == stamp
    readme.write_text("edited", encoding="utf-8")
    export.write_readme(out)
    assert readme.read_bytes() == export.OUTPUT_README.read_bytes()
