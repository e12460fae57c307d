#!/usr/bin/env python3
"""How many references in report paragraphs get a relation, of those with a citing verb before them.

usage: python3 scripts/relation_coverage.py OUT.jsonl [--show N] [--seed S]

OUT.jsonl is ``citegraph extract --format jsonl`` output (its files must still be where it read them:
the paragraphs are read again). Issue 14's target: a relation for at least 70% of the references in
report paragraphs that have a citing verb before them.

* a report paragraph is a paragraph of a report's body (``pN``; not ``ppN``/``opN`` of a resolution);
  its footnotes count, at the place of their mark;
* "a citing verb before them": a form of the relation vocabulary (``ingest/data/relations.toml``)
  stands before the reference (or its footnote's mark) in its sentence, as a whole word; a form that
  is as often a noun ("request", "note", "support": the ``ambiguity`` lists) counts only when the word
  before it is not a determiner or a preposition of ``not_after`` ("the request of" is a noun). This
  is deliberately looser than the rule citegraph applies (no clause analysis), so the share is a lower
  bound of what a reader would call "a citing verb governs it".

Prints the counts and the share; ``--show N`` prints N references without a relation (seeded sample)
with the words before them, to read.
"""
import argparse
import functools
import json
import pathlib
import random
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

import ingest  # noqa: E402
from ingest.find.regexes import NOT_SENTENCE_END, SENTENCE_END  # noqa: E402
from ingest.find.relations import FORM_LEMMA  # noqa: E402
from ingest.grammar import RELATION_DATA  # noqa: E402

_FORMS = re.compile(r"\b(" + "|".join(sorted(map(re.escape, FORM_LEMMA), key=len, reverse=True)) + r")\b", re.I)
_AMB = RELATION_DATA["ambiguity"]
_NOUNISH = frozenset(_AMB["forms"]) | frozenset(_AMB["base_forms"])
_NOT_AFTER = frozenset(_AMB["not_after"])
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W{0,3}$")


def citing_verb_before(text: str, pos: int) -> bool:
    """Whether a form of the vocabulary stands before ``pos`` in its sentence (see the module's doc)."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, pos)
            if text[m.start()] == "." and not text.endswith(NOT_SENTENCE_END, 0, m.start())]
    start = ends[-1] if ends else 0
    for m in _FORMS.finditer(text, start, pos):
        if m.group(1).lower() in _NOUNISH:
            before = _WORD_BEFORE.search(text, max(0, m.start() - 24), m.start())
            if before and before.group(1).lower() in _NOT_AFTER:
                continue
        return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("jsonl")
    ap.add_argument("--show", type=int, default=0, help="print N references without a relation, to read")
    ap.add_argument("--seed", type=int, default=14)
    a = ap.parse_args()

    @functools.lru_cache(maxsize=8)
    def document(path):
        return ingest.read_document(path)

    total = with_relation = with_verb = given = 0
    missed = []
    for line in open(a.jsonl, encoding="utf-8"):
        r = json.loads(line)
        pid = r["paragraph"] or ""
        if not re.fullmatch(r"p\d+", pid):
            continue
        total += 1
        with_relation += bool(r["relation"])
        p = document(r["file"]).paragraph(pid)
        if p is None:
            continue
        if r["footnote"]:
            pos = next((o for n, o in p.marks if n == r["footnote"]), None)
            if pos is None:
                continue
        else:
            pos = r["start"]
        if citing_verb_before(p.text, pos):
            with_verb += 1
            if r["relation"]:
                given += 1
            else:
                missed.append((r, p.text[max(0, pos - 200):pos]))
    print(f"references in report paragraphs: {total}; with a relation: {with_relation} "
          f"({with_relation / max(1, total):.1%})")
    print(f"  with a citing verb before them in their sentence: {with_verb}; with a relation: {given} "
          f"({given / max(1, with_verb):.1%})  [issue 14's target: at least 70%]")
    random.Random(a.seed).shuffle(missed)
    for r, before in missed[:a.show]:
        print(f"--- {pathlib.Path(r['file']).name} {r['paragraph']} fn={r['footnote']} {r['target']}\n"
              f"    ...{before!r}[[{r['surface']}]]")


if __name__ == "__main__":
    main()
