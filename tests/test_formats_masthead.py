"""ingest.formats.masthead: what a first page's masthead says, the same for PDF and Word."""
import doctest

import pytest

from ingest.formats import masthead


def test_doctests():
    assert doctest.testmod(masthead).failed == 0


@pytest.mark.parametrize("lines, hints", [
    (["United Nations A/80/590", "General Assembly Distr.: General", "7 January 2026", "Original: English"],
     {"distribution": "General", "date": "2026-01-07", "body": "GA"}),
    (["E/2024/3", "Economic and Social Council", "Distr.: Limited", "3 May 2024"],
     {"distribution": "Limited", "date": "2024-05-03", "body": "ECOSOC"}),
    # two bodies (a joint document): the first of grammar.toml's table
    (["A/79/62-E/2024/3", "Economic and Social Council", "General Assembly"], {"body": "GA"}),
    (["TD/B/71/2", "Trade and Development Board", "Distr.: General"], {"distribution": "General", "body": "TDB"}),
    # no hints
    (["Distr. General", "Original: English"], {}),
    (["31 February 2026", "Trusteeship Council"], {}),          # no such day; TC is not a masthead body
    (["Report of the General Assembly 7 January 2026"], {"body": "GA"}),  # a date inside a line is no date line
])
def test_hints(lines, hints):
    assert masthead.hints(lines) == hints


@pytest.mark.parametrize("printed, symbol", [
    ("A/81/6 (Sect. 26)/PartA*", "A/81/6(Sect.26)/Part A"),
    ("A/81/6(Sect.26)/Part A", "A/81/6(Sect.26)/Part A"),
    ("S/2024/858 **", "S/2024/858"),
    ("A/HRC/55/L.1/ Rev.1", "A/HRC/55/L.1/Rev.1"),
    # a joint symbol as the UN prints it (en dash), spaced, with a hyphen: one hyphen
    ("A/79/123–S/2024/456", "A/79/123-S/2024/456"),
    ("A/79/62 – E/2024/3*", "A/79/62-E/2024/3"),
    ("A/79/62-E/2024/3", "A/79/62-E/2024/3"),
    # negative rows: a hyphen inside one symbol
    ("A/RES/ES-10/1", "A/RES/ES-10/1"),
    ("A/RES/77/128A-B", "A/RES/77/128A-B"),
])
def test_symbol(printed, symbol):
    assert masthead.symbol(printed) == symbol


# ---------------------------------------------------------------- a text file's masthead line, any series

@pytest.mark.parametrize("lines, symbol", [
    (["United Nations                    A/80/321", "General Assembly      Distr.: General"], "A/80/321"),
    (["United Nations\tS/2024/858", "Security Council"], "S/2024/858"),
    (["E/CN.9/2021/1", "Economic and Social Council"], "E/CN.9/2021/1"),
    (["", "UNEP/EA.6/1*", "United Nations Environment Assembly"], "UNEP/EA.6/1"),
    (["Security Council      S/PRST/2024/5", "Distr.: General"], "S/PRST/2024/5"),
    (["A/HRC/55/12   Distr.: General   4 August 2025"], "A/HRC/55/12"),
    (["General Assembly          A/RES/79/194"], "A/RES/79/194"),
    # a joint symbol: one line with an en dash or a hyphen, or the second symbol under the first
    (["United Nations A/79/123–S/2024/456", "", "General Assembly", "Security Council"], "A/79/123-S/2024/456"),
    (["United Nations A/79/123-S/2024/456"], "A/79/123-S/2024/456"),
    (["United Nations\tA/79/123", "S/2024/456", "", "General Assembly"], "A/79/123-S/2024/456"),
    (["A/79/62*", "E/2024/3*", "General Assembly", "Economic and Social Council"], "A/79/62-E/2024/3"),
    # negative rows: under the symbol a body, a date, another symbol of the same organ
    (["United Nations\tA/79/123", "Security Council"], "A/79/123"),
    (["S/2024/858", "1 November 2024"], "S/2024/858"),
    (["A/79/123", "A/79/123/Add.1"], "A/79/123"),
    # negative rows: a sentence, a symbol inside a line of text, a symbol below the top, a bare number
    (["Recalling its resolution 78/132,"], None),
    (["The present report (A/80/321) responds to that request."], None),
    (["a"] * 8 + ["A/80/321"], None),
    (["79/194"], None),
    (["United Nations"], None),
])
def test_text_symbol(lines, symbol):
    assert masthead.text_symbol(lines) == symbol


