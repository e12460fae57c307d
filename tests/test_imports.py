"""No import loops: no module imports another that imports it back, at the top or inside a function;
``graph`` reaches ``ingest`` only through its door (``ingest/__init__.py`` and its ``__all__``).

The imports are read from the sources (``ast``), so an import inside a function counts as
much as one at the top: a loop cannot hide there.
"""
from __future__ import annotations

import ast
import pathlib

import networkx as nx
import pytest

import ingest

ROOT = pathlib.Path(__file__).resolve().parent.parent
#: The packages whose modules are checked.
PACKAGES = ("graph", "ingest")


def _module_name(path: pathlib.Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: pathlib.Path, modules: set[str]) -> set[str]:
    """The project modules ``path`` imports anywhere in its source."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            for a in node.names:  # "from . import analysis" imports a module, "from .build import x" a name
                found.add(f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base)
    return {m for m in found if m in modules and m != name}


def import_graph(packages=PACKAGES) -> nx.DiGraph:
    files = [p for pkg in packages for p in sorted((ROOT / pkg).rglob("*.py"))]
    modules = {_module_name(p) for p in files}
    G = nx.DiGraph()
    for p in files:
        G.add_node(_module_name(p))
        G.add_edges_from((_module_name(p), m) for m in _imports(p, modules))
    return G


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_imports_one_that_imports_it_back(package):
    G = import_graph((package,))
    assert G.number_of_nodes() > 3
    loops = [sorted(c) for c in nx.strongly_connected_components(G) if len(c) > 1]
    assert loops == [], f"import loops: {loops}"


def test_the_check_sees_a_loop_hidden_in_a_function(tmp_path, monkeypatch):
    pkg = tmp_path / "loopy"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .b import f\n")
    (pkg / "b.py").write_text("def f():\n    from . import a\n    return a\n")
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    G = import_graph(("loopy",))
    assert sorted(map(sorted, (c for c in nx.strongly_connected_components(G) if len(c) > 1))) == \
        [["loopy.a", "loopy.b"]]


def test_ingest_never_imports_graph():
    """Data flows one way: ``ingest`` (files -> documents -> references) knows nothing of ``graph``."""
    G = import_graph(PACKAGES)
    assert [(a, b) for a, b in G.edges if a.startswith("ingest") and b.startswith("graph")] == []
    assert any(a.startswith("graph") and b == "ingest" for a, b in G.edges)  # graph uses ingest through its door


def _ingest_imports_past_the_door(source: str) -> list[str]:
    """The imports in ``source`` that reach into ``ingest`` past ``ingest/__init__.py``:
    a submodule (``ingest.named``), or a name the door does not list in ``__all__``."""
    wrong = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            wrong += [a.name for a in node.names if a.name.startswith("ingest.")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.startswith("ingest."):
                wrong.append(node.module)
            elif node.module == "ingest":
                wrong += [f"ingest.{a.name}" for a in node.names if a.name not in ingest.__all__]
    return wrong


def test_graph_uses_ingest_through_its_door_only():
    wrong = {str(p.relative_to(ROOT)): w for p in sorted((ROOT / "graph").rglob("*.py"))
             if (w := _ingest_imports_past_the_door(p.read_text(encoding="utf-8")))}
    assert wrong == {}


@pytest.mark.parametrize("source, wrong", [
    ("import ingest\nfrom ingest import Reference, extract\n", []),
    ("from ingest.model import Reference\n", ["ingest.model"]),
    ("def f():\n    import ingest.find\n", ["ingest.find"]),
    ("from ingest import named\n", ["ingest.named"]),  # a submodule, not a name of the door
])
def test_the_door_check(source, wrong):
    assert _ingest_imports_past_the_door(source) == wrong
