"""graph.explorer: its data, layout and page as Python sees them (pure; no browser).

The page itself, in real headless Chromium, is tested in tests/test_explorer_browser.py.
"""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from conftest import ROOT, node
from graph.explorer import (SHAPES, explorer_data, pack, render_explorer, shape_of, time_of,
                            write_explorer)
from graph.explorer.layout import overview_layout
from graph.explorer.page import _json_for_html
from graph.lookup import NodeNotFound

SCRIPT_TITLE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
SCRIPT_SENTENCE = 'Recalling its resolution 70/125 <img src=x onerror="window.__pwned = 3"><svg onload="window.__pwned = 4">'


def small_graph() -> nx.DiGraph:
    """Six documents of four bodies, a planted script in a title, a citing sentence and a file name."""
    G = nx.DiGraph()
    G.add_nodes_from([
        node("A/RES/79/194", year=2024, title="Information and communications technologies for sustainable development"),
        node("A/RES/70/125", year=2015, title="Outcome document of the high-level meeting on the overall review of WSIS"),
        node("S/RES/2720(2023)", body="Security Council", year=2023, title=SCRIPT_TITLE, file='"><img src=x onerror=1>.txt'),
        node("E/RES/2024/10", body="Economic and Social Council", year=2024, title="Science and technology",
             in_corpus=False),
        node("A/HRC/RES/47/16", body="Human Rights Council", year=2021, title="Internet rights"),
        node("S/PRST/2023/1", body="Security Council", kind="presidential statement", year=2023, title="Statement"),
    ])
    G.add_edge("A/RES/79/194", "A/RES/70/125", count=3, relations="recalling | reaffirming", paragraphs="pp10 | op12",
               places="pp10 fn8 | op12", pinpoints="para. 71", footnote=SCRIPT_SENTENCE,
               sentence="Recalling further the outcome document\u2078 <b>bold</b>,")
    G.add_edge("A/RES/79/194", "E/RES/2024/10", count=1, relations="noting", paragraphs="pp5", places="pp5",
               pinpoints="", sentence="Noting Economic and Social Council resolution 2024/10")
    G.add_edge("S/RES/2720(2023)", "A/RES/70/125", count=1, relations="recalling", paragraphs="pp1", sentence="x")
    G.add_edge("A/HRC/RES/47/16", "A/RES/70/125", count=1)
    G.add_edge("S/PRST/2023/1", "S/RES/2720(2023)", count=2, relations="", paragraphs="p2", sentence="y")
    return G


def chain_graph(n: int) -> nx.DiGraph:
    """n resolutions: each cites the one before and the first; plus a stub cited by the last."""
    G = nx.DiGraph()
    for i in range(n):
        G.add_nodes_from([node(f"A/RES/{i + 1}/1", year=1946 + i % 70,
                               body="Security Council" if i % 5 == 0 else "General Assembly")])
    for i in range(1, n):
        G.add_edge(f"A/RES/{i + 1}/1", f"A/RES/{i}/1", count=1)
        if i > 1:
            G.add_edge(f"A/RES/{i + 1}/1", "A/RES/1/1", count=1)
    G.add_nodes_from([node("A/55/1", kind="document", in_corpus=False, year=None)])
    G.add_edge(f"A/RES/{n}/1", "A/55/1", count=1)
    return G


# ------------------------------------------------------------------ data


def test_every_node_and_edge_is_in_the_data_with_its_encoding():
    G = small_graph()
    data = explorer_data(G)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert set(nodes) == set(G) and len(data["edges"]) == G.number_of_edges()
    assert nodes["A/RES/70/125"]["cited"] == 3 and nodes["A/RES/79/194"]["cites"] == 2
    assert nodes["S/PRST/2023/1"]["shape"] == "star" and nodes["A/RES/70/125"]["shape"] == "circle"
    assert nodes["S/RES/2720(2023)"]["color"] == nodes["S/PRST/2023/1"]["color"] != nodes["A/RES/70/125"]["color"]
    assert nodes["E/RES/2024/10"]["in_corpus"] is False and all(n["drawn"] for n in nodes.values())
    edge = next(e for e in data["edges"] if e["to"] == "A/RES/70/125" and e["from"] == "A/RES/79/194")
    assert edge["places"] == ["pp10 fn8", "op12"] and edge["relations"] == ["recalling", "reaffirming"]
    assert edge["mark_sentence"].startswith("Recalling further") and edge["count"] == 3
    assert data["meta"]["years"] == [2015, 2024] and data["meta"]["left_out"]["nodes"] == []


