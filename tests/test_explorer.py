"""The explorer page: its data (pure) and the page itself in real headless Chromium.

The browser tests open the written file in Debian's chromium driven by
Playwright; nothing is mocked. Every request the page makes is recorded and
anything that is not ``file:``/``data:``/``about:`` is refused and fails the test.
"""
from __future__ import annotations

import json
import pathlib
import re

import networkx as nx
import pytest

from graph.explorer import PHYSICS_LIMIT, _json_for_html, explorer_data, render_explorer, resolve_symbol, write_explorer
from graph.lookup import NodeNotFound

from conftest import node

ROOT = pathlib.Path(__file__).resolve().parent.parent

SCRIPT_TITLE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
SCRIPT_SENTENCE = 'Recalling its resolution 70/125 <img src=x onerror="window.__pwned = 3"><svg onload="window.__pwned = 4">'


def small_graph() -> nx.DiGraph:
    """Six documents of four bodies, a planted script in a title and in a citing sentence."""
    G = nx.DiGraph()
    G.add_nodes_from([
        node("A/RES/79/194", year=2024, title="Information and communications technologies for sustainable development"),
        node("A/RES/70/125", year=2015, title="Outcome document of the high-level meeting on the overall review of WSIS"),
        node("S/RES/2720(2023)", body="Security Council", year=2023, title=SCRIPT_TITLE),
        node("E/RES/2024/10", body="Economic and Social Council", year=2024, title="Science and technology",
             in_corpus=False),
        node("A/HRC/RES/47/16", body="Human Rights Council", year=2021, title="Internet rights"),
        node("S/PRST/2023/1", body="Security Council", kind="presidential statement", year=2023, title="Statement"),
    ])
    G.add_edge("A/RES/79/194", "A/RES/70/125", count=3, relations="recalling; reaffirming", paragraphs=["pp3", "op12"],
               pinpoints="para. 71", sentence=SCRIPT_SENTENCE)
    G.add_edge("A/RES/79/194", "E/RES/2024/10", count=1, relations=["noting"], paragraphs="pp5", pinpoints="",
               sentence="Noting Economic and Social Council resolution 2024/10")
    G.add_edge("S/RES/2720(2023)", "A/RES/70/125", count=1, relations="recalling", paragraphs="pp1", sentence="x")
    G.add_edge("A/HRC/RES/47/16", "A/RES/70/125", count=1)
    G.add_edge("S/PRST/2023/1", "S/RES/2720(2023)", count=2, relations="", paragraphs="p2", sentence="y")
    return G


def chain_graph(n: int) -> nx.DiGraph:
    """n resolutions: each cites the one before and the first; plus a stub cited by the last."""
    G = nx.DiGraph()
    for i in range(n):
        G.add_nodes_from([node(f"A/RES/{i + 1}/1", year=1946 + i % 70, body="Security Council" if i % 5 == 0 else "General Assembly")])
    for i in range(1, n):
        G.add_edge(f"A/RES/{i + 1}/1", f"A/RES/{i}/1", count=1)
        if i > 1:
            G.add_edge(f"A/RES/{i + 1}/1", "A/RES/1/1", count=1)
    G.add_nodes_from([node("A/55/1", kind="document", in_corpus=False, year=None)])
    G.add_edge(f"A/RES/{n}/1", "A/55/1", count=1)
    return G


# ------------------------------------------------------------------ pure data


def test_data_encodes_body_kind_and_citations():
    data = explorer_data(small_graph())
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["A/RES/70/125"]["cited"] == 3 and nodes["A/RES/70/125"]["cites"] == 0
    assert nodes["A/RES/79/194"]["cites"] == 2
    assert nodes["A/RES/70/125"]["size"] > nodes["E/RES/2024/10"]["size"] > nodes["A/RES/79/194"]["size"]
    assert nodes["S/PRST/2023/1"]["shape"] == "star" and nodes["A/RES/70/125"]["shape"] == "dot"
    assert nodes["S/RES/2720(2023)"]["color"] == nodes["S/PRST/2023/1"]["color"] != nodes["A/RES/70/125"]["color"]
    assert nodes["E/RES/2024/10"]["in_corpus"] is False
    assert data["meta"]["physics"] is True and data["meta"]["years"] == [2015, 2024]
    assert {b["name"] for b in data["meta"]["bodies"]} == {"General Assembly", "Security Council",
                                                           "Economic and Social Council", "Human Rights Council"}


