"""Write the citation graph to files: GraphML, GEXF, node-link JSON, CSV, an HTML page.

I/O at the edge. Two promises hold for every writer here:

* **Atomic**: each file is written through :func:`graph.files.atomic_write` (a
  temporary file in the same folder, moved over the target with :func:`os.replace`),
  so an interrupted build never leaves half a file.
* **Deterministic**: the same graph gives byte-identical files (nodes and
  edges in graph order, attributes in a fixed order, no timestamps: GEXF's
  ``lastmodifieddate`` is the newest document date in the graph).

GraphML holds scalar attributes only (the graph of :mod:`graph.build` has no
others) and reads back the same in NetworkX (:func:`read_graphml`) and
igraph (``igraph.Graph.Read_GraphML``). GEXF is for Gephi and adds a
``weight`` (= ``count``) to each edge. ``graph.json`` is NetworkX node-link
data (``edges`` key) and is what the CLI's ``show``/``top``/``path`` load.

Each writer is a serialiser (``*_bytes``, ``*_csv``: graph -> bytes) plus one call of
:func:`graph.files.atomic_write`, or, for the large files, a streaming writer into
:func:`graph.files.atomic_file`; the columns come from :mod:`graph.schema`. The nodes are
formatted here one at a time; the edges and references, a million rows at 100,000 documents,
are taken as Arrow tables (:func:`edge_table`, or the build's own) and made into text a column
at a time by :mod:`graph.writers`, at C speed, byte for byte what one-at-a-time formatting
gives. A new format is a new serialiser, a name in :data:`FILES` and a line in :func:`_write_one`.

Not supported: GML, Pajek, writing to streams other than files, a graph whose *nodes* do not
fit in memory (the edges and references are streamed).
"""
from __future__ import annotations

import csv
import datetime as _dt
import html
import io
import json
import math
import os
import pathlib
import re
import sys
from typing import Iterable, Optional, Sequence, Union

import networkx as nx
import pyarrow as pa
import pyarrow.compute as pc
from networkx.readwrite.gexf import GEXFWriter
from tqdm import tqdm

from ingest import Reference

from . import writers
from .colours import body_colours
from .explorer import render_explorer, write_explorer
from .clean import clean_reference, csv_cell
from .files import atomic_file, atomic_write
from .memory import give_back
from .clean import clean_text
from .schema import SEP, EDGE_COLUMNS, NODE_COLUMNS, NODES_CSV_COLUMNS, REFERENCE_COLUMNS, arrow_schema, column_types, split

__all__ = [
    "FILES",
    "edge_table",
    "graphml_bytes",
    "graphml_bytes_nx",
    "graphml_ids",
    "gexf_bytes",
    "gexf_bytes_nx",
    "gexf_viz",
    "GEXF_NS",
    "GEXF_VIZ_NS",
    "json_bytes",
    "nodes_csv",
    "edges_csv",
    "references_csv",
    "nodes_parquet",
    "edges_parquet",
    "references_parquet",
    "ego_html",
    "inline_html",
    "write_graphml",
    "write_gexf",
    "write_json",
    "write_html",
    "write_all",
    "read_json",
    "read_graphml",
]

PathLike = Union[str, os.PathLike]

#: What :func:`write_all` writes, in order.
FILES = ("graph.graphml", "graph.gexf", "graph.json", "nodes.csv", "edges.csv", "references.csv", "nodes.parquet",
         "edges.parquet", "references.parquet", "graph.html")



# --------------------------------------------------------------------------- serialisers (pure)

_XML_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))


def _xml_type(value, what: str) -> str:
    for t, name in _XML_TYPES:
        if isinstance(value, t):
            return name
    raise nx.NetworkXError(f"{what} is a {type(value).__name__}, not a scalar (str, int, float, bool)")


def _xml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


_ATTR_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                           "\t": "&#9;"})
_TEXT_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _xml_text(value) -> str:
    """:func:`_xml_value` escaped as element text (a string, the usual case, straight through)."""
    return (value if type(value) is str else _xml_value(value)).translate(_TEXT_ESC)


def _xml_attr(value) -> str:
    """:func:`_xml_value` escaped as an attribute value."""
    return (value if type(value) is str else _xml_value(value)).translate(_ATTR_ESC)


def _keys(items, what: str) -> dict[str, str]:
    """Attribute name -> XML type, in order of first appearance; one type per name."""
    keys: dict[str, str] = {}
    seen: set = set()  # (name, Python type) pairs checked already: each is checked once
    for ident, d in items:
        for kt in zip(d, map(type, d.values())):
            if kt in seen:
                continue
            k, v = kt[0], d[kt[0]]
            t = _xml_type(v, f"{what} attribute {k!r} of {ident!r}")
            if keys.setdefault(k, t) != t:
                raise nx.NetworkXError(f"{what} attribute {k!r} is {keys[k]} and {t} ({ident!r})")
            seen.add(kt)
    return keys


