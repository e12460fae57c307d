"""graph.writers: column-wise text at C speed gives, byte for byte, what Python's own formatting gives."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pyarrow as pa
import pytest

from graph import export, writers
from graph.clean import csv_cell

HOSTILE = ["plain", "", None, 'quote " inside', "comma, inside", "line\nfeed", "tab\there", "cr\rhere",
           "amp & lt < gt >", "back\\slash", "=HYPERLINK(\"http://x\",\"y\")", "+1", "-5 per cent", "@sum",
           "\tleading tab", "\rleading cr", "ünïcödé — “quotes” ‘single’ ✓", "\u2028line separator",
           "null\x00byte", "bell\x07", "form\x0cfeed", "backspace\x08", " leading space", "trailing space ",
           "'already quoted", "x" * 5000]
XML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
XML_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                          "\t": "&#9;"})


def _arr(values):
    return pa.array(values, pa.string())


def test_xml_escapes_as_translate_does():
    values = [v for v in HOSTILE if v is not None]
    assert writers.xml_text(_arr(values)).to_pylist() == [v.translate(XML_TEXT) for v in values]
    assert writers.xml_attribute(_arr(values)).to_pylist() == [v.translate(XML_ATTR) for v in values]


def test_json_strings_as_json_dumps_writes_them():
    got = writers.json_string(_arr(HOSTILE)).to_pylist()
    assert got == [json.dumps(v, ensure_ascii=False) if v is not None else None for v in HOSTILE]


#: A corpus's column: most values need no escape, a few do, some are missing (what the escapes
#: rewrite row by row, only where a row holds a character they change).
SPARSE = ["plain"] * 40 + HOSTILE + ["clean text, mostly"] * 40 + [None] * 5


@pytest.mark.parametrize("column", [
    pa.array(SPARSE, pa.string()),
    pa.array(SPARSE, pa.string()).slice(7, 60),
    pa.chunked_array([SPARSE[:50], SPARSE[50:]], pa.string()),
    pa.array(["plain"] * 10, pa.string()),
    pa.array([None] * 3, pa.string()),
], ids=["sparse", "a slice", "chunked", "nothing to escape", "nulls only"])
def test_escapes_rewrite_the_rows_that_need_it_and_leave_the_rest(column):
    values = column.to_pylist()
    assert writers.xml_text(column).to_pylist() == [None if v is None else v.translate(XML_TEXT) for v in values]
    assert writers.xml_attribute(column).to_pylist() == [None if v is None else v.translate(XML_ATTR) for v in values]
    assert writers.json_string(column).to_pylist() == [None if v is None else json.dumps(v, ensure_ascii=False)
                                                       for v in values]


def test_csv_cells_as_the_csv_module_writes_them():
    got = writers.csv_cell(_arr(HOSTILE)).to_pylist()
    for value, cell in zip(HOSTILE, got):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(["" if value is None else csv_cell(value), "x"])
        assert cell + ",x\n" == buf.getvalue(), value


@pytest.mark.parametrize("values, typ, text", [
    ([1, None, -7, 2**40], pa.int64(), ["1", None, "-7", str(2**40)]),
    ([True, False, None], pa.bool_(), ["true", "false", None]),
    ([0.1, 1e-05, 1e16, 1 / 3, None, 2.0], pa.float64(), ["0.1", "1e-05", "1e+16", repr(1 / 3), None, "2.0"]),
])
def test_values_as_text(values, typ, text):
    assert writers.text_of(pa.array(values, typ)).to_pylist() == text


def test_write_text_writes_slices_and_chunks_whole():
    arr = _arr(["ab", "cd", "ef", "gh"])
    buf = io.BytesIO()
    writers.write_text(buf, arr.slice(1, 2))
    writers.write_text(buf, pa.chunked_array([_arr(["1"]), _arr(["23", "4"])]))
    assert buf.getvalue() == b"cdef1234"


def _hand_made() -> nx.DiGraph:
    """A graph whose edges lack some attributes and hold hostile values (not what a build makes)."""
    G = nx.DiGraph()
    G.graph["name"] = "citegraph"
    G.add_node("A/RES/1/1", label="A/RES/1/1", title='a "title" & <more>')
    G.add_node("b", label="b")
    G.add_node("c")
    G.add_edge("A/RES/1/1", "b", count=2, sentence="line\nfeed, \"quoted\"", later=False, weight_of=0.25)
    G.add_edge("b", "c", count=1, later=True)
    G.add_edge("c", "A/RES/1/1", sentence="=HYPERLINK(1)")
    return G


def _python_graphml_edges(G) -> str:
    """The edges part of GraphML as the export wrote it one edge at a time (before :mod:`graph.writers`)."""
    ekeys = export._keys((((u, v), d) for u, v, d in G.edges(data=True)), "edge")
    start = 1 + len(export._keys([("graph", G.graph)], "graph")) + len({"label": 1, **export._keys(G.nodes(data=True), "node")})
    ids = {k: f"d{start - 1 + i}" for i, k in enumerate(ekeys)}
    node_id = export.graphml_ids(G)
    out = []
    for u, v, d in G.edges(data=True):
        out.append(f'    <edge source="{node_id[u]}" target="{node_id[v]}">\n')
        for k, val in d.items():
            out.append(f'      <data key="{ids[k]}">{export._xml_value(val).translate(XML_TEXT)}</data>\n')
        out.append("    </edge>\n")
    return "".join(out)


@pytest.mark.parametrize("graph", [_hand_made, lambda: nx.DiGraph()])
def test_files_with_the_edges_made_column_wise_equal_python_formatting(graph):
    G = graph()
    graphml = export.graphml_bytes(G).decode("utf-8")
    assert _python_graphml_edges(G) in graphml
    data = json.loads(export.json_bytes(G))
    assert export.json_bytes(G).decode() == json.dumps(nx.node_link_data(G, edges="edges"), ensure_ascii=False,
                                                       indent=1) + "\n"
    assert data["edges"] == nx.node_link_data(G, edges="edges")["edges"]
    rows = [[u, v, *(d.get(c, "") for c in export.EDGE_COLUMNS[2:])] for u, v, d in G.edges(data=True)]
    assert export.edges_csv(G) == export._csv(export.EDGE_COLUMNS, rows)
    H = nx.read_gexf(io.BytesIO(export.gexf_bytes(G)))
    assert sorted(H.edges()) == sorted(G.edges())


def test_the_build_s_edge_table_writes_what_its_graph_writes(sample_corpus):
    G, edges = sample_corpus.graph, sample_corpus.tables.edges
    for fn in (export.graphml_bytes, export.gexf_bytes, export.json_bytes, export.edges_csv):
        assert fn(G, edges) == fn(G), fn.__name__
    assert export.json_bytes(G) == (json.dumps(nx.node_link_data(G, edges="edges"), ensure_ascii=False, indent=1)
                                    + "\n").encode("utf-8")


def test_a_chunk_boundary_changes_nothing(sample_corpus, monkeypatch):
    G, edges = sample_corpus.graph, sample_corpus.tables.edges
    whole = [fn(G, edges) for fn in (export.graphml_bytes, export.gexf_bytes, export.json_bytes, export.edges_csv)]
    monkeypatch.setattr(writers, "CHUNK", 7)
    monkeypatch.setattr(writers.chunks, "__defaults__", (7,))
    assert [fn(G, edges) for fn in (export.graphml_bytes, export.gexf_bytes, export.json_bytes, export.edges_csv)] \
        == whole


def _hostile_nodes() -> nx.DiGraph:
    """Node values of every scalar kind and hostile text, and one node holding a list (not a scalar)."""
    G = _hand_made()
    G.add_node("d", label="d", title="tab\there, new\nline, \u2028, \x7f, \"q\" <&> \\ é 中文", year=2024,
               pagerank=0.1 + 0.2, big=2**70, neg=-0.0, nan=float("nan"), inf=float("inf"), ninf=float("-inf"),
               flag=True, other=False, none=None)
    G.add_node("e", label="e", listed=["a", "b"], nested={"k": 1})
    G.add_node("id-clash", id="not the key", label="x")
    return G


@pytest.mark.parametrize("graph", [_hostile_nodes, _hand_made, lambda: nx.DiGraph()])
def test_node_json_is_what_the_python_encoder_writes(graph):
    G = graph()
    want = json.dumps(nx.node_link_data(G, edges="edges"), ensure_ascii=False, indent=1) + "\n"
    assert export.json_bytes(G).decode("utf-8") == want


def _graph_scalars() -> nx.DiGraph:
    G = _hostile_nodes()
    G.remove_node("e")  # GraphML and GEXF hold scalars only
    G.remove_node("id-clash")  # NetworkX's GEXF writer takes an "id" attribute for the node's id
    for n in G:
        for k in ("none", "nan", "inf", "ninf"):
            G.nodes[n].pop(k, None)
    return G


def test_node_rows_of_graphml_and_gexf_are_what_the_slow_writers_give_once_read_back():
    G = _graph_scalars()
    for fast, slow, read in ((export.graphml_bytes, export.graphml_bytes_nx, nx.read_graphml),
                             (export.gexf_bytes, export.gexf_bytes_nx, nx.read_gexf)):
        a, b = read(io.BytesIO(fast(G))), read(io.BytesIO(slow(G)))
        assert sorted(a.nodes(data=True)) == sorted(b.nodes(data=True)), fast.__name__
