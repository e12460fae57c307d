"""A document's title as printed, for each kind of document. Pure functions over blocks.

* **resolutions and decisions**: the title line ("79/194. Information and communications
  technologies ...", "15/5 Forensic genetics and human rights"), read whole from its block;
  the one whose number is the document's own (``1/5.`` is ``HSP/HA.1/Res.5``'s);
* **Security Council resolutions**: their subject line or the agenda item printed above them
  (old compilation pages: "THE SITUATION IN CYPRUS"), else the agenda item the resolution
  names (:mod:`ingest.structure.sc_agenda`);
* **presidential statements**: the agenda item ("... the item entitled “The situation in the
  Middle East”"); a Human Rights Council statement's own numbered title ("PRST 22/1.
  Mainstreaming human rights ..."), else the agenda item over it;
* **letters**: "Letter dated ... addressed to ...", as printed, with the lines it runs on to;
* **reports, notes and the rest** (:func:`first_page_title`): the first page read line by line
  (``data/titles.toml``): masthead furniture, the body and session heading, the place and
  dates, the agenda item and its title, the author line ("Report of the Secretary-General");
  the title is the line between the agenda item's title and the author line, else the line
  after an author line that precedes its title ("Secretary-General's bulletin"), else the
  agenda item's title; an addendum's own title wins.

:func:`is_title` says what is never a title ("Resolution adopted by the General Assembly on
...", "UNITED", "Statement by the President of the Security Council", a session line).

Not supported: titles in languages other than English (a French text keeps its French title
line), titles printed only on a cover page that the text lost.
"""
from __future__ import annotations

import functools
import pathlib
import re
import tomllib
from dataclasses import dataclass
from typing import Iterable, Optional

from .. import grammar
from .blocks import Block
from .header import HEADER_BLOCKS, TITLE_LINE, Header
from .sc_agenda import inferred_item, printed_item

__all__ = ["document_title", "title_and_rule", "first_page_title", "statement_title", "resolution_title", "is_title",
           "title_rules", "Line", "TITLE_SOURCES", "RULE_SOURCES", "PRINTED", "AGENDA_ITEM", "INFERRED"]

_DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "titles.toml"

#: Where a title came from (a ``Document``'s ``title_source``, a node's in the graph):
#: ``printed`` - the document's own title as printed (a resolution's title line, a report's title,
#: "Letter dated ...", a masthead's title); ``agenda item`` - the title of the agenda item the
#: document prints as its own (the item over a Security Council resolution on an old compilation
#: page, "the item entitled ..." of a presidential statement, a report's agenda item when it
#: prints no title of its own); ``inferred`` - the Security Council agenda item found from the
#: resolution's words (:func:`~ingest.structure.sc_agenda.inferred_item`): not printed in it.
PRINTED, AGENDA_ITEM, INFERRED = "printed", "agenda item", "inferred"
TITLE_SOURCES = (PRINTED, AGENDA_ITEM, INFERRED)
#: The rule of :func:`title_and_rule` -> the title's source.
RULE_SOURCES = {"title line": PRINTED, "masthead": PRINTED, "statement": PRINTED, "first page": PRINTED,
                "agenda item": AGENDA_ITEM, "statement item": AGENDA_ITEM, "first page item": AGENDA_ITEM,
                "inferred item": INFERRED}
#: A presidential statement names its item ("... the item entitled “...”") in its opening
#: sentence: the first blocks (masthead, date, the opening) are looked in, never the text's body.
_STATEMENT_ITEM_BLOCKS = 8
#: A resolution's title line stands in the first blocks of its page: an old compilation page may print
#: the end of the resolution before, part headings and the Council's decisions over it.
TITLE_LINE_WITHIN = 40
_MONTH = grammar.MONTH_PATTERN