def graphml_ids(G: nx.Graph) -> dict:
    """Node -> its GraphML id, ``n0``, ``n1`` ... in graph order (GraphML's canonical ids).

    GraphML's schema types a node's ``id`` as ``xs:NMTOKEN``, which cannot hold ``/`` or a
    space: ``A/RES/79/194`` is not a valid id. So the file numbers the nodes, and every node's
    ``label`` holds its key (:func:`read_graphml` turns the ids back into the keys).
    """
    return {n: f"n{i}" for i, n in enumerate(G)}


def graphml_bytes(G: nx.Graph, edges: Optional[pa.Table] = None) -> bytes:
    """GraphML of ``G`` (scalar attributes only), written directly as text, valid against the
    GraphML schema: nodes are ``n0``, ``n1`` ... (:func:`graphml_ids`) with the key in ``label``.

    The same graph as :func:`graphml_bytes_nx` (NetworkX's writer) when read
    back, several times faster on a corpus graph. ``edges``: the graph's edges as a table
    (:func:`edge_table`; the build passes its own), else made from ``G``.
    """
    buf = io.BytesIO()
    _graphml(buf, G, edges)
    return buf.getvalue()


def _graphml(f, G: nx.Graph, edges: Optional[pa.Table]) -> None:
    """Stream the GraphML of ``G`` to binary file ``f`` (nodes a few thousand at a time, edges at C
    speed, :mod:`graph.writers`)."""
    directed = G.is_directed()
    edges = edge_table(G) if edges is None else edges
    gkeys = _keys([("graph", G.graph)], "graph")
    nkeys = {"label": "string", **_keys(G.nodes(data=True), "node")}
    ekeys = _table_keys(edges)
    ids: dict[tuple[str, str], str] = {}
    out = ["<?xml version='1.0' encoding='utf-8'?>\n",
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n']
    for domain, keys in (("graph", gkeys), ("node", nkeys), ("edge", ekeys)):
        for name, t in keys.items():
            ident = ids[(domain, name)] = f"d{len(ids)}"
            out.append(f'  <key id="{ident}" for="{domain}" attr.name="{name.translate(_ATTR_ESC)}" attr.type="{t}" />\n')
    out.append(f'  <graph edgedefault="{"directed" if directed else "undirected"}">\n')

    def data(domain: str, d: dict, indent: str) -> None:
        for k, v in d.items():
            out.append(f'{indent}<data key="{ids[(domain, k)]}">{_xml_value(v).translate(_TEXT_ESC)}</data>\n')

    data("graph", G.graph, "    ")
    node_id = graphml_ids(G)
    opening = {k: f'      <data key="{ids[("node", k)]}">' for k in nkeys}  # each key's tag, made once
    for i, (n, d) in enumerate(G.nodes(data=True)):
        out.append(f'    <node id="{node_id[n]}">\n')
        if "label" not in d:
            out.append(f'{opening["label"]}{str(n).translate(_TEXT_ESC)}</data>\n')
        out.extend([f'{opening[k]}{_xml_text(v)}</data>\n' for k, v in d.items()])
        out.append("    </node>\n")
        if i % _NODE_CHUNK == _NODE_CHUNK - 1:
            f.write("".join(out).encode("utf-8"))
            out = []
    f.write("".join(out).encode("utf-8"))
    index = {n: i for i, n in enumerate(G)}
    for chunk in writers.chunks(edges):
        parts = ['    <edge source="n', _node_numbers(chunk.column("source"), index), '" target="n',
                 _node_numbers(chunk.column("target"), index), '">\n']
        for name in ekeys:
            value = writers.xml_text(writers.text_of(chunk.column(name)))
            parts.append(writers.optional(value, f'      <data key="{ids[("edge", name)]}">', "</data>\n"))
        parts.append("    </edge>\n")
        writers.write_text(f, writers.concat(parts))
    f.write("  </graph>\n</graphml>\n".encode("utf-8"))


#: Nodes made into text before they are written.
_NODE_CHUNK = 4096


def _node_numbers(keys, index: dict) -> pa.Array:
    """The position of each node key in ``index`` (graph order), as text."""
    d = (keys.combine_chunks() if isinstance(keys, pa.ChunkedArray) else keys).dictionary_encode()
    numbers = pa.array([str(index[k]) for k in d.dictionary.to_pylist()], pa.string())
    return numbers.take(d.indices)


def _table_keys(edges: pa.Table) -> dict[str, str]:
    """Attribute name -> XML type of an edge table's columns (but ``source`` and ``target``) that
    hold a value somewhere, in column order."""
    return {f.name: writers.xml_type(f.type) for f in edges.schema
            if f.name not in ("source", "target") and edges.column(f.name).null_count < edges.num_rows}


def edge_table(G: nx.Graph) -> pa.Table:
    """The edges of ``G`` as a table: ``source``, ``target`` (as text), then each attribute in order
    of first appearance, typed (:class:`networkx.NetworkXError` when one attribute has two types);
    a value an edge lacks is null. What the writers take; the build passes its own
    (``graph.build.graph_tables``)."""
    keys = _keys((((u, v), d) for u, v, d in G.edges(data=True)), "edge")
    arrow = {"boolean": pa.bool_(), "long": pa.int64(), "double": pa.float64(), "string": pa.string()}
    cols = {"source": [str(u) for u, _ in G.edges()], "target": [str(v) for _, v in G.edges()]}
    for k in keys:
        cols[k] = [d.get(k) for *_, d in G.edges(data=True)]
    return pa.table({k: pa.array(v, arrow[keys[k]] if k in keys else pa.string()) for k, v in cols.items()})


def graphml_bytes_nx(G: nx.Graph) -> bytes:
    """GraphML of ``G`` by NetworkX's own writer, nodes numbered as :func:`graphml_ids`: the slow,
    obviously right version of :func:`graphml_bytes`."""
    H = nx.relabel_nodes(G, graphml_ids(G), copy=True)
    for n, d in zip(H, G):
        H.nodes[n].setdefault("label", str(d))
    buf = io.BytesIO()
    nx.write_graphml_xml(H, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _newest_date(G: nx.Graph) -> str:
    dates = [d.get("date", "") for _, d in G.nodes(data=True) if d.get("in_corpus") and len(d.get("date") or "") == 10]
    return max(dates) if dates else "1970-01-01"


_GEXF_TYPES = {"boolean": "boolean", "long": "long", "double": "double", "string": "string"}
#: GEXF 1.3 and its visualization module (gexf.net/schema.html).
GEXF_NS, GEXF_VIZ_NS = "http://gexf.net/1.3", "http://gexf.net/1.3/viz"
#: Node attributes a GEXF node carries as its label or its ``viz:position``, not as attribute values.
_GEXF_OWN = ("label", "x", "y")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def gexf_viz(G: nx.Graph) -> dict:
    """Node -> its ``viz`` for Gephi, as the explorer draws it: ``color`` (the body's colour,
    :func:`graph.colours.body_colours`, as r, g, b), ``size`` (2.2 + 1.6 √cited_by, the explorer's
    node size) and, for a node the overview draws, ``position`` (the overview layout's x and y, y
    upwards as Gephi's axis is: -y of the page's)."""
    colours = body_colours({str(d.get("body") or "unknown") for _, d in G.nodes(data=True)})
    out = {}
    for n, d in G.nodes(data=True):
        hexa = colours[str(d.get("body") or "unknown")].lstrip("#")
        cited = d["cited_by"] if "cited_by" in d else G.in_degree(n)
        viz = {"color": {"r": int(hexa[0:2], 16), "g": int(hexa[2:4], 16), "b": int(hexa[4:6], 16)},
               "size": round(2.2 + 1.6 * math.sqrt(cited), 3)}
        if "x" in d and "y" in d:
            viz["position"] = {"x": float(d["x"]), "y": -float(d["y"]), "z": 0.0}
        out[n] = viz
    return out


def gexf_bytes(G: nx.Graph, edges: Optional[pa.Table] = None) -> bytes:
    """GEXF 1.3 of ``G`` for Gephi, written directly as text.

    * node ``label`` as the GEXF label; every other node and edge attribute as an attribute value
      (``session_number``, ``year``, ``cited_by``, ``pagerank``, ``community`` numeric);
    * ``viz:color``, ``viz:size``, ``viz:position`` as the explorer draws the node (:func:`gexf_viz`);
    * a dynamic graph (``timeformat="date"``): a node dated by its adoption has that date as its
      ``start``, so Gephi's timeline shows the citation web grow; undated nodes are there throughout;
    * edge ``weight`` = ``count``; ``lastmodifieddate`` = the newest document date (no clock).

    Reads back like :func:`gexf_bytes_nx` in NetworkX; valid against GEXF 1.3
    (``tests/test_export_validity.py``). ``edges`` as for :func:`graphml_bytes`."""
    buf = io.BytesIO()
    _gexf(buf, G, edges)
    return buf.getvalue()


def _gexf(f, G: nx.Graph, edges: Optional[pa.Table]) -> None:
    """Stream the GEXF of ``G`` to binary file ``f`` (:func:`gexf_bytes`)."""
    edges = edge_table(G) if edges is None else edges
    node_attrs = ((n, {k: v for k, v in d.items() if k not in _GEXF_OWN}) for n, d in G.nodes(data=True))
    nkeys = _keys(node_attrs, "node")
    ekeys = _table_keys(edges)
    ids: dict[tuple[str, str], str] = {}
    viz = gexf_viz(G)
    name = str(G.graph.get("name", "")).translate(_ATTR_ESC)
    out = ["<?xml version='1.0' encoding='utf-8'?>\n",
           f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{GEXF_VIZ_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           f'xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd" version="1.3">\n',
           f'  <meta lastmodifieddate="{_newest_date(G)}">\n    <creator>citegraph</creator>\n'
           f'    <description>{name or "citegraph"}: citation graph of United Nations documents</description>\n'
           f'  </meta>\n',
           f'  <graph defaultedgetype="{"directed" if G.is_directed() else "undirected"}" mode="dynamic" '
           f'timeformat="date">\n']
    for domain, keys in (("node", nkeys), ("edge", ekeys)):
        out.append(f'    <attributes class="{domain}" mode="static">\n')
        for k, t in keys.items():
            ident = ids[(domain, k)] = str(len(ids))
            out.append(f'      <attribute id="{ident}" title="{k.translate(_ATTR_ESC)}" type="{_GEXF_TYPES[t]}" />\n')
        out.append("    </attributes>\n")

    opening = {k: f'          <attvalue for="{ids[("node", k)]}" value="' for k in nkeys}  # made once
    out.append("    <nodes>\n")
    for i, (n, d) in enumerate(G.nodes(data=True)):
        label = str(d.get("label", n)).translate(_ATTR_ESC)
        date = str(d.get("date") or "")
        start = f' start="{date}"' if _ISO_DATE.match(date) else ""
        out.append(f'      <node id="{str(n).translate(_ATTR_ESC)}" label="{label}"{start}>\n')
        values = [f'{opening[k]}{_xml_attr(v)}" />\n' for k, v in d.items() if k not in _GEXF_OWN]
        if values:
            out.append("        <attvalues>\n")
            out.extend(values)
            out.append("        </attvalues>\n")
        v = viz[n]
        c = v["color"]
        out.append(f'        <viz:color r="{c["r"]}" g="{c["g"]}" b="{c["b"]}" />\n')
        if "position" in v:
            p = v["position"]
            out.append(f'        <viz:position x="{p["x"]!r}" y="{p["y"]!r}" z="0.0" />\n')
        out.append(f'        <viz:size value="{v["size"]!r}" />\n')
        out.append("      </node>\n")
        if i % _NODE_CHUNK == _NODE_CHUNK - 1:
            f.write("".join(out).encode("utf-8"))
            out = []
    out.append("    </nodes>\n    <edges>\n")
    f.write("".join(out).encode("utf-8"))
    first = 0
    for chunk in writers.chunks(edges):
        n = chunk.num_rows
        count = chunk.column("count") if "count" in chunk.column_names else None
        weight = (pc.binary_join_element_wise(pc.cast(count.fill_null(1), pa.string()), ".0", "")
                  if count is not None and pa.types.is_integer(count.type)
                  else writers.text_of(pc.cast(count, pa.float64()).fill_null(1.0)) if count is not None
                  else pa.array(["1.0"] * n))
        values = [(name, writers.xml_attribute(writers.text_of(chunk.column(name)))) for name in ekeys]
        parts = ['      <edge id="', pc.cast(pa.array(range(first, first + n), pa.int64()), pa.string()),
                 '" source="', writers.xml_attribute(chunk.column("source")),
                 '" target="', writers.xml_attribute(chunk.column("target")), '" weight="', weight, '">\n']
        if values:
            some = None
            for _, v in values:
                some = pc.is_valid(v) if some is None else pc.or_(some, pc.is_valid(v))
            parts.append(pc.if_else(some, "        <attvalues>\n", ""))
            for name, v in values:
                parts.append(writers.optional(v, f'          <attvalue for="{ids[("edge", name)]}" value="', '" />\n'))
            parts.append(pc.if_else(some, "        </attvalues>\n", ""))
        parts.append("      </edge>\n")
        writers.write_text(f, writers.concat(parts))
        first += n
    f.write("    </edges>\n  </graph>\n</gexf>\n".encode("utf-8"))


def gexf_bytes_nx(G: nx.Graph) -> bytes:
    """GEXF 1.3 by NetworkX's own writer (``weight``, ``viz``, ``start`` and the fixed date as
    :func:`gexf_bytes` writes them): the slow, obviously right version to check it against."""
    H = G.copy()
    viz = gexf_viz(G)
    for n, d in H.nodes(data=True):
        for k in ("x", "y"):
            d.pop(k, None)
        d["viz"] = viz[n]
        if _ISO_DATE.match(str(d.get("date") or "")):
            d["start"] = d["date"]
    for _, _, d in H.edges(data=True):
        d["weight"] = float(d.get("count", 1))
    H.graph["mode"] = "dynamic"
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.3")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.set("lastmodifieddate", _newest_date(G))
    writer.add_graph(H)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def json_bytes(G: nx.Graph, edges: Optional[pa.Table] = None) -> bytes:
    """NetworkX node-link JSON (``nodes``/``edges``), UTF-8, one item per line: what
    ``json.dumps(nx.node_link_data(G, edges="edges"), ensure_ascii=False, indent=1)`` writes, the
    edges made at C speed. ``edges`` as for :func:`graphml_bytes`."""
    buf = io.BytesIO()
    _json(buf, G, edges)
    return buf.getvalue()


def _json(f, G: nx.Graph, edges: Optional[pa.Table]) -> None:
    """Stream the node-link JSON of ``G`` to binary file ``f`` (:func:`json_bytes`)."""
    edges = edge_table(G) if edges is None else edges
    text = _json_head(G)
    if not edges.num_rows:
        f.write((text + "\n").encode("utf-8"))
        return
    tail = '"edges": []\n}'
    assert text.endswith(tail)
    f.write((text[:-len(tail)] + '"edges": [\n').encode("utf-8"))
    names = [c for c in edges.column_names if c not in ("source", "target")] + ["source", "target"]
    for at, chunk in enumerate(writers.chunks(edges)):
        first = [at == 0] + [False] * (chunk.num_rows - 1)  # items are joined by ",\n"
        parts = [pc.if_else(pa.array(first), "  {\n", ",\n  {\n")]
        last = len(names) - 1
        for i, name in enumerate(names):
            col = chunk.column(name)
            value = writers.json_string(col) if pa.types.is_string(col.type) else writers.text_of(col)
            end = "\n" if i == last else ",\n"
            parts.append(writers.optional(value, f"   {json.dumps(name, ensure_ascii=False)}: ", end))
        parts.append("  }")
        writers.write_text(f, writers.concat(parts))
    f.write("\n ]\n}\n".encode("utf-8"))


def _json_scalar(v) -> Optional[str]:
    """``v`` as ``json.dumps(v, ensure_ascii=False)`` writes it, by the same C functions (the string
    encoder, ``int.__repr__``, ``float.__repr__``); None for a value that is not a scalar."""
    t = type(v)
    if t is str:
        return _encode_string(v)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if t is int:
        return int.__repr__(v)
    if t is float:
        return float.__repr__(v) if v == v and v not in (math.inf, -math.inf) else \
            ("NaN" if v != v else "Infinity" if v > 0 else "-Infinity")
    return None


_encode_string = json.encoder.encode_basestring  # C: what json.dumps(..., ensure_ascii=False) uses for a str


def _json_head(G: nx.Graph) -> str:
    """The node-link JSON of ``G`` with its nodes and no edges, byte for byte what ``json.dumps(...,
    ensure_ascii=False, indent=1)`` writes (that pure-Python encoder is kept for a node holding a
    value that is not a scalar); each node's values are encoded by the C encoder's functions."""
    head = json.dumps({"directed": G.is_directed(), "multigraph": G.is_multigraph(), "graph": G.graph},
                      ensure_ascii=False, indent=1)
    items = []
    for n, d in G.nodes(data=True):
        d = {**d, "id": n}
        values = [_json_scalar(v) for v in d.values()]
        if None in values or not all(type(k) is str for k in d):
            items.append(_json_node_python(d))
            continue
        items.append("  {\n" + ",\n".join([f"   {_encode_string(k)}: {v}" for k, v in zip(d, values)]) + "\n  }")
    nodes = ' "nodes": [\n' + ",\n".join(items) + "\n ]" if items else ' "nodes": []'
    return head[:-2] + ",\n" + nodes + ',\n "edges": []\n}'


def _json_node_python(d: dict) -> str:
    """One node as the indent=1 encoder writes it inside the ``nodes`` list (the pure-Python path)."""
    text = json.dumps({"nodes": [d]}, ensure_ascii=False, indent=1)
    return text[len('{\n "nodes": [\n'):-len("\n ]\n}")]


def _csv(header: Iterable[str], rows: Iterable[Iterable]) -> bytes:
    """CSV of ``rows``: each cell through :func:`graph.clean.csv_cell` (a string a spreadsheet would
    run as a formula, ``=HYPERLINK(...)``, gets a leading ``'``); None is an empty cell."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow(["" if v is None else csv_cell(v) for v in row])
    return buf.getvalue().encode("utf-8")


def nodes_csv(G: nx.DiGraph) -> bytes:
    """One row per node: ``id``, its attributes, ``cited_by``, ``citations``, ``cites``."""
    return _csv(NODES_CSV_COLUMNS, ([n, *(v for v in _node_row(G, n, d))] for n, d in G.nodes(data=True)))


def _node_row(G: nx.DiGraph, n, d: dict) -> list:
    """A node's values in the order of :data:`graph.schema.NODE_COLUMNS` (without the key); a graph
    that was not measured (:func:`graph.measures.add_measures`) gets its degrees here."""
    if "cited_by" not in d:
        d = {**d, "cited_by": G.in_degree(n), "citations": G.in_degree(n, weight="count"), "cites": G.out_degree(n)}
    return [d.get(c, "") for c in NODE_COLUMNS[1:]]


def edges_csv(G: nx.DiGraph, edges: Optional[pa.Table] = None) -> bytes:
    """One row per edge, citing ``source`` -> cited ``target`` (``edges`` as for :func:`graphml_bytes`)."""
    buf = io.BytesIO()
    _csv_table(buf, edge_table(G) if edges is None else edges, EDGE_COLUMNS)
    return buf.getvalue()


def _csv_table(f, table: pa.Table, columns: Sequence[str]) -> None:
    """Stream ``columns`` of ``table`` as CSV to binary file ``f``, as :func:`_csv` writes rows (a
    column the table lacks is empty), made at C speed."""
    f.write(_csv(columns, []))
    for chunk in writers.chunks(table):
        parts = []
        for i, name in enumerate(columns):
            if name in chunk.column_names:
                col = chunk.column(name)
                cell = writers.csv_cell(writers.text_of(col, ("True", "False")), neutralise=pa.types.is_string(col.type))
            else:
                cell = ""
            parts.extend([cell, "\n" if i == len(columns) - 1 else ","])
        writers.write_text(f, writers.concat(parts))


def _reference_rows(references) -> Iterable[list]:
    """The rows of the references table: from :class:`~ingest.Reference` objects (cleaned here), or
    from the build's references table (cleaned already, :func:`graph.build.clean_references`)."""
    if isinstance(references, pa.Table):
        table = references.select(list(REFERENCE_COLUMNS))
        for batch in table.to_batches(max_chunksize=50_000):
            yield from zip(*(col.to_pylist() for col in batch.columns))
    else:
        for r in map(clean_reference, references):
            yield [getattr(r, c) for c in REFERENCE_COLUMNS]


def references_csv(references) -> bytes:
    """One row per reference occurrence, in the order given (objects, or the build's table)."""
    if isinstance(references, pa.Table):
        buf = io.BytesIO()
        _csv_table(buf, references, REFERENCE_COLUMNS)
        return buf.getvalue()
    return _csv(REFERENCE_COLUMNS, _reference_rows(references))


# --------------------------------------------------------------------------- Parquet (typed tables)

def _typed(value, kind: str):
    """A graph value as a typed table holds it: a date for an ISO date (None for ""), a list for a
    joined list, None for a missing number; strings cleaned, never neutralised (that is CSV's)."""
    if kind == "date":
        return _dt.date.fromisoformat(value) if isinstance(value, str) and _ISO_DATE.match(value) else None
    if kind == "list<string>":
        return split(value) if isinstance(value, str) else list(value or [])
    if kind == "string":
        return None if value is None else clean_text(str(value))
    return None if value in ("", None) else value


def _parquet(table: str, rows: Iterable[Iterable]) -> bytes:
    """Parquet of ``rows`` in the columns and types of :func:`graph.schema.arrow_schema` (zstd)."""
    import pyarrow as pa  # only the typed tables need pyarrow
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    kinds = list(column_types(table).values())
    columns: list[list] = [[] for _ in kinds]
    for row in rows:
        for col, kind, v in zip(columns, kinds, row):
            col.append(_typed(v, kind))
    buf = io.BytesIO()
    pq.write_table(pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema)], schema=schema),
                   buf, compression="zstd")
    return buf.getvalue()


