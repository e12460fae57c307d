"""References and documents -> a NetworkX citation graph. Pure: no I/O.

The graph model
---------------
:func:`build_graph` returns a :class:`networkx.DiGraph`:

* **One node per cited or citing document**, keyed by canonical symbol
  (``A/RES/79/194``, ``S/RES/2720(2023)``) or, for an instrument without a
  symbol, by the key the extractor gives it (``Charter of the United Nations``).
  A joint symbol (``A/79/62-E/2024/3``) is one node keyed by its first symbol;
  the other symbols (from the joint spelling or a reference's
  ``target_aliases``) are listed in ``aliases`` and references to them land
  on that node.
* **Node attributes** (all scalars): ``label``, ``kind`` (resolution, decision,
  presidential statement, report, letter, document, ...; a generic "document"
  is refined by its title or first lines, :data:`KIND_LINES`), ``body`` (General
  Assembly, Security Council, Economic and Social Council, Human Rights
  Council, ...; from :func:`ingest.symbols.describe`),
  ``session`` (``"79"``, ``"ES-10"``; ``""`` when the symbol has none),
  ``year`` (int; only when known from a date or from the symbol), ``date``
  (ISO), ``title``, ``title_source`` (``printed``, ``agenda item``, ``inferred``
  as ingest says, ``cited`` for a title the citing texts give), ``subject``, ``in_corpus`` (bool), ``file``, ``url``
  (``https://undocs.org/en/SYMBOL``), ``aliases``. String attributes are
  always present (``""`` when unknown), so every node has ``kind``, ``body``
  and ``url``. A *stub* node (cited, not in the corpus) keeps what the citing
  texts say about it: the most frequent ``target_date``, ``target_title`` and
  ``target_subject``.
* **One edge per (citing, cited) pair**, pointing citing -> cited, with
  ``count`` (reference occurrences), ``relations`` (the normalised relations,
  :func:`relations_of`), ``verbs`` (the citing words as written), ``paragraphs``,
  ``places`` (``pp1``, ``pp1 fn1``), ``pinpoints``, ``kinds`` (explicit /
  named), ``sentence`` (the first citing sentence of the paragraph; for a
  citation in a footnote, the paragraph's sentence carrying the mark),
  ``footnote`` (then, the footnote's own sentence), ``surface`` (the words
  as written there) and ``later`` (True when
  the cited document is dated after the citing one: usually a misread date or
  symbol; flagged, not dropped). Lists are joined with :data:`graph.schema.SEP`.
* **Text fit for XML**: characters XML 1.0 cannot hold (NUL, form feed, ...
  from OCR) are dropped from attribute values, and lines end with ``\\n``.
* **No self-edges**: "the present resolution" (references of kind ``self``)
  and a document citing its own symbol are counted in
  ``G.graph["self_references"]``.

Every attribute's name, type and meaning is listed in :mod:`graph.schema`.

The occurrence-level detail lives in the references table (one row per
:class:`~ingest.model.Reference`), which the exports write next to the graph.
The graph holds scalars only, so what you analyse in memory is exactly what
GraphML, GEXF and node-link JSON hold.

Not supported: multigraph views (one edge per occurrence: use the
references table), symbols the extractor left uncanonical.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional
from urllib.parse import quote

import networkx as nx
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ingest import BODY_NAMES, NO_SYMBOL, RELATION_LEMMAS, SENTENCE_CHARS, Document, Reference, describe as _describe, document_key, \
    relation_lemma, session_span, session_year, symbol_session, symbol_year

from . import clean as _clean, tables
from .clean import clean_attrs, clean_reference, clean_text, symbol_url
from .schema import SEP, join

__all__ = [
    "BODIES",
    "is_symbol",
    "describe",
    "session_of",
    "year_of",
    "node_url",
    "split_joint",
    "build_graph",
    "build_graph_python",
    "graph_tables",
    "to_networkx",
    "GraphTables",
    "document_facts",
    "reference_marks",
    "node_span",
    "relations_of",
    "citing_sentence",
    "KIND_LINES",
    "EDGE_ORDER",
    "clean_references",
]

GA = BODY_NAMES["GA"]

#: Body codes and names as documents and references write them -> node body
#: names (``ingest.BODY_NAMES`` plus a few spellings).
BODIES = {
    **{code.lower(): name for code, name in BODY_NAMES.items()},
    **{name.lower(): name for name in BODY_NAMES.values()},
    "assembly": GA, "a": GA, "s": BODY_NAMES["SC"], "e": BODY_NAMES["ECOSOC"],
}

#: A canonical symbol: upper-case series letters, a slash, more. Named keys
#: ("Charter of the United Nations") contain spaces and no such prefix.
_SYMBOL = re.compile(r"^[A-Z][A-Za-z0-9.\-]*/\S+$")
_JOINT = re.compile(r"-(?=[A-Z][A-Za-z.]*/)")
_GENERIC_KINDS = {"document", ""}


def is_symbol(key: str) -> bool:
    """True for a UN document symbol, False for a named-instrument key."""
    return bool(_SYMBOL.match(key))


def describe(key: str) -> tuple[str, str]:
    """The (body, kind) of a node key: :func:`ingest.symbols.describe` for a
    symbol, ``("", "")`` for a named-instrument key (the references say more).

    >>> describe("S/PRST/2024/5")
    ('Security Council', 'presidential statement')
    >>> describe("Charter of the United Nations")
    ('', '')
    """
    if not is_symbol(key):
        return "", ""
    return _describe(key)


def session_of(symbol: str) -> str:
    """The session a GA, HRC or old ECOSOC symbol carries (``"79"``, ``"ES-10"``, ``"21"``), else ``""``:
    :func:`ingest.symbol_session`, the rule of the grammar.

    >>> session_of("A/RES/2200(XXI)"), session_of("A/HRC/RES/55/1"), session_of("S/RES/2720(2023)")
    ('21', '55', '')
    """
    return symbol_session(symbol)


_ORD_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
              "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
              "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_ORD_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
             "eightieth": 80, "ninetieth": 90}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def session_from_words(text: Optional[str]) -> str:
    """``"Seventy-ninth session"`` -> ``"79"``; special and emergency special sessions
    and anything else -> ``""``.

    >>> session_from_words("Seventy-ninth session"), session_from_words("Tenth emergency special session")
    ('79', '')
    """
    if not text:
        return ""
    m = re.match(r"^\s*([A-Za-z]+)(?:-([A-Za-z]+))?\s+session\b", text)
    if not m:
        return ""
    a, b = m.group(1).lower(), (m.group(2) or "").lower()
    if not b:
        n = _ORD_UNITS.get(a) or _ORD_TENS.get(a)
    else:
        n = _TENS[a] + _ORD_UNITS[b] if a in _TENS and b in _ORD_UNITS and _ORD_UNITS[b] < 10 else None
    return str(n) if n else ""


def year_of(symbol: str) -> Optional[int]:
    """The year a symbol gives (:func:`ingest.symbol_year`, the rules of the grammar): the year written
    in it (``S/RES/2720(2023)``, ``E/RES/2024/13``), else the year its session opened
    (``A/RES/79/194``: 2024, General Assembly session n opening in September of 1945 + n), else None.

    >>> year_of("A/RES/79/194"), year_of("S/PRST/2024/5"), year_of("A/1059")
    (2024, 2024, None)
    """
    return symbol_year(symbol)


def node_url(key: str) -> str:
    """``https://undocs.org/en/SYMBOL`` for a symbol (percent-encoded: :func:`graph.clean.symbol_url`);
    a UN Digital Library search for a named instrument.

    >>> node_url("S/RES/2720(2023)"), node_url("A/79/62#x")
    ('https://undocs.org/en/S/RES/2720(2023)', 'https://undocs.org/en/A/79/62%23x')
    """
    if is_symbol(key):
        return symbol_url(key)
    return "https://digitallibrary.un.org/search?p=" + quote(f'"{key}"')


def split_joint(symbol: str) -> list[str]:
    """``A/79/62-E/2024/3`` -> ``["A/79/62", "E/2024/3"]``; other symbols -> ``[symbol]``.

    Hyphens inside one symbol (``A/RES/ES-10/1``, ``A/RES/61/16A-B``) do not split.
    """
    if not is_symbol(symbol):
        return [symbol]
    return _JOINT.split(symbol)


def _body_name(raw: Optional[str]) -> str:
    if not raw:
        return ""
    return BODIES.get(raw.strip().lower(), raw.strip())


#: A short line near the top of a document -> its kind (first match in the
#: first :data:`_KIND_LINES_READ` paragraphs, or the title).
KIND_LINES: tuple[tuple[str, str], ...] = (
    (r"report\b", "report"),
    (r"(?:identical )?letters? dated\b", "letter"),
    (r"note (?:by|verbale)\b", "note"),
    (r"(?:annotated )?provisional agenda$", "agenda"),
    (r"(?:ministerial )?declaration\b", "declaration"),
)
_KIND_LINES = tuple((re.compile(p, re.I), k) for p, k in KIND_LINES)
#: The kind is looked for in the title and the document's first paragraphs, those short enough to
#: be a heading or an author line ("Report of the Secretary-General"), in characters.
_KIND_LINES_READ = 12
_KIND_LINE_CHARS = 200


def _kind_from_title(title: str) -> str:
    t = title.strip()
    for rx, kind in _KIND_LINES:
        if rx.match(t):
            return kind
    return ""


def _kind_from_document(doc: Document) -> str:
    """The kind the title or one of the first short lines of ``doc`` names ("Report of the Secretary-General")."""
    lines = [doc.title or ""] + [p.text for p in doc.paragraphs[:_KIND_LINES_READ] if len(p.text) < _KIND_LINE_CHARS]
    for line in lines:
        kind = _kind_from_title(line)
        if kind:
            return kind
    return ""


def _most_common(values: Iterable[Optional[str]]) -> str:
    """The most frequent non-empty value; ties go to the one seen first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, v in enumerate(values):
        if v:
            counts[v] += 1
            first.setdefault(v, i)
    if not counts:
        return ""
    return min(counts, key=lambda v: (-counts[v], first[v]))


