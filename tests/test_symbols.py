"""ingest.symbols: canonical symbols, numbers resolved to symbols, symbols from file names."""

import pytest

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
])
def test_symbol_from_file_name(name, symbol):
    assert symbol_from_filename(name) == symbol


def test_symbol_doctests():
    import doctest
    from ingest import symbols
    assert doctest.testmod(symbols).failed == 0
