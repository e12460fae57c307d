"""A reference found in one text, before it is placed in a document (:class:`Hit`)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from ..model import quick_init
from ..normalize import squash

__all__ = ["Hit", "clip", "in_spans", "TITLE_CHARS", "SENTENCE_CHARS"]


@quick_init
@dataclass(frozen=True)
class Hit:
    """A reference found in one text, before it is placed in a document: its canonical
    ``target``, the words as written (``surface``, ``start``, ``end`` in the text), the
    pinpoint (normal, and ``pinpoint_written`` as written), what the text says of the target, and the
    other symbols of a joint symbol.
    ``anchor`` is where its relation is read (the keyword that heads its list: "resolutions
    1/1, ..., 9/9" are all governed by the verb before "resolutions"); -1 for ``start``."""

    target: str
    surface: str
    start: int
    end: int
    pinpoint: Optional[str] = None
    target_date: Optional[str] = None
    target_subject: Optional[str] = None
    target_title: Optional[str] = None
    aliases: tuple[str, ...] = ()
    anchor: int = -1
    pinpoint_written: Optional[str] = None

    @property
    def at(self) -> int:
        """Where the relation of this reference is read: its anchor, else its start."""
        return self.anchor if self.anchor >= 0 else self.start


#: A target's title as the citing text gives it ("entitled “...”") is kept to this many characters
#: (the longest resolution titles run to about 250).
TITLE_CHARS = 300
#: A reference's citing sentence is kept to this many characters (whole words around the
#: reference in a longer one): enough for any paragraph sentence of the shared corpus but run-on
#: lists of recalled resolutions. graph/ cuts the sentence with a footnote's mark to the same.
SENTENCE_CHARS = 600


def clip(s: Optional[str], n: int = 200) -> Optional[str]:
    """``s`` squashed and trimmed of " ,;", cut to ``n`` characters with "…"; None for nothing."""
    if not s:
        return None
    s = squash(s).strip(" ,;")
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


#: Words a subject cannot end with: one that stops on them was cut mid-phrase, before the document it names
#: ("decision 6/102 of 27 September 2007 on the follow-up to Human Rights Council resolution 5/1": the subject
#: is not "the follow-up to").
_DANGLING = frozenset("to of on for in into the a an and or by with at from its their concerning regarding "
                      "relating towards under between against".split())


def subject(s: Optional[str]) -> Optional[str]:
    """A target's subject as the text says it (:func:`clip`), or None when it stops on a word that needs
    what follows it (:data:`_DANGLING`; a subject cut for its length, with "…", is kept).

    >>> subject("the follow-up to"), subject("the protection of migrants"), subject("the situation in ")
    (None, 'the protection of migrants', None)
    """
    s = clip(s)
    if s is None or (not s.endswith("…") and s.rsplit(None, 1)[-1].lower() in _DANGLING):  # (not one cut for length)
        return None
    return s


_AFTER_ALL = float("inf")


def in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of ``spans``, ``(start, end)`` pairs in order that do not overlap
    (the spans of written symbols): a binary search, so that a text with many symbols and many numbers
    is not read in quadratic time (issue 17).

    >>> in_spans([(0, 5), (10, 12)], 4), in_spans([(0, 5), (10, 12)], 5), in_spans([], 3)
    (True, False, False)
    """
    i = bisect.bisect_right(spans, (pos, _AFTER_ALL)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
