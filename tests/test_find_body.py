"""ingest.find.body: the body behind a resolution or decision number."""
import doctest

import pytest

from ingest.find import body

from ingest.find.body import OTHER_SPEAKER, body_for_number, decide_body, numbers_so, speaker_of
from ingest.find import find_in_text
from ingest.model import Document


def test_doctests():
    assert doctest.testmod(body).failed == 0


@pytest.mark.parametrize("before, speaker, body", [
    ("Recalling Economic and Social Council ", "GA", ("ECOSOC", True)),
    ("Recalling its ", "HRC", ("HRC", False)),
    ("the General Assembly, in its ", "HRC", ("GA", True)),
    ("Recalling Security Council ", "GA", ("SC", True)),
    ("Recalling ", "GA", ("GA", False)),
    ("Also ", "GA", ("GA", False)),                  # a word of traps.toml [keyword] not_a_body
    ("Commission ", "CHR", ("CHR", True)),             # the Commission on Human Rights' own
    # not ours
    ("World Health Assembly ", "GA", (None, True)),
    ("Governing Council ", "GA", (None, True)),
    ("Conference ", "GA", (None, True)),
    ("Board ", "GA", (None, True)),
])
def test_decide_body(before, speaker, body):
    text = before + "resolution 1/1"
    assert decide_body(text, len(before), speaker) == body


@pytest.mark.parametrize("num, body, explicit, year, code", [
    ("79/194", "GA", True, None, "GA"),
    ("30/1", "GA", True, None, None),        # the Assembly numbered session/number from its 31st session
    ("55/1", "GA", False, 2024, "HRC"),      # not written: the one body the number and date fit
    ("5/14", "GA", False, 2022, "UNEA"),
    ("79/8", "GA", False, 2023, None),       # no body fits (an ESCAP resolution)
    ("2024/13", "GA", False, None, "GA"),    # the form overrules later (resolve_number)
    ("2720 (2023)", "Council", False, None, "SC"),
    ("2024/13", "Council", False, None, "ECOSOC"),
])
def test_body_for_number(num, body, explicit, year, code):
    assert body_for_number(num, body, explicit, "GA", False, year) == code


# whether a body numbers so: its forms in grammar.toml [bodies], its sessions' years
@pytest.mark.parametrize("code, num, decision, year, holds", [
    ("GA", "70/1", False, 2015, True),
    ("GA", "ES-10/21", False, None, True),
    ("GA", "S-26/2", False, None, True),
    ("GA", "217 (III)", False, None, True),
    ("GA", "79/555", True, 2024, True),
    ("ECOSOC", "2013/1", False, 2013, True),
    ("ECOSOC", "2019/201", True, None, True),
    ("ECOSOC", "1566 (L)", False, None, True),
    ("SC", "1645 (2005)", False, None, True),
    ("HRC", "36/8", False, 2017, True),
    ("UNEA", "5/14", False, 2022, True),
    # negative rows: another body's form, or a session that could not hold it then
    ("GA", "2013/1", False, 2013, False),      # year/number: the Council's form, never the Assembly's
    ("GA", "2013/1", True, None, False),
    ("GA", "20/5", False, None, False),        # the Assembly numbered session/number from its 31st session
    ("GA", "70/1", False, 2020, False),
    ("HRC", "64/2", False, 2020, False),       # the Council's 64th session meets in 2027
    ("ECOSOC", "70/1", False, None, False),
    ("SC", "2013/1", False, None, False),
    ("UNEA", "25/11", True, None, False),      # a Governing Council decision's number
])
def test_numbers_so(code, num, decision, year, holds):
    assert numbers_so(code, num, decision, year) is holds


