"""Canonical UN document symbols (pure functions over :mod:`ingest.grammar`'s data).

The facts (bodies, numbering templates, series roots, sessions) are ``ingest/data/grammar.toml``,
loaded by :mod:`ingest.grammar`. Three jobs:

* :func:`canonical_written` - a symbol as written ("A/RES/78/250 B",
  "E/CN.16/2018/CRP.3.") to its canonical spelling;
* :func:`resolve_number` - a resolution or decision number ("70/125",
  "217 A (III)", "2720 (2023)", "S-26/2") plus the body that adopted it to a
  canonical symbol, or ``None``;
* :func:`own_number` - the number a document's own title line or heading prints ("79/555. Scale of
  assessments", "Decision 79/555") as its symbol: a resolution's or a decision's;
* :func:`describe` - the body and kind of a canonical symbol;
* :func:`file_name_parts` - what a file name says as the UN names downloads: its symbol
  ("A_RES_78_132-EN.pdf" is ``A/RES/78/132``), its language suffix (``en``), or that it is a job
  number ("N2438574.pdf": no symbol); :func:`symbol_from_filename` the symbol alone;
* :func:`document_key` - the key a document's references come from: its symbol, else the
  symbol its file name spells, else a plain "(no symbol) NAME" (never a machine path);
* :func:`joint_parts` - the symbols of a joint symbol: one document issued to two organs under both
  ("A/79/123-S/2024/456", as the UN prints it with an en dash "A/79/123–S/2024/456"; :func:`canonical_written`
  joins them with a hyphen).

Not supported: symbols of the specialized agencies (WHA72.2, 1/CP.21).
"""
from __future__ import annotations

import functools
import pathlib
import re
import tomllib
from typing import NamedTuple, Optional

from .grammar import (BODIES, SERIES, WRITTEN_ROOTS, int_to_roman, is_decision_number, roman_fits, roman_session, roman_to_int,
                      sc_number_year, sc_year, session_year)

#: The Assembly numbered its sessions in Roman numerals up to the 30th (1975), then as numbers
#: (grammar.toml ``first_numbered_session``); a higher Roman session is the Economic and Social
#: Council's, whose Roman-numbered sessions ran on past the thirtieth.
LAST_ROMAN_GA_SESSION = BODIES["GA"]["first_numbered_session"] - 1

__all__ = ["file_name_parts", "FileName", "document_key", "NO_SYMBOL", "LANGUAGES", "canonical_written", "resolve_number", "own_number", "dated_roman", "number_form", "describe", "series_body", "symbol_from_filename",
           "same_document", "adds_year", "looks_like_resolution", "part_letters", "parts_are_documents",
           "joint_parts"]


#: The dash of a joint symbol: a hyphen, en or em dash (spaced or not) before another symbol's series root and
#: slash ("A/79/123–S/2024/456", "A/79/62 - E/2024/3"); a hyphen inside one symbol is followed by no root and
#: slash ("A/RES/ES-10/1", "A/RES/77/128A-B", "A/HRC/RES/S-30/1").
_JOINT_DASH = re.compile(r"\s*[-–—]\s*(?=(?:" + "|".join(re.escape(r) for r in WRITTEN_ROOTS) + r")/)")


def joint_parts(symbol: str) -> list[str]:
    """The symbols of a joint symbol, in order; a symbol that is not joint alone.

    >>> joint_parts("A/79/123-S/2024/456"), joint_parts("A/79/62 – E/2024/3")
    (['A/79/123', 'S/2024/456'], ['A/79/62', 'E/2024/3'])
    >>> joint_parts("A/RES/ES-10/1"), joint_parts("A/RES/77/128A-B"), joint_parts("A/HRC/RES/S-30/1")
    (['A/RES/ES-10/1'], ['A/RES/77/128A-B'], ['A/HRC/RES/S-30/1'])
    """
    return _JOINT_DASH.split(symbol.strip())


_SECT = re.compile(r"\s*\(\s*(Sect|Part|Chap|Vol|Prog)\.?\s*([0-9A-Z]+)\s*\)(?=/|$)", re.I)


