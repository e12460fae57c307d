"""Relations: how a paragraph cites ("recalling", "taking note", "in accordance with").

The relation of a reference is the nearest citing verb phrase before it in its
paragraph (the phrases and what each normalises to are ``[relations]`` of
``ingest/data/grammar.toml``), else the paragraph's own verb, normalised
(:func:`normalise_verb`: also/further dropped, lower case; None where the opening
word is not a verb, ``ingest/data/verbs.toml``). A footnote's references take the
citing verb before its mark.

* :func:`relation_verbs` - ``(start, relation)`` of the citing verbs in a text;
* :func:`normalise_verb` - a paragraph's verb as a relation;
* the controlled vocabulary (``ingest/data/relations.toml``): :data:`RELATION_LEMMAS` (lemma ->
  :class:`Relation`) and :func:`relation_lemma`, which turns any form as written ("Recalling also",
  "took note", "reaffirmed", "as requested in") into its lemma.

The nearest verb is looked up per reference through :mod:`ingest.find.context`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

import ahocorasick_rs

from ..grammar import RELATION_DATA, RELATIONS, VERBS

__all__ = ["relation_verbs", "normalise_verb", "RELATION_OF_PHRASE", "Relation", "RELATION_LEMMAS",
           "RELATIONS_VERSION", "FORM_LEMMA", "relation_lemma"]


@dataclass(frozen=True)
class Relation:
    """One relation of the controlled vocabulary (``ingest/data/relations.toml``): its ``lemma`` (the
    value :attr:`ingest.Reference.relation` takes), a coarse ``group`` (recall, note, approve,
    disapprove, act, stress, basis) and the ``forms`` texts write (lower case)."""

    lemma: str
    group: str
    forms: tuple[str, ...]


#: The version of ``relations.toml``.
RELATIONS_VERSION: str = RELATION_DATA["version"]
#: Lemma -> :class:`Relation`, in the order of the table.
RELATION_LEMMAS: dict[str, Relation] = {
    r["lemma"]: Relation(r["lemma"], r["group"], tuple(r["forms"])) for r in RELATION_DATA["relation"]}
#: Every form as written (lower case, words separated by one space) -> its lemma.
FORM_LEMMA: dict[str, str] = {f: r.lemma for r in RELATION_LEMMAS.values() for f in r.forms}
# what relation_lemma knows: every form, and every lemma as its own form ("direct", "mandate" are
# no forms found in texts: too often an adjective or a noun there)
_NORMAL = {**{lemma: lemma for lemma in RELATION_LEMMAS}, **FORM_LEMMA}
_LONGEST_FORM = max(len(f.split()) for f in _NORMAL)
_LEAD_ADVERBS = frozenset(RELATION_DATA["adverbs"]["words"])
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")


@functools.lru_cache(maxsize=4096)
def relation_lemma(words: Optional[str]) -> Optional[str]:
    """The lemma of a relation as written, or None when it is none of the vocabulary's.

    Case, punctuation and the adverbs before the verb ("Also", "Strongly", "We", "Having") do not
    count; the longest form at the head of what is left decides, and what follows it does not
    ("Recalling also", "Noting with concern"). A lemma is its own form, so lemmas (and the
    relations citegraph wrote before the vocabulary: "recalling", "takes note") normalise too.

    >>> relation_lemma("Recalling also"), relation_lemma("took note"), relation_lemma("Reaffirms")
    ('recall', 'take note', 'reaffirm')
    >>> relation_lemma("as requested in"), relation_lemma("In accordance with"), relation_lemma("States")
    ('request', 'in accordance with', None)
    """
    if not words:
        return None
    toks = _WORDS.findall(words.lower())
    i = 0
    while i < len(toks) and toks[i] in _LEAD_ADVERBS and " ".join(toks[i:i + 2]) not in _NORMAL:
        i += 1
    for k in range(min(_LONGEST_FORM, len(toks) - i), 0, -1):
        lemma = _NORMAL.get(" ".join(toks[i:i + k]))
        if lemma:
            return lemma
    return None

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
