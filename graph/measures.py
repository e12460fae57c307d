"""Measures of each node, written as node attributes in every export: in-degree, PageRank, community.

:func:`add_measures` sets, on every node of a citation graph:

* ``cited_by`` - citing documents (in-degree), ``citations`` - reference occurrences (in-degree
  weighted by ``count``), ``cites`` - documents cited (out-degree);
* ``pagerank`` - PageRank (NetworkX, damping 0.85, edge weight ``count``): a document cited by
  much-cited documents ranks high; the values add up to 1;
* ``community`` - the node's Louvain community (NetworkX ``louvain_communities`` on the
  undirected graph, edge weight ``count`` summed both ways, fixed seed so that the same graph gives
  the same communities); community 0 is the largest, ties go to the community whose first symbol
  sorts first.

:mod:`graph.analysis` gives the same numbers as DataFrames (``pagerank``, ``communities``), from
the functions here. Pure: no I/O; NetworkX only (no pandas), so that a build loads no more than
it needs.

Not supported: measures of a subgraph kept in step with the whole (recompute them on the subgraph).
"""
from __future__ import annotations

import re
from typing import Callable, Optional

import networkx as nx

__all__ = ["add_measures", "pagerank_scores", "community_of", "natural_key", "SEED", "ALPHA"]

#: Louvain's seed: the same graph gives the same communities.
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
    """Node -> Louvain community number (0 the largest), deterministic for a given ``seed``.

    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    >>> community_of(G)
    {'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1}
    """
    H = nx.Graph()
    H.add_nodes_from(G)
    for u, v, d in G.edges(data=True):
        w = d.get(weight, 1)
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    comms = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed)
    comms = sorted((sorted(c, key=natural_key) for c in comms), key=lambda c: (-len(c), natural_key(c[0])))
    return {n: i for i, c in enumerate(comms) for n in c}


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
