"""Fast alternations of literal words for Python's ``re``.

``re`` scans quickly only when a pattern opens with a literal or with a branch
of literal first characters: it then skips every position whose character
cannot start a match. A pattern that opens with ``\\b`` or a look-behind, or
an alternation of fifty phrases tried one after another at every position,
runs three to four times slower on the same text (measured with
``benchmarks/bench_extract.py``; see the README).

:func:`trie` turns a list of words into one nested alternation that opens with
its first characters, and can put the "not preceded by" test *after* the
first character, where it costs nothing on positions that cannot match.

>>> import re
>>> trie(["recalling", "reaffirming", "noting"])
'(?:(?:noting|re(?:affirming|calling)))'
>>> rx = re.compile(trie(["note", "noting"], not_after=r"\\w") + r"\\b")
>>> [m.group(0) for m in rx.finditer("noting, denote, note")]
['noting', 'note']
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

__all__ = ["trie"]


def trie(words: Iterable[str], not_after: Optional[str] = None, classes: Optional[dict[str, str]] = None) -> str:
    """One non-capturing alternation matching exactly ``words`` (longest first where one is
    a prefix of another). ``not_after`` is a one-character class (``r"\\w"``, ``r"[\\w/.-]"``)
    the character before the match must not belong to. ``classes`` maps a character to the
    pattern it stands for after the first one (``{" ": r"\\s+"}``)."""
    root: dict = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    guard = f"(?<!{not_after}.)" if not_after else ""
    return "(?:" + (_emit(root, guard, classes or {}) or "(?!)") + ")"


def _emit(node: dict, guard: str, classes: dict[str, str]) -> str:
    alts = []
    for ch in sorted(k for k in node if k):
        # the first character stays a literal: that is what lets re skip ahead
        head, sub = (re.escape(ch) + guard) if guard is not None else (classes.get(ch) or re.escape(ch)), node[ch]
        while len(sub) == 1 and "" not in sub:  # a chain of single letters is one literal
            (ch2, sub), = sub.items()
            head += classes.get(ch2) or re.escape(ch2)
        alts.append(head + _emit(sub, None, classes))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    # the end of a word is tried last (the group is greedy), so the longest word wins
    return "(?:" + body + ")?" if "" in node else body
