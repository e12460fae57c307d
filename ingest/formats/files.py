"""A file's bytes, or a one-line error naming the file and the reason.

Every reader (text, PDF, Word) opens its file here, so a missing file, a folder,
an unreadable or an empty file reads the same whatever its format:
``ReadError("report.pdf: no such file")``.
"""
from __future__ import annotations

import pathlib

from ..model import ReadError

__all__ = ["read_file_bytes"]


def read_file_bytes(path: str | pathlib.Path) -> bytes:
    """A file's bytes, or a one-line :class:`~ingest.model.ReadError`: ``no such file``,
    ``is a folder``, the system's reason (``Permission denied``), ``empty file`` (nothing
    but whitespace, too)."""
    p = pathlib.Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as err:
        raise ReadError(str(p), "no such file") from err
    except IsADirectoryError as err:
        raise ReadError(str(p), "is a folder") from err
    except OSError as err:
        raise ReadError(str(p), err.strerror or str(err)) from err
    if not data or data.isspace():
        raise ReadError(str(p), "empty file")
    return data
