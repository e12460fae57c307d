"""Named instruments: curated names, traps, names learned from footnotes, one reference per paragraph."""
import pathlib
import subprocess
import sys

import pytest

import ingest
from ingest import named
from ingest import parse_text

from conftest import SHARED as _SHARED, cli

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = _SHARED if _SHARED is not None else ROOT.parent / "shared"  # conftest: beside the checkout or the worktrees


def named_targets(text, **kw):
    doc = parse_text("The General Assembly,\n\n" + text, file="A_RES_80_1.txt")
    return [(r.target, r.pinpoint) for r in ingest.extract(doc, **kw) if r.kind == "named"]


# real strings from resolutions in ../shared/corpus -> (target, pinpoint)
NAMES = [
    ("Recognizing the role of science and technology as enablers for the achievement of the 2030 Agenda,",
     [("A/RES/70/1", None)]),
    ("Recalling also the references to information and communications technologies contained in the 2030 Agenda "
     "and the Addis Ababa Action Agenda,", [("A/RES/70/1", None), ("A/RES/69/313", "annex")]),
    ("Reaffirming its common desire and commitment to the vision as laid out in the Geneva Declaration of "
     "Principles,", [("A/C.2/59/3", "annex")]),
    ("Considering the commitments in the Global Digital Compact,", [("A/RES/79/1", "annex I")]),
    # an optional protocol or an amendment is its own instrument, not the treaty it belongs to
    # (A_HRC_RES_53_7 op10, A_RES_73_232)
    ("Acknowledging the States that have ratified the Optional Protocol to the International Covenant on Economic, "
     "Social and Cultural Rights and the Optional Protocol to the Convention on the Rights of the Child on a "
     "communications procedure,", [("A/RES/63/117", "annex"), ("A/RES/66/138", "annex")]),
    ("Calling upon States parties to the Optional Protocols to the Convention on the Rights of the Child,", []),
    ("Welcomes the further acceptance or ratification of the Doha Amendment to the Kyoto Protocol by 117 countries",
     [("FCCC/KP/CMP/2012/13/Add.1", "decision 1/CMP.8, annex I")]),
    ("Recalling the Convention on the Rights of the Child and the Optional Protocols thereto,",
     [("A/RES/44/25", "annex")]),
    # a protocol "supplementing" a convention is its own instrument; a body's name is not its treaty
    # (A_RES_79_152, A_RES_75_217)
    ("Recalling the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and "
     "Children, supplementing the United Nations Convention against Transnational Organized Crime,",
     [("A/RES/55/25", "annex II")]),
    ("the Conference of the Parties serving as the Meeting of the Parties to the Kyoto Protocol,", []),
    ("as reflected in paragraph 72 of the Tunis Agenda for the Information Society,", [("A/60/687", "para. 72")]),
    ("Reaffirming also the outcome of the high-level meeting of the General Assembly on the overall review of the "
     "implementation of the outcomes of the World Summit on the Information Society, which provides",
     [("A/RES/70/125", None)]),
    ("Guided by the purposes and principles of the Charter of the United Nations,",
     [("Charter of the United Nations", None)]),
    ("Reaffirming the Universal Declaration of Human Rights and the Vienna Declaration and Programme of Action,",
     [("A/RES/217(III)", "A"), ("A/CONF.157/24", "Part I, chap. III")]),
    ("Recalling the Sendai Framework for Disaster Risk Reduction 2015–2030,", [("A/RES/69/283", "annex II")]),
    ("the Beijing Declaration and Platform for Action and the outcome documents", [("A/CONF.177/20/Rev.1",
                                                                                   "chap. I, resolution 1, annexes I and II")]),
    ("Reaffirming the Paris Agreement,", [("FCCC/CP/2015/10/Add.1", "decision 1/CP.21, annex")]),
]

