"""Reading pages: one HTML page per corpus document, every reference a link at its span.

:func:`render_page` is pure: a :class:`~ingest.model.Document`, its
:class:`~ingest.model.Reference` list and what the graph knows of the cited
documents (:func:`target_info`) go in, the page comes out as a string. It can
run wherever the document's text is (a reading process, a cache entry).
:func:`write_pages` is the I/O edge: it writes ``OUT/docs/<page_name>.html``
for every corpus document, plus the one stylesheet and one script they share
(``reading.css``, ``reading.js``, from ``graph/templates``).

A page shows the document as structured: its header (body, session, agenda
item, symbol, title, adoption date, the "[on the report of …]" line), the
preambular paragraphs with their verbs in italics, the numbered operative
paragraphs, and each footnote under the paragraph that carries its mark.
Each reference is a link over exactly its characters (``start``/``end`` index
the paragraph's or footnote's text, as eyecite's ``annotate`` does): to the
cited document's own page when it is in the corpus, else to undocs.org (a
named instrument without a symbol: the UN Digital Library search). Hovering a
link shows the target's symbol, title and date and the relation ("recalling",
"taking note"). Two references over the same words (a range "Add.1 to 6") are
one link listing both targets. The page links back to the explorer focused on
the document (``../graph.html#A%2FRES%2F79%2F194``).

When the document's predecessor in its series (``analysis.series``) is in
the corpus, the page ends with a section "Changes since OLD" made by
:func:`graph.diff.diff_documents`, and changed paragraphs carry a mark that
leads there.

Security and determinism: every text from a document is escaped
(:func:`html.escape`), titles and tooltips travel in ``data-`` attributes and
the script shows them with ``textContent`` only; a Content-Security-Policy
allows only the shared script and stylesheet and no network source. Pages carry
no timestamps: the same input gives the same bytes.

Not supported: documents that are not in the corpus have no page (their links
go to undocs.org); tables inside a document are shown as paragraphs.
"""
from __future__ import annotations

import gc
import hashlib
import html
import json
import multiprocessing as mp
import os
import pathlib
import re
import shutil
import time
from collections import namedtuple
from dataclasses import MISSING, dataclass, fields
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from importlib.metadata import version
from typing import Iterable, Mapping, Optional, Sequence
from urllib.parse import quote

import numpy as np

from ingest import Document, Footnote, Paragraph, Reference

from .build import _PART_PIN, _part_document, node_url
from .clean import clean_text
from .diff import SeriesDiff, citation_rows, diff_documents
from .files import atomic_write, watch_parent
from .schema import SEP, split

__all__ = [
    "DOCS_DIRNAME",
    "ASSET_FILES",
    "page_name",
    "page_path",
    "short_symbol",
    "target_info",
    "render_page",
    "changes_html",
    "write_pages",
    "start_pages",
    "PagesJob",
    "PageTask",
    "PageReference",
    "page_reference",
    "PAGE_FIELDS",
    "make_page",
    "write_assets",
    "Target",
    "CSP",
    "MANIFEST",
]

HERE = pathlib.Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
#: The folder of reading pages inside the output folder.
DOCS_DIRNAME = "docs"
#: The stylesheet and script every page shares (copied from ``graph/templates``).
ASSET_FILES = ("reading.css", "reading.js")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "base-uri 'none'; form-action 'none'")

_UNSAFE = re.compile(r"[^A-Za-z0-9.\-]+")
_NUMBERED = re.compile(r"^\s*(\(?\d+[A-Za-z]?[.)])\s")


def page_name(key: str) -> str:
    """The file name (without ``.html``) of a document's page: runs of characters other than
    letters, digits, ``.`` and ``-`` become ``_``; leading and trailing ``_`` and ``.`` go.

    >>> page_name("A/RES/79/194"), page_name("S/RES/2720(2023)"), page_name("A/79/62-E/2024/3")
    ('A_RES_79_194', 'S_RES_2720_2023', 'A_79_62-E_2024_3')
    """
    return _UNSAFE.sub("_", key).strip("_.") or "document"


def page_path(out_dir, key: str) -> pathlib.Path:
    """Where :func:`write_pages` puts the page of node ``key``: ``OUT/docs/<page_name>.html``."""
    return pathlib.Path(out_dir) / DOCS_DIRNAME / f"{page_name(key)}.html"


def short_symbol(key: str) -> str:
    """A General Assembly resolution as people write it (``A/RES/78/132`` -> ``78/132``), else the key."""
    return key[6:] if key.startswith("A/RES/") else key


def _safe_url(url: str) -> str:
    return url if re.match(r"^https?://", url or "") else ""


def _undocs(key: str) -> str:
    return node_url(key)


@dataclass(frozen=True)
class Target:
    """What a link shows of a cited document: its node ``key``, ``title``, ``date`` and where the link
    goes (``href``: its page beside this one when ``in_corpus``, else its undocs.org address)."""

    key: str
    title: str = ""
    date: str = ""
    in_corpus: bool = False
    url: str = ""

    @property
    def href(self) -> str:
        return f"{page_name(self.key)}.html" if self.in_corpus else (_safe_url(self.url) or _undocs(self.key))


def target_info(G, references: Iterable[Reference], aliases: Optional["_Aliases"] = None) -> dict[str, Target]:
    """``reference.target`` -> :class:`Target`, for the given references, from graph ``G``.

    A target lands on the node ``build_graph`` put it on: a part's own document when the corpus
    has it ("57/270 B"), the head of a joint symbol (``E/2024/3`` on ``A/79/62``). A target the
    graph lacks keeps what the reference says of it. ``aliases`` (:class:`_Aliases` of ``G``) may be
    shared between calls, so that the graph's aliases are gathered once, and with them what each
    reference was found to cite (the same target, pinpoint, title and date give the same
    :class:`Target`: the same citations recur across a corpus's pages).
    """
    out: dict[str, Target] = {}
    alias = aliases if aliases is not None else _Aliases(G)
    known = alias.targets
    docs = None
    for r in references:
        memo = (r.target, r.pinpoint, r.target_title, r.target_date)
        got = known.get(memo)
        if got is None:
            if docs is None:
                docs = _CorpusNodes(G)
            key = _part_document(r, docs) if r.pinpoint else r.target
            cache_key = r.target if key == r.target else (_part_key(r) or r.target)
            if key not in G:
                key = alias.get(key, key)
            d = G.nodes[key] if key in G else {}
            got = known[memo] = (cache_key, Target(key=key, title=str(d.get("title") or d.get("subject")
                                                                    or r.target_title or ""),
                                                   date=str(d.get("date") or r.target_date or ""),
                                                   in_corpus=bool(d.get("in_corpus")), url=str(d.get("url") or "")))
        if got[0] not in out:
            out[got[0]] = got[1]
    return out


class _Aliases:
    """The other symbols of graph ``G``'s nodes (a joint symbol's, node attribute ``aliases``) -> the node,
    gathered on first use."""

    def __init__(self, G):
        self.G = G
        self.by_alias: Optional[dict[str, str]] = None
        #: (target, pinpoint, target title, target date) of a reference -> (where :func:`target_info`
        #: keeps it, its :class:`Target`)
        self.targets: dict[tuple, tuple[str, Target]] = {}

    def get(self, key: str, default: str) -> str:
        if self.by_alias is None:
            self.by_alias = {a: n for n, d in self.G.nodes(data=True) for a in split(d.get("aliases") or "")}
        return self.by_alias.get(key, default)


