"""Issue 15's "Done when" figures on a real build, and how fast its files load.

Usage::

    python benchmarks/bench_data.py [CORPUS] [--out DIR] [--rounds N]

builds CORPUS (default ``../shared/corpus/text``) into DIR (default: a new temporary folder, removed
after) as ``citegraph build`` does (cache and reading pages included), then prints:

* the graph's size: references, nodes (in the corpus / cited only), edges;
* corpus documents without a title (target: at most 1%);
* nodes with a symbol or a session but no year (target: 0), nodes dated before their session
  opened, and edges that cite a later document (``later``; each is a misread kept and flagged);
* absolute paths in the files written: every file under DIR, the cache included, searched for the
  build folder's, the input's, the working folder's and the home folder's absolute path (target: 0);
* whether ``graph.graphml`` and ``graph.gexf`` validate against ``tests/schemas/`` (GraphML, GEXF 1.3);
* the list separator the files use and whether ``output/README.md`` names it;
* loading the graph: igraph's ``Read_GraphML``, NetworkX's ``read_graphml`` and the Parquet node and
  edge tables with pandas, in N interleaved rounds (default 3): median and range of wall-clock and
  CPU seconds, with the load average before and after (the machine is shared: quote the ratios).

Run it alone on the machine's timing lock: ``python benchmarks/bench_data.py`` (with nothing else running).
"""
from __future__ import annotations

import argparse
import os
import pathlib
import shutil
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import grammar  # noqa: E402
from graph import pipeline  # noqa: E402
from graph.build import is_symbol  # noqa: E402
from graph.schema import SEP  # noqa: E402
from corpora import shared_path  # noqa: E402


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _timed(fn) -> tuple[float, float]:
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def _opened(key: str, session: str, body: str):
    if not session:
        return None
    code = "HRC" if key.startswith("A/HRC/") else "GA" if body in ("General Assembly", "United Nations conference") \
        else None
    return grammar.session_year(code, session) if code else None


def node_figures(out: pathlib.Path) -> None:
    import pandas as pd

    nodes = pd.read_parquet(out / "nodes.parquet")
    edges = pd.read_parquet(out / "edges.parquet")
    refs = pd.read_parquet(out / "references.parquet", columns=["source"])
    corpus = nodes[nodes.in_corpus]
    print(f"graph: {len(refs):,} references, {len(nodes):,} nodes ({len(corpus):,} in the corpus), "
          f"{len(edges):,} edges")
    untitled = corpus[corpus.title.fillna("") == ""]
    print(f"corpus documents without a title: {len(untitled)} of {len(corpus):,} "
          f"({len(untitled) / max(1, len(corpus)):.2%}; target at most 1%)")
    gives = nodes.id.map(lambda k: is_symbol(k) and grammar.symbol_year(k) is not None)
    undated = nodes[(gives | (nodes.session.fillna("") != "")) & nodes.year.isna()]
    print(f"nodes with a symbol or a session but no year: {len(undated)} (target 0) {undated.id.tolist()[:10]}")
    opened = [_opened(k, s or "", b or "") for k, s, b in zip(nodes.id, nodes.session, nodes.body)]
    early = [(k, int(y)) for k, y, o in zip(nodes.id, nodes.year, opened) if o is not None and y == y and y < o]
    print(f"nodes dated before their session opened: {len(early)} {early[:8]}")
    print(f"edges citing a later document (later): {int(edges.later.sum())}")


def machine_paths(out: pathlib.Path, corpus: pathlib.Path) -> None:
    needles = {str(out), os.path.realpath(out), str(corpus.resolve()), os.path.realpath(corpus), os.getcwd(),
               str(pathlib.Path.home()) + os.sep}
    needles = {n.encode() for n in needles if len(n) > 1}
    files = [f for f in out.rglob("*") if f.is_file()]
    leaks = sorted({f.relative_to(out).as_posix() for f in files if any(n in f.read_bytes() for n in needles)})
    cache = sum(1 for f in files if ".citegraph-cache" in f.parts)
    print(f"files holding an absolute path: {len(leaks)} of {len(files):,} ({cache} of them the cache's) {leaks[:5]}")


def validity(out: pathlib.Path) -> None:
    from lxml import etree

    for name, xsd in (("graph.graphml", "graphml.xsd"), ("graph.gexf", "gexf.xsd")):
        schema = etree.XMLSchema(etree.parse(str(ROOT / "tests" / "schemas" / xsd)))
        ok = schema.validate(etree.parse(str(out / name), etree.XMLParser(huge_tree=True)))
        print(f"{name} validates against tests/schemas/{xsd}: {'yes' if ok else 'NO'}"
              + ("" if ok else f" {[e.message for e in schema.error_log][:3]}"))
    readme = (ROOT / "output" / "README.md").read_text(encoding="utf-8")
    said = f"` {SEP.strip()} `" in readme.replace("\\|", "|")
    print(f"list separator in the files: {SEP!r}; output/README.md names it: {'yes' if said else 'NO'}")


def load_times(out: pathlib.Path, rounds: int) -> None:
    import igraph
    import networkx as nx
    import pandas as pd

    graphml = str(out / "graph.graphml")
    ways = {
        "igraph Read_GraphML": lambda: igraph.Graph.Read_GraphML(graphml),
        "networkx read_graphml": lambda: nx.read_graphml(graphml),
        "pandas read_parquet (nodes + edges)": lambda: (pd.read_parquet(out / "nodes.parquet"),
                                                        pd.read_parquet(out / "edges.parquet")),
    }
    size = os.path.getsize(graphml) / 1e6
    print(f"loading ({rounds} interleaved rounds; graph.graphml {size:.0f} MB; load average {_load()}):")
    got: dict[str, list[tuple[float, float]]] = {k: [] for k in ways}
    for _ in range(rounds):
        for name, fn in ways.items():
            got[name].append(_timed(fn))
    base = statistics.median(w for w, _ in got["igraph Read_GraphML"])
    for name, runs in got.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(f"  {name:38s} wall {statistics.median(walls):6.2f} s [{min(walls):.2f}-{max(walls):.2f}]  "
              f"CPU {statistics.median(cpus):6.2f} s [{min(cpus):.2f}-{max(cpus):.2f}]  "
              f"x{statistics.median(walls) / base:.1f} igraph's wall")
    print(f"load average after: {_load()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(shared_path("corpus", "text")))
    ap.add_argument("--out", help="build folder (default: a temporary one, removed after)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    corpus = pathlib.Path(args.corpus)
    if not corpus.exists():
        sys.exit(f"{corpus}: no such corpus")
    out = pathlib.Path(args.out) if args.out else pathlib.Path(tempfile.mkdtemp(prefix="bench-data-"))
    try:
        print(f"citegraph at {ROOT}; corpus {corpus}; load average {_load()}")
        t = _timed(lambda: pipeline.build([corpus], out, progress=False))
        print(f"build: {t[0]:.1f} s wall, {t[1]:.1f} s CPU of this process (the reading processes not counted)")
        node_figures(out)
        machine_paths(out, corpus)
        validity(out)
        load_times(out, args.rounds)
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
