"""Old compilation pages: the resolutions a page holds, and which blocks are the document's own.

The oldest documents are OCR'd pages of the printed volumes of resolutions, and a page prints
several: a 1958 Economic and Social Council page holds resolutions 668 to 671, a Security Council
page 425 to 427 with the Council's decisions between them, a bilingual 1947 page the English text
of 167 to 169 and then the French. A file is named after one of them; citegraph reads that one
and cuts the neighbours away: their blocks are ``outside`` paragraphs (kept, never cited from).
Pure functions over :class:`~ingest.structure.blocks.Block`:

* :func:`headings` - where each resolution (or Council decision) starts on the page: a title
  line ("1514 (XV). Declaration ...", "31/192. Statute ..."), a number alone over its title
  ("1989/57." | "Implementation of ...", a speaker line after it), "Resolution 425 (1978)" and its
  French, Spanish and Russian forms ("Résolution 426 (1978)", "Resolución 427 (1978)"), "Decision"
  alone; read through OCR noise ("Resolutlon 426 (1978)", "Resolution426(1978)", "l514 (XV)", "13(1)." for
  "13 (I).");
* :func:`own_heading` - the document's own heading: the one whose number is its own, else, when
  none is, the one whose number is its own but for a misprinted session or year in brackets
  ("168 (III)" over resolution 168 (II)); the first of them (a bilingual page prints it twice);
* :func:`own_blocks` - the own resolution's blocks: from its heading to the next heading, with
  each footnote block (one opening with a raised number: "¹ See ...") given to the section whose
  text carries its mark on the same page, wherever the page prints the notes.

The words and OCR confusions are data, ``ingest/data/compilations.toml``, with their sources.

Why the neighbours are cut away rather than read as documents of their own: a page holds the
neighbours only in part (the one before it from the middle, the one after it up to the page's
end), the volumes print each resolution in full on its own pages too, and each file of a corpus
is named for the one resolution it was cut for; a neighbour read from a stray page would be a
node with half its citations and a second reading of a document the corpus may hold whole.

Not supported: a page whose own heading is lost to OCR beyond the noise above (the document is
then read whole, as a page with no headings is); footnote marks OCR printed as plain digits
("Nations110").
"""
from __future__ import annotations

import functools
import pathlib
import re
import tomllib
from dataclasses import dataclass, field
from typing import Optional

from .. import grammar
from ..symbols import LANGUAGES
from .blocks import Block
from .header import is_speaker

__all__ = ["Heading", "Section", "headings", "own_heading", "own_blocks", "number_key", "note_mark", "is_date_line",
           "speaker",
           "block_languages", "BILINGUAL_MIN_BLOCKS", "BILINGUAL_MIN_SHARE",
           "RESOLUTION_WORDS", "DECISION_WORDS", "MAX_WORD_EDITS", "OCR_DIGITS",
           "OCR_ROMAN_ONE"]

with open(pathlib.Path(__file__).resolve().parent.parent / "data" / "compilations.toml", "rb") as _f:
    _DATA = tomllib.load(_f)

#: The word over a Security Council resolution's number, by language ("Résolution 426 (1978)").
RESOLUTION_WORDS: tuple[str, ...] = tuple(_DATA["resolution_words"])
#: A block of one of these words alone opens a Council decision.
DECISION_WORDS: tuple[str, ...] = tuple(_DATA["decision_words"])
#: A heading word may differ from one of the words above by this many letters (OCR).
MAX_WORD_EDITS: int = _DATA["max_word_edits"]
#: Characters OCR reads in place of a digit inside a resolution's number.
OCR_DIGITS: dict[str, str] = dict(_DATA["ocr_digits"])

#: Characters OCR reads in place of the Roman I in a session's brackets ("13(1)." is "13 (I).").
OCR_ROMAN_ONE: tuple[str, ...] = tuple(_DATA["ocr_roman_one"])

_D = "[0-9" + re.escape("".join(OCR_DIGITS)) + "]"  # a digit, or what OCR made of one
_OCR_I = "[" + re.escape("".join(OCR_ROMAN_ONE)) + "]"
_ROMAN = rf"\(\s*(?:ES-|S-)?(?:[IVXL]+|{_OCR_I}{{1,3}})\s*\)"
_OCR_ROMAN_BRACKET = re.compile(rf"^\(({_OCR_I}{{1,3}})\)$")
_YEAR = rf"\(\s*(?:[1lI]9|20){_D}{{2}}\s*\)"
_DIGITS = rf"{_D}(?: ?{_D}){{0,3}}"  # a number of up to four digits, a space OCR put in it allowed ("1 514")
#: A resolution's number as printed, OCR noise allowed: "1514 (XV)", "217 A (III)", "31/192",
#: "1984/47", "S-10/2", "425 (1978)", "l514(XV)".
_NUMBER = (rf"(?:(?:ES|S)-{_D}{{1,2}}\s?/\s?{_D}{{1,3}}|{_D}{{1,4}}\s?/\s?{_D}{{1,3}}"
           rf"|{_DIGITS}(?:\s?[A-H])?\.?\s?{_ROMAN}|{_DIGITS}\.?\s?{_YEAR})")
