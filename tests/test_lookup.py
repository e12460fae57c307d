"""graph.lookup: what people type or paste -> a node, by the rules of graph/data/lookup.json.

The same table runs through the explorer page's script in tests/test_explorer_browser.py,
which checks that the page and the CLI agree.
"""
from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from graph import analysis, lookup
from graph.cli import main

NODES = [
    # key, kind, body, aliases
    ("S/RES/2720(2023)", "resolution", "Security Council", ""),
    ("S/RES/1325(2000)", "resolution", "Security Council", ""),
    ("S/2023/1", "document", "Security Council", ""),
    ("A/RES/217(III)", "resolution", "General Assembly", ""),
    ("A/RES/217(VIII)", "resolution", "General Assembly", ""),
    ("A/RES/2200(XXI)", "resolution", "General Assembly", ""),
    ("A/RES/57/270B", "resolution", "General Assembly", ""),
    ("A/RES/57/270", "resolution", "General Assembly", ""),
    ("A/RES/70/1", "resolution", "General Assembly", ""),
    ("A/70/1", "report", "General Assembly", ""),
    ("A/RES/79/194", "resolution", "General Assembly", ""),
    ("A/C.2/79/194", "draft", "General Assembly", ""),
    ("A/RES/47/16", "resolution", "General Assembly", ""),
    ("A/HRC/RES/47/16", "resolution", "Human Rights Council", ""),
    ("A/DEC/79/555", "decision", "General Assembly", ""),
    ("E/RES/2024/13", "resolution", "Economic and Social Council", ""),
    ("E/2024/13", "document", "Economic and Social Council", ""),
    ("A/79/62", "report", "General Assembly", "E/2024/3"),
    ("A/79/434", "report", "General Assembly", ""),
    ("S/PRST/2024/5", "presidential statement", "Security Council", ""),
    ("A/81/6(Sect.10)", "document", "General Assembly", ""),
    ("Charter of the United Nations", "charter", "United Nations", ""),
    ("FCCC/CP/2015/10/Add.1", "treaty", "United Nations", ""),
    ("A/60/687", "agenda", "General Assembly", ""),
]

