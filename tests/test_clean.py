"""graph.clean: one cleaning step for every string that reaches XML, CSV or a page (issue 17).

The end-to-end tests build a corpus whose file names hold control characters, URL characters and
a spreadsheet formula, and read every output back with the readers users have: networkx, igraph,
ElementTree, the csv module, json.
"""
import csv
import io
import json
import xml.etree.ElementTree as ET

import igraph
import networkx as nx
import pytest

from graph import export, pipeline
from graph.clean import clean_reference, clean_text, csv_cell, symbol_url
from conftest import ref


@pytest.mark.parametrize("text, expected", [
    ("memo\x1bx\x0by.txt", "memoxy.txt"),
    ("A/RES/79/1\x1b", "A/RES/79/1"),
    ("NUL\x00 and bell\x07 and form feed\x0c", "NUL and bell and form feed"),
    ("C1 \x85 and DEL \x7f", "C1  and DEL "),
    ("bidi \u202eevil\u202c and \u2066isolate\u2069", "bidi evil and isolate"),
    ("lone surrogate \ud800 and \ufffe \uffff", "lone surrogate  and  "),
    ("windows\r\nline\rends", "windows\nline\nends"),
    # kept: tab, line feed, every printable character, quotes, non-Latin text
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ('=HYPERLINK("x") <b> & “quotes” 中文 العربية', '=HYPERLINK("x") <b> & “quotes” 中文 العربية'),
    ("", ""),
])
def test_clean_text(text, expected):
    assert clean_text(text) == expected


def test_clean_text_returns_clean_text_itself():
    s = "Information and communications technologies for sustainable development"
    assert clean_text(s) is s


