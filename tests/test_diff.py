"""graph.diff: what changed between two texts of a series (issue 18).

The pairs are real: the sample's 78/132 -> 79/194 (General Assembly, ICT for sustainable
development) and two Security Council resolutions renewing UNAMI's mandate, 2631 (2022) ->
2682 (2023), from the shared corpus. Each asserted change was checked by hand against the texts.
"""
from __future__ import annotations

import json
import pathlib

import pytest
from click.testing import CliRunner

import ingest
from graph import diff
from graph.cli import main
from graph.diff import diff_documents, marked_text, word_diff

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent.parent / "shared" / "corpus" / "text"
if not SHARED.exists():
    SHARED = pathlib.Path("/work/shared/corpus/text")


@pytest.fixture(scope="module")
def ict():
    """78/132 -> 79/194 with their references."""
    old, old_refs = ingest.extract_file(ROOT / "samples" / "text" / "A_RES_78_132.txt")
    new, new_refs = ingest.extract_file(ROOT / "samples" / "A_RES_79_194.md")
    return old, new, diff_documents(old, new, old_refs, new_refs)


@pytest.fixture(scope="module")
def unami():
    """S/RES/2631(2022) -> S/RES/2682(2023): both extend the mandate of UNAMI by a year."""
    a, b = SHARED / "S_RES_2631(2022).txt", SHARED / "S_RES_2682(2023).txt"
    if not a.exists():
        pytest.fail(f"{a} is missing: the shared corpus is needed for this test")
    old, old_refs = ingest.extract_file(a)
    new, new_refs = ingest.extract_file(b)
    return old, new, diff_documents(old, new, old_refs, new_refs)


def change_of(d, old=None, new=None):
    """The paragraph change with these ids (exactly one)."""
    found = [p for p in d.paragraphs if (old is None or p.old == old) and (new is None or p.new == new)]
    assert len(found) == 1, (old, new, found)
    return found[0]


def inserted(p) -> str:
    return " ".join(w.new for w in p.words if w.op in ("insert", "replace"))


def deleted(p) -> str:
    return " ".join(w.old for w in p.words if w.op in ("delete", "replace"))


# --------------------------------------------------------------------------- five changes, checked by hand

def test_ict_added_paragraph(ict):
    # 79/194 op6 is new: 78/132 has no "critical global facility" paragraph
    old, new, d = ict
    p = change_of(d, new="op6")
    assert p.change == "added" and p.old is None
    assert "Internet is a critical global facility" in p.new_text
    assert "critical global facility" not in " ".join(q.text for q in old.paragraphs)


def test_ict_dropped_paragraph_and_its_citation(ict):
    # 78/132 pp12 recalled 76/307 (modalities of the Summit of the Future); 79/194 drops it
    _, new, d = ict
    p = change_of(d, old="pp12")
    assert p.change == "dropped" and p.new is None
    assert p.old_text.startswith("Recalling its resolution 76/307")
    dropped = [c for c in d.citations if c.change == "dropped" and c.target == "A/RES/76/307"]
    assert [(c.paragraph, c.counterpart, c.elsewhere) for c in dropped] == [("pp12", None, False)]


def test_ict_changed_paragraph_words(ict):
    # 78/132 op6 "Stresses the important role played by the private sector, ..." is 79/194 op7, which adds
    # "the Government," (renumbered by the op6 inserted before it, not moved)
    _, _, d = ict
    p = change_of(d, old="op6")
    assert (p.new, p.change, p.moved) == ("op7", "changed", False)
    assert "Government" in inserted(p)
    assert "Stresses the important role played by" in marked_text(p.words)


def test_ict_verb_change(ict):
    # "Recognizing also the Commission on Science and Technology for Development ..." (pp7) became the
    # operative "14. Recognizes the role of the Commission ..." : a move from the preamble, verb changed
    _, _, d = ict
    assert [(v.old, v.new, v.old_verb, v.new_verb) for v in d.verbs] == [("pp7", "op14", "Recognizing also",
                                                                          "Recognizes")]
    assert change_of(d, old="pp7").change == "moved"
    # "Further recognizes" -> "Recognizes" (78/132 op41 -> 79/194 op45) only drops a sequencing word
    p = change_of(d, old="op41")
    assert (p.new, p.old_verb, p.new_verb) == ("op45", "Further recognizes", "Recognizes")


