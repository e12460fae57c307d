"""Citegraph markup -> blocks: the first stage of reading a document's structure.

The markup is the shape of the UN's Markdown renderings and of the
blank-line-separated text extractions, and what :mod:`ingest.formats` makes of PDF
and Word files:

* paragraphs are blocks separated by blank lines; the lines of a block are joined into its
  paragraphs (:func:`paragraph_lines`: a numbered or list start, an indented start after a
  sentence, a short line that ends a sentence start a new one; a symbol broken at a line end and
  a hyphenated keyword are joined, :func:`ingest.normalize.join_lines`);
* Markdown footnotes (pandoc, CommonMark extensions: ``[^1]`` marks, ``[^1]: ...``
  definitions, inline ``^[...]`` notes) are read as ``<sup>N</sup>`` marks and definitions,
  numbered in the order their marks appear, as pandoc prints them;
* ``<sup>N</sup>`` is a footnote mark; a ``---`` line opens a block of footnote
  definitions (``<sup>N</sup> text``), after which the body resumes;
* ``[text](url)`` is a hyperlink the document embedded; ``*``/``**``/``_``
  emphasis and ``#`` headings are dropped;
* ``<!-- Page N -->`` marks a page of an old printed volume;
* HTML character references are their characters, as CommonMark reads them (``&nbsp;``, ``&#160;``,
  ``&#40;``, ``&amp;``: a name or number between ``&`` and ``;``, never inside a code span);
  decoded after the markup is dropped, so a decoded ``*`` or ``<`` is a character, not markup.

:func:`split_blocks` gives the blocks (:class:`Block`) and the footnote definitions;
:func:`clean_inline` cleans one block's markup, keeping its marks and links apart.
Characters (invisible ones, whitespace runs) are cleaned by :mod:`ingest.normalize`.
"""
from __future__ import annotations

import html
import html.entities
import re
from dataclasses import dataclass
from typing import Optional

from ..normalize import LINE_RULES, join_lines, squash, strip_invisible
from ..normalize import text as normalize_text
from .verbs import is_operative_start, is_preambular_start

__all__ = ["Block", "split_blocks", "clean_inline", "paragraph_lines", "pandoc_notes", "decode_entities"]

