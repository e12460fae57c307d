#!/usr/bin/env python3
"""Take docs/explorer.png: the explorer of the sample corpus in headless Chromium.

usage: python3 scripts/screenshot.py [OUT.png] [--symbol 79/194]

Builds the sample graph (samples/), writes the page to a temporary folder, opens
it in Debian's chromium through Playwright, looks up SYMBOL with the search box
(which selects it and opens its details), hovers one of its citations so that
the tooltip shows, and saves the screenshot.
"""
import argparse
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import pipeline  # noqa: E402
from graph.explorer import write_explorer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=str(ROOT / "docs" / "explorer.png"))
    ap.add_argument("--symbol", default="79/194")
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        corpus = pipeline.build([ROOT / "samples"], tmp, progress=False, write=False, html=False)
        page_path = pathlib.Path(tmp) / "graph.html"
        write_explorer(corpus.graph, page_path)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 860})
            page.goto(page_path.as_uri())
            page.wait_for_function("() => window.citegraph && window.citegraph.ready", timeout=60_000)
            page.fill("#search", a.symbol)
            page.press("#search", "Enter")
            page.wait_for_function("() => document.querySelector('#panel h3') !== null")
            page.evaluate("() => window.citegraph.network.moveTo({scale: 0.8})")
            # hover the citation to the most cited document the selected one cites
            point = page.evaluate("""() => { const net = window.citegraph.network;
                const id = net.getSelectedNodes()[0];
                const edges = Object.values(net.body.edges).filter(e => e.fromId === id && e.toId !== id);
                if (!edges.length) return null;
                edges.sort((a, b) => window.citegraph.data.nodes.find(n => n.id === b.toId).cited
                                   - window.citegraph.data.nodes.find(n => n.id === a.toId).cited);
                const p = net.canvasToDOM(edges[0].edgeType.getPoint(0.55));
                const r = document.querySelector('#graph canvas').getBoundingClientRect();
                return [r.left + p.x, r.top + p.y]; }""")
            if point:
                page.mouse.move(*point)
                page.wait_for_timeout(400)
            out = pathlib.Path(a.out)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
            browser.close()
    print(out)


if __name__ == "__main__":
    main()
