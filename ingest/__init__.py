"""citegraph.ingest: files -> documents -> references.

The public API, all pure except ``read_document`` and ``extract_file``::

    from ingest import parse_text, extract, extract_text, read_document, extract_file

    doc = parse_text(open("A_RES_79_194.md").read(), file="A_RES_79_194.md", fmt="markdown")
    refs = extract(doc)            # list[Reference], explicit and named
    refs = extract_text("Recalling its resolution 78/132 ...", source="A/RES/79/200")
"""
from .model import CitegraphError, Document, Footnote, Paragraph, ReadError, Reference
from .grammar import BODY_NAMES, roman_to_int, session_span, session_year, symbol_session, symbol_year
from .symbols import canonical_written, describe, symbol_from_filename
from .read import iter_paths, read_document
from .structure import parse_text
from .find import extract, extract_text

__all__ = [
    "CitegraphError", "Document", "Footnote", "Paragraph", "ReadError", "Reference",
    "BODY_NAMES", "roman_to_int", "session_span", "session_year", "symbol_session", "symbol_year", "canonical_written", "describe", "symbol_from_filename",
    "iter_paths", "read_document", "parse_text", "extract", "extract_text", "extract_file",
]


def extract_file(path) -> tuple[Document, list[Reference]]:
    """Read one file and extract its references (raises ReadError for bad input)."""
    doc = read_document(path)
    return doc, extract(doc)
