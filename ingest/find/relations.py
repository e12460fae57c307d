"""Relations: how a text cites - the verb that governs the clause holding a reference.

The vocabulary is ONE table of lemmas, data with its sources (``ingest/data/relations.toml``):
"Reaffirming", "reaffirms", "reaffirmed" and "We reaffirm" are ``reaffirm``; "as requested in" is
``request``; "in conformity with" is ``in accordance with``. A reference's relation is the lemma of
the verb that governs its clause (:class:`Clauses`), and its ``verb`` the words as written:

* a verb governs its clause until another verb of the same clause takes over ("Reaffirms its
  resolution 1/1 and requests ... under resolution 2/2": ``request``);
* a relative clause of an object has its own verb, or none: ", in which it requested ...", ", adopted
  by resolution 217 A (III)" (``adopt``), "the Programme of Action contained in resolution 69/15"
  (none: a describing participle); ", and" / ", as well as" end it while the list goes on;
* ";" gives the clause back to the paragraph's own verb (the items of "Requests the
  Secretary-General: (a) ...; (b) ..."), the end of a sentence to none: never a verb of another
  sentence;
* a reference in a fronted phrase with no verb before it takes the verb after it ("In its
  resolution 78/132, the General Assembly requested ...": ``request``);
* ambiguous forms are verbs only where the word before them allows ("the request of", "its support",
  "a note by" are nouns), and the adjectives that open preambular paragraphs ("Deeply concerned")
  only there.

* :func:`relation_lemma` - any form as written -> its lemma (the door's ``ingest.relation_lemma``);
  :data:`RELATION_LEMMAS` - lemma -> :class:`Relation`;
* :func:`relation_events`, :class:`Clauses` - the verbs, clauses and boundaries of one text, and the
  verb governing a position (one pass, looked up by binary search: linear in the text);
* :func:`normalise_verb` - a paragraph's verb as a relation.

The relation of a reference is looked up through :mod:`ingest.find.context`. Not supported:
languages other than English; a relative clause that runs on after a comma without ", and".
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Optional

import ahocorasick_rs

from ..grammar import RELATION_DATA, VERBS
from .hit import in_spans
from .regexes import NOT_SENTENCE_END, SENTENCE_END

__all__ = ["normalise_verb", "Relation", "RELATION_LEMMAS", "RELATIONS_VERSION", "FORM_LEMMA", "relation_lemma",
           "relation_events", "Clauses"]


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


# ---------------------------------------------------------------- the verb that governs a clause

_AMB = RELATION_DATA["ambiguity"]
_AMBIGUOUS = frozenset(_AMB["forms"])
_NOT_AFTER = frozenset(_AMB["not_after"])
_BASE_FORMS = frozenset(_AMB["base_forms"])
_BASE_AFTER = frozenset(_AMB["base_after"])
_NOUN_SUFFIX = _AMB["noun_after_suffix"]
_NOT_ING = frozenset(_AMB["not_ing_words"])
_HEAD_ONLY = frozenset(RELATION_DATA["position"]["head_only"])
_HEAD_WORDS = frozenset(RELATION_DATA["position"]["head_words"])
_DESCRIBING = frozenset(RELATION_DATA["describing"]["forms"])
_CL = RELATION_DATA["clauses"]
_OPENERS = frozenset(_CL["openers"])
_NOT_OPENERS_AFTER = frozenset(_CL["not_openers_after"])
_PREPOSITIONS = frozenset(_CL["prepositions"])
_AUXILIARIES = frozenset(_CL["auxiliaries"])
_NOT_PARTICIPLES = frozenset(_CL["not_participles"])
_COMPLEMENT_AFTER = frozenset(_CL["complement_after"])
_THAT = re.compile(r"\b(?:" + "|".join(_CL["that_clause"]) + r")\b")

# every form of the vocabulary, every describing participle and every relative opener, found in one
# pass of an Aho-Corasick automaton over the lower-cased text (a DFA: linear in the text)
_KEYS = sorted(set(FORM_LEMMA) | _DESCRIBING | _OPENERS)
_AC = ahocorasick_rs.AhoCorasick(_KEYS, implementation=ahocorasick_rs.Implementation.DFA)
_WORD_BEFORE = re.compile(r"([a-z/]+)[^a-z/]{0,3}$")
_WORD_AFTER = re.compile(r"\s*([a-z]+)")
# ", and", ", including", ... and ", the <Name>", ", its resolution": a clause of an object ends
_CLOSE = re.compile(r",\s+(?:(?:" + "|".join(re.escape(c.strip(", ")) for c in _CL["closers"]) + r")\b"
                    r"|(?:" + "|".join(_CL["item_starts"]) + r")\s+(?=[A-Z0-9]|resolution|decision))")
_AND_OR = re.compile(r",\s+(?:and|or|as well as)\b")
# after ", and": the next item of a list (a capital, a number, a determiner, a keyword) rather than a clause
_ITEM_AFTER = re.compile(r"\s*(?:[A-Z0-9“\"(]|(?:" + "|".join(_CL["item_starts"]) +
                         r"|a|an|all|other|relevant|international|national|regional|applicable)\b)")
# ", thus ensuring", ", while promoting", ", ensuring": a participial clause
_PARTICIPLE = re.compile(r",\s+(?:(?:thus|thereby|while|and|also)\s+)?([a-z][a-z-]+ing)\b")
# a title in quotation marks ("entitled “Review of ...”"); not a quotation the paragraph opens with (a
# presidential statement is printed in quotation marks whole)
_QUOTED = re.compile(r"(?<=\S)\s*(?:“[^”]{0,300}”|\"[^\"]{0,300}\")")
_AFTER_STOP = re.compile(r"(?:^|[.;:,)•\n]|\(\w{1,4}\))\s*$")

# "(see A/79/1)", "(cf. resolution 70/1)": an aside in brackets, governed by no verb
_ASIDE = re.compile(r"(?:\(|[,;]\s+)(?:" + "|".join(re.escape(a) for a in sorted(_CL["asides"], key=len,
                                                                                  reverse=True)) + r")(?=\s)")


#: the asides' words that hold no other ("see", "cf."): a text without one of them holds no aside
_ASIDE_CORES = tuple(a for a in _CL["asides"] if not any(o != a and o in a for o in _CL["asides"]))
_BRACKET = re.compile(r"[()]")
#: how far an aside's bracket may close (characters): further, it is no aside but a stray bracket
ASIDE_REACH = 400


def _aside_closes(text: str, starts: list[int]) -> dict[int, int]:
    """For each aside start in ``starts`` (ascending): where the bracket it opens ("(see") or stands in
    (", see" inside "(resolution 2004/1, see E/2004/25)") closes, nested brackets counted, when that is
    within :data:`ASIDE_REACH` characters. One pass over the brackets of the text (linear)."""
    out: dict[int, int] = {}
    waiting: dict[int, list[int]] = {}  # an open bracket's position -> the asides it holds
    stack: list[int] = []
    k = 0
    for m in _BRACKET.finditer(text):
        i = m.start()
        while k < len(starts) and starts[k] < i:
            if text[starts[k]] != "(" and stack:  # ", see" inside the innermost open bracket
                waiting.setdefault(stack[-1], []).append(starts[k])
            k += 1
        if text[i] == "(":
            stack.append(i)
            if k < len(starts) and starts[k] == i:
                waiting.setdefault(i, []).append(i)
                k += 1
        elif stack:
            for start in waiting.pop(stack.pop(), ()):
                if i - start <= ASIDE_REACH:
                    out[start] = i
    return out


#: the kinds of events, as :func:`relation_events` gives them
VERB, REDUCED, OPEN, THAT, CLOSE, COMMA, PARA, NONE = ("verb", "reduced", "open", "that", "close", "comma", "para",
                                                       "none")
BASIS, RESUME = "basis", "resume"
# the phrases of the basis group that open a prepositional phrase ("in accordance with", "pursuant to")
_BASIS_PHRASES = frozenset(f for r in RELATION_LEMMAS.values() if r.group == "basis" for f in r.forms
                           if " " in f and f.rsplit(" ", 1)[1] in ("with", "to", "per", "of", "under"))
# ", to convene ...": an infinitive after a comma resumes the clause a basis phrase interrupted ("Reaffirms
# its decision, in accordance with its resolution 73/226, to convene the Conference ...")
_RESUME = re.compile(r",\s+to\s+(?!(?:the|its|their|his|her|a|an|this|that|these|those|all|each|any|such|be)\b)[a-z]")
_PARA = "\x00para"  # the paragraph's own verb governs here
_MAX_DEPTH = 32


def _whole_word(low: str, s: int, e: int) -> bool:
    return not ((s and (low[s - 1].isalnum() or low[s - 1] in "_-")) or
                (e < len(low) and (low[e].isalnum() or low[e] in "_-")))


def _opens(low: str, s: int, opening: int = 0) -> bool:
    """Whether only a paragraph number and the words of ``head_words`` stand before ``s`` (after the
    body's name that opens the paragraph, ``opening``)."""
    return all(w in _HEAD_WORDS for w in _WORDS.findall(low, opening, s)) if opening else \
        all(w in _HEAD_WORDS for w in _WORDS.findall(low[:s]))


def _in_name(text: str, s: int, head: int) -> bool:
    """A form written with a capital inside a sentence is a word of a name or a title."""
    return text[s].isupper() and s > head and not _AFTER_STOP.search(text, max(0, s - 8), s)


def relation_events(text: str, head: int = 0, opening: int = 0) -> list[tuple[int, int, str, Optional[str], str]]:
    """The events of ``text`` that decide which verb governs a clause, in order of position:
    ``(start, end, kind, lemma, words as written)``. ``head`` is where the paragraph's opening
    words end (:func:`_head_end`).

    * ``verb``: a form of the vocabulary that is a verb there (not "the request of", "guidance
      note", "the States concerned", "Conference ... to Review", a word inside quotation marks);
    * ``reduced``: a past participle before a preposition, a clause of the object before it ("the
      Declaration, adopted by resolution 217 A (III)");
    * ``open``: a relative clause opens (", in which", "whereby"); ``close``: a clause of an object
      ends while the list goes on (", and", ", including", ", the <Name>"); ``comma``: a comma (it ends
      a participle's clause); a participial clause in "-ing" outside the vocabulary (", thus
      ensuring", ", supplementing the Convention,") is ``reduced`` with no lemma;
    * ``para``: a ";" (the paragraph's verb governs the next item); ``none``: a sentence ends.

    Describing participles ("contained in", "set forth in") are no event: the clause's verb holds.
    """
    low = text.lower()
    if len(low) != len(text):  # "İ" lower-cases to two characters: offsets would shift
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)] if ("“" in text or '"' in text) else []
    found = []
    n = len(low)
    for i, s, e in _AC.find_matches_as_indexes(low, overlapping=True):
        # a whole word (_whole_word, written out: this loop runs for every form found)
        if not ((s and (low[s - 1].isalnum() or low[s - 1] in "_-")) or
                (e < n and (low[e].isalnum() or low[e] in "_-"))):
            found.append((s, -e, _KEYS[i]))
    found.sort()
    events: list[tuple[int, int, str, Optional[str], str]] = []
    reach = -1
    for s, neg_e, key in found:
        e = -neg_e
        if s < reach:
            continue  # inside a longer form found at an earlier start ("taking note" holds "note")
        if quoted and in_spans(quoted, s):
            continue  # a title: “Review of the implementation ...”
        reach = e
        if key in _DESCRIBING:
            continue  # transparent
        before = _WORD_BEFORE.search(low, max(0, s - 24), s)
        prev = before.group(1) if before else ""
        if key in _OPENERS:
            if prev not in _NOT_OPENERS_AFTER:
                events.append((s, e, OPEN, None, text[s:e]))
            continue
        if _in_name(text, s, head):
            continue
        if key in _BASE_FORMS and prev not in _BASE_AFTER and not (s <= head and _opens(low, s, opening)):
            continue  # "the review of", "guidance note", "technical support": nouns
        if key in _AMBIGUOUS and prev in _NOT_AFTER:
            continue  # "the requests of", "the established practice"
        if (key in _AMBIGUOUS or key in _BASE_FORMS) and prev.endswith(_NOUN_SUFFIX) and prev not in FORM_LEMMA \
                and prev not in _NOT_ING:
            continue  # "briefing notes", "funding requests": nouns
        if key in _AMBIGUOUS and key.endswith("ed") and prev in FORM_LEMMA and before.end() == s:
            continue  # "Welcomes agreed conclusions": an adjective of the object
        if key in _HEAD_ONLY and not (s <= head and _opens(low, s, opening)):
            continue  # "the States concerned": an adjective, not the paragraph's "Concerned"
        if prev in _COMPLEMENT_AFTER and " " not in key:
            continue  # "Decides to extend ...": the complement of the clause's verb
        after = _WORD_AFTER.match(low, e)
        nxt = after.group(1) if after else ""
        # a past participle before a preposition is a clause of the object before it ("the Declaration,
        # adopted by resolution 217 A (III)", "the report requested in resolution 70/1", "the arrangements
        # referred to in resolution 53/208")
        first, _, rest = key.partition(" ")
        reduced = first.endswith("ed") and prev not in _AUXILIARIES and not (s <= head and _opens(low, s, opening)) and (
            nxt in _PREPOSITIONS if not rest else rest.split()[-1] in _PREPOSITIONS | {"to"})
        kind = REDUCED if reduced else BASIS if key in _BASIS_PHRASES else VERB
        events.append((s, e, kind, FORM_LEMMA[key], text[s:e]))
        if nxt == "that":
            events.append((after.start(1), after.end(1), THAT, None, ""))
    if "," in text:
        for m in _RESUME.finditer(low):
            events.append((m.start(), m.start() + 1, RESUME, None, ""))
        for m in _CLOSE.finditer(text):
            # what follows: another item of a list ("..., and the Universal Declaration", ", and its resolution
            # 70/1") or a clause of its own (", and should update ...")
            item = not _AND_OR.match(text, m.start()) or _ITEM_AFTER.match(text, m.end())
            events.append((m.start(), m.end(), CLOSE, None, "item" if item else ""))
            t = m.end() + 1 if low.startswith(" that", m.end()) else m.end()
            if low.startswith("that", t) and _whole_word(low, t, t + 4):
                events.append((t, t + 4, THAT, None, "and"))
        i = text.find(",")
        while i >= 0:
            events.append((i, i + 1, COMMA, None, ""))
            i = text.find(",", i + 1)
        for m in _PARTICIPLE.finditer(low):
            word = m.group(1)
            if word not in FORM_LEMMA and word not in _NOT_PARTICIPLES and not in_spans(quoted, m.start(1)):
                events.append((m.start(1), m.end(1), REDUCED, None, ""))
    if "(" in text and any(w in low for w in _ASIDE_CORES):
        asides = list(_ASIDE.finditer(low))
        closes = _aside_closes(text, [m.start() for m in asides]) if asides else {}
        for m in asides:
            close = closes.get(m.start(), -1)
            if close > 0:
                events.append((m.start(), m.end(), OPEN, "see", text[m.start():m.end()].lstrip("(,; ")))
                events.append((close, close + 1, CLOSE, None, ")"))
    for m in SENTENCE_END.finditer(text):
        if text[m.start()] == "." and not text.endswith(NOT_SENTENCE_END, 0, m.start()):
            events.append((m.start(), m.end(), NONE, None, ""))
    i = text.find(";")
    while i >= 0:
        events.append((i, i + 1, PARA, None, ""))
        i = text.find(";", i + 1)
    order = {COMMA: 0, CLOSE: 1}
    events.sort(key=lambda ev: (ev[0], order.get(ev[2], 2), ev[1]))
    return events


