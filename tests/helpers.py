"""Small shared helpers for the tests (imported as ``from helpers import ...``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini.yaml"
MINI_BESIDE = "checklists/mini.yaml"  # where the ``write`` fixture puts a copy, beside each file

Write = Callable[[str, str], Path]  # the ``write`` fixture in conftest.py


def answers_yaml(
    answers: str = "",
    *,
    school: str = "Oakfield Primary",
    role: str = "senior-leader",
    name: str = "A. Leader",
    checklist: str | None = None,
    term: str = "2026-autumn",
) -> str:
    """An answers file for the mini checklist; ``answers`` is the indented body of ``answers:``.
    It names ``checklists/mini.yaml`` beside it, which the ``write`` fixture puts there."""
    return (
        f"checklist: {checklist or MINI_BESIDE}\n"
        "context:\n"
        f"  school: {school}\n"
        "  initiative: Pobble for writing\n"
        f"  term: {term}\n"
        "  assessed_on: 2026-11-20\n"
        f"  respondent: {{name: {name}, role: {role}}}\n"
        "answers:\n" + answers
    )