@functools.lru_cache(maxsize=65536)
def canonical_written(sym: str) -> str:
    """Canonical spelling of a written symbol.

    >>> canonical_written("A/RES/78/250 B")
    'A/RES/78/250B'
    >>> canonical_written("E/CN.16/2018/CRP.3.")
    'E/CN.16/2018/CRP.3'
    >>> canonical_written("A/81/6 (Sect. 10)")
    'A/81/6(Sect.10)'
    >>> canonical_written("A/81/6 (Sect. 26)/Part A"), canonical_written("A/80/6 (Sect. 3)/Add.1")
    ('A/81/6(Sect.26)/PartA', 'A/80/6(Sect.3)/Add.1')
    >>> canonical_written("A/66/454 (Part II)"), canonical_written("A/75/5 (Vol. II)"), canonical_written("A/77/40 (SUPP)")
    ('A/66/454(PartII)', 'A/75/5(Vol.II)', 'A/77/40(SUPP)')
    >>> canonical_written("A/79/123–S/2024/456"), canonical_written("A/79/62 - E/2024/3")
    ('A/79/123-S/2024/456', 'A/79/62-E/2024/3')
    """
    s = sym.strip().rstrip(".,;:")
    if "–" in s or "—" in s or " -" in s or "- " in s:
        s = "-".join(joint_parts(s))  # a joint symbol's dash, as printed: one hyphen
    m = _SECT.search(s)
    suffix = ""
    if m:
        # "A/81/6 (Sect. 26)/Part A" -> A/81/6(Sect.26)/PartA; "A/80/6 (Sect. 3)/Add.1" -> A/80/6(Sect.3)/Add.1
        # "(Sect. 26)" -> (Sect.26), "(Vol. I)" -> (Vol.I), "(Part II)" -> (PartII), as the UN's own links spell them
        kind = m.group(1).capitalize()
        suffix = f"({kind}{'' if kind == 'Part' else '.'}{m.group(2)})" + "".join(
            "/" + _fixed_case(c.replace(" ", "")) for c in s[m.end():].split("/")[1:])
        s = s[: m.start()]
    s = re.sub(r"/\s+", "/", re.sub(r"\s+", " ", s))
    s = re.sub(r"(?<=\d) ?([A-Z])(?: ?[-–] ?([A-Z]))?$", lambda mm: mm.group(1) + ("-" + mm.group(2) if mm.group(2) else ""), s)
    s = re.sub(r"\s*\(\s*", "(", s)
    s = re.sub(r"\s*\)", ")", s)
    s = s.replace(" ", "")
    s = "/".join(_fixed_case(p) for p in s.split("/"))
    s = re.sub(r"^UNEP/EA\.(\d+)/RES\.", r"UNEP/EA.\1/Res.", s, flags=re.I)
    s = re.sub(r"^UNEP/EA\.(\d+)/DEC\.", r"UNEP/EA.\1/Dec.", s, flags=re.I)
    return s + suffix


def _fixed_case(p: str) -> str:
    """Series components are upper-case except the few the UN spells in mixed case (Add., Rev.)."""
    up = p.upper()
    if up.startswith("REV.") or up.startswith("ADD.") or up.startswith("CORR.") or up.startswith("AMEND."):
        return p[0].upper() + p[1:].lower()
    if up in ("RES", "DEC", "PRST", "INF", "CRP", "WP", "SR", "PV"):
        return up
    return p


def part_letters(p: Optional[str]) -> str:
    """Part letters as they join a symbol: "B" -> "B", "A and B" -> "A-B", "A to C" -> "A-C",
    "A, B and C" -> "A-C"; letters that are not a run are listed: "A and C" -> "A, C".

    >>> part_letters("A to C"), part_letters("A, B and C"), part_letters("A and C")
    ('A-C', 'A-C', 'A, C')
    """
    if not p:
        return ""
    letters = re.findall(r"\b[A-Z]\b", p)
    if not letters:
        return ""
    if len(letters) == 1:
        return letters[0]
    run = all(ord(b) - ord(a) == 1 for a, b in zip(letters, letters[1:]))
    if run or re.search(r"\bto\b|[-–]", p):
        return f"{letters[0]}-{letters[-1]}"
    return ", ".join(letters)