def test_ict_citation_added(ict):
    # pp2 now recalls ECOSOC resolution 2024/13 where 78/132 recalled 2023/3 (which 79/194 still cites in
    # footnote 2 and op60, so 2023/3 is not dropped)
    _, _, d = ict
    added = [(c.paragraph, c.counterpart, c.footnotes, c.surface) for c in d.citations
             if c.change == "added" and c.target == "E/RES/2024/13"]
    assert added == [("pp2", "pp2", (), "2024/13")]
    assert not [c for c in d.citations if c.target == "E/RES/2023/3"]


def test_ict_renumbering_is_not_a_move(ict):
    _, _, d = ict
    p = change_of(d, old="op8")  # "Welcomes the operationalization of the Technology Bank ..."
    assert p.new == "op9" and not p.moved
    assert [p.old for p in d.moved] == ["pp7"]
    c = d.counts()
    assert c["added"] + c["moved"] + c["changed"] + c["unchanged"] - len([p for p in d.moved if p.text_changed]) \
        == len([p for p in new_paragraphs(ict[1])])


def new_paragraphs(doc):
    return [p for p in doc.paragraphs if p.kind in diff.ALIGNED_KINDS]


# --------------------------------------------------------------------------- a Security Council renewal

def test_unami_mandate_extended(unami):
    _, _, d = unami
    p = change_of(d, old="op1")
    assert p.new == "op1" and p.change == "changed"
    assert (deleted(p), inserted(p)) == ("2023", "2024")
    assert "extend the mandate of the United Nations Assistance Mission for Iraq" in p.new_text


def test_unami_verbs(unami):
    # "Noting the Government of Iraq's desire to see internally displaced persons ... return" became
    # "Welcoming the Government of Iraq's efforts to assist ..."
    _, _, d = unami
    verbs = {(v.old_verb, v.new_verb) for v in d.verbs}
    assert ("Noting", "Welcoming") in verbs
    v = next(v for v in d.verbs if v.new_verb == "Welcoming")
    assert change_of(d, old=v.old, new=v.new).new_text.startswith("Welcoming the Government of Iraq’s efforts")


def test_unami_paragraphs_and_citations(unami):
    _, _, d = unami
    # the COVID-19 paragraph (recalling resolution 2565 (2021)) is dropped, with its citation
    covid = [p for p in d.dropped if "COVID-19" in p.old_text]
    assert len(covid) == 1
    assert [(c.change, c.paragraph) for c in d.citations if c.target == "S/RES/2565(2021)"] == \
        [("dropped", covid[0].old)]
    # the new government of Prime Minister Al-Sudani is welcomed in an added paragraph
    assert any(p.new_text.startswith("Welcoming the confirmation of Iraqi Prime Minister Mohammed S. Al-Sudani")
               for p in d.added)
    # 2470 (2019), missing from 2631's list of resolutions on Iraq, is added in pp1
    assert [(c.change, c.paragraph) for c in d.citations if c.target == "S/RES/2470(2019)"] == [("added", "pp1")]
    # and so is 2631 (2022) itself: the new text citing the old one is a citation added; neither text's own
    # symbol is a citation of its own side
    assert [(c.change, c.paragraph) for c in d.citations if c.target == "S/RES/2631(2022)"] == [("added", "pp1")]
    assert not [c for c in d.citations if c.target == "S/RES/2682(2023)"]


def test_the_new_text_citing_the_old_is_a_citation_added(ict):
    # 79/194 pp1 "Recalling its resolution 78/132 of 19 December 2023": 78/132 cannot cite itself
    _, _, d = ict
    assert [(c.change, c.paragraph) for c in d.citations if c.target == "A/RES/78/132"] == [("added", "pp1")]
    assert not [c for c in d.citations if c.target == "A/RES/79/194"]


# --------------------------------------------------------------------------- moved, or dropped and added

