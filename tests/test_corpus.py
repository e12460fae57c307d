"""ingest.corpus: the learned-names pass (pass one, the corpus table, pass two)."""
import pathlib


import ingest
from ingest import named, parse_text

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = """The General Assembly,

*Reaffirming* the Fooland Agenda for Sustainable Tests, adopted at the Conference held in Foo,<sup>3</sup>

---

<sup>3</sup> Resolution 71/999, annex.
"""
READER = "The General Assembly,\n\nRecalling the Fooland Agenda for Sustainable Tests,"


def test_a_name_learned_for_two_targets_is_dropped():
    a = parse_text(SEED, file="A_RES_80_2.md", fmt="markdown")
    b = parse_text(SEED.replace("71/999", "72/888"), file="A_RES_80_4.md", fmt="markdown")
    assert ingest.learn_aliases([a, b]).learned == ()


def test_may_name_learned_errs_only_towards_yes():
    teacher = parse_text(SEED, file="A_RES_80_2.md", fmt="markdown")
    table = ingest.learn_names([named.learn_from(teacher)]).table
    assert table == ingest.learn_aliases([teacher])
    says = lambda text: named.may_name_learned(table, parse_text("The General Assembly,\n\n" + text, file="x.txt"))
    assert says("Recalling the Fooland Agenda for Sustainable Tests,")
    assert says("Recalling the fooland  agenda for sustainable tests,")  # any case, any spacing: still yes
    assert says("Recalling the Fooland Agenda for Sustainable Tests–bis,")  # yes, though no name stands there
    assert not says("Recalling the 2030 Agenda for Sustainable Development,")  # curated: no second pass
    assert not named.may_name_learned(named.curated(), teacher)  # no learned names at all


def test_learn_names_says_which_names_it_dropped():
    a = parse_text(SEED, file="A_RES_80_2.md", fmt="markdown")
    b = parse_text(SEED.replace("71/999", "72/888"), file="A_RES_80_4.md", fmt="markdown")
    c = parse_text(SEED.replace("Fooland", "Barland"), file="A_RES_80_5.md", fmt="markdown")
    got = ingest.learn_names(named.learn_from(d) for d in (a, b, c))
    assert got.ambiguous == ("Fooland Agenda for Sustainable Tests",)
    assert [(x.name, x.target) for x in got.table.learned] == [("Barland Agenda for Sustainable Tests", "A/RES/71/999")]
    assert got.table.curated == named.curated().curated


def test_first_learned_source_wins_and_curated_names_are_not_learned():
    a = parse_text(SEED, file="A_RES_80_2.md", fmt="markdown")
    b = parse_text(SEED, file="A_RES_80_9.md", fmt="markdown")
    got = ingest.learn_names(named.learn_from(d) for d in (a, b)).table
    assert [x.learned_from for x in got.learned] == ["A_RES_80_2.md, footnote 3"]
    tunis = parse_text(SEED.replace("Fooland Agenda for Sustainable Tests", "Tunis Agenda"), file="x.md",
                       fmt="markdown")
    assert ingest.learn_names([named.learn_from(tunis)]).table.learned == ()


def test_two_passes_equal_one_extraction_under_the_corpus_table():
    docs = [parse_text(SEED, file="A_RES_80_2.md", fmt="markdown"), parse_text(READER, file="A_RES_80_3.txt"),
            ingest.read_document(ROOT / "samples" / "A_RES_79_194.md")]
    first = [ingest.first_pass(d) for d in docs]
    table = ingest.learn_names(f.taught for f in first).table
    assert table == ingest.learn_aliases(docs)
    for doc, f in zip(docs, first):
        whole = ingest.extract(doc, aliases=table)
        if ingest.may_change(table, doc):
            explicit = [r for r in f.references if r.kind == "explicit"]
            assert ingest.second_pass(doc, table, explicit) == whole
        else:
            assert f.references == whole
    reader_refs = ingest.second_pass(docs[1], table)
    assert [(r.target, r.kind, r.evidence) for r in reader_refs] == [("A/RES/71/999", "named", "alias")]


def test_which_tables_may_change_a_document():
    reader = parse_text(READER, file="A_RES_80_3.txt")
    other = parse_text("The General Assembly,\n\nRecalling the 2030 Agenda,", file="A_RES_80_4.txt")
    described = ingest.Document(file="x.txt", symbol=None, symbol_source="none", format="text", paragraphs=())
    learned = ingest.learn_aliases([parse_text(SEED, file="A_RES_80_2.md", fmt="markdown")])
    assert ingest.changes_nothing(named.curated()) and not ingest.changes_nothing(learned)
    assert ingest.may_change(learned, reader) and not ingest.may_change(learned, other)
    assert ingest.may_change(learned, described)  # described only: read again to tell
    assert not ingest.may_change(named.curated(), reader)
    custom = named.AliasTable(named.curated().curated[:3])  # another table: every document may change
    assert ingest.may_change(custom, other) and not ingest.changes_nothing(custom)
