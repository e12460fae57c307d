#!/usr/bin/env python3
"""Take the README's screenshots of the explorer in headless Chromium (Debian's, via Playwright).

usage: python3 scripts/screenshot.py [OUT_DIR] [--corpus FOLDER] [--focus 79/194]
                                    [--path-corpus FOLDER] [--path "S/RES/2720 (2023)" "217 (III)"]

Builds the corpus (default: samples/) and, for the path, PATH_CORPUS (default: the shared
corpus beside the checkout, else the sample), writes their pages to a temporary folder and
saves, at 1440x900:

* ``explorer-overview.png`` - the overview, the most cited document's details open;
* ``explorer-focus.png``    - the focus on FOCUS laid out by time, a citation open in the panel;
* ``explorer-path.png``     - the path between the two PATH documents.

The page shows file names relative to the corpus folder, so no machine path is in any picture.
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
    ap.add_argument("out", nargs="?", default=str(ROOT / "docs"))
    ap.add_argument("--corpus", default=str(ROOT / "samples"))
    ap.add_argument("--focus", default="79/194")
    ap.add_argument("--path", nargs=2, default=["S/RES/2720 (2023)", "217 (III)"])
    shared = next((p / "shared" / "corpus" / "text" for p in (ROOT.parent, ROOT.parent.parent)
                   if (p / "shared" / "corpus" / "text").is_dir()), None)
    ap.add_argument("--path-corpus", default=str(shared) if shared else None)
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = pipeline.build([a.corpus], tmp, progress=False, write=False, html=False)
        page_path = pathlib.Path(tmp) / "graph.html"
        write_explorer(corpus.graph, page_path)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.goto(page_path.as_uri())
            page.wait_for_function("() => window.citegraph && window.citegraph.ready", timeout=120_000)
            # the overview, the most cited document's details open
            top = max(corpus.graph, key=corpus.graph.in_degree)
            page.evaluate("id => window.citegraph.goTo(id)", top)
            page.evaluate("() => window.citegraph.renderer().getCamera().setState({x: 0.5, y: 0.5, ratio: 1})")
            page.mouse.click(700, 880)  # an empty spot of the stage: the selection is cleared, the details stay
            page.wait_for_timeout(500)
            page.screenshot(path=str(out / "explorer-overview.png"))
            # the focus laid out by time, a citation open
            page.fill("#focus-symbol", a.focus)
            page.click("#focus-go")
            page.wait_for_timeout(300)
            item = page.locator("ul.cites.out li").first
            if item.count():
                item.click()
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / "explorer-focus.png"))
            # a path
            if a.path_corpus:
                other = pipeline.build([a.path_corpus], pathlib.Path(tmp) / "path", progress=False, write=False, html=False)
                write_explorer(other.graph, pathlib.Path(tmp) / "path.html")
                page.goto((pathlib.Path(tmp) / "path.html").as_uri())
                page.wait_for_function("() => window.citegraph && window.citegraph.ready", timeout=120_000)
            else:
                page.click("#reset")
            page.fill("#path-from", a.path[0])
            page.fill("#path-to", a.path[1])
            page.click("#path-go")
            page.wait_for_timeout(500)
            page.screenshot(path=str(out / "explorer-path.png"))
            browser.close()
    for name in ("explorer-overview.png", "explorer-focus.png", "explorer-path.png"):
        print(out / name)


if __name__ == "__main__":
    main()
