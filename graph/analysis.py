"""Questions asked of a citation graph; answers are pandas DataFrames or subgraphs.

Every function takes the :class:`networkx.DiGraph` of :func:`graph.build.build_graph`
(edges point citing -> cited) and leaves it unchanged.

* :func:`most_cited`, :func:`pagerank` - who is cited;
* :func:`lineage` - what a document rests on (``"ancestors"``: what it cites,
  what those cite, ...) or what rests on it (``"descendants"``: what cites it,
  ...), by depth;
* :func:`series` - the same resolution across sessions (56/183 -> ... -> 79/194);
* :func:`citation_path` - the shortest chain of citations from one document to another;
* :func:`co_citation`, :func:`bibliographic_coupling` - pairs cited together / citing alike;
* :func:`communities` - Leiden communities (modularity) with a fixed seed;
* :func:`citations_by_year_and_body` - citations per citing year and cited body;
* :func:`ego_graph`, :func:`nodes_frame`, :func:`edges_frame`, :func:`find_node`;
* :func:`plot_lineage` - the lineage frame drawn with matplotlib (year against depth).

Note the words: in a citation graph an *ancestor* of a document is what it
cites (earlier texts it builds on), the opposite of NetworkX's
:func:`networkx.ancestors`, which follows edges backwards.

Not supported: time-sliced graphs, weighted shortest paths.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable, Optional

import networkx as nx
import pandas as pd

from ingest import CitegraphError, series_body

from .lookup import NodeNotFound, resolve
from .build import BODIES
from .colours import body_colours
from .measures import community_of, natural_key, pagerank_scores
from .schema import EDGE_COLUMNS, NODE_COLUMNS, split

__all__ = [
    "GraphError",
    "NodeNotFound",
    "NoCitationPath",
    "UnknownValue",
    "resolve_body",
    "resolve_kind",
    "find_node",
    "nodes_frame",
    "edges_frame",
    "most_cited",
    "pagerank",
    "lineage",
    "lineage_graph",
    "series",
    "series_predecessors",
    "citation_path",
    "co_citation",
    "bibliographic_coupling",
    "communities",
    "citations_by_year_and_body",
    "ego_graph",
    "plot_lineage",
    "plot_citations_by_year",
    "community_members",
]

_INFO = ("kind", "body", "year", "title", "in_corpus")


class GraphError(CitegraphError):
    """A question the graph cannot answer."""


class NoCitationPath(GraphError):
    """No chain of citations joins the two documents."""


class UnknownValue(GraphError, ValueError):
    """A body or kind the graph does not know; ``valid`` lists those it does (what the message says)."""

    def __init__(self, what: str, value: str, valid: list[str]):
        self.what, self.value, self.valid = what, value, valid
        super().__init__(f"unknown {what} {value!r}; valid: {', '.join(valid)}")


#: Usual short names of the bodies, any case, besides ``graph.build.BODIES`` (codes and names).
_BODY_CODES = {"unga": "GA", "unsc": "SC", "ecosoc": "ECOSOC", "hrc": "HRC", "unhrc": "HRC", "unea": "UNEA"}
#: Usual short names of the kinds, any case.
_KIND_CODES = {"res": "resolution", "dec": "decision", "prst": "presidential statement", "statement":
               "presidential statement", "draft resolution": "draft", "l.": "draft"}


def _counted(G: nx.DiGraph, key: str) -> list[str]:
    counts: dict[str, int] = {}
    for _, d in G.nodes(data=True):
        v = d.get(key) or ""
        if v:
            counts[v] = counts.get(v, 0) + 1
    return sorted(counts, key=lambda v: (-counts[v], v))


def resolve_body(G: nx.DiGraph, value: Optional[str]) -> Optional[str]:
    """The body of ``G`` that ``value`` names, in any case, by name or the usual code (``GA``, ``SC``,
    ``ECOSOC``, ``HRC``, ``UNGA`` ...); None for None.

    Raises :class:`UnknownValue` (listing the bodies of ``G``, most nodes first, and the codes)
    for a body ``G`` does not have.
    """
    if value is None:
        return None
    bodies = _counted(G, "body")
    key = " ".join(value.split()).lower()
    code = _BODY_CODES.get(key, key)
    # a body's code, else the root of its written symbols ("UNEP", "ECE", "HSP": ingest.series_body)
    named = BODIES.get(code.lower()) or BODIES.get(key) or series_body(key)
    by_lower = {b.lower(): b for b in bodies}
    if named in bodies:
        return named
    if key in by_lower:
        return by_lower[key]
    codes = sorted({c.upper() for c, name in BODIES.items() if name in bodies and len(c) <= 6 and c.isalpha()
                    and len(c) > 1} | {c.upper() for c, k in _BODY_CODES.items() if BODIES.get(k.lower()) in bodies})
    raise UnknownValue("body", value, bodies + codes)


def resolve_kind(G: nx.DiGraph, value: Optional[str]) -> Optional[str]:
    """The kind of ``G`` that ``value`` names, in any case, singular or plural, or by a usual short
    name (``res``, ``dec``, ``PRST``); None for None. Raises :class:`UnknownValue` listing the kinds
    of ``G`` (most nodes first) for one it does not have."""
    if value is None:
        return None
    kinds = _counted(G, "kind")
    key = " ".join(value.split()).lower()
    for k in (key, _KIND_CODES.get(key), key[:-1] if key.endswith("s") else None,
              _KIND_CODES.get(key[:-1]) if key.endswith("s") else None):
        if k and k in kinds:
            return k
    raise UnknownValue("kind", value, kinds)


# --------------------------------------------------------------------------- lookup and frames

_natural = natural_key


def find_node(G: nx.DiGraph, query: str) -> str:
    """The node a user means by ``query`` (``79/194``, ``resolution 2720 (2023)``): :func:`graph.lookup.resolve`."""
    return resolve(G, query)


def nodes_frame(G: nx.DiGraph) -> pd.DataFrame:
    """One row per node (``symbol`` is the node key), its attributes in the columns of
    :data:`graph.schema.NODE_COLUMNS`: with ``cited_by`` (in-degree), ``citations`` (weighted
    in-degree), ``cites`` (out-degree), ``pagerank`` and ``community`` as a build sets them
    (:func:`graph.measures.add_measures`); a graph that was not measured gets its degrees here and
    no PageRank or community. Integer columns that may lack a value are pandas ``Int64``."""
    rows = []
    for n, d in G.nodes(data=True):
        row = {"symbol": n, **{c: d.get(c) for c in NODE_COLUMNS[1:]}}
        if "cited_by" not in d:
            row.update(cited_by=G.in_degree(n), citations=G.in_degree(n, weight="count"), cites=G.out_degree(n))
        rows.append(row)
    df = pd.DataFrame(rows, columns=list(NODE_COLUMNS))
    for c in ("year", "session_number", "community"):
        df[c] = df[c].astype("Int64")
    return df


def edges_frame(G: nx.DiGraph) -> pd.DataFrame:
    """One row per edge (citing ``source`` -> cited ``target``) with its attributes."""
    rows = [{"source": u, "target": v, **{c: d.get(c) for c in EDGE_COLUMNS[2:]}} for u, v, d in G.edges(data=True)]
    return pd.DataFrame(rows, columns=list(EDGE_COLUMNS))


def _info(G: nx.DiGraph, n: str) -> dict:
    d = G.nodes[n]
    return {"kind": d.get("kind"), "body": d.get("body"), "year": d.get("year"), "title": d.get("title") or d.get("subject"),
            "in_corpus": d.get("in_corpus")}


def _frame(rows: list[dict], columns: Iterable[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=list(columns))
    if "year" in df:
        df["year"] = df["year"].astype("Int64")
    return df


def _filter(G: nx.DiGraph, kind: Optional[str], body: Optional[str], in_corpus: Optional[bool]) -> list[str]:
    kind, body = resolve_kind(G, kind), resolve_body(G, body)
    out = []
    for n, d in G.nodes(data=True):
        if kind is not None and d.get("kind") != kind:
            continue
        if body is not None and d.get("body") != body:
            continue
        if in_corpus is not None and bool(d.get("in_corpus")) != in_corpus:
            continue
        out.append(n)
    return out


# --------------------------------------------------------------------------- who is cited

def most_cited(G: nx.DiGraph, n: Optional[int] = 10, by: str = "citations", kind: Optional[str] = None,
               body: Optional[str] = None, in_corpus: Optional[bool] = None) -> pd.DataFrame:
    """The most cited documents.

    ``by="cited_by"`` ranks by the number of citing documents (in-degree),
    ``by="citations"`` by reference occurrences (in-degree weighted by
    ``count``); the other measure breaks ties, then the symbol.

    >>> G = nx.DiGraph([("a", "c", {"count": 3}), ("b", "c", {"count": 1}), ("a", "b", {"count": 5})])
    >>> most_cited(G, by="citations")[["symbol", "cited_by", "citations"]].values.tolist()
    [['b', 1, 5], ['c', 2, 4]]
    """
    if by not in ("citations", "cited_by"):
        raise ValueError(f"by must be 'citations' or 'cited_by', not {by!r}")
    rows = []
    for node in _filter(G, kind, body, in_corpus):
        cited_by = G.in_degree(node)
        if cited_by == 0:
            continue
        rows.append({"symbol": node, "cited_by": cited_by, "citations": G.in_degree(node, weight="count"),
                     **_info(G, node)})
    other = "cited_by" if by == "citations" else "citations"
    rows.sort(key=lambda r: (-r[by], -r[other], _natural(r["symbol"])))
    if n is not None:
        rows = rows[:n]
    return _frame(rows, ("symbol", "cited_by", "citations", *_INFO))


def pagerank(G: nx.DiGraph, n: Optional[int] = 10, alpha: float = 0.85, weight: Optional[str] = "count",
             kind: Optional[str] = None, body: Optional[str] = None) -> pd.DataFrame:
    """PageRank over the citation graph (a document cited by much-cited documents ranks high)."""
    if G.number_of_nodes() == 0:
        return _frame([], ("symbol", "pagerank", "cited_by", "citations", *_INFO))
    pr = pagerank_scores(G, alpha=alpha, weight=weight)
    keep = set(_filter(G, kind, body, None))
    rows = [{"symbol": s, "pagerank": v, "cited_by": G.in_degree(s), "citations": G.in_degree(s, weight="count"),
             **_info(G, s)} for s, v in pr.items() if s in keep]
    rows.sort(key=lambda r: (-round(r["pagerank"], 12), _natural(r["symbol"])))
    if n is not None:
        rows = rows[:n]
    return _frame(rows, ("symbol", "pagerank", "cited_by", "citations", *_INFO))


# --------------------------------------------------------------------------- lineage

def _lineage_depths(G: nx.DiGraph, symbol: str, direction: str, max_depth: Optional[int]) -> dict[str, int]:
    if direction not in ("ancestors", "descendants"):
        raise ValueError(f"direction must be 'ancestors' or 'descendants', not {direction!r}")
    symbol = find_node(G, symbol)
    view = G if direction == "ancestors" else G.reverse(copy=False)
    return nx.single_source_shortest_path_length(view, symbol, cutoff=max_depth)


def lineage(G: nx.DiGraph, symbol: str, direction: str = "ancestors", max_depth: Optional[int] = None) -> pd.DataFrame:
    """Documents ``symbol`` rests on (``"ancestors"``: what it cites, depth 1; what
    those cite, depth 2; ...) or that rest on it (``"descendants"``), each at its
    shortest depth, sorted by depth then symbol. The document itself is not a row.

    >>> G = nx.DiGraph([("c", "b"), ("b", "a"), ("c", "a")])
    >>> lineage(G, "c")[["symbol", "depth"]].values.tolist()
    [['a', 1], ['b', 1]]
    >>> lineage(G, "a", "descendants")[["symbol", "depth"]].values.tolist()
    [['b', 1], ['c', 1]]
    """
    depths = _lineage_depths(G, symbol, direction, max_depth)
    start = find_node(G, symbol)
    rows = [{"symbol": s, "depth": d, **_info(G, s), "date": G.nodes[s].get("date", "")}
            for s, d in depths.items() if s != start]
    rows.sort(key=lambda r: (r["depth"], _natural(r["symbol"])))
    return _frame(rows, ("symbol", "depth", *_INFO, "date"))


def lineage_graph(G: nx.DiGraph, symbol: str, direction: str = "ancestors", max_depth: Optional[int] = None) -> nx.DiGraph:
    """The subgraph of ``symbol`` and its :func:`lineage`, with a ``depth`` node attribute (a copy)."""
    depths = _lineage_depths(G, symbol, direction, max_depth)
    H = G.subgraph(depths).copy()
    nx.set_node_attributes(H, depths, "depth")
    return H


# --------------------------------------------------------------------------- series

@lru_cache(maxsize=65536)
def _norm_title(t: Optional[str]) -> str:
    """A title as series are matched by it (case, quotes, a leading "on"/"the" and spaces dropped); kept,
    as each title is asked for several times (once indexed, once per node that starts a series)."""
    if not t:
        return ""
    t = unicodedata.normalize("NFKC", t).lower()
    t = re.sub(r"^(?:on|entitled)\s+", "", t.strip())
    t = re.sub(r"[\"'“”‘’«».,;:()]", " ", t)
    t = re.sub(r"^the\s+", "", t.strip())
    return re.sub(r"\s+", " ", t).strip()


def _series_key(d: dict) -> tuple:
    s = d.get("session") or ""
    return (int(s) if s.isdigit() else 0, d.get("year") or 0, d.get("date") or "")


def series(G: nx.DiGraph, symbol: str) -> pd.DataFrame:
    """The resolution series ``symbol`` belongs to: the same resolution adopted session after session.

    Members are documents of the same kind and body as ``symbol`` that

    * have the same title or subject (normalised: case, quotes, a leading "on"/"the"), or
    * are cited in a footnote of the paragraph where a member cites another
      member ("*Recalling* its resolution 78/132 ... as well as previous
      resolutions on the issue,¹" with footnote 1 listing 56/183 ... 77/150).

    Rows are in session (or year, then date) order; ``how`` says why each
    row is a member (``self``, ``title``, ``footnote``) and ``cites_previous``
    whether it cites the row before it.
    """
    start = find_node(G, symbol)
    how = _series_members(G, start, _title_index(G, [start]))
    members = sorted(how, key=lambda n: (_series_key(G.nodes[n]), _natural(n)))
    rows = []
    for i, n in enumerate(members):
        d = G.nodes[n]
        rows.append({"symbol": n, "session": d.get("session", ""), "year": d.get("year"), "date": d.get("date", ""),
                     "title": d.get("title") or d.get("subject") or "", "in_corpus": d.get("in_corpus"),
                     "how": how[n], "cites_previous": bool(i and G.has_edge(n, members[i - 1]))})
    return _frame(rows, ("symbol", "session", "year", "date", "title", "in_corpus", "how", "cites_previous"))


def series_predecessors(G: nx.DiGraph, nodes: Optional[Iterable[str]] = None) -> dict[str, str]:
    """For each node of ``nodes`` (default: every document in the corpus), the member of its
    :func:`series` just before it, when it has one: ``{"A/RES/79/194": "A/RES/78/132", ...}``.

    The same rule as :func:`series`, with the titles indexed once for all the nodes (one call of
    :func:`series` per document would read every node's title each time).
    """
    if nodes is None:
        nodes = [n for n, d in G.nodes(data=True) if d.get("in_corpus")]
    nodes = list(nodes)
    index = _title_index(G, nodes)
    out: dict[str, str] = {}
    # the members of a titled node's series start from its title's nodes, the same for each of them,
    # so they are found once per title (the footnotes followed from there add the same members)
    by_title: dict[tuple, list[str]] = {}
    for start in nodes:
        sd = G.nodes[start]
        key = _series_title(sd)
        title = (sd.get("kind"), sd.get("body"), key) if key else None
        members = by_title.get(title) if title else None
        if members is None:
            how = _series_members(G, start, index)
            members = sorted(how, key=lambda n: (_series_key(G.nodes[n]), _natural(n)))
            if title:
                by_title[title] = members
        if len(members) < 2:
            continue
        i = members.index(start)
        if i:
            out[start] = members[i - 1]
    return out


def _series_title(d: dict) -> str:
    return _norm_title(d.get("title")) or _norm_title(d.get("subject"))


def _title_index(G: nx.DiGraph, starts: Iterable[str]) -> dict[tuple, list[str]]:
    """(kind, body, normalised title or subject) -> nodes, for the keys of ``starts``."""
    wanted = {(G.nodes[s].get("kind"), G.nodes[s].get("body")) for s in starts}
    index: dict[tuple, list[str]] = {}
    for n, d in G.nodes(data=True):
        kb = (d.get("kind"), d.get("body"))
        if kb not in wanted:
            continue
        for t in {_norm_title(d.get("title")), _norm_title(d.get("subject"))} - {""}:
            index.setdefault((*kb, t), []).append(n)
    return index


def _series_members(G: nx.DiGraph, start: str, index: dict[tuple, list[str]]) -> dict[str, str]:
    """The members of ``start``'s series -> how each is one (``self``, ``title``, ``footnote``)."""
    sd = G.nodes[start]
    kind, body = sd.get("kind"), sd.get("body")
    key = _series_title(sd)
    how: dict[str, str] = {start: "self"}
    if key:
        for n in index.get((kind, body, key), ()):
            if n not in how:
                how[n] = "title"
    changed = True
    while changed:
        changed = False
        for m in sorted(how, key=_natural):
            paras = set()
            for t in G.successors(m):
                if t in how:
                    paras.update(p for p in split(G.edges[m, t].get("places", "")) if " fn" not in p)
            if not paras:
                continue
            for t in G.successors(m):
                if t in how:
                    continue
                d = G.nodes[t]
                if d.get("kind") != kind or d.get("body") != body:
                    continue
                places = split(G.edges[m, t].get("places", ""))
                if any(" fn" in p and p.split(" fn")[0] in paras for p in places):
                    how[t] = "footnote"
                    changed = True
    return how


# --------------------------------------------------------------------------- paths

def citation_path(G: nx.DiGraph, a: str, b: str, directed: bool = True) -> pd.DataFrame:
    """The shortest chain of citations from ``a`` to ``b``: one row per step
    (``citing`` -> ``cited``, with the edge's paragraphs and first sentence).

    With ``directed=False`` citations may be followed either way (``citing`` is
    then the document that cites in that step).

    >>> G = nx.DiGraph([("c", "b", {"paragraphs": "pp1"}), ("b", "a", {"paragraphs": "op2"})])
    >>> citation_path(G, "c", "a")[["step", "citing", "cited", "paragraphs"]].values.tolist()
    [[1, 'c', 'b', 'pp1'], [2, 'b', 'a', 'op2']]
    """
    a, b = find_node(G, a), find_node(G, b)
    view = G if directed else G.to_undirected(as_view=True)
    try:
        nodes = nx.shortest_path(view, a, b)
    except nx.NetworkXNoPath as err:
        how = "citations" if directed else "citations either way"
        raise NoCitationPath(f"no chain of {how} from {a} to {b}") from err
    rows = []
    for i, (u, v) in enumerate(zip(nodes, nodes[1:]), 1):
        citing, cited = (u, v) if G.has_edge(u, v) else (v, u)
        e = G.edges[citing, cited]
        rows.append({"step": i, "citing": citing, "cited": cited, "paragraphs": e.get("paragraphs", ""),
                     "count": e.get("count", 1), "sentence": e.get("sentence", "")})
    return pd.DataFrame(rows, columns=["step", "citing", "cited", "paragraphs", "count", "sentence"])


# --------------------------------------------------------------------------- pairs

def _pairs(groups: Iterable[list[str]], symbol: Optional[str]) -> Counter:
    c: Counter = Counter()
    for g in groups:
        g = sorted(set(g), key=_natural)
        if symbol is not None:
            if symbol in g:
                c.update((symbol, o) for o in g if o != symbol)
        else:
            c.update(itertools.combinations(g, 2))
    return c


def _pairs_frame(c: Counter, col: str, min_count: int, n: Optional[int]) -> pd.DataFrame:
    rows = [{"a": a, "b": b, col: k} for (a, b), k in c.items() if k >= min_count]
    rows.sort(key=lambda r: (-r[col], _natural(r["a"]), _natural(r["b"])))
    if n is not None:
        rows = rows[:n]
    return pd.DataFrame(rows, columns=["a", "b", col])


def co_citation(G: nx.DiGraph, symbol: Optional[str] = None, min_count: int = 1, n: Optional[int] = None) -> pd.DataFrame:
    """Pairs of documents cited together: ``cocited`` is the number of documents citing both.

    With ``symbol``, only pairs with it (``a`` is then ``symbol``).

    >>> G = nx.DiGraph([("x", "a"), ("x", "b"), ("y", "a"), ("y", "b"), ("y", "c")])
    >>> co_citation(G).values.tolist()
    [['a', 'b', 2], ['a', 'c', 1], ['b', 'c', 1]]
    """
    s = find_node(G, symbol) if symbol is not None else None
    citing = G.predecessors(s) if s is not None else G.nodes
    groups = (list(G.successors(u)) for u in citing)
    return _pairs_frame(_pairs(groups, s), "cocited", min_count, n)


def bibliographic_coupling(G: nx.DiGraph, symbol: Optional[str] = None, min_count: int = 1,
                           n: Optional[int] = None) -> pd.DataFrame:
    """Pairs of documents that cite alike: ``shared`` is the number of documents both cite.

    >>> G = nx.DiGraph([("x", "a"), ("x", "b"), ("y", "a"), ("y", "b"), ("z", "b")])
    >>> bibliographic_coupling(G).values.tolist()
    [['x', 'y', 2], ['x', 'z', 1], ['y', 'z', 1]]
    """
    s = find_node(G, symbol) if symbol is not None else None
    cited = G.successors(s) if s is not None else G.nodes
    groups = (list(G.predecessors(v)) for v in cited)
    return _pairs_frame(_pairs(groups, s), "shared", min_count, n)


# --------------------------------------------------------------------------- communities, counts

def communities(G: nx.DiGraph, seed: int = 42, resolution: float = 1.0, weight: str = "count") -> pd.DataFrame:
    """Leiden communities (modularity; igraph) of the undirected citation graph (edge weight ``count``,
    both directions summed), with a fixed ``seed`` so the answer repeats.

    Community 0 is the largest; ties go to the community with the smallest symbol.
    """
    of = community_of(G, seed=seed, resolution=resolution, weight=weight)  # graph.measures: the build's numbers
    members: dict[int, list] = {}
    for node, c in of.items():
        members.setdefault(c, []).append(node)
    rows = [{"symbol": s, "community": i, "size": len(members[i]), **_info(G, s)}
            for i in sorted(members) for s in sorted(members[i], key=_natural)]
    return _frame(rows, ("symbol", "community", "size", *_INFO))


def citations_by_year_and_body(G: nx.DiGraph) -> pd.DataFrame:
    """Citations per year of the citing document and body of the cited one:
    ``citations`` (reference occurrences) and ``edges`` (citing-cited pairs).
    Citing documents of unknown year are left out.

    Pivot it for a table: ``df.pivot(index="year", columns="body", values="citations")``.
    """
    c: Counter = Counter()
    e: Counter = Counter()
    for u, v, d in G.edges(data=True):
        y = G.nodes[u].get("year")
        if not isinstance(y, int):
            continue
        body = G.nodes[v].get("body", "")
        c[(y, body)] += d.get("count", 1)
        e[(y, body)] += 1
    rows = [{"year": y, "body": b, "citations": c[(y, b)], "edges": e[(y, b)]} for (y, b) in sorted(c)]
    return _frame(rows, ("year", "body", "citations", "edges"))


def ego_graph(G: nx.DiGraph, symbol: str, radius: int = 1, max_nodes: Optional[int] = None) -> nx.DiGraph:
    """``symbol`` and the documents within ``radius`` citations of it, either way (a copy).

    With ``max_nodes``, the nearest and then most cited neighbours are kept.
    """
    center = find_node(G, symbol)
    dist = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center, cutoff=radius)
    keep = sorted(dist, key=lambda n: (dist[n], -G.in_degree(n, weight="count"), _natural(n)))
    if max_nodes is not None:
        keep = keep[:max_nodes]
    return G.subgraph(keep).copy()



def plot_lineage(G: nx.DiGraph, symbol: str, direction: str = "ancestors", max_depth: Optional[int] = 2,
                 ax=None, labels: int = 12):
    """Draw :func:`lineage` with matplotlib: one dot per document at (year, depth), coloured by
    body as the explorer colours it (:func:`graph.colours.body_colours`), on integer axes (whole
    years, whole depths); only the ``labels`` most cited documents are labelled, their labels set
    apart so that they do not overlap. Documents of unknown year are counted in the title, not
    drawn. Returns the Axes.
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator


    df = lineage(G, symbol, direction, max_depth)
    start = find_node(G, symbol)
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 4 + (max_depth or 3)))
    known = df.dropna(subset=["year"]).copy()
    known["year"] = known["year"].astype(int)
    colours = _graph_colours(G)
    for body, part in known.groupby("body", sort=True):
        ax.scatter(part["year"], part["depth"], label=body, s=30, alpha=0.75, color=colours[body or "unknown"])
    cited = {n: G.in_degree(n) for n in known["symbol"]}
    top = sorted(known.itertuples(), key=lambda r: (-cited[r.symbol], _natural(r.symbol)))[:labels]
    notes = [ax.annotate(r.symbol, (r.year, r.depth), fontsize=7, xytext=(4, 4), textcoords="offset points",
                         arrowprops={"arrowstyle": "-", "lw": 0.4, "color": "0.5"})
             for r in sorted(top, key=lambda r: (r.depth, r.year, _natural(r.symbol)))]
    y0 = G.nodes[start].get("year")
    if isinstance(y0, int):
        ax.scatter([y0], [0], marker="*", s=200, color="black", label=start)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.invert_yaxis()
    ax.set_xlabel("year")
    ax.set_ylabel("citation depth")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    ax.margins(y=0.25)
    shown = _set_apart(ax, notes)
    ax.set_title(f"{direction} of {start}: {len(df)} documents ({len(df) - len(known)} of unknown year not shown; "
                 f"{shown} of the most cited labelled)")
    return ax


def _graph_colours(G: nx.DiGraph) -> dict[str, str]:
    """Body -> colour over every body of ``G``, as the explorer's page and GEXF colour them."""
    return body_colours({d.get("body") or "unknown" for _, d in G.nodes(data=True)})


def _set_apart(ax, notes: list) -> int:
    """Place each label just above or below its dot, on the first of a few lines where its box
    overlaps no label placed before it and stays inside the axes; a label with no such line is
    dropped (never drawn over another). Returns how many labels remain."""
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    placed = []
    for note in notes:
        for dy in (4, 14, 24, -12, -22, -32):
            note.xyann = (4, dy)
            box = note.get_window_extent(renderer)
            if inside.contains(box.x0, box.y0) and inside.contains(box.x1, box.y1) \
                    and not any(box.overlaps(b) for b in placed):
                placed.append(box)
                break
        else:
            note.remove()
    return len(placed)


def plot_citations_by_year(G: nx.DiGraph, ax=None, bodies: int = 6):
    """Citations per year of the citing document (:func:`citations_by_year_and_body`) as stacked
    bars, one colour per cited body as the explorer colours it (the ``bodies`` most cited; the
    rest as "other"), on an integer year axis. Returns the Axes."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator


    df = citations_by_year_and_body(G)
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 4))
    if df.empty:
        ax.set_title("no dated citations")
        return ax
    main = df.groupby("body")["citations"].sum().sort_values(ascending=False).index[:bodies].tolist()
    df["body"] = df["body"].where(df["body"].isin(main), "other")
    table = df.pivot_table(index="year", columns="body", values="citations", aggfunc="sum", fill_value=0)
    colours = _graph_colours(G)
    bottom = None
    for body in [*main, "other"]:
        if body not in table:
            continue
        ax.bar(table.index, table[body], bottom=bottom, label=body, color=colours.get(body, "#cccccc"), width=0.85)
        bottom = table[body] if bottom is None else bottom + table[body]
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("year of the citing document")
    ax.set_ylabel("citations")
    ax.legend(fontsize=7, title="cited body", title_fontsize=7)
    return ax


def community_members(G: nx.DiGraph, n: Optional[int] = 10, members: int = 5, seed: int = 42) -> pd.DataFrame:
    """The communities (:func:`communities`, the build's ``community`` numbers) with their members:
    one row per member, the ``members`` most cited of each of the ``n`` largest communities, with
    ``community``, ``size``, ``symbol``, ``title`` (or subject), ``kind``, ``body``, ``year`` and
    ``cited_by``."""
    df = communities(G, seed=seed)
    if df.empty:
        return _frame([], ("community", "size", "symbol", "title", "kind", "body", "year", "cited_by"))
    df["cited_by"] = [G.in_degree(s) for s in df["symbol"]]
    keep = sorted(df["community"].unique())[:n] if n is not None else sorted(df["community"].unique())
    rows = []
    for c in keep:
        part = df[df["community"] == c].sort_values(["cited_by", "symbol"], ascending=[False, True],
                                                    key=lambda col: col if col.name == "cited_by" else col.map(_natural))
        for r in part.head(members).itertuples():
            rows.append({"community": c, "size": r.size, "symbol": r.symbol, "title": r.title or "", "kind": r.kind,
                         "body": r.body, "year": r.year, "cited_by": r.cited_by})
    return _frame(rows, ("community", "size", "symbol", "title", "kind", "body", "year", "cited_by"))