"""Named instruments: "the Tunis Agenda", "the 2030 Agenda" -> the documents that hold them.

Pure functions over data. The curated table is ``ingest/data/instruments.tsv``
(names and aliases, canonical symbol, pinpoint, kind, source); phrases that
contain a name but are not a reference are ``ingest/data/not_instruments.tsv``.
Names are also *learned*: when a footnote gives the symbol for a named thing
("the New Urban Agenda ...³" with "³ Resolution 71/256, annex."), the name is
learned (:func:`learn_from`) and, over a corpus, applies everywhere
(:mod:`ingest.corpus`). Learned aliases are kept apart from curated ones
(:class:`Alias` ``learned_from``). Words that make a phrase look like a name
(generic words, event heads, name openers) are ``ingest/data/traps.toml``.

Of :mod:`ingest.find`, this module uses the context of a reference only: the
relation and sentence lookups (:func:`ingest.find.marks_of`), a paragraph's verb
as a relation, and what a document's footnotes cite (:func:`ingest.find.footnote_hits`).

Every name of the table is found in one Aho-Corasick pass over a document
(``ahocorasick-rs``); a name counts where it stands alone (no letter, digit or
hyphen touches it) and as written (only its first letter may change case).

A named reference is emitted once per target and paragraph, and not at all in a
paragraph that already cites the same target explicitly. "The present
resolution" is the document itself: with ``include_self=True`` it is returned
with ``kind="self"``; it is never an edge.

Not supported: names in other languages, "the Agenda" or "the Declaration"
without the rest of the name, abbreviations (WSIS+10, GDC).
"""
from __future__ import annotations

import bisect
import csv
import functools
import io
import itertools
import pathlib
import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

import ahocorasick_rs

from . import symbols
from .find import footnote_hits, marks_of
from .find.hit import in_spans
from .find.pinpoints import join_pins, pins_before
from .grammar import TRAPS, symbol_latest
from .model import Document, Reference
from .patterns import trie

__all__ = ["Alias", "AliasTable", "curated", "learn_from", "may_name_learned", "find_named", "self_mentions",
           "part_of_longer_name", "short_forms"]

_DATA = pathlib.Path(__file__).with_name("data")


@dataclass(frozen=True)
class Alias:
    """One name of an instrument and where it points."""

    name: str
    target: str
    pinpoint: Optional[str]
    kind: str
    source: str
    learned_from: Optional[str] = field(default=None)  # "file, footnote N" for learned names
    adopted: Optional[str] = field(default=None)  # ISO date the instrument was adopted, when known


