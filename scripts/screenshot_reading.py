#!/usr/bin/env python3
"""Take docs/reading.png: the reading page of 79/194 in headless Chromium, beside its
"Changes since 78/132" section (its head, then its paragraphs with the changed words marked).

usage: python3 scripts/screenshot_reading.py [OUT.png] [--symbol 79/194]

Builds the sample corpus (samples/) with its reading pages into a temporary folder, opens the
page of SYMBOL in Debian's chromium through Playwright, hovers its first citation so that the
tooltip shows and takes the top of the page; then scrolls to the section "Changes since ..." and
takes its head, and to its first changed operative paragraph; the three are saved side by side.
"""
import argparse
import io
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import lookup, pipeline  # noqa: E402
from graph.reading import page_path  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTH, HEIGHT = 1000, 900


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=str(ROOT / "docs" / "reading.png"))
    ap.add_argument("--symbol", default="79/194")
    a = ap.parse_args()
    from PIL import Image
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        corpus = pipeline.build([ROOT / "samples"], tmp, progress=False)
        page_file = page_path(tmp, lookup.resolve(corpus.graph, a.symbol))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
                       else r.abort())
            page.goto(page_file.resolve().as_uri())
            page.locator("#pp1 a.ref").first.hover()
            page.locator("#tip").wait_for(state="visible")
            top = Image.open(io.BytesIO(page.screenshot()))
            page.mouse.move(0, 0)
            page.evaluate("document.getElementById('changes').scrollIntoView()")
            page.evaluate("window.scrollBy(0, -40)")
            changes = Image.open(io.BytesIO(page.screenshot()))
            page.evaluate("document.querySelector('li.pc.changed[id^=\"chg-op\"]').scrollIntoView()")
            page.evaluate("window.scrollBy(0, -40)")
            words = Image.open(io.BytesIO(page.screenshot()))
            browser.close()
    panels = [top, changes, words]
    out = Image.new("RGB", (WIDTH * len(panels) + 12 * (len(panels) - 1), HEIGHT), "#9aa4ae")
    for i, im in enumerate(panels):
        out.paste(im, (i * (WIDTH + 12), 0))
    out.save(a.out, optimize=True)
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