@pytest.mark.parametrize("kind, shape", [
    ("resolution", "circle"), ("decision", "diamond"), ("report", "square"), ("document", "square"),
    ("letter", "square"), ("", "square"), ("unknown", "square"), ("presidential statement", "star"),
    ("draft", "triangleDown"), ("charter", "triangle"), ("treaty", "triangle"), ("programme of action", "triangle"),
    ("Declaration", "triangle"),
])
def test_six_shapes_for_the_kinds(kind, shape):
    assert shape_of(kind) == shape and shape in SHAPES
    assert len(SHAPES) == 6


@pytest.mark.parametrize("attrs, expected", [
    ({"date": "2024-12-19"}, (2024.966, "date")),
    ({"date": "2024-01-01", "year": 2023}, (2024.001, "date")),
    ({"year": 2023}, (2023.5, "year")),
    ({"year": "1947"}, (1947.5, "year")),
    ({"date": "2465-01-01"}, (None, "")),  # a misread date is no date
    ({"session": "79", "body": "General Assembly"}, (2025.2, "session")),
    ({"session": "55", "body": "Human Rights Council"}, (2024.5, "session")),
    ({"session": "ES-10", "body": "General Assembly"}, (None, "")),
    ({"session": "5", "body": "Security Council"}, (None, "")),
    ({}, (None, "")),
])
def test_time_of_a_document(attrs, expected):
    assert time_of(attrs) == expected


def test_the_overview_keeps_corpus_documents_and_the_most_connected_and_says_what_it_leaves():
    G = chain_graph(30)
    data = explorer_data(G, max_nodes=10)
    drawn = {n["id"] for n in data["nodes"] if n["drawn"]}
    assert len(drawn) == 10 and "A/RES/1/1" in drawn and "A/55/1" not in drawn  # the stub goes first
    assert len(data["nodes"]) == G.number_of_nodes()  # ... but every node is in the page
    left = data["meta"]["left_out"]
    assert set(left["nodes"]) == set(G) - drawn and left["cap"] == 10 and left["in_corpus"] == 20
    assert all(("x" in n) == n["drawn"] for n in data["nodes"])
    assert all(e["drawn"] == (e["from"] in drawn and e["to"] in drawn) for e in data["edges"])
    assert all(n["drawn"] for n in explorer_data(G, max_nodes=0)["nodes"])


def test_focus_resolves_through_the_lookup():
    G = chain_graph(30)
    assert explorer_data(G, focus="resolution 10/1", depth=2)["meta"]["focus"] == "A/RES/10/1"
    with pytest.raises(NodeNotFound, match=re.escape("'A/RES/999/1'")):
        explorer_data(G, focus="A/RES/999/1")
    with pytest.raises(ValueError):
        explorer_data(G, depth=4)


def test_old_graphs_with_machine_paths_show_the_file_name_only():
    G = nx.DiGraph()
    G.add_nodes_from([node("A/RES/1/1", file="/home/someone/corpus/A_RES_1_1.txt"),
                      node("A/RES/2/1", file="C:\\Users\\x\\A_RES_2_1.pdf"), node("A/RES/3/1", file="text/A_RES_3_1.txt")])
    files = {n["id"]: n["file"] for n in explorer_data(G)["nodes"]}
    assert files == {"A/RES/1/1": "A_RES_1_1.txt", "A/RES/2/1": "A_RES_2_1.pdf", "A/RES/3/1": "text/A_RES_3_1.txt"}


def test_unsafe_url_is_dropped():
    G = nx.DiGraph()
    G.add_nodes_from([node("A/RES/1/1", url="javascript:window.__pwned=1")])
    assert explorer_data(G)["nodes"][0]["url"] == ""


def test_layout_is_deterministic_and_separates_nodes():
    G = chain_graph(400)
    nodes, edges = list(G), list(G.edges)
    a, b = overview_layout(nodes, edges, 7), overview_layout(nodes, edges, 7)
    assert a == b and len(set(a.values())) == len(nodes)
    assert render_explorer(G) == render_explorer(G)  # same input, same bytes


# ------------------------------------------------------------------ page


