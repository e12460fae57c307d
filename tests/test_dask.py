"""The Dask engine (graph/engine.py) on a real dask.distributed cluster of this machine.

The same input gives the same build folder as the local engine, byte for byte (the store and the
Parquet parts aside); a bad file among good ones is its one-line error and the rest builds; the
workers read the bytes the client sends, never the client's paths.
"""
from __future__ import annotations

import dataclasses
import os
import pathlib
import shutil
import subprocess
import sys
import uuid

import dask
import distributed
from tqdm import tqdm
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from graph import pipeline
from graph.files import tool_version
from graph.store import TABLE_SCHEMA, json_document
from graph.engine import (DOCUMENTS_SCHEMA, NAMES_SCHEMA, PARTS_DIRNAME, REFERENCES_SCHEMA, Batch, DaskEngine,
                          EngineError, read_part)

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples"
PDFS = ROOT / "tests" / "pdfs"
NOT_COMPARED = (".citegraph-cache", PARTS_DIRNAME, ".citegraph.lock")


@pytest.fixture(scope="module")
def cluster():
    """A real cluster of two worker processes, one thread each (a task whose worker dies is not
    tried again by the scheduler: the engine's own retry is what is tested)."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                      silence_logs=40) as c:
            yield c


def _files(folder: pathlib.Path) -> dict[str, bytes]:
    """Every file of a build folder by relative path, the store, the parts and the lock aside."""
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if p.is_file() and not any(part in NOT_COMPARED for part in rel.parts):
            out[rel.as_posix()] = p.read_bytes()
    return out


def _same_folders(a: pathlib.Path, b: pathlib.Path) -> None:
    fa, fb = _files(a), _files(b)
    assert sorted(fa) == sorted(fb)
    different = [name for name in fa if fa[name] != fb[name]]
    assert not different, different
    assert len(fa) > 10


def _hostile(tmp: pathlib.Path) -> pathlib.Path:
    """Good files and bad ones in one folder: text, a Word/PDF pair of one document, an encrypted
    PDF, a file that is not a PDF, an empty Word file, binary bytes and an empty text under .txt,
    two files of one name in two folders, a name with a tab."""
    src = tmp / "in"
    (src / "sub").mkdir(parents=True)
    for name in ("A_RES_70_1.txt", "A_RES_79_195.txt", "E_RES_2020_12.txt", "A_RES_78_132.txt"):
        shutil.copy(SAMPLE / "text" / name, src / name)
    shutil.copy(SAMPLE / "text" / "A_RES_79_8.txt", src / "sub" / "A_RES_70_1.txt")  # same name, other folder
    for name in ("A_81_6_Sect.9-cut.docx", "A_81_6_Sect.9-page-6.pdf", "encrypted.pdf", "not-a-pdf.pdf", "empty.docx"):
        shutil.copy(PDFS / name, src / name)
    (src / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (src / "empty\tname.txt").write_bytes(b"")
    return src


def _errors(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if line.startswith("citegraph: ") and "reading on" not in line
                  and "graph.html" not in line)


def _cli(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "graph.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=900)


# --------------------------------------------------------------------------- the same build

@pytest.mark.slow
def test_a_local_dask_cluster_builds_the_sample_as_the_local_engine_does(tmp_path):
    """``--engine dask`` starts a LocalCluster of two worker processes; the build folder is the local one's."""
    local = _cli("build", SAMPLE, "-o", tmp_path / "local")
    dask = _cli("build", SAMPLE, "-o", tmp_path / "dask", "--engine", "dask", "--dask-workers", 2)
    assert local.returncode == 0, local.stderr
    assert dask.returncode == 0, dask.stderr
    assert "reading on a local Dask cluster: 2 workers, 2 threads" in dask.stderr
    _same_folders(tmp_path / "local", tmp_path / "dask")
    # stdout apart from its timing line and the folder's name
    def shown(p, out):
        return [line.replace(str(out), "OUT") for line in p.stdout.splitlines() if not line.startswith("time ")]
    assert shown(local, tmp_path / "local") == shown(dask, tmp_path / "dask")
    parts = tmp_path / "dask" / PARTS_DIRNAME
    docs = pq.read_table(parts / "documents")
    # paths relative to the build's input, as the store keeps them: no machine path in the parts either
    assert sorted(docs.column("file").to_pylist()) == sorted(p.relative_to(SAMPLE).as_posix()
                                                             for p in SAMPLE.rglob("*") if p.is_file())
    refs = pq.read_table(parts / "references")
    assert refs.num_rows > 1000 and set(TABLE_SCHEMA.names) <= set(refs.schema.names)
    machine = [str(SAMPLE).encode(), str(tmp_path).encode()]
    assert [f.name for f in parts.rglob("*") if f.is_file() and any(m in f.read_bytes() for m in machine)] == []
    # a second build: everything from the store, the same folder again
    again = _cli("build", SAMPLE, "-o", tmp_path / "dask", "--engine", "dask", "--dask-workers", 2)
    assert again.returncode == 0, again.stderr
    assert f"({len(docs)} read, 0 failed" not in again.stdout and "0 read now" in again.stdout
    _same_folders(tmp_path / "local", tmp_path / "dask")


