"""Plain text and Markdown files: bytes -> text, whatever the encoding.

UN text exports come as UTF-8 (with or without a byte-order mark), UTF-16 (with a
BOM, or without one: told by where the zero bytes fall), UTF-32 (with a BOM) or a legacy code page
of one of the UN's six official languages (Windows-1252, -1251, -1256, KOI8-R, GB18030, Big5: told by
charset-normalizer, :func:`decode_legacy`). A file
that is UTF-8 but for a few stray Windows-1252 bytes (a curly apostrophe ``\x92`` typed into a
UTF-8 file) is read as UTF-8 with only those bytes read as Windows-1252 (:func:`decode_utf8_repaired`),
so its other curly quotes, dashes and symbols stay as written. A file that is binary
(control characters) or empty is a one-line :class:`~ingest.model.ReadError`. The text is
then parsed by :func:`ingest.structure.parse_text`.

Not supported: legacy code pages of other languages (Shift-JIS, EUC-KR ...: they read as the
nearest of the six), HTML.
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
#: A legacy code page, not UTF-8 with stray bytes: at least LEGACY_MIN_STRAY bytes that no UTF-8
#: sequence takes, and more of them than characters that UTF-8 sequences give. A UTF-8 file with a
#: curly apostrophe typed in Windows-1252 has one or two; a Russian file in Windows-1251 has one per letter.
LEGACY_MIN_STRAY = 16
#: The code pages tried for such a file: those the six official languages of the UN were written in
#: before Unicode (Arabic, Chinese, English, French, Russian, Spanish). Windows-1252 comes first: it
#: is kept whenever the winner reads the file's bytes the same way (English text with curly quotes).
LEGACY_CODE_PAGES = ("cp1252", "cp1251", "koi8_r", "cp1256", "gb18030", "big5")
#: charset-normalizer reads at most this many bytes of a file to choose its code page.
LEGACY_SAMPLE = 262_144

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


def _stray_bytes(data: bytes) -> tuple[int, int]:
    """(bytes no UTF-8 sequence takes, characters that UTF-8 sequences of two to four bytes give)."""
    stray = multibyte = 0
    for match in _UTF8_OR_STRAY.finditer(data):
        if match.lastindex:
            stray += 1
        else:
            multibyte += 1
    return stray, multibyte


# A well-formed UTF-8 sequence of 2-4 bytes, or (group 1) a byte >= 0x80 that starts none.
_UTF8_OR_STRAY = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}|([\x80-\xff])")


def decode_legacy(data: bytes) -> str:
    """``data`` in the legacy code page (:data:`LEGACY_CODE_PAGES`) that charset-normalizer finds
    most likely for its first :data:`LEGACY_SAMPLE` bytes; Windows-1252 when it finds none, or when
    its choice reads the bytes as Windows-1252 does. Undefined bytes are U+FFFD.

    >>> decode_legacy("Генеральная Ассамблея, ссылаясь на свою резолюцию 78/132".encode("cp1251"))
    'Генеральная Ассамблея, ссылаясь на свою резолюцию 78/132'
    """
    from charset_normalizer import from_bytes  # only files that are not UTF-8 need it

    best = from_bytes(data[:LEGACY_SAMPLE], cp_isolation=list(LEGACY_CODE_PAGES)).best()
    default = data.decode("cp1252", errors="replace")
    if best is None or best.encoding == "cp1252":
        return default
    text = data.decode(best.encoding, errors="replace")
    return default if text == default else text


def decode_bytes(data: bytes, path: str = "<bytes>") -> str:
    """Decode a text file's bytes: UTF-32 (BOM), UTF-8 (with or without BOM), UTF-16 (BOM or
    zero-byte pattern), a legacy code page of the six official languages when most bytes above
    0x7F are no UTF-8 (:func:`decode_legacy`), else UTF-8 with each stray byte read as
    Windows-1252. Raises ReadError for empty or binary data."""
    if not data or data.isspace():
        raise ReadError(path, "empty file")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE starts both
        text = data.decode("utf-32", errors="replace")
    elif data.startswith(codecs.BOM_UTF8):
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
            text = _decode_8bit(data)
    if _looks_binary(text):
        raise ReadError(path, "binary file, not text")
    if not text.strip():
        raise ReadError(path, "empty file")
    return text


def _decode_8bit(data: bytes) -> str:
    """UTF-8 with stray bytes repaired, or a legacy code page when the stray bytes are the text's
    own letters (:data:`LEGACY_MIN_STRAY`)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    stray, multibyte = _stray_bytes(data)
    if stray >= LEGACY_MIN_STRAY and stray > multibyte:
        return decode_legacy(data)
    return decode_utf8_repaired(data)


def read_text_file(path: str | pathlib.Path) -> str:
    """A text file's text (:func:`decode_bytes` of its bytes), or a one-line ReadError."""
    return decode_bytes(read_file_bytes(path), str(path))
