"""``implcheck validate FILE|DIR...``: every problem in checklists and answers files, at once."""

from __future__ import annotations

from pathlib import Path

from implcheck import safetext
from implcheck.commands import Outcome
from implcheck.errors import EXIT_BAD_INPUT, EXIT_OK, InputError, Problem
from implcheck.fileio import is_dir
from implcheck.load import load_any
from implcheck.present import ValidateFormat, render_problems
from implcheck.present.problems import Checked

SUFFIXES = (".yaml", ".yml")


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders as every YAML file below them, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if is_dir(path):
            files += sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        else:
            files.append(path)
    return files


def run(paths: list[Path], fmt: ValidateFormat = ValidateFormat.TEXT) -> Outcome:
    files = expand(paths)
    if not files:
        where = ", ".join(safetext.line(str(path)) for path in paths)
        return Outcome("", EXIT_BAD_INPUT, f"implcheck: error: {where}: no YAML files (*.yaml, *.yml) found\n")
    problems: list[Problem] = []
    bad_files = 0
    for path in files:
        try:
            load_any(path)
        except InputError as error:
            problems += error.problems
            bad_files += 1
    checked = Checked(len(files), bad_files, tuple(problems))
    output = render_problems(checked, fmt)
    if not problems:
        return Outcome(output, EXIT_OK)
    # JSON says everything in one document; for people and CI logs the count goes to stderr.
    summary = "" if fmt is ValidateFormat.JSON else checked.summary + "\n"
    return Outcome(output, EXIT_BAD_INPUT, summary)
