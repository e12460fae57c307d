"""The header of a UN document: its own symbol, title, date, adopting body, session, agenda item.

What a resolution's header says ("79/194. Information and communications
technologies for sustainable development", "The General Assembly,", "Resolution
adopted by the General Assembly on 19 December 2024", "Seventy-ninth session",
"Agenda item 18", "[on the report of the Second Committee (A/79/434, para. 21)]"),
and what a report's first lines say (its title line, date line, "Letter dated ...").
Pure functions over :class:`~ingest.structure.blocks.Block`:

* :func:`find_speaker` - the block that opens the resolution ("The General Assembly,");
* :func:`read_header` - session, agenda item, adoption date and body, the report line,
  the title lines and ``A/RES/...`` line of the header blocks;
* :func:`own_symbol` - the document's own symbol and where it came from;
* :func:`closing_date` - the date of a document with no adoption line.

A document's title is :mod:`ingest.structure.title`'s (the title lines read here are its input).

Bodies and months are :mod:`ingest.grammar`'s; dates are read by :func:`ingest.grammar.parse_date`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .. import grammar, symbols
from ..grammar import parse_date
from .blocks import Block, clean_inline

__all__ = ["TITLE_LINE", "Header", "meeting_year", "find_speaker", "speaker_code", "is_speaker", "read_header", "header_date", "closing_date",
           "own_symbol"]

#: A resolution's title line: its number, a full stop, its title ("79/194. Information ...",
#: "217 A (III). International Bill of Human Rights", "2720 (2023). ...").
TITLE_LINE = re.compile(
    r"^(?P<num>(?:(?:ES|S)-\d{1,2}/\d{1,3}|\d{1,2}/\d{1,3}|(?:19|20)\d{2}/\d{1,3}"
    r"|\d{1,4}(?:\s?[A-Z])?\s?\((?:ES-|S-)?[IVXL]+\)|\d{1,4}\s\((?:19|20)\d{2}\)))"
    r"\s*\.\s+(?P<title>\S.*)$")

# the bodies as a resolution's opening line names them ("The General Assembly,"): those of grammar.toml,
# and the Trusteeship Council, whose resolutions citegraph reads but does not resolve
_SPEAKERS = sorted([("The " + name, code) for name, code in grammar.SPEAKER_BODIES], key=lambda x: -len(x[0]))
_SPEAKER = re.compile(
    r"(?:^|\s)(" + "|".join(re.escape(s) for s, _ in _SPEAKERS) +
    r"(?: of the United Nations Environment Programme)?)\s*[,:]?\s*$")

# the last word a speaker line can end with: a cheap test before _SPEAKER, which has no literal to skip by
_SPEAKER_ENDS = tuple({s.split()[-1] for s, _ in _SPEAKERS} | {"Programme"})
_ADOPTED = re.compile(r"(?:Resolution|Decision)s? adopted by the ([A-Z][A-Za-z ]+?)\s+(?:on|at)\b", re.I)
_SC_ADOPTED = re.compile(r"Adopted by the Security Council (?:at its (\d+)\w* meeting,? )?on (.+)$", re.I)
# a presidential statement's opening: "At the 6895th meeting of the Security Council, held on 19 December 2012,
# ... the President of the Council made the following statement"; "On 9 February 2021, ... the President of the
# Security Council issued the following statement"; "the President of the Human Rights Council read out ..."
_STATEMENT_LINE = re.compile(r"\b(?:[Pp]resident|meeting|session) of the (Security Council|Human Rights Council)\b"
                             r"(?:[^“”]|“[^”]{0,300}”){0,600}?\b(?:made|issued|read out|delivered) the following "
                             r"statement\b")
_REPORT = re.compile(r"\[\s*(?:on|without)\b[^\]]{3,300}\]", re.I)
_SESSION = re.compile(r"^([A-Z][a-z]+(?:-[a-z]+)?(?: special| emergency special)? session)\b")
_AGENDA = re.compile(r"^Agenda items? (.+)$", re.I)
# the meeting line that closes a resolution, in figures or words ("Seventeenth plenary meeting, 24 January 1946.")
_NUMBER_WORD = r"(?:and|hundred|thousand|one|two|three|four|five|six|seven|eight|nine|[a-z]+ty|[a-z]+(?:st|nd|rd|th))"
_MEETING_LINE = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|[A-Z][a-z]+(?:-[a-z]+)?(?:[ -]" + _NUMBER_WORD + r")*)\s+"
                           r"(?:plenary\s+)?meeting\b(?!s)")
_SC_ADOPTED_CUT = re.compile(r"Adopted by the Security Council at its \d+\w* meeting,?(?: on)?$", re.I)
_LETTER_DATED = re.compile(r"^(?:Identical )?(?:[Ll]etters?|[Nn]ote verbale|[Nn]otes verbales) dated \d{1,2} [A-Z][a-z]+ "
                           r"(?:19|20)\d\d\b")
_BARE_DATE = re.compile(r"^\d{1,2} " + grammar.MONTH_PATTERN + r" (?:19|20)\d\d$")
#: The dates a session met, printed under its session line: "Geneva, 28 February–1 March 2012",
#: "21–26 April 2012", "Geneva, 9 and 10 (a.m.) February 2021" (a place, days and months, the year last).
_SESSION_DATES = re.compile(r"^(?:[A-Z][\w .,()-]{0,60}, )?(?:[\d\s–,-]|and |\([ap]\.m\.\) )*" + grammar.MONTH_PATTERN
                            + r"[\w\s–-]{0,40}?\b((?:19|20)\d\d)\.?$")
#: The session dates line stands within a few blocks after the session line (a place on its own
#: line may come between: "Thirteenth session" | "Doha, Qatar" | "21–26 April 2012").
SESSION_DATES_WITHIN = 3
# header lines run together: bold/italic runs glue them in the Markdown renderings
# (not the spaces or line break after a title line's number: "48/213.   Assistance to the Palestinian
# people", "21/15." | "Human rights and transitional justice")
_SEGMENT_BREAK = re.compile(r"\*{2,}|(?<![0-9)]\.)\n|(?<=\])\s*(?=\d)|(?<!\d\.)(?<!\s)\s{2,}(?=[A-Z\[])")
# a title line printed without the full stop after its number ("15/5 Forensic genetics and human rights",
# Human Rights Council resolutions of 2010-2012): read in the header only
_TITLE_NO_STOP = re.compile(r"^(?P<num>(?:S-)?\d{1,2}/\d{1,3})[ \t]+(?P<title>[A-Z].*\S)$")
# a title line's number alone on its line, its title on the next ("15/5" | "Forensic genetics and human rights")
_NUMBER_ALONE = re.compile(r"^((?:S-|ES-)?\d{1,4}/\d{1,3}\.?)[ \t]*\n(?=[A-Z])", re.M)
_SC_TITLE = re.compile(r"^Resolution (\d{1,4}) \(((?:19|20)\d{2})\)$")
# a decision's heading, its number alone after the word ("Decision 79/555", "Decision 2024/201")
_DECISION_TITLE = re.compile(r"^Decision ((?:(?:S|ES)-)?\d{1,4}/\d{1,3})$")
_SYMBOL_LINE = re.compile(r"^((?:A|S|E|A/HRC|UNEP/EA\.\d+)/RES/\S+)$")
_UNEP = re.compile(r"\s+of the United Nations Environment Programme$")



#: The speaker line ("The General Assembly,") is looked for among the first blocks: a header
#: (masthead, symbol, date, agenda item, title line, "[on the report of ...]") is far shorter; an old
#: compilation page may print other resolutions' ends and headings before the own one's.
SPEAKER_WITHIN = 60
#: Without a speaker line, the header is the first blocks: a report's or letter's masthead,
#: symbol, distribution, date, session and agenda lines fit in them (also where a masthead's date
#: line, or a letter's "dated ...", is looked for, and the masthead lines of ingest.structure.title).
HEADER_BLOCKS = 12
#: The Environment Assembly's name atop the page ("United Nations Environment Assembly of the United
#: Nations Environment Programme") stands in the first blocks, before its session line.
BODY_HEADING_BLOCKS = 4
#: A session line is short ("Seventy-ninth session", "Resumed fifth session", "Agenda item 15 ...
#: session" aside); longer text that starts so is a sentence.
SESSION_LINE_MAX = 60
#: The date under a resolution's closing meeting line is a line of its own ("27 June 2001").
DATE_LINE_MAX = 40

def speaker_code(m: re.Match) -> str:
    """The code of the body a :data:`_SPEAKER` match names."""
    return next(code for s, code in _SPEAKERS if m.group(1).startswith(s))


def find_speaker(blocks: list[Block]) -> tuple[Optional[int], Optional[str]]:
    """``(index, body code)`` of the block that opens a resolution ("The General Assembly,",
    maybe glued after the title line) among the first :data:`SPEAKER_WITHIN`, or ``(None, None)``."""
    for i, b in enumerate(blocks[:SPEAKER_WITHIN]):
        m = _SPEAKER.search(b.text) if b.text.rstrip(" ,:").endswith(_SPEAKER_ENDS) else None
        if m:
            return i, speaker_code(m)
    return None, None


def is_speaker(text: str) -> Optional[str]:
    """The body code when ``text`` ends as a speaker line does, else None."""
    m = _SPEAKER.search(text)
    return speaker_code(m) if m else None


@dataclass
class Header:
    """What a document's header blocks say (None where they do not say it). ``title_lines``
    are ``(number as written, title)`` of its title lines; ``decisions`` the numbers of those that
    are a decision's heading ("Decision 79/555"); ``symbol_line`` an ``A/RES/...``
    line; ``report`` the "[on the report of ...]" line."""

    date: Optional[str] = None
    body: Optional[str] = None
    session: Optional[str] = None
    agenda_item: Optional[str] = None
    report: Optional[str] = None
    title_lines: list[tuple[str, str]] = field(default_factory=list)
    symbol_line: Optional[str] = None
    decisions: set[str] = field(default_factory=set)


def _read_segment(h: Header, seg: str) -> None:
    """One line of a header block: a title line, the session, the agenda item, an adoption line
    ("Resolution adopted by the General Assembly on ..."), "Resolution 2720 (2023)", an
    ``A/RES/...`` line."""
    seg_clean, _, _ = clean_inline(seg)
    if not seg_clean:
        return
    if _SPEAKER.search(seg_clean) and seg_clean.startswith("The "):
        return
    m = TITLE_LINE.match(seg_clean) or _TITLE_NO_STOP.match(seg_clean)
    if m:
        h.title_lines.append((m.group("num"), m.group("title").strip()))
        return
    m = _SESSION.match(seg_clean)
    if m and h.session is None and len(seg_clean) < SESSION_LINE_MAX:
        h.session = m.group(1)
    m = _AGENDA.match(seg_clean)
    if m and h.agenda_item is None:
        h.agenda_item = m.group(1).strip()
    m = _ADOPTED.search(seg_clean)
    if m:
        h.body = h.body or grammar.body_code(m.group(1).strip())
        h.date = h.date or parse_date(seg_clean)
    m = _SC_TITLE.match(seg_clean)
    if m:
        h.title_lines.append((f"{m.group(1)} ({m.group(2)})", ""))
    m = _DECISION_TITLE.match(seg_clean)
    if m:
        h.title_lines.append((m.group(1), ""))
        h.decisions.add(m.group(1))
    m = _SYMBOL_LINE.match(seg_clean)
    if m and h.symbol_line is None:
        h.symbol_line = m.group(1)


def read_header(blocks: list[Block], speaker_idx: Optional[int], speaker_body: Optional[str]) -> Header:
    """What the header says: the blocks up to the speaker line (or the first :data:`HEADER_BLOCKS`), line by
    line and block by block (an adoption line may run over two lines); without an adoption
    line, a cut one or a presidential statement's opening; without a body, the Environment
    Assembly's name atop the page."""
    h = Header()
    header_blocks = blocks[: speaker_idx + 1] if speaker_idx is not None else blocks[:HEADER_BLOCKS]
    for b in header_blocks:
        raw = b.raw
        if "\n" in raw or "]" in raw or "**" in raw or "  " in raw or not raw.isprintable():
            segments = _SEGMENT_BREAK.split(_NUMBER_ALONE.sub(r"\1 ", raw))
        else:
            segments = (raw,)  # (no line break, bracket, asterisks or run of spaces: nothing to split at)
        for seg in segments:
            _read_segment(h, seg.strip(" *_"))
        if h.date is None and _ADOPTED.search(b.text):
            h.date = parse_date(b.text[_ADOPTED.search(b.text).start():])
        sc = _SC_ADOPTED.search(b.text)  # (the block, not its lines: "... 4185th meeting, on" | "11 August 2000")
        if sc:
            h.body = h.body or "SC"
            h.date = h.date or parse_date(b.text[sc.start():])
        rm = _REPORT.search(b.text)
        if rm:
            h.report = rm.group(0)
    if h.date is None:
        h.date, code = header_date(header_blocks)
        h.body = h.body or code
    if h.body is None and not speaker_body:
        # "United Nations Environment Assembly of the United Nations Environment Programme" atop the page
        for b in blocks[:BODY_HEADING_BLOCKS]:
            code = grammar.body_code(_UNEP.sub("", b.text))
            if code:
                h.body = code
                break
    return h


