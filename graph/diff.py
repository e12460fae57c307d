"""What changed between two texts of a resolution series: paragraphs, verbs, citations. Pure: no I/O.

:func:`diff_documents` compares an OLD and a NEW :class:`~ingest.model.Document`
(with their references) and returns a :class:`SeriesDiff`, plain frozen
dataclasses (``SeriesDiff.frame()`` and ``SeriesDiff.citations_frame()`` give
DataFrames for notebooks). :func:`render_terminal` prints it with rich; the
reading page (:mod:`graph.reading`) shows it as a section "Changes since OLD".

How paragraphs are aligned (whatever their numbering)
-----------------------------------------------------
Only the body of the text is aligned: preambular, operative and report
paragraphs (the header line and the closing meeting line are left out; the
header's citations still count). Each paragraph is compared as words
(the printed number "12." is dropped, quotes and dashes unified, case ignored).

1. **Identical paragraphs** are paired first, in order.
2. **Similar paragraphs**: for every remaining (old, new) pair the word-level
   similarity is ``1 - Indel distance / total words`` (rapidfuzz's
   ``Indel.normalized_similarity``). Pairs at or above :data:`SIMILARITY_THRESHOLD`
   are taken best first (ties: the pair nearer in relative position, then the
   earlier one); each paragraph is paired once. (All pairs are first compared
   at once by their words' first letters, ``rapidfuzz.process.cdist``: that
   similarity is never lower than the words', so only the few pairs that reach
   the threshold by it are compared word by word; the result is the same as
   comparing every pair word by word.)
3. **Moved or in place**: the paired paragraphs that keep their relative order
   are the longest increasing subsequence of their positions (the classic
   alignment of ``diff --patience`` and git's moved-lines colouring); every other
   pair is *moved*. Paragraph numbers play no part: a paragraph inserted before
   op6 renumbers every later one, and none of them counts as moved.
4. What is left is **dropped** (old, no counterpart) or **added** (new).

So a moved paragraph is told from a dropped one plus an added one by its
words: a paragraph that reappears elsewhere with at least half of its words
the same (:data:`SIMILARITY_THRESHOLD`) is moved (and, if its words differ,
changed too); one rewritten beyond that is dropped here and added there.

Changed words are marked over the paragraphs' tokens (words and punctuation
marks): the longest common subsequence of tokens (``rapidfuzz.distance.Indel.opcodes``,
as difflib's opcodes), with a short run of common words (:data:`GLUE_WORDS`) between
two changes shown inside one change, so that a rewritten clause reads as one.

**Verbs.** The leading verb of each paired paragraph (``Paragraph.verb``:
"Calls upon", "Strongly urges") is compared without case and without the words
that only sequence paragraphs (:data:`SEQUENCE_WORDS`: "also", "further" …):
"Recalling" → "Recalling also" is not a change, "Urges" → "Strongly urges" and
"Calls upon" → "Encourages" are, and are listed on their own.

**Citations.** For each paired paragraph (its footnotes included), each target
the new paragraph cites and the old one did not is *added*, each the old one
cited and the new one does not is *dropped*; all the citations of an added or
dropped paragraph are added or dropped with it. ``elsewhere`` says whether the
other text cites that target in another paragraph (a citation moved rather
than new). A text's own symbol is not a citation of its own side; the new text citing the old one
("Recalling its resolution 78/132" in 79/194) is a citation added.

Not supported: aligning one paragraph with two (a paragraph split in two is one
changed paragraph plus one added); sub-paragraphs (a)–(z) inside one paragraph
are compared as part of it.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import Any, Iterable, Optional, Sequence

import numpy as np
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist

from ingest import Document, Paragraph, Reference, quick_init

__all__ = [
    "SIMILARITY_THRESHOLD",
    "SEQUENCE_WORDS",
    "ALIGNED_KINDS",
    "WordOp",
    "ParagraphChange",
    "VerbChange",
    "CitationChange",
    "SeriesDiff",
    "diff_documents",
    "diff_in",
    "word_diff",
    "marked_text",
    "GLUE_WORDS",
    "align_paragraphs",
    "render_terminal",
    "citation_rows",
]

#: Least word-level similarity (0–1) for two paragraphs to be the same paragraph
#: (changed, moved or both); below it they are one dropped and one added. Chosen
#: on the sample's 78/132 → 79/194 and the shared corpus's Security Council
#: renewals: rewritten paragraphs there keep 0.6–0.95 of their words, while
#: unrelated paragraphs of one resolution share 0.1–0.4 (mostly "the", "of", "and").
SIMILARITY_THRESHOLD = 0.5

#: Words that only place a paragraph in a sequence; a verb that gains or loses
#: one is not a change of verb. Words of strength ("strongly", "urgently") are
#: not here: "Urges" → "Strongly urges" is a change delegates look for.
SEQUENCE_WORDS = ("also", "further", "furthermore", "again", "moreover", "once", "more", "finally", "lastly")

#: Paragraph kinds that are aligned; ``header`` and ``other`` lines are not.
ALIGNED_KINDS = ("preambular", "operative", "body")

_NUMBER = re.compile(r"^\s*(?:\(?\d+[A-Za-z]?[.)]|\([a-z]{1,4}\))\s+")
#: The marks that join two runs of word characters into one token ("well-being", "State's").
_JOINERS = "’'‐-"
#: A token: a run of word characters (joined by :data:`_JOINERS`), or one mark that is neither a word
#: character nor a space. The rule; :func:`_split_ascii` follows it without the regular expression.
_TOKEN = re.compile(rf"\w+(?:[{_JOINERS}]\w+)*|[^\w\s]")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")  # gap, token, gap, token, ..., gap
#: Quotes, dashes and the no-break space as compared: each written form -> the one it counts as.
_FOLDS = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"), ("‐", "-"), ("\u00a0", " "))


# --------------------------------------------------------------------------- data


@quick_init  # built by the hundred thousand over a corpus's series
@dataclass(frozen=True)
class WordOp:
    """One step of a word diff: ``op`` is ``equal``, ``insert``, ``delete`` or ``replace``;
    ``old`` and ``new`` are the words as written (``""`` on the side that has none);
    ``gap`` is the space written before them."""

    op: str
    old: str
    new: str
    gap: str = ""


@quick_init
@dataclass(frozen=True)
class ParagraphChange:
    """One paragraph of OLD, NEW or both.

    ``old``/``new`` are paragraph ids (``pp3``, ``op12``; None on the side that
    lacks it), ``similarity`` the word-level similarity (0–1, 1.0 for identical
    text), ``moved`` whether the pair left its relative order, ``words`` the word
    diff (empty unless both sides exist and their words differ).
    """

    old: Optional[str]
    new: Optional[str]
    old_text: str = ""
    new_text: str = ""
    similarity: float = 0.0
    moved: bool = False
    words: tuple[WordOp, ...] = ()
    old_verb: Optional[str] = None
    new_verb: Optional[str] = None

    @property
    def text_changed(self) -> bool:
        """Whether the words differ (``words`` is empty for identical texts and unpaired paragraphs)."""
        return bool(self.words)

    @property
    def change(self) -> str:
        """``added``, ``dropped``, ``moved`` (perhaps changed too), ``changed`` or ``unchanged``."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "dropped"
        if self.moved:
            return "moved"
        return "changed" if self.text_changed else "unchanged"


