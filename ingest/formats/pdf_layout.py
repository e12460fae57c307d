"""PDF layout: pure functions over plain character dicts -> citegraph markup.

As in pdfplumber, :mod:`ingest.formats.pdf` turns each page, once, into a
:class:`RawPage` of plain dicts (characters with their box, baseline and font
size; the thin horizontal rules), and the functions here lay those out, so that
every rule is tested on lists of dicts without opening a PDF. The thresholds
that decide are named constants (``SAME_BASELINE``, ``SPACE_GAP``,
``PARAGRAPH_GAP`` ...) read from ``ingest/data/pdf_layout.toml``, where each
has its unit and reason.

The stages, one after the other (:func:`layout`):

* characters -> lines (:func:`build_lines`): a new line starts where the
  baseline moves (a raised mark stays on its line) or the text steps back left;
  fake-bold glyphs drawn twice are dropped; lines that jump the gutter of a
  two-column page are cut (:func:`split_gutter`); a line's text has its spaces
  put back from the gaps and its superscripts as ``<sup>N</sup>``
  (:func:`line_text`), so mark 2 after "70/1" never reads "70/12";
* furniture goes: the running header above its rule, the job number, page
  numbers, the barcode and "Please recycle" (:func:`is_footer_text`);
* footnotes are the lines below the separator (a short rule or a row of
  underscores), each opened by its mark (:func:`footnotes`);
* the first page's masthead gives the hints (:func:`first_page_hints`):
  symbol, date, distribution, body (:mod:`ingest.formats.masthead`) and title;
* lines -> paragraphs in content-stream order (the order Word wrote them, which
  keeps table cells and two-column lists in reading order): a paragraph ends at
  a wider gap, a change of size or a paragraph number, and goes on across
  pages; line-end hyphens are undone against the document's own words
  (:func:`ingest.normalize.join_lines`).

The markup is blank-line-separated blocks, ``<sup>N</sup>`` marks, and after each
paragraph that ends a page, a ``---`` line and that page's footnotes, one per
block (see :mod:`ingest.structure.blocks`).

Not supported: right-to-left scripts, rotated body text, reading order for PDFs
whose content stream is not in reading order (the official UN PDFs are made from
Word and are).
"""
from __future__ import annotations

import collections
import pathlib
import re
import tomllib
from dataclasses import dataclass, field
from typing import Optional

from ..normalize import CHARACTERS, characters, join_lines
from . import masthead

__all__ = [
    "RawPage", "Line", "layout", "build_lines", "split_gutter", "line_text", "is_footer_text", "footnotes",
    "first_page_hints", "TOLERANCES",
]

with open(pathlib.Path(__file__).resolve().parent.parent / "data" / "pdf_layout.toml", "rb") as _f:
    #: ``data/pdf_layout.toml`` as a dict: every threshold below, with its unit and reason there.
    TOLERANCES: dict = tomllib.load(_f)
_T = TOLERANCES