def header_date(header_blocks: list[Block]) -> tuple[Optional[str], Optional[str]]:
    """(date, body) from a header with no whole adoption line: one cut before its date ("Adopted by
    the Security Council at its 3927th meeting," | "on 16 September 1998"), or a presidential
    statement's opening ("At the 6895th meeting of the Security Council, held on ...")."""
    for i, b in enumerate(header_blocks[:-1]):
        if _SC_ADOPTED_CUT.search(b.text):
            return parse_date(header_blocks[i + 1].text), "SC"
    for b in header_blocks:
        sm = _STATEMENT_LINE.search(b.text)
        if sm and parse_date(b.text):
            return parse_date(b.text), ("SC" if sm.group(1) == "Security Council" else "HRC")
    return None, None


def meeting_year(blocks: list[Block], session: Optional[str]) -> Optional[int]:
    """The year a session met, from the dates its masthead prints under the session line
    ("Seventy-fourth session" | "Geneva, 28 February–1 March 2012" -> 2012), or None: what dates a
    report of a body without a session table (an ECE committee, UNCTAD) when it prints no date.

    >>> from ingest.structure.blocks import split_blocks
    >>> meeting_year(split_blocks("Thirteenth session\n\nDoha, Qatar\n\n21–26 April 2012\n\nReport of ...")[0],
    ...              "Thirteenth session")
    2012
    """
    if not session:
        return None
    for i, b in enumerate(blocks[:HEADER_BLOCKS]):
        if b.text.strip() == session:
            for nxt in blocks[i + 1:i + 1 + SESSION_DATES_WITHIN]:
                m = _SESSION_DATES.match(nxt.text.strip())
                if m:
                    return int(m.group(1))
            return None
    return None