#: text -> node, or ("ambiguous", candidates), or None (not found)
CASES = [
    ("2720 (2023)", "S/RES/2720(2023)"),
    ("S/RES/2720 (2023)", "S/RES/2720(2023)"),
    ("S/RES/2720(2023)", "S/RES/2720(2023)"),
    ("resolution 2720 (2023)", "S/RES/2720(2023)"),
    ("Security Council resolution 2720 (2023)", "S/RES/2720(2023)"),
    ("s/res/2720 (2023)", "S/RES/2720(2023)"),
    ("  2720   ( 2023 ) ", "S/RES/2720(2023)"),
    ("S / RES / 2720 (2023).", "S/RES/2720(2023)"),
    ("res. 70/1", "A/RES/70/1"),
    ("res.70/1", "A/RES/70/1"),
    ("Resolution 70/1", "A/RES/70/1"),
    ("70/1", "A/RES/70/1"),  # the resolution, not the report A/70/1
    ("A/70/1", "A/70/1"),
    ("report A/70/1", "A/70/1"),
    ("A/RES/217 A (III)", "A/RES/217(III)"),
    ("resolution 217 A (III)", "A/RES/217(III)"),
    ("217 (III)", "A/RES/217(III)"),
    ("217(iii)", "A/RES/217(III)"),
    ("A/RES/2200 A (XXI)", "A/RES/2200(XXI)"),
    ("57/270 B", "A/RES/57/270B"),  # the part is a document of its own here
    ("57/270", "A/RES/57/270"),
    ("E/RES/2024/13", "E/RES/2024/13"),
    ("2024/13", "E/RES/2024/13"),
    ("ECOSOC resolution 2024/13", "E/RES/2024/13"),
    ("E/2024/13", "E/2024/13"),
    ("1325", "S/RES/1325(2000)"),
    ("UNSCR 1325", "S/RES/1325(2000)"),
    ("S/RES/1325", "S/RES/1325(2000)"),
    ("resolution 1325 (2000)", "S/RES/1325(2000)"),
    ("79/194", "A/RES/79/194"),
    ("a/res/79/194", "A/RES/79/194"),
    ("A/C.2/79/194", "A/C.2/79/194"),
    ("HRC resolution 47/16", "A/HRC/RES/47/16"),
    # the codes and the abbreviated keyword as people write them, with or without its full stop
    ("UNSC resolution 2720 (2023)", "S/RES/2720(2023)"),
    ("UNSC Res 1325", "S/RES/1325(2000)"),
    ("SC Res 1325", "S/RES/1325(2000)"),
    ("SC res. 1325 (2000)", "S/RES/1325(2000)"),
    ("UNGA resolution 70/1", "A/RES/70/1"),
    ("UNGA Res 70/1", "A/RES/70/1"),
    ("GA Res 70/1", "A/RES/70/1"),
    ("HRC Res 47/16", "A/HRC/RES/47/16"),
    ("HRC res. 47/16", "A/HRC/RES/47/16"),
    ("ECOSOC Res 2024/13", "E/RES/2024/13"),
    ("UNSC resolution 70/1", None),  # the Council numbers no resolution so
    ("UNGA resolution 2720 (2023)", None),  # the Council's number, not the Assembly's
    ("General Assembly resolution 47/16", "A/RES/47/16"),
    ("decision 79/555", "A/DEC/79/555"),
    ("79/555", "A/DEC/79/555"),
    ("E/2024/3", "A/79/62"),  # an alias (joint symbol A/79/62-E/2024/3)
    ("A/79/434", "A/79/434"),
    ("S/PRST/2024/5", "S/PRST/2024/5"),
    ("A/81/6 (Sect. 10)", "A/81/6(Sect.10)"),
    ("charter of the united nations", "Charter of the United Nations"),
    ("\u201cS/RES/2720 (2023)\u201d", "S/RES/2720(2023)"),  # pasted with curly quotes
    ("S/RES/2720\u00a0(2023)", "S/RES/2720(2023)"),  # a no-break space
    # a named instrument by its names (ingest/data/instruments.tsv), with or without "the"
    ("Paris Agreement", "FCCC/CP/2015/10/Add.1"),
    ("the Paris Agreement", "FCCC/CP/2015/10/Add.1"),
    ("2030 Agenda", "A/RES/70/1"),
    ("the 2030 Agenda for Sustainable Development", "A/RES/70/1"),
    ("Transforming our world: the 2030 Agenda for Sustainable Development", "A/RES/70/1"),
    ("Tunis Agenda", "A/60/687"),
    ("THE TUNIS AGENDA FOR THE INFORMATION SOCIETY", "A/60/687"),
    ("the Charter of the United Nations", "Charter of the United Nations"),
    ("United Nations Charter", "Charter of the United Nations"),
    # ambiguous: several documents, no single resolution among them
    ("217", ("ambiguous", ("A/RES/217(III)", "A/RES/217(VIII)"))),
    ("47/16", ("ambiguous", ("A/HRC/RES/47/16", "A/RES/47/16"))),
    # not found
    ("A/RES/99/999", None),
    ("decision 70/1", None),  # 70/1 is no decision
    ("Security Council resolution 70/1", None),
    ("1", None),
    ("194", None),  # a number alone is a Council or old Assembly resolution, not the tail of 79/194
    ("resolution", None),
    ("2721 (2023)", None),
    ("", None),
    ("Paris", None),  # a name is read whole
    ("Agenda", None),
    ("Beijing Declaration", None),  # a named instrument whose document is not in the graph
    ("the", None),
]


def graph() -> nx.DiGraph:
    G = nx.DiGraph()
    for key, kind, body, aliases in NODES:
        G.add_node(key, kind=kind, body=body, aliases=aliases)
    return G


def outcome(G, text):
    """What lookup gives for text, in the shape of CASES."""
    try:
        return lookup.resolve(G, text)
    except lookup.AmbiguousNode as err:
        return ("ambiguous", err.candidates)
    except lookup.NodeNotFound:
        return None


@pytest.mark.parametrize("text, expected", CASES)
def test_lookup_table(text, expected):
    assert outcome(graph(), text) == expected


@pytest.mark.parametrize("text", ["A/RES/99/999", "decision 70/1", "  1  "])
def test_failure_names_the_input(text):
    with pytest.raises(lookup.NodeNotFound) as err:
        lookup.resolve(graph(), text)
    assert str(err.value) == f"no document {text!r} in the graph"


