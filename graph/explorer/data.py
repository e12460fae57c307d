"""The explorer's content as plain data (pure): every node and edge of the graph, and the overview.

:func:`explorer_data` gives ``{"meta", "nodes", "edges"}``: one record per node
and per edge of the graph, whether or not the overview draws it, so that the
page can find, focus on and trace a path through every document. The
overview draws at most ``max_nodes`` of them (corpus documents first, then the
most connected), at positions computed by :mod:`graph.explorer.layout`; a node
left out of the overview has no position and ``drawn`` False.

Encodings (the page draws from these):

* colour by body (:data:`BODY_COLOURS`, then :data:`PALETTE`);
* one of six shapes by kind (:data:`SHAPE_OF_KIND`): resolution, decision,
  report or document, statement, draft, instrument; the finer kind stays in
  the record and the filters;
* ``t``: the document's time as a decimal year, from its date, else its year,
  else its session (``ingest.session_span``), for the views laid out by time;
  ``when`` says which.

Not supported: multigraphs (one record per citing/cited pair, as the graph).
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from collections import Counter, deque
from typing import Any, Iterable, Iterator, Optional

import networkx as nx

from ingest import BODY_NAMES, session_span

from ..build import MARK_SENTENCE_CHARS
from ..colours import BODY_COLOURS, body_colours
from ..lookup import instrument_names, resolve
from ..reading import DOCS_DIRNAME, page_name
from .layout import overview_layout

__all__ = ["explorer_data", "time_of", "shape_of", "DEFAULT_MAX_NODES", "SHAPES", "SHAPE_OF_KIND", "BODY_COLOURS"]

#: Overview cap used when ``max_nodes`` is None (0 means no cap). The shared corpus
#: (10,269 nodes) is drawn whole; corpus documents come first, then the most connected.
DEFAULT_MAX_NODES = 15000
#: Longest citing sentence kept for a citation (characters): the graph's own clip.
SENTENCE_CHARS = MARK_SENTENCE_CHARS

#: The six shapes, each with what it stands for (the legend); the page's WebGL program draws them.
SHAPES = {
    "circle": "resolution",
    "diamond": "decision",
    "square": "report or document",
    "star": "statement",
    "triangleDown": "draft",
    "triangle": "instrument (charter, treaty, declaration, agenda ...)",
}
#: Kind -> shape; a kind not listed is an instrument when it names one, else a document.
SHAPE_OF_KIND = {
    "resolution": "circle",
    "decision": "diamond",
    "report": "square",
    "document": "square",
    "letter": "square",
    "note": "square",
    "agenda item": "square",
    "presidential statement": "star",
    "statement": "star",
    "draft": "triangleDown",
}
_DOCUMENT_KINDS = {"", "unknown", "document"}


_CODE_OF_BODY = {name: code for code, name in BODY_NAMES.items()}


# --------------------------------------------------------------------------- values


def as_list(value: Any) -> list[str]:
    """Edge/node attributes may be lists or joined strings ("a | b", "a; b"): always a list."""
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in (p.strip() for p in value.replace(";", "|").split("|")) if v]
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


def _plausible(year: int) -> Optional[int]:
    """A year a UN document can have; a misread date (2465) counts as undated."""
    return year if 1900 <= year <= 2100 else None


def year_of(attrs: dict) -> Optional[int]:
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


def time_of(attrs: dict) -> tuple[Optional[float], str]:
    """``(t, when)``: the document's time as a decimal year and where it comes from
    (``"date"``, ``"year"``, ``"session"``; ``(None, "")`` when unknown).

    >>> time_of({"date": "2024-12-19"}), time_of({"year": 2023})
    ((2024.966, 'date'), (2023.5, 'year'))
    >>> time_of({"session": "79", "body": "General Assembly"})
    (2025.2, 'session')
    """
    date = _text(attrs.get("date"))
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", date)
    if m and _plausible(int(m.group(1))):
        try:
            d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return round(d.year + (d.timetuple().tm_yday - 0.5) / 366, 3), "date"
        except ValueError:
            pass
    year = year_of(attrs)
    if year is not None:
        return year + 0.5, "year"
    session, code = _text(attrs.get("session")), _CODE_OF_BODY.get(_text(attrs.get("body")))
    if session.isdigit() and code:
        span = session_span(code, int(session))
        if span:
            a, b = (_dt.date.fromisoformat(s) for s in span)
            mid = a + (b - a) / 2
            return round(mid.year + (mid.timetuple().tm_yday - 0.5) / 366, 1), "session"
    return None, ""


def shape_of(kind: str) -> str:
    """The shape of a kind (:data:`SHAPE_OF_KIND`): an unlisted kind names an instrument
    ("charter", "programme of action"), an empty or unknown one a document."""
    kind = (kind or "").lower()
    if kind in SHAPE_OF_KIND:
        return SHAPE_OF_KIND[kind]
    return "square" if kind in _DOCUMENT_KINDS else "triangle"


def _safe_url(url: str) -> str:
    return url if re.match(r"^https?://", url) else ""


def _safe_file(file: str) -> str:
    """A file name relative to the build's input; an absolute one (an old graph) keeps its name only."""
    file = file.replace("\\", "/")
    if file.startswith("/") or re.match(r"^[A-Za-z]:/", file):
        return file.rsplit("/", 1)[-1]
    return file


