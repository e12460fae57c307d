"""The grammar of citations as regular expressions, apart from the logic that uses them.

As eyecite keeps its regexes in one module, the patterns :mod:`ingest.find` uses
live here, built from the data of :mod:`ingest.grammar` (series roots, body
phrases, month names): written symbols, resolution numbers after a keyword, the
body named before or after them, the glue between the items of a list, pinpoints,
what the text says of the target (date, subject, title), sentences, a bare
Security Council number, mandates tables and UN document links.

Every pattern that scans whole texts opens with literal characters (see
:mod:`ingest.patterns`): Python's ``re`` skips ahead only then. Patterns named
``*_BEFORE`` end with ``$`` and are tried on the text before a match; ``*_AFTER``
open with ``^`` and are tried on the text after it.
"""
from __future__ import annotations

import re
from typing import Optional

import ahocorasick_rs

from .. import grammar
from ..grammar import BODY_PHRASES, OTHER_BODY_PHRASES
from ..patterns import trie

# ---------------------------------------------------------------- written symbols

ROOTS = "|".join(re.escape(r) for r in grammar.WRITTEN_ROOTS)
# a hyphen goes on within a component unless another symbol follows it: a UN root or an upper-case
# code ("A/79/62-E/2024/3", "ECE/AC.21/2021/2-EUCHP2018924/4.3.2", a WHO Europe code)
# A session in brackets inside a component, before the next slash: a conference of the parties' or an executive
# session ("ICCD/COP(15)/23", "TD/B/EX(71)/2", the IAEA's "GC(67)/RES/8")
COMPONENT = r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+|-(?!(?:" + ROOTS + r"|[A-Z]{2,}[A-Z0-9]*)/)[A-Za-z0-9]+){0,6}(?:\(\d{1,3}\)(?=/))?"
# a governing body's session after a root, with a dot or in brackets ("IDB.52/Dec.6", "GC.20/Res.1", "GC(67)/RES/8")
ROOT_SESSION = r"(?:\.\d{1,3}|\(\d{1,3}\))?"
# a space may follow a slash before a year or a usual component ("A/78/744/ Add.7", "A/S-10/ AC.1/1-8").
# Every repetition is bounded: Python's re keeps a state per repetition of a group while it matches, so
# "A/A/A/..." over 16 MB took 3.5 GB (issue 17). The bounds are well above what UN symbols write (the
# shared corpus: at most 6 slashes, 2 dots or hyphens in a component, one joint symbol after another);
# a longer run is cut into symbols of that length, which then fail the checks of ingest.find.written.
ONE_SYMBOL = r"(?:" + ROOTS + r")" + ROOT_SESSION + r"(?:/(?: (?=\d{4}/|(?:Add|Corr|Rev|Amend|CRP|AC|C|L|PC|SR|WP|Sub)\.\s?\d|INF/))?" + \
    COMPONENT + r"){1,10}(?:\s?\((?:[IVXLC]+|S-[IVX]+|ES-[IVX]+|(?:19|20)\d\d)\))?"
WRITTEN = re.compile(
    r"(?<![\w/.\-])(?P<sym>" + ONE_SYMBOL + r")"
    r"(?P<part>\s(?:[A-H](?:\s?(?:and|to|[-–])\s?[A-H])?)(?=[\s,;.)]|$))?"
    r"(?P<sect>\s?(?:\((?:Sect|Part|Chap|Vol|Prog)\.?\s?[0-9A-Z]+\)|\(SUPP\))"  # "A/77/40 (SUPP)": the ODS spelling  # "A/81/6 (Sect. 26)/Part A", ".../Add.1"
    r"(?:/(?:Part\s?[A-Z]|(?:Add|Corr|Rev)\.\s?\d{1,2})(?![\w/]))*)?"
    r"(?P<joint>(?:\s?[-–]\s?" + ONE_SYMBOL + r"){0,4})")

# "and Add.1", ", Corr.1", "and Adds. 1–3", "and Add.1 and 2", "and Corrs. 1, 2 and 4", "and Add.1/Corr.1"
MORE_PARTS = re.compile(
    r"(?:,\s*|\s+and\s+)\[?(?P<w>(?P<kind>Adds?|Corrs?|Revs?)\.\s?(?P<n>\d{1,2})"
    r"(?:(?P<sub>/(?:Corr|Rev|Add)\.\s?\d{1,2})|\s?[-–]\s?(?P<to>\d{1,2}))?"
    r"(?P<also>(?:(?:\s*,\s*|\s+and\s+)\d{1,2}(?=\s*(?:[,;.)\]]|and\b|$))){0,30}))\]?(?![\w/])")
# ---------------------------------------------------------------- numbers after a keyword