def _clean_subject(s: Optional[str]) -> str:
    if not s:
        return ""
    s = s.strip().rstrip(",;.")
    return re.sub(r"^(?:on|concerning|relating to)\s+", "", s)


# --------------------------------------------------------------------------- dates

_BODY_CODES = {name: code for code, name in BODY_NAMES.items()}
#: Node bodies dated by another body's sessions: the session a United Nations conference's
#: document names is the Assembly's that convened it.
_SESSIONS_OF = {"United Nations conference": "GA"}


#: The kinds of node a session adopts (the others are issued for it, from earlier: :func:`ingest.session_span`).
_ADOPTED_KINDS = frozenset({"resolution", "decision"})


def _session_span(session: str, body: str, kind: str = "resolution") -> Optional[tuple[str, str]]:
    """Rough date span of a session of ``body`` (a node body name) for a node of ``kind``, by the
    session rules of the ingest grammar (:func:`ingest.session_span`: the General Assembly's sessions,
    special and emergency special ones included, and the Human Rights Council's); None for another body."""
    code = _SESSIONS_OF.get(body) or _BODY_CODES.get(body)
    if not session or code is None:
        return None
    return session_span(code, session, adopted=kind in _ADOPTED_KINDS)


def node_span(attrs: dict) -> Optional[tuple[str, str]]:
    """The (earliest, latest) ISO date a node can have: its date, else its session's span (a session
    runs over two years: ``year``, the year it opened, is not the whole of it; a report issued for it
    starts with the year, what it adopts in September), else its year."""
    date = attrs.get("date") or ""
    if re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        return date, date
    span = _session_span(attrs.get("session") or "", attrs.get("body") or "", attrs.get("kind") or "resolution")
    if span:
        return span
    year = attrs.get("year")
    if isinstance(year, int):
        return f"{year}-01-01", f"{year}-12-31"
    return None


