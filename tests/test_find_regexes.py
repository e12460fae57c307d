"""ingest.find.regexes: the fast ways to a pattern's match give the match of the pattern itself."""
import pathlib
import re

import pytest

from ingest.find.regexes import BODY_BEFORE, PIN_BEFORE, PIN_WORD, body_before

ROOT = pathlib.Path(__file__).resolve().parent.parent
# real text: the sample corpus (resolutions, reports, decisions as the UN prints them)
SAMPLE = [(ROOT / "samples" / "A_RES_79_194.md").read_text(encoding="utf-8")] + [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "text").glob("*.txt"))]
KEYWORDS = re.compile(r"resolutions?|decisions?|[A-Z]+/|Convention|Declaration|Agenda|Charter", re.I)


def _windows(size, before=KEYWORDS):
    """The text before every keyword of the sample, ``size`` characters of it."""
    for text in SAMPLE:
        for m in before.finditer(text):
            yield text[max(0, m.start() - size):m.start()]


def _same(a, b):
    return (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


@pytest.mark.parametrize("before, phrase", [
    ("paragraph 71 of General Assembly ", "General Assembly"),
    ("Recalling also the Economic and Social Council, in its ", "Economic and Social Council"),
    ("the Security Council's most recent ", "Security Council"),
    ("the United Nations Environment Assembly of the United Nations Environment Programme, by its ",
     "United Nations Environment Assembly of the United Nations Environment Programme"),
    ("Recalling further Council ", "Council"),
    ("the Human Rights Council and its above-mentioned ", "Human Rights Council"),
    ("(see UNGA ", "UNGA"),
    # not right before the keyword: no body
    ("the General Assembly decided that its ", None),
    ("Security Council. In its ", None),
    ("General Assembly (A/79/1) ", None),
    ("the Assembly’s work on ", None),
    ("", None),
    ("councils ", None),
])
def test_body_before(before, phrase):
    m = body_before(before)
    assert _same(m, BODY_BEFORE.search(before))
    assert (m.group("phrase") if m else None) == phrase


@pytest.mark.parametrize("size", [40, 160, 240])
def test_body_before_is_the_pattern_on_real_text(size):
    windows = list(_windows(size))
    assert len(windows) > 1000
    found = 0
    for w in windows:
        m = body_before(w)
        assert _same(m, BODY_BEFORE.search(w)), w
        found += m is not None
    assert found > 50  # the windows hold bodies' names too


def test_every_pinpoint_before_holds_a_pin_word():
    """PIN_WORD is a necessary condition of PIN_BEFORE: a window without one has no pinpoint."""
    found = 0
    ends = re.compile(r"\b(?:of|to|the|its) ", re.I)  # where PIN_BEFORE may end
    for pre in (text[max(0, m.end() - 240):m.end()] for text in SAMPLE[:6] for m in ends.finditer(text)):
        if PIN_BEFORE.search(pre):
            found += 1
            assert PIN_WORD.search(pre), pre
    assert found > 20
    for written in ("paragraph 71 of ", "paras 60-62 of the ", "Arts. 97 and 98 of ", "chap. I.B of ",
                    "sect. IV of ", "part A of ", "the thirteenth preambular paragraph of ", "annex II to ",
                    "SUBPARAGRAPH 3 OF ", "Article 2 (4) of its "):
        assert PIN_BEFORE.search(written) and PIN_WORD.search(written), written
    for nothing in ("Recalling its ", "in the light of its ", "the report of the Secretary-General on "):
        assert not PIN_WORD.search(nothing)