MONTH = grammar.MONTH_PATTERN
DATE_TEXT = r"(?:\d{1,2}\s+" + MONTH + r"(?:\s+\d{4})?|" + MONTH + r"\s+\d{4})"
NUMBER = re.compile(
    r"(?P<num>(?:ES|S)-\d{1,2}/\d{1,3}"
    r"|\d{1,4}/\d{1,3}(?!\d|/\w|\.\d|-[A-Z]{2})"  # not "Council Decision 2010/413/CFSP" (an EU act), "59/45-POL" (OIC's)
    r"|\d{1,4}\s?(?:[A-H]\s)?\((?:ES-|S-)?[IVXLC]+\)"
    r"|\d{1,4}\s?\((?:19|20)\d{2}\))"
    r"(?P<part>\s?(?<=[\d)\s])(?:[A-Z](?:\s?(?:,\s?[A-Z]\s?)*(?:and|to|[-–])\s?[A-Z])?)(?=[\s,;.)⁰¹²³⁴⁵⁶⁷⁸⁹]|$)(?!\s+[A-Z][a-z]))?")

# A Security Council resolution's number written without its year, after a keyword whose body is the Council ("its
# resolution 1493 of 28 July 2003", "resolutions 1493 and 1533,"): digits that are no other number's start ("1493
# (2003)", "58/1", "217 (III)", "1.5"); ``part`` never matches (the groups of NUMBER). SC_BARE_NEXT: what joins
# the next one (a date, a comma, "and").
_SC_BARE_END = r"(?![\d/\-]|\.\d|\s?\(|\s?[A-H]\s\()"
SC_BARE = re.compile(r"\s*(?=\d)(?P<num>\d{1,4})(?P<part>(?!)x)?" + _SC_BARE_END)
SC_BARE_NEXT = re.compile(r"(?:\s*,?\s*(?:of|dated|adopted\s+on)\s+" + DATE_TEXT + r")?\s*(?:,\s*(?:and\s+)?|and\s+)"
                          r"(?=\d{3,4}" + _SC_BARE_END + r")")

# "resolution(s)", "decision(s)", "presidential statement(s)"; each branch opens with a literal and
# tests the word start after it (see ingest.patterns: a leading \b makes re try every position)
#: the stems of the keywords, looked for before KEYWORD is tried a letter before each
# ("PRST 29/1": a presidential statement, as the Human Rights Council numbers them)
# The abbreviations ("res. 70/1", "Dec. 2019/201"; grammar.toml [keyword_abbreviations]) count only right before a
# number, and not after a letter, digit, slash, dot or hyphen: "UNEP/EA.5/Res.5" is a written symbol's tail.
_ABBREVIATIONS = sorted({a for words in grammar.KEYWORD_ABBREVIATIONS.values() for a in words}, key=len, reverse=True)
KEYWORD_STEMS = ("esolution", "ESOLUTION", "ecision", "residential", "RST",
                 *sorted({a[1:] for a in _ABBREVIATIONS}))
# "Res"/"Dec" without the full stop only right after a body's code (grammar.toml [keyword_abbreviations_after_code]):
# "HRC Res 52/1". CODE_KEYWORD_STEMS: (the code, a space and the word; where in it the keyword starts).
_CODES = sorted({p for spec in grammar.BODIES.values() for p in spec.get("phrases", ()) if p.isupper() and p.isalpha()})
_AFTER_CODE = sorted({a for words in grammar.KEYWORD_AFTER_CODE.values() for a in words})
CODE_KEYWORD_STEMS = tuple((f"{c} {a}", len(c) + 1) for c in _CODES for a in _AFTER_CODE)
#: what a text holds when it may hold such a keyword: a code's last letter, a space and the word
CODE_KEYWORD_HINTS = tuple(sorted({f"{c[-1]} {a}" for c in _CODES for a in _AFTER_CODE}))
KEYWORD = re.compile(r"(?P<kw>(?:R(?<!\w.)(?:ESOLUTIONS?|esolutions?)|r(?<!\w.)esolutions?|[Dd](?<!\w.)ecisions?"
                      r"|[Pp](?<!\w.)residential [Ss]tatements?|P(?<![\w/].)RSTs?(?=\s+\d))\b"
                      + "".join(r"|" + re.escape(a[0]) + r"(?<![\w/.\-].)" + re.escape(a[1:]) + r"(?=\s?(?:\d|(?:ES|S)-\d))"
                                for a in _ABBREVIATIONS)
                      + "".join(r"|" + re.escape(a[0]) + "(?:" + "|".join(r"(?<=\b" + re.escape(f"{c} {a[0]}") + ")" for c in _CODES)
                                + ")" + re.escape(a[1:]) + r"(?=\s?(?:\d|(?:ES|S)-\d))" for a in _AFTER_CODE) + ")")

