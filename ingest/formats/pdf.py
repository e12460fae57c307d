"""Official UN PDFs -> plain page dicts (the I/O edge of PDF reading).

As in pdfplumber, a backend turns each page, once, into plain data - a
:class:`~ingest.formats.pdf_layout.RawPage` of characters (text, box, baseline,
font size, bold) and thin horizontal rules - and the pure functions of
:mod:`ingest.formats.pdf_layout` lay those out into citegraph markup. Nothing of
pypdfium2 or pdfplumber leaves this module.

Two backends give the same dicts: ``pdfium`` (pypdfium2's text page API, the
default, about eight times faster) and ``pdfplumber``. On the official PDFs both
give the same references (see the README).

Errors are one-line :class:`~ingest.model.ReadError` naming the file: not a PDF,
truncated or corrupt, encrypted, no text layer (a scanned PDF: run OCR first).

Not supported: OCR of scanned pages, rotated text (margin text of landscape pages
is dropped).
"""
from __future__ import annotations

import ctypes
import io
import pathlib
import re

from ..model import ReadError
from .files import LIMITS, read_file_bytes, too_large
from .pdf_layout import TOLERANCES, RawPage, layout

__all__ = ["BACKENDS", "DEFAULT_BACKEND", "load_pages", "pdf_markup"]

BACKENDS = ("pdfium", "pdfplumber")
DEFAULT_BACKEND = "pdfium"

#: A drawn path thinner (pt) and longer (pt) than these is a rule (data/pdf_layout.toml, [rules]).
RULE_MAX_THICKNESS: float = TOLERANCES["rules"]["max_thickness"]
RULE_MIN_LENGTH: float = TOLERANCES["rules"]["min_length"]
#: Characters at an angle (radians) between these are margin text (pdfium); with a skew above
#: MIN_SKEW in their matrix, likewise (pdfplumber).
MIN_ROTATION: float = TOLERANCES["rules"]["min_rotation"]
MAX_ROTATION: float = TOLERANCES["rules"]["max_rotation"]
MIN_SKEW: float = TOLERANCES["rules"]["min_skew"]
#: Limits on what a PDF may lay out (``data/limits.toml`` [pdf]): pages, objects on a page, characters.
MAX_PAGES: int = LIMITS["pdf"]["max_pages"]
MAX_OBJECTS_PER_PAGE: int = LIMITS["pdf"]["max_objects_per_page"]
MAX_CHARS: int = LIMITS["pdf"]["max_chars"]


