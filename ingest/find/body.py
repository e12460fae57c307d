"""The body behind a resolution or decision number: whose numbering it is.

A number is resolved against a body's numbering (:func:`ingest.symbols.resolve_number`),
so the body must be decided first, in order:

1. a body named before the keyword ("Economic and Social Council resolution"), unless a
   longer name of another body holds it ("World Health Assembly resolution");
2. another body named before it ("Governing Council decision 27/2", "the adoption by the
   Economic Commission for Latin America ... of resolution 700 (XXXVI)"): not ours (None);
3. "its" (the speaker, or what "its" means in another body's text);
4. a capitalised word right before the keyword names a body citegraph does not resolve
   ("Conference resolution 3/1"), unless it is one of ``[keyword] not_a_body`` of
   ``ingest/data/traps.toml``;
5. else the speaker, not explicitly (the number's form may overrule it).

:func:`body_for_number` then checks the number against the body's sessions and years
(:func:`ingest.grammar.session_fits`), choosing the one body they fit when the body was
not written. :func:`speaker_of` says whose text a document is.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from .. import symbols
from ..grammar import BODIES, BODY_PHRASES, SPEAKER, TRAPS, session_fits
from ..model import Document
from .regexes import (ADOPTED_BY_OTHER, BARE_COMMISSION, ITS_BEFORE, OTHER_BEFORE, PREVIOUS_WORD,
                      SENTENCE_BREAK, body_before, names_other_body)

__all__ = ["OTHER_SPEAKER", "ITS_ASSEMBLY_IF_FITS", "body_of_phrase", "council", "decide_body", "subject_body",
           "body_for_number", "numbers_so", "speaker_of", "named_throughout"]

OTHER_SPEAKER = "other"  # the text of a body citegraph does not resolve
#: What "its resolution" means in another body's text: the Assembly's, where its numbering fits.
ITS_ASSEMBLY_IF_FITS = "its:GA?"
_NOT_A_BODY = frozenset(TRAPS["keyword"]["not_a_body"])
_CODE_OF_PHRASE = {}
for _p, _code in BODY_PHRASES:
    _CODE_OF_PHRASE.setdefault(_p, _code)


#: How far before a keyword its body's name is looked for, in characters: "Economic and Social
#: Council resolutions", "the General Assembly, in its resolution", "paragraph 71 of General Assembly
#: resolution" - the longest body phrase of grammar.toml (about 70 characters) with the words that
#: join it to the keyword; a body named further back stands in another clause.
BODY_LOOKBACK = 160

def body_of_phrase(phrase: str) -> Optional[str]:
    """The code of the body a phrase of grammar.toml names ("Assembly" -> "GA"), or None."""
    return _CODE_OF_PHRASE.get(phrase)


def council(speaker: Optional[str]) -> str:
    """"Council" alone: the speaker when it is a Council, else "Council" (the number's form and
    date tell which one, :func:`body_for_number`)."""
    return speaker if speaker in ("SC", "ECOSOC", "HRC") else "Council"


def decide_body(text: str, kw_start: int, speaker: Optional[str],
                its: Optional[str] = None) -> tuple[Optional[str], bool]:
    """The body behind the numbers after the keyword at ``kw_start``: ``(code or None to skip,
    explicit?)``. ``its`` is what "its resolution" means when not the speaker
    (``ITS_ASSEMBLY_IF_FITS`` in another body's text)."""
    before = text[max(0, kw_start - BODY_LOOKBACK):kw_start]
    m = body_before(before)
    if m:
        phrase = m.group("phrase")
        # "World Health Assembly resolution", "Environment Assembly" are longer known phrases
        other = OTHER_BEFORE.search(before) if names_other_body(before) else None
        if other and other.start() < m.start() + len(before[m.start():]) and len(other.group(0)) > len(m.group(0)):
            return None, True
        if phrase == "Council":
            # "Council resolution": which Council the number's form and date tell (body_for_number)
            return council(speaker), False
        return body_of_phrase(phrase), True
    if speaker == "CHR" and BARE_COMMISSION.search(before):
        return speaker, True  # "Commission resolution 2004/5" in a Commission on Human Rights text
    if names_other_body(before) and OTHER_BEFORE.search(before):
        return None, True
    wide = text[max(0, kw_start - 320):kw_start]  # the body's name, then up to 160 characters before "of"
    if "adopt" in wide:
        # "the adoption by the Economic Commission for Latin America and the Caribbean at its
        # thirty-sixth session, held in ..., of resolution 700 (XXXVI)": that body's resolution
        before = wide
        a = ADOPTED_BY_OTHER.search(before) if names_other_body(before) else None
        if a:
            ours = next((code for p, code in BODY_PHRASES if before.startswith(p, a.start("body"))), None)
            return ours, True
    if ITS_BEFORE.search(before.lower()):
        # "the General Assembly, in its resolution" is caught above; otherwise the speaker
        return (its, True) if its else (speaker, False)
    prev = PREVIOUS_WORD.search(before)
    if prev and not SENTENCE_BREAK.search(before[: prev.start()][-3:] or " ") and \
            not prev.group(1).endswith("ing") and prev.group(1) not in _NOT_A_BODY:
        # "Conference resolution 3/1", "Board decision 2020/5": a body citegraph does not resolve
        return None, True
    return speaker, False


def subject_body(subj: str, speaker: Optional[str]) -> tuple[Optional[str], bool]:
    """(body, explicit?) for a subject named after the numbers ("In its decision 2005/1, the
    Commission reaffirmed"), as :func:`decide_body` gives them: a body of grammar.toml; the
    speaker for "the Assembly" or "the Council" that is the speaker ("Council" is told by the
    number's form otherwise); None for a commission, committee, board or conference citegraph does
    not resolve ("the Commission" of a Commission on Population and Development report), unless it
    is the speaker ("the Commission" of the Commission on Human Rights)."""
    if subj == "Assembly":
        return (speaker if speaker in ("GA", "UNEA") else "GA"), True
    if subj == "Council":
        return council(speaker), False
    code = body_of_phrase(subj)
    if code:
        return code, True
    return (speaker if subj == "Commission" and speaker == "CHR" else None), True


@functools.lru_cache(maxsize=65536)
def body_for_number(num: str, body: Optional[str], explicit: bool, speaker: Optional[str],
                    decision: bool = False, year: Optional[int] = None) -> Optional[str]:
    """The body whose numbering ``num`` is, given the body decided for it (``explicit`` when
    written), or None: a written body whose sessions the number does not fit is none; a body
    not written yields to the one body the number (and its ``year``) fits."""
    if body == ITS_ASSEMBLY_IF_FITS:
        # "its resolution" in another body's text: the Assembly named before it, where the Assembly's
        # numbering fits ("In its resolution 32/162 of 19 December 1977"); else that body's own (skip)
        return "GA" if numbers_so("GA", num, decision, year) else None
    form = symbols.number_form(num)
    if body == "Council":
        # "Council resolution": the number's form tells which Council
        return {"year_number": "ECOSOC", "number_year": "SC", "session_number": "HRC",
                "special_session": "HRC", "roman": "ECOSOC"}.get(form or "", None)
    if body is None:
        return None
    if form != "session_number":
        if not explicit and body not in ("GA", "HRC", "UNEA", "ECOSOC", "SC", "CHR"):
            return "GA"
        return body
    s, n = (int(x) for x in num.split("/"))
    if explicit:
        return body if session_fits(body, s, n, None, decision) else None
    # not written: the presumed body if the number and its date fit, else the one body they fit
    presumed = body if body in ("GA", "HRC", "UNEA") else "GA"
    if session_fits(presumed, s, n, year, decision):
        return presumed
    others = [c for c in ("GA", "HRC", "UNEA") if c != presumed and session_fits(c, s, n, year, decision)]
    if len(others) == 1 and year is not None:
        return others[0]
    if year is None and "GA" in others:
        return "GA"
    return None


#: the key of grammar.toml's [bodies] that says a body numbers its decisions in a number's form
_DECISION_FORM = {"session_number": "decision", "special_session": "special_decision",
                  "emergency_session": "emergency_decision", "roman": "roman_decision", "year_number": "year_decision"}


@functools.lru_cache(maxsize=4096)
def numbers_so(code: str, num: str, decision: bool = False, year: Optional[int] = None) -> bool:
    """Whether body ``code`` numbers its resolutions (or decisions) in the form of ``num`` (grammar.toml
    ``[bodies]``) and, for a session/number, whether its session could hold it in ``year``
    (:func:`ingest.grammar.session_fits`): what "its" may mean where the body named last is another's.

    >>> numbers_so("GA", "70/1"), numbers_so("GA", "2013/1"), numbers_so("GA", "ES-10/21"), numbers_so("ECOSOC", "2013/1")
    (True, False, True, True)
    >>> numbers_so("GA", "20/5"), numbers_so("SC", "1645 (2005)"), numbers_so("HRC", "64/2", year=2020)
    (False, True, False)
    """
    spec = BODIES.get(code, {})
    form = symbols.number_form(num)
    if (_DECISION_FORM.get(form or "") if decision else form) not in spec:
        return False
    if form == "session_number":
        s, n = (int(x) for x in num.split("/"))
        return session_fits(code, s, n, year, decision)
    return True


def speaker_of(doc: Document) -> str:
    """Whose text a document with no adopting body is: the General Assembly's by default (reports,
    letters, Secretariat texts under A/, S/, E/, ST/: in a functional commission's report "its
    resolution" is as often the Council's as the commission's); the Commission on Human Rights'
    under E/CN.4, the Human Rights Council's under A/HRC, the Environment Assembly's under
    UNEP/EA.; another body's under its own series (UNEP/GC/..., HSP/..., ECE/..., TD/...)."""
    symbol = doc.symbol or ""
    if symbol.startswith("E/CN.4/"):
        return "CHR"
    if symbol.startswith("A/HRC/"):
        return "HRC"
    if symbol.startswith("UNEP/EA."):
        return "UNEA"
    if symbol.split("/")[0] not in ("", "A", "S", "E", "ST"):
        return OTHER_SPEAKER
    return named_throughout(" ".join(p.text for p in doc.paragraphs)) or "GA"


#: The bodies that number as the Assembly does (session/number), by their full names: the body a text
#: names throughout tells whose "resolution 39/2" it means
_SESSION_NUMBER_BODIES = [(code, re.compile(r"\b" + re.escape(BODIES[code]["name"]) + r"\b"))
                          for code in BODIES if "session_number" in BODIES[code] and code != "GA"]
_ASSEMBLY = re.compile(r"\bGeneral Assembly\b")
#: how often, and how many times more often than the Assembly, a body is named to be the citing body
#: (grammar.toml [speaker])
NAMED_THROUGHOUT = (SPEAKER["named_at_least"], SPEAKER["times_the_assembly"])


def named_throughout(text: str) -> Optional[str]:
    """The body other than the Assembly that numbers as the Assembly does (the Human Rights Council, the
    Environment Assembly) when ``text`` names it throughout: at least 3 times, and 3 times as often as the
    General Assembly (``NAMED_THROUGHOUT``); else None. A report of the Council or a text quoting it
    ("... paragraph 25 of resolution 39/2") means the Council's resolution 39/2, not the Assembly's of 1984.

    >>> named_throughout("The Human Rights Council ... the Human Rights Council ... Human Rights Council")
    'HRC'
    >>> named_throughout("The Human Rights Council and the General Assembly") is None
    True
    """
    most, times = NAMED_THROUGHOUT
    ga = len(_ASSEMBLY.findall(text))
    for code, rx in _SESSION_NUMBER_BODIES:
        n = len(rx.findall(text))
        if n >= most and n >= times * ga:
            return code
    return None