class _CorpusNodes:
    """``key in docs`` for ``build._part_document``: the node is a corpus document."""

    def __init__(self, G):
        self.G = G

    def __contains__(self, key) -> bool:
        return key in self.G and bool(self.G.nodes[key].get("in_corpus"))


def _part_key(r: Reference) -> Optional[str]:
    """Where :func:`target_info` keeps a reference that lands on a part's own document."""
    m = _PART_PIN.match(r.pinpoint or "") if r.pinpoint else None
    return f"{r.target}\0{r.target}{m.group(1)}" if m else None


def _lookup(targets: Mapping[str, Target], r: Reference) -> Target:
    part = _part_key(r)
    if part and part in targets:
        return targets[part]
    return targets.get(r.target) or Target(key=r.target, title=r.target_title or "", date=r.target_date or "")


# --------------------------------------------------------------------------- text with links


def _ESC(s: str, quote: bool = True) -> str:
    """HTML-escaped text of a page, cleaned first (:func:`graph.clean.clean_text`)."""
    return html.escape(clean_text(s), quote)


def _text(s: str) -> str:
    """``s`` escaped for HTML text (``&``, ``<``, ``>``); most pieces have none, so look first."""
    if "&" in s or "<" in s or ">" in s:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s


def _annotate(text: str, refs: Sequence[Reference], targets: Mapping[str, Target],
              extra: Sequence[tuple[int, int, str, str]] = (), marks: Sequence[tuple[str, int, str]] = ()) -> str:
    """``text`` escaped, each reference a link over ``text[start:end]``; ``extra`` spans
    ``(start, end, open, close)`` (a verb, a number) where no link is; ``marks`` zero-width
    ``(number, offset, html)`` insertions (footnote marks)."""
    if refs:
        groups: dict[tuple[int, int], list[Reference]] = {}
        for r in refs:
            if 0 <= r.start < r.end <= len(text) and text[r.start:r.end] == r.surface:
                groups.setdefault((r.start, r.end), []).append(r)
        spans: list[tuple[int, int, str, str]] = []
        last = -1
        ordered = sorted(groups.items(), key=_SPAN_ORDER)
        if all(ordered[k][0][1] <= ordered[k + 1][0][0] for k in range(len(ordered) - 1)):
            spans = [(s, e, *_link(rs, targets)) for (s, e), rs in ordered]  # no two overlap (most paragraphs)
        else:
            for (s, e), rs in ordered:
                if s < last:  # overlaps a link already placed: its targets join that link
                    continue
                last = e
                inside = [r for (s2, e2), g in groups.items() if s <= s2 and e2 <= e and (s2, e2) != (s, e)
                          for r in g]
                spans.append((s, e, *_link(rs + inside, targets)))
        for s, e, o, c in extra:
            if all(e <= a or s >= b for a, b, *_ in spans):
                spans.append((s, e, o, c))
        spans.sort(key=lambda x: x[0])
    elif extra:
        spans = list(extra)
    elif not marks:
        return _text(text)
    else:
        spans = []
    inserts = sorted(((off, h) for _, off, h in marks), key=lambda x: x[0]) if marks else ()
    # escaping the pieces is escaping the text (each escaped character is one character): a text with
    # nothing to escape (most) is cut into pieces as it is
    esc = _text if "&" in text or "<" in text or ">" in text else None
    out: list[str] = []
    pos = 0
    k = 0
    for s, e, o, c in spans:
        while k < len(inserts) and inserts[k][0] <= s:
            off = max(inserts[k][0], pos)
            out += (text[pos:off] if esc is None else esc(text[pos:off]), inserts[k][1])
            pos = off
            k += 1
        if esc is None:
            out += (text[pos:s], o, text[s:e], c)
        else:
            out += (esc(text[pos:s]), o, esc(text[s:e]), c)
        pos = e
    while k < len(inserts):
        off = min(max(inserts[k][0], pos), len(text))
        out += (text[pos:off] if esc is None else esc(text[pos:off]), inserts[k][1])
        pos = off
        k += 1
    out.append(text[pos:] if esc is None else esc(text[pos:]))
    return "".join(out)


def _SPAN_ORDER(item: tuple[tuple[int, int], list]) -> tuple[int, int]:
    """Spans by start, the longer first among those starting together."""
    return item[0][0], -item[0][1]


def _link(refs: list[Reference], targets: Mapping[str, Target]) -> tuple[str, str]:
    if len(refs) == 1:  # most links: one reference
        r = refs[0]
        t = _lookup(targets, r)
        found = [(t, r.relation, r.pinpoint, r.kind)]
        key = ((t.key, t.title, t.date, t.in_corpus, t.url, r.relation, r.pinpoint, r.kind),)
    else:
        found = []
        for r in refs:
            t = _lookup(targets, r)
            if all(t.key != f[0].key for f in found):
                found.append((t, r.relation, r.pinpoint, r.kind))
        # the key as plain tuples: hashed in C, not by the dataclass's generated __hash__
        key = tuple((t.key, t.title, t.date, t.in_corpus, t.url, relation, pinpoint, kind)
                    for t, relation, pinpoint, kind in found)
    tag = _LINKS.get(key)
    if tag is None:
        if len(_LINKS) > 100_000:
            _LINKS.clear()
        tag = _LINKS[key] = _link_tag(found)
    return tag, "</a>"


#: A link's tooltip as JSON: ``json.dumps(x, ensure_ascii=False, separators=(",", ":"))`` without making an
#: encoder per call.
_TIP_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

#: Opening tags of links already made, by (target, relation, pinpoint, kind) of each target: the
#: same citation ("the 2030 Agenda", recalling) recurs across paragraphs and pages.
_LINKS: dict[tuple, str] = {}


def _link_tag(found: list[tuple[Target, Optional[str], Optional[str], str]]) -> str:
    tips = []
    for t, relation, pinpoint, kind in found:
        tip = {"s": t.key, "t": t.title, "d": t.date, "r": relation or "", "p": pinpoint or "",
               "n": 1 if kind == "named" else 0}
        tips.append({k: v for k, v in tip.items() if v})
    first = found[0][0]
    tip = _TIP_JSON(tips)
    cls = "ref named" if found[0][3] == "named" else "ref"
    if first.in_corpus:
        cls += " local"
    keys = SEP.join(t.key for t, *_ in found)
    return f'<a class="{cls}" href="{_ESC(first.href)}" data-targets="{_ESC(keys)}" data-tip="{_ESC(tip)}">'


# --------------------------------------------------------------------------- the page


def _verb_span(p: Paragraph, start: int) -> list[tuple[int, int, str, str]]:
    if not p.verb:
        return []
    at = p.text.find(p.verb, start, start + len(p.verb) + 2)
    return [(at, at + len(p.verb), '<em class="verb">', "</em>")] if at >= 0 else []


_SAFE_ID = re.compile(r"^[A-Za-z0-9_.-]*$")


