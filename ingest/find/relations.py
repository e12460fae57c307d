"""Relations: how a paragraph cites ("recalling", "taking note", "in accordance with").

The relation of a reference is the nearest citing verb phrase before it in its
paragraph (the phrases and what each normalises to are ``[relations]`` of
``ingest/data/grammar.toml``), else the paragraph's own verb, normalised
(:func:`normalise_verb`: also/further dropped, lower case; None where the opening
word is not a verb, ``ingest/data/verbs.toml``). A footnote's references take the
citing verb before its mark.

* :func:`relation_verbs` - ``(start, relation)`` of the citing verbs in a text;
* :func:`normalise_verb` - a paragraph's verb as a relation.

The nearest verb is looked up per reference through :mod:`ingest.find.context`.
"""
from __future__ import annotations

import re
from typing import Optional

import ahocorasick_rs

from ..grammar import RELATIONS, VERBS

__all__ = ["relation_verbs", "normalise_verb", "RELATION_OF_PHRASE"]

_RELATIONS = sorted(RELATIONS.items(), key=lambda x: len(x[0]), reverse=True)
#: A citing verb phrase as written (lower case) -> its relation.
RELATION_OF_PHRASE = dict(_RELATIONS)
_RELATION_RX = re.compile(r"\b(" + "|".join(re.escape(k) for k, _ in _RELATIONS) + r")\b", re.I)
# the same on lower-cased text, in one pass of an Aho-Corasick automaton: six times faster than the regex
_RELATION_KEYS = [k for k, _ in _RELATIONS]
_RELATION_AC = ahocorasick_rs.AhoCorasick(_RELATION_KEYS, implementation=ahocorasick_rs.Implementation.DFA)


def relation_verbs(text: str) -> list[tuple[int, str]]:
    """``(start, relation)`` of the citing verb phrases in ``text``, whole words in any case;
    where two overlap, the first, and at one start the longest.

    >>> relation_verbs("Recalling its resolution 70/1 and taking note of the report")
    [(0, 'recalling'), (34, 'taking note')]
    """
    low = text.lower()
    if len(low) != len(text):  # "İ" lower-cases to two characters: offsets would shift
        return [(m.start(), RELATION_OF_PHRASE[m.group(1).lower()]) for m in _RELATION_RX.finditer(text)]
    found = []
    n = len(low)
    for i, s, e in _RELATION_AC.find_matches_as_indexes(low, overlapping=True):
        if (s and (low[s - 1].isalnum() or low[s - 1] == "_")) or (e < n and (low[e].isalnum() or low[e] == "_")):
            continue
        found.append((s, -e, i))
    found.sort()
    out = []
    reach = -1
    for s, neg_end, i in found:
        if s >= reach:
            reach = -neg_end
            out.append((s, RELATION_OF_PHRASE[_RELATION_KEYS[i]]))
    return out


_PREAMBULAR = frozenset(VERBS["preambular"])
_DROPPED = frozenset(VERBS["dropped_adverbs"])
_BASE_VERBS = frozenset(VERBS["base_verbs"])
_NOT_VERBS = frozenset(VERBS["not_verbs"])
_VERB_LIKE = re.compile(r"^[a-z][a-z-]*(?:ing|[^sui]s|ed)$")  # "recalling", "notes", "concerned" ("this", "focus" not)


def normalise_verb(verb: Optional[str]) -> Optional[str]:
    """Normalise a paragraph verb: drop also/further/again, lower-case.

    >>> normalise_verb("Recalling also")
    'recalling'
    >>> normalise_verb("Also takes note")
    'takes note'
    >>> normalise_verb("States") is None
    True
    """
    if not verb:
        return None
    words = [w.lower() for w in verb.replace(",", " ").split()]
    words = [w for w in words if w not in _DROPPED]
    if not words:
        return None
    if words[0] in ("taking", "takes", "take") and len(words) > 1 and words[1] == "note":
        return "taking note" if words[0] == "taking" else "takes note"
    if words[0] in ("taking", "takes") and words[1:3] in (["into", "account"], ["into", "consideration"]):
        return f"{words[0]} into {words[2]}"
    if words[0] == "guided":
        return "guided by"
    if words[0] in _NOT_VERBS or \
            (not _VERB_LIKE.match(words[0]) and words[0] not in _PREAMBULAR and words[0] not in _BASE_VERBS):
        # "To assess ..." (a sub-item), "The right of ...", "See A/35/362" (a footnote in the text),
        # "States should ...", "Estimates in respect of ..." (nouns that look like verbs)
        return None
    if words[0] in ("bearing", "bears") and "mind" in words:
        return "bearing in mind"
    if words[0] in ("noting", "notes") and len(words) > 1:
        return words[0]
    if words[0] in ("calls", "call") and len(words) > 1 and words[1] in ("upon", "on", "for"):
        return f"calls {words[1]}"
    if words[0] in ("having",) and len(words) > 1:
        return " ".join(words[:2])
    return words[0]
