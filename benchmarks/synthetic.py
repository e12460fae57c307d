#!/usr/bin/env python3
"""A synthetic corpus of N documents made from real ones: each copy has its own symbol.

usage: python3 benchmarks/synthetic.py OUT_DIR N [--source ../shared/corpus/text]

Copy 0 is the source corpus as it is; copy k (k >= 1) holds the same texts, each renamed as a
document of its own: the number of its symbol is raised by k x 10,000 (``A/RES/79/194`` ->
``A/RES/79/10194``, ``S/RES/2720(2023)`` -> ``S/RES/12720(2023)``, ``A/79/434`` ->
``A/79/10434``) in its file name and wherever its header (the first 1,500 characters) writes
that symbol, so the reader finds the new one. What a copy cites is left as it is: copies cite
the same real documents, as a larger record of the same bodies would. Copies are written into
``OUT_DIR/copy-K/`` until N files are there (the last copy may be partial, first files first).

Used by ``benchmarks/bench_explorer.py`` (30,000 documents) and reusable for any size::

    python3 benchmarks/synthetic.py /tmp/syn30k 30000
    citegraph build /tmp/syn30k -o /tmp/out30k

:func:`make_corpus` does the same from Python and returns the number of files written.
Not supported: sources other than plain text (``.txt``, ``.md``): PDF and Word files are skipped.
"""
from __future__ import annotations

import argparse
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import symbol_from_filename  # noqa: E402
from corpora import shared_path  # noqa: E402

__all__ = ["make_corpus", "renamed", "OFFSET", "HEADER_CHARS"]

#: How much the number of a symbol grows per copy: beyond every real number of the UN's series.
OFFSET = 10000
#: How much of a text is its header, where its own symbol is written.
HEADER_CHARS = 1500

_TEXT = (".txt", ".md")
# the document number: before a year or Roman session in parentheses, else the last number
_NUMBER = re.compile(r"(\d+)(?=[A-Z]?\((?:\d{4}|[IVXLC]+)\)$)|(\d+)(?=[^\d]*$)")


def renamed(symbol: str, k: int) -> str:
    """``symbol`` as the document of copy ``k``.

    >>> renamed("A/RES/79/194", 1), renamed("S/RES/2720(2023)", 2), renamed("A/RES/217(III)", 1)
    ('A/RES/79/10194', 'S/RES/22720(2023)', 'A/RES/10217(III)')
    >>> renamed("A/79/434/Add.1", 3)
    'A/79/434/Add.30001'
    """
    if k == 0:
        return symbol
    m = _NUMBER.search(symbol)
    if not m:
        raise ValueError(f"no number to rename in symbol {symbol!r}")
    g = 1 if m.group(1) is not None else 2
    return symbol[: m.start(g)] + str(int(m.group(g)) + OFFSET * k) + symbol[m.end(g):]


def _written_forms(symbol: str) -> list[str]:
    """How a text's header writes its own symbol: whole, and as a resolution's number."""
    forms = [symbol]
    m = re.match(r"^[AE]/(?:RES|DEC)/(.+)$", symbol)
    if m:
        forms.append(m.group(1))  # "79/194." in an Assembly resolution's title line
    m = re.match(r"^S/RES/(\d+)\((\d{4})\)$", symbol)
    if m:
        forms += [f"{m.group(1)} ({m.group(2)})", f"{m.group(1)}({m.group(2)})"]
    return forms


def _rename_text(text: str, old: str, new: str) -> str:
    head, rest = text[:HEADER_CHARS], text[HEADER_CHARS:]
    for a, b in zip(_written_forms(old), _written_forms(new)):
        head = re.sub(r"(?<![\w/.])" + re.escape(a) + r"(?![\w/])", lambda _m, b=b: b, head)
    return head + rest


def _file_name(name: str, new: str) -> str:
    """The file of a renamed document is named after its new symbol, as the reader expects."""
    return new.replace("/", "_") + "." + name.rsplit(".", 1)[1]


def make_corpus(out_dir, n: int, source) -> int:
    """Write ``n`` text files into ``out_dir`` (copies of ``source``, see the module); returns how many."""
    out_dir, source = pathlib.Path(out_dir), pathlib.Path(source)
    files = sorted(p for p in source.rglob("*") if p.is_file() and p.suffix.lower() in _TEXT)
    named = [(p, symbol_from_filename(p.name)) for p in files]
    named = [(p, s) for p, s in named if s and _NUMBER.search(s)]
    if not named:
        raise ValueError(f"{source}: no text file named after its symbol")
    written, k = 0, 0
    while written < n:
        folder = out_dir / f"copy-{k}"
        folder.mkdir(parents=True, exist_ok=True)
        for path, symbol in named:
            if written >= n:
                break
            new = renamed(symbol, k)
            text = path.read_text(encoding="utf-8", errors="surrogateescape")
            (folder / _file_name(path.name, new)).write_text(
                _rename_text(text, symbol, new) if k else text, encoding="utf-8", errors="surrogateescape")
            written += 1
        k += 1
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    shared = shared_path("corpus", "text")
    ap.add_argument("--source", default=str(shared))
    a = ap.parse_args()
    print(f"{make_corpus(a.out, a.n, a.source)} files written to {a.out}")


if __name__ == "__main__":
    main()
