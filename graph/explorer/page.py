"""The explorer page: one self-contained, offline HTML file (render is pure, write is the I/O edge).

The page carries sigma.js and graphology (``graph/assets``, vendored from the
npm registry with their licences, ``THIRD-PARTY-NOTICES.txt``), the lookup
rules (``graph/data/lookup.json``) and the graph as JSON; it requests nothing.

* **Data, packed.** :func:`pack` turns :func:`graph.explorer.data.explorer_data`
  into columns (one array per field, strings interned, fields that are
  usually empty stored sparsely), and the citing sentences into a second JSON
  block that the page parses only when a citation is first shown.
* **Security.** Every text from a document reaches the page only inside a
  JSON block in which ``<``, ``>`` and ``&`` are written ``\\u003c`` etc.;
  the page's script puts it on screen with ``textContent`` only. A
  Content-Security-Policy allows just the page's three scripts, by hash, and
  no network source, so even markup that slipped into the DOM could neither
  run nor load anything. Links are ``http(s)`` URLs or ``docs/…html``.

Not supported: editing the graph in the page, saving a filtered view.
"""
from __future__ import annotations

import base64
import hashlib
import json
import pathlib
import re
from typing import Any, Optional

import networkx as nx

from ..files import atomic_write
from ..lookup import RULES_FILE
from .data import _explorer_data

__all__ = ["render_explorer", "write_explorer", "pack"]

HERE = pathlib.Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
ASSETS = HERE.parent / "assets"


