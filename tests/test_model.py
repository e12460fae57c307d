"""The model's frozen dataclasses, built by ``quick_init``, behave as dataclasses do."""
import dataclasses
import pickle

import pytest

from ingest.model import Document, Footnote, Paragraph, Reference, quick_init


def test_quick_init_keeps_parameters_defaults_and_frozenness():
    r = Reference("A/RES/79/194", "A/RES/78/132", "explicit", "pp1", surface="78/132", start=3, end=9)
    assert (r.footnote, r.evidence, r.target_aliases, r.start) == (None, "text", (), 3)
    assert r == Reference(source="A/RES/79/194", target="A/RES/78/132", kind="explicit", paragraph="pp1")
    assert hash(r) == hash(Reference("A/RES/79/194", "A/RES/78/132", "explicit", "pp1"))  # surface: compare=False
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.target = "A/RES/1/1"
    with pytest.raises(TypeError):
        Reference("A/RES/79/194", "A/RES/78/132", "explicit")  # paragraph is required
    with pytest.raises(TypeError):
        Paragraph("pp1", "preambular", "text", colour="red")
    assert dataclasses.replace(r, target="A/RES/70/125").target == "A/RES/70/125"
    assert pickle.loads(pickle.dumps(r)) == r and pickle.loads(pickle.dumps(r)).surface == "78/132"
    p = Paragraph("pp1", "preambular", "Recalling", footnotes=(Footnote("1", "See A/79/1."),))
    d = Document("a.txt", "A/RES/79/194", "filename", "text", (p,))
    assert d.paragraph("pp1").footnotes[0].text == "See A/79/1." and d.title is None
    assert dataclasses.asdict(d)["paragraphs"][0]["id"] == "pp1"


def test_quick_init_refuses_what_it_cannot_copy():
    @dataclasses.dataclass
    class Loose:
        a: int

    @dataclasses.dataclass(frozen=True)
    class Listy:
        a: list = dataclasses.field(default_factory=list)

    for cls in (Loose, Listy):
        with pytest.raises(TypeError):
            quick_init(cls)


def test_to_dict_is_asdict_in_field_order():
    r = Reference("A/79/62", "A/79/62", "explicit", "pp2", target_aliases=("E/2024/3",), surface="A/79/62-E/2024/3")
    assert r.to_dict() == dataclasses.asdict(r)
    assert list(r.to_dict()) == [f.name for f in dataclasses.fields(Reference)]
    again = pickle.loads(pickle.dumps(r))
    assert list(again.to_dict()) == list(r.to_dict())
