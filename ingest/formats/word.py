"""Official UN Word files (.docx) -> citegraph markup and masthead hints.

python-docx opens the package; the text is read from the WordprocessingML
elements in document order, because python-docx has no API for what matters
here:

* paragraphs and tables in body order (a table row becomes one block, its
  cells joined by spaces; nested tables are flattened into their cell);
* footnotes: ``word/footnotes.xml`` is read from the package part with lxml;
  each ``w:footnoteReference`` becomes ``<sup>N</sup>`` (Word's automatic
  number, or the custom mark that follows it) and the notes are written after
  the paragraph that carries their marks, behind a ``---`` line;
* hyperlinks, both ``w:hyperlink`` elements (relationship targets) and
  ``HYPERLINK`` field codes, become ``[text](url)``: the UN links symbols to
  ``https://docs.un.org/en/A/RES/79/257`` and the like, which the extractor
  uses as evidence;
* the first-page header (the masthead) gives symbol, date, distribution and
  body (:mod:`ingest.formats.masthead`, as for a PDF).

What Word neither shows nor prints is not read: hidden text (``w:vanish``,
``w:specVanish``, set on the run or by its character or paragraph style, a footnote
whose mark is hidden included), tracked deletions and moves away (``w:del``,
``w:moveFrom``, deleted table rows), and the fallback copy of alternate content.
Tracked insertions and moves (``w:ins``, ``w:moveTo``) are read: they are the text as
it stands.
Not supported: legacy ``.doc``, encrypted Word files (a one-line error),
endnotes, comments, text boxes outside the body flow.
"""
from __future__ import annotations

import io
import pathlib
import re
import zipfile
import zlib
from typing import Iterable, Optional

from ..model import ReadError
from ..normalize import characters, strip_invisible
from . import masthead
from .files import LIMITS, read_file_bytes, too_large

#: Limits on what a .docx may unpack to (``data/limits.toml`` [word]: bytes, bytes, tags).
MAX_UNPACKED: int = LIMITS["word"]["max_unpacked"]
MAX_PART: int = LIMITS["word"]["max_part"]
MAX_TAGS: int = LIMITS["word"]["max_tags"]
_READ_PARTS = re.compile(r"^word/(?:document|footnotes|header\d*|footer\d*|styles)\.xml$")

