"""A parsed document -> its explicit references, each placed where it counts.

:func:`extract_explicit` reads every paragraph (not a compilation page's ``outside``
ones), its footnotes and the footnotes no mark placed, with the document's body as
the speaker (:func:`ingest.find.body.speaker_of` when the document names none):

* a paragraph's hits (:func:`ingest.find.scan.find_in_text`), its rows when it is in a
  mandates table (:mod:`ingest.find.tables`), and the symbols the document hyperlinked
  (``evidence``: ``text``, ``link``, ``text+link``);
* a footnote's references count in the paragraph carrying its mark, with the citing verb
  before the mark; an unplaced footnote's in ``notes``; "Ibid." cites what the note before
  cited, or what its own text cited before it (:mod:`ingest.find.ibid`);
* the document's own symbol is never a reference of its own.

Each reference gets its relation and sentence (:mod:`ingest.find.context`) and the
target's body and kind (:func:`ingest.symbols.describe`).
"""
from __future__ import annotations

import re
from typing import Optional

from .. import grammar, symbols
from ..model import Document, Paragraph, Reference
from . import parties
from .body import speaker_of
from .context import marks_of
from .hit import Hit
from .ibid import ibid_hits, last_cited, opens_with_ibid
from .relations import normalise_verb
from .scan import find_in_text, keyword_cues
from .tables import heading_after, with_rows
from .written import url_symbol

__all__ = ["extract_explicit", "footnote_hits", "source_of", "link_symbol"]

_SPACE_PARENS = re.compile(r"[\s()]")
_NOTE_NUMBER = re.compile(r"^(\d{1,3})\s")  # a note read as a paragraph: "17 Ibid."
_DATE_LINE = re.compile(r"^\d{1,2}\s+" + grammar.MONTH_PATTERN + r"\b")
_PART_END = re.compile(r"(?<=\d)[A-Z](?:-[A-Z])?$")


def source_of(doc: Document) -> str:
    """The key a document's references come from (:func:`ingest.symbols.document_key`): its
    symbol, else the symbol its file name spells, else "(no symbol) NAME"."""
    return symbols.document_key(doc.symbol, doc.file)


def link_symbol(url: str) -> Optional[str]:
    """The symbol a UN document link points to ("https://docs.un.org/en/A/80/6(Sect.17%29").

    >>> link_symbol("https://docs.un.org/en/A/RES/79/257"), link_symbol("https://example.org/a/1")
    ('A/RES/79/257', None)
    """
    return url_symbol(url)


def _norm_symbol(sym: str) -> str:
    return _SPACE_PARENS.sub("", sym).upper()


def _base(target: str) -> str:
    return _PART_END.sub("", target)


class _Own:
    """Whether a target is exactly the document itself, or one of the symbols of its joint symbol
    (:func:`ingest.symbols.joint_parts`: the masthead "A/79/123–S/2024/456" cites neither); part A of a
    resolution is another document than part B."""

    def __init__(self, symbol: Optional[str]):
        self.keys = {_norm_symbol(s) for s in [symbol, *symbols.joint_parts(symbol)]} if symbol else set()

    def __call__(self, target: str) -> bool:
        return bool(self.keys) and _norm_symbol(target) in self.keys


def _ref(doc: Document, source: str, pid: str, footnote: Optional[str], h: Hit,
         relation: tuple[Optional[str], Optional[str]], sentence: str, evidence: str) -> Reference:
    body, kind = parties.describe(h.target) or symbols.describe(h.target)
    return Reference(source=source, target=h.target, kind="explicit", paragraph=pid, footnote=footnote,
                     pinpoint=h.pinpoint, pinpoint_written=h.pinpoint_written, relation=relation[0], verb=relation[1],
                     target_body=body, target_type=kind,
                     file=doc.file, surface=h.surface, start=h.start, end=h.end, target_date=h.target_date,
                     target_subject=h.target_subject, target_title=h.target_title, sentence=sentence,
                     evidence=evidence, target_aliases=h.aliases)


_NONE: frozenset = frozenset()  # no hit added from a link, no linked symbol


def _with_links(p: Paragraph, hits: list[Hit]) -> tuple[list[Hit], set[int], set[str]]:
    """A symbol the document hyperlinked is a reference, even where its words alone are not one:
    ``(hits with those added, ids of the added hits, the linked symbols without part letters)``."""
    links = [(words, link_symbol(url)) for words, url in p.links] if p.links else []
    link_targets = {_base(t) for _, t in links if t}
    found = {_base(h.target) for h in hits} if links else set()
    from_links: set[int] = set()
    pos = 0
    for words, target in links:
        at = p.text.find(words, pos)
        if target and _base(target) not in found and at >= 0:
            hits.append(Hit(target, words, at, at + len(words)))
            from_links.add(id(hits[-1]))
            found.add(_base(target))
        pos = at + len(words) if at >= 0 else pos
    return hits, from_links, link_targets


class _LastNote:
    """The last reference of the note read last (None when that note cited no UN document): what
    an "Ibid." in the next note repeats."""

    def __init__(self, tied: Optional[dict] = None, cues: Optional[dict[str, list[int]]] = None):
        self.hit: Optional[Hit] = None
        self.tied = tied  # the numbers the document tied to another body (find_in_text)
        self.cues = cues  # keyword_cues of the document's texts, when found

    def hits(self, text: str, speaker: str) -> list[Hit]:
        """The hits of one note's ``text``, its "Ibid."s included, in order; remembers its last."""
        if self.cues is None:
            hits = find_in_text(text, speaker, self.tied)
        else:
            starts = self.cues.get(text)
            hits = [] if starts is None else find_in_text(text, speaker, self.tied, starts)
        more = ibid_hits(text, hits, self.hit)
        if more:
            hits = sorted(hits + more, key=lambda h: h.start)
        self.hit = last_cited(hits)
        return hits