#: an act of the European Union after the keyword: its domain in brackets, then its number ("Council Decision (CFSP)
#: 2024/386", "Decision (EU) 2023/1234"; traps.toml [eu_acts]): the keyword's numbers are not read
EU_ACT_AFTER = re.compile(r"\s*\((?:" + "|".join(re.escape(d).replace(r"\ ", r"\s*") for d in
                                            sorted(grammar.TRAPS["eu_acts"]["domains"], key=len, reverse=True)) +
                          r")\)\s*(?:No\.?\s*)?\d")

#: an abbreviated keyword right before a number: whether a text may hold one ("HRC res. 52/1")
ABBREVIATED_KEYWORD = re.compile(r"(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + "|"
                                 + "|".join(re.escape(c) for c, _ in CODE_KEYWORD_STEMS) + r")\s?(?:\d|(?:ES|S)-\d)")

# "decision 1/CP.21", "decisions 1/CMA.3 and 1/CP.26": the UNFCCC's governing bodies' decisions (grammar.toml
# [parties_decisions]); PARTIES_ITEM is each of the list, PARTIES_NEXT what joins the next
_PARTIES_CODES = "|".join(sorted(grammar.PARTIES_DECISIONS["codes"], key=len, reverse=True))
PARTIES_ITEM = re.compile(r"(?P<n>\d{1,3})/(?P<code>" + _PARTIES_CODES + r")\.(?P<s>\d{1,2})(?![\w/]|\.\d)")
PARTIES_DECISION = re.compile(r"(?P<kw>D(?<!\w.)ecisions?|d(?<!\w.)ecisions?)\s+(?=\d{1,3}/(?:" + _PARTIES_CODES + r")\.\d)")
PARTIES_NEXT = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?=\d{1,3}/(?:" + _PARTIES_CODES + r")\.\d)")

# ---------------------------------------------------------------- the body behind a number

BODY_BEFORE = re.compile(
    r"(?:(?P<phrase>" + "|".join(re.escape(p) for p, _ in BODY_PHRASES) + r"|Council)"
    r"(?:['’]s)?\s*(?:,\s*)?(?:(?:in|by|through|under|and|with|of)\s+)?(?P<its>its\s+)?"
    r"(?:(?:own|earlier|previous|relevant|subsequent|most recent|latest|first|last|other|related|"
    r"respective|above-mentioned|aforementioned)\s+)*$)")
# BODY_BEFORE's words after the body's name hold only these characters, so its match starts at most the
# longest name before the last other character: body_before searches from there
_NOT_AFTER_BODY = re.compile(r".*[^a-z'’,\s-]", re.S)
_LONGEST_BODY_PHRASE = max(len(p) for p in [*(p for p, _ in BODY_PHRASES), "Council"])


def body_before(before: str) -> Optional[re.Match]:
    """``BODY_BEFORE.search(before)``, the same match, tried only from where one can start: the
    words after the body's name ("'s", ", in its", "own", "most recent") are lower-case letters,
    spaces, apostrophes, commas and hyphens, so the name ends after the last other character of
    ``before``, and starts at most the longest name's length before it."""
    m = _NOT_AFTER_BODY.match(before)
    return BODY_BEFORE.search(before, max(0, m.end() - _LONGEST_BODY_PHRASE) if m else 0)


OTHER_BEFORE = re.compile(r"(?:" + "|".join(re.escape(p) for p in OTHER_BODY_PHRASES) +
                           r")(?:['’]s)?\s*(?:,\s*)?(?:(?:in|by|through|under)\s+)?(?:its\s+)?$"
                           # with its full name before ", in its": "The Sixth United Nations Congress on the
                           # Prevention of Crime and the Treatment of Offenders, in its resolution 4"
                           r"|(?:" + "|".join(re.escape(p) for p in OTHER_BODY_PHRASES) + r")\s+(?:on|for|of)\s+"
                           r"(?:(?:[A-Z][\w’'-]*|and|of|the|on|for|in)\s+){0,12}?[A-Z][\w’'-]*,\s*(?:in|by)\s+its\s+$")
_OTHER_PHRASES = ahocorasick_rs.AhoCorasick(list(OTHER_BODY_PHRASES))


def names_other_body(text: str) -> bool:
    """Whether a body of ``OTHER_BODY_PHRASES`` is named in ``text``: one Aho-Corasick pass, asked before
    OTHER_BEFORE and ADOPTED_BY_OTHER (every match of theirs holds one) are tried at every position."""
    return bool(_OTHER_PHRASES.find_matches_as_indexes(text))