def _json_for_html(data: Any) -> str:
    """JSON that is inert inside <script>: no '<', '>', '&' or line separators."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _assets() -> dict[str, str]:
    graphology = (ASSETS / "graphology.umd.min.js").read_text(encoding="utf-8")
    sigma = (ASSETS / "sigma.min.js").read_text(encoding="utf-8")
    app = "\n".join((TEMPLATES / name).read_text(encoding="utf-8") for name in ("lookup.js", "page.js"))
    css = (TEMPLATES / "page.css").read_text(encoding="utf-8")
    for name, text, tag in (("graphology.umd.min.js", graphology, "</script"), ("sigma.min.js", sigma, "</script"),
                            ("page.js", app, "</script"), ("page.css", css, "</style")):
        if tag in text.lower():
            raise ValueError(f"asset {name} contains {tag!r} and cannot be inlined")
        if "sourceMappingURL" in text:
            raise ValueError(f"asset {name} names a source map, which an offline page must not look for")
    return {"graphology_js": graphology, "sigma_js": sigma, "app_js": app, "css": css}


def pack(data: dict) -> tuple[dict, list[str]]:
    """The page's compact form of ``data``: ``(columns, texts)``.

    ``columns`` has ``meta``, ``strings`` (interned short strings), ``nodes`` and
    ``edges`` as one list per field, node and edge *indexes* in place of keys, and
    sparse fields (``label``, ``session``, ``file``, ``url``, ``aliases``, ``names``, ``page``;
    ``count``, ``mark``, ``later``) as ``{index: value}``. ``texts`` holds each citing
    sentence once; edges refer to it by position (-1: none).
    """
    meta = data["meta"]
    kinds = {k["name"]: j for j, k in enumerate(meta["kinds"])}
    bodies = {b["name"]: j for j, b in enumerate(meta["bodies"])}
    strings: dict[str, int] = {"": 0}
    texts: dict[str, int] = {}

    def s(value: str) -> int:
        return strings.setdefault(value, len(strings))

    def t(value: str) -> int:
        return texts.setdefault(value, len(texts)) if value else -1

    nodes: dict[str, Any] = {k: [] for k in ("id", "title", "kind", "body", "date", "t", "when", "corpus", "x", "y")}
    nodes.update({k: {} for k in ("label", "session", "file", "url", "aliases", "names", "page", "tsrc")})
    index = {}
    for j, n in enumerate(data["nodes"]):
        index[n["id"]] = j
        nodes["id"].append(n["id"])
        nodes["title"].append(n["title"])
        nodes["kind"].append(kinds[n["kind"]])
        nodes["body"].append(bodies[n["body"]])
        nodes["date"].append(n["date"])
        nodes["t"].append(n["t"])
        nodes["when"].append(s(n["when"]))
        nodes["corpus"].append(1 if n["in_corpus"] else 0)
        nodes["x"].append(n.get("x"))
        nodes["y"].append(n.get("y"))
        if n["label"] != n["id"]:
            nodes["label"][j] = n["label"]
        for key in ("session", "file", "page"):
            if n.get(key):
                nodes[key][j] = n[key]
        if n.get("title_source"):
            nodes["tsrc"][j] = s(n["title_source"])
        if n["url"] != "https://undocs.org/en/" + n["id"]:
            nodes["url"][j] = n["url"]
        if n["aliases"]:
            nodes["aliases"][j] = n["aliases"]
        if n.get("names"):
            nodes["names"][j] = n["names"]
    edges: dict[str, Any] = {k: [] for k in ("from", "to", "rel", "places", "pin", "text")}
    edges.update({k: {} for k in ("count", "mark", "later", "verbs")})
    for j, e in enumerate(data["edges"]):
        edges["from"].append(index[e["from"]])
        edges["to"].append(index[e["to"]])
        edges["rel"].append(s(" | ".join(e["relations"])))
        edges["places"].append(s(" | ".join(e["places"] or e["paragraphs"])))
        edges["pin"].append(s(" | ".join(e["pinpoints"])))
        edges["text"].append(t(e["sentence"]))
        if e["count"] != 1:
            edges["count"][j] = e["count"]
        if e.get("verbs"):
            edges["verbs"][j] = s(" | ".join(e["verbs"]))
        if e["mark_sentence"]:
            edges["mark"][j] = t(e["mark_sentence"])
        if e["later"]:
            edges["later"][j] = 1
    page_meta = {k: v for k, v in meta.items()}
    return ({"meta": page_meta, "strings": list(strings), "nodes": nodes, "edges": edges}, list(texts))


def _html_escape(s: str) -> str:
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def _render(data: dict, title: str) -> str:
    a = _assets()
    template = (TEMPLATES / "page.html").read_text(encoding="utf-8")
    csp = ("default-src 'none'; script-src " + " ".join(_csp_hash(a[k]) for k in ("graphology_js", "sigma_js", "app_js"))
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    columns, texts = pack(data)
    lookup_rules = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    values = {
        "csp": csp,
        "title": _html_escape(title),
        "css": a["css"],
        "graphology_js": a["graphology_js"],
        "sigma_js": a["sigma_js"],
        "app_js": a["app_js"],
        "data_json": _json_for_html(columns),
        "text_json": _json_for_html(texts),
        "lookup_json": _json_for_html(lookup_rules),
    }
    # one pass, so text inserted for one marker is never scanned for another
    return re.sub(r"\{\{ (\w+) \}\}", lambda m: values[m.group(1)], template)


def render_explorer(G: nx.DiGraph, focus: Optional[str] = None, depth: int = 1,
                    max_nodes: Optional[int] = None, seed: int = 7, title: str = "citegraph explorer",
                    pages: bool = False) -> str:
    """The explorer page for ``G`` as one HTML string (no I/O beyond the package's assets).

    ``focus``, ``depth``, ``max_nodes``, ``seed`` and ``pages`` as :func:`graph.explorer.explorer_data`.
    """
    return _render(_explorer_data(G, focus, depth, max_nodes, seed, pages), title)


def write_explorer(G: nx.DiGraph, path, focus: Optional[str] = None, depth: int = 1,
                   max_nodes: Optional[int] = None, seed: int = 7, pages: bool = False) -> dict:
    """Write the explorer page to ``path`` atomically; return what the overview draws and leaves out.

    The summary has ``path``, ``nodes`` and ``edges`` (drawn in the overview),
    ``graph_nodes`` and ``graph_edges`` (all in the page), ``left_out_nodes`` and
    ``left_out_edges`` (in the page, not drawn in the overview), ``left_out_in_corpus``,
    ``focus`` (the node the page opens on, or None) and ``bytes``.

    Examples
    --------
    >>> G = nx.DiGraph(); G.add_edge("A/RES/79/194", "A/RES/70/125", count=1)
    >>> import tempfile, pathlib; d = pathlib.Path(tempfile.mkdtemp())
    >>> write_explorer(G, d / "graph.html")["nodes"]
    2
    """
    path = pathlib.Path(path)
    data = _explorer_data(G, focus, depth, max_nodes, seed, pages)  # its edges' records made as the page takes them
    page = _render(data, "citegraph explorer").encode("utf-8")  # (the text let go at once: one copy held)
    atomic_write(path, page)
    meta = data["meta"]
    return {
        "path": str(path),
        "nodes": meta["drawn_nodes"],
        "edges": meta["drawn_edges"],
        "graph_nodes": meta["graph_nodes"],
        "graph_edges": meta["graph_edges"],
        "left_out_nodes": meta["graph_nodes"] - meta["drawn_nodes"],
        "left_out_edges": meta["graph_edges"] - meta["drawn_edges"],
        "left_out_in_corpus": meta["left_out"]["in_corpus"],
        "focus": meta["focus"],
        "bytes": len(page),
    }