@dataclass(frozen=True)
class AliasTable:
    """Curated and learned names; ``learned`` wins nothing over ``curated``."""

    curated: tuple[Alias, ...]
    learned: tuple[Alias, ...] = ()

    def __reduce__(self):
        # the fields only: the automaton and patterns built from them are rebuilt where needed
        return (AliasTable, (self.curated, self.learned))

    def all(self) -> tuple[Alias, ...]:
        names = {a.name for a in self.curated}
        return self.curated + tuple(a for a in self.learned if a.name not in names)

    @functools.cached_property
    def _spellings(self) -> dict[str, str]:
        """Each way a name may be written -> the name. The first letter may be either case
        ("the Tunis Agenda", "Agenda 21"), except in a name that starts with "The"."""
        out = {}
        for name in {_normal(a.name) for a in self.all()}:
            out[name] = name
            if name[:1].isalpha() and not name.startswith("The "):
                out.setdefault(name[0].lower() + name[1:], name)
        return out

    @functools.cached_property
    def _spelled(self) -> list[str]:
        return sorted(self._spellings)

    @functools.cached_property
    def _automaton(self) -> ahocorasick_rs.AhoCorasick:
        # every spelling as written (its first letter either case: _spellings) in one Aho-Corasick
        # automaton, a DFA: one pass over a text finds them all, with no lower-cased copy of the text; the
        # short forms' heads after them (_SHORT_HEADS: the same pass finds them for short_forms)
        return ahocorasick_rs.AhoCorasick(self._spelled + _SHORT_HEADS, implementation=ahocorasick_rs.Implementation.DFA)

    @functools.cached_property
    def _pattern(self) -> re.Pattern:
        """The same names as one regular expression, for text whose spacing is not single spaces:
        spaces match any run of spaces, dashes any dash (see :mod:`ingest.patterns`)."""
        return re.compile(trie(self._spellings, not_after=r"[\w-]", classes={" ": r"\s+", "-": "[-–]"}) +
                          r"(?![\w-])")

    def finditer(self, text: str) -> list[tuple[int, int, str, Alias]]:
        """Names in ``text`` as (start, end, words as written, alias), in order of position; where
        two overlap, the one that starts first (and at one start, the longest). A name stands
        alone: no letter, digit or hyphen touches it."""
        if ("  " in text or not text.isprintable()) and _ODD_BLANK.search(text):
            # a tab, a line break or a run of spaces (every blank but the space is non-printable, so the
            # quick test errs only towards yes): a name may be spread over them, so take the pattern
            by_name, spellings = self._by_name, self._spellings
            return [(m.start(), m.end(), m.group(0), by_name[spellings[_normal(m.group(0))]])
                    for m in self._pattern.finditer(text) if _normal(m.group(0)) in spellings]
        return self._scan(text)

    def finditer_many(self, texts: list[str]) -> list[list[tuple[int, int, str, Alias]]]:
        """:meth:`finditer` of each text, with one pass of the automaton over them all."""
        return self.finditer_many_heads(texts)[0]

    def finditer_many_heads(self, texts: list[str]) -> tuple[list[list[tuple[int, int, str, Alias]]],
                                                             list[list[tuple[int, int]]]]:
        """``(finditer_many(texts), _head_spans(texts))``: the names and the short forms' heads of each text,
        both found by one pass of the automaton over the texts joined by "|" (no name or head holds one, so
        none runs from one text into the next)."""
        joined = "|".join(texts)
        if ("  " in joined or not joined.isprintable()) and _ODD_BLANK.search(joined):
            return [self.finditer(t) for t in texts], _head_spans(texts)
        out: list[list[tuple[int, int, str, Alias]]] = [[] for _ in texts]
        heads: dict[int, int] = {}
        found = self._scan(joined, heads)
        starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        for start, end, words, alias in found:
            i = bisect.bisect_right(starts, start) - 1
            out[i].append((start - starts[i], end - starts[i], words, alias))
        return out, _spans_of_texts(heads, starts, len(texts))

    def _scan(self, text: str, heads: Optional[dict[int, int]] = None) -> list[tuple[int, int, str, Alias]]:
        """The names in ``text`` (see :meth:`finditer`); ``heads``, when given, gets the short forms' heads
        found by the same pass, start -> the longest head's end there (as :func:`_head_spans` keeps them)."""
        by_name, spellings, spelled = self._by_name, self._spellings, self._spelled
        found = []
        n, k = len(text), len(spelled)
        # (no head holds "–" or "-", as asserted where _SHORT_HEADS is read: in the text with its en dashes read
        # as hyphens the heads are found where they stand as written)
        for i, start, end in self._automaton.find_matches_as_indexes(text.replace("–", "-"), overlapping=True):
            if i >= k:
                if heads is not None and heads.get(start, -1) < end:
                    heads[start] = end
                continue
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
                continue
            if end < n and (text[end].isalnum() or text[end] in "_-"):
                continue
            found.append((start, start - end, spellings[spelled[i]]))
        found.sort()
        out: list[tuple[int, int, str, Alias]] = []
        reach = -1
        for start, neg, name in found:
            if start >= reach:
                reach = start - neg
                out.append((start, reach, text[start:reach], by_name[name]))
        return out

    @functools.cached_property
    def _learned_automaton(self) -> Optional[ahocorasick_rs.AhoCorasick]:
        names = {_normal(a.name).lower() for a in self.all()[len(self.curated):]}
        return ahocorasick_rs.AhoCorasick(sorted(names), implementation=ahocorasick_rs.Implementation.DFA) \
            if names else None

    @functools.cached_property
    def _by_name(self) -> dict[str, Alias]:
        return {_normal(a.name): a for a in self.all()}


