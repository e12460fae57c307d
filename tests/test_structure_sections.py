"""ingest.structure.sections: old compilation pages, where a page prints several resolutions (issue 13).

Tables of headings as the printed volumes give them (OCR'd in ../shared/corpus/text), negative rows included,
and whole pages shaped like the real ones: a Security Council page holding 425-427 with the Council's
decisions between them, the same page in French, with a misprinted heading, an Economic and Social Council page
holding 668-671 whose notes OCR printed on the baseline, a bilingual 1953 page, a volume's part heading."""
from __future__ import annotations

import doctest

import pytest

import ingest
from ingest import extract, parse_text
from ingest.structure import sections
from ingest.structure.blocks import split_blocks

from conftest import SHARED


def test_doctests():
    assert doctest.testmod(sections).failed == 0


def blocks_of(*texts: str):
    return split_blocks("\n\n".join(texts))[0]


# ---------------------------------------------------------------- headings

@pytest.mark.parametrize("text, number, key", [
    ("1514 (XV). Declaration on the granting of independence to colonial countries and peoples", "1514 (XV)",
     "1514(XV)"),
    ("217 A (III). International Bill of Human Rights", "217 A (III)", "217A(III)"),
    ("31/192. Statute of the International Civil Service Commission", "31/192", "31/192"),
    ("1984/47. Procedures for the effective implementation of the Standard Minimum Rules", "1984/47", "1984/47"),
    ("S-10/2. Final Document of the Tenth Special Session of the General Assembly", "S-10/2", "S-10/2"),
    ("50 (1948). Resolution of 29 May 1948", "50 (1948)", "50(1948)"),
    ("Resolution 425 (1978)", "425 (1978)", "425(1978)"),
    ("Resolution 425 (1978) of 19 March 1978", "425 (1978)", "425(1978)"),
    # the other official languages' forms
    ("Résolution 426 (1978)", "426 (1978)", "426(1978)"),
    ("Résolution 426 (1978) du 19 mars 1978", "426 (1978)", "426(1978)"),
    ("Resolución 427 (1978)", "427 (1978)", "427(1978)"),
    ("Резолюция 428 (1978)", "428 (1978)", "428(1978)"),
    ("RESOLUTION 426 (1978)", "426 (1978)", "426(1978)"),
    # OCR noise: letters for letters and digits, spaces lost or added, a stray full stop
    ("Resolutlon 426 (1978)", "426 (1978)", "426(1978)"),
    ("Rcsolution 426 (1978)", "426 (1978)", "426(1978)"),
    ("Reso1ution 426 (1978)", "426 (1978)", "426(1978)"),
    ("Résolutlon 426 (l978)", "426 (l978)", "426(1978)"),
    ("Resolution426(1978)", "426(1978)", "426(1978)"),
    ("l514 (XV). Declaration on the granting of independence", "l514 (XV)", "1514(XV)"),
    ("1514(XV).Declaration on the granting of independence", "1514(XV)", "1514(XV)"),
    ("2617. (XXIV). Study of the nature of the increases in the level of expenditure", "2617. (XXIV)", "2617(XXIV)"),
    ("1 514 (XV). Declaration on the granting of independence", "1 514 (XV)", "1514(XV)"),
    # the digit one, a small L or a bar for the Roman I (explore6 D15: A_RES_13(I).txt, A_RES_23(I).txt)
    ("13(1). ORGANIZATION OF THE SECRETARIAT", "13(1)", "13(I)"),
    ("23 (l). Registration of Treaties and International Agreements", "23 (l)", "23(I)"),
    ("60 (11). Establishment of an international children's emergency fund", "60 (11)", "60(II)"),
])
def test_a_resolution_heading(text, number, key):
    (h,) = sections.headings(blocks_of(text))
    assert (h.number, h.key) == (number, key)


@pytest.mark.parametrize("text", ["Decision", "Decisions", "Décision", "Décisions", "Decisión", "Решение"])
def test_a_council_decision_heading(text):
    (h,) = sections.headings(blocks_of(text))
    assert h.number is None


