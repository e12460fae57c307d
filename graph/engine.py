"""The read-and-extract stage on a Dask cluster: ``citegraph build --engine dask`` or ``--scheduler ADDRESS``.

A build reads and extracts each file (pass one), learns the corpus's names, and extracts again
where a learned name may occur (pass two); :mod:`graph.pipeline` does that in processes of this
machine. :class:`DaskEngine` does the same stages on a ``dask.distributed`` cluster (an existing
scheduler, or a :class:`distributed.LocalCluster` it starts), and hands back the same
:class:`graph.pipeline.Corpus`, so the graph, the measures and every file are made as before
(``graph.build.graph_tables``, ``graph.export.write_all``): the engine changes only how the tables
are made. The same input gives the same build folder, byte for byte.

* **Inputs reach the workers as bytes sent by the client.** Workers on another machine do not see
  the client's paths, so the client reads each file and sends its bytes with the task
  (:data:`FILES_PER_TASK` files or :data:`BYTES_PER_TASK` bytes a task, at most a few tasks per
  worker thread in flight, so the client never holds the corpus). The bytes are part of the task, not
  scattered data: the scheduler can run the task again elsewhere when its worker dies (scattered
  data would die with the worker). A worker writes them to a
  private temporary folder under the file's own name (the name counts: a symbol or a language may
  come from it), reads it there, and gives every value made of the path (the document's and
  references' ``file``, a ``source`` or ``target`` that was the path, a learned name's
  ``learned_from``) the client's path, as :mod:`graph.store` does for a moved file. A file the
  client cannot open is read by the client itself, which gives the local engine's one-line error.
* **Results are partitioned Parquet made by the workers.** Each task returns its partition as
  Parquet files, which the client writes under ``OUT/.citegraph-parts/``, every path in them relative
  to the build's input as the store keeps it (:meth:`graph.store.Store.name`: no machine path) (:data:`PARTS_DIRNAME`;
  the folder is emptied at the start of each Dask build and describes the files read on the
  cluster in that build; the store, ``OUT/.citegraph-cache/``, keeps what earlier builds read):

  - ``documents/part-NNNNN.parquet``: one row per file: ``doc`` (the file's index in the build),
    ``file``, ``document`` (JSON, described: no paragraphs), ``facts`` (JSON,
    ``graph.build.document_facts``), ``error`` (the one-line error, else null);
  - ``references/part-NNNNN.parquet``: pass one's references, the columns of
    :data:`graph.store.TABLE_SCHEMA` and ``doc``;
  - ``names/part-NNNNN.parquet``: the names each document's footnotes teach, one row per name
    (``doc`` and the fields of :class:`ingest.Alias`);
  - ``references-2/part-NNNNN.parquet``: pass two's references of the documents a learned name
    changed (``doc`` and :data:`graph.store.TABLE_SCHEMA`).

  Each document's text and search text come back compressed with its partition and go to the
  store (the reading pages and later builds read them there), never into the Parquet parts.
* **The learned names are a reduction over the partitions**: the ``names`` tables in file order,
  folded by ``ingest.learn_names`` (the first document to teach a name is its source, a name
  taught for two targets is dropped), without the files another file of the same document
  supersedes (:func:`graph.pipeline.one_per_document`, decided on the client from the
  ``documents`` tables). The table is sent to every worker once (``scatter``, broadcast).
* **The store works as with the local engine**: files whose content the store knows are not sent;
  what the cluster read is stored, so the next build (either engine) reads only what changed.
* **Errors**: a file that cannot be read is its one-line error, as with the local engine. A task
  whose worker died (a crash in native code: ``KilledWorker``) is sent again one file a task, so
  only the culprit fails ("the reading process died"). A worker running other citegraph code (its
  :func:`graph.files.tool_version` differs) stops the build with one line: its results would not
  be the ones this code gives.

Not supported: workers that cannot import this version of citegraph (install the same version on
every worker: ``pip install 'citegraph[dask]'``); the reading pages and the graph on the cluster
(they are made on the client, from the tables).
"""
from __future__ import annotations

import collections
import dataclasses
import itertools
import json
import os
import pathlib
import resource
import shutil
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

import ingest
from ingest import Alias, CitegraphError