_TITLE_LINE = re.compile(rf"^(?P<num>{_NUMBER})\s*\.\s*(?P<title>[^\W\d_].*)$")
_NUMBER_ALONE = re.compile(rf"^(?P<num>{_NUMBER})\s*\.?$")
_DATE_WORDS = "|".join(map(re.escape, _DATA["date_words"]))
_WORD_HEADING = re.compile(rf"^(?P<word>[^\W\d_](?:[^\W_]{{3,12}}[^\W\d_])?)\s*(?P<num>{_DIGITS}\s?{_YEAR})"
                           rf"\s*(?:[,.]?\s*(?:{_DATE_WORDS})\s.*)?$", re.I)
_WORD_ALONE = re.compile(r"^(?P<word>[^\W\d_][^\W_]{3,14})\s*[.:]?$")
_BRACKET = re.compile(r"^(?P<prefix>(?:ES|S)-)?(?P<number>[^(]*?)(?P<bracket>\(.*\))?$")
_KEY_PARTS = re.compile(r"^(?P<prefix>(?:ES|S)-)?(?P<number>[^(]*?)(?P<part>[A-H])?(?P<bracket>\([^)]*\))?$")
_SPACE = re.compile(r"\s+")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_NOTE_START = re.compile(f"^([{_SUPERSCRIPTS}]+)\\s")
# a note whose raised number OCR printed on the baseline ("46 Official Records of ..."), not a date
_PLAIN_NOTE_START = re.compile(r"^(\d{1,3}) (?=[A-Z])(?!(?:" + "|".join(grammar.MONTHS) + r")\b)", re.I)
#: How many blocks after a number alone its speaker line may come ("1989/57." | title | "The ... Council,").
_SPEAKER_WITHIN = 3
#: A page is bilingual when its second language holds at least this many blocks and this share of them.
BILINGUAL_MIN_BLOCKS = 3
BILINGUAL_MIN_SHARE = 0.15
_FUNCTION_WORDS = {code: frozenset(v["words"]) for code, v in LANGUAGES.items() if v["words"]}
_WORD = re.compile(r"[^\W\d_]+")
# each function word -> the languages (of _FUNCTION_WORDS, in its order) it belongs to
_WORD_CODES: dict[str, tuple[str, ...]] = {}
for _code, _words in _FUNCTION_WORDS.items():
    for _w in _words:
        _WORD_CODES[_w] = _WORD_CODES.get(_w, ()) + (_code,)
#: A heading with no function words takes the language of the first of the next blocks that has some.
_LOOK_AHEAD = 4


@dataclass(frozen=True)
class Heading:
    """Where a resolution (or a Council decision, ``number`` None) starts on a compilation page:
    the block ``index``, the number as printed and its ``key`` (:func:`number_key`), the title
    printed with it, and how many blocks the heading takes (``size``: 2 for a number alone over
    its title; 1 else)."""

    index: int
    number: Optional[str]
    key: Optional[str]
    title: Optional[str] = None
    size: int = 1


@dataclass
class Section:
    """The own resolution's part of a compilation page: its ``heading``, and the indexes of its
    blocks (``own``, in order) and of the others (``outside_before``: before its heading;
    ``outside_after``: the rest)."""

    heading: Heading
    own: list[int] = field(default_factory=list)
    outside_before: list[int] = field(default_factory=list)
    outside_after: list[int] = field(default_factory=list)