_NUM_FORMS = [
    ("special_session", re.compile(r"^S-(?P<s>\d{1,2})/(?P<n>\d{1,3})$")),
    ("emergency_session", re.compile(r"^ES-(?P<s>\d{1,2})/(?P<n>\d{1,3})$")),
    ("year_number", re.compile(r"^(?P<y>(?:19[4-9]|20[0-4])\d)/(?P<n>\d{1,3})$")),
    ("session_number", re.compile(r"^(?P<s>\d{1,2})/(?P<n>\d{1,3})$")),
    ("number_year", re.compile(r"^(?P<n>\d{1,4})\s?\((?P<y>(?:19[4-9]|20[0-4])\d)\)$")),
    ("roman", re.compile(r"^(?P<n>\d{1,4})\s?(?P<rp>[A-Z])?\s?\((?P<r>(?:ES-|S-)?[IVXLC]+)\)$")),
]


@functools.lru_cache(maxsize=65536)
def number_form(num: str) -> Optional[str]:
    """The shape of a resolution number: session_number, year_number, number_year, roman, ..."""
    s = re.sub(r"\s+", " ", num.strip())
    for name, rx in _NUM_FORMS:
        if rx.match(s):
            return name
    return None


@functools.lru_cache(maxsize=65536)
def resolve_number(num: str, body: str, part: Optional[str] = None, decision: bool = False,
                   explicit: bool = True) -> Optional[str]:
    """A resolution (or decision) number adopted by ``body`` as a canonical symbol.

    ``body`` is a code of grammar.toml (GA, SC, ECOSOC, HRC, CHR, UNEA). When the
    body was not written (``explicit=False``) the number's form may overrule it:
    year/number is ECOSOC's, number (year) the Security Council's, a Roman-session number
    that the Assembly's numbering of that session does not hold the Council's
    (:func:`ingest.grammar.roman_fits`; the date written after it: :func:`dated_roman`).

    >>> resolve_number("70/125", "GA")
    'A/RES/70/125'
    >>> resolve_number("217 A (III)", "GA")
    'A/RES/217(III)'
    >>> resolve_number("2024/13", "GA", explicit=False)
    'E/RES/2024/13'
    >>> resolve_number("1514 (XV)", "GA", explicit=False), resolve_number("217 (VIII)", "GA", explicit=False)
    ('A/RES/1514(XV)', 'E/RES/217(VIII)')
    """
    s = re.sub(r"\s+", " ", num.strip())
    form = None
    m = None
    for name, rx in _NUM_FORMS:
        m = rx.match(s)
        if m:
            form = name
            break
    if form is None:
        return None
    g = m.groupdict()
    if not explicit or body not in BODIES:
        body = _body_for_form(form, body, g)
    elif form == "year_number" and body in ("GA", "HRC", "SC", "UNEA"):
        body = "ECOSOC"
    elif form == "number_year" and body != "SC":
        body = "SC"
    elif form == "roman" and body == "GA" and not g["r"].startswith(("S-", "ES-")) and roman_to_int(g["r"]) > LAST_ROMAN_GA_SESSION:
        body = "ECOSOC"
    spec = BODIES.get(body)
    if spec is None:
        return None
    if form == "session_number" and body == "GA" and int(g["s"]) < spec.get("first_numbered_session", 0):
        return None  # the Assembly numbered "session/number" only from its 31st session (1976)
    if form == "roman" and not g["r"].startswith(("S-", "ES-")) and \
            roman_to_int(g["r"]) > spec.get("last_roman_session", 10 ** 6):
        return None  # "542 (LXXIII)": no Council or Assembly resolution was numbered so
    if form not in spec and not decision:
        # "General Assembly and Security Council resolutions 70/262 and 2282 (2016)"
        body = _body_for_form(form, "GA", g)
        spec = BODIES[body]
    key = form
    if decision:
        key = {"session_number": "decision", "special_session": "special_decision",
               "emergency_session": "emergency_decision", "roman": "roman_decision",
               "year_number": "year_decision"}.get(form, "")
    tmpl = spec.get(key)
    if tmpl is None and key == "special_session" and body == "HRC":
        tmpl = spec.get("special_session")
    if tmpl is None:
        return None
    if not parts_are_documents(form, body, g.get("s"), part):
        part = None  # a part the body's documents do not carry in their symbol: a pinpoint of the resolution
    return tmpl.format(s=g.get("s") or "", n=g.get("n") or "", y=g.get("y") or "", r=g.get("r") or "",
                       p=part_letters(part))


