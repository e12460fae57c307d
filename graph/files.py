"""Files on disk: atomic writes, the output folder's lock, and what keys the build's store.

* :func:`atomic_write` - every file citegraph writes goes through it: the bytes go to a
  temporary file in the same folder (``.NAME.XXXXXXXX.tmp``), which :func:`os.replace` then
  moves over the target, so an interrupted build never leaves half a file (readable by all:
  mode 0644). :func:`remove_stale_temporaries` removes those a killed build left.
* :func:`output_lock` - one build at a time in an output folder: an OS lock (``filelock``) on
  ``OUT/.citegraph.lock``, released by the system when the holder dies, even by ``kill -9``.
  A second build waits, saying so once, or fails with :class:`OutputLocked`.
* :func:`tool_version` - what a stored extraction depends on besides the file: the package
  version, :data:`CACHE_FORMAT`, a digest of the code that shapes it (:data:`CACHED_CODE`:
  every ``ingest`` source and data file, and the graph modules of the reading step) and the
  versions of the libraries that read files (:data:`READER_LIBRARIES`) and of Python.
* :func:`file_key` keys a file by its name and bytes (not by the path it was given as: a corpus
  given once as ``text/`` and once as ``/abs/text/`` is the same corpus).
* :func:`watch_parent` - run in each worker process: the worker ends when its parent does.

The store itself (SQLite + Parquet, no pickles) is :mod:`graph.store`.
"""
from __future__ import annotations

import contextlib
import ctypes
import functools
import hashlib
import importlib.metadata
import os
import pathlib
import re
import sys
import tempfile
import threading
import time
from typing import Callable, Iterator, Optional, Union

import filelock

import ingest

__all__ = ["atomic_write", "atomic_file", "remove_stale_temporaries", "output_lock", "OutputLocked", "LOCK_NAME", "CACHE_DIRNAME",
           "CACHE_FORMAT", "CACHED_CODE", "READER_LIBRARIES", "tool_version", "file_key", "watch_parent"]

PathLike = Union[str, os.PathLike]

#: The store's folder in a build's output folder.
CACHE_DIRNAME = ".citegraph-cache"
#: The shape of what the store keeps: raise it when what :mod:`graph.pipeline` stores changes.
CACHE_FORMAT = 3
#: The lock file of an output folder.
LOCK_NAME = ".citegraph.lock"
#: The code whose output the store keeps, relative to the checkout: all of ``ingest`` (sources and
#: data) and the graph modules that run in the reading step or shape what is stored.
CACHED_CODE = ("ingest", "graph/pipeline.py", "graph/store.py", "graph/files.py")
#: Libraries whose version can change what a file reads as (PDF, Word, XML, named instruments).
READER_LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2", "python-docx", "lxml", "ahocorasick-rs")

#: ``.NAME.XXXXXXXX.tmp``: the temporary files of :func:`atomic_write` (tempfile's 8 random characters).
_TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


def atomic_write(path: PathLike, data: Union[bytes, str]) -> pathlib.Path:
    """Write ``data`` (``str`` as UTF-8) to ``path`` through a temporary file in the same
    folder and :func:`os.replace`; make the folder if needed. Returns the path.

    Raises :class:`OSError` as writing does; the temporary file is removed and the old
    ``path``, if any, is left as it was.
    """
    path = pathlib.Path(path)
    with atomic_file(path) as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@contextlib.contextmanager
def atomic_file(path: PathLike) -> Iterator:
    """A binary file object that becomes ``path`` when the block ends without an error
    (temporary file in the same folder, then :func:`os.replace`; mode 0644); on an error the
    temporary file is removed and ``path`` is left as it was. For writers that stream."""
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def remove_stale_temporaries(folder: PathLike, recursive: bool = False) -> list[pathlib.Path]:
    """Remove the temporary files of :func:`atomic_write` that a killed build left in ``folder``
    (``.graph.graphml.k3j_x9a2.tmp``); call it holding :func:`output_lock`. Returns what went."""
    folder = pathlib.Path(folder)
    if not folder.is_dir():
        return []
    gone = []
    for f in (folder.rglob(".*.tmp") if recursive else folder.glob(".*.tmp")):
        if _TEMPORARY.match(f.name) and f.is_file():
            with contextlib.suppress(FileNotFoundError):
                f.unlink()
                gone.append(f)
    return gone