@pytest.mark.parametrize("top, symbol, source", [
    ("United Nations    A/80/321\nGeneral Assembly    Distr.: General\n\nReport of the Secretary-General", "A/80/321",
     "masthead"),
    ("S/2024/858\n\nSecurity Council\n\nLetter dated 1 November 2024", "S/2024/858", "masthead"),
])
def test_a_text_masthead_is_the_own_symbol_and_never_cited(top, symbol, source):
    import ingest

    doc = ingest.parse_text(top + f"\n\n1. The present document ({symbol}) recalls resolution 79/194.", file="x.txt")
    assert (doc.symbol, doc.symbol_source) == (symbol, source)
    assert symbol not in {r.target for r in ingest.extract(doc)}


#: A letter to both the Assembly and the Council (explore6 D17: own/letter.txt) and a note of the Council citing it
#: by its second symbol and its first.
JOINT_LETTER = ("{masthead}\n\nGeneral Assembly\nSecurity Council\n\nDistr.: General\n3 May 2024\n\nLetter dated 1 May "
                "2024 from the Permanent Representative of X to the United Nations addressed to the Secretary-General\n\n"
                "I have the honour to refer to Security Council resolution 2231 (2015) and General Assembly resolution 78/132.")
CITING_NOTE = ("United Nations S/2024/600\n\nSecurity Council\n\nNote by the President of the Security Council\n\n1. The "
               "members of the Council took note of the letter dated 1 May 2024 (S/2024/456) and of the letter "
               "contained in document A/79/123.")


@pytest.mark.parametrize("masthead, symbol", [
    ("United Nations A/79/123–S/2024/456", "A/79/123-S/2024/456"),
    ("United Nations A/79/123-S/2024/456", "A/79/123-S/2024/456"),
    ("United Nations\tA/79/123\nS/2024/456", "A/79/123-S/2024/456"),
    # negative row: one organ's symbol is no joint one
    ("United Nations A/79/123", "A/79/123"),
])
def test_a_joint_masthead_is_one_document_that_cites_neither_symbol(masthead, symbol):
    import ingest
    from graph.build import build_graph

    doc = ingest.parse_text(JOINT_LETTER.format(masthead=masthead), file="letter.txt")
    assert (doc.symbol, doc.symbol_source) == (symbol, "masthead")
    refs = ingest.extract(doc)
    assert [r.target for r in refs] == ["S/RES/2231(2015)", "A/RES/78/132"]
    note = ingest.parse_text(CITING_NOTE, file="citer.txt")
    G = build_graph([doc, note], refs + ingest.extract(note))
    reached = {t for _, t in G.out_edges("S/2024/600")}
    assert reached == ({"A/79/123"} if "S/2024/456" in symbol else {"A/79/123", "S/2024/456"})


@pytest.mark.parametrize("name", ["explore6-joint-symbol-en-dash.pdf", "explore6-joint-symbol-en-dash.docx"])
def test_a_joint_masthead_in_pdf_and_word(name):
    """The masthead "A/79/124–S/2024/457" top right of a PDF's first page, "United Nations<TAB>A/79/123–S/2024/456"
    atop a Word file (explore6 D17: joint3/letter_pdf.pdf, joint3/letter_word.docx)."""
    import pathlib

    import ingest

    doc, refs = ingest.extract_file(pathlib.Path(__file__).parent / "pdfs" / name)
    expected = "A/79/124-S/2024/457" if name.endswith(".pdf") else "A/79/123-S/2024/456"
    assert doc.symbol == expected
    assert not {r.target for r in refs} & set(expected.split("-"))


def test_the_masthead_wins_over_the_file_name_and_a_job_number():
    import ingest

    text = "United Nations    A/80/321\n\n1. In its resolution 79/194, the Assembly requested a report."
    assert ingest.parse_text(text, file="A_80_999.txt").symbol == "A/80/321"
    assert ingest.parse_text(text, file="N2521234.txt").symbol == "A/80/321"
    nothing = ingest.parse_text("1. In its resolution 79/194, the Assembly requested a report.", file="N2521234.txt")
    assert (nothing.symbol, nothing.symbol_source) == (None, "none")
    assert {r.source for r in ingest.extract(nothing)} == {"(no symbol) N2521234.txt"}