@quick_init
@dataclass(frozen=True)
class VerbChange:
    """The leading verb of a paired paragraph changed: ``old_verb`` in ``old`` → ``new_verb`` in ``new``."""

    old: str
    new: str
    old_verb: str
    new_verb: str


@quick_init
@dataclass(frozen=True)
class CitationChange:
    """A target cited in a paragraph of NEW and not in its OLD counterpart (``added``), or the reverse
    (``dropped``). ``paragraph`` is the id on the side that cites it, ``counterpart`` the paired
    paragraph on the other side (None for an added or dropped paragraph); ``footnotes`` the
    footnote numbers it is cited in there (empty: in the paragraph's own text); ``surface`` the
    words as first written; ``elsewhere`` True when the other text cites it in another paragraph."""

    change: str
    target: str
    paragraph: str
    counterpart: Optional[str] = None
    footnotes: tuple[str, ...] = ()
    surface: str = ""
    elsewhere: bool = False


@dataclass(frozen=True)
class SeriesDiff:
    """Everything that changed from ``old`` to ``new`` (symbols); ``paragraphs`` in NEW's order,
    each dropped paragraph placed after the new paragraph that follows its old neighbour."""

    old: str
    new: str
    paragraphs: tuple[ParagraphChange, ...] = ()
    verbs: tuple[VerbChange, ...] = ()
    citations: tuple[CitationChange, ...] = ()
    old_title: str = field(default="", compare=False)
    new_title: str = field(default="", compare=False)
    #: how many footnotes each text has as read (None: not known)
    old_footnotes: Optional[int] = field(default=None, compare=False)
    new_footnotes: Optional[int] = field(default=None, compare=False)

    def footnotes_lost(self) -> Optional[str]:
        """Which text, ``"old"`` or ``"new"``, has no footnote as read while the other's footnotes cite what
        this diff lists as added or dropped, else None. A text read without its footnotes (an old scan, a
        file whose notes were not read) makes every citation of the other's footnotes look added or dropped:
        the caveat the renderings print (:func:`render_terminal`, ``graph.reading.changes_html``)."""
        in_notes = {c.change for c in self.citations if c.footnotes}
        if self.old_footnotes == 0 and (self.new_footnotes or 0) > 0 and "added" in in_notes:
            return "old"
        if self.new_footnotes == 0 and (self.old_footnotes or 0) > 0 and "dropped" in in_notes:
            return "new"
        return None

    def footnotes_caveat(self) -> str:
        """The sentence said beside the citations when :meth:`footnotes_lost`, else ``""``."""
        side = self.footnotes_lost()
        if side is None:
            return ""
        lost, other, change = (self.old or "the older text", self.new or "the newer text", "added") if side == "old" \
            else (self.new or "the newer text", self.old or "the older text", "dropped")
        return (f"{lost} has no footnotes as read (its file may have lost them), while {other} has "
                f"{self.new_footnotes if side == 'old' else self.old_footnotes}: the citations {change} in "
                f"footnotes may be in both texts.")

    def of(self, change: str) -> list[ParagraphChange]:
        """The paragraph changes of one kind (``added``, ``dropped``, ``moved``, ``changed``, ``unchanged``)."""
        return [p for p in self.paragraphs if p.change == change]

    @property
    def added(self) -> list[ParagraphChange]:
        return self.of("added")

    @property
    def dropped(self) -> list[ParagraphChange]:
        return self.of("dropped")

    @property
    def moved(self) -> list[ParagraphChange]:
        return self.of("moved")

    @property
    def changed(self) -> list[ParagraphChange]:
        """Paired paragraphs whose words changed, moved or not."""
        return [p for p in self.paragraphs if p.old and p.new and p.text_changed]

    def counts(self) -> dict[str, int]:
        """Paragraphs ``added``, ``dropped``, ``moved``, ``changed`` (words), ``unchanged``, plus
        ``verbs``, ``citations added`` and ``citations dropped``."""
        out = dict.fromkeys(("added", "dropped", "moved", "changed", "unchanged"), 0)
        for p in self.paragraphs:
            out[p.change] += 1
        out["changed"] = len(self.changed)
        out["verbs"] = len(self.verbs)
        out["citations added"] = sum(1 for c in self.citations if c.change == "added")
        out["citations dropped"] = sum(1 for c in self.citations if c.change == "dropped")
        return out

    def summary(self) -> str:
        """The counts in words: "20 paragraphs added, 11 dropped, …; 1 verb changed; 57 citations added, 4 dropped"."""
        c = self.counts()

        def n(k: int, word: str) -> str:
            return f"{k} {word if k == 1 else word + 's'}"

        return (f"{n(c['added'], 'paragraph')} added, {c['dropped']} dropped, {c['moved']} moved, "
                f"{c['changed']} with changed words, {c['unchanged']} unchanged; {n(c['verbs'], 'verb')} changed; "
                f"{n(c['citations added'], 'citation')} added, {c['citations dropped']} dropped")

    def frame(self):
        """One row per paragraph: ``change``, ``old``, ``new``, ``moved``, ``similarity``, ``old_verb``,
        ``new_verb``, ``old_text``, ``new_text`` and ``marked`` (the new text with ``[-deleted-]``
        and ``{+inserted+}`` words)."""
        import pandas as pd  # pandas: for the frames a notebook asks for only

        rows = [{"change": p.change, "old": p.old, "new": p.new, "moved": p.moved,
                 "similarity": round(p.similarity, 3), "old_verb": p.old_verb, "new_verb": p.new_verb,
                 "old_text": p.old_text, "new_text": p.new_text, "marked": marked_text(p.words)}
                for p in self.paragraphs]
        return pd.DataFrame(rows, columns=["change", "old", "new", "moved", "similarity", "old_verb", "new_verb",
                                           "old_text", "new_text", "marked"])

    def citations_frame(self):
        """One row per citation added or dropped: ``change``, ``target``, ``paragraph``, ``counterpart``,
        ``footnotes`` (joined with ", "), ``surface``, ``elsewhere``."""
        import pandas as pd  # pandas: for the frames a notebook asks for only

        rows = [{"change": c.change, "target": c.target, "paragraph": c.paragraph, "counterpart": c.counterpart,
                 "footnotes": ", ".join(c.footnotes), "surface": c.surface, "elsewhere": c.elsewhere}
                for c in self.citations]
        return pd.DataFrame(rows, columns=["change", "target", "paragraph", "counterpart", "footnotes", "surface",
                                           "elsewhere"])