ADOPTED_BY_OTHER = re.compile(
    r"\b(?:adoption|adopted)(?:\s+in\s+(?:19|20)\d\d)?\s+by\s+the\s+(?P<body>(?:(?:[A-Z][\w’'-]*|and|for|of|the)\s+){0,6}?(?:" +
    "|".join(re.escape(p) for p in OTHER_BODY_PHRASES) + r"))\b[^.;“”]{0,160}?\bof\s+(?:its\s+)?$")
# "Assembly resolution 70/165 and Council resolution 23/8": a Council named stops the carry-over
COUNCIL_BEFORE = re.compile(r"\bCouncil(?:['’]s)?\s+$")
ITS_BEFORE = re.compile(trie(("its", "their", "his", "her"), not_after=r"\w") +
                         r"\s+(?:(?:own|earlier|previous|relevant|subsequent|"
                         r"most recent|latest|first|last|other|related)\s+)*$")  # on lower-cased text
# a keyword coordinated with the one before it: "... and resolution 314 (XXVIII)", ", as well as decision 5/2"
COORDINATED_BEFORE = re.compile(r"(?:(?:,\s*|\s)(?:and|or|as well as)\s+(?:also\s+)?|,\s*)$")
# a capitalised word right before the keyword: "Conference resolution 3/1", "Board decision 2020/5"
PREVIOUS_WORD = re.compile(r"([A-Z][A-Za-z\-]+)\s*$")
SENTENCE_BREAK = re.compile(r"[.;:]\s*$|^\s*$")
# another body, maybe with its region or field first ("the African Commission on Human ...", "the UNDP/UNFPA/UNOPS
# Executive Board", "the Economic and Social Commission for Asia and the Pacific")
_OTHER_NAMED = r"(?:(?:[A-Z][\w’'/-]*|and)\s+){0,4}?(?:" + "|".join(re.escape(p) for p in OTHER_BODY_PHRASES) + ")"
#: footnote marks printed as superscript digits, glued to a number or its part ("resolution 248 (IX) A⁸ of the
#: Economic and Social Council"): they do not hide what follows
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARKS = "[" + SUPERSCRIPTS + "]*"
BODY_AFTER = re.compile(
    r"^" + _MARKS + r"\s*(?:[A-Z](?:\s(?:and|to)\s[A-Z])?" + _MARKS + r"\s*)?(?:(?:19|20)\d\d\s+)?(?:,\s*)?"
    r"(?:of\s+\d{1,2}\s+\w+\s+\d{4}\s*,?\s*)?"
    r"(?:adopted\s+)?(?:of|by)\s+the\s+(?:(?P<phrase>" + "|".join(re.escape(p) for p, _ in BODY_PHRASES) +
    r")|(?P<other>" + _OTHER_NAMED + r"))\b")
# the body named as the adopter after what the text says of the number (its date, title, subject): "resolution 60/2
# on women, the girl child and HIV and AIDS, adopted on 24 March 2016 by the Commission on the Status of Women";
# "resolution 990 (LIV) on curbing illicit financial flows ... of 17 May 2022, adopted by the Conference of African
# Ministers". The subject holds no other item, keyword or noun phrase ("and the", "as well as"): in "resolution 70/1
# and the Addis Ababa Action Agenda, adopted by the Third International Conference" the adopter is the Agenda's.
_DATE_OF = r",?\s*(?:of|dated|adopted\s+on)\s+" + DATE_TEXT
_TITLE_OF = r",?\s*entitled\s*[“\"][^”\"]{0,400}[”\"]"
_SUBJECT_OF = (r",?\s*on\s+(?![0-9])(?:(?!\band\s+(?:the|its|their|all|other|also)\b|\bas\s+well\s+as\b|[Rr]esolution|"
               r"[Dd]ecision|\d{1,4}/\d|\d{1,4}\s?\()[^;.“”()]){1,200}?")
BODY_ADOPTED_AFTER = re.compile(
    r"^" + _MARKS + r"\s*(?:[A-Z](?:\s(?:and|to)\s[A-Z])?" + _MARKS + r"\s*)?(?:" + _DATE_OF + "|" + _TITLE_OF + "|" + _SUBJECT_OF + r"){0,3}"
    r"\s*,\s*(?:which\s+was\s+|as\s+)?adopted\s+(?:on\s+" + DATE_TEXT + r"\s*,?\s*|in\s+(?:19|20)\d\d\s+"
    r"|at\s+its\s+[\w-]+\s+(?:regular\s+|special\s+)?session\s*,?\s*)?by\s+the\s+(?:(?P<phrase>" +
    "|".join(re.escape(p) for p, _ in BODY_PHRASES) +
    r")|(?P<other>" + _OTHER_NAMED + r"))\b")