@pytest.mark.parametrize("value, expected", [
    ("recalling; reaffirming", ["recalling", "reaffirming"]),
    (["recalling", "reaffirming"], ["recalling", "reaffirming"]),
    ("", []),
    (None, []),
])
def test_edge_lists_accept_joined_strings_and_lists(value, expected):
    G = nx.DiGraph()
    G.add_edge("A/RES/1/1", "A/RES/2/1", relations=value, count="2")
    (edge,) = explorer_data(G)["edges"]
    assert edge["relations"] == expected and edge["count"] == 2


def test_graphml_style_flags_and_implausible_years():
    G = nx.DiGraph()
    G.add_nodes_from([node("A/RES/1/1", in_corpus="False", year=2465)])
    G.add_nodes_from([node("A/RES/2/1", in_corpus="True", year="1947")])
    nodes = {n["id"]: n for n in explorer_data(G)["nodes"]}
    assert nodes["A/RES/1/1"]["in_corpus"] is False and nodes["A/RES/1/1"]["year"] is None
    assert nodes["A/RES/2/1"]["in_corpus"] is True and nodes["A/RES/2/1"]["year"] == 1947


def test_unsafe_url_is_dropped():
    G = nx.DiGraph()
    G.add_nodes_from([node("A/RES/1/1", url="javascript:window.__pwned=1")])
    assert explorer_data(G)["nodes"][0]["url"] == ""


@pytest.mark.parametrize("query, expected", [
    ("A/RES/70/125", "A/RES/70/125"),
    ("a/res/70/125", "A/RES/70/125"),
    ("70/125", "A/RES/70/125"),
    ("2720(2023)", "S/RES/2720(2023)"),
])
def test_resolve_symbol(query, expected):
    assert resolve_symbol(small_graph(), query) == expected


@pytest.mark.parametrize("query", ["70/12", "A/RES/99/1", "RES/2023"])
def test_resolve_symbol_refuses_unknown_and_ambiguous(query):
    G = small_graph()
    G.add_nodes_from([node("A/RES/71/125")])
    with pytest.raises(NodeNotFound, match=re.escape(repr(query))):
        resolve_symbol(G, query)


def test_focus_draws_the_neighbourhood_and_says_what_is_left_out():
    G = chain_graph(30)
    one = explorer_data(G, focus="A/RES/10/1", depth=1)
    assert {n["id"] for n in one["nodes"]} == {"A/RES/10/1", "A/RES/9/1", "A/RES/11/1", "A/RES/1/1"}
    assert one["meta"]["left_out"]["outside_focus"] == G.number_of_nodes() - 4
    two = explorer_data(G, focus="10/1", depth=2)
    assert {"A/RES/8/1", "A/RES/12/1", "A/RES/2/1"} <= {n["id"] for n in two["nodes"]}
    assert two["meta"]["left_out"]["focus"] == "A/RES/10/1"
    with pytest.raises(NodeNotFound):
        explorer_data(G, focus="A/RES/999/1")


def test_max_nodes_keeps_corpus_documents_and_the_most_connected():
    G = chain_graph(30)
    data = explorer_data(G, max_nodes=10)
    ids = {n["id"] for n in data["nodes"]}
    assert len(ids) == 10 and "A/RES/1/1" in ids and "A/55/1" not in ids  # the stub goes first
    assert data["meta"]["left_out"]["capped_nodes"] == G.number_of_nodes() - 10
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert len(explorer_data(G, max_nodes=0)["nodes"]) == G.number_of_nodes()


def test_large_graph_layout_is_computed_here_deterministically():
    G = chain_graph(PHYSICS_LIMIT + 50)
    a, b = explorer_data(G), explorer_data(G)
    assert a["meta"]["physics"] is False
    assert all("x" in n and "y" in n for n in a["nodes"])
    assert [(n["x"], n["y"]) for n in a["nodes"]] == [(n["x"], n["y"]) for n in b["nodes"]]
    assert len({(n["x"], n["y"]) for n in a["nodes"]}) == len(a["nodes"])
    assert "x" not in explorer_data(small_graph())["nodes"][0]
    assert render_explorer(G) == render_explorer(G)  # same input, same bytes