def _clip(s: str, n: int = SENTENCE_CHARS) -> str:
    return s if len(s) <= n else s[: n - 1] + "\u2026"


# --------------------------------------------------------------------------- selection


def _focus(G: nx.DiGraph, focus: Optional[str], depth: int) -> Optional[str]:
    if depth not in (1, 2, 3):
        raise ValueError(f"depth must be 1, 2 or 3, not {depth!r}")
    return resolve(G, focus) if focus is not None else None


def overview_nodes(G: nx.DiGraph, max_nodes: Optional[int]) -> tuple[list, list]:
    """``(drawn, left_out)``: the nodes the overview draws (graph order) and those it leaves
    out (least connected last): corpus documents first, then by degree, in-degree, key."""
    cap = DEFAULT_MAX_NODES if max_nodes is None else max_nodes
    if cap < 0:
        raise ValueError(f"max_nodes must be 0 (no cap) or positive, not {max_nodes!r}")
    nodes = list(G.nodes)
    if not cap or len(nodes) <= cap:
        return nodes, []

    def rank(n):
        return (not _truthy(G.nodes[n].get("in_corpus")), -G.degree(n), -G.in_degree(n), str(n))

    ordered = sorted(nodes, key=rank)
    keep = set(ordered[:cap])
    return [n for n in nodes if n in keep], ordered[cap:]


def ego(G: nx.DiGraph, node: str, depth: int) -> set:
    """``node`` and the documents within ``depth`` citations of it, either way."""
    seen = {node: 0}
    queue = deque([node])
    while queue:
        n = queue.popleft()
        if seen[n] == depth:
            continue
        for m in list(G.successors(n)) + list(G.predecessors(n)):
            if m not in seen:
                seen[m] = seen[n] + 1
                queue.append(m)
    return set(seen)


# --------------------------------------------------------------------------- the data


