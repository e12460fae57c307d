"""The README documents every command and every public name of the library (as sqlite-utils does).

The commands come from the click group, the public names from the ``__all__`` of each public
module: the ``ingest`` door and every module (or package) of ``graph/`` but the command line.
A name counts as documented when it stands, as a whole word, in the README's code (a code
block or a `code span`).
"""
from __future__ import annotations

import importlib
import pathlib
import pkgutil
import re

import pytest

import graph
from graph.cli import main

README = (pathlib.Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
CODE = "\n".join(re.findall(r"```.*?```", README, re.S) + re.findall(r"`[^`\n]+`", README))

PUBLIC_MODULES = ["ingest"] + sorted(f"graph.{m.name}" for m in pkgutil.iter_modules(graph.__path__)
                                     if m.name != "cli" and not m.name.startswith("_"))


def _public_names() -> list[tuple[str, str]]:
    return [(module, name) for module in PUBLIC_MODULES
            for name in getattr(importlib.import_module(module), "__all__", ())]


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_in_the_readme(command):
    assert f"citegraph {command}" in README


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_every_public_module_declares_its_names(module):
    mod = importlib.import_module(module)
    names = getattr(mod, "__all__", None)
    assert names, f"{module} has no __all__"
    assert len(set(names)) == len(names), f"{module}.__all__ names one twice"
    missing = [n for n in names if not hasattr(mod, n)]
    assert not missing, f"{module}.__all__ names what it does not define: {missing}"
    assert f"`{module}`" in README, f"{module} is not in the README's table of modules"


@pytest.mark.parametrize("module, name", _public_names())
def test_public_names_are_in_the_readme(module, name):
    assert re.search(rf"(?<!\w){re.escape(name)}(?!\w)", CODE), \
        f"{module}.{name} is not documented in README.md"


def test_the_check_finds_a_name_only_as_a_whole_word_in_code():
    text = "```python\nanalysis.most_cited(G)\n```\nplain words: lineage\n`graph.build`"
    code = "\n".join(re.findall(r"```.*?```", text, re.S) + re.findall(r"`[^`\n]+`", text))
    found = [n for n in ("most_cited", "most", "lineage", "build", "cited")
             if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", code)]
    assert found == ["most_cited", "build"]