KEYWORD_OF_BODY = re.compile(r"\s+(?:and\s+decisions\s+|and\s+resolutions\s+)?(?:adopted\s+)?(?:of|by)\s+the\s+(?P<phrase>" +
                         "|".join(re.escape(p) for p, _ in BODY_PHRASES) + r")\b")

# ---------------------------------------------------------------- lists of numbers

KEYWORD_ONLY = re.compile(r"(?i)(?:resolutions?|decisions?)$")
WS_RUN = re.compile(r"\s+")
ROMAN_PART = re.compile(r"^\d+\s?([A-Z])\s?\(")
# ---------------------------------------------------------------- pinpoints

# The words and their numbers are data (ingest/data/pinpoints.toml): "para 67", "paras. 60-62",
# "Arts. 97 and 98", "chap. I.B", "sect. VI", "annex III", "the thirteenth preambular paragraph".
_PD = grammar.PINPOINT_DATA
_NUMBER = {
    # a subparagraph's letter and its roman-numbered level: "4 (a)", "4 (a) (ii)", "4 (a)(ii)"
    "arabic": r"\d+(?:\s?\([a-z]\)(?:\s?\([ivx]+\))?)?(?![/\d])",
    # a subdivision after a dot or in brackets: "section II.B", "section I(B)" (ECE reports), "chap. IV (A)"
    "division": r"(?:[IVXLC]+|\d+|[A-Z])(?:\.[A-Z0-9]+|\s?\([A-Z]\))*(?![/\w])",
    "letter": r"(?:[IVXLC]+|[A-Z]|one|two|three)(?![/\w])",
    "mixed": r"(?:\d+(?:\.\d+)*|[IVXLC]+)(?:\s?\(\d+\))?(?:\s?\([a-z]\))?(?![/\w])",
}
# between the numbers of one pinpoint: "50 and 52", "113, 119 to 124", "60-62", "60–62"
_PIN_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+to\s+|\s*[-–]\s*)"


def _pin_words(words) -> str:
    """The words of a unit as a pattern, longest first; an abbreviation ends with its full stop or
    none ("para. 67", "para 67"); a word is followed by a space."""
    alts = [re.escape(w[:-1]) + r"\.\s*" if w.endswith(".") else re.escape(w) + r"\s+"
            for w in sorted(words, key=len, reverse=True)]
    return "(?:" + "|".join(alts) + ")"


_WHICH = "|".join(_PD["ordinals"]["preambular"] + _PD["ordinals"]["operative"])
_ORDINAL = "|".join(sorted(_PD["ordinals"]["words"], key=len, reverse=True))
#: a subparagraph by its letter, of a numbered paragraph: "subparagraph (a) of paragraph 4", "subparagraphs (a) and
#: (b) of operative paragraph 2" (paragraph 4 (a); :func:`ingest.find.pinpoints.norm_pin`)
SUBPARAGRAPH_OF = (r"sub-?paragraphs?\s+\([a-z]\)(?:\s?\([ivx]+\))?(?:" + _PIN_SEP + r"\([a-z]\)(?:\s?\([ivx]+\))?)*"
                   r"\s+of\s+(?:operative\s+)?paragraph\s+\d+(?![/\d])")
PIN_UNIT = (
    SUBPARAGRAPH_OF + r"|(?:the\s+)?(?:" + _ORDINAL + r")\s+(?:" + _WHICH + r")\s+paragraphs?(?!\w)"
    + "".join(
        "|" + (r"(?:(?:" + _WHICH + r")\s+)?" if u["name"] == "paragraph" else "") + _pin_words(u["words"])
        + _NUMBER[u["numbers"]] + r"(?:" + _PIN_SEP + _NUMBER[u["numbers"]] + r")*"
        for u in _PD["unit"])
    + r"|annex(?:es)?(?:\s+[IVXLC]+(?:(?:\s*,\s*|\s+and\s+)[IVXLC]+)*)?(?![\w/])")

PIN_BEFORE = re.compile(
    r"(?P<pin>" + PIN_UNIT + r")"
    r"(?:,?\s+of\s+(?:the\s+(?P<annex>annex)\s+to\s+|(?P<annex_n>annex\s+[IVX]+)\s+to\s+)?|\s+to\s+)(?:the\s+|its\s+)?$",
    re.I)
#: a pinpoint before another, in the Editorial Manual's comma order: "Article 51, " of "Article 51, paragraph 1, of"
PIN_BEFORE_COMMA = re.compile(r"(?P<pin>" + PIN_UNIT + r"),\s+$", re.I)

# every match of PIN_UNIT opens with an ordinal's "the", an ordinal, "preambular"/"operative", a unit's word or
# "annex": where none of their first three letters stands (case aside, as PIN_UNIT), no match starts
_PIN_OPENERS = {"the", "annex", *_PD["ordinals"]["words"], *_PD["ordinals"]["preambular"],
                *_PD["ordinals"]["operative"], *(w for u in _PD["unit"] for w in u["words"])}