def _doc(paragraphs: list[str]):
    text = "1/1. Test\n\nThe General Assembly,\n\n" + "\n\n".join(f"{i}. {t}" for i, t in enumerate(paragraphs, 1))
    return ingest.parse_text(text, file="t.txt")


REAL = [
    "Encourages countries to take advantage of capacity-building mechanisms and opportunities from the entire "
    "United Nations system in this regard;",
    "Urges a continued focus on maximizing development gains from e-commerce, through initiatives such as "
    "eTrade for All;",
    "Stresses the important role played by the private sector, civil society and technical communities in "
    "information and communications technologies;",
    "Requests the Secretary-General to submit to the General Assembly at its seventy-ninth session a report on "
    "the implementation of the present resolution;",
]


@pytest.mark.parametrize("new, expected", [
    # the first paragraph moved to the end, words the same: moved (and nothing else)
    ([REAL[1], REAL[2], REAL[3], REAL[0]], {"moved": 1, "unchanged": 3}),
    # moved and reworded, more than half of its words kept: still moved (and its words marked)
    ([REAL[1], REAL[2], REAL[3], REAL[0].replace("in this regard", "and from Member States, and urges the "
                                                  "international community to provide resources")],
     {"moved": 1, "unchanged": 3}),
    # rewritten beyond recognition: dropped there, added here
    ([REAL[1], REAL[2], REAL[3], "Decides to include in the provisional agenda of its eightieth session the item "
                                 "entitled “Globalization and interdependence”;"],
     {"dropped": 1, "added": 1, "unchanged": 3}),
    # a paragraph inserted first renumbers all the others, none of which moves
    (["Recognizes that the Internet is a critical global facility;"] + REAL, {"added": 1, "unchanged": 4}),
])
def test_moved_or_dropped_and_added(new, expected):
    d = diff_documents(_doc(REAL), _doc(new))
    got = {k: v for k, v in d.counts().items() if v and k in ("added", "dropped", "moved", "unchanged")}
    assert got == expected


@pytest.mark.parametrize("old, new, verb", [
    ("Calls upon all States to act;", "Encourages all States to act;", ("Calls upon", "Encourages")),
    ("Urges all States to act;", "Strongly urges all States to act;", ("Urges", "Strongly urges")),
    ("Recognizes the role of the Commission;", "Also recognizes the role of the Commission;", None),
    ("Requests the Secretary-General to report;", "Further requests the Secretary-General to report;", None),
])
def test_verb_changes(old, new, verb):
    d = diff_documents(_doc([old]), _doc([new]))
    assert [(v.old_verb, v.new_verb) for v in d.verbs] == ([verb] if verb else [])


@pytest.mark.parametrize("old, new, marked", [
    ("until 31 May 2023;", "until 31 May 2024;", "until 31 May [-2023-]{+2024+};"),
    ("the Islamic State in Iraq and the Levant (ISIL, also known as Da’esh)", "ISIL (Da’esh)",
     "[-the Islamic State in Iraq and the Levant (ISIL, also known as-]{+ISIL (+}Da’esh)"),
    ("Welcomes the report", "welcomes the report", "welcomes the report"),  # case is not a change
    ("the “Agenda” – its goals", 'the "Agenda" - its goals', 'the "Agenda" - its goals'),  # nor quotes, dashes
    ("", "Decides to act;", "{+Decides to act;+}"),
    # a replacement keeps the space before the words it takes out when the words put in start with a mark
    # (79/194 against 78/132: "scientificcommunity" before)
    ("the scientific community and others", "the scientific, technical and academic communities and others",
     "the scientific [-community-]{+, technical and academic communities+} and others"),
    # negative rows: a replacement whose words put in need the space, a mark taken out
    ("x community y", "x communities y", "x [-community-]{+communities+} y"),
    ("a, b", "a and b", "a [-,-]{+and+} b"),
])
def test_word_diff(old, new, marked):
    assert marked_text(word_diff(old, new)) == marked


