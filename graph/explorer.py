"""The explorer: one self-contained, offline HTML page for a citation graph.

:func:`render_explorer` turns a graph into the page as a string (pure);
:func:`write_explorer` writes it atomically and says what was drawn and what
was left out. :func:`explorer_data` is the step in the middle: the plain
dicts the page is made of, handy for tests.

The page carries its own copy of vis-network (``graph/assets``, with its
licences) and the graph as JSON; nothing is fetched. pyvis's own template is
not used because, even with ``cdn_resources='in_line'``, it loads Bootstrap and
tom-select from a CDN (pyvis issue 229). The template is
``graph/templates/explorer.html``.

Security: every text that comes from a document reaches the page only inside
a JSON block in which ``<``, ``>`` and ``&`` are written ``\\u003c`` etc., and
the page's script puts it on screen with ``textContent`` only. A
Content-Security-Policy allows just the page's two scripts (by hash), so even
markup that slipped into the DOM could not run a script or load anything.

Large graphs: above :data:`PHYSICS_LIMIT` drawn nodes the layout is computed
here (a Fruchterman-Reingold layout with grid-limited repulsion, fixed seed)
and vis.js physics is switched off. ``max_nodes`` keeps the most connected
documents; ``focus`` draws one document's neighbourhood. What is left out is
reported by :func:`write_explorer` and shown on the page.

Not supported: editing the graph in the page, saving a filtered view, layouts
other than the one described.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import pathlib
import re
from collections import Counter, deque
from typing import Any, Iterable

import networkx as nx
import numpy as np

from .lookup import resolve

from .files import atomic_write

__all__ = [
    "write_explorer",
    "render_explorer",
    "explorer_data",
    "resolve_symbol",
    "PHYSICS_LIMIT",
    "DEFAULT_MAX_NODES",
]

HERE = pathlib.Path(__file__).resolve().parent
TEMPLATE = HERE / "templates" / "explorer.html"
ASSETS = HERE / "assets"

#: Above this many drawn nodes the layout is computed in Python, physics off.
PHYSICS_LIMIT = 300
#: Cap used when ``max_nodes`` is None (0 means no cap). Documents of the
#: corpus come first, so a corpus of up to this many documents is drawn whole;
#: the documents only cited, least connected first, are left out.
DEFAULT_MAX_NODES = 3000
#: Longest citing sentence kept for an edge tooltip (characters).
SENTENCE_CHARS = 500

#: Colours of the principal organs and bodies; others get PALETTE in order.
BODY_COLOURS = {
    "General Assembly": "#2f6fb3",
    "Security Council": "#d1363b",
    "Economic and Social Council": "#2e9a57",
    "Human Rights Council": "#e08a1e",
    "Secretariat": "#7d5ba6",
    "Secretary-General": "#7d5ba6",
    "International Court of Justice": "#8c564b",
    "Trusteeship Council": "#bcbd22",
}
PALETTE = ["#17becf", "#e377c2", "#9467bd", "#8c564b", "#bcbd22", "#1f9e89", "#b5651d",
           "#6b6ecf", "#ad494a", "#637939"]
UNKNOWN_COLOUR = "#9a9a9a"

#: vis-network shapes (all of them sized by ``size``) by document kind.
KIND_SHAPES = {
    "resolution": "dot",
    "decision": "diamond",
    "report": "square",
    "document": "square",
    "draft": "triangleDown",
    "presidential statement": "star",
    "charter": "triangle",
    "treaty": "triangle",
    "convention": "triangle",
    "declaration": "triangle",
    "instrument": "triangle",
    "letter": "hexagon",
    "note": "hexagon",
}
OTHER_SHAPE = "hexagon"


# --------------------------------------------------------------------------- data


def _as_list(value: Any) -> list[str]:
    """Edge/node attributes may be lists or joined strings ("a | b", "a; b"): always a list."""
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in re.split(r"[;|]", value) if v.strip()]
    if isinstance(value, (list, tuple, set)):
        return [str(v) for v in value if v is not None and str(v) != ""]
    return [str(value)]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return str(value[0]) if value else ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def _truthy(value: Any) -> bool:
    """A flag that may have been through GraphML or CSV ("True", "false", 1)."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _year(attrs: dict) -> int | None:
    y = attrs.get("year")
    try:
        if y not in (None, ""):
            return _plausible(int(str(y)[:4]))
    except ValueError:
        pass
    date = _text(attrs.get("date"))
    if re.match(r"^\d{4}", date):
        return _plausible(int(date[:4]))
    return None


