"""ingest.find.written: written symbols and the parts written after them."""
import doctest

import pytest

from ingest.find import written
from ingest.find import find_in_text
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
    # another organization's resolution: its part a pinpoint (A_RES_73_9: the IAEA's General Conference)
    ("resolutions GC(62)/RES/9 A and", [("GC(62)/RES/9", "A", ())]),
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


# an address on the UN's document server written out names its document (explore6 D22b: the tester's
# A_79_401.txt and A_79_402.md; the hyperlinks' addresses are read the same way, document.link_symbol)
@pytest.mark.parametrize("text, found", [
    ("1. The report is available at https://undocs.org/A/79/62.", [("A/79/62", "https://undocs.org/A/79/62", ())]),
    ("2. See undocs.org/en/A/RES/78/132 for the text.", [("A/RES/78/132", "undocs.org/en/A/RES/78/132", ())]),
    ("5. See also https://docs.un.org/en/A/RES/77/150.", [("A/RES/77/150", "https://docs.un.org/en/A/RES/77/150", ())]),
    ("2. See <https://undocs.org/A/RES/78/132>.", [("A/RES/78/132", "https://undocs.org/A/RES/78/132", ())]),
    ("https://undocs.org/en/A/80/6(Sect.17%29", [("A/80/6(Sect.17)", "https://undocs.org/en/A/80/6(Sect.17%29", ())]),
    ("(see https://undocs.org/S/RES/2231(2015)).", [("S/RES/2231(2015)", "https://undocs.org/S/RES/2231(2015)", ())]),
    ("(www.undocs.org/A/79/62-E/2024/3)", [("A/79/62", "www.undocs.org/A/79/62-E/2024/3", ("E/2024/3",))]),
    ("https://docs.un.org/en/a/res/77/150", [("A/RES/77/150", "https://docs.un.org/en/a/res/77/150", ())]),
    # negative rows: another host; a path that is no symbol; a symbol written beside its address is one citation
    ("3. See https://x.org/A/79/63.", []),
    ("http://x.undocs.org.example/A/79/62", []),
    ("https://documents.un.org/doc/undoc/gen/n24/123/45/pdf/n2412345.pdf", []),
    ("https://undocs.org/en/about", []),
    ("A/79/62 (https://undocs.org/A/79/62)", [("A/79/62", "A/79/62", ())]),
])
def test_addresses_on_the_document_server(text, found):
    assert [(h.target, h.surface, h.aliases) for h in find_in_text(text)] == found


@pytest.mark.parametrize("symbol, part, joined", [
    ("A/31/75/Add.1", "Add.2", "A/31/75/Add.2"),
    ("A/65/761", "Corr.1", "A/65/761/Corr.1"),
    ("A/31/75/Add.1", "Corr.1", "A/31/75/Add.1/Corr.1"),
])
def test_attach(symbol, part, joined):
    assert attach(symbol, part) == joined


