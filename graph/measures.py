"""Measures of each node, written as node attributes in every export: in-degree, PageRank, community.

:func:`add_measures` sets, on every node of a citation graph:

* ``cited_by`` - citing documents (in-degree), ``citations`` - reference occurrences (in-degree
  weighted by ``count``), ``cites`` - documents cited (out-degree);
* ``pagerank`` - PageRank (NetworkX, damping 0.85, edge weight ``count``): a document cited by
  much-cited documents ranks high; the values add up to 1;
* ``community`` - the node's community: the Leiden algorithm maximising modularity (igraph's
  ``community_leiden``) on the undirected graph, edge weight ``count`` summed both ways, fixed seed
  so that the same graph gives the same communities; community 0 is the largest, ties go to the
  community whose first symbol sorts first.

:mod:`graph.analysis` gives the same numbers as DataFrames (``pagerank``, ``communities``), from
the functions here. Pure: no I/O; NetworkX, and igraph for the communities (no pandas), so that a
build loads no more than it needs.

Not supported: measures of a subgraph kept in step with the whole (recompute them on the subgraph).
"""
from __future__ import annotations

import re
from typing import Callable, Optional

import networkx as nx

__all__ = ["add_measures", "pagerank_scores", "community_of", "natural_key", "SEED", "ALPHA"]

#: Whether :func:`community_of` imports igraph as it is. When matplotlib is installed, igraph's import loads
#: ``matplotlib.pyplot`` for its drawing functions (0.5-0.7 s of CPU here, in every build that computes the
#: communities); a process that draws nothing with igraph (``citegraph build`` sets this False) imports it
#: with matplotlib hidden from it, and igraph's own drawing functions then say matplotlib is missing. A
#: library user's igraph stays whole, and so does one imported after matplotlib.
IGRAPH_DRAWING = True

#: The community algorithm's seed: the same graph gives the same communities.
SEED = 42
#: PageRank's damping factor.
ALPHA = 0.85


def natural_key(s: str) -> tuple:
    """A sort key that orders numbers by value: ``A/RES/79/9`` before ``A/RES/79/10``."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", s))


def pagerank_scores(G: nx.DiGraph, alpha: float = ALPHA, weight: str | None = "count") -> dict:
    """Node -> PageRank (0 to 1, adding up to 1); ``{}`` for an empty graph."""
    if G.number_of_nodes() == 0:
        return {}
    return nx.pagerank(G, alpha=alpha, weight=weight)


def community_of(G: nx.DiGraph, seed: int = SEED, resolution: float = 1.0, weight: str = "count") -> dict:
    """Node -> community number (0 the largest), deterministic for a given ``seed``.

    The Leiden algorithm (Traag, Waltman & van Eck 2019, doi:10.1038/s41598-019-41695-z; igraph's
    ``community_leiden``, C) maximising modularity at ``resolution`` on the undirected graph, edge
    weight ``weight`` summed both ways, iterated until a pass improves nothing, its random choices
    drawn from ``random.Random(seed)``. Unlike Louvain, every community it gives is connected. On the
    shared corpus it finds a partition of higher modularity (0.718 against 0.710) than NetworkX's
    Louvain, in a quarter of its CPU time (``benchmarks/bench_communities.py``).

    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    >>> community_of(G)
    {'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1}
    """
    import random

    import numpy as np

    ig = _igraph()  # C; loaded when communities are asked for

    nodes = list(G)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    m = G.number_of_edges()
    uvw = np.fromiter((x for a, b, wt in G.edges(data=weight, default=1) for x in (index[a], index[b], wt)),
                      dtype=np.float64, count=3 * m).reshape(-1, 3)  # one pass over the edges (indexes exact in float64)
    u, v, w = uvw[:, 0].astype(np.int64), uvw[:, 1].astype(np.int64), uvw[:, 2]
    pair = np.minimum(u, v) * len(nodes) + np.maximum(u, v)  # a and b citing each other: one undirected edge
    pairs, at = np.unique(pair, return_inverse=True)
    # the edge list as tuples of ints (a two-column array's tolist() made a list per row: 0.3 s at 128,000 edges)
    H = ig.Graph(n=len(nodes), edges=list(zip((pairs // len(nodes)).tolist(), (pairs % len(nodes)).tolist())))
    ig.set_random_number_generator(random.Random(seed))
    try:
        found = H.community_leiden(objective_function="modularity", weights=np.bincount(at, weights=w).tolist(),
                                   resolution=resolution, n_iterations=-1)
    finally:
        ig.set_random_number_generator(random)
    comms = [sorted((nodes[i] for i in c), key=natural_key) for c in found]
    comms.sort(key=lambda c: (-len(c), natural_key(c[0])))
    return {n: i for i, c in enumerate(comms) for n in c}


class _NoMatplotlib:
    """A finder on ``sys.meta_path`` that makes ``import matplotlib`` (and its modules) fail."""

    def find_spec(self, name, path=None, target=None):
        if name == "matplotlib" or name.startswith("matplotlib."):
            raise ImportError(f"{name} is not loaded for igraph in this process (graph.measures.IGRAPH_DRAWING)")
        return None


def _igraph():
    """The igraph module, imported as :data:`IGRAPH_DRAWING` says."""
    import sys

    if IGRAPH_DRAWING or "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    hidden = _NoMatplotlib()
    sys.meta_path.insert(0, hidden)
    try:
        import igraph
    finally:
        sys.meta_path.remove(hidden)
    return igraph


def _scores(G: nx.DiGraph, seed: int) -> tuple[dict, dict]:
    return pagerank_scores(G), community_of(G, seed=seed)


def add_measures(G: nx.DiGraph, seed: int = SEED, scores: Optional[Callable] = None) -> nx.DiGraph:
    """Set ``cited_by``, ``citations``, ``cites``, ``pagerank`` and ``community`` on every node of
    ``G`` (in place) and return ``G``. PageRank is rounded to 12 significant digits, so that the
    files of the same graph are the same byte for byte whatever the floating-point order.

    ``scores(G, seed)`` gives ``(pagerank, community)`` as :func:`pagerank_scores` and
    :func:`community_of` would (the build passes :func:`graph.pipeline.kept_measures`: the last
    build's, kept while the graph's nodes and edges are the same); default: both computed."""
    pr, comm = (scores or _scores)(G, seed)
    for n, d in G.nodes(data=True):
        d["cited_by"] = G.in_degree(n)
        d["citations"] = G.in_degree(n, weight="count")
        d["cites"] = G.out_degree(n)
        d["pagerank"] = float(f"{pr.get(n, 0.0):.12g}")
        d["community"] = comm.get(n, 0)
    return G
