"""Read a corpus into documents and references: cached, in parallel, with progress.

This is the I/O edge of the graph side. :func:`read_corpus` runs small stages:
list the files (``ingest.iter_paths``), pass one (read and extract each file:
``ingest.read_document``, ``ingest.extract``), the corpus alias table, pass two
(extract again where it may change something), collect; it returns a
:class:`Corpus`. :func:`build` adds the graph (``graph.build.build_graph``) and
writes the files (``graph.export.write_all``), from the tables (``graph.build.graph_tables``). What a stage gives back for one
file is a small dataclass: :class:`Extracted` or :class:`Failed` (pass one),
:class:`Reextracted`, :class:`Unchanged` or :class:`Failed` (pass two).

* **Store** (:class:`graph.store.Store`, SQLite and Parquet in ``cache_dir``; nothing is
  unpickled). Each file's :class:`Extracted` is kept keyed by the SHA-256 of its name and
  bytes (:func:`graph.files.file_key`) and :func:`graph.files.tool_version` (the code of the
  reading step, ``ingest`` and this module among it, and the reader libraries' versions), so a
  changed file or a changed extractor is read again and nothing else is; the path is data (the
  same corpus given by another path is not read again). An entry that cannot be loaded is a
  miss (logged on ``citegraph.store``). Entries no build used in a few builds are removed.
* **Parallel.** Files not in the store are read in ``jobs`` processes (default: all cores;
  :class:`graph.workers.Workers`, forked at the start of a build and used by every stage);
  results come back in file order, so the output does not depend on scheduling. Each worker
  ends with its parent, even one killed with ``kill -9`` (:func:`graph.files.watch_parent`).
* **Errors.** A file that cannot be read (``ingest.model.ReadError``) or that
  breaks the extractor is a one-line message passed to ``on_error``; the rest
  of the corpus still builds. Failures are not cached. When a reading process
  dies (a crash in native code), the files left are read one process each, so
  only the culprit fails.
* **Aliases (two passes).** Pass one reads and extracts each file with the
  curated names (plus the names the file teaches itself) and keeps the names
  it teaches in its footnotes; the cache entry holds all three. Then the
  corpus table is made (``ingest.learn_names``) and only the
  documents where one of its learned names may occur
  (``ingest.may_change``) are extracted again, so the files are
  parsed once and the documents cross between processes once. A custom
  ``learn_aliases`` function (documents -> table) is applied to every
  document. The second references are stored per file *and* table digest.
  If learning fails, that is one warning and the first references stand.
* **Tables, not objects; no text in this process.** A reading process sends back, per file,
  the document described (no paragraphs), what the graph needs from its text
  (``graph.build.document_facts``), the names it teaches, and its references as columns with
  each one's ``mark_sentence`` (``graph.build.reference_marks``); with a store, also its text
  and search text (compressed), which go to the store unread. This process gathers the
  references into one Arrow table (``Corpus.reference_table``); ``Corpus.references`` makes
  :class:`~ingest.Reference` objects from it only when asked. Pass two and the reading pages
  take the texts from the store (``graph.store.StoreReader``); without a store, pass two reads
  the file again. ``texts=True`` (notebooks, tests) also sends the whole documents back.
  ``encode`` turns a file's references into the caller's output (JSON lines) in the reading
  process, on all cores.
* **One document, one reading.** The same document in several files (``A_79_62.docx`` and
  ``A_79_62.txt``, a PDF and its Word twin, ``A_RES_78_132-EN.pdf`` and ``-FR.pdf``: one key,
  :func:`ingest.document_key`, or for files with no symbol one folder and name) is read from one
  of them (:func:`one_per_document`, after pass one: English first, then Word, PDF, Markdown,
  text), its citations counted once; ``on_skip`` gets one line saying which file was used, and
  the document's ``language`` lists every version's.
* **Progress.** A tqdm bar on stderr for 20 files or more, when stderr is a terminal.

Where things go: how the items of a pass are spread over processes is :mod:`graph.workers`;
how an entry is stored is :class:`graph.store.Store`; what one file gives is :class:`Extracted`.

Not supported: watching files, sharing a cache between machines.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import json
import logging
import os
import pathlib
import pickle
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional, Sequence, Union

from tqdm import tqdm

import ingest
from ingest import Document, Paragraph, ReadError, Reference

from .files import CACHE_DIRNAME, output_lock, remove_stale_temporaries, tool_version
from .workers import Workers

if TYPE_CHECKING:  # imported where they are used: citegraph extract --format jsonl loads none of them
    import networkx as nx
    import pyarrow as pa

    from .build import GraphTables
    from .store import Store, StoreReader

__all__ = ["Corpus", "read_corpus", "build", "input_root", "one_per_document", "FORMAT_PREFERENCE", "Extracted",
           "Reextracted", "Unchanged", "Failed", "Superseded", "kept_layout", "kept_measures", "OUTPUT_LIBRARIES"]

PathLike = Union[str, os.PathLike]

log = logging.getLogger("citegraph.pipeline")

#: Files whose results are gathered into one Arrow table (and one store segment) at a time.
BATCH = 2000


@dataclass
class Corpus:
    """What :func:`read_corpus` read: documents (file order), their references as a table, counts.

    ``reference_table`` has the columns of :data:`graph.store.TABLE_SCHEMA` plus ``doc``, the
    index of the reference's document in ``documents``; ``references`` gives
    :class:`~ingest.Reference` objects made from it (when asked, then kept).
    """

    documents: list[Document] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)  # graph.build.document_facts, per document
    keys: list = field(default_factory=list)  # store key of each document (None without a store)
    reference_table: Optional[pa.Table] = None
    encoded: list = field(default_factory=list)  # with read_corpus(encode=...): per document read, in order
    errors: list[str] = field(default_factory=list)  # one line per file that failed
    skipped: list[str] = field(default_factory=list)  # files of unknown type, or not regular files
    versions: list[str] = field(default_factory=list)  # one line per document read from several files
    files: int = 0
    read: int = 0  # read and extracted in this run
    cached: int = 0  # taken from the cache
    seconds: float = 0.0
    graph: Optional[nx.DiGraph] = None  # set by build()
    tables: Optional[GraphTables] = None  # set by build()
    root: Optional[pathlib.Path] = None  # set by build(): the folder the documents' file names are relative to
    pages: Optional[dict] = None  # set by build(): what graph.reading.write_pages wrote
    drawn: Optional[dict] = None  # set by build(explorer=...): what graph.html's overview draws
    outputs_kept: bool = False  # set by build(): the last build's output files stand (nothing they show changed)
    #: seconds by stage, set by build(): "reading" (read and extract, cache included), "building"
    #: (graph, measures, layout), "writing" (the files and the reading pages)
    timings: dict = field(default_factory=dict)
    _references: Optional[list] = field(default=None, repr=False)

    @property
    def failed(self) -> int:
        return len(self.errors)

    @property
    def reference_count(self) -> int:
        return self.reference_table.num_rows if self.reference_table is not None else 0

    @property
    def references(self) -> list[Reference]:
        """The references as :class:`~ingest.Reference` objects, in file order (made once, when asked)."""
        if self._references is None:
            from .store import table_references

            self._references = table_references(self.reference_table) if self.reference_count else []
        return self._references


# --------------------------------------------------------------------------- what a stage gives back

@dataclass(frozen=True)
class Extracted:
    """Pass one for one file: the document (described, or whole when asked), its references (as
    columns, :func:`graph.store.reference_columns`, or what ``encode`` made of them), the names
    its footnotes teach (``ingest.Alias``), its :func:`graph.build.document_facts`, and, for
    the store, its text and search text (compressed)."""

    document: Document
    references: Any
    taught: tuple = ()
    facts: dict = field(default_factory=dict)
    text: Optional[bytes] = None
    search: Optional[bytes] = None


@dataclass(frozen=True)
class Reextracted:
    """Pass two for one document: its references under the corpus alias table (columns, or encoded)."""

    references: Any


@dataclass(frozen=True)
class Unchanged:
    """Pass two for one document where no learned name may occur: its references stand."""


@dataclass(frozen=True)
class Superseded:
    """A file holding a document another file of the corpus holds too, which is read instead."""

    used: str


@dataclass(frozen=True)
class Failed:
    """A file that could not be read or extracted: one line naming it and the reason."""

    message: str


# --------------------------------------------------------------------------- workers (top level: picklable)

#: An unexpected error's message is cut to this many characters, so that a file's error stays one line.
ERROR_CHARS = 200


def _one_line(path: str, err: BaseException) -> str:
    if isinstance(err, ReadError):
        return str(err).splitlines()[0] if str(err) else f"{ingest.shown_path(path)}: unreadable"
    msg = ingest.shown_path(" ".join(str(err).split())[:ERROR_CHARS])
    return f"{ingest.shown_path(path)}: extractor failed: {type(err).__name__}: {msg}"


def _read_extract(path: str, texts: bool = True, encode: Optional[Callable] = None, blobs: bool = False
                  ) -> Union[Extracted, Failed]:
    """Read one file and extract it with the curated names (plus those it teaches itself);
    also keep the names it teaches, for the corpus table. Without ``texts`` the document
    comes back described only (:func:`_described`); with ``encode``, its references come
    back as ``encode(references)`` (and no facts: what asks for encoded references builds no
    graph), else as columns with the document's facts; with ``blobs``, its text and search text
    come back compressed, for the store. With ``encode``, a text file's language is not counted
    in its text (``ingest.read_document(language=False)``): only :func:`_one_per_document` asks
    for it, of the few documents several files hold; nor is its title looked for (no reference and
    no encoded line depends on it)."""
    try:
        doc = ingest.read_document(path, language=encode is None, title=encode is None)
        first = ingest.first_pass(doc)
        refs = first.references
        if encode:
            return Extracted(doc if texts else _described(doc), encode(refs), tuple(first.taught))
        from .build import document_facts, reference_marks  # (imported before the workers fork: _graph_side)
        from .store import reference_columns, search_blob, text_blob

        return Extracted(doc if texts else _described(doc), reference_columns(refs, reference_marks(doc, refs)),
                         tuple(first.taught), document_facts(doc),
                         text_blob(doc) if blobs else None, search_blob(doc) if blobs else None)
    except Exception as err:
        return Failed(_one_line(path, err))


def _described(doc: Document) -> Document:
    """The document without its paragraphs and footnotes: what it is (file, symbol, title,
    date, body, session ...), not what it says."""
    return dataclasses.replace(doc, paragraphs=(), unplaced_footnotes=())


_WORKER_CACHE: dict = {}  # in a reading process: the corpus table and store reader of the current pass


def _payload(aliases: Any, store: Optional[tuple]) -> tuple:
    """What pass two sends with each task: the table's digest, the table, the store's place. A
    process builds the table's automaton once per digest (:func:`_worker_state`)."""
    return (_aliases_digest(aliases), aliases, store)