# characters and lines (build_lines)
DEFAULT_SIZE: float = _T["chars"]["default_size"]
DUPLICATE_GLYPH: float = _T["chars"]["duplicate_glyph"]
SAME_BASELINE: float = _T["lines"]["same_baseline"]
SMALLER_SIZE: float = _T["lines"]["smaller_size"]
MARK_MAX_RISE: float = _T["lines"]["mark_max_rise"]
MARK_MAX_DROP: float = _T["lines"]["mark_max_drop"]
LARGER_SIZE: float = _T["lines"]["larger_size"]
DROP_OF_LARGER: float = _T["lines"]["drop_of_larger"]
REBASE_OF_LARGER: float = _T["lines"]["rebase_of_larger"]
STEP_BACK: float = _T["lines"]["step_back"]
TINY_SIZE: float = _T["lines"]["tiny_size"]
MIN_STEP_BACK: float = _T["lines"]["min_step_back"]
# words and marks (line_text)
MIN_GAP_SIZE: float = _T["words"]["min_size"]
SPACE_GAP: float = _T["words"]["space_gap"]
GUESSED_SPACE_GAP: float = _T["words"]["guessed_space_gap"]
MARK_MAX_SIZE: float = _T["marks"]["max_size"]
MARK_MIN_RISE: float = _T["marks"]["min_rise"]
MARK_LEFT_SLACK: float = _T["marks"]["left_slack"]
MARK_GAP_AFTER: float = _T["marks"]["gap_after"]
# two columns (split_gutter)
COLUMN_MIN_LINE: float = _T["columns"]["min_line"]
GUTTER: float = _T["columns"]["gutter"]
GUTTER_JUMP: float = _T["columns"]["jump"]
# furniture
HEADER_ZONE: float = _T["furniture"]["header_zone"]
HEADER_RULE: float = _T["furniture"]["header_rule"]
HEADER_MARGIN: float = _T["furniture"]["header_margin"]
MASTHEAD_TOP: float = _T["furniture"]["masthead_top"]
MASTHEAD_BOTTOM: float = _T["furniture"]["masthead_bottom"]
MASTHEAD_PIECE: float = _T["furniture"]["masthead_piece"]
MASTHEAD_SAME_Y: float = _T["furniture"]["masthead_same_y"]
MASTHEAD_SPAN: float = _T["furniture"]["masthead_span"]
BELOW_RULE: float = _T["furniture"]["below_rule"]
FOOTER_ZONE: float = _T["furniture"]["footer_zone"]
FOOTER_ZONE_NUMBERED: float = _T["furniture"]["footer_zone_numbered"]
# footnotes
SEPARATOR_UNDERSCORES: int = _T["footnotes"]["underscores"]
SEPARATOR_ZONE: float = _T["footnotes"]["separator_zone"]
SEPARATOR_RULE_TOP: float = _T["footnotes"]["rule_top"]
SEPARATOR_RULE_BOTTOM: float = _T["footnotes"]["rule_bottom"]
SEPARATOR_RULE_MIN: float = _T["footnotes"]["rule_min"]
SEPARATOR_RULE_MAX: float = _T["footnotes"]["rule_max"]
SEPARATOR_RULE_LEFT: float = _T["footnotes"]["rule_left"]
SEPARATOR_RULE_ALONE: float = _T["footnotes"]["rule_alone"]
NOTE_SMALLER: float = _T["footnotes"]["smaller_than_body"]
# the first page
MASTHEAD_WITHOUT_RULE: float = _T["masthead"]["top_without_rule"]
SYMBOL_BAND_ABOVE_RULE: float = _T["masthead"]["band_above_rule"]
SYMBOL_BAND: float = _T["masthead"]["symbol_band"]
SYMBOL_LEFT: float = _T["masthead"]["symbol_left"]
SYMBOL_GAP: float = _T["masthead"]["symbol_gap"]
SYMBOL_MIN_SIZE: float = _T["masthead"]["min_size"]
TITLE_SIZE: float = _T["masthead"]["title_size"]
TITLE_BOTTOM: float = _T["masthead"]["title_bottom"]
# paragraphs
PARAGRAPH_GAP: float = _T["paragraphs"]["gap"]
SIZE_CHANGE: float = _T["paragraphs"]["size_change"]
NUMBER_INDENT: float = _T["paragraphs"]["number_indent"]
SAME_ROW: float = _T["paragraphs"]["same_row"]
CELL_SLACK: float = _T["paragraphs"]["cell_slack"]
NEXT_CELL: float = _T["paragraphs"]["next_cell"]
BODY_LINE: float = _T["paragraphs"]["body_line"]
RIGHT_EDGE_QUANTILE: float = _T["paragraphs"]["right_edge_quantile"]
RIGHT_EDGE_SIZE: float = _T["paragraphs"]["right_edge_size"]
SHORT_LINE: float = _T["paragraphs"]["short_line"]
SAME_INDENT: float = _T["paragraphs"]["indent"]


@dataclass
class RawPage:
    """One page as plain data: ``chars`` in content-stream order, each a dict
    ``{"text", "x0", "x1", "base", "size", "bold"}`` (points, ``base`` = baseline
    measured from the top), and ``rules``: thin horizontal lines as
    ``(x0, y, x1)``."""

    number: int
    width: float
    height: float
    chars: list[dict]
    rules: list[tuple[float, float, float]] = field(default_factory=list)
    images: int = 0


# ---------------------------------------------------------------- characters -> lines

@dataclass
class Line:
    """A line of text: its characters, dominant size and baseline."""

    chars: list[dict]
    base: float
    size: float
    x0: float
    page: int = 0
    x1: float = 0.0
    col_break: bool = False  # the line starts a new column (see :func:`split_gutter`)
    mid: float = 306.0  # the middle of the page
    bold: bool = False  # every letter of the line is bold (a heading)
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        return line_text(self)


