"""Paragraphs -> references: find every explicit citation of another UN document.

Pure functions. Two kinds of explicit reference are found in each paragraph and
each footnote:

* written symbols - ``A/79/434``, ``A/C.2/59/3``, ``S/2024/858``,
  ``A/HRC/55/L.1/Rev.1``, ``UNEP/EA.5/Res.5``, joint symbols
  ``A/79/62-E/2024/3`` (one document; the second symbol is an alias);
* resolution and decision numbers after "resolution(s)" / "decision(s)",
  every item of a list, with the adopting body decided by an explicit name
  ("Economic and Social Council resolution"), by "its" (the speaker, or the
  body just named: "the General Assembly in its resolution"), or by the
  number's form (year/number, number (year), Roman session).

Each reference carries where it sits (paragraph, footnote), the relation
(the citing verb), the pinpoint (annex, para. 71, section VI, part A), the
words as written with their span, and what the text says of the target
(date, subject, title).

One module a stage, the regexes apart from the logic (as eyecite):

============================  ====================================================
:mod:`.scan`                  :func:`find_in_text`: one text, each kind of match to its stage
:mod:`.written`               written symbols and the parts after them
:mod:`.numbers`               numbers and lists after a keyword; a bare "2367 (2017)"
:mod:`.body`                  the body behind a number; whose text a document is
:mod:`.pinpoints`             "paragraph 71 of", ", annex", parts that are pinpoints
:mod:`.relations`             citing verbs; a paragraph's verb as a relation
:mod:`.context`               the relation and sentence of a reference, by position
:mod:`.parties`               the UNFCCC's decisions: "decision 1/CP.21"
:mod:`.tables`                rows of mandates tables under a heading
:mod:`.document`              :func:`extract_explicit`: a document's references, placed
:mod:`.regexes`               every pattern, built from :mod:`ingest.grammar`'s data
:mod:`.hit`                   :class:`Hit`, a reference before it is placed
============================  ====================================================

Not found here: references by an instrument's name ("the Tunis Agenda"), which
:mod:`ingest.named` adds; numbers with no "resolution"/"decision" before them.
"""
from .body import OTHER_SPEAKER, speaker_of
from .context import Marks, marks_of
from .document import extract_explicit, footnote_hits, link_symbol, source_of
from .hit import Hit
from .relations import RELATION_LEMMAS, RELATIONS_VERSION, Relation, normalise_verb, relation_lemma
from .scan import find_in_text

__all__ = ["find_in_text", "extract_explicit", "footnote_hits", "source_of", "link_symbol", "speaker_of",
           "OTHER_SPEAKER", "Hit", "Marks", "marks_of", "normalise_verb", "Relation", "RELATION_LEMMAS",
           "RELATIONS_VERSION", "relation_lemma"]