def nodes_parquet(G: nx.DiGraph) -> bytes:
    """``nodes.parquet``: the rows of :func:`nodes_csv`, typed (dates, integers, floats, lists as lists)."""
    return _parquet("nodes", ([n, *_node_row(G, n, d)] for n, d in G.nodes(data=True)))


def edges_parquet(G: nx.DiGraph, edges: Optional[pa.Table] = None) -> bytes:
    """``edges.parquet``: the rows of :func:`edges_csv`, typed (``edges`` as for :func:`graphml_bytes`)."""
    return _parquet_table("edges", edge_table(G) if edges is None else edges)


def references_parquet(references) -> bytes:
    """``references.parquet``: the rows of :func:`references_csv`, typed."""
    if isinstance(references, pa.Table):
        return _parquet_table("references", references)
    return _parquet("references", _reference_rows(references))


def _parquet_table(name: str, table: pa.Table) -> bytes:
    """Parquet of a table's columns typed as :func:`_typed` types each value, column by column (a
    date column as dates, a joined list as a list, numbers as numbers; strings as they are: the
    build's tables are cleaned already)."""
    buf = io.BytesIO()
    _parquet_table_to(buf, name, table)
    return buf.getvalue()


def _whole(col: pa.ChunkedArray) -> pa.Array:
    """The column as one array: its one chunk as it is (``combine_chunks`` would copy it), else
    joined (Parquet's pages depend on how the rows come in chunks; one array gives the same bytes)."""
    return col.chunk(0) if col.num_chunks == 1 else col.combine_chunks()


