#!/usr/bin/env python3
"""Count instrument names across a corpus: the evidence behind ingest/data/instruments.tsv.

usage: python3 scripts/count_names.py [FOLDER] [--top N]

Counts Title Case phrases that end in an instrument noun (Agenda, Declaration, Programme
of Action, Framework, ...) after "the", once per document, and prints the most frequent.
"""
import argparse
import collections
import pathlib
import re

NOUNS = (r"Agenda|Declaration|Programme of Action|Platform for Action|Plan of Action|Framework|Consensus|"
         r"Pathway|Strategy|Compact|Pact|Commitment|Charter|Covenant|Convention|Outcome|Plan of Implementation|"
         r"Principles|Protocol|Accord|Agreement")
WORD = r"(?:[A-Z0-9][\w’'+.-]*)"
LINK = r"(?:of|for|on|and|the|to|in|against|at|with|from|its|their|all)"
NAME = re.compile(r"\bthe\s+((?:" + WORD + r"\s+(?:" + LINK + r"\s+)*)*?(?:" + NOUNS + r")"
                  r"(?:\s+(?:" + LINK + r"\s+)+(?:" + WORD + r"(?:\s+(?:" + LINK + r"\s+)*)?)+)?)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default="../shared/corpus/text")
    ap.add_argument("--top", type=int, default=80)
    a = ap.parse_args()
    docs = collections.Counter()
    for f in sorted(pathlib.Path(a.folder).rglob("*.txt")):
        text = f.read_text(encoding="utf-8", errors="replace")
        names = set()
        for m in NAME.finditer(text):
            name = re.sub(r"\s+", " ", m.group(1)).strip()
            name = re.sub(r"\s+(?:of|for|on|and|the|to|in|against|at|with|from|its|their|all)$", "", name)
            if len(name.split()) >= 2:
                names.add(name)
        docs.update(names)
    for name, n in docs.most_common(a.top):
        print(f"{n:5d}  {name}")


if __name__ == "__main__":
    main()
