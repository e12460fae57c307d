"""Plain text and Markdown files: bytes -> text, whatever the encoding.

UN text exports come as UTF-8 (with or without a byte-order mark), UTF-16 (with a
BOM, or without one: told by where the zero bytes fall) or Windows-1252. A file
that is UTF-8 but for a few stray Windows-1252 bytes (a curly apostrophe ``\x92`` typed into a
UTF-8 file) is read as UTF-8 with only those bytes read as Windows-1252 (:func:`decode_utf8_repaired`),
so its other curly quotes, dashes and symbols stay as written. A file that is binary
(control characters) or empty is a one-line :class:`~ingest.model.ReadError`. The text is
then parsed by :func:`ingest.structure.parse_text`.

Not supported: other legacy code pages (they read as Windows-1252), HTML.
"""
from __future__ import annotations

import codecs
import pathlib
import re

from ..model import ReadError
from .files import read_file_bytes

__all__ = ["decode_bytes", "decode_utf8_repaired", "read_text_file"]

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


def _cp1252_byte(err: UnicodeDecodeError) -> tuple[str, int]:
    """The codec error handler of :func:`decode_utf8_repaired`: the first byte that is not UTF-8
    read as Windows-1252 (U+FFFD for its five unassigned bytes), decoding going on after it."""
    byte = err.object[err.start:err.start + 1]
    return byte.decode("cp1252", errors="replace"), err.start + 1


codecs.register_error("citegraph-cp1252", _cp1252_byte)


def decode_utf8_repaired(data: bytes) -> str:
    """``data`` read as UTF-8, each byte that is not part of a UTF-8 sequence read as
    Windows-1252. A file written in Windows-1252 throughout reads as it would in
    Windows-1252 (its accented letters and quotes are bytes no UTF-8 sequence takes),
    unless two of its bytes happen to form a UTF-8 sequence (an "Ã" before a "©").

    >>> decode_utf8_repaired("the Secretary\u2019s report \u2013 A/80/62".encode().replace(b"\xe2\x80\x99", b"\x92"))
    'the Secretary\u2019s report \u2013 A/80/62'
    """
    return data.decode("utf-8", errors="citegraph-cp1252")


def decode_bytes(data: bytes, path: str = "<bytes>") -> str:
    """Decode a text file's bytes: UTF-8 (with or without BOM), UTF-16 (BOM or
    zero-byte pattern), else UTF-8 with each stray byte read as Windows-1252 (a file in
    Windows-1252 throughout reads as Windows-1252). Raises ReadError for empty or binary data."""
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
            text = decode_utf8_repaired(data)
    if _looks_binary(text):
        raise ReadError(path, "binary file, not text")
    if not text.strip():
        raise ReadError(path, "empty file")
    return text


def read_text_file(path: str | pathlib.Path) -> str:
    """A text file's text (:func:`decode_bytes` of its bytes), or a one-line ReadError."""
    return decode_bytes(read_file_bytes(path), str(path))