# --------------------------------------------------------------------------- words


def _body(p: Paragraph) -> str:
    """The paragraph's text without its printed number ("12. ", "(a) ")."""
    return _NUMBER.sub("", p.text, count=1) if p.kind in ("operative", "body") else p.text


def _fold(text: str) -> str:
    """Quotes and dashes unified, lower case; the same length as ``text`` where it can be (so that
    spans found in one index the other)."""
    folded = _unify(text).lower()
    return folded if len(folded) == len(text) else unicodedata.normalize("NFKC", _unify(text)).casefold()


def _unify(text: str) -> str:
    """``text`` with the marks of :data:`_FOLDS` unified, one ``str.replace`` per mark (several times
    faster than ``str.translate`` with a table of non-ASCII characters)."""
    for mark, plain in _FOLDS:
        text = text.replace(mark, plain)
    return text


def _split(text: str) -> tuple[list[str], str, np.ndarray]:
    """``text``'s folded tokens (:data:`_TOKEN`, over the text folded by :func:`_fold`), their
    :func:`_code` and where each is in ``text``: ``edges`` ``[start0, end0, start1, end1, …]``. One
    ``re.split`` (no match objects). The plain way, kept to test :func:`_splits` against, and for the texts
    it does not take."""
    folded = _unify(text).lower()
    if len(folded) == len(text):
        parts = _TOKEN_SPLIT.split(folded)
        words = parts[1::2]
    else:  # folding changed the length (rare: NFKC): split the text as written
        parts = _TOKEN_SPLIT.split(text)
        words = [_fold(t) for t in parts[1::2]]
    # parts are gap, token, gap, …, token, gap and as long as the text they come from: token k starts
    # where parts 0..2k end and ends where parts 0..2k+1 do
    edges = np.fromiter(accumulate(map(len, parts[:-1])), np.int64, len(parts) - 1)
    return words, "".join(map(_FIRST, words)), edges


#: Splits made lately (:func:`_splits`), by text: a text of a series is compared twice, with the text
#: before it and with the one after, and the pages of a series are made one after the other. Emptied when
#: full.
_MEMO: dict[str, tuple] = {}
_MEMO_SIZE = 4096


