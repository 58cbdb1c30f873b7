from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from helpers import MINI, MINI_BESIDE

# No deadline: a loaded machine (CI, or two cores shared) makes a slow example, not a wrong one,
# and tests never assert timings (benchmarks/ measures speed).
settings.register_profile("implcheck", deadline=None)
settings.load_profile("implcheck")


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a file under tmp_path and return its path: ``write("a.yaml", text)``. The mini
    checklist is put in a ``checklists`` folder beside it, as answers files may only name
    checklists in their own folder (and a sub-folder keeps it out of a term folder's files)."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        beside = path.parent / MINI_BESIDE
        if not beside.exists():
            beside.parent.mkdir(exist_ok=True)
            shutil.copyfile(MINI, beside)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """``implcheck assess`` believes its input is a terminal (a script types the answers)."""
    from implcheck.commands import assess as assess_cmd

    monkeypatch.setattr(assess_cmd, "stdin_is_terminal", lambda: True)