def _is_later(source_attrs: dict, target_attrs: dict) -> bool:
    s, t = node_span(source_attrs), node_span(target_attrs)
    return bool(s and t and t[0] > s[1])


# --------------------------------------------------------------------------- the build

def _alias_map(documents: list[Document], references: list[Reference]) -> dict[str, str]:
    joints = set()
    for d in documents:
        if d.symbol:
            joints.add(clean_text(d.symbol))
    given: dict[str, set[str]] = {}  # target -> its other symbols, as the extractor gives them
    for r in references:
        joints.add(r.target)
        joints.add(r.source)
        others = getattr(r, "target_aliases", ()) or ()
        if isinstance(others, str):
            others = (others,)
        if others:
            given.setdefault(r.target, set()).update(o for o in others if o and o != r.target)
    return _alias_from(joints, given)


def _alias_from(joints: set[str], given: dict[str, set[str]]) -> dict[str, str]:
    """Symbol -> the node it lands on: the parts of a joint symbol (``A/79/62-E/2024/3``) on its
    first symbol; a target's other symbols (``given``) on the target."""
    aliases: dict[str, str] = {}
    for j in sorted(joints):
        parts = split_joint(j)
        if len(parts) > 1:
            head = aliases.get(parts[0], parts[0])
            for p in [j, *parts]:
                aliases.setdefault(p, head)
    for target in sorted(given):
        head = aliases.get(target, target)
        for other in sorted(given[target]):
            if other != head:
                aliases.setdefault(other, head)
    return aliases


_PART_PIN = re.compile(r"^([A-Z](?:-[A-Z])?)(?:,(?! [A-Z](?:,|$))|$)")  # "B", "B, section VI"; not "A, C"


def _part_document(r: Reference, docs: dict) -> str:
    """A reference to part B of a resolution ("57/270 B": target A/RES/57/270, pinpoint B) lands on
    the part's own document when the corpus has it (A/RES/57/270B), else on the resolution."""
    m = _PART_PIN.match(r.pinpoint or "") if r.pinpoint else None
    if m and "/RES/" in r.target and not r.target.endswith(")") and r.target + m.group(1) in docs:
        return r.target + m.group(1)
    return r.target


def _doc_key(doc: Document) -> str:
    """The node of a document: the key ``ingest.extract`` uses as ``source`` (``ingest.document_key``),
    cleaned as the references' are (:func:`graph.clean.clean_text`); a document with no symbol is
    "(no symbol) " and its file as the build holds it (relative to its input), so that two such
    files of one name in two folders stay two nodes."""
    key = document_key(doc.symbol, doc.file)
    if key.startswith(NO_SYMBOL) and doc.file:
        key = NO_SYMBOL + doc.file
    return clean_text(key)


def _source_key(r: Reference) -> str:
    """A reference's source node (as :func:`_doc_key` names a document with no symbol)."""
    return NO_SYMBOL + clean_text(r.file) if r.file and r.source.startswith(NO_SYMBOL) else r.source


#: ``title_source`` of a title the citing texts give (a stub's, or a document's that prints none);
#: a document's own title keeps ingest's source (``ingest.TITLE_SOURCES``: printed, agenda item, inferred).
CITED = "cited"


def _base_attrs(key: str) -> dict:
    body, kind = ("", "document") if key.startswith(NO_SYMBOL) else describe(key)
    year = year_of(key) if is_symbol(key) else None
    attrs = {
        "label": key,
        "kind": kind,
        "body": body,
        "session": session_of(key) if is_symbol(key) else "",
        "date": "",
        "title": "",
        "title_source": "",
        "subject": "",
        "in_corpus": False,
        "file": "",
        "language": "",
        "url": "" if key.startswith(NO_SYMBOL) else node_url(key),
        "aliases": "",
    }
    if year is not None:
        attrs["year"] = year
    return attrs


