#!/usr/bin/env python3
"""Targets found in each official PDF against its Word twin, and recall of both.

usage: python3 benchmarks/pdf_vs_word.py [FOLDER ...] [--backend pdfium|pdfplumber|both] [--show N]

Each FOLDER (default: ../shared/corpus/pdf, the 18 official PDFs, and tests/pdfs/twins, the
twins made by scripts/make_twin_pdfs.py with ligature glyphs and line-end hyphens) holds X.pdf,
X.docx and links.tsv (the targets each document cites: for the official PDFs, the links the
UN embedded in the Word version; for the made twins, what their text cites: file, target,
count). For each pair it prints the number of distinct targets from the PDF and from the Word
file, their Jaccard index, and the recall of the links key from each. With --show N it lists
up to N targets found on one side only, per file.
"""
from __future__ import annotations

import argparse
import collections
import csv
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ingest  # noqa: E402
from ingest import read_docx, read_pdf  # noqa: E402
from corpora import shared_path  # noqa: E402


def targets(doc) -> set[str]:
    return {r.target for r in ingest.extract(doc)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*", default=[str(shared_path("corpus", "pdf")),
                                                    str(ROOT / "tests" / "pdfs" / "twins")])
    ap.add_argument("--backend", default="pdfium", choices=["pdfium", "pdfplumber", "both"])
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    key: dict[str, set[str]] = collections.defaultdict(set)
    pairs = []
    for folder in map(pathlib.Path, a.folders):
        links = folder / "links.tsv"
        if links.exists():
            with open(links, newline="", encoding="utf-8") as f:
                for r in csv.DictReader(f, delimiter="\t"):
                    key[r["file"]].add(r["target"])
        pairs += [(pdf, pdf.with_suffix(".docx")) for pdf in sorted(folder.glob("*.pdf"))
                  if pdf.with_suffix(".docx").exists()]
    backends = ["pdfium", "pdfplumber"] if a.backend == "both" else [a.backend]
    head = f"{'file':<22} {'word':>5}"
    for b in backends:
        head += f" {b + ' pdf':>15} {'jaccard':>8} {'recall':>7} {'s':>6}"
    head += f" {'word recall':>11}"
    print(head)
    tot = {b: [0, 0, 0.0, []] for b in backends}  # hits, pages time, jaccards
    word_hits = 0
    n_key = sum(len(key[pdf.stem]) for pdf, _ in pairs)
    for pdf, twin in pairs:
        w = targets(read_docx(twin))
        k = key.get(pdf.stem, set())
        word_hits += len(k & w)
        row = f"{pdf.stem:<22} {len(w):>5}"
        for b in backends:
            t = time.perf_counter()
            p = targets(read_pdf(pdf, backend=b))
            dt = time.perf_counter() - t
            jac = len(p & w) / len(p | w) if p | w else 1.0
            tot[b][0] += len(k & p)
            tot[b][2] += dt
            tot[b][3].append(jac)
            row += f" {len(p):>15} {jac:>8.3f} {len(k & p) / len(k) if k else 1:>7.3f} {dt:>6.2f}"
            if a.show:
                only_p = sorted(p - w)[: a.show]
                only_w = sorted(w - p)[: a.show]
                if only_p or only_w:
                    row += f"\n    {b}: pdf only {only_p}\n    {b}: word only {only_w}"
        row += f" {len(k & w) / len(k) if k else 1:>11.3f}"
        print(row, flush=True)
    for b in backends:
        hits, _, secs, jacs = tot[b]
        print(f"{b}: exact recall {hits / n_key:.3f} ({hits}/{n_key}); Jaccard min {min(jacs):.3f}, "
              f"mean {sum(jacs) / len(jacs):.3f}; files >= 0.95: {sum(j >= 0.95 for j in jacs)}/{len(jacs)}; "
              f"{secs:.1f} s")
    print(f"word: exact recall {word_hits / n_key:.3f} ({word_hits}/{n_key})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
