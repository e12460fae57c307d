"""What the reading pages add to `citegraph build`: the same build with and without them, side by side.

    python benchmarks/bench_pages.py [--corpus ../shared/corpus/text] [--rounds 3] [--jobs N]

Each round runs, in fresh processes and alternating which goes first, `citegraph build CORPUS -o OUT`
with `--no-pages` and with the pages (one per document, plus "Changes since OLD" for each document
whose series predecessor is in the corpus), both into an empty output folder (a full build: every
file read, every page made), then both again on what they left (a rebuild with nothing changed: the
files come from the cache and the pages, unchanged, are kept). Prints each time (wall clock, and the CPU time of
the build's processes together), the median of each and the ratio of the medians: the pages may add
at most 20% to a full build (issue 18). The pages are made in other processes while the build writes
the graph's files, so on idle cores they cost less wall time than CPU time; on a machine shared with
other work the two come closer. Also prints how many pages, how many with changes, and their size.
"""
from __future__ import annotations

import argparse
import os
import resource
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from corpora import shared_path

ROOT = pathlib.Path(__file__).resolve().parent.parent
#: What the pages may add to a build, in per cent of its time (issue 18).
LIMIT = 20


def run(corpus: pathlib.Path, out: pathlib.Path, pages: bool, cache: bool, jobs) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system, the build's processes together) and the output."""
    cmd = [sys.executable, "-m", "graph.cli", "build", str(corpus), "-o", str(out)]
    cmd += [] if pages else ["--no-pages"]
    cmd += ["-j", str(jobs)] if jobs else []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    took = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{p.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return took, cpu, p.stdout


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = shared_path("corpus", "text")
    ap.add_argument("--corpus", default=str(shared),
                    help="the corpus to build (default: the shared corpus, ../shared beside the checkout or its folder)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None, help="processes (default: all cores)")
    a = ap.parse_args(argv)
    if not pathlib.Path(a.corpus).is_dir():
        sys.exit(f"bench_pages: no corpus folder {a.corpus} (give --corpus)")
    times: dict[tuple[str, str], list[float]] = {}
    cpus: dict[tuple[str, str], list[float]] = {}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="citegraph-pages-") as tmp:
        out_plain, out_pages = pathlib.Path(tmp) / "plain", pathlib.Path(tmp) / "pages"
        summary = ""
        for r in range(a.rounds):
            order = [False, True] if r % 2 == 0 else [True, False]
            for cache in (False, True):
                for pages in order:
                    out = out_pages if pages else out_plain
                    if not cache:
                        shutil.rmtree(out, ignore_errors=True)
                    took, cpu, stdout = run(pathlib.Path(a.corpus), out, pages, cache, a.jobs)
                    key = ("full build" if not cache else "rebuild, warm cache", "pages" if pages else "no pages")
                    times.setdefault(key, []).append(took)
                    cpus.setdefault(key, []).append(cpu)
                    if pages:
                        summary = next((line for line in stdout.splitlines() if line.startswith("pages")), summary)
                    print(f"round {r + 1}: {key[0]:<20} {key[1]:<8} {took:6.1f} s wall {cpu:6.1f} s CPU", flush=True)
        docs = out_pages / "docs"
        size = sum(f.stat().st_size for f in docs.iterdir())
        print(f"\ncorpus {a.corpus}; jobs {a.jobs or os.cpu_count()}; {a.rounds} rounds, median seconds "
              f"(load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end)")
        verdict = []
        for what in ("full build", "rebuild, warm cache"):
            for name, table in (("wall", times), ("CPU", cpus)):
                plain = statistics.median(table[(what, "no pages")])
                with_pages = statistics.median(table[(what, "pages")])
                added = 100 * (with_pages / plain - 1)
                verdict.append(f"{what} {name} {added:+.1f}% {'met' if added <= LIMIT else 'NOT met'}")
                print(f"{what:<20} {name:<4} no pages {plain:6.1f}   with pages {with_pages:6.1f}   "
                      f"pages add {added:+5.1f}%")
        print(f"{summary.strip()}; {len(list(docs.glob('*.html')))} files, {size / 1e6:.0f} MB")
        print(f"issue 18 (pages add at most {LIMIT}%): " + "; ".join(verdict))


if __name__ == "__main__":
    main()
