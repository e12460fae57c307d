"""A document -> every reference it makes: explicit ones, then named ones (and "the present
resolution", on request).

The one place the two passes meet: :mod:`ingest.find` finds the explicit references
(symbols and numbers), :mod:`ingest.named` the references by an instrument's name,
skipping targets the same paragraph cites explicitly. Over a corpus, the names its
footnotes teach are learned first (:mod:`ingest.corpus`).
"""
from __future__ import annotations

import pathlib
from dataclasses import replace
from typing import Optional

from .find import extract_explicit, source_of
from .model import Document, Reference
from .named import Alias, AliasTable, find_named, self_mentions
from .read import read_document
from .structure import parse_text

__all__ = ["extract", "extract_text", "extract_file"]


def extract(doc: Document, aliases: Optional[AliasTable] = None, include_self: bool = False,
            explicit: Optional[list[Reference]] = None, taught: Optional[list[Alias]] = None) -> list[Reference]:
    """Every reference of a parsed document: explicit ones, then named ones.

    ``aliases`` (an :class:`ingest.named.AliasTable`, e.g. from
    :func:`ingest.corpus.learn_aliases` over a corpus) adds names learned from
    other documents' footnotes. ``include_self`` adds "the present resolution"
    mentions as ``kind="self"`` (never an edge). ``explicit`` passes the
    explicit references, and ``taught`` the names the document teaches
    (:func:`ingest.named.learn_from`), when they were already found.
    """
    refs = extract_explicit(doc) if explicit is None else explicit
    source = source_of(doc)
    out = refs + find_named(doc, refs, aliases=aliases, source=source, taught=taught)
    if include_self:
        out += self_mentions(doc, source)
    return out


def extract_text(text: str, source: Optional[str] = None, file: str = "", fmt: str = "text",
                 body: Optional[str] = None) -> list[Reference]:
    """Parse ``text`` and extract its references (a convenience for notebooks): ``source`` is
    the citing document's symbol, ``body`` the code of its body (default: the General Assembly's)."""
    doc = parse_text(text, file=file, fmt=fmt, hints={"body": body} if body else None)
    if source:
        doc = replace(doc, symbol=source)
    return extract(doc)


def extract_file(path: str | pathlib.Path) -> tuple[Document, list[Reference]]:
    """Read one file and extract its references (raises ReadError for bad input)."""
    doc = read_document(path)
    return doc, extract(doc)
