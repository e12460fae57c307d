"""Plain text and Markdown files: bytes -> text, whatever the encoding.

UN text exports come as UTF-8 (with or without a byte-order mark), UTF-16 (with a
BOM, or without one: told by where the zero bytes fall) or Windows-1252. A file
that is binary (control characters) or empty is a one-line
:class:`~ingest.model.ReadError`. The text is then parsed by :mod:`ingest.text`.

Not supported: other legacy code pages (they read as Windows-1252), HTML.
"""
from __future__ import annotations

import codecs
import pathlib
import re

from ..model import ReadError
from .files import read_file_bytes

__all__ = ["decode_bytes", "read_text_file"]

#: UTF-16 without a BOM: in the first UTF16_SAMPLE bytes, more than UTF16_ZEROS of the odd (or
#: even) bytes are zero and fewer than UTF16_OTHER_ZEROS of the others (ASCII text in UTF-16).
UTF16_SAMPLE = 4096
UTF16_ZEROS = 0.3
UTF16_OTHER_ZEROS = 0.05
#: Binary: more than one control character in BINARY_CONTROLS_PER (and more than
#: BINARY_MIN_CONTROLS) in the first BINARY_SAMPLE characters, or any NUL.
BINARY_SAMPLE = 8192
BINARY_CONTROLS_PER = 100
BINARY_MIN_CONTROLS = 8

_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])  # its ASCII part
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")  # U+0080-U+009F in UTF-8


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:BINARY_SAMPLE]
    # _CONTROL's count, by bytes: several times faster than the pattern. In UTF-8 an ASCII control
    # is its own byte, U+0080-U+009F is C2 80-9F and U+FFFD is EF BF BD
    data = sample.encode("utf-8", "surrogatepass")
    bad = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if not sample.isascii():
        bad += data.count(b"\xef\xbf\xbd") + (len(_C1_UTF8.findall(data)) if b"\xc2" in data else 0)
    return bad > max(BINARY_MIN_CONTROLS, len(sample) // BINARY_CONTROLS_PER)


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
        head = data[:UTF16_SAMPLE]
        even_zeros = head[0::2].count(0)
        odd_zeros = head[1::2].count(0)
        half = max(1, len(head) // 2)
        if odd_zeros > half * UTF16_ZEROS and even_zeros < half * UTF16_OTHER_ZEROS:
            text = data.decode("utf-16-le", errors="replace")
        elif even_zeros > half * UTF16_ZEROS and odd_zeros < half * UTF16_OTHER_ZEROS:
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


def read_text_file(path: str | pathlib.Path) -> str:
    """A text file's text (:func:`decode_bytes` of its bytes), or a one-line ReadError."""
    return decode_bytes(read_file_bytes(path), str(path))