@functools.lru_cache(maxsize=None)
def title_rules() -> dict:
    """``data/titles.toml`` as a dict, its patterns compiled (read once, when a title is first looked for:
    ``citegraph extract`` looks for none, and does not compile them)."""
    with open(_DATA, "rb") as f:
        raw = tomllib.load(f)

    def many(key: str) -> re.Pattern:
        return re.compile("|".join(f"(?:{p})" for p in raw[key]).replace("MONTH", _MONTH))

    def one(key: str) -> re.Pattern:
        return re.compile(raw[key].replace("MONTH", _MONTH))

    return {
        "version": raw["version"],
        "furniture": many("furniture"), "session": many("session"), "date": many("date"),
        "agenda": many("agenda"), "author": many("author"), "not_title": many("not_title"),
        "own_title": many("own_title"), "heading": many("heading"), "place": one("place"), "letter": one("letter"),
        "item_entitled": one("item_entitled"), "statement_line": one("statement_line"),
        "runs_on": frozenset(raw["runs_on"]), "head_blocks": raw["head_blocks"], "max_chars": raw["max_chars"],
    }


_BODY_NAMES = frozenset(name.lower() for _, name in grammar.MASTHEAD_BODIES) | frozenset(
    name.lower() for name in grammar.BODY_NAMES.values())
_ADDENDUM = re.compile(r"^(?i:addendum|corrigendum)$")
_NUMBERS = re.compile(r"\d+")
_TITLE_NO_STOP = re.compile(r"^(?P<num>(?:S-)?\d{1,2}/\d{1,3})[ \t]+(?P<title>[A-Z].*\S)$")


_SPACES = re.compile(r"\s+")
_GLUED_NOTE = re.compile(r"(?<=[a-z])\d{1,3}$")
_THREE_LETTERS = re.compile(r"[A-Za-z]{3}")


def _tidy(text: str) -> str:
    """Spaces squashed, a first-page footnote's asterisks and an OCR'd footnote number glued to the
    last word dropped ("... the United Nations110" -> "... the United Nations")."""
    t = _SPACES.sub(" ", text).strip().rstrip("*").strip()
    return _GLUED_NOTE.sub("", t)


def is_title(text: Optional[str]) -> bool:
    """False for what is never a title: empty, a masthead or furniture line, a session, date or
    agenda line, an author line, "Resolution adopted by ...", a speaker line, longer than a
    title (``max_chars``), or ending as a sentence fragment (``,`` ``;`` ``:``).

    >>> is_title("Assistance to the Palestinian people"), is_title("UNITED"), is_title("2020 session")
    (True, False, False)
    >>> is_title("Resolution adopted by the General Assembly on 27 March 2006")
    False
    """
    if not text:
        return False
    t = _tidy(text)
    if not t or len(t) > title_rules()["max_chars"] or t[-1] in ",;:" or not _THREE_LETTERS.search(t):
        return False
    if t.endswith(".") and len(t.split()) > 12:  # a sentence of the text: "At its 2073rd meeting, ... question."
        return False
    role = _role(t)
    return role in ("text", "letter", "own") or (role == "author" and t.startswith("Note by"))


def _printed_title(text: Optional[str]) -> bool:
    """A resolution's title line needs no more than to be a title at all: "Special session of the
    General Assembly in response to ..." is 75/4's title, though a session line starts so."""
    t = _tidy(text or "")
    return bool(t) and len(t) <= title_rules()["max_chars"] and bool(_THREE_LETTERS.search(t)) \
        and not title_rules()["not_title"].search(t)


def _role(t: str) -> str:
    """What one first-page line is: furniture, session, date, agenda, author, letter, own (its own
    title: "Provisional agenda"), addendum, statement ("PRST 22/1. ..."), not_title or text."""
    if _ADDENDUM.match(t):
        return "addendum"
    for role in ("furniture", "session", "date", "agenda", "not_title"):
        if title_rules()[role].search(t):
            return role
    if t.startswith("on ") and grammar.parse_date(t) and len(t) < 30:  # "on 15 October 1999"
        return "date"
    if title_rules()["statement_line"].match(t):
        return "statement"
    if title_rules()["letter"].match(t):
        return "letter"
    if title_rules()["own_title"].match(t):
        return "own"
    if title_rules()["heading"].match(t) or t.lower() in _BODY_NAMES:
        return "heading"
    if title_rules()["author"].match(t):
        return "author"
    return "text"