def _parquet_table_to(out, name: str, table: pa.Table) -> None:
    """:func:`_parquet_table` written to the binary file ``out`` as it is made (the file's bytes are
    not held, then copied: at 10,000 documents the references' Parquet is 12 MB)."""
    import pyarrow.parquet as pq

    schema = arrow_schema(name)
    kinds = column_types(name)
    columns = []
    for f in schema:
        col = _whole(table.column(f.name)) if f.name in table.column_names else pa.nulls(table.num_rows)
        kind = kinds[f.name]
        if kind == "date":
            iso = pc.match_substring_regex(col.cast(pa.string()), r"^\d{4}-\d{2}-\d{2}$").fill_null(False)
            day = pc.strptime(col.cast(pa.string()), format="%Y-%m-%d", unit="s", error_is_null=True).cast(pa.date32())
            col = pc.if_else(iso, day, pa.scalar(None, pa.date32()))
        elif kind == "list<string>":
            text = col.cast(pa.string())
            parts = pc.split_pattern(text, SEP)
            col = pc.if_else(pc.equal(text, "").fill_null(True), pa.scalar([], pa.list_(pa.string())), parts)
        elif kind == "string":
            col = col.cast(pa.string())
        else:
            col = col.cast(f.type)
        columns.append(col.cast(f.type))
    pq.write_table(pa.Table.from_arrays(columns, schema=schema), out, compression="zstd")