def own_number(num: str, body: str, decision: bool = False) -> Optional[str]:
    """The symbol of the number a document's own title line or heading prints, ``body`` adopting it
    (the number's form may overrule it, as in :func:`resolve_number` with ``explicit=False``): a
    decision's when the heading says so ("Decision 79/555", ``decision``) or the number is in the body's
    range of decisions (:func:`ingest.grammar.is_decision_number`: "79/555. Scale of assessments",
    "2024/201. Elections, ..."), else a resolution's.

    >>> own_number("79/555", "GA"), own_number("79/194", "GA"), own_number("2024/201", "GA")
    ('A/DEC/79/555', 'A/RES/79/194', 'E/DEC/2024/201')
    >>> own_number("2024/13", "ECOSOC"), own_number("6/102", "HRC"), own_number("79/55", "GA", decision=True)
    ('E/RES/2024/13', 'A/HRC/DEC/6/102', 'A/DEC/79/55')
    >>> own_number("2720 (2023)", "SC"), own_number("217 A (III)", "GA")
    ('S/RES/2720(2023)', 'A/RES/217(III)')
    """
    s = re.sub(r"\s+", " ", num.strip())
    form = number_form(s)
    if form in ("session_number", "year_number"):
        code = _body_for_form(form, body, {}) if form == "year_number" else body
        if decision or is_decision_number(code, int(s.rsplit("/", 1)[1])):
            return resolve_number(s, code, decision=True) or (None if decision else resolve_number(s, body, explicit=False))
    elif decision:
        return resolve_number(s, body, decision=True)
    return resolve_number(s, body, explicit=False)


_ROMAN_TARGET = re.compile(r"^([AE])/RES/(\d+)\(([IVXLC]+)\)$")


def dated_roman(target: str, year: Optional[int], written: bool) -> Optional[str]:
    """A resolution of 1946-1977 numbered "number (Roman session)", checked against its number and the
    year of the date written after it (None: no date); ``written``: the text named its body.

    The Assembly numbered its first 3,541 resolutions consecutively, so the number names the session
    (:func:`ingest.grammar.roman_session`): a numeral that the number and the date both contradict is a
    misprint, and the number's session is used ("General Assembly resolution 3274 (XXIV) of 10
    December 1974" is A/RES/3274(XXIX)); an Assembly session opens in September of 1945 + s and its
    resolutions are dated that year or the next. A number the Assembly's session does not hold, whose body
    the text did not write, is the Economic and Social Council's (:func:`resolve_number`), unless its date
    falls more than a year from that Council session's (:func:`ingest.grammar.session_year`): then the
    Assembly's when the number's own session fits the date ("its resolutions ... 3334 (XXXIX) of 17 December
    1974": 3334 (XXIX)), else no body of citegraph's numbered it, None ("resolution 90 (IV) of 30 May 1976
    of the Conference", UNCTAD's; "resolution 908 (XLVI) of 26 March 2013" of the Economic Commission for
    Africa's Conference of Ministers). Other targets are returned as they are.

    >>> dated_roman("A/RES/3274(XXIV)", 1974, True), dated_roman("A/RES/1721(XVII)", 1961, True)
    ('A/RES/3274(XXIX)', 'A/RES/1721(XVI)')
    >>> dated_roman("E/RES/217(VIII)", 1949, False), dated_roman("E/RES/90(IV)", 1976, False)
    ('E/RES/217(VIII)', None)
    >>> dated_roman("E/RES/3334(XXXIX)", 1974, False), dated_roman("E/RES/908(XLVI)", 2013, False)
    ('A/RES/3334(XXIX)', None)
    >>> dated_roman("A/RES/1514(XV)", 1960, False), dated_roman("A/RES/1514(XV)", None, False)
    ('A/RES/1514(XV)', 'A/RES/1514(XV)')
    """
    m = _ROMAN_TARGET.match(target)
    if not m or year is None:
        return target
    n, session = int(m.group(2)), roman_to_int(m.group(3))
    if m.group(1) == "A":
        own = roman_session(n)
        if own is not None and own != session and _opened(session_year("GA", own), year) \
                and not _opened(session_year("GA", session), year):
            return f"A/RES/{n}({int_to_roman(own)})"
        return target
    if written:
        return target
    opened = session_year("ECOSOC", session)
    if opened is None or abs(opened - year) <= 1:
        return target
    own = roman_session(n)
    if own is not None and _opened(session_year("GA", own), year):
        return f"A/RES/{n}({int_to_roman(own)})"  # "its resolutions ... 3334 (XXXIX) of 17 December 1974"
    return None


