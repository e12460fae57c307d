"""The build's store: what each file gave, kept between builds. SQLite and Parquet; nothing runs.

A build keeps, for each file it read, the document (described, and its text when asked), its
references and the names its footnotes teach, so that the next build reads only what changed.
It lives in ``OUT/.citegraph-cache/``:

* ``index.sqlite`` - SQLite (WAL journal), this module's own schema (:data:`SCHEMA`):
  ``entries``: one row per file content and tool version (:func:`graph.files.tool_version`), keyed
  by :func:`graph.files.file_key` (SHA-256 of the file's name and bytes); the path the file was
  last read from is data, not key. The document is JSON, its paragraphs zlib-compressed JSON,
  the taught names JSON; ``kind`` tells a pass-one entry (``whole`` or ``described``) from the
  references of a document under a corpus table (``refs-<digest>``).
  ``files``: path -> (size, mtime, ctime, inode, key), so that an unchanged file is not hashed
  again (as git's index does; a file changed within :data:`RACY_SECONDS` of being keyed is hashed).
* ``segments/*.parquet`` - the references, many entries per file (one column per field of
  :class:`ingest.Reference`, plus ``entry`` and ``seq``): loading 100,000 entries is reading a
  few Parquet files, not opening 100,000 small ones.

Loading never runs code: JSON, zlib and Parquet are data. An entry that cannot be read (a
damaged row, a segment that is not Parquet or not ours, a planted file) is a miss, reported on
the ``citegraph.store`` logger (``citegraph build -v``); an index that is not ours is set aside
(``index.sqlite.broken``) and a new one started, with a warning. Files in the folder that are not
the store's (an old cache's pickles, planted files) are never opened; :meth:`Store.close` removes
them.

Clean-up: an entry no build has used in the last :data:`KEEP_BUILDS` builds is removed, then
segments without live rows, and segments are rewritten when more than half their rows are dead.
One build writes an output folder at a time (:func:`graph.files.output_lock`), so one build's
clean-up never removes what another is writing.

Not supported: sharing one store between machines, two processes writing one store without the
output folder's lock.
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import pathlib
import shutil
import sqlite3
import time
import uuid
import zlib
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence, Union

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ingest import Document, Footnote, Paragraph, Reference
from ingest import Alias

from .files import LOCK_NAME, atomic_file, file_key, output_lock, tool_version

__all__ = ["Store", "Stored", "SCHEMA", "STORE_FORMAT", "KEEP_BUILDS", "RACY_SECONDS", "INDEX_NAME",
           "REFERENCE_SCHEMA", "references_table", "table_references", "document_json", "json_document",
           "text_blob", "blob_paragraphs"]

log = logging.getLogger("citegraph.store")

PathLike = Union[str, os.PathLike]

#: Version of the schema below; an index of another version is started anew.
STORE_FORMAT = 1
#: An entry unused in this many builds is removed.
KEEP_BUILDS = 3
#: A file modified this close (seconds) to being keyed is hashed again at the next build.
RACY_SECONDS = 2.0
INDEX_NAME = "index.sqlite"
SEGMENTS = "segments"
#: Entries and references gathered before they are written as one segment.
SEGMENT_ENTRIES = 4096
SEGMENT_ROWS = 400_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    tool TEXT NOT NULL,          -- graph.files.tool_version() of the build that made it
    kind TEXT NOT NULL,          -- 'whole' | 'described' (pass one) | 'refs-<table digest>' (pass two)
    key TEXT NOT NULL,           -- graph.files.file_key(): SHA-256 of the file's name and bytes
    path TEXT NOT NULL,          -- where the file was read from (data: path-derived values are rewritten on load)
    document TEXT,               -- JSON: the described document (pass one)
    text BLOB,                   -- zlib(JSON): paragraphs and unplaced footnotes ('whole' only)
    taught TEXT,                 -- JSON: the names the document's footnotes teach
    segment TEXT NOT NULL,       -- the Parquet file of segments/ holding its references
    refs INTEGER NOT NULL,       -- how many
    used INTEGER NOT NULL,       -- the last build that used it
    PRIMARY KEY (tool, kind, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS segments (name TEXT PRIMARY KEY, rows INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, ctime INTEGER, inode INTEGER, key TEXT, keyed REAL
) WITHOUT ROWID;
"""


