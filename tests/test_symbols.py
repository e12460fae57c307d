"""ingest.symbols: canonical symbols, numbers resolved to symbols, symbols from file names."""

import pytest

from ingest import symbols
from ingest.symbols import symbol_from_filename


@pytest.mark.parametrize("name,symbol", [
    ("A_RES_75_290_A.txt", "A/RES/75/290A"), ("A_RES_76_84_A-B.txt", "A/RES/76/84A-B"),
    ("E_RES_476_(XV).txt", "E/RES/476(XV)"), ("S_RES_2720(2023).txt", "S/RES/2720(2023)"),
    ("ECE_TRANS_WP.30_AC.2_157.txt", "ECE/TRANS/WP.30/AC.2/157"), ("notes.txt", None),
    # only the characters a symbol can have: the symbol ends at the first other one (issue 17)
    ("A_RES_79_1\x1b.txt", "A/RES/79/1"), ("A_RES_79_1\x0b.txt", "A/RES/79/1"),
    ("A_RES_79_1\u200b.txt", "A/RES/79/1"), ("A_RES_79_1 copy.txt", "A/RES/79/1"),
    ("A_79_62#x.txt", "A/79/62"), ("A_RES_79_1?q=1.txt", "A/RES/79/1"), ("A_79_434<b>.txt", "A/79/434"),
    ('A_79_434"x.txt', "A/79/434"), ("S_RES_2720(2023)\n.txt", "S/RES/2720(2023)"),
    # nothing of a symbol left: no symbol (the node is keyed by the file name, cleaned by graph.clean)
    ("memo\x1bx\x0by.txt", None), ("S_\x1b.txt", None), ("A_#1.txt", None), ("A_.txt", None),
    # a Security Council resolution's number and year, however the name separates them, is S/RES/<n>(<yyyy>):
    # S/RES/<n>/<yyyy> is no symbol of the Council, and its texts cite "resolution 2800 (2025)"
    ("S_RES_2800_2025.txt", "S/RES/2800(2025)"), ("S-RES-2800-2025.txt", "S/RES/2800(2025)"),
    ("S_RES_2800_(2025).txt", "S/RES/2800(2025)"), ("s_res_2800_2025.txt", "S/RES/2800(2025)"),
    ("S_RES_2800 (2025).txt", "S/RES/2800(2025)"), ("S_RES_2720_2023-EN.pdf", "S/RES/2720(2023)"),
    ("S_RES_1325_2000.docx", "S/RES/1325(2000)"), ("S_RES_242_1967.pdf", "S/RES/242(1967)"),
    ("S_RES_1_1946.txt", "S/RES/1(1946)"), ("S_RES_2694_2023 copy.txt", "S/RES/2694(2023)"),
    ("S_RES_1244(1999).txt", "S/RES/1244(1999)"),
    # negative rows: a year the Council's numbering cannot have is not made one (the name is read as written);
    # a number without its year stays one; the Assembly's and the Council's (ECOSOC) session and year numbers
    # and the Council's documents keep their shape
    ("S_RES_2800_2010.txt", "S/RES/2800/2010"), ("S_RES_242_2025.txt", "S/RES/242/2025"),
    ("S_RES_2800_20251.txt", "S/RES/2800/20251"), ("S_2025_800.txt", "S/2025/800"), ("S_PRST_2021_4.txt", "S/PRST/2021/4"),
    # a number without its year takes the year of the Council's yearly table of first numbers (from 1990, 646),
    # as a text's "resolution 1493" does; an older number stays without one
    ("S_RES_2682.txt", "S/RES/2682(2023)"), ("S_RES_2800 (1).txt", "S/RES/2800(2025)"), ("s-res-1493.pdf", "S/RES/1493(2003)"),
    ("S_RES_646.txt", "S/RES/646(1990)"), ("S_RES_242.txt", "S/RES/242"), ("S_RES_645.txt", "S/RES/645"),
    ("A_RES_78_132.txt", "A/RES/78/132"), ("E_RES_2024_13.txt", "E/RES/2024/13"),
    ("A_RES_2000_1999.txt", "A/RES/2000/1999"), ("A_HRC_RES_52_1.txt", "A/HRC/RES/52/1"),
    # words people add after the symbol are not part of it (data/languages.toml added_words, any case; a
    # component in lower case after an upper-case series)
    ("A_79_62_final.txt", "A/79/62"), ("A_79_62_v2.txt", "A/79/62"), ("A_79_62-FINAL.docx", "A/79/62"),
    ("A_RES_79_324_cr_only.txt", "A/RES/79/324"), ("A_RES_79_324_clean.pdf", "A/RES/79/324"),
    ("A_RES_78_132-EN_final.pdf", "A/RES/78/132"), ("S_RES_2800_2025_draft.txt", "S/RES/2800(2025)"),
    ("A_C.3_79_L.5_Rev.1_tracked.docx", "A/C.3/79/L.5/Rev.1"), ("A_79_62 Version2.txt", "A/79/62"),
    # negative rows: a symbol's own capitalised components stay; a lower-case name is read as before
    ("A_C.3_79_L.5_Rev.1.docx", "A/C.3/79/L.5/Rev.1"), ("UNEP_EA.5_Res.7.txt", "UNEP/EA.5/Res.7"),
    ("A_RES_79_1_Add.1.txt", "A/RES/79/1/Add.1"), ("E_CN.6_2024_L.3.txt", "E/CN.6/2024/L.3"),
    ("A_79_62-E_2024_3.pdf", "A/79/62-E/2024/3"), ("A_RES_76_84_A-B.txt", "A/RES/76/84A-B"),
    ("A_HRC_55_NGO_12.txt", "A/HRC/55/NGO/12"),
])
def test_symbol_from_file_name(name, symbol):
    assert symbol_from_filename(name) == symbol