# A real symbol for every series root of grammar.toml, as the UN writes it (with the sessions in brackets
# or after a dot that conferences of parties, executive sessions and governing bodies use, and "(Vol. I)",
# "(Part II)", "(SUPP)"): written -> canonical symbol and the body describe() gives. Adding a root to
# grammar.toml without a row here fails test_every_root_has_a_row.
ROOT_ROWS = {
    "A": [("A/79/434", "A/79/434", "General Assembly"), ("A/75/5 (Vol. II)", "A/75/5(Vol.II)", "General Assembly"),
          ("A/66/454 (Part II)", "A/66/454(PartII)", "General Assembly"),
          ("A/77/40 (SUPP)", "A/77/40(SUPP)", "General Assembly"),
          ("A/CONF.151/26 (Vol. I)", "A/CONF.151/26(Vol.I)", "General Assembly")],
    "A/HRC": [("A/HRC/55/L.1/Rev.1", "A/HRC/55/L.1/Rev.1", "Human Rights Council")],
    "S": [("S/2024/858", "S/2024/858", "Security Council")],
    "E": [("E/2024/3", "E/2024/3", "Economic and Social Council"),
          ("E/1994/INF/2/Add.2", "E/1994/INF/2/Add.2", "Economic and Social Council")],
    "E/CN.4": [("E/CN.4/2005/L.10/Add.17", "E/CN.4/2005/L.10/Add.17", "Commission on Human Rights")],
    "ST": [("ST/SGB/2019/2", "ST/SGB/2019/2", "Secretariat")],
    "UNEP": [("UNEP/GC.27/17", "UNEP/GC.27/17", "United Nations Environment Programme")],
    "ECE": [("ECE/TRANS/WP.11/231", "ECE/TRANS/WP.11/231", "Economic Commission for Europe")],
    "E/ECE": [("E/ECE/1494", "E/ECE/1494", "Economic Commission for Europe")],
    "HSP": [("HSP/GC/24/2/Add.6", "HSP/GC/24/2/Add.6", "UN-Habitat"), ("HSP/HA.1/Res.2", "HSP/HA.1/Res.2", "UN-Habitat")],
    "UN-Habitat": [("UN-Habitat/HSP/EB.2023/1", "UN-Habitat/HSP/EB.2023/1", "UN-Habitat")],
    "CD": [("CD/1299", "CD/1299", "Conference on Disarmament")],
    "SPLOS": [("SPLOS/31/9", "SPLOS/31/9", "Meeting of States Parties to UNCLOS")],
    "ISBA": [("ISBA/28/C/9", "ISBA/28/C/9", "International Seabed Authority")],
    "TD": [("TD/B/EX(71)/2", "TD/B/EX(71)/2", "UNCTAD"), ("TD/364/Rev.1", "TD/364/Rev.1", "UNCTAD")],
    "DP": [("DP/FPA/2024/1", "DP/FPA/2024/1", "UNDP/UNFPA/UNOPS Executive Board")],
    "UNW": [("UNW/2024/1", "UNW/2024/1", "UN-Women")],
    "ICCD": [("ICCD/COP(15)/23", "ICCD/COP(15)/23", "UNCCD"), ("ICCD/COP(16)/21/Add.1", "ICCD/COP(16)/21/Add.1", "UNCCD")],
    "FCCC": [("FCCC/CP/2015/10/Add.1", "FCCC/CP/2015/10/Add.1", "UNFCCC"),
             ("FCCC/PA/CMA/2023/16/Add.1", "FCCC/PA/CMA/2023/16/Add.1", "UNFCCC")],
    "CEDAW": [("CEDAW/C/GC/35", "CEDAW/C/GC/35", "Committee on the Elimination of Discrimination against Women")],
    "CCPR": [("CCPR/C/GC/36", "CCPR/C/GC/36", "Human Rights Committee")],
    "CRC": [("CRC/C/GC/25", "CRC/C/GC/25", "Committee on the Rights of the Child")],
    "CERD": [("CERD/C/GC/36", "CERD/C/GC/36", "Committee on the Elimination of Racial Discrimination")],
    "CAT": [("CAT/C/GC/4", "CAT/C/GC/4", "Committee against Torture")],
    "CRPD": [("CRPD/C/GC/7", "CRPD/C/GC/7", "Committee on the Rights of Persons with Disabilities")],
    "E/C.12": [("E/C.12/GC/25", "E/C.12/GC/25", "Committee on Economic, Social and Cultural Rights")],
    "DPI": [("DPI/2580", "DPI/2580", "Department of Public Information")],
    "ICEF": [("ICEF/2024/9", "ICEF/2024/9", "UNICEF Executive Board")],
    "E/ICEF": [("E/ICEF/2024/9", "E/ICEF/2024/9", "UNICEF Executive Board")],
    "JIU": [("JIU/REP/2008/3", "JIU/REP/2008/3", "Joint Inspection Unit")],
    "UNCITRAL": [("UNCITRAL/2024/1", "UNCITRAL/2024/1", "UNCITRAL")],
    "TRADE": [("TRADE/WP.7/2008/1", "TRADE/WP.7/2008/1", "Economic Commission for Europe")],
    "UNHCR": [("UNHCR/2024/1", "UNHCR/2024/1", "UNHCR")],
    "E/ESCAP": [("E/ESCAP/RES/79/8", "E/ESCAP/RES/79/8", "ESCAP"), ("E/ESCAP/80/33", "E/ESCAP/80/33", "ESCAP")],
    "E/ESCWA": [("E/ESCWA/33/10", "E/ESCWA/33/10", "ESCWA")],
    "E/ECA": [("E/ECA/CM/42/1", "E/ECA/CM/42/1", "ECA")],
    "E/CEPAL": [("E/CEPAL/1024", "E/CEPAL/1024", "ECLAC")],
    "E/ECLAC": [("E/ECLAC/2024/1", "E/ECLAC/2024/1", "ECLAC")],
    "IDB": [("IDB.52/Dec.6", "IDB.52/Dec.6", "UNIDO")],
    "GC": [("GC.20/Res.1", "GC.20/Res.1", "UNIDO")],
    "UNEP/EA": [("UNEP/EA.5/Res.14", "UNEP/EA.5/Res.14", "United Nations Environment Assembly")],
    "CBD": [("CBD/COP/DEC/15/4", "CBD/COP/DEC/15/4", "Convention on Biological Diversity")],
    "CCW": [("CCW/CONF.VI/11", "CCW/CONF.VI/11", "Convention on Certain Conventional Weapons")],
    "NPT": [("NPT/CONF.2010/50 (Vol. I)", "NPT/CONF.2010/50(Vol.I)", "Treaty on the Non-Proliferation of Nuclear Weapons")],
    "BWC": [("BWC/CONF.IX/1", "BWC/CONF.IX/1", "Biological Weapons Convention")],
    "APLC": [("APLC/MSP.21/2023/11", "APLC/MSP.21/2023/11", "Anti-Personnel Mine Ban Convention")],
    "CCM": [("CCM/MSP/2023/11", "CCM/MSP/2023/11", "Convention on Cluster Munitions")],
    "T": [("T/PV.1706", "T/PV.1706", "Trusteeship Council")],
    "S/PRST": [("S/PRST/2004/36", "S/PRST/2004/36", "Security Council")],
    "A/HRC/PRST": [("A/HRC/PRST/29/1", "A/HRC/PRST/29/1", "Human Rights Council")],
}