#: a blank other than one space (what the pattern's ``\s+`` matches and the automaton's " " does not); a
#: text without one is read the same by both (a private-use or control character alone changes nothing)
_ODD_BLANK = re.compile(r"[^\S ]|  ")


def _normal(s: str) -> str:
    s = re.sub(r"\s+", " ", s).replace("–", "-")
    return s[:1].upper() + s[1:] if s else s


def _read_tsv(name: str) -> list[dict]:
    text = (_DATA / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))


@functools.lru_cache(maxsize=None)
def curated() -> AliasTable:
    """The curated table of ``ingest/data/instruments.tsv``."""
    out = []
    for row in _read_tsv("instruments.tsv"):
        for name in (n.strip() for n in row["names"].split("|")):
            if name:
                out.append(Alias(_normal(name), row["symbol"], row["pinpoint"] or None, row["kind"],
                                 row["source"], adopted=row.get("adopted") or None))
    return AliasTable(tuple(out))


@functools.lru_cache(maxsize=None)
def _traps() -> re.Pattern:
    pats = [r["pattern"] for r in _read_tsv("not_instruments.tsv")]
    # one alternation opening with its first letters (ingest.patterns.trie), longest phrase first
    return re.compile(trie(pats, classes={" ": r"\s+"}))


_SELF = re.compile(r"\b(?:the present|this) (?:resolution|decision|presidential statement)\b", re.I)
# a Title Case name ending in an instrument noun, or a quoted title after "entitled"
_NOUNS = (r"Agenda|Declaration|Programme of Action|Platform for Action|Plan of Action|Framework|Consensus|"
          r"Pathway|Strategy|Compact|Pact|Commitment|Covenant|Convention|Outcome|Plan of Implementation|"
          r"Principles|Protocol|Accord|Agreement|Programme|Plan|Charter")
_WORD = r"(?:[A-Z0-9][\w’'+.-]*)"
_LINK = r"(?:of|for|on|and|the|to|in|against|at|with|from)"
_LEARNABLE = re.compile(
    r"\bthe\s+(?P<name>(?:" + _WORD + r"\s+(?:" + _LINK + r"\s+)*)*?(?:" + _NOUNS + r")"
    r"(?:\s+(?:" + _LINK + r"\s+)+(?:" + _WORD + r"(?:\s*[-–:]\s*|\s+(?:" + _LINK + r"\s+)*)?)+)?)"
    r"|entitled\s+[“\"](?P<title>[^”\"]{4,200})[”\"]")
_GENERIC = frozenset(TRAPS["names"]["generic"])


def _distinctive(name: str) -> bool:
    words = re.findall(r"[\w’'+.-]+", name)
    return len(words) >= 2 and any((w[:1].isupper() or w[:1].isdigit()) and w not in _GENERIC for w in words)


def learn_from(doc: Document, explicit: Optional[list[Reference]] = None) -> list[Alias]:
    """Names this document gives a symbol for in a footnote.

    The name is the instrument-like phrase (or the quoted title after
    "entitled") in the text between the previous footnote mark and this one;
    the footnote must cite exactly one document.
    """
    by_note: dict[tuple[str, str], list] = {}
    if explicit is None:
        by_note = footnote_hits(doc)  # only the footnotes matter here: their references alone (cheap)
    else:
        for r in explicit:
            if r.footnote:
                by_note.setdefault((r.paragraph, r.footnote), []).append(r)
    out = []
    for p in doc.paragraphs:
        prev = 0
        for number, offset in p.marks:
            refs = by_note.get((p.id, number), [])
            segment = p.text[prev:offset]
            prev = offset
            if len({r.target for r in refs}) != 1:
                continue
            r = refs[0]
            found = _last_name(segment)
            if found is None:
                continue
            name, quoted = found
            noun = _NOUN_KIND.search(name)
            kind = "report" if quoted else (noun.group(0).lower() if noun else symbols.describe(r.target)[1])
            out.append(Alias(_normal(name), r.target, r.pinpoint, kind, f"footnote {number} of {p.id}",
                             learned_from=f"{doc.file}, footnote {number}"))
    return out