def test_a_number_alone_over_its_title():
    # E/RES/1989/57 as the 1989 volume prints it
    bl = blocks_of("1989/57.", "Implementation of the Declaration of Basic Principles of Justice for Victims of Crime",
                   "The Economic and Social Council,", "Bearing in mind that the General Assembly ...")
    (h,) = sections.headings(bl)
    assert (h.number, h.title, h.size) == ("1989/57", bl[1].text, 2)


@pytest.mark.parametrize("text", [
    # negative rows: sentences and lines that hold a number but open no resolution
    "Resolutions 425 (1978) and 426 (1978)",
    "Recalling its resolution 425 (1978),",
    "Resolution of 21 September 1946",
    "Resolutions adopted on the reports of the Fifth Committee",
    "1. Decides to establish a United Nations interim force",
    "17 December 1969.",
    "1837th plenary meeting,",
    "| 44/132 | Guidelines for the regulation of computerized personal data files | 107 |",
    "Convention 426 (1978)",
    "The Council decided to invite the representative of Lebanon",
    "Decision 2024/201",
    "(1). The first item",
    "13 (1111). Four ones are no session",
])
def test_not_a_heading(text):
    assert sections.headings(blocks_of(text)) == []


@pytest.mark.parametrize("name, title, date", [
    # a page whose own heading OCR printed "13(1)." / "23(1).": its own section, its own closing meeting line
    ("A_RES_13(I).txt", "ORGANIZATION OF THE SECRETARIAT", "1946-02-13"),
    ("A_RES_23(I).txt", "Registration of Treaties and International Agreements", "1946-02-10"),
])
def test_an_ocr_roman_one_heading_cuts_the_page(name, title, date):
    path = SHARED / "corpus" / "text" / name
    if not path.exists():
        pytest.skip(f"{name} not available here")
    doc = ingest.read_document(path)
    assert (doc.title, doc.date) == (title, date)
    assert any(p.kind == "outside" for p in doc.paragraphs)


def test_a_number_alone_without_a_speaker_after_it_is_no_heading():
    assert sections.headings(blocks_of("44/132", "Guidelines for the regulation", "107", "15 December 1989")) == []


@pytest.mark.parametrize("own, printed, found", [
    ("426 (1978)", ["425 (1978)", "426 (1978)", "427 (1978)"], "426 (1978)"),
    ("1514 (XV)", ["1513 (XV)", "l514 (XV)"], "l514 (XV)"),                      # OCR'd digit
    ("168 (II)", ["167 (II)", "168 (III)", "169 (III)"], "168 (III)"),           # misprinted session (1947 volume)
    ("425 (1978)", ["424 (1977)", "425 (1977)"], "425 (1977)"),                 # misprinted year
    ("97 (I)", ["97 (I)", "97 (I)"], "97 (I)"),                                 # a bilingual page: the first
    # negative rows: another number, even one digit off, is not the own
    ("426 (1978)", ["425 (1978)", "427 (1978)"], None),
    ("31/192", ["31/191", "31/193"], None),
    ("1984/47", ["1984/46", "1985/47"], None),
])
def test_own_heading(own, printed, found):
    heads = [sections.Heading(i, n, sections.number_key(n)) for i, n in enumerate(printed)]
    h = sections.own_heading(heads, own)
    assert (h.number if h else None) == found


# ---------------------------------------------------------------- whole pages

SC_PAGE = """<!-- Page 1 -->

At its 2074th meeting, on 19 March 1978, the Council decided to invite the representatives of Iraq, Mongolia, Pakistan and Qatar to participate, without vote, in the discussion of the question.

{w} 425 (1978)

{of} 19 March 1978

The Security Council,

Taking note of the letters from the Permanent Representative of Lebanon¹⁹ and from the Permanent Representative of Israel,²⁰

1. Calls for strict respect for the territorial integrity of Lebanon;

Adopted at the 2074th meeting by 12 votes to none, with 2 abstentions.²¹

{w2} 426 (1978)

{of} 19 March 1978

The Security Council

1. Approves the report of the Secretary-General on the implementation of Security Council resolution 425 (1978), contained in document S/12611 of 19 March 1978;²³

Adopted at the 2075th meeting by 12 votes to none, with 2 abstentions.²⁴

¹⁹ Ibid., documents S/12600 and S/12606.

²⁰ Ibid., document S/12607.

²¹ One member (China) did not participate in the voting.

²³ See Official Records of the Security Council, Thirty-third Year, Supplement for January, February and March 1978, document S/12611/Add.1.

²⁴ One member (China) did not participate in the voting.

{dec}

At its 2076th meeting, on 3 May 1978, the Council proceeded with the discussion of the item (S/12675).²⁵

{w} 427 (1978)

{of} 3 May 1978

The Security Council,

Recalling its resolutions 425 (1978) and 426 (1978) of 19 March 1978,²⁶

²⁵ See Official Records of the Security Council, Thirty-third Year, Supplement for April, May and June 1978.

²⁶ Ibid., document S/12675/Add.2.
"""


