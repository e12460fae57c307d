"""The learned-names pass over a corpus: names one document's footnotes teach apply to all.

When a footnote cites exactly one document for a named thing ("the New Urban Agenda ...³"
with "³ Resolution 71/256, annex."), the name is learned (:func:`ingest.named.learn_from`).
Over a corpus the work runs in two passes, so that each file is read once:

1. :func:`first_pass` - each document's references under the curated names plus those it
   teaches itself, and the names it teaches (:class:`FirstPass`);
2. :func:`learn_names` - the corpus table from what every document taught: curated names
   win, a name learned for two targets is dropped, otherwise the first document to teach a
   name is its source (:class:`LearnedNames`);
3. :func:`second_pass` - a document's references under the corpus table, its explicit ones
   kept; only where :func:`may_change` says a learned name may occur (a quick test that
   errs only towards yes).

All pure but for reading nothing: the caller (``graph.pipeline``) reads files, runs the
passes in processes and caches their results. ``learn_aliases`` does the whole of it
over documents in memory (notebooks, ``citegraph aliases``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from .find import extract_explicit
from .model import Document, Reference
from .named import Alias, AliasTable, curated, learn_from, may_name_learned
from .references import extract

__all__ = ["FirstPass", "first_pass", "LearnedNames", "learn_names", "learn_aliases", "changes_nothing",
           "may_change", "second_pass"]


@dataclass(frozen=True)
class FirstPass:
    """One document under the curated names (plus those it teaches itself): its references,
    and the names its footnotes teach, for the corpus table."""

    references: list[Reference]
    taught: tuple[Alias, ...]


def first_pass(doc: Document) -> FirstPass:
    """Pass one for one document: its references and the names it teaches."""
    explicit = extract_explicit(doc)
    taught = learn_from(doc, explicit)
    return FirstPass(extract(doc, explicit=explicit, taught=taught), tuple(taught))


@dataclass(frozen=True)
class LearnedNames:
    """The names a corpus teaches: ``table`` (the curated names, and the learned ones sorted by
    name) and the names dropped because documents taught them for different targets."""

    table: AliasTable
    ambiguous: tuple[str, ...] = ()


def learn_names(taught: Iterable[Iterable[Alias]], base: Optional[AliasTable] = None) -> LearnedNames:
    """The corpus table from what :func:`ingest.named.learn_from` gave for each document (in
    document order): curated names (of ``base``, default the curated table) win, a name learned
    for two targets is dropped, and otherwise the first document to teach a name is its source."""
    base = base or curated()
    seen: dict[str, Alias] = {}
    ambiguous: set[str] = set()
    curated_names = {a.name for a in base.curated}
    for names in taught:
        for a in names:
            if a.name in curated_names:
                continue
            old = seen.get(a.name)
            if old is not None and old.target != a.target:
                ambiguous.add(a.name)
            elif old is None:
                seen[a.name] = a
    kept = tuple(sorted((a for n, a in seen.items() if n not in ambiguous), key=lambda a: a.name))
    return LearnedNames(AliasTable(base.curated, kept), tuple(sorted(ambiguous)))


def learn_aliases(documents: Iterable[Document], base: Optional[AliasTable] = None,
                  explicit: Optional[Iterable[list[Reference]]] = None) -> AliasTable:
    """Curated names plus the names learned from every document's footnotes.

    ``explicit``, when given, holds each document's explicit references (in the
    same order), so they are not found twice. A name learned for two different
    targets is dropped (it is ambiguous).
    """
    pairs = zip(documents, explicit) if explicit is not None else ((d, None) for d in documents)
    return learn_names((learn_from(doc, refs) for doc, refs in pairs), base).table


def _curated_plus_learned(table: object) -> bool:
    return isinstance(table, AliasTable) and table.curated == curated().curated


def changes_nothing(table: object) -> bool:
    """Whether ``table`` is the curated names alone, so that pass two would change no document."""
    return _curated_plus_learned(table) and not table.learned


def may_change(table: object, doc: Document) -> bool:
    """Whether ``doc``'s references under ``table`` may differ from those of :func:`first_pass`.
    Under the curated names plus learned ones, only where a learned name may occur
    (:func:`ingest.named.may_name_learned`); a document described only (no paragraphs) may; under
    any other table, every document may."""
    if not _curated_plus_learned(table):
        return True
    if not table.learned:
        return False
    return not doc.paragraphs or may_name_learned(table, doc)


def second_pass(doc: Document, table: AliasTable, explicit: Optional[list[Reference]] = None) -> list[Reference]:
    """Pass two for one document: its references under the corpus ``table``; ``explicit`` (its
    explicit references from pass one) stand when given."""
    return extract(doc, aliases=table, explicit=explicit)
