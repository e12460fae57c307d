"""ingest.normalize: characters and lines, the same for every reader."""
import doctest

import pytest

from ingest import normalize


def test_doctests():
    assert doctest.testmod(normalize).failed == 0


@pytest.mark.parametrize("raw, read", [
    ("A/79/\u00a0434", "A/79/ 434"),
    ("10\u202f000\u2009km", "10 000 km"),
    ("a\tb", "a b"),
    ("Secretary\u2011General", "Secretary-General"),
    ("co\u2010operation", "co-operation"),
    ("\ufb01nancing of the \ufb02ows", "financing of the flows"),
    ("e\ufb00ective", "effective"),
    # left as they are
    ("plain ASCII text", "plain ASCII text"),
    ("\u2013 an en dash", "\u2013 an en dash"),
    ("co\u00adoperation", "co\u00adoperation"),
])
def test_characters(raw, read):
    assert normalize.characters(raw) == read


@pytest.mark.parametrize("raw, read", [
    ("co\u00adoperation", "cooperation"),
    ("\ufeffThe General Assembly", "The General Assembly"),
    ("70/1\u200b\u2060", "70/1"),
    ("no invisible character", "no invisible character"),
    ("caf\u00e9", "caf\u00e9"),
])
def test_strip_invisible(raw, read):
    assert normalize.strip_invisible(raw) == read


@pytest.mark.parametrize("raw", ["", " ", "a", "a  b", " a\tb\n", "a\u00a0 b", "x\u2003y "])
def test_squash_is_split_and_join(raw):
    assert normalize.squash(raw) == " ".join(raw.split())


@pytest.mark.parametrize("a, b, vocab, joined", [
    ("the Assistant Secretary-", "General and", set(), "the Assistant Secretary-General and"),
    ("contingent-", "owned equipment", set(), "contingent-owned equipment"),
    ("the contain-", "ing rules", {"containing"}, "the containing rules"),
    ("the contain-", "ing rules", {"containing", "contain-ing"}, "the contain-ing rules"),
    ("see A/RES/", "78/250 B", set(), "see A/RES/78/250 B"),
    ("ECE/CTCS/WP.7/", "2015/22", set(), "ECE/CTCS/WP.7/2015/22"),
    ("resolution", "70/1", set(), "resolution 70/1"),
    ("emergency-appeals/2025-", "unrwa-occupied", set(), "emergency-appeals/2025-unrwa-occupied"),
    ("soft\u00ad", "ware", set(), "software"),
    ("the imple-", "mentation", {"implementation"}, "the implementation"),
    ("the imple\u00ad", "mentation", set(), "the implementation"),
    ("the Secretary-", "General", {"secretarygeneral"}, "the Secretary-General"),   # upper case goes on: kept
    ("follow-", "up", {"followup", "follow-up"}, "follow-up"),                       # the document hyphenates it
    ("follow-", "up", set(), "follow-up"),                                           # unknown: the hyphen stays
    ("A/79/", "434", set(), "A/79/434"),
    ("A/79", "/434", set(), "A/79/434"),
    ("Recalling", "its resolution", set(), "Recalling its resolution"),
    ("", "b", set(), "b"),
    ("a", "", set(), "a"),
])
def test_join_lines(a, b, vocab, joined):
    assert normalize.join_lines(a, b, vocab) == joined


# ---------------------------------------------------------------- the one step, every character of its tables

@pytest.mark.parametrize("lig, letters", [
    ("\ufb00", "ff"), ("\ufb01", "fi"), ("\ufb02", "fl"), ("\ufb03", "ffi"), ("\ufb04", "ffl"), ("\ufb05", "st"),
    ("\ufb06", "st"),
])
def test_every_ligature_is_its_letters(lig, letters):
    assert normalize.text(f"a{lig}b") == f"a{letters}b"
    assert normalize.characters(lig) == letters


@pytest.mark.parametrize("raw, read", [
    ("\u017f", "s"),
    ("fir\u017ft", "first"),  # pdfium's reading of a "\ufb05" glyph: its decomposition, long s and t
    ("\u017ft", normalize.characters("\ufb05")),
])
def test_the_long_s_is_s(raw, read):
    assert normalize.text(raw) == read


@pytest.mark.parametrize("raw, read", [
    # every hyphen and dash of the table, inside symbols and words
    ("ES\u201011/1", "ES-11/1"), ("ES\u201111/1", "ES-11/1"), ("ES\u201211/1", "ES-11/1"),
    ("ES\u221211/1", "ES-11/1"), ("ES\ufe6311/1", "ES-11/1"), ("ES\uff0d11/1", "ES-11/1"),
    ("A/HRC/RES/S\u201128/1", "A/HRC/RES/S-28/1"), ("A/RES/ES\u201110/21", "A/RES/ES-10/21"),
    ("Secretary\u2011General", "Secretary-General"), ("ECE\u2010led", "ECE-led"), ("Adds.1\u20122", "Adds.1-2"),
    ("ECE/EB.AIR/GE.1/2023/7\u2212ECE/EB.AIR/WG.1/2023/7", "ECE/EB.AIR/GE.1/2023/7-ECE/EB.AIR/WG.1/2023/7"),
    # not hyphens: the en dash of a joint symbol and the em dash stay
    ("A/79/62\u2013E/2024/3", "A/79/62\u2013E/2024/3"), ("a \u2014 b", "a \u2014 b"),
])
def test_every_hyphen_and_dash(raw, read):
    assert normalize.text(raw) == read
    assert len(normalize.characters(raw)) == len(raw)  # one for one: offsets do not move


@pytest.mark.parametrize("space", list(normalize.SPACES))
def test_every_space_is_a_space(space):
    assert normalize.text(f"19{space}December") == "19 December"


