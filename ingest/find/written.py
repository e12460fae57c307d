"""Written symbols: "A/79/434", "A/C.2/59/3", "S/2024/858", "A/HRC/55/L.1/Rev.1",
"UNEP/EA.5/Res.5", joint symbols "A/79/62-E/2024/3" (one document; the second symbol is
an alias), and the parts written after them ("A/64/L.13 and Add.1", "and Corrs. 1-2").

A symbol is canonicalised by :func:`ingest.symbols.canonical_written`; the pattern is
:data:`ingest.find.regexes.WRITTEN`. A part letter after a symbol ("A/RES/78/250 B") is
the symbol's own only for a resolution; elsewhere it is left to the pinpoint after it.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional
from urllib.parse import unquote

from .. import symbols
from .hit import Hit
from .pinpoints import join_pins, pin_after, pins_before
from .regexes import LINK_URL, MORE_PARTS, ONE_SYMBOL, TEXT_LINK, WRITTEN

__all__ = ["extract_written", "parts_of", "attach", "url_symbol"]

_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_ONE_SYMBOL = re.compile(ONE_SYMBOL)
#: a Roman session after a resolution's part letter: "A/RES/217 A (III)", "A/RES/2200 A (XXI)"
_ROMAN_AFTER_PART = re.compile(r"\s?\((?:ES-|S-)?[IVXLC]+\)")
_ROMAN_SESSION = re.compile(r"\((?:ES-|S-)?[IVXLC]+\)$")


#: What follows a written symbol that its pinpoint is read from, in characters: ", annex",
#: ", para. 21", ", annex I, sect. II", ", paras. 12-14 and 17".
AFTER_SYMBOL = 80

def _written(text: str) -> Iterator[re.Match]:
    """``WRITTEN.finditer(text)``, tried only where a symbol can start: at the word before each "/"."""
    end = 0
    q = text.find("/")
    while q >= 0:
        p = q
        while p > 0 and (text[p - 1].isalnum() or text[p - 1] in "_.-"):
            p -= 1
        if p == q and text.endswith(")", 0, q):  # "GC(67)/RES/8", "ICCD/COP(15)/23": a session in brackets
            o = text.rfind("(", max(0, q - 5), q)
            if o > 0 and text[o + 1:q - 1].isdigit():
                p = o
                while p > 0 and (text[p - 1].isalnum() or text[p - 1] in "_.-"):
                    p -= 1
        m = WRITTEN.match(text, p) if end <= p < q else None
        if m:
            yield m
            end = m.end()
            q = text.find("/", end)
        else:
            q = text.find("/", q + 1)


def parts_of(more: re.Match) -> list[str]:
    """The parts a MORE_PARTS match names: "Adds. 1–3" -> Add.1, Add.2, Add.3; "Corr.1 and 2" ->
    Corr.1, Corr.2; "Add.1/Corr.1 and 2" -> Add.1/Corr.1, Add.1/Corr.2."""
    kind = more.group("kind").capitalize().rstrip("s")
    first = int(more.group("n"))
    also = [int(x) for x in _DIGITS.findall(more.group("also") or "")]
    if more.group("sub"):
        sub_kind, sub_n = more.group("sub").strip("/").replace(" ", "").split(".")
        return [f"{kind}.{first}/{sub_kind}.{k}" for k in dict.fromkeys([int(sub_n)] + also)]
    last = int(more.group("to") or first)
    return [f"{kind}.{k}" for k in dict.fromkeys(list(range(first, min(last, first + 20) + 1)) + also)]


def attach(symbol: str, part: str) -> str:
    """A part written after a symbol: "A/31/75/Add.1" and "Add.2" are siblings (A/31/75/Add.2);
    "A/65/761" and "Corr.1", or "A/31/75/Add.1" and "Corr.1", make A/65/761/Corr.1, A/31/75/Add.1/Corr.1.

    >>> attach("A/31/75/Add.1", "Add.2"), attach("A/65/761", "Corr.1")
    ('A/31/75/Add.2', 'A/65/761/Corr.1')
    """
    head, _, last = symbol.rpartition("/")
    if "." in last and last.split(".")[0] == part.split(".")[0]:
        return f"{head}/{part}"
    return f"{symbol}/{part}"


def _past_corrigenda(text: str, pos: int) -> int:
    """Where the corrigenda written after a symbol ending at ``pos`` end ("and Corr.1", "and Corrs. 1 and 2"), or
    ``pos``; not past an addendum or a revision, which have pages and paragraphs of their own ("and Add.1, para. 3")."""
    more = MORE_PARTS.match(text, pos)
    while more and more.group("kind").startswith("Corr"):
        pos = more.end()
        more = MORE_PARTS.match(text, pos)
    return pos if not more else -1


def url_symbol(url: str) -> Optional[str]:
    """The symbol an address on a UN document server names ("https://docs.un.org/en/A/80/6(Sect.17%29"), or None
    (another host; a path that is no symbol).

    >>> url_symbol("https://docs.un.org/en/A/RES/79/257"), url_symbol("undocs.org/A/79/62."), url_symbol("https://x.org/A/1")
    ('A/RES/79/257', 'A/79/62', None)
    """
    m = LINK_URL.search(unquote(url or ""))
    if not m:
        return None
    sym = m.group(1).rstrip("/.")
    root, _, rest = sym.partition("/")
    return symbols.canonical_written(root.upper() + ("/" + rest if rest else ""))


def _text_links(text: str) -> Iterator[Hit]:
    """The documents the UN document server's addresses written out in ``text`` name (:data:`TEXT_LINK`), each a
    hit over its address; only a path that is a written symbol ("documents.un.org/doc/undoc/gen/..." is none)."""
    for m in TEXT_LINK.finditer(text):
        path = m.group(1).rstrip("/.")
        while path.endswith(")") and path.count(")") > path.count("("):
            path = path[:-1].rstrip("/.")  # "(see www.undocs.org/A/79/62)": the bracket that holds the address
        root, _, rest = unquote(path).partition("/")
        w = WRITTEN.fullmatch(root.upper() + ("/" + rest if rest else ""))
        if not w or w.group("part"):
            continue
        end = m.start(1) + len(path)
        # "undocs.org/A/79/62-E/2024/3": one document, the second symbol its alias (as written in the text)
        yield Hit(symbols.canonical_written(w.group("sym") + (w.group("sect") or "")), text[m.start():end], m.start(),
                  end, aliases=tuple(symbols.canonical_written(s) for s in _ONE_SYMBOL.findall(w.group("joint") or "")))


def extract_written(text: str) -> tuple[list[Hit], list[tuple[int, int]]]:
    """The written symbols of ``text`` (and the parts after them) as hits, in order, and the
    spans they take (a number inside a symbol is not read again after a keyword).

    >>> [h.target for h in extract_written("see A/79/62-E/2024/3 and A/64/L.13 and Add.1")[0]]
    ['A/79/62', 'A/64/L.13', 'A/64/L.13/Add.1']
    """
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for m in _written(text):
        sym = m.group("sym")
        if not _DIGIT.search(sym) or text.startswith("/", m.end("sym")):
            continue  # no number, or cut by a space after a slash ("A/S-10/ AC.1/1-8")
        if sym.count("/") < 1:
            continue
        # a part letter is the symbol's own for the Assembly's and the Council's resolutions ("A/RES/78/250 B");
        # after another organization's resolution ("GC(62)/RES/9 A", the IAEA's) it is a pinpoint
        resolution = "/RES/" in sym.upper()
        own_parts = sym.upper().startswith(("A/RES/", "E/RES/"))
        part, part_pin, end = m.group("part"), None, m.end()
        roman = _ROMAN_AFTER_PART.match(text, m.end("part")) if resolution and part and not m.group("sect") \
            and not m.group("joint") and not sym.endswith(")") else None
        if roman:  # "A/RES/217 A (III)": the resolution of a Roman session, its part a pinpoint
            sym, end = sym + roman.group(0), roman.end()
        if resolution and part and (not own_parts or _ROMAN_SESSION.search(symbols.canonical_written(sym))):
            # a Roman session's parts are never documents of their own ("A/RES/217(III) A")
            part_pin, written = symbols.part_letters(part.strip()), sym
        else:
            written = sym + (part or "") if resolution else sym
        target = symbols.canonical_written(written + (m.group("sect") or ""))
        aliases = tuple(symbols.canonical_written(s) for s in _ONE_SYMBOL.findall(m.group("joint") or ""))
        surface = text[m.start():end].rstrip(" -–")
        end = m.start() + len(surface)
        if not resolution and part:
            end = m.start("part")
            surface = text[m.start():end]
        # "paragraph 5 of A/79/1", "Annex II of ECE/TRANS/2022/6"; ", annex", ", chap. I.B", ", para 67"
        after = pin_after(text[end:end + AFTER_SYMBOL])
        if not after:
            # past its corrigenda ("(E/1065 and Corr.1, p. 77)") and the bracket that holds it alone ("Supplement No. 1
            # (E/5367), p. 41", "(E/573 and Corr.1), page 91"): the symbol's pinpoint, not its corrigenda's
            close = _past_corrigenda(text, m.end())
            if close >= 0 and text.startswith(")", close) and text.endswith("(", 0, m.start()):
                close += 1
            if close > end:
                after = pin_after(text[close:close + AFTER_SYMBOL])
        pins = [*pins_before(text, m.start()), *after]
        hits.append(Hit(target, surface, m.start(), end, join_pins(part_pin, *(p.normal for p in pins)),
                        aliases=aliases,
                        pinpoint_written=join_pins(part_pin and part.strip(), *(p.written for p in pins))))
        taken.append((m.start(), max(end, m.end())))
        pos = m.end()
        while True:
            more = MORE_PARTS.match(text, pos)
            if not more:
                break
            for part in parts_of(more):
                hits.append(Hit(attach(target, part), more.group("w"), more.start("w"), more.end("w"),
                                anchor=m.start()))
            pos = more.end()
    if ".org/" in text:
        # "available at https://undocs.org/A/79/62": an address on the UN's document server names the document
        # (a symbol written beside its address is one citation: "A/79/62 (https://undocs.org/A/79/62)")
        written = {h.target for h in hits}
        links = [h for h in _text_links(text) if h.target not in written]
        if links:
            hits += links
            taken = sorted(taken + [(h.start, h.end) for h in links])
    return hits, taken
