"""Text built to be slow or to eat memory (issue 17): every scan of ingest/find is linear.

* hypothesis builds texts from the tokens that make scanners work (keywords, numbers, lists, slashes,
  footnote marks, parentheses, long words, dates, symbols) and checks what must hold of any text:
  each hit's span holds its words, hits come in order, the memory a scan takes is a small constant per
  character of input (tracemalloc: deterministic), and (``slow``) doubling a text at most about doubles
  the time;
* ``slow`` tests run the command as a user does, in a subprocess with a timeout and an address-space
  limit, on megabytes of each adversarial shape, and check the references that come out.

The figures per shape and per doubling are printed by ``benchmarks/bench_adversarial.py``.
"""
from __future__ import annotations

import json
import pathlib
import resource
import subprocess
import sys
import time
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ingest
from ingest.find import find_in_text

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.bench_adversarial import SHAPES  # noqa: E402

# the tokens that make a scanner work: keywords with and without numbers, list glue, slashes and
# symbol pieces, footnote marks, brackets, dates, body names, citing verbs, long words
TOKENS = ["resolution", "resolutions", "decision", "presidential statement", "70/1", "2720 (2023)",
          "217 A (III)", "ES-11/1", "S-26/2", "2024/25", "1", "12", "(", ")", "((", "A/", "A/79/434",
          "/", "-", "A/RES/78/250 B", ".", ". ", ",", ", ", " and ", ";", "<sup>3</sup>", "¹", "of",
          "19 December 2024", "General Assembly", "Council", "its", "the", "on", "entitled “", "”",
          "paragraph 4 of", ", annex", "Recalling", "pursuant to", "Ibid., para. 5", "2030 Agenda",
          "Add.1", "and Corr.1", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", " ", "  ", "\n"]

token_texts = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(token_texts)
def test_hits_hold_their_words_in_order(text):
    hits = find_in_text(text)
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    for h in hits:
        assert 0 <= h.start < h.end <= len(text)
        assert text[h.start:h.end] == h.surface
        assert h.target and h.target == h.target.strip()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(token_texts)
def test_a_document_of_any_text_extracts_and_places_its_references(text):
    doc = ingest.parse_text(text, file="x.txt")
    for r in ingest.extract(doc):
        p = doc.paragraph(r.paragraph) if r.paragraph != "notes" else None
        if p is None or r.kind != "explicit":
            continue
        where = next((f.text for f in p.footnotes if f.number == r.footnote), None) if r.footnote else p.text
        assert where is not None and where[r.start:r.end] == r.surface


#: Python allocations a scan may make per character of input (the text itself not counted); the
#: references found are counted apart (a hit is a few hundred bytes). "A/A/A/..." took 227 before.
BYTES_PER_CHAR = 40
BYTES_PER_HIT = 2000


def _peak_memory_of_find(text: str) -> tuple[int, list]:
    """(bytes find_in_text allocates at its peak, by tracemalloc, its hits)."""
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        hits = find_in_text(text)
        return tracemalloc.get_traced_memory()[1] - base, hits
    finally:
        tracemalloc.stop()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8).map(" ".join))
def test_memory_is_linear_with_a_small_constant(unit):
    text = (unit + " ") * (40_000 // (len(unit) + 1) + 1)
    peak, hits = _peak_memory_of_find(text)
    assert peak <= BYTES_PER_CHAR * len(text) + BYTES_PER_HIT * len(hits) + 200_000, (unit, peak / len(text))


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_memory_per_shape(shape):
    text = SHAPES[shape](100_000)
    peak, hits = _peak_memory_of_find(text)
    assert peak <= BYTES_PER_CHAR * len(text) + BYTES_PER_HIT * len(hits) + 200_000, peak / len(text)


def _best_time(text: str, rounds: int = 3) -> float:
    """The best of ``rounds`` CPU times of this process (other processes' load does not count in it: a
    wall-clock best of three once read 0.24 s against 1.33 s on a machine under load 7)."""
    best = float("inf")
    for _ in range(rounds):
        t = time.process_time()
        find_in_text(text)
        best = min(best, time.process_time() - t)
    return best


#: Doubling a text multiplies the time of a linear scan by 2; this leaves room for a noisy, shared
#: machine (the benchmark's target is 2.3); a quadratic scan gives 4.
SLOW_TEST_GROWTH = 3.2


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8).map(" ".join))
def test_doubling_a_text_at_most_about_doubles_the_time(unit):
    text = (unit + " ") * (150_000 // (len(unit) + 1) + 1)
    small, large = _best_time(text), _best_time(text + " " + text)
    assert large <= SLOW_TEST_GROWTH * small + 0.05, (unit, small, large)


def _run_limited(args: list[str], timeout: float, memory: int) -> subprocess.CompletedProcess:
    """The command in a subprocess of at most ``memory`` bytes of address space, killed after ``timeout`` s."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=limit)


def _extract(path: pathlib.Path, timeout: float = 120, memory: int = 2 * 1024 ** 3) -> list[dict]:
    r = _run_limited(["extract", str(path), "--format", "jsonl"], timeout, memory)
    assert r.returncode == 0, r.stderr[-2000:]
    return [json.loads(line) for line in r.stdout.splitlines() if line.strip()]


@pytest.mark.slow
@pytest.mark.parametrize("shape, size", [("keywords", 2_000_000), ("numbers", 4_000_000)])
def test_keywords_without_a_full_stop_are_read_in_bounded_time(tmp_path, shape, size):
    # "resolution resolution ..." took 112 s at 2 MB; "resolution 1 resolution 2 ..." over 300 s at 4 MB
    path = tmp_path / f"{shape}.txt"
    path.write_text(SHAPES[shape](size), encoding="utf-8")
    assert _extract(path, timeout=120) == []  # a keyword with no number after it cites nothing


@pytest.mark.slow
def test_slashes_are_read_in_bounded_memory(tmp_path):
    # "A/A/A/..." over 16 MB took 3.5 GB; it has no symbol (no component holds a digit)
    path = tmp_path / "slashes.txt"
    path.write_text("A/" * 8_000_000, encoding="utf-8")
    assert _extract(path, timeout=180, memory=1024 ** 3) == []


@pytest.mark.slow
def test_a_long_list_gives_every_reference_in_bounded_time(tmp_path):
    n = 39_000  # numbers up to 975: a resolution number has at most three digits
    items = [f"{31 + i % 40}/{1 + i // 40}" for i in range(n)]
    path = tmp_path / "list.txt"
    path.write_text("Recalling its resolutions " + ", ".join(items) + "\n", encoding="utf-8")
    refs = _extract(path, timeout=180)
    assert [r["target"] for r in refs] == [f"A/RES/{x}" for x in items]
    assert {r["relation"] for r in refs} <= {"recall", "recalling"}


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["slashes", "joint", "symbol-parts", "paren-numbers", "marks", "parentheses",
                                   "long-word", "dates", "names", "relations", "ibid", "numbers-slash"])
def test_every_shape_at_two_megabytes_in_bounded_time_and_memory(tmp_path, shape):
    path = tmp_path / f"{shape}.md"
    path.write_text(SHAPES[shape](2_000_000), encoding="utf-8")
    refs = _extract(path, timeout=150, memory=2 * 1024 ** 3)
    assert all(r["target"] for r in refs)
