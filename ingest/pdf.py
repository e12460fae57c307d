"""Official UN PDFs -> citegraph markup -> :class:`~ingest.model.Document`.

The work is split as in pdfplumber: a backend turns each page, once, into plain
dicts (characters with their box, baseline and font size, and the short
horizontal rules), and pure functions lay those out:

* running furniture is dropped: the symbol or section header above the top
  rule, the job number ("26-00248"), page numbers ("3/27"), the barcode
  ("*2600248*") and "Please recycle";
* footnotes are the lines below the footnote separator (a short rule or a row
  of underscores) and are bound to the superscript marks in the body;
* superscripts are told by size and raised baseline, so mark 2 after
  "70/1" becomes ``70/1<sup>2</sup>`` and never "70/12";
* lines are read in content-stream order (the order Word wrote them), which
  keeps table cells and two-column lists of mandates in reading order; a
  paragraph ends at a wider line gap, a change of font size or a paragraph
  number, and continues across pages; line-end hyphens are resolved against
  the document's own words;
* the first page gives the symbol, title, date, distribution and body.

The result is citegraph markup (see :func:`ingest.text.parse_text`):
blank-line-separated blocks, ``<sup>N</sup>`` marks, and after each paragraph
that ends a page, a ``---`` line and that page's footnotes, one per block.

Two backends give the same dicts: ``pdfium`` (pypdfium2's text page API, the
default, about eight times faster) and ``pdfplumber``. Both read each page
once; on the official PDFs both give the same references (see the README).

Not supported: OCR of scanned pages (an error says so), right-to-left
scripts, rotated text, and reading order for PDFs whose content stream is not
in reading order (the official UN PDFs are made from Word and are).
"""
from __future__ import annotations

import collections
import ctypes
import pathlib
import re
from dataclasses import dataclass, field
from typing import Optional

from . import grammar
from .model import Document, ReadError
from .normalize import CHARACTERS, join_lines as _join

__all__ = [
    "BACKENDS",
    "DEFAULT_BACKEND",
    "RawPage",
    "read_pdf",
    "pdf_markup",
    "load_pages",
    "layout",
    "build_lines",
    "first_page_hints",
]

BACKENDS = ("pdfium", "pdfplumber")
DEFAULT_BACKEND = "pdfium"


@dataclass
class RawPage:
    """One page as plain data: ``chars`` in content-stream order, each a dict
    ``{"text", "x0", "x1", "base", "size"}`` (points, ``base`` = baseline
    measured from the top), and ``rules``: thin horizontal lines as
    ``(x0, y, x1)``."""

    number: int
    width: float
    height: float
    chars: list[dict]
    rules: list[tuple[float, float, float]] = field(default_factory=list)
    images: int = 0


# ---------------------------------------------------------------------------
# I/O edge: open the file, check it, run a backend
# ---------------------------------------------------------------------------

def _check_file(p: pathlib.Path) -> bytes:
    from .read import read_file_bytes

    data = read_file_bytes(p)
    if b"%PDF-" not in data[:1024]:
        raise ReadError(str(p), "not a PDF")
    if b"%%EOF" not in data[-2048:]:
        raise ReadError(str(p), "truncated or corrupt PDF")
    return data


def load_pages(path: str | pathlib.Path, backend: str = DEFAULT_BACKEND) -> list[RawPage]:
    """Read every page of ``path`` once into :class:`RawPage` objects."""
    p = pathlib.Path(path)
    data = _check_file(p)
    if backend == "pdfium":
        return _pages_pdfium(p, data)
    if backend == "pdfplumber":
        return _pages_pdfplumber(p, data)
    raise ValueError(f"unknown PDF backend {backend!r}; expected one of {BACKENDS}")