def test_ambiguity_lists_candidates():
    with pytest.raises(lookup.AmbiguousNode) as err:
        lookup.resolve(graph(), "217")
    assert str(err.value) == "'217' is ambiguous: A/RES/217(III), A/RES/217(VIII)"


def test_a_resolution_wins_and_the_others_are_kept():
    m = lookup.lookup(graph(), "70/1")
    assert (m.node, m.rule, m.others) == ("A/RES/70/1", "tail", ("A/70/1",))
    assert lookup.lookup(graph(), "1325").rule == "base"
    assert lookup.lookup(graph(), "s/res/2720 (2023)").rule == "exact"


def test_analysis_find_node_is_the_lookup():
    G = graph()
    for text, expected in CASES:
        if isinstance(expected, str):
            assert analysis.find_node(G, text) == expected
    assert analysis.NodeNotFound is lookup.NodeNotFound


def test_rules_are_data_that_javascript_can_read():
    data = json.loads(lookup.RULES_FILE.read_text(encoding="utf-8"))
    patterns = [p for p, _ in data["characters"]] + [q["pattern"] for q in data["qualifiers"]] + \
        [p for p, _ in data["compact"]] + [data["trim"], data["part"]["pattern"], data["session_paren"]]
    for p in patterns:  # no Python-only syntax: named groups, (?<=..), inline flags, \A \Z
        assert "(?P" not in p and "(?<" not in p and "(?i" not in p and "\\A" not in p and "\\Z" not in p, p


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    from graph import export

    path = tmp_path_factory.mktemp("lookup") / "graph.json"
    G = graph()
    for key, *_ in NODES:
        G.nodes[key].update(label=key, title="", subject="", date="", in_corpus=False, file="",
                            url=f"https://undocs.org/en/{key}")
    G.add_edge("A/RES/79/194", "A/RES/70/1", count=1, paragraphs="pp2", sentence="Recalling its resolution 70/1",
               surface="70/1")
    export.write_json(G, path)
    return path


@pytest.mark.parametrize("text, expected", [c for c in CASES if c[0].strip()])
def test_cli_show_resolves_the_same(graph_file, text, expected):
    result = CliRunner().invoke(main, ["show", text, "-g", str(graph_file)])
    if isinstance(expected, str):
        assert result.exit_code == 0, result.output
        assert result.stdout.split("  ")[0] == expected
    elif expected is None:
        assert result.exit_code == 1 and f"no document {text!r} in the graph" in result.output
    else:
        assert result.exit_code == 1 and f"{text!r} is ambiguous: " + ", ".join(expected[1]) in result.output


def test_cli_path_and_focus_use_the_lookup(graph_file, tmp_path):
    result = CliRunner().invoke(main, ["path", "resolution 79/194", "res. 70/1", "-g", str(graph_file)])
    assert result.exit_code == 0, result.output
    assert "A/RES/79/194" in result.stdout and "A/RES/70/1" in result.stdout
    bad = CliRunner().invoke(main, ["path", "79/194", "217", "-g", str(graph_file)])
    assert bad.exit_code == 1 and "'217' is ambiguous" in bad.output


@pytest.mark.parametrize("query, found", [
    ("A/RES/79/194", "A/RES/79/194"),
    ("79/194", "A/RES/79/194"),  # a resolution wins over A/C.2/79/194
    ("E/2024/3", "A/79/62"),  # an alias of the joint symbol A/79/62-E/2024/3
    ("S/RES/2720 (2023)", "S/RES/2720(2023)"),
])
def test_lookup_in_a_built_graph(query, found):
    from graph.build import build_graph
    from ingest.model import Document, Reference

    docs = [Document(file="A_79_62.txt", symbol="A/79/62-E/2024/3", symbol_source="text", format="text",
                     paragraphs=())]
    refs = [Reference(source="A/79/62", target=t, kind="explicit", paragraph="op1")
            for t in ("A/RES/79/194", "A/C.2/79/194", "S/RES/2720(2023)", "A/RES/78/1")]
    assert lookup.resolve(build_graph(docs, refs), query) == found
