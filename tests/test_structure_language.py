"""ingest.structure.language: a document's language from its file name or its text."""
import doctest

import pytest

from ingest.structure import language


def test_doctests():
    assert doctest.testmod(language).failed == 0


@pytest.mark.parametrize("text, code", [
    ("Recalling its resolution 78/132 of 19 December 2023 on information and communications technologies for "
     "sustainable development, and taking note of the report of the Secretary-General that is in the annex", "en"),
    ("Rappelant sa résolution 78/132 du 19 décembre 2023 sur les technologies de l'information et des "
     "communications au service du développement durable, et prenant note du rapport du Secrétaire général", "fr"),
    ("Recordando su resolución 78/132, de 19 de diciembre de 2023, sobre las tecnologías de la información y "
     "las comunicaciones para el desarrollo sostenible, y tomando nota del informe del Secretario General", "es"),
    ("Ссылаясь на свою резолюцию 78/132 от 19 декабря 2023 года об информационно-коммуникационных технологиях", "ru"),
    ("إذ تشير إلى قرارها 78/132 المؤرخ 19 كانون الأول/ديسمبر 2023 بشأن تكنولوجيا المعلومات والاتصالات", "ar"),
    ("回顾其2023年12月19日关于信息和通信技术促进可持续发展的第78/132号决议", "zh"),
    # too short or mixed to tell
    ("A/80/321", None), ("Resolution 78/132", None), ("", None),
])
def test_text_language(text, code):
    assert language.text_language(text) == code


@pytest.mark.parametrize("file, text, code", [
    ("A_RES_78_132-FR.txt", "Recalling its resolution 78/132 of 19 December 2023 and the role of the Commission in the "
                            "work that is on the agenda", "fr"),  # the suffix says
    ("A_RES_78_132.txt", "Recalling its resolution 78/132 of 19 December 2023 and the role of the Commission in the "
                         "work that is on the agenda", "en"),
    ("2412345F.txt", "Recalling its resolution 78/132 of 19 December 2023 and the role of the Commission in the "
                     "work that is on the agenda", "fr"),  # the job number's letter says
    ("N2438574.txt", "Rappelant sa résolution 78/132 du 19 décembre 2023 sur le rôle de la Commission et les travaux "
                     "des organes, prenant note du rapport du Secrétaire général qui figure dans la note", "fr"),
    # (no letter: the text says)
])
def test_document_language_suffix_first(file, text, code):
    assert language.document_language(file, text) == code


def _obvious_text_language(text):
    """text_language as first written: every letter counted, every word looked up in each language's list."""
    from collections import Counter
    sample = text[:language.SAMPLE]
    if not sample.isascii():
        letters = sum(1 for c in sample if c.isalpha()) or 1
        for script, pat in language._SCRIPTS.items():
            if len(pat.findall(sample)) > letters / 2:
                return language._SCRIPT_CODE[script]
    counts = Counter()
    for w in language._WORD.findall(sample.lower()):
        for code, words in language._WORDS.items():
            if w in words:
                counts[code] += 1
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2) + [("", 0)]
    return best if n >= language.MIN_WORDS and n >= language.MIN_LEAD * rest[0][1] else None


_WORDS = {code: sorted(words) for code, words in language._WORDS.items()}


@pytest.mark.parametrize("text", [
    "", "A/80/321", "the " * 20, "the " * 8 + "le " * 4, "the " * 8 + "le " * 5,  # the lead: just enough, just short
    " ".join(_WORDS["en"]) * 3 + " " + " ".join(_WORDS["fr"]) * 3,  # a tie: the first language met
    " ".join(_WORDS["fr"]) * 3 + " " + " ".join(_WORDS["en"]) * 3,
    " ".join(_WORDS["es"] + _WORDS["fr"] + _WORDS["en"]) * 2,  # words several languages share
    "Ссылаясь на резолюцию 78/132 " + "the of and " * 10, "Ссылаясь " + "the of and to in " * 30,  # few Cyrillic letters
    "²³¹ " * 100 + "Ж", "١٢٣ " * 50 + "قرار", "回顾其 " + "x" * 10,  # digits and numbers in a script's block
    "é" * 30 + " the of and to in for on that with by " * 2,
])
def test_text_language_is_the_obvious_count(text):
    assert language.text_language(text) == _obvious_text_language(text)