def _footnote_refs(doc: Document, source: str, p: Paragraph, speaker: str, own: _Own,
                   last: _LastNote) -> list[Reference]:
    """The references of a paragraph's footnotes: they count in the paragraph, with the citing
    verb before the footnote's mark."""
    refs = []
    body_marks = None
    for fn in p.footnotes:
        hits = last.hits(fn.text, speaker)
        if not hits:
            continue
        marks = marks_of(fn.text)
        at = next((o for n, o in p.marks if n == fn.number), None)
        if at is not None:
            body_marks = body_marks or marks_of(p.text)
            rel = body_marks.relation(at, p.verb)
        else:
            lemma = normalise_verb(p.verb)
            rel = (lemma, p.verb if lemma else None)
        for h in hits:
            if not own(h.target):
                refs.append(_ref(doc, source, p.id, fn.number, h, rel, marks.sentence(h.start, h.end), "text"))
    return refs


def _neighbours_note(doc: Document, p: Paragraph, before: Optional[Paragraph], speaker: str) -> Optional[Hit]:
    """What the note numbered just before note paragraph ``p`` cited, when that note is the one outside
    paragraph of a compilation page with that number and the own paragraph ``before`` is not it; else None."""
    m = _NOTE_NUMBER.match(p.text)
    if not m or int(m.group(1)) < 2:
        return None
    prev = str(int(m.group(1)) - 1)
    if before is not None and before.text.startswith(prev + " "):
        return None
    notes = [q for q in doc.paragraphs if q.kind == "outside" and q.text.startswith(prev + " ")
             and not _DATE_LINE.match(q.text)]  # (not "16 December 1974", a resolution's date line)
    if len(notes) != 1:
        return None
    return last_cited(find_in_text(notes[0].text, speaker))


def extract_explicit(doc: Document) -> list[Reference]:
    """The explicit references of a parsed document (symbols and numbers), in reading order."""
    speaker = doc.body or speaker_of(doc)
    source = source_of(doc)
    own = _Own(doc.symbol)
    refs: list[Reference] = []
    heading: Optional[str] = None  # "General Assembly resolutions" over a table of numbers and titles
    tied: dict = {}  # numbers the document tied to a body: its later bare ones are that body's
    # what may hold a reference, and where its keywords may start: one pass over every text read below
    cues = keyword_cues([t for p in doc.paragraphs if p.kind != "outside"
                         for t in (p.text, *(fn.text for fn in p.footnotes))]
                        + [fn.text for fn in doc.unplaced_footnotes])
    last = _LastNote(tied, cues)
    last_in_text: Optional[Hit] = None
    before: Optional[Paragraph] = None
    for p in doc.paragraphs:
        if p.kind == "outside":
            continue
        heading, is_heading = heading_after(p.text, heading)
        starts = cues.get(p.text)
        hits = [] if starts is None else find_in_text(p.text, speaker, tied, starts)
        # "(A/79/434, para. 21) ... (ibid., para. 44)"; a note read as a paragraph, "24 Ibid., para. 22.",
        # repeats the paragraph before, or the note numbered before it where a compilation page's neighbour
        # printed it ("16 Ibid., ... (A/9613)" is the neighbour's, "17 Ibid." the own: A/9613 again)
        previous = (_neighbours_note(doc, p, before, speaker) or last_in_text) if opens_with_ibid(p.text) else None
        before = p
        if hits or previous:
            hits += ibid_hits(p.text, hits, previous)
        last_in_text = last_cited(hits) if hits else None
        if heading and not is_heading:
            hits = with_rows(p.text, heading, speaker, hits)
        if p.links:
            hits, from_links, link_targets = _with_links(p, hits)
        else:
            from_links = link_targets = _NONE
        if hits:
            hits.sort(key=lambda h: h.start)
            marks = marks_of(p.text)
            for h in hits:
                if own(h.target):
                    continue
                evidence = ("link" if id(h) in from_links else
                            "text+link" if _base(h.target) in link_targets else "text")
                refs.append(_ref(doc, source, p.id, None, h, marks.relation(h.at, p.verb),
                                 marks.sentence(h.start, h.end), evidence))
        if p.footnotes:
            refs += _footnote_refs(doc, source, p, speaker, own, last)
    for fn in doc.unplaced_footnotes:
        hits = last.hits(fn.text, speaker)
        marks = marks_of(fn.text) if hits else None
        for h in hits:
            if not own(h.target):
                refs.append(_ref(doc, source, "notes", fn.number, h, (None, None), marks.sentence(h.start, h.end),
                                 "text"))
    return refs


def footnote_hits(doc: Document) -> dict[tuple[str, str], list[Hit]]:
    """The hits of each footnote of ``doc`` alone, by ``(paragraph id, footnote number)`` (the
    document's own symbol left out; the document's body, or the General Assembly, speaking):
    a cheap way to what the footnotes cite, for learning names from them."""
    by_note: dict[tuple[str, str], list[Hit]] = {}
    speaker = doc.body or "GA"
    for p in doc.paragraphs:
        for fn in p.footnotes:
            hits = [h for h in find_in_text(fn.text, speaker) if h.target != doc.symbol]
            if hits:
                by_note[(p.id, fn.number)] = hits
    return by_note