# --------------------------------------------------------------------------- data <-> JSON and Arrow

def _reference_type(f: dataclasses.Field) -> pa.DataType:
    t = str(f.type)
    if t.startswith("tuple"):
        return pa.list_(pa.string())
    if t == "int":
        return pa.int64()
    return pa.string()


#: One column per field of :class:`ingest.Reference`, in order.
REFERENCE_SCHEMA = pa.schema([pa.field(f.name, _reference_type(f)) for f in dataclasses.fields(Reference)])
_REF_FIELDS = tuple(REFERENCE_SCHEMA.names)
_SEGMENT_SCHEMA = pa.schema([pa.field("entry", pa.string()), pa.field("seq", pa.int32()), *REFERENCE_SCHEMA])


def references_table(refs: Sequence[Reference]) -> pa.Table:
    """The references as an Arrow table of :data:`REFERENCE_SCHEMA` (lists for tuples)."""
    cols = {name: [r.__dict__[name] for r in refs] for name in _REF_FIELDS}
    return pa.table(cols, schema=REFERENCE_SCHEMA)


def table_references(table: pa.Table) -> list[Reference]:
    """:class:`ingest.Reference` objects from a table of :data:`REFERENCE_SCHEMA`'s columns."""
    names = [n for n in _REF_FIELDS if n in table.column_names]
    cols = [table.column(n).to_pylist() for n in names]
    if "target_aliases" in names:
        i = names.index("target_aliases")
        cols[i] = [tuple(v) if v else () for v in cols[i]]
    return [Reference(**dict(zip(names, row))) for row in zip(*cols)]


_DOC_FIELDS = tuple(f.name for f in dataclasses.fields(Document) if f.name not in ("paragraphs", "unplaced_footnotes"))


def document_json(doc: Document) -> str:
    """The document described (every field but its paragraphs and unplaced footnotes) as JSON."""
    return json.dumps([doc.__dict__[k] for k in _DOC_FIELDS], ensure_ascii=False)


def json_document(data: str, paragraphs: tuple = (), unplaced: tuple = ()) -> Document:
    """The document of :func:`document_json` (with ``paragraphs`` and ``unplaced`` footnotes).
    Raises :class:`ValueError` when ``data`` is not one."""
    values = json.loads(data)
    if not isinstance(values, list) or len(values) != len(_DOC_FIELDS):
        raise ValueError("not a stored document")
    return Document(paragraphs=paragraphs, unplaced_footnotes=unplaced, **dict(zip(_DOC_FIELDS, values)))


def _footnotes(items) -> tuple:
    return tuple(Footnote(str(n), str(t)) for n, t in items)


def text_blob(doc: Document) -> bytes:
    """The paragraphs and unplaced footnotes of ``doc`` as zlib-compressed JSON."""
    paragraphs = [[p.id, p.kind, p.text, p.number, p.verb, [[f.number, f.text] for f in p.footnotes],
                   [list(x) for x in p.links], [list(x) for x in p.marks]] for p in doc.paragraphs]
    unplaced = [[f.number, f.text] for f in doc.unplaced_footnotes]
    return zlib.compress(json.dumps([paragraphs, unplaced], ensure_ascii=False).encode("utf-8"), 1)


def blob_paragraphs(blob: bytes) -> tuple[tuple, tuple]:
    """``(paragraphs, unplaced footnotes)`` of :func:`text_blob`. Raises :class:`ValueError`
    (or :class:`zlib.error`) when ``blob`` is not one."""
    paragraphs, unplaced = json.loads(zlib.decompress(blob))
    return (tuple(Paragraph(id=i, kind=k, text=t, number=n, verb=v, footnotes=_footnotes(fn),
                            links=tuple((str(a), str(b)) for a, b in li), marks=tuple((str(a), int(b)) for a, b in mk))
                  for i, k, t, n, v, fn, li, mk in paragraphs),
            _footnotes(unplaced))


