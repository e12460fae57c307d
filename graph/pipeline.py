"""Read a corpus into documents and references: cached, in parallel, with progress.

This is the I/O edge of the graph side. :func:`read_corpus` runs small stages:
list the files (``ingest.iter_paths``), pass one (read and extract each file:
``ingest.read_document``, ``ingest.extract``), the corpus alias table, pass two
(extract again where it may change something), collect; it returns a
:class:`Corpus`. :func:`build` adds the graph (``graph.build.build_graph``) and
writes the files (``graph.export.write_all``). What a stage gives back for one
file is a small dataclass: :class:`Extracted` or :class:`Failed` (pass one),
:class:`Reextracted`, :class:`Unchanged` or :class:`Failed` (pass two).

* **Store** (:class:`graph.store.Store`, SQLite and Parquet in ``cache_dir``; nothing is
  unpickled). Each file's :class:`Extracted` is kept keyed by the SHA-256 of its name and
  bytes (:func:`graph.files.file_key`) and :func:`graph.files.tool_version` (the code of the
  reading step, ``ingest`` and this module among it, and the reader libraries' versions), so a
  changed file or a changed extractor is read again and nothing else is; the path is data (the
  same corpus given by another path is not read again). An entry that cannot be loaded is a
  miss (logged on ``citegraph.store``). Entries no build used in a few builds are removed.
* **Parallel.** Files not in the store are read in a
  :class:`concurrent.futures.ProcessPoolExecutor` (``jobs`` processes,
  default: all cores); results come back in file order, so the output does not
  depend on scheduling. Each worker ends with its parent, even one killed with
  ``kill -9`` (:func:`graph.files.watch_parent`).
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
* **Described documents.** ``texts=False`` (``citegraph extract``) sends each document
  back without its paragraphs, and ``encode`` turns its references into the caller's
  output (JSON lines) in the reading process: less to pickle, and that work on all cores
  too. Where learned names may change a document, it is read again from its file.
* **One document, one reading.** The same document in several files (``A_79_62.docx`` and
  ``A_79_62.txt``, a PDF and its Word twin, ``A_RES_78_132-EN.pdf`` and ``-FR.pdf``: one key,
  :func:`ingest.document_key`, or for files with no symbol one folder and name) is read from one
  of them (:func:`one_per_document`, after pass one: English first, then Word, PDF, Markdown,
  text), its citations counted once; ``on_skip`` gets one line saying which file was used, and
  the document's ``language`` lists every version's.
* **Progress.** A tqdm bar on stderr for 20 files or more, when stderr is a terminal.

Where things go: how the items of a pass are spread over workers is :func:`_run` alone
(a process pool today); how an entry is stored is :class:`graph.store.Store`; what one
file gives is :class:`Extracted`. The whole corpus is held in memory between the passes.

Not supported: watching files, sharing a cache between machines, streaming documents
through without holding them all.
"""
from __future__ import annotations

import concurrent.futures as cf
import contextlib
import dataclasses
import functools
import gc
import hashlib
import os
import pathlib
import pickle
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional, Sequence, Union

import networkx as nx
from tqdm import tqdm

import ingest
from ingest import Document, ReadError, Reference

from .build import build_graph
from .explorer import add_layout
from .measures import add_measures
from .export import write_all
from .files import CACHE_DIRNAME, output_lock, remove_stale_temporaries, watch_parent
from .store import Store
from .reading import start_pages

__all__ = ["Corpus", "read_corpus", "build", "input_root", "one_per_document", "FORMAT_PREFERENCE", "Extracted",
           "Reextracted", "Unchanged", "Failed", "Superseded"]

PathLike = Union[str, os.PathLike]


@dataclass
class Corpus:
    """What :func:`read_corpus` read: documents and references in file order, plus counts."""

    documents: list[Document] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    encoded: list = field(default_factory=list)  # with read_corpus(encode=...): per document read, in order
    errors: list[str] = field(default_factory=list)  # one line per file that failed
    skipped: list[str] = field(default_factory=list)  # files of unknown type, or not regular files
    versions: list[str] = field(default_factory=list)  # one line per document read from several files
    files: int = 0
    read: int = 0  # read and extracted in this run
    cached: int = 0  # taken from the cache
    seconds: float = 0.0
    graph: Optional[nx.DiGraph] = None  # set by build()
    root: Optional[pathlib.Path] = None  # set by build(): the folder the documents' file names are relative to
    pages: Optional[dict] = None  # set by build(): what graph.reading.write_pages wrote
    #: seconds by stage, set by build(): "reading" (read and extract, cache included), "building"
    #: (graph, measures, layout), "writing" (the files and the reading pages)
    timings: dict = field(default_factory=dict)

    @property
    def failed(self) -> int:
        return len(self.errors)


