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

import os
import pathlib
import stat
from typing import Callable, Iterable, Iterator, Optional

from .formats.text import read_text_file
from .model import Document, ReadError
from .normalize import text as normalize_text
from .structure import parse_text
from .structure.language import document_language

__all__ = ["TEXT_SUFFIXES", "SUFFIXES", "iter_paths", "read_document", "file_language", "read_pdf", "read_docx"]

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
SUFFIXES = {**TEXT_SUFFIXES, ".pdf": "pdf", ".docx": "docx"}


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "not a regular file"


def iter_paths(paths: Iterable[str | pathlib.Path], skipped: Callable[[pathlib.Path, str], None] | None = None
               ) -> Iterator[pathlib.Path]:
    """Yield readable document paths under ``paths`` (files or folders, recursively), sorted.

    A path that does not exist is yielded as is, so that reading it gives a one-line error.
    What is not read is reported through ``skipped`` (path, reason), always, and never opened:
    files of unknown type, named pipes, sockets and devices (given or in a folder: a named pipe
    is never opened, so it cannot block), dangling symbolic links, folders that cannot be
    listed. Hidden files and folders (".git", ".citegraph-cache") are passed over silently. A
    symbolic link to a folder is followed once (a link back to a folder being walked is skipped).
    """
    for raw in paths:
        p = pathlib.Path(raw)
        try:
            st = p.stat()
        except FileNotFoundError:
            if p.is_symlink():
                _skip(skipped, p, "dangling symbolic link, skipped")
            else:
                yield p  # reading it says "no such file"
            continue
        except OSError as err:
            _skip(skipped, p, f"{err.strerror or err}, skipped")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(p, skipped, {(st.st_dev, st.st_ino)})
        elif not stat.S_ISREG(st.st_mode):
            _skip(skipped, p, f"{_kind(st.st_mode)}, not a regular file: skipped")
        elif p.suffix.lower() not in SUFFIXES:
            _skip(skipped, p, f"unknown file type {p.suffix or '(none)'!s}, skipped")
        else:
            yield p


def _skip(skipped: Callable[[pathlib.Path, str], None] | None, p: pathlib.Path, why: str) -> None:
    if skipped is not None:
        skipped(p, why)


def _walk(folder: pathlib.Path, skipped: Callable[[pathlib.Path, str], None] | None,
          walking: set[tuple[int, int]]) -> Iterator[pathlib.Path]:
    """The document files under ``folder``, depth first in name order (the order of their sorted
    paths), what is skipped reported."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        _skip(skipped, folder, f"folder cannot be read ({err.strerror or err}), skipped")
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        p = folder / e.name
        try:
            st = e.stat()  # (follows a symbolic link)
        except FileNotFoundError:
            _skip(skipped, p, "dangling symbolic link, skipped")
            continue
        except OSError as err:
            _skip(skipped, p, f"{err.strerror or err}, skipped")
            continue
        if stat.S_ISDIR(st.st_mode):
            ident = (st.st_dev, st.st_ino)
            if ident in walking:
                _skip(skipped, p, "symbolic link to a folder being read, skipped")
                continue
            yield from _walk(p, skipped, walking | {ident})
        elif not stat.S_ISREG(st.st_mode):
            _skip(skipped, p, f"{_kind(st.st_mode)}, not a regular file: skipped")
        elif p.suffix.lower() in SUFFIXES:
            yield p
        else:
            _skip(skipped, p, f"unknown file type {p.suffix or '(none)'!s}, skipped")


def read_pdf(path: str | pathlib.Path, backend: Optional[str] = None) -> Document:
    """Read an official PDF into a :class:`Document` (``backend``: ``"pdfium"``, the
    default (:data:`ingest.formats.pdf.DEFAULT_BACKEND`), or ``"pdfplumber"``).

    Raises :class:`ReadError` for an empty, encrypted, truncated or scanned PDF,
    or a file that is not a PDF.
    """
    # the PDF and Word readers are loaded by the first file of theirs (a corpus of texts never loads them)
    from .formats.pdf import DEFAULT_BACKEND, pdf_markup

    markup, hints = pdf_markup(path, backend or DEFAULT_BACKEND)
    return parse_text(markup, file=str(path), fmt="pdf", hints=hints)


def read_docx(path: str | pathlib.Path) -> Document:
    """Read a .docx file into a :class:`Document`.

    Raises :class:`ReadError` for an empty, encrypted, legacy or corrupt file.
    """
    from .formats.word import docx_markup

    markup, hints = docx_markup(path)
    return parse_text(markup, file=str(path), fmt="docx", hints=hints)


def read_document(path: str | pathlib.Path, language: bool = True, title: bool = True) -> Document:
    """Read one file into a :class:`Document` (the format follows the suffix).

    ``language=False``: a text or Markdown file's language is taken from its name alone (None
    when the name does not say), not counted in its text (:func:`ingest.parse_text`); no
    reference depends on it, and :func:`file_language` gives it when asked. A PDF's or Word
    file's language is read from its text all the same (reading them costs far more).
    ``title=False``: a text or Markdown file's title is not looked for (None; no reference depends
    on it either); a PDF's or Word file's is read all the same."""
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
    return parse_text(read_text_file(p), file=str(p), fmt=fmt, language=language, title=title)


def file_language(path: str | pathlib.Path) -> Optional[str]:
    """The language :func:`read_document` gives a file (``Document.language``, an ISO 639-1 code or
    None); a text or Markdown file's without finding its structure (its name, else its text as
    :func:`ingest.parse_text` normalises it), another's by reading it."""
    p = pathlib.Path(path)
    if SUFFIXES.get(p.suffix.lower()) in ("text", "markdown"):
        return document_language(str(p), normalize_text(read_text_file(p)))
    return read_document(p).language