def build_lines(chars: list[dict], page: int = 0) -> list[Line]:
    """Group characters, in stream order, into lines.

    A new line starts when the baseline moves by more than ``SAME_BASELINE`` of the
    font size (a raised superscript stays on its line) or the text steps back left
    by more than ``STEP_BACK``. Repeated glyphs drawn on top of each other (fake
    bold, within ``DUPLICATE_GLYPH`` points) are dropped. Characters are read
    through :data:`ingest.normalize.CHARACTERS` (no-break spaces, hyphens, ligatures), a glyph
    mapped to several characters (``"text": "ffi"``, as both backends give a ligature) too.
    """
    lines: list[Line] = []
    cur: list[dict] = []
    base = 0.0
    size = 0.0
    last = None
    norm = CHARACTERS
    dup, same, smaller, rise, drop = DUPLICATE_GLYPH, SAME_BASELINE, SMALLER_SIZE, MARK_MAX_RISE, MARK_MAX_DROP
    larger, drop_larger, rebase = LARGER_SIZE, DROP_OF_LARGER, REBASE_OF_LARGER
    for c in chars:
        t = c["text"]
        if t in norm:
            t = norm[t]
            c = dict(c, text=t)
        elif len(t) > 1 and not t.isascii():  # one glyph, several characters ("\u017ft" for "\ufb05")
            t = characters(t)
            c = dict(c, text=t)
        if t == " ":
            if cur:
                cur.append(c)
            continue
        if not t or (not t.isprintable() and t != "\u00ad"):
            continue
        cb = c["base"]
        if last is not None and t == last["text"] and -dup < c["x0"] - last["x0"] < dup \
                and -dup < cb - last["base"] < dup:
            continue
        s = c["size"] or size or DEFAULT_SIZE
        if cur:
            ref = size if size > s else s
            dy = cb - base
            if -same * ref <= dy <= same * ref:
                same_line = True
            elif s < smaller * size:
                same_line = -rise * size < dy <= drop * size  # a raised mark
            else:
                same_line = s > size * larger and 0 <= dy < drop_larger * s  # a big initial on the baseline
            tol = STEP_BACK * ref if ref > TINY_SIZE else MIN_STEP_BACK
            if not same_line or c["x0"] < last["x1"] - tol:
                lines.append(_finish(cur, page))
                cur = []
        if not cur:
            base, size = cb, s
        elif s > size * larger and -rebase * s < cb - base < rebase * s:
            base, size = cb, s
        cur.append(c)
        last = c
    if cur:
        lines.append(_finish(cur, page))
    return [ln for ln in lines if ln.chars]


def _finish(chars: list[dict], page: int) -> Line:
    while chars and chars[-1]["text"] == " ":
        chars.pop()
    counts: dict = {}
    for c in chars:
        if c["text"] != " " and c["size"] > 0:
            counts[c["size"]] = counts.get(c["size"], 0) + 1
    size = max(counts, key=counts.get) if counts else 0.0
    body = [c for c in chars if c["text"] != " "]
    base = next((c["base"] for c in body if c["size"] == size), body[0]["base"] if body else 0.0)
    x0 = min((c["x0"] for c in body), default=0.0)
    x1 = max((c["x1"] for c in body), default=0.0)
    letters = [c for c in body if c["text"].isalpha()]
    bold = bool(letters) and all(c.get("bold") for c in letters)
    return Line(chars, base, size, x0, page, x1, bold=bold)


def split_gutter(lines: list[Line], width: float) -> list[Line]:
    """Split lines that jump the gutter of a two-column page.

    In a two-column list of mandates, the first row of the right column can
    sit on the baseline of the last row of the left column, and the content
    stream puts them one after the other. When the page has two columns (long
    lines that start in the right half and long lines that end before the
    middle), a line with a wide gap across the middle is cut there, and its
    right part starts a new block.
    """
    mid = width / 2
    long = COLUMN_MIN_LINE * width  # column text, not a figure in a narrow table column
    right = sum(1 for ln in lines if ln.x0 >= mid - GUTTER and ln.x1 - ln.x0 > long)
    left = sum(1 for ln in lines if ln.x1 <= mid + GUTTER and ln.x1 - ln.x0 > long)
    if right < 2 or left < 2:
        return lines
    out: list[Line] = []
    for ln in lines:
        cut = None
        prev = None
        for i, c in enumerate(ln.chars):
            if c["text"] == " ":
                continue
            if prev is not None and prev["x1"] < mid + GUTTER and c["x0"] >= mid - GUTTER \
                    and c["x0"] - prev["x1"] > GUTTER_JUMP * max(ln.size, MIN_GAP_SIZE):
                cut = i
                break
            prev = c
        if cut is None:
            out.append(ln)
            continue
        a, b = _finish(list(ln.chars[:cut]), ln.page), _finish(list(ln.chars[cut:]), ln.page)
        b.col_break = True
        out.extend([a, b])
    return out


def is_sup(c: dict, line: Line) -> bool:
    """A superscript mark: at most ``MARK_MAX_SIZE`` of the line's size, raised by at
    least ``MARK_MIN_RISE`` of it."""
    return (0 < c["size"] <= MARK_MAX_SIZE * line.size and line.base - c["base"] >= MARK_MIN_RISE * line.size
            and c["text"].strip() != "")