_FRONTED_RX = re.compile(r"(?:^|[,;:(]\s*|\b(?:and|but|that|whereas)\s+)(?:" +
                         "|".join(re.escape(w) for w in _CL["fronted"]) +
                         r")\s+(?!(?:which|whom)\b)[^,;:]{0,160}$", re.I)


def _fronted_match(text: str, pos: int) -> Optional[re.Match]:
    """``_FRONTED_RX.search(text, max(0, pos - 200), pos)``, the same match, tried only from the last ",", ";"
    or ":" before ``pos``: after its opener a fronted phrase holds none of them (its words, the spaces, and
    ``[^,;:]``), so no match starts before that character."""
    lo = max(0, pos - 200)
    stop = max(text.rfind(",", lo, pos), text.rfind(";", lo, pos), text.rfind(":", lo, pos))
    return _FRONTED_RX.search(text, max(lo, stop), pos)


class Clauses:
    """Which verb governs each position of one text (the relation of a reference there), found in one
    left-to-right pass over :func:`relation_events` (linear in the text; looked up by binary search).

    A verb governs its clause until another verb of the same clause takes over ("Reaffirms resolution
    1/1 and requests ... under resolution 2/2": request); a relative clause of an object (", in which
    ...") or a participle's clause (", adopted by ...") has its own verb, or none; ", and", ", including",
    ", the <Name>" close it while the list goes on; a participle's clause also ends at a comma; ";"
    gives the clause back to the paragraph's verb, a sentence's end to none. A reference in a phrase
    that opens a clause ("In its resolution 78/132, the Assembly requested") takes the verb after it.
    """

    def __init__(self, text: str):
        self.text = text
        opening = _opening_end(text)
        self.events = relation_events(text, head=_head_end(text, opening), opening=opening)
        self.starts: list[int] = []
        self.states: list[tuple[Optional[str], str, int]] = []  # after each event: (lemma | _PARA | None, words, depth)
        self.verbs_at: list[tuple[int, int, Optional[str], str]] = []  # (start, depth, lemma, words) of verbs
        # the stack of clauses: (lemma | _PARA | None, words, kind of clause: base, open, reduced)
        stack: list[tuple[Optional[str], str, str]] = [(_PARA, "", "base")]
        for s, e, kind, lemma, words in self.events:
            if kind == NONE:
                stack = [(None, "", "base")]
            elif kind == PARA:
                stack = [(_PARA, "", "base")]
            elif kind == OPEN:
                # a relative clause: no verb yet; an aside in brackets: "see"
                level = (lemma, words, "aside") if lemma else (None, "", "open")
                if len(stack) < _MAX_DEPTH:
                    stack.append(level)
                else:
                    stack[-1] = level
                if lemma:
                    self.verbs_at.append((s, len(stack) - 1, lemma, words))
            elif kind == THAT:
                # the complement of a verb: under that verb until the clause has a verb of its own; ", and
                # that ..." is another complement of the verb whose first complement it follows
                if words == "and":
                    first = next((k for k, level in enumerate(stack) if level[2] == "that"), None)
                    if first is not None:
                        del stack[max(1, first):]
                if len(stack) < _MAX_DEPTH:
                    stack.append((stack[-1][0], stack[-1][1], "that"))
            elif kind == CLOSE:
                if words == ")":  # an aside's bracket closes: back to the clause around it
                    aside = next((k for k in range(len(stack) - 1, 0, -1) if stack[k][2] == "aside"), None)
                    if aside is not None:
                        del stack[aside:]
                elif len(stack) > 1 and (stack[-1][2] not in ("aside", "basis") or
                                         (stack[-1][2] == "basis" and words != "item")):
                    # ", and" inside an aside stays in it; after a basis phrase's object, a list goes on under it
                    # (", and the Universal Declaration") and a clause of its own does not (", and should ...")
                    stack.pop()
            elif kind == RESUME:
                if len(stack) > 1 and stack[-1][2] == "basis":
                    stack.pop()  # ", to convene": back to the clause the basis phrase interrupted
            elif kind == BASIS:
                # "in accordance with ...": a phrase of its own, until ", to <verb>" or the clause's next verb;
                # inside a participle's or a relative clause ("the Committee established pursuant to resolution
                # 1540 (2004), hereafter ..."), the verb of that clause, ending with it
                if stack[-1][2] in ("reduced", "open", "aside"):
                    stack[-1] = (lemma, words, stack[-1][2])
                elif stack[-1][2] == "basis":
                    stack[-1] = (lemma, words, "basis")
                elif len(stack) < _MAX_DEPTH:
                    stack.append((lemma, words, "basis"))
                else:
                    stack[-1] = (lemma, words, "basis")
                self.verbs_at.append((s, len(stack) - 1, lemma, words))
            elif kind == COMMA:
                if stack[-1][2] == "reduced":
                    stack.pop()
            elif kind == REDUCED:
                if len(stack) < _MAX_DEPTH:
                    stack.append((lemma, words, "reduced"))
                else:
                    stack[-1] = (lemma, words, "reduced")
                if lemma:
                    self.verbs_at.append((s, len(stack) - 1, lemma, words))
            else:
                if stack[-1][2] == "basis" and len(stack) > 1:
                    stack.pop()  # "in accordance with X and requests ...": the clause's own verb again
                stack[-1] = (lemma, words, stack[-1][2])
                self.verbs_at.append((s, len(stack) - 1, lemma, words))
            self.starts.append(s)
            self.states.append((stack[-1][0], stack[-1][1], len(stack) - 1))
        self._verb_starts = [v[0] for v in self.verbs_at]
        self._bounds = [s for s, _, kind, _, _ in self.events if kind in (NONE, PARA)]

    def governing(self, pos: int, para_lemma: Optional[str], para_words: Optional[str]
                  ) -> tuple[Optional[str], Optional[str]]:
        """``(lemma, words as written)`` of the verb governing ``pos``, or ``(None, None)``.
        ``para_lemma`` / ``para_words`` are the paragraph's own verb's (None in a report)."""
        i = bisect.bisect_left(self.starts, pos) - 1
        lemma, words, depth = self.states[i] if i >= 0 else (_PARA, "", 0)
        fronted = self._fronted(pos, depth)
        if fronted:
            return fronted
        if lemma == _PARA:
            lemma, words = para_lemma, para_words
        if lemma is not None:
            return lemma, words or None
        return None, None

    def _fronted(self, pos: int, depth: int) -> Optional[tuple[str, str]]:
        """"In its resolution 78/132, the General Assembly requested ...", "and, by resolution 3190
        (XXVIII), decided": the verb of the clause a fronted phrase holding ``pos`` opens."""
        m = _fronted_match(self.text, pos)
        if not m:
            return None
        k = bisect.bisect_left(self._verb_starts, pos)
        if k and self._verb_starts[k - 1] >= m.start():
            return None  # a phrase of the vocabulary in the fronted phrase ("in accordance with") decides
        while k < len(self.verbs_at) and self.verbs_at[k][1] > depth and self.verbs_at[k][0] - pos < 200:
            k += 1  # an aside or a clause inside the fronted phrase: "In its decision 2011/101 (see ...), the"
        if k >= len(self.verbs_at):
            return None
        s, vdepth, lemma, words = self.verbs_at[k]
        comma = self.text.find(",", pos, s)
        nb = bisect.bisect_left(self._bounds, pos)
        end = self._bounds[nb] if nb < len(self._bounds) else len(self.text)
        if lemma is None or s >= end or vdepth != depth or comma < 0 or s - comma > 80:
            return None
        return lemma, words