_NOUN_KIND = re.compile(r"(?:Programme of Action|Platform for Action|Plan of Action|Agenda|Declaration|Framework|"
                        r"Consensus|Pathway|Strategy|Compact|Pact|Covenant|Convention|Protocol|Agreement|Charter)",
                        re.I)
_NEW_ITEM = re.compile(r",\s+(?:the|a|an|its|their)\s|\band the\s|;")


# a name whose head noun is an event: "Ninth United Nations Conference to Review All Aspects of the Set of
# Principles ...", "World Summit on ...", "International Year of ..." (not "Programme of Action of the ... Conference")
_EVENT = re.compile(r"^(?:[A-Z0-9][\w’'-]*\s+)*?(?:" + "|".join(TRAPS["names"]["event_heads"]) + r")\b(?!\s+(?:"
                    + "|".join(TRAPS["names"]["after_event_heads"]) + r")\b)")


#: A learned name's footnote mark follows it by at most a clause about it (", adopted at the
#: ... Conference, held in ... from ... to ...,"), in characters; a longer tail is another thing's.
_CLAUSE_AFTER = 250
#: How far before a mark a learned name is looked for, in characters, and the first part of that
#: window where a match may be a name cut by the window (not taken): a bounded look back (issue 17).
_LOOK_BACK = 1200
_CUT = 400


def _last_name(segment: str) -> Optional[tuple[str, bool]]:
    """The name a footnote mark at the end of ``segment`` is about, or None.

    It is the last instrument-like name (or quoted title) in the segment, with
    nothing after it but a clause about it (", adopted at ..., held in ...,");
    a new list item (", the ...") after it means the mark belongs to that item.
    """
    last = None
    if len(segment) > _LOOK_BACK:
        # the name ends at most _CLAUSE_AFTER characters before the mark and is far shorter than the rest of the
        # window: a look back of bounded length, where every "the" would start a search over the whole
        # segment (a paragraph of "the Alpha of the ..." made learning quadratic: issue 17); a match that
        # starts where the window was cut may be a cut name, and is not taken
        segment = segment[-_LOOK_BACK:]
        cut = _CUT
    else:
        cut = 0
    for m in _LEARNABLE.finditer(segment):
        if m.start() >= cut:
            last = m
    if last is None:
        return None
    quoted = last.group("title") is not None
    name = (last.group("name") or last.group("title") or "").strip(" ,;:")
    # "the 2030 Agenda and the Addis Ababa Action Agenda": the last of the two
    name = re.split(r"\s+and\s+the\s+", name)[-1] if not quoted else name
    name = re.sub(r"\s+(?:of|for|on|and|the|to|in|against|at|with|from)$", "", name)
    tail = segment[last.end():]
    if len(tail) > _CLAUSE_AFTER or _NEW_ITEM.search(tail):
        return None
    if not name or not (quoted or _distinctive(name)) or _traps().search(name):
        return None
    if not quoted and _EVENT.match(name):
        return None  # "the Ninth United Nations Conference to Review ...": an event, not an instrument
    return name, quoted


def may_name_learned(table: AliasTable, doc: Document) -> bool:
    """Whether a learned name of ``table`` could occur in ``doc`` (a quick test that errs
    only towards yes). When it does not, ``find_named(doc, ..., aliases=table)`` gives
    what the curated table alone gives, so a corpus extracted once with the curated
    table needs extracting again only where this says yes."""
    auto = table._learned_automaton
    if auto is None:
        return False
    text = " ".join(" ".join(p.text for p in doc.paragraphs).split()).replace("–", "-").lower()
    return bool(auto.find_matches_as_indexes(text))


