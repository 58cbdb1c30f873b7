"""Respondents' files for the roles fixture (``tests/fixtures/roles.yaml``): a question set per role."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import FIXTURES

ROLES = FIXTURES / "roles.yaml"


def respondent(
    folder: Path,
    file: str,
    role: str,
    name: str,
    answers: dict[str, str],
    *,
    versioned: bool = True,
    term: str = "2026-autumn",
) -> Path:
    """A respondent's answers file in ``folder`` (the checklist copied to checklists/ beside it)."""
    beside = folder / "checklists" / "roles.yaml"
    if not beside.exists():
        beside.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROLES, beside)
    lines = ["checklist: checklists/roles.yaml"]
    lines += ['checklist_version: "2.0"'] if versioned else []
    lines += [
        "context:",
        "  school: Oakfield Primary",
        "  initiative: Pobble for writing",
        f"  term: {term}",
        "  assessed_on: 2026-11-20",
        f"  respondent: {{name: {name!r}, role: {role}}}" if name else f"  respondent: {{role: {role}}}",
        "answers:" if answers else "answers: {}",
        *(f"  {item}: {value}" for item, value in answers.items()),
    ]
    path = folder / file
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


LEADER = {
    "problem-specific": "yes",
    "budget-agreed": "yes",
    "single-sign-on": "yes",
    "data-protected": "yes",
    "training-planned": "yes",
    "pupils-enjoy": "partly",
}
