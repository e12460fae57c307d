"""Text -> Document: find a UN document's structure (pure functions, no I/O).

Input is "citegraph markup", the shape of the UN's Markdown renderings and of
the blank-line-separated text extractions:

* paragraphs are blocks separated by blank lines; lines inside a block are joined;
* ``<sup>N</sup>`` is a footnote mark; a ``---`` line opens a block of footnote
  definitions (``<sup>N</sup> text``), after which the body resumes;
* ``[text](url)`` is a hyperlink the document embedded; ``*``/``**``/``_``
  emphasis is dropped;
* ``<!-- Page N -->`` marks a page of an old printed volume.

What is found: the document's own symbol (and where it came from), title,
adoption date, adopting body, session, agenda item, the "[on the report of ...]"
line, preambular (``ppN``) and operative (``opN``) paragraphs numbered or not,
report paragraphs (``pN``), and footnotes bound to the paragraph carrying the
mark. A paragraph broken by a page break or a footnote block counts once.

Not supported: tables (a table row is a paragraph), languages other than English.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .model import Document, Footnote, Paragraph
from . import grammar, symbols
from .grammar import parse_date
from .normalize import squash, strip_invisible

__all__ = ["parse_text", "clean_inline", "leading_verb", "normalise_verb"]

# ---------------------------------------------------------------- inline markup

_SUP = re.compile(r"<sup>\s*([0-9]+|\*{1,3}|[†‡§a-z])\s*</sup>", re.I)
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]*)\)")
_EMPH = re.compile(r"(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])")
_TAGS = re.compile(r"</?(?:em|strong|i|b|u|span|br)\b[^>]*>", re.I)
_PAGE = re.compile(r"<!--\s*Page\s+\d+\s*-->", re.I)
_NUM_PARA = re.compile(r"^(\d{1,3})\s*\.\s")
_MEETING = re.compile(r"^\d+(?:st|nd|rd|th)? (?:plenary )?meeting\b|^\d+\w* meeting\b")
# the meeting line that closes a resolution, in figures or words ("Seventeenth plenary meeting, 24 January 1946.")
_MEETING_LINE = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|[A-Z][a-z]+(?:-[a-z]+)?)\s+(?:plenary\s+)?meeting\b(?!s)")
_SC_ADOPTED_CUT = re.compile(r"Adopted by the Security Council at its \d+\w* meeting,?(?: on)?$", re.I)
_LETTER_DATED = re.compile(r"^(?:Identical )?(?:[Ll]etters?|[Nn]ote verbale|[Nn]otes verbales) dated \d{1,2} [A-Z][a-z]+ "
                           r"(?:19|20)\d\d\b")
_BARE_DATE = re.compile(r"^\d{1,2} " + grammar.MONTH_PATTERN + r" (?:19|20)\d\d$")
_SUBITEM = re.compile(r"^\(?[a-z]{1,4}\)\s|^\([ivx]+\)\s")
_MARK = "\ue000"  # a footnote mark while the block is cleaned (private use)
_RULE = re.compile(r"\s*(?:-{3,}|_{3,}|\*{3,})\s*")
_NOTE_DEF = re.compile(r"^\s*<sup>\s*([0-9]+|\*{1,3}|[†‡§a-z])\s*</sup>\s*(.*)$", re.S)
_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_STARS = re.compile(r"\*{2,}|_{2,}")


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


# ---------------------------------------------------------------- verbs

_PREAMBLE_ADJ = {"aware", "conscious", "convinced", "mindful", "guided", "concerned", "alarmed",
                 "determined", "desirous", "cognizant", "noting", "bearing", "having", "taking",
                 "recognizing", "emphasizing", "affirming", "reaffirming", "recalling", "welcoming",
                 "expressing", "deploring", "acknowledging", "considering", "stressing", "underlining",
                 "appreciating", "believing", "encouraged", "disturbed", "shocked", "dismayed",
                 "appalled", "confident", "committed", "resolved", "persuaded", "fearful",
                 "anxious", "grieved", "saddened", "troubled", "outraged", "gratified", "pleased",
                 "satisfied", "reiterating", "seeking", "observing", "keeping", "highlighting",
                 "acting", "underscoring", "condemning", "reaffirming", "recollecting", "realizing",
                 "emphasising", "recognising", "viewing", "wishing", "referring", "regretting",
                 "fully", "deeply", "gravely", "further", "also", "noting"}



_LEAD = re.compile(
    r"^(?:\(?[0-9]+\)?[.)]?\s+)?(?:We\s+)?"
    r"(?P<pre>(?:(?:Also|Further|Again|Once again|Strongly|Firmly|Deeply|Gravely|Furthermore|Moreover|Hereby|"
    r"Seriously|Further also|Also further),?\s+)*)"
    r"(?P<main>(?i:Taking note|Takes note|Take note|Bearing in mind|Bears in mind|Calls upon|Calls on|Calls for|"
    r"Looks forward|Taking into account|Takes into account|Taking into consideration|"
    r"Noting with (?:great |grave |deep |serious )?(?:concern|satisfaction|appreciation|regret|alarm)|"
    r"Expressing (?:its |deep |grave |serious )?(?:concern|appreciation|regret|gratitude|support)|"
    r"Having (?:considered|examined|received|adopted|reviewed|heard|regard))|[A-Za-z][a-z]+(?:-[a-z]+)?)"
    r"(?P<post>(?:,?\s+(?:also|further|again|furthermore)\b)*)")


def leading_verb(text: str) -> Optional[str]:
    """The verb phrase a resolution paragraph opens with, as written.

    >>> leading_verb("Recalling also its resolution 78/132 of 19 December 2023")
    'Recalling also'
    >>> leading_verb("Also notes the holding of the Forum")
    'Also notes'
    """
    m = _LEAD.match(text.strip())
    if not m:
        return None
    pre, main, post = m.group("pre", "main", "post")
    if not pre and not post:
        return main.strip(" ,") or None
    words = " ".join(x.strip(" ,") for x in (pre, main, post) if x.strip(" ,"))
    return (re.sub(r"\s*,\s*", " ", words) if "," in words else words) or None


# words that open a paragraph and look like verbs ("-s", "-ing") but are nouns or adjectives there
_NOT_VERBS = {"states", "rights", "estimates", "violations", "supplies", "nothing", "enduring", "nations", "parties",
              "members", "governments", "organizations", "countries", "persons", "children", "women", "refugees",
              "measures", "programmes", "activities", "resources", "funds", "costs", "expenditures", "requirements",
              "contributions", "proceedings", "meetings", "elections", "arms", "weapons", "goods", "assets",
              "sanctions", "something", "everything", "anything", "during", "notwithstanding", "regarding",
              "concerning", "according", "including", "following", "pending"}
_VERB_LIKE = re.compile(r"^[a-z][a-z-]*(?:ing|[^sui]s|ed)$")  # "recalling", "notes", "concerned" ("this", "focus" not)
# verbs as a declaration writes them ("We reaffirm", "Reaffirm the World Programme of Action for Youth")
_BASE_VERBS = {"reaffirm", "recall", "commit", "decide", "welcome", "recognize", "acknowledge", "note", "stress",
               "emphasize", "request", "urge", "call", "invite", "support", "affirm", "resolve", "agree",
               "pledge", "declare", "adopt", "endorse", "encourage", "reiterate", "underline", "underscore",
               "acting", "mindful", "aware", "conscious", "convinced", "determined"}


def normalise_verb(verb: Optional[str]) -> Optional[str]:
    """Normalise a paragraph verb: drop also/further/again, lower-case.

    >>> normalise_verb("Recalling also")
    'recalling'
    >>> normalise_verb("Also takes note")
    'takes note'
    """
    if not verb:
        return None
    words = [w.lower() for w in verb.replace(",", " ").split()]
    words = [w for w in words if w not in ("also", "further", "again", "once", "furthermore",
                                           "moreover", "hereby", "therefore", "strongly",
                                           "firmly", "thus", "duly", "warmly", "fully", "deeply", "gravely",
                                           "seriously", "particularly", "especially", "urgently", "resolutely")]
    if not words:
        return None
    if words[0] in ("taking", "takes", "take") and len(words) > 1 and words[1] == "note":
        return "taking note" if words[0] == "taking" else "takes note"
    if words[0] in ("taking", "takes") and words[1:3] in (["into", "account"], ["into", "consideration"]):
        return f"{words[0]} into {words[2]}"
    if words[0] == "guided":
        return "guided by"
    if words[0] in _NOT_VERBS or \
            (not _VERB_LIKE.match(words[0]) and words[0] not in _PREAMBLE_ADJ and words[0] not in _BASE_VERBS):
        # "To assess ..." (a sub-item), "The right of ...", "See A/35/362" (a footnote in the text),
        # "States should ...", "Estimates in respect of ..." (nouns that look like verbs)
        return None
    if words[0] in ("bearing", "bears") and "mind" in words:
        return "bearing in mind"
    if words[0] in ("noting", "notes") and len(words) > 1:
        return words[0]
    if words[0] in ("calls", "call") and len(words) > 1 and words[1] in ("upon", "on", "for"):
        return f"calls {words[1]}"
    if words[0] in ("having",) and len(words) > 1:
        return " ".join(words[:2])
    return words[0]


_FIRST_WORD = re.compile(r"[^A-Za-z]*(\S*)")


def _is_preambular_start(text: str) -> bool:
    first = _FIRST_WORD.match(text).group(1).strip(",;:").lower()
    if not first:
        return False
    if first.endswith("ing") or first in _PREAMBLE_ADJ:
        return True
    if first in ("also", "further", "deeply", "gravely", "strongly", "fully", "once", "again"):
        second = text.split()[1].strip(",").lower() if len(text.split()) > 1 else ""
        return second.endswith("ing") or second in _PREAMBLE_ADJ
    return False


_OP_LEAD = re.compile(r"^(?:(?:Also|Further|Again|Once again|Strongly|Firmly|Hereby|Furthermore|Moreover|"
                      r"Further also|Also further|Deeply|Resolutely|Urgently|Reiterates|Therefore),?\s+)*"
                      r"[A-Z][a-z]+(?:s|es)\b")


def _is_operative_start(text: str) -> bool:
    if _NUM_PARA.match(text):
        return True
    m = _OP_LEAD.match(text)
    if not m:
        return False
    word = m.group(0).split()[-1]
    return not word.lower().endswith(("ss", "us", "is")) or word in ("Emphasizes",)


# ---------------------------------------------------------------- header facts

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


@dataclass
class _Block:
    raw: str
    text: str
    marks: list[tuple[str, int]]
    links: list[tuple[str, str]]
    page_break_before: bool = False
    after_notes: bool = False


@dataclass
class _Para:
    kind: str
    text: str
    marks: list[tuple[str, int]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    number: Optional[str] = None

    def extend(self, b: "_Block") -> None:
        """Join the next block to this paragraph (it was broken by a page or a footnote block)."""
        self.text = self.text.rstrip()
        shift = len(self.text) + 1
        self.text += " " + b.text
        self.marks += [(n, o + shift) for n, o in b.marks]
        self.links += b.links


def _split_blocks(text: str) -> tuple[list[_Block], dict[str, str]]:
    """Blank-line blocks with markup cleaned, and footnote definitions by number."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    blocks: list[_Block] = []
    notes: dict[str, str] = {}
    in_notes = False
    after_notes = False
    page_break = False
    for raw in re.split(r"\n[ \t]*\n", text):
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
            parts = re.split(r"\n(?=\s*<sup>)", stripped)
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
            blocks[-1] = _Block(prev.raw + "\n" + stripped, prev.text + " " + clean, prev.marks, prev.links + links,
                                prev.page_break_before, prev.after_notes)
            continue
        blocks.append(_Block(stripped, clean, marks, links, page_break, after_notes))
        page_break = after_notes = False
    return blocks, notes