# --------------------------------------------------------------------------- what a stage gives back

@dataclass(frozen=True)
class Extracted:
    """Pass one for one file (what the cache keeps): the document (whole, or described only),
    its references (a list of :class:`~ingest.model.Reference`, or what ``encode`` made of
    them) and the names its footnotes teach (``ingest.Alias``), for the corpus table."""

    document: Document
    references: Any
    taught: tuple = ()


@dataclass(frozen=True)
class Reextracted:
    """Pass two for one document: its references under the corpus alias table."""

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

def _one_line(path: str, err: BaseException) -> str:
    if isinstance(err, ReadError):
        return str(err).splitlines()[0] if str(err) else f"{ingest.shown_path(path)}: unreadable"
    msg = ingest.shown_path(" ".join(str(err).split())[:200])
    return f"{ingest.shown_path(path)}: extractor failed: {type(err).__name__}: {msg}"


def _read_extract(path: str, texts: bool = True, encode: Optional[Callable] = None) -> Union[Extracted, Failed]:
    """Read one file and extract it with the curated names (plus those it teaches itself);
    also keep the names it teaches, for the corpus table. Without ``texts`` the document
    comes back described only (:func:`_described`); with ``encode``, its references come
    back as ``encode(references)``."""
    try:
        doc = ingest.read_document(path)
        first = ingest.first_pass(doc)
        refs = first.references
        return Extracted(doc if texts else _described(doc), encode(refs) if encode else refs, first.taught)
    except Exception as err:
        return Failed(_one_line(path, err))


def _described(doc: Document) -> Document:
    """The document without its paragraphs and footnotes: what it is (file, symbol, title,
    date, body, session ...), not what it says."""
    return dataclasses.replace(doc, paragraphs=(), unplaced_footnotes=())


_ALIASES: Any = None


def _set_aliases(aliases: Any) -> None:
    global _ALIASES
    _ALIASES = aliases


def _extract_again(item: tuple[Document, Optional[list[Reference]]], encode: Optional[Callable] = None
                   ) -> Union[Reextracted, Unchanged, Failed]:
    """Extract a document again under the corpus alias table; its explicit references stand.
    A described document (``texts=False``) is read again from its file, and is
    :class:`Unchanged` when no learned name may occur in it. With ``encode`` the first
    references are encoded ones, so the explicit references are found again."""
    doc, refs = item
    try:
        explicit = None if encode else [r for r in refs if r.kind == "explicit"]
        if not doc.paragraphs and doc.file:
            doc = ingest.read_document(doc.file)
            if not ingest.may_change(_ALIASES, doc):
                return Unchanged()
        again = ingest.second_pass(doc, _ALIASES, explicit)
        return Reextracted(encode(again) if encode else again)
    except Exception as err:
        return Failed(_one_line(doc.file, err))


def _aliases_digest(aliases: Any) -> str:
    """A digest of the alias table: the repr of a dataclass (its fields only, not cached
    helpers), else its pickle."""
    if aliases is None:
        return "none"
    if dataclasses.is_dataclass(aliases):
        data = repr(aliases).encode("utf-8")
    else:
        data = pickle.dumps(aliases, protocol=4)
    return hashlib.sha256(data).hexdigest()[:16]


# --------------------------------------------------------------------------- processes

