"""Files -> documents: find the files, read each by its format, parse its structure.

The one door from the file system into ``ingest``: :func:`iter_paths` finds the
readable files under folders, :func:`read_document` reads one file into a
:class:`~ingest.model.Document`. The format follows the suffix: ``.txt``/``.md``
are decoded (:mod:`ingest.formats.text`), ``.pdf`` laid out
(:mod:`ingest.formats.pdf`, :mod:`ingest.formats.pdf_layout`), ``.docx`` read
(:mod:`ingest.formats.word`) into citegraph markup; the markup is parsed by
:func:`ingest.structure.parse_text`, with what a masthead said as hints. Errors are
:class:`~ingest.model.ReadError` with a one-line message naming the file.

``read_pdf`` and ``read_docx`` are plain functions of a path, so they can run in
a process pool.

Not supported: legacy ``.doc``, HTML, OCR of scanned pages.
"""
from __future__ import annotations

import pathlib
from typing import Callable, Iterable, Iterator

from .formats.pdf import DEFAULT_BACKEND, pdf_markup
from .formats.text import read_text_file
from .formats.word import docx_markup
from .model import Document, ReadError
from .structure import parse_text

__all__ = ["TEXT_SUFFIXES", "SUFFIXES", "iter_paths", "read_document", "read_pdf", "read_docx"]

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
SUFFIXES = {**TEXT_SUFFIXES, ".pdf": "pdf", ".docx": "docx"}


def iter_paths(paths: Iterable[str | pathlib.Path], skipped: Callable[[pathlib.Path, str], None] | None = None
               ) -> Iterator[pathlib.Path]:
    """Yield readable document paths under ``paths`` (files or folders, recursively), sorted.

    A path that does not exist is yielded as is, so that reading it gives a
    one-line error; files of unknown type are reported through ``skipped``.
    """
    for raw in paths:
        p = pathlib.Path(raw)
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                if any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                if f.suffix.lower() in SUFFIXES:
                    yield f
                elif skipped is not None:
                    skipped(f, f"unknown file type {f.suffix or '(none)'!s}, skipped")
        elif p.exists() and p.suffix.lower() not in SUFFIXES:
            if skipped is not None:
                skipped(p, f"unknown file type {p.suffix or '(none)'!s}, skipped")
        else:
            yield p


def read_pdf(path: str | pathlib.Path, backend: str = DEFAULT_BACKEND) -> Document:
    """Read an official PDF into a :class:`Document` (``backend``: ``"pdfium"``, the
    default, or ``"pdfplumber"``).

    Raises :class:`ReadError` for an empty, encrypted, truncated or scanned PDF,
    or a file that is not a PDF.
    """
    markup, hints = pdf_markup(path, backend)
    return parse_text(markup, file=str(path), fmt="pdf", hints=hints)


def read_docx(path: str | pathlib.Path) -> Document:
    """Read a .docx file into a :class:`Document`.

    Raises :class:`ReadError` for an empty, encrypted, legacy or corrupt file.
    """
    markup, hints = docx_markup(path)
    return parse_text(markup, file=str(path), fmt="docx", hints=hints)


def read_document(path: str | pathlib.Path) -> Document:
    """Read one file into a :class:`Document` (the format follows the suffix)."""
    p = pathlib.Path(path)
    fmt = SUFFIXES.get(p.suffix.lower())
    if fmt != "text" and fmt != "markdown" and not p.exists():  # (read_text_file says so itself)
        raise ReadError(str(p), "no such file")
    if fmt is None:
        raise ReadError(str(p), f"unknown file type {p.suffix or '(none)'}")
    if fmt == "pdf":
        return read_pdf(p)
    if fmt == "docx":
        return read_docx(p)
    return parse_text(read_text_file(p), file=str(p), fmt=fmt)