def closing_date(blocks: list[Block], body_blocks: list[Block], resolution: bool) -> Optional[str]:
    """The date of a document with no adoption line: for a resolution, the date under the meeting line
    that closes it ("8th plenary meeting" | "27 June 2001"; "Seventeenth plenary meeting, 24 January
    1946."); else a masthead's date line or a letter's "dated ..." near the top."""
    if resolution:
        for i, b in enumerate(body_blocks):
            if _MEETING_LINE.match(b.text):
                nxt = body_blocks[i + 1].text if i + 1 < len(body_blocks) else ""
                date = parse_date(b.text) or (parse_date(nxt) if len(nxt) < DATE_LINE_MAX else None)
                if date:
                    return date
                break
    line = next((b.text for b in blocks[:HEADER_BLOCKS] if _BARE_DATE.match(b.text) or _LETTER_DATED.match(b.text)), None)
    return parse_date(line) if line else None


def own_symbol(file: str, title_syms: list[tuple[str, str]], symbol_line: Optional[str],
                body: Optional[str], hints: dict, decisions: frozenset[str] | set[str] = frozenset()
                ) -> tuple[Optional[str], str, Optional[str]]:
    """``(symbol, where it came from, title)`` of the document itself: the PDF or Word masthead's
    symbol (``first-page``); a title line ("79/194. Information ...") that the file name agrees
    with (``title-line``; the file name wins when more precise: part A; a decision's number, by its
    size or a "Decision 79/555" heading (``decisions``), is the decision's: :func:`ingest.symbols.own_number`);
    a text's masthead line
    ("United Nations    A/80/321", ``masthead``, any series); an ``A/RES/...`` line
    (``symbol-line``); a lone title line; the file name (``filename``; a UN download's name:
    :func:`ingest.symbols.symbol_from_filename`); else ``(None, "none", None)``."""
    from_file = symbols.symbol_from_filename(file) if file else None
    if hints.get("symbol"):
        return symbols.canonical_written(hints["symbol"]), "first-page", None
    candidates = []
    for num, title in title_syms:
        sym = symbols.own_number(num, body or "GA", decision=num in decisions)
        if sym:
            candidates.append((sym, title))
    for sym, title in candidates:
        if from_file and symbols.adds_year(sym, from_file):
            # "S_RES_2682.txt" under "Resolution 2682 (2023)": the title line adds the Council's year,
            # as its citations spell it ("its resolution 2682 (2023)")
            return sym, "title-line", title or None
        if from_file and symbols.same_document(sym, from_file):
            # the file name may be more precise: "A_RES_75_290_A" is part A of 75/290
            if len(from_file) > len(sym):
                title = re.sub(r"\s+[A-Z]$", "", title or "")  # "... Financing for Development B"
            return (from_file if len(from_file) > len(sym) else sym), "title-line", title or None
    if hints.get("masthead_symbol"):
        return symbols.canonical_written(hints["masthead_symbol"]), "masthead", None
    if symbol_line:
        return symbols.canonical_written(symbol_line), "symbol-line", None
    if len(candidates) == 1 and not from_file:
        return candidates[0][0], "title-line", candidates[0][1] or None
    if len(candidates) == 1 and from_file and not symbols.looks_like_resolution(from_file):
        return candidates[0][0], "title-line", candidates[0][1] or None
    if from_file:
        return from_file, "filename", (candidates[0][1] if len(candidates) == 1 else None)
    if candidates:
        return candidates[0][0], "title-line", candidates[0][1] or None
    return None, "none", None
