#!/usr/bin/env python3
"""Full build, peak memory and rebuild after one changed file, at 2k, 10k, 30k and 100k documents.

    python benchmarks/bench_scale.py [--sizes 2135,10000,30000,100000] [--jobs N] [--args "..."]

Each corpus is made by ``benchmarks/synthetic.py`` (the shared texts copied with their own symbols
renamed; reused when already made). For each size, ``citegraph build CORPUS -o OUT`` runs as users
run it, a whole process (``python -m graph.cli`` of this checkout); its peak memory is the largest
sum of the resident set sizes of the process and all its descendants (the reading processes
included), sampled every 0.1 s. Then one file gets a new citation and the same command runs again
(the rebuild), after another file got a sentence with no citation and the command ran (a text-only
rebuild: the graph's files stand, only its page is made again); both files are put back at the end. Printed per size: full build, peak memory, rebuild,
rebuild / full, the output files' size (the cache apart), next to the figures of issue 16 (measured
before this work, same machine); and, since the machine is shared, the CPU seconds of the whole
process tree and the load average when each build started. With two sizes or more under 100,000,
the last line extrapolates 100,000 documents from the per-document slopes of CPU and peak memory
(and says so).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import psutil

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic import make_corpus  # noqa: E402
from corpora import shared_path  # noqa: E402

SOURCE = shared_path("corpus", "text")


def corpus_of(n: int, work: pathlib.Path, source: pathlib.Path = SOURCE) -> tuple[pathlib.Path, int]:
    """A synthetic corpus of ``n`` documents (``benchmarks/synthetic.py``) copied from ``source``, made
    once and kept in ``work`` (another source's under a name of its own); its folder and size in bytes."""
    import hashlib

    other = "" if source == SOURCE else "-" + hashlib.sha1(os.path.realpath(source).encode()).hexdigest()[:8]
    folder = work / f"citegraph-synthetic-{n}{other}"
    done = folder / "DONE"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        make_corpus(folder, n, source)
        done.write_text(f"{n}\n")
    return folder, sum(p.stat().st_size for p in folder.rglob("*.txt"))

#: Issue 16's table: documents -> (full build s, peak GiB, rebuild s, output MB).
ISSUE = {2135: (16.6, 0.40, 11.1, 125), 10675: (86, 1.49, 42, 551), 29890: (212, 3.98, 100, 1500),
         100345: (610, 13.1, 339, 5000)}


def _nearest(n: int) -> tuple:
    return ISSUE[min(ISSUE, key=lambda k: abs(k - n))]


def run_measured(cmd: list[str], env: dict) -> dict:
    """Run ``cmd``; wall seconds, peak RSS of the process tree (bytes), exit status, stderr tail."""
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            top = psutil.Process(proc.pid)
        except psutil.Error:
            return
        while not stop.is_set():
            total = 0
            try:
                procs = [top] + top.children(recursive=True)
            except psutil.Error:
                break
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, total)
            stop.wait(0.1)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    stop.set()
    watcher.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": time.perf_counter() - t0, "cpu": cpu, "load": load, "peak": peak, "rc": proc.returncode,
            "stdout": out, "stderr": err[-2000:]}


#: What the rebuilds change in one file: a citation added (the graph changes), a sentence with no citation (it does not).
CITATION_ADDED = "\n\nRecalling its resolution 70/1 of 25 September 2015,\n"
TEXT_ONLY = "\n\nThe meeting rose at 6 p.m.\n"


def rebuild_after(path: pathlib.Path, added: str, cmd: list[str], env: dict) -> dict:
    """``added`` appended to ``path`` and the build run again (measured); the caller puts it back."""
    with open(path, "a", encoding="utf-8") as f:
        f.write(added)
    return run_measured(cmd, env)