def _plausible(year: int) -> int | None:
    """A year a UN document can have; a misread date (2465) counts as undated."""
    return year if 1900 <= year <= 2100 else None


def _safe_url(url: str) -> str:
    return url if re.match(r"^https?://", url) else ""


def resolve_symbol(G: nx.DiGraph, symbol: str) -> str:
    """The node meant by ``symbol``: :func:`graph.lookup.resolve`."""
    return resolve(G, symbol)


def _select(G: nx.DiGraph, focus: str | None, depth: int, max_nodes: int | None):
    """The nodes to draw, and a description of what was left out."""
    if depth not in (1, 2, 3):
        raise ValueError(f"depth must be 1, 2 or 3, not {depth!r}")
    cap = DEFAULT_MAX_NODES if max_nodes is None else max_nodes
    if cap < 0:
        raise ValueError(f"max_nodes must be 0 (no cap) or positive, not {max_nodes!r}")
    distance: dict[Any, int] = {}
    if focus is not None:
        focus = resolve_symbol(G, focus)
        distance = {focus: 0}
        queue = deque([focus])
        while queue:
            n = queue.popleft()
            if distance[n] == depth:
                continue
            for m in list(G.successors(n)) + list(G.predecessors(n)):
                if m not in distance:
                    distance[m] = distance[n] + 1
                    queue.append(m)
        candidates = list(distance)
    else:
        candidates = list(G.nodes)
    outside_focus = G.number_of_nodes() - len(candidates)

    def rank(n):
        return (distance.get(n, 0), not _truthy(G.nodes[n].get("in_corpus")),
                -G.degree(n), -G.in_degree(n), str(n))

    capped: list = []
    if cap and len(candidates) > cap:
        ordered = sorted(candidates, key=rank)
        candidates, capped = ordered[:cap], ordered[cap:]
    keep = set(candidates)
    left = {
        "focus": focus,
        "depth": depth if focus is not None else None,
        "outside_focus": outside_focus,
        "capped_nodes": len(capped),
        "cap": cap or None,
        "capped_max_degree": max((G.degree(n) for n in capped), default=0),
        "capped_in_corpus": sum(1 for n in capped if _truthy(G.nodes[n].get("in_corpus"))),
    }
    return [n for n in G if n in keep], focus, left