def line_text(line: Line, marks: bool = True) -> str:
    """The text of a line, spaces put back from the gaps (wider than ``SPACE_GAP`` of
    the size), superscripts as ``<sup>..</sup>`` (or dropped when ``marks`` is False)."""
    got = line.cache.get(marks)
    if got is None:
        got = line.cache[marks] = _line_text(line, marks)
    return got


_SPACES = re.compile(r" +")


def _line_text(line: Line, marks: bool) -> str:
    out: list[str] = []
    prev = None
    in_sup = False
    guessed = False  # pdfium put a space here (size 0): trust it only over a real gap
    for c in line.chars:
        t = c["text"]
        if t == " ":
            if not c["size"]:
                guessed = True
            elif out and out[-1] != " " and not in_sup:
                out.append(" ")
            continue
        sup = is_sup(c, line)
        gap_word = False
        if prev is not None:
            gap = c["x0"] - prev["x1"]
            ref = max(c["size"], prev["size"], MIN_GAP_SIZE)
            gap_word = gap > (GUESSED_SPACE_GAP if guessed else SPACE_GAP) * ref
        guessed = False
        if gap_word and out and out[-1] != " " and not sup and not in_sup:
            out.append(" ")
        if sup and not in_sup:
            if marks:
                out.append("<sup>")
            in_sup = True
        elif not sup and in_sup:
            if marks:
                out.append("</sup>")
            in_sup = False
            if gap_word:
                out.append(" ")
        if sup and not marks:
            prev = c
            continue
        out.append(t)
        prev = c
    if in_sup and marks:
        out.append("</sup>")
    s = "".join(out)
    s = _SPACES.sub(" ", s)
    s = s.replace("<sup> ", "<sup>").replace(" </sup>", "</sup>").replace(" <sup>", "<sup>")
    return s.strip()


# ---------------------------------------------------------------- furniture

_JOB_ANY = re.compile(r"\b\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?\b")
_PAGENO_ANY = re.compile(r"\b(\d{1,4})\s*/\s*(\d{1,4})\b")
_BARCODE_ANY = re.compile(r"\*\d{6,}\*")


def is_footer_text(text: str, total: int = 0) -> bool:
    """Running footer: job number ("26-00248 (E) 160126"), "page/total" (of ``total``
    pages, when given), barcode ("*2600248*"), "Please recycle"."""
    t = text.strip()
    if not t:
        return True

    def pageno(m: re.Match) -> str:
        n, of = int(m.group(1)), int(m.group(2))
        return "" if (not total or of == total) and 0 < n <= of else m.group(0)

    rest = _JOB_ANY.sub("", t)
    rest = _PAGENO_ANY.sub(pageno, rest)
    rest = _BARCODE_ANY.sub("", rest).replace("Please recycle", "")
    return rest.strip(" \u2672\u267b") == ""


def header_limit(page: RawPage) -> float:
    """Baseline below which body text starts: the running-header rule, or a margin."""
    top_rules = [r for r in page.rules if r[1] < HEADER_ZONE * page.height and r[2] - r[0] > HEADER_RULE * page.width]
    if top_rules:
        return min(r[1] for r in top_rules) + BELOW_RULE
    return HEADER_MARGIN * page.height


def masthead_limit(page: RawPage) -> Optional[float]:
    """On a first page, the rule under the masthead ("Distr.: General" block)."""
    cands = sorted({round(r[1]) for r in page.rules if MASTHEAD_TOP * page.height < r[1] < MASTHEAD_BOTTOM * page.height
                    and r[2] - r[0] > MASTHEAD_PIECE * page.width})
    for y in cands:
        span = sum(r[2] - r[0] for r in page.rules if abs(r[1] - y) < MASTHEAD_SAME_Y)
        if span > MASTHEAD_SPAN * page.width:
            return y + BELOW_RULE
    return None


def _body_lines(pg: RawPage, pages: int) -> list[Line]:
    """The lines of a page without its furniture: above the header (or masthead) rule, the
    job number, page number and barcode lines at the foot, empty lines."""
    lines = split_gutter(build_lines(pg.chars, pg.number), pg.width)
    for ln in lines:
        ln.mid = pg.width / 2
    start = header_limit(pg)
    if pg.number == 0:
        limit = masthead_limit(pg)
        if limit:
            start = limit
    bottom = FOOTER_ZONE * pg.height
    kept = []
    for ln in lines:
        t = "".join(c["text"] for c in ln.chars).strip()
        if ln.base < start:
            continue
        if ln.base > bottom and is_footer_text(line_text(ln, marks=False)):
            continue
        if ln.base > FOOTER_ZONE_NUMBERED * pg.height and is_footer_text(line_text(ln, marks=False), pages):
            continue
        if not t:
            continue
        kept.append(ln)
    return kept


