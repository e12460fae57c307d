"""A document's paragraphs: which blocks are the body, and what kind each paragraph is.

After the header (:mod:`ingest.structure.header`), the body blocks become
paragraphs:

* :func:`body_blocks` - where the body starts (after "The General Assembly,", or the
  title line of a resolution with none), and on an old compilation page the own
  resolution's section only (the rest is ``outside``);
* :func:`classify` - preambular (``pp``) until the first operative paragraph (a number
  or a present-tense verb), operative (``op``) after; ``other`` from the meeting line
  that closes a resolution; ``body`` paragraphs of a report (``p``); a block that goes
  on from the last (broken by a page or a footnote block) joins it, and so do a resolution's
  lettered sub-paragraphs ("(a) ...", of an operative paragraph) and bulleted items ("- A/79/63;");
* :func:`number` - ids (``header``, ``pp1``, ``op3``, ``p12``, ``x1``, ``out2``), the
  leading verb, and each footnote bound to the paragraph that carries its mark.

The kinds are :data:`ingest.model.PARAGRAPH_KINDS`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import Footnote, Paragraph
from .blocks import Block
from .header import TITLE_LINE, is_speaker
from .sections import is_date_line, own_blocks, speaker
from .verbs import is_operative_start, is_preambular_start, leading_verb

__all__ = ["Para", "Body", "body_blocks", "classify", "number", "own_number"]

_NUM_PARA = re.compile(r"^(\d{1,3})\s*\.\s")
_MEETING = re.compile(r"^\d+(?:st|nd|rd|th)? (?:plenary )?meeting\b|^\d+\w* meeting\b")
_SUBITEM = re.compile(r"^\(?[a-z]{1,4}\)\s|^\([ivx]+\)\s")
# A section heading of a resolution: its Roman numeral alone ("II"), or with the section's title on the same line
# ("II International Decade for People of African Descent", as a text extraction joins them); a title is short
# and ends with no stop
_SECTION_HEADING = re.compile(r"^(?P<num>[IVXL]{1,6})\.?(?:\s+(?P<title>[A-Z][^.;:!?]{0,200}))?$")
#: The title under a section's numeral ("Human resources", "Pattern of conferences"): a line this short with no stop.
SECTION_TITLE_MAX = 200
_STOP_END = re.compile(r"[.,;:!?]$")
# a list item of the paragraph above: a Markdown bullet ("- A/79/63;", "* to report on ...", "+ ...") or a
# printed one ("• ..."): it is no paragraph of its own, as a lettered sub-paragraph "(a) ..." is none
_BULLET_ITEM = re.compile(r"^[-*+\u2022\u25aa\u25e6\u25cf\u25a0\u2023\u2219\u00b7]\s")
_BARE_SPEAKER = re.compile(r"The [A-Z][A-Za-z ]+")
_PART_LETTER = re.compile(r"[A-H]")
_DOCUMENT_LINE = re.compile(r"[\[(].*/.*[\])]\.?")
#: A resolution with no speaker line (the Environment Assembly's open straight after their title
#: line) has that line among its first blocks: masthead, symbol, date and session lines before it.
TITLE_LINE_WITHIN = 16
#: How many blocks after a compilation page's heading its speaker line may come.
_HEAD_LINES = 5
#: ... and the lines before it are short: a title run on, a date, a part's letter or heading.
_HEAD_LINE_LENGTH = 200
_OWN_ROMAN = re.compile(r"^(?:A|E)/RES/(\d+)(?:\s?([A-Z]))?\(([A-Z0-9-]+)\)$")
_OWN_SESSION = re.compile(r"^(?:A|E)/RES/((?:\d+|S-\d+|ES-\d+)/\d+)[A-Z]?$")
_OWN_SC = re.compile(r"^S/RES/(\d+)\(((?:19|20)\d{2})\)$")


@dataclass
class Para:
    """A paragraph while it is being read: its kind, text, marks, links and printed number."""

    kind: str
    text: str
    marks: list[tuple[str, int]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    number: Optional[str] = None

    @classmethod
    def of(cls, kind: str, b: Block, number: Optional[str] = None) -> "Para":
        return cls(kind, b.text, b.marks, b.links, number)

    def extend(self, b: Block) -> None:
        """Join the next block to this paragraph (it was broken by a page or a footnote block)."""
        self.text = self.text.rstrip()
        shift = len(self.text) + 1
        self.text += " " + b.text
        self.marks += [(n, o + shift) for n, o in b.marks]
        self.links += b.links


def own_number(symbol: Optional[str]) -> Optional[str]:
    """The number a resolution's symbol prints over it in compilation volumes: "A/RES/1514(XV)" ->
    "1514 (XV)", "E/RES/1984/47" -> "1984/47", "S/RES/425(1978)" -> "425 (1978)"; None for others."""
    if not symbol:
        return None
    m = _OWN_ROMAN.match(symbol)
    if m:
        return f"{m.group(1)}{(' ' + m.group(2)) if m.group(2) else ''} ({m.group(3)})"
    m = _OWN_SESSION.match(symbol)
    if m:
        return m.group(1)
    m = _OWN_SC.match(symbol)
    if m:
        return f"{m.group(1)} ({m.group(2)})"
    return None


@dataclass
class Body:
    """The body of a document: the blocks ``before`` it and the ``tail`` after it that are
    not this document's (a compilation page), its ``blocks``, whether it reads as a
    resolution, and the title line and speaker found at the head of a compilation section."""

    blocks: list[Block]
    resolution_like: bool
    before: list[Block] = field(default_factory=list)
    tail: list[Block] = field(default_factory=list)
    section_title: Optional[str] = None
    section_body: Optional[str] = None


def body_blocks(blocks: list[Block], speaker_idx: Optional[int], own_source: str, own_symbol: Optional[str],
                report: Optional[str]) -> Body:
    """The blocks of the body: after the speaker line ("The General Assembly,"), or after the
    title line of a resolution with none (UNEA resolutions open straight after it), else all;
    on an old compilation page, the own resolution's section only."""
    start = speaker_idx + 1 if speaker_idx is not None else 0
    resolution_like = speaker_idx is not None
    if speaker_idx is None and own_source == "title-line":
        for i, b in enumerate(blocks[:TITLE_LINE_WITHIN]):
            m = TITLE_LINE.match(b.text)
            if m and i + 1 < len(blocks) and is_preambular_start(blocks[i + 1].text):
                start, resolution_like = i + 1, True
                break
    body = blocks[start:]
    if report and start == 0:
        # a text with no "The General Assembly," line: the report line is the header paragraph, not also
        # a body paragraph (E/HLS/2022/1, a ministerial declaration)
        body = [b for b in body if b.text != report]
    own_num = own_number(own_symbol)
    section = own_blocks(blocks, own_num) if own_num else None
    if section is None:
        return Body(body, resolution_like)
    # an old compilation page: keep only the own resolution's section
    out = Body([blocks[i] for i in section.own], True, before=[blocks[i] for i in section.outside_before],
               tail=[blocks[i] for i in section.outside_after])
    out.section_title = section.heading.title
    rest = out.blocks[section.heading.size:]
    # the heading's lines before the speaker line: the title run on, the date ("of 19 March 1978",
    # "Resolution of 21 September 1946"), a part letter ("A"), the part's heading
    k = next((i for i, b in enumerate(rest[:_HEAD_LINES]) if speaker(b.text)), None)
    if k is not None and any(len(b.text) > _HEAD_LINE_LENGTH or is_preambular_start(b.text)
                             or is_operative_start(b.text) for b in rest[:k]):
        k = None  # a paragraph comes first: that speaker line is a later part's
    if k is not None:
        out.section_body = speaker(rest[k].text)  # ("The General Assembly." as OCR'd; "Le Conseil de sécurité,")
        # (a bracketed document line stays: "[S/902]", "(document E/231)", as the report line does)
        rest = [b for b in rest[:k] if _DOCUMENT_LINE.fullmatch(b.text)] + rest[k + 1:]
    else:
        while rest and (is_date_line(rest[0].text) or _PART_LETTER.fullmatch(rest[0].text)):
            rest = rest[1:]
        if rest and _BARE_SPEAKER.fullmatch(rest[0].text):
            rest = rest[1:]
    out.blocks = rest
    return out