def explorer_data(G: nx.DiGraph, focus: str | None = None, depth: int = 1,
                  max_nodes: int | None = None, seed: int = 7) -> dict:
    """The page's content as plain data: ``{"meta", "nodes", "edges"}``.

    Nodes carry symbol, label, title, kind, body, date, year, in-corpus flag,
    file, url, times cited and citing (in the whole graph ``G``), colour,
    shape, size and, for large pages, a position. Edges carry count,
    relations, paragraphs, pinpoints and the first citing sentence.
    """
    nodes, focus, left = _select(G, focus, depth, max_nodes)
    keep = set(nodes)
    edges = [(u, v, a) for u, v, a in G.edges(data=True) if u in keep and v in keep and u != v]

    bodies = Counter(_text(G.nodes[n].get("body")) or "unknown" for n in nodes)
    kinds = Counter((_text(G.nodes[n].get("kind")) or "unknown").lower() for n in nodes)
    colours = _body_colours(bodies)
    physics = len(nodes) <= PHYSICS_LIMIT
    pos = {} if physics else _layout(nodes, [(u, v) for u, v, _ in edges], seed)

    out_nodes = []
    for n in nodes:
        a = G.nodes[n]
        indeg, outdeg = G.in_degree(n), G.out_degree(n)
        body = _text(a.get("body")) or "unknown"
        kind = (_text(a.get("kind")) or "unknown").lower()
        rec = {
            "id": str(n),
            "label": _text(a.get("label")) or str(n),
            "title": _text(a.get("title")) or _text(a.get("subject")),
            "kind": kind,
            "body": body,
            "date": _text(a.get("date")),
            "year": _year(a),
            "session": _text(a.get("session")),
            "in_corpus": _truthy(a.get("in_corpus")),
            "file": _text(a.get("file")),
            "url": _safe_url(_text(a.get("url")) or ""),
            "cited": indeg,
            "cites": outdeg,
            "color": colours[body],
            "shape": KIND_SHAPES.get(kind, OTHER_SHAPE),
            "size": round(min(48.0, 7 + 3.2 * math.sqrt(indeg)), 1),
        }
        if n in pos:
            rec["x"], rec["y"] = pos[n]
        out_nodes.append(rec)

    out_edges = []
    for u, v, a in edges:
        count = a.get("count") or 1
        try:
            count = int(count)
        except (TypeError, ValueError):
            count = 1
        sentence = _text(a.get("sentence"))
        if len(sentence) > SENTENCE_CHARS:
            sentence = sentence[: SENTENCE_CHARS - 1] + "…"
        out_edges.append({
            "from": str(u), "to": str(v), "count": count,
            "relations": _as_list(a.get("relations", a.get("relation"))),
            "paragraphs": _as_list(a.get("paragraphs", a.get("paragraph"))),
            "pinpoints": _as_list(a.get("pinpoints", a.get("pinpoint"))),
            "sentence": sentence,
            "later": _truthy(a.get("later")),
        })

    meta = {
        "graph_nodes": G.number_of_nodes(),
        "graph_edges": sum(1 for u, v in G.edges if u != v),
        "drawn_nodes": len(out_nodes),
        "drawn_edges": len(out_edges),
        "physics": physics,
        "left_out": left,
        "bodies": [{"name": b, "color": colours[b], "count": c}
                   for b, c in sorted(bodies.items(), key=lambda x: (-x[1], x[0]))],
        "kinds": [{"name": k, "shape": KIND_SHAPES.get(k, OTHER_SHAPE), "count": c}
                  for k, c in sorted(kinds.items(), key=lambda x: (-x[1], x[0]))],
        "years": _year_range(out_nodes),
    }
    return {"meta": meta, "nodes": out_nodes, "edges": out_edges}


def _body_colours(bodies: Iterable[str]) -> dict[str, str]:
    colours, spare = {}, iter(PALETTE)
    for b in sorted(bodies, key=lambda b: (b not in BODY_COLOURS, b)):
        if b in BODY_COLOURS:
            colours[b] = BODY_COLOURS[b]
        elif b == "unknown":
            colours[b] = UNKNOWN_COLOUR
        else:
            colours[b] = next(spare, UNKNOWN_COLOUR)
    return colours


def _year_range(nodes: list[dict]) -> list[int] | None:
    years = [n["year"] for n in nodes if n["year"] is not None]
    return [min(years), max(years)] if years else None


# ------------------------------------------------------------------------- layout


def _layout(nodes: list, edges: list[tuple], seed: int, iterations: int = 80,
            k: float = 90.0, ring_above: int = 5000) -> dict:
    """Positions in vis.js units for a large page, computed once, deterministic.

    Fruchterman-Reingold with the grid variant of the original paper:
    repulsion only between nodes closer than ``2k`` (a k-d tree finds them), so
    one iteration costs O(n + e) rather than O(n²); farther nodes repel
    through a coarse grid of centres of mass. Above ``ring_above`` nodes, those
    with a single neighbour are left out of the simulation and set on a ring
    around that neighbour afterwards. Isolated nodes go on a grid below.
    """
    from scipy.spatial import cKDTree

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
    from scipy.sparse import coo_matrix
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


# --------------------------------------------------------------------------- page


