"""The build's store: what each file gave, kept between builds. SQLite and Parquet; nothing runs.

A build keeps, for each file it read, the document (described, and its text when asked), its
references and the names its footnotes teach, so that the next build reads only what changed.
It lives in ``OUT/.citegraph-cache/``:

* ``index.sqlite`` - SQLite (WAL journal), this module's own schema (:data:`SCHEMA`):
  ``entries``: one row per file content and tool version (:func:`graph.files.tool_version`), keyed
  by :func:`graph.files.file_key` (SHA-256 of the file's name and bytes); the path the file was
  last read from is data, not key, and kept relative to the build's input (``base``, POSIX: no
  machine path in the store; the same corpus typed as a relative or an absolute path, or from
  another folder, finds the same entries). The document is JSON, its paragraphs LZ4-compressed JSON,
  the taught names JSON; ``kind`` tells a pass-one entry (``whole`` or ``described``) from the
  references of a document under a corpus table (``refs-<digest>``).
  ``files``: path (relative, as above) -> (size, mtime, ctime, inode, key), so that an unchanged file is not hashed
  again (as git's index does; a file changed within :data:`RACY_SECONDS` of being keyed is hashed).
* ``segments/*.parquet`` - the references, many entries per file (one column per field of
  :class:`ingest.Reference`, plus ``entry`` and ``seq``): loading 100,000 entries is reading a
  few Parquet files, not opening 100,000 small ones.
* ``memo/NAME`` - a large result of a build step kept as a file (:func:`memo_file_put`; the graph of the
  last build), the digest of its inputs first; the small ones are rows of ``memo`` (:func:`memo_put`).

Loading never runs code: JSON, LZ4, zlib and Parquet are data. An entry that cannot be read (a
damaged row, a segment that is not Parquet or not ours, a planted file) is a miss, reported on
the ``citegraph.store`` logger (``citegraph build -v``); an index that is not ours is set aside
(``index.sqlite.broken``) and a new one started, with a warning. Files in the folder that are not
the store's (an old cache's pickles, planted files) are never opened; :meth:`Store.close` removes
them.

Clean-up: an entry no build has used in the last :data:`KEEP_BUILDS` builds is removed (which
build last used an entry is kept apart from the entry, in the small ``uses`` table: marking the
entries a build used rewrites small rows, never the texts), then
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
from typing import Iterable, Optional, Sequence, Union

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ingest import Document, Footnote, Paragraph, Reference
from ingest import Alias

from .files import LOCK_NAME, atomic_file, file_key, output_lock, tool_version

__all__ = ["Store", "StoreReader", "Stored", "SCHEMA", "STORE_FORMAT", "KEEP_BUILDS", "RACY_SECONDS", "INDEX_NAME",
           "REFERENCE_SCHEMA", "TABLE_SCHEMA", "reference_columns", "columns_table", "references_table",
           "table_references", "document_json", "json_document", "text_blob", "blob_paragraphs", "search_blob",
           "blob_search", "memo_get", "memo_put", "memo_file_get", "memo_file_put", "memo_drop", "MEMO_FILES"]

log = logging.getLogger("citegraph.store")

PathLike = Union[str, os.PathLike]

#: Version of the schema below; an index of another version is started anew (5: texts compressed with
#: LZ4, :func:`text_blob`).
STORE_FORMAT = 5
#: An entry unused in this many builds is removed.
KEEP_BUILDS = 3
#: A file modified this close (seconds) to being keyed is hashed again at the next build.
RACY_SECONDS = 2.0
INDEX_NAME = "index.sqlite"
#: How much of the index a :class:`StoreReader` maps into memory (SQLite's ``mmap_size``).
READER_MAP = 64 << 20
SEGMENTS = "segments"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    tool TEXT NOT NULL,          -- graph.files.tool_version() of the build that made it
    kind TEXT NOT NULL,          -- 'whole' | 'described' (pass one) | 'refs-<table digest>' (pass two)
    key TEXT NOT NULL,           -- graph.files.file_key(): SHA-256 of the file's name and bytes
    path TEXT NOT NULL,          -- where the file was read from, relative to the build's input (data: rewritten on load)
    document TEXT,               -- JSON: the described document (pass one)
    facts TEXT,                  -- JSON: what the graph needs from its text (graph.build.document_facts)
    taught TEXT,                 -- JSON: the names the document's footnotes teach
    text BLOB,                   -- LZ4 (or zlib) of JSON: paragraphs and unplaced footnotes (pages, pass two)
    search BLOB,                 -- zlib: the text as learned names are looked for in it (pass two)
    segment TEXT,                -- the Parquet file of segments/ holding its references (none: as pass one)
    refs INTEGER NOT NULL,       -- how many (-1: the same as pass one)
    PRIMARY KEY (tool, kind, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS uses (  -- the last build that used each entry (apart: updating it rewrites no text)
    tool TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, used INTEGER NOT NULL,
    PRIMARY KEY (tool, kind, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS segments (name TEXT PRIMARY KEY, rows INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, ctime INTEGER, inode INTEGER, key TEXT, keyed REAL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS memo (  -- the last result of a costly pure step of the build, by its inputs' digest
    name TEXT PRIMARY KEY, digest TEXT NOT NULL, value BLOB NOT NULL
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
#: The references as the graph's build takes them: :data:`REFERENCE_SCHEMA` and ``mark_sentence``
#: (:func:`graph.build.reference_marks`, made where the text is).
TABLE_SCHEMA = pa.schema([*REFERENCE_SCHEMA, pa.field("mark_sentence", pa.string())])
_SEGMENT_SCHEMA = pa.schema([pa.field("entry", pa.string()), pa.field("seq", pa.int32()), *TABLE_SCHEMA])


def reference_columns(refs: Sequence[Reference], marks: Optional[Sequence[str]] = None) -> dict[str, list]:
    """The references as columns (name -> list, :data:`TABLE_SCHEMA`'s names; ``marks`` the
    ``mark_sentence`` of each, else empty): what a reading process sends back for a file."""
    cols = {name: [r.__dict__[name] for r in refs] for name in _REF_FIELDS}
    cols["mark_sentence"] = list(marks) if marks is not None else [""] * len(refs)
    return cols


def columns_table(cols: dict[str, list], schema: pa.Schema = None) -> pa.Table:
    """An Arrow table of ``schema`` (default :data:`TABLE_SCHEMA`) from :func:`reference_columns`
    lists; strings a UTF-8 table cannot hold (lone surrogates from a broken PDF) are dropped, as
    the graph's XML would drop them."""
    schema = schema or TABLE_SCHEMA
    try:
        return pa.table({f.name: cols[f.name] for f in schema}, schema=schema)
    except (pa.ArrowInvalid, UnicodeEncodeError):
        clean = {}
        for f in schema:
            values = cols[f.name]
            if f.type == pa.string():
                values = [_utf8(v) for v in values]
            elif f.type == pa.list_(pa.string()):
                values = [[_utf8(x) for x in v] if v else v for v in values]
            clean[f.name] = values
        return pa.table(clean, schema=schema)


