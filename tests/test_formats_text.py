"""ingest.formats.text: bytes of a text file -> text, whatever the encoding."""
import pytest

from ingest.formats.text import decode_bytes
from ingest.model import ReadError


def test_the_binary_test_counts_control_characters_as_the_pattern_does():
    """``_looks_binary`` counts by bytes; on random text it counts what ``_CONTROL`` finds."""
    import random

    from ingest.formats import text as formats_text

    rnd = random.Random(3)
    alphabet = ["a", " ", "\n", "\t", "\x01", "\x7f", "\x85", "\x9f", "\xa0", "é", "\ufffd", "—", "😀", "\x0b",
                "\x1f", "\x80"]
    for _ in range(500):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 400)))
        want = len(formats_text._CONTROL.findall(text)) > max(8, len(text) // 100)
        assert formats_text._looks_binary(text.replace("\x00", "")) == want or "\x00" in text


TEXT = "Recalling its resolution 78/132 on “café” society — 19 December 2023,\n"


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),            # with its BOM
    TEXT.encode("utf-16-le"),         # no BOM: told by the zero bytes
    TEXT.encode("utf-16-be"),
    TEXT.encode("cp1252"),            # not UTF-8: Windows-1252
])
def test_decode_bytes(data):
    assert decode_bytes(data) == TEXT


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b" \r\n\t ", "empty file"),
    ("\ufeff  \n".encode("utf-8"), "empty file"),
    (bytes(range(256)) * 8, "binary file, not text"),
    (b"%PDF-1.7\n" + bytes(range(32)) * 40, "binary file, not text"),
    (b"text\x00with a NUL", "binary file, not text"),
])
def test_decode_bytes_refuses(data, reason):
    with pytest.raises(ReadError) as err:
        decode_bytes(data, "x.txt")
    assert str(err.value) == f"x.txt: {reason}"


def test_a_few_control_characters_are_still_text():
    assert decode_bytes(b"page one\x0cpage two\x0c" + b"text " * 200).startswith("page one")


# ---------------------------------------------------------------- UTF-8 with stray Windows-1252 bytes

@pytest.mark.parametrize("stray, read", [
    (b"\x92", "\u2019"), (b"\x93", "\u201c"), (b"\x94", "\u201d"), (b"\x96", "\u2013"), (b"\x97", "\u2014"),
    (b"\x85", "\u2026"), (b"\xe9", "\u00e9"), (b"\xa0", "\u00a0"),
])
def test_a_stray_cp1252_byte_is_repaired_alone(stray, read):
    good = "Recalling its resolution 78/132, entitled \u201cInformation\u201d, and E/2023/L.23\u2013E/HLPF/2023/L.1 "
    data = good.encode("utf-8") + b"Secretary" + stray + b"s report"
    assert decode_bytes(data) == good + "Secretary" + read + "s report"


def test_a_windows_1252_file_reads_as_windows_1252():
    text = "Caf\u00e9 \u201cquoted\u201d \u2013 the Secretary\u2019s report\n"
    assert decode_bytes(text.encode("cp1252")) == text


def test_an_undefined_cp1252_byte_is_a_replacement_character():
    assert decode_bytes("Recalling resolution 70/1 ".encode() + b"\x81") == "Recalling resolution 70/1 \ufffd"