def test_pack_interns_strings_and_keeps_each_sentence_once():
    G = small_graph()
    G.add_edge("A/HRC/RES/47/16", "E/RES/2024/10", count=1, sentence=SCRIPT_SENTENCE, relations="recalling")
    columns, texts = pack(explorer_data(G))
    assert texts.count(SCRIPT_SENTENCE) == 1
    n = G.number_of_nodes()
    assert all(len(columns["nodes"][k]) == n for k in ("id", "title", "kind", "body", "t", "x", "y"))
    assert len(columns["edges"]["from"]) == G.number_of_edges()
    i = columns["nodes"]["id"].index("A/RES/79/194")
    assert "url" not in columns["nodes"] or i not in columns["nodes"]["url"]  # the undocs.org URL is rebuilt
    e = next(j for j, (f, t) in enumerate(zip(columns["edges"]["from"], columns["edges"]["to"]))
             if columns["nodes"]["id"][f] == "A/RES/79/194" and columns["nodes"]["id"][t] == "A/RES/70/125")
    assert columns["strings"][columns["edges"]["rel"][e]] == "recalling | reaffirming"
    assert texts[columns["edges"]["mark"][e]].startswith("Recalling further") and columns["edges"]["count"][e] == 3


def test_the_details_say_where_a_title_came_from():
    """A title's source reaches the page (packed once per distinct value) for the details panel;
    a subject shown in place of a title is what the citing texts say."""
    G = nx.DiGraph()
    G.add_nodes_from([node("S/RES/2720(2023)", title="The situation in the Middle East", title_source="inferred"),
                      node("A/RES/79/194", title="Information and communications technologies",
                           title_source="printed"),
                      node("A/RES/78/132", in_corpus=False, title="", title_source="", subject="on ICT"),
                      node("A/RES/70/1", in_corpus=False, title="", title_source="")])
    data = explorer_data(G)
    got = {n["id"]: n["title_source"] for n in data["nodes"]}
    assert got == {"S/RES/2720(2023)": "inferred", "A/RES/79/194": "printed", "A/RES/78/132": "cited",
                   "A/RES/70/1": ""}
    columns, _ = pack(data)
    shown = {columns["nodes"]["id"][j]: columns["strings"][i] for j, i in columns["nodes"]["tsrc"].items()}
    assert shown == {k: v for k, v in got.items() if v}
    page = render_explorer(G)
    assert "TITLE_SOURCE[n.title_source]" in page and "inferred from its words" in page


def test_json_for_html_is_inert_and_round_trips():
    value = {"t": SCRIPT_TITLE + "</script><!-- & \u2028"}
    text = _json_for_html(value)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_page_is_one_file_with_no_external_reference_and_no_raw_markup_from_data():
    html = render_explorer(small_graph())
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I)
    assert "<link" not in html.lower() and "@import" not in html
    assert SCRIPT_TITLE not in html and "<img src=x" not in html and "<svg onload" not in html and "<b>bold" not in html
    assert html.count("</script>") == 6  # three JSON blocks, graphology, sigma, the page's script
    assert "sourceMappingURL" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "vis-network" not in html and "/work/" not in html


def test_write_explorer_reports_and_leaves_no_temporary_file(tmp_path):
    G = chain_graph(40)
    summary = write_explorer(G, tmp_path / "out" / "graph.html", max_nodes=20)
    assert summary["nodes"] == 20 and summary["left_out_nodes"] == G.number_of_nodes() - 20
    assert summary["edges"] + summary["left_out_edges"] == G.number_of_edges()
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["graph.html"]
    assert summary["bytes"] == (tmp_path / "out" / "graph.html").stat().st_size


def test_cli_build_says_on_stderr_what_the_overview_leaves_out(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(ROOT / "samples"), "-o", str(out), "-j", "1", "--max-nodes", "100",
                                       "--focus", "79/194"])
    assert result.exit_code == 0, result.output
    assert re.search(r"graph.html: the overview draws 100 of \d+ documents and \d+ of \d+ links \(corpus documents "
                     r"first, then the most connected\); it leaves out \d+ \(\d+ of them in the corpus\), which the "
                     r"page still finds", result.stderr)
    assert "least connected" not in result.stderr  # a cited-only hub (the Charter) may be left out for a corpus document
    assert "it opens on A/RES/79/194" in result.stderr
    whole = CliRunner().invoke(main, ["build", str(ROOT / "samples"), "-o", str(out), "-j", "1"])
    assert "the overview draws all" in whole.stderr
    bad = CliRunner().invoke(main, ["build", str(ROOT / "samples"), "-o", str(out), "-j", "1", "--focus", "99/999"])
    assert bad.exit_code == 1 and "--focus: no document '99/999' in the graph" in bad.output