@pytest.mark.parametrize("mark", list(normalize.INVISIBLE))
def test_every_invisible_character_is_dropped(mark):
    assert normalize.text(f"resolution 78/{mark}132 of 9 {mark}December") == "resolution 78/132 of 9 December"


@pytest.mark.parametrize("raw, read", [
    # a soft hyphen at a line end joins the word, across the blank lines of an OCR'd page too (A_RES_39_46)
    ("the elabora\u00ad\n\ntion and", "the elaboration and"),
    ("its resolu\u00ad\ntion 78/132", "its resolution 78/132"),
    # the document writes the word with a hyphen: the hyphen stays (A_RES_42_37 "forty\u00ad" | "third")
    ("its forty\u00ad\n\nthird session; the forty-third", "its forty-third session; the forty-third"),
    # an upper-case line after it: only the soft hyphen goes, the break stays
    ("Non\u00ad\nProliferation", "Non\nProliferation"),
    ("co\u00adoperation", "cooperation"),
    ("plain ASCII\ttext", "plain ASCII text"),
])
def test_text_soft_hyphens_and_lines(raw, read):
    assert normalize.text(raw) == read


@pytest.mark.parametrize("a, b, joined", [
    # citing keywords and words of the grammar join though the document has them nowhere else
    ("its resolu-", "tion 77/150", "its resolution 77/150"),
    ("General Assembly deci-", "sion 79/555", "General Assembly decision 79/555"),
    ("Reaffir-", "ming its", "Reaffirming its"),
    ("19 Decem-", "ber 2024", "19 December 2024"),
    ("the Security Coun-", "cil", "the Security Council"),
    ("(A/79/", "434)", "(A/79/434)"),
    ("resolution 78/", "132 of", "resolution 78/132 of"),
    ("E/2023/L.23\u2013", "E/HLPF/2023/L.1", "E/2023/L.23\u2013E/HLPF/2023/L.1"),
    ("A/79/62-", "E/2024/3", "A/79/62-E/2024/3"),
    ("ES-", "11/1", "ES-11/1"),
    # words of the named instruments' names (data/instruments.tsv)
    ("Punish Traf-", "ficking in Persons", "Punish Trafficking in Persons"),
    ("the Paris Agree-", "ment", "the Paris Agreement"),
    ("the Vienna Con-", "vention", "the Vienna Convention"),
    # negative rows: not known, not elsewhere -> the hyphen stays; an en dash between words keeps its space
    ("self-", "determination", "self-determination"),
    ("non-", "governmental", "non-governmental"),
    ("cross-", "border", "cross-border"),
    ("2010 \u2013", "2020", "2010 \u2013 2020"),
])
def test_join_lines_known_words(a, b, joined):
    assert normalize.join_lines(a, b, set()) == joined


def test_known_words_hold_the_keywords_and_grammar_words():
    assert {"resolution", "decision", "december", "reaffirming", "council", "assembly"} <= normalize.KNOWN_WORDS
    assert "secretarygeneral" not in normalize.KNOWN_WORDS
    assert {"trafficking", "agreement", "persons"} <= normalize.KNOWN_WORDS  # instruments' names
    assert all(len(w) > 3 and w.isalpha() and w.islower() for w in normalize.KNOWN_WORDS - set(normalize.LINE_RULES["keywords"]))


# The obviously right versions of characters() and strip_invisible(): str.translate with the tables
# (the fast ones replace only what a character class finds; the two must agree on every text).
_OBVIOUS_CHARACTERS = str.maketrans(normalize.CHARACTERS)
_OBVIOUS_DROP = str.maketrans("", "", normalize.INVISIBLE)
_MIXED = [
    "", "plain ASCII", "a\tb", "Rappelant sa résolution 78/132 du 19\u00a0décembre 2023",
    "Secretary\u2011General\u2009\u2014 the \ufb01nal \ufb03rst \ufb05 \u017fo\u200b\u00ad co\u00adoperation",
    "\ufeffA/79/\u00a0434\u200e and \u202aE/2024/3\u202c", "回顾其第78/132号决议\u3000", "резолюцию\u00a078/132",
    "\u00a0" * 50 + "\u200b" * 50, "–—‒−﹣－-", "\t\t", "mixed\u2028line\u2029sep",
    "".join(normalize.CHARACTERS) + "".join(normalize.INVISIBLE) + "é",
]


@pytest.mark.parametrize("raw", _MIXED)
def test_characters_and_strip_invisible_are_the_tables(raw):
    assert normalize.characters(raw) == raw.translate(_OBVIOUS_CHARACTERS)
    assert normalize.strip_invisible(raw) == raw.translate(_OBVIOUS_DROP)


@pytest.mark.parametrize("raw", _MIXED + ["Reaffirming\u00a0its resolution\u200b 78/132", "elabora\u00ad\ntion\u00a0of"])
def test_text_is_characters_soft_breaks_then_strip_invisible(raw):
    """text() in one pass where no soft hyphen is: what the three steps one after the other give."""
    s = raw.translate(_OBVIOUS_CHARACTERS)
    if "\u00ad" in s:
        s = normalize._SOFT_BREAK.sub(normalize._SoftBreak(s), s)
    assert normalize.text(raw) == (raw.replace("\t", " ") if raw.isascii() else s.translate(_OBVIOUS_DROP))


def test_characters_read_as_others_and_invisible_ones_are_apart():
    """text()'s one pass needs it: no character is in both tables, none is read as an invisible one."""
    assert not set(normalize.CHARACTERS) & set(normalize.INVISIBLE)
    assert not any(c in normalize.INVISIBLE for read in normalize.CHARACTERS.values() for c in read)
