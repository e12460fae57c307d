#!/usr/bin/env python3
"""The explorer page against the vis-network page it replaced, side by side, in one run.

usage: python3 benchmarks/bench_explorer.py [--sizes sample,shared,30000] [--rounds R] [--cache DIR]
                                            [--baseline REV] [--json FILE]

For each corpus - the sample (samples/), the shared corpus (../shared/corpus/text) and a
synthetic corpus of 30,000 documents (benchmarks/synthetic.py: the shared texts, each copy
renamed as a document of its own) - the graph is built (extraction cached in DIR, default
output/bench-explorer/) and two pages are written from the same graph: today's sigma.js page
(graph.explorer) and the vis-network page of revision REV (default: the last revision that had
the vis-network page, read from git into a temporary folder, with its own defaults: an overview
of 3,000 documents). The two pages are then opened in turn, R rounds (default 5), the order of
the two alternating from round to round, each time in a fresh tab of one headless Chromium
(Debian's, via Playwright, 1440x900, no GPU: WebGL is SwiftShader's, on the CPU). Figures are
the median over the rounds and, in brackets, the best round; the load average of the machine
is printed with each corpus.

What each figure includes (what a user waits for, nothing else):

* size    - the page, MB;
* ready   - ms from navigation start (the page's time origin) until the page says it is ready:
            data parsed, graph built, first frame drawn, controls live;
* frame   - ms between two drawings while the mouse drags the overview (24 moves, each sent as
            soon as the page took the one before, as a fast hand does) and then turns the wheel
            (6 notches, 60 ms apart: each starts the renderer's zoom animation, whose frames
            count): the median interval between the renderer's draw events during the gesture.
            Below ~17 ms the page keeps up with the display (60 frames a second);
* draw    - (sigma only) ms to draw one still frame of the whole overview, WebGL work finished
            (render, then a one-pixel read back of each WebGL layer, which waits for it): the
            cost that frames, search, filter and reset all pay;
* instanced - (sigma only) "draw" again with the same programs drawn instanced, as sigma's own
            programs draw (one instance per node or edge): what the page's plain programs save;
* search  - ms from Enter in the search box ("70/125") until the frame that shows the result
            has been drawn: hits listed, the first selected, its neighbours marked, the overview
            centred on it (no camera animation: the view jumps). The 150 ms pause the box waits
            after a keystroke before searching as one types is not counted;
* filter  - ms from unticking the Security Council until the frame without it is drawn;
* reset   - ms from Reset (after the search and the filter above) until the reset overview is drawn;
* focus   - ms from Focus on the most cited document (depth 2) until its view, laid out by time,
            is drawn.

"Until drawn" is measured in the page: the action runs, then two animation frames pass, the
first of which draws (and the browser's compositor takes the picture, waiting for the WebGL
work). Every request is routed: anything not file:/data: is refused and reported. The machine
is shared and noisy: compare the two pages of a row, measured in the same run.
"""
import argparse
import json
import os
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
from corpora import shared_path  # noqa: E402

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
    page.mouse.up()
    for _ in range(6):
        page.mouse.wheel(0, -100)
        page.wait_for_timeout(60)
    page.wait_for_timeout(400)
    draws = page.evaluate("window.__draws")
    gaps = [b - a for a, b in zip(draws, draws[1:])]
    return statistics.median(gaps) if gaps else float("nan")


#: one still frame of the whole overview, WebGL work finished (sigma only; see "draw" above)
DRAW = """() => { const s = window.citegraph.renderer(), gl = Object.values(s.webGLContexts), px = new Uint8Array(4);
    const sync = () => gl.forEach(c => c.readPixels(0, 0, 1, 1, c.RGBA, c.UNSIGNED_BYTE, px));
    const out = [];
    for (let k = 0; k < 5; k++) { sync(); const t = performance.now(); s.render(); sync(); out.push(performance.now() - t); }
    return out.sort((a, b) => a - b)[2]; }"""
#: the same with the page's programs drawn instanced, as sigma draws them: each program the page
#: registers is plain(Base) (page.js), whose prototype's constructor is Base
INSTANCED = """() => { const s = window.citegraph.renderer(), base = p => Object.getPrototypeOf(p.constructor);
    const pick = (programs) => Object.fromEntries(Object.entries(programs).filter(([k, p]) => p.constructor.name === 'Plain').map(([k, p]) => [k, base(p)]));
    s.setSetting('nodeProgramClasses', Object.assign({}, s.getSetting('nodeProgramClasses'), pick(s.nodePrograms)));
    s.setSetting('edgeProgramClasses', Object.assign({}, s.getSetting('edgeProgramClasses'), pick(s.edgePrograms))); }"""


def timed(page, script: str) -> float:
    return page.evaluate("async () => { const t = performance.now(); " + script + "; await " + NEXT_FRAME +
                         "; return performance.now() - t; }")


FIGURES = ("ready", "frame", "draw", "instanced", "search", "filter", "reset", "focus")