def test_json_for_html_is_inert_and_round_trips():
    value = {"t": SCRIPT_TITLE + "</script><!-- & \u2028"}
    text = _json_for_html(value)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_page_is_one_file_with_no_external_reference_and_no_raw_markup_from_data():
    html = render_explorer(small_graph())
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I)
    assert "<link" not in html.lower() and "@import" not in html
    assert SCRIPT_TITLE not in html and "<img src=x" not in html and "<svg onload" not in html
    assert html.count("</script>") == 3  # the JSON block, vis-network, the page's script
    assert "sourceMappingURL" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_write_explorer_reports_and_leaves_no_temporary_file(tmp_path):
    G = chain_graph(40)
    summary = write_explorer(G, tmp_path / "out" / "graph.html", max_nodes=20)
    assert summary["nodes"] == 20 and summary["left_out_nodes"] == G.number_of_nodes() - 20
    assert summary["edges"] + summary["left_out_edges"] == G.number_of_edges()
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["graph.html"]
    assert summary["bytes"] == (tmp_path / "out" / "graph.html").stat().st_size


# ------------------------------------------------------------------ in the browser


class Page:
    """An opened explorer page; records every request and every error."""

    def __init__(self, browser, path: pathlib.Path, fragment: str = ""):
        self.requests, self.refused, self.errors = [], [], []
        self.context = browser.new_context(viewport={"width": 1400, "height": 850})
        self.page = self.context.new_page()
        self.context.route("**/*", self._route)
        self.context.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                                     " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri() + fragment)
        self.page.wait_for_function("() => window.citegraph && window.citegraph.ready", timeout=60_000)

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.split(":", 1)[0] in ("file", "data", "about", "blob"):
            route.continue_()
        else:
            self.refused.append(url)
            route.abort()

    def js(self, expr, arg=None):
        return self.page.evaluate(expr, arg)

    def visible(self) -> set[str]:
        return set(self.js("window.citegraph.visibleIds()"))

    def node_point(self, node_id):
        """Where node_id is on screen, in page coordinates."""
        return self.js("""id => { const net = window.citegraph.network;
            const p = net.canvasToDOM(net.getPosition(id));
            const r = document.querySelector('#graph canvas').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y]; }""", node_id)

    def close(self):
        self.context.close()


@pytest.fixture
def small_page(browser, tmp_path):
    path = tmp_path / "graph.html"
    write_explorer(small_graph(), path)
    page = Page(browser, path)
    page.page.wait_for_timeout(300)  # physics settles
    yield page
    page.close()


def test_page_loads_offline_and_draws_every_node(small_page):
    assert small_page.refused == []
    assert all(u.startswith("file:") for u in small_page.requests)
    assert small_page.errors == [] and small_page.js("window.__csp") == []
    assert small_page.visible() == set(small_graph().nodes)
    assert small_page.js("window.citegraph.network.body.nodeIndices.length") == 6
    painted = small_page.js("""() => { const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }""")
    assert painted > 500
    assert "Showing 6 documents" in small_page.page.inner_text("#counts")
    legend = small_page.page.inner_text("#legend")
    assert "Security Council" in legend and "presidential statement" in legend


def test_search_finds_70_125(small_page):
    pg = small_page.page
    pg.fill("#search", "70/125")
    pg.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0")
    assert pg.inner_text("#search-results li .sym") == "A/RES/70/125"
    pg.press("#search", "Enter")
    assert pg.inner_text("#panel h3") == "A/RES/70/125"
    assert small_page.js("window.citegraph.network.getSelectedNodes()") == ["A/RES/70/125"]
    pg.fill("#search", "sustainable development")
    pg.wait_for_function("() => document.querySelector('#search-results li .sym').textContent !== 'A/RES/70/125'")
    assert pg.inner_text("#search-count") == "1 match"
    assert pg.inner_text("#search-results li .sym") == "A/RES/79/194"


def test_filter_hides_the_security_council(small_page):
    pg = small_page.page
    pg.uncheck('#filter-body input[data-name="Security Council"]')
    shown = small_page.visible()
    assert shown == {"A/RES/79/194", "A/RES/70/125", "E/RES/2024/10", "A/HRC/RES/47/16"}
    assert small_page.js("window.citegraph.network.body.nodeIndices.length") == 4
    assert "Showing 4 documents" in pg.inner_text("#counts")
    pg.check("#in-corpus")
    assert "E/RES/2024/10" not in small_page.visible()
    pg.fill("#year-min", "2020")
    pg.dispatch_event("#year-min", "change")
    assert small_page.visible() == {"A/RES/79/194", "A/HRC/RES/47/16"}
    pg.uncheck('#filter-kind input[data-name="resolution"]')
    assert small_page.visible() == set()
    pg.click("#reset")
    assert small_page.visible() == set(small_graph().nodes)