def _joins_previous(prev: Para, block: Block) -> bool:
    """A block continues the previous paragraph (broken by a page or a footnote block)."""
    t = block.text
    if not prev.text:
        return False
    if t[0].islower() or t[0] in ",;)":
        return True
    end = prev.text.rstrip()[-1]
    if end in ",;:.!?”\"’)" or prev.kind == "header":
        return False
    # the previous one stops mid-sentence ("... including information") and this does not open a paragraph
    if (block.page_break_before or block.after_notes) and not is_operative_start(t) \
            and not is_preambular_start(t):
        return True
    return False


def section_heading(text: str) -> Optional[str]:
    """The section's numeral when ``text`` is a resolution's section heading ("II", "II. Pattern of conferences",
    "II International Decade for People of African Descent"), else None.

    >>> section_heading("II"), section_heading("IV Group of independent eminent experts"), section_heading("I.")
    ('II', 'IV', 'I')
    >>> section_heading("I welcome the report."), section_heading("Invites States"), section_heading("III Decides,")
    (None, None, None)
    """
    m = _SECTION_HEADING.match(text)
    if not m or (m.group("title") and (is_operative_start(m.group("title")) or is_preambular_start(m.group("title")))):
        return None
    return m.group("num")


def _section_title(text: str) -> bool:
    """A short line with no stop that opens no paragraph: the title under a section's numeral ("Human resources")."""
    return (len(text) <= SECTION_TITLE_MAX and not _STOP_END.search(text) and text[:1].isupper()
            and not is_preambular_start(text) and not is_operative_start(text))


