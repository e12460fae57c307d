"""Where the benchmarks find the shared data: ``shared/`` beside the checkout (as CI lays it out), or
beside the folder that holds the checkout (a worktree in ``wt/<name>`` next to ``shared/``).

Every benchmark takes its default corpus from :func:`shared_path`, so the rule is in one place.
"""
from __future__ import annotations

import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def shared_path(*parts: str) -> pathlib.Path:
    """``shared/<parts>`` (for example ``shared_path("corpus", "text")``) in the first of the
    checkout's parent and grandparent folders that has it; when neither has it, the path beside the
    checkout, so that the benchmark's one-line error names where it looked."""
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base.joinpath("shared", *parts)
        if candidate.exists():
            return candidate
    return ROOT.parent.joinpath("shared", *parts)
