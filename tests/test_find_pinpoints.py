"""ingest.find.pinpoints: the part of the cited document a reference points to."""
import doctest

import pytest

from ingest.find import pinpoints
from ingest.find.pinpoints import join_pins, norm_pin, part_pinpoint, pin_after, pins_before


def test_doctests():
    assert doctest.testmod(pinpoints).failed == 0


@pytest.mark.parametrize("written, normal", [
    ("paragraph 71", "para. 71"),
    ("paragraphs 50 and 52", "paras. 50 and 52"),
    ("subparagraph 3", "para. 3"),
    ("para. 21", "para. 21"),
    ("paras. 3-5", "paras. 3-5"),
    ("annex", "annex"),
    ("annexes I", "annex I"),
    ("Annex II", "annex II"),
    ("section VI", "section VI"),
    ("sect. IV", "section IV"),
    ("chap. II", "chapter II"),
    ("Part A", "part A"),
    (None, None), ("", None),
])
def test_norm_pin(written, normal):
    assert norm_pin(written) == normal


@pytest.mark.parametrize("text, pins", [
    ("in accordance with paragraph 71 of General Assembly resolution", ["para. 71"]),  # A/RES/79/194
    ("paragraphs 50 and 52 of section XI of its resolution", ["paras. 50 and 52", "section XI"]),
    ("annex to its resolution", ["annex"]),
    # no pinpoint
    ("Recalling its resolution", []),
    ("paragraph 71, and its resolution", []),
])
def test_pins_before(text, pins):
    assert pins_before(text, len(text) - len("resolution")) == pins


@pytest.mark.parametrize("after, pin", [
    (", annex, and", "annex"),
    (", para. 21)]", "para. 21"),
    (", section II.B,", "section II.B"),
    # the next reference's paragraphs, not this one's (A/RES/76/72)
    (", paragraphs 113 and 119 to 124 of resolution 64/72", None),
    (" of 19 December 2023", None),
])
def test_pin_after(after, pin):
    assert pin_after(after) == pin


@pytest.mark.parametrize("num, part, target, pin", [
    ("50/70", "K", "A/RES/50/70", "K"),          # before the 57th session: a pinpoint
    ("217 A (III)", None, "A/RES/217(III)", "A"),
    ("65/37", "A and B", "A/RES/65/37", "A-B"),
    ("75/290", "B", "A/RES/75/290B", None),      # a document of its own
    ("70/1", None, "A/RES/70/1", None),
])
def test_part_pinpoint(num, part, target, pin):
    assert part_pinpoint(num, part, target) == pin


def test_join_pins_keeps_each_once_in_order():
    assert join_pins("A", None, "para. 3", "A") == "A, para. 3"
    assert join_pins(None, None) is None