from . import pipeline
from .build import reference_marks
from .files import atomic_file, tool_version
from .pipeline import Corpus, Extracted, Failed, Reextracted, Unchanged
from .store import (TABLE_SCHEMA, Store, StoreReader, _renamed, blob_paragraphs, blob_search, columns_table,
                    document_json, json_document, reference_columns)

__all__ = ["DaskEngine", "EngineError", "Batch", "PARTS_DIRNAME", "FILES_PER_TASK", "BYTES_PER_TASK", "DOCUMENTS_SCHEMA",
           "NAMES_SCHEMA", "REFERENCES_SCHEMA", "read_part", "extract_again_part"]

#: Where a Dask build writes its partitions, under the output folder.
PARTS_DIRNAME = ".citegraph-parts"
#: At most this many files in one task ...
FILES_PER_TASK = 32
#: ... and at most this many bytes of them (a bigger file is a task of its own).
BYTES_PER_TASK = 8 * 2**20
#: Tasks in flight per worker thread (the client reads the next files while the cluster works).
IN_FLIGHT = 3

#: ``documents/``: one row per file of a partition.
DOCUMENTS_SCHEMA = pa.schema([pa.field("doc", pa.int32()), pa.field("file", pa.string()),
                              pa.field("document", pa.string()), pa.field("facts", pa.string()),
                              pa.field("error", pa.string())])
#: ``names/``: one row per name a document teaches (the fields of :class:`ingest.Alias`).
NAMES_SCHEMA = pa.schema([pa.field("doc", pa.int32()),
                          *(pa.field(f.name, pa.string()) for f in dataclasses.fields(Alias))])
#: ``references/`` and ``references-2/``: :data:`graph.store.TABLE_SCHEMA` and ``doc``.
REFERENCES_SCHEMA = pa.schema([*TABLE_SCHEMA, pa.field("doc", pa.int32())])


class EngineError(CitegraphError):
    """The cluster cannot do the build (unreachable, other code on a worker): one line."""


# --------------------------------------------------------------------------- tasks (run on the workers)

@dataclass(frozen=True)
class Batch:
    """What one task carries: ``items`` of ``(doc, path, data)`` (``data`` the file's bytes; None:
    read ``path`` where the task runs), the partition's number, and for pass two the table's digest."""

    part: int
    items: tuple
    digest: str = ""


