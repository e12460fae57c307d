"""graph.analysis on small graphs whose answers are known by hand."""
from __future__ import annotations

import networkx as nx
import pytest

from graph import analysis as A
from graph.build import build_graph

from conftest import doc, ref


def graph(edges: list[tuple]) -> nx.DiGraph:
    """A graph of bare symbols: (citing, cited) or (citing, cited, count)."""
    refs = []
    for e in edges:
        refs += [ref(e[0], e[1])] * (e[2] if len(e) > 2 else 1)
    return build_graph([doc(s) for s in sorted({e[0] for e in edges})], refs)


# a small web:  d -> c -> b -> a,  d -> a (x3),  e -> a,  e -> c
WEB = [("S/RES/4(2004)", "S/RES/3(2003)"), ("S/RES/3(2003)", "S/RES/2(2002)"), ("S/RES/2(2002)", "S/RES/1(2001)"),
       ("S/RES/4(2004)", "S/RES/1(2001)", 3), ("S/RES/5(2005)", "S/RES/1(2001)"), ("S/RES/5(2005)", "S/RES/3(2003)")]


@pytest.fixture
def web():
    return graph(WEB)


@pytest.mark.parametrize("by, expected", [
    ("citations", [("S/RES/1(2001)", 3, 5), ("S/RES/3(2003)", 2, 2), ("S/RES/2(2002)", 1, 1)]),
    ("cited_by", [("S/RES/1(2001)", 3, 5), ("S/RES/3(2003)", 2, 2), ("S/RES/2(2002)", 1, 1)]),
])
def test_most_cited(web, by, expected):
    df = A.most_cited(web, n=None, by=by)
    assert [tuple(r) for r in df[["symbol", "cited_by", "citations"]].values.tolist()] == expected


def test_most_cited_orders_by_measure_and_filters():
    G = graph([("A/RES/9/1", "A/RES/1/1", 5), ("A/RES/9/1", "A/RES/2/1"), ("A/RES/8/1", "A/RES/2/1"),
               ("A/RES/9/1", "S/RES/1(2001)")])
    assert A.most_cited(G, by="citations")["symbol"].tolist()[:2] == ["A/RES/1/1", "A/RES/2/1"]
    assert A.most_cited(G, by="cited_by")["symbol"].tolist()[:2] == ["A/RES/2/1", "A/RES/1/1"]
    assert A.most_cited(G, body="Security Council")["symbol"].tolist() == ["S/RES/1(2001)"]
    assert A.most_cited(G, n=1)["symbol"].tolist() == ["A/RES/1/1"]
    assert A.most_cited(G, in_corpus=True).empty
    with pytest.raises(ValueError, match="'pagerank'"):
        A.most_cited(G, by="pagerank")


def test_pagerank_ranks_the_sink_of_the_web_first(web):
    df = A.pagerank(web, n=None)
    assert df["symbol"].iloc[0] == "S/RES/1(2001)"
    assert df["pagerank"].sum() == pytest.approx(1.0)
    assert list(df["pagerank"]) == sorted(df["pagerank"], reverse=True)


@pytest.mark.parametrize("symbol, direction, max_depth, expected", [
    ("S/RES/4(2004)", "ancestors", None, [("S/RES/1(2001)", 1), ("S/RES/3(2003)", 1), ("S/RES/2(2002)", 2)]),
    ("S/RES/4(2004)", "ancestors", 1, [("S/RES/1(2001)", 1), ("S/RES/3(2003)", 1)]),
    ("S/RES/1(2001)", "descendants", None, [("S/RES/2(2002)", 1), ("S/RES/4(2004)", 1), ("S/RES/5(2005)", 1),
                                            ("S/RES/3(2003)", 2)]),
    ("S/RES/2(2002)", "descendants", None, [("S/RES/3(2003)", 1), ("S/RES/4(2004)", 2), ("S/RES/5(2005)", 2)]),
    ("S/RES/5(2005)", "descendants", None, []),
])
def test_lineage(web, symbol, direction, max_depth, expected):
    df = A.lineage(web, symbol, direction, max_depth)
    assert [tuple(r) for r in df[["symbol", "depth"]].values.tolist()] == expected
    H = A.lineage_graph(web, symbol, direction, max_depth)
    assert set(H) == {symbol, *(s for s, _ in expected)}
    assert H.nodes[symbol]["depth"] == 0


def test_lineage_rejects_unknown_direction(web):
    with pytest.raises(ValueError, match="sideways"):
        A.lineage(web, "S/RES/4(2004)", "sideways")