def document_facts(doc: Document) -> dict:
    """What the graph needs from a document's *text*, worked out where the text is (the reading
    process), so that the build never holds texts: ``kind``, the kind its title or first short
    lines name (:data:`KIND_LINES`). JSON-ready."""
    return {"kind": _kind_from_document(doc)}


def reference_marks(doc: Document, references: Iterable[Reference]) -> list[str]:
    """For each reference, the sentence carrying its footnote's mark (:func:`_mark_sentence` in its
    own document): the ``mark_sentence`` column of the references table, made in the reading process."""
    return [_mark_sentence(doc, r) if r.footnote else "" for r in references]


def _node_attrs(key: str, doc: Optional[Document], facts: Optional[dict], said: dict) -> dict:
    """The attributes of node ``key``: what its symbol says, its corpus document ``doc`` (described;
    ``facts`` from :func:`document_facts`), else what the citing texts say of it (``said``: the most
    common ``date``, ``title``, ``subject``, ``body`` and ``kind`` among the references to it)."""
    attrs = _base_attrs(key)
    attrs["date"] = said["date"]
    attrs["title"] = said["title"]
    attrs["title_source"] = CITED if said["title"] else ""
    attrs["subject"] = said["subject"]
    said_body = said["body"]
    said_kind = said["kind"]
    if doc is not None:
        attrs["in_corpus"] = True
        attrs["file"] = doc.file
        attrs["language"] = doc.language or ""
        if doc.title:
            attrs["title"], attrs["title_source"] = doc.title, doc.title_source or ""
        attrs["date"] = doc.date or attrs["date"]
        attrs["session"] = attrs["session"] or session_from_words(doc.session)
        said_body = _body_name(doc.body) or said_body
    if not attrs["body"]:
        attrs["body"] = said_body or "United Nations"
    if attrs["kind"] in _GENERIC_KINDS:
        from_text = (facts or {}).get("kind", "") if doc is not None else _kind_from_title(attrs["title"])
        attrs["kind"] = from_text or said_kind or attrs["kind"] or "instrument"
    if attrs["session"].isdigit():
        attrs["session_number"] = int(attrs["session"])
    if re.match(r"^\d{4}", attrs["date"]):
        attrs["year"] = int(attrs["date"][:4])
    elif "year" not in attrs and attrs["session"]:
        # a document's session line ("Seventy-ninth session") dates it as its symbol would
        code = _SESSIONS_OF.get(attrs["body"]) or _BODY_CODES.get(attrs["body"])
        year = session_year(code, attrs["session"]) if code else None
        if year is None and doc is not None:
            year = doc.meeting_year  # a body with no session table: the dates its masthead prints
        if year is not None:
            attrs["year"] = year
    return attrs


#: The edge attributes made from the references of one citing -> cited pair, in order.
EDGE_ORDER = ("count", "relations", "verbs", "paragraphs", "places", "pinpoints", "kinds", "sentence", "footnote",
              "surface", "later")


@dataclass
class GraphTables:
    """The graph as tables: ``nodes`` (``(key, attributes)`` in key order), ``edges`` (an Arrow
    table: ``source``, ``target``, then :data:`EDGE_ORDER`, in (source, target) order) and the
    graph's own attributes. :func:`to_networkx` makes the :class:`networkx.DiGraph`."""

    nodes: list
    edges: pa.Table
    graph: dict


def build_graph(documents: Iterable[Document], references: Iterable[Reference]) -> nx.DiGraph:
    """Build the citation graph of ``documents`` from their ``references``.

    Pure and deterministic: nodes and edges are inserted in sorted order, so
    the same input gives the same graph, attribute for attribute. (The build of
    a corpus runs :func:`graph_tables` on the tables its reading processes made.)

    Examples
    --------
    >>> from ingest.model import Document, Reference
    >>> doc = Document(file="a.txt", symbol="A/RES/79/194", symbol_source="filename",
    ...                format="text", paragraphs=(), date="2024-12-19")
    >>> ref = Reference(source="A/RES/79/194", target="A/RES/78/132", kind="explicit",
    ...                 paragraph="pp1", target_date="2023-12-19")
    >>> G = build_graph([doc], [ref])
    >>> G.edges["A/RES/79/194", "A/RES/78/132"]["count"], G.nodes["A/RES/78/132"]["date"]
    (1, '2023-12-19')
    """
    from .store import references_table

    documents = list(documents)
    references = list(references)
    by_file = {d.file: d for d in documents}
    marks = [_mark_sentence(by_file.get(r.file), r) if r.footnote else "" for r in references]
    references = [clean_reference(r) for r in references]  # node ids and attributes fit for XML, CSV, pages
    table = references_table(references).append_column("mark_sentence", pa.array(marks, pa.string()))
    return to_networkx(graph_tables(documents, [document_facts(d) for d in documents], table))