def _opened(opened: Optional[int], year: int) -> bool:
    """Whether a resolution dated in ``year`` may be of an Assembly session opened in ``opened``."""
    return opened is not None and opened <= year <= opened + 1


def parts_are_documents(form: str, body: str, session: Optional[str], part: Optional[str]) -> bool:
    """Whether the part letters of a resolution number name documents of their own.

    From the session set by ``parts_as_documents_from`` in grammar.toml (the Assembly's 57th), a
    part adopted after the first is issued under its own symbol (A/RES/57/270B) and parts adopted
    together under a joint one (A/RES/77/128A-B); part A alone is the resolution's symbol. Earlier
    parts, and Roman-session ones ("217 A (III)"), are a pinpoint of the resolution.

    >>> parts_are_documents("session_number", "GA", "75", "B"), parts_are_documents("session_number", "GA", "75", "A")
    (True, False)
    >>> parts_are_documents("session_number", "GA", "50", "K"), parts_are_documents("roman", "GA", None, "A")
    (False, False)
    """
    letters = part_letters(part)
    if not letters or letters == "A" or "," in letters or form != "session_number":
        return False  # ("A, C": parts adopted apart, under symbols of their own; the resolution is cited)
    start = BODIES.get(body, {}).get("parts_as_documents_from")
    return start is not None and session is not None and int(session) >= start


def _body_for_form(form: str, body: str, g: dict) -> str:
    if form == "year_number":
        return body if body in ("ECOSOC", "CHR") else "ECOSOC"
    if form == "number_year":
        return "SC"
    if form == "emergency_session":
        return "GA"
    if form == "roman":
        r = g["r"]
        if r.startswith(("S-", "ES-")):
            return "GA"
        if body == "ECOSOC":
            return "ECOSOC"
        # the Assembly's when its numbering of that session holds the number ("1514 (XV)"); else the Council's,
        # the other body that numbered so ("217 (VIII)", "1949 (LVIII)": grammar.toml roman_first_numbers)
        s = roman_to_int(r)
        return "GA" if s <= LAST_ROMAN_GA_SESSION and roman_fits(int(g["n"]), s) else "ECOSOC"
    if form in ("session_number", "special_session"):
        return body if body in ("GA", "HRC", "UNEA") else "GA"
    return body


@functools.lru_cache(maxsize=None)
def _series_by_root() -> dict[str, dict]:
    return {s["root"]: s for s in SERIES}


def series_body(root: str) -> Optional[str]:
    """The body whose written symbols start with ``root`` (grammar.toml ``[[series]]``), in any case, or None:
    a series root is a usual code of its body ("UNEP", "ECE", "HSP").

    >>> series_body("UNEP"), series_body("ece"), series_body("A"), series_body("UNEA"), series_body("a/hrc")
    ('United Nations Environment Programme', 'Economic Commission for Europe', 'General Assembly', None, 'Human Rights Council')
    """
    return _body_by_root().get(root.lower())


@functools.lru_cache(maxsize=None)
def _body_by_root() -> dict[str, str]:
    return {s["root"].lower(): s["body"] for s in SERIES}


