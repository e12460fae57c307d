"""Full build against a rebuild after one file changed (the per-file cache at work).

    python benchmarks/bench_build.py [--corpus ../shared/corpus/text] [--jobs N] [--no-html]

The corpus is copied to a temporary folder (one file there gets a new
paragraph); the builds write into another temporary folder. Prints one line
per build: seconds for reading, for the graph, for the files, and the total,
with the number of files read and taken from the cache; then the time of each
file written alone, and the graph's size.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import shutil
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import export, pipeline  # noqa: E402
from graph.files import CACHE_DIRNAME, tool_version  # noqa: E402
from graph.build import build_graph  # noqa: E402
from corpora import shared_path  # noqa: E402


def timed_build(src: pathlib.Path, out: pathlib.Path, jobs, html: bool) -> dict:
    t0 = time.perf_counter()
    corpus = pipeline.read_corpus([src], cache_dir=out / CACHE_DIRNAME, jobs=jobs, progress=False)
    t1 = time.perf_counter()
    G = build_graph(corpus.documents, corpus.references)
    t2 = time.perf_counter()
    export.write_all(G, corpus.references, out, html=html)
    t3 = time.perf_counter()
    return {"read_s": t1 - t0, "graph_s": t2 - t1, "write_s": t3 - t2, "total_s": t3 - t0, "graph": G,
            "references_list": corpus.references,
            "files_read": corpus.read,
            "from_cache": corpus.cached, "failed": corpus.failed, "documents": len(corpus.documents),
            "references": len(corpus.references), "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
            "in_corpus": sum(1 for _, d in G.nodes(data=True) if d["in_corpus"])}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(shared_path("corpus", "text")))
    ap.add_argument("--jobs", type=int, default=None, help="processes (default: all cores)")
    ap.add_argument("--no-html", action="store_true", help="skip graph.html")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="citegraph-bench-") as tmp:
        src, out = pathlib.Path(tmp) / "corpus", pathlib.Path(tmp) / "out"
        shutil.copytree(args.corpus, src)
        files = sorted(p for p in src.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))
        runs = [("full build (empty cache)", timed_build(src, out, args.jobs, not args.no_html))]
        runs.append(("rebuild, nothing changed", timed_build(src, out, args.jobs, not args.no_html)))
        changed = files[len(files) // 2]
        with open(changed, "a", encoding="utf-8") as f:
            f.write("\n\nRecalling its resolution 70/1 of 25 September 2015,\n")
        runs.append((f"rebuild, one file changed ({changed.name})", timed_build(src, out, args.jobs, not args.no_html)))
        print(f"corpus {args.corpus}: {len(files)} files; jobs {args.jobs or os.cpu_count()}; "
              f"tool {tool_version()}")
        print(f"{'':44} {'read s':>7} {'graph s':>7} {'write s':>7} {'total s':>7} {'read':>5} {'cached':>6}")
        for name, r in runs:
            print(f"{name[:44]:44} {r['read_s']:7.1f} {r['graph_s']:7.1f} {r['write_s']:7.1f} {r['total_s']:7.1f} "
                  f"{r['files_read']:5d} {r['from_cache']:6d}")
        r = runs[-1][1]
        parts = {}
        for name in export.FILES:
            if name == "graph.html" and args.no_html:
                continue
            t = time.perf_counter()
            export._write_one(name, r["graph"], r["references_list"], pathlib.Path(tmp))
            parts[name] = time.perf_counter() - t
        print("each file alone: " + ", ".join(f"{k} {v:.1f} s" for k, v in parts.items()))
        print(f"documents {r['documents']} ({r['failed']} failed), references {r['references']}, nodes {r['nodes']} "
              f"({r['in_corpus']} in the corpus), edges {r['edges']}")
        sizes = {n: (out / n).stat().st_size for n in export.FILES if (out / n).exists()}
        print("files: " + ", ".join(f"{n} {s / 1e6:.1f} MB" for n, s in sizes.items()))


if __name__ == "__main__":
    main()