def _run(fn: Callable, items: Sequence, jobs: int, bar: tqdm, aliases: Any = None) -> list:
    """``[fn(x) for x in items]``, across ``jobs`` processes when worth it, in order. When a
    process dies (a crash in native code), the items left are run one process each, so only
    the culprit is :class:`Failed`."""
    if not items:
        return []
    if jobs <= 1 or len(items) < 4:
        _set_aliases(aliases)
        out = []
        for x in items:
            out.append(fn(x))
            bar.update(1)
        return out
    workers = min(jobs, len(items))
    chunk = max(1, min(16, len(items) // (workers * 8)))
    out = []
    try:
        with cf.ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(aliases,)) as pool:
            for r in pool.map(fn, items, chunksize=chunk):
                out.append(r)
                bar.update(1)
    except cf.process.BrokenProcessPool:
        for x in items[len(out):]:
            out.append(_isolated(fn, x, aliases))
            bar.update(1)
    return out


def _isolated(fn: Callable, x: Any, aliases: Any) -> Any:
    """``fn(x)`` in a process of its own; :class:`Failed` if that process dies."""
    try:
        with cf.ProcessPoolExecutor(max_workers=1, initializer=_start_worker, initargs=(aliases,)) as pool:
            return pool.submit(fn, x).result()
    except cf.process.BrokenProcessPool:
        name = x if isinstance(x, str) else getattr(x, "file", repr(x))
        return Failed(f"{ingest.shown_path(name)}: the reading process died")


def _start_worker(aliases: Any) -> None:
    """A reading process: it ends with its parent (:func:`graph.files.watch_parent`) and holds the corpus table."""
    watch_parent()
    _set_aliases(aliases)


# --------------------------------------------------------------------------- the corpus

def read_corpus(paths: Iterable[PathLike], cache_dir: Optional[PathLike] = None, jobs: Optional[int] = None,
                progress: bool = True, on_error: Optional[Callable[[str], None]] = None,
                on_skip: Optional[Callable[[str], None]] = None,
                learn_aliases: Union[Callable[[list[Document]], Any], None, str] = "auto",
                texts: bool = True, encode: Optional[Callable[[list[Reference]], Any]] = None,
                one_document: bool = True) -> Corpus:
    """Read and extract every document under ``paths`` (files or folders).

    ``cache_dir`` None disables the cache. ``learn_aliases="auto"`` learns the
    corpus alias table with ``ingest.learn_names``; a function of the documents may
    give another table; None extracts with the curated names only.
    ``texts=False`` keeps each document described only (symbol, title, date, body ...;
    no paragraphs), for callers that need the references alone (``citegraph extract``):
    the texts then never travel back from the reading processes, which makes a run on
    several cores about a tenth faster. The references are the same.
    ``encode`` (a module-level function of one document's references, with ``texts=False``
    and no cache) is applied in the reading processes: ``Corpus.encoded`` then holds its
    result for each document read, in file order, and ``Corpus.references`` stays empty
    (``citegraph extract`` writes its JSON lines so, on all cores).

    ``one_document`` (the default) reads a document held by several files from one of them
    (:func:`one_per_document`); False reads every file.

    Raises :class:`ValueError` for ``encode`` with texts or a cache, and for a custom
    ``learn_aliases`` without texts.
    """
    if not texts and learn_aliases not in ("auto", None):
        raise ValueError("a custom learn_aliases needs the documents' texts (texts=True)")
    if encode is not None and (texts or cache_dir is not None):
        raise ValueError("encode works with texts=False and no cache")
    with _collector_paused():
        return _read_corpus(paths, cache_dir, jobs, progress, on_error, on_skip, learn_aliases, texts, encode,
                            one_document)


@contextlib.contextmanager
def _collector_paused():
    """Pause Python's cycle collector while a corpus is read: the documents and references that
    pile up are acyclic, yet each full collection walks them all again (measured: a build of
    the shared corpus takes about 15% longer with it running). Reference counting still frees
    everything; the collector resumes afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _read_corpus(paths, cache_dir, jobs, progress, on_error, on_skip, learn_aliases, texts, encode,
                 one_document=True) -> Corpus:
    """The stages: list the files, pass one, the corpus table, pass two, collect."""
    t0 = time.perf_counter()
    corpus = Corpus()
    files = _list_files(paths, corpus, on_skip)
    jobs = max(1, jobs or os.cpu_count() or 1)
    with Store(cache_dir) as store:
        keys = store.keys(files)
        bar = tqdm(total=len(files), desc="reading", unit="file", file=sys.stderr,
                   disable=(not progress) or (len(files) < 20 or None), leave=False)
        try:
            results = _first_pass(files, keys, store, jobs, bar, texts, encode, corpus)
            if one_document:
                _one_per_document(results, corpus, on_skip)
            if learn_aliases is not None:
                aliases = _corpus_table(learn_aliases, results, on_error)
                if aliases is not None:
                    _second_pass(aliases, results, files, keys, store, jobs, bar, encode)
        finally:
            bar.close()
    _collect(results, corpus, encode, on_error)
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


def _first_pass(files: list[pathlib.Path], keys: list[Optional[str]], store: Store, jobs: int, bar: tqdm,
                texts: bool, encode: Optional[Callable], corpus: Corpus) -> list[Union[Extracted, Failed]]:
    """Pass one: each file from the store, else read and extracted with the curated names
    (plus those it teaches itself); counts ``corpus.read`` and ``corpus.cached``."""
    results: list[Union[Extracted, Failed, None]] = [None] * len(files)
    todo = []
    # a described document never answers for a whole one
    for i, hit in enumerate(store.get_pass_one(keys, [str(f) for f in files], whole=texts)):
        if hit is not None:
            doc = hit.document if texts else _described(hit.document)
            results[i] = Extracted(doc, encode(hit.references) if encode else hit.references, hit.taught)
            corpus.cached += 1
            bar.update(1)
        else:
            todo.append(i)
    reader = _read_extract if texts else functools.partial(_read_extract, texts=False, encode=encode)
    for i, r in zip(todo, _run(reader, [str(files[i]) for i in todo], jobs, bar)):
        results[i] = r
        if isinstance(r, Extracted):
            store.put("pass1", keys[i], str(files[i]), r.references, document=r.document, taught=r.taught, whole=texts)
    corpus.read = len(todo)
    return results


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


def _one_per_document(results: list, corpus: Corpus, on_skip: Optional[Callable[[str], None]]) -> None:
    """Replace, in ``results``, each file whose document another file holds too by :class:`Superseded`;
    the file used gets every version's language; one line a document to ``on_skip``."""
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
        msg = " ".join(str(err).split())[:200]
        if on_error:
            on_error(f"learning aliases failed ({type(err).__name__}: {msg}); extracting without them")
        return None


def _second_pass(aliases: Any, results: list, files: list[pathlib.Path], keys: list[Optional[str]], store: Store,
                 jobs: int, bar: tqdm, encode: Optional[Callable] = None) -> None:
    """Pass two: replace the references of each :class:`Extracted` result in ``results`` by
    those under ``aliases``, in place.

    Under a table of the curated names plus learned ones, only the documents where a
    learned name may occur can change (``ingest.may_change``); any other table
    extracts every document again. References are stored per file and table digest."""
    if ingest.changes_nothing(aliases):
        return
    kind = f"refs-{_aliases_digest(aliases)}"
    candidates = []
    for i, r in enumerate(results):
        if not isinstance(r, Extracted):
            continue
        if not ingest.may_change(aliases, r.document):
            continue  # (a described document may: it is tested where it is read again)
        candidates.append(i)
    hits = store.get_references(kind, [keys[i] for i in candidates], [str(files[i]) for i in candidates])
    todo = []
    for i, hit in zip(candidates, hits):
        if hit is not None:
            results[i] = dataclasses.replace(results[i], references=hit)
        else:
            todo.append(i)
    bar.total += len(todo)
    bar.refresh()
    again = functools.partial(_extract_again, encode=encode) if encode else _extract_again
    items = [(results[i].document, None if encode else results[i].references) for i in todo]
    for i, r in zip(todo, _run(again, items, jobs, bar, aliases)):
        if isinstance(r, Failed):
            results[i] = r
            continue
        if isinstance(r, Reextracted):
            results[i] = dataclasses.replace(results[i], references=r.references)
        store.put(kind, keys[i], str(files[i]), results[i].references)


def _collect(results: list, corpus: Corpus, encode: Optional[Callable], on_error: Optional[Callable[[str], None]]
             ) -> None:
    """Documents and references (or encoded references) in file order; one error line a failed file."""
    for r in results:
        if isinstance(r, Superseded):
            continue
        if isinstance(r, Extracted):
            corpus.documents.append(r.document)
            if encode:
                corpus.encoded.append(r.references)
            else:
                corpus.references.extend(r.references)
        else:
            corpus.errors.append(r.message)
            if on_error:
                on_error(r.message)


def input_root(paths: Iterable[PathLike]) -> pathlib.Path:
    """The folder a build's file names are relative to: the folder given, the folder of the
    file given, or the deepest folder holding all the paths given (``text/`` and ``pdf/a.pdf``
    -> their common parent).
    """
    folders = [p if p.is_dir() else p.parent for p in (pathlib.Path(x).resolve() for x in paths)]
    if not folders:
        return pathlib.Path.cwd()
    return pathlib.Path(os.path.commonpath(folders)) if len(folders) > 1 else folders[0]


def _relative_files(root: pathlib.Path, documents: list[Document], references: list[Reference]
                    ) -> tuple[list[Document], list[Reference]]:
    """Documents and references whose ``file`` is relative to ``root`` in POSIX form
    (``A_RES_79_194.md``, ``pdf/A_80_95.pdf``), and so is a reference's ``source`` when it is the
    file (a document with no symbol): no machine path in what a build writes."""
    names: dict[str, str] = {}

    def rel(f: str) -> str:
        name = names.get(f)
        if name is None:
            try:
                name = pathlib.Path(f).resolve().relative_to(root).as_posix()
            except ValueError:  # not under root (a symlink out of it): its name alone
                name = pathlib.Path(f).name
            names[f] = name
        return name

    docs = [d if not d.file else _with_file(d, rel(d.file)) for d in documents]
    refs = [r if not r.file else _with_file(r, rel(r.file)) for r in references]
    for old, r in zip(references, refs):
        if old.file and old.source.startswith(ingest.NO_SYMBOL):
            # a document with no symbol is known by its file's name: its path relative to the input
            r.__dict__["source"] = ingest.NO_SYMBOL + r.file
    return docs, refs


def _with_file(obj: Any, name: str) -> Any:
    """``dataclasses.replace(obj, file=name)`` for the frozen model classes, a tenth of its cost
    (their fields are plain values in ``__dict__``): 40,000 references in 0.05 s."""
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    new.__dict__["file"] = name
    return new


def build(paths: Iterable[PathLike], out_dir: Optional[PathLike] = None, cache: bool = True, jobs: Optional[int] = None,
          progress: bool = True, on_error: Optional[Callable[[str], None]] = None,
          on_skip: Optional[Callable[[str], None]] = None, write: bool = True, html: bool = True,
          pages: bool = True, wait: bool = True, on_wait: Optional[Callable[[str], None]] = None) -> Corpus:
    """Read ``paths``, build the graph and (with ``out_dir`` and ``write``) write every export.

    The store lives in ``out_dir/.citegraph-cache`` (none without ``out_dir``
    or with ``cache=False``). Returns the :class:`Corpus` with ``graph`` and ``root`` set;
    its documents' and references' ``file`` are relative to ``root`` (:func:`input_root`),
    so no machine path reaches the graph, the CSV files or the page. ``pages`` also writes a
    reading page per corpus document (``out_dir/docs/``, :func:`graph.reading.write_pages`,
    made in other processes while the graph's files are written) and sets ``pages``.

    With ``out_dir``, the build holds the folder's lock (:func:`graph.files.output_lock`): a
    build already writing there makes this one wait (``wait``; ``on_wait`` gets one line) or
    raise :class:`graph.files.OutputLocked`. Temporary files a killed build left are removed
    first.
    """
    if out_dir is None:
        return _build(list(paths), None, cache, jobs, progress, on_error, on_skip, write, html, pages)
    with output_lock(out_dir, wait=wait, on_wait=on_wait):
        remove_stale_temporaries(out_dir)
        return _build(list(paths), out_dir, cache, jobs, progress, on_error, on_skip, write, html, pages)


def _build(paths, out_dir, cache, jobs, progress, on_error, on_skip, write, html, pages) -> Corpus:
    cache_dir = pathlib.Path(out_dir) / CACHE_DIRNAME if (out_dir is not None and cache) else None
    corpus = read_corpus(paths, cache_dir=cache_dir, jobs=jobs, progress=progress, on_error=on_error, on_skip=on_skip)
    t0 = time.perf_counter()
    corpus.timings["reading"] = corpus.seconds
    corpus.root = input_root(paths)
    with _collector_paused():
        corpus.documents, corpus.references = _relative_files(corpus.root, corpus.documents, corpus.references)
    corpus.graph = add_measures(build_graph(corpus.documents, corpus.references))
    if out_dir is not None and write and corpus.documents:
        add_layout(corpus.graph)  # the explorer's overview positions, for the page and GEXF alike
    t1 = time.perf_counter()
    corpus.timings["building"] = t1 - t0
    if out_dir is not None and write and corpus.documents:
        # the reading pages are made in other processes while the graph's files are written here
        job = start_pages(corpus.graph, corpus.documents, corpus.references, out_dir,
                          jobs=max(1, jobs - 1) if jobs else None) if pages else None
        try:
            write_all(corpus.graph, corpus.references, out_dir, html=html,
                      progress=progress and corpus.graph.number_of_nodes() >= 2000, pages=pages)
        except BaseException:
            if job is not None:
                job.cancel()
            raise
        if job is not None:
            corpus.pages = job.wait()
    corpus.timings["writing"] = time.perf_counter() - t1
    corpus.seconds += time.perf_counter() - t0
    return corpus
