"""The explorer's overview layout: positions for the drawn nodes, computed once in Python.

Fruchterman-Reingold with the grid variant of the original paper (Fruchterman
& Reingold 1991, "Graph drawing by force-directed placement", section 4):
repulsion only between nodes closer than ``2k`` (a k-d tree finds them), so one
iteration costs O(n + e) rather than O(n²); farther nodes repel through a
coarse grid of centres of mass. A fixed seed makes the page byte-identical for
the same graph. The focus, lineage and path views are laid out in the page
itself, by time (``templates/page.js``): they depend on what the reader picks.

Not supported: incremental layout, layouts of graphs of more than about
50,000 drawn nodes in reasonable time (the overview is capped before that).
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["overview_layout"]


def overview_layout(nodes: list, edges: list[tuple], seed: int = 7) -> dict:
    """``{node: (x, y)}`` for ``nodes`` joined by ``edges`` (pairs of nodes), deterministic."""
    return _layout(nodes, edges, seed)


def _layout(nodes: list, edges: list[tuple], seed: int, iterations: int = 80,
            k: float = 90.0, ring_above: int = 5000) -> dict:
    """Positions (about ``k`` units between neighbours), computed once, deterministic.

    Fruchterman-Reingold with the grid variant of the original paper:
    repulsion only between nodes closer than ``2k`` (a k-d tree finds them), so
    one iteration costs O(n + e) rather than O(n²); farther nodes repel
    through a coarse grid of centres of mass. Above ``ring_above`` nodes, those
    with a single neighbour are left out of the simulation and set on a ring
    around that neighbour afterwards. Isolated nodes go on a grid below.
    """
    from scipy.spatial import cKDTree  # scipy only where a layout is computed: 0.3 s off every command's start

    index = {n: i for i, n in enumerate(nodes)}
    und = nx.Graph()
    und.add_nodes_from(range(len(nodes)))
    und.add_edges_from((index[u], index[v]) for u, v in edges if u != v)
    leaves = {i for i in und if und.degree(i) == 1} if len(nodes) > ring_above else set()
    # a pair of leaves joined to each other keeps one of them in the core
    for i in list(leaves):
        (j,) = und.neighbors(i)
        if j in leaves and i in leaves:
            leaves.discard(min(i, j))
    isolated = [i for i in und if und.degree(i) == 0]
    core = [i for i in und if i not in leaves and und.degree(i) > 0]
    rng = np.random.default_rng(seed)
    pos = np.zeros((len(nodes), 2))

    if core:
        cidx = {n: j for j, n in enumerate(core)}
        cedges = np.array([(cidx[a], cidx[b]) for a, b in und.subgraph(core).edges()],
                          dtype=np.int64).reshape(-1, 2)
        m = len(core)
        side = k * math.sqrt(m) * 1.2
        p = rng.uniform(-side / 2, side / 2, (m, 2))
        temp = side / 8
        for it in range(iterations):
            disp = np.zeros_like(p)
            pairs = cKDTree(p).query_pairs(2 * k, output_type="ndarray")
            if len(pairs):
                d = p[pairs[:, 0]] - p[pairs[:, 1]]
                dist = np.maximum(np.hypot(d[:, 0], d[:, 1]), 0.01)
                f = (k * k / (dist * dist))[:, None] * d  # |f| = k² / dist
                disp += _scatter(pairs[:, 0], f, m) - _scatter(pairs[:, 1], f, m)
            disp += _far_repulsion(p, k)
            if len(cedges):
                d = p[cedges[:, 0]] - p[cedges[:, 1]]
                dist = np.maximum(np.hypot(d[:, 0], d[:, 1]), 0.01)
                f = (dist / k)[:, None] * d  # |f| = dist² / k
                disp += _scatter(cedges[:, 1], f, m) - _scatter(cedges[:, 0], f, m)
            disp -= (p - p.mean(axis=0)) * 0.01  # weak gravity keeps components together
            length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 0.01)
            p += disp / length[:, None] * np.minimum(length, temp)[:, None]
            temp = max(temp * 0.95, k / 20)
        pos[core] = _pack_components(p, cedges, k)

    ring: dict[int, int] = {}
    for i in sorted(leaves):
        (j,) = und.neighbors(i)
        ring[j] = ring.get(j, 0) + 1
    placed: dict[int, int] = {}
    for i in sorted(leaves):
        (j,) = und.neighbors(i)
        n_ring = ring[j]
        r = max(k * 0.6, n_ring * k * 0.4 / (2 * math.pi))
        angle = 2 * math.pi * placed.get(j, 0) / n_ring + rng.uniform(0, 0.2)
        placed[j] = placed.get(j, 0) + 1
        pos[i] = pos[j] + r * np.array([math.cos(angle), math.sin(angle)])

    if isolated:
        bottom = pos[:, 1].max() + 2 * k if core or leaves else 0.0
        left = pos[:, 0].min() if core or leaves else 0.0
        cols = max(1, int(math.sqrt(len(isolated)) * 2))
        for j, i in enumerate(isolated):
            pos[i] = (left + (j % cols) * k * 0.8, bottom + (j // cols) * k * 0.8)

    return {n: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1))
            for n, i in index.items()}


def _pack_components(p: np.ndarray, edges: np.ndarray, k: float) -> np.ndarray:
    """Bring the smaller connected components in from afar: each is moved,
    along its own direction, to just outside the largest one."""
    from scipy.sparse import coo_matrix  # see _layout
    from scipy.sparse.csgraph import connected_components

    m = len(p)
    if not len(edges):
        return p
    adj = coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(m, m))
    n_comp, label = connected_components(adj, directed=False)
    if n_comp == 1:
        return p
    p = p.copy()
    sizes = np.bincount(label)
    main = int(np.argmax(sizes))
    centre = p[label == main].mean(axis=0)
    radius = float(np.percentile(np.hypot(*(p[label == main] - centre).T), 95)) + 2 * k
    for c in np.argsort(-sizes, kind="stable"):
        if c == main:
            continue
        members = label == c
        centroid = p[members].mean(axis=0)
        direction = centroid - centre
        norm = float(np.hypot(*direction))
        direction = direction / norm if norm > 1e-9 else np.array([1.0, 0.0])
        own = float(np.hypot(*(p[members] - centroid).T).max()) + k / 2
        p[members] += centre + direction * (radius + own) - centroid
    return p


def _far_repulsion(p: np.ndarray, k: float, cells: int = 16) -> np.ndarray:
    """Repulsion from nodes farther than ``2k``, each grid cell acting as one body.

    Nodes nearer than ``2k`` are handled exactly by the caller; a cell whose
    centre of mass is nearer than ``2k`` is skipped here.
    """
    lo, hi = p.min(axis=0), p.max(axis=0)
    span = np.maximum(hi - lo, 1e-9)
    ij = np.minimum((((p - lo) / span) * cells).astype(np.int64), cells - 1)
    cell = ij[:, 0] * cells + ij[:, 1]
    mass = np.bincount(cell, minlength=cells * cells).astype(float)
    full = mass > 0
    centre = _scatter(cell, p, cells * cells)[full] / mass[full, None]
    mass = mass[full]
    d = p[:, None, :] - centre[None, :, :]
    dist2 = np.maximum((d ** 2).sum(axis=2), 1e-4)
    w = np.where(dist2 > 4 * k * k, mass[None, :] * k * k / dist2, 0.0)  # |f| = mass·k² / dist
    return (w[:, :, None] * d).sum(axis=1)


def _scatter(index: np.ndarray, vectors: np.ndarray, n: int) -> np.ndarray:
    """Sum of ``vectors`` by row ``index`` (a fast ``np.add.at``)."""
    return np.stack([np.bincount(index, vectors[:, 0], n), np.bincount(index, vectors[:, 1], n)], axis=1)
