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
