"""One text -> its explicit references: the dispatcher of the find stages.

As eyecite's ``get_citations`` hands each kind of token to its ``_extract_*``
function, :func:`find_in_text` hands each kind of match to its stage:

1. written symbols ("A/79/434", "A/79/62-E/2024/3", "and Add.1"):
   :func:`ingest.find.written.extract_written`;
2. resolution and decision numbers after a keyword, every item of a list:
   :func:`ingest.find.numbers.extract_numbers` (the body behind them:
   :mod:`ingest.find.body`; pinpoints: :mod:`ingest.find.pinpoints`);
3. a bare "2367 (2017)" that fits the Security Council's numbering:
   :func:`ingest.find.numbers.extract_bare_sc`.

The hits come back in order of position.
"""
from __future__ import annotations

from typing import Optional

from .body import ITS_ASSEMBLY_IF_FITS, OTHER_SPEAKER
from .hit import Hit
from .numbers import extract_bare_sc, extract_numbers
from .regexes import ABBREVIATED_KEYWORD, CODE_KEYWORD_HINTS
from .written import extract_written

__all__ = ["find_in_text"]


def find_in_text(text: str, speaker: Optional[str] = "GA", tied: Optional[dict] = None) -> list[Hit]:
    """Every explicit reference in one text, in order of position. ``speaker`` is the body whose
    text it is (a code of grammar.toml), or ``OTHER_SPEAKER`` for a body citegraph does not resolve
    (a UN-Habitat or UNEP Governing Council text): its "its resolution" is then not a reference,
    and a bare number is read as the General Assembly's.

    ``tied``, a dict kept by the caller from text to text of one document, holds the numbers the document tied
    to a body ("Human Rights Council resolution 34/22"; None for another body's: "Economic and Social Commission
    for Asia and the Pacific resolution 78/2"): a later bare "resolution 34/22" or "its resolution 34/22" of the
    same document is that body's too (:func:`ingest.find.numbers.extract_numbers`).

    >>> [h.target for h in find_in_text("Recalling its resolutions 56/183 and 57/238,")]
    ['A/RES/56/183', 'A/RES/57/238']
    """
    has_kw = "esolution" in text or "ecision" in text or "ESOLUTION" in text or "residential" in text \
        or "PRST" in text or (("es." in text or "ec." in text or "ES." in text or "EC." in text
                               or any(h in text for h in CODE_KEYWORD_HINTS))
                              and ABBREVIATED_KEYWORD.search(text) is not None)  # "HRC res. 52/1", "HRC Res 52/1"
    if not has_kw and "/" not in text and "(19" not in text and "(20" not in text:
        return []  # most paragraphs: nothing a reference could start with
    its = None  # "its resolution": the speaker's
    if speaker == OTHER_SPEAKER:
        its, speaker = ITS_ASSEMBLY_IF_FITS, "GA"
    hits, taken = extract_written(text)
    if has_kw:
        extract_numbers(text, speaker, its, taken, hits, tied)
    if "(19" in text or "(20" in text:
        hits += extract_bare_sc(text, taken, hits)
    if len(hits) > 1:
        hits.sort(key=lambda h: h.start)
    return hits