@dataclass
class Line:
    """One first-page line (a block, or wrapped blocks joined) and its role."""

    text: str
    role: str


def _runs_on(prev: str, nxt: str) -> bool:
    """Does ``nxt`` go on from ``prev`` (a title wrapped over two blocks)?"""
    last = prev.rsplit(None, 1)[-1].lower() if prev.split() else ""
    return last in title_rules()["runs_on"] or nxt[:1].islower()


def _lines(blocks: Iterable[Block]) -> list[Line]:
    """The first page's lines with their roles, wrapped text joined, up to the first paragraph
    of the text (a block longer than a title)."""
    out: list[Line] = []
    for b in blocks:
        t = _tidy(b.text)
        if not t:
            continue
        if len(t) > title_rules()["max_chars"]:
            break
        role = _role(t)
        prev = out[-1] if out else None
        if prev is not None and role in ("text", "not_title") and prev.role in ("text", "letter", "own") \
                and _runs_on(prev.text, t):
            prev.text += " " + t
            continue
        if prev is not None and prev.role == "letter" and re.match(r"(?i)(?:addressed|from|to) ", t):
            prev.text += " " + t  # "LETTER DATED 17 MARCH 1997 FROM THE SECRETARY-GENERAL" | "ADDRESSED TO ..."
            continue
        out.append(Line(t, role))
    return _mark_headings(out)


