"""Imports run one way, down the layers: the entry point, the CLI, the commands, the interview,
then everything else (files → load → score → present, and the records they share). A module may
import its own layer or one below it, never one above: ``model``, ``load``, ``scoring`` and
``present`` know nothing of the commands, the CLI or the interview. Imports inside functions
count as much as those at the top."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import ROOT

PACKAGE = ROOT / "src" / "implcheck"
# top first; a module not named here is in the bottom layer
LAYERS = (("start", "__main__"), ("cli",), ("commands",), ("interview",))
BOTTOM = len(LAYERS)


def layer(module: str) -> int:
    """The layer of ``implcheck.X.Y`` (or of ``implcheck`` itself): 0 is the top."""
    parts = module.split(".")
    first = parts[1] if len(parts) > 1 else ""
    return next((depth for depth, names in enumerate(LAYERS) if first in names), BOTTOM)


def name_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every implcheck module ``path`` imports, wherever in the file the import is."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: a relative import"
            found.add(node.module or "")
            if node.module == "implcheck":  # from implcheck import cli: the module itself
                found |= {f"implcheck.{alias.name}" for alias in node.names}
    return {name for name in found if name == "implcheck" or name.startswith("implcheck.")}


MODULES = sorted(PACKAGE.rglob("*.py"))


def upward(path: Path) -> list[str]:
    own = layer(name_of(path))
    return sorted(name for name in imported(path) if layer(name) < own)


@pytest.mark.parametrize("path", MODULES, ids=lambda path: name_of(path))
def test_no_module_imports_a_layer_above_its_own(path: Path) -> None:
    assert upward(path) == []


def test_the_layers_are_what_the_test_says() -> None:
    assert [layer(m) for m in ("implcheck.start", "implcheck.cli", "implcheck.commands.check")] == [0, 1, 2]
    assert [layer(m) for m in ("implcheck.interview.session", "implcheck.model", "implcheck.present.json")] == [3, 4, 4]
    assert layer("implcheck") == BOTTOM
    assert {name_of(path) for path in MODULES} >= {"implcheck.model", "implcheck.scoring", "implcheck.present.json"}


def test_an_upward_import_is_found_even_inside_a_function(tmp_path: Path) -> None:
    low = PACKAGE / "present" / "json.py"
    assert upward(low) == []
    text = "def late() -> None:\n    from implcheck.interview import glossary\n    from implcheck import cli\n"
    fake = tmp_path / "fake.py"
    fake.write_text(text, encoding="utf-8")
    assert {layer(name) for name in imported(fake)} == {1, 3, BOTTOM}