def _joins_previous(prev: _Para, block: _Block) -> bool:
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
    if (block.page_break_before or block.after_notes) and not _is_operative_start(t) \
            and not _is_preambular_start(t):
        return True
    return False


_TITLE_LINE = re.compile(
    r"^(?P<num>(?:(?:ES|S)-\d{1,2}/\d{1,3}|\d{1,2}/\d{1,3}|(?:19|20)\d{2}/\d{1,3}"
    r"|\d{1,4}(?:\s?[A-Z])?\s?\((?:ES-|S-)?[IVXL]+\)|\d{1,4}\s\((?:19|20)\d{2}\)))"
    r"\s*\.\s+(?P<title>\S.*)$")


def parse_text(text: str, file: str = "", fmt: str = "text", hints: Optional[dict] = None) -> Document:
    """Parse one document's text (citegraph markup) into a :class:`Document`.

    ``hints`` may give what a PDF or Word masthead said: ``symbol``, ``title``,
    ``date``, ``body``, ``distribution``, ``session``, ``agenda_item``.
    """
    hints = dict(hints or {})
    blocks, notes = _split_blocks(text)

    # header segments: bold/italic runs glue header lines in the Markdown renderings
    speaker_idx = None
    speaker_body = None
    for i, b in enumerate(blocks[:60]):
        m = _SPEAKER.search(b.text) if b.text.rstrip(" ,:").endswith(_SPEAKER_ENDS) else None
        if m:
            # the speaker may be glued after the title line in the same block
            speaker_idx = i
            speaker_body = next(code for s, code in _SPEAKERS if m.group(1).startswith(s))
            break

    meta: dict[str, Optional[str]] = {"title": None, "date": None, "body": None, "session": None,
                                      "agenda_item": None, "report": None}
    title_syms: list[tuple[str, str]] = []  # (number as written, title)
    symbol_line: Optional[str] = None
    header_blocks = blocks[: speaker_idx + 1] if speaker_idx is not None else blocks[:12]
    header_paras: list[_Para] = []
    for b in header_blocks:
        segs = [s.strip(" *_") for s in re.split(r"\*{2,}|\n|(?<=\])\s*(?=\d)|\s{2,}(?=[A-Z\[])", b.raw)]
        for seg in segs:
            seg_clean, _, _ = clean_inline(seg)
            if not seg_clean:
                continue
            if _SPEAKER.search(seg_clean) and seg_clean.startswith("The "):
                continue
            m = _TITLE_LINE.match(seg_clean)
            if m:
                title_syms.append((m.group("num"), m.group("title").strip()))
                continue
            m = _SESSION.match(seg_clean)
            if m and meta["session"] is None and len(seg_clean) < 60:
                meta["session"] = m.group(1)
            m = _AGENDA.match(seg_clean)
            if m and meta["agenda_item"] is None:
                meta["agenda_item"] = m.group(1).strip()
            m = _ADOPTED.search(seg_clean)
            if m:
                meta["body"] = meta["body"] or grammar.body_code(m.group(1).strip())
                meta["date"] = meta["date"] or parse_date(seg_clean)
            m = re.match(r"^Resolution (\d{1,4}) \(((?:19|20)\d{2})\)$", seg_clean)
            if m:
                title_syms.append((f"{m.group(1)} ({m.group(2)})", ""))
            m = re.match(r"^((?:A|S|E|A/HRC|UNEP/EA\.\d+)/RES/\S+)$", seg_clean)
            if m and symbol_line is None:
                symbol_line = m.group(1)
        if meta["date"] is None and _ADOPTED.search(b.text):
            meta["date"] = parse_date(b.text[_ADOPTED.search(b.text).start():])
        sc = _SC_ADOPTED.search(b.text)  # (the block, not its lines: "... 4185th meeting, on" | "11 August 2000")
        if sc:
            meta["body"] = meta["body"] or "SC"
            meta["date"] = meta["date"] or parse_date(b.text[sc.start():])
        rm = _REPORT.search(b.text)
        if rm:
            meta["report"] = rm.group(0)
    if meta["date"] is None:
        meta["date"], code = _header_date(header_blocks)
        meta["body"] = meta["body"] or code
    # the header paragraph: the report line (it carries "A/79/434, para. 21")
    if meta["report"]:
        header_paras.append(_Para("header", meta["report"]))

    if meta["body"] is None and not speaker_body:
        # "United Nations Environment Assembly of the United Nations Environment Programme" atop the page
        for b in blocks[:4]:
            code = grammar.body_code(re.sub(r"\s+of the United Nations Environment Programme$", "", b.text))
            if code:
                meta["body"] = code
                break
    body = hints.get("body") or meta["body"] or speaker_body
    own_symbol, own_source, own_title = _own_symbol(file, title_syms, symbol_line, body, hints)
    if own_title and not meta["title"] and own_source != "filename":
        meta["title"] = own_title
    if not meta["title"] and hints.get("title"):
        meta["title"] = hints["title"]
    if not meta["title"] and not title_syms:
        meta["title"] = _report_title(blocks[:14])

    # ------------------------------------------------------------ body paragraphs
    start = speaker_idx + 1 if speaker_idx is not None else 0
    resolution_like = speaker_idx is not None
    if speaker_idx is None and own_source == "title-line":
        # no "The General Assembly," line (UNEA resolutions open straight after the title)
        for i, b in enumerate(blocks[:16]):
            m = _TITLE_LINE.match(b.text)
            if m and i + 1 < len(blocks) and _is_preambular_start(blocks[i + 1].text):
                start, resolution_like = i + 1, True
                break
    body_blocks = blocks[start:]
    if meta["report"] and start == 0:
        # a text with no "The General Assembly," line: the report line is the header paragraph, not also
        # a body paragraph (E/HLS/2022/1, a ministerial declaration)
        body_blocks = [b for b in body_blocks if b.text != meta["report"]]
    paras: list[_Para] = []
    # old compilation pages: keep only the own resolution's section
    own_num = _own_number(own_symbol)
    section = None
    if own_num:
        section = _own_section(blocks, own_num)
        if section is not None and speaker_idx is not None and section[0] < speaker_idx:
            section = None  # the title line is in the document's own header: not a compilation page
    if section is not None:
        lo, hi = section
        resolution_like = True
        for b in blocks[:lo]:
            paras.append(_Para("outside", b.text, b.marks, b.links))
        body_blocks = blocks[lo:hi]
        tail = blocks[hi:]
    else:
        tail = []
    if section is not None and body_blocks:
        sm = _TITLE_LINE.match(body_blocks[0].text)
        if sm and not meta["title"]:
            meta["title"] = sm.group("title")
        body_blocks = body_blocks[1:]
        if body_blocks and _SPEAKER.search(body_blocks[0].text):
            m = _SPEAKER.search(body_blocks[0].text)
            body = body or next(code for s, code in _SPEAKERS if m.group(1).startswith(s))
            body_blocks = body_blocks[1:]
        elif body_blocks and re.fullmatch(r"The [A-Z][A-Za-z ]+", body_blocks[0].text):
            body_blocks = body_blocks[1:]

    phase = "preambular"
    ended = False
    outside_from = False
    for b in body_blocks:
        t = b.text
        if paras and paras[-1].kind not in ("outside",) and _joins_previous(paras[-1], b):
            paras[-1].extend(b)
            continue
        if not resolution_like:
            num = _NUM_PARA.match(t)
            paras.append(_Para("body", t, b.marks, b.links, num.group(1) if num else None))
            continue
        if ended:
            if _TITLE_LINE.match(t):
                outside_from = True  # the next resolution of a printed volume's page: not this document
            paras.append(_Para("outside" if outside_from else "other", t, b.marks, b.links))
            continue
        if _MEETING.match(t):
            ended = True
            paras.append(_Para("other", t, b.marks, b.links))
            continue
        if _SUBITEM.match(t):
            if paras and paras[-1].kind == "operative":
                paras[-1].extend(b)
                continue
        num = _NUM_PARA.match(t)
        if num or (phase == "operative" and not _is_preambular_start(t)) or \
                (phase == "preambular" and _is_operative_start(t) and not _is_preambular_start(t)):
            phase = "operative"
            paras.append(_Para("operative", t, b.marks, b.links, num.group(1) if num else None))
        elif phase == "preambular":
            paras.append(_Para("preambular", t, b.marks, b.links))
        else:
            paras.append(_Para("operative", t, b.marks, b.links))
    for b in tail:
        paras.append(_Para("outside", b.text, b.marks, b.links))
    if meta["date"] is None:
        meta["date"] = _closing_date(blocks, body_blocks, resolution_like or "/RES/" in (own_symbol or ""))

    # ------------------------------------------------------------ ids and footnotes
    out: list[Paragraph] = []
    counters = {"preambular": 0, "operative": 0, "body": 0, "other": 0, "outside": 0}
    prefix = {"preambular": "pp", "operative": "op", "body": "p", "other": "x", "outside": "out"}
    used: set[str] = set()
    for p in header_paras + paras:
        if p.kind == "header":
            pid = "header"
        else:
            counters[p.kind] += 1
            pid = f"{prefix[p.kind]}{counters[p.kind]}"
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
    return Document(
        file=file, symbol=own_symbol, symbol_source=own_source, format=fmt, paragraphs=tuple(out),
        title=meta["title"], date=hints.get("date") or meta["date"], body=body,
        session=hints.get("session") or meta["session"],
        agenda_item=hints.get("agenda_item") or meta["agenda_item"], report=meta["report"],
        distribution=hints.get("distribution"), unplaced_footnotes=unplaced)