def number_key(number: str) -> str:
    """A resolution's number as compared: no spaces, upper case, OCR's letters read as the digits
    they stand for in its numeric parts ("l514 (XV)" -> "1514(XV)", "S-1O/2" -> "S-10/2"); a part
    letter and a Roman session stay letters.

    >>> number_key("l514 (XV)"), number_key("425 (l978)"), number_key("S-1O/2"), number_key("2617. (XXIV)")
    ('1514(XV)', '425(1978)', 'S-10/2', '2617(XXIV)')
    >>> number_key("13(1)"), number_key("23 (l)"), number_key("60 (11)")
    ('13(I)', '23(I)', '60(II)')
    """
    m = _KEY_PARTS.match(_SPACE.sub("", number).replace(".(", "("))
    if m is None:
        return number.upper()
    prefix, middle, letter, bracket = (m.group(g) or "" for g in ("prefix", "number", "part", "bracket"))
    digits = "".join(OCR_DIGITS.get(c, c) for c in middle)
    roman_one = _OCR_ROMAN_BRACKET.match(bracket)
    if roman_one:
        bracket = "(" + "I" * len(roman_one.group(1)) + ")"  # "(1)": the Roman I, no year
    elif any(c.isdigit() for c in bracket):
        bracket = "".join(OCR_DIGITS.get(c, c) for c in bracket)
    return (prefix + digits + letter + bracket).upper()


@functools.lru_cache(maxsize=512)
def _edits(a: str, b: str) -> int:
    """Levenshtein distance of two short words."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _is_word(word: str, words: tuple[str, ...]) -> bool:
    """Is ``word`` one of ``words`` (any case), OCR noise of up to :data:`MAX_WORD_EDITS` letters allowed?"""
    w = word.lower()
    return any(_edits(w, x.lower()) <= MAX_WORD_EDITS for x in words if abs(len(x) - len(w)) <= MAX_WORD_EDITS)


# What every heading's line opens with (a necessary condition of the four patterns of :func:`_heading_at`,
# tried first: most blocks fail it at their first word): a number (_TITLE_LINE, _NUMBER_ALONE), a word and a
# number with its bracket (_WORD_HEADING), a word alone (_WORD_ALONE).
_MAY_BE_HEADING = re.compile(rf"(?:{_D}|(?:ES|S)-)|(?i:[^\W\d_][^\W_]{{0,14}}\s*(?:{_DIGITS}\s?\(|[.:]?$))")
_A_DIGIT = re.compile(r"\d")


def _heading_at(blocks: list[Block], i: int) -> Optional[Heading]:
    t = blocks[i].text.strip()
    if not t or len(t) > 400 or not (t[0].isalnum()) or not _MAY_BE_HEADING.match(t):
        return None
    m = _TITLE_LINE.match(t)
    if m and _A_DIGIT.search(m.group("num")):
        return Heading(i, m.group("num"), number_key(m.group("num")), m.group("title").strip())
    m = _NUMBER_ALONE.match(t)
    if m and _A_DIGIT.search(m.group("num")) and i + 1 < len(blocks):
        nxt = blocks[i + 1].text.strip()
        if nxt[:1].isupper() and not speaker(nxt) and any(
                speaker(b.text) for b in blocks[i + 2:i + 2 + _SPEAKER_WITHIN]):
            return Heading(i, m.group("num"), number_key(m.group("num")), nxt, size=2)
    m = _WORD_HEADING.match(t)
    if m and _A_DIGIT.search(m.group("num")) and _is_word(m.group("word"), RESOLUTION_WORDS):
        return Heading(i, m.group("num"), number_key(m.group("num")))
    m = _WORD_ALONE.match(t)
    if m and _is_word(m.group("word"), DECISION_WORDS):
        return Heading(i, None, None)
    return None


def headings(blocks: list[Block]) -> list[Heading]:
    """The headings of a compilation page, in order (see the module docstring)."""
    out = []
    for i in range(len(blocks)):
        if out and i < out[-1].index + out[-1].size:
            continue
        h = _heading_at(blocks, i)
        if h is not None:
            out.append(h)
    return out


def own_heading(heads: list[Heading], own_number: str) -> Optional[Heading]:
    """The document's own heading among ``heads`` (its number printed as ``own_number``): the first
    whose number is the own; else, when none is, the first whose number is the own but for its
    brackets (a misprinted session or year: "168 (III)" for 168 (II)); else None."""
    key = number_key(own_number)
    exact = next((h for h in heads if h.key == key), None)
    if exact is not None:
        return exact
    base = _BRACKET.match(key)
    if not base.group("bracket"):
        return None
    stem = (base.group("prefix") or "") + base.group("number")
    for h in heads:
        if h.key and h.key != key:
            m = _BRACKET.match(h.key)
            if m.group("bracket") and (m.group("prefix") or "") + m.group("number") == stem:
                return h
    return None


_DATE_LINE = re.compile(rf"^(?:(?:{'|'.join(map(re.escape, RESOLUTION_WORDS))})s?\s+)?(?:{_DATE_WORDS})\s.{{0,60}}"
                        r"(?:19|20)\d{2}\S{0,4}$", re.I)


_SPEAKERS = {name.lower(): code for code, names in _DATA["speakers"].items() for name in names}


def speaker(text: str) -> Optional[str]:
    """The body a resolution's opening line names, in English ("The Security Council,") or in another
    official language's volume ("Le Conseil de sécurité,", "La Asamblea General,"); else None."""
    code = is_speaker(text.rstrip(". "))
    if code:
        return code
    return _SPEAKERS.get(text.strip().rstrip(",:. ").lower())


