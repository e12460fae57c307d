"""graph.measures: in-degree, PageRank and the Leiden communities on every node (real igraph, real NetworkX)."""
import networkx as nx
import pytest

from graph.measures import SEED, add_measures, community_of, natural_key, pagerank_scores


def _cliques(sizes, bridges=()):
    G = nx.DiGraph()
    groups = []
    for k, size in enumerate(sizes):
        grp = [f"A/RES/{k + 1}/{i}" for i in range(1, size + 1)]
        groups.append(grp)
        G.add_edges_from(((a, b, {"count": 1}) for a in grp for b in grp if natural_key(a) > natural_key(b)))
    G.add_edges_from((a, b, {"count": 1}) for a, b in bridges)
    return G, groups


def _parts(of: dict) -> list:
    out: dict = {}
    for n, c in of.items():
        out.setdefault(c, []).append(n)
    return [sorted(out[c], key=natural_key) for c in sorted(out)]


@pytest.mark.parametrize("sizes, bridges", [
    ((5, 4), [("A/RES/2/1", "A/RES/1/1")]),                                      # two cliques, one bridge
    ((6, 6, 3), [("A/RES/2/1", "A/RES/1/1"), ("A/RES/3/1", "A/RES/2/2")]),       # a tie: the first symbol first
    ((4,), []),                                                                   # one community
    ((3, 3), []),                                                                 # two apart: no edge between
])
def test_cliques_are_the_communities_largest_first(sizes, bridges):
    G, groups = _cliques(sizes, bridges)
    want = sorted(groups, key=lambda g: (-len(g), natural_key(g[0])))
    assert _parts(community_of(G)) == want


def test_the_same_graph_gives_the_same_communities_whatever_the_order_of_insertion():
    G, _ = _cliques((5, 5, 4), [("A/RES/2/1", "A/RES/1/1"), ("A/RES/3/2", "A/RES/1/3")])
    H = nx.DiGraph()
    H.add_nodes_from(sorted(G))
    H.add_edges_from(sorted(G.edges(data=True)))
    assert community_of(G) == community_of(G) == community_of(H, seed=SEED)


def test_weights_count_both_ways_and_isolated_nodes_have_their_own_community():
    G = nx.DiGraph()
    G.add_edge("a", "b", count=5)
    G.add_edge("b", "a", count=5)  # a and b cite each other: one undirected edge of weight 10
    G.add_edge("b", "c", count=1)
    G.add_edge("c", "d", count=9)
    G.add_node("lone")
    assert _parts(community_of(G)) == [["a", "b"], ["c", "d"], ["lone"]]
    assert community_of(nx.DiGraph()) == {}


def test_every_community_is_connected_on_the_sample(sample_corpus):
    G = sample_corpus.graph
    of = community_of(G)
    U = G.to_undirected()
    for members in _parts(of):
        assert nx.is_connected(U.subgraph(members)), members[:5]
    # a partition worth having: as modular as NetworkX's Louvain on the same graph, or more
    louvain = nx.community.louvain_communities(U, weight="count", seed=SEED)
    assert nx.community.modularity(U, _parts(of), weight="count") >= \
        nx.community.modularity(U, louvain, weight="count") - 0.01


def test_add_measures_sets_every_measure_and_takes_given_scores():
    G, _ = _cliques((3, 2), [("A/RES/2/1", "A/RES/1/1")])
    add_measures(G)
    pr = pagerank_scores(G)
    for n, d in G.nodes(data=True):
        assert d["cited_by"] == G.in_degree(n) and d["cites"] == G.out_degree(n)
        assert d["pagerank"] == float(f"{pr[n]:.12g}")
    assert abs(sum(pr.values()) - 1) < 1e-9
    add_measures(G, scores=lambda H, seed: ({n: 0.5 for n in H}, {n: 7 for n in H}))
    assert {d["pagerank"] for _, d in G.nodes(data=True)} == {0.5} and {d["community"] for _, d in G.nodes(data=True)} == {7}


_ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
_COMMUNITIES = """
import sys
import networkx as nx
from graph import measures
measures.IGRAPH_DRAWING = {drawing}
{first}
got = measures.community_of(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")]))
assert got == {{"a": 0, "b": 0, "c": 0, "x": 1, "y": 1}}, got
print("matplotlib" in sys.modules)
"""

#: (IGRAPH_DRAWING, what the process imported before) -> whether matplotlib is loaded once the communities are made.
IGRAPH_IMPORTS = [
    (True, "", True),  # a library user's igraph is whole
    (False, "", False),  # citegraph build: igraph without matplotlib, the same communities
    (False, "import matplotlib", True),  # matplotlib there already: igraph as it is
]


@pytest.mark.parametrize("drawing, first, loaded", IGRAPH_IMPORTS)
def test_igraph_loads_matplotlib_only_where_drawing_may_be_wanted(drawing, first, loaded):
    import subprocess
    import sys

    pytest.importorskip("matplotlib")
    r = subprocess.run([sys.executable, "-c", _COMMUNITIES.format(drawing=drawing, first=first)], cwd=_ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == str(loaded)


def test_citegraph_build_loads_no_matplotlib(tmp_path):
    import subprocess
    import sys

    pytest.importorskip("matplotlib")
    code = ("import sys\nfrom graph.cli import main, SAMPLE\n"
            f"main(['build', str(SAMPLE / 'text'), '-o', {str(tmp_path / 'out')!r}, '--no-pages'], standalone_mode=False)\n"
            "print('igraph' in sys.modules, 'matplotlib' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], cwd=_ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "True False"  # the communities made, matplotlib not loaded
