""""Ibid." and its kin: a citation of what was cited just before.

"² Ibid., para. 25." after "¹ A/79/434, para. 21." cites A/79/434, at paragraph 25; "Ibid." alone
cites it at the same pinpoint; "(ibid., para. 44)" in a report's paragraph cites the reference before
it in that paragraph. "Ibid." repeats a document only alone or with a pinpoint after it ("Ibid., annex
VIII", "Ibid., chap. II"); an "Ibid." clause that names a document of its own ("Ibid., Twentieth
Session, Supplement No. 11 (A/6011)", "Ibid., document A/4514") cites that document only, and one
that goes on otherwise ("Ibid., Thirty-second Session, Plenary Meetings, 84th meeting") stands for
the Official Records, not for a UN document. The words are data
(:data:`ingest.grammar.IBID`, ``grammar.toml`` ``ibid``).

What came before is the last reference of the same text before the "Ibid.", else the last
reference of the note just before (``previous``); nothing when that note cited no UN document
("Ibid., vol. 999" after "United Nations, Treaty Series, vol. 999" is not a reference).
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from ..grammar import IBID, IBID_NOT_BEFORE
from .hit import Hit
from .pinpoints import join_pins, pin_after

__all__ = ["IBID_RX", "ibid_hits", "opens_with_ibid", "last_cited"]

#: "Ibid.", "ibid.,", "Id.", "Idem" as a word (where it stands is checked by :func:`_opens_clause`)
IBID_RX = re.compile(r"(?<![\w./-])(?P<w>(?:" + "|".join(sorted(map(re.escape, IBID), key=len, reverse=True))
                     + r")\.?)(?=[,;:.)]|\s*$|(?<=\.)\s)")  # a bare word only before punctuation: not "Ibidem Foundation"
#: a letter every word of IBID holds ("d"), or "" (none): a text without it holds none of them
_IBID_LETTER = min(set.intersection(*(set(w) for w in IBID)), default="")
_SERIES_AFTER = re.compile(r",?\s*(?:" + "|".join(map(re.escape, IBID_NOT_BEFORE)) + r")\b")
#: where an "Ibid." clause ends: at ";", a closing bracket, or a full stop that ends a sentence
_CLAUSE_END = re.compile(r";|\)|\.(?=\s+[A-Z(]|\s*$)")


def _opens_clause(text: str, at: int) -> bool:
    """Whether ``at`` opens the text or a clause: only spaces, a note's number or "(" before it in the
    text, or ". ", "; ", ": ", "(" right before it ("see A/79/434; ibid., para. 30")."""
    before = text[max(0, at - 6):at].rstrip()
    return not before or before[-1] in ".;:(" or (at <= 6 and not before.strip("0123456789¹²³⁴⁵⁶⁷⁸⁹⁰* "))


def last_cited(hits: list[Hit]) -> Optional[Hit]:
    """The document a text cited last, which an "Ibid." after it repeats: its last hit, unless that is
    a part written after an earlier one ("A/CONF.48/14 and Corr.1, chap. I.": A/CONF.48/14).

    >>> last_cited([Hit("A/CONF.48/14", "A/CONF.48/14", 0, 12), Hit("A/CONF.48/14/Corr.1", "Corr.1", 17, 23)]).target
    'A/CONF.48/14'
    """
    if not hits:
        return None
    last = max(hits, key=lambda h: h.start)
    if last.target.startswith(last.surface.split("/")[0] + "/"):
        return last  # written whole
    return next((h for h in hits if h is not last and last.target.startswith(h.target + "/")), last)


def opens_with_ibid(text: str) -> bool:
    """Whether ``text`` opens with "Ibid." (after a note's number, as notes read into paragraphs do:
    "24 Ibid., para. 22.").

    >>> opens_with_ibid("24 Ibid., para. 22."), opens_with_ibid("Recalling ibid.")
    (True, False)
    """
    if _IBID_LETTER and text.find(_IBID_LETTER, 0, 12) < 0:
        return False  # (most texts: no word of IBID in their first 12 characters)
    m = IBID_RX.search(text, 0, 12)
    return bool(m) and _opens_clause(text, m.start()) and not text[:m.start()].strip("0123456789¹²³⁴⁵⁶⁷⁸⁹⁰*( ")


def ibid_hits(text: str, hits: list[Hit], previous: Optional[Hit]) -> list[Hit]:
    """The references the "Ibid."s of ``text`` make, given the ``hits`` already found in it (in order)
    and the last reference of the note before (``previous``, or None). Each is a :class:`Hit` whose
    ``surface`` is the word as written ("Ibid.") and whose ``pinpoint`` is the one written after it,
    else the one of what it repeats.

    >>> prev = Hit("A/79/434", "A/79/434", 0, 8, "para. 21")
    >>> [(h.target, h.surface, h.pinpoint) for h in ibid_hits("Ibid., para. 25.", [], prev)]
    [('A/79/434', 'Ibid.', 'para. 25')]
    >>> ibid_hits("Ibid., document A/4514.", [Hit("A/4514", "A/4514", 16, 22)], prev)
    []
    """
    if "bid" not in text and "Id" not in text and "dem" not in text:
        return []
    out: list[Hit] = []
    hits = sorted(hits, key=lambda h: h.start)
    starts = [h.start for h in hits]
    i = 0  # hits[:i] end before the current "Ibid."
    cited: Optional[Hit] = None  # what they cited last (as last_cited, kept as the text is read: linear)
    for m in IBID_RX.finditer(text):
        w = m.group("w")
        if not _opens_clause(text, m.start()) or _SERIES_AFTER.match(text, m.end()) or (
                w in ("Id", "Idem", "idem") and not text.startswith((".", ","), m.end())):
            continue  # "Id" alone is no abbreviation ("Id." and "Idem," are); "Ibid., vol. 999": a series
        close = _CLAUSE_END.search(text, m.end())
        clause_end = close.start() if close else len(text)
        while i < len(hits) and hits[i].end <= m.start():
            cited = _then_cited(cited, hits[i])
            i += 1
        j = bisect.bisect_left(starts, m.end())
        if j < len(starts) and starts[j] < clause_end:
            continue  # "Ibid., Supplement No. 21 (A/7621)": the clause names its own document
        pins = pin_after(text[m.end():m.end() + 80])
        if not pins and text[m.end():clause_end].strip(" ,.\u00a0"):
            continue  # "Ibid., Thirty-second Session, Plenary Meetings": the Official Records, not the document
        prior = cited or previous
        if prior is None:
            continue
        pin = join_pins(*(p.normal for p in pins))
        out.append(Hit(prior.target, w, m.start("w"), m.end("w"), pin or prior.pinpoint,
                       target_date=prior.target_date, target_subject=prior.target_subject,
                       target_title=prior.target_title, aliases=prior.aliases,
                       pinpoint_written=join_pins(*(p.written for p in pins)) if pins else prior.pinpoint_written))
        cited = out[-1]
    return out


def _then_cited(cited: Optional[Hit], h: Hit) -> Hit:
    """What a text cited last once ``h`` is read after ``cited``: ``h``, unless ``h`` is a part written
    after ``cited`` ("A/CONF.48/14 and Corr.1": still A/CONF.48/14), as :func:`last_cited` says."""
    if cited is not None and not h.target.startswith(h.surface.split("/")[0] + "/") \
            and h.target.startswith(cited.target + "/"):
        return cited
    return h
