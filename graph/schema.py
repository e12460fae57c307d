"""The names of the citation graph's data, in one place: attributes, list separator, columns.

What :func:`graph.build.build_graph` puts on nodes, edges and the graph, and the columns of
every table written or returned (``nodes.csv``, ``edges.csv``, ``references.csv``,
``extract --format jsonl``, :func:`graph.analysis.nodes_frame` and ``edges_frame``). A
writer, reader or frame takes its names from here; a new attribute is added here first,
with its type and meaning, and ``tests/test_schema.py`` checks that the graph and the
tables keep to it.

* :data:`NODE_ATTRIBUTES`, :data:`EDGE_ATTRIBUTES`, :data:`GRAPH_ATTRIBUTES` - each an
  :class:`Attribute` (name, type, meaning, whether every node has it, whether it is a list
  joined with :data:`SEP`), in table-column order;
* :data:`NODE_COLUMNS`, :data:`EDGE_COLUMNS`, :data:`DEGREE_COLUMNS`,
  :data:`NODES_CSV_COLUMNS` - the node and edge tables;
* :data:`REFERENCE_FIELDS`, :data:`REFERENCE_COLUMNS`, :data:`JSONL_FIELDS` - the
  references table and the JSON lines of ``citegraph extract``;
* :data:`SEP`, :func:`join`, :func:`split` - list values as one scalar string, so that
  every attribute is a scalar and GraphML, GEXF and JSON hold exactly what is in memory.

Every attribute value is a ``str``, ``int``, ``float`` or ``bool``: a string attribute is ``""``
when unknown; ``year``, ``session_number``, ``x`` and ``y`` are the attributes a node may lack
(nothing dates it; no regular session; not drawn in the explorer's overview).

Not here: what the values mean for one document (the rules are in :mod:`graph.build`).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterable, Optional

from ingest import Reference

__all__ = [
    "SEP",
    "join",
    "split",
    "Attribute",
    "NODE_ATTRIBUTES",
    "EDGE_ATTRIBUTES",
    "GRAPH_ATTRIBUTES",
    "NODE_COLUMNS",
    "EDGE_COLUMNS",
    "DEGREE_COLUMNS",
    "NODES_CSV_COLUMNS",
    "REFERENCE_FIELDS",
    "REFERENCE_COLUMNS",
    "JSONL_FIELDS",
    "DATE_COLUMNS",
    "column_types",
    "arrow_schema",
]

#: Separator of the values of a list attribute (``relations``, ``paragraphs``, ``aliases`` ...).
SEP = " | "


def join(values: Iterable[Optional[str]]) -> str:
    """Distinct non-empty values in order of first appearance, joined with :data:`SEP`.

    >>> join(["pp1", "op3", "", "pp1", None])
    'pp1 | op3'
    """
    seen: dict[str, None] = {}
    for v in values:
        if v:
            seen.setdefault(v, None)
    return SEP.join(seen)


def split(value: str) -> list[str]:
    """The values of a list attribute: ``"pp1 | op3"`` -> ``["pp1", "op3"]``, ``""`` -> ``[]``."""
    return value.split(SEP) if value else []


@dataclass(frozen=True)
class Attribute:
    """One attribute of the graph's nodes, edges or graph.

    ``type`` is the Python type of every value (``str``, ``int``, ``float`` or ``bool``); ``always``
    is False for an attribute set only when known; ``joined`` marks a list joined with
    :data:`SEP` (read it with :func:`split`); ``measure`` marks what is computed over the whole
    graph after :func:`graph.build.build_graph` (:func:`graph.measures.add_measures`, the explorer's
    layout), not by it.
    """

    name: str
    type: type
    meaning: str
    always: bool = True
    joined: bool = False
    measure: bool = False


#: Node attributes, in the order of the node tables' columns.
NODE_ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute("label", str, "what to show: the symbol, or the named instrument's key"),
    Attribute("kind", str, "resolution, decision, presidential statement, report, letter, note, agenda, "
                           "declaration, document, instrument, ...; never empty"),
    Attribute("body", str, "General Assembly, Security Council, Economic and Social Council, Human Rights "
                           "Council, ...; 'United Nations' when nothing says more; never empty"),
    Attribute("session", str, "the session the symbol or the document's session line gives ('79', 'ES-10')"),
    Attribute("session_number", int, "the session as a number, for a regular session ('79' -> 79; none for "
                                     "'S-23' or 'ES-10')", always=False),
    Attribute("year", int, "from the date, else the year the symbol writes (S/RES/2720(2023)) or its session "
                           "opened (A/RES/79/194: 2024; an emergency special session's, which meets over years: "
                           "A/ES-10/L.20/Rev.1 1997; ingest.symbol_year), else the year its session met as "
                           "its masthead prints (ECE/TRANS/224: 'Geneva, 28 February–1 March 2012'); absent "
                           "when nothing dates the node",
              always=False),
    Attribute("date", str, "ISO yyyy-mm-dd; for a node only cited, what the citing texts say most often"),
    Attribute("title", str, "the document's title; for a node only cited, what the citing texts say most often"),
    Attribute("title_source", str, "where the title came from: 'printed' (the document's own title), 'agenda item' "
                                   "(the agenda item it prints as its title), 'inferred' (a Security Council "
                                   "resolution's item found from its words, not printed in it), 'cited' (what the "
                                   "citing texts call it); '' when there is no title"),
    Attribute("subject", str, "what the citing texts say it is about ('on information and communications ...')"),
    Attribute("in_corpus", bool, "True for a document read, False for one only cited (a stub)"),
    Attribute("file", str, "the file the document was read from, relative to the build's input ('' for a stub)"),
    Attribute("language", str, "the languages of the versions read, ISO 639-1 codes from the file name's suffix or "
                               "the text, the one whose text was used first ('en', 'en | fr'); '' for a stub",
              joined=True),
    Attribute("url", str, "https://undocs.org/en/SYMBOL, or a UN Digital Library search for a named instrument"),
    Attribute("aliases", str, "other symbols of the same document (the parts of a joint symbol)", joined=True),
    # measures (graph.measures.add_measures: every build sets them)
    Attribute("cited_by", int, "citing documents (in-degree)", measure=True),
    Attribute("citations", int, "reference occurrences citing it (in-degree weighted by count)", measure=True),
    Attribute("cites", int, "documents it cites (out-degree)", measure=True),
    Attribute("pagerank", float, "PageRank (damping 0.85, weight count; the values add up to 1)", measure=True),
    Attribute("community", int, "Leiden community, modularity (0 the largest; fixed seed)", measure=True),
    # the explorer's overview layout (graph.explorer.add_layout): nodes the overview draws
    Attribute("x", float, "x of the explorer's overview layout (also GEXF viz:position)", always=False, measure=True),
    Attribute("y", float, "y of the explorer's overview layout, downwards as on screen", always=False, measure=True),
)

#: Edge attributes (citing -> cited), in the order of the edge tables' columns.
EDGE_ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute("count", int, "reference occurrences from the citing to the cited document"),
    Attribute("relations", str, "the normalised relations (recall, reaffirm, take note ...: ingest's vocabulary, "
                                "ingest/data/relations.toml), distinct, in the vocabulary's order", joined=True),
    Attribute("verbs", str, "the citing words as written ('Recalling also', 'reaffirms'), in order of first "
                            "appearance", joined=True),
    Attribute("paragraphs", str, "paragraphs the references stand in (pp1, op3, p12, header)", joined=True),
    Attribute("places", str, "paragraphs and footnotes ('pp1 fn1': footnote 1 of paragraph pp1)", joined=True),
    Attribute("pinpoints", str, "the parts cited (para. 71, annex, B)", joined=True),
    Attribute("kinds", str, "explicit (a symbol or number) and/or named (an instrument's name)", joined=True),
    Attribute("later", bool, "the cited document is dated after the citing one (usually a misread: flagged)"),
    Attribute("sentence", str, "the paragraph sentence that cites (the first citation); for a citation in a "
                               "footnote, the paragraph's sentence that carries the footnote mark, the mark written in"),
    Attribute("footnote", str, "for a citation in a footnote, the footnote's own citing sentence ('Resolution "
                               "70/125.'); else empty"),
    Attribute("surface", str, "the words as written there"),
)

#: Attributes of the graph itself (``G.graph``).
GRAPH_ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute("name", str, "'citegraph'"),
    Attribute("self_references", int, "references of a document to itself, not drawn as edges"),
    Attribute("duplicate_documents", int, "files holding a document already read (the first file wins)"),
)

#: Columns of :func:`graph.analysis.nodes_frame` (``symbol`` is the node key) before the degrees.
NODE_COLUMNS: tuple[str, ...] = ("symbol", *(a.name for a in NODE_ATTRIBUTES))
#: Columns of the edge tables (``edges.csv``, :func:`graph.analysis.edges_frame`).
EDGE_COLUMNS: tuple[str, ...] = ("source", "target", *(a.name for a in EDGE_ATTRIBUTES))
#: Counted columns of the node tables: citing documents (in-degree), reference occurrences
#: (in-degree weighted by ``count``), documents cited (out-degree).
DEGREE_COLUMNS: tuple[str, ...] = ("cited_by", "citations", "cites")
#: Columns of ``nodes.csv`` and ``nodes.parquet`` (the node key is ``id``, as graph readers expect).
NODES_CSV_COLUMNS: tuple[str, ...] = ("id", *NODE_COLUMNS[1:])

#: Fields of :class:`ingest.Reference`, in order.
REFERENCE_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Reference))
#: Columns of ``references.csv``: every field of a reference but its other symbols
#: (``target_aliases``, which the graph keeps as the node's ``aliases``).
REFERENCE_COLUMNS: tuple[str, ...] = tuple(f for f in REFERENCE_FIELDS if f != "target_aliases")
#: Keys of ``citegraph extract --format jsonl``, in order: the file first, then the citation, the
#: words as written and what the text says of the target. The scorers in ``../shared/eval`` read
#: these; the citing sentence is left out (it is in ``references.csv``).
JSONL_FIELDS: tuple[str, ...] = ("file", "source", "target", "kind", "paragraph", "footnote", "pinpoint",
                                 "pinpoint_written", "relation", "verb", "surface", "start", "end", "target_body", "target_type",
                                 "target_date", "target_subject", "target_title", "evidence")


# --------------------------------------------------------------------------- typed tables (Parquet)

#: Columns that hold an ISO date (yyyy-mm-dd) as text in the graph and as a date in typed tables.
DATE_COLUMNS: frozenset[str] = frozenset({"date", "target_date"})

_REFERENCE_TYPES = {f.name: f.type for f in dataclasses.fields(Reference)}


def column_types(table: str) -> dict[str, str]:
    """Column -> type of a typed table (``nodes``, ``edges`` or ``references``): ``string``,
    ``int64``, ``float64``, ``bool``, ``date`` (an ISO date, null when unknown), ``list<string>``
    (a joined list attribute, :func:`split`). An attribute a node may lack (``always=False``)
    and a string that may be empty are nullable; the order is the CSV files' order.

    >>> column_types("nodes")["year"], column_types("nodes")["date"], column_types("edges")["relations"]
    ('int64', 'date', 'list<string>')
    """
    names = {bool: "bool", int: "int64", float: "float64", str: "string"}
    if table in ("nodes", "edges"):
        attrs = {a.name: a for a in (NODE_ATTRIBUTES if table == "nodes" else EDGE_ATTRIBUTES)}
        keys = ("id",) if table == "nodes" else ("source", "target")
        out = {k: "string" for k in keys}
        for name, a in attrs.items():
            out[name] = "list<string>" if a.joined else "date" if name in DATE_COLUMNS else names[a.type]
        return out
    if table == "references":
        return {c: "date" if c in DATE_COLUMNS else "int64" if _REFERENCE_TYPES[c] == "int" else "string"
                for c in REFERENCE_COLUMNS}
    raise ValueError(f"no table {table!r}: nodes, edges or references")


def arrow_schema(table: str):
    """The :class:`pyarrow.Schema` of ``table`` (:func:`column_types`); pyarrow is loaded here only."""
    import pyarrow as pa  # only the typed tables need it

    kinds = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32(), "list<string>": pa.list_(pa.string())}
    return pa.schema([pa.field(c, kinds[t]) for c, t in column_types(table).items()])
