"""Decisions of the UNFCCC's governing bodies: "decision 1/CP.21", "decisions 1/CMA.3 and 1/CP.26".

The General Assembly's climate resolutions cite the decisions of the Conference of the Parties to the United
Nations Framework Convention on Climate Change (CP), and of it serving as the meeting of the Parties to the Kyoto
Protocol (CMP) and to the Paris Agreement (CMA), as number/code.session. A decision has no UN symbol of its own:
it is printed in an addendum of its session's report, which its number does not give. So its target is
``decision N/CODE.S``, a node keyed as a named instrument is, save where the curated table of instruments
(``ingest/data/instruments.tsv``, with its sources) places it in a report: "decision 1/CP.21" is
``FCCC/CP/2015/10/Add.1`` with pinpoint ``decision 1/CP.21``, where the Paris Agreement is (its annex). The codes
and the key are data (``grammar.toml`` ``[parties_decisions]``); the patterns are
:data:`ingest.find.regexes.PARTIES_DECISION` and ``PARTIES_ITEM``.

Not read: other conventions' decisions ("decision 3/COP.15" of the UNCCD, "decision XIV/5" of the CBD), whose
bodies citegraph does not resolve.
"""
from __future__ import annotations

import csv
import dataclasses
import functools
import io
import pathlib
import re
from typing import Optional

from .. import symbols
from ..grammar import PARTIES_DECISIONS
from .hit import Hit, in_spans
from .pinpoints import join_pins, pin_after, pins_before
from .regexes import PARTIES_DECISION, PARTIES_ITEM, PARTIES_NEXT

__all__ = ["parties_decision", "extract_parties_decisions", "describe"]

_NODE = PARTIES_DECISIONS["node"]
#: what a decision's node key looks like ("decision 1/CP.21")
_NODE_KEY = re.compile("^" + re.escape(_NODE).replace(r"\{n\}", r"\d+").replace(r"\{code\}", "(?:" + "|".join(
    PARTIES_DECISIONS["codes"]) + ")").replace(r"\{s\}", r"\d+") + "$")
#: what the pinpoint of a curated row says when it places a decision in a report ("decision 1/CP.21, annex")
_IN_REPORT = re.compile(r"^(decision \d+/(?:" + "|".join(PARTIES_DECISIONS["codes"]) + r")\.\d+)\b")
#: the text after a decision read for its pinpoints (", annex", ", paragraph 4")
AFTER_DECISION = 120


_INSTRUMENTS = pathlib.Path(__file__).resolve().parent.parent / "data" / "instruments.tsv"


@functools.lru_cache(maxsize=None)
def _in_reports() -> dict[str, str]:
    """Each decision the curated table of instruments places in a report -> that report's symbol (the table's
    ``symbol`` and ``pinpoint`` columns, read as :func:`ingest.named.curated` reads them: ingest.named builds on
    ingest.find, which does not import it back)."""
    lines = [ln for ln in _INSTRUMENTS.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    out: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"):
        m = _IN_REPORT.match(row["pinpoint"] or "")
        if m and "/" in row["symbol"]:
            out.setdefault(m.group(1), row["symbol"])
    return out


def parties_decision(n: str, code: str, session: str) -> tuple[str, Optional[str]]:
    """The target of decision ``n/code.session`` and the pinpoint it carries there: the report the curated table
    places it in, with the decision as pinpoint, else its own node with none.

    >>> parties_decision("1", "CP", "21"), parties_decision("1", "CMA", "3")
    (('FCCC/CP/2015/10/Add.1', 'decision 1/CP.21'), ('decision 1/CMA.3', None))
    """
    key = _NODE.format(n=int(n), code=code, s=int(session))
    report = _in_reports().get(key)
    return (report, key) if report else (key, None)


def describe(target: str) -> Optional[tuple[str, str]]:
    """(body, kind) of a decision's own node ("decision 1/CMA.3": ``("UNFCCC", "decision")``), else None."""
    return (PARTIES_DECISIONS["body"], "decision") if _NODE_KEY.match(target) else None


def extract_parties_decisions(text: str, taken: list[tuple[int, int]], hits: list[Hit]) -> None:
    """Add to ``hits`` each decision of a list after "decision(s)" ("decisions 1/CMA.3 and 1/CP.26"), with the
    pinpoints written before the keyword ("paragraph 4 of decision 1/CP.21", the first item's) and after each
    item ("decision 1/CP.21, annex"); not inside a written symbol. One decision written right after a UNFCCC
    report's symbol is where in that report ("See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.", as the
    Assembly's footnotes cite the Paris Agreement): the symbol's pinpoint, not a reference of its own."""
    for km in PARTIES_DECISION.finditer(text):
        m = PARTIES_ITEM.match(text, km.end())
        report = _report_before(text, km.start(), hits)
        if report is not None and m and not PARTIES_NEXT.match(text, m.end()):
            h = hits[report]
            key = _NODE.format(n=int(m.group("n")), code=m.group("code"), s=int(m.group("s")))
            pins = pin_after(text[m.end():m.end() + AFTER_DECISION])
            hits[report] = dataclasses.replace(
                h, pinpoint=join_pins(h.pinpoint, key, *(p.normal for p in pins)),
                pinpoint_written=join_pins(h.pinpoint_written, key, *(p.written for p in pins)))
            continue
        first = True
        while m:
            if not in_spans(taken, m.start()):
                target, own = parties_decision(m.group("n"), m.group("code"), m.group("s"))
                pins = [*(pins_before(text, km.start()) if first else []), *pin_after(text[m.end():m.end() + AFTER_DECISION])]
                hits.append(Hit(target=target, surface=m.group(0), start=m.start(), end=m.end(),
                                pinpoint=join_pins(own, *(p.normal for p in pins)),
                                pinpoint_written=join_pins(own, *(p.written for p in pins)), anchor=km.start()))
            first = False
            joint = PARTIES_NEXT.match(text, m.end())
            m = PARTIES_ITEM.match(text, joint.end()) if joint else None


_COMMA_BEFORE = re.compile(r",\s*$")


def _report_before(text: str, kw_start: int, hits: list[Hit]) -> Optional[int]:
    """The index in ``hits`` of a written symbol of the UNFCCC's series that ends right before the keyword at
    ``kw_start``, a comma between ("FCCC/CP/2015/10/Add.1, decision"), else None."""
    comma = _COMMA_BEFORE.search(text, max(0, kw_start - 8), kw_start)
    if comma is None:
        return None
    for i, h in enumerate(hits):
        if h.end == comma.start() and symbols.describe(h.target)[0] == PARTIES_DECISIONS["body"]:
            return i
    return None