def is_date_line(text: str) -> bool:
    """The date printed under a heading: "of 19 March 1978", "du 19 mars 1978", "Resolution of 21
    September 1946", "Résolution du 21 septembre 1946"."""
    return len(text) < 90 and _DATE_LINE.match(text.strip()) is not None


#: A printed volume's part heading, over every resolution of the part ("III. RESOLUTION ADOPTED ON THE
#: REPORT OF THE AD HOC COMMITTEE ...³", "Resolutions adopted without reference to a Main Committee").
_PART_HEADING = re.compile(r"^(?:[IVXL]+\.\s*)?resolutions?\s+adopted\s+(?:on|without)\b", re.I)


def note_mark(block: Block) -> Optional[str]:
    """The number that opens a footnote block of an OCR'd page: raised ("¹⁰ Ibid., ...") or, where
    OCR lost the raise, on the baseline before a capital ("46 Official Records ...", not a date:
    "17 December 1969."); else None."""
    m = _NOTE_START.match(block.text) or _PLAIN_NOTE_START.match(block.text)
    return m.group(1) if m else None


def _mark_pattern(mark: str) -> re.Pattern:
    """A note's mark in the text: raised digits after a letter or a sign ("Lebanon¹⁰", "1946,¹"), or
    plain digits glued to a word ("Bangkok46", "session;109") or to a date's year ("6 April 195350", "from 16 July
    1959 to 15 July 1960.36", "for the year 1959-1960.35")."""
    if mark[0] in _SUPERSCRIPTS:
        return re.compile(f"(?<=[^\\s{_SUPERSCRIPTS}]){mark}(?![{_SUPERSCRIPTS}])")
    return re.compile(rf"(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:)\]\"”’])|(?<=[\s-](?:19|20)\d\d)|(?<=[\s-](?:19|20)\d\d[.,;:])){mark}(?!\d)")


def _pages(blocks: list[Block]) -> list[int]:
    page, out = 0, []
    for b in blocks:
        page += b.page_break_before
        out.append(page)
    return out


def _carrier(blocks: list[Block], pages: list[int], j: int, mark: str, langs: list[Optional[str]]) -> Optional[int]:
    """The block before footnote block ``j`` that carries its mark, in its language, on the same page
    (else the nearest before it)."""
    pat = _mark_pattern(mark)
    plain = mark[0] not in _SUPERSCRIPTS
    found = None
    for i in range(j - 1, -1, -1):
        # (the mark's digits as a plain substring first: most blocks do not hold them, and that is found at C speed)
        text = blocks[i].text
        if langs[i] == langs[j] and mark in text and note_mark(blocks[i]) is None and pat.search(text):
            if pages[i] == pages[j]:
                return i
            found = i if found is None else found
    return None if plain else found  # (a baseline number is a note's only where its page says so)


def _vote(text: str) -> Optional[str]:
    """The language whose function words (:data:`ingest.symbols.LANGUAGES`) a text holds most of, when
    more than any other's; else None."""
    counts = {code: 0 for code in _FUNCTION_WORDS}
    for w in _WORD.findall(text.lower()):
        for code in _WORD_CODES.get(w, ()):
            counts[code] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def block_languages(blocks: list[Block], starts: frozenset[int] = frozenset()) -> list[Optional[str]]:
    """The language of each block (:func:`_vote`). A block with no vote takes the language of the block
    before it ("B", "[S/902]", "50 See document E/SR.677."), or, when it opens a section (its index in
    ``starts``: a heading such as "13 (III). Co-ordination Committee") or a page, of the first block after
    it that has one."""
    votes = [_vote(b.text) for b in blocks]
    out: list[Optional[str]] = []
    last: Optional[str] = None
    for i, vote in enumerate(votes):
        if vote is None and (i in starts or blocks[i].page_break_before):
            vote = next((v for v in votes[i + 1:i + 1 + _LOOK_AHEAD] if v), None)
        last = vote or last
        out.append(last)
    return out


