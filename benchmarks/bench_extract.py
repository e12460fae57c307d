#!/usr/bin/env python3
"""Speed of `extract` against one plain regex pass over the same files, in the same run.

usage: python3 benchmarks/bench_extract.py [FOLDER] [--limit N]

The regex pass is what a "handful of regexes" extractor costs: read and decode each
file, then one `finditer` of a resolution-number/symbol pattern. `extract` is the whole
of citegraph's ingest: decode, structure, references with relations, pinpoints and
context. Figures are MB/s (of file bytes) and the ratio of the two times. `extract` is
timed three ways: in one process; on all cores as `citegraph extract` reads (the
references in memory, as the regex pass has its matches); and the whole of
`extract --format jsonl` but Python's start (its JSON lines made in the reading
processes, written to a null sink).
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
    ap.add_argument("--rounds", type=int, default=3,
                    help="measure each way this many times, interleaved, and keep the best (default 3): "
                         "a shared machine's speed drifts within one run")
    a = ap.parse_args()
    files = sorted(pathlib.Path(a.folder).rglob("*.txt"))
    if a.limit:
        files = files[: a.limit]
    size = sum(f.stat().st_size for f in files) / 1e6
    from graph.cli import jsonl_lines
    from graph.pipeline import read_corpus

    def plain_pass() -> int:
        n = 0
        for f in files:
            n += sum(1 for _ in PLAIN.finditer(f.read_bytes().decode("utf-8", errors="replace")))
        return n

    from ingest import find, symbols
    from ingest.find import body
    data_caches = (body.body_for_number, find.marks_of, symbols.canonical_written, symbols.number_form,
                   symbols.resolve_number, symbols.describe, symbols.symbol_from_filename)

    def one_process() -> int:
        # cold, as a new process starts: no symbol or body worked out in an earlier round
        for cache in data_caches:
            cache.cache_clear()
        return sum(len(ingest.extract(ingest.read_document(f))) for f in files)

    def cli() -> int:
        # what `citegraph extract` runs: all cores, names learned across the corpus
        return len(read_corpus(files, cache_dir=None, progress=False, texts=False).references)

    def cli_jsonl() -> int:
        # `extract --format jsonl` whole, but Python's start: the JSON lines made on all cores, written to a null sink
        encoded = read_corpus(files, cache_dir=None, progress=False, texts=False, encode=jsonl_lines).encoded
        with open(os.devnull, "w", encoding="utf-8") as sink:
            sink.writelines(encoded)
        return sum(e.count("\n") for e in encoded)

    ways = (("plain", plain_pass), ("one", one_process), ("cli", cli), ("jsonl", cli_jsonl))
    best = {name: float("inf") for name, _ in ways}
    counts = {}
    for _ in range(max(1, a.rounds)):
        for name, fn in ways:
            t0 = time.perf_counter()
            counts[name] = fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    t_plain, t_one, t_cli, t_jsonl = best["plain"], best["one"], best["cli"], best["jsonl"]
    print(f"files: {len(files)}  size: {size:.1f} MB  cores: {os.cpu_count()}  best of {max(1, a.rounds)} rounds")
    print(f"plain regex pass          : {t_plain:6.2f} s  {size / t_plain:7.2f} MB/s  ({counts['plain']} matches)")
    print(f"extract, one process      : {t_one:6.2f} s  {size / t_one:7.2f} MB/s  ({counts['one']} references)"
          f"  ratio {t_one / t_plain:.2f}x")
    print(f"extract, all cores (CLI)  : {t_cli:6.2f} s  {size / t_cli:7.2f} MB/s  ({counts['cli']} references)"
          f"  ratio {t_cli / t_plain:.2f}x")
    print(f"extract --format jsonl    : {t_jsonl:6.2f} s  {size / t_jsonl:7.2f} MB/s  ({counts['jsonl']} references)"
          f"  ratio {t_jsonl / t_plain:.2f}x  (the whole command but Python's start)")
    print("target: extract at most 2x the regex pass")


if __name__ == "__main__":
    main()