def test_clicking_a_node_shows_its_details_and_hovering_a_tooltip(small_page):
    pg = small_page.page
    x, y = small_page.node_point("A/RES/70/125")
    pg.mouse.move(x, y)
    pg.wait_for_selector("#tooltip:not([hidden])")
    assert "cited 3 times / cites 0" in pg.inner_text("#tooltip")
    pg.mouse.click(x, y)
    pg.wait_for_function("() => document.querySelector('#panel h3') !== null")
    panel = pg.inner_text("#panel")
    assert pg.inner_text("#panel h3") == "A/RES/70/125"
    assert "Outcome document of the high-level meeting" in panel
    assert "cited 3 times / cites 0" in panel and "General Assembly" in panel and "2015-12-16" in panel
    assert pg.get_attribute("#panel a", "href") == "https://undocs.org/en/A/RES/70/125"
    assert "Cited by (3)" in panel


def test_address_fragment_opens_a_document(browser, tmp_path):
    path = tmp_path / "graph.html"
    write_explorer(small_graph(), path)
    page = Page(browser, path, "#70/125")
    try:
        assert page.page.inner_text("#panel h3") == "A/RES/70/125"
        page.page.goto(path.as_uri() + "#S/PRST/2023/1")  # same page, new fragment
        page.page.wait_for_function("() => document.querySelector('#panel h3').textContent === 'S/PRST/2023/1'")
        assert page.js("window.citegraph.network.getSelectedNodes()") == ["S/PRST/2023/1"]
    finally:
        page.close()



def test_details_say_when_neighbours_were_left_out(browser, tmp_path):
    path = tmp_path / "graph.html"
    write_explorer(small_graph(), path, max_nodes=5)  # the one stub, E/RES/2024/10, goes
    page = Page(browser, path, "#79/194")
    try:
        assert "Cites (2, 1 drawn on this page)" in page.page.inner_text("#panel")
        assert "Left out 1 less connected document " in page.page.inner_text("#leftout")
    finally:
        page.close()


def test_empty_graph_page(browser, tmp_path):
    path = tmp_path / "graph.html"
    assert write_explorer(nx.DiGraph(), path)["nodes"] == 0
    page = Page(browser, path)
    try:
        assert page.visible() == set() and page.errors == []
        assert "Showing 0 documents" in page.page.inner_text("#counts")
    finally:
        page.close()


def test_focus_and_path(small_page):
    pg = small_page.page
    pg.fill("#focus-symbol", "2720(2023)")
    pg.select_option("#focus-dir", "out")
    pg.click("#focus-go")
    assert small_page.visible() == {"S/RES/2720(2023)", "A/RES/70/125"}
    pg.select_option("#focus-dir", "both")
    pg.select_option("#focus-depth", "2")
    pg.click("#focus-go")
    assert small_page.visible() == set(small_graph().nodes) - {"E/RES/2024/10"}
    pg.click("#reset")
    pg.fill("#path-from", "S/PRST/2023/1")
    pg.fill("#path-to", "70/125")
    pg.click("#path-go")
    assert small_page.visible() == {"S/PRST/2023/1", "S/RES/2720(2023)", "A/RES/70/125"}
    assert "citation path, 2 steps" in pg.inner_text("#path-result")
    pg.click("#reset")
    assert len(small_page.visible()) == 6