@pytest.mark.parametrize("symbol, speaker", [
    ("A/79/434", "GA"), ("S/2024/858", "GA"), ("E/CN.4/2005/135", "CHR"), ("A/HRC/55/1", "HRC"),
    ("UNEP/EA.5/Res.5", "UNEA"), ("UNEP/GC.27/17", OTHER_SPEAKER), ("HSP/HA.2/1", OTHER_SPEAKER), (None, "GA"),
])
def test_speaker_of(symbol, speaker):
    doc = Document(file="x.txt", symbol=symbol, symbol_source="none", format="text", paragraphs=())
    assert speaker_of(doc) == speaker


# the subject that adopted "its decision" stands after it however many words or brackets stand between
# (E_CN.9_2013_1 p31, p22; E_CN.9_2016_1: the Commission on Population and Development's own decisions)
@pytest.mark.parametrize("text, speaker, expected", [
    ("In its decision 2011/101 (see E/2011/25, chap. I.B), the Commission decided that the special theme",
     "GA", ["E/2011/25"]),
    ("At its thirty-ninth session, in its resolution 2006/1 (see E/2006/25, chap. I.B), the Commission requested "
     "its Bureau to meet", "GA", ["E/2006/25"]),
    ("In its decision 2018/101 (see Official Records of the Economic and Social Council, 2018, Supplement No. 7 "
     "(E/2018/27), chap. I, sect. C), adopted at its fifty-first session, the Commission decided", "GA", ["E/2018/27"]),
    # negative rows: our own bodies after the brackets
    ("In its resolution 22/5 (A/HRC/22/2, chap. I), the Human Rights Council requested", "GA",
     ["A/HRC/RES/22/5", "A/HRC/22/2"]),
    ("In its resolution 49/128 (see A/49/100), in which it endorsed the Programme, the General Assembly requested",
     "HRC", ["A/RES/49/128", "A/49/100"]),
    ("In its decision 2011/101 (see E/2011/25), the Economic and Social Council decided", "GA",
     ["E/DEC/2011/101", "E/2011/25"]),
])
def test_its_subject_after_brackets(text, speaker, expected):
    assert [h.target for h in find_in_text(text, speaker)] == expected


# a text that names a body numbering as the Assembly does throughout means that body's bare numbers
REPORT = ("Report of the Human Rights Council\n\n"
          "1. The Human Rights Council, at its thirty-ninth session, adopted resolution 39/2 on the situation.\n\n"
          "2. In paragraph 25 of resolution 39/2, the High Commissioner was requested to report. The Human Rights "
          "Council decided to remain seized, recalling resolution 60/251.\n")


@pytest.mark.parametrize("text, speaker", [
    ("The Human Rights Council ... the Human Rights Council ... the Human Rights Council", "HRC"),
    ("the United Nations Environment Assembly, the United Nations Environment Assembly and the United Nations "
     "Environment Assembly", "UNEA"),
    # negative rows: named too seldom, or the General Assembly named as often
    ("The Human Rights Council and the Human Rights Council", None),
    ("The Human Rights Council, the Human Rights Council, the Human Rights Council and the General Assembly", "HRC"),
    ("The Human Rights Council, the Human Rights Council, the Human Rights Council and the General Assembly, "
     "the General Assembly", None),
    ("", None),
])
def test_named_throughout(text, speaker):
    from ingest.find.body import named_throughout
    assert named_throughout(text) == speaker


def test_a_report_naming_the_council_throughout_means_its_resolutions():
    import ingest
    doc = ingest.parse_text(REPORT, file="report.txt", fmt="text")
    got = [(r.target, r.pinpoint) for r in ingest.extract(doc)]
    assert ("A/HRC/RES/39/2", "para. 25") in got and ("A/RES/39/2", "para. 25") not in got
    assert ("A/RES/60/251", None) in got  # a number the Council's sessions could not hold stays the Assembly's
    plain = ingest.parse_text(REPORT.replace("Human Rights Council", "Assembly"), file="report.txt", fmt="text")
    assert "A/RES/39/2" in {r.target for r in ingest.extract(plain)}