def _worker_state(payload: tuple) -> tuple[Any, Optional[StoreReader]]:
    digest, aliases, store = payload
    got = _WORKER_CACHE.get("state")
    if got is None or got[0] != (digest, store):
        if store:
            from .store import StoreReader
        got = ((digest, store), aliases, StoreReader(*store) if store else None)
        _WORKER_CACHE["state"] = got
    return got[1], got[2]


def _extract_again(item: tuple, payload: tuple = ("none", None, None), encode: Optional[Callable] = None
                   ) -> Union[Reextracted, Unchanged, Failed]:
    """Extract a document again under the corpus alias table (``payload``, :func:`_payload`).
    ``item`` is ``(path, key, doc)``: the whole document when the caller holds it, else its text
    comes from the store (by ``key``) or the file. A document whose references cannot change
    (``ingest.may_change``) is :class:`Unchanged` (tested on its search text first)."""
    path, key, doc = item
    aliases, texts = _worker_state(payload)
    try:
        if doc is None and texts is not None and key is not None:
            search = texts.search(key)
            if search is not None and not ingest.may_change(aliases, _searched(search)):
                return Unchanged()
            doc = texts.document(key, path)
        if doc is None:
            doc = ingest.read_document(path, language=encode is None, title=encode is None)
        if not ingest.may_change(aliases, doc):
            return Unchanged()
        again = ingest.second_pass(doc, aliases)
        if encode:
            return Reextracted(encode(again))
        from .build import reference_marks
        from .store import reference_columns

        return Reextracted(reference_columns(again, reference_marks(doc, again)))
    except Exception as err:
        return Failed(_one_line(path, err))


def _searched(search: str) -> Document:
    """A document of one paragraph, the search text (:func:`graph.store.search_blob`): what
    ``ingest.may_change`` looks at (the paragraphs joined, spaces squashed, lower case) it is
    already, so the test gives what it gives on the whole document."""
    return Document(file="", symbol=None, symbol_source="", format="text",
                    paragraphs=(Paragraph(id="x1", kind="other", text=search),))


def _aliases_digest(aliases: Any, name: Callable[[str], str] = str) -> str:
    """A digest of the alias table: the repr of a dataclass (its fields only, not cached
    helpers), else its pickle. A learned name's file (``learned_from``: "file, footnote N") counts
    as ``name`` gives it (the store's :meth:`graph.store.Store.name`, relative to the build's input),
    so that one corpus typed two ways has one digest."""
    if aliases is None:
        return "none"
    learned = getattr(aliases, "learned", None)
    if learned and dataclasses.is_dataclass(aliases):
        def named(a):
            file, sep, rest = (a.learned_from or "").rpartition(", footnote ")
            return dataclasses.replace(a, learned_from=name(file) + sep + rest) if sep else a
        aliases = dataclasses.replace(aliases, learned=tuple(named(a) for a in learned))
    if dataclasses.is_dataclass(aliases):
        data = repr(aliases).encode("utf-8")
    else:
        data = pickle.dumps(aliases, protocol=4)
    return hashlib.sha256(data).hexdigest()[:16]


# --------------------------------------------------------------------------- processes

def _died(x: Any) -> Failed:
    """What a file whose reading process died gives."""
    name = x if isinstance(x, str) else (x[0] if isinstance(x, tuple) else getattr(x, "file", repr(x)))
    return Failed(f"{ingest.shown_path(name)}: the reading process died")


def _run(fn: Callable, items: Sequence, jobs: int, bar: tqdm) -> Iterable:
    """``fn(x)`` for each item, across ``jobs`` processes of their own (:class:`Workers`), in order."""
    with Workers(jobs if len(items) >= 4 else 1, died=_died) as workers:
        yield from workers.map(fn, items, bar)


# --------------------------------------------------------------------------- the corpus