def _pages_pdfium(p: pathlib.Path, data: bytes) -> list[RawPage]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        msg = str(err).lower()
        if "password" in msg:
            raise ReadError(str(p), "encrypted PDF") from err
        raise ReadError(str(p), "truncated or corrupt PDF") from err
    pages: list[RawPage] = []
    get_unicode, is_generated, get_angle = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated, raw.FPDFText_GetCharAngle
    get_origin, get_box, get_size = raw.FPDFText_GetCharOrigin, raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetFontSize
    get_weight = raw.FPDFText_GetFontWeight
    bl, bb, br, bt = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    try:
        n = len(pdf)
        if n == 0:
            raise ReadError(str(p), "truncated or corrupt PDF")
        for i in range(n):
            page = pdf[i]
            w, h = page.get_size()
            tp = page.get_textpage()
            traw = tp.raw
            count = raw.FPDFText_CountChars(traw)
            text = tp.get_text_range() if count else ""
            same = len(text) == count
            x, y = ctypes.c_double(), ctypes.c_double()
            rect = raw.FS_RECTF()
            chars = []
            append = chars.append
            run_bottom = run_top = run_base = run_size = -1.0
            run_rotated = False
            for k in range(count):
                ch = text[k] if same else chr(get_unicode(traw, k) or 32)
                if ch == "\r" or ch == "\n":
                    continue
                if ch == "\ufffe":
                    ch = "-"  # pdfium's mark for a hyphen at a line end; the glyph printed is "-"
                elif ch == " " and is_generated(traw, k) == 1:
                    get_origin(traw, k, x, y)
                    append({"text": " ", "x0": x.value, "x1": x.value, "base": h - y.value, "size": 0.0})
                    continue
                get_box(traw, k, rect)
                if rect.bottom != run_bottom or rect.top != run_top:
                    # a new run (font, size or line): ask pdfium for angle, baseline and size once
                    run_bottom, run_top = rect.bottom, rect.top
                    angle = get_angle(traw, k)
                    run_rotated = 0.01 < angle < 6.27  # margin text of landscape pages
                    get_origin(traw, k, x, y)
                    run_base, run_size = h - y.value, get_size(traw, k)
                if run_rotated:
                    continue
                append({"text": ch, "x0": rect.left, "x1": rect.right, "base": run_base, "size": run_size,
                        "bold": get_weight(traw, k) >= 600})
            rules = []
            images = 0
            praw = page.raw
            for j in range(raw.FPDFPage_CountObjects(praw)):
                obj = raw.FPDFPage_GetObject(praw, j)
                kind = raw.FPDFPageObj_GetType(obj)
                if kind == raw.FPDF_PAGEOBJ_IMAGE:
                    images += 1
                elif kind == raw.FPDF_PAGEOBJ_PATH:
                    if raw.FPDFPageObj_GetBounds(obj, bl, bb, br, bt):
                        left, bottom, right, top = bl.value, bb.value, br.value, bt.value
                        if top - bottom < 2.5 and right - left > 10:
                            rules.append((left, h - (top + bottom) / 2, right))
            tp.close()
            page.close()
            pages.append(RawPage(i, w, h, chars, rules, images))
    except pdfium.PdfiumError as err:
        raise ReadError(str(p), "truncated or corrupt PDF") from err
    finally:
        pdf.close()
    return pages


_BOLD = re.compile(r"Bold|Black|Heavy|Semibold", re.I)


def _pages_pdfplumber(p: pathlib.Path, data: bytes) -> list[RawPage]:
    import io

    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as err:
        raise ReadError(str(p), "encrypted PDF") from err
    except Exception as err:  # pdfminer raises many types on bad input, pdfplumber wraps them
        if "password" in f"{type(err).__name__} {err!r}".lower():
            raise ReadError(str(p), "encrypted PDF") from err
        raise ReadError(str(p), "truncated or corrupt PDF") from err
    pages: list[RawPage] = []
    try:
        for i, page in enumerate(pdf.pages):
            h = float(page.height)
            chars = []
            for c in page.chars:
                m = c["matrix"]
                if abs(m[1]) > 1e-3 or m[0] <= 0:
                    continue  # rotated text: margin furniture of landscape pages
                base = c["bottom"] + (c["y0"] - m[5])
                chars.append({"text": c["text"], "x0": c["x0"], "x1": c["x1"], "base": base,
                              "size": round(c["size"], 2), "bold": _BOLD.search(c.get("fontname", "")) is not None})
            rules = [(o["x0"], (o["top"] + o["bottom"]) / 2, o["x1"])
                     for o in page.rects + page.lines
                     if o["bottom"] - o["top"] < 2.5 and o["x1"] - o["x0"] > 10]
            pages.append(RawPage(i, float(page.width), h, chars, rules, len(page.images)))
            page.close()
    except (PDFSyntaxError, PDFPasswordIncorrect) as err:
        raise ReadError(str(p), "truncated or corrupt PDF") from err
    finally:
        pdf.close()
    return pages