def test_symbol_doctests():
    import doctest
    from ingest import symbols
    assert doctest.testmod(symbols).failed == 0


# ---------------------------------------------------------------- file names as the UN names downloads

@pytest.mark.parametrize("name, symbol, language, job", [
    ("A_RES_78_132-EN.pdf", "A/RES/78/132", "en", False),
    ("A_79_434-FR.docx", "A/79/434", "fr", False),
    ("A_RES_78_132.en.pdf", "A/RES/78/132", "en", False),
    ("S_2024_858-ZH.pdf", "S/2024/858", "zh", False),
    ("E_CN.9_2021_1_es.docx", "E/CN.9/2021/1", "es", False),
    ("A_HRC_RES_55_1-AR.txt", "A/HRC/RES/55/1", "ar", False),
    ("S_RES_2720(2023)-RU.pdf", "S/RES/2720(2023)", "ru", False),
    ("N2438574.pdf", None, None, True),
    ("n2438574.pdf", None, None, True),
    ("G2412345.docx", None, None, True),
    # a job number's language letter (E, F, S, R, A, C), in the shapes UN systems and footers give
    ("2412345E.pdf", None, "en", True),
    ("2412345F.docx", None, "fr", True),
    ("N2412345E.pdf", None, "en", True),
    ("n2412345s.txt", None, "es", True),
    ("G2412345R.pdf", None, "ru", True),
    ("V2412345A.docx", None, "ar", True),
    ("K2412345C.pdf", None, "zh", True),
    ("24-12345F.pdf", None, "fr", True),
    ("24-12345_S.docx", None, "es", True),
    ("24-12345 (E).pdf", None, "en", True),
    ("2412345E-FR.pdf", None, "fr", True),  # a language suffix says it outright
    # negative rows: no letter, or a letter that is no language's
    ("24-12345.pdf", None, None, True),
    ("G2412345X.pdf", None, None, True),
    ("2412345X.pdf", None, None, False),
    ("A_RES_78_132E.pdf", "A/RES/78/132E", None, False),
    # negative rows: a part letter is no language, a symbol's own ES-10 is no suffix, a bare code no file
    ("A_RES_75_290_A.txt", "A/RES/75/290A", None, False),
    ("A_ES-10_L.22.txt", "A/ES-10/L.22", None, False),
    ("A_RES_ES-10_21.txt", "A/RES/ES-10/21", None, False),
    ("EN.txt", None, None, False),
    ("memo-FR.txt", None, "fr", False),
])
def test_file_name_parts(name, symbol, language, job):
    parts = symbols.file_name_parts(name)
    assert (parts.symbol, parts.language, parts.job_number) == (symbol, language, job)
    assert symbols.symbol_from_filename(name) == symbol


@pytest.mark.parametrize("symbol, file, key", [
    ("A/80/321", "N2521234.txt", "A/80/321"),
    (None, "A_RES_79_1-EN.pdf", "A/RES/79/1"),
    (None, "/home/someone/notes/memo.txt", "(no symbol) memo.txt"),
    (None, "N2438574.pdf", "(no symbol) N2438574.pdf"),
])
def test_document_key_never_a_machine_path(symbol, file, key):
    assert symbols.document_key(symbol, file) == key


# an old "number (Roman session)" with no body written: the Assembly's when its session holds the number,
# else the Economic and Social Council's (E/5715/Rev.2, the Council's rules of procedure)
@pytest.mark.parametrize("num, body, explicit, symbol", [
    ("1514 (XV)", "GA", False, "A/RES/1514(XV)"),
    ("217 A (III)", "GA", False, "A/RES/217(III)"),
    ("217 (VIII)", "GA", False, "E/RES/217(VIII)"),
    ("456 (XIV)", "GA", False, "E/RES/456(XIV)"),
    ("55 (IV)", "GA", False, "E/RES/55(IV)"),
    ("1949 (LVIII)", "GA", False, "E/RES/1949(LVIII)"),
    ("3201 (S-VI)", "GA", False, "A/RES/3201(S-VI)"),
    # written: as written (a misprint is told by its date: dated_roman)
    ("217 (VIII)", "GA", True, "A/RES/217(VIII)"),
    ("217 (VIII)", "ECOSOC", True, "E/RES/217(VIII)"),
])
def test_resolve_old_roman_numbers(num, body, explicit, symbol):
    assert symbols.resolve_number(num, body, explicit=explicit) == symbol