def _bilingual(langs: list[Optional[str]]) -> bool:
    """Does the page print a second language (a bilingual volume: the English text, then the French)?"""
    counts: dict[str, int] = {}
    for lang in langs:
        if lang:
            counts[lang] = counts.get(lang, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    return len(ranked) > 1 and ranked[1] >= BILINGUAL_MIN_BLOCKS and ranked[1] >= BILINGUAL_MIN_SHARE * sum(ranked)


def _note_languages(blocks: list[Block], pages: list[int], langs: list[Optional[str]]) -> None:
    """On a bilingual page each language prints its notes, in the order its text comes: the first note of
    a number on the page is in the page's first language, the second in the next ("50 See document
    E/SR.677." under the English text, "50 Voir le document E/SR.677." under the French), whatever words
    the notes hold."""
    order: dict[int, list[str]] = {}
    seen: dict[tuple[int, str], int] = {}
    for i, b in enumerate(blocks):
        mark = note_mark(b)
        if mark is None:
            vote = _vote(b.text)
            if vote and vote not in order.setdefault(pages[i], []):
                order[pages[i]].append(vote)
            continue
        k = seen.get((pages[i], mark), 0)
        seen[(pages[i], mark)] = k + 1
        in_order = order.get(pages[i], [])
        if len(in_order) > 1 and k < len(in_order):
            langs[i] = in_order[k]


def own_blocks(blocks: list[Block], own_number: str) -> Optional[Section]:
    """The own resolution's blocks on a compilation page, or None when the own heading is not
    found or ``blocks`` are not a compilation page: a page that holds another resolution's heading,
    a page of a printed volume ("<!-- Page N -->") with a Council decision's heading or anything
    before the own heading (a volume's running heads, a neighbour's end), or a page where another
    resolution's text (its speaker line) comes before the own heading. A document whose own
    heading opens it, with no other, is no compilation page: it is read whole.

    The own section runs from its heading to the next heading. On a bilingual page (English and
    French: :func:`block_languages`), the own section is the own heading's language alone, and runs
    on past the other language's blocks to the next heading in its own (the English text of a
    resolution goes on at the top of the next page, after the French). A footnote block goes with
    the section whose text carries its mark on the page, in the note's language: the notes of a
    neighbour printed under the own text are cut away, the own notes printed under a neighbour's
    text are the own; the note of the volume's part heading over the own heading ("RESOLUTION ADOPTED
    ON THE REPORT OF THE AD HOC COMMITTEE³") is the own too (it gives the report it was adopted on)."""
    heads = headings(blocks)
    own = own_heading(heads, own_number)
    if own is None:
        return None
    # a compilation page: another resolution's heading, a Council decision's on a printed page, or
    # a neighbour's text (its speaker line) before the own heading
    printed = any(b.page_break_before for b in blocks)  # "<!-- Page N -->": a page of a printed volume
    if not (sum(1 for h in heads if h.number) > 1 or (printed and (own.index > 0 or len(heads) > 1))
            or any(speaker(b.text) for b in blocks[:own.index])):
        return None
    starts = frozenset(h.index for h in heads)
    langs = block_languages(blocks, starts)
    pages = _pages(blocks)
    if _bilingual(langs):
        _note_languages(blocks, pages, langs)
    else:
        langs = [None] * len(blocks)
    own_lang = langs[own.index]
    section_of = [0] * len(blocks)  # 1 for the own section's blocks
    for i in range(own.index, len(blocks)):
        if langs[i] != own_lang:
            continue  # the other language's text of a bilingual page
        if i in starts and i != own.index:
            break
        section_of[i] = 1
    notes = []  # (block, carried?) of each footnote block, in order
    for j, b in enumerate(blocks):
        mark = note_mark(b)
        if mark is None:
            continue
        i = _carrier(blocks, pages, j, mark, langs)
        notes.append((j, i is not None))
        if i is not None and _PART_HEADING.match(blocks[i].text):
            section_of[j] = 1  # the note of the volume's part heading over the own resolution: its report
        elif i is not None:
            section_of[j] = section_of[i]
        elif langs[j] != own_lang:
            section_of[j] = 0
    for k in range(1, len(notes) - 1):
        # a note whose mark OCR misread ("1959-1960.35" for note 85), printed between two notes of one section on
        # its page, is that section's: a page prints its notes in the order of their marks
        (a, a_carried), (j, carried), (c, c_carried) = notes[k - 1], notes[k], notes[k + 1]
        if not carried and a_carried and c_carried and pages[a] == pages[j] == pages[c] \
                and section_of[a] == section_of[c]:
            section_of[j] = section_of[a]
    section = Section(own)
    for i, inside in enumerate(section_of):
        if inside:
            section.own.append(i)
        elif i < own.index:
            section.outside_before.append(i)
        else:
            section.outside_after.append(i)
    return section
