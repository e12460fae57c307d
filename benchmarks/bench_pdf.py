#!/usr/bin/env python3
"""Pages per second of PDF reading, on the same PDFs in one run.

usage: python3 benchmarks/bench_pdf.py [PDF ...] [--repeat N] [--quick]

Prints, for the same files (default: ../shared/corpus/pdf/*.pdf):

* our ingest, ``ingest.formats.pdf.pdf_markup`` (layout -> markup), with each backend;
* our ingest to a Document, ``read_pdf`` (markup -> paragraphs and footnotes);
* bare pdfplumber ``page.extract_text()``;
* bare pypdfium2 ``textpage.get_text_range()``.

All single-process, wall-clock, best of ``--repeat`` runs for the fast ones.
``--quick`` skips the slow pdfplumber rows.
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

from ingest.formats.pdf import pdf_markup  # noqa: E402
from ingest import read_pdf  # noqa: E402
from corpora import shared_path  # noqa: E402


def bare_pdfplumber(path: pathlib.Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def bare_pdfium(path: pathlib.Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        for page in pdf:
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def timed(fn, files, repeat: int) -> tuple[float, int]:
    best = float("inf")
    pages = 0
    for _ in range(repeat):
        t = time.perf_counter()
        pages = sum(fn(f) for f in files)
        best = min(best, time.perf_counter() - t)
    return best, pages


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdfs", nargs="*")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="skip the pdfplumber rows")
    a = ap.parse_args()
    files = [pathlib.Path(p) for p in a.pdfs] or sorted(shared_path("corpus", "pdf").glob("*.pdf"))
    if not files:
        print("no PDFs", file=sys.stderr)
        return 1
    n_pages = sum(len(pdfium.PdfDocument(f)) for f in files)

    def count(f):
        return len(pdfium.PdfDocument(f))

    rows = [
        ("ingest markup, pdfium backend (default)", lambda f: (pdf_markup(f, "pdfium"), count(f))[1], a.repeat),
        ("ingest read_pdf -> Document (pdfium)", lambda f: (read_pdf(f, "pdfium"), count(f))[1], 1),
        ("bare pypdfium2 get_text_range", bare_pdfium, a.repeat),
    ]
    if not a.quick:
        rows[2:2] = [("ingest markup, pdfplumber backend", lambda f: (pdf_markup(f, "pdfplumber"), count(f))[1], 1)]
        rows.append(("bare pdfplumber extract_text", bare_pdfplumber, 1))
    print(f"{len(files)} PDFs, {n_pages} pages")
    for name, fn, rep in rows:
        secs, pages = timed(fn, files, rep)
        print(f"{name:<42} {pages / secs:8.1f} pages/s  ({secs:6.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