def _json_for_html(data: Any) -> str:
    """JSON that is inert inside <script>: no '<', '>', '&' or line separators."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _assets() -> dict[str, str]:
    vis = (ASSETS / "vis-network.min.js").read_text(encoding="utf-8")
    vis = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", vis)  # no map to look for
    app = (HERE / "templates" / "explorer.js").read_text(encoding="utf-8")
    css = (HERE / "templates" / "explorer.css").read_text(encoding="utf-8")
    for name, text, tag in (("vis-network.min.js", vis, "</script"), ("explorer.js", app, "</script"),
                            ("explorer.css", css, "</style")):
        if tag in text.lower():
            raise ValueError(f"asset {name} contains {tag!r} and cannot be inlined")
    return {"vis_js": vis, "app_js": app, "css": css}


def render_explorer(G: nx.DiGraph, focus: str | None = None, depth: int = 1,
                    max_nodes: int | None = None, seed: int = 7, title: str = "citegraph explorer") -> str:
    """The explorer page for ``G`` as one HTML string (no I/O beyond the package's assets).

    Parameters
    ----------
    G : nx.DiGraph
        Citing → cited graph with the node and edge attributes of ``graph.build``.
    focus : str, optional
        Draw only this document's neighbourhood (``"A/RES/70/125"`` or ``"70/125"``).
    depth : int
        Radius of the neighbourhood, in citations either way (1–3).
    max_nodes : int, optional
        Draw at most this many nodes, the most connected first; ``None`` means
        :data:`DEFAULT_MAX_NODES`, ``0`` means no cap.
    """
    return _render(explorer_data(G, focus, depth, max_nodes, seed), title)


def _pack(data: dict) -> dict:
    """The page's compact form of :func:`explorer_data`: empty fields dropped,
    undocs.org URLs and labels that the page can rebuild left out, each citing
    sentence stored once (``sentences``) and referred to by index."""
    nodes = []
    for n in data["nodes"]:
        m = {k: v for k, v in n.items() if v not in ("", None, False, [])
             and k not in ("color", "shape")}
        if m.get("url") == "https://undocs.org/en/" + n["id"]:
            del m["url"]
        elif not n["url"]:
            m["url"] = ""
        if m.get("label") == n["id"]:
            del m["label"]
        nodes.append(m)
    sentences: dict[str, int] = {}
    edges = []
    for e in data["edges"]:
        m = {k: v for k, v in e.items() if v not in ("", None, False, []) and k != "sentence"}
        if m.get("count") == 1:
            del m["count"]
        if e["sentence"]:
            m["s"] = sentences.setdefault(e["sentence"], len(sentences))
        edges.append(m)
    return {"meta": data["meta"], "nodes": nodes, "edges": edges, "sentences": list(sentences)}


def _render(data: dict, title: str) -> str:
    a = _assets()
    template = TEMPLATE.read_text(encoding="utf-8")
    csp = ("default-src 'none'; script-src " + _csp_hash(a["vis_js"]) + " " + _csp_hash(a["app_js"])
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    values = {
        "csp": csp,
        "title": _html_escape(title),
        "css": a["css"],
        "vis_js": a["vis_js"],
        "app_js": a["app_js"],
        "data_json": _json_for_html(_pack(data)),
    }
    # one pass, so text inserted for one marker is never scanned for another
    return re.sub(r"\{\{ (\w+) \}\}", lambda m: values[m.group(1)], template)


def _html_escape(s: str) -> str:
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def write_explorer(G: nx.DiGraph, path, focus: str | None = None, depth: int = 1,
                   max_nodes: int | None = None, seed: int = 7) -> dict:
    """Write the explorer page to ``path`` atomically; return what was drawn and left out.

    The summary has ``path``, ``nodes`` and ``edges`` (drawn), ``graph_nodes``
    and ``graph_edges``, ``left_out_nodes``, ``left_out_edges``, ``physics``
    (False when the layout was computed here), ``focus``, ``bytes`` and
    ``left_out`` (the details shown on the page).

    Examples
    --------
    >>> G = nx.DiGraph(); G.add_edge("A/RES/79/194", "A/RES/70/125", count=1)
    >>> import tempfile, pathlib; d = pathlib.Path(tempfile.mkdtemp())
    >>> write_explorer(G, d / "graph.html")["nodes"]
    2
    """
    path = pathlib.Path(path)
    data = explorer_data(G, focus, depth, max_nodes, seed)
    html = _render(data, "citegraph explorer")
    atomic_write(path, html)
    meta = data["meta"]
    return {
        "path": str(path),
        "nodes": meta["drawn_nodes"],
        "edges": meta["drawn_edges"],
        "graph_nodes": meta["graph_nodes"],
        "graph_edges": meta["graph_edges"],
        "left_out_nodes": meta["graph_nodes"] - meta["drawn_nodes"],
        "left_out_edges": meta["graph_edges"] - meta["drawn_edges"],
        "physics": meta["physics"],
        "focus": meta["left_out"]["focus"],
        "bytes": len(html.encode("utf-8")),
        "left_out": meta["left_out"],
    }
