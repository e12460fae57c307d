#!/usr/bin/env python3
"""Extraction as users run it against one plain regex pass over the same files, in one run.

usage: python3 benchmarks/bench_extract.py [FOLDER] [--rounds 5] [--limit N] [--no-bytecode]

Every figure is a whole process, started and timed from here (Python's start included), the
commands run in interleaved rounds (the machine is shared: its speed drifts within a run) and
each keeps its best round:

* ``regex``: one process reads and decodes each file and runs one plain regex over it,
  ``\\b\\d{1,4}/\\d{1,4}\\b|\\b[AES]/[A-Z0-9./-]+`` (the "handful of regexes" extractor of issue 16);
* ``extract``: ``citegraph extract FOLDER --format jsonl > /dev/null`` on all cores;
* ``extract -j 1``: the same in one process.

Printed: seconds, MB/s of file bytes, and each extract's ratio to the regex pass, with the
targets of issue 16 (at most 2.0x on all cores, 3.5x in one process); also the CPU seconds of each
command (all its processes), which a busy machine disturbs less than wall time. Each figure is the
best round, the median in brackets. Python keeps each command's compiled bytecode (in a temporary
folder, written by an untimed first run), as an installed package has it: pip compiles modules when
it installs them, and a machine that sets PYTHONDONTWRITEBYTECODE would otherwise compile
citegraph's modules at every start (``--no-bytecode`` keeps the environment's setting).
"""
from __future__ import annotations

import argparse
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import time
from corpora import shared_path

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = shared_path("corpus", "text")

#: The plain regex pass of issue 16.
REGEX = r"\b\d{1,4}/\d{1,4}\b|\b[AES]/[A-Z0-9./-]+"

_REGEX_PASS = """
import pathlib, re, sys
rx = re.compile(sys.argv[2])
n = 0
for f in sorted(pathlib.Path(sys.argv[1]).rglob("*")):
    if f.suffix in (".txt", ".md") and f.is_file():
        n += sum(1 for _ in rx.finditer(f.read_bytes().decode("utf-8", errors="replace")))
print(n)
"""


def timed(cmd: list[str], env: dict) -> tuple[float, float, str]:
    """Run ``cmd`` (stdout kept only for a count); wall seconds, CPU seconds of all its processes, output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout.decode("utf-8", "replace")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(SHARED))
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds; each command keeps its best (default 5)")
    ap.add_argument("--limit", type=int, default=0, help="use the first N files only (copied to a temporary folder)")
    ap.add_argument("--no-bytecode", action="store_true",
                    help="keep this environment's bytecode setting (default: every command may keep its compiled "
                         "bytecode in a temporary folder, warmed by an untimed first run, as an installed package has it)")
    a = ap.parse_args(argv)
    folder = pathlib.Path(a.folder)
    files = sorted(f for f in folder.rglob("*") if f.suffix in (".txt", ".md") and f.is_file())
    if not files:
        sys.exit(f"bench_extract: no .txt or .md file in {folder} (the shared corpus is looked for in ../shared "
                 "beside the checkout or its folder; give FOLDER)")
    if a.limit:
        import shutil
        import tempfile

        tmp = pathlib.Path(tempfile.mkdtemp(prefix="bench-extract-"))
        for f in files[: a.limit]:
            shutil.copy(f, tmp / f.name)
        folder, files = tmp, sorted(tmp.iterdir())
    size = sum(f.stat().st_size for f in files) / 1e6
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not a.no_bytecode:
        # pip compiles a package's modules when it installs them; a machine that sets PYTHONDONTWRITEBYTECODE
        # (this one does) would make every start compile citegraph's ~50 modules again (~0.07 s of CPU)
        import tempfile

        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="bench-extract-pyc-")
    py = sys.executable
    ways = {
        "regex": [py, "-c", _REGEX_PASS, str(folder), REGEX],
        "extract": [py, "-m", "graph.cli", "extract", str(folder), "--format", "jsonl"],
        "extract -j 1": [py, "-m", "graph.cli", "extract", str(folder), "--format", "jsonl", "-j", "1"],
    }
    if not a.no_bytecode:  # untimed, on one file: the bytecode written once
        timed([py, "-m", "graph.cli", "extract", str(files[0]), "--format", "jsonl", "-j", "1"], env)
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in ways}
    lines = {}
    for _ in range(max(1, a.rounds)):
        for name, cmd in ways.items():
            wall, cpu, out = timed(cmd, env)
            runs[name].append((wall, cpu))
            lines[name] = out.count("\n") if name != "regex" else int(out.strip() or 0)
    best = {k: (min(w for w, _ in v), min(c for _, c in v)) for k, v in runs.items()}
    median = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in runs.items()}
    base_wall, base_cpu = best["regex"]
    print(f"files: {len(files)}  size: {size:.1f} MB  cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}  "
          f"{max(1, a.rounds)} interleaved rounds, each a whole process; best (median)"
          f"{'' if a.no_bytecode else ', bytecode kept'}")
    print(f"{'':14} {'wall s':>15} {'MB/s':>7} {'x regex':>15} {'CPU s':>15} {'x regex':>15}  output")
    for name in ways:
        (wall, cpu), (mwall, mcpu) = best[name], median[name]
        what = f"{lines[name]} matches" if name == "regex" else f"{lines[name]} references"
        print(f"{name:14} {wall:7.2f} ({mwall:5.2f}) {size / wall:7.2f} {wall / base_wall:6.2f}x "
              f"({mwall / median['regex'][0]:5.2f}x) {cpu:7.2f} ({mcpu:5.2f}) {cpu / base_cpu:6.2f}x "
              f"({mcpu / median['regex'][1]:5.2f}x)  {what}")
    print(f"targets (issue 16): extract at most 2.0x the regex pass on all cores ({best['extract'][0] / base_wall:.2f}x), "
          f"at most 3.5x in one process ({best['extract -j 1'][0] / base_wall:.2f}x)")


if __name__ == "__main__":
    main()
