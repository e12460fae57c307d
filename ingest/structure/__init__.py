"""Text -> Document: find a UN document's structure (pure functions, no I/O).

Input is citegraph markup (:mod:`ingest.structure.blocks` describes it): the UN's
Markdown renderings, text extractions, and what :mod:`ingest.formats` makes of PDF
and Word files. :func:`parse_text` runs the stages in order:

1. :mod:`.blocks` - blank-line blocks, markup cleaned, footnote definitions;
2. :mod:`.header` - the speaker line, what the header says (session, agenda item,
   adoption date and body, the "[on the report of ...]" line), the own symbol and
   where it came from (title line, ``A/RES/...`` line, masthead or file name), the title;
3. :mod:`.paragraphs` - the body blocks, each paragraph's kind (preambular ``ppN``,
   operative ``opN``, report ``pN``, ``other``, ``outside`` a compilation page's own
   section), ids, and footnotes bound to the paragraph carrying the mark;
   :mod:`.sections` finds, on an old compilation page, the own resolution's blocks and notes;
4. :mod:`.verbs` - the words that tell preambular from operative, the leading verb;
5. :mod:`.title` - the title as printed for each kind of document (:mod:`.sc_agenda`: a
   Security Council resolution's agenda item).

A paragraph broken by a page break or a footnote block counts once. A document with no
adoption line is dated by a presidential statement's opening, the meeting line that
closes a resolution, a masthead's date line or a letter's "dated ...".

Not supported: tables (a table row is a paragraph), languages other than English.
"""
from __future__ import annotations

from typing import Optional

from ..formats.masthead import TEXT_MASTHEAD_CHARS, text_symbol
from ..model import Document
from ..normalize import text as normalize_text
from .blocks import clean_inline, split_blocks
from .language import document_language
from .header import closing_date, find_speaker, meeting_year, own_symbol, read_header
from .paragraphs import Para, body_blocks, classify, number
from .title import document_title
from ..symbols import describe, file_name_parts
from .verbs import leading_verb

__all__ = ["parse_text", "clean_inline", "leading_verb"]


def parse_text(text: str, file: str = "", fmt: str = "text", hints: Optional[dict] = None,
               language: bool = True, title: bool = True) -> Document:
    """Parse one document's text (citegraph markup) into a :class:`~ingest.model.Document`.

    The text first goes through the one normalisation step every reader shares
    (:func:`ingest.normalize.text`: ligatures, hyphens, spaces, invisible characters), so the
    paragraphs' texts, and the ``start``/``end`` of references in them, are the normalised text.

    ``hints`` may give what a PDF or Word masthead said: ``symbol``, ``title``,
    ``date``, ``body``, ``distribution``, ``session``, ``agenda_item``; they win over
    the text, except the title. A text's own masthead line ("United Nations    A/80/321")
    gives its symbol after a title line the file name agrees with, before an ``A/RES/...``
    line, a lone title line and the file name (:func:`ingest.structure.header.own_symbol`).

    ``language=False`` takes the document's language from ``hints`` or the file name alone
    (None when neither says), not from the text (:func:`ingest.structure.language.text_language`
    counts the function words of its first 20,000 characters: about a seventh of parsing a plain
    text). No reference depends on the language: what asks for references alone may skip it.

    ``title=False`` leaves the title unread (``title`` and ``title_source`` None): finding it
    (:mod:`.title`, a Security Council resolution's inferred agenda item among its rules) is about a
    tenth of parsing a text, and no reference depends on it either.
    """
    hints = dict(hints or {})
    text = normalize_text(text)
    if not hints.get("symbol"):
        masthead = text_symbol(text[:TEXT_MASTHEAD_CHARS].split("\n"))
        if masthead:
            hints["masthead_symbol"] = masthead
    blocks, notes = split_blocks(text)
    speaker_idx, speaker_body = find_speaker(blocks)
    head = read_header(blocks, speaker_idx, speaker_body)
    body = hints.get("body") or head.body or speaker_body
    symbol, source, own_title = own_symbol(file, head.title_lines, head.symbol_line, body, hints, head.decisions)
    part = body_blocks(blocks, speaker_idx, source, symbol, head.report)
    title_source: Optional[str] = None
    if title:
        title, title_source = document_title(blocks, head, symbol, describe(symbol)[1] if symbol else "",
                                             own_title if source != "filename" else None, hints.get("title"),
                                             part.section_title, speaker_idx)
    else:
        title = None
    body = body or part.section_body
    paras = ([Para("header", head.report)] if head.report else []) + classify(part)
    # The date a text's own header states (an adoption line, a Security Council meeting line, a
    # presidential statement's opening) is when the text was adopted; a masthead's date line (the
    # hint a PDF or Word reader passes) is when it was issued, days later for a resolution. So the
    # adoption date comes first, the masthead's next, and a closing date line last.
    date = head.date or hints.get("date") or closing_date(blocks, part.blocks,
                                                         part.resolution_like or "/RES/" in (symbol or ""))
    paragraphs, unplaced = number(paras, notes)
    return Document(
        file=file, symbol=symbol, symbol_source=source, format=fmt, paragraphs=paragraphs,
        title=title, title_source=title_source, date=date, body=body,
        session=hints.get("session") or head.session,
        meeting_year=meeting_year(blocks, head.session) if not date else None,
        agenda_item=hints.get("agenda_item") or head.agenda_item, report=head.report,
        distribution=hints.get("distribution"), unplaced_footnotes=unplaced,
        language=hints.get("language") or (document_language(file, text) if language else
                                           file_name_parts(file).language))