def _parquet(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def _table(data: bytes, schema: pa.Schema) -> pa.Table:
    return pq.read_table(pa.BufferReader(data)).cast(schema)


def _worker_figures(t0: float) -> dict:
    """CPU seconds of this task and the worker process's peak resident size (bytes)."""
    return {"tool": tool_version(), "cpu": time.process_time() - t0, "pid": os.getpid(),
            "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def _moved(value: Optional[str], old: str, new: str) -> Optional[str]:
    return new if value == old else value


def _at_path(r: Extracted, old: str, new: str) -> Extracted:
    """``r`` read from ``old`` as if read from ``new``: the values made of the path (the rule of
    :func:`graph.store._moved` and ``_with_paths``)."""
    if old == new:
        return r
    doc = dataclasses.replace(r.document, file=new) if r.document.file == old else r.document
    taught = tuple(dataclasses.replace(a, learned_from=new + a.learned_from[len(old):])
                   if a.learned_from and a.learned_from.startswith(old + ",") else a for a in r.taught)
    cols = dict(r.references)
    for name in ("file", "source", "target"):
        cols[name] = [_moved(v, old, new) for v in cols[name]]
    return dataclasses.replace(r, document=doc, taught=taught, references=cols)


def _failed_at(r: Failed, old: str, new: str) -> Failed:
    return r if old == new else Failed(r.message.replace(ingest.shown_path(old), ingest.shown_path(new)))


def read_part(batch: Batch) -> dict:
    """Pass one of a partition, on a worker: each file read (from its bytes, in a private
    temporary folder) and extracted as :func:`graph.pipeline._read_extract` does; returns the
    partition's Parquet files (``documents``, ``references``, ``names``: bytes), each document's
    compressed texts (``texts``: ``{doc: (text, search)}``), and the worker's figures (tool
    version, CPU seconds, peak RSS)."""
    t0 = time.process_time()
    docs: dict[str, list] = {name: [] for name in DOCUMENTS_SCHEMA.names}
    names: dict[str, list] = {name: [] for name in NAMES_SCHEMA.names}
    refs: dict[str, list] = {name: [] for name in REFERENCES_SCHEMA.names}
    texts = {}
    root = tempfile.mkdtemp(prefix="citegraph-part-")
    try:
        for n, (i, path, data) in enumerate(batch.items):
            local = path
            if data is not None:
                folder = os.path.join(root, str(n))
                os.mkdir(folder)
                local = os.path.join(folder, pathlib.PurePath(path).name)
                with open(local, "wb") as f:
                    f.write(data)
            r = pipeline._read_extract(local, texts=False, blobs=True)
            if local != path:
                os.unlink(local)
            docs["doc"].append(i)
            docs["file"].append(path)
            if isinstance(r, Failed):
                docs["document"].append(None)
                docs["facts"].append(None)
                docs["error"].append(_failed_at(r, local, path).message)
                continue
            r = _at_path(r, local, path)
            docs["document"].append(document_json(r.document))
            docs["facts"].append(json.dumps(r.facts, ensure_ascii=False))
            docs["error"].append(None)
            for a in r.taught:
                names["doc"].append(i)
                for f in dataclasses.fields(Alias):
                    names[f.name].append(getattr(a, f.name))
            count = len(r.references["source"])
            for name in TABLE_SCHEMA.names:
                refs[name].extend(r.references[name])
            refs["doc"].extend([i] * count)
            texts[i] = (r.text, r.search)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return {"part": batch.part, "documents": _parquet(pa.table(docs, schema=DOCUMENTS_SCHEMA)),
            "names": _parquet(pa.table(names, schema=NAMES_SCHEMA)),
            "references": _parquet(columns_table(refs, REFERENCES_SCHEMA)), "texts": texts, **_worker_figures(t0)}


def extract_again_part(batch: Batch, aliases: Any) -> dict:
    """Pass two of a partition, on a worker: ``items`` are ``(doc, path, (document JSON, text blob,
    search blob))`` as the store keeps them; each document is extracted again under ``aliases``
    (:func:`graph.pipeline._extract_again`: a document where no learned name may occur, tested on
    its search text first, is unchanged). Returns ``status`` (``{doc: "same" | "new" | error
    line}``), the new references (``references``: Parquet bytes) and the worker's figures."""
    t0 = time.process_time()
    payload = (batch.digest, aliases, None)
    refs: dict[str, list] = {name: [] for name in REFERENCES_SCHEMA.names}
    status = {}
    for i, path, (document, text, search) in batch.items:
        try:
            if search is not None and not ingest.may_change(aliases, pipeline._searched(blob_search(search))):
                status[i] = "same"
                continue
            doc = dataclasses.replace(json_document(document, *blob_paragraphs(text)), file=path)
        except Exception as err:  # a damaged blob: what the local engine says of an unreadable text
            status[i] = pipeline._one_line(path, err)
            continue
        r = pipeline._extract_again((path, None, doc), payload)
        if isinstance(r, Failed):
            status[i] = r.message
        elif isinstance(r, Unchanged):
            status[i] = "same"
        else:
            status[i] = "new"
            for name in TABLE_SCHEMA.names:
                refs[name].extend(r.references[name])
            refs["doc"].extend([i] * len(r.references["source"]))
    return {"part": batch.part, "status": status, "references": _parquet(columns_table(refs, REFERENCES_SCHEMA)),
            **_worker_figures(t0)}


# --------------------------------------------------------------------------- the client

class DaskEngine:
    """Pass one and pass two of a build on a Dask cluster (a context manager: the client, and the
    local cluster it started, close at the end).

    ``scheduler``: the address of an existing ``dask.distributed`` scheduler
    (``tcp://10.0.0.5:8786``); None starts a :class:`distributed.LocalCluster` of ``workers``
    processes (default: all cores) of ``threads`` threads each (default 1: the extractor is pure
    Python, one core a process). ``figures`` gathers, after a build, the workers' CPU seconds,
    tasks and peak resident sizes (``benchmarks/bench_dask.py``).

    Raises :class:`EngineError` when ``dask.distributed`` is missing or the scheduler cannot be
    reached.
    """

    def __init__(self, scheduler: Optional[str] = None, workers: Optional[int] = None, threads: int = 1,
                 files_per_task: int = FILES_PER_TASK, bytes_per_task: int = BYTES_PER_TASK, timeout: float = 30):
        try:
            import distributed
        except ImportError as err:
            raise EngineError("the Dask engine needs dask.distributed: pip install 'citegraph[dask]'") from err
        self.scheduler = scheduler
        self.files_per_task = max(1, files_per_task)
        self.bytes_per_task = bytes_per_task
        self.cluster = None
        try:
            if scheduler is None:
                self.cluster = distributed.LocalCluster(n_workers=max(1, workers or os.cpu_count() or 1),
                                                        threads_per_worker=max(1, threads), processes=True,
                                                        dashboard_address=":0", silence_logs=40)
                self.client = distributed.Client(self.cluster, timeout=timeout)
            else:
                self.client = distributed.Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as err:
            self.close()
            where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
            raise EngineError(f"cannot reach {where}: {' '.join(str(err).split())[:200]}") from err
        self.figures: dict = {}

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        client, cluster = getattr(self, "client", None), self.cluster
        self.client, self.cluster = None, None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def describe(self) -> str:
        """One line: where the stage runs (for stderr)."""
        info = self.client.scheduler_info()
        workers = info.get("workers", {})
        threads = sum(w.get("nthreads", 0) for w in workers.values())
        where = f"the Dask scheduler at {self.scheduler}" if self.scheduler else "a local Dask cluster"
        return f"reading on {where}: {len(workers)} workers, {threads} threads"

    def _threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    # ------------------------------------------------------------------ the corpus

    def read_corpus(self, paths: Iterable, cache_dir, out_dir, progress: bool = True,
                    on_error: Optional[Callable[[str], None]] = None,
                    on_skip: Optional[Callable[[str], None]] = None) -> Corpus:
        """What :func:`graph.pipeline.read_corpus` gives with ``texts=False`` and the learned names
        (``"auto"``), read on the cluster; the partitions go to ``out_dir/.citegraph-parts`` (emptied first), the
        texts to the store in ``cache_dir`` (required: the reading pages and pass two read them there).

        Raises :class:`ValueError` without ``cache_dir``, :class:`EngineError` when a worker runs
        other code."""
        if cache_dir is None:
            raise ValueError("the Dask engine keeps the texts in the build's store: give it a cache_dir")
        t0 = time.perf_counter()
        parts = pathlib.Path(out_dir) / PARTS_DIRNAME
        shutil.rmtree(parts, ignore_errors=True)
        self.figures = {"cpu": 0.0, "tasks": 0, "files": 0, "peak_rss": {}}
        corpus = Corpus()
        with pipeline._collector_paused():
            files = pipeline._list_files(paths, corpus, on_skip)
            with Store(cache_dir, base=pipeline.input_root(paths)) as store:
                keys = store.keys(files)
                reading = pipeline._Reading(files, keys, [None] * len(files))
                bar = tqdm(total=len(files), desc="reading", unit="file", file=sys.stderr,
                           disable=(not progress) or (len(files) < 20 or None), leave=False)
                try:
                    self._first_pass(reading, store, parts, bar, corpus)
                    pipeline._one_per_document(reading.results, corpus, on_skip)
                    aliases = pipeline._corpus_table("auto", reading.results, on_error)
                    if aliases is not None:
                        self._second_pass(aliases, reading, store, parts, bar)
                finally:
                    bar.close()
            pipeline._collect(reading, corpus, None, on_error)
        corpus.seconds = time.perf_counter() - t0
        return corpus

    def _first_pass(self, reading, store: Store, parts: pathlib.Path, bar: tqdm, corpus: Corpus) -> None:
        files, keys = reading.files, reading.keys
        hits, table = store.load_pass_one(keys, [str(f) for f in files], whole=False)
        for i, hit in hits.items():
            reading.results[i] = Extracted(hit.document, None, hit.taught, hit.facts)
        if hits:
            reading.parts.append(table)
        corpus.cached = len(hits)
        bar.update(len(hits))
        todo = [i for i in range(len(files)) if i not in hits]
        for got in self._run(read_part, self._batches(todo, files), bar):
            self._keep_pass_one(got, reading, store, parts)
        corpus.read = len(todo)
        reading.first_parts = len(reading.parts)

    def _batches(self, todo: Sequence[int], files: Sequence) -> Iterator[Batch]:
        """The files to read as tasks, with their bytes; a file the client cannot open goes alone,
        without bytes (the task reads the path: the local engine's one-line error)."""
        part, items, size = 0, [], 0
        for i in todo:
            path = str(files[i])
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except OSError:
                yield Batch(part, ((i, path, None),))
                part += 1
                continue
            if items and (len(items) >= self.files_per_task or size + len(data) > self.bytes_per_task):
                yield Batch(part, tuple(items))
                part, items, size = part + 1, [], 0
            items.append((i, path, data))
            size += len(data)
        if items:
            yield Batch(part, tuple(items))

    def _run(self, fn: Callable, batches: Iterator[Batch], bar: tqdm, *args) -> Iterator[dict]:
        """``fn(batch, *args)`` for each batch on the cluster, a few tasks per thread in flight;
        results as they come. A batch without bytes runs here (it only gives its error line).

        A batch whose worker died (``KilledWorker``: the scheduler gave up on it) is run again one
        file a task, and those one at a time, so that no file runs beside the one that kills its
        worker: a file that kills its worker running alone is its error line ("the reading process
        died"); the others give their results (as the local engine's :class:`graph.workers.Workers`
        does with a process of its own per file)."""
        from distributed import as_completed, KilledWorker

        pending = as_completed()
        held: dict = {}  # future key -> (batch, run alone)
        here: list = []
        suspects: collections.deque = collections.deque()
        window = IN_FLIGHT * self._threads()
        alone = itertools.count(10**5)  # part numbers of the files run again one by one
        isolated = [False]  # a file runs alone now

        def submit(b: Batch, by_itself: bool = False) -> None:
            if fn is read_part and all(data is None for _, _, data in b.items):
                here.append(fn(b, *args))
                return
            with warnings.catch_warnings():  # a file bigger than dask's "large graph" size travels all the same
                warnings.filterwarnings("ignore", message=".*large graph.*")
                fut = self.client.submit(fn, b, *args, pure=False)
            held[fut.key] = (b, by_itself)
            pending.add(fut)

        def fill() -> None:
            if len(held) < window:
                for b in batches:
                    submit(b)
                    if len(held) >= window:
                        break
            if suspects and not isolated[0]:
                submit(suspects.popleft(), True)
                isolated[0] = True

        fill()
        while held or here or suspects:
            while here:
                got = here.pop()
                self._check(got)
                bar.update(_count(got))
                yield got
            if not held:
                fill()
                continue
            fut = next(pending)
            b, by_itself = held.pop(fut.key)
            if by_itself:
                isolated[0] = False
            if fut.status == "error":
                err = fut.exception()
                if not isinstance(err, KilledWorker):
                    raise EngineError(f"a task failed on the cluster: {type(err).__name__}: "
                                      f"{' '.join(str(err).split())[:200]}") from err
                if by_itself:
                    bar.update(1)
                    yield _died(fn, b)
                else:
                    suspects.extend(Batch(next(alone), (item,), b.digest) for item in b.items)
            else:
                got = fut.result()
                fut.release()
                self._check(got)
                bar.update(_count(got))
                yield got
            fill()

    def _check(self, got: dict) -> None:
        if "tool" not in got:
            return
        if got["tool"] != tool_version():
            raise EngineError(f"a Dask worker (process {got['pid']}) runs other citegraph code (tool version "
                              f"{got['tool']}, here {tool_version()}): install this version on every worker")
        self.figures["cpu"] += got["cpu"]
        self.figures["tasks"] += 1
        self.figures["files"] += _count(got)
        self.figures["peak_rss"][got["pid"]] = max(self.figures["peak_rss"].get(got["pid"], 0), got["peak_rss"])

    def _keep_pass_one(self, got: dict, reading, store: Store, parts: pathlib.Path) -> None:
        """One partition of pass one: its Parquet files under ``parts``, its results by file, its
        references into the build's table and, with its texts, into the store."""
        part = got["part"]
        kept = _kept_paths(got, reading.files, store.name)
        for name in ("documents", "references", "names"):
            with atomic_file(parts / name / f"part-{part:05d}.parquet") as f:
                f.write(kept[name])
        docs = _table(got["documents"], DOCUMENTS_SCHEMA).to_pydict()
        taught: dict[int, list] = {}
        names = _table(got["names"], NAMES_SCHEMA).to_pydict()
        fields = [f.name for f in dataclasses.fields(Alias)]
        for n, i in enumerate(names["doc"]):
            taught.setdefault(i, []).append(Alias(*(names[f][n] for f in fields)))
        refs = _table(got["references"], REFERENCES_SCHEMA)
        position = {}
        entries = []
        for n, i in enumerate(docs["doc"]):
            if docs["error"][n] is not None:
                reading.results[i] = Failed(docs["error"][n])
                continue
            doc = json_document(docs["document"][n])
            facts = json.loads(docs["facts"][n])
            reading.results[i] = Extracted(doc, None, tuple(taught.get(i, ())), facts)
            position[i] = len(entries)
            text, search = got["texts"][i]
            entries.append((reading.keys[i], str(reading.files[i]), doc, facts, tuple(taught.get(i, ())), text,
                            search, 0))
        doc = refs.column("doc").to_numpy()
        counts = np.bincount(doc, minlength=len(reading.files) + 1) if len(doc) else np.zeros(len(reading.files) + 1)
        entries = [(*e[:7], int(counts[i])) for e, i in zip(entries, position)]
        if refs.num_rows:
            reading.parts.append(refs)
        if store.dir is not None and entries:
            store.add_pass_one(entries, _by_entry(refs, position, len(reading.files)))

    def _second_pass(self, aliases: Any, reading, store: Store, parts: pathlib.Path, bar: tqdm) -> None:
        """Pass two as :func:`graph.pipeline._second_pass` does it, each document's stored text sent
        to the cluster with its task; the table goes to every worker once."""
        if ingest.changes_nothing(aliases):
            return
        digest = pipeline._aliases_digest(aliases, store.name)
        kind = f"refs-{digest}"
        files, keys, results = reading.files, reading.keys, reading.results
        candidates = [i for i, r in enumerate(results) if isinstance(r, Extracted) and ingest.may_change(aliases, r.document)]
        found, table = store.load_refsets(kind, [keys[i] for i in candidates], [str(files[i]) for i in candidates])
        if table.num_rows:
            doc = pa.array(np.array(candidates, dtype=np.int32)).take(table.column("doc"))
            reading.parts.append(table.set_column(table.schema.get_field_index("doc"), "doc", doc))
        reading.replaced.update(candidates[j] for j, same in found.items() if not same)
        todo = [i for j, i in enumerate(candidates) if j not in found]
        if not todo:
            return
        bar.total += len(todo)
        bar.refresh()
        shared = self.client.scatter(aliases, broadcast=True, hash=False)
        texts = StoreReader(store.dir, store.tool)
        try:
            for got in self._run(extract_again_part, self._again_batches(todo, reading, texts, digest), bar, shared):
                self._keep_pass_two(got, kind, reading, store, parts)
        finally:
            texts.close()

    def _again_batches(self, todo: Sequence[int], reading, texts: StoreReader, digest: str) -> Iterator[Batch]:
        part, items, size = 0, [], 0
        for i in todo:
            path = str(reading.files[i])
            blobs = texts.blobs(reading.keys[i]) if reading.keys[i] is not None else None
            if blobs is None:  # not in the store: the file, read by the task, gives the text (or its error)
                blobs = _read_blobs(path)
            if isinstance(blobs, Failed):
                reading.results[i] = blobs
                continue
            n = sum(len(b or "") for b in blobs)
            if items and (len(items) >= self.files_per_task or size + n > self.bytes_per_task):
                yield Batch(part, tuple(items), digest)
                part, items, size = part + 1, [], 0
            items.append((i, path, blobs))
            size += n
        if items:
            yield Batch(part, tuple(items), digest)

    def _keep_pass_two(self, got: dict, kind: str, reading, store: Store, parts: pathlib.Path) -> None:
        with atomic_file(parts / "references-2" / f"part-{got['part']:05d}.parquet") as f:
            f.write(_kept_paths({"references": got["references"]}, reading.files, store.name)["references"])
        refs = _table(got["references"], REFERENCES_SCHEMA)
        entries, position = [], {}
        for i, status in sorted(got["status"].items()):
            if status not in ("same", "new"):
                reading.results[i] = Failed(status)
                continue
            if status == "new":
                reading.replaced.add(i)
            position[i] = len(entries)
            entries.append((reading.keys[i], str(reading.files[i]), status == "same"))
        if refs.num_rows:
            reading.parts.append(refs)
        if store.dir is not None and entries:
            store.add_refsets(kind, entries, _by_entry(refs, position, len(reading.files)))


def _kept_paths(got: dict, files: Sequence, name: Callable[[str], str]) -> dict[str, bytes]:
    """The Parquet parts of ``got`` (``documents``, ``references``, ``names``, those it has) with every
    value made of a file's path (``file``, the document's, a ``source`` or ``target`` that was the path,
    ``learned_from``, an error line's file) as ``name`` gives it: relative to the build's input."""
    given = [str(f) for f in files]
    names = [name(f) for f in given]
    out = {}
    if "references" in got:
        t = _table(got["references"], REFERENCES_SCHEMA)
        out["references"] = _parquet(_renamed(t, dict(enumerate(given)), names + [""]) if t.num_rows else t)
    if "documents" in got:
        d = _table(got["documents"], DOCUMENTS_SCHEMA).to_pydict()
        for n, i in enumerate(d["doc"]):
            old, new = given[i], names[i]
            d["file"][n] = new if d["file"][n] == old else d["file"][n]
            if d["document"][n] is not None:
                doc = json_document(d["document"][n])
                d["document"][n] = document_json(dataclasses.replace(doc, file=new) if doc.file == old else doc)
            if d["error"][n] is not None:
                d["error"][n] = d["error"][n].replace(ingest.shown_path(old), ingest.shown_path(new))
        out["documents"] = _parquet(pa.table(d, schema=DOCUMENTS_SCHEMA))
    if "names" in got:
        a = _table(got["names"], NAMES_SCHEMA).to_pydict()
        a["learned_from"] = [v if v is None or not v.startswith(given[i] + ",") else names[i] + v[len(given[i]):]
                             for i, v in zip(a["doc"], a["learned_from"])]
        out["names"] = _parquet(pa.table(a, schema=NAMES_SCHEMA))
    return out


def _by_entry(refs: pa.Table, position: dict[int, int], files: int) -> pa.Table:
    """``refs`` with ``doc`` the index of its file's store entry (``position``: file index -> entry
    index), as :meth:`graph.store.Store.add_pass_one` and ``add_refsets`` take them."""
    at = np.zeros(files + 1, dtype=np.int32)
    for i, p in position.items():
        at[i] = p
    doc = at[refs.column("doc").to_numpy()]
    return refs.set_column(refs.schema.get_field_index("doc"), "doc", pa.array(doc, pa.int32()))


def _count(got: dict) -> int:
    return len(got["status"]) if "status" in got else pq.read_metadata(pa.BufferReader(got["documents"])).num_rows


def _died(fn: Callable, b: Batch) -> dict:
    """What a one-item batch whose worker died gives: the local engine's line."""
    (i, path, _), = b.items
    message = pipeline._died(path).message
    if fn is read_part:
        docs = {"doc": [i], "file": [path], "document": [None], "facts": [None], "error": [message]}
        empty_names = NAMES_SCHEMA.empty_table()
        return {"part": b.part, "documents": _parquet(pa.table(docs, schema=DOCUMENTS_SCHEMA)),
                "names": _parquet(empty_names), "references": _parquet(REFERENCES_SCHEMA.empty_table()), "texts": {}}
    return {"part": b.part, "status": {i: message}, "references": _parquet(REFERENCES_SCHEMA.empty_table())}


def _read_blobs(path: str):
    """A document's blobs read from its file here (a store entry that went missing): as the store
    would keep them, or :class:`Failed`."""
    r = pipeline._read_extract(path, texts=False, blobs=True)
    if isinstance(r, Failed):
        return r
    return (document_json(r.document), r.text, r.search)
