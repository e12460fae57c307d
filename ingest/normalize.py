"""Characters and lines, the same for every reader (text, Markdown, PDF, Word).

What a character stands for and how two lines of one paragraph join is decided here
once, so that a PDF, its Word twin and a text export of the same document read alike.
Pure functions over strings; the tables are data, ``ingest/data/characters.toml``, with
their sources (the Unicode Standard's charts, the shared corpus).

* the one step every reader's text goes through before structure is found: :func:`text`
  (:func:`ingest.structure.parse_text` calls it, so text, Markdown, PDF and Word markup
  all pass it). A reference's ``start``/``end`` index the text *after* this step (a
  ligature is three letters, a soft hyphen is gone);
* characters read as others: :data:`SPACES` (no-break, thin, figure, en and em spaces,
  the tab), :data:`HYPHENS` (Unicode hyphens, the no-break hyphen, the figure dash, the
  minus sign: ``ES\u201111/1`` is ``ES-11/1``), :data:`LIGATURES` (U+FB00-U+FB06: "\ufb03"
  -> "ffi"), :data:`LETTERS` (the long s), all four in :data:`CHARACTERS` for :func:`characters`;
* characters that are not text: :data:`INVISIBLE` (zero-width spaces and joiners,
  directional marks and controls, the word joiner, a stray byte-order mark, the soft
  hyphen), dropped by :func:`strip_invisible`;
* whitespace: :func:`squash` (runs made one space, ends trimmed);
* lines: :func:`join_lines` (two lines of one paragraph: a line-end hyphen is dropped when
  the joined word is a keyword or a word of the grammar (:data:`KNOWN_WORDS`), or occurs
  elsewhere in the document; a symbol broken after its slash or before it is joined).

Not here: markup (``<sup>``, links: :mod:`ingest.structure.blocks`), decoding bytes
(:mod:`ingest.formats.text`), where a paragraph starts (:mod:`ingest.structure.blocks`).
"""
from __future__ import annotations

import pathlib
import re
import tomllib

from . import grammar

__all__ = ["SPACES", "HYPHENS", "LIGATURES", "LETTERS", "CHARACTERS", "INVISIBLE", "KNOWN_WORDS", "LINE_RULES", "VERSION", "text",
           "characters", "strip_invisible", "squash", "join_lines"]

with open(pathlib.Path(__file__).with_name("data") / "characters.toml", "rb") as _f:
    _DATA = tomllib.load(_f)

#: The version of ``data/characters.toml``.
VERSION: str = _DATA["version"]
#: Characters read as a space (no-break, figure, thin, narrow no-break, en, em ... spaces, the tab).
SPACES: str = "".join(_DATA["spaces"])
#: Characters read as a hyphen-minus: hyphen, no-break hyphen, figure dash, minus sign, small and
#: fullwidth hyphen-minus (one character for one: offsets do not move).
HYPHENS: str = "".join(_DATA["hyphens"])
#: Typographic ligatures (U+FB00-U+FB06) and the letters they stand for.
LIGATURES: dict[str, str] = dict(_DATA["ligatures"])
#: Letters read as the letter they are a form of: the long s (U+017F, which pdfium makes of a
#: "\ufb05" glyph) is "s".
LETTERS: dict[str, str] = dict(_DATA["letters"])
#: Each character read as another: the four tables above, one dict (for ``str.translate``).
CHARACTERS: dict[str, str] = {**{c: " " for c in SPACES}, **{c: "-" for c in HYPHENS}, **LIGATURES, **LETTERS}
#: How the lines of a block become paragraphs (``data/characters.toml`` [lines]; used by
#: :func:`ingest.structure.blocks.paragraph_lines`).
LINE_RULES: dict = _DATA["lines"]
#: Characters that are not text: zero-width space, non-joiner and joiner, directional marks,
#: embeddings, overrides and isolates, word joiner, byte-order mark, soft hyphen.
INVISIBLE: str = "".join(_DATA["invisible"]["characters"])