TRAPS = [
    # an ITU programme, not resolution 70/1 (A/RES/79/194, pp28)
    "noting the many efforts to help to bridge digital divides, including the Connect 2030 Agenda for Global "
    "Telecommunication/Information and Communication Technology, including Broadband, for Sustainable Development,",
    # an event, not resolution 70/125 (A/RES/79/194, op33)
    "looks forward to the overall review of the implementation of the outcomes of the World Summit on the "
    "Information Society in 2025;",
    "Agenda item 15",
    "Recalling the Agenda 2063 of the African Union,",
    "Requests the Secretary-General to report on the implementation of the present resolution;",
    # a common phrase, not the Rio+20 outcome "The future we want" (kept with its capital T)
    "Stressing the need to build the future we want for all children,",
]


@pytest.mark.parametrize("text,expected", NAMES)
def test_curated_names(text, expected):
    assert named_targets(text) == expected


@pytest.mark.parametrize("text", TRAPS)
def test_traps(text):
    assert named_targets(text) == []


def test_present_resolution_is_self_not_an_edge():
    doc = parse_text("The General Assembly,\n\nDecides to review the implementation of the present resolution.",
                     file="A_RES_80_1.txt")
    assert [r for r in ingest.extract(doc) if r.target == doc.symbol] == []
    mine = [r for r in ingest.extract(doc, include_self=True) if r.kind == "self"]
    assert [(r.target, r.surface) for r in mine] == [("A/RES/80/1", "the present resolution")]


def test_once_per_paragraph_and_not_when_cited_explicitly():
    refs = named_targets("Reaffirming its resolution 70/1, entitled “Transforming our world: the 2030 Agenda for "
                         "Sustainable Development”, and the 2030 Agenda, and the Addis Ababa Action Agenda and the "
                         "Addis Ababa Action Agenda,")
    assert refs == [("A/RES/69/313", "annex")]


SEED = """The General Assembly,

*Reaffirming* the Fooland Agenda for Sustainable Tests, adopted at the Conference held in Foo,<sup>3</sup>

---

<sup>3</sup> Resolution 71/999, annex.
"""


def test_learned_from_a_footnote_and_applied_everywhere():
    teacher = parse_text(SEED, file="A_RES_80_2.md", fmt="markdown")
    learned = named.learn_from(teacher)
    assert [(a.name, a.target, a.pinpoint) for a in learned] == [
        ("Fooland Agenda for Sustainable Tests", "A/RES/71/999", "annex")]
    assert learned[0].learned_from == "A_RES_80_2.md, footnote 3"
    table = ingest.learn_aliases([teacher])
    assert [a.name for a in table.learned] == ["Fooland Agenda for Sustainable Tests"]
    assert all(a.learned_from is None for a in table.curated)
    reader = parse_text("The General Assembly,\n\nRecalling the Fooland Agenda for Sustainable Tests,",
                        file="A_RES_80_3.txt")
    assert [(r.target, r.evidence) for r in ingest.extract(reader, aliases=table) if r.kind == "named"] == [
        ("A/RES/71/999", "alias")]
    assert [r for r in ingest.extract(reader) if r.kind == "named"] == []


def test_an_event_named_before_a_mark_is_not_learned():
    """A_81_6_Sect.12: a footnote giving the resolution that convened a conference does not make the
    conference's name an instrument of that resolution."""
    text = ("The General Assembly,\n\n*Welcomes* the holding of the Ninth United Nations Conference to Review All "
            "Aspects of the Set of Multilaterally Agreed Equitable Principles and Rules,<sup>4</sup>\n\n---\n\n"
            "<sup>4</sup> See resolution 80/121, para. 43.\n")
    assert named.learn_from(parse_text(text, file="A_RES_81_1.md", fmt="markdown")) == []


def test_a_list_item_after_the_name_takes_the_footnote():
    # A/RES/79/194 op67: footnote 20 is the Co-Chairs' summary, not the Addis Ababa Action Agenda
    text = ("The General Assembly,\n\n67. *Requests* a report, taking into account the 2030 Agenda, the Addis "
            "Ababa Action Agenda, the summary by the Co-Chairs of the forum and<sup>20</sup>\n\n---\n\n"
            "<sup>20</sup> E/HLPF/2024/7.")
    assert named.learn_from(parse_text(text, file="x.md", fmt="markdown")) == []


