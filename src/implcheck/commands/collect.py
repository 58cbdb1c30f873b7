"""``implcheck collect FOLDER [--expect FILE]``: who has replied, for the leader chasing replies.

A report, not a gate: it exits 0 however few have replied. A file it cannot read, a second file
from the same person, or a bad expected list is listed as ``path:line:col: message`` on stderr,
everything else is still shown, and it exits 2 at the end (as ``portfolio`` does).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from implcheck.collect import ExpectedList, collect
from implcheck.commands import Outcome
from implcheck.errors import EXIT_BAD_INPUT, EXIT_OK, InputError, Problem, UsageError
from implcheck.fileio import is_dir
from implcheck.load import load_answers, resolver
from implcheck.load.expected import load_expected
from implcheck.model import AnswerSheet, Checklist
from implcheck.present import CollectFormat, render_collection
from implcheck.result import counted
from implcheck.termfiles import files_of


def run(
    folder: Path,
    expect: Path | None = None,
    fmt: CollectFormat = CollectFormat.TEXT,
    checklist_dirs: Sequence[Path] = (),
) -> Outcome:
    if not is_dir(folder):
        what = "does not exist" if not folder.exists() else "is not a folder"
        raise UsageError(f"{folder}: {what}; give the folder the respondents' answers files were collected into")
    problems: list[Problem] = []
    expected: ExpectedList | None = None
    if expect is not None:
        try:
            expected = load_expected(expect)
        except InputError as error:
            problems += error.problems
    loaded: list[tuple[AnswerSheet, Checklist]] = []
    resolve = resolver(checklist_dirs)
    for path in files_of(folder):
        try:
            loaded.append(load_answers(path, resolve))
        except InputError as error:
            problems += error.problems
    collection = collect(str(folder), loaded, problems, expected)
    text = render_collection(collection, fmt)
    warned = [str(warning) for sheet, _ in loaded for warning in sheet.warnings]
    if not collection.problems:
        return Outcome(text, EXIT_OK, "".join(f"{each}\n" for each in warned))
    bad = len({problem.path for problem in collection.problems})
    stderr = [*warned, *(str(problem) for problem in collection.problems)]
    stderr.append(
        f"implcheck: {counted(len(collection.problems), 'problem')} in {counted(bad, 'file')}; "
        "every other file is counted above"
    )
    return Outcome(text, EXIT_BAD_INPUT, "".join(f"{each}\n" for each in stderr))