@functools.lru_cache(maxsize=65536)
def describe(symbol: str) -> tuple[str, str]:
    """Body and kind of a canonical symbol.

    >>> describe("S/RES/2720(2023)")
    ('Security Council', 'resolution')
    >>> describe("A/79/434")
    ('General Assembly', 'document')
    """
    best = None
    roots = _series_by_root()
    parts = symbol.split("/")
    for i in range(len(parts), 0, -1):  # the longest root first: "A/HRC/PRST" before "A/HRC" before "A"
        head = "/".join(parts[:i])
        best = roots.get(head) or roots.get(head.split(".")[0] if i > 1 else "") or None
        if best is not None and (symbol == best["root"] or symbol.startswith(best["root"] + "/")
                                 or symbol.startswith(best["root"] + ".")):
            break
        best = None
    body = best["body"] if best else "United Nations"
    kind = best["kind"] if best else "document"
    parts = symbol.split("/")
    if "RES" in parts or re.search(r"/Res\.\d", symbol):
        kind = "resolution"
    elif "DEC" in parts or re.search(r"/Dec\.\d", symbol):
        kind = "decision"
    elif "PRST" in parts:
        kind = "presidential statement"
    elif any(p.startswith("L.") for p in parts):
        kind = "draft"
    elif symbol.startswith("E/CN.4/RES") or symbol.startswith("E/CN.4/DEC"):
        kind = "resolution"
    if "/" not in symbol and best is None:
        return "United Nations", "instrument"
    return body, kind


_FILE_EXT = re.compile(r"\.(txt|text|md|markdown|pdf|docx)$", re.I)
_FILE_ROOT = re.compile(r"^(?:" + "|".join(re.escape(r) for r in WRITTEN_ROOTS) + r")(?:_|$)")


#: What a symbol spelled in a file name can hold: letters, digits, "_" for "/", ".", "-" and the
#: brackets of "(2023)" and "(XV)". A name goes on past a symbol's end ("A_RES_79_1 copy",
#: "A_RES_79_1\x1b", "A_79_62#x"): the symbol ends at the first other character.
_FILE_SYMBOL = re.compile(r"^[A-Za-z0-9_.()\-]+")


with open(pathlib.Path(__file__).with_name("data") / "languages.toml", "rb") as _f:
    _LANG = tomllib.load(_f)
#: The languages a file name or a text can say (ISO 639-1 codes), with their file-name suffixes,
#: script and function words (``data/languages.toml``).
LANGUAGES: dict[str, dict] = _LANG["languages"]
_SUFFIX = re.compile(
    r"(?i)[" + re.escape("".join(_LANG["suffix_separators"])) + r"](" +
    "|".join(sorted({x for v in LANGUAGES.values() for x in v["suffixes"]}, key=len, reverse=True)) + r")$")
_SUFFIX_CODE = {x.upper(): code for code, v in LANGUAGES.items() for x in v["suffixes"]}
_JOB = [re.compile(p, re.I) for p in _LANG["job_numbers"]]
_JOB_LETTER = {v["job_letter"]: code for code, v in LANGUAGES.items()}
#: Where a word added to a file's name starts (``data/languages.toml`` ``added_words``, any case), and
#: where a component starting in lower case does (read only after an upper-case series).
_ADDED_WORD = re.compile(r"(?i)[_\- ](?:" + "|".join(_LANG["added_words"]) + r")(?=[_\- .]|$)")
_LOWER_PART = re.compile(r"[_\- ][a-z]")


def _language_suffix(name: str) -> tuple[str, Optional[str]]:
    """``name`` without its language suffix ("A_RES_78_132-EN"), and the suffix's language, or None."""
    m = _SUFFIX.search(name)
    if m and len(name) > m.end(1) - m.start(1) + 1:
        return name[: m.start()], _SUFFIX_CODE[m.group(1).upper()]
    return name, None


def _without_added_words(name: str) -> str:
    """``name`` (a file name without its extension) cut before a word of :data:`_ADDED_WORD`.

    >>> _without_added_words("A_79_62_final"), _without_added_words("a_79_62-V2"), _without_added_words("A_RES_78_132-EN_clean")
    ('A_79_62', 'a_79_62', 'A_RES_78_132-EN')
    >>> _without_added_words("A_RES_78_132-EN"), _without_added_words("UNEP_EA.5_Res.7"), _without_added_words("s_res_2800_2025")
    ('A_RES_78_132-EN', 'UNEP_EA.5_Res.7', 's_res_2800_2025')
    """
    m = _ADDED_WORD.search(name)
    return name[:m.start()] if m and m.start() > 0 else name