@pytest.mark.parametrize("value, cell", [
    ('=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'),
    ("+1+2", "'+1+2"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    # not formulas: kept
    ("A/RES/79/194", "A/RES/79/194"), ("para. 71", "para. 71"), ("a = b", "a = b"), ("", ""),
    (-5, -5), (3, 3), (True, True), (None, None),
])
def test_csv_cell(value, cell):
    assert csv_cell(value) == cell


@pytest.mark.parametrize("symbol, url", [
    ("A/RES/79/194", "https://undocs.org/en/A/RES/79/194"),
    ("S/RES/2720(2023)", "https://undocs.org/en/S/RES/2720(2023)"),
    ("A/79/62#x", "https://undocs.org/en/A/79/62%23x"),
    ("A/79/62?q=1", "https://undocs.org/en/A/79/62%3Fq%3D1"),
    ('A/79/"x"', "https://undocs.org/en/A/79/%22x%22"),
    ("A/79/<b>", "https://undocs.org/en/A/79/%3Cb%3E"),
    ("A/79/a b", "https://undocs.org/en/A/79/a%20b"),
])
def test_symbol_url(symbol, url):
    assert symbol_url(symbol) == url


def test_clean_reference():
    r = ref("memo\x1bx.txt", "A/RES/79/1\x1b", sentence="Recalling\x0c its resolution", target_aliases=("A/79/1\x00",))
    c = clean_reference(r)
    assert (c.source, c.target, c.sentence, c.target_aliases) == (
        "memox.txt", "A/RES/79/1", "Recalling its resolution", ("A/79/1",))
    clean = ref("A/RES/79/194", "A/RES/78/132")
    assert clean_reference(clean) is clean


# --------------------------------------------------------------------------- a hostile corpus, end to end

HOSTILE = {
    "memo\x1bx\x0by.txt": "Note by the Secretariat\n\nRecalling its resolution 78/132 on information technologies,",
    "A_RES_79_1\x1b.txt": "Resolution adopted by the General Assembly on 18 November 2024\n\n79/1. A pact\n\n"
                          "The General Assembly,\n\nRecalling its resolution 70/1,",
    'A_79_62#x?"<.txt': "Report of the Secretary-General\n\nThe Council recalled resolution 2720 (2023).",
    "formula.txt": '=HYPERLINK("http://evil.example","click")\n\nReport of the Secretary-General\n\n'
                   "As requested in resolution 70/1, paragraph 84,",
    "new\nline\ttab.txt": "Note by the Secretariat\n\nRecalling its resolution 70/1,",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    src = tmp_path_factory.mktemp("in")
    for name, text in HOSTILE.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    corpus = pipeline.build([src], out, cache=False, progress=False, jobs=1, pages=True)
    corpus.src = src
    return corpus, out


def test_node_ids_are_clean(hostile):
    corpus, _ = hostile
    ids = set(corpus.graph)
    assert {"A/RES/79/1", "A/79/62", "(no symbol) memoxy.txt", "A/RES/78/132", "A/RES/70/1"} <= ids
    assert not any(clean_text(n) != n for n in ids)


def test_graphml_and_gexf_read_back_everywhere(hostile):
    _, out = hostile
    for name in ("graph.graphml", "graph.gexf"):
        ET.parse(out / name)  # well-formed XML
    G = nx.read_graphml(out / "graph.graphml")
    assert {"(no symbol) memoxy.txt", "A/RES/79/1"} <= {d["label"] for _, d in G.nodes(data=True)}
    H = nx.read_gexf(out / "graph.gexf")
    assert "(no symbol) memoxy.txt" in H
    g = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    assert g.vcount() == G.number_of_nodes() and "(no symbol) memoxy.txt" in g.vs["label"]
    assert "(no symbol) memoxy.txt" in export.read_graphml(out / "graph.graphml")
    # a line feed and a tab in a file name: text, kept as they are by every reader (an XML attribute
    # would read them back as spaces: GraphML keeps ids as element text, GEXF escapes them)
    odd = "(no symbol) new\nline\ttab.txt"
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert odd in {n["id"] for n in data["nodes"]}
    assert odd in {d["label"] for _, d in G.nodes(data=True)} and odd in set(g.vs["label"])
    assert odd in H and (odd, "A/RES/70/1") in H.edges
    assert odd in export.read_graphml(out / "graph.graphml")
    rows = list(csv.DictReader(io.StringIO((out / "nodes.csv").read_text(encoding="utf-8"), newline="")))
    assert odd in {r["id"] for r in rows}


def test_urls_are_percent_encoded(hostile):
    corpus, out = hostile
    assert corpus.graph.nodes["A/79/62"]["url"] == "https://undocs.org/en/A/79/62"
    for n, d in corpus.graph.nodes(data=True):
        assert not any(c in d["url"] for c in '#"<> ') or d["url"].startswith("https://digitallibrary"), (n, d["url"])


def test_csv_cells_are_neutralised_and_json_keeps_the_true_value(hostile):
    corpus, out = hostile
    title = corpus.graph.nodes["(no symbol) formula.txt"]["title"]
    assert title == '=HYPERLINK("http://evil.example","click")'
    rows = list(csv.DictReader(io.StringIO((out / "nodes.csv").read_text(encoding="utf-8"))))
    assert next(r for r in rows if r["id"] == "(no symbol) formula.txt")["title"] == "'" + title
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values())
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert next(n for n in data["nodes"] if n["id"] == "(no symbol) formula.txt")["title"] == title
    refs = list(csv.DictReader(io.StringIO((out / "references.csv").read_text(encoding="utf-8"))))
    assert {r["source"] for r in refs} >= {"(no symbol) memoxy.txt", "A/RES/79/1", "A/79/62"}


def test_no_control_character_in_any_output(hostile):
    _, out = hostile
    bad = set(chr(c) for c in range(32) if chr(c) not in "\t\n\r") | {"\x7f"}
    for f in out.rglob("*"):
        if f.is_file() and f.suffix in (".graphml", ".gexf", ".json", ".csv", ".html"):
            text = f.read_text(encoding="utf-8")
            assert not bad & set(text), f.name


def test_no_machine_path_in_any_output(hostile):
    """Not the input folder, not the output folder, not the machine's temporary folder: a document
    with no symbol is known by its file name relative to the input."""
    corpus, out = hostile
    for f in out.rglob("*"):
        if f.is_file() and ".citegraph" not in f.as_posix() and f.suffix in (".graphml", ".gexf", ".json", ".csv",
                                                                              ".html", ".parquet"):
            data = f.read_bytes()
            for path in (str(corpus.src), str(out), str(corpus.src.parent.parent)):
                assert path.encode() not in data, (f.name, path)