def sc_page(w: str = "Resolution", w2: str = "", of: str = "of", dec: str = "Decision") -> str:
    return SC_PAGE.format(w=w, w2=w2 or w, of=of, dec=dec)


def targets(doc) -> list[str]:
    return sorted({r.target for r in ingest.extract(doc)})


@pytest.mark.parametrize("w2", ["Resolution", "Resolutlon", "Rcsolution", "Resolution", "RESOLUTION"])
def test_security_council_page_reads_its_own_resolution(w2):
    doc = parse_text(sc_page(w2=w2), file="S_RES_426(1978).txt")
    assert doc.symbol == "S/RES/426(1978)"
    own = [p for p in doc.paragraphs if p.kind != "outside"]
    assert [p.text[:12] for p in own] == ["1. Approves ", "Adopted at t", "²³ See Offic", "²⁴ One membe"]
    # its own note (S/12611/Add.1) is the own; the notes of 425 printed under it, the decision's S/12675 and
    # 427's S/12675/Add.2 are not
    assert targets(doc) == ["S/12611", "S/12611/Add.1", "S/RES/425(1978)"]


def test_the_first_resolution_of_a_page_stops_at_the_next():
    doc = parse_text(sc_page(), file="S_RES_425(1978).txt")
    assert targets(doc) == ["S/12600", "S/12606", "S/12607"]  # its notes 19-21, wherever printed


def test_the_last_resolution_of_a_page_after_a_council_decision():
    doc = parse_text(sc_page(), file="S_RES_427(1978).txt")
    assert targets(doc) == ["S/12675/Add.2", "S/RES/425(1978)", "S/RES/426(1978)"]


FRENCH_PAGE = """<!-- Page 1 -->

A sa 2074e séance, le 19 mars 1978, le Conseil a décidé d'inviter les représentants de l'Iraq, de la Mongolie, du Pakistan et du Qatar à participer, sans droit de vote, à la discussion de la question.

Résolution 425 (1978)

du 19 mars 1978

Le Conseil de sécurité,

Prenant acte des lettres du représentant permanent du Liban¹⁹ et du représentant permanent d'Israël²⁰,

1. Demande que soient strictement respectées l'intégrité territoriale du Liban et sa souveraineté;

Adoptée à la 2074e séance par 12 voix contre zéro, avec 2 abstentions²¹.

{heading}

du 19 mars 1978

Le Conseil de sécurité

1. Approuve le rapport du Secrétaire général sur l'application de la résolution 425 (1978) du Conseil de sécurité, publié sous la cote S/12611 et daté du 19 mars 1978²³;

Adoptée à la 2075e séance par 12 voix contre zéro, avec 2 abstentions²⁴.

¹⁹ Ibid., documents S/12600 et S/12606.

²⁰ Ibid., document S/12607.

²¹ Un membre (la Chine) n'a pas participé au vote.

²³ Voir Documents officiels du Conseil de sécurité, trente-troisième année, Supplément de janvier, février et mars 1978, document S/12611/Add.1.

²⁴ Un membre (la Chine) n'a pas participé au vote.

Décision

A sa 2076e séance, le 3 mai 1978, le Conseil a poursuivi l'examen de la question (S/12675)²⁵.

Résolution 427 (1978)

du 3 mai 1978

Le Conseil de sécurité,

Rappelant ses résolutions 425 (1978) et 426 (1978) du 19 mars 1978²⁶,

²⁵ Voir Documents officiels du Conseil de sécurité, trente-troisième année, Supplément d'avril, mai et juin 1978.

²⁶ Ibid., document S/12675/Add.2.
"""