def _body_size(lines_by_page: list[list[Line]]) -> float:
    """The size of most characters of the body text (``DEFAULT_SIZE`` for none)."""
    sizes: collections.Counter = collections.Counter()
    for kept in lines_by_page:
        for ln in kept:
            sizes[ln.size] += len(ln.chars)
    return sizes.most_common(1)[0][0] if sizes else DEFAULT_SIZE


# ---------------------------------------------------------------- footnotes

def footnote_zone(page: RawPage, lines: list[Line], body_size: float) -> tuple[list[Line], list[Line]]:
    """Lines above and below the footnote separator (a row of underscores, or a short
    rule at the left alone on its height above smaller lines)."""
    sep_y = None
    sep_line = None
    for ln in lines:
        t = "".join(c["text"] for c in ln.chars).strip()
        if len(t) >= SEPARATOR_UNDERSCORES and set(t) == {"_"} and ln.base > SEPARATOR_ZONE * page.height:
            sep_y, sep_line = ln.base, ln
    if sep_y is None:
        # A short rule at the left that is alone on its height (not a table rule).
        cands = []
        for r in page.rules:
            x0, y, x1 = r
            if not (SEPARATOR_RULE_TOP * page.height < y < SEPARATOR_RULE_BOTTOM * page.height):
                continue
            if not (SEPARATOR_RULE_MIN < x1 - x0 < SEPARATOR_RULE_MAX * page.width) \
                    or x0 > SEPARATOR_RULE_LEFT * page.width:
                continue
            if any(abs(o[1] - y) < SEPARATOR_RULE_ALONE and o is not r for o in page.rules):
                continue
            below = [ln for ln in lines if ln.base > y]
            if below and all(ln.size < NOTE_SMALLER * body_size or _leads_with_mark(ln) for ln in below[:1]):
                cands.append(y)
        if cands:
            sep_y = max(cands)
    if sep_y is None:
        return lines, []
    above = [ln for ln in lines if ln.base <= sep_y and ln is not sep_line]
    below = [ln for ln in lines if ln.base > sep_y and ln is not sep_line]
    return above, below


def _leads_with_mark(ln: Line) -> bool:
    first = next((c for c in ln.chars if c["text"].strip()), None)
    return first is not None and (is_sup(first, ln) or first["text"] == "*")


def _next_mark(mark: str, before: list[str]) -> bool:
    """May ``mark`` follow the marks ``before`` (… 1 -> 2, … a -> b; stars always)?"""
    if mark.startswith("*"):
        return True
    if mark.isdigit():
        last = next((m for m in reversed(before) if m.isdigit()), None)
        return int(mark) == (int(last) + 1 if last else 1) or (last is None and not before)
    last = next((m for m in reversed(before) if m.isalpha() and len(m) == 1), None)
    return mark == (chr(ord(last) + 1) if last else "a")


_BASELINE_MARK = re.compile(r"^(\*{1,4}|[a-z]|\d{1,3})\s")
# a note number printed on the baseline and glued to the note's first word ("1United Nations, Treaty
# Series": LibreOffice's footnote area sets the number with no space after it)
_GLUED_MARK = re.compile(r"^(\d{1,3})(?=[A-Z])")


def footnotes(lines: list[Line], before: Optional[list[str]] = None, vocab: Optional[set] = None) -> list[list]:
    """Footnote lines -> ``[mark or None, text]``; None continues the previous note.

    A raised mark opens a note. A mark printed on the baseline opens one only
    when it is the next in sequence after the marks ``before`` and stands at the left, so
    that a line starting "1 January 2025" continues the note before it; a number glued to
    the note's first capital ("2See the Office", as LibreOffice sets its notes) likewise.
    """
    notes: list[list] = []
    vocab = vocab if vocab is not None else set()
    left = min((o.x0 for o in lines), default=0.0)
    for ln in lines:
        if not any(c["text"].strip() for c in ln.chars):
            continue
        i = 0
        mark = ""
        while i < len(ln.chars) and (ln.chars[i]["text"] == " " or is_sup(ln.chars[i], ln)):
            mark += ln.chars[i]["text"].strip()
            i += 1
        text = line_text(ln, marks=False)
        if not mark:
            m = _BASELINE_MARK.match(text)
            glued = None if m else _GLUED_MARK.match(text)
            if m and ln.x0 < left + MARK_LEFT_SLACK and (m.group(1).startswith("*") or _gap_after_mark(ln)) \
                    and _next_mark(m.group(1), (before or []) + [n[0] for n in notes if n[0]]):
                mark = m.group(1)
            elif glued and ln.x0 < left + MARK_LEFT_SLACK \
                    and _next_mark(glued.group(1), (before or []) + [n[0] for n in notes if n[0]]):
                mark = glued.group(1)
        if mark:
            text = text[len(mark):].strip() if text.startswith(mark) else text
            notes.append([mark, text])
        elif notes:
            notes[-1][1] = join_lines(notes[-1][1], text, vocab)
        else:
            notes.append([None, text])
    return notes


