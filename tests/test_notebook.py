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
    saved = {k: os.environ.get(k) for k in ("CITEGRAPH_OUT", "PYTHONPATH")}
    os.environ["CITEGRAPH_OUT"] = str(out)  # the kernel inherits the environment
    # the kernel imports this checkout's citegraph, not another installed one
    os.environ["PYTHONPATH"] = os.pathsep.join([str(NOTEBOOK.parent.parent), *filter(None, [saved["PYTHONPATH"]])])
    try:
        NotebookClient(run, kernel_name="python3", timeout=600,
                       resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
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
    assert any("image/png" in o.get("data", {}) for o in _cell(run, "plot_citations_by_year").outputs)
    members = _text(_cell(run, "community_members"))  # communities with their members' symbols and titles
    assert "A/RES/70/1" in members and "Transforming our world" in members
    ego = _text(_cell(run, "inline_html"))
    assert "<iframe" in ego and "A/RES/79/194" in ego
    # offline: no script, style or frame from another address
    assert not re.search(r"(?:src|href)=(?:&quot;|\")https?://", ego), re.findall(r"https?://[^\s&\"]+", ego)[:3]
    assert f"{out / 'graph.graphml'}" in _text(_cell(run, "write_graphml"))


@pytest.mark.slow
def test_the_ego_network_draws_offline_in_a_real_browser(executed, browser, tmp_path):
    """The ego network cell's output, opened in headless Chromium with every request outside the
    machine refused: the explorer in its frame starts, draws 79/194 and its neighbours, and nothing
    was fetched (it was blank without internet when it loaded vis.js from a CDN)."""
    run, _ = executed
    html = next(o.data["text/html"] for o in _cell(run, "inline_html").outputs if "text/html" in o.get("data", {}))
    page_file = tmp_path / "ego.html"
    page_file.write_text(f"<!doctype html><html><body>{html}</body></html>", encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    refused, errors = [], []

    def route(r):
        if r.request.url.split(":", 1)[0] in ("file", "data", "about", "blob"):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(page_file.as_uri())
        page.wait_for_selector("iframe")
        inner = next(f for f in page.frames if f != page.main_frame)
        inner.wait_for_function("() => window.citegraph && window.citegraph.ready", timeout=60_000)
        drawn = inner.evaluate("() => ({canvases: [...document.querySelectorAll('canvas')]"
                               ".filter(c => c.offsetWidth > 0 && c.offsetHeight > 0).length, "
                               "text: document.body.innerText})")
        assert drawn["canvases"] >= 1  # a view is drawn (sigma's WebGL canvases)
        assert "A/RES/79/194" in drawn["text"]
        page.screenshot(path=str(tmp_path / "ego.png"))
        assert refused == [] and errors == [], (refused, errors)
    finally:
        context.close()
