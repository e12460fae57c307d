"""ingest.find.written: written symbols and the parts written after them."""
import doctest

import pytest

from ingest.find import written
from ingest.find.written import attach, extract_written


def test_doctests():
    assert doctest.testmod(written).failed == 0


@pytest.mark.parametrize("text, found", [
    ("(A/79/434, para. 21)", [("A/79/434", "para. 21", ())]),
    ("report A/79/62-E/2024/3", [("A/79/62", None, ("E/2024/3",))]),
    ("A/RES/78/250 B", [("A/RES/78/250B", None, ())]),
    ("A/81/6 (Sect. 26)/Part A", [("A/81/6(Sect.26)/PartA", None, ())]),
    ("A/80/6 (Sect. 3)/Add.1", [("A/80/6(Sect.3)/Add.1", None, ())]),
    ("A/64/L.13 and Add.1", [("A/64/L.13", None, ()), ("A/64/L.13/Add.1", None, ())]),
    ("A/78/744/ Add.7", [("A/78/744/Add.7", None, ())]),
    ("UNEP/EA.5/Res.5", [("UNEP/EA.5/Res.5", None, ())]),
    ("A/S-10/ AC.1/1-8", [("A/S-10/AC.1/1-8", None, ())]),  # a space after a slash before a usual component
    # a part and a Roman session: the resolution, its part a pinpoint (realworld c07; A_RES_80_88-shaped)
    ("adopted by resolution A/RES/217 A (III), and", [("A/RES/217(III)", "A", ())]),
    ("(A/RES/2200 A (XXI))", [("A/RES/2200(XXI)", "A", ())]),
    ("A/RES/2200 A (XXI), annex", [("A/RES/2200(XXI)", "A, annex", ())]),
    ("A/RES/217(III) A", [("A/RES/217(III)", "A", ())]),
    ("A/RES/217 (III) A, annex", [("A/RES/217(III)", "A, annex", ())]),
    ("A/RES/260 A (III)", [("A/RES/260(III)", "A", ())]),
    ("A/RES/3314 (XXIX)", [("A/RES/3314(XXIX)", None, ())]),
    ("A/RES/1514 (XV)", [("A/RES/1514(XV)", None, ())]),
    ("A/RES/ES-10/2", [("A/RES/ES-10/2", None, ())]),
    # ... while a numbered session's part is the symbol's own (A/RES/78/250B)
    ("A/RES/75/290 B", [("A/RES/75/290B", None, ())]),
    # not symbols
    ("in 2022/23 and 2023/24", []),
    ("Council Decision 2010/413/CFSP", []),
    ("and/or", []),
])
def test_extract_written(text, found):
    hits, taken = extract_written(text)
    assert [(h.target, h.pinpoint, h.aliases) for h in hits] == found
    assert len(taken) == len({(h.start, h.surface) for h in hits if "/" in h.surface})


@pytest.mark.parametrize("symbol, part, joined", [
    ("A/31/75/Add.1", "Add.2", "A/31/75/Add.2"),
    ("A/65/761", "Corr.1", "A/65/761/Corr.1"),
    ("A/31/75/Add.1", "Corr.1", "A/31/75/Add.1/Corr.1"),
])
def test_attach(symbol, part, joined):
    assert attach(symbol, part) == joined