def slope(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares line through the points: (intercept, slope)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return my - b * mx, b


def output_size(out: pathlib.Path) -> tuple[int, int, int]:
    """Bytes of the output files, of the reading pages (docs/) and of the cache."""
    files = pages = cache = 0
    for p in out.rglob("*"):
        if not p.is_file():
            continue
        size = p.stat().st_size
        rel = p.relative_to(out).parts
        if rel[0] == ".citegraph-cache":
            cache += size
        elif rel[0] == "docs":
            pages += size
        else:
            files += size
    return files, pages, cache


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2135,10000,30000,100000",
                    help="numbers of documents, comma-separated: one synthetic corpus and its builds each")
    ap.add_argument("--corpus", type=pathlib.Path, default=SOURCE,
                    help="the texts the synthetic corpora are copied from, each named after its symbol "
                         "(default: the shared corpus, ../shared beside the checkout or its folder)")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--args", default="", help="more arguments for citegraph build (e.g. '--no-pages')")
    ap.add_argument("--work", type=pathlib.Path, default=pathlib.Path(tempfile.gettempdir()),
                    help="where corpora are made and kept (default: the temporary folder)")
    ap.add_argument("--json", type=pathlib.Path, default=None, help="also write the figures as JSON here")
    a = ap.parse_args(argv)
    if not a.corpus.is_dir():
        sys.exit(f"bench_scale: no corpus folder {a.corpus} (give --corpus)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rows = []
    print(f"machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB; "
          f"command: citegraph build CORPUS -o OUT {a.args}".rstrip())
    for n in [int(x) for x in a.sizes.split(",")]:
        corpus, size = corpus_of(n, a.work, a.corpus)
        out = pathlib.Path(tempfile.mkdtemp(prefix=f"citegraph-scale-{n}-", dir=a.work))
        cmd = [sys.executable, "-m", "graph.cli", "build", str(corpus), "-o", str(out)]
        if a.jobs:
            cmd += ["-j", str(a.jobs)]
        cmd += a.args.split()
        try:
            full = run_measured(cmd, env)
            if full["rc"]:
                print(f"{n}: build failed ({full['rc']}): {full['stderr']}")
                continue
            print(f"  {n}: full build {full['seconds']:.1f} s ({full['cpu']:.0f} s CPU, load {full['load']:.1f} before), "
                  f"peak {full['peak'] / 2**30:.2f} GiB (the rebuilds follow)", flush=True)
            files, pages, cache = output_size(out)
            first = sorted((corpus / "copy-0").glob("*.txt"))
            edited = {p: p.read_bytes() for p in (first[len(first) // 3], first[len(first) // 2])}
            try:  # each rebuild changes one file since the build before it
                text = rebuild_after(first[len(first) // 3], TEXT_ONLY, cmd, env)
                again = rebuild_after(first[len(first) // 2], CITATION_ADDED, cmd, env)
            finally:
                for p, original in edited.items():
                    p.write_bytes(original)
            summary = full["stdout"].splitlines()
            rows.append({"documents": n, "corpus_mb": size / 1e6,
                         "full_s": full["seconds"], "full_cpu": full["cpu"], "load": full["load"],
                         "peak_gib": full["peak"] / 2**30, "rebuild_s": again["seconds"], "rebuild_cpu": again["cpu"],
                         "rebuild_peak_gib": again["peak"] / 2**30, "rebuild_load": again["load"],
                         "text_s": text["seconds"], "text_cpu": text["cpu"], "text_load": text["load"],
                         "files_mb": files / 1e6, "pages_mb": pages / 1e6, "cache_mb": cache / 1e6,
                         "summary": summary[:6], "rebuild_summary": again["stdout"].splitlines()[:1],
                         "text_summary": [ln for ln in text["stdout"].splitlines() if ln.startswith("kept")]})
        finally:
            shutil.rmtree(out, ignore_errors=True)
        r = rows[-1]
        print(f"  {n}: full {r['full_s']:.1f} s ({r['full_cpu']:.0f} s CPU, load {r['load']:.1f} before), "
              f"peak {r['peak_gib']:.2f} GiB, rebuild {r['rebuild_s']:.1f} s ({r['rebuild_cpu']:.1f} s CPU, load "
              f"{r['rebuild_load']:.1f}), text-only rebuild {r['text_s']:.1f} s ({r['text_cpu']:.1f} s CPU, load "
              f"{r['text_load']:.1f}); {' / '.join(r['summary'][:1] + r['rebuild_summary'] + r['text_summary'])}",
              flush=True)
    print()
    print(f"{'documents':>10} {'corpus':>8} | {'full build':>10} {'peak mem':>9} {'rebuild':>8} {'reb/full':>8} "
          f"| {'full CPU':>8} {'reb. CPU':>8} {'reb/full':>8} | "
          f"{'outputs':>9} {'pages':>8} {'cache':>8} | issue: {'full':>6} {'peak':>6} {'rebuild':>7} {'outputs':>8}")
    for r in rows:
        i = _nearest(r["documents"])
        print(f"{r['documents']:>10,} {r['corpus_mb']:>6.0f}MB | {r['full_s']:>8.1f} s {r['peak_gib']:>5.2f} GiB "
              f"{r['rebuild_s']:>6.1f} s {100 * r['rebuild_s'] / r['full_s']:>7.1f}% "
              f"| {r['full_cpu']:>6.0f} s {r['rebuild_cpu']:>6.1f} s {100 * r['rebuild_cpu'] / r['full_cpu']:>7.1f}% | "
              f"{r['files_mb']:>6.0f} MB "
              f"{r['pages_mb']:>5.0f} MB {r['cache_mb']:>5.0f} MB | {i[0]:>6.0f}s {i[1]:>4.2f}G {i[2]:>6.0f}s {i[3]:>6.0f}MB")
    print()
    print(f"{'documents':>10} | rebuild, a citation added: {'wall':>8} {'CPU':>7} {'CPU/full':>8} | "
          f"a text edited, no citation: {'wall':>8} {'CPU':>7} {'CPU/full':>8}")
    for r in rows:
        print(f"{r['documents']:>10,} | {'':>26} {r['rebuild_s']:>6.1f} s {r['rebuild_cpu']:>5.1f} s "
              f"{100 * r['rebuild_cpu'] / r['full_cpu']:>7.1f}% | {'':>27} {r['text_s']:>6.1f} s {r['text_cpu']:>5.1f} s "
              f"{100 * r['text_cpu'] / r['full_cpu']:>7.1f}%")
    print("CPU: user + system seconds of the whole process tree (on a shared machine, steadier than wall time)")
    if len({r["documents"] for r in rows}) >= 2 and max(r["documents"] for r in rows) < 100_000:
        xs = [r["documents"] for r in rows]
        cpu0, cpu1 = slope(xs, [r["full_cpu"] for r in rows])
        mem0, mem1 = slope(xs, [r["peak_gib"] for r in rows])
        reb0, reb1 = slope(xs, [r["rebuild_cpu"] for r in rows])
        cpu100 = cpu0 + cpu1 * 100_000
        print(f"EXTRAPOLATED, not measured (least-squares lines through the sizes above): full build "
              f"{1000 * cpu1:.1f} ms CPU a document -> 100,000 documents {cpu100:.0f} s CPU, at best "
              f"{cpu100 / (os.cpu_count() or 1):.0f} s wall on {os.cpu_count()} idle cores; peak memory "
              f"{1000 * mem1 * 2**10:.0f} MiB per 1,000 documents -> {mem0 + mem1 * 100_000:.2f} GiB; rebuild "
              f"(a citation added) {reb0 + reb1 * 100_000:.0f} s CPU")
    print("targets (issue 16): 100,000 documents under 300 s and 4 GiB; rebuild within 5% of the full build")
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
