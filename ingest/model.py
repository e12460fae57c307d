"""The data model shared by ``ingest`` and ``graph``: small frozen dataclasses.

Nothing here does I/O or knows about pdfplumber, python-docx, NetworkX or pyvis.

* :class:`Document` - one UN document as read: its own symbol, metadata and
  paragraphs.
* :class:`Paragraph` - one preambular (``pp3``), operative (``op12``), header or
  other paragraph, with the footnotes whose marks it carries.
* :class:`Footnote` - a footnote's number and text.
* :class:`Reference` - one occurrence of a citation of another UN document.

Equality follows eyecite: two references are equal when the same citing document
cites the same target at the same place in the same way; the words as written and
their span (``surface``, ``start``, ``end``) are ``compare=False``.
"""
from __future__ import annotations

import dataclasses
from dataclasses import MISSING, dataclass, field
from typing import Optional

__all__ = [
    "Footnote",
    "Paragraph",
    "Document",
    "Reference",
    "CitegraphError",
    "ReadError",
    "shown_path",
    "escaped",
    "PARAGRAPH_KINDS",
    "REFERENCE_KINDS",
]

def quick_init(cls: type) -> type:
    """Give a frozen dataclass an ``__init__`` that sets all fields at once.

    The ``__init__`` a frozen dataclass gets calls ``object.__setattr__`` once per field;
    this one sets the instance's ``__dict__`` in one call, with the same parameters and
    defaults, and halves the cost of building one. That counts for the types built by
    the hundred thousand (a paragraph, a reference); they stay frozen, equal, hashable
    and picklable as before. Only for plain fields: no ``default_factory``, ``init=False``,
    ``kw_only``, ``__post_init__`` or slots (checked).
    """
    fields = dataclasses.fields(cls)
    if not cls.__dataclass_params__.frozen or hasattr(cls, "__post_init__") or hasattr(cls, "__slots__") \
            or any(f.default_factory is not MISSING or not f.init or f.kw_only for f in fields):
        raise TypeError(f"quick_init: {cls.__name__} is not a frozen dataclass of plain fields")
    defaults = {f"_d_{f.name}": f.default for f in fields if f.default is not MISSING}
    params = ", ".join(f.name if f.default is MISSING else f"{f.name}=_d_{f.name}" for f in fields)
    values = ", ".join(f"{f.name!r}: {f.name}" for f in fields)
    namespace = {"_set": object.__setattr__, **defaults}
    exec(f"def __init__(self, {params}):\n    _set(self, '__dict__', {{{values}}})\n", namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init
    return cls


#: ``header`` is the adoption / "on the report of" block, ``preambular`` and
#: ``operative`` are resolution paragraphs, ``body`` a numbered or plain
#: paragraph of a report, ``other`` anything else (titles, signatures, the meeting
#: line), ``outside`` text on the page that is not this document's (the neighbouring
#: resolutions of an old compilation page: kept, never searched for references).
PARAGRAPH_KINDS = ("header", "preambular", "operative", "body", "other", "outside")

#: ``explicit`` - written as a symbol or a resolution number;
#: ``named`` - made by an instrument's name ("the Tunis Agenda");
#: ``self`` - "the present resolution": the document itself, only with
#: ``extract(..., include_self=True)``, never an edge.
REFERENCE_KINDS = ("explicit", "named", "self")


class CitegraphError(Exception):
    """Base class of every error citegraph raises on purpose."""


def shown_path(path) -> str:
    r"""A file name as an error line prints it: every character that is not printable (control
    characters, newlines, tabs, escape sequences, directional and zero-width characters, no-break
    spaces) as its ``repr`` escape, and the backslash doubled, so that a name never cuts a line
    short or reaches the terminal raw.

    >>> print(shown_path("in/new\nline\x1b[31m.txt"), shown_path("A_RES_79_1\u202e.txt"))
    in/new\nline\x1b[31m.txt A_RES_79_1\u202e.txt
    """
    return escaped(str(path), backslash=True)


def escaped(s: str, backslash: bool = False) -> str:
    r"""``s`` with every character that is not printable as its ``repr`` escape (and, with
    ``backslash``, the backslash doubled, so that the escapes read back unambiguously): what
    :func:`shown_path` prints of a name, and what the CLI's tables print in every cell.

    >>> escaped("esc\x1b[31m"), escaped("a\\b"), escaped("a\\b", backslash=True)
    ('esc\\x1b[31m', 'a\\b', 'a\\\\b')
    """
    if s.isprintable() and not (backslash and "\\" in s):
        return s
    return "".join(c if c.isprintable() and not (backslash and c == "\\") else repr(c)[1:-1] for c in s)


class ReadError(CitegraphError):
    """A file could not be read; the message is one line naming file (escaped: :func:`shown_path`)
    and reason."""

    def __init__(self, path: str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{shown_path(self.path)}: {reason}")


@quick_init
@dataclass(frozen=True)
class Footnote:
    """A footnote: its number as printed and its text (mark removed)."""

    number: str
    text: str


@quick_init
@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a document.

    ``id`` is ``header``, ``ppN``, ``opN``, ``pN`` (report paragraphs) or
    ``xN`` (other text); ``verb`` is the leading verb as written ("Recalling
    also", "Requests"). ``footnotes`` are those whose marks stand in the text.
    ``links`` are ``(surface, url)`` pairs of hyperlinks the document itself
    embedded in this paragraph (Word, Markdown), kept as evidence; ``marks``
    are ``(footnote number, offset in text)`` of the footnote marks.
    """

    id: str
    kind: str
    text: str
    number: Optional[str] = None
    verb: Optional[str] = None
    footnotes: tuple[Footnote, ...] = ()
    links: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    marks: tuple[tuple[str, int], ...] = field(default=(), compare=False)


@quick_init
@dataclass(frozen=True)
class Document:
    """A UN document as read from one file.

    ``symbol_source`` says where ``symbol`` came from: ``title-line``
    ("79/194. Information ..."), ``symbol-line`` (an "A/RES/79/194" line),
    ``adoption-line``, ``first-page`` (PDF/Word masthead), ``masthead`` (a text's
    masthead line, "United Nations    A/80/321"), ``filename`` or ``none``.
    ``meeting_year``, for a document with no date, is the year its session met, from the dates
    its masthead prints under the session line ("Geneva, 28 February–1 March 2012").
    ``title_source`` says where ``title`` came from: ``printed`` (the document's own title),
    ``agenda item`` (the agenda item it prints as its title), ``inferred`` (a Security Council
    resolution's item found from its words), None when it has no title.
    ``language`` is an ISO 639-1 code ("en", "fr") from the file name's suffix or the text;
    a corpus reading one document in several files (:mod:`graph.pipeline`) lists every
    version's language, the one read first, joined by " | ".
    """

    file: str
    symbol: Optional[str]
    symbol_source: str
    format: str
    paragraphs: tuple[Paragraph, ...]
    title: Optional[str] = None
    date: Optional[str] = None  # ISO yyyy-mm-dd when known
    body: Optional[str] = None  # GA, SC, ECOSOC, HRC, ...
    session: Optional[str] = None
    agenda_item: Optional[str] = None
    report: Optional[str] = None  # "[on the report of the Second Committee (A/79/434, para. 21)]"
    distribution: Optional[str] = None
    unplaced_footnotes: tuple[Footnote, ...] = ()
    language: Optional[str] = None
    title_source: Optional[str] = None  # printed | agenda item | inferred (ingest.structure.title.TITLE_SOURCES)
    meeting_year: Optional[int] = None  # a dateless report: the year its session met, as its masthead prints

    def paragraph(self, pid: str) -> Paragraph:
        for p in self.paragraphs:
            if p.id == pid:
                return p
        raise KeyError(f"{self.file}: no paragraph {pid!r}")

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.paragraphs:
            out[p.kind] = out.get(p.kind, 0) + 1
        return out


@quick_init
@dataclass(frozen=True)
class Reference:
    """One occurrence of a citation from ``source`` to ``target``.

    ``target`` is a canonical symbol (``A/RES/78/132``, ``S/RES/2720(2023)``)
    or, for an instrument without one, a key such as ``Charter of the United
    Nations``. ``paragraph`` is where the reference counts (a footnote's
    reference counts in the paragraph carrying the mark; ``footnote`` then
    gives the footnote number). ``start``/``end`` index ``surface`` in the
    text of that paragraph, or of that footnote when ``footnote`` is set.
    ``target_date``, ``target_subject`` and ``target_title`` are what the
    citing text says about the target ("of 19 December 2023 on ...",
    "entitled ..."). ``self_reference`` marks "the present resolution".
    ``pinpoint`` is the part cited in its normal form (``ingest/data/pinpoints.toml``: "paras. 60-62",
    "article 31", "annex, para. 4") and ``pinpoint_written`` its words as written ("paras 60-62",
    "Art. 31"; None when the pinpoint is not written out: a named instrument's part from the table).
    ``relation`` is a lemma of the controlled vocabulary (``ingest/data/relations.toml``:
    ``recall``, ``take note``, ``pursuant to`` ...) of the verb that governs the clause holding
    the reference, and ``verb`` the words that gave it, as written ("Recalling also", "requested").
    """

    source: str
    target: str
    kind: str
    paragraph: str
    footnote: Optional[str] = None
    pinpoint: Optional[str] = None
    pinpoint_written: Optional[str] = field(default=None, compare=False)  # the pinpoint's words as written
    relation: Optional[str] = None
    verb: Optional[str] = field(default=None, compare=False)  # the words that gave the relation, as written
    target_body: Optional[str] = None
    target_type: Optional[str] = None
    file: str = field(default="", compare=False)
    surface: str = field(default="", compare=False)
    start: int = field(default=-1, compare=False)
    end: int = field(default=-1, compare=False)
    target_date: Optional[str] = field(default=None, compare=False)
    target_subject: Optional[str] = field(default=None, compare=False)
    target_title: Optional[str] = field(default=None, compare=False)
    sentence: Optional[str] = field(default=None, compare=False)
    evidence: str = field(default="text", compare=False)  # text | link | alias
    target_aliases: tuple[str, ...] = field(default=(), compare=False)  # other symbols of a joint symbol

    def to_dict(self) -> dict:
        """A plain dict in a stable field order (the jsonl schema). Every field is a string, a
        number, None or a tuple of strings, so a shallow copy is a plain dict (and, unlike
        ``dataclasses.asdict``, costs nothing to speak of on a corpus)."""
        d = self.__dict__
        return {name: d[name] for name in _REFERENCE_FIELDS}


_REFERENCE_FIELDS = tuple(f.name for f in dataclasses.fields(Reference))
