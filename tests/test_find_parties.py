"""ingest.find.parties: the UNFCCC's decisions ("decision 1/CP.21") -> their node, or the report the curated
table of instruments places them in. Strings as the General Assembly's climate resolutions write them (A/RES/79/302
pp2, explore6 D8) and as the UNFCCC heads its decisions."""
import doctest

import pytest

from ingest.find import find_in_text, parties


def test_doctests():
    assert doctest.testmod(parties).failed == 0


def found(text):
    return [(h.target, h.pinpoint, h.surface) for h in find_in_text(text, "GA")]


@pytest.mark.parametrize("text, expected", [
    # the curated table places 1/CP.21 (the Paris Agreement), 1/CP.3 (Kyoto) and 1/CMP.8 (Doha) in their reports
    ("Recalling decision 1/CP.21 of the Conference of the Parties to the United Nations Framework Convention on "
     "Climate Change,", [("FCCC/CP/2015/10/Add.1", "decision 1/CP.21", "1/CP.21")]),
    ("and decision 1/CMP.8 of the Conference of the Parties serving as the meeting of the Parties to the Kyoto Protocol",
     [("FCCC/KP/CMP/2012/13/Add.1", "decision 1/CMP.8", "1/CMP.8")]),
    # others are nodes of their own, every item of a list, and a resolution after them still read
    ("Recalling decisions 1/CMA.3 and 1/CP.26, 2/CMA.5 and 1/CMP.8, and resolution 70/1,",
     [("decision 1/CMA.3", None, "1/CMA.3"), ("decision 1/CP.26", None, "1/CP.26"), ("decision 2/CMA.5", None, "2/CMA.5"),
      ("FCCC/KP/CMP/2012/13/Add.1", "decision 1/CMP.8", "1/CMP.8"), ("A/RES/70/1", None, "70/1")]),
    ("Welcoming decision 1/CMA.5 on the outcome of the first global stocktake.", [("decision 1/CMA.5", None, "1/CMA.5")]),
    # pinpoints before and after
    ("Recalling paragraph 4 of decision 1/CP.21,", [("FCCC/CP/2015/10/Add.1", "decision 1/CP.21, para. 4", "1/CP.21")]),
    ("Recalling decision 2/CP.21, paragraphs 3 to 5.", [("decision 2/CP.21", "paras. 3-5", "2/CP.21")]),
    # one decision right after a UNFCCC report's symbol is where in it (the Assembly's footnote for the Paris
    # Agreement), one reference; after another body's symbol, or two decisions, each is read
    ("See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.",
     [("FCCC/CP/2015/10/Add.1", "decision 1/CP.21, annex", "FCCC/CP/2015/10/Add.1")]),
    ("FCCC/PA/CMA/2021/10/Add.1, decision 1/CMA.3, para. 18",
     [("FCCC/PA/CMA/2021/10/Add.1", "decision 1/CMA.3, para. 18", "FCCC/PA/CMA/2021/10/Add.1")]),
    ("See A/79/62, decision 1/CP.21.",
     [("A/79/62", None, "A/79/62"), ("FCCC/CP/2015/10/Add.1", "decision 1/CP.21", "1/CP.21")]),
    ("FCCC/CP/2021/12/Add.1, decisions 1/CP.26 and 2/CP.26",
     [("FCCC/CP/2021/12/Add.1", None, "FCCC/CP/2021/12/Add.1"), ("decision 1/CP.26", None, "1/CP.26"),
      ("decision 2/CP.26", None, "2/CP.26")]),
    # negative rows: other conventions' decisions, and shapes that are no UNFCCC decision
    ("decision 3/COP.15 of the Conference of the Parties to the United Nations Convention to Combat Desertification", []),
    ("Recalling decision XIV/5 of the Conference of the Parties to the Convention on Biological Diversity", []),
    ("decision 1/CP.2a", []),
    ("decision 1/CPX.21", []),
    ("the 1/CP.21 text", []),
])
def test_parties_decisions(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("target, described", [
    ("decision 1/CMA.3", ("UNFCCC", "decision")),
    ("decision 12/CP.25", ("UNFCCC", "decision")),
    # negative rows: not a decision's node
    ("FCCC/CP/2015/10/Add.1", None), ("Charter of the United Nations", None), ("decision 1/COP.15", None),
])
def test_describe(target, described):
    assert parties.describe(target) == described


def test_the_reports_are_the_curated_tables():
    """Every decision the curated table of instruments places in a report (a pinpoint opening "decision
    N/CP.S") resolves to that report, as ingest.named reads the table; at least the three of 2026-12."""
    from ingest.named import curated
    placed = {}
    for alias in curated().curated:
        words = (alias.pinpoint or "").split(",")[0].split()
        if len(words) == 2 and words[0] == "decision" and "." in words[1]:
            placed[words[1]] = alias.target
    assert {"1/CP.21", "1/CP.3", "1/CMP.8"} <= set(placed)
    for decision, report in placed.items():
        n, rest = decision.split("/")
        code, session = rest.split(".")
        assert parties.parties_decision(n, code, session) == (report, f"decision {decision}")