def graph_tables(documents: list[Document], facts: list[dict], references: pa.Table) -> GraphTables:
    """The graph's tables from the corpus's: ``documents`` (described is enough) with their
    :func:`document_facts`, and the references as an Arrow table (the columns of
    :data:`graph.store.REFERENCE_SCHEMA` plus ``mark_sentence``, :func:`reference_marks`), in
    file order, cleaned (:func:`clean_references`). Every rule is applied to whole columns
    (:mod:`graph.tables`): no object per reference. Same result as :func:`build_graph_python`."""
    n = references.num_rows
    targets = references.column("target")
    alias = _alias_map_of(documents, references)

    def canon(key):
        return alias.get(key, key)

    docs_by_key: dict[str, Document] = {}
    facts_of: dict[str, dict] = {}
    duplicates = 0
    for i in sorted(range(len(documents)), key=lambda i: (canon(_doc_key(documents[i])), documents[i].file)):
        k = canon(_doc_key(documents[i]))
        if k in docs_by_key:
            duplicates += 1
            continue
        docs_by_key[k] = documents[i]
        facts_of[k] = facts[i]

    # a reference to part B lands on the part's own document when the corpus has it
    targets = _part_targets(references, docs_by_key)
    s_all = tables.map_unique(_source_keys(references), canon)
    t_all = tables.map_unique(targets, canon)
    keep = pc.invert(pc.or_(pc.equal(s_all, t_all), pc.equal(references.column("kind"), "self")).fill_null(False))
    self_refs = n - pc.sum(keep.cast(pa.int64())).as_py() if n else 0
    # the columns the rules below read for every row, not the whole table (its sentences are most of it)
    kept = references.select([c for c in _ROW_INPUTS if c in references.column_names]).filter(keep)
    kept_rows = np.flatnonzero(keep.to_numpy(zero_copy_only=False)) if n else np.zeros(0, dtype=np.int64)
    s_kept, t_kept = s_all.filter(keep), t_all.filter(keep)

    keys = sorted(set(docs_by_key) | set(pc.unique(s_kept).to_pylist()) | set(pc.unique(t_kept).to_pylist()))
    code_of = {k: i for i, k in enumerate(keys)}
    s_code = _codes_of(s_kept, code_of)
    t_code = _codes_of(t_kept, code_of)

    # what the citing texts say about each node (in reference order)
    said = {
        "date": tables.most_common(t_code, kept.column("target_date"), len(keys)),
        "title": tables.most_common(t_code, kept.column("target_title"), len(keys)),
        "subject": tables.most_common(t_code, kept.column("target_subject"), len(keys), _clean_subject),
        "body": tables.most_common(t_code, kept.column("target_body"), len(keys), _body_name),
        "kind": tables.most_common(t_code, kept.column("target_type"), len(keys)),
    }
    aliases_of: dict[str, list[str]] = {}
    for a, head in alias.items():
        if a != head:
            aliases_of.setdefault(head, []).append(a)
    nodes = []
    for i, key in enumerate(keys):
        attrs = _node_attrs(key, docs_by_key.get(key), facts_of.get(key),
                            {name: values[i] for name, values in said.items()})
        attrs["aliases"] = SEP.join(sorted(aliases_of.get(key, [])))
        clean_attrs(attrs)
        nodes.append((key, attrs))

    edges = _edges_table(kept, s_code, t_code, keys, [a for _, a in nodes], references, kept_rows)
    return GraphTables(nodes, edges, {"name": "citegraph", "self_references": self_refs,
                                      "duplicate_documents": duplicates})


def _source_keys(references: pa.Table) -> pa.Array:
    """The source column as :func:`_source_key` names each reference's source node."""
    source, file = references.column("source").combine_chunks(), references.column("file").combine_chunks()
    no_symbol = pc.and_(pc.starts_with(source, NO_SYMBOL), pc.not_equal(file, "")).fill_null(False)
    if not pc.any(no_symbol).as_py():
        return source
    return pc.if_else(no_symbol, pc.binary_join_element_wise(NO_SYMBOL, file, ""), source)


def _codes_of(values, code_of: dict) -> np.ndarray:
    d = (values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values).dictionary_encode()
    lookup = np.array([code_of[v] for v in d.dictionary.to_pylist()] or [0], dtype=np.int64)
    return lookup[d.indices.to_numpy(zero_copy_only=False)] if len(d.indices) else np.zeros(0, dtype=np.int64)


def _alias_map_of(documents: list[Document], references: pa.Table) -> dict[str, str]:
    """:func:`_alias_map` from the references table (its distinct symbols, and the rows that give
    other symbols of their target)."""
    joints = {clean_text(d.symbol) for d in documents if d.symbol}
    joints.update(pc.unique(references.column("target")).to_pylist())
    joints.update(pc.unique(references.column("source")).to_pylist())
    given: dict[str, set[str]] = {}
    others = references.column("target_aliases")
    has = pc.greater(pc.list_value_length(others).fill_null(0), 0)
    if pc.any(has).as_py():
        rows = references.filter(has).select(["target", "target_aliases"]).to_pylist()
        for r in rows:
            given.setdefault(r["target"], set()).update(o for o in r["target_aliases"] if o and o != r["target"])
    return _alias_from(joints, given)


def _part_targets(references: pa.Table, docs: dict) -> pa.Array:
    """The target column with :func:`_part_document` applied (only rows with a pinpoint and a
    resolution target can change)."""
    targets = references.column("target").combine_chunks()
    pins = references.column("pinpoint").combine_chunks()
    maybe = pc.and_(pc.is_valid(pins), pc.match_substring(targets, "/RES/")).fill_null(False)
    if not pc.any(maybe).as_py():
        return targets
    where = np.flatnonzero(maybe.to_numpy(zero_copy_only=False))
    t_list, p_list = targets.take(pa.array(where)).to_pylist(), pins.take(pa.array(where)).to_pylist()
    changed = {}
    for i, t, p in zip(where.tolist(), t_list, p_list):
        m = _PART_PIN.match(p or "")
        if m and not t.endswith(")") and t + m.group(1) in docs:
            changed[i] = t + m.group(1)
    if not changed:
        return targets
    values = targets.to_pylist()
    for i, t in changed.items():
        values[i] = t
    return pa.array(values, pa.string())