def read_corpus(paths: Iterable[PathLike], cache_dir: Optional[PathLike] = None, jobs: Optional[int] = None,
                progress: bool = True, on_error: Optional[Callable[[str], None]] = None,
                on_skip: Optional[Callable[[str], None]] = None,
                learn_aliases: Union[Callable[[list[Document]], Any], None, str] = "auto",
                texts: bool = True, encode: Optional[Callable[[list[Reference]], Any]] = None,
                workers: Optional[Workers] = None, one_document: bool = True) -> Corpus:
    """Read and extract every document under ``paths`` (files or folders).

    ``cache_dir`` None disables the cache. ``learn_aliases="auto"`` learns the
    corpus alias table with ``ingest.named``; a function of the documents may
    give another table; None extracts with the curated names only.
    ``texts=False`` keeps each document described only (symbol, title, date, body ...;
    no paragraphs): the texts never reach this process (what ``build`` and ``citegraph
    extract`` read). The references are the same.
    ``encode`` (a module-level function of one document's references, with ``texts=False``
    and no cache) is applied in the reading processes: ``Corpus.encoded`` then holds its
    result for each document read, in file order, and ``Corpus.references`` stays empty
    (``citegraph extract`` writes its JSON lines so, on all cores).

    ``workers`` (:class:`graph.workers.Workers`) are the processes to read with (default: ``jobs`` new ones).

    ``one_document`` (the default) reads a document held by several files from one of them
    (:func:`one_per_document`); False reads every file.

    Raises :class:`ValueError` for ``encode`` with texts or a cache, and for a custom
    ``learn_aliases`` without texts.
    """
    if not texts and learn_aliases not in ("auto", None):
        raise ValueError("a custom learn_aliases needs the documents' texts (texts=True)")
    if encode is not None and (texts or cache_dir is not None):
        raise ValueError("encode works with texts=False and no cache")
    if encode is None:
        _graph_side()
    with contextlib.ExitStack() as stack:
        if workers is None:
            workers = stack.enter_context(Workers(jobs, died=_died))
        stack.enter_context(_collector_paused())
        return _read_corpus(paths, cache_dir, workers, progress, on_error, on_skip, learn_aliases, texts, encode,
                            one_document)


def _graph_side():
    """Import the graph side (:mod:`graph.build` and :mod:`graph.store`, and what they load:
    pandas, networkx, pyarrow) that the reading processes use for references as columns (their
    facts, marks and Arrow tables), before they fork, so that each does not import it again;
    returns both modules. ``citegraph extract`` (``encode``, no store) never loads it: Python's
    start is part of what a user waits for."""
    from . import build, store

    return build, store


class _NoStore:
    """What a read without a cache keeps: nothing. :class:`graph.store.Store` (None) as far as
    reading asks (``dir``, :meth:`keys`), without importing it (it loads pyarrow)."""

    dir = None

    def keys(self, paths: Sequence[PathLike]) -> list[None]:
        return [None] * len(paths)

    def name(self, path: PathLike) -> str:
        return os.fspath(path)

    def __enter__(self) -> "_NoStore":
        return self

    def __exit__(self, *exc) -> None:
        pass


def _store(cache_dir: Optional[PathLike], base: Optional[PathLike] = None) -> "Store | _NoStore":
    """The store in ``cache_dir`` (:class:`graph.store.Store`; the paths it keeps relative to ``base``),
    or :class:`_NoStore` for None."""
    if cache_dir is None:
        return _NoStore()
    from .store import Store

    return Store(cache_dir, base=base)