def self_mentions(doc: Document, source: str) -> list[Reference]:
    """"The present resolution": the document itself (kind ``self``; never an edge)."""
    out = []
    for p in doc.paragraphs:
        if p.kind == "outside":
            continue
        for m in _SELF.finditer(p.text):
            out.append(Reference(source=source, target=source, kind="self", paragraph=p.id, file=doc.file,
                                 surface=m.group(0), start=m.start(), end=m.end()))
    return out


def find_named(doc: Document, explicit: list[Reference], aliases: Optional[AliasTable] = None,
               source: Optional[str] = None, taught: Optional[list[Alias]] = None) -> list[Reference]:
    """Named references of ``doc``, skipping targets the same paragraph cites explicitly.
    ``taught`` is ``learn_from(doc, explicit)`` when the caller already has it."""
    table = aliases or curated()
    # names this very document teaches in its footnotes count in it too
    own = taught if taught is not None else learn_from(doc, explicit)
    if own:
        names = {a.name for a in table.all()}
        extra = tuple({a.name: a for a in own if a.name not in names}.values())
        if extra:
            table = AliasTable(table.curated, table.learned + extra)
    source = source or (explicit[0].source if explicit else symbols.document_key(doc.symbol, doc.file))
    cited = {(r.paragraph, r.target) for r in explicit}
    traps = _traps()
    out: list[Reference] = []
    paragraphs = [p for p in doc.paragraphs if p.kind != "outside"]
    texts = [p.text for p in paragraphs]
    # the latest date the document may bear: its own, else what its symbol says (E/HLS/2022/1: 2022; HSP/GC/25/2:
    # the Governing Council's 25th session, 2015; A/69/315: session 69, up to September 2015)
    latest = doc.date or (symbol_latest(doc.symbol) if doc.symbol else None)
    all_found, all_heads = table.finditer_many_heads(texts)
    all_masked = [[(m.start(), m.end()) for m in traps.finditer(t)] if f else None for t, f in zip(texts, all_found)]
    # a name a trap holds ("the Geneva UN Charter Centres") or glued to a capitalised word before it ("the Geneva UN
    # Charter on Sustainable Housing") is another thing's name: it does not make a short form ("the Charter") its own
    own_names = [[x for x in f if not in_spans(m, x[0]) and not _inside_longer_name(t, x[0])] if f else f
                 for t, f, m in zip(texts, all_found, all_masked)]
    for p, found, masked, short in zip(paragraphs, all_found, all_masked, short_forms(texts, own_names, all_heads)):
        if short:
            found = sorted(found + short, key=lambda f: f[0])
        if not found:
            continue
        if masked is None:
            masked = [(m.start(), m.end()) for m in traps.finditer(p.text)]
        done: set[str] = set()
        marks = None
        for start, end, words, alias in found:
            if in_spans(masked, start):
                continue
            if _inside_longer_name(p.text, start) or _PROTOCOL_TO.search(p.text, max(0, start - 40), start) \
                    or part_of_longer_name(p.text, start):
                # "Connect 2030 Agenda"; "the Optional Protocols to the Convention ...": another instrument;
                # "the Working Group on the Effective Implementation of the Durban Declaration": a body's name
                continue
            target = alias.target
            if target == doc.symbol or (p.id, target) in cited or target in done:
                continue
            if alias.adopted and latest and latest < alias.adopted:
                continue  # "the Global Digital Compact" before September 2024 is the draft, not the instrument
            done.add(target)
            marks = marks or marks_of(p.text)
            # "Article 12 of the Universal Declaration of Human Rights": the written pinpoints inside the
            # instrument, after its place in the cited document from the table ("A, article 12")
            pins = pins_before(p.text, start)
            pin = join_pins(alias.pinpoint, *(x.normal for x in pins))
            pin_written = join_pins(*(x.written for x in pins))
            body, kind = symbols.describe(target) if "/" in target else ("United Nations", alias.kind)
            relation, verb = marks.relation(start, p.verb)
            out.append(Reference(
                source=source, target=target, kind="named", paragraph=p.id, pinpoint=pin, pinpoint_written=pin_written,
                relation=relation, verb=verb, target_body=body,
                target_type=alias.kind, file=doc.file, surface=words, start=start, end=end,
                target_title=alias.name, sentence=marks.sentence(start, end),
                evidence="alias" if alias.learned_from else "text"))
    return out