def _header_date(header_blocks: list[_Block]) -> tuple[Optional[str], Optional[str]]:
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


def _closing_date(blocks: list[_Block], body_blocks: list[_Block], resolution: bool) -> Optional[str]:
    """The date of a document with no adoption line: for a resolution, the date under the meeting line
    that closes it ("8th plenary meeting" | "27 June 2001"; "Seventeenth plenary meeting, 24 January
    1946."); else a masthead's date line or a letter's "dated ..." near the top."""
    if resolution:
        for i, b in enumerate(body_blocks):
            if _MEETING_LINE.match(b.text):
                nxt = body_blocks[i + 1].text if i + 1 < len(body_blocks) else ""
                date = parse_date(b.text) or (parse_date(nxt) if len(nxt) < 40 else None)
                if date:
                    return date
                break
    line = next((b.text for b in blocks[:12] if _BARE_DATE.match(b.text) or _LETTER_DATED.match(b.text)), None)
    return parse_date(line) if line else None


_META_LINE = re.compile(r"^(?:[A-Z][a-z]+(?:-[a-z]+)? (?:special |emergency special )?session|Agenda items? |"
                        r"Item \d|Distr\.|General$|Original:|\d{1,2} \w+ \d{4}$|[A-Z]+/|Contents$|"
                        r"United Nations$|Page$|\d+$|\||[A-Z][a-z]+(?: [A-Z][a-z]+)*,(?: \d| and)|\(?Part [IVX]+)")
