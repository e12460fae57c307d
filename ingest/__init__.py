"""citegraph.ingest: files -> documents -> references. This module is the one door.

The public API, all pure except ``read_document`` and ``extract_file``::

    import ingest

    doc = ingest.parse_text(open("A_RES_79_194.md").read(), file="A_RES_79_194.md", fmt="markdown")
    refs = ingest.extract(doc)            # list[Reference], explicit and named
    refs = ingest.extract_text("Recalling its resolution 78/132 ...", source="A/RES/79/200")
    doc, refs = ingest.extract_file("samples/A_RES_79_194.md")

The stages, one way: :mod:`ingest.read` (files, by format: :mod:`ingest.formats`) ->
:mod:`ingest.structure` (text -> Document) -> :mod:`ingest.find` (explicit references) and
:mod:`ingest.named` (references by name) -> :mod:`ingest.references` (both) ->
:mod:`ingest.corpus` (names learned across a corpus). The rules' data is loaded by
:mod:`ingest.grammar`; characters and lines are :mod:`ingest.normalize`'s; the types are
:mod:`ingest.model`'s. ``graph/`` uses ``ingest`` through the names below only.
"""
from .model import (PARAGRAPH_KINDS, REFERENCE_KINDS, CitegraphError, Document, Footnote, Paragraph, ReadError,
                    Reference, escaped, quick_init, shown_path)
from .grammar import BODY_NAMES, roman_to_int, session_span, session_year, symbol_session, symbol_year
from .symbols import (NO_SYMBOL, FileName, canonical_written, describe, document_key, file_name_parts, series_body,
                      symbol_from_filename)
from .read import file_language, iter_paths, read_docx, read_document, read_pdf
from .structure import parse_text
from .structure.title import TITLE_SOURCES
from .find.hit import SENTENCE_CHARS
from .find import RELATION_LEMMAS, RELATIONS_VERSION, Relation, extract_explicit, find_in_text, relation_lemma
from .named import Alias, AliasTable, curated
from .references import extract, extract_file, extract_text
from .corpus import (FirstPass, LearnedNames, changes_nothing, first_pass, learn_aliases, learn_names, may_change,
                     second_pass)

__all__ = [
    # the model
    "CitegraphError", "Document", "Footnote", "Paragraph", "ReadError", "Reference", "PARAGRAPH_KINDS",
    "REFERENCE_KINDS", "TITLE_SOURCES", "SENTENCE_CHARS", "shown_path", "escaped", "quick_init",
    # the grammar
    "BODY_NAMES", "roman_to_int", "session_span", "session_year", "symbol_session", "symbol_year",
    "canonical_written", "describe", "series_body", "symbol_from_filename", "file_name_parts", "FileName", "document_key",
    "NO_SYMBOL",
    # the controlled vocabulary of relations (ingest/data/relations.toml)
    "Relation", "RELATION_LEMMAS", "RELATIONS_VERSION", "relation_lemma",
    # files -> documents -> references
    "iter_paths", "read_document", "file_language", "read_pdf", "read_docx", "parse_text", "find_in_text", "extract_explicit",
    "extract", "extract_text", "extract_file",
    # named instruments, and the names a corpus teaches
    "Alias", "AliasTable", "curated", "FirstPass", "first_pass", "LearnedNames", "learn_names", "learn_aliases",
    "changes_nothing", "may_change", "second_pass",
]