PIN_START = re.compile(trie({w[:3].lower() for w in _PIN_OPENERS}), re.I)


def search_from_starts(pattern: re.Pattern, text: str) -> Optional[re.Match]:
    """``pattern.search(text)`` for PIN_BEFORE or PIN_BEFORE_COMMA, the same match, tried only where
    :data:`PIN_START` says one may start (the big case-blind alternation is not tried at every character)."""
    pos = 0
    while True:
        m = PIN_START.search(text, pos)
        if not m:
            return None
        found = pattern.match(text, m.start())
        if found:
            return found
        pos = m.start() + 1


#: Every pinpoint PIN_BEFORE finds holds one of these words, case aside (a unit's word, the "paragraph" of
#: an ordinal one, "annex"): a window without any has no pinpoint before its reference.
_PIN_WORD_LIST = sorted({*(w for u in _PD["unit"] for w in u["words"]), "paragraph", "annex"}, key=len, reverse=True)
PIN_WORD = re.compile("|".join(map(re.escape, _PIN_WORD_LIST)), re.I)
# the same words for a quick test, each once (a word holding another is left out): "para" stands for "paragraphs"
_LOWER_WORDS = {w.lower() for w in _PIN_WORD_LIST}
_PIN_WORDS = tuple(sorted(w for w in _LOWER_WORDS if not any(o != w and o in w for o in _LOWER_WORDS)))
#: the characters other than ASCII that a case-blind pattern matches to ASCII letters, or that lower-case to
#: ASCII ("İ", "ı", the long s, the Kelvin sign; tests/test_find_regexes.py checks every code point)
CASE_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def has_pin_word(text: str) -> bool:
    """``PIN_WORD.search(text) is not None``, found faster: the lower-cased text holds one of the words
    (exact when no character of :data:`CASE_FOLDS_TO_ASCII` is in it; else the pattern is asked)."""
    for c in CASE_FOLDS_TO_ASCII:
        if c in text:
            return PIN_WORD.search(text) is not None
    low = text.lower()
    for w in _PIN_WORDS:
        if w in low:
            return True
    return False


PIN_AFTER = re.compile(
    # "resolution 77/278, in particular paragraph 34 thereof": the words that single a part out come first
    r"^,?\s*(?:(?:in\s+particular|notably|especially|inter\s+alia),?\s+)?"
    r"(?P<pin>(?>" + PIN_UNIT + r"))"  # atomic: a list is not cut short to dodge the test below
    # "61/105, paragraphs 113 and 119 to 124 of resolution 64/72": those paragraphs are the next one's
    r"(?!\s+of\s+(?:the\s+|its\s+)?(?:[A-Z][\w-]*\s+)*(?:resolutions?|decisions?|documents?|reports?)\b)", re.I)

# ---------------------------------------------------------------- lists of numbers (the glue between items)

# glue that may stand between the items of a list of resolution numbers
GLUE = re.compile(
    r"(?:\s+|,(?:\d{1,2}(?=\s))?|;(?=\s*(?:and\s+)?\d)|\band\b|\bor\b|\bas well as\b"
    r"|\bthe (?:most recent|latest)(?: of which)? (?:being|was|is|are)\b|\bthe\b|\bits\b|\bresolutions?\b|"
    r"\bnos?\.|\bnumbers?\b|\bof\s+" + DATE_TEXT + r"|\b(?:dated|adopted\s+on|on)\s+" + DATE_TEXT +
    r"|\bof\s+(?:the\s+)?(?:same\s+date|\d{4})\b|\bsection\s+[IVXLC]+(?:\.[A-Z])?\b|\bsections\s+[IVXLC]+\b"
    r"|\bpart\s+[IVXLC]+\b|\bannex(?:es)?(?:\s+[IVXLC]+)?\b|\bparagraphs?\s+\d+(?:\s?\([a-z]\)(?:\s?\([ivx]+\))?)?\s+of\b"
    r"|\bentitled\s*[“\"][^”\"]{0,400}[”\"]|\brespectively\b|\bin particular\b|\binter alia\b"
    r"|\bmost recently\b"
    # "resolutions on the pattern of conferences (43/222, the most recent being 80/234), multilingualism (50/11"
    r"|\)\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?!(?:resolutions?|decisions?)\b)[^\W\d][\w’'-]*\s+){1,12}\((?=\d{1,3}/\d|(?:ES|S)-\d)"  # not "(2024/25)"
    r"|\bincluding\b|\bthe latest\b|\band\s+all\s+(?:other|previous|subsequent)\b"
    r"|\((?!\s*(?:ES-|S-)?\d{1,4}(?:/|\s?\())(?:(?:resolution|decision)s?\s+)?[^()]{0,80}\)"
    # a subject ("on progress in ...") ends before the next item, and before a body's resolution or decision:
    # "2010/22 on progress in the implementation of General Assembly resolution 62/208" is not one list
    r"|\b(?:on|concerning|regarding|relating to|related to)\s+(?![0-9])(?:(?!\s(?:and|or)\s+(?:resolutions?\s+)?"
    r"(?:\d|S-|ES-)|\d{1,4}(?:/\d|\s?\((?:(?:19|20)\d\d|(?:ES-|S-)?[IVXLC]+)\))"
    r"|\s(?:(?:[A-Z][\w’'-]*|of|the|and|its)\s+){0,6}(?:[Rr]esolutions?|[Dd]ecisions?)\b)[^,;.“”()]){1,400}"
    r"|" + DATE_TEXT + r"\b"
    r"|\((?=\d))")