def test_series_follows_titles_and_the_footnote_of_previous_resolutions():
    title = "Information and communications technologies for sustainable development"
    docs = [doc("A/RES/79/194", title=title, date="2024-12-19"), doc("A/RES/77/150", title=title, date="2022-12-14")]
    refs = [
        # "Recalling its resolution 78/132 ... on <title>, as well as previous resolutions on the issue,¹"
        ref("A/RES/79/194", "A/RES/78/132", "pp1", target_subject="on " + title.lower(), target_date="2023-12-19"),
        *(ref("A/RES/79/194", t, "pp1", footnote="1") for t in ("A/RES/56/183", "A/RES/57/238", "A/RES/77/150")),
        ref("A/RES/79/194", "A/DEC/57/501", "pp1", footnote="1"),  # another kind: not the series
        ref("A/RES/79/194", "A/RES/70/1", "pp3"),  # other paragraph, other title
        ref("A/RES/79/194", "A/RES/69/313", "pp1"),  # same paragraph, not in its footnote, no title
        ref("A/RES/79/194", "A/RES/70/125", "pp4", footnote="8"),  # a footnote of another paragraph
        ref("A/RES/77/150", "A/RES/76/189", "pp1", target_subject=title),
        ref("A/RES/80/5", "A/RES/79/194", "pp1"),  # later, cites it, unknown title: not shown as member
    ]
    G = build_graph(docs, refs)
    df = A.series(G, "79/194")
    assert df["symbol"].tolist() == ["A/RES/56/183", "A/RES/57/238", "A/RES/76/189", "A/RES/77/150",
                                     "A/RES/78/132", "A/RES/79/194"]
    assert dict(zip(df["symbol"], df["how"])) == {
        "A/RES/56/183": "footnote", "A/RES/57/238": "footnote", "A/RES/76/189": "title",
        "A/RES/77/150": "title", "A/RES/78/132": "title", "A/RES/79/194": "self"}
    assert df["cites_previous"].tolist() == [False, False, False, True, False, True]
    # the same series, asked from a member
    assert A.series(G, "A/RES/77/150")["symbol"].tolist() == df["symbol"].tolist()


@pytest.mark.parametrize("a, b, directed, steps", [
    ("S/RES/4(2004)", "S/RES/2(2002)", True, [("S/RES/4(2004)", "S/RES/3(2003)"), ("S/RES/3(2003)", "S/RES/2(2002)")]),
    ("S/RES/5(2005)", "S/RES/1(2001)", True, [("S/RES/5(2005)", "S/RES/1(2001)")]),
    ("S/RES/1(2001)", "S/RES/4(2004)", False, [("S/RES/4(2004)", "S/RES/1(2001)")]),  # against the arrow
])
def test_citation_path(web, a, b, directed, steps):
    df = A.citation_path(web, a, b, directed=directed)
    assert list(zip(df["citing"], df["cited"])) == steps
    assert df["step"].tolist() == list(range(1, len(steps) + 1))


def test_no_citation_path_names_both_documents(web):
    with pytest.raises(A.NoCitationPath, match=r"S/RES/1\(2001\) to S/RES/5\(2005\)"):
        A.citation_path(web, "S/RES/1(2001)", "S/RES/5(2005)")


def test_co_citation_and_bibliographic_coupling(web):
    co = A.co_citation(web)
    assert [tuple(r) for r in co.values.tolist()] == [
        ("S/RES/1(2001)", "S/RES/3(2003)", 2)]  # cited together by 4 and 5; 1 and 2 never together
    assert A.co_citation(web, "S/RES/3(2003)").values.tolist() == [["S/RES/3(2003)", "S/RES/1(2001)", 2]]
    bc = A.bibliographic_coupling(web)
    assert [tuple(r) for r in bc.values.tolist()] == [
        ("S/RES/4(2004)", "S/RES/5(2005)", 2),  # both cite 1 and 3
        ("S/RES/2(2002)", "S/RES/4(2004)", 1), ("S/RES/2(2002)", "S/RES/5(2005)", 1)]
    assert A.bibliographic_coupling(web, min_count=2).values.tolist() == [["S/RES/4(2004)", "S/RES/5(2005)", 2]]


def test_communities_split_two_cliques_and_repeat():
    left = [f"A/RES/1/{i}" for i in range(1, 6)]
    right = [f"A/RES/2/{i}" for i in range(1, 5)]
    edges = [(a, b) for grp in (left, right) for a in grp for b in grp if a > b]
    edges.append(("A/RES/2/1", "A/RES/1/1"))  # one bridge
    G = graph(edges)
    df = A.communities(G, seed=1)
    groups = df.groupby("community")["symbol"].apply(sorted).tolist()
    assert groups == [sorted(left), sorted(right)]  # community 0 is the larger
    assert df.equals(A.communities(G, seed=1))


