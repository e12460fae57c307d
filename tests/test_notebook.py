"""notebooks/explore.ipynb: committed clean, calls the package only, runs top to bottom."""
from __future__ import annotations

import pathlib
import re

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = pathlib.Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NOTEBOOK, as_version=4)


def _code(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_committed_without_outputs(nb):
    for cell in _code(nb):
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_has_no_logic_of_its_own(nb):
    for cell in _code(nb):
        assert not re.search(r"^\s*(def|class|for|while|if)\b", cell.source, re.M), cell.source[:60]


@pytest.fixture(scope="module")
def executed(nb, tmp_path_factory):
    import os

    out = tmp_path_factory.mktemp("nb-out")
    run = nbformat.from_dict(nb)
    old = os.environ.get("CITEGRAPH_OUT")
    os.environ["CITEGRAPH_OUT"] = str(out)  # the kernel inherits the environment
    try:
        NotebookClient(run, kernel_name="python3", timeout=600,
                       resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    finally:
        if old is None:
            del os.environ["CITEGRAPH_OUT"]
        else:
            os.environ["CITEGRAPH_OUT"] = old
    return run, out


def _text(cell) -> str:
    parts = []
    for o in cell.outputs:
        if o.output_type == "stream":
            parts.append(o.text)
        elif "data" in o:
            parts.append(str(o.data.get("text/plain", "")) + str(o.data.get("text/html", "")))
    return "\n".join(parts)


def _cell(run, needle):
    return next(c for c in _code(run) if needle in c.source)


@pytest.mark.slow
def test_runs_top_to_bottom(executed):
    run, out = executed
    for cell in _code(run):
        assert not [o for o in cell.outputs if o.output_type == "error"], cell.source[:60]
    assert re.search(r"49 documents, \d+ references, \d+ nodes, \d+ edges", _text(_cell(run, "pipeline.build")))
    assert (out / "graph.json").exists() and (out / "graph.graphml").exists()


@pytest.mark.slow
def test_shows_the_frames_the_plot_the_ego_network_and_the_export(executed):
    run, out = executed
    assert "A/RES/70/1" in _text(_cell(run, "analysis.most_cited(G, 15)"))
    series = _text(_cell(run, "analysis.series"))
    assert "A/RES/56/183" in series and "A/RES/78/132" in series
    assert any("image/png" in o.get("data", {}) for o in _cell(run, "plot_lineage").outputs)
    ego = _text(_cell(run, "inline_html"))
    assert "<iframe" in ego and "A/RES/79/194" in ego
    assert f"{out / 'graph.graphml'}" in _text(_cell(run, "write_graphml"))