def classify(body: Body) -> list[Para]:
    """The paragraphs of the body, each with its kind, in order (see the module docstring).

    A resolution in sections (budget resolutions' "I" | "Human resources" | "1. Takes note ...", "II" | ...)
    prints each section's heading: the heading is an ``other`` paragraph (no verb); the paragraphs keep
    their running ids (``pp1``, ``op3``: a resolution numbered 1 to 34 across its sections keeps its ids),
    and a printed number is written with its section ("II.1": paragraph 1 of section II, which "section II,
    paragraph 1, of resolution 79/400" cites) when the sections each number from 1. Each section may open
    with preambular paragraphs of its own (a paragraph that opens as a recital, "Recalling ...")."""
    paras: list[Para] = [Para.of("outside", b) for b in body.before]
    phase = "preambular"
    ended = False
    outside_from = False
    section: Optional[str] = None  # the numeral of the section the paragraphs are in
    heading_open = False  # the block before was a section's numeral alone: its title may follow
    headings: set[int] = set()  # the indices in paras of section headings
    recites = False  # a section has just opened: it may recite before its operative paragraphs
    sections: dict[int, Optional[str]] = {}  # index in paras of an operative paragraph -> its section's numeral
    for b in body.blocks:
        t = b.text
        if heading_open and _section_title(t):
            paras.append(Para.of("other", b))
            headings.add(len(paras) - 1)
            heading_open = False
            continue
        heading_open = False
        last = len(paras) - 1
        while last in headings:  # a paragraph goes on across a heading printed atop the next page
            last -= 1
        if last >= 0 and paras[last].kind not in ("outside",) and _joins_previous(paras[last], b):
            paras[last].extend(b)
            continue
        if not body.resolution_like:
            num = _NUM_PARA.match(t)
            paras.append(Para.of("body", b, num.group(1) if num else None))
            continue
        if not ended:
            numeral = section_heading(t)
            if numeral:
                section = numeral
                heading_open = t.rstrip(". ") == numeral
                recites = True
                paras.append(Para.of("other", b))
                headings.add(len(paras) - 1)
                continue
        if ended:
            if TITLE_LINE.match(t):
                outside_from = True  # the next resolution of a printed volume's page: not this document
            paras.append(Para.of("outside" if outside_from else "other", b))
            continue
        if _MEETING.match(t):
            ended = True
            paras.append(Para.of("other", b))
            continue
        if _SUBITEM.match(t):
            if paras and paras[-1].kind == "operative":
                paras[-1].extend(b)
                continue
        if _BULLET_ITEM.match(t) and paras and paras[-1].kind in ("preambular", "operative"):
            paras[-1].extend(b)
            continue
        num = _NUM_PARA.match(t)
        if recites and not num and is_preambular_start(t):
            paras.append(Para.of("preambular", b))  # a section's own recitals ("II" | "Recalling ...," | "1. ...")
            continue
        if num or (phase == "operative" and not is_preambular_start(t)) or \
                (phase == "preambular" and is_operative_start(t) and not is_preambular_start(t)):
            phase = "operative"
            recites = False
            paras.append(Para.of("operative", b, num.group(1) if num else None))
            sections[len(paras) - 1] = section
        elif phase == "preambular":
            paras.append(Para.of("preambular", b))
        else:
            paras.append(Para.of("operative", b))
    paras.extend(Para.of("outside", b) for b in body.tail)
    _number_in_sections(paras, sections)
    return paras


def _number_in_sections(paras: list[Para], sections: dict[int, Optional[str]]) -> None:
    """When a resolution's sections each number their paragraphs from 1 (a later section's first printed number
    is "1"), each printed number is written with its section: "II.1". A resolution numbered on across its
    sections (A/RES/S-10/2, 1 to 129) keeps its numbers."""
    firsts: dict[str, str] = {}
    for i, sec in sections.items():
        if sec and paras[i].number:
            firsts.setdefault(sec, paras[i].number)
    if len(firsts) < 2 or list(firsts.values())[1:].count("1") == 0:
        return
    for i, sec in sections.items():
        if sec and paras[i].number:
            paras[i].number = f"{sec}.{paras[i].number}"


_PREFIX = {"preambular": "pp", "operative": "op", "body": "p", "other": "x", "outside": "out"}


def number(paras: list[Para], notes: dict[str, str]) -> tuple[tuple[Paragraph, ...], tuple[Footnote, ...]]:
    """The :class:`~ingest.model.Paragraph` of each one (id, leading verb, footnotes whose
    marks it carries, the first time a mark is met) and the footnotes no mark placed."""
    out: list[Paragraph] = []
    counters = dict.fromkeys(_PREFIX, 0)
    used: set[str] = set()
    for p in paras:
        if p.kind == "header":
            pid = "header"
        else:
            counters[p.kind] += 1
            pid = f"{_PREFIX[p.kind]}{counters[p.kind]}"
        fns = []
        for mark, _ in p.marks:
            if mark in notes and mark not in used:
                fns.append(Footnote(mark, notes[mark]))
                used.add(mark)
        out.append(Paragraph(id=pid, kind=p.kind, text=p.text, number=p.number,
                             verb=leading_verb(p.text) if p.kind in ("preambular", "operative") else None,
                             footnotes=tuple(fns), links=tuple(p.links) if p.links else (),
                             marks=tuple(p.marks) if p.marks else ()))
    unplaced = tuple(Footnote(n, t) for n, t in notes.items() if n not in used)
    return tuple(out), unplaced
