"""ingest.find.regexes: the fast ways to a pattern's match give the match of the pattern itself."""
import pathlib
import re

import pytest

from ingest.find.regexes import BODY_BEFORE, PIN_BEFORE, PIN_BEFORE_COMMA, PIN_WORD, body_before, search_from_starts

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


@pytest.mark.parametrize("pre, pin", [
    ("paragraph 71 of ", "paragraph 71"),
    ("Recalling paragraphs 50 and 52 of section XI of its ", "section XI"),
    ("the thirteenth preambular paragraph of ", "the thirteenth preambular paragraph"),
    ("as set out in SUBPARAGRAPH 3 OF ", "SUBPARAGRAPH 3"),
    ("in subparagraph 3 (b) of the ", "subparagraph 3 (b)"),
    ("Article 2 (4) of its ", "Article 2 (4)"),
    ("paragraph 47 of the annex to ", "paragraph 47"),
    ("chapters I to III of ", "chapters I to III"),
    ("the report of the Secretary-General on ", None),
    ("paragraph 71 and ", None),
    ("", None),
])
def test_pin_before_from_its_starts(pre, pin):
    m = search_from_starts(PIN_BEFORE, pre)
    assert _same(m, PIN_BEFORE.search(pre))
    assert (m.group("pin") if m else None) == pin


def test_pins_before_from_their_starts_on_real_text():
    """search_from_starts gives PIN_BEFORE's and PIN_BEFORE_COMMA's own match on every window of the sample
    that ends where a pinpoint may end."""
    ends = re.compile(r"\b(?:of|to|the|its) |(?<=[0-9IVX]), ", re.I)
    found = 0
    for text in SAMPLE[:6]:
        for m in ends.finditer(text):
            pre = text[max(0, m.end() - 240):m.end()]
            for pattern in (PIN_BEFORE, PIN_BEFORE_COMMA):
                fast = search_from_starts(pattern, pre)
                assert _same(fast, pattern.search(pre)), pre
                found += fast is not None
    assert found > 40


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


def test_case_folds_to_ascii_is_every_such_character():
    """has_pin_word lower-cases the text: exact unless a character in CASE_FOLDS_TO_ASCII is in it."""
    from ingest.find.regexes import CASE_FOLDS_TO_ASCII

    found = [chr(c) for c in range(128, 0x110000)
             if any(x.isascii() for x in chr(c).lower()) or re.match(r"[a-z.]", chr(c), re.I)]
    assert "".join(found) == CASE_FOLDS_TO_ASCII


@pytest.mark.parametrize("text, holds", [
    ("paragraph 71 of ", True), ("PARAS. 3-5 OF ", True), ("Arts. 97 and 98 of ", True), ("chap. I of", True),
    ("sect. IV of ", True), ("Part A of ", True), ("annexes I and II to ", True), ("the Article", True),
    ("ſection IV of ", True), ("the KELVIN paragraph", True), ("İnstitute, paragraph 4 of", True),
    ("Recalling its ", False), ("the report of the Secretary-General on ", False), ("", False),
    ("İnstitute ſeſſion", False), ("arts and crafts", False), ("chaptal", False),
])
def test_has_pin_word(text, holds):
    from ingest.find.regexes import has_pin_word

    assert has_pin_word(text) is holds is (PIN_WORD.search(text) is not None)


def test_has_pin_word_on_real_text():
    from ingest.find.regexes import has_pin_word

    for w in _windows(240):
        assert has_pin_word(w) is (PIN_WORD.search(w) is not None), w


def test_names_other_body_before_the_patterns():
    """Every match of OTHER_BEFORE and ADOPTED_BY_OTHER names a body of OTHER_BODY_PHRASES: the quick test
    names_other_body is true wherever they match."""
    from ingest.find.regexes import ADOPTED_BY_OTHER, OTHER_BEFORE, names_other_body

    rows = ["the World Health Assembly, in its ", "the Commission on the Status of Women in its ",
            "The Sixth United Nations Congress on the Prevention of Crime and the Treatment of Offenders, in its ",
            "the adoption by the Economic Commission for Latin America and the Caribbean at its thirty-sixth "
            "session, held in Santiago, of "]
    found = 0
    for w in [*rows, *_windows(160), *_windows(320)]:
        for rx in (OTHER_BEFORE, ADOPTED_BY_OTHER):
            if rx.search(w):
                found += 1
                assert names_other_body(w), w
    assert found >= len(rows)
    assert not names_other_body("the General Assembly, in its ")
