"""``implcheck validate FILE|DIR...``: every problem in checklists and answers files, at once."""

from __future__ import annotations

from pathlib import Path

from implcheck.commands import Outcome
from implcheck.errors import EXIT_BAD_INPUT, EXIT_OK, InputError, Problem
from implcheck.load import load_any

SUFFIXES = (".yaml", ".yml")


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders as every YAML file below them, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        else:
            files.append(path)
    return files


def run(paths: list[Path]) -> Outcome:
    files = expand(paths)
    problems: list[Problem] = []
    bad_files = 0
    for path in files:
        try:
            load_any(path)
        except InputError as error:
            problems += error.problems
            bad_files += 1
    if not files:
        return Outcome("", EXIT_BAD_INPUT, "implcheck: error: no YAML files found in the paths given\n")
    if problems:
        listing = "".join(f"{problem}\n" for problem in problems)
        summary = f"{len(problems)} problem(s) in {bad_files} of {len(files)} file(s)\n"
        return Outcome(listing, EXIT_BAD_INPUT, summary)
    return Outcome(f"{len(files)} file(s) valid\n", EXIT_OK)
