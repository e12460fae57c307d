"""The context of a reference in its text: the verb that governs its clause, and its sentence.

Both are found once per text (:class:`Marks`) and looked up per reference by
position; the explicit pass (:mod:`ingest.find`) and the named pass
(:mod:`ingest.named`) of one paragraph share them through :func:`marks_of`.
The verb is :class:`ingest.find.relations.Clauses`'s.
A sentence ends at "." or ";" before a capital, not after an abbreviation
("para.", "No.", "Add.").
"""
from __future__ import annotations

import bisect
import functools
from typing import Optional

from .hit import SENTENCE_CHARS, clip
from .regexes import NOT_SENTENCE_END, SENTENCE_END
from .relations import Clauses, normalise_verb

__all__ = ["Marks", "marks_of"]


class Marks:
    """Relation verbs and sentence ends of one text, found once, looked up per reference
    (use :func:`marks_of`, which keeps them for the named pass of the same paragraph)."""

    def __init__(self, text: str):
        self.text = text
        self._clauses: Optional[Clauses] = None
        self.ends = [m.end() for m in SENTENCE_END.finditer(text) if not text.endswith(NOT_SENTENCE_END, 0, m.start())]
        self._sentences: dict[tuple[int, int], str] = {}

    def relation(self, pos: int, para_verb: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        """``(relation, verb as written)`` at ``pos``: the lemma of the verb that governs the clause
        holding ``pos`` (``para_verb`` is the paragraph's own verb as written, or None), or
        ``(None, None)``."""
        if self._clauses is None:
            self._clauses = Clauses(self.text)
        return self._clauses.governing(pos, normalise_verb(para_verb), para_verb)

    def sentence(self, start: int, end: int) -> str:
        """The sentence (or sentences) holding ``text[start:end]``, clipped to 600 characters."""
        i = bisect.bisect_right(self.ends, start)
        a = self.ends[i - 1] if i > 0 else 0
        j = bisect.bisect_left(self.ends, end)
        b = self.ends[j] if j < len(self.ends) else len(self.text)
        # one string per sentence, however many references it holds (pickled once, too)
        out = self._sentences.get((a, b))
        if out is None:
            out = self._sentences[(a, b)] = clip(self.text[a:b].strip(), SENTENCE_CHARS) or ""
        return out


#: How many texts' :class:`Marks` are kept: the named pass of a document reads its paragraphs after the explicit
#: pass has read them all, so the cache holds a long document's paragraphs and notes that have references (a
#: smaller one made their clauses found twice: 3,000 of the shared corpus's 21,600)
MARKS_KEPT = 4096


@functools.lru_cache(maxsize=MARKS_KEPT)
def marks_of(text: str) -> Marks:
    """The :class:`Marks` of ``text``; the explicit and the named pass of one paragraph share them."""
    return Marks(text)
