"""ingest.find.body: the body behind a resolution or decision number."""
import pytest

from ingest.find.body import OTHER_SPEAKER, body_for_number, decide_body, speaker_of
from ingest.model import Document


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


@pytest.mark.parametrize("symbol, speaker", [
    ("A/79/434", "GA"), ("S/2024/858", "GA"), ("E/CN.4/2005/135", "CHR"), ("A/HRC/55/1", "HRC"),
    ("UNEP/EA.5/Res.5", "UNEA"), ("UNEP/GC.27/17", OTHER_SPEAKER), ("HSP/HA.2/1", OTHER_SPEAKER), (None, "GA"),
])
def test_speaker_of(symbol, speaker):
    doc = Document(file="x.txt", symbol=symbol, symbol_source="none", format="text", paragraphs=())
    assert speaker_of(doc) == speaker
