"""``implcheck validate``: the problems found, for a person, a script or a GitHub workflow.

Text is yamllint's ``path:line:col: message``; JSON lists the same fields for scripts; github
turns each problem into a workflow annotation at its line (``::error file=...,line=...,col=...``),
as ``yamllint --format github`` does, so a pull request shows it beside the YAML.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from implcheck.errors import Problem
from implcheck.present.github import command
from implcheck.result import counted
from implcheck.safetext import json_text, line


@dataclass(frozen=True, slots=True)
class Checked:
    """What ``validate`` found: how many files it read, how many were bad, every problem, and
    the warnings for checklist authors (which never make a file bad)."""

    files: int
    bad_files: int
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.bad_files  # warnings alone leave a file valid

    @property
    def summary(self) -> str:
        noted = f", {counted(len(self.warnings), 'warning')}" if self.warnings else ""
        if not self.problems:
            return f"{counted(self.files, 'file')} valid{noted}"
        return f"{counted(len(self.problems), 'problem')} in {self.bad_files} of {counted(self.files, 'file')}{noted}"

    @property
    def everything(self) -> tuple[Problem, ...]:
        """Errors and warnings together, in file and line order."""
        return tuple(sorted(self.problems + self.warnings, key=lambda problem: problem.sort_key))


def render_text(checked: Checked) -> str:
    listing = "".join(f"{problem}\n" for problem in checked.everything)
    return listing if checked.problems else listing + checked.summary + "\n"


def render_json(checked: Checked) -> str:
    document = {
        "valid": checked.valid,
        "files": checked.files,
        "files_with_problems": checked.bad_files,
        "problems": [_fields(problem) for problem in checked.problems],
        "warnings": [_fields(problem) for problem in checked.warnings],
    }
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def _fields(problem: Problem) -> dict[str, object]:
    return {
        "path": problem.path,
        "line": problem.line,
        "col": problem.col,
        "message": problem.message,
        "rule": str(problem.rule),
        "level": str(problem.level),
    }


def render_github(checked: Checked) -> str:
    listing = "".join(
        command(
            str(p.level),
            line(f"{p.message} ({p.rule})"),
            file=line(p.path),
            line=p.line,
            col=p.col,
            title="implcheck validate",
        )
        + "\n"
        for p in checked.everything
    )  # fmt: skip
    return listing if checked.problems else listing + checked.summary + "\n"