def _gap_after_mark(ln: Line) -> bool:
    cs = [c for c in ln.chars if c["text"] != " "]
    for a, b in zip(cs, cs[1:]):
        if not a["text"].isalnum() and a["text"] != "*":
            return False
        if b["x0"] - a["x1"] > MARK_GAP_AFTER * ln.size or not b["text"].isalnum():
            return b["x0"] - a["x1"] > MARK_GAP_AFTER * ln.size
    return False


# ---------------------------------------------------------------- the first page

_SYMBOL_SHAPE = re.compile(r"^[A-Z][A-Za-z.]*(?:/[\w.()\- ]+)+$")

def _masthead_symbol(page: RawPage, head: list[dict], limit: float) -> Optional[str]:
    """The symbol: the big body letter and the rest of the symbol to its right, in the top band."""
    top_rules = [r[1] for r in page.rules if r[1] < limit - SYMBOL_BAND_ABOVE_RULE]
    band = min(top_rules) if top_rules else SYMBOL_BAND * page.height
    top = [c for c in head if c["base"] < band and c["x0"] > SYMBOL_LEFT * page.width]
    top.sort(key=lambda c: c["x0"])
    sym = ""
    prev = None
    for c in top:
        if prev is not None and c["x0"] - prev["x1"] > SYMBOL_GAP * max(c["size"], SYMBOL_MIN_SIZE) and sym \
                and not sym.endswith("/"):
            if c["text"] not in "/(" and not re.search(r"\($|\.$", sym):
                sym += " "
        sym += c["text"]
        prev = c
    sym = masthead.symbol(sym)
    return sym if _SYMBOL_SHAPE.match(sym) else None  # (not a figure or a logo's letters)


def first_page_hints(page: RawPage, lines: list[Line], body_size: float = DEFAULT_SIZE) -> tuple[dict, float]:
    """Symbol, date, distribution, body and title from the masthead of the first
    page, and the baseline where the body starts."""
    hints: dict = {}
    limit = masthead_limit(page)
    body_start = limit or 0.0
    if limit is None:  # no masthead rule: look for its items in the top of the page, give no title
        limit = MASTHEAD_WITHOUT_RULE * page.height
    head = [c for c in page.chars if c["text"].strip() and c["base"] < limit]
    sym = _masthead_symbol(page, head, limit)
    if sym:
        hints["symbol"] = sym
    hints.update(masthead.hints([line_text(ln, marks=False) for ln in lines if ln.base < limit]))
    # The title: the first run of large lines below the masthead.
    below = [ln for ln in lines if limit < ln.base < TITLE_BOTTOM * page.height]
    if below and body_start:
        run: list[str] = []
        for ln in below:
            t = line_text(ln, marks=False)
            if ln.size >= body_size * TITLE_SIZE and t not in ("Contents", "Summary"):
                run.append(t)
            elif run:
                break
        if run:
            hints["title"] = _clean(" ".join(run))
    return hints, body_start


# ---------------------------------------------------------------- lines -> paragraphs

_PARA_START = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s|\([a-z]{1,4}\)\s|\([ivx]+\)\s|[IVX]{1,6}\.\s|[A-H]\.\s|"
                         r"\d{1,3}\.\s|[•\-–]\s)")
_ENDS = (".", ":", ";", "!", "?", ")")
#: Numbered paragraphs and headings ("12.", "9.1", "IV.", "B."), which start a block even
#: without extra space above; sub-items "(a)" do only with space (Word puts some in one paragraph).
_NUMBERED = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s|[IVX]{1,6}\.\s|[A-H]\.\s)")
_LEADERS = re.compile(r"(?:\s?\.){4,}")
_MARKS_WITH_COMMAS = re.compile(r"<sup>([^<]*,[^<]*)</sup>")
_LAST_MARK = re.compile(r"<sup>[^<]*</sup>$")
_ANY_MARK = re.compile(r"<sup>[^<]*</sup>")
_FIRST_MARK = re.compile(r"^<sup>([^<]*)</sup>\s*")
_WS = re.compile(r"\s+")
_WORDS = re.compile(r"[\w-]+")