_SUP = re.compile(r"<sup>\s*([0-9]+|\*{1,3}|[†‡§a-z])\s*</sup>", re.I)
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]*)\)")
_EMPH = re.compile(r"(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])")
_TAGS = re.compile(r"</?(?:em|strong|i|b|u|span|br)\b[^>]*>", re.I)
_PAGE = re.compile(r"<!--\s*Page\s+\d+\s*-->", re.I)
_MARK = "\ue000"  # a footnote mark while the block is cleaned (private use)
# a thematic break (CommonMark: three or more of one of - _ *, spaces between allowed: "---", "* * *", the
# asterism between a declaration's parts); no paragraph
_RULE = re.compile(r"\s*(?:(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})\s*")
_NOTE_DEF = re.compile(r"^\s*<sup>\s*([0-9]+|\*{1,3}|[†‡§a-z])\s*</sup>\s*(.*)$", re.S)
_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_STARS = re.compile(r"\*{2,}|_{2,}")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NOTE_LINE = re.compile(r"\n(?=\s*<sup>)")
# an HTML character reference (CommonMark: a named entity, &#digits; or &#xhex;, the semicolon written), or a
# code span, whose text is left as written
_ENTITY = re.compile(r"(`+)[^`]*?\1|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(s: str) -> str:
    """``s`` with its HTML character references decoded as CommonMark decodes them (not in a code
    span; the character then normalised as the text is: a no-break space is a space).

    >>> decode_entities("resolution&nbsp;78/132, 2720 &#40;2023&#41;, AT&amp;T, R&D, `&nbsp;`")
    'resolution 78/132, 2720 (2023), AT&T, R&D, `&nbsp;`'
    >>> decode_entities("&paragraph 3, &unknownname; &#0;")
    '&paragraph 3, &unknownname; \ufffd'
    """
    if "&" not in s or ";" not in s:
        return s
    return _ENTITY.sub(_character, s)


def _character(m: re.Match) -> str:
    """The character of a reference :data:`_ENTITY` matched: a number's, or a name's when HTML5 has that name
    whole ("&notanentity;" is no "&not;"); a code span or an unknown name as written."""
    ref = m.group(0)
    if m.group(1):
        return ref
    char = html.unescape(ref) if ref[1] == "#" else html.entities.html5.get(ref[1:])
    return normalize_text(char) if char else ref


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
    s = decode_entities(s)
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

# ---------------------------------------------------------------- Markdown footnotes (pandoc)

_PANDOC_MARK = re.compile(r"\[\^([^\]\s]{1,40})\](?!:)")
_PANDOC_DEF = re.compile(r"^[ ]{0,3}\[\^([^\]\s]{1,40})\]:[ \t]*", re.M)
_PANDOC_INLINE = re.compile(r"\^\[([^\[\]\n]{1,2000})\]")
_NOTE_END = re.compile(r"\n[ \t]*\n(?!(?:[ \t]*\n)*(?:    |\t)\S)")


def pandoc_notes(text: str) -> str:
    """Markdown footnotes as citegraph markup: each ``[^label]`` mark becomes ``<sup>N</sup>``,
    each definition ``[^label]: text`` (with its indented paragraphs) a ``<sup>N</sup> text``
    block after a ``---`` line at the end, and an inline note ``^[text]`` a mark and a
    definition. N is the order in which the labels' marks first appear, as pandoc prints
    them. A mark with no definition is left as written. Text without ``[^`` or ``^[`` is
    returned as it is.

    >>> print(pandoc_notes("Recalling resolution 70/1,[^a]\\n\\n[^a]: See A/70/1."))
    Recalling resolution 70/1,<sup>1</sup>
    <BLANKLINE>
    ---
    <BLANKLINE>
    <sup>1</sup> See A/70/1.
    <BLANKLINE>
    """
    if "^" not in text or ("[^" not in text and "^[" not in text):  # (one character is looked for faster than two)
        return text
    notes: dict[str, str] = {}
    kept: list[str] = []
    pos = 0
    for m in _PANDOC_DEF.finditer(text):
        if m.start() < pos:
            continue
        kept.append(text[pos:m.start()])
        rest = text[m.end():]
        # the note runs to the next definition, or to a blank line not followed by an indented paragraph
        end = _PANDOC_DEF.search(rest)
        stop = _NOTE_END.search(rest, 0, end.start() if end else len(rest))
        cut = stop.start() if stop else (end.start() if end else len(rest))
        notes.setdefault(m.group(1), " ".join(rest[:cut].split()))
        pos = m.end() + cut
    kept.append(text[pos:])
    body = "".join(kept)
    if "^[" in body:
        def inline(m: re.Match) -> str:
            label = f"inline-note-{len(notes)}"
            notes[label] = " ".join(m.group(1).split())
            return f"[^{label}]"
        body = _PANDOC_INLINE.sub(inline, body)
    numbers: dict[str, str] = {}
    for m in _PANDOC_MARK.finditer(body):
        if m.group(1) in notes:
            numbers.setdefault(m.group(1), str(len(numbers) + 1))
    if not numbers and not notes:
        return text
    for label in notes:
        numbers.setdefault(label, str(len(numbers) + 1))
    body = _PANDOC_MARK.sub(lambda m: f"<sup>{numbers[m.group(1)]}</sup>" if m.group(1) in notes else m.group(0),
                            body)
    order = sorted(notes, key=lambda label: int(numbers[label]))
    return body.rstrip() + "\n\n---\n\n" + "\n\n".join(f"<sup>{numbers[k]}</sup> {notes[k]}" for k in order) + "\n"


# ---------------------------------------------------------------- lines -> paragraphs

_NUMBERED_START = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.\s|\d{1,3}\)\s|\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)\s|"
                             r"[a-z]\)\s|[ivx]{1,5}\)\s|[IVXL]{1,5}\.\s|[A-H]\.\s|#{1,6}\s)")