class OutputLocked(ingest.CitegraphError):
    """Another build holds the output folder's lock (and the caller would not wait)."""


@contextlib.contextmanager
def output_lock(out_dir: PathLike, wait: bool = True, on_wait: Optional[Callable[[str], None]] = None
                ) -> Iterator[pathlib.Path]:
    """Hold the lock of output folder ``out_dir`` (made if missing) for the block.

    One build at a time writes a folder: a second one waits (``wait``; ``on_wait`` gets one line
    naming the folder and the process that holds it) or raises :class:`OutputLocked`. The lock
    is the operating system's (``filelock`` on ``OUT/.citegraph.lock``): it goes with its holder,
    even one killed with ``kill -9``, so a crash never leaves a folder locked.
    """
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(str(out / LOCK_NAME))
    holder_file = out / (LOCK_NAME + ".holder")
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        try:
            holder = holder_file.read_text(encoding="utf-8").strip()
        except OSError:
            holder = ""
        who = f" ({holder})" if holder else ""
        if not wait:
            raise OutputLocked(f"{out}: another citegraph build is writing this folder{who}; "
                               f"try again when it has finished") from None
        if on_wait:
            on_wait(f"{out}: another citegraph build is writing this folder{who}; waiting for it to finish")
        lock.acquire()
    try:
        with contextlib.suppress(OSError):
            atomic_write(holder_file, f"pid {os.getpid()}, since {time.strftime('%H:%M:%S')}\n")
        yield out
    finally:
        with contextlib.suppress(OSError):
            holder_file.unlink()
        lock.release()


def _code_root() -> pathlib.Path:
    return pathlib.Path(ingest.__file__).resolve().parent.parent


@functools.lru_cache(maxsize=None)
def tool_version() -> str:
    """What a stored extraction depends on besides the file (``"0.1.0-1a2b3c4d5e6f7a8b"``): the
    package version, and a digest of :data:`CACHE_FORMAT`, the files of :data:`CACHED_CODE`, the
    versions of :data:`READER_LIBRARIES` and Python's major.minor version."""
    try:
        v = importlib.metadata.version("citegraph")
    except importlib.metadata.PackageNotFoundError:  # not installed: running from a checkout
        v = "0"
    h = hashlib.sha256(f"cache format {CACHE_FORMAT}\0python {sys.version_info[:2]}\0".encode())
    for lib in READER_LIBRARIES:
        try:
            h.update(f"{lib} {importlib.metadata.version(lib)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{lib} -\0".encode())
    root = _code_root()
    for name in CACHED_CODE:
        top = root / name
        for f in sorted(top.rglob("*")) if top.is_dir() else [top]:
            if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".pyc", ".pyo"):
                h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return f"{v}-{h.hexdigest()[:16]}"


def file_key(path: PathLike) -> Optional[str]:
    """The SHA-256 of the file's name and bytes; None when it cannot be read (reading it again
    will give the one-line error). The name counts (a symbol may come from it, the format from
    its suffix); the folder does not."""
    path = pathlib.Path(path)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return hashlib.sha256(path.name.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()


# --------------------------------------------------------------------------- worker processes

_PR_SET_PDEATHSIG = 1


def watch_parent(interval: float = 0.5) -> None:
    """Make this worker process end when its parent does, even when the parent is killed with
    ``kill -9`` (a pool's workers otherwise live on). On Linux the kernel sends SIGKILL
    (``prctl(PR_SET_PDEATHSIG)``); everywhere a daemon thread checks every ``interval`` seconds
    that the parent is still the one that started this process. Run it first in a worker's
    initializer."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, 9)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="citegraph-watch-parent", daemon=True).start()