def _split_marks(m: re.Match) -> str:
    marks = [x for x in re.split(r"[,\s]+", m.group(1)) if x]
    return "".join(f"<sup>{x}</sup>" for x in marks)


def _clean(s: str) -> str:
    s = _LEADERS.sub(" ", s)
    s = _MARKS_WITH_COMMAS.sub(_split_marks, s)
    return _WS.sub(" ", s).strip()


def _new_para(prev: Line, ln: Line, prev_text: str, text: str, first: Optional[Line] = None,
              block_x1: float = 0.0) -> bool:
    """Does ``ln`` start a new block after ``prev``? (``first`` opened the current
    block, whose lines end at ``block_x1`` at most.)"""
    if ln.col_break:
        return True
    ref = max(prev.size, ln.size)
    dy = ln.base - prev.base
    if dy < -SAME_BASELINE * ref:
        # going up: the next cell of the same table row (back to the row's first
        # baseline, just right of the cell) stays in the block; a new column
        # (further right, past a gutter) starts one
        return not (first is not None and first.page == ln.page and abs(ln.base - first.base) < SAME_ROW
                    and block_x1 - CELL_SLACK < ln.x0 < block_x1 + NEXT_CELL * ref
                    and not (block_x1 <= ln.mid + GUTTER and ln.x0 >= ln.mid - GUTTER))
    if dy > PARAGRAPH_GAP * ref:
        return True
    if abs(prev.size - ln.size) > SIZE_CHANGE * ref:
        return True
    if _NUMBERED.match(text) and ln.x0 <= prev.x0 + NUMBER_INDENT and prev_text.endswith(_ENDS):
        return True
    if text.startswith("<sup>") and prev_text.endswith("."):
        return True  # the next note under a table ("a ...", "b ...")
    return False


def _unmark_start(block: str) -> str:
    """A mark that opens a body block is a table note's letter, not a footnote mark."""
    return _FIRST_MARK.sub(r"\1 ", block)


@dataclass
class _Pages:
    """What the paragraph walk knows of every page: its body and footnote lines, where
    full lines end (``right_edge``), its last line of body text (``tail``), the body size
    and the document's words (for line-end hyphens)."""

    zones: list[tuple[list[Line], list[Line]]]
    body_size: float
    right_edge: dict[int, float]
    tail: dict[int, Line]
    vocab: set[str]


def _page_facts(zones: list[tuple[list[Line], list[Line]]], body_size: float) -> _Pages:
    right_edge: dict[int, float] = {}
    tail: dict[int, Line] = {}
    vocab: set[str] = set()
    for body, notes in zones:
        # the right edge of the text: where full lines end
        ends = sorted(ln.x1 for ln in body if ln.size >= RIGHT_EDGE_SIZE * body_size)
        if ends:
            right_edge[body[0].page] = ends[int(RIGHT_EDGE_QUANTILE * (len(ends) - 1))]
        # the last text line of the page (the stream may put a figure after it)
        text_lines = [x for x in body if abs(x.size - body_size) <= BODY_LINE * body_size]
        if text_lines:
            tail[body[0].page] = max(text_lines, key=lambda x: x.base)
        for ln in body + notes:
            vocab.update(_WORDS.findall(line_text(ln, marks=False).lower()))
    return _Pages(zones, body_size, right_edge, tail, vocab)


class _Blocks:
    """The markup blocks as the walk writes them: the paragraph being read (its text and
    lines, its first and last line, how far right it reaches), the blocks written (a str,
    or ``[mark, text]`` for a footnote), and the footnotes waiting for the end of their
    page's last paragraph."""

    def __init__(self) -> None:
        self.out: list = []
        self.text = ""
        self.lines: list[Line] = []
        self.first: Optional[Line] = None
        self.last: Optional[Line] = None
        self.x1 = 0.0
        self.pending: list[list] = []
        self.block_of_line: dict[int, int] = {}  # id(line) -> index in out, once its block is written

    def start(self, ln: Line, text: str) -> None:
        self.text, self.lines, self.first, self.x1 = text, [ln], ln, ln.x1

    def add(self, ln: Line, text: str, vocab: set[str]) -> None:
        self.text = join_lines(self.text, text, vocab)
        self.lines.append(ln)

    def push(self) -> None:
        """Write the paragraph being read."""
        if self.text:
            self.out.append(_unmark_start(_clean(self.text)))
            for x in self.lines:
                self.block_of_line[id(x)] = len(self.out) - 1
        self.text, self.lines = "", []

    def flush(self) -> None:
        """Write the paragraph being read, then the footnotes waiting."""
        self.push()
        if self.pending:
            self.out.append("---")
            self.out.extend(self.pending)  # rendered at the end: a note may continue on the next page
            self.pending = []

    def take_back_tail(self, tail: Line, text: str) -> None:
        """A figure came after the page's last paragraph in the stream: put it before, and
        let that paragraph (``tail``'s block) go on onto this page, if it may."""
        k = self.block_of_line.get(id(tail))
        last = self.last
        if k is not None and tail is not last and tail.base > last.base \
                and "---" not in self.out[k + 1:] and isinstance(self.out[k], str) \
                and (text[:1].islower() or not _LAST_MARK.sub("", self.out[k]).endswith(_ENDS)):
            self.push()
            self.text, self.out[k] = self.out[k], ""
            self.lines, self.last, self.first, self.x1 = [tail], tail, tail, tail.x1