@pytest.mark.parametrize("heading", ["Résolution 426 (1978)", "Résolutlon 426 (1978)", "Résolution426(1978)",
                                     "RÉSOLUTION 426 (l978)", "Resolution 426 (1978)"])
def test_a_french_security_council_page(heading):
    """A made-up French page shaped like the real English one: "Résolution 426 (1978)" | "du 19 mars 1978"."""
    doc = parse_text(FRENCH_PAGE.format(heading=heading), file="S_RES_426(1978)-FR.txt")
    assert (doc.symbol, doc.language) == ("S/RES/426(1978)", "fr")
    own = [p.text[:12] for p in doc.paragraphs if p.kind != "outside"]
    assert own == ["1. Approuve ", "Adoptée à la", "²³ Voir Docu", "²⁴ Un membre"]
    assert {"S/12611", "S/12611/Add.1"} <= set(targets(doc))
    assert not {"S/12600", "S/12606", "S/12607", "S/12675", "S/12675/Add.2"} & set(targets(doc))


@pytest.mark.parametrize("heading", ["Resolutlon 426 (1978)", "Resolution426(1978)", "Rèsolution 426 (l978)",
                                     "Resolución 426 (1978)"])
def test_a_misprinted_or_other_language_own_heading_still_cuts_the_page(heading):
    text = sc_page().replace("Resolution 426 (1978)", heading)
    doc = parse_text(text, file="S_RES_426(1978).txt")
    assert targets(doc) == ["S/12611", "S/12611/Add.1", "S/RES/425(1978)"]


ECOSOC_PAGE = """<!-- Page 1 -->

Resolutions adopted on the reports of the Social Committee

Requests the Secretary-General to transmit the present resolution to the Member States.45

1016th meeting,
31 July 1958.

669 (XXVI). Programme of concerted practical action in the social field

The Economic and Social Council,

Noting the report of the Secretary-General46 on the programme of concerted practical action,

Requests the Secretary-General to report on the programme to the Council at its twenty-eighth session.

1016th meeting,
31 July 1958.

670 (XXVI). Housing, building and planning

The Economic and Social Council,

Taking note of the report of the Social Commission on its twelfth session,47

45 E/3120, annex.

46 E/CN.5/321.

47 Official Records of the Economic and Social Council, Twenty-sixth Session, Supplement No. 11 (E/3119).

<!-- Page 2 -->

Recommends that the Governments of Member States give high priority to housing.

1016th meeting,
31 July 1958.

671 (XXVI). World social situation

The Economic and Social Council,

Recalling its resolution 663 (XXIV) of 31 July 1957,48

48 E/CN.5/324/Rev.1.
"""


@pytest.mark.parametrize("file, expected", [
    ("E_RES_669(XXVI).txt", ["E/CN.5/321"]),
    ("E_RES_670(XXVI).txt", ["E/3119"]),
    ("E_RES_671(XXVI).txt", ["E/CN.5/324/Rev.1", "E/RES/663(XXIV)"]),
])
def test_an_ecosoc_page_with_notes_on_the_baseline(file, expected):
    """OCR lost the raise of the marks ("Secretary-General46", "session,47"): each note goes with the text whose
    mark it carries on its page, the neighbours' with theirs."""
    doc = parse_text(ECOSOC_PAGE, file=file)
    assert targets(doc) == expected


def test_a_page_part_heading_note_is_the_own_report():
    # A/RES/S-10/2: "III. RESOLUTION ADOPTED ON THE REPORT OF THE AD HOC COMMITTEE ...³", its note the report
    text = ("<!-- Page 1 -->\n\nGeneral Assembly—Tenth Special Session\n\nIII. RESOLUTION ADOPTED ON THE REPORT OF THE AD HOC "
            "COMMITTEE OF THE TENTH SPECIAL SESSION³\n\nS-10/2. Final Document of the Tenth Special Session\n\n"
            "The General Assembly,\n\nAdopts the following Final Document:\n\n³ For the report of the Ad Hoc Committee, "
            "see document A/S-10/23.")
    doc = parse_text(text, file="A_RES_S-10_2.txt")
    assert targets(doc) == ["A/S-10/23"]


