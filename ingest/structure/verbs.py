"""The words that open resolution paragraphs: preambular or operative, and the verb as written.

A preambular paragraph opens with a present participle or an adjective
("Recalling", "Deeply concerned"), an operative one with a verb in the present
tense ("Decides", "Requests") or a number; a declaration writes the base form
("We reaffirm"). The word lists are ``ingest/data/verbs.toml``
(:data:`ingest.grammar.VERBS`), with their sources.

* :func:`is_preambular_start`, :func:`is_operative_start` - how a block opens;
* :func:`leading_verb` - the verb phrase a paragraph opens with, as written
  ("Recalling also", "Also notes"), kept as :attr:`ingest.model.Paragraph.verb`
  (the relation it gives is :func:`ingest.find.relations.normalise_verb`'s).

Not supported: languages other than English.
"""
from __future__ import annotations

import re
from typing import Optional

from ..grammar import VERBS

__all__ = ["leading_verb", "is_preambular_start", "is_operative_start"]

_PREAMBULAR = frozenset(VERBS["preambular"])
_PREAMBULAR_ADVERBS = frozenset(VERBS["preambular_adverbs"])

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
        words = text.split(None, 2)  # (the first two words: not every word of the paragraph)
        second = words[1].strip(",").lower() if len(words) > 1 else ""
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