# --------------------------------------------------------------------------- HTML

def _pick(G: nx.DiGraph, focus: Optional[str], max_nodes: Optional[int]) -> nx.DiGraph:
    if focus is not None:
        from .analysis import ego_graph  # loads pandas, which the writers do not need

        return ego_graph(G, focus, radius=1, max_nodes=max_nodes)
    if max_nodes is None or G.number_of_nodes() <= max_nodes:
        return G.copy()
    ranked = sorted(G, key=lambda n: (-G.in_degree(n, weight="count"), n))[:max_nodes]
    return G.subgraph(ranked).copy()


def ego_html(G: nx.DiGraph, focus: Optional[str] = None, max_nodes: Optional[int] = 60, depth: int = 1) -> str:
    """citegraph's explorer page (:func:`graph.explorer.render_explorer`) for ``focus`` and the
    documents it cites or that cite it (at most ``max_nodes``, nearest and most cited first), or for
    the ``max_nodes`` most cited documents without ``focus``: one self-contained HTML page, its
    scripts inlined (sigma.js and graphology from ``graph/assets``), nothing fetched, so it draws
    offline. The subgraph is laid out afresh (the whole graph's overview positions are dropped)."""
    H = _pick(G, focus, max_nodes)
    for _, d in H.nodes(data=True):
        d.pop("x", None), d.pop("y", None)
    return render_explorer(H, focus=focus, depth=depth, max_nodes=0)


