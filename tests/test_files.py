"""graph.files: atomic writes, the output folder's lock, keys and tool version, on real files in tmp_path."""
from __future__ import annotations

import multiprocessing as mp
import os
import time

import pytest

from graph import files


def test_atomic_write_replaces_whole_files(tmp_path):
    p = tmp_path / "sub" / "x.txt"
    files.atomic_write(p, "first version, longer")
    files.atomic_write(p, b"second")
    assert p.read_bytes() == b"second"
    assert os.listdir(p.parent) == ["x.txt"]
    assert p.stat().st_mode & 0o777 == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    p = tmp_path / "x.txt"
    files.atomic_write(p, "old")
    with pytest.raises(TypeError):
        files.atomic_write(p, 12345)  # not bytes nor str: writing fails half way
    assert p.read_text() == "old"
    assert os.listdir(tmp_path) == ["x.txt"]


def test_atomic_file_streams_and_leaves_nothing_on_error(tmp_path):
    p = tmp_path / "big.txt"
    with files.atomic_file(p) as f:
        for i in range(1000):
            f.write(b"%d\n" % i)
        assert not p.exists()  # nothing at the target until the block ends
    assert p.read_bytes().count(b"\n") == 1000
    with pytest.raises(RuntimeError):
        with files.atomic_file(p) as f:
            f.write(b"half")
            raise RuntimeError("killed half way")
    assert p.read_bytes().count(b"\n") == 1000 and os.listdir(tmp_path) == ["big.txt"]


@pytest.mark.parametrize("name, stale", [
    (".graph.graphml.k3j_x9a2.tmp", True),
    (".references.csv.abcdefgh.tmp", True),
    (".graph.json.a1B2c3D4.tmp", True),
    ("graph.graphml", False),             # an output
    (".graph.graphml.tmp", False),        # not tempfile's shape: not ours
    ("notes.tmp", False),                 # a user's file
    (".x.abc.tmp", False),                # too short a random part
])
def test_stale_temporaries_are_those_atomic_write_makes(tmp_path, name, stale):
    (tmp_path / name).write_text("x")
    gone = files.remove_stale_temporaries(tmp_path)
    assert [p.name for p in gone] == ([name] if stale else [])
    assert (tmp_path / name).exists() is not stale


def _hold_lock(folder, ready, release):
    with files.output_lock(folder):
        ready.set()
        release.wait(30)


def test_a_second_build_waits_with_a_message_or_fails_clearly(tmp_path):
    ctx = mp.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(tmp_path, ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(files.OutputLocked, match=r"another citegraph build is writing this folder \(pid \d+"):
            with files.output_lock(tmp_path, wait=False):
                pass
        messages = []
        t0 = time.monotonic()
        ctx.Process(target=lambda: (time.sleep(0.5), release.set())).start()
        with files.output_lock(tmp_path, on_wait=messages.append):
            waited = time.monotonic() - t0
        assert waited >= 0.4 and len(messages) == 1 and "waiting for it to finish" in messages[0]
    finally:
        release.set()
        holder.join(30)


def test_the_lock_goes_with_a_killed_holder(tmp_path):
    ctx = mp.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(tmp_path, ready, release))
    holder.start()
    assert ready.wait(30)
    os.kill(holder.pid, 9)
    holder.join(30)
    with files.output_lock(tmp_path, wait=False):  # free at once: the OS released it
        pass


def test_file_key_follows_name_and_bytes_not_the_folder(tmp_path):
    (tmp_path / "x").mkdir()
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "x" / "a.txt"
    for p in (a, b, c):
        p.write_text("same")
    key = files.file_key(a)
    assert len(key) == 64 and key != files.file_key(b)  # the name counts (a symbol may come from it)
    assert files.file_key(c) == key  # the folder does not
    assert files.file_key(os.path.relpath(a)) == key
    a.write_text("changed")
    assert files.file_key(a) != key
    assert files.file_key(tmp_path / "missing.txt") is None


def test_tool_version_names_the_package_version_and_a_digest():
    version, digest = files.tool_version().rsplit("-", 1)
    assert version and len(digest) == 16 and int(digest, 16) >= 0


def test_tool_version_covers_the_reading_step_and_the_reader_libraries(monkeypatch):
    assert "graph/pipeline.py" in files.CACHED_CODE and "ingest" in files.CACHED_CODE
    assert {"pdfplumber", "pypdfium2", "python-docx", "lxml"} <= set(files.READER_LIBRARIES)
    before = files.tool_version()
    import importlib.metadata as md

    real = md.version
    monkeypatch.setattr(md, "version", lambda name: "99.0" if name == "pypdfium2" else real(name))
    files.tool_version.cache_clear()
    try:
        assert files.tool_version() != before  # a new PDF library: a new key
    finally:
        monkeypatch.undo()
        files.tool_version.cache_clear()
    assert files.tool_version() == before


def test_tool_version_changes_with_the_reading_step(tmp_path, monkeypatch):
    import shutil

    root = tmp_path / "checkout"
    for name in files.CACHED_CODE:
        src, dst = files._code_root() / name, root / name
        if src.is_dir():
            shutil.copytree(src, dst)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dst)
    monkeypatch.setattr(files, "_code_root", lambda: root)
    files.tool_version.cache_clear()
    try:
        same = files.tool_version()
        with open(root / "graph" / "pipeline.py", "a", encoding="utf-8") as f:
            f.write("\n# a change in the reading step\n")
        files.tool_version.cache_clear()
        assert files.tool_version() != same
    finally:
        files.tool_version.cache_clear()


def _sleeper_with_watch(conn):
    files.watch_parent(interval=0.1)
    conn.send(os.getpid())
    time.sleep(60)


def _parent_of_sleeper(conn):
    ctx = mp.get_context("fork")
    child = ctx.Process(target=_sleeper_with_watch, args=(conn,))
    child.start()
    time.sleep(60)


def test_a_watched_worker_dies_with_its_parent_killed():
    ctx = mp.get_context("fork")
    here, there = ctx.Pipe()
    parent = ctx.Process(target=_parent_of_sleeper, args=(there,))
    parent.start()
    assert here.poll(30)
    worker = here.recv()
    os.kill(parent.pid, 9)
    parent.join(30)
    assert gone_within(worker, 10), f"worker {worker} outlived its killed parent"


def alive(pid: int) -> bool:
    """The process runs (a zombie waiting for its new parent to reap it has ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


def gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.1)
    return False
