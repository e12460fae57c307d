"""Characters and lines, the same for every reader (text, Markdown, PDF, Word).

What a character stands for and how two lines of one paragraph join is decided here
once, so that a PDF, its Word twin and a text export of the same document read alike.
Pure functions over strings; the tables are module constants with their reason.

* characters read as others: :data:`SPACES` (no-break, thin, figure, en and em spaces,
  the tab), :data:`HYPHENS` (no-break and Unicode hyphens), :data:`LIGATURES` ("ﬁ" ->
  "fi"), all three in :data:`CHARACTERS` for :func:`characters`;
* characters that are not text: :data:`INVISIBLE` (zero-width spaces and joiners, the
  word joiner, a stray byte-order mark, the soft hyphen), dropped by :func:`strip_invisible`;
* whitespace: :func:`squash` (runs made one space, ends trimmed);
* lines: :func:`join_lines` (two lines of one paragraph: a line-end hyphen is dropped only
  when the joined word occurs elsewhere in the document; a symbol broken after its slash
  is joined).

Not here: markup (``<sup>``, links: :mod:`ingest.structure.blocks`), decoding bytes (:mod:`ingest.formats.text`).
"""
from __future__ import annotations

import re

__all__ = ["SPACES", "HYPHENS", "LIGATURES", "CHARACTERS", "INVISIBLE", "characters", "strip_invisible",
           "squash", "join_lines"]

#: Characters read as a space: no-break (U+00A0), figure (U+2007), thin (U+2009), narrow
#: no-break (U+202F), en (U+2002) and em (U+2003) spaces, the tab. UN PDFs and Word files
#: put them between a number and its unit, inside dates and symbols ("A/79/ 434").
SPACES = "\u00a0\u2007\u2009\u202f\u2002\u2003\t"
#: Characters read as a hyphen-minus: the Unicode hyphen (U+2010) and the no-break hyphen
#: (U+2011) Word writes in "Secretary‑General" and in symbols.
HYPHENS = "\u2010\u2011"
#: Typographic ligatures a PDF's text layer may hold for the letters they join.
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
#: Each character read as another: the three tables above, one dict (for ``str.translate``).
CHARACTERS: dict[str, str] = {**{c: " " for c in SPACES}, **{c: "-" for c in HYPHENS}, **LIGATURES}
#: Characters that are not text: zero-width space, non-joiner and joiner, word joiner,
#: byte-order mark (a stray one inside a file), soft hyphen (a possible break, not a letter).
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

_TRANSLATE = str.maketrans(CHARACTERS)
_DROP = str.maketrans("", "", INVISIBLE)


def characters(s: str) -> str:
    """``s`` with each character of :data:`CHARACTERS` read as what it stands for.

    >>> characters("Secretary\\u2011General,\\u00a0\\ufb01nal")
    'Secretary-General, final'
    """
    if s.isascii() and "\t" not in s:  # (the tab is the one ASCII character of the tables)
        return s
    return s.translate(_TRANSLATE)


def strip_invisible(s: str) -> str:
    """``s`` without the characters of :data:`INVISIBLE` (a search by character first:
    most texts hold none, and that is faster than a pattern).

    >>> strip_invisible("co\\u00adoperation\\u200b")
    'cooperation'
    """
    if s.isascii() or not any(c in s for c in INVISIBLE):
        return s
    return s.translate(_DROP)


def squash(s: str) -> str:
    """``" ".join(s.split())``: whitespace runs made one space, ends trimmed. Most texts need
    nothing done; they are told apart without splitting (every whitespace character but the
    space is non-printable).

    >>> squash("  Recalling\\n its  resolution ")
    'Recalling its resolution'
    """
    if s.isprintable() and "  " not in s and s[:1] != " " and s[-1:] != " ":
        return s
    return " ".join(s.split())


_WORD_END = re.compile(r"(\w+)-$")
_WORD_START = re.compile(r"(\w+)")


def join_lines(a: str, b: str, vocab: set[str]) -> str:
    """Two lines of one paragraph as one text, undoing line-end hyphenation.

    A soft hyphen at the end of ``a`` always joins. A hyphen between letters joins the
    two halves without it only when the whole word (lower case) is in ``vocab``, the
    document's own words, and the hyphenated one is not ("Secretary-General" stays);
    otherwise the hyphen stays and no space is put. A slash at the end of ``a`` or the
    start of ``b`` joins without a space (a symbol broken after its slash).

    >>> join_lines("the imple-", "mentation of", {"implementation"})
    'the implementation of'
    >>> join_lines("the Secretary-", "General", {"secretarygeneral", "secretary-general"})
    'the Secretary-General'
    >>> join_lines("A/79/", "434", set())
    'A/79/434'
    """
    if not a:
        return b
    if not b:
        return a
    if a.endswith("\u00ad"):
        return a[:-1] + b
    if a.endswith("-") and len(a) > 1 and a[-2].isalnum() and b[:1].isalnum():
        m1 = _WORD_END.search(a)
        m2 = _WORD_START.match(b)
        if m1 and m2 and b[0].islower() and a[-2].isalpha():
            whole = (m1.group(1) + m2.group(1)).lower()
            hyph = (m1.group(1) + "-" + m2.group(1)).lower()
            if whole in vocab and hyph not in vocab:
                return a[:-1] + b
        return a + b
    if a.endswith("/") or b.startswith("/"):
        return a + b
    return a + " " + b