def _taught_json(taught: Iterable[Alias]) -> str:
    return json.dumps([dataclasses.astuple(a) for a in taught], ensure_ascii=False)


def _json_taught(data: Optional[str]) -> tuple:
    return tuple(Alias(*a) for a in json.loads(data or "[]"))


# --------------------------------------------------------------------------- the store

@dataclass(frozen=True)
class Stored:
    """One file's pass-one entry: the document (whole when the store kept its text), its
    references and the names it teaches; ``path`` is where it was read from last."""

    key: str
    path: str
    document: Document
    references: list
    taught: tuple


class Store:
    """The store under ``root`` (made if missing); one that keeps nothing when ``root`` is None.

    ``get``/``put`` an entry by ``kind`` and file key; :meth:`keys` keys files (a file unchanged
    since it was keyed is not read again); :meth:`close` writes what is pending and cleans up.
    Call it holding the output folder's lock (:func:`graph.files.output_lock`).
    """

    def __init__(self, root: Optional[PathLike]):
        self.dir: Optional[pathlib.Path] = None
        self.tool = tool_version()
        self.build = 0
        self._db: Optional[sqlite3.Connection] = None
        self._pending: list[tuple] = []  # (kind, key, path, document, text, taught, refs table)
        self._pending_rows = 0
        self._used: dict[tuple[str, str], None] = {}
        if root is None:
            return
        self.dir = pathlib.Path(root)
        self._lock = contextlib.ExitStack()
        self._lock.enter_context(output_lock(self.dir, on_wait=log.warning))
        try:
            (self.dir / SEGMENTS).mkdir(exist_ok=True)
            self._db = self._open()
            self.build = int(self._meta("builds") or 0) + 1
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO meta VALUES ('builds', ?)", (str(self.build),))
        except BaseException:
            self._lock.close()
            raise

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, kind, value, tb) -> None:
        self.close(prune=kind is None)

    # ------------------------------------------------------------------ opening

    def _open(self) -> sqlite3.Connection:
        path = self.dir / INDEX_NAME
        try:
            db = self._connect(path)
            version = self._meta("format", db)
            if version not in (None, str(STORE_FORMAT)):
                raise ValueError(f"store format {version!r}, not {STORE_FORMAT}")
            return db
        except (sqlite3.Error, ValueError) as err:
            log.warning("%s: not a citegraph store (%s); starting a new one", path, " ".join(str(err).split()))
            with contextlib.suppress(Exception):
                db.close()
            for suffix in ("", "-wal", "-shm"):
                p = path.with_name(path.name + suffix)
                if p.exists():
                    os.replace(p, p.with_name(p.name + ".broken"))
            shutil.rmtree(self.dir / SEGMENTS, ignore_errors=True)
            (self.dir / SEGMENTS).mkdir()
            return self._connect(path)

    def _connect(self, path: pathlib.Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=60, isolation_level=None)
        db.isolation_level = ""  # transactions with "with db:"
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        self._db = db
        with db:
            db.executescript(SCHEMA)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (str(STORE_FORMAT),))
        return db

    def _meta(self, name: str, db: Optional[sqlite3.Connection] = None) -> Optional[str]:
        row = (db or self._db).execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------------ keys

    def keys(self, paths: Sequence[PathLike]) -> list[Optional[str]]:
        """:func:`graph.files.file_key` of each path (None for a file that cannot be read), from
        the ``files`` table when size, times and inode are as they were when it was keyed."""
        if self._db is None:
            return [None] * len(paths)
        known = {row[0]: row[1:] for row in self._db.execute("SELECT path, size, mtime, ctime, inode, key, keyed FROM files")}
        out: list[Optional[str]] = []
        fresh = []
        now = time.time()
        for p in paths:
            name = os.path.abspath(p)
            try:
                st = os.stat(p)
            except OSError:
                out.append(None)
                continue
            stat = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            old = known.get(name)
            if old is not None and tuple(old[:4]) == stat and old[4] and old[5] - st.st_mtime_ns / 1e9 > RACY_SECONDS:
                out.append(old[4])
                continue
            key = file_key(p)
            out.append(key)
            if key is not None:
                fresh.append((name, *stat, key, now))
        if fresh:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", fresh)
        return out

    # ------------------------------------------------------------------ entries

    def get_pass_one(self, keys: Sequence[Optional[str]], paths: Sequence[str], whole: bool) -> list[Optional[Stored]]:
        """The pass-one entry of each file (``whole``: with its text), or None (a miss). The
        document's and references' ``file`` (and a ``source`` or taught name made of the path) are
        the path given now."""
        out: list[Optional[Stored]] = [None] * len(keys)
        if self._db is None:
            return out
        kinds = ("whole",) if whole else ("whole", "described")
        rows = self._rows(kinds, keys)
        refs = self._references({k: row[5] for k, row in rows.items()})
        for i, (key, path) in enumerate(zip(keys, paths)):
            row = rows.get(key) if key is not None else None
            if row is None or key not in refs:
                continue
            kind, old_path, document, text, taught, _segment = row
            try:
                paragraphs, unplaced = blob_paragraphs(text) if kind == "whole" and whole else ((), ())
                doc = json_document(document, paragraphs, unplaced)
                stored = Stored(key, old_path, doc, refs[key], _json_taught(taught))
            except Exception as err:  # a damaged or foreign row: a miss
                log.info("cache entry for %s unreadable (%s: %s); reading the file again", path, type(err).__name__, err)
                continue
            out[i] = _moved(stored, str(path)) if old_path != str(path) else stored
            self._used[(kind, key)] = None
        return out

    def get_references(self, kind: str, keys: Sequence[Optional[str]], paths: Sequence[str]) -> list[Optional[list]]:
        """The references stored under ``kind`` (``refs-<digest>``) for each file, or None."""
        out: list[Optional[list]] = [None] * len(keys)
        if self._db is None:
            return out
        rows = self._rows((kind,), keys)
        refs = self._references({k: row[5] for k, row in rows.items()}, kind)
        for i, (key, path) in enumerate(zip(keys, paths)):
            if key in refs:
                old_path = rows[key][1]
                out[i] = refs[key] if old_path == str(path) else [_moved_ref(r, old_path, str(path)) for r in refs[key]]
                self._used[(kind, key)] = None
        return out

    def _rows(self, kinds: Sequence[str], keys: Sequence[Optional[str]]) -> dict[str, tuple]:
        """key -> (kind, path, document, text, taught, segment) for the wanted keys (a whole entry
        before a described one)."""
        wanted = {k for k in keys if k is not None}
        out: dict[str, tuple] = {}
        if not wanted:
            return out
        marks = ", ".join("?" * len(kinds))
        try:
            cur = self._db.execute(f"SELECT key, kind, path, document, text, taught, segment FROM entries "
                                   f"WHERE tool = ? AND kind IN ({marks})", (self.tool, *kinds))
            for key, *row in cur:
                if key in wanted and (key not in out or row[0] == "whole"):
                    out[key] = tuple(row)
        except sqlite3.Error as err:
            log.info("cache index unreadable (%s); reading the files again", err)
            return {}
        return out

    def _references(self, segment_of: dict[str, str], kind: Optional[str] = None) -> dict[str, list]:
        """key -> its references (in order) from the segments; keys whose segment cannot be
        read are left out (a miss)."""
        by_segment: dict[str, list[str]] = {}
        for key, seg in segment_of.items():
            by_segment.setdefault(seg, []).append(key)
        out: dict[str, list] = {}
        for seg, keys in by_segment.items():
            entry_of = {f"{kind or 'pass1'}:{k}": k for k in keys}
            try:
                table = self._segment(seg)
                table = table.filter(pc.is_in(table.column("entry"), pa.array(list(entry_of))))
                table = table.sort_by([("entry", "ascending"), ("seq", "ascending")])
                entries = table.column("entry").to_pylist()
                refs = table_references(table)
            except Exception as err:
                log.info("cache segment %s unreadable (%s: %s); reading its %d files again", seg,
                         type(err).__name__, " ".join(str(err).split())[:200], len(keys))
                continue
            for k in keys:
                out[k] = []
            for e, r in zip(entries, refs):
                out[entry_of[e]].append(r)
        return out

    def _segment(self, name: str) -> pa.Table:
        path = self.dir / SEGMENTS / name
        if not _SEGMENT_NAME(name):
            raise ValueError(f"not a segment name {name!r}")
        table = pq.read_table(path)
        if not table.schema.equals(_SEGMENT_SCHEMA):
            raise ValueError("not a citegraph segment (columns differ)")
        return table

    def put(self, kind: str, key: Optional[str], path: str, references: Sequence[Reference],
            document: Optional[Document] = None, taught: Iterable[Alias] = (), whole: bool = False) -> None:
        """Keep one entry (written at the next :meth:`flush`): pass one (``document``: its text
        too when ``whole``) or the references of a document under a corpus table."""
        if self._db is None or key is None:
            return
        if document is not None:
            kind = "whole" if whole else "described"
        table = references_table(references)
        self._pending.append((kind, key, str(path), document_json(document) if document is not None else None,
                              text_blob(document) if document is not None and whole else None,
                              _taught_json(taught) if document is not None else None, table))
        self._pending_rows += table.num_rows
        self._used[(kind, key)] = None
        if len(self._pending) >= SEGMENT_ENTRIES or self._pending_rows >= SEGMENT_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write the pending entries: their references as one new segment, then their rows."""
        if not self._pending or self._db is None:
            return
        pending, self._pending, self._pending_rows = self._pending, [], 0
        latest: dict[tuple[str, str], tuple] = {}
        for item in pending:
            latest[(item[0], item[1])] = item
        name = f"{uuid.uuid4().hex}.parquet"
        parts = []
        for kind, key, *_, table in latest.values():
            entry = f"{'pass1' if kind in ('whole', 'described') else kind}:{key}"
            parts.append(table.append_column("entry", pa.array([entry] * table.num_rows, pa.string()))
                         .append_column("seq", pa.array(range(table.num_rows), pa.int32())))
        table = pa.concat_tables(parts).select(_SEGMENT_SCHEMA.names).cast(_SEGMENT_SCHEMA)
        with atomic_file(self.dir / SEGMENTS / name) as f:
            pq.write_table(table, f, compression="zstd", compression_level=1)
        with self._db:
            self._db.execute("INSERT INTO segments VALUES (?, ?)", (name, table.num_rows))
            self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 [(self.tool, kind, key, path, document, text, taught, name, t.num_rows, self.build)
                                  for (kind, key, path, document, text, taught, t) in latest.values()])

    # ------------------------------------------------------------------ clean-up

    def close(self, prune: bool = True) -> None:
        """Write what is pending, mark what this build used, and (``prune``) remove entries unused
        in :data:`KEEP_BUILDS` builds, segments with no live rows, other tool versions' entries,
        files that are not the store's; rewrite segments more than half dead."""
        if self._db is None:
            return
        try:
            self.flush()
            with self._db:
                self._db.executemany("UPDATE entries SET used = ? WHERE tool = ? AND kind = ? AND key = ?",
                                     [(self.build, self.tool, kind, key) for kind, key in self._used])
            if prune:
                self._prune()
        finally:
            self._db.close()
            self._db = None
            self._lock.close()

    def _prune(self) -> None:
        db = self._db
        with db:
            db.execute("DELETE FROM entries WHERE tool != ? OR used <= ?", (self.tool, self.build - KEEP_BUILDS))
            db.execute("DELETE FROM files WHERE key NOT IN (SELECT key FROM entries)")
        live = dict(db.execute("SELECT segment, SUM(refs) FROM entries GROUP BY segment").fetchall())
        rows = dict(db.execute("SELECT name, rows FROM segments").fetchall())
        dead = [s for s in rows if s not in live]
        sparse = [s for s in rows if s in live and live[s] * 2 < rows[s]]
        if sparse:
            self._rewrite(sparse)
        with db:
            db.executemany("DELETE FROM segments WHERE name = ?", [(s,) for s in dead])
        for s in dead:
            (self.dir / SEGMENTS / s).unlink(missing_ok=True)
        known = {INDEX_NAME, INDEX_NAME + "-wal", INDEX_NAME + "-shm", SEGMENTS, LOCK_NAME, LOCK_NAME + ".holder"}
        for f in self.dir.iterdir():  # an old cache's pickles, planted files: never opened, removed
            if f.name not in known:
                shutil.rmtree(f, ignore_errors=True) if f.is_dir() and not f.is_symlink() else f.unlink(missing_ok=True)
        segments = set(r[0] for r in db.execute("SELECT name FROM segments"))
        for f in (self.dir / SEGMENTS).iterdir():
            if f.name not in segments:
                shutil.rmtree(f, ignore_errors=True) if f.is_dir() and not f.is_symlink() else f.unlink(missing_ok=True)

    def _rewrite(self, segments: list[str]) -> None:
        """Copy the live rows of ``segments`` into one new segment and drop them."""
        db = self._db
        entries = db.execute(f"SELECT kind, key, segment FROM entries WHERE segment IN ({', '.join('?' * len(segments))})",
                             segments).fetchall()
        live = {f"{'pass1' if k in ('whole', 'described') else k}:{key}" for k, key, _ in entries}
        parts = []
        for s in segments:
            try:
                t = self._segment(s)
            except Exception as err:
                log.info("cache segment %s unreadable (%s); its entries are dropped", s, err)
                with db:
                    db.execute("DELETE FROM entries WHERE segment = ?", (s,))
                continue
            parts.append(t.filter(pc.is_in(t.column("entry"), pa.array(sorted(live), pa.string()))))
        name = f"{uuid.uuid4().hex}.parquet"
        table = pa.concat_tables(parts) if parts else pa.table({n: [] for n in _SEGMENT_SCHEMA.names}, _SEGMENT_SCHEMA)
        with atomic_file(self.dir / SEGMENTS / name) as f:
            pq.write_table(table, f, compression="zstd", compression_level=1)
        with db:
            db.execute("INSERT INTO segments VALUES (?, ?)", (name, table.num_rows))
            db.execute(f"UPDATE entries SET segment = ? WHERE segment IN ({', '.join('?' * len(segments))})",
                       (name, *segments))
            db.executemany("DELETE FROM segments WHERE name = ?", [(s,) for s in segments])
        for s in segments:
            (self.dir / SEGMENTS / s).unlink(missing_ok=True)


def _SEGMENT_NAME(name: str) -> bool:
    return len(name) == 40 and name.endswith(".parquet") and all(c in "0123456789abcdef" for c in name[:32])


def _moved_ref(r: Reference, old: str, new: str) -> Reference:
    """``r`` read from ``old``, as read from ``new``: its ``file``, and its ``source`` when that
    was the path (a document with no symbol is known by its file)."""
    d = dict(r.__dict__)
    d["file"] = new if d["file"] == old else d["file"]
    if d["source"] == old:
        d["source"] = new
    if d["target"] == old:
        d["target"] = new
    return Reference(**d)


def _moved(stored: Stored, new: str) -> Stored:
    old = stored.path
    doc = dataclasses.replace(stored.document, file=new) if stored.document.file == old else stored.document
    taught = tuple(dataclasses.replace(a, learned_from=new + a.learned_from[len(old):])
                   if a.learned_from and a.learned_from.startswith(old + ",") else a for a in stored.taught)
    return Stored(stored.key, new, doc, [_moved_ref(r, old, new) for r in stored.references], taught)