def _utf8(v):
    return v.encode("utf-8", "ignore").decode("utf-8") if isinstance(v, str) else v


def references_table(refs: Sequence[Reference]) -> pa.Table:
    """The references as an Arrow table of :data:`REFERENCE_SCHEMA` (lists for tuples)."""
    return columns_table(reference_columns(refs), REFERENCE_SCHEMA)


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
    return tuple(Footnote(str(n), str(t)) for n, t in items) if items else ()


def search_blob(doc: Document) -> bytes:
    """The text of ``doc`` as learned names are looked for in it (``ingest.named.may_name_learned``:
    paragraphs joined, spaces squashed, lower case), zlib-compressed."""
    text = " ".join(" ".join(p.text for p in doc.paragraphs).split()).replace("–", "-").lower()
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def blob_search(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


#: How :func:`text_blob` compresses a text's JSON, by the blob's first byte: LZ4 (a frame, pyarrow's codec),
#: after the JSON's length (8 bytes, little-endian), or zlib where pyarrow lacks LZ4. A reading page reads
#: its text back, and again for its successor's "Changes since": LZ4 gives the JSON back four times faster
#: than zlib (the shared corpus's 50 MB of texts: 0.05 s, not 0.19), for a third more bytes (22 MB, not 16).
_TEXT_LZ4, _TEXT_ZLIB = b"L", b"Z"
#: LZ4 makes at most about 255 bytes of one: a longer length is a damaged blob, not memory to set aside.
_LZ4_MOST = 256
_HAS_LZ4 = pa.Codec.is_available("lz4")


def text_blob(doc: Document) -> bytes:
    """The paragraphs and unplaced footnotes of ``doc`` as compressed JSON (:data:`_TEXT_LZ4`)."""
    paragraphs = [[p.id, p.kind, p.text, p.number, p.verb, [[f.number, f.text] for f in p.footnotes],
                   [list(x) for x in p.links], [list(x) for x in p.marks]] for p in doc.paragraphs]
    unplaced = [[f.number, f.text] for f in doc.unplaced_footnotes]
    data = json.dumps([paragraphs, unplaced], ensure_ascii=False).encode("utf-8", "surrogatepass")
    if _HAS_LZ4:
        return _TEXT_LZ4 + len(data).to_bytes(8, "little") + pa.compress(data, codec="lz4", asbytes=True)
    return _TEXT_ZLIB + zlib.compress(data, 1)



def _blob_json(blob: bytes) -> bytes:
    """The JSON of a :func:`text_blob`; :class:`ValueError` (or :class:`OSError`, :class:`zlib.error`)
    when ``blob`` is not one."""
    kind = blob[:1]
    if kind == _TEXT_LZ4 and len(blob) > 9:
        size = int.from_bytes(blob[1:9], "little")
        if size > _LZ4_MOST * len(blob):
            raise ValueError(f"a stored text of {len(blob)} bytes claims {size}")
        # a length too short fails here; too long leaves zero bytes after the JSON, which json refuses
        return pa.decompress(memoryview(blob)[9:], size, codec="lz4", asbytes=True)
    if kind == _TEXT_ZLIB:
        return zlib.decompress(memoryview(blob)[1:])
    raise ValueError(f"not a stored text (first byte {bytes(kind)!r})")


def blob_paragraphs(blob: bytes) -> tuple[tuple, tuple]:
    """``(paragraphs, unplaced footnotes)`` of :func:`text_blob`. Raises :class:`ValueError`
    (or :class:`OSError`, :class:`zlib.error`) when ``blob`` is not one."""
    paragraphs, unplaced = json.loads(_blob_json(blob))  # bytes: json decodes UTF-8 with surrogatepass
    # most paragraphs have no footnotes, links or marks: those make no generator
    return (tuple(Paragraph(id=i, kind=k, text=t, number=n, verb=v, footnotes=_footnotes(fn) if fn else (),
                            links=tuple((str(a), str(b)) for a, b in li) if li else (),
                            marks=tuple((str(a), int(b)) for a, b in mk) if mk else ())
                  for i, k, t, n, v, fn, li, mk in paragraphs),
            _footnotes(unplaced))


def _taught_json(taught: Iterable[Alias]) -> str:
    return json.dumps([dataclasses.astuple(a) for a in taught], ensure_ascii=False)


def _json_taught(data: Optional[str]) -> tuple:
    return tuple(Alias(*a) for a in json.loads(data or "[]"))


# --------------------------------------------------------------------------- the store

@dataclass(frozen=True)
class Stored:
    """One file's pass-one entry, described: its document (no paragraphs), facts and taught names."""

    key: str
    path: str
    document: Document
    facts: dict
    taught: tuple


_PASS1 = "pass1"


class Store:
    """The store under ``root`` (made if missing); one that keeps nothing when ``root`` is None.
    ``base``, the build's input folder (:func:`graph.pipeline.input_root`): every path the store
    keeps is relative to it (:meth:`name`); None keeps paths as given.

    :meth:`keys` keys files (a file unchanged since it was keyed is not read again);
    :meth:`load_pass_one` / :meth:`add_pass_one` the documents and their references,
    :meth:`load_refsets` / :meth:`add_refset` their references under a corpus table;
    :meth:`close` writes what is pending and cleans up. It holds the lock of its folder
    (:func:`graph.files.output_lock`) while open. :class:`StoreReader` reads a document's text
    from another process.
    """

    def __init__(self, root: Optional[PathLike], base: Optional[PathLike] = None):
        self.dir: Optional[pathlib.Path] = None
        self.base: Optional[str] = os.path.realpath(base) if base is not None else None
        self._folders: dict[str, Optional[str]] = {}
        self.tool = tool_version()
        self.build = 0
        self._db: Optional[sqlite3.Connection] = None
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
        db = None
        try:
            db = self._connect(path)
            version = self._meta("format", db)
            if version not in (None, str(STORE_FORMAT)):
                if version.isdigit():  # an older citegraph's store: set aside quietly
                    raise _OtherFormat(version)
                raise ValueError(f"store format {version!r}, not {STORE_FORMAT}")
            return db
        except (sqlite3.Error, ValueError, _OtherFormat) as err:
            if isinstance(err, _OtherFormat):
                log.info("%s: a store of format %s; starting one of format %d", path, err, STORE_FORMAT)
            else:
                log.warning("%s: not a citegraph store (%s); starting a new one", path, " ".join(str(err).split()))
            with contextlib.suppress(Exception):
                db.close()
            for suffix in ("", "-wal", "-shm"):
                p = path.with_name(path.name + suffix)
                if p.exists():
                    if isinstance(err, _OtherFormat):
                        p.unlink()
                    else:
                        os.replace(p, p.with_name(p.name + ".broken"))
            shutil.rmtree(self.dir / SEGMENTS, ignore_errors=True)
            (self.dir / SEGMENTS).mkdir()
            return self._connect(path)

    def _connect(self, path: pathlib.Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=60)
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

    # ------------------------------------------------------------------ names

    def name(self, path: PathLike) -> str:
        """The name the store keeps for ``path``: relative to ``base`` in POSIX form
        (``text/A_RES_79_194.txt``), whichever way the path was typed; a file whose folder is not
        under ``base`` (a link out of it): its name alone (as the build's outputs name it). Without
        ``base``: the path as given.

        >>> Store(None, base="/data/corpus").name("/data/corpus/text/A_RES_79_194.txt")
        'text/A_RES_79_194.txt'
        """
        path = os.fspath(path)
        if self.base is None:
            return path
        folder, file = os.path.split(path)
        rel = self._folders.get(folder)
        if folder not in self._folders:
            real = os.path.realpath(folder or ".")  # once a folder, not a file
            rel = os.path.relpath(real, self.base) if real == self.base or real.startswith(self.base.rstrip(os.sep) + os.sep) \
                else None
            self._folders[folder] = rel = None if rel is None else pathlib.PurePath(rel).as_posix()
        return file if rel is None else (file if rel == "." else f"{rel}/{file}")

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
            name = self.name(p)
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

    # ------------------------------------------------------------------ loading

    def load_pass_one(self, keys: Sequence[Optional[str]], paths: Sequence[str], whole: bool = False
                      ) -> tuple[dict[int, Stored], pa.Table]:
        """The pass-one entries of the files: ``{i: Stored}`` for each file ``i`` found (``whole``:
        the document with its paragraphs), and their references as one table of
        :data:`TABLE_SCHEMA` plus ``doc`` (= ``i``), ordered by file. Values made of the path
        (``file``; a ``source`` that was the path) are the path given now."""
        found: dict[int, Stored] = {}
        if self._db is None:
            return found, _empty_table()
        rows = self._rows(_PASS1, keys, "document, facts, taught, " + ("text" if whole else "NULL"))
        ok: dict[int, tuple] = {}
        for i, key in enumerate(keys):
            row = rows.get(key) if key is not None else None
            if row is None:
                continue
            old_path, segment, count, document, facts, taught, text = row
            try:
                doc = json_document(document, *blob_paragraphs(text)) if whole else json_document(document)
                stored = Stored(key, old_path, doc, json.loads(facts or "{}"), _json_taught(taught))
            except Exception as err:  # a damaged or foreign row: a miss
                log.info("cache entry for %s unreadable (%s: %s); reading the file again", paths[i], type(err).__name__, err)
                continue
            ok[i] = (stored, segment, count)
        table, missing = self._references({i: (_PASS1, keys[i], seg, n, st.path) for i, (st, seg, n) in ok.items()
                                           if seg is not None}, paths)
        for i, (stored, _, _) in ok.items():
            if i in missing:
                continue
            new = str(paths[i])
            found[i] = _moved(stored, new) if stored.path != new else stored
            self._used[(_PASS1, stored.key)] = None
        return found, table

    def load_refsets(self, kind: str, keys: Sequence[Optional[str]], paths: Sequence[str]
                     ) -> tuple[dict[int, bool], pa.Table]:
        """The references stored under ``kind`` (``refs-<digest>``): ``{i: same}`` for each file found
        (``same``: its references are those of pass one) and the others' rows (as :meth:`load_pass_one`)."""
        found: dict[int, bool] = {}
        if self._db is None:
            return found, _empty_table()
        rows = self._rows(kind, keys, "NULL")
        wanted = {}
        for i, key in enumerate(keys):
            row = rows.get(key) if key is not None else None
            if row is None:
                continue
            if row[2] == -1:  # as pass one
                found[i] = True
                self._used[(kind, key)] = None
            elif row[1] is None:  # no references
                found[i] = False
                self._used[(kind, key)] = None
            else:
                wanted[i] = (kind, key, row[1], row[2], row[0])
        table, missing = self._references(wanted, paths)
        for i, (_, key, *_) in wanted.items():
            if i not in missing:
                found[i] = False
                self._used[(kind, key)] = None
        return found, table

    def _rows(self, kind: str, keys: Sequence[Optional[str]], columns: str) -> dict[str, tuple]:
        """key -> (path, segment, refs, *columns) for the wanted keys of ``kind``."""
        wanted = {k for k in keys if k is not None}
        out: dict[str, tuple] = {}
        if not wanted:
            return out
        try:
            cur = self._db.execute(f"SELECT key, path, segment, refs, {columns} FROM entries WHERE tool = ? AND kind = ?",
                                   (self.tool, kind))
            for key, *row in cur:
                if key in wanted:
                    out[key] = tuple(row)
        except sqlite3.Error as err:
            log.info("cache index unreadable (%s); reading the files again", err)
            return {}
        return out

    def _references(self, wanted: dict[int, tuple], paths: Sequence[str]) -> tuple[pa.Table, set[int]]:
        """The rows of the wanted entries (``{i: (kind, key, segment, count, old path)}``) with ``doc`` = i,
        ordered by (doc, seq), paths rewritten; and the ``i`` whose segment could not be read."""
        by_segment: dict[str, dict[str, int]] = {}
        for i, (kind, key, seg, *_) in wanted.items():
            by_segment.setdefault(seg, {})[f"{kind}:{key}"] = i
        parts, missing = [], set()
        for seg, doc_of in by_segment.items():
            try:
                t = self._segment(seg)
                t = t.filter(pc.is_in(t.column("entry"), pa.array(list(doc_of), pa.string())))
                entries = t.column("entry").combine_chunks().dictionary_encode()
                lookup = np.array([doc_of[e] for e in entries.dictionary.to_pylist()] or [0], dtype=np.int32)
                doc = lookup[entries.indices.to_numpy(zero_copy_only=False)] if t.num_rows else np.zeros(0, np.int32)
                counts = np.bincount(doc, minlength=max(doc_of.values()) + 1) if t.num_rows else None
                short = [i for i in doc_of.values() if (counts[i] if counts is not None and i < len(counts) else 0)
                         != wanted[i][3]]
                if short:
                    raise ValueError(f"{len(short)} entries have fewer rows than the index says")
                parts.append(t.append_column("doc", pa.array(doc, pa.int32())))
            except Exception as err:
                log.info("cache segment %s unreadable (%s: %s); reading its %d files again", seg,
                         type(err).__name__, " ".join(str(err).split())[:200], len(doc_of))
                missing.update(doc_of.values())
        if not parts:
            return _empty_table(), missing
        table = pa.concat_tables(parts)
        if table.num_rows > 1:  # (the store's segments in order but for the entries a rebuild added: those are moved)
            doc, seq = table.column("doc").to_numpy(), table.column("seq").to_numpy()
            from .tables import reordered

            table = reordered(table, np.lexsort((seq, doc)))
        return _with_paths(table.drop_columns(["entry", "seq"]), wanted, paths), missing

    def _segment(self, name: str) -> pa.Table:
        if not _segment_name(name):
            raise ValueError(f"not a segment name {name!r}")
        table = pq.read_table(self.dir / SEGMENTS / name)
        if not table.schema.equals(_SEGMENT_SCHEMA):
            raise ValueError("not a citegraph segment (columns differ)")
        return table

    # ------------------------------------------------------------------ adding

    def add_pass_one(self, entries: Sequence[tuple], table: pa.Table) -> None:
        """Keep a batch of files' pass one: ``entries`` are ``(key, path, document, facts, taught,
        text, search, n)`` (the document described or whole, ``text`` and ``search`` the
        compressed blobs, ``n`` its number of references); ``table`` holds their references
        (:data:`TABLE_SCHEMA` plus ``doc``, the index of the entry), in order. Written at once:
        the references as one segment, then the rows, in one transaction."""
        if self._db is None:
            return
        given = [str(e[1]) for e in entries]
        names = [self.name(p) for p in given]
        rows = []
        for (key, _, document, facts, taught, text, search, n), path, name in zip(entries, given, names):
            if name != path:  # kept relative to the input (loading gives it the path of its build)
                kept = _moved(Stored(key, path, document, facts, taught), name)
                document, taught = kept.document, kept.taught
            rows.append((_PASS1, key, name, document_json(document), json.dumps(facts, ensure_ascii=False),
                         _taught_json(taught), text, search, n))
        self._write(rows, _renamed(table, dict(enumerate(given)), names) if table.num_rows else table)

    def add_refsets(self, kind: str, entries: Sequence[tuple], table: pa.Table) -> None:
        """Keep a batch of files' references under a corpus table: ``entries`` are ``(key, path,
        same)`` (``same``: as pass one, no rows); ``table`` the others' rows (``doc``: the index of
        the entry in ``entries``... of the file, see :meth:`add_pass_one`)."""
        if self._db is None:
            return
        given = [str(e[1]) for e in entries]
        names = [self.name(p) for p in given]
        rows = [(kind, key, name, None, None, None, None, None, None if same else -1)
                for (key, _, same), name in zip(entries, names)]  # same: refs = -1, no segment
        self._write(rows, _renamed(table, dict(enumerate(given)), names) if table.num_rows else table)

    def _write(self, rows: list[tuple], table: pa.Table) -> None:
        """Rows ``(kind, key, path, document, facts, taught, text, search, n)`` (``n`` None: no
        references of its own; -1: count them in ``table``) and their references (``doc`` =
        the row's index)."""
        keep = [i for i, r in enumerate(rows) if r[1] is not None]
        if not keep:
            return
        name = None
        counts = np.zeros(len(rows), dtype=np.int64)
        if table.num_rows:
            doc = table.column("doc").to_numpy()
            counts = np.bincount(doc, minlength=len(rows))
            entry_names = pa.array([f"{r[0]}:{r[1]}" for r in rows], pa.string())
            seq = np.arange(len(doc)) - np.r_[0, np.cumsum(counts)][doc]
            segment = table.drop_columns(["doc"]).select(TABLE_SCHEMA.names)
            segment = pa.Table.from_arrays([entry_names.take(pa.array(doc)), pa.array(seq, pa.int32()),
                                            *segment.columns], schema=_SEGMENT_SCHEMA)
            name = f"{uuid.uuid4().hex}.parquet"
            with atomic_file(self.dir / SEGMENTS / name) as f:
                pq.write_table(segment, f, compression="zstd", compression_level=1)
        with self._db:
            if name:
                self._db.execute("INSERT INTO segments VALUES (?, ?)", (name, table.num_rows))
            self._db.executemany(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(self.tool, kind, key, path, document, facts, taught, text, search,
                  None if n is None or not counts[i] else name, int(counts[i]) if n is not None else -1)
                 for i, (kind, key, path, document, facts, taught, text, search, n) in enumerate(rows) if key is not None])
            self._db.executemany("INSERT OR REPLACE INTO uses VALUES (?, ?, ?, ?)",
                                 [(self.tool, r[0], r[1], self.build) for r in rows if r[1] is not None])
        for i in keep:
            self._used[(rows[i][0], rows[i][1])] = None

    # ------------------------------------------------------------------ clean-up

    def close(self, prune: bool = True) -> None:
        """Write what is pending, mark what this build used, and (``prune``) remove entries unused
        in :data:`KEEP_BUILDS` builds, segments with no live rows, other tool versions' entries,
        files that are not the store's; rewrite segments more than half dead."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO uses VALUES (?, ?, ?, ?)",
                                     [(self.tool, kind, key, self.build) for kind, key in self._used])
            if prune:
                self._prune()
        finally:
            self._db.close()
            self._db = None
            self._lock.close()

    def _prune(self) -> None:
        db = self._db
        with db:
            db.execute("DELETE FROM uses WHERE tool != ? OR used <= ?", (self.tool, self.build - KEEP_BUILDS))
            db.execute("DELETE FROM entries WHERE tool != ? OR NOT EXISTS (SELECT 1 FROM uses WHERE "
                       "uses.tool = entries.tool AND uses.kind = entries.kind AND uses.key = entries.key)",
                       (self.tool,))
            db.execute("DELETE FROM files WHERE key NOT IN (SELECT key FROM entries)")
        live = dict(db.execute("SELECT segment, SUM(refs) FROM entries WHERE segment IS NOT NULL GROUP BY segment"))
        rows = dict(db.execute("SELECT name, rows FROM segments").fetchall())
        dead = [s for s in rows if s not in live]
        sparse = [s for s in rows if s in live and live[s] * 2 < rows[s]]
        if sparse:
            self._rewrite(sparse)
        with db:
            db.executemany("DELETE FROM segments WHERE name = ?", [(s,) for s in dead])
        for s in dead:
            (self.dir / SEGMENTS / s).unlink(missing_ok=True)
        known = {INDEX_NAME, INDEX_NAME + "-wal", INDEX_NAME + "-shm", SEGMENTS, MEMO_FILES, LOCK_NAME,
                 LOCK_NAME + ".holder",
                 *(INDEX_NAME + x + ".broken" for x in ("", "-wal", "-shm"))}
        for f in self.dir.iterdir():  # an old cache's pickles, planted files: never opened, removed
            if f.name not in known:
                _remove(f)
        segments = set(r[0] for r in db.execute("SELECT name FROM segments"))
        for f in (self.dir / SEGMENTS).iterdir():
            if f.name not in segments:
                _remove(f)

    def _rewrite(self, segments: list[str]) -> None:
        """Copy the live rows of ``segments`` into one new segment and drop them."""
        db = self._db
        marks = ", ".join("?" * len(segments))
        entries = db.execute(f"SELECT kind, key FROM entries WHERE segment IN ({marks})", segments).fetchall()
        live = pa.array(sorted(f"{kind}:{key}" for kind, key in entries), pa.string())
        parts = []
        for s in segments:
            try:
                t = self._segment(s)
            except Exception as err:
                log.info("cache segment %s unreadable (%s); its entries are dropped", s, err)
                with db:
                    db.execute("DELETE FROM entries WHERE segment = ?", (s,))
                continue
            parts.append(t.filter(pc.is_in(t.column("entry"), live)))
        name = f"{uuid.uuid4().hex}.parquet"
        table = pa.concat_tables(parts) if parts else _SEGMENT_SCHEMA.empty_table()
        with atomic_file(self.dir / SEGMENTS / name) as f:
            pq.write_table(table, f, compression="zstd", compression_level=1)
        with db:
            db.execute("INSERT INTO segments VALUES (?, ?)", (name, table.num_rows))
            db.execute(f"UPDATE entries SET segment = ? WHERE segment IN ({marks})", (name, *segments))
            db.executemany("DELETE FROM segments WHERE name = ?", [(s,) for s in segments])
        for s in segments:
            (self.dir / SEGMENTS / s).unlink(missing_ok=True)


class StoreReader:
    """Read-only access to the texts of a store, for other processes (reading pages, pass two)
    while the build holds the store open: ``document(key)``, ``search(key)``. A text that cannot
    be read is None."""

    def __init__(self, root: PathLike, tool: Optional[str] = None):
        self.root = pathlib.Path(root)
        self.tool = tool or tool_version()
        self._db: Optional[sqlite3.Connection] = None

    def _con(self) -> sqlite3.Connection:
        # Not bound to the thread that opened it: a reader outlives the thread that made it when a
        # process runs several builds (a notebook, tests: with ``jobs=1`` each build makes its pages in
        # a thread of its own, and the reader is kept per process and store), and a bound connection
        # used from the next build's thread raised, so that page was made without its text. Reads
        # only, one thread at a time; SQLite's default build is serialized (``sqlite3.threadsafety``).
        if self._db is None:
            self._db = sqlite3.connect(f"file:{self.root / INDEX_NAME}?mode=ro", uri=True, timeout=60,
                                       check_same_thread=False)
            # the texts read from a memory map, not copied in by read(2): the reading pages' 2,135 texts of
            # the shared corpus in 0.08 s of CPU, not 0.2 (load 9). A reader only reads, and the store's file
            # never shrinks (no VACUUM): nothing mapped goes away under it. At most READER_MAP bytes: a
            # process's resident size counts the mapped pages it read.
            self._db.execute(f"PRAGMA mmap_size={READER_MAP}")
        return self._db

    def document(self, key: str, path: Optional[str] = None) -> Optional[Document]:
        """The whole document of pass-one entry ``key`` (its ``file`` the ``path`` given)."""
        try:
            row = self._con().execute("SELECT document, text FROM entries WHERE tool = ? AND kind = ? AND key = ?",
                                      (self.tool, _PASS1, key)).fetchone()
            if row is None or row[1] is None:
                return None
            paragraphs, unplaced = blob_paragraphs(row[1])
            doc = json_document(row[0], paragraphs, unplaced)
        except Exception as err:
            log.info("cache text of %s unreadable (%s: %s)", path or key, type(err).__name__, err)
            return None
        return dataclasses.replace(doc, file=path) if path is not None and doc.file != path else doc

    def blobs(self, key: str) -> Optional[tuple[str, Optional[bytes], Optional[bytes]]]:
        """Pass-one entry ``key`` as stored, undecoded: ``(document JSON, text blob, search blob)``
        (:func:`json_document`, :func:`blob_paragraphs`, :func:`blob_search` read them), for a
        process that sends the text elsewhere to be read (the Dask engine's pass two); None when
        missing or unreadable."""
        try:
            row = self._con().execute("SELECT document, text, search FROM entries WHERE tool = ? AND kind = ? AND key = ?",
                                      (self.tool, _PASS1, key)).fetchone()
        except Exception as err:
            log.info("cache text of %s unreadable (%s: %s)", key, type(err).__name__, err)
            return None
        return (row[0], row[1], row[2]) if row is not None and row[0] is not None else None

    def search(self, key: str) -> Optional[str]:
        """The text of pass-one entry ``key`` as learned names are looked for in it."""
        try:
            row = self._con().execute("SELECT search FROM entries WHERE tool = ? AND kind = ? AND key = ?",
                                      (self.tool, _PASS1, key)).fetchone()
            return blob_search(row[0]) if row and row[0] is not None else None
        except Exception as err:
            log.info("cache search text of %s unreadable (%s: %s)", key, type(err).__name__, err)
            return None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def memo_get(root: Optional[PathLike], name: str, digest: str) -> Optional[bytes]:
    """The value kept by :func:`memo_put` for step ``name`` when its inputs' ``digest`` is the same;
    else (or when there is no store under ``root``, or it cannot be read) None."""
    if root is None or not (pathlib.Path(root) / INDEX_NAME).exists():
        return None
    try:
        db = sqlite3.connect(f"file:{pathlib.Path(root) / INDEX_NAME}?mode=ro", uri=True, timeout=60)
        try:
            row = db.execute("SELECT value FROM memo WHERE name = ? AND digest = ?", (name, digest)).fetchone()
        finally:
            db.close()
    except sqlite3.Error as err:
        log.info("memo %s unreadable (%s)", name, err)
        return None
    return row[0] if row else None


def memo_put(root: Optional[PathLike], name: str, digest: str, value: bytes) -> None:
    """Keep ``value``, the result of step ``name`` for inputs of ``digest``, in the store under
    ``root`` (one value per step: the last one). Nothing without a store; a failure is logged."""
    _memo_write(root, "INSERT OR REPLACE INTO memo VALUES (?, ?, ?)", (name, digest, value), f"memo {name} not kept")


def _memo_write(root: Optional[PathLike], sql: str, params: tuple, failed: str) -> None:
    """Run one statement on the memo table of the store under ``root``, in a transaction of its own;
    nothing without a store; a failure is logged as ``failed`` and the reason."""
    if root is None or not (pathlib.Path(root) / INDEX_NAME).exists():
        return
    try:
        db = sqlite3.connect(pathlib.Path(root) / INDEX_NAME, timeout=60)
        try:
            with db:
                db.executescript(SCHEMA)
                db.execute(sql, params)
        finally:
            db.close()
    except sqlite3.Error as err:
        log.info("%s (%s)", failed, err)


#: The store's folder of the values kept as files (:func:`memo_file_put`), one file per step.
MEMO_FILES = "memo"
#: What a value kept as a file begins with, before the digest of its inputs.
_MEMO_MAGIC = b"citegraph memo 1\0"


def _memo_head(digest: str) -> bytes:
    return _MEMO_MAGIC + digest.encode("ascii") + b"\0"


def memo_file_put(root: Optional[PathLike], name: str, digest: str, write) -> None:
    """Keep what ``write(f)`` writes to the binary file ``f``, the result of step ``name`` for inputs of
    ``digest``, as a file of the store under ``root`` (``memo/NAME``: the digest, then the value): for a
    value too large for a row of :func:`memo_put`, which SQLite writes twice (into its journal, then the
    index) and which is held whole to be handed over. Streamed, written once, moved into place whole
    (:func:`graph.files.atomic_file`); one value per step, the last one. Nothing without a store; a
    failure is logged and keeps nothing."""
    if root is None or not (pathlib.Path(root) / INDEX_NAME).exists():
        return
    path = pathlib.Path(root) / MEMO_FILES / name
    try:
        with atomic_file(path) as f:
            f.write(_memo_head(digest))
            write(f)
    except (OSError, pa.ArrowException) as err:
        log.info("memo %s not kept (%s)", name, err)
        with contextlib.suppress(OSError):
            path.unlink()


def memo_file_get(root: Optional[PathLike], name: str, digest: str) -> Optional[pa.Buffer]:
    """The value kept by :func:`memo_file_put` for step ``name`` when its inputs' ``digest`` is the same,
    memory-mapped (nothing is read or copied until used; what is taken from it may point into the
    file, which a later build replaces by another, never overwrites); else None."""
    if root is None:
        return None
    head = _memo_head(digest)
    try:
        with pa.memory_map(str(pathlib.Path(root) / MEMO_FILES / name)) as f:
            value = f.read_buffer()
    except (OSError, pa.ArrowException):
        return None
    if value.size < len(head) or value.slice(0, len(head)).to_pybytes() != head:
        return None
    return value.slice(len(head))


def memo_drop(root: Optional[PathLike], name: str) -> None:
    """Remove the :func:`memo_put` value of step ``name`` (one kept as a file since)."""
    _memo_write(root, "DELETE FROM memo WHERE name = ?", (name,), f"memo {name} not dropped")


class _OtherFormat(Exception):
    pass


def _remove(f: pathlib.Path) -> None:
    if f.is_dir() and not f.is_symlink():
        shutil.rmtree(f, ignore_errors=True)
    else:
        f.unlink(missing_ok=True)


def _segment_name(name: str) -> bool:
    return len(name) == 40 and name.endswith(".parquet") and all(c in "0123456789abcdef" for c in name[:32])


def _empty_table() -> pa.Table:
    return pa.schema([*TABLE_SCHEMA, pa.field("doc", pa.int32())]).empty_table()


def _with_paths(table: pa.Table, wanted: dict[int, tuple], paths: Sequence[str]) -> pa.Table:
    """Rows read from the store with ``file`` the path given now, and a ``source`` or ``target``
    that was the file's old path (a document known by its path) the new one."""
    return _renamed(table, {i: w[4] for i, w in wanted.items()}, [str(p) for p in paths])


def _renamed(table: pa.Table, old: dict[int, str], new: Sequence[str]) -> pa.Table:
    """``table`` (``doc``: an index into ``new``) with ``file`` = ``new[doc]``, and a ``source`` or
    ``target`` that was ``old[doc]`` (a document known by its path) ``new[doc]``."""
    doc = table.column("doc")
    now = pa.array(list(new), pa.string()).take(doc)
    table = table.set_column(table.schema.get_field_index("file"), "file", now)
    moved = {i: o for i, o in old.items() if o != new[i]}
    if moved:
        was = pa.array([moved.get(i) for i in range(len(new))], pa.string()).take(doc)
        for name in ("source", "target"):
            col = table.column(name)
            fixed = pc.if_else(pc.equal(col, was).fill_null(False), now, col)
            table = table.set_column(table.schema.get_field_index(name), name, fixed)
    return table


def _moved(stored: Stored, new: str) -> Stored:
    old = stored.path
    doc = dataclasses.replace(stored.document, file=new) if stored.document.file == old else stored.document
    taught = tuple(dataclasses.replace(a, learned_from=new + a.learned_from[len(old):])
                   if a.learned_from and a.learned_from.startswith(old + ",") else a for a in stored.taught)
    return Stored(stored.key, new, doc, stored.facts, taught)