def test_seed_named_f1(tmp_path):
    score = SHARED / "eval" / "score.py"
    if not score.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    done = cli("extract", ROOT / "samples" / "A_RES_79_194.md", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    path = tmp_path / "A_RES_79_194.jsonl"
    path.write_text(out, encoding="utf-8")
    res = subprocess.run([sys.executable, str(score), str(SHARED / "gold"), str(path), "--min-f1", "0.9"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout
    lines = [ln for ln in res.stdout.splitlines() if ln.startswith("explicit")]
    assert all("F1=1.000" in ln for ln in lines), res.stdout


def test_aliases_command_lists_both_with_sources():
    out = cli("aliases", "--format", "tsv", ROOT / "samples" / "A_RES_79_194.md")
    assert out.returncode == 0, out.stderr
    rows = [ln.split("\t") for ln in out.stdout.splitlines()[1:]]
    assert ("curated", "Tunis Agenda", "A/60/687") in {tuple(r[:3]) for r in rows}
    learned = {r[1]: r for r in rows if r[0] == "learned"}
    assert learned["Our Common Agenda"][2] == "A/75/982"
    assert learned["Our Common Agenda"][5].endswith("A_RES_79_194.md, footnote 13")


def test_a_name_before_the_instrument_was_adopted_is_not_a_reference():
    # A/RES/78/311 (July 2024) speaks of the Global Digital Compact still under negotiation
    text = ("Resolution adopted by the General Assembly on 1 July 2024\n\nThe General Assembly,\n\n"
            "Looking forward to the discussions in the context of the Global Digital Compact,")
    doc = parse_text(text, file="A_RES_78_311.txt")
    assert doc.date == "2024-07-01"
    assert [r for r in ingest.extract(doc) if r.kind == "named"] == []
    later = parse_text(text.replace("1 July 2024", "24 December 2024"), file="A_RES_79_300.txt")
    assert [r.target for r in ingest.extract(later) if r.kind == "named"] == ["A/RES/79/1"]


# a document with no date of its own: the latest date its symbol allows (grammar.symbol_latest) against the date the
# instrument was adopted (explore6 D16: E_HLS_2022_1 p167, HSP_GC_25_2 p126 and p132 of the shared corpus)
@pytest.mark.parametrize("file, text, expected", [
    ("E_HLS_2022_1.txt", "we look forward to further discussions on the proposed Global Digital Compact;", []),
    ("HSP_GC_25_2.txt", "giving due consideration at all levels to the New Urban Agenda and commit to defining it", []),
    ("A_68_100.txt", "the preparations for a post-2015 framework, the Sendai Framework for Disaster Risk Reduction,", []),
    # negative rows: a symbol that allows a date after the adoption, or no symbol that dates it
    ("E_HLS_2025_1.txt", "we look forward to further discussions on the Global Digital Compact;", ["A/RES/79/1"]),
    ("HSP_GC_26_2.txt", "giving due consideration at all levels to the New Urban Agenda", ["A/RES/71/256"]),
    # session 69 runs to September 2015: its reports may follow the Sendai Framework of 18 March 2015
    ("A_69_315.txt", "the implementation of the Sendai Framework for Disaster Risk Reduction,", ["A/RES/69/283"]),
    ("A_1059.txt", "we look forward to further discussions on the Global Digital Compact;", ["A/RES/79/1"]),
])
def test_an_undated_document_before_the_instrument_by_its_symbol(file, text, expected):
    doc = parse_text(text, file=file)
    assert doc.date is None
    assert [r.target for r in ingest.extract(doc) if r.kind == "named"] == expected


@pytest.mark.parametrize("texts", [
    ["Recalling the 2030 Agenda,", "", "the Tunis Agenda for the Information Society and Agenda 21"],
    ["Recalling the Addis Ababa Action Agenda", "of the Third International Conference"],  # not across texts
    ["the Charter of the United\u200eNations", "the Paris Agreement"],  # a mark that is not printable
    ["the Paris  Agreement", "the Paris Agreement"],  # a run of spaces: the pattern path
    [],
])
def test_finditer_many_is_finditer_of_each(texts):
    table = named.curated()
    assert table.finditer_many(texts) == [table.finditer(t) for t in texts]


@pytest.mark.parametrize("text", [
    "the Charter of the United\u200eNations and the Paris\uf02aAgreement",  # marks that are not printable
    "the Paris Agreement\x00 and the Tunis Agenda",
    "the Paris\tAgreement, the Tunis\nAgenda and the Paris\u00a0Agreement",  # blanks: the pattern's \\s+
    "the Paris  Agreement",
    "Recalling the 2030 Agenda and Agenda 21",
])
def test_automaton_and_pattern_agree_where_no_odd_blank(text):
    """A text is read by the automaton unless it holds a blank other than one space; both ways give the same."""
    table = named.curated()
    pattern = [(m.start(), m.end(), m.group(0)) for m in table._pattern.finditer(text)
               if named._normal(m.group(0)) in table._spellings]
    assert [f[:3] for f in table.finditer(text)] == pattern
    assert bool(named._ODD_BLANK.search(text)) == ("  " in text or any(c.isspace() and c != " " for c in text))


HEAD_TEXTS = [
    "Recalling the Convention on the Rights of the Child and the Optional Protocols thereto,",
    "the Programme of Action Agenda, the Action Agenda and the Guiding Principles; the Principles",
    "The  Convention, the\nProtocol, THE Charter, the Charters, the Convention-based, theConvention",
    "Athe Convention and (the Covenant) and the Charter of the United Nations",
    "no head here at all, only words",
    "",
]


@pytest.mark.parametrize("text", HEAD_TEXTS)
def test_heads_and_short_forms_are_the_patterns(text):
    """_head_spans finds what _HEAD_ANY.search finds from each place; _short_matches gives _SHORT.finditer's
    matches, tried only before heads."""
    heads = named._head_spans([text])[0]
    pos, slow = 0, []
    while (m := named._HEAD_ANY.search(text, pos)) is not None:
        slow.append(m.span())
        pos = m.start() + 1
    assert heads == slow
    assert [m.span() for m in named._short_matches(text, heads)] == [m.span() for m in named._SHORT.finditer(text)]


def test_heads_and_short_forms_are_the_patterns_on_real_text():
    root = pathlib.Path(__file__).resolve().parent.parent / "samples"
    texts = [f.read_text(encoding="utf-8") for f in [root / "A_RES_79_194.md", *sorted((root / "text").glob("*.txt"))]]
    count = 0
    for text, heads in zip(texts, named._head_spans(texts)):
        assert heads == named._head_spans([text])[0]
        got = [m.span() for m in named._short_matches(text, heads)]
        assert got == [m.span() for m in named._SHORT.finditer(text)]
        count += len(got)
    assert count > 20


def named_in(paragraphs):
    doc = parse_text("The General Assembly,\n\n" + "\n\n".join(paragraphs), file="A_RES_80_1.txt")
    return [(r.paragraph, r.target, r.pinpoint, r.surface) for r in ingest.extract(doc) if r.kind == "named"]


# an instrument's name inside a longer proper name (a body's, a mechanism's, a title's) is no reference to it;
# real strings of the shared corpus (A_HRC_RES_35_30, A_RES_68_192, A_RES_50_24, A_RES_76_181, A_RES_72_279,
# A_HRC_RES_47_7, A_RES_63_239, A_HRC_RES_44_10, A_RES_52_251, A_520_REV.20)
@pytest.mark.parametrize("text, expected", [
    ("Requests the Intergovernmental Working Group on the Effective Implementation of the Durban Declaration and "
     "Programme of Action:", []),
    ("and invites the Conference of the Parties to the United Nations Convention against Transnational Organized "
     "Crime, relevant international organizations", []),
    ("a sub-item entitled “Agreement for the Implementation of the Provisions of the United Nations Convention on the "
     "Law of the Sea of 10 December 1982 relating to the Conservation”", []),
    ("the Agreement under the United Nations Convention on the Law of the Sea on the Conservation and Sustainable "
     "Use of Marine Biological Diversity of Areas beyond National Jurisdiction", []),
    ("the Fourteenth United Nations Congress on Crime Prevention and Criminal Justice: Towards the Achievement of the "
     "2030 Agenda for Sustainable Development", []),
    ("to the capitalization of the Joint Fund for the 2030 Agenda for Sustainable Development at 290 million dollars",
     []),
    ("Welcoming the upcoming ninth session of the Conference of the States Parties to the United Nations Convention "
     "against Corruption,", []),
    ("the Follow-up International Conference on Financing for Development to Review the Implementation of the "
     "Monterrey Consensus, held in Doha", []),
    ("To cooperate closely with the Conference of States Parties to the Convention on the Rights of Persons with "
     "Disabilities", []),
    ("Noting also that the eighth Meeting of States Parties to the United Nations Convention on the Law of the Sea, "
     "held in New York", []),
    ("approved the conclusions of the Special Committee on the Charter of the United Nations and on the "
     "Strengthening of the Role of the Organization", []),
    # negative rows: the instrument cited, with a body or a title near it
    ("Recalling the 2030 Agenda for Sustainable Development,", [("A/RES/70/1", None)]),
    ("Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda for "
     "Sustainable Development”,", []),  # the explicit reference covers it
    ("the Board shall act in conformity with the responsibilities of the Economic and Social Council under the "
     "Charter of the United Nations", [("Charter of the United Nations", None)]),
    ("the Human Rights Committee under the International Covenant on Civil and Political Rights",
     [("A/RES/2200(XXI)", "A, annex")]),
    # a longer name that ends with the instrument it holds: the name after it stands on its own (UNEP_EA.6_RES.14)
    ("Welcoming the adoption by the Conference of the Parties to the Convention on Biological Diversity of the "
     "Kunming-Montreal Global Biodiversity Framework,", [("CBD/COP/DEC/15/4", "annex")]),
    ("Reaffirming the Council’s commitment to the Durban Declaration and Programme of Action,",
     [("A/CONF.189/12", "chap. I")]),
    ("the Committee on the Elimination of Racial Discrimination and the International Convention on the Elimination "
     "of All Forms of Racial Discrimination", [("A/RES/2106(XX)", "annex")]),
])
def test_a_name_inside_a_longer_name(text, expected):
    assert named_targets(text) == expected


@pytest.mark.parametrize("text, is_part", [
    ("the Working Group on the Effective Implementation of the ", True),
    ("the Conference of the Parties to the ", True),
    ("the Agreement under the ", True),
    ("Report: Towards the Achievement of the ", True),
    ("the Special Rapporteur on the Implementation of the ", True),
    ("Transforming our world: the ", False),
    ("entitled “The ", False),
    ("Recalling the ", False),
    ("the Human Rights Council in the ", False),
    ("the Economic and Social Council under the ", False),
])
def test_part_of_longer_name(text, is_part):
    assert named.part_of_longer_name(text + "2030 Agenda", len(text)) is is_part


# instruments counted from the corpus (instruments.tsv, 2026.12.1) and part letters as for the Genocide Convention
@pytest.mark.parametrize("text, expected", [
    ("Recalling the Convention on the Privileges and Immunities of the United Nations,", [("A/RES/22(I)", "A")]),
    ("Recalling the Declaration of Commitment on HIV/AIDS,", [("A/RES/S-26/2", "annex")]),
    ("the United Nations Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela Rules),",
     [("A/RES/70/175", "annex")]),
    ("the Bangkok Rules", [("A/RES/65/229", "annex")]),
    ("the Guiding Principles on Internal Displacement", [("E/CN.4/1998/53/Add.2", "annex")]),
    ("the Convention on the Safety of United Nations and Associated Personnel", [("A/RES/49/59", "annex")]),
    ("the Declaration on Principles of International Law concerning Friendly Relations and Cooperation among States "
     "in accordance with the Charter of the United Nations", [("A/RES/2625(XXV)", "annex")]),
    ("the International Covenant on Civil and Political Rights", [("A/RES/2200(XXI)", "A, annex")]),
    ("the International Covenant on Economic, Social and Cultural Rights", [("A/RES/2200(XXI)", "A, annex")]),
    ("the Convention on the Prevention and Punishment of the Crime of Genocide", [("A/RES/260(III)", "A, annex")]),
    ("the Universal Declaration of Human Rights", [("A/RES/217(III)", "A")]),
    # explore6 D22: the Rome Statute (69 documents of the shared corpus; S/RES/1970 (2011) pp12, A/RES/79/176 op22),
    # the Charter as Security Council texts write it (S/RES/2767 (2024) pp9, S/PRST/2020/3 p3)
    ("Reaffirming the Rome Statute of the International Criminal Court,", [("A/CONF.183/9", None)]),
    ("Recalling article 16 of the Rome Statute under which no investigation", [("A/CONF.183/9", "article 16")]),
    ("consistent with Chapter VIII of the UN Charter,", [("Charter of the United Nations", "chapter VIII")]),
    ("in accordance with the Charter of the UN, and, in this connection,", [("Charter of the United Nations", None)]),
    # "UN" before a name is no longer name ("the UN 2030 Agenda for Sustainable Development", S/PRST/2020/11)
    ("the objectives outlined in the UN 2030 Agenda for Sustainable Development", [("A/RES/70/1", None)]),
    ("to implement fully the UN Convention on the Rights of the Child 1989", [("A/RES/44/25", "annex")]),
    # negative rows: a body's name holds the Statute; the ECE's charter on housing (ECE/HBP/190, ECE/HBP/213); names
    # the shared corpus shows to be ambiguous alone: "the Vienna Declaration" (1993 human rights, 2000 crime, 2014
    # landlocked countries), "the Beijing Declaration" (1995 women, 2006 Global Programme of Action)
    ("the Assembly of States Parties to the Rome Statute of the International Criminal Court", []),
    ("Implementation of the Geneva UN Charter on Sustainable Housing", []),
    ("the UN Charter on Sustainable Housing, endorsed by ECE on 16 April 2015", []),
    ("Activities of the UN Charter Centres for Sustainable Housing", []),
    ("Recalling the Vienna Declaration and the Vienna Programme of Action for Landlocked Developing Countries for "
     "the Decade 2014–2024,", [("A/RES/69/137", "annex II")]),
    ("the Beijing Declaration on furthering the implementation of the Global Programme of Action", []),
])
def test_instruments_counted_from_the_corpus(text, expected):
    assert named_targets(text) == expected


def test_short_forms_after_the_full_name():
    got = named_in([
        "Recalling the Programme of Action of the International Conference on Population and Development,",
        "Stressing that the Programme of Action remains valid,",
        "1. Calls for the full implementation of the Programme of Action;",
    ])
    assert [(p, t, s) for p, t, _, s in got] == [
        ("pp1", "A/CONF.171/13/Rev.1", "Programme of Action of the International Conference on Population and Development"),
        ("pp2", "A/CONF.171/13/Rev.1", "Programme of Action"),
        ("op1", "A/CONF.171/13/Rev.1", "Programme of Action")]


@pytest.mark.parametrize("paragraphs", [
    # before the full name: nothing to repeat
    ["Stressing that the Programme of Action remains valid,",
     "Recalling the Programme of Action of the International Conference on Population and Development,"],
    # two instruments with the head: ambiguous
    ["Recalling the Convention on the Rights of the Child and the Convention on the Elimination of All Forms of "
     "Discrimination against Women,", "Urges States to ratify the Convention,"],
    # a Convention citegraph does not know was named: ambiguous
    ["Recalling the Convention on the Rights of the Child and the Convention on Biological Diversity,",
     "Urges States to ratify the Convention,"],
    # a longer name, not the short form
    ["Recalling the Convention on the Rights of the Child,", "the Convention on Biological Diversity"],
    ["Recalling the Beijing Declaration and Platform for Action,", "the Declaration on disarmament"],
    # another thing's name that holds an instrument's name: its head is not that instrument's (ECE/HBP/213 p168)
    ["Implementation of the Geneva UN Charter on Sustainable Housing", "events to promote the Charter and connect"],
    ["Activities of the UN Charter Centres for Sustainable Housing", "events to promote the Charter and connect"],
])
def test_short_forms_not_read(paragraphs):
    got = named_in(paragraphs)
    assert all(s != h for _, _, _, s in got for h in ("Programme of Action", "Convention", "Declaration", "Charter"))


def test_short_forms_of_the_charter_as_the_council_writes_it():
    # S/RES/2719 (2023): "the UN Charter" named, then "Chapter VIII of the Charter"
    got = named_in(["Reaffirming the purposes and principles of the UN Charter,",
                    "1. Decides, in accordance with Chapter VIII of the Charter, to"])
    assert [(p, t, s) for p, t, _, s in got] == [("pp1", "Charter of the United Nations", "UN Charter"),
                                                 ("op1", "Charter of the United Nations", "Charter")]


def test_short_forms_of_a_convention():
    got = named_in(["Recalling the Convention on the Rights of the Child,",
                    "Urges States parties to the Convention which have made reservations to review them,"])
    assert [(p, t, s) for p, t, _, s in got] == [("pp1", "A/RES/44/25", "Convention on the Rights of the Child"),
                                                 ("op1", "A/RES/44/25", "Convention")]


@pytest.mark.parametrize("text", [
    "Recalling the Convention on the Rights of the Child and the Optional Protocols thereto,",
    "the Beijing Declaration and Platform for Action, the Programme of Action of the International Conference",
    "Urges States parties to the Convention which have made reservations to review them,",
    "the UN-Habitat Strategic Plan, the Paris Agreement (FCCC/CP/2015/10/Add.1, decision 1/CP.21) and Agenda 21;",
    "the New Urban Agenda; the Sendai Framework for Disaster Risk Reduction 2015–2030, and the Global Compact",
    "iPhone Agenda’s O'Brien Declaration/Covenant - the Pact for the Future",
    "no head here at all, only words",
    "",
])
def test_proper_names_is_the_pattern(text):
    """named._proper_names gives _PROPER.finditer's matches, tried only inside runs that hold a head."""
    assert [m.span() for m in named._proper_names(text)] == [m.span() for m in named._PROPER.finditer(text)]


def test_proper_names_is_the_pattern_on_real_text():
    root = pathlib.Path(__file__).resolve().parent.parent / "samples"
    count = 0
    for f in [root / "A_RES_79_194.md", *sorted((root / "text").glob("*.txt"))]:
        text = f.read_text(encoding="utf-8")
        got = [m.span() for m in named._proper_names(text)]
        assert got == [m.span() for m in named._PROPER.finditer(text)], f.name
        count += len(got)
    assert count > 500


# "the Charter" is a short form head like "the Convention": read after the Charter's full name, with its
# pinpoint; not read in a document that never names it, nor once another Charter (one citegraph does not
# know) has been named. Real strings from the shared corpus.
CHARTER_ROWS = [
    (["Recalling the Charter of the United Nations,", "Acting under Chapter VII of the Charter,"],
     [[], [("Charter", "Charter of the United Nations")]]),
    (["Guided by the purposes and principles of the Charter of the United Nations,",
      "in accordance with Article 102 of the Charter of the United Nations and Article 101 of the Charter,"],
     [[], [("Charter", "Charter of the United Nations")]]),
    (["Acting under Chapter VII of the Charter,"], [[]]),  # never named in full: not read
    (["Recalling the Charter of the United Nations and the African Charter on Human and Peoples' Rights,",
      "Article 25 of the Charter"], [[], []]),  # a second Charter: ambiguous
    (["Recalling the Charter of the United Nations,", "the Olympic Charter and charter flights"], [[], []]),
    (["Recalling the Charter of the United Nations,", "the Charter of Economic Rights and Duties of States"],
     [[], []]),
    (["Recalling the Charter of the United Nations,", "the Charter of Paris for a New Europe"], [[], []]),
]


@pytest.mark.parametrize("texts,expected", CHARTER_ROWS)
def test_charter_short_form(texts, expected):
    from ingest.named import curated, short_forms
    got = short_forms(texts, curated().finditer_many(texts))
    assert [[(w, a.target) for _, _, w, a in f] for f in got] == [[tuple(e) for e in row] for row in expected]


@pytest.mark.parametrize("texts", [
    ["Recalling the Programme of Action of the International Conference on Population and Development,",
     "Stresses that the Programme of Action remains valid;"],
    # an en dash read as a hyphen for the names ("2015–2030"), the heads found as written around it
    ["the Sendai Framework for Disaster Risk Reduction 2015–2030 and the Convention – the Agenda", "no head"],
    # a line break: the names' pattern, not the automaton; the heads as before
    ["Recalling the Convention on the\nRights of the Child,", "Urges States to ratify the Convention,"],
    [], [""],
])
def test_names_and_heads_in_one_pass(texts):
    """finditer_many_heads gives finditer_many's names and _head_spans's heads."""
    table = named.curated()
    got_names, got_heads = table.finditer_many_heads(texts)
    assert got_names == [table.finditer(t) for t in texts]
    assert got_heads == named._head_spans(texts)


def test_names_and_heads_in_one_pass_on_real_text():
    root = pathlib.Path(__file__).resolve().parent.parent / "samples"
    table, count = named.curated(), 0
    for f in [root / "A_RES_79_194.md", *sorted((root / "text").glob("*.txt"))]:
        texts = [p.text for p in parse_text(f.read_text(encoding="utf-8"), file=f.name).paragraphs]
        got_names, got_heads = table.finditer_many_heads(texts)
        assert got_names == [table.finditer(t) for t in texts], f.name
        assert got_heads == named._head_spans(texts), f.name
        count += sum(map(len, got_heads))
    assert count > 100


def test_short_forms_depend_on_the_texts_before_only_on_real_text():
    """A text's short forms are decided by the proper names before them: the same from the document's first
    texts up to it alone as from all its texts (short_forms reads no proper name after its last short form).
    The sample corpus's paragraphs, with their short forms counted."""
    from ingest.named import curated, short_forms
    root = pathlib.Path(__file__).resolve().parent.parent / "samples"
    count = 0
    for f in [root / "A_RES_79_194.md", *sorted((root / "text").glob("*.txt"))]:
        texts = [p.text for p in parse_text(f.read_text(encoding="utf-8"), file=f.name).paragraphs]
        found = curated().finditer_many(texts)
        whole = short_forms(texts, found)
        for k in [k for k, here in enumerate(whole) if here]:
            assert short_forms(texts[:k + 1], found[:k + 1])[k] == whole[k], (f.name, k)
            count += len(whole[k])
        # the texts after the last short form change nothing before them
        if whole and any(whole):
            k = max(k for k, here in enumerate(whole) if here)
            assert short_forms(texts[:k + 1], found[:k + 1]) == whole[:k + 1]
    assert count > 20


# pinpoints in the Editorial Manual's comma order ("section II, paragraph 3, of resolution 72/279"); the
# written order without commas still reads, and a comma after a reference is not a pinpoint before it
COMMA_PIN_ROWS = [
    ("section II, paragraph 3, of resolution 72/279", ["section II", "paragraph 3"]),
    ("Article 51, paragraph 1, of the ", ["Article 51", "paragraph 1"]),
    ("paragraph 3 of section II of resolution ", ["paragraph 3", "section II"]),
    ("paragraph 3, of resolution ", ["paragraph 3"]),
    ("in its report, of resolution ", []),
    ("Welcomes, of resolution ", []),
]


@pytest.mark.parametrize("pre,expected", COMMA_PIN_ROWS)
def test_comma_order_pins(pre, expected):
    from ingest.find.pinpoints import pins_before
    at = pre.find("resolution 72") if "72/279" in pre else len(pre) - len("resolution ") if pre.endswith("resolution ") else len(pre)
    assert [p.written for p in pins_before(pre, at)] == expected
