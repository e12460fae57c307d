#!/usr/bin/env python3
"""Re-create the sample corpus in samples/ from ../shared/corpus (run once; the result is committed).

The sample is resolution 79/194 plus the documents of ../shared/corpus/text that are
related to it: the ones it cites (by the hand-checked gold), the ones the UN's own links
show citing it or its ICT-for-development predecessors, and the documents that cite at
least three of the texts 79/194 cites. Capped at 70 text files, chosen deterministically.
"""
import csv
import pathlib
import shutil
import sys

SHARED = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
OUT = pathlib.Path(__file__).resolve().parent.parent / "samples"
CAP = 70


def main() -> None:
    corpus = SHARED / "corpus"
    gold = set()
    for name in ("A_RES_79_194.tsv", "A_RES_79_194.named.tsv"):
        with open(SHARED / "gold" / name, encoding="utf-8") as f:
            gold |= {r["target"] for r in csv.DictReader(f, delimiter="\t")}
    present = {p.stem for p in (corpus / "text").glob("*.txt")}
    chosen = [t.replace("/", "_") for t in sorted(gold) if t.replace("/", "_") in present]
    series = {"A/RES/79/194", "A/RES/78/132", "A/RES/77/150", "A/RES/70/125"}
    with open(corpus / "text-links.tsv", encoding="utf-8") as f:
        links = list(csv.DictReader(f, delimiter="\t"))
    citing = sorted({r["file"] for r in links if r["target"] in series} - {"A_RES_79_194"})
    shared_targets: dict[str, set] = {}
    for r in links:
        if r["target"] in gold:
            shared_targets.setdefault(r["file"], set()).add(r["target"])
    coupled = sorted((f for f, t in shared_targets.items() if len(t) >= 3),
                     key=lambda f: (-len(shared_targets[f]), f))
    for f in citing + coupled:
        if f not in chosen and f != "A_RES_79_194" and len(chosen) < CAP:
            chosen.append(f)
    (OUT / "text").mkdir(parents=True, exist_ok=True)
    shutil.copy(corpus / "A_RES_79_194.md", OUT / "A_RES_79_194.md")
    for f in sorted(chosen):
        shutil.copy(corpus / "text" / f"{f}.txt", OUT / "text" / f"{f}.txt")
    print(f"{len(chosen)} text files + A_RES_79_194.md in {OUT}")


if __name__ == "__main__":
    main()
