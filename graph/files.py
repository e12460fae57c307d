"""Files on disk: atomic writes and the build cache. I/O only; nothing here knows the graph.

* :func:`atomic_write` - every file citegraph writes goes through it: the bytes go to a
  temporary file in the same folder, which :func:`os.replace` then moves over the target,
  so an interrupted build never leaves half a file (readable by all: mode 0644).
* :class:`Cache` - what :mod:`graph.pipeline` keeps between builds: one entry per file
  (and per alias table), under ``<root>/<tool version>/<kind>-<key>.pickle``.
  :func:`tool_version` names the folder, so a new extractor (or a new entry format,
  :data:`CACHE_FORMAT`) starts an empty cache and the old folders are removed; entries a
  build did not ask for are removed by :meth:`Cache.prune`. An entry that cannot be loaded
  is a miss. :func:`file_key` keys a file by its path and bytes.

The cache's storage is two functions, :func:`_dump` and :func:`_load`, and three methods
(``get``, ``put``, ``prune``): another format or store goes there, and nothing else
changes.

Not supported: two builds writing one cache at the same time (no lock); a cache from
someone you do not trust (entries are pickles, and loading a pickle can run code).
"""
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import pathlib
import pickle
import shutil
import tempfile
from typing import Any, Optional, Union

import ingest

__all__ = ["atomic_write", "Cache", "CACHE_DIRNAME", "CACHE_FORMAT", "tool_version", "file_key"]

PathLike = Union[str, os.PathLike]

#: The cache's folder in a build's output folder.
CACHE_DIRNAME = ".citegraph-cache"
#: The shape of the cache's entries: raise it when what :mod:`graph.pipeline` stores changes.
CACHE_FORMAT = 2


def atomic_write(path: PathLike, data: Union[bytes, str]) -> pathlib.Path:
    """Write ``data`` (``str`` as UTF-8) to ``path`` through a temporary file in the same
    folder and :func:`os.replace`; make the folder if needed. Returns the path.

    Raises :class:`OSError` as writing does; the temporary file is removed and the old
    ``path``, if any, is left as it was.
    """
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


@functools.lru_cache(maxsize=None)
def tool_version() -> str:
    """What a cache entry depends on: the package version, :data:`CACHE_FORMAT` and a digest
    of every ``ingest`` source and data file (``"0.1.0-1a2b3c4d5e6f7a8b"``)."""
    try:
        v = importlib.metadata.version("citegraph")
    except importlib.metadata.PackageNotFoundError:  # not installed: running from a checkout
        v = "0"
    h = hashlib.sha256(f"cache format {CACHE_FORMAT}\0".encode())
    root = pathlib.Path(ingest.__file__).resolve().parent
    for f in sorted(root.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".pyc", ".pyo"):
            h.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes() + b"\0")
    return f"{v}-{h.hexdigest()[:16]}"


def file_key(path: pathlib.Path) -> Optional[str]:
    """The SHA-256 of ``path`` and its bytes; None when it cannot be read (reading it
    again will give the one-line error)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return hashlib.sha256(str(path).encode("utf-8") + b"\0" + data).hexdigest()


def _dump(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _load(data: bytes) -> Any:
    return pickle.loads(data)


class Cache:
    """Entries under ``root/<tool version>/``; a cache that holds nothing when ``root`` is None.

    Opening it removes the folders of other tool versions. ``kind`` names what an entry
    holds (``docrefs``, ``refs-<table digest>`` ...) and ``key`` which file it is for
    (:func:`file_key`); a ``key`` of None is never stored.
    """

    def __init__(self, root: Optional[PathLike]):
        self.dir: Optional[pathlib.Path] = None
        self.used: set[str] = set()
        if root is None:
            return
        root = pathlib.Path(root)
        self.dir = root / tool_version()
        self.dir.mkdir(parents=True, exist_ok=True)
        for old in root.iterdir():
            if old.is_dir() and old != self.dir:
                shutil.rmtree(old, ignore_errors=True)

    @staticmethod
    def _name(kind: str, key: str) -> str:
        return f"{kind}-{key}.pickle"

    def get(self, kind: str, key: Optional[str]) -> Any:
        """The entry, or None when there is none or it cannot be loaded."""
        if self.dir is None or key is None:
            return None
        name = self._name(kind, key)
        self.used.add(name)
        try:
            return _load((self.dir / name).read_bytes())
        except Exception:  # missing, truncated or from an incompatible model: a miss
            return None

    def put(self, kind: str, key: Optional[str], value: Any) -> None:
        """Store ``value`` (atomically)."""
        if self.dir is None or key is None:
            return
        name = self._name(kind, key)
        self.used.add(name)
        atomic_write(self.dir / name, _dump(value))

    def prune(self) -> int:
        """Remove the entries this run did not ask for (old contents of changed files,
        references under an old alias table); returns how many."""
        if self.dir is None:
            return 0
        gone = 0
        for f in self.dir.glob("*.pickle"):
            if f.name not in self.used:
                f.unlink(missing_ok=True)
                gone += 1
        return gone
