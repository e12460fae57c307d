#!/usr/bin/env python3
"""The explorer page against the vis-network page it replaced, side by side, in one run.

usage: python3 benchmarks/bench_explorer.py [--sizes sample,shared,30000] [--runs R] [--cache DIR]
                                            [--baseline REV]

For each corpus - the sample (samples/), the shared corpus (../shared/corpus/text) and a
synthetic corpus of 30,000 documents (benchmarks/synthetic.py: the shared texts, each copy
renamed as a document of its own) - the graph is built (extraction cached in DIR, default
output/bench-explorer/) and two pages are written from the same graph: today's sigma.js page
(graph.explorer) and the vis-network page of revision REV (default: the last revision that had
the vis-network page, read from git into a temporary folder, with its own defaults: an overview
of 3,000 documents). Each page is opened R times in headless Chromium (Debian's, via
Playwright, 1440x900) and measured; figures are medians:

* size    - the page, MB;
* ready   - ms from navigation start until the page says it is ready (drawn, controls live);
* frame   - ms between two drawings while the mouse drags the graph and then zooms with the
            wheel (median interval of the renderer's draw events during that interaction);
* search  - ms from Enter in the search box ("70/125") to the next frame;
* filter  - ms from unticking the Security Council to the next frame;
* reset   - ms from Reset to the next frame;
* focus   - ms from Focus on the most cited document (depth 2) to the next frame.

Every request is routed: anything not file:/data: is refused and reported. The machine is
shared and noisy: compare the two pages of a row, measured in the same run.
"""
import argparse
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from graph import pipeline  # noqa: E402
from graph.explorer import write_explorer  # noqa: E402

import synthetic  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NEXT_FRAME = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r())))"

# What differs between the two pages: how to hear a drawing.
HOOKS = {
    "sigma": {"draws": "window.citegraph.renderer().on('afterRender', () => window.__draws.push(performance.now()))"},
    "vis": {"draws": "window.citegraph.network.on('afterDrawing', () => window.__draws.push(performance.now()))"},
}


def legacy_module(rev: str, tmp: pathlib.Path):
    """graph/explorer.py of revision ``rev`` with its template and vis-network, as an importable module."""
    pkg = tmp / "legacy_explorer"
    (pkg / "templates").mkdir(parents=True)
    (pkg / "assets").mkdir()

    def show(path: str) -> bytes:
        return subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"], check=True, capture_output=True).stdout

    src = show("graph/explorer.py").decode("utf-8")
    src = src.replace("from ingest.model import CitegraphError", "from ingest import CitegraphError")
    src = re.sub(r"from \.lookup import (\w+(?:, \w+)*)", r"from graph.lookup import \1", src)
    src = src.replace("from .export import atomic_write", "from graph.files import atomic_write")
    src = src.replace("from .files import atomic_write", "from graph.files import atomic_write")
    (pkg / "__init__.py").write_text(src, encoding="utf-8")
    for name in ("explorer.html", "explorer.js", "explorer.css"):
        (pkg / "templates" / name).write_bytes(show(f"graph/templates/{name}"))
    (pkg / "assets" / "vis-network.min.js").write_bytes(show("graph/assets/vis-network.min.js"))
    sys.path.insert(0, str(tmp))
    import legacy_explorer  # noqa: E402

    return legacy_explorer


def default_baseline() -> str:
    """The last revision that had the vis-network page (graph/explorer.py and graph/templates/explorer.js)."""
    gone = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%H", "--", "graph/templates/explorer.js"],
                          check=True, capture_output=True, text=True).stdout.strip()
    return gone + "^"


def interaction_frames(page, kind: str) -> float:
    """Median ms between drawings while dragging and then wheel-zooming the graph."""
    page.evaluate("() => { window.__draws = []; " + HOOKS[kind]["draws"] + "; }")
    box = page.locator("#overview" if kind == "sigma" else "#graph").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(cx, cy)
    page.mouse.down()
    for k in range(1, 25):
        page.mouse.move(cx + 6 * k, cy + 3 * k, steps=1)
        page.wait_for_timeout(16)
    page.mouse.up()
    for _ in range(6):
        page.mouse.wheel(0, -100)
        page.wait_for_timeout(60)
    page.wait_for_timeout(400)
    draws = page.evaluate("window.__draws")
    gaps = [b - a for a, b in zip(draws, draws[1:])]
    return statistics.median(gaps) if gaps else float("nan")