__all__ = ["docx_markup"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"



def _open(p: pathlib.Path):
    # imported here, not at the top: python-docx takes a while to import, and only Word files need it
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    data = read_file_bytes(p)
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE2 compound file
        raise ReadError(str(p), "encrypted Word file or legacy .doc, not .docx")
    if not data.startswith(b"PK"):  # a .docx is a zip package
        raise ReadError(str(p), "not a Word .docx file")
    _check_size(p, data)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise ReadError(str(p), "truncated or corrupt Word file") from err
    except Exception as err:  # lxml syntax errors and the like
        raise ReadError(str(p), f"truncated or corrupt Word file ({type(err).__name__})") from err


def _size(n: int) -> str:
    return f"{n / 1e6:,.0f} MB" if n >= 1e6 else f"{n:,} bytes"


def _check_size(p: pathlib.Path, data: bytes) -> None:
    """Refuse a package that unpacks past :data:`MAX_UNPACKED` or :data:`MAX_PART`, or whose parts
    citegraph reads hold more than :data:`MAX_TAGS` XML tags (counted while unpacking, in chunks:
    nothing large is held), with ``document too large: ...``. A zip that cannot be opened is left
    to python-docx (its error is ``truncated or corrupt``)."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    with z:
        infos = z.infolist()
        total = sum(i.file_size for i in infos)
        if total > MAX_UNPACKED:
            raise too_large(p, f"unpacks to {_size(total)} (limit {_size(MAX_UNPACKED)})")
        big = max(infos, key=lambda i: i.file_size, default=None)
        if big is not None and big.file_size > MAX_PART:
            raise too_large(p, f"{big.filename} unpacks to {_size(big.file_size)} (limit {_size(MAX_PART)})")
        tags = 0
        for info in infos:
            if not _READ_PARTS.match(info.filename):
                continue
            try:
                with z.open(info) as f:
                    while chunk := f.read(1 << 20):
                        tags += chunk.count(b"<")
                        if tags > MAX_TAGS:
                            raise too_large(p, f"more than {MAX_TAGS:,} XML elements (in {info.filename})")
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, zlib.error):
                return  # a broken part: python-docx says "truncated or corrupt"


def docx_markup(path: str | pathlib.Path) -> tuple[str, dict]:
    """The citegraph markup of a .docx file and its masthead hints."""
    p = pathlib.Path(path)
    d = _open(p)
    part = d.part
    footnotes = _read_notes(part)
    reader = _Reader(part.rels, footnotes, _hidden_styles(d))
    blocks: list[str] = []
    for child in d.element.body.iterchildren():
        if child.tag == W + "p":
            text, refs = reader.paragraph(child)
            _emit(blocks, text, refs, reader)
        elif child.tag == W + "tbl":
            for text, refs in reader.table_rows(child):
                _emit(blocks, text, refs, reader)
        elif child.tag == W + "sdt":
            for sub in child.iter(W + "p"):
                text, refs = reader.paragraph(sub)
                _emit(blocks, text, refs, reader)
    markup = "\n\n".join(blocks) + "\n"
    if not any(b.strip() for b in blocks):
        raise ReadError(str(p), "no text")
    return markup, _hints(d)


def _emit(blocks: list[str], text: str, refs: list[tuple[str, str]], reader: "_Reader") -> None:
    text = _tidy(text)
    if text:
        if text == "---":
            text = "—"
        blocks.append(text)
    if refs:
        blocks.append("---")
        for mark, note_id in refs:
            body = _tidy(reader.note_text(note_id))
            blocks.append(f"<sup>{mark}</sup> {body}".rstrip())


_SLASH_SPACE = re.compile(r"\b([A-Z][A-Z0-9.\-]*(?:/[A-Za-z0-9.()\-]+)*/) (?=[0-9A-Z])")


def _tidy(s: str) -> str:
    s = re.sub(r"(?<=/)\n\s*", "", s).replace("\n", " ")
    s = s.replace("</sup><sup>", "")
    # "ECE/AC.23/ 2002/2/Rev.6": a space typed after a slash so that a long symbol may wrap
    s = _SLASH_SPACE.sub(r"\1", s)
    s = re.sub(r"^\s*<sup>([^<]*)</sup>\s*", r"\1 ", s)  # a table note's letter opens the block
    s = strip_invisible(characters(s))
    return re.sub(r" +", " ", s).strip()


# ---------------------------------------------------------------------------

def _read_notes(part) -> dict[str, tuple[object, object]]:
    """Footnote id -> (w:footnote element, relationships of footnotes.xml)."""
    # imported here, like python-docx (which uses it): only Word files need it
    from lxml import etree

    out: dict[str, tuple[object, object]] = {}
    for rel in part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/footnotes"):
            continue
        fpart = rel.target_part
        root = etree.fromstring(fpart.blob)
        for fn in root.iter(W + "footnote"):
            if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            out[fn.get(W + "id")] = (fn, fpart.rels)
    return out


def _rel_url(rels, rid: Optional[str]) -> Optional[str]:
    if not rid or rid not in rels:
        return None
    rel = rels[rid]
    return rel.target_ref if rel.is_external else None


_OFF = ("0", "false", "off")


def _on(el) -> Optional[bool]:
    """A toggle property's value (``<w:vanish/>`` is on, ``w:val="0"`` off), None when absent."""
    if el is None:
        return None
    return el.get(W + "val") not in _OFF


def _hidden_styles(d) -> frozenset[str]:
    """The ids of the styles whose text is hidden (``w:vanish`` or ``w:specVanish`` in their run
    properties, or in a style they are based on, unless they turn it off)."""
    own: dict[str, Optional[bool]] = {}
    based: dict[str, str] = {}
    try:
        root = d.styles.element
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    for st in root.iterchildren(W + "style"):
        sid = st.get(W + "styleId")
        if not sid:
            continue
        rpr = st.find(W + "rPr")
        if rpr is not None:
            v = _on(rpr.find(W + "vanish"))
            own[sid] = v if v is not None else _on(rpr.find(W + "specVanish"))
        b = st.find(W + "basedOn")
        if b is not None and b.get(W + "val"):
            based[sid] = b.get(W + "val")

    def hidden(sid: str, depth: int = 0) -> bool:
        if own.get(sid) is not None:
            return bool(own[sid])
        return depth < 20 and sid in based and hidden(based[sid], depth + 1)

    return frozenset(sid for sid in set(own) | set(based) if hidden(sid))


class _Reader:
    """Turns paragraphs into markup text, numbering footnote marks as Word does; skips what Word
    does not show (hidden runs, tracked deletions)."""

    def __init__(self, rels, notes: dict, hidden_styles: frozenset[str] = frozenset()):
        self.rels = rels
        self.notes = notes
        self.auto = 0
        self.hidden_styles = hidden_styles
        self.para_hidden = False  # the paragraph's style hides its text

    def _hidden(self, r) -> bool:
        """Is run ``r`` hidden: by its own properties, else its character style, else the paragraph's style?"""
        rpr = r.find(W + "rPr")
        if rpr is not None:
            v = _on(rpr.find(W + "vanish"))
            if v is None:
                v = _on(rpr.find(W + "specVanish"))
            if v is not None:
                return v
            rs = rpr.find(W + "rStyle")
            if rs is not None and rs.get(W + "val") in self.hidden_styles:
                return True
        return self.para_hidden

    # -- inline --------------------------------------------------------------
    def paragraph(self, p, rels=None) -> tuple[str, list[tuple[str, str]]]:
        rels = rels if rels is not None else self.rels
        refs: list[tuple[str, str]] = []
        out: list[str] = []
        ps = p.find(f"{W}pPr/{W}pStyle") if self.hidden_styles else None
        saved, self.para_hidden = self.para_hidden, ps is not None and ps.get(W + "val") in self.hidden_styles
        try:
            self._walk(p, rels, out, refs, field_stack=[])
        finally:
            self.para_hidden = saved
        return "".join(out), refs

    def _walk(self, el, rels, out: list[str], refs: list, field_stack: list) -> None:
        for ch in el.iterchildren():
            tag = ch.tag
            if not isinstance(tag, str):
                continue
            if tag in (W + "pPr", W + "rPr", W + "del", W + "moveFrom", MC + "Fallback", W + "fldData"):
                continue
            if tag == W + "hyperlink":
                url = _rel_url(rels, ch.get(R + "id"))
                inner: list[str] = []
                self._walk(ch, rels, inner, refs, field_stack)
                _add_link(out, "".join(inner), url)
                continue
            if tag == W + "fldSimple":
                inner = []
                self._walk(ch, rels, inner, refs, field_stack)
                m = _HYPERLINK.match(ch.get(W + "instr") or "")
                _add_link(out, "".join(inner), m.group(1) if m else None)
                continue
            if tag == W + "r":
                if (self.para_hidden or ch.find(W + "rPr") is not None) and self._hidden(ch):
                    self._hidden_run(ch, out, field_stack)
                    continue
                self._run(ch, rels, out, refs, field_stack)
                continue
            self._walk(ch, rels, out, refs, field_stack)

    def _hidden_run(self, r, out: list[str], field_stack: list) -> None:
        """A hidden run shows nothing, but a field it opens or closes still counts (a field's
        code is often hidden text) and so does a footnote number Word gives it."""
        for ch in r.iterchildren(W + "fldChar", W + "instrText", W + "footnoteReference"):
            if ch.tag == W + "footnoteReference":
                if ch.get(W + "customMarkFollows") not in ("1", "true", "on"):
                    self.auto += 1
            elif ch.tag == W + "instrText":
                if field_stack:
                    field_stack[-1]["instr"] += ch.text or ""
            else:
                _field_char(ch, out, field_stack)

    def _run(self, r, rels, out: list[str], refs: list, field_stack: list) -> None:
        custom = False
        va = r.find(f"{W}rPr/{W}vertAlign")
        sup = va is not None and va.get(W + "val") == "superscript"
        if r.find(f"{W}footnoteReference") is not None:
            sup = False
        for ch in r.iterchildren():
            tag = ch.tag
            if tag == W + "fldChar":
                _field_char(ch, out, field_stack)
                continue
            if tag == W + "instrText":
                if field_stack:
                    field_stack[-1]["instr"] += ch.text or ""
                continue
            if field_stack and field_stack[-1]["result"] is None:
                continue  # inside a field's code part
            if tag == W + "t":
                if sup:
                    out.append(f"<sup>{ch.text}</sup>" if (ch.text or "").strip() else (ch.text or ""))
                else:
                    out.append(ch.text or "")
            elif tag == W + "tab":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "softHyphen":
                continue
            elif tag == W + "sym":
                continue
            elif tag == W + "footnoteReference":
                nid = ch.get(W + "id")
                if ch.get(W + "customMarkFollows") in ("1", "true", "on"):
                    custom = True
                    refs.append(("", nid))
                    out.append("\0mark")
                else:
                    self.auto += 1
                    refs.append((str(self.auto), nid))
                    out.append(f"<sup>{self.auto}</sup>")
            elif tag == MC + "AlternateContent":
                for choice in ch.iterchildren(MC + "Choice"):
                    self._walk(choice, rels, out, refs, field_stack)
                    break
        if custom:
            # the custom mark is the text of this run after the reference
            i = out.index("\0mark")
            mark = "".join(out[i + 1:]).strip()
            del out[i:]
            mark = mark or "*"
            refs[-1] = (mark, refs[-1][1])
            out.append(f"<sup>{mark}</sup>")

    # -- notes ----------------------------------------------------------------
    def note_text(self, note_id: str) -> str:
        if note_id not in self.notes:
            return ""
        fn, rels = self.notes[note_id]
        parts = []
        saved = self.auto
        for p in fn.iter(W + "p"):
            text, _ = self.paragraph(p, rels)
            parts.append(text)
        self.auto = saved
        return " ".join(t.strip() for t in parts if t.strip())

    # -- tables ---------------------------------------------------------------
    def table_rows(self, tbl) -> Iterable[tuple[str, list]]:
        for tr in tbl.iterchildren(W + "tr"):
            if tr.find(f"{W}trPr/{W}del") is not None:
                continue  # a row deleted with tracked changes
            cells: list[str] = []
            refs: list = []
            for tc in tr.iterchildren(W + "tc", W + "sdt"):
                cells.append(self._cell(tc, refs))
            yield " ".join(c for c in (_tidy(c) for c in cells) if c), refs

    def _cell(self, tc, refs: list) -> str:
        parts: list[str] = []
        for ch in tc.iterchildren():
            if ch.tag == W + "p":
                text, r = self.paragraph(ch)
                refs.extend(r)
                parts.append(text)
            elif ch.tag == W + "tbl":
                for text, r in self.table_rows(ch):
                    refs.extend(r)
                    parts.append(text)
            elif ch.tag in (W + "sdt", W + "sdtContent", W + "tc"):
                parts.append(self._cell(ch, refs))
        out = ""
        for t in (t.strip() for t in parts):
            if t:
                out = out + t if out.endswith("/") or not out else out + " " + t
        return out


#: A field code that links its result: ``HYPERLINK "https://undocs.org/A/RES/78/132"``.
_HYPERLINK = re.compile(r'\s*HYPERLINK\s+"([^"]+)"')


def _field_char(ch, out: list[str], field_stack: list) -> None:
    """A ``w:fldChar`` of a complex field: "begin" opens it, "separate" starts its shown result,
    "end" closes it, the result becoming ``[text](url)`` when its code is a HYPERLINK."""
    kind = ch.get(W + "fldCharType")
    if kind == "begin":
        field_stack.append({"instr": "", "result": None, "start": len(out)})
    elif kind == "separate" and field_stack:
        field_stack[-1]["result"] = len(out)
    elif kind == "end" and field_stack:
        f = field_stack.pop()
        m = _HYPERLINK.match(f["instr"])
        if m and f["result"] is not None:
            text = "".join(out[f["result"]:])
            del out[f["start"]:]
            _add_link(out, text, m.group(1))


def _add_link(out: list[str], text: str, url: Optional[str]) -> None:
    if url and text.strip() and "[" not in text and "]" not in text:
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        out.append(f"{lead}[{text.strip()}]({url.replace(' ', '%20').replace(')', '%29')}){trail}")
    else:
        out.append(text)


# ---------------------------------------------------------------------------

def _hints(d) -> dict:
    """Symbol, date, distribution and body from the first-page header."""
    texts: list[str] = []
    try:
        sect = d.sections[0]
        headers = [sect.first_page_header] if sect.different_first_page_header_footer else []
        headers.append(sect.header)
    except (IndexError, ValueError):
        return {}
    for h in headers:
        if h is None or h.is_linked_to_previous:
            continue
        for p in h._element.iter(W + "p"):
            t = "".join(x.text or "" for x in p.iter(W + "t")).strip()
            if t:
                texts.append(t)
        if texts:
            break
    hints: dict = {}
    sym = _masthead_symbol(texts)
    if sym:
        hints["symbol"] = sym
    hints.update(masthead.hints(texts))
    return hints


def _masthead_symbol(texts: list[str]) -> Optional[str]:
    """The first masthead line that is a symbol ("A/81/6 (Sect. 26)/Part A*"; a joint one, on one line or
    two: :func:`ingest.formats.masthead.joint_with_next`), or a series letter with the rest of the symbol
    on the next line ("A" | "/80/590")."""
    for i, t in enumerate(texts):
        m = re.match(r"^([A-Z][A-Z.]*(?:/\S.*?)?)\**$", t)
        if m and "/" in t:
            return masthead.joint_with_next(masthead.symbol(m.group(1)), texts[i + 1] if i + 1 < len(texts) else "")
        if re.fullmatch(r"[A-Z]{1,3}", t) and i + 1 < len(texts) and texts[i + 1].startswith("/"):
            return masthead.symbol(t + texts[i + 1].rstrip("*"))
    return None