@contextlib.contextmanager
def _collector_paused():
    """Pause Python's cycle collector while a corpus is read and while its graph and files are made:
    the documents, references and the graph's dicts that pile up are acyclic, yet each full
    collection walks them all again (measured: a build of the shared corpus takes about 15% longer
    with it running while reading; while writing the files of 10,000 synthetic documents' graph,
    1.5-2 s of CPU went to full collections). Reference counting still frees everything; the
    collector resumes afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _give_back() -> None:
    """Hand back to the system the memory Arrow's allocator (mimalloc) and glibc's ``malloc`` keep
    after a stage let its tables go (:func:`graph.memory.give_back`): they hold freed pages for
    reuse, and the building process's resident size counted them (measured: 0.29 GiB of 0.69 after a
    10,000-document corpus was read from the store). Called between a build's stages; costs a few
    milliseconds."""
    from .memory import give_back

    give_back()


@dataclass
class _Reading:
    """What the passes gather, by file index: results (Extracted without references, or Failed),
    reference tables (with ``doc`` = file index), encoded output."""

    files: list
    keys: list
    results: list
    parts: list = field(default_factory=list)
    first_parts: int = 0  # parts[:first_parts] are pass one's
    replaced: set = field(default_factory=set)  # files whose pass-one rows pass two replaced
    encoded: dict = field(default_factory=dict)


def _read_corpus(paths, cache_dir, workers, progress, on_error, on_skip, learn_aliases, texts, encode,
                 one_document=True) -> Corpus:
    """The stages: list the files, pass one, the corpus table, pass two, collect."""
    t0 = time.perf_counter()
    corpus = Corpus()
    paths = list(paths)
    files = _list_files(paths, corpus, on_skip)
    with _store(cache_dir, input_root(paths) if cache_dir is not None else None) as store:
        keys = store.keys(files)
        reading = _Reading(files, keys, [None] * len(files))
        bar = tqdm(total=len(files), desc="reading", unit="file", file=sys.stderr,
                   disable=(not progress) or (len(files) < 20 or None), leave=False)
        try:
            _first_pass(reading, store, workers, bar, texts, encode, corpus)
            if one_document:
                _one_per_document(reading.results, corpus, on_skip, languages_read=encode is None)
            if learn_aliases is not None:
                aliases = _corpus_table(learn_aliases, reading.results, on_error)
                if aliases is not None:
                    _second_pass(aliases, reading, store, workers, bar, texts, encode)
        finally:
            bar.close()
    _collect(reading, corpus, encode, on_error)
    corpus.seconds = time.perf_counter() - t0
    return corpus


def _list_files(paths: Iterable[PathLike], corpus: Corpus, on_skip: Optional[Callable[[str], None]]
                ) -> list[pathlib.Path]:
    """The files under ``paths``, each once, in order; files of unknown type are noted as skipped."""
    def skipped(p, why):
        msg = f"{ingest.shown_path(p)}: {why}"
        corpus.skipped.append(msg)
        if on_skip:
            on_skip(msg)

    files = list(dict.fromkeys(ingest.iter_paths(paths, skipped=skipped)))
    corpus.files = len(files)
    return files


def _store_args(store: Store) -> Optional[tuple]:
    return (str(store.dir), store.tool) if store.dir is not None else None


def _first_pass(reading: _Reading, store: Store, workers: Workers, bar: tqdm, texts: bool, encode: Optional[Callable],
                corpus: Corpus) -> None:
    """Pass one: each file from the store, else read and extracted with the curated names
    (plus those it teaches itself); counts ``corpus.read`` and ``corpus.cached``."""
    files, keys = reading.files, reading.keys
    # (no store, no table: making even an empty Arrow table loads pandas, which citegraph extract never needs)
    hits, table = store.load_pass_one(keys, [str(f) for f in files], whole=texts) if store.dir is not None else ({}, None)
    if hits:
        for i, hit in hits.items():
            reading.results[i] = Extracted(hit.document, None, hit.taught, hit.facts)
        reading.parts.append(table)
        _give_back()  # what loading the store took
    corpus.cached = len(hits)
    bar.update(len(hits))
    todo = [i for i in range(len(files)) if i not in hits]
    blobs = store.dir is not None
    reader = functools.partial(_read_extract, texts=texts, encode=encode, blobs=blobs)
    batch: list[tuple[int, Extracted]] = []
    for i, r in zip(todo, workers.map(reader, [str(files[i]) for i in todo], bar)):
        if isinstance(r, Failed):
            reading.results[i] = r
            continue
        if encode:
            reading.encoded[i] = r.references
        reading.results[i] = dataclasses.replace(r, references=None, text=None, search=None)
        batch.append((i, r))
        if len(batch) >= BATCH:
            _keep_batch(reading, store, batch, encode)
            batch = []
            if not encode:
                _give_back()  # the batch's lists and its store segment's buffers
    _keep_batch(reading, store, batch, encode)
    corpus.read = len(todo)
    reading.first_parts = len(reading.parts)


def _keep_batch(reading: _Reading, store: Store, batch: list, encode: Optional[Callable]) -> None:
    """One batch of pass-one results: their references into one table (``doc`` = file index),
    and into the store with their documents."""
    if not batch or encode:
        return
    import numpy as np
    import pyarrow as pa

    from .store import TABLE_SCHEMA, columns_table

    cols: dict[str, list] = {name: [] for name in TABLE_SCHEMA.names}
    doc: list[int] = []
    for i, r in batch:
        c = r.references
        doc.extend([i] * len(c["source"]))
        for name in TABLE_SCHEMA.names:
            cols[name].extend(c[name])
    table = columns_table(cols)
    reading.parts.append(table.append_column("doc", pa.array(doc, pa.int32())))
    if store.dir is not None:
        position = np.repeat(np.arange(len(batch), dtype=np.int32), [len(r.references["source"]) for _, r in batch])
        store.add_pass_one([(reading.keys[i], str(reading.files[i]), r.document, r.facts, r.taught, r.text, r.search,
                             len(r.references["source"])) for i, r in batch],
                           table.append_column("doc", pa.array(position, pa.int32())))


#: Which file of one document is read, best first: Word (the text as the UN typed it, its footnotes and
#: its own links exact, nothing laid out by guess), PDF (the official printed form, laid out),
#: Markdown (keeps footnote marks and links), plain text (extractions lose numbering and footnotes).
FORMAT_PREFERENCE = ("docx", "pdf", "markdown", "text")
_FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "markdown": "Markdown", "text": "text"}


def _identity(doc: Document) -> str:
    """What makes two files one document: its key (symbol, or the symbol its file name spells), in
    upper case; for a file nothing gives a symbol, its folder and name without extension and
    language suffix ("draft.docx" and "draft.txt")."""
    key = ingest.document_key(doc.symbol, doc.file)
    if not key.startswith(ingest.NO_SYMBOL):
        return key.upper()
    p = pathlib.PurePath(doc.file)
    return f"{ingest.NO_SYMBOL}{p.parent}/{ingest.file_name_parts(p.name).stem}".upper()


def _preference(doc: Document) -> tuple:
    fmt = FORMAT_PREFERENCE.index(doc.format) if doc.format in FORMAT_PREFERENCE else len(FORMAT_PREFERENCE)
    langs = (doc.language or "").split(" | ")
    return (0 if langs[0] == "en" else 1 if not langs[0] else 2, fmt, doc.file)


def one_per_document(documents: Sequence[Document]) -> list[tuple[Document, list[Document]]]:
    """The documents held by more than one file: ``(used, others)`` for each, ``used`` the
    version to read (English first, since citegraph reads English citing forms; then the
    format of :data:`FORMAT_PREFERENCE`; then the file name).

    >>> a = Document(file="A_79_62.txt", symbol="A/79/62", symbol_source="filename", format="text", paragraphs=())
    >>> b = Document(file="A_79_62.docx", symbol="A/79/62", symbol_source="first-page", format="docx", paragraphs=())
    >>> [(u.file, [o.file for o in others]) for u, others in one_per_document([a, b])]
    [('A_79_62.docx', ['A_79_62.txt'])]
    """
    groups: dict[str, list[Document]] = {}
    for d in documents:
        groups.setdefault(_identity(d), []).append(d)
    out = []
    for docs in groups.values():
        if len(docs) > 1:
            docs = sorted(docs, key=_preference)
            out.append((docs[0], docs[1:]))
    return out


def _one_per_document(results: list, corpus: Corpus, on_skip: Optional[Callable[[str], None]],
                      languages_read: bool = True) -> None:
    """Replace, in ``results``, each file whose document another file holds too by :class:`Superseded`;
    the file used gets every version's language; one line a document to ``on_skip``. Without
    ``languages_read`` (text files read with ``language=False``), the language of each text file
    whose document another file holds too is read first (``ingest.file_language``)."""
    if not languages_read:
        _read_languages(results)
    done = {id(r.document): i for i, r in enumerate(results) if isinstance(r, Extracted)}
    for used, others in one_per_document([r.document for r in results if isinstance(r, Extracted)]):
        i = done[id(used)]
        langs = list(dict.fromkeys(x for d in (used, *others) for x in (d.language or "").split(" | ") if x))
        if len(langs) > 1 or (langs and langs[0] != used.language):
            results[i] = dataclasses.replace(results[i], document=dataclasses.replace(used, language=" | ".join(langs)))
        for o in others:
            results[done[id(o)]] = Superseded(used.file)
        key = ingest.document_key(used.symbol, used.file)
        msg = (f"{ingest.shown_path(used.file)}: used for {key} ({_FORMAT_NAMES.get(used.format, used.format)}"
               f"{', ' + ' | '.join(langs) if langs else ''}); same document, not read again: "
               + ", ".join(ingest.shown_path(o.file) for o in others))
        corpus.versions.append(msg)
        if on_skip:
            on_skip(msg)


def _read_languages(results: list) -> None:
    """Set, in ``results``, the language of each text or Markdown file that has none and whose
    document another file holds too: what :func:`one_per_document` orders the versions by."""
    extracted = [(i, r.document) for i, r in enumerate(results) if isinstance(r, Extracted)]
    held = Counter(_identity(d) for _, d in extracted)
    for i, d in extracted:
        if d.language is None and d.format in ("text", "markdown") and held[_identity(d)] > 1:
            try:
                language = ingest.file_language(d.file)
            except (ReadError, OSError):  # gone since it was read: no language, as a text that says none
                continue
            results[i] = dataclasses.replace(results[i], document=dataclasses.replace(d, language=language))


def _corpus_table(learn_aliases: Union[Callable, str], results: list, on_error: Optional[Callable[[str], None]]
                  ) -> Any:
    """The corpus alias table: the curated names plus those every document teaches
    (``"auto"``), or what ``learn_aliases`` makes of the documents. A learner that fails is
    one message to ``on_error``, and None: the references of pass one stand."""
    done = [r for r in results if isinstance(r, Extracted)]
    try:
        if learn_aliases == "auto":
            return ingest.learn_names(r.taught for r in done).table
        return learn_aliases([r.document for r in done])
    except Exception as err:  # a bug in the learner must not cost the whole build
        msg = " ".join(str(err).split())[:ERROR_CHARS]
        if on_error:
            on_error(f"learning aliases failed ({type(err).__name__}: {msg}); extracting without them")
        return None


def _second_pass(aliases: Any, reading: _Reading, store: Store, workers: Workers, bar: tqdm, texts: bool,
                 encode: Optional[Callable] = None) -> None:
    """Pass two: the references of each document under ``aliases`` replace those of pass one.

    Under a table of the curated names plus learned ones, only the documents where a
    learned name may occur can change (``ingest.may_change``, tested where the text is);
    any other table extracts every document again. References are stored per file and
    table digest (a document that does not change is stored as such)."""
    if ingest.changes_nothing(aliases):
        return
    kind = f"refs-{_aliases_digest(aliases, store.name)}"
    files, keys, results = reading.files, reading.keys, reading.results
    candidates = []
    for i, r in enumerate(results):
        if not isinstance(r, Extracted):
            continue
        if not ingest.may_change(aliases, r.document):
            continue  # (a described document may: it is tested where its text is)
        candidates.append(i)
    found, table = (store.load_refsets(kind, [keys[i] for i in candidates], [str(files[i]) for i in candidates])
                    if store.dir is not None else ({}, None))
    if table is not None and table.num_rows:
        import numpy as np
        import pyarrow as pa

        doc = pa.array(np.array(candidates, dtype=np.int32)).take(table.column("doc"))
        reading.parts.append(table.set_column(table.schema.get_field_index("doc"), "doc", doc))
    reading.replaced.update(candidates[j] for j, same in found.items() if not same)
    todo = [i for j, i in enumerate(candidates) if j not in found]
    bar.total += len(todo)
    bar.refresh()
    again = functools.partial(_extract_again, payload=_payload(aliases, _store_args(store)), encode=encode)
    items = [(str(files[i]), keys[i], results[i].document if results[i].document.paragraphs else None) for i in todo]
    batch: list[tuple[int, Any]] = []
    for i, r in zip(todo, workers.map(again, items, bar)):
        if isinstance(r, Failed):
            results[i] = r
            continue
        batch.append((i, r))
        if len(batch) >= BATCH:
            _keep_again(reading, store, kind, batch, encode)
            batch = []
    _keep_again(reading, store, kind, batch, encode)


def _keep_again(reading: _Reading, store: Store, kind: str, batch: list, encode: Optional[Callable]) -> None:
    """One batch of pass-two results: new references replace a document's rows, and the store
    keeps them (or that they are the same)."""
    if not batch:
        return
    if encode:
        for i, r in batch:
            if isinstance(r, Reextracted):
                reading.encoded[i] = r.references
        return
    import pyarrow as pa

    from .store import TABLE_SCHEMA, columns_table

    cols: dict[str, list] = {name: [] for name in TABLE_SCHEMA.names}
    doc: list[int] = []
    position: list[int] = []
    entries = []
    for i, r in batch:
        if isinstance(r, Reextracted):
            reading.replaced.add(i)
            c = r.references
            doc.extend([i] * len(c["source"]))
            position.extend([len(entries)] * len(c["source"]))
            for name in TABLE_SCHEMA.names:
                cols[name].extend(c[name])
        entries.append((reading.keys[i], str(reading.files[i]), isinstance(r, Unchanged)))
    table = columns_table(cols)
    if table.num_rows:
        reading.parts.append(table.append_column("doc", pa.array(doc, pa.int32())))
    if store.dir is not None:
        store.add_refsets(kind, entries, table.append_column("doc", pa.array(position, pa.int32())))


def _collect(reading: _Reading, corpus: Corpus, encode: Optional[Callable], on_error: Optional[Callable[[str], None]]
             ) -> None:
    """Documents, facts, keys and the reference table (or encoded references) in file order; one
    error line a failed file."""
    index = [-1] * (len(reading.files) + 1)  # file index -> document index
    for i, r in enumerate(reading.results):
        if isinstance(r, Superseded):
            continue
        if isinstance(r, Extracted):
            index[i] = len(corpus.documents)
            corpus.documents.append(r.document)
            corpus.facts.append(r.facts)
            corpus.keys.append(reading.keys[i])
            if encode:
                corpus.encoded.append(reading.encoded.get(i, ""))
        else:
            corpus.errors.append(r.message)
            if on_error:
                on_error(r.message)
    if encode:
        corpus.reference_table = None
        return
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from .store import TABLE_SCHEMA

    index = np.array(index, dtype=np.int32)
    parts = []
    replaced = np.zeros(len(reading.files) + 1, dtype=bool)
    replaced[list(reading.replaced)] = True
    # each part is let go once it is taken (a part kept whole is not copied), so the rows are held
    # about once, not once per step
    for n in range(len(reading.parts)):
        part, reading.parts[n] = reading.parts[n], None
        if not part.num_rows:
            continue
        doc = part.column("doc").to_numpy()
        keep = index[doc] >= 0
        if n < reading.first_parts:
            keep &= ~replaced[doc]
        if not keep.all():
            part = part.filter(pa.array(keep))
        parts.append(part.set_column(part.schema.get_field_index("doc"), "doc", pa.array(index[part.column("doc").to_numpy()])))
    reading.parts.clear()
    if not parts:
        corpus.reference_table = pa.schema([*TABLE_SCHEMA, pa.field("doc", pa.int32())]).empty_table()
        return
    table = pa.concat_tables(parts)
    del parts, part
    doc = table.column("doc").to_numpy()
    if len(doc) > 1 and (doc[1:] < doc[:-1]).any():  # (a full build's parts come in file order already)
        from .tables import reordered

        # stable: each file's rows in order; the runs already in order are moved whole, not row by row
        table = reordered(table, np.argsort(doc, kind="stable"))
    if table.num_columns and any(c.num_chunks > 1 for c in table.columns):
        # one chunk a column (each joined and its parts let go in turn): the writers take each column
        # whole (references.parquet), which then copies nothing
        schema, columns = table.schema, table.columns
        del table
        for i in range(len(columns)):
            columns[i] = columns[i].combine_chunks()
        table = pa.table(columns, schema=schema)
    corpus.reference_table = table
    _give_back()


def input_root(paths: Iterable[PathLike]) -> pathlib.Path:
    """The folder a build's file names are relative to: the folder given, the folder of the
    file given, or the deepest folder holding all the paths given (``text/`` and ``pdf/a.pdf``
    -> their common parent).
    """
    folders = [p if p.is_dir() else p.parent for p in (pathlib.Path(x).resolve() for x in paths)]
    if not folders:
        return pathlib.Path.cwd()
    return pathlib.Path(os.path.commonpath(folders)) if len(folders) > 1 else folders[0]


def _relative_name(root: pathlib.Path, f: Optional[str], folders: Optional[dict] = None) -> Optional[str]:
    """``f`` relative to ``root`` in POSIX form (``A_RES_79_194.md``, ``pdf/A_80_95.pdf``); a file
    not under ``root`` (a symlink out of it): its name alone. ``folders`` (a dict kept by the
    caller) holds each folder's real path once found, so a corpus's files cost one ``lstat`` each,
    not one per part of their path: the real path of a file that is not a link is its folder's real
    path and its name (a link is resolved whole, as ``pathlib.Path.resolve`` does)."""
    if not f:
        return f
    folder, name = os.path.split(f)
    if name in (".", "..") or os.path.islink(f):
        real = os.path.realpath(f)
    else:
        if folders is None:
            folders = {}
        top = folders.get(folder)
        if top is None:
            top = folders[folder] = os.path.realpath(folder or ".")
        real = os.path.join(top, name)
    under = os.fspath(root).rstrip(os.sep) + os.sep
    if real.startswith(under):
        return pathlib.PurePath(real[len(under):]).as_posix()
    return pathlib.Path(f).name


def _relative_files(corpus: Corpus, root: pathlib.Path) -> None:
    """The documents' and references' ``file`` relative to ``root``, and a reference's ``source``
    when it names a document with no symbol ("(no symbol) " and the relative path): no machine
    path in what a build writes. In place; once per distinct file name."""
    names: dict[str, str] = {}
    folders: dict[str, str] = {}

    def rel(f):
        if f not in names:
            names[f] = _relative_name(root, f, folders)
        return names[f]

    corpus.documents = [d if not d.file else dataclasses.replace(d, file=rel(d.file)) for d in corpus.documents]
    t = corpus.reference_table
    if t is not None and t.num_rows:
        import pyarrow.compute as pc

        file, source = t.column("file"), t.column("source")
        # a document with no symbol is known by its file's name: its path relative to the input
        known_by_file = pc.starts_with(source, ingest.NO_SYMBOL).fill_null(False)
        from . import tables

        new_file = tables.map_unique(file, rel)
        t = t.set_column(t.schema.get_field_index("file"), "file", new_file)
        t = t.set_column(t.schema.get_field_index("source"), "source",
                         pc.if_else(known_by_file, pc.binary_join_element_wise(ingest.NO_SYMBOL, new_file, ""),
                                    source.combine_chunks()))
        corpus.reference_table = t
    corpus._references = None


def _layout_code() -> bytes:
    """What the overview layout's result depends on besides its input: its code and numeric libraries."""
    from importlib.metadata import version

    import networkx as nx
    import numpy as np

    from .explorer import layout
    return (pathlib.Path(layout.__file__).read_bytes()
            + f"|numpy {np.__version__}|scipy {version('scipy')}|networkx {nx.__version__}".encode())