def timed(page, script: str) -> float:
    return page.evaluate("async () => { const t = performance.now(); " + script + "; await " + NEXT_FRAME +
                         "; return performance.now() - t; }")


def measure(browser, path: pathlib.Path, kind: str, top: str) -> dict:
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    refused = []
    ctx.route("**/*", lambda route: (route.continue_() if route.request.url.startswith(("file:", "data:"))
                                     else (refused.append(route.request.url), route.abort())))
    page.goto(path.as_uri())
    page.wait_for_function("() => window.citegraph && window.citegraph.ready", timeout=300_000)
    out = {"ready": page.evaluate("() => window.citegraph.readyMs")}
    page.wait_for_timeout(300)
    out["frame"] = interaction_frames(page, kind)
    out["search"] = timed(page, """const s = document.querySelector('#search'); s.value = '70/125';
        s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}))""")
    out["filter"] = timed(page, """const b = document.querySelector('#filter-body input[data-name="Security Council"]');
        if (b) b.click()""")
    out["reset"] = timed(page, "document.querySelector('#reset').click()")
    out["focus"] = timed(page, """document.querySelector('#focus-symbol').value = %r;
        document.querySelector('#focus-depth').value = '2'; document.querySelector('#focus-go').click()""" % top)
    out["refused"] = len(refused)
    ctx.close()
    return out


def corpus_folder(name: str, cache: pathlib.Path) -> pathlib.Path:
    shared = next((p / "shared" / "corpus" / "text" for p in (ROOT.parent, ROOT.parent.parent)
                   if (p / "shared" / "corpus" / "text").is_dir()), None)
    if name == "sample":
        return ROOT / "samples"
    if name == "shared":
        return shared
    n = int(name)
    folder = cache / f"synthetic-{n}"
    if not (folder / "done").exists():
        synthetic.make_corpus(folder, n, shared)
        (folder / "done").write_text("")
    return folder


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="sample,shared,30000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cache", default=str(ROOT / "output" / "bench-explorer"))
    ap.add_argument("--baseline", default=None, help="git revision of the vis-network page (default: see above)")
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    cache = pathlib.Path(a.cache)
    cache.mkdir(parents=True, exist_ok=True)
    rows = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        legacy = legacy_module(a.baseline or default_baseline(), tmp)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name in a.sizes.split(","):
            folder = corpus_folder(name, cache)
            t = time.perf_counter()
            corpus = pipeline.build([folder], cache / f"build-{name}", progress=False, write=False, html=False)
            t_build = time.perf_counter() - t
            G = corpus.graph
            top = max(G, key=G.in_degree)
            label = {"sample": "sample", "shared": "shared corpus"}.get(name) or f"synthetic {int(name):,}"
            print(f"{label}: {len(corpus.documents):,} documents, {G.number_of_nodes():,} nodes, "
                  f"{G.number_of_edges():,} edges (built in {t_build:.0f} s)", flush=True)
            for kind, write in (("sigma", write_explorer), ("vis", legacy.write_explorer)):
                path = tmp / f"{name}-{kind}.html"
                t = time.perf_counter()
                summary = write(G, path)
                t_write = time.perf_counter() - t
                runs = [measure(browser, path, kind, top) for _ in range(a.runs)]
                med = {k: statistics.median(r[k] for r in runs) for k in ("ready", "frame", "search", "filter", "reset", "focus")}
                row = (label, "sigma.js (now)" if kind == "sigma" else "vis-network (before)", summary["nodes"],
                       path.stat().st_size / 1e6, t_write, med, max(r["refused"] for r in runs))
                rows.append(row)
                print(f"  {row[1]:<21} draws {row[2]:>6,}  page {row[3]:6.1f} MB  write {t_write:5.1f} s  "
                      + "  ".join(f"{k} {v:6.0f} ms" for k, v in med.items())
                      + (f"  REFUSED {row[6]} requests" if row[6] else ""), flush=True)
        browser.close()
    print("\n| corpus | page | overview draws | page size | ready | frame (pan, zoom) | search | filter | reset | focus |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, kind, drawn, mb, _, med, _ in rows:
        print(f"| {label} | {kind} | {drawn:,} | {mb:.1f} MB | " + " | ".join(
            f"{med[k] / 1000:.2f} s" if k == "ready" else f"{med[k]:.0f} ms"
            for k in ("ready", "frame", "search", "filter", "reset", "focus")) + " |")


if __name__ == "__main__":
    main()