def read_pdf(path: str | pathlib.Path, backend: str = DEFAULT_BACKEND) -> Document:
    """Read an official PDF into a :class:`Document` (a plain function of the path,
    so it can run in a process pool).

    Raises :class:`ReadError` for an empty, encrypted, truncated or scanned PDF,
    or a file that is not a PDF.
    """
    from .text import parse_text

    markup, hints = pdf_markup(path, backend)
    return parse_text(markup, file=str(path), fmt="pdf", hints=hints)


def pdf_markup(path: str | pathlib.Path, backend: str = DEFAULT_BACKEND) -> tuple[str, dict]:
    """The citegraph markup of a PDF and the first-page hints."""
    pages = load_pages(path, backend)
    if not any(c["text"].strip() for pg in pages for c in pg.chars):
        raise ReadError(str(path), "no text layer; run OCR first")
    return layout(pages)


# ---------------------------------------------------------------------------
# Pure layout over plain dicts
# ---------------------------------------------------------------------------

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

    A new line starts when the baseline moves by more than half the font size
    (a raised superscript stays on its line) or the text jumps back left.
    Repeated glyphs drawn on top of each other (fake bold) are dropped.
    """
    lines: list[Line] = []
    cur: list[dict] = []
    base = 0.0
    size = 0.0
    last = None
    norm = CHARACTERS
    for c in chars:
        t = c["text"]
        if t in norm:
            t = norm[t]
            c = dict(c, text=t)
        if t == " ":
            if cur:
                cur.append(c)
            continue
        if not t or (not t.isprintable() and t != "\u00ad"):
            continue
        cb = c["base"]
        if last is not None and t == last["text"] and -0.6 < c["x0"] - last["x0"] < 0.6 \
                and -0.6 < cb - last["base"] < 0.6:
            continue
        s = c["size"] or size or 10.0
        if cur:
            ref = size if size > s else s
            dy = cb - base
            if -0.5 * ref <= dy <= 0.5 * ref:
                same_line = True
            elif s < 0.85 * size:
                same_line = -0.8 * size < dy <= 0.1 * size  # a raised mark
            else:
                same_line = s > size * 1.15 and 0 <= dy < 0.6 * s  # a big initial on the baseline
            tol = 0.5 * ref if ref > 4.0 else 2.0
            if not same_line or c["x0"] < last["x1"] - tol:
                lines.append(_finish(cur, page))
                cur = []
        if not cur:
            base, size = cb, s
        elif s > size * 1.15 and -0.6 * s < cb - base < 0.6 * s:
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
    long = 0.3 * width  # column text, not a figure in a narrow table column
    right = sum(1 for ln in lines if ln.x0 >= mid - 12 and ln.x1 - ln.x0 > long)
    left = sum(1 for ln in lines if ln.x1 <= mid + 12 and ln.x1 - ln.x0 > long)
    if right < 2 or left < 2:
        return lines
    out: list[Line] = []
    for ln in lines:
        cut = None
        prev = None
        for i, c in enumerate(ln.chars):
            if c["text"] == " ":
                continue
            if prev is not None and prev["x1"] < mid + 12 and c["x0"] >= mid - 12 \
                    and c["x0"] - prev["x1"] > 3 * max(ln.size, 1.0):
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


def _is_sup(c: dict, line: Line) -> bool:
    return (0 < c["size"] <= 0.8 * line.size and line.base - c["base"] >= 0.15 * line.size
            and c["text"].strip() != "")


def line_text(line: Line, marks: bool = True) -> str:
    """The text of a line, spaces put back from the gaps, superscripts as
    ``<sup>..</sup>`` (or dropped when ``marks`` is False)."""
    got = line.cache.get(marks)
    if got is None:
        got = line.cache[marks] = _line_text(line, marks)
    return got


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
        sup = _is_sup(c, line)
        gap_word = False
        if prev is not None:
            gap = c["x0"] - prev["x1"]
            ref = max(c["size"], prev["size"], 1.0)
            gap_word = gap > (0.18 if guessed else 0.22) * ref
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
    s = re.sub(r" +", " ", s)
    s = s.replace("<sup> ", "<sup>").replace(" </sup>", "</sup>").replace(" <sup>", "<sup>")
    return s.strip()


# -- furniture ---------------------------------------------------------------

_JOB_ANY = re.compile(r"\b\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?\b")
_PAGENO_ANY = re.compile(r"\b(\d{1,4})\s*/\s*(\d{1,4})\b")
_BARCODE_ANY = re.compile(r"\*\d{6,}\*")


def _is_footer_text(text: str, total: int = 0) -> bool:
    """Running footer: job number, "page/total", barcode, "Please recycle"."""
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


def _header_limit(page: RawPage) -> float:
    """Baseline below which body text starts: the running-header rule, or a margin."""
    top_rules = [r for r in page.rules if r[1] < 0.11 * page.height and r[2] - r[0] > 0.25 * page.width]
    if top_rules:
        return min(r[1] for r in top_rules) + 1
    return 0.085 * page.height


def _masthead_limit(page: RawPage) -> Optional[float]:
    """On a first page, the rule under the masthead ("Distr.: General" block)."""
    cands = sorted({round(r[1]) for r in page.rules if 0.12 * page.height < r[1] < 0.4 * page.height
                    and r[2] - r[0] > 0.1 * page.width})
    for y in cands:
        span = sum(r[2] - r[0] for r in page.rules if abs(r[1] - y) < 2)
        if span > 0.6 * page.width:
            return y + 1
    return None


def _split_footnote_zone(page: RawPage, lines: list[Line], body_size: float) -> tuple[list[Line], list[Line]]:
    """Lines above and below the footnote separator (a short rule or underscores)."""
    sep_y = None
    sep_line = None
    for ln in lines:
        t = "".join(c["text"] for c in ln.chars).strip()
        if len(t) >= 6 and set(t) == {"_"} and ln.base > 0.3 * page.height:
            sep_y, sep_line = ln.base, ln
    if sep_y is None:
        # A short rule at the left that is alone on its height (not a table rule).
        cands = []
        for r in page.rules:
            x0, y, x1 = r
            if not (0.3 * page.height < y < 0.95 * page.height):
                continue
            if not (25 < x1 - x0 < 0.45 * page.width) or x0 > 0.35 * page.width:
                continue
            if any(abs(o[1] - y) < 1.5 and o is not r for o in page.rules):
                continue
            below = [ln for ln in lines if ln.base > y]
            if below and all(ln.size < 0.97 * body_size or _leads_with_mark(ln) for ln in below[:1]):
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
    return first is not None and (_is_sup(first, ln) or first["text"] == "*")


def _next_mark(mark: str, before: list[str]) -> bool:
    """May ``mark`` follow the marks ``before`` (… 1 -> 2, … a -> b; stars always)?"""
    if mark.startswith("*"):
        return True
    if mark.isdigit():
        last = next((m for m in reversed(before) if m.isdigit()), None)
        return int(mark) == (int(last) + 1 if last else 1) or (last is None and not before)
    last = next((m for m in reversed(before) if m.isalpha() and len(m) == 1), None)
    return mark == (chr(ord(last) + 1) if last else "a")


def _footnotes(lines: list[Line], before: Optional[list[str]] = None, vocab: Optional[set] = None) -> list[list]:
    """Footnote lines -> ``[mark or None, text]``; None continues the previous note.

    A raised mark opens a note. A mark printed on the baseline opens one only
    when it is the next in sequence after the marks ``before`` and stands at the left, so
    that a line starting "1 January 2025" continues the note before it.
    """
    notes: list[list] = []
    vocab = vocab if vocab is not None else set()
    left = min((o.x0 for o in lines), default=0.0)
    for ln in lines:
        if not any(c["text"].strip() for c in ln.chars):
            continue
        i = 0
        mark = ""
        while i < len(ln.chars) and (ln.chars[i]["text"] == " " or _is_sup(ln.chars[i], ln)):
            mark += ln.chars[i]["text"].strip()
            i += 1
        text = line_text(ln, marks=False)
        if not mark:
            m = re.match(r"^(\*{1,4}|[a-z]|\d{1,3})\s", text)
            if m and ln.x0 < left + 3 and (m.group(1).startswith("*") or _gap_after_mark(ln)) \
                    and _next_mark(m.group(1), (before or []) + [n[0] for n in notes if n[0]]):
                mark = m.group(1)
        if mark:
            text = text[len(mark):].strip() if text.startswith(mark) else text
            notes.append([mark, text])
        elif notes:
            notes[-1][1] = _join(notes[-1][1], text, vocab)
        else:
            notes.append([None, text])
    return notes


def _gap_after_mark(ln: Line) -> bool:
    cs = [c for c in ln.chars if c["text"] != " "]
    for a, b in zip(cs, cs[1:]):
        if not a["text"].isalnum() and a["text"] != "*":
            return False
        if b["x0"] - a["x1"] > 0.2 * ln.size or not b["text"].isalnum():
            return b["x0"] - a["x1"] > 0.2 * ln.size
    return False


# -- first page ---------------------------------------------------------------

_DATE_LINE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")


def _iso(text: str) -> Optional[str]:
    m = _DATE_LINE.match(text.strip())
    return grammar.iso_date(*m.groups()) if m else None


def first_page_hints(page: RawPage, lines: list[Line], body_size: float = 10.0) -> tuple[dict, float]:
    """Symbol, date, distribution, body and title from the masthead of the first
    page, and the baseline where the body starts."""
    hints: dict = {}
    limit = _masthead_limit(page)
    body_start = limit or 0.0
    if limit is None:  # no masthead rule: look for its items in the top of the page, give no title
        limit = 0.3 * page.height
    head = [c for c in page.chars if c["text"].strip() and c["base"] < limit]
    # The symbol: the big body letter and the rest of the symbol to its right, top band.
    top_rules = [r[1] for r in page.rules if r[1] < limit - 5]
    band = min(top_rules) if top_rules else 0.1 * page.height
    top = [c for c in head if c["base"] < band and c["x0"] > 0.45 * page.width]
    top.sort(key=lambda c: c["x0"])
    sym = ""
    prev = None
    for c in top:
        if prev is not None and c["x0"] - prev["x1"] > 0.25 * max(c["size"], 5) and sym and not sym.endswith("/"):
            if c["text"] not in "/(" and not re.search(r"\($|\.$", sym):
                sym += " "
        sym += c["text"]
        prev = c
    sym = re.sub(r"\s+", "", re.sub(r"\*+$", "", sym.strip()))
    sym = re.sub(r"/Part([A-Z])$", r"/Part \1", sym)
    if re.match(r"^[A-Z][A-Za-z.]*(?:/[\w.()\- ]+)+$", sym):
        hints["symbol"] = sym
    head_lines = [ln for ln in lines if ln.base < limit]
    texts = [line_text(ln, marks=False) for ln in head_lines]
    for i, t in enumerate(texts):
        m = re.search(r"\bDistr\.?:\s*(\w+)", t)
        if m:
            hints["distribution"] = m.group(1).strip()
        d = _iso(t)
        if d and "date" not in hints:
            hints["date"] = d
    joined = " ".join(texts)
    for name, code in grammar.MASTHEAD_BODIES:
        if name in joined:
            hints["body"] = code
            break
    # The title: the first run of large lines below the masthead.
    below = [ln for ln in lines if limit < ln.base < 0.9 * page.height]
    if below and body_start:
        run: list[str] = []
        for ln in below:
            t = line_text(ln, marks=False)
            if ln.size >= body_size * 1.15 and t not in ("Contents", "Summary"):
                run.append(t)
            elif run:
                break
        if run:
            hints["title"] = _clean(" ".join(run))
    return hints, body_start


# -- paragraphs ---------------------------------------------------------------

_PARA_START = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s|\([a-z]{1,4}\)\s|\([ivx]+\)\s|[IVX]{1,6}\.\s|[A-H]\.\s|"
                         r"\d{1,3}\.\s|[•\-–]\s)")
_ENDS = (".", ":", ";", "!", "?", ")")
#: Numbered paragraphs and headings ("12.", "9.1", "IV.", "B."), which start a block even
#: without extra space above; sub-items "(a)" do only with space (Word puts some in one paragraph).
_NUMBERED = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s|[IVX]{1,6}\.\s|[A-H]\.\s)")
_LEADERS = re.compile(r"(?:\s?\.){4,}")


def _split_marks(m: re.Match) -> str:
    marks = [x for x in re.split(r"[,\s]+", m.group(1)) if x]
    return "".join(f"<sup>{x}</sup>" for x in marks)


def _clean(s: str) -> str:
    s = _LEADERS.sub(" ", s)
    s = re.sub(r"<sup>([^<]*,[^<]*)</sup>", _split_marks, s)
    return re.sub(r"\s+", " ", s).strip()


def _new_para(prev: Line, ln: Line, prev_text: str, text: str, first: Optional[Line] = None,
              block_x1: float = 0.0) -> bool:
    """Does ``ln`` start a new block after ``prev``? (``first`` opened the current
    block, whose lines end at ``block_x1`` at most.)"""
    if ln.col_break:
        return True
    ref = max(prev.size, ln.size)
    dy = ln.base - prev.base
    if dy < -0.5 * ref:
        # going up: the next cell of the same table row (back to the row's first
        # baseline, just right of the cell) stays in the block; a new column
        # (further right, past a gutter) starts one
        return not (first is not None and first.page == ln.page and abs(ln.base - first.base) < 1.0
                    and block_x1 - 1 < ln.x0 < block_x1 + 3 * ref
                    and not (block_x1 <= ln.mid + 12 and ln.x0 >= ln.mid - 12))
    if dy > 1.42 * ref:
        return True
    if abs(prev.size - ln.size) > 0.12 * ref:
        return True
    if _NUMBERED.match(text) and ln.x0 <= prev.x0 + 2 and prev_text.endswith(_ENDS):
        return True
    if text.startswith("<sup>") and prev_text.endswith("."):
        return True  # the next note under a table ("a ...", "b ...")
    return False


def _unmark_start(block: str) -> str:
    """A mark that opens a body block is a table note's letter, not a footnote mark."""
    return re.sub(r"^<sup>([^<]*)</sup>\s*", r"\1 ", block)