def test_frames(ict):
    _, _, d = ict
    f = d.frame()
    assert list(f.columns) == ["change", "old", "new", "moved", "similarity", "old_verb", "new_verb", "old_text",
                               "new_text", "marked"]
    assert len(f) == len(d.paragraphs)
    assert set(f["change"]) == {"added", "dropped", "moved", "changed", "unchanged"}
    c = d.citations_frame()
    assert list(c.columns) == ["change", "target", "paragraph", "counterpart", "footnotes", "surface", "elsewhere"]
    assert (c["change"] == "dropped").sum() == d.counts()["citations dropped"]


def test_terminal_output(ict):
    from rich.console import Console

    _, _, d = ict
    console = Console(record=True, width=120, color_system=None)
    diff.render_terminal(d, console)
    text = console.export_text()
    assert "Changes since A/RES/78/132 in A/RES/79/194" in text
    assert "Recognizing also" in text and "A/RES/76/307" in text
    assert "+ added  — → op6" in text and "− dropped  pp12 → —" in text


def test_changed_words_are_marked_in_plain_text_where_no_colours_are_drawn(ict):
    """A diff saved to a file or piped (no colours) marks old and new words in the text itself, as
    git's --word-diff=plain does; in a terminal the colours mark them and the text has no marks."""
    from rich.console import Console

    _, _, d = ict
    plain = Console(record=True, width=200, color_system=None)
    diff.render_terminal(d, plain)
    text = plain.export_text()
    # 78/132 op: "... at its seventy-ninth session" -> 79/194: "... at its eightieth session"
    assert "[-seventy-ninth-] {+eightieth+} session" in text
    assert "{+Recognizes that the Internet is a critical global facility" not in text  # an added paragraph: its head says so
    coloured = Console(record=True, width=200, force_terminal=True, color_system="standard")
    diff.render_terminal(d, coloured)
    shown, styled = coloured.export_text(clear=False), coloured.export_text(styles=True)
    assert "[-" not in shown and "{+" not in shown and "seventy-ninth eightieth" in shown
    assert "\x1b[9;31mseventy-ninth" in styled  # struck through in red


def test_cli_diff(tmp_path):
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(ROOT / "samples"), "-o", str(out), "--no-html"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["diff", "78/132", "79/194", "-g", str(out / "graph.json"),
                                  "--corpus", str(ROOT / "samples"), "--width", "120"])
    assert r.exit_code == 0, r.output
    assert "Changes since A/RES/78/132 in A/RES/79/194" in r.output and "Recognizes" in r.output
    assert "[-seventy-ninth-] {+eightieth+}" in r.output  # captured, not a terminal: marked in the text
    r = CliRunner().invoke(main, ["diff", "78/132", "79/194", "-g", str(out / "graph.json"),
                                  "--corpus", str(ROOT / "samples"), "--format", "json"])
    data = json.loads(r.output)
    assert data["old"] == "A/RES/78/132" and data["verbs"][0]["new_verb"] == "Recognizes"
    # files work without a graph; a symbol not in the corpus is a one-line error
    r = CliRunner().invoke(main, ["diff", str(SHARED / "S_RES_2631(2022).txt"), str(SHARED / "S_RES_2682(2023).txt")])
    assert r.exit_code == 0 and "S/RES/2682(2023)" in r.output
    r = CliRunner().invoke(main, ["diff", "56/183", "79/194", "-g", str(out / "graph.json"),
                                  "--corpus", str(ROOT / "samples")])
    assert r.exit_code == 1 and "not in the corpus" in r.output