def explorer_data(G: nx.DiGraph, focus: Optional[str] = None, depth: int = 1,
                  max_nodes: Optional[int] = None, seed: int = 7, pages: bool = False) -> dict:
    """The page's content as plain data: ``{"meta", "nodes", "edges"}``.

    Parameters
    ----------
    G : nx.DiGraph
        Citing -> cited graph with the attributes of :func:`graph.build.build_graph`.
    focus : str, optional
        The document the page opens on, in its focus view (anything
        :func:`graph.lookup.resolve` reads: ``"79/194"``). Every node is in the page all the same.
    depth : int
        Radius of that focus view, in citations either way (1-3).
    max_nodes : int, optional
        Nodes the overview draws (None: :data:`DEFAULT_MAX_NODES`; 0: all).
    pages : bool
        The reading pages are written beside the page (``docs/``, :mod:`graph.reading`): each
        corpus document gets ``page``, the relative address of its own.

    Returns
    -------
    dict
        ``nodes``: one record per node of ``G`` (``id`` is the node key) with label, title,
        kind, shape, body, colour, date, year, session, ``t``/``when``, in-corpus flag,
        ``file`` (relative), url, aliases, the names of a named instrument (``names``,
        :func:`graph.lookup.instrument_names`), times cited and citing, ``drawn`` and, when
        drawn, ``x``/``y``. ``edges``: one record per edge (no self-loops) with count,
        relations, paragraphs, places, pinpoints, the first citing sentence, the sentence
        with the footnote mark when that citation is a footnote's, ``later`` and ``drawn``.
        ``meta``: counts, what the overview leaves out, bodies, kinds, shapes, years, focus.

    Raises
    ------
    graph.lookup.NodeNotFound
        when ``focus`` names no node (or several).
    """
    data = _explorer_data(G, focus, depth, max_nodes, seed, pages)
    data["edges"] = list(data["edges"])
    return data


def _explorer_data(G: nx.DiGraph, focus: Optional[str], depth: int, max_nodes: Optional[int], seed: int,
                   pages: bool) -> dict:
    """:func:`explorer_data` with ``edges`` a generator of the records, made as they are taken: what
    the page is written from (:func:`graph.explorer.page.pack` reads each once), so the records of
    a large graph's edges (a million at 100,000 documents, about a kilobyte each) are never all held."""
    focus = _focus(G, focus, depth)
    drawn, left_out = overview_nodes(G, max_nodes)
    keep = set(drawn)
    edge_list = [(u, v, a) for u, v, a in G.edges(data=True) if u != v]
    pos = _given_layout(G, drawn) or overview_layout(drawn, [(u, v) for u, v, _ in edge_list
                                                             if u in keep and v in keep], seed)

    bodies = Counter(_text(a.get("body")) or "unknown" for _, a in G.nodes(data=True))
    kinds = Counter((_text(a.get("kind")) or "unknown").lower() for _, a in G.nodes(data=True))
    colours = body_colours(bodies)

    nodes = []
    names = instrument_names()
    for n, a in G.nodes(data=True):
        body = _text(a.get("body")) or "unknown"
        kind = (_text(a.get("kind")) or "unknown").lower()
        t, when = time_of(a)
        rec = {
            "id": str(n),
            "label": _text(a.get("label")) or str(n),
            "title": _text(a.get("title")) or _text(a.get("subject")),
            # where the title shown came from (a subject is what the citing texts say)
            "title_source": _text(a.get("title_source")) if _text(a.get("title"))
            else ("cited" if _text(a.get("subject")) else ""),
            "kind": kind,
            "shape": shape_of(kind),
            "body": body,
            "color": colours[body],
            "date": _text(a.get("date")),
            "year": year_of(a),
            "session": _text(a.get("session")),
            "t": t,
            "when": when,
            "in_corpus": _truthy(a.get("in_corpus")),
            "file": _safe_file(_text(a.get("file"))),
            "url": _safe_url(_text(a.get("url"))),
            "aliases": as_list(a.get("aliases")),
            "names": list(names.get(str(n), ())),  # a named instrument's names: the page's lookup finds it by them
            "cited": G.in_degree(n),
            "cites": G.out_degree(n),
            "drawn": n in keep,
        }
        if pages and rec["in_corpus"]:
            rec["page"] = f"{DOCS_DIRNAME}/{page_name(str(n))}.html"
        if n in pos:
            rec["x"], rec["y"] = pos[n]
        nodes.append(rec)

    edges = _edge_records(edge_list, keep)

    meta = {
        "graph_nodes": G.number_of_nodes(),
        "graph_edges": len(edge_list),
        "drawn_nodes": len(drawn),
        "drawn_edges": sum(1 for u, v, _ in edge_list if u in keep and v in keep),
        "left_out": {
            "cap": (DEFAULT_MAX_NODES if max_nodes is None else max_nodes) or None,
            "nodes": [str(n) for n in left_out],
            "in_corpus": sum(1 for n in left_out if _truthy(G.nodes[n].get("in_corpus"))),
            "max_degree": max((G.degree(n) for n in left_out), default=0),
        },
        "focus": focus,
        "depth": depth,
        "bodies": [{"name": b, "color": colours[b], "count": c}
                   for b, c in sorted(bodies.items(), key=lambda x: (-x[1], x[0]))],
        "kinds": [{"name": k, "shape": shape_of(k), "count": c}
                  for k, c in sorted(kinds.items(), key=lambda x: (-x[1], x[0]))],
        "shapes": [{"shape": s, "name": name} for s, name in SHAPES.items()],
        "years": _year_range(nodes),
    }
    return {"meta": meta, "nodes": nodes, "edges": edges}