@pytest.mark.parametrize("target, year, written, expected", [
    # misprinted numerals, the number and the date agreeing (A/RES/50/152 op13, A/RES/2601(XXIV) op4, A/RES/37/66 pp1)
    ("A/RES/3274(XXIV)", 1974, True, "A/RES/3274(XXIX)"),
    ("A/RES/1721(XVII)", 1961, True, "A/RES/1721(XVI)"),
    ("E/RES/3334(XXXIX)", 1974, False, "A/RES/3334(XXIX)"),
    # the Council's, its session's year (E/5715/Rev.2: "resolution 217 (VIII)", of 18 March 1949)
    ("E/RES/217(VIII)", 1949, False, "E/RES/217(VIII)"),
    ("E/RES/99(V)", 1947, False, "E/RES/99(V)"),
    # negative rows: another body's (A/RES/32/197: UNCTAD's 90 (IV) of 1976; E/RES/2023/17: ECA's 908 (XLVI) of 2013)
    ("E/RES/90(IV)", 1976, False, None),
    ("E/RES/908(XLVI)", 2013, False, None),
    # unchanged: no date, a date that fits, a body written, another form
    ("A/RES/1514(XV)", None, False, "A/RES/1514(XV)"),
    ("A/RES/1514(XV)", 1960, True, "A/RES/1514(XV)"),
    ("A/RES/1514(XV)", 1961, False, "A/RES/1514(XV)"),
    ("E/RES/908(XLVI)", 2013, True, "E/RES/908(XLVI)"),
    ("A/RES/79/194", 2024, False, "A/RES/79/194"),
    ("S/RES/242(1967)", 1967, False, "S/RES/242(1967)"),
])
def test_dated_roman(target, year, written, expected):
    assert symbols.dated_roman(target, year, written) == expected


@pytest.mark.parametrize("precise, short, expected", [
    ("S/RES/2682(2023)", "S/RES/2682", True), ("S/RES/2682 (2023)", "s/res/2682", True),
    ("s/res/242(1967)", "S/RES/242", True),
    # negative rows: another number, another series, nothing added, the year elsewhere
    ("S/RES/2682(2023)", "S/RES/268", False), ("S/RES/2682(2023)", "S/RES/2682(2023)", False),
    ("A/RES/78/132", "A/RES/78", False), ("S/RES/2682/2023", "S/RES/2682", False),
    ("S/PRST/2023/1", "S/PRST/2023", False), ("E/RES/476(XV)", "E/RES/476", False),
])
def test_adds_year_is_the_councils_year_and_nothing_else(precise, short, expected):
    assert symbols.adds_year(precise, short) is expected


def test_doctests():
    import doctest

    assert doctest.testmod(symbols).failed == 0


@pytest.mark.parametrize("num, body, decision, symbol", [
    # a title line's number in the body's range of decisions is the decision's
    ("79/555", "GA", False, "A/DEC/79/555"),
    ("79/401", "GA", False, "A/DEC/79/401"),
    ("2024/201", "ECOSOC", False, "E/DEC/2024/201"),
    ("2024/201", "GA", False, "E/DEC/2024/201"),      # year/number is the Council's whatever the default body
    ("6/102", "HRC", False, "A/HRC/DEC/6/102"),
    # a "Decision 79/55" heading says so whatever the number
    ("79/55", "GA", True, "A/DEC/79/55"),
    # negative rows: resolutions' numbers stay resolutions
    ("79/194", "GA", False, "A/RES/79/194"),
    ("2024/13", "ECOSOC", False, "E/RES/2024/13"),
    ("52/1", "HRC", False, "A/HRC/RES/52/1"),
    ("2720 (2023)", "SC", False, "S/RES/2720(2023)"),
    ("217 A (III)", "GA", False, "A/RES/217(III)"),
    ("ES-11/1", "GA", False, "A/RES/ES-11/1"),
])
def test_own_number(num, body, decision, symbol):
    assert symbols.own_number(num, body, decision) == symbol


@pytest.mark.parametrize("symbol, parts", [
    ("A/79/123-S/2024/456", ["A/79/123", "S/2024/456"]),
    ("A/79/123–S/2024/456", ["A/79/123", "S/2024/456"]),
    ("A/79/62 - E/2024/3", ["A/79/62", "E/2024/3"]),
    # negative rows: a hyphen inside one symbol
    ("A/RES/ES-10/1", ["A/RES/ES-10/1"]),
    ("A/RES/77/128A-B", ["A/RES/77/128A-B"]),
    ("A/HRC/RES/S-30/1", ["A/HRC/RES/S-30/1"]),
    ("A/C.3/79/L.5/Rev.1", ["A/C.3/79/L.5/Rev.1"]),
])
def test_joint_parts(symbol, parts):
    assert symbols.joint_parts(symbol) == parts