def inline_html(G: nx.DiGraph, focus: Optional[str] = None, max_nodes: Optional[int] = 60, height: int = 600):
    """:func:`ego_html` in an ``IPython.display.HTML`` iframe, for a notebook cell: it draws
    without a network (no CDN), and the page's own Content-Security-Policy holds inside the frame."""
    from IPython.display import HTML  # there only in a notebook's kernel

    page = ego_html(G, focus, max_nodes)
    return HTML(f'<div class="citegraph-ego"><iframe title="citegraph explorer" srcdoc="{html.escape(page, quote=True)}" '
                f'style="width:100%;height:{height}px;border:0"></iframe></div>')


# --------------------------------------------------------------------------- writers

def write_graphml(G: nx.Graph, path: PathLike, edges: Optional[pa.Table] = None) -> pathlib.Path:
    """Stream :func:`graphml_bytes` into ``path`` (atomically)."""
    with atomic_file(path) as f:
        _graphml(f, G, edges)
    return pathlib.Path(path)


def write_gexf(G: nx.Graph, path: PathLike, edges: Optional[pa.Table] = None) -> pathlib.Path:
    """Stream :func:`gexf_bytes` into ``path`` (atomically)."""
    with atomic_file(path) as f:
        _gexf(f, G, edges)
    return pathlib.Path(path)