def kept_layout(cache_dir: Optional[PathLike]) -> Callable:
    """:func:`graph.explorer.layout.overview_layout`, its last result kept in the store under
    ``cache_dir`` (:func:`graph.store.memo_get`): a rebuild whose drawn nodes and edges are those of
    the last build (a citation added where one was, a file's text edited) takes the positions it
    computed, exactly (float64); any other input, or another version of the layout's code, NumPy,
    SciPy or NetworkX, lays out afresh. Without a store, the layout itself."""
    import numpy as np

    from .explorer.layout import overview_layout
    from .store import memo_get, memo_put

    def layout(nodes: list, edges: list[tuple], seed: int) -> dict:
        if cache_dir is None:
            return overview_layout(nodes, edges, seed)
        h = hashlib.sha256(_layout_code())
        h.update(json.dumps([seed, nodes, edges], ensure_ascii=False, separators=(",", ":")).encode())
        digest = h.hexdigest()
        kept = memo_get(cache_dir, "layout", digest)
        if kept is not None and len(kept) == 16 * len(nodes):
            xy = np.frombuffer(kept, dtype="<f8").reshape(-1, 2)
            return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy.tolist()) if x == x}
        pos = overview_layout(nodes, edges, seed)
        xy = np.array([pos.get(n, (np.nan, np.nan)) for n in nodes], dtype="<f8").reshape(-1, 2)
        memo_put(cache_dir, "layout", digest, xy.tobytes())
        return pos

    return layout


