"""graph.schema: the graph and every table keep to the names, types and order declared there."""
from __future__ import annotations

import csv
import io
import json

import pytest

from graph import analysis, export, schema
from graph.build import build_graph
from graph.cli import jsonl_lines
from ingest import Reference

from conftest import doc, ref

NODE = {a.name: a for a in schema.NODE_ATTRIBUTES}
EDGE = {a.name: a for a in schema.EDGE_ATTRIBUTES}
GRAPH = {a.name: a for a in schema.GRAPH_ATTRIBUTES}


@pytest.mark.parametrize("values, joined", [
    (["pp1", "op3"], "pp1 | op3"),
    (["pp1", "op3", "pp1"], "pp1 | op3"),  # distinct, in order of first appearance
    (["", None, "op2", None], "op2"),
    ([], ""),
    ([None, ""], ""),
    (["A/79/62-E/2024/3"], "A/79/62-E/2024/3"),  # a hyphen is not a separator
])
def test_join_and_split(values, joined):
    assert schema.join(values) == joined
    assert schema.split(joined) == list(dict.fromkeys(v for v in values if v))


def _graph_keeps_to_the_schema(G, measured: bool = False) -> None:
    for n, d in G.nodes(data=True):
        assert set(d) <= set(NODE), (n, set(d) - set(NODE))
        assert {k for k, a in NODE.items() if a.always and (measured or not a.measure)} <= set(d), n
        if not measured:
            assert not {k for k, a in NODE.items() if a.measure} & set(d), n  # build_graph measures nothing
        for k, v in d.items():
            assert type(v) is NODE[k].type, (n, k, v)
        assert d["kind"] and d["body"] and d["url"], n
    for u, v, d in G.edges(data=True):
        assert set(d) == set(EDGE), (u, v)
        for k, x in d.items():
            assert type(x) is EDGE[k].type, (u, v, k, x)
    assert set(G.graph) == set(GRAPH)
    for k, x in G.graph.items():
        assert type(x) is GRAPH[k].type, k


def test_a_graph_made_by_hand_keeps_to_the_schema():
    docs = [doc("A/RES/79/194", date="2024-12-19", title="ICT"), doc("A/79/62-E/2024/3")]
    refs = [ref("A/RES/79/194", "A/RES/78/132", "pp1", relation="recalling", target_date="2023-12-19"),
            ref("A/RES/79/194", "A/RES/78/132", "pp2", footnote="1", pinpoint="para. 3"),
            ref("A/RES/79/194", "Charter of the United Nations", "pp3", kind="named"),
            ref("A/RES/79/194", "A/RES/79/194", "op9", kind="self"),
            ref("A/RES/79/194", "E/2024/3", "op1")]
    G = build_graph(docs, refs)
    _graph_keeps_to_the_schema(G)
    assert "year" not in G.nodes["Charter of the United Nations"]  # the one attribute a node may lack
    assert schema.split(G.edges["A/RES/79/194", "A/RES/78/132"]["paragraphs"]) == ["pp1", "pp2"]
    assert schema.split(G.nodes["A/79/62"]["aliases"]) == ["A/79/62-E/2024/3", "E/2024/3"]


def test_the_sample_graph_keeps_to_the_schema(sample_corpus):
    _graph_keeps_to_the_schema(sample_corpus.graph, measured=True)


def _header(data: bytes) -> tuple:
    return tuple(next(csv.reader(io.StringIO(data.decode("utf-8")))))


def test_tables_have_the_schema_columns(sample_corpus):
    G, refs = sample_corpus.graph, sample_corpus.references
    assert _header(export.nodes_csv(G)) == schema.NODES_CSV_COLUMNS
    assert _header(export.edges_csv(G)) == schema.EDGE_COLUMNS
    assert _header(export.references_csv(refs)) == schema.REFERENCE_COLUMNS
    assert tuple(analysis.nodes_frame(G).columns) == schema.NODE_COLUMNS
    assert tuple(analysis.edges_frame(G).columns) == schema.EDGE_COLUMNS
    first = json.loads(jsonl_lines(refs[:1]))
    assert tuple(first) == schema.JSONL_FIELDS


def test_reference_columns_are_fields_of_a_reference():
    fields = set(schema.REFERENCE_FIELDS)
    assert set(schema.REFERENCE_COLUMNS) <= fields and set(schema.JSONL_FIELDS) <= fields
    assert schema.REFERENCE_FIELDS == tuple(Reference("a", "b", "explicit", "pp1").to_dict())
    assert len(set(schema.JSONL_FIELDS)) == len(schema.JSONL_FIELDS)


def test_every_attribute_is_named_once_with_a_scalar_type_and_a_meaning():
    for attrs in (schema.NODE_ATTRIBUTES, schema.EDGE_ATTRIBUTES, schema.GRAPH_ATTRIBUTES):
        names = [a.name for a in attrs]
        assert len(names) == len(set(names))
        assert all(a.type in (str, int, float, bool) and a.meaning for a in attrs)
        assert all(a.type is str for a in attrs if a.joined)