@lru_cache(maxsize=16384)
def _attr(s: str) -> str:
    """``s`` for an HTML attribute value in double quotes; ids (``pp3``) as they are (kept: the same ids
    recur on every page)."""
    return s if (s.isascii() and s.isalnum()) or _SAFE_ID.match(s) else _ESC(s)


def _paragraph_html(p: Paragraph, refs: Sequence[Reference], targets: Mapping[str, Target],
                    change: Optional[str], change_id: Optional[str]) -> str:
    own = [r for r in refs if not r.footnote] if refs else ()
    extra: list[tuple[int, int, str, str]] = []
    number = ""
    start = 0
    kind = p.kind
    pid = _attr(p.id)
    if kind == "operative" or kind == "body":
        m = _NUMBERED.match(p.text)
        if m:
            extra.append((m.start(1), m.end(1), '<span class="num">', "</span>"))
            start = m.end()
        elif kind == "operative":
            n = p.number or (p.id[2:] if p.id.startswith("op") else "")
            number = f'<span class="num auto" title="number not printed in the source">{_text(n)}.</span> ' if n else ""
    if p.verb and (kind == "preambular" or kind == "operative"):
        extra += _verb_span(p, start)
    marks = [(n, off, f'<sup class="mark"><a href="#{pid}-fn{_attr(n)}">{_text(n)}</a></sup>')
             for n, off in p.marks] if p.marks else ()
    body = _annotate(p.text, own, targets, extra, marks)
    if p.footnotes and not p.marks:  # marks not located: show them at the end
        body += "".join(f'<sup class="mark"><a href="#{pid}-fn{_attr(f.number)}">{_text(f.number)}</a></sup>'
                        for f in p.footnotes)
    badge = ""
    cls = f"para {kind}"
    if change and change != "unchanged":
        cls += f" chg-{change}"
        badge = f'<a class="badge" href="#chg-{_attr(change_id)}" title="see Changes">{_text(change)}</a>'
    out = f'<div class="{_attr(cls) if " " not in cls else cls}" id="{pid}">{badge}<p>{number}' \
          f'<span class="text" data-para="{pid}">{body}</span></p>'
    if p.footnotes:
        notes = "".join(_footnote_html(p.id, f, [r for r in refs if r.footnote == f.number], targets)
                        for f in p.footnotes)
        out += f'<div class="notes">{notes}</div>'
    return out + "</div>\n"


def _plain_paragraph_html(p: Paragraph, change: Optional[str] = None, change_id: Optional[str] = None) -> str:
    """:func:`_paragraph_html` of a paragraph with no reference, footnote mark or footnote (most
    paragraphs; a changed one carries its mark): the same bytes, without the machinery that places links."""
    text = p.text
    if "&" in text or "<" in text or ">" in text:
        return _paragraph_html(p, (), {}, change, change_id)
    kind = p.kind
    pid = _attr(p.id)
    auto = lead = ""
    pos = start = 0
    if kind == "operative" or kind == "body":
        m = _NUMBERED.match(text)
        if m:
            s, e = m.span(1)
            lead = f'{text[:s]}<span class="num">{text[s:e]}</span>'
            pos, start = e, m.end()
        elif kind == "operative":
            n = p.number or (p.id[2:] if p.id.startswith("op") else "")
            if n:
                auto = f'<span class="num auto" title="number not printed in the source">{_text(n)}.</span> '
    verb = p.verb
    if verb and (kind == "preambular" or kind == "operative"):
        at = text.find(verb, start, start + len(verb) + 2)
        if at >= 0:
            e = at + len(verb)
            lead += f'{text[pos:at]}<em class="verb">{verb}</em>'
            pos = e
    if change and change != "unchanged":
        return (f'<div class="para {kind} chg-{change}" id="{pid}"><a class="badge" href="#chg-{_attr(change_id)}" '
                f'title="see Changes">{_text(change)}</a><p>{auto}<span class="text" data-para="{pid}">{lead}'
                f'{text[pos:]}</span></p></div>\n')
    return (f'<div class="para {kind}" id="{pid}"><p>{auto}<span class="text" data-para="{pid}">{lead}{text[pos:]}'
            '</span></p></div>\n')


def _footnote_html(pid: str, f: Footnote, refs: Sequence[Reference], targets: Mapping[str, Target]) -> str:
    return (f'<p class="fn" id="{_attr(pid)}-fn{_attr(f.number)}"><sup>{_text(f.number)}</sup> '
            f'<span class="text" data-para="{_attr(pid)}" data-fn="{_attr(f.number)}">'
            f'{_annotate(f.text, refs, targets)}</span></p>')


_SECTIONS = (("header", None), ("preambular", "Preamble"), ("operative", "Operative part"),
             ("body", None), ("other", None))


def render_page(doc: Document, references: Sequence[Reference], targets: Mapping[str, Target],
                key: Optional[str] = None, changes: Optional[SeriesDiff] = None,
                explorer: str = "../graph.html") -> str:
    """The reading page of ``doc`` as an HTML string (pure).

    Parameters
    ----------
    doc : Document
        The document with its paragraphs and footnotes.
    references : sequence of Reference
        Its references (``ingest.extract``, or the build's); ``start``/``end`` index the text of
        their paragraph or footnote. A reference whose span does not match is listed at the end.
    targets : mapping
        ``reference.target`` -> :class:`Target` (:func:`target_info`); a missing target is shown
        with what the reference says of it and linked to undocs.org.
    key : str, optional
        The document's node (default: its symbol).
    changes : SeriesDiff, optional
        The diff from its series predecessor (:func:`graph.diff.diff_documents`): adds the
        section "Changes since OLD".
    explorer : str
        The explorer page, relative to this one.
    """
    key = key or doc.symbol or doc.file
    by_para: dict[str, list[Reference]] = {}
    for r in references:
        by_para.setdefault(r.paragraph, []).append(r)
    change_of: dict[str, tuple[str, str]] = {}
    if changes is not None:
        for i, pc in enumerate(changes.paragraphs):
            if pc.new:
                change = pc.change
                if change != "unchanged":  # an unchanged paragraph has no mark
                    change_of[pc.new] = (change, _change_id(pc, i))
    title = doc.title or ""
    head = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{_ESC(short_symbol(key))}{' — ' + _ESC(title) if title else ''}</title>\n",
        '<link rel="stylesheet" href="reading.css">\n<script src="reading.js" defer></script>\n</head>\n<body>\n',
    ]
    nav = [f'<nav class="bar"><a class="explorer" href="{_ESC(explorer)}#{quote(key, safe="")}">'
           f"◀ {_ESC(short_symbol(key))} in the explorer</a>"]
    if re.match(r"^[A-Z][A-Za-z0-9.\-]*/\S+$", key):
        nav.append(f' <a class="undocs" href="{_ESC(_undocs(key))}">undocs.org</a>')
    if changes is not None:
        nav.append(f' <a class="tochanges" href="#changes">Changes since {_ESC(short_symbol(changes.old))}</a>')
    nav.append("</nav>\n")
    meta = [x for x in (_body_name(doc.body), doc.session, f"Agenda item {doc.agenda_item}" if doc.agenda_item else "",
                        doc.distribution) if x]
    header = ['<header class="doc">']
    if meta:
        header.append(f'<p class="meta">{" · ".join(_ESC(m) for m in meta)}</p>')
    header.append(f'<h1><span class="sym">{_ESC(key)}</span>'
                  f'{"<span class=title>" + _ESC(title) + "</span>" if title else ""}</h1>')
    if doc.date:
        header.append(f'<p class="date">Adopted <time datetime="{_ESC(doc.date)}">{_ESC(_long_date(doc.date))}</time>'
                      f'</p>')
    body: list[str] = []
    current = None
    for p in doc.paragraphs:
        pid = p.id
        refs = by_para.get(pid)
        if refs is None and not p.marks and not p.footnotes:
            html_p = _plain_paragraph_html(p, *change_of.get(pid, (None, None)))  # most: no link, mark or note
        else:
            html_p = _paragraph_html(p, refs or (), targets, *change_of.get(pid, (None, None)))
        if p.kind == "header":
            header.append(html_p)
            continue
        if p.kind != current:
            if current is not None:
                body.append("</section>\n")
            label = dict(_SECTIONS).get(p.kind)
            body.append(f'<section class="{_ESC(p.kind)}">' + (f'<h2 class="part">{label}</h2>' if label else ""))
            current = p.kind
        body.append(html_p)
    if current is not None:
        body.append("</section>\n")
    header.append("</header>\n")
    if doc.unplaced_footnotes:
        body.append('<section class="notes unplaced"><h2 class="part">Footnotes</h2>')
        for f in doc.unplaced_footnotes:
            body.append(_footnote_html("notes", f, [r for r in references if r.paragraph == "notes"
                                                    and r.footnote == f.number], targets))
        body.append("</section>\n")
    unplaced = _unplaced(doc, references)
    if unplaced:
        body.append('<section class="unplaced-refs"><h2 class="part">References not placed in the text</h2><ul>')
        for r in unplaced:
            o, c = _link([r], targets)
            body.append(f"<li>{_ESC(r.paragraph)}{' fn ' + _ESC(r.footnote) if r.footnote else ''}: "
                        f"{o}{_ESC(r.surface or r.target)}{c}</li>")
        body.append("</ul></section>\n")
    tail = [changes_html(changes, targets) if changes is not None else "",
            '<div id="tip" role="tooltip" hidden></div>\n</body>\n</html>\n']
    return "".join(head + nav + header + ["<main>\n"] + body + ["</main>\n"] + tail)