_SHORT_HEADS = sorted(TRAPS["names"]["short_form_heads"], key=len, reverse=True)
_HEAD_ALT = "|".join(map(re.escape, _SHORT_HEADS))
#: "the Programme of Action" standing alone: not followed by what would make it a longer name ("of the
#: International ...", "on Ageing", a capitalised word) nor preceded by a capitalised word ("the Durban Declaration");
#: "[Tt](?<!\w.)he" is "\b[Tt]he" opening with a character, which Python's re skips ahead to
_SHORT = re.compile(r"[Tt](?<!\w.)he\s+(?P<h>" + _HEAD_ALT + r")\b(?!\s+(?:of|on|for|to|against|concerning|relating)\b)"
                    r"(?!\s+(?:and|in)\s+(?:the\s+)?[A-Z0-9])(?!\s+[A-Z0-9])(?![\w-])")
#: a proper name holding a head: capitalised words and links around the head ("Convention on the Rights of the Child")
_PROPER = re.compile(r"(?:[A-Z0-9][\w’'/-]*\s+(?:(?:of|on|for|the|and|against|to|in)\s+){0,3}){0,8}(?:" + _HEAD_ALT +
                     r")(?:\s+(?:(?:of|on|for|the|and|against|to|in|relating|concerning)\s+){0,3}[A-Z0-9][\w’'/-]*){0,12}")


_HEAD_IN = re.compile(r"\b(?:" + _HEAD_ALT + r")\b")
#: a head anywhere, as ``head in text`` finds it
_HEAD_ANY = re.compile(_HEAD_ALT)
#: a head holds no dash: found in a text whose en dashes are read as hyphens (AliasTable._scan), it is found as written
assert not any("–" in h or "-" in h for h in _SHORT_HEADS), "a head with a dash: AliasTable._scan would miss it"
#: every head, found in one pass of an Aho-Corasick automaton over all of a document's texts
_HEADS_AC = ahocorasick_rs.AhoCorasick(_SHORT_HEADS, implementation=ahocorasick_rs.Implementation.DFA)
#: a character no match of _PROPER holds (it holds words, apostrophes, "/", "-" and spaces only)
_NOT_IN_NAME = re.compile(r"[^\w’'/\s-]")
#: up to the last such character (``match(text, pos, end)``: the end of the last one before ``end``)
_TO_LAST_NOT_IN_NAME = re.compile(r".*[^\w’'/\s-]", re.S)


def _head_spans(texts: list[str]) -> list[list[tuple[int, int]]]:
    """Per text, ``(start, end)`` of each head (``traps.toml`` ``short_form_heads``) as ``_HEAD_ANY.search``
    finds them from each place: at each start the longest head, in order of position. One pass of
    :data:`_HEADS_AC` over the texts joined by "|" (no head holds one). (:meth:`AliasTable.finditer_many_heads`
    finds the same with the names.)"""
    joined = "|".join(texts)
    longest: dict[int, int] = {}
    for _, start, end in _HEADS_AC.find_matches_as_indexes(joined, overlapping=True):
        if longest.get(start, -1) < end:
            longest[start] = end
    return _spans_of_texts(longest, list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0)),
                           len(texts))


def _spans_of_texts(longest: dict[int, int], offsets: list[int], n: int) -> list[list[tuple[int, int]]]:
    """Spans of texts joined with one character between them (``start -> end`` in the joined text; ``offsets``:
    where each of the ``n`` texts starts there), per text, in order of position."""
    out: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for start in sorted(longest):
        i = bisect.bisect_right(offsets, start) - 1
        out[i].append((start - offsets[i], longest[start] - offsets[i]))
    return out


