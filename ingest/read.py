"""I/O at the edge: find files, read bytes, decode text, dispatch by format.

Everything that touches the file system in ``ingest`` is here (PDF and Word
parsing live in :mod:`ingest.pdf` and :mod:`ingest.word`). Errors are
:class:`~ingest.model.ReadError` with a one-line message naming the file.

Not supported: legacy ``.doc``, HTML, OCR of scanned pages.
"""
from __future__ import annotations

import codecs
import pathlib
import re
from typing import Callable, Iterable, Iterator

from .model import Document, ReadError

__all__ = ["TEXT_SUFFIXES", "SUFFIXES", "iter_paths", "decode_bytes", "read_file_bytes", "read_text_file",
           "read_document"]

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


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])  # its ASCII part
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")  # U+0080-U+009F in UTF-8


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:8192]
    # _CONTROL's count, by bytes: several times faster than the pattern. In UTF-8 an ASCII control
    # is its own byte, U+0080-U+009F is C2 80-9F and U+FFFD is EF BF BD
    data = sample.encode("utf-8", "surrogatepass")
    bad = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if not sample.isascii():
        bad += data.count(b"\xef\xbf\xbd") + (len(_C1_UTF8.findall(data)) if b"\xc2" in data else 0)
    return bad > max(8, len(sample) // 100)


def decode_bytes(data: bytes, path: str = "<bytes>") -> str:
    """Decode a text file's bytes: UTF-8 (with or without BOM), UTF-16 (BOM or
    zero-byte pattern), else Windows-1252. Raises ReadError for empty or binary data."""
    if not data or data.isspace():
        raise ReadError(path, "empty file")
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        head = data[:4096]
        even_zeros = head[0::2].count(0)
        odd_zeros = head[1::2].count(0)
        half = max(1, len(head) // 2)
        if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
            text = data.decode("utf-16-le", errors="replace")
        elif even_zeros > half * 0.3 and odd_zeros < half * 0.05:
            text = data.decode("utf-16-be", errors="replace")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252", errors="replace")
    if _looks_binary(text):
        raise ReadError(path, "binary file, not text")
    if not text.strip():
        raise ReadError(path, "empty file")
    return text


def read_file_bytes(path: str | pathlib.Path) -> bytes:
    """A file's bytes, or a one-line ReadError (no such file, a folder, unreadable, empty)."""
    p = pathlib.Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as err:
        raise ReadError(str(p), "no such file") from err
    except IsADirectoryError as err:
        raise ReadError(str(p), "is a folder") from err
    except OSError as err:
        raise ReadError(str(p), err.strerror or str(err)) from err
    if not data or data.isspace():
        raise ReadError(str(p), "empty file")
    return data


def read_text_file(path: str | pathlib.Path) -> str:
    return decode_bytes(read_file_bytes(path), str(path))


def read_document(path: str | pathlib.Path) -> Document:
    """Read one file into a :class:`Document` (the format follows the suffix)."""
    from .text import parse_text

    p = pathlib.Path(path)
    fmt = SUFFIXES.get(p.suffix.lower())
    if fmt != "text" and fmt != "markdown" and not p.exists():  # (read_text_file says so itself)
        raise ReadError(str(p), "no such file")
    if fmt is None:
        raise ReadError(str(p), f"unknown file type {p.suffix or '(none)'}")
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(p)
    if fmt == "docx":
        from .word import read_docx

        return read_docx(p)
    return parse_text(read_text_file(p), file=str(p), fmt=fmt)
