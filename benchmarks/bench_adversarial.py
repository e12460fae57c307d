"""Adversarial inputs: does every scan stay linear in time and memory? (issue 17)

Each *shape* is text built to make a scanner work hard: keywords with nothing after them
("resolution resolution ..."), keywords with numbers ("resolution 1 resolution 2 ..."), one long list
of numbers, slashes ("A/A/A/..."), symbols with endless components ("A/1.1.1...-1-1..."), footnote
marks, parentheses, one long word, dates after numbers, names of instruments, joint symbols and
"Ibid." footnotes. All of it stands in ONE paragraph with no full stop, the worst case for
anything that looks back to a sentence's start. For each shape the text is doubled from
``--start`` bytes ``--doublings`` times; each size is read as `citegraph extract` reads a file
(``ingest.parse_text`` then ``ingest.extract``), best of ``--rounds`` runs, and the script prints

* the time of each size and the **growth factor** per doubling (time(2n) / time(n)): a linear scan
  gives ~2, a quadratic one 4; and the factor fitted over all sizes (2 ** the slope of log time
  against log size, least squares: steadier than one doubling on a noisy machine), whose target is
  <= 2.3 (``GROWTH_LIMIT``);
* the **peak memory** of the largest size, per input byte (tracemalloc's peak of Python allocations
  during parse + extract, divided by the text's size; the text itself is not counted).

Exit status 1 when a shape's fitted growth factor exceeds the limit. Timing on a shared machine is noisy:
the sizes of one shape are run interleaved, round after round, and the best of each is kept.

    python3 benchmarks/bench_adversarial.py                 # all shapes, 256 KB .. 2 MB
    python3 benchmarks/bench_adversarial.py --shape keywords --start 500000 --doublings 3
"""
from __future__ import annotations

import argparse
import math
import pathlib
import sys
import time
import tracemalloc

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

import ingest  # noqa: E402

#: A scan is taken as linear when doubling its input multiplies its time by at most this.
GROWTH_LIMIT = 2.3


def _repeat(unit, n: int) -> str:
    """``unit(i)`` for i = 0, 1, ... joined until the text holds ``n`` characters."""
    parts, size, i = [], 0, 0
    while size < n:
        u = unit(i)
        parts.append(u)
        size += len(u)
        i += 1
    return "".join(parts)[:n]


#: shape -> a function of the size in characters giving the text (one paragraph, no full stop)
SHAPES = {
    "keywords": lambda n: _repeat(lambda i: "resolution ", n),
    "numbers": lambda n: _repeat(lambda i: f"resolution {i} ", n),
    "numbers-slash": lambda n: _repeat(lambda i: f"Recalling its resolution {i % 40 + 31}/{i % 300 + 1} and ", n),
    "lists": lambda n: "Recalling its resolutions " + _repeat(lambda i: f"{i % 40 + 31}/{i % 300 + 1}, ", n),
    "dates": lambda n: _repeat(lambda i: f"resolution 70/{i % 300 + 1} of 25 September 2015 and ", n),
    "slashes": lambda n: _repeat(lambda i: "A/", n),
    "symbol-parts": lambda n: "A/" + _repeat(lambda i: "1.1-A", n),
    "joint": lambda n: _repeat(lambda i: f"A/79/{i % 900 + 1}-", n),
    "marks": lambda n: _repeat(lambda i: f"recalling<sup>{i % 99 + 1}</sup> ", n),
    "parentheses": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "paren-numbers": lambda n: _repeat(lambda i: f"resolution {i % 2000 + 1} ({1990 + i % 30}) (", n),
    "long-word": lambda n: "a" * n,
    "names": lambda n: _repeat(lambda i: "the 2030 Agenda for Sustainable Development and Connect ", n),
    "names-capital": lambda n: _repeat(lambda i: "Connect 2030 Agenda ", n),
    "learnable": lambda n: _repeat(lambda i: "the Alpha of the ", n) + "Agenda<sup>1</sup>\n\n---\n\n"
                           "<sup>1</sup> Resolution 70/1.",
    "relations": lambda n: _repeat(lambda i: "recalling reaffirming noting welcoming ", n),
    "ibid": lambda n: "Recalling<sup>1</sup>\n\n---\n\n<sup>1</sup> A/79/434, para. 21; " +
                      _repeat(lambda i: "ibid., para. 25; ", n),
}


def _read(text: str) -> int:
    doc = ingest.parse_text(text, file="adversarial.md", fmt="markdown")
    return len(ingest.extract(doc))


def time_shape(shape: str, start: int, doublings: int, rounds: int) -> list[tuple[int, float, int]]:
    """``(size, best seconds, references)`` for each size of ``shape``, sizes interleaved per round."""
    sizes = [start * 2 ** k for k in range(doublings + 1)]
    texts = {n: SHAPES[shape](n) for n in sizes}
    best = {n: float("inf") for n in sizes}
    refs = {}
    for _ in range(rounds):
        for n in sizes:
            t = time.perf_counter()
            refs[n] = _read(texts[n])
            best[n] = min(best[n], time.perf_counter() - t)
    return [(n, best[n], refs[n]) for n in sizes]


def peak_per_byte(shape: str, n: int) -> float:
    """tracemalloc's peak during parse + extract of ``shape`` at ``n`` characters, per character."""
    text = SHAPES[shape](n)
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    _read(text)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return peak / max(1, len(text))


def fitted_growth(rows: list[tuple[int, float, int]]) -> float:
    """2 ** the least-squares slope of log(time) against log(size): the growth factor per doubling."""
    xs = [math.log2(n) for n, _, _ in rows]
    ys = [math.log2(max(t, 1e-6)) for _, t, _ in rows]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return 2 ** slope


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shape", action="append", choices=sorted(SHAPES), help="one shape (repeatable); default all")
    ap.add_argument("--start", type=int, default=256_000, help="first size in characters (default 256,000)")
    ap.add_argument("--doublings", type=int, default=3, help="how many times the size doubles (default 3)")
    ap.add_argument("--rounds", type=int, default=3, help="runs per size; the best is kept (default 3)")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory run")
    a = ap.parse_args(argv)
    failed = []
    print(f"{'shape':<14} {'sizes (chars)':<36} {'best times (s)':<36} {'growth per doubling':<20} "
          f"{'fitted':>6} {'peak B/char':>11} refs")
    for shape in a.shape or list(SHAPES):
        rows = time_shape(shape, a.start, a.doublings, a.rounds)
        growth = [t2 / t1 if t1 > 0 else float("nan") for (_, t1, _), (_, t2, _) in zip(rows, rows[1:])]
        mem = "" if a.no_memory else f"{peak_per_byte(shape, rows[-1][0]):.1f}"
        sizes = " ".join(f"{n:,}" for n, _, _ in rows)
        times = " ".join(f"{t:.3f}" for _, t, _ in rows)
        grow = " ".join(f"{g:.2f}" for g in growth)
        fit = fitted_growth(rows) if len(rows) > 1 else float("nan")
        print(f"{shape:<14} {sizes:<36} {times:<36} {grow:<20} {fit:>6.2f} {mem:>11} {rows[-1][2]}", flush=True)
        if fit > GROWTH_LIMIT:
            failed.append(shape)
    if failed:
        print(f"fitted growth above {GROWTH_LIMIT} per doubling: {', '.join(failed)}")
        return 1
    print(f"every shape within {GROWTH_LIMIT}x per doubling")
    return 0


if __name__ == "__main__":
    sys.exit(main())