#: Rows of a column hashed at a time by :func:`_table_digest` (what it copies at once stays small).
DIGEST_ROWS = 65_536


def _table_digest(h, table) -> None:
    """Feed an Arrow table's column names, types and values into the hash ``h``: the same values
    give the same bytes however the table was made (chunks, slices, what lies under a null). Each
    column is taken :data:`DIGEST_ROWS` rows at a time, so it never copies a whole column."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    for name, column in zip(table.column_names, table.columns):
        listed = pa.types.is_list(column.type) or pa.types.is_large_list(column.type)
        h.update(f"{name}\0{f'list of {column.type.value_type}' if listed else column.type}\0".encode())
        for at in range(0, len(column), DIGEST_ROWS):
            col = column.slice(at, DIGEST_ROWS)
            col = col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col
            if listed:  # a list of strings, joined (the item's field name, "item" or "element", says nothing)
                col = pc.binary_join(col, "\x1f")
            if col.null_count:
                h.update(np.packbits(col.is_null().to_numpy(zero_copy_only=False)).tobytes())
                col = pc.fill_null(col, "" if pa.types.is_string(col.type) or pa.types.is_large_string(col.type)
                                   else pa.scalar(0).cast(col.type))
            sink = pa.BufferOutputStream()
            one = pa.table([col], names=["c"])
            with pa.ipc.new_stream(sink, one.schema) as w:
                w.write_table(one)
            h.update(sink.getvalue())


def _measures_code() -> bytes:
    """What PageRank and the communities depend on besides the graph: their code and libraries."""
    from importlib.metadata import version

    import networkx as nx
    import numpy as np

    from . import measures
    return (pathlib.Path(measures.__file__).read_bytes()
            + f"|numpy {np.__version__}|scipy {version('scipy')}|networkx {nx.__version__}"
              f"|igraph {version('igraph')}".encode())


def kept_measures(cache_dir: Optional[PathLike], edges: "pa.Table") -> Callable:
    """``scores(G, seed)`` for :func:`graph.measures.add_measures`: PageRank and the communities,
    the last build's kept in the store under ``cache_dir`` (:func:`graph.store.memo_get`) while the
    graph's nodes (in order) and its edges with their counts (``edges``, the build's edge table) are
    those of the last build (a file's text edited, a title changed): the values computed then,
    exactly (float64). Any other graph, seed, or version of the measures' code, NumPy, SciPy,
    NetworkX or igraph computes them afresh. Without a store, they are computed."""
    import numpy as np

    from .measures import community_of, pagerank_scores
    from .store import memo_get, memo_put

    def scores(G: "nx.DiGraph", seed: int) -> tuple[dict, dict]:
        if cache_dir is None:
            return pagerank_scores(G), community_of(G, seed=seed)
        nodes = list(G)
        h = hashlib.sha256(_measures_code())
        h.update(json.dumps([seed, nodes], ensure_ascii=False, separators=(",", ":")).encode())
        _table_digest(h, edges.select(["source", "target", "count"]))
        digest = h.hexdigest()
        kept = memo_get(cache_dir, "measures", digest)
        if kept is not None and len(kept) == 12 * len(nodes):
            pr = np.frombuffer(kept, dtype="<f8", count=len(nodes))
            comm = np.frombuffer(kept, dtype="<i4", offset=8 * len(nodes))
            return dict(zip(nodes, pr.tolist())), dict(zip(nodes, comm.tolist()))
        pr, comm = pagerank_scores(G), community_of(G, seed=seed)
        memo_put(cache_dir, "measures", digest, np.array([pr.get(n, 0.0) for n in nodes], dtype="<f8").tobytes()
                 + np.array([comm.get(n, 0) for n in nodes], dtype="<i4").tobytes())
        return pr, comm

    return scores


#: Libraries whose version can change the bytes of an output file (with ``graph/`` and ``ingest/``).
OUTPUT_LIBRARIES = ("networkx", "numpy", "scipy", "igraph", "pyarrow", "lxml", "pandas", "rapidfuzz")


def _outputs_code() -> bytes:
    """What the output files depend on besides the graph's tables: the code of ``graph/`` (its
    templates and vendored scripts included), the reading step's :func:`graph.files.tool_version`
    and :data:`OUTPUT_LIBRARIES`' versions."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(tool_version().encode() + b"\0")
    for lib in OUTPUT_LIBRARIES:
        try:
            h.update(f"{lib} {version(lib)}\0".encode())
        except PackageNotFoundError:
            h.update(f"{lib} -\0".encode())
    top = pathlib.Path(__file__).resolve().parent
    for f in sorted(top.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".pyc", ".pyo"):
            h.update(f.relative_to(top).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.digest()


#: The node attributes a build sets after :func:`graph.build.graph_tables` (measures, layout).
_ADDED = ("cited_by", "citations", "cites", "pagerank", "community", "x", "y")
#: The types of node attributes that JSON gives back as they were (a tuple comes back a list, a
#: NumPy float another type): a graph with any other is not kept.
_JSON_TYPES = (str, int, float, bool, type(None))


class _KeptGraph:
    """The graph of the last build (its tables, and its nodes with their measures and layout), kept
    in the store as a file (``memo/graph``, :func:`graph.store.memo_file_put`: written once, streamed;
    read back memory-mapped, its edges not copied) by the digest of what it is made from: the code of ``graph/``
    and ``ingest/`` and the output libraries' versions (:func:`_outputs_code`, which holds the
    measures' and the layout's seeds), the documents as described, their facts and the references
    table (by value). A rebuild with the same digest (a file's text edited, its references the
    same) takes the graph from there, exactly (nodes as JSON, edges as Arrow), instead of making
    its tables, PageRank, communities and layout again; anything else makes them afresh.

    ``digest`` (None without a store) is also what the output files and reading pages are made
    from, besides the options (:class:`_KeptOutputs`)."""

    def __init__(self, cache_dir: Optional[PathLike], documents: Sequence[Document], facts: Sequence[dict],
                 references: "pa.Table"):
        self.cache_dir, self.digest = cache_dir, None
        if cache_dir is None:
            return
        h = hashlib.sha256(_outputs_code())
        h.update(f"{len(documents)}\0".encode())
        for d, f in zip(documents, facts):
            h.update(repr(d).encode("utf-8", "surrogatepass") + b"\0" + repr(f).encode("utf-8", "surrogatepass")
                     + b"\0")
        _table_digest(h, references)
        self.digest = h.hexdigest()

    def kept(self) -> "Optional[tuple[GraphTables, nx.DiGraph]]":
        """The tables and the graph (measures and layout set) of the last build, when made from the
        same inputs; else None (a value that cannot be read is None too)."""
        import pyarrow as pa

        from .build import GraphTables, to_networkx
        from .store import memo_file_get

        if self.digest is None:
            return None
        value = memo_file_get(self.cache_dir, "graph", self.digest)  # memory-mapped: its edges are not copied
        if value is None:
            return None
        try:
            size = int.from_bytes(value.slice(0, 8).to_pybytes(), "little")
            record = json.loads(value.slice(8, size).to_pybytes())
            edges = pa.ipc.open_stream(value.slice(8 + size)).read_all()
            final = [(k, attrs) for k, attrs in record["nodes"]]
            base = [(k, dict(list(attrs.items())[:n])) for (k, attrs), n in zip(final, record["base"])]
            tables = GraphTables(base, edges, record["graph"])
            G = to_networkx(GraphTables(final, edges, record["graph"]))
        except (ValueError, KeyError, TypeError, IndexError, OSError, pa.ArrowException) as err:
            log.info("kept graph unreadable (%s: %s); made again", type(err).__name__, err)
            return None
        return tables, G

    def record(self, tables: "GraphTables", G: "nx.DiGraph") -> None:
        """Keep the graph just made (``tables``, and ``G`` with its measures and layout), when JSON
        gives its nodes back as they are and the tables' nodes are the first attributes of ``G``'s."""
        import pyarrow as pa

        from .store import memo_drop, memo_file_put

        if self.digest is None:
            return
        nodes, base = [], []
        for (key, attrs), (n, d) in zip(tables.nodes, G.nodes(data=True)):
            if key != n or list(d)[:len(attrs)] != list(attrs) or any(d[a] != attrs[a] for a in attrs) \
                    or any(type(v) not in _JSON_TYPES for v in d.values()) or any(a in attrs for a in _ADDED):
                return
            nodes.append((n, d))
            base.append(len(attrs))
        if len(nodes) != G.number_of_nodes() or any(type(v) not in _JSON_TYPES for v in tables.graph.values()):
            return
        head = json.dumps({"nodes": nodes, "base": base, "graph": tables.graph}, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8", "surrogatepass")
        del nodes

        def write(f) -> None:  # streamed into the store's file: the edges are not copied into one value
            f.write(len(head).to_bytes(8, "little"))
            f.write(head)
            with pa.ipc.new_stream(f, tables.edges.schema) as w:
                w.write_table(tables.edges)

        memo_file_put(self.cache_dir, "graph", self.digest, write)
        memo_drop(self.cache_dir, "graph")  # the value an older build kept in the index


class _KeptOutputs:
    """The output files of the last build, kept when nothing they are made from changed.

    Their inputs' digest (the graph's inputs, :attr:`_KeptGraph.digest`: the code, the documents,
    their facts, the references table; and the options) and each file's size and modification time
    (ns) are kept in the store's memo after the files are written. A build with the same digest
    whose files are all there with that size and time writes none of them again (a file's text
    edited, its references the same: only its reading page changes); a file deleted or touched,
    another option, another version of the code or a library writes them all."""

    def __init__(self, cache_dir: Optional[PathLike], out_dir: pathlib.Path, inputs: Optional[str], options: Any):
        self.cache_dir, self.out_dir = cache_dir, out_dir
        self.digest = None
        if cache_dir is None or inputs is None:
            return
        self.digest = hashlib.sha256(f"outputs\0{inputs}\0{options!r}".encode()).hexdigest()

    def kept(self) -> Optional[dict]:
        """What the last build recorded (``files``: name -> [size, mtime_ns]; ``drawn``) when its
        files stand as it wrote them for the same inputs; else None."""
        from .store import memo_get

        if self.digest is None:
            return None
        value = memo_get(self.cache_dir, "outputs", self.digest)
        if value is None:
            return None
        try:
            record = json.loads(value)
            for name, (size, mtime) in record["files"].items():
                st = (self.out_dir / name).stat()
                if (st.st_size, st.st_mtime_ns) != (size, mtime):
                    return None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return record

    def record(self, names: Iterable[str], drawn: Optional[dict]) -> None:
        """Keep the files just written (``names``, in ``out_dir``) and what the explorer drew."""
        from .store import memo_put

        if self.digest is None:
            return
        files = {}
        for name in names:
            st = (self.out_dir / name).stat()
            files[name] = [st.st_size, st.st_mtime_ns]
        memo_put(self.cache_dir, "outputs", self.digest, json.dumps({"files": files, "drawn": drawn}).encode())


def _manifest_digest(out_dir: pathlib.Path) -> Optional[str]:
    """The SHA-256 of the reading pages' manifest in ``out_dir`` (``docs/.pages.json``, written with
    the pages of one build: it names the build that made ``docs/``); None when there is none."""
    from .reading import DOCS_DIRNAME, MANIFEST

    try:
        return hashlib.sha256((out_dir / DOCS_DIRNAME / MANIFEST).read_bytes()).hexdigest()
    except OSError:
        return None


def _unchanged_texts(cache_dir: Optional[PathLike], digest: Optional[str], out_dir: pathlib.Path,
                     documents: Sequence[Document], keys: Sequence) -> frozenset:
    """The files of the documents whose text (store key) is the one the last build's reading pages
    were made from, when that build's outputs digest is ``digest`` (the same graph, references and
    options: :class:`_KeptOutputs`) and ``docs/`` is the folder it made (its manifest's digest, kept by
    :func:`_record_texts`); else none. Their pages are made of what they were made of then
    (``graph.reading.start_pages``' ``unchanged``)."""
    from .store import memo_get

    value = memo_get(cache_dir, "page-texts", digest) if digest is not None else None
    if value is None:
        return frozenset()
    try:
        record = json.loads(value)
        if record["manifest"] is None or record["manifest"] != _manifest_digest(out_dir):
            return frozenset()
        last = record["keys"]
        return frozenset(d.file for d, k in zip(documents, keys) if k is not None and last.get(d.file) == k)
    except (ValueError, KeyError, TypeError, AttributeError):
        return frozenset()


def _record_texts(cache_dir: Optional[PathLike], digest: Optional[str], out_dir: pathlib.Path,
                  documents: Sequence[Document], keys: Sequence) -> None:
    """Keep, for :func:`_unchanged_texts`, each document's store key as the reading pages just made in
    ``out_dir`` were made from, with the outputs digest and the pages' manifest's digest."""
    from .store import memo_put

    if digest is None or cache_dir is None:
        return
    record = {"manifest": _manifest_digest(out_dir), "keys": {d.file: k for d, k in zip(documents, keys)}}
    memo_put(cache_dir, "page-texts", digest, json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def build(paths: Iterable[PathLike], out_dir: Optional[PathLike] = None, cache: bool = True, jobs: Optional[int] = None,
          progress: bool = True, on_error: Optional[Callable[[str], None]] = None,
          on_skip: Optional[Callable[[str], None]] = None, write: bool = True, html: bool = True,
          pages: bool = True, wait: bool = True, on_wait: Optional[Callable[[str], None]] = None,
          engine: Any = None, explorer: Optional[dict] = None) -> Corpus:
    """Read ``paths``, build the graph and (with ``out_dir`` and ``write``) write every export.

    The store lives in ``out_dir/.citegraph-cache`` (none without ``out_dir``; with
    ``cache=False`` a fresh one for this build alone, which the reading pages read the texts
    from, removed at the end). Returns the :class:`Corpus` with ``graph``, ``tables`` and
    ``root`` set; its documents' and references' ``file`` are relative to ``root``
    (:func:`input_root`), so no machine path reaches the graph, the CSV files or the page.
    ``pages`` also writes a reading page per corpus document (``out_dir/docs/``,
    :func:`graph.reading.write_pages`, made in other processes while the graph's files are
    written) and sets ``pages``. ``explorer``: the options of :func:`graph.explorer.write_explorer`
    (``focus``, ``depth``, ``max_nodes``) for a ``graph.html`` written with them (instead of
    ``html``'s default one); what it draws is ``Corpus.drawn``.

    A rebuild whose graph, references and options are those of the last build into ``out_dir``
    (a file's text edited, its references the same) keeps the last build's PageRank and
    communities (:func:`kept_measures`) and, when they stand as written, its output files
    (``Corpus.outputs_kept``); only the changed reading pages are made again.

    With ``out_dir``, the build holds the folder's lock (:func:`graph.files.output_lock`): a
    build already writing there makes this one wait (``wait``; ``on_wait`` gets one line) or
    raise :class:`graph.files.OutputLocked`. Temporary files a killed build left are removed
    first.

    ``engine`` (a :class:`graph.engine.DaskEngine`) reads and extracts on a Dask cluster instead of
    this machine's processes; the rest is the same (it needs ``out_dir``: its partitions and the
    store live there).
    """
    if out_dir is None:
        if engine is not None:
            raise ValueError("the Dask engine needs an output folder")
        return _build(list(paths), None, None, jobs, progress, on_error, on_skip, write, html, pages)
    out = pathlib.Path(out_dir)
    with output_lock(out, wait=wait, on_wait=on_wait):
        remove_stale_temporaries(out)
        for stale in out.glob(".citegraph-nocache-*"):  # a --no-cache build killed before its clean-up
            shutil.rmtree(stale, ignore_errors=True)
        if cache:
            return _build(list(paths), out, out / CACHE_DIRNAME, jobs, progress, on_error, on_skip, write, html, pages,
                          engine, explorer)
        scratch = out / f".citegraph-nocache-{os.getpid()}"
        try:
            return _build(list(paths), out, scratch, jobs, progress, on_error, on_skip, write, html, pages, engine,
                          explorer)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def _build(paths, out_dir, cache_dir, jobs, progress, on_error, on_skip, write, html, pages, engine=None,
           explorer=None) -> Corpus:
    from . import reading  # noqa: F401 -- loaded before the processes fork: they make the reading pages

    with contextlib.ExitStack() as stack:
        if engine is not None:  # the read-and-extract stage on a Dask cluster (graph/engine.py)
            workers = None
            corpus = engine.read_corpus(paths, cache_dir, out_dir, progress=progress, on_error=on_error,
                                        on_skip=on_skip)
        else:
            # forked now, while this process is small; open until the reading pages are made
            workers = stack.enter_context(Workers(jobs, died=_died))
            corpus = read_corpus(paths, cache_dir=cache_dir, progress=progress, on_error=on_error, on_skip=on_skip,
                                 texts=False, workers=workers)
        # the graph, its files and pages made with the collector paused: the graph's objects (a dict per node
        # and per edge, their values) are acyclic, and every full collection walked them all again
        stack.enter_context(_collector_paused())
        return _graph_and_files(corpus, paths, out_dir, cache_dir, jobs, progress, write, html, pages, explorer,
                                workers)


def _graph_and_files(corpus: Corpus, paths, out_dir, cache_dir, jobs, progress, write, html, pages, explorer,
                     workers: Optional[Workers]) -> Corpus:
    """The graph of a corpus read, its measures and layout, and (with ``out_dir`` and ``write``) its files
    and reading pages (made by ``workers``, the build's processes, while the files are written here)."""
    from .build import clean_references, graph_tables, to_networkx
    from .explorer import add_layout, write_explorer
    from .export import FILES, write_all, write_readme
    from .measures import add_measures
    from .reading import kept_pages, pages_digest, record_pages, start_pages

    t0 = time.perf_counter()
    corpus.timings["reading"] = corpus.seconds
    corpus.root = input_root(paths)
    writing = out_dir is not None and write and bool(corpus.documents)
    _relative_files(corpus, corpus.root)
    _give_back()
    corpus.reference_table = clean_references(corpus.reference_table)
    _give_back()
    graph = _KeptGraph(cache_dir if writing else None, corpus.documents, corpus.facts, corpus.reference_table)
    kept_graph = graph.kept()
    if kept_graph is not None:  # the last build's, made from the same inputs
        corpus.tables, corpus.graph = kept_graph
    else:
        corpus.tables = graph_tables(corpus.documents, corpus.facts, corpus.reference_table)
        _give_back()
        corpus.graph = to_networkx(corpus.tables)
        _give_back()
        corpus.graph = add_measures(corpus.graph, scores=kept_measures(cache_dir if writing else None,
                                                                        corpus.tables.edges))
    if writing and kept_graph is None:
        # the explorer's overview positions, for the page and GEXF alike; kept from the last build
        add_layout(corpus.graph, layout=kept_layout(cache_dir))
        graph.record(corpus.tables, corpus.graph)
    _give_back()
    t1 = time.perf_counter()
    corpus.timings["building"] = t1 - t0
    if writing:
        html_options = None if explorer is None else {k: explorer.get(k) for k in ("focus", "depth", "max_nodes")}
        outputs = _KeptOutputs(cache_dir, out_dir, graph.digest, (html, pages, html_options))
        kept = outputs.kept()
        pages_key = pages_digest(outputs.digest, corpus.documents, corpus.keys) if pages else None
        # the graph's files and every document's text as the last build had them, its docs/ as it left it:
        # the reading pages stand; no page task is made
        corpus.pages = kept_pages(out_dir, cache_dir, pages_key) if kept is not None else None
        # else the reading pages are made in other processes while the graph's files are written here; their
        # texts come from the store
        # the documents whose page is made of what it was made of in the last build (the same graph,
        # references and options; the same text): their pages are linked with no digest made again
        unchanged = _unchanged_texts(cache_dir, outputs.digest, out_dir, corpus.documents, corpus.keys) \
            if pages and corpus.pages is None and kept_graph is not None else frozenset()
        job = start_pages(corpus.graph, corpus.documents, corpus.reference_table, out_dir, jobs=jobs,
                          keys=corpus.keys, store=(str(cache_dir), tool_version()),
                          workers=workers, unchanged=unchanged) if pages and corpus.pages is None else None
        _give_back()  # what making the page tasks took
        try:
            if kept is None:
                written = write_all(corpus.graph, corpus.reference_table, out_dir, html=html and explorer is None,
                                    progress=progress and corpus.graph.number_of_nodes() >= 2000, pages=pages,
                                    edges=corpus.tables.edges)
                if explorer is not None:
                    corpus.drawn = write_explorer(corpus.graph, out_dir / "graph.html", focus=html_options["focus"],
                                                  depth=html_options["depth"] or 1,
                                                  max_nodes=html_options["max_nodes"], pages=pages)
                    written = [*written, "graph.html"]
            else:
                corpus.outputs_kept = True
                corpus.drawn = None if kept.get("drawn") is None else {**kept["drawn"],
                                                                       "path": str(out_dir / "graph.html")}
        except BaseException:
            if job is not None:
                job.cancel()
            raise
        if job is not None:
            corpus.pages = job.wait()
            record_pages(out_dir, cache_dir, pages_key, corpus.pages)
            _record_texts(cache_dir, outputs.digest, out_dir, corpus.documents, corpus.keys)
        write_readme(out_dir)  # every output folder says what its files are, a kept build's too
        if kept is None:
            outputs.record([n for n in FILES if n in written],
                           None if corpus.drawn is None else {k: v for k, v in corpus.drawn.items() if k != "path"})
    corpus.timings["writing"] = time.perf_counter() - t1
    corpus.seconds += time.perf_counter() - t0
    return corpus