BILINGUAL = """<!-- Page 1 -->

476 (XV). International co-operation on cartography

Resolutions of 6 April 195350

A

The Economic and Social Council

Takes note with satisfaction of the report51 of the Secretary-General on international co-operation on cartography and of the experts' work;

476 (XV). Coopération internationale dans le domaine de la cartographie

Résolutions du 6 avril 195350

A

Le Conseil économique et social

Prend acte avec satisfaction du rapport51 du Secrétaire général sur la coopération internationale dans le domaine de la cartographie;

50 See document E/SR.677.

51 See document E/2362.

50 Voir le document E/SR.677 et le document E/SR.999.

51 Voir le document E/2362 et le document E/9999.

<!-- Page 2 -->

B

The Economic and Social Council

Takes note with satisfaction of the report52 of the Secretary-General on means for furthering the international map of the world;

477 (XV). United Nations narcotics laboratory

Resolution of 10 April 195354

The Economic and Social Council

Takes note of the report55 of the Secretary-General regarding the cost of a United Nations narcotics laboratory;

52 See document E/2376.

54 See document E/SR.681.

55 See document E/2372.

B

Le Conseil économique et social

Prend acte avec satisfaction du rapport52 du Secrétaire général sur les moyens de poursuivre la carte du monde et du document E/7777;
"""


def test_a_bilingual_page_reads_the_own_language_across_the_other():
    """The 1953 volume prints the English text, then the French; the English text of 476 (XV) goes on at the top of
    the next page (part B). The own notes are its English ones; the French text and notes are cut away."""
    doc = parse_text(BILINGUAL, file="E_RES_476(XV).txt")
    assert targets(doc) == ["E/2362", "E/2376", "E/SR.677"]
    own = [p.text for p in doc.paragraphs if p.kind != "outside"]
    assert any(t.startswith("Takes note with satisfaction of the report52") for t in own)
    assert not any("Secrétaire" in t or "narcotics" in t for t in own)


def test_sections_of_a_page():
    bl = split_blocks(sc_page())[0]
    s = sections.own_blocks(bl, "426 (1978)")
    assert bl[s.heading.index].text == "Resolution 426 (1978)"
    assert [bl[i].text[:3] for i in s.own] == ["Res", "of ", "The", "1. ", "Ado", "²³ ", "²⁴ "]
    assert [bl[i].text[:3] for i in s.outside_before] == ["At ", "Res", "of ", "The", "Tak", "1. ", "Ado"]


@pytest.mark.parametrize("text, file", [
    # negative rows: no compilation page, read whole
    ("79/194. Information and communications technologies\n\nThe General Assembly,\n\nRecalling its resolution "
     "78/132,\n\n1. Decides to remain seized.", "A_RES_79_194.txt"),  # its own title line only
    ("United Nations    E/2024/3\n\nReport of the Economic and Social Council\n\n2024/1. First resolution\n\n"
     "The Economic and Social Council,\n\n2024/2. Second resolution\n\nThe Economic and Social Council,",
     "E_2024_3.txt"),  # a report holding resolutions: not a resolution's file
    ("<!-- Page 1 -->\n\n1492 (XV). Admission of Nigeria\n\nThe General Assembly,\n\n1495 (XV). Co-operation\n\n"
     "The General Assembly,", "A_RES_1514(XV).txt"),  # the own heading lost to OCR
])
def test_not_a_compilation_page(text, file):
    bl = split_blocks(text)[0]
    doc = parse_text(text, file=file)
    own = ingest.structure.paragraphs.own_number(doc.symbol)
    assert own is None or sections.own_blocks(bl, own) is None
    assert not any(p.kind == "outside" for p in doc.paragraphs)


def _obvious_vote(text):
    """sections._vote as first written: each word looked up in every language's function words."""
    counts = {code: 0 for code in sections._FUNCTION_WORDS}
    for w in sections._WORD.findall(text.lower()):
        for code, words in sections._FUNCTION_WORDS.items():
            if w in words:
                counts[code] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


