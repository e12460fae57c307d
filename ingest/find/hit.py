"""A reference found in one text, before it is placed in a document (:class:`Hit`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import quick_init
from ..normalize import squash

__all__ = ["Hit", "clip"]


@quick_init
@dataclass(frozen=True)
class Hit:
    """A reference found in one text, before it is placed in a document: its canonical
    ``target``, the words as written (``surface``, ``start``, ``end`` in the text), the
    pinpoint, what the text says of the target, and the other symbols of a joint symbol."""

    target: str
    surface: str
    start: int
    end: int
    pinpoint: Optional[str] = None
    target_date: Optional[str] = None
    target_subject: Optional[str] = None
    target_title: Optional[str] = None
    aliases: tuple[str, ...] = ()


def clip(s: Optional[str], n: int = 200) -> Optional[str]:
    """``s`` squashed and trimmed of " ,;", cut to ``n`` characters with "…"; None for nothing."""
    if not s:
        return None
    s = squash(s).strip(" ,;")
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"