def _unplaced(doc: Document, references: Sequence[Reference]) -> list[Reference]:
    """References whose span does not index their paragraph's (or footnote's) text."""
    paras = {p.id: p for p in doc.paragraphs}
    out = []
    for r in references:
        p = paras.get(r.paragraph)
        if p is None:
            if not (r.paragraph == "notes" and any(f.number == r.footnote for f in doc.unplaced_footnotes)):
                out.append(r)
            continue
        text = p.text
        if r.footnote:
            f = next((f for f in p.footnotes if f.number == r.footnote), None)
            text = f.text if f else ""
        if not (0 <= r.start < r.end <= len(text) and text[r.start:r.end] == r.surface):
            out.append(r)
    return out


_BODIES = {"GA": "General Assembly", "SC": "Security Council", "ECOSOC": "Economic and Social Council",
           "HRC": "Human Rights Council"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _body_name(body: Optional[str]) -> str:
    return _BODIES.get(body or "", body or "")


def _long_date(iso: str) -> str:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", iso)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return iso
    return f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"


# --------------------------------------------------------------------------- changes


def _change_id(pc, i: int) -> str:
    return f"{pc.new or 'x'}-{pc.old or 'x'}-{i}"


def _words_html(pc) -> str:
    if pc.old is None:
        return f"<ins>{_text(pc.new_text)}</ins>"
    if pc.new is None:
        return f"<del>{_text(pc.old_text)}</del>"
    if not pc.words:
        return _text(pc.new_text)
    out = []
    for w in pc.words:
        out.append(w.gap)
        op = w.op
        if op == "equal":
            out.append(_text(w.new))
        elif op == "delete":
            out.append(f"<del>{_text(w.old)}</del>")
        elif op == "insert":
            out.append(f"<ins>{_text(w.new)}</ins>")
        else:
            out.append(f"<del>{_text(w.old)}</del><ins>{_text(w.new)}</ins>")
    return "".join(out)


def changes_html(diff: SeriesDiff, targets: Mapping[str, Target] = {}) -> str:
    """The section "Changes since OLD" of a reading page (pure): a summary, the verbs changed,
    the citations added and dropped, then each added, dropped, moved or changed paragraph with
    its changed words marked (``<del>``, ``<ins>``)."""
    old = short_symbol(diff.old)
    old_href = f"{page_name(diff.old)}.html"
    out = [f'<section id="changes" class="changes"><h2>Changes since <a href="{_ESC(old_href)}">{_ESC(old)}</a></h2>',
           f'<p class="summary">{_ESC(diff.summary())}. Paragraphs are aligned by their words, whatever their '
           f'numbers.</p>']
    if diff.verbs:
        out.append('<h3>Verbs changed</h3><table class="verbs"><thead><tr><th>'
                   f'{_ESC(old)}</th><th>now</th><th>was</th><th>is</th></tr></thead><tbody>')
        for v in diff.verbs:
            out.append(f'<tr><td>{_ESC(v.old)}</td><td><a href="#{_ESC(v.new)}">{_ESC(v.new)}</a></td>'
                       f'<td><del>{_ESC(v.old_verb)}</del></td><td><ins>{_ESC(v.new_verb)}</ins></td></tr>')
        out.append("</tbody></table>")
    if diff.citations:
        out.append('<h3>Citations added and dropped</h3><table class="citations"><thead><tr><th></th>'
                   '<th>paragraph</th><th>cites</th><th></th></tr></thead><tbody>')
        for (change, pid, notes), group in citation_rows(diff.citations):
            where = pid + (f" fn {', '.join(notes)}" if notes else "")
            place = f'<a href="#{_ESC(pid)}">{_ESC(where)}</a>' if change == "added" else _ESC(where)
            also = [short_symbol(c.target) for c in group if c.elsewhere]
            note = _ESC(("still cited elsewhere: " if change == "dropped" else "cited elsewhere before: ")
                        + ", ".join(also)) if also else ""
            sign = '<ins>+</ins>' if change == "added" else '<del>−</del>'
            links = [_citation_link(targets.get(ch.target) or Target(key=ch.target), ch.surface) for ch in group]
            out.append(f'<tr class="{change}"><td>{sign}</td><td>{place}</td><td>{", ".join(links)}</td>'
                       f'<td class="note">{note}</td></tr>')
        out.append("</tbody></table>")
        if diff.footnotes_caveat():
            out.append(f'<p class="caveat">{_ESC(diff.footnotes_caveat())}</p>')
    out.append('<h3>Paragraphs</h3><ol class="pchanges">')
    for i, pc in enumerate(diff.paragraphs):
        change = pc.change
        if change == "unchanged":
            continue
        where = f"{pc.old or '—'} → {pc.new or '—'}"
        extra = f' <span class="sim">{pc.similarity:.0%} of words kept</span>' if pc.old and pc.new else ""
        if pc.moved and pc.text_changed:
            extra += ' <span class="also">and changed</span>'
        target = f' <a href="#{_attr(pc.new)}">read</a>' if pc.new else ""
        out.append(f'<li class="pc {change}" id="chg-{_attr(_change_id(pc, i))}"><p class="what">'
                   f'<span class="kind">{change}</span> {_text(where)}{extra}{target}</p>'
                   f'<p class="words">{_words_html(pc)}</p></li>')
    out.append("</ol></section>\n")
    return "".join(out)


def _citation_link(t: Target, surface: str) -> str:
    """The link of a citation added or dropped (the section "Changes since"): to ``t``, over the words as
    written (``surface``), or its symbol as people write it."""
    label = short_symbol(t.key) if t.key == surface or not surface else surface
    key = (t.key, t.title, t.date, t.in_corpus, t.url, label)
    link = _CITATION_LINKS.get(key)
    if link is None:
        if len(_CITATION_LINKS) > 100_000:
            _CITATION_LINKS.clear()
        tip = _TIP_JSON([{k: v for k, v in {"s": t.key, "t": t.title, "d": t.date}.items() if v}])
        link = _CITATION_LINKS[key] = f'<a class="ref" href="{_ESC(t.href)}" data-tip="{_ESC(tip)}">{_ESC(label)}</a>'
    return link


#: Links of citations added and dropped already made, by target and label: the same citation (the 2030
#: Agenda, added) recurs across pages.
_CITATION_LINKS: dict[tuple, str] = {}


# --------------------------------------------------------------------------- writing


def write_assets(docs_dir) -> list[pathlib.Path]:
    """Copy the shared stylesheet and script into ``docs_dir`` (atomically)."""
    return [atomic_write(pathlib.Path(docs_dir) / name, (TEMPLATES / name).read_bytes()) for name in ASSET_FILES]


def write_pages(G, documents: Iterable[Document], references, out_dir,
                changes: bool = True, jobs: Optional[int] = None, keys: Optional[Sequence] = None,
                store: Optional[tuple] = None) -> dict:
    """Write the reading page of every corpus document of ``G`` into ``out_dir/docs/``.

    ``documents`` and ``references`` are the build's (a document's page is written when it is
    the corpus document of its node); ``references`` are :class:`~ingest.Reference` objects or
    the build's references table (``doc``: the index of the document). Documents may be described
    only: their texts then come from the build's store (``store``: its folder and tool version;
    ``keys``: each document's key there), read in the processes that render the pages, so that
    the process holding the graph never holds a text. With ``changes``, a document whose series predecessor
    (:func:`graph.analysis.series_predecessors`) is in the corpus gets the section "Changes
    since OLD". ``jobs`` processes render the pages (default: all cores; forked, so the
    documents are shared, not copied). The pages are written into a new folder that then
    replaces ``docs/`` whole: an interrupted build leaves the previous pages as they were, and
    pages of documents no longer in the corpus go. Returns ``pages``, ``changes`` (pages with
    that section), ``seconds`` and ``dir``.

    ``start_pages(...).wait()`` is the same in two steps, so that the caller can do other work
    (``pipeline.build`` writes the graph's files) while the pages are made.
    """
    return start_pages(G, documents, references, out_dir, changes, jobs, keys, store).wait()


class PagesJob:
    """Reading pages being made in other processes (:func:`start_pages`): :meth:`wait` for them
    (and put them in place), or :meth:`cancel`.

    Each page is one :class:`PageTask`, made here in windows of :data:`TASK_WINDOW` pages and
    carrying all the page is made from, so that any process can make it: the build's own processes,
    forked at its start while it was small (``workers``, :class:`graph.workers.Workers`), or
    processes forked here."""

    def __init__(self, G, documents: Iterable[Document], references, out_dir,
                 changes: bool, jobs: Optional[int], background: bool = False, keys: Optional[Sequence] = None,
                 store: Optional[tuple] = None, workers=None, unchanged: frozenset = frozenset()):
        from . import analysis  # pandas: loaded where pages are made (the series of each document)

        self.t0 = time.perf_counter()
        self.out_dir = pathlib.Path(out_dir)
        self.docs_dir = self.out_dir / DOCS_DIRNAME
        self.out_dir.mkdir(parents=True, exist_ok=True)
        for stale in self.out_dir.glob(f".{DOCS_DIRNAME}.*"):  # left by an interrupted build
            shutil.rmtree(stale, ignore_errors=True)
        self.stage = self.out_dir / f".{DOCS_DIRNAME}.new-{os.getpid()}"
        self.stage.mkdir()
        write_assets(self.stage)
        node_of_file = {d.get("file"): n for n, d in G.nodes(data=True) if d.get("in_corpus")}
        documents = list(documents)
        by_node: dict[str, Document] = {}
        for doc in documents:
            n = node_of_file.get(clean_text(doc.file))  # a node's file went through the cleaning step
            if n is not None and n not in by_node:
                by_node[n] = doc
        pred = analysis.series_predecessors(G, sorted(by_node)) if changes else {}
        self.todo = _series_order({n: (pred.get(n) if pred.get(n) in by_node else None) for n in sorted(by_node)})
        self._tasks = _TaskMaker(G, by_node, _ReferencesByFile(references, documents),
                                 dict(zip((d.file for d in documents), keys)) if store and keys is not None else {},
                                 store, str(self.stage), str(self.docs_dir), _read_manifest(self.docs_dir),
                                 _page_stamps(store), unchanged)
        self.tasks_store = store
        self.pool = self.result = self.pending = None
        jobs = max(1, jobs or os.cpu_count() or 1)
        # What exists now (the graph, the build's tables and documents) is left out of the cycle
        # collector's walks until the pages are made (:meth:`_thaw`): the tasks made here (and the
        # pages, with one job) set off collections that would each walk it all again; a child forked
        # here would copy the pages of memory its collector walks. Reference counting still frees it.
        self._frozen = gc.get_freeze_count() == 0
        if self._frozen:
            gc.freeze()
        if workers is not None:
            self.pending = workers.start(make_page, self._tasks(self.todo))
        elif (jobs > 1 or background) and len(self.todo) >= 50 and "fork" in mp.get_all_start_methods():
            try:
                self.pool = mp.get_context("fork").Pool(jobs, initializer=_start_worker)
            except BaseException:
                self._thaw()
                raise
            chunk = max(1, min(32, len(self.todo) // (jobs * 8)))
            self.result = self.pool.imap(make_page, self._tasks(self.todo), chunksize=chunk)

    def wait(self) -> dict:
        try:
            if self.pending is not None:
                done = self.pending.results()
            elif self.pool is not None:
                done = list(self.result)
                self.pool.close()
                self.pool.join()
            else:
                done = [make_page(t) for t in self._tasks(self.todo)]
            done += self._tasks.kept
            atomic_write(self.stage / MANIFEST, json.dumps({name: digest for name, digest, _ in sorted(done)},
                                                           indent=0, sort_keys=True) + "\n")
            old = self.out_dir / f".{DOCS_DIRNAME}.old-{os.getpid()}"
            if self.docs_dir.exists():
                os.replace(self.docs_dir, old)
            os.replace(self.stage, self.docs_dir)
            _record_page_stamps(self.tasks_store, self.docs_dir)
            shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            self.cancel()
            raise
        finally:
            self._thaw()
        return {"pages": len(done), "changes": sum(1 for _, old_key in self.todo if old_key),
                "kept": sum(1 for _, _, kept in done if kept),
                "seconds": time.perf_counter() - self.t0, "dir": str(self.docs_dir)}

    def cancel(self) -> None:
        """Stop making pages; the previous ``docs/`` stays as it was."""

        if self.pending is not None:
            self.pending.cancel()
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
        shutil.rmtree(self.stage, ignore_errors=True)
        self._thaw()

    def _thaw(self) -> None:
        """Give the objects frozen when the job started back to the cycle collector (once)."""
        if self._frozen:
            self._frozen = False
            gc.unfreeze()


def start_pages(G, documents: Iterable[Document], references, out_dir,
                changes: bool = True, jobs: Optional[int] = None, keys: Optional[Sequence] = None,
                store: Optional[tuple] = None, workers=None, unchanged: frozenset = frozenset()) -> PagesJob:
    """Start making the reading pages of :func:`write_pages` in other processes and return at once;
    ``.wait()`` puts them in place and returns what :func:`write_pages` returns. The caller goes on
    working meanwhile. ``workers`` (a :class:`graph.workers.Workers`, forked at the start of the
    build, before the graph existed) make them; without it, ``jobs`` processes forked here (default:
    as many as the machine has cores: the caller's work, ``pipeline.build`` writing the graph's
    files, ends before the pages do, and its core would then stand idle). A corpus of under 50
    documents without ``workers`` is made in ``wait``, here.

    ``unchanged``: the files of the documents whose page inputs are the last build's but for their own
    text, and whose text is the last build's too (``graph.pipeline`` gives them when the graph is the
    last build's, :class:`graph.pipeline._KeptGraph`, and the document's store key the same): a page
    whose document and predecessor are both among them is linked from the last build's folder with its
    recorded digest, without the digest being made again (its references, targets and text digests)."""
    if jobs is None:
        jobs = os.cpu_count() or 1
    return PagesJob(G, documents, references, out_dir, changes, jobs, background=True, keys=keys, store=store,
                    workers=workers, unchanged=unchanged)


def pages_digest(outputs_digest: Optional[str], documents: Sequence[Document], keys: Sequence) -> Optional[str]:
    """What the reading pages of a build are made from, when the build's store names it all: the digest
    of the graph's files' inputs (``pipeline._KeptOutputs``: the code of ``graph/``, this file's
    included, the libraries' versions, the graph's nodes and edges, the references, the options) and
    each document's file and store key (the SHA-256 of its name and bytes, read by the same tool version:
    the same text). None when a document has no key (its text is not named by the store)."""
    if outputs_digest is None or len(keys) != len(documents) or any(k is None for k in keys):
        return None
    h = hashlib.sha256(f"pages\x1f{outputs_digest}".encode())
    for d, k in zip(documents, keys):
        h.update(f"\x1f{d.file}\x1e{k}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _docs_listing(docs_dir: pathlib.Path) -> Optional[str]:
    """A digest of the files in ``docs_dir`` (name, size, modification time in ns); None when it is
    missing or holds a folder."""
    h = hashlib.sha256()
    try:
        with os.scandir(docs_dir) as it:
            entries = sorted(it, key=lambda e: e.name)
        for e in entries:
            if not e.is_file(follow_symlinks=False):
                return None
            st = e.stat(follow_symlinks=False)
            h.update(f"{e.name}\x1e{st.st_size}\x1e{st.st_mtime_ns}\x1f".encode("utf-8", "surrogatepass"))
    except OSError:
        return None
    return h.hexdigest()


def kept_pages(out_dir, cache_dir, digest: Optional[str]) -> Optional[dict]:
    """The reading pages of the last build into ``out_dir``, kept whole (no page made, linked or read)
    when they were made from the same inputs (``digest``, :func:`pages_digest`) and ``docs/`` stands as
    that build left it (the same files, sizes and times: a page deleted, touched or added makes them
    all again, as does any change the digest names). Returns what :func:`write_pages` returns, or None."""
    from .store import memo_get

    if digest is None:
        return None
    t0 = time.perf_counter()
    value = memo_get(cache_dir, "pages", digest)
    if value is None:
        return None
    out = pathlib.Path(out_dir)
    docs_dir = out / DOCS_DIRNAME
    try:
        record = json.loads(value)
        if record["listing"] != _docs_listing(docs_dir):
            return None
        pages, changes = int(record["pages"]), int(record["changes"])
    except (ValueError, KeyError, TypeError):
        return None
    for stale in out.glob(f".{DOCS_DIRNAME}.*"):  # left by an interrupted build
        shutil.rmtree(stale, ignore_errors=True)
    return {"pages": pages, "changes": changes, "kept": pages, "seconds": time.perf_counter() - t0,
            "dir": str(docs_dir)}


def record_pages(out_dir, cache_dir, digest: Optional[str], made: dict) -> None:
    """Keep, for :func:`kept_pages`, what the pages just made (``made``: :func:`write_pages`'s result)
    were made from and how ``docs/`` stands now."""
    from .store import memo_put

    if digest is None:
        return
    listing = _docs_listing(pathlib.Path(out_dir) / DOCS_DIRNAME)
    if listing is not None:
        memo_put(cache_dir, "pages", digest, json.dumps({"listing": listing, "pages": made["pages"],
                                                         "changes": made["changes"]}).encode())


def _series_order(pred: dict[str, Optional[str]]) -> list[tuple[str, Optional[str]]]:
    """``(node, predecessor)`` pairs with each series in order, oldest first (56/183, 57/238, …), so
    that a process diffs a text with the one after it just after diffing it with the one before
    (its words are split once: ``graph.diff`` keeps them; its text is read from the store once); the
    rest after, sorted."""
    follows: dict[str, list[str]] = {}
    for n, old in pred.items():
        if old is not None:
            follows.setdefault(old, []).append(n)
    out: list[tuple[str, Optional[str]]] = []
    seen: set[str] = set()
    for n in pred:
        if n in seen or (pred[n] is not None and pred[n] in pred):
            continue  # not the first of its chain
        stack = [n]
        while stack:
            m = stack.pop()
            if m in seen:
                continue
            seen.add(m)
            out.append((m, pred[m]))
            stack.extend(reversed(follows.get(m, [])))
    out.extend((n, pred[n]) for n in pred if n not in seen)  # a loop of predecessors
    return out


@dataclass(frozen=True)
class PageTask:
    """One reading page to make (:func:`make_page`), with all it is made from, so that a process
    forked before the graph existed can make it: the node and its document (described only when
    its text is in the build's store: ``store`` is the store's folder and tool version, ``key`` the
    document's entry there), its references, what the graph says of the documents they cite
    (``targets``, :func:`target_info`, both documents' together), the same of its series predecessor
    ``old`` (None: no section "Changes since"), the folder the page goes to (``stage``) and the
    digest of all it is made from (``digest``, recorded in ``docs/.pages.json``; a page whose digest
    the previous build recorded makes no task: it is linked from there)."""

    node: str
    document: Document
    references: tuple
    targets: Mapping[str, Target]
    stage: str
    digest: str = ""
    key: Optional[str] = None
    old: Optional[str] = None
    old_document: Optional[Document] = None
    old_references: tuple = ()
    old_key: Optional[str] = None
    store: Optional[tuple] = None

    def __reduce__(self):
        """Pickled with its references as plain tuples (:class:`PageReference`'s fields): a named tuple
        or an object pickles as its class and fields, a plain tuple as its values alone."""
        values = [getattr(self, f.name) for f in fields(self)]
        for at in _TASK_REFERENCES:
            values[at] = tuple(map(tuple, map(page_reference, values[at])))
        return _unpickle_task, tuple(values)


def _unpickle_task(*values) -> PageTask:
    values = list(values)
    for at in _TASK_REFERENCES:
        values[at] = tuple(map(_NEW_TUPLE, repeat(PageReference), values[at]))  # PageReference._make, in C
    return PageTask(*values)


#: Where :class:`PageTask`'s references are among its fields.
_TASK_REFERENCES = tuple(i for i, f in enumerate(fields(PageTask)) if f.name in ("references", "old_references"))


#: Pages whose tasks are made at a time: the references of their documents are taken from the
#: build's table in one step (not one per document), and no more than these are held at once.
TASK_WINDOW = 256


class _TaskMaker:
    """``(node, predecessor)`` pairs -> :class:`PageTask` objects, :data:`TASK_WINDOW` at a time. A page
    whose digest is the one the previous build recorded is linked from the previous folder here and
    makes no task (``kept``: its file name and digest)."""

    def __init__(self, G, by_node: dict, refs_of: "_ReferencesByFile", keys: dict, store: Optional[tuple],
                 stage: str, previous: str, manifest: dict, stamps: Optional[dict] = None,
                 unchanged: frozenset = frozenset()):
        self.G, self.by_node, self.refs_of, self.keys, self.store = G, by_node, refs_of, keys, store
        self.stage, self.previous, self.manifest, self.stamps = stage, previous, manifest, stamps
        self.unchanged = unchanged
        self.kept: list[tuple[str, str, bool]] = []
        self.aliases = _Aliases(G)

    def __call__(self, todo: Sequence[tuple[str, Optional[str]]]) -> Iterable[PageTask]:
        for at in range(0, len(todo), TASK_WINDOW):
            window = [pair for pair in todo[at:at + TASK_WINDOW] if not self._linked_unchanged(*pair)]
            files = list(dict.fromkeys(self.by_node[n].file for pair in window for n in pair if n is not None))
            refs = self.refs_of.many(files)
            targets: dict[str, dict[str, Target]] = {}
            digests: dict[str, str] = {}
            for n, old in window:
                for m in (n, old):
                    if m is not None and m not in targets:
                        d = self.by_node[m]
                        targets[m] = target_info(self.G, refs[d.file], self.aliases)
                        digests[m] = _document_digest(d, refs[d.file], self._stored(d))
                both = {**targets[old], **targets[n]} if old is not None else targets[n]
                name = f"{page_name(n)}.html"
                digest = _page_digest(n, digests[n], digests[old] if old is not None else "none", both)
                if self.manifest.get(name) == digest and self._as_written(name):
                    try:
                        os.link(pathlib.Path(self.previous) / name, pathlib.Path(self.stage) / name)
                        self.kept.append((name, digest, True))
                        continue
                    except OSError:  # gone, or links not supported here: make it again
                        pass
                doc = self.by_node[n]
                old_doc = self.by_node[old] if old is not None else None
                yield PageTask(n, doc, refs[doc.file], both, self.stage, digest, self.keys.get(doc.file), old,
                               old_doc, refs[old_doc.file] if old_doc is not None else (),
                               self.keys.get(old_doc.file) if old_doc is not None else None, self.store)

    def _linked_unchanged(self, n: str, old: Optional[str]) -> bool:
        """Link the last build's page of ``n`` when it and its predecessor ``old`` are :attr:`unchanged`
        and the page stands as written (its recorded digest kept); False when it is not linked."""
        if not self.unchanged or self.by_node[n].file not in self.unchanged \
                or (old is not None and self.by_node[old].file not in self.unchanged):
            return False
        name = f"{page_name(n)}.html"
        digest = self.manifest.get(name)
        if digest is None or not self._as_written(name):
            return False
        try:
            os.link(pathlib.Path(self.previous) / name, pathlib.Path(self.stage) / name)
        except OSError:  # gone, or links not supported here: its digest is made, as for any page
            return False
        self.kept.append((name, digest, True))
        return True

    def _as_written(self, name: str) -> bool:
        """The previous build's page ``name`` stands as it was written (the size and modification time
        recorded in the store, :func:`_record_page_stamps`; without a record: yes, as before)."""
        if self.stamps is None:
            return True
        try:
            st = (pathlib.Path(self.previous) / name).stat()
        except OSError:
            return False
        return self.stamps.get(name) == [st.st_size, st.st_mtime_ns]

    def _stored(self, doc: Document) -> Optional[str]:
        """What names a described document's whole text in the store (tool version and key), or None
        when it is not there (the document is then whole already)."""
        key = self.keys.get(doc.file)
        return f"{self.store[1]}\x1f{key}" if self.store and key is not None and not doc.paragraphs else None


class _ReferencesByFile:
    """file -> its references (a tuple of :class:`PageReference`), from a list of references or the
    build's references table (whose rows are made :class:`PageReference` tuples a window of documents at
    a time, only the fields a page uses: :data:`PAGE_FIELDS`)."""

    def __init__(self, references, documents: list):
        import pyarrow as pa  # pyarrow: where pages are made, kept off `citegraph extract`'s start

        self.by_file: dict = {}
        self.table = None
        if isinstance(references, pa.Table):
            self.table = references.select([f for f in PAGE_FIELDS if f in references.column_names])
            doc = references.column("doc").to_numpy()
            starts = np.searchsorted(doc, np.arange(len(documents) + 1))
            self.slices = {d.file: (int(starts[i]), int(starts[i + 1])) for i, d in enumerate(documents)}
        else:
            for r in references:
                self.by_file.setdefault(r.file, []).append(r)

    def many(self, files: Sequence[str]) -> dict[str, tuple]:
        """``{file: its references}`` for each of ``files``."""
        import pyarrow as pa

        if self.table is None:
            return {f: tuple(map(page_reference, self.by_file.get(f, ()))) for f in files}
        spans = [self.slices.get(f, (0, 0)) for f in files]
        # each file's rows are one run of the table: slices, not a take (Arrow's take of a table in
        # many chunks joins each whole column first, for every window of pages)
        part = pa.concat_tables([self.table.slice(a, b - a) for a, b in spans if b > a] or [self.table.slice(0, 0)])
        columns = [part.column(n).to_pylist() if n in part.column_names else [_PAGE_DEFAULTS[n]] * part.num_rows
                   for n in PAGE_FIELDS]
        made = list(map(_NEW_TUPLE, repeat(PageReference), zip(*columns)))  # PageReference._make, in C
        out, at = {}, 0
        for f, (a, b) in zip(files, spans):
            out[f] = tuple(made[at:at + b - a])
            at += b - a
        return out


#: The fields of a reference that a page shows, links or digests (:func:`render_page`,
#: :func:`graph.diff.diff_documents`, :func:`_document_digest`): only these columns of the build's
#: table are taken for the pages (the citing sentence, the aliases and the rest are not), which
#: halves the cost of taking them from the table.
PAGE_FIELDS = ("source", "target", "kind", "paragraph", "footnote", "pinpoint", "relation", "surface", "start", "end",
               "target_title", "target_date")

_PAGE_DEFAULTS = {f.name: (f.default if f.default is not MISSING else "") for f in fields(Reference)
                  if f.name in PAGE_FIELDS}

#: A reference as a page uses it: the :data:`PAGE_FIELDS` of an :class:`~ingest.Reference`, read by the
#: same names (``r.target``, ``r.start``), as a named tuple: made from the build's table a window of
#: pages at a time for a tenth of what :class:`~ingest.Reference` objects cost, and sent to the page
#: processes as plain tuples (:meth:`PageTask.__reduce__`), which pickle in half the time.
PageReference = namedtuple("PageReference", PAGE_FIELDS)
#: ``_NEW_TUPLE(PageReference, row)`` is ``PageReference._make(row)`` (rows of the 12 fields) without its
#: Python frame: what makes tens of thousands of them, in the build and in each page process.
_NEW_TUPLE = tuple.__new__


def page_reference(r) -> "PageReference":
    """``r`` (an :class:`~ingest.Reference` or a :class:`PageReference`) as a :class:`PageReference`."""
    return r if type(r) is PageReference else PageReference._make([getattr(r, f) for f in PAGE_FIELDS])


def make_page(task: PageTask) -> tuple[str, str, bool]:
    """Make and write the page of ``task`` (with the changes since its predecessor); return its file
    name, the digest of what it was made from and False (not kept from the previous build). Texts kept
    in the build's store are read here (once for a document and its successor's page just after:
    pages go in series order)."""
    name = f"{page_name(task.node)}.html"
    doc = _whole(task, task.document, task.key)
    diff = None
    if task.old is not None:
        diff = diff_documents(_whole(task, task.old_document, task.old_key), doc, task.old_references,
                              task.references)
    _write_new(os.path.join(task.stage, name),
               render_page(doc, task.references, task.targets, key=task.node, changes=diff).encode("utf-8"))
    return name, task.digest, False


def _write_new(path: str, data: bytes) -> None:
    """Write ``data`` to a new file at ``path`` (as ``open(path, "wb")`` does, mode 0o666 less the umask)
    with three system calls and no file object: a page is written once, whole."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


#: In a process making pages: whole documents read from the store, the last few (a document's text is
#: needed again for its successor's page, made just after), and the store's readers.
_TEXTS: dict = {}
_READERS: dict = {}


def _whole(task: PageTask, doc: Document, key: Optional[str]) -> Document:
    """``doc`` whole: its text read from the build's store when it is described only."""
    if doc.paragraphs or key is None or not task.store:
        return doc
    memo = (os.getpid(), *task.store, key, doc.file)
    got = _TEXTS.get(memo)
    if got is None:
        reader = _READERS.get((os.getpid(), *task.store))
        if reader is None:
            from .store import StoreReader  # the store (SQLite, pyarrow): where pages are made

            reader = _READERS[(os.getpid(), *task.store)] = StoreReader(*task.store)
        got = reader.document(key, doc.file) or doc
        if len(_TEXTS) >= 8:
            _TEXTS.clear()
        _TEXTS[memo] = got
    return got


#: The file in ``docs/`` that records, for each page, the digest of what it was made from.
MANIFEST = ".pages.json"


def _read_manifest(docs_dir: pathlib.Path) -> dict[str, str]:
    try:
        data = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _page_stamps(store: Optional[tuple]) -> Optional[dict]:
    """``{page file: [size, mtime_ns]}`` of the pages the last build wrote, kept in its store; None
    without one."""
    from .store import memo_get

    value = memo_get(store[0], "page-files", "last") if store else None
    try:
        return json.loads(value) if value is not None else None
    except ValueError:
        return None


def _record_page_stamps(store: Optional[tuple], docs_dir: pathlib.Path) -> None:
    """Keep each page's size and modification time in the store, so that a page edited by hand since is
    made again, not linked (:meth:`_TaskMaker._as_written`)."""
    from .store import memo_put

    if not store:
        return
    stamps = {}
    with os.scandir(docs_dir) as it:
        for e in it:
            if e.name.endswith(".html") and e.is_file(follow_symlinks=False):
                st = e.stat(follow_symlinks=False)
                stamps[e.name] = [st.st_size, st.st_mtime_ns]
    memo_put(store[0], "page-files", "last", json.dumps(stamps).encode())


@lru_cache(maxsize=1)
def _renderer_version() -> str:
    """A digest of the code and templates that make a page, and of rapidfuzz's version."""
    h = hashlib.sha256(version("rapidfuzz").encode())
    for f in (HERE / "reading.py", HERE / "diff.py", *(TEMPLATES / a for a in ASSET_FILES)):
        h.update(f.read_bytes())
    return h.hexdigest()


def _page_digest(key: str, doc_digest: str, old_digest: str, targets: Mapping[str, Target]) -> str:
    """A digest of everything a page is made from: the renderer, the node, the document and its
    predecessor (:func:`_document_digest`; ``"none"`` without one) and what the graph says of the
    cited documents."""
    h = hashlib.sha256(_renderer_version().encode())
    cited = "\x1d".join(f"{k}\x1e{t.key}\x1e{t.title}\x1e{t.date}\x1e{t.in_corpus}\x1e{t.url}"
                         for k, t in sorted(targets.items(), key=itemgetter(0)))
    for part in (key, doc_digest, old_digest, cited):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _document_digest(d: Document, refs: Sequence[Reference], stored: Optional[str] = None) -> str:
    """A digest of a document with its paragraphs, footnotes and references. A document whose text
    is in the build's store is named by its entry there (``stored``: the tool version and the key,
    the SHA-256 of the file's name and bytes: the same entry holds the same text), so a page kept
    from the last build is known without reading its text."""
    if stored is not None:
        h = hashlib.sha256(f"stored\x1f{stored}\x1f{d.file}".encode("utf-8", "surrogatepass"))
    else:
        h = hashlib.sha256(_document_text(d).encode("utf-8", "surrogatepass"))
    h.update("\x1f".join([f"{r.target}\x1e{r.kind}\x1e{r.paragraph}\x1e{r.footnote}\x1e{r.pinpoint}\x1e"
                           f"{r.relation}\x1e{r.start}\x1e{r.end}\x1e{r.surface}\x1e{r.target_title}\x1e"
                           f"{r.target_date}" for r in refs]).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _document_text(d: Document) -> str:
    head = [d.symbol, d.title, d.date, d.body, d.session, d.agenda_item, d.distribution, d.report, d.file,
            repr(d.unplaced_footnotes)]
    paras = [f"{p.id}\x1e{p.kind}\x1e{p.verb}\x1e{p.number}\x1e{p.marks}\x1e{p.text}"
             + ("".join(f"\x1c{f.number}\x1b{f.text}" for f in p.footnotes) if p.footnotes else "")
             for p in d.paragraphs]
    return "\x1f".join(map(str, head)) + "\x1d" + "\x1f".join(paras)


def _start_worker() -> None:
    """A page process: it ends with its parent (even one killed), and leaves shared pages alone."""

    watch_parent()
    gc.disable()