def _without_lower_parts(name: str) -> str:
    """``name`` (a file name without its extension and language suffix) cut before a component that
    starts in lower case, when its series is upper case: no symbol writes one so.

    >>> _without_lower_parts("A_RES_79_324_cr_only"), _without_lower_parts("UNEP_EA.5_Res.7"), _without_lower_parts("s_res_2800")
    ('A_RES_79_324', 'UNEP_EA.5_Res.7', 's_res_2800')
    """
    root = re.match(r"[A-Za-z]+", name)
    m = _LOWER_PART.search(name) if root and root.group(0).isupper() else None
    return name[:m.start()] if m else name


class FileName(NamedTuple):
    """What a file name says: ``symbol`` (canonical, or None), ``language`` (an ISO 639-1 code
    from a suffix, or None), ``job_number`` (the name is a UN job number, not a symbol), ``stem``
    (the name without its extension and language suffix)."""

    symbol: Optional[str]
    language: Optional[str]
    job_number: bool
    stem: str


@functools.lru_cache(maxsize=4096)
def file_name_parts(path: str) -> FileName:
    """What a file name says, as the UN names its downloads (``data/languages.toml``): a language
    suffix ("-EN", "_fr", ".es"), else a job number's language letter ("2412345F": E, F, S, R, A, C).

    >>> file_name_parts("A_RES_78_132-EN.pdf"), file_name_parts("A_79_434-FR.docx")
    (FileName(symbol='A/RES/78/132', language='en', job_number=False, stem='A_RES_78_132'), FileName(symbol='A/79/434', language='fr', job_number=False, stem='A_79_434'))
    >>> file_name_parts("N2438574.pdf"), file_name_parts("2412345F.docx")
    (FileName(symbol=None, language=None, job_number=True, stem='N2438574'), FileName(symbol=None, language='fr', job_number=True, stem='2412345F'))
    """
    name, language = _language_suffix(_FILE_EXT.sub("", pathlib.PurePath(path).name))
    name = _without_added_words(name)
    if language is None:  # a suffix before the words added: "A_79_62-FR_final"
        name, language = _language_suffix(name)
    name = _without_lower_parts(name)
    job = next((m for m in map(lambda p: p.match(name), _JOB) if m), None)
    if job:
        letter = (job.group("letter") or "").upper()
        return FileName(None, language or _JOB_LETTER.get(letter), True, name)
    return FileName(_symbol_of_name(name), language, False, name)


def symbol_from_filename(path: str) -> Optional[str]:
    """The symbol a corpus file name spells ("A_RES_79_194.md" -> "A/RES/79/194"; a language suffix
    is not part of it: "A_RES_78_132-EN.pdf" -> "A/RES/78/132"; a job number is none:
    "N2438574.pdf"), or None. Only the characters a symbol can have count: the symbol ends where
    another one starts ("A_RES_79_1\x1b.txt" -> "A/RES/79/1"), and a name with none left after its
    series is no symbol.

    >>> symbol_from_filename("A_RES_79_1\x1b.txt"), symbol_from_filename("memo\x1bx.txt")
    ('A/RES/79/1', None)
    """
    return file_name_parts(path).symbol


#: A Security Council resolution's file name, number then year: "S_RES_2800_2025", "S-RES-2800-2025",
#: "S_RES_2800_(2025)", "S_RES_2800(2025)", "S_RES_2800 (2025)", "s_res_2800_2025" (any case, "_" or "-"
#: between the parts; a space only before the bracketed year, as the Council writes "2800 (2025)"); or the
#: number alone ("S_RES_2682", then nothing of a symbol after it).
#: Since 1946 the Council's resolutions are S/RES/<number>(<year>); S/RES/<n>/<yyyy> is no symbol of it.
_SC_RES_NAME = re.compile(r"^S[_-]RES[_-](?P<n>\d{1,4})"
                          r"(?:(?:[_-]\(?|[ _-]?\()(?P<y>\d{4})\)?(?![0-9A-Za-z])|(?=$|\s))", re.I)