_HEAD = re.compile(r"\W*(?:\(?[0-9a-z]{1,3}[.)]\s+)?(?:[A-Za-z-]+,?\s+){0,3}")
# "The Human Rights Council, Guided by ...", "The General Assembly, Recalling ...": the citing body's name
# that opens the first paragraph of a resolution, before its verb
_OPENING = re.compile(r"\W*The\s+(?:(?:[A-Z][\w’'-]*|of|and|the|on|for)\s+){0,8}[A-Z][\w’'-]*,\s+(?=[A-Z][a-z])")


def _opening_end(text: str) -> int:
    """Where the citing body's name that opens a paragraph ends ("The Economic and Social Council, "),
    or 0."""
    m = _OPENING.match(text)
    return m.end() if m else 0


def _head_end(text: str, opening: int = 0) -> int:
    """Where the words that open a paragraph end (its number and up to three words: "Deeply
    concerned", "We are convinced"), after the body's name that opens it."""
    m = _HEAD.match(text, opening)
    return m.end() if m else 0


def normalise_verb(verb: Optional[str]) -> Optional[str]:
    """A paragraph's verb as written ("Recalling also", "Also takes note") -> its relation, a lemma of
    the vocabulary (:func:`relation_lemma`), or None where the opening words are not a verb of it.

    >>> normalise_verb("Recalling also"), normalise_verb("Also takes note"), normalise_verb("States")
    ('recall', 'take note', None)
    """
    if not verb:
        return None
    first = verb.replace(",", " ").split()[0].lower()
    if first in _NOT_VERBS:
        return None
    return relation_lemma(verb)


_NOT_VERBS = frozenset(VERBS["not_verbs"])