def test_citations_by_year_and_body():
    docs = [doc("A/RES/78/1", date="2023-10-01"), doc("A/RES/79/1", date="2024-10-01"), doc("A/RES/79/2"),
            doc("A/1059")]
    refs = [ref("A/RES/78/1", "S/RES/1(2001)"), ref("A/RES/78/1", "S/RES/1(2001)", "op2"),
            ref("A/RES/78/1", "A/RES/70/1"), ref("A/RES/79/1", "A/RES/70/1"), ref("A/RES/79/2", "A/RES/70/1"),
            ref("A/1059", "A/RES/70/1")]
    df = A.citations_by_year_and_body(build_graph(docs, refs))
    # 79/2 has no date: its session's year, 2024; A/1059 has none (nothing dates it): left out
    assert df.values.tolist() == [[2023, "General Assembly", 1, 1], [2023, "Security Council", 2, 1],
                                  [2024, "General Assembly", 2, 2]]


def test_ego_graph(web):
    assert set(A.ego_graph(web, "S/RES/2(2002)")) == {"S/RES/1(2001)", "S/RES/2(2002)", "S/RES/3(2003)"}
    assert set(A.ego_graph(web, "S/RES/2(2002)", radius=2)) == set(web)
    # nearest first, then the most cited: 2 (cited once) beats 4 and 5 (never cited)
    assert set(A.ego_graph(web, "S/RES/3(2003)", max_nodes=2)) == {"S/RES/3(2003)", "S/RES/2(2002)"}


def test_frames_have_one_row_per_node_and_edge(web):
    nodes, edges = A.nodes_frame(web), A.edges_frame(web)
    assert len(nodes) == web.number_of_nodes() and len(edges) == web.number_of_edges()
    assert nodes.set_index("symbol").loc["S/RES/1(2001)", "citations"] == 5
    assert edges["count"].sum() == 8


# --------------------------------------------------------------------------- the notebook's plots and lists

def _ticks_are_whole(axis) -> bool:
    return all(float(t).is_integer() for t in axis.get_ticklocs())


def test_plot_lineage_has_integer_axes_explorer_colours_and_labels_apart(sample_corpus):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.colors as mcolors

    from graph.colours import body_colours

    G = sample_corpus.graph
    ax = A.plot_lineage(G, "79/194", max_depth=2, labels=15)
    assert _ticks_are_whole(ax.xaxis) and _ticks_are_whole(ax.yaxis)
    colours = body_colours({d["body"] for _, d in G.nodes(data=True)})
    for coll in ax.collections:
        body = coll.get_label()
        if body in colours:
            assert mcolors.to_hex(coll.get_facecolor()[0]) == colours[body], body
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert 5 <= len(boxes) <= 15
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_plot_citations_by_year_has_whole_years(sample_corpus):
    import matplotlib

    matplotlib.use("Agg")
    ax = A.plot_citations_by_year(sample_corpus.graph)
    assert _ticks_are_whole(ax.xaxis) and ax.get_legend() is not None


def test_community_members_lists_symbols_and_titles(sample_corpus):
    df = A.community_members(sample_corpus.graph, n=3, members=4)
    assert list(df.columns)[:4] == ["community", "size", "symbol", "title"]
    assert sorted(df["community"].unique()) == [0, 1, 2] and df.groupby("community").size().max() <= 4
    first = df[df["community"] == 0]
    assert first["cited_by"].is_monotonic_decreasing
    assert set(df["symbol"]) <= set(sample_corpus.graph)
    assert (df["community"] == [sample_corpus.graph.nodes[s]["community"] for s in df["symbol"]]).all()


# a body by the root of its written symbols (explore6 D22c: "top --body unep" on the shared corpus's graph)
BODIES_GRAPH = [("A/RES/79/1", "UNEP/GC.25/INF/33"), ("UNEP/EA.5/Res.1", "A/RES/79/1"), ("ECE/HBP/2022/5", "HSP/GC/25/2")]


@pytest.mark.parametrize("value, body", [
    ("unep", "United Nations Environment Programme"),
    ("UNEP", "United Nations Environment Programme"),
    ("ece", "Economic Commission for Europe"),
    ("HSP", "UN-Habitat"),
    ("UNEA", "United Nations Environment Assembly"),   # a body's code comes first
    ("ga", "General Assembly"),
    ("united nations environment programme", "United Nations Environment Programme"),
])
def test_resolve_body_by_its_series_root(value, body):
    assert A.resolve_body(graph(BODIES_GRAPH), value) == body


@pytest.mark.parametrize("value", ["CAT", "SC", "xyz", "UNEP/GC"])  # a body the graph does not have; no root
def test_resolve_body_unknown(value):
    with pytest.raises(A.UnknownValue):
        A.resolve_body(graph(BODIES_GRAPH), value)
