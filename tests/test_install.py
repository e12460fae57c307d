"""The package as pip installs it: a wheel built from this checkout holds every module and data
file of ``ingest/`` and ``graph/`` (a non-editable install once lacked ``ingest.find``,
``ingest.formats`` and ``ingest.structure``, and ``graph/templates``), and the installed command runs."""
from __future__ import annotations

import pathlib
import subprocess
import sys
import zipfile

import shutil

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


def _tree_files() -> set[str]:
    files = set()
    for top in ("ingest", "graph"):
        for p in (ROOT / top).rglob("*"):
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
                files.add(p.relative_to(ROOT).as_posix())
    return files


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> pathlib.Path:
    """The wheel pip builds (isolated: setuptools and wheel from the registry) from a copy of the
    checkout's sources, so that a ``build/`` folder left by another build cannot fill the gaps."""
    src, out = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("wheel")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, src / name)
    for top in ("ingest", "graph"):
        shutil.copytree(ROOT / top, src / top, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(out), str(src)], check=True, capture_output=True, timeout=300)
    (whl,) = out.glob("citegraph-*.whl")
    return whl


def test_the_wheel_holds_every_module_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(_tree_files() - names)
    assert not missing, missing


def test_the_installed_command_runs_outside_the_checkout(wheel, tmp_path):
    """Installed into a folder of its own (its dependencies from this environment), run from a
    folder that is not the checkout: ``citegraph extract`` reads the sample seed."""
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    seed = ROOT / "samples" / "A_RES_79_194.md"
    if not seed.exists():
        seed = next((ROOT / "samples").rglob("*.md"))
    code = ("import sys; sys.path = [p for p in sys.path if p not in ('', %r)]; sys.path.insert(0, %r); "
            "import graph, ingest; assert graph.__file__.startswith(%r), graph.__file__; "
            "from graph.cli import main; sys.argv = ['citegraph', 'extract', %r, '--format', 'jsonl']; main()"
            % (str(ROOT), str(target), str(target), str(seed)))
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert '"target": "A/RES/78/132"' in run.stdout
