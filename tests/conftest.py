"""What the test modules share: small factories, the real browser, the ``slow`` marker.

Factories (import them: ``from conftest import doc, ref, node``), as eyecite's tests build
their tables of expected objects:

* :func:`doc` - a :class:`~ingest.model.Document` with no paragraphs, filed under its symbol;
* :func:`ref` - an explicit :class:`~ingest.model.Reference` from one symbol to another;
* :func:`node` - a ``(key, attributes)`` pair for ``G.add_nodes_from``, with the node
  attributes of :mod:`graph.build`, for graphs built by hand;
* :func:`cli` - ``citegraph ARGS`` run in this process, its result seen as a subprocess's.

Fixtures:

* ``sample_written`` - the sample corpus (``samples/``) built once per session into a folder,
  every file written: ``(out, corpus)``; ``sample_corpus`` - its :class:`graph.pipeline.Corpus`
  (``graph``, ``documents``, ``references``): treat both as read-only, copy before changing;
* ``browser`` - Debian's headless ``chromium`` driven by Playwright, one per test session.
  Every test that uses it is marked ``slow``.

Markers: ``slow`` (registered in ``pyproject.toml``) marks the tests that start a real
browser, run the notebook, build the shared corpus or build the sample again and again. ``python3 -m pytest -m "not slow"`` runs the rest in seconds;
``bash scripts/test.sh`` runs everything.
"""
from __future__ import annotations

import pathlib
import shutil
import subprocess

import pytest

from graph import pipeline
from ingest.model import Document, Reference

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
#: The shared folder (../shared beside the checkout, as CI lays it; or beside the worktrees), or None.
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared", pathlib.Path("/work/shared"))
               if (p / "corpus" / "text").is_dir()), None)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

#: Fixtures that make a test slow: the tests that use one are marked ``slow``.
SLOW_FIXTURES = frozenset({"browser"})


# --------------------------------------------------------------------------- factories

def doc(symbol: str | None, file: str | None = None, **kw) -> Document:
    """A document of no paragraphs: ``doc("A/RES/79/194", date="2024-12-19")`` is read from
    ``A_RES_79_194.txt``; other fields (``title``, ``body``, ``paragraphs`` ...) by keyword."""
    kw.setdefault("paragraphs", ())
    return Document(file=file or (symbol or "x").replace("/", "_") + ".txt", symbol=symbol,
                    symbol_source="filename", format="text", **kw)


def ref(source: str, target: str, paragraph: str = "op1", kind: str = "explicit", **kw) -> Reference:
    """A reference from ``source`` to ``target`` in ``paragraph``; other fields by keyword."""
    return Reference(source=source, target=target, kind=kind, paragraph=paragraph, **kw)


def node(symbol: str, body: str = "General Assembly", kind: str = "resolution", year: int | None = 2015,
         title: str = "", in_corpus: bool = True, **extra) -> tuple[str, dict]:
    """``(symbol, attributes)`` of a node as :func:`graph.build.build_graph` makes it, dated
    16 December of ``year`` (undated with ``year=None``); ``extra`` adds or overrides."""
    attrs = dict(kind=kind, body=body, year=year, date=f"{year}-12-16" if year else "", title=title,
                 in_corpus=in_corpus, file=symbol.replace("/", "_") + ".txt" if in_corpus else "",
                 url=f"https://undocs.org/en/{symbol}", label=symbol, session="")
    attrs.update(extra)
    return symbol, attrs


def cli(*args, input: str | None = None) -> subprocess.CompletedProcess:
    """``citegraph ARGS`` run in this process by click's runner, seen as a subprocess would be:
    ``returncode``, ``stdout``, ``stderr`` (kept apart). A second Python's start and imports cost
    about a second of CPU per call; a test about the process itself (a command that must not block,
    the ``python -m graph.cli`` entry point) runs a real one. An exception the command does not turn
    into an exit status is raised, as a traceback would fail the process."""
    from click.testing import CliRunner

    from graph.cli import main

    r = CliRunner().invoke(main, [str(a) for a in args], input=input)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return subprocess.CompletedProcess([str(a) for a in args], r.exit_code, r.stdout, r.stderr)


# --------------------------------------------------------------------------- shared fixtures

@pytest.fixture(scope="session")
def sample_written(tmp_path_factory):
    """The sample corpus built once per session into a folder with every file a build writes
    (exports, ``graph.html``, reading pages, the cache): ``(out, corpus)``. Read-only: a test that
    changes the folder or the graph works on a copy."""
    out = tmp_path_factory.mktemp("sample-built")
    return out, pipeline.build([ROOT / "samples"], out, jobs=2, progress=False)


@pytest.fixture(scope="session")
def sample_corpus(sample_written):
    """The sample corpus read and built (documents, references, graph), once per session: the
    :class:`graph.pipeline.Corpus` of ``sample_written``."""
    return sample_written[1]


# --------------------------------------------------------------------------- the browser

@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium through Playwright (``executable_path``), shared by the session."""
    if not shutil.which("chromium") and not pathlib.Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run the tests with scripts/test.sh, which installs it")
    from playwright.sync_api import sync_playwright  # only the slow tests need Playwright loaded

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def pytest_collection_modifyitems(config, items):
    """Mark ``slow`` every test that uses a fixture of :data:`SLOW_FIXTURES`."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
