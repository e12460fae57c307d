"""The language of a document: from its file name's suffix, else from its text.

UN documents come in six official languages, and downloads say which in their names
("A_RES_78_132-EN.pdf", "A_79_434-FR.docx"). A name that does not say is read from the
text: its script (Arabic, Cyrillic, Han) or, for the three languages in Latin script,
which language's most frequent function words it holds. The tables are
``ingest/data/languages.toml``, with their sources.

Not supported: languages other than the six; a text too short or too mixed to tell gives None.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ..symbols import LANGUAGES, file_name_parts

__all__ = ["document_language", "text_language", "SAMPLE", "MIN_WORDS", "MIN_LEAD"]

#: The first SAMPLE characters of a text tell its language.
SAMPLE = 20000
#: A Latin-script language needs at least MIN_WORDS of its function words, and MIN_LEAD times the
#: next language's count.
MIN_WORDS = 8
MIN_LEAD = 2.0
_WORD = re.compile(r"[^\W\d_]+")
_WORDS = {code: frozenset(v["words"]) for code, v in LANGUAGES.items() if v["words"]}
_SCRIPTS = {"Cyrillic": re.compile(r"[\u0400-\u04ff]"), "Arabic": re.compile(r"[\u0600-\u06ff]"),
            "Han": re.compile(r"[\u4e00-\u9fff]")}
_SCRIPT_CODE = {v["script"]: code for code, v in LANGUAGES.items() if v["script"] != "Latin"}
# each function word -> the languages (of _WORDS, in its order) it belongs to
_WORD_CODES: dict[str, tuple[str, ...]] = {}
for _code, _words in _WORDS.items():
    for _w in _words:
        _WORD_CODES[_w] = _WORD_CODES.get(_w, ()) + (_code,)


def text_language(text: str) -> Optional[str]:
    """The language a text is written in (an ISO 639-1 code of :data:`ingest.symbols.LANGUAGES`), or None.

    >>> text_language("Recalling its resolution 78/132 of 19 December 2023 on the role of the Commission and its work, "
    ...               "taking note of the report of the Secretary-General that is in the annex")
    'en'
    >>> text_language("Rappelant sa résolution 78/132 du 19 décembre 2023 sur le rôle de la Commission et les travaux "
    ...               "des organes, prenant note du rapport du Secrétaire général qui figure dans la note")
    'fr'
    """
    sample = text[:SAMPLE]
    if not sample.isascii():
        letters = 0  # counted only when a script's letters occur at all (most texts: none)
        for script, pat in _SCRIPTS.items():
            n = len(pat.findall(sample))
            if n and not letters:
                letters = sum(map(str.isalpha, sample)) or 1
            if n > letters / 2:
                return _SCRIPT_CODE[script]
    counts: Counter = Counter()
    # each distinct word once, in the order of its first occurrence (so ties fall as word by word)
    for w, k in Counter(_WORD.findall(sample.lower())).items():
        for code in _WORD_CODES.get(w, ()):
            counts[code] += k
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2) + [("", 0)]
    return best if n >= MIN_WORDS and n >= MIN_LEAD * rest[0][1] else None


def document_language(file: str, text: str) -> Optional[str]:
    """The language of a document: its file name's suffix ("-FR"), else its text's."""
    return file_name_parts(file).language if file and file_name_parts(file).language else text_language(text)
