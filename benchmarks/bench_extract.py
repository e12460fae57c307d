#!/usr/bin/env python3
"""Speed of `extract` against one plain regex pass over the same files, in the same run.

usage: python3 benchmarks/bench_extract.py [FOLDER] [--limit N]

The regex pass is what a "handful of regexes" extractor costs: read and decode each
file, then one `finditer` of a resolution-number/symbol pattern. `extract` is the whole
of citegraph's ingest: decode, structure, references with relations, pinpoints and
context. Figures are MB/s (of file bytes) and the ratio of the two times.
"""
import argparse
import os
import pathlib
import re
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

import ingest  # noqa: E402

PLAIN = re.compile(r"(?:resolutions?|decisions?)\s+(?:\d{1,4}/\d{1,3}|\d{1,4}\s\(\d{4}\))"
                   r"|\b(?:A|S|E|ST|UNEP)/[A-Z0-9./-]*\d[A-Z0-9./-]*")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(pathlib.Path(__file__).resolve().parents[2] / "shared/corpus/text"))
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    files = sorted(pathlib.Path(a.folder).rglob("*.txt"))
    if a.limit:
        files = files[: a.limit]
    size = sum(f.stat().st_size for f in files) / 1e6

    t0 = time.perf_counter()
    plain = 0
    for f in files:
        plain += sum(1 for _ in PLAIN.finditer(f.read_bytes().decode("utf-8", errors="replace")))
    t_plain = time.perf_counter() - t0

    t0 = time.perf_counter()
    refs = 0
    for f in files:
        refs += len(ingest.extract(ingest.read_document(f)))
    t_extract = time.perf_counter() - t0

    # what `citegraph extract` runs: all cores, names learned across the corpus (two passes)
    from graph.pipeline import read_corpus

    t0 = time.perf_counter()
    corpus = read_corpus(files, cache_dir=None, progress=False)
    t_cli = time.perf_counter() - t0

    print(f"files: {len(files)}  size: {size:.1f} MB  cores: {os.cpu_count()}")
    print(f"plain regex pass          : {t_plain:6.2f} s  {size / t_plain:7.2f} MB/s  ({plain} matches)")
    print(f"extract, one process      : {t_extract:6.2f} s  {size / t_extract:7.2f} MB/s  ({refs} references)"
          f"  ratio {t_extract / t_plain:.1f}x")
    print(f"extract, all cores (CLI)  : {t_cli:6.2f} s  {size / t_cli:7.2f} MB/s  ({len(corpus.references)} references)"
          f"  ratio {t_cli / t_plain:.1f}x")
    print("target: extract at most 2x the regex pass")


if __name__ == "__main__":
    main()
