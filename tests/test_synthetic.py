"""benchmarks/synthetic.py: a larger corpus made from real texts, each copy a document of its own."""
from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic  # noqa: E402

from graph import pipeline  # noqa: E402


@pytest.mark.parametrize("symbol, k, expected", [
    ("A/RES/79/194", 0, "A/RES/79/194"),
    ("A/RES/79/194", 1, "A/RES/79/10194"),
    ("S/RES/2720(2023)", 1, "S/RES/12720(2023)"),
    ("A/RES/217(III)", 2, "A/RES/20217(III)"),
    ("E/RES/2024/13", 1, "E/RES/2024/10013"),
    ("A/HRC/RES/47/16", 3, "A/HRC/RES/47/30016"),
])
def test_renamed(symbol, k, expected):
    assert synthetic.renamed(symbol, k) == expected


def test_each_copy_is_a_distinct_document_that_cites_the_same_texts(tmp_path):
    # a few of the sample's texts, 70/1 among them: three copies of them are built (not of all 48)
    source = tmp_path / "source"
    source.mkdir()
    for f in ["A_RES_70_1.txt", *sorted(p.name for p in (ROOT / "samples" / "text").glob("A_RES_7*.txt"))[:5]]:
        (source / f).write_bytes((ROOT / "samples" / "text" / f).read_bytes())
    n_source = len(list(source.glob("*.txt")))
    written = synthetic.make_corpus(tmp_path / "syn", n_source * 2 + 5, source)
    assert written == n_source * 2 + 5
    assert sorted(p.name for p in (tmp_path / "syn").iterdir()) == ["copy-0", "copy-1", "copy-2"]
    corpus = pipeline.build([tmp_path / "syn"], None, jobs=1, progress=False)
    symbols = [d.symbol for d in corpus.documents]
    assert len(set(symbols)) == written  # every copy is a document of its own
    assert "A/RES/70/10001" in symbols and "A/RES/70/1" in symbols
    G = corpus.graph
    # a copy cites what its original cites (past its header, a text that names itself names the original)
    assert set(G.successors("A/RES/70/10001")) - {"A/RES/70/1"} == set(G.successors("A/RES/70/1"))
    assert len(set(G.successors("A/RES/70/1"))) >= 10