def _splits(texts: Sequence[str]) -> list[tuple[list[str], str, np.ndarray]]:
    """:func:`_split` of each of ``texts``, the same lists and arrays for a third of the cost: the texts
    that are ASCII once folded (99% of the shared corpus's paragraphs) are split together by
    :func:`_split_ascii`, the others one by one; a text split lately (:data:`_MEMO`) is not split again."""
    out: list = [_MEMO.get(t) for t in texts]
    batch, at = [], []
    for k, s in enumerate(out):
        if s is None:
            text = texts[k]
            folded = text.lower() if text.isascii() else _unify(text).lower()  # no mark of _FOLDS is ASCII
            if len(folded) == len(text) and folded.isascii():
                batch.append(folded)
                at.append(k)
            else:
                out[k] = _split(text)
    if batch:
        for k, s in zip(at, _split_ascii(batch)):
            out[k] = s
    if len(_MEMO) + len(texts) > _MEMO_SIZE:
        _MEMO.clear()
    _MEMO.update(zip(texts, out))
    return out


#: Each ASCII character's class by the rule of :data:`_TOKEN`, as Python's ``re`` reads it (so ``\x1c``
#: to ``\x1f`` are spaces): 1 a word character, 2 a space, 3 a joiner (:data:`_JOINERS`), 0 a mark.
_CLASS = np.array([1 if re.fullmatch(r"\w", c) else 2 if re.fullmatch(r"\s", c) else 3 if c in _JOINERS else 0
                   for c in map(chr, range(128))], np.uint8)


def _split_ascii(folded: Sequence[str]) -> list[tuple[list[str], str, np.ndarray]]:
    """:func:`_split` of texts that are folded already and ASCII, all at once: where each token starts
    and ends is found over the texts' bytes with numpy, and the tokens are cut by one ``str.split``.

    A word character starts a token unless a word character or a joiner that follows one comes just
    before it; a mark starts (and is) a token unless it is a joiner between two word characters; every
    character that is not a space belongs to one token (:data:`_TOKEN`). The texts are joined by a line
    break, which no token crosses."""
    joined = "\n".join(folded)
    a = np.frombuffer(joined.encode("ascii"), np.uint8)
    n = len(a)
    cls = _CLASS[a]
    word, space, joiner = cls == 1, cls == 2, cls == 3
    start = np.zeros(n, bool)
    start[1:] = ~word[:-1]
    start[2:] &= ~(joiner[1:-1] & word[:-2])
    start[:1] = True
    start &= word
    mark = ~(word | space)
    mark[1:-1] &= ~(joiner[1:-1] & word[:-2] & word[2:])
    start |= mark
    starts = np.flatnonzero(start)
    # a token ends where a space or another token begins, or at the end
    end = np.empty(n + 1, bool)
    end[:n] = space | start
    end[n] = True
    end[1:] &= ~space
    end[0] = False
    ends = np.flatnonzero(end)
    code = a[starts].tobytes().decode("ascii")
    # the tokens: a space put before each one that touches the one before it, then one split on spaces
    touching = np.flatnonzero(start[1:] & ~space[:-1]) + 1
    cuts = touching.tolist()
    tokens = " ".join([joined[i:j] for i, j in zip([0, *cuts], [*cuts, n])]).split()
    # the texts' first tokens, and each token's edges less its text's offset in ``joined``
    offsets = np.zeros(len(folded) + 1, np.int64)
    np.cumsum(np.fromiter(map(len, folded), np.int64, len(folded)) + 1, out=offsets[1:])
    first = np.searchsorted(starts, offsets)
    edges = np.empty(2 * len(starts), np.int64)
    edges[0::2], edges[1::2] = starts, ends
    edges -= np.repeat(offsets[:-1], 2 * np.diff(first))
    k = first.tolist()
    return [(tokens[k0:k1], code[k0:k1], edges[2 * k0:2 * k1]) for k0, k1 in zip(k, k[1:])]


def _code(words: Sequence[str]) -> str:
    """The first character of each word. Different words may share one, so the codes of two
    paragraphs have at least as long a common subsequence as their words, and their similarity
    over codes is never lower than over words (see :func:`_similar`)."""
    return "".join(map(_FIRST, words))


_FIRST = itemgetter(0)


def word_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """The word diff of two texts: :class:`WordOp` steps that rebuild ``new`` from ``old``.

    Words and punctuation marks are the tokens; they are compared without case and with
    quotes and dashes unified (see :func:`_opcodes`).

    >>> [(w.op, w.old, w.new) for w in word_diff("Calls upon States", "Encourages States")]
    [('replace', 'Calls upon', 'Encourages'), ('equal', 'States', 'States')]
    """
    return _word_diff(old, new, *_splits([old, new]))


def _word_diff(old: str, new: str, old_split: tuple, new_split: tuple) -> tuple[WordOp, ...]:
    """:func:`word_diff` of ``old`` and ``new`` split already (:func:`_splits`)."""
    ow, _, oend = old_split
    nw, _, nend = new_split
    # token k starts at edge 2k and ends at edge 2k+1; a memoryview gives the few edges looked up as ints
    oend, nend = memoryview(oend), memoryview(nend)
    ops = []
    for tag, i1, i2, j1, j2 in _opcodes(ow, nw):
        o = n = gap = ""
        if i2 > i1:
            start = oend[2 * i1]
            o = old[start:oend[2 * i2 - 1]]
            gap = old[oend[2 * i1 - 1]:start] if i1 else ""
        if j2 > j1:
            start = nend[2 * j1]
            n = new[start:nend[2 * j2 - 1]]
            # a replacement keeps the space before the words it takes out when the words put in need none
            # ("scientific [-community-]{+, technical+}", not "scientific[-community-]")
            gap = new[nend[2 * j1 - 1]:start] if j1 else ""
            if tag == "replace" and not gap and i2 > i1 and i1:
                gap = old[oend[2 * i1 - 1]:oend[2 * i1]]
        ops.append(WordOp(tag, o, n, " " if gap and gap.isspace() else gap))
    return tuple(ops)


