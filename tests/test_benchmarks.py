"""The benchmarks' own errors: a corpus that is not there gets one line naming it, not a traceback
(a fresh clone has no ../shared beside it)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

# (script and arguments, what the one line names)
MISSING = [
    (["bench_extract.py", "{missing}", "--rounds", "1"], "no .txt or .md file in {missing}"),
    (["bench_extract.py", "{empty}", "--rounds", "1"], "no .txt or .md file in {empty}"),
    (["bench_pages.py", "--corpus", "{missing}", "--rounds", "1"], "no corpus folder {missing}"),
    (["bench_scale.py", "--corpus", "{missing}", "--sizes", "10"], "no corpus folder {missing}"),
]


@pytest.mark.parametrize("args, says", MISSING, ids=lambda x: x[0] if isinstance(x, list) else None)
def test_a_benchmark_without_its_corpus_says_so_in_one_line(tmp_path, args, says):
    where = {"missing": str(tmp_path / "no-such-corpus"), "empty": str(tmp_path)}
    (tmp_path / "notes.csv").write_text("not a text\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / args[0]), *(a.format(**where) for a in args[1:])],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and says.format(**where) in lines[0], done.stderr