# the next item of a list, after a comma or "and"
NEXT_ITEM = (r"(?:,\s*(?:and\s+|as well as\s+)?|\s+and\s+)"
              r"(?:(?:ES|S)-\d{1,2}/\d|\d{1,4}/\d{1,3}\b|\d{1,4}\s\((?:19|20)\d\d\)|\d{1,4}\s?(?:[A-Z]\s)?\([IVXL]+\))")
NEXT_ITEM_RX = re.compile(NEXT_ITEM)
# a clause between two items of a list: no digits, no keyword, and a number after it. Costly to try
# (a look-ahead at each of up to 250 characters), so it is tried last, and only with an item ahead
GLUE_CLAUSE = re.compile(
    r"(?:(?!resolution|decision|Resolution|Decision|\d{1,4}/\d|\d{1,4}\s?\()(?:[^;.“”()\[\]]|“[^”]{0,200}”)){1,250}?"
    r"(?=" + NEXT_ITEM + ")")

# ---------------------------------------------------------------- what the text says of the target

TITLE_AFTER = re.compile(r"^\s*,?\s*(?:of\s+" + DATE_TEXT + r"\s*,?\s*)?entitled\s*[“\"]([^”\"]{1,400})[”\"]")
SUBJECT_AFTER = re.compile(r"^\s*,?\s*(?:of\s+" + DATE_TEXT + r"\s*,?\s*)?on\s+(?![0-9])((?:(?!\s(?:and|or)\s+(?:resolutions?\s+)?(?:\d|S-|ES-)"
                         # ... nor the next resolution: "on the protection of migrants and its resolution 62/270"
                         r"|\s(?:and\s+|or\s+)?(?:(?:[A-Z][\w’'-]*|of|the|its)\s+){0,6}(?:[Rr]esolutions?|[Dd]ecisions?)\b"
                         # a comma inside a title-case agenda: "on Women, Peace and Security", "Youth, Peace and Security"
                         # (not "..., Economic and Social Council resolution"), ending before "and all relevant ..."
                         r"|\sand\s+(?:all|calling|recalling|noting|reaffirming|welcoming|"
                         r"(?:its|their)\s+(?:subsequent|other|previous|earlier|relevant|later))\b)"
                         r"(?:[^,;.“”()]|,(?=\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\sand\s[A-Z][a-z]+\b(?!\s+(?:[A-Z][a-z]+\s+)*"
                         r"(?:Council|Commission|Committee|Assembly|Board|[Rr]esolutions?|[Dd]ecisions?)\b))))+)")
DATE_AFTER = re.compile(r"^\s*(?:[A-H](?:\s(?:and|to)\s[A-H])?\s*)?,?\s*(?:of|dated|adopted on)\s+(" + DATE_TEXT + r")")
#: The next date of a list of dates after "of" ("of 24 October 2005 and 15 March 2006, respectively"):
#: ", DATE" or "[,] and DATE", right after the date before it.
NEXT_DATE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(" + DATE_TEXT + r")")

# ---------------------------------------------------------------- sentences

SENTENCE_END = re.compile(r"[.;](?<![A-Z][.;])(?=\s+[A-Z(“\"])")
NOT_SENTENCE_END = ("para", "paras", "No", "no", "Sect", "Corr", "Rev", "Add", "art", "Art", "chap", "pp", "vol", "Vol")

# "Commission resolution 2004/5" in a Commission on Human Rights text: the speaker's
BARE_COMMISSION = re.compile(r"(?:^|[^\w\s]\s*|\b(?:the|its|of|by|in|and|with|Recalling|Reaffirming)\s+)Commission\s+$")

# ---------------------------------------------------------------- a bare "2367 (2017)"