def test_every_root_has_a_row():
    from ingest.grammar import SERIES
    assert {s["root"] for s in SERIES} == set(ROOT_ROWS)


@pytest.mark.parametrize("written, canonical, body", [row for rows in ROOT_ROWS.values() for row in rows] + [
    # the IAEA's General Conference writes its session in brackets after the root
    ("GC(67)/RES/8", "GC(67)/RES/8", None),
])
def test_every_series_root_parses(written, canonical, body):
    from ingest.symbols import describe
    for text in (f"see {written}, para. 4", f"({written})", f"document {written}."):
        hits = extract_written(text)[0]
        assert [h.target for h in hits] == [canonical], text
        assert text[hits[0].start:hits[0].end] == written
    if body:
        assert describe(canonical)[0] == body


@pytest.mark.parametrize("text", [
    "(15)/23", "COP(15) and", "(67)/RES", "EX(71)", "IDB.52 and", "GC.20",  # no root before the brackets or dot
])
def test_sessions_in_brackets_need_a_root(text):
    assert extract_written(text)[0] == []


# a pinpoint past the symbol's corrigenda and past the bracket that holds it alone (Official Records footnotes:
# "Supplement No. 1 (E/5367), p. 41"; E/5715/Rev.2, A/RES/44/25, A/RES/35/201)
@pytest.mark.parametrize("text, expected", [
    ("Supplement No. 1 (E/5367), p. 41).", [("E/5367", "p. 41")]),
    ("(E/5367), page 41", [("E/5367", "p. 41")]),
    ("(E/1065 and Corr.1, p. 77)", [("E/1065", "p. 77"), ("E/1065/Corr.1", None)]),
    ("(E/573 and Corr.1), page 91", [("E/573", "p. 91"), ("E/573/Corr.1", None)]),
    ("Supplement No. 2 (E/1989/20), chap. II, sect. A.", [("E/1989/20", "chapter II, section A")]),
    ("Supplement No. 21 (A/34/21 and Corr.1), annex III, sect. C", [("A/34/21", "annex III, section C"),
                                                                     ("A/34/21/Corr.1", None)]),
    ("A/79/62, p. 12", [("A/79/62", "p. 12")]),
    # negative rows: an addendum's own pages and paragraphs, a pinpoint of the next reference, no bracket
    ("A/79/62 and Add.1, para. 3", [("A/79/62", None), ("A/79/62/Add.1", None)]),
    ("(A/79/62 and Add.1), para. 3", [("A/79/62", None), ("A/79/62/Add.1", None)]),
    ("the report (A/79/62), paragraph 5 of resolution 70/1", [("A/79/62", None), ("A/RES/70/1", "para. 5")]),
    ("(see A/79/62), para. 3", [("A/79/62", None)]),
    ("(A/79/62 and Corr.1)", [("A/79/62", None), ("A/79/62/Corr.1", None)]),
])
def test_pinpoint_past_corrigenda_and_bracket(text, expected):
    assert [(h.target, h.pinpoint) for h in find_in_text(text, "GA")] == expected
