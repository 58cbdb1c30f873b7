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
from implcheck.safetext import json_text, line


@dataclass(frozen=True)
class Checked:
    """What ``validate`` found: how many files it read, how many were bad, every problem."""

    files: int
    bad_files: int
    problems: tuple[Problem, ...]

    @property
    def summary(self) -> str:
        if not self.problems:
            return f"{self.files} file(s) valid"
        return f"{len(self.problems)} problem(s) in {self.bad_files} of {self.files} file(s)"


def render_text(checked: Checked) -> str:
    if not checked.problems:
        return checked.summary + "\n"
    return "".join(f"{problem}\n" for problem in checked.problems)


def render_json(checked: Checked) -> str:
    document = {
        "valid": not checked.problems,
        "files": checked.files,
        "files_with_problems": checked.bad_files,
        "problems": [
            {"path": problem.path, "line": problem.line, "col": problem.col, "message": problem.message}
            for problem in checked.problems
        ],
    }
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def render_github(checked: Checked) -> str:
    if not checked.problems:
        return checked.summary + "\n"
    return "".join(
        command("error", line(p.message), file=line(p.path), line=p.line, col=p.col, title="implcheck validate") + "\n"
        for p in checked.problems
    )
