"""The words that open resolution paragraphs: preambular or operative, and the verb as written.

A preambular paragraph opens with a present participle or an adjective
("Recalling", "Deeply concerned"), an operative one with a verb in the present
tense ("Decides", "Requests") or a number; a declaration writes the base form
("We reaffirm"). The word lists are ``ingest/data/verbs.toml``
(:data:`ingest.grammar.VERBS`), with their sources.

* :func:`is_preambular_start`, :func:`is_operative_start` - how a block opens;
* :func:`leading_verb` - the verb phrase a paragraph opens with, as written
  ("Recalling also", "Also notes"), kept as :attr:`ingest.model.Paragraph.verb`;
* :func:`normalise_verb` - that verb as a relation ("recalling", "takes note"),
  or None where the opening word is not a verb ("States should ...").

Not supported: languages other than English.
"""
from __future__ import annotations

import re
from typing import Optional

from ..grammar import VERBS

__all__ = ["leading_verb", "normalise_verb", "is_preambular_start", "is_operative_start"]

_PREAMBULAR = frozenset(VERBS["preambular"])
_PREAMBULAR_ADVERBS = frozenset(VERBS["preambular_adverbs"])
_DROPPED = frozenset(VERBS["dropped_adverbs"])
_BASE_VERBS = frozenset(VERBS["base_verbs"])
_NOT_VERBS = frozenset(VERBS["not_verbs"])

_NUM_PARA = re.compile(r"^(\d{1,3})\s*\.\s")

_LEAD = re.compile(
    r"^(?:\(?[0-9]+\)?[.)]?\s+)?(?:We\s+)?"
    r"(?P<pre>(?:(?:" + "|".join(VERBS["leading_adverbs"]) + r"),?\s+)*)"
    r"(?P<main>(?i:Taking note|Takes note|Take note|Bearing in mind|Bears in mind|Calls upon|Calls on|Calls for|"
    r"Looks forward|Taking into account|Takes into account|Taking into consideration|"
    r"Noting with (?:great |grave |deep |serious )?(?:concern|satisfaction|appreciation|regret|alarm)|"
    r"Expressing (?:its |deep |grave |serious )?(?:concern|appreciation|regret|gratitude|support)|"
    r"Having (?:considered|examined|received|adopted|reviewed|heard|regard))|[A-Za-z][a-z]+(?:-[a-z]+)?)"
    r"(?P<post>(?:,?\s+(?:also|further|again|furthermore)\b)*)")
_COMMA = re.compile(r"\s*,\s*")


def leading_verb(text: str) -> Optional[str]:
    """The verb phrase a resolution paragraph opens with, as written.

    >>> leading_verb("Recalling also its resolution 78/132 of 19 December 2023")
    'Recalling also'
    >>> leading_verb("Also notes the holding of the Forum")
    'Also notes'
    """
    m = _LEAD.match(text.strip())
    if not m:
        return None
    pre, main, post = m.group("pre", "main", "post")
    if not pre and not post:
        return main.strip(" ,") or None
    words = " ".join(x.strip(" ,") for x in (pre, main, post) if x.strip(" ,"))
    return (_COMMA.sub(" ", words) if "," in words else words) or None


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


_FIRST_WORD = re.compile(r"[^A-Za-z]*(\S*)")


def is_preambular_start(text: str) -> bool:
    """Does ``text`` open as a preambular paragraph ("Recalling", "Deeply concerned",
    "Also mindful")?

    >>> is_preambular_start("Deeply concerned about"), is_preambular_start("Decides to")
    (True, False)
    """
    first = _FIRST_WORD.match(text).group(1).strip(",;:").lower()
    if not first:
        return False
    if first.endswith("ing") or first in _PREAMBULAR:
        return True
    if first in _PREAMBULAR_ADVERBS:
        second = text.split()[1].strip(",").lower() if len(text.split()) > 1 else ""
        return second.endswith("ing") or second in _PREAMBULAR
    return False


_OP_LEAD = re.compile(r"^(?:(?:" + "|".join(VERBS["operative_adverbs"]) + r"),?\s+)*"
                      r"[A-Z][a-z]+(?:s|es)\b")


def is_operative_start(text: str) -> bool:
    """Does ``text`` open as an operative paragraph (a number, or a verb in the present tense:
    "Requests", "Also Decides"; not "Progress", "Focus")?

    >>> is_operative_start("Requests the Secretary-General"), is_operative_start("Progress made")
    (True, False)
    """
    if _NUM_PARA.match(text):
        return True
    m = _OP_LEAD.match(text)
    if not m:
        return False
    word = m.group(0).split()[-1]
    return not word.lower().endswith(("ss", "us", "is")) or word in ("Emphasizes",)