def _instrument_names() -> list[str]:
    """The names of the curated instruments (``data/instruments.tsv``, column ``names``)."""
    rows = (line.split("\t") for line in (pathlib.Path(__file__).with_name("data") / "instruments.tsv")
            .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
    header = next(rows)
    col = header.index("names")
    return [name for row in rows for name in row[col].split(" | ")]


def _known_words() -> frozenset[str]:
    words: set[str] = set(_DATA["lines"]["keywords"])
    phrases = [name for name, _ in grammar.BODY_PHRASES] + list(grammar.OTHER_BODY_PHRASES) + list(grammar.MONTHS) \
        + [form for r in grammar.RELATION_DATA["relation"] for form in r["forms"]] \
        + list(grammar.VERBS["preambular"]) + list(grammar.VERBS["base_verbs"]) \
        + _instrument_names()
    for phrase in phrases:
        words.update(w for w in re.findall(r"[a-z]+", phrase.lower()) if len(w) > 3)
    return frozenset(words)


#: Words a line-end hyphen is always taken out of ("resolu-" | "tion"): the keywords of
#: ``characters.toml`` [lines], the words of the grammar (bodies, months, citing verbs,
#: paragraph-opening words) and of the named instruments' names ("Traf-" | "ficking in Persons"),
#: lower case, longer than three letters.
KNOWN_WORDS: frozenset[str] = _known_words()

# A character class of the characters to read as others, and one of the invisible ones: each text is
# searched for them at C speed and only what is found is replaced (``str.translate`` with a table looks
# every character of a non-ASCII text up in a dict: 10 s over the shared corpus's 43 MB).
_MAPPED_RE = re.compile("[" + "".join(map(re.escape, CHARACTERS)) + "]")
_INVISIBLE_RE = re.compile("[" + "".join(map(re.escape, INVISIBLE)) + "]")


# both at once, for a text with no soft hyphen (the two sets share no character, and no character is
# read as an invisible one)
_MAPPED_OR_INVISIBLE_RE = re.compile("[" + "".join(map(re.escape, {**CHARACTERS, **dict.fromkeys(INVISIBLE)})) + "]")


def _mapped(m: re.Match) -> str:
    return CHARACTERS[m.group()]


def _mapped_or_dropped(m: re.Match) -> str:
    return CHARACTERS.get(m.group(), "")


# a soft hyphen at a line end, even across blank lines (OCR'd volumes: "elabora\u00ad" | "" | "tion"):
# the halves of one word when a lower-case letter follows
_SOFT_BREAK = re.compile("(\\w*)\u00ad[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=([a-z]\\w*))")


def text(s: str) -> str:
    """The one normalisation step, for a whole document's text (or markup) before its
    structure is found: :func:`characters`, then a soft hyphen at a line end joins the two
    halves of its word (across blank lines too, when the next line goes on in lower case),
    then :func:`strip_invisible`. Line breaks are kept (where paragraphs start is
    :mod:`ingest.structure.blocks`'s to decide), each one ``\\n`` whatever the file wrote
    (``\\r\\n``, or ``\\r`` alone as old Mac files do), so every rule that reads lines (a text's
    masthead, its blocks) sees the same lines.

    >>> text("Rea\\ufb03rming ES\\u201111/1,\\u00a0elabora\\u00ad\\n\\ntion of 9\\u00a0\\u200dDecember")
    'Reaffirming ES-11/1, elaboration of 9 December'
    >>> text("United Nations   A/79/401\\rGeneral Assembly\\r\\n\\r\\nSeventy-ninth session")
    'United Nations   A/79/401\\nGeneral Assembly\\n\\nSeventy-ninth session'
    """
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if s.isascii():
        return s.replace("\t", " ") if "\t" in s else s
    if "\u00ad" not in s:  # characters() and strip_invisible() in one pass
        return _MAPPED_OR_INVISIBLE_RE.sub(_mapped_or_dropped, s)
    s = _MAPPED_RE.sub(_mapped, s)
    s = _SOFT_BREAK.sub(_SoftBreak(s), s)
    return strip_invisible(s)


class _SoftBreak:
    """A soft hyphen at a line end, for :data:`_SOFT_BREAK`'s substitution: the halves joined,
    with a hyphen when the document writes the word so and never without one (OCR'd volumes
    print "forty\u00ad" | "third" for "forty-third")."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: set[str] | None = None

    def __call__(self, m: re.Match) -> str:
        whole = (m.group(1) + m.group(2)).lower()
        if whole in KNOWN_WORDS:
            return m.group(1)
        if self.words is None:
            self.words = set(re.findall(r"[\w-]+", strip_invisible(self.text).lower()))
        hyph = (m.group(1) + "-" + m.group(2)).lower()
        return m.group(1) + ("-" if hyph in self.words and whole not in self.words else "")


def characters(s: str) -> str:
    """``s`` with each character of :data:`CHARACTERS` read as what it stands for.

    >>> characters("Secretary\\u2011General,\\u00a0\\ufb01nal")
    'Secretary-General, final'
    """
    if s.isascii() and "\t" not in s:  # (the tab is the one ASCII character of the tables)
        return s
    return _MAPPED_RE.sub(_mapped, s)


def strip_invisible(s: str) -> str:
    """``s`` without the characters of :data:`INVISIBLE` (an ASCII text holds none; another is
    searched for them by one character class).

    >>> strip_invisible("co\\u00adoperation\\u200b")
    'cooperation'
    """
    if s.isascii():
        return s
    return _INVISIBLE_RE.sub("", s)


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
_SYMBOL_END = re.compile(r"[A-Z0-9.]/[\w.]+[\u2013-]$")
_SYMBOL_START = re.compile(r"[A-Z]{1,6}(?:\.\d+)?/\w")
_WORD_START = re.compile(r"(\w+)")


def join_lines(a: str, b: str, vocab: set[str] | frozenset[str] = frozenset()) -> str:
    """Two lines of one paragraph as one text, undoing line-end hyphenation.

    A soft hyphen at the end of ``a`` always joins. A hyphen between letters, before a
    lower-case letter, joins the two halves without it when the whole word (lower case) is
    one of :data:`KNOWN_WORDS` ("resolu-" | "tion", "deci-" | "sion"), or is in ``vocab``
    (the document's own words) and the hyphenated one is not ("Secretary-General" stays);
    otherwise the hyphen stays and no space is put ("ES-" | "11/1", "contingent-" |
    "owned"). A slash at the end of ``a`` or the start of ``b``, or a dash between two
    symbols, joins without a space (a symbol broken at its slash: "78/" | "132",
    "(A/79/" | "434)", "E/2023/L.23\\u2013" | "E/HLPF/2023/L.1").

    >>> join_lines("the imple-", "mentation of", {"implementation"})
    'the implementation of'
    >>> join_lines("its resolu-", "tion 77/150", set())
    'its resolution 77/150'
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
            if whole in KNOWN_WORDS:
                return a[:-1] + b
            hyph = (m1.group(1) + "-" + m2.group(1)).lower()
            if whole in vocab and hyph not in vocab:
                return a[:-1] + b
        return a + b
    if a.endswith("/") or b.startswith("/"):
        return a + b
    if a.endswith(("\u2013", "-")) and _SYMBOL_END.search(a) and _SYMBOL_START.match(b):
        return a + b  # a joint symbol broken after its dash
    return a + " " + b