def _mark_headings(lines: list[Line]) -> list[Line]:
    """Lines above the last session or date line of the masthead name the body that meets (a
    heading, not a title); a place alone ("Nairobi", "Doha, Qatar") beside a session or date
    line is a date line."""
    for i, ln in enumerate(lines):
        near = [lines[j].role for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if ln.role == "text" and title_rules()["place"].match(ln.text) and ("session" in near or "date" in near):
            ln.role = "date"
    marks = [i for i, ln in enumerate(lines[:HEADER_BLOCKS]) if ln.role in ("session", "date")]
    if marks:
        for ln in lines[: marks[-1]]:
            if ln.role == "text":
                ln.role = "heading"
    return lines


def _agenda_title(lines: list[Line]) -> tuple[Optional[str], Optional[int]]:
    """The title of the agenda item (the text line right after the agenda line) and its index."""
    for i, ln in enumerate(lines):
        if ln.role == "agenda" and i + 1 < len(lines) and lines[i + 1].role == "text":
            return lines[i + 1].text, i + 1
    return None, None


def first_page_title(blocks: Iterable[Block]) -> Optional[str]:
    """The title of a report, note, letter or other document from its first page (see the
    module's docstring for the order of the rules), or None.

    >>> from ingest.structure.blocks import split_blocks
    >>> page = ("Commission on Population and Development\\n\\nThirty-eighth session\\n\\n4-8 April 2005\\n\\n"
    ...         "Item 2 of the provisional agenda\\n\\nAdoption of the agenda and other organizational matters\\n\\n"
    ...         "Provisional agenda\\n\\n1. Election of officers.")
    >>> first_page_title(split_blocks(page)[0])
    'Provisional agenda'
    """
    return _first_page(blocks)[0]


def _first_page(blocks: Iterable[Block]) -> tuple[Optional[str], str]:
    """:func:`first_page_title` and where it came from: ``printed`` (the document's own title
    line) or ``agenda item`` (the title of the agenda item it is issued under)."""
    lines = _lines(list(blocks)[: title_rules()["head_blocks"]])
    agenda, agenda_at = _agenda_title(lines)
    for i, ln in enumerate(lines):
        if ln.role == "addendum" and i + 1 < len(lines) and lines[i + 1].role == "text":
            return lines[i + 1].text, PRINTED  # an addendum's own title: "Addendum" | "The Doha Mandate"
    for i, ln in enumerate(lines):
        if ln.role in ("letter", "own"):
            return ln.text, PRINTED
        if ln.role == "author":
            before = [x.text for j, x in enumerate(lines[:i]) if x.role == "text" and j != agenda_at]
            if before:
                return before[-1], PRINTED
            if i + 1 < len(lines) and lines[i + 1].role == "text":
                return lines[i + 1].text, PRINTED  # "Secretary-General's bulletin" | "Delegation of authority ..."
            return (agenda, AGENDA_ITEM) if agenda else (ln.text, PRINTED)
    rest = [x.text for j, x in enumerate(lines) if x.role == "text" and j != agenda_at]
    return (rest[0], PRINTED) if rest else (agenda, AGENDA_ITEM)


def statement_title(blocks: Iterable[Block]) -> Optional[str]:
    """A presidential statement's title: the agenda item it was made under ("... in connection with
    the Council's consideration of the item entitled “The situation in the Middle East”"); a
    Human Rights Council statement's own title line ("PRST 22/1. Mainstreaming human rights
    throughout the United Nations system"), else the agenda item over it."""
    return _statement(blocks)[0]


def _statement(blocks: Iterable[Block]) -> tuple[Optional[str], str]:
    """:func:`statement_title` and where it came from: ``printed`` (its own numbered title) or
    ``agenda item``."""
    blocks = list(blocks)[: title_rules()["head_blocks"]]
    lines = _lines(blocks)
    for ln in lines:
        if ln.role == "statement":
            own = title_rules()["statement_line"].match(ln.text).group("title").strip()
            if is_title(own):
                return own, PRINTED
            break
    for b in blocks[:_STATEMENT_ITEM_BLOCKS]:
        m = title_rules()["item_entitled"].search(b.text)
        if m:
            return _tidy(m.group("item")), AGENDA_ITEM
    agenda, _ = _agenda_title(lines)
    return agenda, AGENDA_ITEM


def _digits(s: str) -> list[str]:
    return _NUMBERS.findall(s)


def resolution_title(blocks: list[Block], head: Header, symbol: Optional[str], own: Optional[str]) -> Optional[str]:
    """A resolution's or decision's title line, read whole from its block (a tab inside a title
    does not cut it): the title ``own_symbol`` matched, else a header title line whose numbers
    end the symbol's ("1/5." for ``HSP/HA.1/Res.5``, "2/11." for ``UNEP/EA.2/Res.11``)."""
    nums = _digits(symbol or "")
    chosen: Optional[tuple[str, str]] = None
    for num, title in head.title_lines:
        if own and title and (title == own or own.startswith(title) or title.startswith(own)):
            chosen = (num, title)
            break
    if chosen is None and not own:
        for num, title in head.title_lines:
            d = _digits(num)
            if title and d and nums[-len(d):] == d:
                chosen = (num, title)
                break
    if chosen is None:
        return own
    num, title = chosen
    for b in blocks[:TITLE_LINE_WITHIN]:
        if b.text.startswith(num):
            m = TITLE_LINE.match(b.text) or _TITLE_NO_STOP.match(b.text)
            if m and m.group("num") == num and m.group("title").startswith(title[:20]) \
                    and len(m.group("title")) < title_rules()["max_chars"]:
                whole = _tidy(m.group("title"))
                j = blocks.index(b)
                while (whole.endswith(",") or whole.rsplit(None, 1)[-1].lower() in title_rules()["runs_on"]) \
                        and j + 1 < len(blocks) and len(blocks[j + 1].text) < 200 and blocks[j + 1].text[:1].isupper() \
                        and not TITLE_LINE.match(blocks[j + 1].text) and _role(blocks[j + 1].text) == "text":
                    j += 1  # a title wrapped over two blocks (OCR): "39/46. Convention against Torture and Other Cruel," | "Inhuman ..."
                    whole = _tidy(whole + " " + blocks[j].text)
                part = re.search(r"\d([A-Z])$", symbol or "")
                if part and whole.endswith(" " + part.group(1)):
                    whole = whole[:-2]  # "71/272. Special subjects ... 2016–2017 B" is part B's title line
                return whole
    return own or title


_LEADING_NUMBER = re.compile(r"^(?:[A-Z]/)?(?:[A-Z]+-)?\d[\w()/ -]{0,12}?\.\s+(?=[A-Z“\"])")


def _numbered(title: Optional[str], symbol: Optional[str]) -> Optional[str]:
    """A resolution header's only title line, its number dropped: the number may be misprinted
    ("70/101." over 71/101, "S/19-2." over S-19/2), since the header holds no other resolution."""
    if not title:
        return None
    return _LEADING_NUMBER.sub("", title)


def document_title(blocks: list[Block], head: Header, symbol: Optional[str], kind: str, own: Optional[str],
                   hint: Optional[str] = None, section_title: Optional[str] = None,
                   speaker_idx: Optional[int] = None) -> tuple[Optional[str], Optional[str]]:
    """The title of a document of ``kind`` (``ingest.describe``'s: resolution, presidential
    statement, ...) and where it came from (:data:`TITLE_SOURCES`), or ``(None, None)``: the rules
    of the module's docstring, in order, keeping only what :func:`is_title` accepts. ``own`` is
    the title :func:`~ingest.structure.header.own_symbol` matched to the own symbol; ``hint`` a PDF
    or Word masthead's title; ``section_title`` the own section's title line on an old compilation
    page."""
    title, rule = title_and_rule(blocks, head, symbol, kind, own, hint, section_title, speaker_idx)
    return title, RULE_SOURCES.get(rule)


def title_and_rule(blocks: list[Block], head: Header, symbol: Optional[str], kind: str, own: Optional[str],
                   hint: Optional[str] = None, section_title: Optional[str] = None,
                   speaker_idx: Optional[int] = None) -> tuple[Optional[str], str]:
    """The title and the name of the rule that gave it (``title line``, ``agenda item`` (printed
    above a Security Council resolution), ``inferred item`` (:func:`~ingest.structure.sc_agenda.inferred_item`),
    ``statement``, ``statement item``, ``masthead``, ``first page``, ``first page item``; ``none``):
    :data:`RULE_SOURCES` says which are printed."""
    resolution = kind in ("resolution", "decision")
    rules: list[tuple[str, object]] = []
    if resolution:
        rules += [("title line", lambda: resolution_title(blocks, head, symbol, own)),
                  ("title line", lambda: section_title)]
        if (symbol or "").startswith("S/"):
            date = head.date or (f"{m.group(1)}-07-01" if (m := re.search(r"\((\d{4})\)$", symbol or "")) else None)
            rules.append(("agenda item", lambda: printed_item(blocks)))
            rules.append(("inferred item", lambda: None if printed_item(blocks)  # a printed item is the item
                          else inferred_item("\n".join(b.text for b in blocks), date)))
    elif kind == "presidential statement":
        rules.append(("statement", lambda: _with_rule(_statement(blocks), "statement")))
    rules.append(("masthead", lambda: hint))
    compilation = any(b.page_break_before for b in blocks)
    if not resolution:
        rules.append(("first page", lambda: _with_rule(_first_page(blocks[:speaker_idx] if speaker_idx else blocks),
                                                       "first page")))
    elif speaker_idx and not compilation:
        # a resolution's header (before "The General Assembly,"), never an old compilation page's text
        rules.append(("first page", lambda: _numbered(first_page_title(blocks[:speaker_idx]), symbol)))
    for name, rule in rules:
        c = rule()
        if isinstance(c, tuple):
            c, name = c
        if is_title(c) or (name == "title line" and _printed_title(c)):
            return _tidy(c), name
    return None, "none"


def _with_rule(found: tuple[Optional[str], str], rule: str) -> tuple[Optional[str], str]:
    """A title and its source from :func:`_statement` / :func:`_first_page` as (title, rule name)."""
    title, source = found
    return title, rule if source == PRINTED else rule + " item"