def _proper_names(text: str, heads: Optional[list[tuple[int, int]]] = None) -> Iterator[re.Match]:
    """``_PROPER.finditer(text)``, the same matches, tried only inside the runs of characters a name holds
    that hold a head (every match holds one and lies inside one run: _PROPER has no look-around). ``heads``
    are the text's heads (:func:`_head_spans`), found here when not given."""
    if heads is None:
        heads = _head_spans([text])[0]
    pos, n, k = 0, len(text), 0
    while True:
        while k < len(heads) and heads[k][0] < pos:
            k += 1
        if k == len(heads):
            return
        start, end = heads[k]
        # the run's start: after the last character before the head that no name holds (from the last run's
        # end, itself such a character: linear in the text)
        back = _TO_LAST_NOT_IN_NAME.match(text, pos, start)
        ahead = _NOT_IN_NAME.search(text, end)
        pos = ahead.start() if ahead else n
        yield from _PROPER.finditer(text, back.end() if back else 0, pos)


def _short_matches(text: str, heads: list[tuple[int, int]]) -> Iterator[re.Match]:
    """``_SHORT.finditer(text)``, the same matches, tried only where one may start: "the" and blanks before
    a head (``heads``: :func:`_head_spans`)."""
    reach = 0
    for start, _ in heads:
        j = start
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j == start or j < 3 or text[j - 3] not in "Tt" or not text.startswith("he", j - 2) or j - 3 < reach:
            continue
        m = _SHORT.match(text, j - 3)
        if m:
            reach = m.end()
            yield m


def short_forms(texts: list[str], found: list[list[tuple[int, int, str, "Alias"]]],
                heads: Optional[list[list[tuple[int, int]]]] = None) -> list[list[tuple[int, int, str, "Alias"]]]:
    """The short forms ("the Programme of Action", "the Convention") of a document's paragraph ``texts``
    that cite an instrument named in full before them, given the full names ``found`` in each text; per
    text, ``(start, end, words, alias)`` as :meth:`AliasTable.finditer` gives. A short form is read only when
    every proper name holding its head written before it (``traps.toml`` ``short_form_heads``) is a name of
    one and the same instrument. ``heads``: each text's heads (:func:`_head_spans`), found here when not given.

    >>> from ingest.named import curated
    >>> t = ["Recalling the Programme of Action of the International Conference on Population and Development,",
    ...      "Stresses that the Programme of Action remains valid;"]
    >>> [[(w, a.target) for _, _, w, a in f] for f in short_forms(t, curated().finditer_many(t))]
    [[], [('Programme of Action', 'A/CONF.171/13/Rev.1')]]
    """
    # head -> the instruments its proper names so far belong to (target -> an alias; None: one citegraph does not
    # know), kept small: a short form is read only while it holds one known target
    names: dict[str, dict[Optional[str], Optional[Alias]]] = {}
    out: list[list[tuple[int, int, str, Alias]]] = [[] for _ in texts]  # no head: neither a name nor a short form
    # the short forms of each text first: the proper names of a text after the last text with one decide nothing
    shorts_of = []
    for text, full, here_heads in zip(texts, found, _head_spans(texts) if heads is None else heads):
        shorts = [m for m in _short_matches(text, here_heads) if _covering(full, m.start("h")) is None] \
            if here_heads else []
        shorts_of.append((here_heads, shorts))
    last = max((i for i, (_, shorts) in enumerate(shorts_of) if shorts), default=-1)
    for i in range(last + 1):
        text, full, (heads, shorts) = texts[i], found[i], shorts_of[i]
        if not heads:
            continue
        here = out[i]
        events = []
        # a head standing as a short form at the end of a pinpoint ("Article 25 of the Charter", "Chapter VII
        # of the Convention") is the short form, not a proper name of its own
        short_at = {m.start("h") for m in shorts}
        for m in _proper_names(text, heads):
            if m.group(0) in _SHORT_HEADS:
                continue  # a head alone: "the Convention" is a short form, not a name
            for hm in _HEAD_IN.finditer(m.group(0)):
                # the instrument whose full name holds this head here, or None (one citegraph does not know)
                at = m.start() + hm.start()
                if at in short_at:
                    continue
                f = _covering(full, at)
                events.append((at, "name", hm.group(0), f[3] if f else None))
        for m in shorts:
            events.append((m.start("h"), "short", m.group("h"), m))
        for start, what, words, x in sorted(events, key=lambda e: e[0]):
            if what == "name":
                seen = names.setdefault(words, {})
                if len(seen) < 2:
                    seen.setdefault(x.target if x else None, x)
                continue
            seen = names.get(words, {})
            if len(seen) == 1 and None not in seen:
                here.append((x.start("h"), x.end("h"), words, next(iter(seen.values()))))
    return out