@pytest.mark.parametrize("change, where, target, listed", [
    # 79/194's footnotes 12 and 13 teach "Road map for digital cooperation" and "Our Common Agenda",
    # which 78/132's pp20 names without a footnote: cited in both texts, so not added
    ("added", ("pp21", ("12",)), "A/74/821", False),
    ("added", ("pp21", ("13",)), "A/75/982", False),
    ("added", ("header", ()), "A/79/434", True),  # new in 79/194
])
def test_cli_diff_of_files_knows_the_names_both_teach(change, where, target, listed):
    r = CliRunner().invoke(main, ["diff", str(ROOT / "samples" / "text" / "A_RES_78_132.txt"),
                                  str(ROOT / "samples" / "A_RES_79_194.md"), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = {(c["change"], (c["paragraph"], tuple(c["footnotes"])), c["target"])
            for c in json.loads(r.output)["citations"]}
    assert ((change, where, target) in rows) is listed
    alone = ingest.extract_file(ROOT / "samples" / "text" / "A_RES_78_132.txt")[1]
    assert listed or target not in {x.target for x in alone}  # 78/132 alone does not know the name


# --------------------------------------------------------------------------- words: the fast split is the plain one

SPLITS = [  # real strings -> folded tokens (words and marks)
    ("Calls upon all States, inter alia, to act;",
     ["calls", "upon", "all", "states", ",", "inter", "alia", ",", "to", "act", ";"]),
    ("Recalling its resolution 70/1 of 25 September 2015,",
     ["recalling", "its", "resolution", "70", "/", "1", "of", "25", "september", "2015", ","]),
    ("the well-being of children’s rights", ["the", "well-being", "of", "children's", "rights"]),
    ("the so-called ‘peace dividend’", ["the", "so-called", "'", "peace", "dividend", "'"]),
    ("the Sendai Framework 2015–2030", ["the", "sendai", "framework", "2015-2030"]),  # en dash folded, joins
    ("S/RES/2631 (2022)", ["s", "/", "res", "/", "2631", "(", "2022", ")"]),
    ("e_mail and\tthe\u00a0“Internet”", ["e_mail", "and", "the", '"', "internet", '"']),
    # negative rows: joiners that join nothing are marks of their own
    ("a--b", ["a", "-", "-", "b"]),
    ("-States", ["-", "states"]),
    ("States- and 'sic'", ["states", "-", "and", "'", "sic", "'"]),
    ("-", ["-"]),
    ("", []),
    ("a\x1fb", ["a", "b"]),       # \x1f is a space to Python's re
    ("a\x07b", ["a", "\x07", "b"]),  # \x07 is not: a mark
    # not ASCII once folded: split one by one
    ("Côte d’Ivoire", ["côte", "d'ivoire"]),
    ("İstanbul Programme", ["i̇stanbul", "programme"]),  # folding changes the length: NFKC
]


def _cut(text, edges):
    return [diff._fold(text[a:b]) for a, b in zip(edges[0::2].tolist(), edges[1::2].tolist())]


@pytest.mark.parametrize("text, tokens", SPLITS)
def test_split(text, tokens):
    diff._MEMO.clear()
    for words, code, edges in (diff._split(text), diff._splits([text])[0]):
        assert words == tokens
        assert code == "".join(w[0] for w in tokens)
        assert _cut(text, edges) == tokens  # the edges are the tokens' places in the text as written


def test_splits_together_are_splits_alone(ict, unami):
    # the texts split together (one numpy pass over ASCII texts joined, a memo) give what each gives alone:
    # every aligned paragraph of real series, the rows above among them
    texts = [t for t, _ in SPLITS] + _bodies(ict[0]) + _bodies(ict[1]) + _bodies(unami[0]) + _bodies(unami[1])
    for a, b in SERIES:
        texts += [t for name in (a, b) for t in _bodies(ingest.extract_file(SHARED / name)[0])]
    diff._MEMO.clear()
    for together in (diff._splits(texts), diff._splits(texts)):  # the second from the memo
        assert len(together) == len(texts)
        for text, (words, code, edges) in zip(texts, together):
            plain = diff._split(text)
            assert (words, code, edges.tolist()) == (plain[0], plain[1], plain[2].tolist()), text
    assert sum(not diff._fold(t).isascii() for t in texts) >= 2  # both ways taken


# --------------------------------------------------------------------------- the fast alignment is the exhaustive one

def _bodies(doc):
    return [diff._body(p) for p in doc.paragraphs if p.kind in diff.ALIGNED_KINDS]


SERIES = [  # real predecessors from the shared corpus: a long General Assembly text, ECOSOC, a short one
    ("A_RES_70_235.txt", "A_RES_77_248.txt"),  # oceans and the law of the sea: 396 -> 474 paragraphs, 51 moved
    ("E_RES_2020_13.txt", "E_RES_2021_29.txt"),
    ("A_RES_78_157.txt", "A_RES_79_211.txt"),
]


@pytest.mark.parametrize("threshold", [0.3, diff.SIMILARITY_THRESHOLD, 0.8])
def test_fast_alignment_is_the_exhaustive_one(ict, unami, threshold):
    # _similar compares every pair by its words' first letters and only the pairs that pass word by word;
    # _similar_exhaustive compares every pair word by word (rapidfuzz cdist): the pairs must be the same
    texts = [(_bodies(ict[0]), _bodies(ict[1])), (_bodies(unami[0]), _bodies(unami[1]))]
    for a, b in SERIES:
        texts.append(tuple(_bodies(ingest.extract_file(SHARED / name)[0]) for name in (a, b)))
    for old, new in texts:
        fast = diff._align(old, new, threshold)
        assert fast == diff._align(old, new, threshold, exhaustive=True)
        assert any(s < 1.0 for *_, s, _ in fast)  # similar pairs found, not only identical ones


@pytest.mark.parametrize("old, new", [
    # words that differ but share a first letter: their codes are the same, so the codes' similarity is higher
    (["the", "state", "shall"], ["to", "secure", "stability"]),
    (["calls", "upon", "states"], ["condemns", "unilateral", "sanctions"]),
    # words the same: as similar as their codes
    (["recalls", "its", "resolution"], ["recalls", "its", "resolution"]),
    # nothing in common
    (["noting", "with", "concern"], ["decides", "to", "remain"]),
])
def test_codes_are_at_least_as_similar_as_words(old, new):
    from rapidfuzz.distance import Indel

    words = Indel.normalized_similarity(old, new)
    codes = Indel.normalized_similarity(diff._code(old), diff._code(new))
    assert codes >= words


@pytest.mark.parametrize("old, new, expected", [
    # a pair kept by its codes (t/t/s ~ t/s/s) but below the threshold by its words is left out
    ([["the", "state", "shall"], ["recalls", "its", "resolution", "on", "oceans"]],
     [["to", "secure", "stability"], ["recalls", "its", "resolutions", "on", "oceans"]],
     [(1, 1, 0.8)]),
    # no pair at all
    ([["noting", "with", "concern"]], [["decides", "to", "remain"]], []),
])
def test_similar_pairs(old, new, expected):
    for way in (diff._similar, diff._similar_exhaustive):
        got = way(old, new, 0.5, [diff._code(w) for w in old], [diff._code(w) for w in new])
        assert [(int(a), int(b), round(s, 4)) for a, b, s in got] == expected


# a text read without its footnotes: the citations of the other's footnotes are listed with a caveat
_NO_NOTES = "A/RES/1/1\n\nResolution 1/1. T\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n1. Calls upon States to act;\n"
_NOTES = ("A/RES/2/1\n\nResolution 2/1. T\n\nThe General Assembly,\n\nRecalling its resolutions,[^1]\n\n"
          "1. Calls upon States to act;\n\n[^1]: Resolutions 70/1 and 71/1.\n")
_NOTES_2 = _NOTES.replace("2/1", "3/1").replace("70/1 and 71/1", "70/1 and 72/1")


@pytest.mark.parametrize("old, new, lost, words", [
    (_NO_NOTES, _NOTES, "old", "no footnotes as read"),    # the older text lost its notes: 'added' in notes
    (_NOTES, _NO_NOTES, "new", "no footnotes as read"),    # the newer one: 'dropped' in notes
    # negative rows: both have notes (a real change), neither has, the same text
    (_NOTES, _NOTES_2, None, ""),
    (_NO_NOTES, _NO_NOTES.replace("act", "do"), None, ""),
    (_NOTES, _NOTES, None, ""),
])
def test_footnotes_lost_caveat(old, new, lost, words):
    a, b = (ingest.parse_text(t, fmt="markdown") for t in (old, new))
    d = diff_documents(a, b, ingest.extract(a), ingest.extract(b))
    assert d.footnotes_lost() == lost
    assert (words in d.footnotes_caveat()) if words else d.footnotes_caveat() == ""
    from graph.reading import changes_html
    assert ('class="caveat"' in changes_html(d)) is bool(lost)
