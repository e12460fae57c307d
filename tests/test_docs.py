"""The README documents every command and the public functions of the library (as sqlite-utils does)."""
import pathlib

import pytest

from graph.cli import main

README = (pathlib.Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_in_the_readme(command):
    assert f"citegraph {command}" in README


@pytest.mark.parametrize("function", ["ingest.parse_text", "ingest.extract", "ingest.extract_file",
                                      "ingest.read_document", "named.learn_aliases", "write_explorer",
                                      "analysis.most_cited", "analysis.lineage", "analysis.series",
                                      "pipeline.build"])
def test_public_functions_are_in_the_readme(function):
    name = function.split(".")[-1]
    assert f"{name}(" in README, f"{function} is not documented in README.md"