#: The columns of the references that :func:`graph_tables` reads row by row (the nodes' facts, the
#: edges' lists); the citing sentence, its mark and the surface are read at each edge's first row
#: only, from the whole table.
_ROW_INPUTS = ("target_date", "target_title", "target_subject", "target_body", "target_type", "footnote", "paragraph",
               "relation", "verb", "pinpoint", "kind")


def _edges_table(kept: pa.Table, s_code: np.ndarray, t_code: np.ndarray, keys: list[str],
                 node_attrs: list[dict], references: pa.Table, kept_rows: np.ndarray) -> pa.Table:
    """One row per (citing, cited) pair, in key order, from the references (in file order):
    ``kept`` holds the :data:`_ROW_INPUTS` of the references that make edges, which are the rows
    ``kept_rows`` of ``references``, the whole table."""
    m = kept.num_rows
    order = np.lexsort((np.arange(m), t_code, s_code))
    rows = kept.take(pa.array(order))
    whole_rows = kept_rows[order]  # each sorted row's row in the whole table
    s_sorted, t_sorted = s_code[order], t_code[order]
    new = np.r_[True, (s_sorted[1:] != s_sorted[:-1]) | (t_sorted[1:] != t_sorted[:-1])] if m else np.zeros(0, bool)
    starts = np.flatnonzero(new)
    groups = np.cumsum(new) - 1
    n = len(starts)
    footnote = rows.column("footnote")
    has_note = pc.and_(pc.is_valid(footnote), pc.not_equal(footnote, "")).fill_null(False)
    places = pc.if_else(has_note, pc.binary_join_element_wise(rows.column("paragraph"), footnote.fill_null(""), " fn"),
                        rows.column("paragraph"))
    # each edge's first row with a citing sentence, else its first row (taken from the whole table
    # chunk by chunk: the sentences are most of its bytes)
    sentence = references.column("sentence")
    has_sentence = pc.and_(pc.is_valid(sentence), pc.not_equal(sentence, "")).fill_null(False)
    has_sentence = has_sentence.to_numpy(zero_copy_only=False)
    first = whole_rows[tables.first_where(has_sentence[whole_rows], starts, m)]
    first_surface = tables.take(references.column("surface"), first).fill_null("")
    # the paragraph's sentence carrying a footnote's mark, and the footnote's own (citing_sentence):
    # its sentence, else its surface, else ""
    own = pc.if_else(pa.array(has_sentence[first], pa.bool_()), tables.take(sentence, first), first_surface)
    mark = tables.take(references.column("mark_sentence"), first).fill_null("")
    has_mark = pc.not_equal(mark, "")
    spans = [node_span(a) for a in node_attrs]
    lo = pa.array([sp[0] if sp else None for sp in spans], pa.string())
    hi = pa.array([sp[1] if sp else None for sp in spans], pa.string())
    src, tgt = s_sorted[starts], t_sorted[starts]
    later = pc.greater(lo.take(pa.array(tgt)), hi.take(pa.array(src))).fill_null(False)
    key_array = pa.array(keys, pa.string())
    columns = {
        "source": key_array.take(pa.array(src)),
        "target": key_array.take(pa.array(tgt)),
        "count": pa.array(np.diff(np.r_[starts, m]), pa.int64()),
        "relations": _relations_column(rows.column("relation"), groups, n),
        "verbs": tables.join_distinct(_verbs_column(rows), groups, n, SEP),
        "paragraphs": tables.join_distinct(rows.column("paragraph"), groups, n, SEP),
        "places": tables.join_distinct(places, groups, n, SEP),
        "pinpoints": tables.join_distinct(rows.column("pinpoint"), groups, n, SEP),
        "kinds": tables.join_distinct(rows.column("kind"), groups, n, SEP),
        "sentence": pc.if_else(has_mark, mark, own),
        "footnote": pc.if_else(has_mark, own, ""),
        "surface": first_surface,
        "later": later,
    }
    for name in ("relations", "verbs", "paragraphs", "places", "pinpoints", "kinds", "sentence", "footnote", "surface"):
        columns[name] = tables.clean_column(columns[name], clean_text, _NEEDS_CLEANING)
    return pa.table(columns)


#: The characters :func:`graph.clean.clean_text` removes or changes, as a regular expression for
#: Arrow (RE2): rows without any go untouched at C speed.
_NEEDS_CLEANING = tables.re2_class(_clean._NEEDS.pattern)


def clean_references(table: pa.Table) -> pa.Table:
    """The references table with every string (and every symbol of ``target_aliases``) through
    :func:`graph.clean.clean_text`, as :func:`graph.clean.clean_reference` does one reference;
    only rows that need it are touched."""
    for i, f in enumerate(table.schema):
        if f.type == pa.string():
            table = table.set_column(i, f.name, tables.clean_column(table.column(i), clean_text, _NEEDS_CLEANING))
        elif f.type == pa.list_(pa.string()):
            col = table.column(i).combine_chunks()
            flat = col.flatten()
            if len(flat) and pc.any(pc.match_substring_regex(flat, _NEEDS_CLEANING)).as_py():
                values = [[clean_text(x) for x in v] if v else v for v in col.to_pylist()]
                table = table.set_column(i, f.name, pa.array(values, f.type))
    return table


