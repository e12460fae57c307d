#!/usr/bin/env python3
"""The build's communities against NetworkX's Louvain, side by side on a built graph.

    python benchmarks/bench_communities.py OUT/graph.json [--rounds 3]

Reads the graph a build wrote (``graph.json``) and times, in interleaved rounds in this one process,
``graph.measures.community_of`` (Leiden, igraph) and NetworkX's ``louvain_communities`` on the same
undirected graph with the same weights and seed (what the build used before). Prints per round the
CPU and wall seconds of each, then the medians, the ratio, the number of communities and the
modularity of each partition (NetworkX's ``modularity``, weight ``count``), and whether every
community is connected. Quote the load average beside the figures (this machine is shared).
"""
from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from graph.export import read_json  # noqa: E402
from graph.measures import SEED, community_of  # noqa: E402


def louvain_of(G: nx.DiGraph, seed: int = SEED) -> dict:
    """What the build gave before: NetworkX's Louvain on the undirected graph, ``count`` summed both ways."""
    H = nx.Graph()
    H.add_nodes_from(G)
    for u, v, d in G.edges(data=True):
        w = d.get("count", 1)
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return {n: i for i, c in enumerate(nx.community.louvain_communities(H, weight="weight", seed=seed)) for n in c}


def timed(fn, G) -> tuple[float, float, dict]:
    c0, t0 = time.process_time(), time.perf_counter()
    of = fn(G)
    return time.process_time() - c0, time.perf_counter() - t0, of


def parts(of: dict) -> list[set]:
    out: dict = {}
    for n, c in of.items():
        out.setdefault(c, set()).add(n)
    return list(out.values())


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph", type=pathlib.Path)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args(argv)
    G = read_json(a.graph)
    print(f"{a.graph}: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges; load average "
          f"{os.getloadavg()[0]:.1f} at the start")
    runs = {"leiden (igraph)": [], "louvain (networkx)": []}
    found = {}
    for r in range(a.rounds):
        for name, fn in (("leiden (igraph)", community_of), ("louvain (networkx)", louvain_of)):
            cpu, wall, of = timed(fn, G)
            runs[name].append((cpu, wall))
            found[name] = of
            print(f"round {r + 1}: {name:<19} {cpu:7.2f} s CPU {wall:7.2f} s wall")
    U = G.to_undirected()
    print()
    for name, of in found.items():
        ps = parts(of)
        cpu = statistics.median(c for c, _ in runs[name])
        wall = statistics.median(w for _, w in runs[name])
        q = nx.community.modularity(U, ps, weight="count")
        connected = all(nx.is_connected(U.subgraph(p)) for p in ps)
        print(f"{name:<19} median {cpu:6.2f} s CPU {wall:6.2f} s wall; {len(ps)} communities, modularity {q:.4f}, "
              f"{'every community connected' if connected else 'some community not connected'}")
    lc = statistics.median(c for c, _ in runs["louvain (networkx)"])
    le = statistics.median(c for c, _ in runs["leiden (igraph)"])
    print(f"louvain / leiden CPU: {lc / le:.1f}x")


if __name__ == "__main__":
    main()