#: Words too common to hold a change apart: an unchanged run of at most two of them (or punctuation)
#: between two changes is shown as part of one change ("[-a b-] the [-c-]" reads as "[-a b the c-]").
GLUE_WORDS = frozenset("a an and as at by for from in into of on or the to with its their that which".split())


def _opcodes(ow: Sequence[str], nw: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes of two token lists: the longest common subsequence
    (``rapidfuzz.distance.Indel.opcodes``, bit-parallel C++; difflib's matcher was 4x slower over the
    shared corpus's series), a deletion next to an insertion shown as one ``replace``, and short
    runs of :data:`GLUE_WORDS` between two changes folded into them."""

    raw = Indel.opcodes(ow, nw).as_list()
    last = len(raw) - 1
    out: list[tuple[str, int, int, int, int]] = []
    before = ""  # the tag of the step before, "glue" for an equal run taken as glue
    for k, step in enumerate(raw):
        tag, i1, i2, j1, j2 = step
        if tag == "equal":
            # glue: a short equal run of common words between two changes joins them
            if 0 < k < last and i2 - i1 <= 2 and before != "equal" and raw[k + 1][0] != "equal" \
                    and all(w in GLUE_WORDS or not w[0].isalnum() for w in ow[i1:i2]):
                before = "glue"
            else:
                before = tag
                if i1 < i2:
                    out.append(step)
                continue
        else:
            before = tag
        if out and out[-1][0] != "equal":  # a change (or glue) next to a change: one change
            _, a1, _, b1, _ = out[-1]
            out[-1] = ("change", a1, i2, b1, j2)
        else:
            out.append(("change", i1, i2, j1, j2))
    return [(("replace" if i2 > i1 and j2 > j1 else "delete" if i2 > i1 else "insert") if t == "change" else t,
             i1, i2, j1, j2) for t, i1, i2, j1, j2 in out]


def marked_text(words: Sequence[WordOp]) -> str:
    """A word diff as plain text: ``[-deleted-]`` and ``{+inserted+}`` (as ``git diff --word-diff``)."""
    out = []
    for w in words:
        out.append(w.gap)
        if w.op == "equal":
            out.append(w.new)
        if w.op in ("delete", "replace"):
            out.append(f"[-{w.old}-]")
        if w.op in ("insert", "replace"):
            out.append(f"{{+{w.new}+}}")
    return "".join(out)


# --------------------------------------------------------------------------- alignment


def _lis(values: list[int]) -> set[int]:
    """Indices of a longest strictly increasing subsequence of ``values`` (patience sorting;
    the leftmost one among equals)."""
    tails: list[int] = []  # tails[k]: smallest last value of an increasing run of length k+1
    tail_at: list[int] = []
    prev = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_at.append(i)
        else:
            tails[k] = v
            tail_at[k] = i
        prev[i] = tail_at[k - 1] if k else -1
    keep, i = set(), tail_at[-1] if tail_at else -1
    while i >= 0:
        keep.add(i)
        i = prev[i]
    return keep


def align_paragraphs(old: Sequence[str], new: Sequence[str],
                     threshold: float = SIMILARITY_THRESHOLD) -> list[tuple[int, int, float, bool]]:
    """Pair the paragraphs of two texts (given as strings): ``(old index, new index, similarity, moved)``
    for each pair, in new order; an index in neither list is dropped (old) or added (new).

    See the module docstring for the method.

    >>> align_paragraphs(["Recalls A", "Urges B to act", "Notes C"], ["Urges B to act now", "Recalls A", "Decides D"])
    [(1, 0, 0.8889, False), (0, 1, 1.0, True)]
    """
    return _align(old, new, threshold)


def _align(old: Sequence[str], new: Sequence[str], threshold: float,
           exhaustive: bool = False) -> list[tuple[int, int, float, bool]]:
    return _align_split(old, new, threshold, exhaustive)[0]


def _align_split(old: Sequence[str], new: Sequence[str], threshold: float, exhaustive: bool = False) \
        -> tuple[list[tuple[int, int, float, bool]], dict[int, tuple], dict[int, tuple]]:
    """:func:`_align`'s pairs, and the paragraphs it split (:func:`_splits`; those not paired whole by
    their text), by index in ``old`` and in ``new``."""
    pairs: dict[int, tuple[int, float]] = {}  # new index -> (old index, similarity)
    taken_old: set[int] = set()

    def pair_equal(keys_old: dict[int, Any], keys_new: dict[int, Any], same=None) -> None:
        """Pair each new paragraph with the first old one left that has its key (and, given
        ``same(i, j)``, passes it)."""
        by_key: dict[Any, list[int]] = {}
        for i, k in keys_old.items():
            by_key.setdefault(k, []).append(i)
        for j, k in keys_new.items():
            found = by_key.get(k)
            for n, i in enumerate(found or ()):
                if same is None or same(i, j):
                    del found[n]
                    pairs[j] = (i, 1.0)
                    taken_old.add(i)
                    break

    # 1. identical paragraphs, in order: the same text, then the same words (only those left are split;
    #    the same words have the same codes, so the codes say which lists to compare)
    pair_equal(dict(enumerate(old)), dict(enumerate(new)))
    left_old = [i for i in range(len(old)) if i not in taken_old]
    left_new = [j for j in range(len(new)) if j not in pairs]
    split = _splits([old[i] for i in left_old] + [new[j] for j in left_new])
    osplit, nsplit = dict(zip(left_old, split)), dict(zip(left_new, split[len(left_old):]))
    ow, nw = {i: s[0] for i, s in osplit.items()}, {j: s[0] for j, s in nsplit.items()}
    oc, nc = {i: s[1] for i, s in osplit.items()}, {j: s[1] for j, s in nsplit.items()}
    pair_equal(oc, nc, lambda i, j: ow[i] == nw[j])
    # 2. similar paragraphs, best first
    rest_old = [i for i in ow if i not in taken_old]
    rest_new = [j for j in nw if j not in pairs]
    if rest_old and rest_new:
        found = (_similar_exhaustive if exhaustive else _similar)(
            [ow[i] for i in rest_old], [nw[j] for j in rest_new], threshold,
            [oc[i] for i in rest_old], [nc[j] for j in rest_new])
        n_old, n_new = max(len(old), 1), max(len(new), 1)
        candidates = []
        for a, b, sim in found:
            i, j = rest_old[a], rest_new[b]
            candidates.append((-round(sim, 4), abs(i / n_old - j / n_new), i, j))
        candidates.sort()
        for neg, _, i, j in candidates:
            if i not in taken_old and j not in pairs:
                pairs[j] = (i, -neg)
                taken_old.add(i)
    # 3. the pairs that keep their order; the others moved
    order = sorted(pairs, key=lambda j: pairs[j][0])  # new indices, by old index
    keep = _lis(order)
    in_place = {order[k] for k in keep}
    return [(pairs[j][0], j, pairs[j][1], j not in in_place) for j in sorted(pairs)], osplit, nsplit


def _similar_exhaustive(old: list[list[str]], new: list[list[str]], threshold: float,
                        old_codes=None, new_codes=None) -> list[tuple[int, int, float]]:
    """``(a, b, similarity)`` for each pair of word lists ``old[a]``, ``new[b]`` at or above ``threshold``
    (and above 0), in row order: every pair compared (``rapidfuzz.process.cdist``). The slow,
    obviously right way, kept to test :func:`_similar` against."""

    sim = cdist(old, new, scorer=Indel.normalized_similarity, score_cutoff=threshold)
    return [(a, b, float(sim[a, b])) for a, b in zip(*np.nonzero(sim >= max(threshold, 1e-9)))]


def _similar(old: list[list[str]], new: list[list[str]], threshold: float, old_codes: list[str],
             new_codes: list[str]) -> list[tuple[int, int, float]]:
    """What :func:`_similar_exhaustive` returns, a tenth of its cost over the shared corpus's series.

    Two paragraphs' codes (:func:`_code`, one character per word) have at least their words' longest
    common subsequence, so their similarity is an upper bound of the words' similarity: a pair whose
    codes fall below ``threshold`` cannot reach it. All pairs of codes are compared at once
    (``cdist`` over characters, which rapidfuzz looks up in a table rather than hashing words), and
    only the pairs that pass are compared word by word, under 2% of all in the shared corpus. The
    figures are kept as ``cdist`` keeps them (float32), so both ways give the same figures."""

    least = max(threshold, 1e-9)
    bound = cdist(old_codes, new_codes, scorer=Indel.normalized_similarity, score_cutoff=threshold)
    rows, cols = np.nonzero(bound >= least)
    sim = np.array([Indel.normalized_similarity(old[a], new[b], score_cutoff=threshold) for a, b in zip(rows, cols)],
                   dtype=np.float32)
    return [(a, b, float(s)) for a, b, s, keep in zip(rows, cols, sim, sim >= least) if keep]


# --------------------------------------------------------------------------- the diff


@lru_cache(maxsize=1024)
def _verb_key(verb: Optional[str]) -> str:
    words = [w for w in (verb or "").replace(",", " ").lower().split() if w not in SEQUENCE_WORDS]
    return " ".join(words)


def _targets(refs: Iterable[Reference], own: set[str]) -> dict[str, dict[str, tuple[list[str], str]]]:
    """paragraph id -> target -> (footnote numbers, first surface); own symbols left out."""
    out: dict[str, dict[str, tuple[list[str], str]]] = {}
    for r in refs:
        if r.target in own or r.kind == "self":
            continue
        notes, surface = out.setdefault(r.paragraph, {}).setdefault(r.target, ([], r.surface or ""))
        if r.footnote and r.footnote not in notes:
            notes.append(r.footnote)
        if not r.footnote and "" not in notes:
            notes.append("")
    return out


def _cited_where(by_para: dict) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for pid, targets in by_para.items():
        for t in targets:
            out.setdefault(t, set()).add(pid)
    return out


def _citation_changes(change: str, here: dict, there: dict, pid: str, counterpart: Optional[str],
                      there_anywhere: dict[str, set[str]]) -> list[CitationChange]:
    out = []
    for target, (notes, surface) in here.items():
        if target in there:
            continue
        where = there_anywhere.get(target, ())
        elsewhere = len(where) > 1 or (len(where) == 1 and counterpart not in where)  # another paragraph cites it
        out.append(CitationChange(change, target, pid, counterpart, tuple(n for n in notes if n), surface, elsewhere))
    return out


def diff_documents(old: Document, new: Document, old_refs: Iterable[Reference] = (),
                   new_refs: Iterable[Reference] = (), threshold: float = SIMILARITY_THRESHOLD) -> SeriesDiff:
    """What changed from ``old`` to ``new``: paragraphs, verbs and citations (see the module docstring).

    Parameters
    ----------
    old, new : Document
        Two texts, typically a resolution and its predecessor in a series.
    old_refs, new_refs : iterable of Reference
        Their references (``ingest.extract``); without them there are no citation changes.
    threshold : float
        Least word-level similarity (0–1) of two paragraphs to pair them.

    Examples
    --------
    >>> import ingest
    >>> a, b = ingest.parse_text("1/1. T\\n\\nThe General Assembly,\\n\\n1. Calls upon States to act;\\n"), \\
    ...        ingest.parse_text("2/1. T\\n\\nThe General Assembly,\\n\\n1. Encourages States to act;\\n")
    >>> [(v.old_verb, v.new_verb) for v in diff_documents(a, b).verbs]
    [('Calls upon', 'Encourages')]
    """
    op = [p for p in old.paragraphs if p.kind in ALIGNED_KINDS]
    np_ = [p for p in new.paragraphs if p.kind in ALIGNED_KINDS]
    otexts, ntexts = [_body(p) for p in op], [_body(p) for p in np_]
    pairs, osplit, nsplit = _align_split(otexts, ntexts, threshold)
    paired_old = {i: (j, s, m) for i, j, s, m in pairs}
    paired_new = {j: (i, s, m) for i, j, s, m in pairs}

    # paragraphs in NEW's order; a dropped one after the new paragraph paired with its nearest earlier old neighbour
    after: dict[int, list[int]] = {}
    for i in range(len(op)):
        if i in paired_old:
            continue
        k = i - 1
        while k >= 0 and k not in paired_old:
            k -= 1
        after.setdefault(paired_old[k][0] if k >= 0 else -1, []).append(i)
    changes: list[ParagraphChange] = []
    verbs: list[VerbChange] = []

    def dropped(i: int) -> ParagraphChange:
        p = op[i]
        return ParagraphChange(p.id, None, old_text=p.text, old_verb=p.verb)

    changes.extend(dropped(i) for i in after.get(-1, []))
    for j, p in enumerate(np_):
        if j in paired_new:
            i, s, moved = paired_new[j]
            q = op[i]
            words = () if s == 1.0 and otexts[i] == ntexts[j] else \
                _word_diff(otexts[i], ntexts[j], osplit[i], nsplit[j])
            if words and all(w.op == "equal" for w in words):
                words = ()
            changes.append(ParagraphChange(q.id, p.id, q.text, p.text, s, moved, words, q.verb, p.verb))
            if q.verb and p.verb and _verb_key(q.verb) != _verb_key(p.verb):
                verbs.append(VerbChange(q.id, p.id, q.verb, p.verb))
        else:
            changes.append(ParagraphChange(None, p.id, new_text=p.text, new_verb=p.verb))
        if j in after:
            changes.extend(dropped(i) for i in after[j])

    # citations, paragraph by paragraph (the header line with the header line)
    # each text's own symbol is left out of its own side only: the new text citing the old one ("Recalling
    # its resolution 78/132" in 79/194) is a citation added
    own_old = {s for s in (old.symbol,) if s}
    own_new = {s for s in (new.symbol,) if s}
    ot, nt = _targets(old_refs, own_old), _targets(new_refs, own_new)
    o_any, n_any = _cited_where(ot), _cited_where(nt)
    cites: list[CitationChange] = []
    counterpart_of_new = {p.new: p.old for p in changes if p.new}
    if "header" in nt or "header" in ot:
        counterpart_of_new.setdefault("header", "header" if any(p.id == "header" for p in old.paragraphs) else None)
    new_ids = [p.id for p in new.paragraphs]
    for pid in new_ids:
        if pid not in nt:
            continue
        cp = counterpart_of_new.get(pid)
        cites += _citation_changes("added", nt[pid], ot.get(cp, {}) if cp else {}, pid, cp, o_any)
    counterpart_of_old = {p.old: p.new for p in changes if p.old}
    if "header" in ot:
        counterpart_of_old.setdefault("header", "header" if "header" in new_ids else None)
    for p in old.paragraphs:
        if p.id not in ot:
            continue
        cp = counterpart_of_old.get(p.id)
        cites += _citation_changes("dropped", ot[p.id], nt.get(cp, {}) if cp else {}, p.id, cp, n_any)
    return SeriesDiff(old=old.symbol or old.file, new=new.symbol or new.file, paragraphs=tuple(changes),
                      verbs=tuple(verbs), citations=tuple(cites), old_title=old.title or "",
                      new_title=new.title or "", old_footnotes=_footnote_count(old),
                      new_footnotes=_footnote_count(new))


def _footnote_count(doc: Document) -> int:
    """The footnotes a document has as read: bound to its paragraphs, or unplaced."""
    return sum(len(p.footnotes) for p in doc.paragraphs) + len(doc.unplaced_footnotes)


def diff_in(documents: Iterable[Document], references: Iterable[Reference], old: str, new: str,
            threshold: float = SIMILARITY_THRESHOLD) -> SeriesDiff:
    """:func:`diff_documents` of the documents whose symbols are ``old`` and ``new`` among ``documents``
    (a corpus read by ``graph.pipeline``), with their references from ``references``.

    Raises
    ------
    KeyError
        naming the symbol no document has.
    """
    docs = {d.symbol: d for d in documents if d.symbol}
    for symbol in (old, new):
        if symbol not in docs:
            raise KeyError(f"no document {symbol!r} among the {len(docs)} given")
    files = {docs[old].file: [], docs[new].file: []}
    for r in references:
        if r.file in files:
            files[r.file].append(r)
    return diff_documents(docs[old], docs[new], files[docs[old].file], files[docs[new].file], threshold)


# --------------------------------------------------------------------------- terminal


def citation_rows(citations: Iterable[CitationChange]) -> list[tuple[tuple[str, str, tuple[str, ...]],
                                                                   list[CitationChange]]]:
    """Citation changes grouped by (change, paragraph, footnotes), in order of first appearance: a
    footnote listing twenty resolutions is one row."""
    rows: dict[tuple, list[CitationChange]] = {}
    for ch in citations:
        rows.setdefault((ch.change, ch.paragraph, ch.footnotes), []).append(ch)
    return list(rows.items())


def render_terminal(diff: SeriesDiff, console=None, unchanged: bool = False, width: Optional[int] = None) -> None:
    """Print ``diff`` with rich: a summary, verb changes, citations added and dropped, then each
    added, dropped, moved or changed paragraph (deleted words red and struck through, inserted
    words green and underlined). ``unchanged`` lists unchanged paragraphs too. Where the console
    draws no colours (the output is a file or a pipe, or ``NO_COLOR`` is set), the changed words are
    marked in the text itself as ``git diff --word-diff=plain`` marks them: ``[-deleted-]{+inserted+}``,
    so a diff saved to a file or pasted still tells old words from new."""
    from rich.console import Console  # rich: when a diff is printed, not at every command's start
    from rich.table import Table
    from rich.text import Text

    console = console or Console(width=width)
    c = diff.counts()
    console.print(Text.assemble(("Changes since ", "bold"), (diff.old, "bold cyan"), (" in ", "bold"),
                                (diff.new, "bold cyan")))
    if diff.new_title:
        console.print(Text(diff.new_title, style="italic"))
    console.print(Text(diff.summary()))
    if diff.verbs:
        t = Table(title="Verbs changed", title_justify="left", show_edge=False)
        for col in (diff.old, diff.new, "was", "now"):
            t.add_column(col)
        for v in diff.verbs:
            t.add_row(v.old, v.new, Text(v.old_verb, style="red"), Text(v.new_verb, style="green"))
        console.print(t)
    if diff.citations:
        t = Table(title="Citations added and dropped", title_justify="left", show_edge=False)
        for col in ("", "paragraph", "cites", "note"):
            t.add_column(col)
        for (change, pid, notes), group in citation_rows(diff.citations):
            where = pid + (f" fn {', '.join(notes)}" if notes else "")
            also = [c.target for c in group if c.elsewhere]
            note = (("still cited elsewhere: " if change == "dropped" else "cited elsewhere before: ")
                    + ", ".join(also)) if also else ""
            t.add_row(Text("+" if change == "added" else "−", style="green" if change == "added" else "red"),
                      where, ", ".join(c.target for c in group), note)
        console.print(t)
        if diff.footnotes_caveat():
            console.print(Text(diff.footnotes_caveat(), style="yellow"))
    for p in diff.paragraphs:
        kind = p.change
        if kind == "unchanged" and not unchanged:
            continue
        head = {"added": ("+ added", "bold green"), "dropped": ("− dropped", "bold red"),
                "moved": ("↕ moved", "bold yellow"), "changed": ("~ changed", "bold yellow"),
                "unchanged": ("= unchanged", "dim")}[kind]
        where = f"{p.old or '—'} → {p.new or '—'}"
        extra = f"  (words {p.similarity:.0%} the same)" if p.old and p.new and p.text_changed else ""
        console.print(Text.assemble("\n", head, "  ", (where, "cyan"), (extra, "dim")))
        console.print(_rich_words(p, Text, plain=console.no_color or console.color_system is None))


#: How changed words are marked where no colours are drawn: git's --word-diff=plain marks.
PLAIN_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def _rich_words(p: ParagraphChange, Text, plain: bool = False) -> "Text":
    def mark(op: str, words: str) -> str:
        return PLAIN_MARKS[op][0] + words + PLAIN_MARKS[op][1] if plain else words

    if p.old is None:
        return Text(p.new_text, style="green")
    if p.new is None:
        return Text(p.old_text, style="red strike")
    if not p.words:
        return Text(p.new_text)
    t = Text()
    for w in p.words:
        t.append(w.gap)
        if w.op == "equal":
            t.append(w.new)
        if w.op in ("delete", "replace"):
            t.append(mark("delete", w.old), style="red strike")
        if w.op == "replace":
            t.append(" ")
        if w.op in ("insert", "replace"):
            t.append(mark("insert", w.new), style="green underline")
    return t