def _check_file(p: pathlib.Path) -> bytes:
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
    # imported here, not at the top: a native library that only PDF reading needs
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
    get_weight, get_object = raw.FPDFText_GetFontWeight, raw.FPDFText_GetTextObject

    def address(pointer) -> int:  # a page object's handle, compared by what it points to
        return ctypes.cast(pointer, ctypes.c_void_p).value or 0
    bl, bb, br, bt = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    try:
        n = len(pdf)
        if n == 0:
            raise ReadError(str(p), "truncated or corrupt PDF")
        if n > MAX_PAGES:
            raise too_large(p, f"{n:,} pages (limit {MAX_PAGES:,})")
        total = 0
        for i in range(n):
            page = pdf[i]
            objects = raw.FPDFPage_CountObjects(page.raw)
            if objects > MAX_OBJECTS_PER_PAGE:
                page.close()
                raise too_large(p, f"{objects:,} objects on page {i + 1} (limit {MAX_OBJECTS_PER_PAGE:,})")
            w, h = page.get_size()
            tp = page.get_textpage()
            traw = tp.raw
            count = raw.FPDFText_CountChars(traw)
            total += count
            if total > MAX_CHARS:
                tp.close()
                page.close()
                raise too_large(p, f"more than {MAX_CHARS:,} characters (limit)")
            text = tp.get_text_range() if count else ""
            same = len(text) == count
            x, y = ctypes.c_double(), ctypes.c_double()
            rect = raw.FS_RECTF()
            chars = []
            append = chars.append
            run_bottom = run_top = run_base = run_size = -1.0
            run_rotated = False
            glyph_box, glyph_k, glyph = None, -2, None  # the last glyph's box, index and char dict
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
                box = (rect.left, rect.right, rect.bottom, rect.top)
                if box == glyph_box and glyph_k == k - 1 and glyph is not None \
                        and address(get_object(traw, k)) == address(get_object(traw, k - 1)):
                    # one glyph mapped to several characters (a ligature "ffi", whose ToUnicode entry
                    # is three letters): pdfium gives each letter the glyph's box; pdfplumber gives
                    # one char with the three letters, and so do we
                    glyph["text"] += ch
                    glyph_k = k
                    continue
                glyph_box, glyph_k, glyph = box, k, None
                if rect.bottom != run_bottom or rect.top != run_top:
                    # a new run (font, size or line): ask pdfium for angle, baseline and size once
                    run_bottom, run_top = rect.bottom, rect.top
                    angle = get_angle(traw, k)
                    run_rotated = MIN_ROTATION < angle < MAX_ROTATION  # margin text of landscape pages
                    get_origin(traw, k, x, y)
                    run_base, run_size = h - y.value, get_size(traw, k)
                if run_rotated:
                    continue
                glyph = {"text": ch, "x0": rect.left, "x1": rect.right, "base": run_base, "size": run_size,
                         "bold": get_weight(traw, k) >= 600}
                append(glyph)
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
                        if top - bottom < RULE_MAX_THICKNESS and right - left > RULE_MIN_LENGTH:
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
    # imported here, not at the top: pdfplumber (and pdfminer) take a second to import, and only
    # this backend needs them
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
        if len(pdf.pages) > MAX_PAGES:
            raise too_large(p, f"{len(pdf.pages):,} pages (limit {MAX_PAGES:,})")
        total = 0
        for i, page in enumerate(pdf.pages):
            objects = len(page.objects.get("char", ())) + len(page.rects) + len(page.lines) + len(page.curves) \
                + len(page.images)
            if objects > MAX_OBJECTS_PER_PAGE:
                raise too_large(p, f"{objects:,} objects on page {i + 1} (limit {MAX_OBJECTS_PER_PAGE:,})")
            total += len(page.chars)
            if total > MAX_CHARS:
                raise too_large(p, f"more than {MAX_CHARS:,} characters (limit)")
            h = float(page.height)
            chars = []
            for c in page.chars:
                m = c["matrix"]
                if abs(m[1]) > MIN_SKEW or m[0] <= 0:
                    continue  # rotated text: margin furniture of landscape pages
                base = c["bottom"] + (c["y0"] - m[5])
                chars.append({"text": c["text"], "x0": c["x0"], "x1": c["x1"], "base": base,
                              "size": round(c["size"], 2), "bold": _BOLD.search(c.get("fontname", "")) is not None})
            rules = [(o["x0"], (o["top"] + o["bottom"]) / 2, o["x1"])
                     for o in page.rects + page.lines
                     if o["bottom"] - o["top"] < RULE_MAX_THICKNESS and o["x1"] - o["x0"] > RULE_MIN_LENGTH]
            pages.append(RawPage(i, float(page.width), h, chars, rules, len(page.images)))
            page.close()
    except (PDFSyntaxError, PDFPasswordIncorrect) as err:
        raise ReadError(str(p), "truncated or corrupt PDF") from err
    finally:
        pdf.close()
    return pages


def pdf_markup(path: str | pathlib.Path, backend: str = DEFAULT_BACKEND) -> tuple[str, dict]:
    """The citegraph markup of a PDF and the first-page hints."""
    pages = load_pages(path, backend)
    if not any(c["text"].strip() for pg in pages for c in pg.chars):
        raise ReadError(str(path), "no text layer; run OCR first")
    return layout(pages)