@pytest.mark.slow
def test_an_existing_scheduler_builds_hostile_input_as_the_local_engine_does(tmp_path, cluster):
    """``--scheduler ADDRESS``: bad files are one line each, the rest builds, the same folder as locally."""
    src = _hostile(tmp_path)
    missing = tmp_path / "in" / "gone.pdf"
    local = _cli("build", src, missing, "-o", tmp_path / "local", "--no-cache")
    dask = _cli("build", src, missing, "-o", tmp_path / "dask", "--no-cache", "--scheduler", cluster.scheduler_address)
    assert local.returncode == 0, local.stderr
    assert dask.returncode == 0, dask.stderr
    errors = _errors(dask.stderr)
    assert errors == _errors(local.stderr)
    for name in ("encrypted.pdf", "not-a-pdf.pdf", "empty.docx", "binary.txt", "empty\\tname.txt", "gone.pdf"):
        line = next(e for e in errors if name in e)
        assert str(tmp_path / "in") in line and "citegraph-part-" not in line, line  # the client's path
        assert "\n" not in line
    assert any("same document, not read again" in e for e in errors)  # the Word/PDF pair: one reading
    _same_folders(tmp_path / "local", tmp_path / "dask")
    assert "documents  6 read, 6 failed" in dask.stdout, dask.stdout


@pytest.mark.slow
def test_a_build_through_the_library_is_the_local_build(tmp_path, cluster):
    """``pipeline.build(engine=DaskEngine(scheduler))``: the same corpus tables as the local engine."""
    src = _hostile(tmp_path)
    local = pipeline.build([src], tmp_path / "local", progress=False, jobs=2, pages=False)
    with DaskEngine(cluster.scheduler_address) as engine:
        dask = pipeline.build([src], tmp_path / "dask", progress=False, jobs=2, pages=False, engine=engine)
        figures = engine.figures
    assert dask.errors == local.errors and dask.versions == local.versions and dask.skipped == local.skipped
    assert [d for d in dask.documents] == [d for d in local.documents]
    assert dask.reference_table.equals(local.reference_table)
    assert dask.tables.edges.equals(local.tables.edges)
    assert figures["files"] >= 12 and figures["cpu"] > 0 and len(figures["peak_rss"]) >= 1


# --------------------------------------------------------------------------- inputs reach workers as bytes