_BULLET_START = re.compile(r"^[\u2022\u25aa\u25e6\u25cf\u25a0\u2023\u2219\u00b7]\s")
_DASH_START = re.compile(r"^[-*\u2013\u2014]\s")
_SENTENCE_END = re.compile(r"[.!?:;][\"\u201d\u2019)\]]*(?:<sup>[^<]*</sup>)?$")
_FULL_STOP = re.compile(r"[.!?][\"\u201d\u2019)\]]*(?:<sup>[^<]*</sup>)?$")
_LAST_WORD = re.compile(r"([A-Za-z]+)\.?$")
_FIRST_WORD = re.compile(r"\S+")
_LIST_END = re.compile(r"[.:;,!?)]$")
MAX_WRAP_WIDTH: int = LINE_RULES["max_wrap_width"]
SHORT_LINE_SHARE: float = LINE_RULES["short_line_share"]
_CONTINUES = frozenset(LINE_RULES["continues_before_number"])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _starts_paragraph(prev: str, line: str, width: int, many: bool) -> bool:
    """Does ``line`` open a new paragraph after ``prev`` in one blank-line block? (The rules
    and their sources: ``data/characters.toml`` [lines].)"""
    p, t = prev.strip(), line.strip()
    if not p or not t:
        return True
    if _NUMBERED_START.match(t) or _BULLET_START.match(t):
        if t.startswith("#") or _BULLET_START.match(t):
            return True
        last = _LAST_WORD.search(p)
        return not (p[-1].isdigit() or p[-1] in "/-(" or (last and last.group(1).lower() in _CONTINUES))
    if _DASH_START.match(t):
        return bool(_LIST_END.search(p)) or bool(_DASH_START.match(p))
    if p.startswith("#"):
        return True  # the line after a Markdown heading
    if t[0].islower() or t[0] in ",;)]":
        return False
    ends = _SENTENCE_END.search(p) is not None
    if width > MAX_WRAP_WIDTH:
        # one paragraph a line, not hard-wrapped: a new one after a sentence, or after a clause when
        # the line opens a resolution's paragraph ("Recalling ...,"), not after a stray line break
        return ends or (p.endswith(",") and (is_preambular_start(t) or is_operative_start(t)))
    if _indent(line) > _indent(prev) and _FULL_STOP.search(p):
        return True  # a first-line indent after a full sentence (a hanging indent after ";" goes on)
    if many and ends:
        word = _FIRST_WORD.match(t)
        return len(p) + 1 + (len(word.group(0)) if word else 0) <= SHORT_LINE_SHARE * width
    return False


def paragraph_lines(block: str) -> list[list[str]]:
    """The lines of one blank-line block grouped into paragraphs (see :func:`_starts_paragraph`
    and ``data/characters.toml`` [lines]).

    >>> paragraph_lines("Recalling its resolution 78/\\n132 of 2023,\\n1. Decides\\n2. Requests")
    [['Recalling its resolution 78/', '132 of 2023,'], ['1. Decides'], ['2. Requests']]
    """
    lines = [ln.rstrip() for ln in block.split("\n")]
    lines = [ln for ln in lines if ln.strip()]
    if len(lines) < 2:
        return [lines] if lines else []
    width = max(len(ln.strip()) for ln in lines)
    many = len(lines) >= 3
    groups = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        if _starts_paragraph(prev, line, width, many):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


class _Words:
    """The document's words (lower case), made the first time a line-end hyphen asks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: Optional[set[str]] = None

    def get(self) -> set[str]:
        if self.words is None:
            self.words = set(re.findall(r"[\w-]+", self.text.lower()))
        return self.words


def _joined(lines: list[str], words: _Words) -> str:
    out = lines[0].strip()
    for ln in lines[1:]:
        t = ln.strip()
        vocab = words.get() if out.endswith("-") and t[:1].islower() else frozenset()
        out = join_lines(out, t, vocab)
    return out



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

    A ``---`` (or ``___``, ``***``, ``* * *``: a thematic break, no paragraph) line opens footnote definitions (``<sup>N</sup> text``,
    one or several in a block); the first definition of a number wins. Markdown footnotes
    (``[^1]``) are read first (:func:`pandoc_notes`). The lines of a block are joined into its
    paragraphs (:func:`paragraph_lines`), each a block. A bracketed line split over two blocks
    ("[on the report of ..." | "... (A/78/421, para. 13)]") is one.
    """
    text = text.lstrip("\ufeff")  # (its line ends are "\n" already: ingest.normalize.text)
    text = pandoc_notes(text)
    words = _Words(text)
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
                    body, _, _ = clean_inline(_joined(m.group(2).split("\n"), words) if "\n" in m.group(2)
                                              else m.group(2))
                    if m.group(1) not in notes:
                        notes[m.group(1)] = body
            in_notes = True
            after_notes = True
            continue
        in_notes = False
        groups = paragraph_lines(raw) if "\n" in stripped else [[stripped]]
        for group in groups:
            if len(group) == 1:
                raw_group = group[0].strip()
                clean, marks, links = clean_inline(raw_group)
            else:
                raw_group = "\n".join([ln.strip() for ln in group])
                clean, marks, links = clean_inline(_joined(group, words))
            if not clean:
                continue
            prev = blocks[-1] if blocks else None
            if prev is not None and prev.text.startswith("[") and "]" not in prev.text and not marks \
                    and len(prev.text) < 300 and "]" in clean[:300]:
                # "[on the report of the Special Political and Decolonization Committee" +
                # "(Fourth Committee) (A/78/421, para. 13)]": one bracketed line split in two blocks
                blocks[-1] = Block(prev.raw + "\n" + raw_group, prev.text + " " + clean, prev.marks,
                                   prev.links + links, prev.page_break_before, prev.after_notes)
                continue
            blocks.append(Block(raw_group, clean, marks, links, page_break, after_notes))
            page_break = after_notes = False
    return blocks, notes