def _relations_column(relation, groups: np.ndarray, n: int) -> pa.Array:
    """Per group, :func:`relations_of`: the distinct lemmas of its relations in the vocabulary's order."""
    lemmas = tables.map_unique(relation, lambda w: relation_lemma(w) if w else None)
    idx, dictionary = tables.codes(lemmas)
    words = dictionary.to_pylist()
    rank = np.array([_LEMMA_ORDER.get(w, len(_LEMMA_ORDER)) for w in words] or [0], dtype=np.int64)
    order = sorted(range(len(words)), key=lambda i: (rank[i], words[i]))  # vocabulary order, then the word
    position = np.empty(max(1, len(words)), dtype=np.int64)
    position[order] = np.arange(len(order))
    valid = idx >= 0
    width = max(1, len(words))
    keyed = np.unique(groups[valid].astype(np.int64) * width + position[idx[valid]])
    counts = np.bincount(keyed // width, minlength=n)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    ordered = pa.array([words[i] for i in order] or [""], pa.string()).take(pa.array(keyed % width))
    lists = pa.LargeListArray.from_arrays(pa.array(offsets, pa.int64()), ordered)
    return pc.binary_join(lists, SEP).fill_null("")


def _verbs_column(rows: pa.Table) -> pa.Array:
    """The citing words as written: a reference's ``verb`` (when the model has one), else its relation."""
    relation = rows.column("relation")
    if "verb" not in rows.column_names:
        return relation
    verb = rows.column("verb")
    return pc.if_else(pc.and_(pc.is_valid(verb), pc.not_equal(verb, "")).fill_null(False), verb, relation)


def to_networkx(t: GraphTables) -> nx.DiGraph:
    """The :class:`networkx.DiGraph` of the tables (attributes as :func:`build_graph` gives them)."""
    G = nx.DiGraph()
    G.graph["name"] = t.graph["name"]
    G.add_nodes_from(t.nodes)
    cols = [tables.python_values(t.edges.column(c)) for c in EDGE_ORDER]
    G.add_edges_from(zip(tables.python_values(t.edges.column("source")), tables.python_values(t.edges.column("target")),
                         (dict(zip(EDGE_ORDER, row)) for row in zip(*cols))))
    G.graph["self_references"] = t.graph["self_references"]
    G.graph["duplicate_documents"] = t.graph["duplicate_documents"]
    return G


def build_graph_python(documents: Iterable[Document], references: Iterable[Reference]) -> nx.DiGraph:
    """:func:`build_graph` one reference at a time: the slow, obviously right version, kept to check
    the fast one (``tests/test_build.py`` compares them on the sample corpus)."""
    documents = list(documents)
    references = list(references)
    by_file = {d.file: d for d in documents}
    marks = {id(r): _mark_sentence(by_file.get(r.file), r) for r in references if r.footnote}
    cleaned = [clean_reference(r) for r in references]  # node ids and attributes fit for XML, CSV, pages
    mark_of = {id(c): marks.get(id(r), "") for r, c in zip(references, cleaned)}
    references = cleaned
    alias = _alias_map(documents, references)

    def canon(key: str) -> str:
        return alias.get(key, key)

    docs_by_key: dict[str, Document] = {}
    duplicates = 0
    for d in sorted(documents, key=lambda d: (canon(_doc_key(d)), d.file)):
        k = canon(_doc_key(d))
        if k in docs_by_key:
            duplicates += 1
            continue
        docs_by_key[k] = d

    refs_to: dict[str, list[Reference]] = {}
    edges: dict[tuple[str, str], list[Reference]] = {}
    self_refs = 0
    for r in references:
        s, t = canon(_source_key(r)), canon(_part_document(r, docs_by_key))
        if s == t or r.kind == "self":
            self_refs += 1
            continue
        refs_to.setdefault(t, []).append(r)
        edges.setdefault((s, t), []).append(r)

    keys = set(docs_by_key) | {t for _, t in edges} | {s for s, _ in edges}
    aliases_of: dict[str, list[str]] = {}
    for a, head in alias.items():
        if a != head:
            aliases_of.setdefault(head, []).append(a)

    G = nx.DiGraph()
    G.graph["name"] = "citegraph"
    for key in sorted(keys):
        cited_by = refs_to.get(key, [])
        doc = docs_by_key.get(key)
        said = {"date": _most_common(r.target_date for r in cited_by),
                "title": _most_common(r.target_title for r in cited_by),
                "subject": _most_common(_clean_subject(r.target_subject) for r in cited_by),
                "body": _most_common(_body_name(r.target_body) for r in cited_by),
                "kind": _most_common(r.target_type for r in cited_by)}
        attrs = _node_attrs(key, doc, document_facts(doc) if doc is not None else None, said)
        attrs["aliases"] = SEP.join(sorted(aliases_of.get(key, [])))
        G.add_node(key, **attrs)

    for (s, t) in sorted(edges):
        refs = edges[(s, t)]
        first = next((r for r in refs if r.sentence), refs[0])  # the first occurrence with its sentence
        sentence, footnote = _citing_sentence(mark_of[id(first)], first)
        G.add_edge(
            s, t,
            count=len(refs),
            relations=relations_of(refs),
            verbs=join(getattr(r, "verb", None) or r.relation for r in refs),
            paragraphs=join(r.paragraph for r in refs),
            places=join(f"{r.paragraph} fn{r.footnote}" if r.footnote else r.paragraph for r in refs),
            pinpoints=join(r.pinpoint for r in refs),
            kinds=join(r.kind for r in refs),
            sentence=sentence,
            footnote=footnote,
            surface=first.surface or "",
            later=_is_later(G.nodes[s], G.nodes[t]),
        )
    for _, d in G.nodes(data=True):
        clean_attrs(d)
    for *_, d in G.edges(data=True):
        clean_attrs(d)
    G.graph["self_references"] = self_refs
    G.graph["duplicate_documents"] = duplicates
    return G


#: Lemma -> its place in ingest's relation vocabulary (``ingest/data/relations.toml``).
_LEMMA_ORDER = {lemma: i for i, lemma in enumerate(RELATION_LEMMAS)}


def relations_of(refs: Iterable[Reference]) -> str:
    """An edge's relations: the distinct normalised relations of its references (the lemmas of
    ingest's controlled vocabulary, :func:`ingest.relation_lemma`), in the vocabulary's order,
    joined with :data:`graph.schema.SEP`. A verb outside the vocabulary adds none (it stays in
    ``verbs``, the words as written).

    >>> from ingest.model import Reference
    >>> refs = [Reference("a", "b", "explicit", "pp1", relation=w)
    ...         for w in ("reaffirming", "recognizes", "Recognizing", "noting", "notes", "reaffirms", "recalling")]
    >>> relations_of(refs)
    'recall | reaffirm | note | recognize'
    """
    lemmas = {relation_lemma(r.relation) for r in refs if r.relation} - {None}
    return SEP.join(sorted(lemmas, key=lambda lemma: (_LEMMA_ORDER.get(lemma, len(_LEMMA_ORDER)), lemma)))


def citing_sentence(doc: Optional[Document], r: Reference) -> tuple[str, str]:
    """``(sentence, footnote)`` of a citation: the sentence of the paragraph that cites; for a
    citation in a footnote, the paragraph's sentence that carries the footnote's mark (the mark
    written in, :func:`_mark_sentence`) and the footnote's own citing sentence ("Resolution
    70/125."). When the mark cannot be found, the footnote's sentence is all there is."""
    return _citing_sentence(_mark_sentence(doc, r), r)


def _citing_sentence(mark: str, r: Reference) -> tuple[str, str]:
    own = r.sentence or r.surface or ""
    return (mark, own) if mark else (own, "")


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SENTENCE_END = re.compile(r"(?<!\bpara)(?<!\bparas)(?<!\bNo)(?<!\bNos)(?<!\bvol)[.!?](?=\s+[A-Z(])")
#: Longest sentence kept around a footnote mark (characters): the extractor's clip of its sentences.
MARK_SENTENCE_CHARS = SENTENCE_CHARS


def _mark_sentence(doc: Optional[Document], r: Reference) -> str:
    """For a reference in a footnote, the sentence of the citing paragraph that carries the
    footnote's mark, the mark written in as printed (superscript digits, else ``[a]``); else "".

    >>> from ingest.model import Paragraph, Footnote
    >>> p = Paragraph(id="pp10", kind="preambular", text="Recalling the outcome document, held in 2015,",
    ...               footnotes=(Footnote("8", "Resolution 70/125."),), marks=(("8", 31),))
    >>> d = Document(file="a.txt", symbol="A/RES/79/194", symbol_source="text", format="text", paragraphs=(p,))
    >>> _mark_sentence(d, Reference(source="A/RES/79/194", target="A/RES/70/125", kind="explicit",
    ...                             paragraph="pp10", footnote="8"))
    'Recalling the outcome document,⁸ held in 2015,'
    """
    if doc is None or not r.footnote:
        return ""
    para = next((p for p in doc.paragraphs if p.id == r.paragraph), None)
    at = next((i for n, i in para.marks if n == r.footnote), None) if para is not None else None
    if at is None or not 0 <= at <= len(para.text):
        return ""
    text = para.text
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = next((m.end() for m in _SENTENCE_END.finditer(text, at)), len(text))
    mark = r.footnote.translate(_SUPERSCRIPT) if r.footnote.isdigit() else f"[{r.footnote}]"
    if at - start > MARK_SENTENCE_CHARS // 2:  # a long sentence: whole words around the mark
        start = text.find(" ", at - MARK_SENTENCE_CHARS // 2, at) + 1 or at - MARK_SENTENCE_CHARS // 2
    if end - at > MARK_SENTENCE_CHARS // 2:
        cut = text.rfind(" ", at, at + MARK_SENTENCE_CHARS // 2)
        end = cut if cut > at else at + MARK_SENTENCE_CHARS // 2
    return (("…" if start > 0 and text[start - 1] not in ".!? " else "") + text[start:at].lstrip() + mark
            + text[at:end].rstrip() + ("…" if end < len(text) and text[end - 1] not in ".!?" else ""))