_KIND_LINE = re.compile(r"^(?:Report|Note|Letter|Memorandum|Identical letters|Statement|Proposed|Budget performance)\b")


def _report_title(blocks: list["_Block"]) -> Optional[str]:
    """A report's title: the line before "Report of the Secretary-General" (or "Note by ..."),
    else its first line that is not a session, agenda item, symbol or date."""
    texts = [b.text for b in blocks]
    for i, t in enumerate(texts):
        if _KIND_LINE.match(t) and len(t) < 200:
            if i > 0 and not _META_LINE.match(texts[i - 1]) and len(texts[i - 1]) < 300:
                return texts[i - 1]
            return t
    for t in texts:
        if not _META_LINE.match(t) and len(t) < 250 and not t.endswith("."):
            return t
    return None


def _own_number(symbol: Optional[str]) -> Optional[str]:
    """"A/RES/1514(XV)" -> "1514 (XV)" as it is printed in compilation volumes."""
    if not symbol:
        return None
    m = re.match(r"^(?:A|E)/RES/(\d+)(?:\s?([A-Z]))?\(([A-Z0-9-]+)\)$", symbol)
    if m:
        return f"{m.group(1)}{(' ' + m.group(2)) if m.group(2) else ''} ({m.group(3)})"
    m = re.match(r"^(?:A|E)/RES/((?:\d+|S-\d+|ES-\d+)/\d+)[A-Z]?$", symbol)
    if m:
        return m.group(1)
    return None


