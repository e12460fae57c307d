#!/usr/bin/env python3
"""The Dask engine's cost per document, beside the local engine, and what a million documents need.

    python3 benchmarks/bench_dask.py [--corpus ../shared/corpus/text] [--synthetic N] [--workers 2]
                                     [--rounds 2] [--scheduler ADDRESS] [--engines local,dask]

Builds the corpus (the shared texts, or ``--synthetic N`` documents made from them by
``benchmarks/synthetic.py``) with the local engine and with the Dask engine, in interleaved
rounds (local, Dask, local, Dask ...), each with a fresh store (``cache=False``), no reading pages
and no explorer page (what is timed is the read-and-extract stage; the graph and the files are the
same code for both engines). The Dask engine runs on a ``LocalCluster`` of ``--workers`` processes
of one thread, started once before the rounds (its start-up is printed apart), or on
``--scheduler``'s cluster.

Prints, per round and engine: the reading stage's wall time and the whole build's; then for the
Dask engine: the workers' CPU seconds per document (both passes, measured in each task:
``time.process_time``), the workers' peak resident size (``ru_maxrss`` of each worker process,
reported with its tasks), the client's CPU seconds per document in the reading stage (reading
the files' bytes, hashing them for the store, decoding the Parquet parts, writing the store) and
the client's peak resident size; and the median ratio Dask/local of the reading stage. Last, what a
million documents would need from these figures: worker-hours, time on W workers, worker memory,
and the client's share. Say the load average when quoting: it is printed too.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import resource
import shutil
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from graph import pipeline  # noqa: E402
from graph.engine import DaskEngine  # noqa: E402
from corpora import shared_path  # noqa: E402

GIB = 2**30


def _build(src, out: pathlib.Path, engine=None, jobs=None) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    cpu0, t0 = time.process_time(), time.perf_counter()
    corpus = pipeline.build([src], out, cache=False, jobs=jobs, progress=False, pages=False, html=False,
                            engine=engine)
    wall = time.perf_counter() - t0
    return {"documents": len(corpus.documents), "references": corpus.reference_count,
            "reading": corpus.timings["reading"], "total": wall, "client_cpu": time.process_time() - cpu0,
            "failed": corpus.failed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=pathlib.Path, default=shared_path("corpus", "text"))
    ap.add_argument("--synthetic", type=int, default=0, metavar="N", help="N documents made from the corpus")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (one thread each)")
    ap.add_argument("--jobs", type=int, default=None, help="local engine processes [default: all cores]")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--scheduler", default=None, help="an existing cluster instead of a LocalCluster")
    ap.add_argument("--engines", default="local,dask", help="which engines to run, in this order each round")
    args = ap.parse_args()

    work = pathlib.Path(tempfile.mkdtemp(prefix="bench-dask-"))
    try:
        src = args.corpus
        if args.synthetic:
            from synthetic import make_corpus
            src = work / "corpus"
            n = make_corpus(src, args.synthetic, args.corpus)
            print(f"synthetic corpus: {n} documents from {args.corpus}")
        t0 = time.perf_counter()
        engine = DaskEngine(args.scheduler, workers=args.workers, threads=1)
        started = time.perf_counter() - t0
        print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print(f"{engine.describe()} (started in {started:.1f} s)")
        rows = {"local": [], "dask": []}
        cpu, files, rss = [], [], []
        with engine:
            for r in range(args.rounds):
                for name in args.engines.split(","):
                    got = _build(src, work / name, engine if name == "dask" else None, args.jobs)
                    rows[name].append(got)
                    line = (f"round {r + 1} {name:5s}: reading {got['reading']:6.1f} s, build {got['total']:6.1f} s, "
                            f"{got['documents']} documents, {got['references']} references, {got['failed']} failed")
                    if name == "dask":
                        f = engine.figures
                        cpu.append(f["cpu"])
                        files.append(got["documents"] + got["failed"])
                        rss.append(max(f["peak_rss"].values()) if f["peak_rss"] else 0)
                        line += (f"; workers {f['cpu']:.1f} CPU s in {f['tasks']} tasks, peak RSS "
                                 f"{rss[-1] / GIB:.2f} GiB; client {got['client_cpu']:.1f} CPU s")
                    print(line, flush=True)
        print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        docs = statistics.median(files)
        worker_cpu = statistics.median(c / d for c, d in zip(cpu, files))
        client_cpu = statistics.median(g["client_cpu"] / d for g, d in zip(rows["dask"], files))
        ratios = [d["reading"] / l["reading"] for d, l in zip(rows["dask"], rows["local"])]
        worker_rss = max(rss)
        client_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(f"\nper document ({docs:.0f} files): workers {worker_cpu * 1000:.1f} ms CPU (both passes); "
              f"client {client_cpu * 1000:.1f} ms CPU (the whole build: reading stage, graph, files)")
        print(f"worker peak RSS {worker_rss / GIB:.2f} GiB (the biggest worker); client peak RSS "
              f"{client_rss / GIB:.2f} GiB (this process: both engines' builds, graph and files included)")
        if ratios:
            print(f"reading stage, Dask / local (median of {args.rounds} interleaved rounds): "
                  f"{statistics.median(ratios):.2f}x")
        million = 1_000_000
        hours = worker_cpu * million / 3600
        print(f"\na million documents like these: {hours:.1f} worker CPU-hours for read and extract;")
        for w in (8, 32, 128):
            print(f"  {w:4d} one-thread workers: about {hours / w * 60:.0f} min, worker memory about "
                  f"{worker_rss / GIB:.2f} GiB each ({w * worker_rss / GIB:.0f} GiB in all)")
        print(f"  the client: about {client_cpu * million / 3600:.1f} CPU-hours at this per-document cost "
              f"(files' bytes, hashes, the store, the graph and the files)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
