"""Citegraph markup -> blocks: the first stage of reading a document's structure.

The markup is the shape of the UN's Markdown renderings and of the
blank-line-separated text extractions, and what :mod:`ingest.formats` makes of PDF
and Word files:

* paragraphs are blocks separated by blank lines; lines inside a block are joined;
* ``<sup>N</sup>`` is a footnote mark; a ``---`` line opens a block of footnote
  definitions (``<sup>N</sup> text``), after which the body resumes;
* ``[text](url)`` is a hyperlink the document embedded; ``*``/``**``/``_``
  emphasis and ``#`` headings are dropped;
* ``<!-- Page N -->`` marks a page of an old printed volume.

:func:`split_blocks` gives the blocks (:class:`Block`) and the footnote definitions;
:func:`clean_inline` cleans one block's markup, keeping its marks and links apart.
Characters (invisible ones, whitespace runs) are cleaned by :mod:`ingest.normalize`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import squash, strip_invisible

__all__ = ["Block", "split_blocks", "clean_inline"]

_SUP = re.compile(r"<sup>\s*([0-9]+|\*{1,3}|[†‡§a-z])\s*</sup>", re.I)
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]*)\)")
_EMPH = re.compile(r"(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])")
_TAGS = re.compile(r"</?(?:em|strong|i|b|u|span|br)\b[^>]*>", re.I)
_PAGE = re.compile(r"<!--\s*Page\s+\d+\s*-->", re.I)
_MARK = "\ue000"  # a footnote mark while the block is cleaned (private use)
_RULE = re.compile(r"\s*(?:-{3,}|_{3,}|\*{3,})\s*")
_NOTE_DEF = re.compile(r"^\s*<sup>\s*([0-9]+|\*{1,3}|[†‡§a-z])\s*</sup>\s*(.*)$", re.S)
_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_STARS = re.compile(r"\*{2,}|_{2,}")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NOTE_LINE = re.compile(r"\n(?=\s*<sup>)")


def clean_inline(raw: str) -> tuple[str, list[tuple[str, int]], list[tuple[str, str]]]:
    """Drop inline markup from one block.

    Returns ``(text, marks, links)``; marks (``(number, offset in text)``) and
    links are removed from the text (their words stay) so that
    "70/1<sup>2</sup>" reads "70/1".
    """
    numbers: list[str] = []
    links: list[tuple[str, str]] = []
    s = raw
    if s.startswith("#"):
        s = _HEADING.sub("", s)  # "### 44/25. Convention on the Rights of the Child"
    if "<" in s:
        def sup(m: re.Match) -> str:
            numbers.append(m.group(1))
            return _MARK

        s = _PAGE.sub(" ", s)
        s = _SUP.sub(sup, s)
        s = _TAGS.sub("", s)
    if "](" in s:
        def link(m: re.Match) -> str:
            links.append((m.group(1), m.group(2)))
            return m.group(1)

        s = _LINK.sub(link, s)
    if "*" in s or "_" in s:
        s = s.replace("\\*", "*")
        s = _STARS.sub(" ", s)
        s = _EMPH.sub("", s)
    s = strip_invisible(s)
    s = squash(s)
    marks: list[tuple[str, int]] = []
    if numbers:
        parts = s.split(_MARK)
        out = parts[0]
        for number, part in zip(numbers, parts[1:]):
            if out.endswith(" ") and part.startswith(" "):
                part = part[1:]
            marks.append((number, len(out)))
            out += part
        s = out
    return s, marks, links


@dataclass
class Block:
    """One blank-line block of the markup: ``raw`` as written, ``text`` with its markup
    cleaned (:func:`clean_inline`), its footnote ``marks`` (``(number, offset in text)``)
    and hyperlinks ``links`` (``(words, url)``); whether a page break or a footnote block
    came just before it (a paragraph may go on across them)."""

    raw: str
    text: str
    marks: list[tuple[str, int]]
    links: list[tuple[str, str]]
    page_break_before: bool = False
    after_notes: bool = False


def split_blocks(text: str) -> tuple[list[Block], dict[str, str]]:
    """Blank-line blocks with markup cleaned, and footnote definitions by number.

    A ``---`` (or ``___``, ``***``) line opens footnote definitions (``<sup>N</sup> text``,
    one or several in a block); the first definition of a number wins. A bracketed line
    split over two blocks ("[on the report of ..." | "... (A/78/421, para. 13)]") is one.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    blocks: list[Block] = []
    notes: dict[str, str] = {}
    in_notes = False
    after_notes = False
    page_break = False
    for raw in _BLANK_LINE.split(text):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped[0] in "-_*":
            lines = stripped.split("\n")
            # a '---' line may sit alone or at the top of a block
            while lines and lines[0].lstrip()[:1] in ("-", "_", "*") and _RULE.fullmatch(lines[0]):
                in_notes = True
                lines = lines[1:]
            if not lines:
                continue
            stripped = "\n".join(lines)
        if stripped.lstrip().startswith("<") and _PAGE.fullmatch(stripped.strip()):
            page_break = True
            continue
        note = _NOTE_DEF.match(stripped) if stripped.startswith("<") else None
        if note and (in_notes or not blocks or note.group(2)):
            # footnote definitions: one or several in a block (each line may start with a mark)
            parts = _NOTE_LINE.split(stripped)
            for part in parts:
                m = _NOTE_DEF.match(part)
                if m:
                    body, _, _ = clean_inline(m.group(2))
                    if m.group(1) not in notes:
                        notes[m.group(1)] = body
            in_notes = True
            after_notes = True
            continue
        in_notes = False
        clean, marks, links = clean_inline(stripped)
        if not clean:
            continue
        prev = blocks[-1] if blocks else None
        if prev is not None and prev.text.startswith("[") and "]" not in prev.text and not marks \
                and len(prev.text) < 300 and "]" in clean[:300]:
            # "[on the report of the Special Political and Decolonization Committee" +
            # "(Fourth Committee) (A/78/421, para. 13)]": one bracketed line split in two blocks
            blocks[-1] = Block(prev.raw + "\n" + stripped, prev.text + " " + clean, prev.marks, prev.links + links,
                                prev.page_break_before, prev.after_notes)
            continue
        blocks.append(Block(stripped, clean, marks, links, page_break, after_notes))
        page_break = after_notes = False
    return blocks, notes