@pytest.mark.parametrize("text", [
    "", "B", "[S/902]", "50 See document E/SR.677.", "50 Voir le document E/SR.677.",
    "The General Assembly, Recalling its resolution 217 (III) of 10 December 1948 on the matter",
    "L'Assemblée générale, Rappelant sa résolution 217 (III) du 10 décembre 1948 sur la question",
    "La Asamblea General, Recordando su resolución 217 (III) de 10 de diciembre de 1948 y los informes",
    "de la the of", "en el de la", "the of le la", "de de de the the the",  # shared words, ties
])
def test_vote_is_the_obvious_count(text):
    assert sections._vote(text) == _obvious_vote(text)


# A/RES/1514 (XV)'s page of the 1960 volume (cut down): OCR lost the raise of the marks, glued to a year and its
# full stop ("1959-1960.35" for note 85, "1960.36"), and the own resolution carries no mark. The neighbours' notes
# are theirs: 36 by its mark after a year, 85 (its mark misread) because it stands between two neighbours' notes.
GA_1960_PAGE = """<!-- Page 1 -->

General Assembly — Fifteenth Session

1492 (XV). Admission of the Federation of Nigeria to membership in the United Nations

The General Assembly,

Having considered the application for membership of the Federation of Nigeria,84

Decides to admit the Federation of Nigeria to membership in the United Nations.

893rd plenary meeting,

7 October 1960.

1503 (XV). Report of the International Atomic Energy Agency

The General Assembly

Takes note of the report of the International Atomic Energy Agency to the General Assembly for the year 1959-1960.35

943rd plenary meeting,

12 December 1960.

1513 (XV). Report of the Security Council

The General Assembly

Takes note of the report of the Security Council to the General Assembly covering the period from 16 July 1959 to 15 July 1960.36

943rd plenary meeting,

12 December 1960.

1514 (XV). Declaration on the granting of independence to colonial countries and peoples

The General Assembly,

Mindful of the determination proclaimed by the peoples of the world in the Charter of the United Nations,

Welcoming the emergence in recent years of a large number of dependent territories into freedom,

---

84 Ibid., document A/4527.

85 Annual report of the Board of Governors to the General Conference, 1 July 1959-30 June 1960, Vienna, July 1960 (A/4531 and Corr.1 and Add.1).

36 Official Records of the General Assembly, Fifteenth Session, Supplement No. 2 (A/4494).
"""


@pytest.mark.parametrize("file, expected", [
    ("A_RES_1514(XV).txt", []),
    ("A_RES_1513(XV).txt", ["A/4494"]),
    ("A_RES_1492(XV).txt", ["A/4527"]),
])
def test_notes_marked_after_a_year_and_a_misread_mark_between_a_neighbours_notes(file, expected):
    doc = parse_text(GA_1960_PAGE, file=file)
    assert sorted({r.target for r in extract(doc) if r.kind == "explicit"}) == expected


# A/RES/3331 (XXIX)'s page (cut down): note 16 is the neighbour 3330's ("1974,16"), note 17 "Ibid." the own's, and
# it repeats note 16's report: A/9613 is cited by 3331 through its "Ibid.", not by the neighbour's note.
GA_1974_PAGE = """<!-- Page 1 -->

3330 (XXIX). Working Group on the Financing of the United Nations Relief and Works Agency

The General Assembly,

Having considered the report of the Commissioner-General, covering the period from 1 July 1973 to 30 June 1974,16

Notes with appreciation the report of the Working Group;

2306th plenary meeting,

17 December 1974

3331 (XXIX). United Nations Relief and Works Agency for Palestine Refugees in the Near East

The General Assembly,

Having considered the annual report of the Commissioner-General, covering the period from 1 July 1973 to 30 June 1974,17

Notes with concern the financial situation of the Agency;

---

16 Ibid., Twenty-ninth Session, Supplement No. 13 (A/9613)

17 Ibid.
"""


@pytest.mark.parametrize("file, expected", [
    ("A_RES_3331(XXIX).txt", [("A/9613", "Ibid.")]),
    ("A_RES_3330(XXIX).txt", [("A/9613", "A/9613")]),
])
def test_an_own_ibid_repeats_the_neighbours_note_before_it(file, expected):
    doc = parse_text(GA_1974_PAGE, file=file)
    assert [(r.target, r.surface) for r in extract(doc) if r.kind == "explicit"] == expected