def measure(browser, path: pathlib.Path, kind: str, top: str) -> dict:
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    refused = []
    ctx.route("**/*", lambda route: (route.continue_() if route.request.url.startswith(("file:", "data:"))
                                     else (refused.append(route.request.url), route.abort())))
    page.goto(path.as_uri())
    page.wait_for_function("() => window.citegraph && window.citegraph.ready", timeout=300_000)
    out = {"ready": page.evaluate("() => window.citegraph.readyMs")}
    page.wait_for_timeout(1000)  # the page builds its search index when idle after ready
    out["frame"] = interaction_frames(page, kind)
    page.wait_for_timeout(300)
    out["draw"] = page.evaluate(DRAW) if kind == "sigma" else None
    out["search"] = timed(page, """const s = document.querySelector('#search'); s.value = '70/125';
        s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}))""")
    page.wait_for_timeout(300)
    out["filter"] = timed(page, """const b = document.querySelector('#filter-body input[data-name="Security Council"]');
        if (b) b.click()""")
    page.wait_for_timeout(300)
    out["reset"] = timed(page, "document.querySelector('#reset').click()")
    page.wait_for_timeout(300)
    out["focus"] = timed(page, """document.querySelector('#focus-symbol').value = %r;
        document.querySelector('#focus-depth').value = '2'; document.querySelector('#focus-go').click()""" % top)
    if kind == "sigma":  # last: it changes the page's programs
        closed = page.evaluate("() => { document.querySelector('#back').click(); return window.citegraph.view(); }")
        page.evaluate(INSTANCED)
        page.wait_for_timeout(300)
        out["instanced"] = page.evaluate(DRAW) if closed == "overview" else None
    else:
        out["instanced"] = None
    out["refused"] = len(refused)
    ctx.close()
    return out


def summarise(runs: list[dict]) -> dict:
    """figure -> (median, best) over the rounds; None where a page has no such figure."""
    out = {}
    for k in FIGURES:
        values = [r[k] for r in runs if r.get(k) is not None]
        out[k] = (statistics.median(values), min(values)) if values else None
    return out


def load() -> str:
    return "load average %.1f %.1f %.1f" % os.getloadavg()


def corpus_folder(name: str, cache: pathlib.Path) -> pathlib.Path:
    shared = shared_path("corpus", "text")
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
    ap.add_argument("--rounds", "--runs", type=int, default=5)
    ap.add_argument("--cache", default=str(ROOT / "output" / "bench-explorer"))
    ap.add_argument("--baseline", default=None, help="git revision of the vis-network page (default: see above)")
    ap.add_argument("--json", default=None, help="also write every round's figures to this file")
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    cache = pathlib.Path(a.cache)
    cache.mkdir(parents=True, exist_ok=True)
    rows, raw = [], {}
    print(f"{os.cpu_count()} cores, headless Chromium without GPU (SwiftShader WebGL), {a.rounds} rounds; "
          "figures: median [best round]", flush=True)
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
            pages = {}
            for kind, write in (("sigma", write_explorer), ("vis", legacy.write_explorer)):
                path = tmp / f"{name}-{kind}.html"
                t = time.perf_counter()
                summary = write(G, path)
                pages[kind] = (path, summary["nodes"], time.perf_counter() - t)
            before = load()
            runs = {"sigma": [], "vis": []}
            for r in range(a.rounds):  # interleaved, the order alternating
                for kind in (("sigma", "vis") if r % 2 == 0 else ("vis", "sigma")):
                    runs[kind].append(measure(browser, pages[kind][0], kind, top))
            print(f"  {before} before, {load()} after", flush=True)
            raw[label] = runs
            for kind in ("sigma", "vis"):
                path, drawn, t_write = pages[kind]
                fig = summarise(runs[kind])
                refused = max(r["refused"] for r in runs[kind])
                row = (label, "sigma.js (now)" if kind == "sigma" else "vis-network (before)", drawn,
                       path.stat().st_size / 1e6, t_write, fig, refused)
                rows.append(row)
                print(f"  {row[1]:<21} draws {drawn:>6,}  page {row[3]:5.1f} MB  write {t_write:5.1f} s  "
                      + "  ".join(f"{k} {v[0]:5.0f} [{v[1]:4.0f}]" if v else f"{k}     -       " for k, v in fig.items())
                      + (f"  REFUSED {refused} requests" if refused else ""), flush=True)
        browser.close()
    if a.json:
        pathlib.Path(a.json).write_text(json.dumps(raw, indent=1), encoding="utf-8")
    print("\n| corpus | page | overview draws | page size | ready | frame (pan, zoom) | draw (still) | instanced | search | filter | reset | focus |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for label, kind, drawn, mb, _, fig, _ in rows:
        def cell(k):
            v = fig[k]
            if v is None:
                return "-"
            if k == "ready":
                return f"{v[0] / 1000:.2f} s [{v[1] / 1000:.2f}]"
            return f"{v[0]:.0f} ms [{v[1]:.0f}]"
        print(f"| {label} | {kind} | {drawn:,} | {mb:.1f} MB | " + " | ".join(cell(k) for k in FIGURES) + " |")


if __name__ == "__main__":
    main()
