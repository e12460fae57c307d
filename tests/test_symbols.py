"""ingest.symbols: canonical symbols, numbers resolved to symbols, symbols from file names."""

import pytest

import ingest
from ingest.symbols import symbol_from_filename


@pytest.mark.parametrize("name,symbol", [
    ("A_RES_75_290_A.txt", "A/RES/75/290A"), ("A_RES_76_84_A-B.txt", "A/RES/76/84A-B"),
    ("E_RES_476_(XV).txt", "E/RES/476(XV)"), ("S_RES_2720(2023).txt", "S/RES/2720(2023)"),
    ("ECE_TRANS_WP.30_AC.2_157.txt", "ECE/TRANS/WP.30/AC.2/157"), ("notes.txt", None),
])
def test_symbol_from_file_name(name, symbol):
    assert symbol_from_filename(name) == symbol