def layout(pages: list[RawPage]) -> tuple[str, dict]:
    """Lay out pages (plain dicts) into citegraph markup; returns (markup, hints)."""
    hints: dict = {}
    page_lines: list[tuple[list[Line], list[Line]]] = []
    all_body_sizes: collections.Counter = collections.Counter()
    per_page = []
    for pg in pages:
        lines = split_gutter(build_lines(pg.chars, pg.number), pg.width)
        for ln in lines:
            ln.mid = pg.width / 2
        start = _header_limit(pg)
        if pg.number == 0:
            limit = _masthead_limit(pg)
            if limit:
                start = limit
        bottom = 0.935 * pg.height
        kept = []
        for ln in lines:
            t = "".join(c["text"] for c in ln.chars).strip()
            if ln.base < start:
                continue
            if ln.base > bottom and _is_footer_text(line_text(ln, marks=False)):
                continue
            if ln.base > 0.85 * pg.height and _is_footer_text(line_text(ln, marks=False), len(pages)):
                continue
            if not t:
                continue
            kept.append(ln)
        per_page.append((pg, kept))
        for ln in kept:
            all_body_sizes[ln.size] += len(ln.chars)
    body_size = all_body_sizes.most_common(1)[0][0] if all_body_sizes else 10.0
    if pages:
        hints.update(first_page_hints(pages[0], build_lines(pages[0].chars, 0), body_size)[0])
    for pg, kept in per_page:
        page_lines.append(_split_footnote_zone(pg, kept, body_size))

    # the right edge of the text on each page: where full lines end
    right_edge: dict[int, float] = {}
    for body, _ in page_lines:
        ends = sorted(ln.x1 for ln in body if ln.size >= 0.95 * body_size)
        if ends:
            right_edge[body[0].page] = ends[int(0.9 * (len(ends) - 1))]

    vocab: set[str] = set()
    for body, notes in page_lines:
        for ln in body + notes:
            for w in re.findall(r"[\w-]+", line_text(ln, marks=False).lower()):
                vocab.add(w)

    blocks: list = []  # output markup blocks: str, or [mark, text] footnotes
    cur_text = ""
    cur_last: Optional[Line] = None
    cur_first: Optional[Line] = None
    cur_x1 = 0.0
    pending_notes: list[list] = []
    notes_all: list[list] = []

    block_of_line: dict[int, int] = {}  # id(line) -> index in blocks, once its block is written
    cur_lines: list[Line] = []

    def push():
        nonlocal cur_text, cur_lines
        if cur_text:
            blocks.append(_unmark_start(_clean(cur_text)))
            for x in cur_lines:
                block_of_line[id(x)] = len(blocks) - 1
        cur_text, cur_lines = "", []

    def flush():
        nonlocal pending_notes
        push()
        if pending_notes:
            blocks.append("---")
            blocks.extend(pending_notes)  # rendered at the end: a note may continue on the next page
            pending_notes = []

    # the last text line of each page (the stream may put a figure after it)
    page_tail: dict[int, Line] = {}
    for body, _ in page_lines:
        text_lines = [x for x in body if abs(x.size - body_size) <= 0.05 * body_size]
        if text_lines:
            page_tail[body[0].page] = max(text_lines, key=lambda x: x.base)

    for body, foot in page_lines:
        for i, ln in enumerate(body):
            text = line_text(ln)
            if not text:
                continue
            if cur_last is None:
                cur_text, cur_lines = text, [ln]
                cur_first, cur_x1 = ln, ln.x1
            elif ln.page != cur_last.page and i == 0:
                tail = page_tail.get(cur_last.page)
                k = block_of_line.get(id(tail)) if tail is not None else None
                if k is not None and tail is not cur_last and tail.base > cur_last.base \
                        and "---" not in blocks[k + 1:] and isinstance(blocks[k], str) \
                        and (text[:1].islower() or not re.sub(r"<sup>[^<]*</sup>$", "", blocks[k]).endswith(_ENDS)):
                    # a figure came after the page's last paragraph in the stream: put it
                    # before, and let that paragraph go on onto this page
                    push()
                    cur_text, blocks[k] = blocks[k], ""
                    cur_lines, cur_last, cur_first, cur_x1 = [tail], tail, tail, tail.x1
                # First line of a page: continue the paragraph unless it clearly ended.
                prev_plain = re.sub(r"<sup>[^<]*</sup>$", "", cur_text).rstrip()
                same_size = abs(ln.size - cur_last.size) <= 0.12 * max(ln.size, cur_last.size)
                # a paragraph that goes on fills its last line to the right margin
                full = cur_last.x1 >= right_edge.get(cur_last.page, 0.0) - 2.5 * cur_last.size
                if text[:1].islower():
                    ended = not same_size
                else:
                    # a short bold line after a full stop is a heading, not a bold sentence going on
                    heading = (ln.bold and prev_plain.endswith(_ENDS)
                               and ln.x1 < right_edge.get(ln.page, 0.0) - 2.5 * ln.size)
                    ended = (not same_size or bool(_PARA_START.match(text)) or abs(ln.x0 - cur_last.x0) > 2
                             or heading
                             or (prev_plain.endswith(_ENDS) and not full))
                if ended:
                    flush()
                    cur_text, cur_lines = text, [ln]
                    cur_first, cur_x1 = ln, ln.x1
                else:
                    cur_text = _join(cur_text, text, vocab)
                    cur_lines.append(ln)
            elif _new_para(cur_last, ln, re.sub(r"<sup>[^<]*</sup>", "", cur_text).rstrip(), text, cur_first,
                           cur_x1):
                push()
                cur_text, cur_lines = text, [ln]
                cur_first, cur_x1 = ln, ln.x1
            else:
                cur_text = _join(cur_text, text, vocab)
                cur_lines.append(ln)
            cur_x1 = max(cur_x1, ln.x1)
            cur_last = ln
        notes = _footnotes(foot, [n[0] for n in notes_all if n[0]], vocab)
        for note in notes:
            if note[0] is None and notes_all:
                notes_all[-1][1] = _join(notes_all[-1][1], note[1], vocab)
            else:
                notes_all.append(note)
                pending_notes.append(note)
    flush()
    out = []
    for b in blocks:
        if isinstance(b, list):
            mark, text = b
            out.append(f"<sup>{mark}</sup> {_clean(text)}" if mark else _clean(text))
        elif b:
            out.append(b)
    markup = "\n\n".join(out) + "\n"
    return markup, hints