def _covering(full: list[tuple[int, int, str, "Alias"]], at: int) -> Optional[tuple]:
    """The full name of ``full`` (in order of position, none overlapping) that holds the place ``at``, or None
    (a binary search over their starts)."""
    i = bisect.bisect_right(full, (at, float("inf"))) - 1
    return full[i] if i >= 0 and full[i][0] <= at < full[i][1] else None


_PROTOCOL_TO = re.compile(r"\b(?:(?:Protocols?|Amendments?)\s+(?:thereto\s+)?to|supplementing)\s+the\s+$", re.I)
_BEFORE_WORD = re.compile(r"([A-Z][\w-]*)\s+$")
_OPENERS = frozenset(TRAPS["names"]["openers"])


_LINKS = "|".join(map(re.escape, TRAPS["names"]["longer_name_links"]))
_HEADS = "|".join(map(re.escape, sorted(TRAPS["names"]["longer_name_heads"], key=len, reverse=True)))
#: a head ("Working Group", "Conference of the Parties", "Agreement") or a title's opening (":", "“") joined to
#: what follows by capitalised words and links only: the name after it is part of a longer name
_LONGER_BEFORE = re.compile(r"(?:(?<![\w’'-])(?:" + _HEADS + r")|(?P<title>[:“]))(?P<run>(?:\s+(?:[A-Z][\w’'/-]*|"
                            + _LINKS + r"))*)\s+$")
_LONGER_WINDOW = 250
#: the instrument nouns (``short_form_heads``, one word each): a longer name that holds one has ended there
_INSTRUMENT_WORDS = frozenset(w for h in TRAPS["names"]["short_form_heads"] for w in h.split() if w[0].isupper()) \
    | {"Charter"}
_ARTICLES = frozenset(("The", "A", "An"))


def part_of_longer_name(text: str, start: int) -> bool:
    """Whether the name at ``start`` is part of a longer proper name: a body's, a mechanism's, a
    programme's or a title's (``traps.toml`` ``longer_name_heads``, ``longer_name_links``), decided by the
    words before it.

    >>> t = "the Working Group on the Effective Implementation of the Durban Declaration and Programme of Action"
    >>> part_of_longer_name(t, t.index("Durban")), part_of_longer_name("Recalling the Durban Declaration", 14)
    (True, False)
    """
    m = _LONGER_BEFORE.search(text, max(0, start - _LONGER_WINDOW), start)
    if not m:
        return False
    run = m.group("run").split()
    if m.group("title") is not None:
        # "…: Towards the Achievement of the 2030 Agenda": a title, when the run has a word of its own
        return any(w[:1].isupper() and w not in _ARTICLES for w in run)
    # "the Conference of the Parties to the Convention on Biological Diversity of the Kunming-Montreal ...
    # Framework": the longer name ended with the instrument it holds; the name after it stands on its own
    return not any(w in _INSTRUMENT_WORDS for w in run)


def _inside_longer_name(text: str, start: int) -> bool:
    """"Connect 2030 Agenda": a capitalised word right before the name makes it another name."""
    m = _BEFORE_WORD.search(text[max(0, start - 40):start])
    if not m:
        return False
    w = m.group(1)
    if w in _OPENERS or w.endswith("ing") or w.endswith("s") and w[:-1].lower().endswith(("recall", "reaffirm",
                                                                                           "note", "welcome")):
        return False
    # a sentence start is not part of a name (the character before the word, past spaces: a look back
    # over one run of spaces, not a copy of the text before it, so that a paragraph of names is linear)
    j = start - len(m.group(0))
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return not (j == 0 or text[j - 1] in ".;:")
