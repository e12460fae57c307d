#!/usr/bin/env python3
"""Time-to-interactive of the explorer page for the sample corpus and the full shared corpus.

usage: python3 benchmarks/bench_explorer.py [FOLDER ...] [--max-nodes N] [--runs R] [--cache DIR]

For each corpus (default: samples/ and ../shared/corpus/text) the graph is built
(extraction cached in DIR, default output/bench-explorer/), the page written with
`write_explorer`, then opened R times in headless Chromium (Debian's, via
Playwright). Figures:

* write   - seconds to compute the page in Python (selection, layout, JSON, HTML);
* size    - page size in MB;
* ready   - milliseconds from navigation start until the graph is drawn and the
            controls answer (the page's first `afterDrawing`), median of R runs;
* filter  - ms to hide the Security Council (click on its box until the next frame);
* search  - ms for the search box to list the matches of "70/125";
* focus   - ms to focus on the most cited document (depth 2) until the next frame.
"""
import argparse
import pathlib
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import pipeline  # noqa: E402
from graph.explorer import write_explorer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

NEXT_FRAME = "new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))"


def measure(browser, path: pathlib.Path) -> dict:
    ctx = browser.new_context(viewport={"width": 1400, "height": 850})
    page = ctx.new_page()
    external = []
    ctx.route("**/*", lambda route: (route.continue_() if route.request.url.startswith(("file:", "data:"))
                                     else (external.append(route.request.url), route.abort())))
    page.goto(path.as_uri())
    page.wait_for_function("() => window.citegraph && window.citegraph.ready", timeout=120_000)
    out = {"ready": page.evaluate("() => window.citegraph.readyMs")}
    out["filter"] = page.evaluate("""async () => {
        const box = document.querySelector('#filter-body input[data-name="Security Council"]');
        if (!box) return null;
        const t = performance.now(); box.click(); await %s; return performance.now() - t; }""" % NEXT_FRAME)
    out["search"] = page.evaluate("""async () => {
        const s = document.querySelector('#search'); s.value = '70/125';
        const t = performance.now();
        s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));
        await %s; return performance.now() - t; }""" % NEXT_FRAME)
    out["found"] = page.inner_text("#panel h3") if page.query_selector("#panel h3") else ""
    out["focus"] = page.evaluate("""async () => {
        document.querySelector('#reset').click();
        const top = window.citegraph.data.nodes.reduce((a, b) => (b.cited > a.cited ? b : a));
        document.querySelector('#focus-symbol').value = top.id;
        document.querySelector('#focus-depth').value = '2';
        const t = performance.now(); document.querySelector('#focus-go').click(); await %s;
        return performance.now() - t; }""" % NEXT_FRAME)
    out["external"] = len(external)
    ctx.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*", default=[str(ROOT / "samples"), str(ROOT.parent / "shared/corpus/text")])
    ap.add_argument("--max-nodes", type=int, default=None, help="as write_explorer (default: its cap)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cache", default=str(ROOT / "output" / "bench-explorer"))
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for i, folder in enumerate(a.folders):
            name = pathlib.Path(folder).name if pathlib.Path(folder).name != "text" else "shared corpus"
            corpus = pipeline.build([folder], pathlib.Path(a.cache) / f"{i}-{pathlib.Path(folder).name}",
                                    progress=False, write=False, html=False)
            G = corpus.graph
            path = pathlib.Path(tmp) / f"{i}.html"
            t = time.perf_counter()
            summary = write_explorer(G, path, max_nodes=a.max_nodes)
            t_write = time.perf_counter() - t
            runs = [measure(browser, path) for _ in range(a.runs)]
            med = {k: statistics.median(r[k] for r in runs if r[k] is not None) if any(r[k] is not None for r in runs)
                   else float("nan") for k in ("ready", "filter", "search", "focus")}
            rows.append((name, len(corpus.documents), summary, t_write, med, runs))
            print(f"{name}: {len(corpus.documents)} documents, graph {summary['graph_nodes']} nodes / "
                  f"{summary['graph_edges']} edges; drawn {summary['nodes']} / {summary['edges']} "
                  f"(left out {summary['left_out_nodes']} / {summary['left_out_edges']}), "
                  f"physics {'on' if summary['physics'] else 'off'}", flush=True)
            print(f"  write {t_write:5.2f} s   size {summary['bytes'] / 1e6:5.1f} MB   "
                  f"ready {med['ready']:6.0f} ms   filter {med['filter']:5.0f} ms   search {med['search']:5.0f} ms   "
                  f"focus {med['focus']:5.0f} ms   (median of {a.runs}; ready per run: "
                  f"{', '.join(str(round(r['ready'])) for r in runs)})", flush=True)
            if any(r["external"] for r in runs):
                print(f"  WARNING: {max(r['external'] for r in runs)} external requests refused", flush=True)
            if runs[0]["found"] != "A/RES/70/125":
                print(f"  note: search for 70/125 showed {runs[0]['found']!r}", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