def _sc_resolution_of_name(name: str) -> Optional[str]:
    """S/RES/<n>(<yyyy>) for a file name that writes a Security Council resolution (:data:`_SC_RES_NAME`):
    with its year, when the Council's numbering fits it, a year off at most (:func:`ingest.grammar.sc_year`,
    interpolated from grammar.toml's first numbers by year, as a bare number's year is checked in
    ingest.find.numbers); with its number alone, where the yearly table of first numbers tells the year
    (from 1990, resolution 646: :func:`ingest.grammar.sc_number_year`, as a text's "resolution 1493" is
    read); else None (the name is read as any other).

    >>> _sc_resolution_of_name("S_RES_2800_2025"), _sc_resolution_of_name("s-res-242-1967")
    ('S/RES/2800(2025)', 'S/RES/242(1967)')
    >>> _sc_resolution_of_name("S_RES_2800_2010"), _sc_resolution_of_name("S_RES_9999_2025"), _sc_resolution_of_name("S_2025_800")
    (None, None, None)
    >>> _sc_resolution_of_name("S_RES_2682"), _sc_resolution_of_name("s-res-1493"), _sc_resolution_of_name("S_RES_242")
    ('S/RES/2682(2023)', 'S/RES/1493(2003)', None)
    """
    m = _SC_RES_NAME.match(name)
    if not m:
        return None
    n = int(m.group("n"))
    if m.group("y") is None:
        y = sc_number_year(n)
        return f"S/RES/{n}({y})" if y is not None else None
    y = int(m.group("y"))
    fits = sc_year(n)
    if fits is None or abs(fits - y) > 1:
        return None
    return f"S/RES/{n}({y})"


def _symbol_of_name(name: str) -> Optional[str]:
    sc = _sc_resolution_of_name(name)
    if sc:
        return sc
    m = _FILE_SYMBOL.match(name)
    stem = m.group(0).rstrip("_.-") if m else ""
    if not _FILE_ROOT.match(stem) or not re.search(r"\d", stem):
        return None
    stem = stem.replace("_(", "(")  # "E_RES_476_(XV)"
    stem = re.sub(r"(?<=\d)_([A-Z](?:-[A-Z])?)$", r"\1", stem)  # "A_RES_75_290_A" is part A: A/RES/75/290A
    s = re.sub(r"_+", "/", stem)
    return canonical_written(s)


#: The start of the key of a document nothing gives a symbol: "(no symbol) memo.txt".
NO_SYMBOL = "(no symbol) "


def document_key(symbol: Optional[str], file: str) -> str:
    """The key a document's references come from (their ``source``) and its node: its symbol,
    else the symbol its file name spells, else "(no symbol) " and the file's name, which says
    plainly that nothing gave one (the name only: no folder, so no machine path; a build makes
    it the path relative to its input).

    >>> document_key("A/80/321", "N2521234.txt"), document_key(None, "/home/me/notes/memo.txt")
    ('A/80/321', '(no symbol) memo.txt')
    """
    return symbol or symbol_from_filename(file) or NO_SYMBOL + pathlib.PurePath(file).name


def same_document(a: str, b: str) -> bool:
    def norm(x: str) -> str:
        return re.sub(r"[\s()]", "", x).upper()
    return norm(a) == norm(b) or norm(a).rstrip("ABCDEFGH-") == norm(b).rstrip("ABCDEFGH-")


def adds_year(precise: str, short: str) -> bool:
    """Whether ``precise`` is ``short`` with the year the Security Council's symbols carry in
    parentheses, and nothing else: "S/RES/2682(2023)" of "S/RES/2682" (a file named ``S_RES_2682.txt``
    whose title line reads "Resolution 2682 (2023)"). Spaces, case and parentheses aside, as
    :func:`same_document`.

    >>> adds_year("S/RES/2682(2023)", "S/RES/2682"), adds_year("S/RES/2682 (2023)", "s/res/2682")
    (True, True)
    >>> adds_year("S/RES/2682(2023)", "S/RES/268"), adds_year("A/RES/78/132", "A/RES/78")
    (False, False)
    """
    m = re.fullmatch(r"(S/RES/\d+)\s*\((\d{4})\)", precise.strip(), re.I)
    return bool(m) and m.group(1).upper() == re.sub(r"\s", "", short).upper()


def looks_like_resolution(symbol: str) -> bool:
    return "/RES/" in symbol or "/DEC/" in symbol or "/Res." in symbol or "/Dec." in symbol