def _ends_at_page_turn(b: _Blocks, ln: Line, text: str, pages: _Pages) -> bool:
    """Does the paragraph being read end where a page turns? It goes on when the first line
    of the page is lower case at the same size; or, with the same size and indent, no
    paragraph number, no short bold heading, when it did not stop short after a full stop
    (a paragraph that goes on fills its last line to the right margin)."""
    last = b.last
    prev_plain = _LAST_MARK.sub("", b.text).rstrip()
    same_size = abs(ln.size - last.size) <= SIZE_CHANGE * max(ln.size, last.size)
    full = last.x1 >= pages.right_edge.get(last.page, 0.0) - SHORT_LINE * last.size
    if text[:1].islower():
        return not same_size
    # a short bold line after a full stop is a heading, not a bold sentence going on
    heading = ln.bold and prev_plain.endswith(_ENDS) and ln.x1 < pages.right_edge.get(ln.page, 0.0) - SHORT_LINE * ln.size
    return (not same_size or bool(_PARA_START.match(text)) or abs(ln.x0 - last.x0) > SAME_INDENT
            or heading or (prev_plain.endswith(_ENDS) and not full))


def _read_body(b: _Blocks, body: list[Line], pages: _Pages) -> None:
    """The body lines of one page into paragraphs, going on from the previous page's."""
    for i, ln in enumerate(body):
        text = line_text(ln)
        if not text:
            continue
        if b.last is None:
            b.start(ln, text)
        elif ln.page != b.last.page and i == 0:
            tail = pages.tail.get(b.last.page)
            if tail is not None:
                b.take_back_tail(tail, text)
            if _ends_at_page_turn(b, ln, text, pages):
                b.flush()
                b.start(ln, text)
            else:
                b.add(ln, text, pages.vocab)
        elif _new_para(b.last, ln, _ANY_MARK.sub("", b.text).rstrip(), text, b.first, b.x1):
            b.push()
            b.start(ln, text)
        else:
            b.add(ln, text, pages.vocab)
        b.x1 = max(b.x1, ln.x1)
        b.last = ln


def _read_notes(b: _Blocks, foot: list[Line], notes_all: list[list], vocab: set[str]) -> None:
    """The footnote lines of one page: a note that goes on from the previous page joins it,
    the others wait for the end of the page's last paragraph."""
    for note in footnotes(foot, [n[0] for n in notes_all if n[0]], vocab):
        if note[0] is None and notes_all:
            notes_all[-1][1] = join_lines(notes_all[-1][1], note[1], vocab)
        else:
            notes_all.append(note)
            b.pending.append(note)


def _markup(blocks: list) -> str:
    out = []
    for blk in blocks:
        if isinstance(blk, list):
            mark, text = blk
            out.append(f"<sup>{mark}</sup> {_clean(text)}" if mark else _clean(text))
        elif blk:
            out.append(blk)
    return "\n\n".join(out) + "\n"


def layout(pages: list[RawPage]) -> tuple[str, dict]:
    """Lay out pages (plain dicts) into citegraph markup; returns ``(markup, hints)``,
    the hints from the first page's masthead (:func:`first_page_hints`)."""
    kept = [_body_lines(pg, len(pages)) for pg in pages]
    body_size = _body_size(kept)
    hints: dict = {}
    if pages:
        hints.update(first_page_hints(pages[0], build_lines(pages[0].chars, 0), body_size)[0])
    zones = [footnote_zone(pg, lines, body_size) for pg, lines in zip(pages, kept)]
    facts = _page_facts(zones, body_size)
    b = _Blocks()
    notes_all: list[list] = []
    for body, foot in zones:
        _read_body(b, body, facts)
        _read_notes(b, foot, notes_all, facts.vocab)
    b.flush()
    return _markup(b.out), hints