BARE_SC = re.compile(r"(?P<n>[1-9](?<![\w/.,-].)\d{0,3}) ?\((?P<y>(?:19[4-9]|20[0-4])\d)\)")
#: what stands before a number (year) that is not a resolution: "paragraph 12 (2019)", "page 3 (2020)"
NOT_SC_BEFORE = re.compile(r"(?:para\.?|paragraph|article|page|annex|no\.|number|vol\.?|volume)\s*$")

# ---------------------------------------------------------------- mandates tables

TABLE_HEAD = re.compile(
    r"^(?:(?:" + "|".join(re.escape(p) for p, _ in BODY_PHRASES) + r")\s+)?(?:resolutions?|decisions?)"
    r"(?:\s+and\s+decisions?)?\s*:?\s*$", re.I)
ROW_NUMBER = (r"(?:(?:ES|S)-\d{1,2}/\d{1,3}|\d{1,4}/\d{1,3}|\d{1,4}\s?(?:[A-Z]\s)?\((?:ES-|S-)?[IVXLC]+\)"
            r"|\d{1,4}\s?\((?:19|20)\d{2}\))(?:\s?[A-Z](?:\s?(?:and|to|[-–])\s?[A-Z])?(?![\w/]))?")
ROW = re.compile(r"^" + ROW_NUMBER + r"(?:\s*[;,]\s*(?:and\s+)?" + ROW_NUMBER + r"){0,100}(?=[\s,]|$)")
# a second row run into the same line: "9 (I) Commission on Narcotic Drugs 1992/1 Establishment of ..."
ROW_AGAIN = re.compile(r"(?<=[a-z)”] )" + ROW_NUMBER + r"(?=\s+[A-Z])")


TABLE_HEAD_MAX = 2 * max(len(p) for p, _ in BODY_PHRASES) + 40  # no heading is longer
OTHER_HEAD = re.compile(r"(?i)\b(?:resolutions|decisions|conclusions|reports|documents|statements|agreements|"
                         r"conventions|declarations|rules)$")
NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?\s")


# the subject "its" stands for, named after the numbers: "In its resolution 49/128, in which it endorsed
# ..., the General Assembly requested"; "In its decision 2005/1, the Commission reaffirmed"
ITS_SUBJECT = re.compile(
    # brackets between, however long, with one level inside: "its decision 2018/101 (see Official Records ...,
    # Supplement No. 7 (E/2018/27), chap. I, sect. C), the Commission decided"
    r"\s+(?:(?!,\s+the\s+[A-Z])(?:[^;.“”()]|“[^”]{0,300}”|\.(?=\d)|\((?:[^()]|\([^()]{0,200}\)){0,600}\))){0,300}?"
    r",\s+the\s+(?P<subj>"
    + "|".join(re.escape(p) for p, _ in BODY_PHRASES) + r"|Assembly|Council|Commission"
    # another body: "the Commission on Population and Development", "the Statistical Commission"
    r"|(?P<other>(?:[A-Z][\w’'-]*\s+)*(?:Commission|Committee|Board|Conference|Council|Assembly)"
    r"(?:\s+(?:on|for|of)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+(?:and\s+)?){0,8}?[A-Z][\w’'-]*)?))"
    r"(?=(?:\s*,[^,;.“”]{1,120},)?\s+(?:also\s+|further\s+|again\s+|first\s+)?(?:[a-z]+ed|took|was|were|had|"
    r"has|is|are|made|gave|set|laid|held|drew|sought|chose|began)\b)")  # (", on the proposal of ..., elected")
CLAUSE_IN_ITS = re.compile(r"(?:^|[.;:,]\s+|^\W+)(?:[Ii]n|[Bb]y)(?: its)? $")

# ---------------------------------------------------------------- links the document embedded

LINK_URL = re.compile(r"(?:undocs\.org|docs\.un\.org|documents\.un\.org|daccess-ods\.un\.org)/(?:[a-z]{2}/)?"
                       r"(?:symbol/|doc/)?([A-Za-z][A-Za-z0-9/.\-()]*\d[A-Za-z0-9/.\-()]*)", re.I)
#: the same address written out in a text ("https://undocs.org/A/79/62", "undocs.org/en/A/RES/78/132", the Markdown
#: autolink "<https://docs.un.org/en/A/RES/77/150>"), not inside another host's ("x.undocs.org.example")
TEXT_LINK = re.compile(r"(?<![\w.\-/])(?:https?://)?(?:www\.)?(?:undocs\.org|docs\.un\.org|documents\.un\.org|"
                       r"daccess-ods\.un\.org)/(?:[a-z]{2}/)?(?:symbol/|doc/)?([A-Za-z][\w/.\-()%]*\d[\w/.\-()%]*)", re.I)