def write_json(G: nx.Graph, path: PathLike, edges: Optional[pa.Table] = None) -> pathlib.Path:
    """Stream :func:`json_bytes` into ``path`` (atomically)."""
    with atomic_file(path) as f:
        _json(f, G, edges)
    return pathlib.Path(path)


def write_html(G: nx.DiGraph, path: PathLike, focus: Optional[str] = None, max_nodes: Optional[int] = None,
               pages: bool = False) -> pathlib.Path:
    """``graph.html``: the explorer page of :func:`graph.explorer.write_explorer` (``pages``: link
    each corpus document to its reading page in ``docs/``)."""
    write_explorer(G, pathlib.Path(path), focus=focus, max_nodes=max_nodes, pages=pages)
    return pathlib.Path(path)


def _write_one(name: str, G: nx.DiGraph, references: list, out: pathlib.Path, pages: bool = False,
               edges: Optional[pa.Table] = None) -> pathlib.Path:
    path = out / name
    if name == "graph.graphml":
        return write_graphml(G, path, edges)
    if name == "graph.gexf":
        return write_gexf(G, path, edges)
    if name == "graph.json":
        return write_json(G, path, edges)
    if name == "nodes.csv":
        return atomic_write(path, nodes_csv(G))
    if name == "edges.csv":
        with atomic_file(path) as f:
            _csv_table(f, edge_table(G) if edges is None else edges, EDGE_COLUMNS)
        return path
    if name == "references.csv":
        if isinstance(references, pa.Table):
            with atomic_file(path) as f:
                _csv_table(f, references, REFERENCE_COLUMNS)
            return path
        return atomic_write(path, references_csv(references))
    if name == "nodes.parquet":
        return atomic_write(path, nodes_parquet(G))
    if name == "edges.parquet":
        with atomic_file(path) as f:
            _parquet_table_to(f, "edges", edge_table(G) if edges is None else edges)
        return path
    if name == "references.parquet":
        if isinstance(references, pa.Table):
            with atomic_file(path) as f:
                _parquet_table_to(f, "references", references)
            return path
        return atomic_write(path, references_parquet(references))
    if name == "graph.html":
        return write_html(G, path, pages=pages)
    raise ValueError(f"unknown output file {name!r}; known: {', '.join(FILES)}")