def _edge_records(edge_list: list, keep: set) -> Iterator[dict]:
    """One record per edge of ``edge_list`` (``(u, v, attributes)``), as :func:`explorer_data` gives them."""
    listed: dict[str, list[str]] = {}  # a joined value -> its list: edges repeat a few ("recall", "op1")

    def lst(value: Any) -> list[str]:
        if type(value) is not str:
            return as_list(value)
        got = listed.get(value)
        if got is None:
            got = listed[value] = as_list(value)
        return got.copy()

    for u, v, a in edge_list:
        try:
            count = int(a.get("count") or 1)
        except (TypeError, ValueError):
            count = 1
        yield {
            "from": str(u), "to": str(v), "count": count,
            "relations": lst(a.get("relations", a.get("relation"))),
            "verbs": lst(a.get("verbs")),
            "paragraphs": lst(a.get("paragraphs", a.get("paragraph"))),
            "places": lst(a.get("places")),
            "pinpoints": lst(a.get("pinpoints", a.get("pinpoint"))),
            "sentence": _clip(_text(a.get("footnote")) or _text(a.get("sentence"))),
            # a citation in a footnote: the page shows the paragraph's sentence with the mark, then the footnote
            "mark_sentence": _clip(_text(a.get("sentence"))) if _text(a.get("footnote")) else "",
            "later": _truthy(a.get("later")),
            "drawn": u in keep and v in keep,
        }


def add_layout(G: nx.DiGraph, max_nodes: Optional[int] = None, seed: int = 7, layout=None) -> nx.DiGraph:
    """Set ``x`` and ``y`` (floats) on the nodes the overview draws: the overview's layout, computed
    once per build and kept in the graph, so that the page and the GEXF file (``viz:position``)
    show the same picture. Returns ``G``.

    ``layout`` (default :func:`overview_layout`) is called as ``layout(nodes, edges, seed)``: a build
    passes one that keeps the positions of the same nodes and edges from its last build
    (``graph.pipeline.kept_layout``)."""
    drawn, _ = overview_nodes(G, max_nodes)
    keep = set(drawn)
    pos = (layout or overview_layout)(drawn, [(u, v) for u, v in G.edges() if u != v and u in keep and v in keep], seed)
    for n, (x, y) in pos.items():
        G.nodes[n]["x"], G.nodes[n]["y"] = float(x), float(y)
    return G


def _given_layout(G: nx.DiGraph, drawn: list) -> Optional[dict]:
    """The positions :func:`add_layout` set, when every drawn node has them."""
    nodes = G.nodes
    if not drawn or any("x" not in nodes[n] or "y" not in nodes[n] for n in drawn):
        return None
    return {n: (nodes[n]["x"], nodes[n]["y"]) for n in drawn}


def _year_range(nodes: list[dict]) -> Optional[list[int]]:
    years = [n["year"] for n in nodes if n["year"] is not None]
    return [min(years), max(years)] if years else None