@pytest.mark.slow
def test_workers_read_the_bytes_sent_not_the_clients_paths(cluster):
    """A partition whose paths exist nowhere (a client's folder the workers cannot see): the workers
    read the bytes sent, under the file's own name (its symbol and format come from it), and every
    value made of the path is the client's path."""
    nowhere = f"/nowhere-{uuid.uuid4().hex}/corpus"
    real = [SAMPLE / "text" / "A_RES_70_1.txt", PDFS / "A_81_6_Sect.9-cut.docx", PDFS / "encrypted.pdf"]
    items = tuple((n, f"{nowhere}/{p.name}", p.read_bytes()) for n, p in enumerate(real))
    with distributed.Client(cluster.scheduler_address) as client:
        got = client.submit(read_part, Batch(7, items), pure=False).result()
        workers = client.run(os.getpid)
    assert got["pid"] in workers.values() and got["pid"] != os.getpid()
    assert got["tool"] == tool_version()
    docs = pq.read_table(pa.BufferReader(got["documents"])).cast(DOCUMENTS_SCHEMA).to_pylist()
    refs = pq.read_table(pa.BufferReader(got["references"])).cast(REFERENCES_SCHEMA)
    assert [d["file"] for d in docs] == [i[1] for i in items]
    assert docs[2]["error"] == f"{nowhere}/encrypted.pdf: " + pipeline._read_extract(str(real[2])).message.split(": ", 1)[1]
    for n, p in enumerate(real[:2]):
        here = pipeline._read_extract(str(p), texts=False)
        there = json_document(docs[n]["document"])
        assert there == dataclasses.replace(here.document, file=items[n][1])
        rows = refs.filter(pc.equal(refs.column("doc"), n))
        assert rows.num_rows == len(here.references["source"]) > 0
        assert set(rows.column("file").to_pylist()) == {items[n][1]}
        for name in ("source", "target", "paragraph", "pinpoint", "surface", "start", "mark_sentence"):
            assert rows.column(name).to_pylist() == here.references[name], name
    assert set(got["texts"]) == {0, 1}


# --------------------------------------------------------------------------- errors of the engine itself

def test_an_unreachable_scheduler_is_one_line():
    with pytest.raises(EngineError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        DaskEngine("tcp://127.0.0.1:9", timeout=1)


def test_a_build_without_an_output_folder_is_refused():
    with pytest.raises(ValueError, match="output folder"):
        pipeline.build([SAMPLE], None, engine=object())


def _crash_on(batch: Batch) -> dict:
    """A task that takes its worker down when it holds the path "crash", as a crash in native code would."""
    if any(path == "crash" for _, path, _ in batch.items):
        os._exit(3)
    return {"part": batch.part, "status": {i: "new" for i, _, _ in batch.items}}


@pytest.mark.slow
def test_a_dying_worker_fails_only_its_own_file(cluster):
    """A task whose worker died is sent again one file a task: only the culprit is an error line."""
    paths = ["a", "b", "crash", "d", "e"]
    with DaskEngine(cluster.scheduler_address) as engine, tqdm(disable=True) as bar:
        got = list(engine._run(_crash_on, iter([Batch(0, tuple((i, p, None) for i, p in enumerate(paths)))]), bar))
    status = {i: s for g in got for i, s in g["status"].items()}
    assert status == {0: "new", 1: "new", 2: "crash: the reading process died", 3: "new", 4: "new"}


@pytest.mark.slow
def test_a_worker_running_other_code_stops_the_build(cluster):
    with DaskEngine(cluster.scheduler_address) as engine:
        engine.figures = {"cpu": 0.0, "tasks": 0, "files": 0, "peak_rss": {}}
        engine._check({"tool": tool_version(), "pid": 1, "cpu": 0.5, "peak_rss": 10, "status": {0: "same"}})
        assert engine.figures == {"cpu": 0.5, "tasks": 1, "files": 1, "peak_rss": {1: 10}}
        with pytest.raises(EngineError, match="runs other citegraph code .* install this version on every worker"):
            engine._check({"tool": "0.1.0-0000000000000000", "pid": 2, "cpu": 0.1, "peak_rss": 10, "status": {}})