#: The README every output folder gets (what each file is, how to read it): ``graph/data/output_README.md``,
#: the text of the project's own ``output/README.md`` (tests/test_export.py keeps them one).
OUTPUT_README = pathlib.Path(__file__).resolve().parent / "data" / "output_README.md"


def write_readme(out_dir: PathLike) -> pathlib.Path:
    """Write :data:`OUTPUT_README` into ``out_dir`` as ``README.md`` (whole, moved into place), unless the
    folder has it already as it is (a rebuild that changes nothing writes nothing). Returns its path."""
    path = pathlib.Path(out_dir) / "README.md"
    text = OUTPUT_README.read_bytes()
    try:
        if path.read_bytes() == text:
            return path
    except OSError:
        pass
    return atomic_write(path, text)


def write_all(G: nx.DiGraph, references: Iterable[Reference], out_dir: PathLike, html: bool = True,
              progress: bool = False, pages: bool = False, edges: Optional[pa.Table] = None) -> dict[str, pathlib.Path]:
    """Write every file of :data:`FILES` into ``out_dir``, one after another, and its README
    (:func:`write_readme`); returns name -> path of the files of :data:`FILES`.

    ``pages``: the reading pages are written too (``docs/``), so graph.html links to them.
    ``references``: :class:`~ingest.Reference` objects, or the build's references table;
    ``edges``: the graph's edges as a table (:func:`edge_table`; the build passes its own, which
    saves making it). Large files are streamed: each holds one chunk of text in memory at a time,
    and what a file made is handed back to the system before the next (:func:`graph.memory.give_back`).

    ``progress`` shows a tqdm bar on stderr (when stderr is a terminal).
    (Writing in forked processes was measured and did not pay on two shared
    cores: the copy-on-write of a large graph costs what it saves.)
    """
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    references = references if isinstance(references, pa.Table) else list(references)
    names = [n for n in FILES if html or n != "graph.html"]
    if edges is None and any(n in FILES for n in ("graph.graphml", "edges.csv")):
        edges = edge_table(G)
    written = {}
    for name in tqdm(names, desc="writing", unit="file", file=sys.stderr, disable=(not progress) or None, leave=False):
        written[name] = _write_one(name, G, references, out, pages, edges)
        give_back()  # each file's temporary columns and text, freed, go back to the system: they do not pile up
    write_readme(out)
    return written


# --------------------------------------------------------------------------- readers

def read_json(path: PathLike) -> nx.DiGraph:
    """The graph of a ``graph.json`` written by :func:`write_json`."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return nx.node_link_graph(data, edges="edges")


def read_graphml(path: PathLike) -> nx.DiGraph:
    """The graph of a ``graph.graphml`` written by :func:`write_graphml`, keyed by symbol again: the
    file's ids are ``n0``, ``n1`` ... and each node's ``label`` is its key (:func:`graphml_ids`)."""
    G = nx.read_graphml(path)
    for k in ("node_default", "edge_default"):  # added by the reader, not in the file's graph data
        if not G.graph.get(k):
            G.graph.pop(k, None)
    return nx.relabel_nodes(G, {n: d.get("label", n) for n, d in G.nodes(data=True)}, copy=True)

