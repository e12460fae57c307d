"""ingest.formats.text: bytes of a text file -> text, whatever the encoding."""
import pytest

import ingest

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


# ---------------------------------------------------------------- legacy code pages of the six official languages
# Opening lines of resolutions as the UN prints them in each language, saved in the code page that
# language used before Unicode; each must read back exactly.
LEGACY = [
    ("Генеральная Ассамблея, ссылаясь на свою резолюцию 78/132 от 19 декабря 2023 года и подтверждая "
     "Повестку дня в области устойчивого развития на период до 2030 года", "cp1251"),
    ("Генеральная Ассамблея, ссылаясь на свою резолюцию 78/132 от 19 декабря 2023 года и подтверждая "
     "Повестку дня в области устойчивого развития на период до 2030 года", "koi8_r"),
    ("إن الجمعية العامة، إذ تشير إلى قرارها 78/132 المؤرخ 19 كانون الأول/ديسمبر 2023، وإذ تؤكد من جديد "
     "خطة التنمية المستدامة لعام 2030", "cp1256"),
    ("大会，回顾其2023年12月19日第78/132号决议，重申《2030年可持续发展议程》，注意到秘书长的报告", "gb18030"),
    ("L\u2019Assembl\u00e9e g\u00e9n\u00e9rale, Rappelant sa r\u00e9solution 78/132 du 19 d\u00e9cembre 2023, "
     "r\u00e9affirmant le Programme de d\u00e9veloppement durable \u00e0 l\u2019horizon 2030", "cp1252"),
    ("La Asamblea General, Recordando su resoluci\u00f3n 78/132, de 19 de diciembre de 2023, y reafirmando "
     "la Agenda 2030 para el Desarrollo Sostenible, se\u00f1alando el informe del Secretario General", "cp1252"),
    ("Report of the Secretary-General on C\u00f4te d\u2019Ivoire \u2013 \u201cthe situation\u201d \u2014 "
     "S\u00e3o Tom\u00e9 and Pr\u00edncipe, Z\u00fcrich, G\u00f6teborg, \u00c5land; resolution 2720 (2023)", "cp1252"),
]


@pytest.mark.parametrize("text, code_page", LEGACY)
def test_a_legacy_code_page_of_an_official_language_reads_as_written(text, code_page):
    assert decode_bytes((text + "\n").encode(code_page)) == text + "\n"


def test_a_legacy_file_keeps_its_references_and_title(tmp_path):
    from ingest import extract_file

    text = ("ОРГАНИЗАЦИЯ ОБЪЕДИНЕННЫХ НАЦИЙ    A/RES/79/194\n\n"
            "Информационно-коммуникационные технологии в целях устойчивого развития\n\n"
            "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию A/RES/78/132 и на доклад A/79/434,\n")
    path = tmp_path / "A_RES_79_194-RU.txt"
    path.write_bytes(text.encode("cp1251"))
    doc, refs = extract_file(path)
    assert doc.symbol == "A/RES/79/194"
    assert {"A/RES/78/132", "A/79/434"} <= {r.target for r in refs}
    assert "Генеральная Ассамблея" in "\n".join(p.text for p in doc.paragraphs)


@pytest.mark.parametrize("data, read", [
    # a few stray bytes in UTF-8 stay stray bytes read as Windows-1252, however many real characters
    ("Генеральная Ассамблея ".encode() + b"Secretary\x92s report", "Генеральная Ассамблея Secretary\u2019s report"),
    ("大会 78/132 ".encode() + b"\x93quoted\x94", "大会 78/132 \u201cquoted\u201d"),
    # fewer than LEGACY_MIN_STRAY stray bytes: as today, each read as Windows-1252
    (b"Recalling resolution 70/1 caf\xe9 \x81", "Recalling resolution 70/1 caf\u00e9 \ufffd"),
])
def test_utf8_with_stray_bytes_is_not_a_legacy_file(data, read):
    assert decode_bytes(data) == read


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_byte_order_mark_is_text(codec):
    bom = {"utf-32": b"", "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}[codec]
    assert decode_bytes(bom + TEXT.encode(codec)) == TEXT


#: A report's masthead and first paragraph (the shape of A/79/401), as lines.
REPORT_LINES = ["United Nations                    A/79/401", "General Assembly", "Distr.: General",
                "5 August 2024", "", "Seventy-ninth session", "", "Report of the Secretary-General", "",
                "1. The present report is submitted pursuant to General Assembly resolution 78/132.",
                "2. It also responds to resolution 79/1 and to paragraph 71 of resolution 70/125."]


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r", "\r\n\r"])  # Unix, Windows, old Mac, a mixture
def test_a_text_reads_the_same_whatever_its_line_ends(tmp_path, line_end):
    path = tmp_path / "report.txt"
    lines = REPORT_LINES if line_end != "\r\n\r" else [ln + ("\r" if i % 2 else "") for i, ln in enumerate(REPORT_LINES)]
    path.write_bytes((line_end if line_end != "\r\n\r" else "\n").join(lines).encode("utf-8"))
    doc = ingest.read_document(path)
    assert (doc.symbol, doc.symbol_source, doc.session) == ("A/79/401", "masthead", "Seventy-ninth session")
    assert [(r.paragraph, r.target, r.pinpoint) for r in ingest.extract(doc)] == [
        ("p4", "A/RES/78/132", None), ("p5", "A/RES/79/1", None), ("p5", "A/RES/70/125", "para. 71")]
    assert not any("\r" in p.text for p in doc.paragraphs)