def _own_section(blocks: list[_Block], own_num: str) -> Optional[tuple[int, int]]:
    """In a compilation page, the blocks of the own resolution: its title line up to the next title line."""
    lo = None
    for i, b in enumerate(blocks):
        m = _TITLE_LINE.match(b.text)
        if m and re.sub(r"\s", "", m.group("num")) == re.sub(r"\s", "", own_num):
            lo = i
            break
    if lo is None:
        return None
    hi = len(blocks)
    for j in range(lo + 1, len(blocks)):
        if _TITLE_LINE.match(blocks[j].text) and j > lo + 1:
            hi = j
            break
    return lo, hi


def _own_symbol(file: str, title_syms: list[tuple[str, str]], symbol_line: Optional[str],
                body: Optional[str], hints: dict) -> tuple[Optional[str], str, Optional[str]]:
    from_file = symbols.symbol_from_filename(file) if file else None
    if hints.get("symbol"):
        return symbols.canonical_written(hints["symbol"]), "first-page", None
    candidates = []
    for num, title in title_syms:
        sym = symbols.resolve_number(num, body or "GA", explicit=False)
        if sym:
            candidates.append((sym, title))
    for sym, title in candidates:
        if from_file and symbols.same_document(sym, from_file):
            # the file name may be more precise: "A_RES_75_290_A" is part A of 75/290
            if len(from_file) > len(sym):
                title = re.sub(r"\s+[A-Z]$", "", title or "")  # "... Financing for Development B"
            return (from_file if len(from_file) > len(sym) else sym), "title-line", title or None
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
