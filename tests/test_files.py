"""graph.files: atomic writes and the build cache, on real files in tmp_path."""
from __future__ import annotations

import os

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


def test_cache_round_trip_and_prune(tmp_path):
    cache = files.Cache(tmp_path)
    assert cache.get("docrefs", "k1") is None
    cache.put("docrefs", "k1", {"refs": [1, 2]})
    cache.put("docrefs", "k2", ("a", "b"))
    again = files.Cache(tmp_path)  # a later build asks for k1 only
    assert again.get("docrefs", "k1") == {"refs": [1, 2]}
    assert again.prune() == 1
    assert sorted(p.name for p in again.dir.iterdir()) == ["docrefs-k1.pickle"]


@pytest.mark.parametrize("damage", [lambda b: b[:10], lambda b: b"", lambda b: b"not a pickle"])
def test_an_entry_that_cannot_be_loaded_is_a_miss(tmp_path, damage):
    cache = files.Cache(tmp_path)
    cache.put("docrefs", "k", list(range(100)))
    entry = cache.dir / "docrefs-k.pickle"
    entry.write_bytes(damage(entry.read_bytes()))
    assert files.Cache(tmp_path).get("docrefs", "k") is None


def test_other_tool_versions_are_removed_and_no_root_holds_nothing(tmp_path):
    (tmp_path / "0.0.0-stale").mkdir()
    (tmp_path / "0.0.0-stale" / "docrefs-k.pickle").write_bytes(b"old")
    cache = files.Cache(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [files.tool_version()]
    cache.put("docrefs", None, "a file that could not be keyed")
    assert list(cache.dir.iterdir()) == []
    nothing = files.Cache(None)
    nothing.put("docrefs", "k", 1)
    assert nothing.get("docrefs", "k") is None and nothing.prune() == 0


def test_file_key_follows_path_and_bytes(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("same")
    b.write_text("same")
    key = files.file_key(a)
    assert len(key) == 64 and key != files.file_key(b)
    a.write_text("changed")
    assert files.file_key(a) != key
    assert files.file_key(tmp_path / "missing.txt") is None


def test_tool_version_names_the_package_version_and_a_digest():
    version, digest = files.tool_version().rsplit("-", 1)
    assert version and len(digest) == 16 and int(digest, 16) >= 0