def test_planted_script_stays_inert(small_page):
    pg = small_page.page
    # the planted title: tooltip and panel
    x, y = small_page.node_point("S/RES/2720(2023)")
    pg.mouse.move(x, y)
    pg.wait_for_selector("#tooltip:not([hidden])")
    assert SCRIPT_TITLE in pg.inner_text("#tooltip")
    pg.mouse.click(x, y)
    pg.wait_for_function("() => document.querySelector('#panel h3') !== null")
    assert SCRIPT_TITLE in pg.inner_text("#panel")
    # the planted sentence: edge tooltip and panel
    mid = small_page.js("""() => { const net = window.citegraph.network;
        const e = Object.values(net.body.edges).find(e => e.fromId === 'A/RES/79/194' && e.toId === 'A/RES/70/125');
        const p = net.canvasToDOM(e.edgeType.getPoint(0.5));
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""")
    pg.mouse.move(10, 10)
    pg.mouse.move(*mid)
    pg.wait_for_function("() => document.querySelector('#tooltip .q') !== null && !document.querySelector('#tooltip').hidden")
    assert SCRIPT_SENTENCE in pg.inner_text("#tooltip")
    assert "pinpoint para. 71" in pg.inner_text("#tooltip")
    pg.mouse.click(*mid)
    pg.wait_for_function("() => document.querySelector('#panel blockquote') !== null")
    assert pg.inner_text("#panel blockquote") == SCRIPT_SENTENCE
    assert "recalling, reaffirming" in pg.inner_text("#panel")
    pg.fill("#search", "pwned")
    pg.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0")
    pg.wait_for_timeout(200)
    assert small_page.js("window.__pwned") is None
    assert small_page.js("document.querySelectorAll('img, svg, iframe').length") == 0
    assert small_page.js("window.__csp") == []
    assert small_page.errors == [] and small_page.refused == []


def test_large_page_has_no_physics_and_says_what_it_left_out(browser, tmp_path):
    G = chain_graph(PHYSICS_LIMIT + 100)
    path = tmp_path / "big.html"
    summary = write_explorer(G, path, max_nodes=PHYSICS_LIMIT + 50)
    page = Page(browser, path)
    try:
        assert summary["physics"] is False
        assert page.js("window.citegraph.network.physics.options.enabled") is False
        assert len(page.visible()) == PHYSICS_LIMIT + 50
        note = page.page.inner_text("#leftout")
        assert f"Left out {summary['left_out_nodes']} less connected documents" in note
        assert "Layout computed in advance" in note
        pos = page.js("window.citegraph.network.getPosition('A/RES/100/1')")
        node = next(n for n in explorer_data(G, max_nodes=PHYSICS_LIMIT + 50)["nodes"] if n["id"] == "A/RES/100/1")
        assert abs(pos["x"] - node["x"]) < 1 and abs(pos["y"] - node["y"]) < 1  # vis rounds positions
        assert page.refused == [] and page.errors == []
    finally:
        page.close()


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory):
    from graph import pipeline

    corpus = pipeline.build([ROOT / "samples"], tmp_path_factory.mktemp("sample"), jobs=1, progress=False,
                            html=False, write=False)
    return corpus.graph


def test_sample_corpus_page(browser, sample_graph, tmp_path):
    path = tmp_path / "graph.html"
    summary = write_explorer(sample_graph, path)
    assert summary["nodes"] == sample_graph.number_of_nodes()
    page = Page(browser, path)
    try:
        pg = page.page
        assert page.refused == [] and page.errors == []
        assert len(page.visible()) == sample_graph.number_of_nodes()
        pg.fill("#search", "70/125")
        pg.press("#search", "Enter")
        assert pg.inner_text("#panel h3") == "A/RES/70/125"
        council = {n for n, a in sample_graph.nodes(data=True) if a.get("body") == "Security Council"}
        assert council and council <= page.visible()
        pg.uncheck('#filter-body input[data-name="Security Council"]')
        assert not council & page.visible()
        pg.click("#reset")
        x, y = page.node_point("A/RES/79/194")
        pg.mouse.click(x, y)
        pg.wait_for_function("() => document.querySelector('#panel h3') !== null")
        assert pg.inner_text("#panel h3") == "A/RES/79/194"
    finally:
        page.close()


def test_cli_build_focus_and_max_nodes(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(ROOT / "samples"), "-o", str(out), "-j", "1",
                                       "--focus", "79/194", "--max-nodes", "20"])
    assert result.exit_code == 0, result.output
    html = (out / "graph.html").read_text(encoding="utf-8")
    meta = json.loads(re.search(r'id="citegraph-data">(.*?)</script>', html, re.S).group(1))["meta"]
    assert meta["drawn_nodes"] == 20 and meta["left_out"]["focus"] == "A/RES/79/194"
    bad = CliRunner().invoke(main, ["build", str(ROOT / "samples"), "-o", str(out), "-j", "1", "--focus", "99/999"])
    assert bad.exit_code == 1 and "no document '99/999' in the graph" in bad.output
