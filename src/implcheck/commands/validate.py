"""``implcheck validate FILE|DIR...``: every problem in checklists and answers files, at once.

Errors (exit 2) make a file unusable; warnings (still exit 0) tell a checklist's author about a
design fault, such as an item that blocks readiness without being marked critical (``lint.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from implcheck import history, safetext
from implcheck.commands import Outcome
from implcheck.errors import EXIT_BAD_INPUT, EXIT_OK, InputError, Level, Problem, ProblemRule
from implcheck.fileio import is_dir
from implcheck.lint import hidden_dealbreakers
from implcheck.load import load_any
from implcheck.model import Checklist
from implcheck.present import ValidateFormat, render_problems
from implcheck.present.problems import Checked
from implcheck.result import shorten
from implcheck.yamlsource import load_document

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


def warnings(path: Path, checklist: Checklist) -> list[Problem]:
    """Each lint finding at the line of its item's ``failure_mode``, where the fix usually starts."""
    doc = load_document(path)
    where = {
        item.id: doc.where("sections", s, "items", i, "failure_mode")
        for s, section in enumerate(checklist.sections)
        for i, item in enumerate(section.items)
    }
    return [
        Problem(
            str(path),
            where[f.item_id].line,
            where[f.item_id].col,
            f.message,
            f.rule,
            Level.WARNING,
        )
        for f in hidden_dealbreakers(checklist)
    ]


def vanished(path: Path, checklist: Checklist) -> list[Problem]:
    """A checklist under a shipped id whose version went up while an item of an earlier shipped
    version vanished without ``renamed:`` or ``retired:``: that version's files would lose it."""
    lost = history.vanished(checklist)
    if not lost:
        return []
    where = load_document(path).where("version")
    return [
        Problem(
            str(path),
            where.line,
            where.col,
            f"{checklist.id} {each.version} asked {each.item_id!r} (“{shorten(each.question)}”), which "
            f"{checklist.version} neither has nor lists under 'renamed' or 'retired'; say what became of it, "
            f"so files written for {each.version} keep their answer. A checklist with the id of a shipped one "
            "is held to the shipped versions' items",
            ProblemRule.BAD_MIGRATION,
        )
        for each in lost
    ]


def run(paths: list[Path], fmt: ValidateFormat = ValidateFormat.TEXT, checklist_dirs: Sequence[Path] = ()) -> Outcome:
    files = expand(paths)
    if not files:
        where = ", ".join(safetext.line(str(path)) for path in paths)
        return Outcome("", EXIT_BAD_INPUT, f"implcheck: error: {where}: no YAML files (*.yaml, *.yml) found\n")
    problems: list[Problem] = []
    advice: list[Problem] = []
    bad_files = 0
    for path in files:
        try:
            loaded = load_any(path, checklist_dirs)
        except InputError as error:
            problems += error.problems
            bad_files += 1
        else:
            if isinstance(loaded, Checklist):
                advice += warnings(path, loaded)
                lost = vanished(path, loaded)
                problems += lost
                bad_files += bool(lost)
            elif isinstance(loaded, tuple):
                advice += loaded[0].warnings
    checked = Checked(len(files), bad_files, tuple(problems), tuple(advice))
    output = render_problems(checked, fmt)
    if not bad_files:
        return Outcome(output, EXIT_OK)
    # JSON says everything in one document; for people and CI logs the count goes to stderr.
    summary = "" if fmt is ValidateFormat.JSON else checked.summary + "\n"
    return Outcome(output, EXIT_BAD_INPUT, summary)
