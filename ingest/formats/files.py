"""A file's bytes, or a one-line error naming the file and the reason.

Every reader (text, PDF, Word) opens its file here, so a missing file, a folder,
an unreadable or an empty file reads the same whatever its format:
``ReadError("report.pdf: no such file")``.
"""
from __future__ import annotations

import os
import pathlib
import stat
import tomllib

from ..model import ReadError

__all__ = ["read_file_bytes", "LIMITS", "too_large"]

with open(pathlib.Path(__file__).resolve().parent.parent / "data" / "limits.toml", "rb") as _f:
    #: ``data/limits.toml``: how large a Word or PDF file may unpack or lay out (with its reasons).
    LIMITS: dict = tomllib.load(_f)


def too_large(path, what: str) -> ReadError:
    """The one-line error of a file over a limit of :data:`LIMITS`: ``document too large: WHAT``."""
    return ReadError(str(path), f"document too large: {what}")


def read_file_bytes(path: str | pathlib.Path) -> bytes:
    """A file's bytes, or a one-line :class:`~ingest.model.ReadError`: ``no such file``,
    ``is a folder``, the system's reason (``Permission denied``), ``empty file`` (nothing
    but whitespace, too)."""
    p = pathlib.Path(path)
    try:
        # opened without blocking and checked before reading: a named pipe or a device given as a
        # file is an error, never a read that waits forever
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError(21, "Is a directory")
            if not stat.S_ISREG(mode):
                raise ReadError(str(p), "not a regular file (a named pipe, socket or device)")
            with os.fdopen(fd, "rb", closefd=False) as f:
                data = f.read()
        finally:
            os.close(fd)
    except FileNotFoundError as err:
        raise ReadError(str(p), "no such file") from err
    except IsADirectoryError as err:
        raise ReadError(str(p), "is a folder") from err
    except OSError as err:
        raise ReadError(str(p), err.strerror or str(err)) from err
    if not data or data.isspace():
        raise ReadError(str(p), "empty file")
    return data
