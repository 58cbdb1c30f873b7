"""What the tests of ``implcheck assess`` share: the mini checklist, a scripted terminal
(``Script``), and ``assess``, which runs the command's ``run`` on typed lines. The ``terminal``
fixture (``conftest.py``) makes the command believe its input is a terminal."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from typer.testing import CliRunner, Result

from helpers import MINI
from implcheck.cli import app
from implcheck.commands import Outcome
from implcheck.commands import assess as assess_cmd
from implcheck.load import load_answers, load_checklist, resolver
from implcheck.model import Answer, AnswerValue

Write = Callable[[str, str], Path]


runner = CliRunner()


CHECKLIST = load_checklist(MINI)


ALLOW_FIXTURES = resolver([MINI.parent])  # the answers are in tmp_path, the checklist is not


ITEMS = CHECKLIST.items  # problem-specific (critical), owner-named, single-sign-on, training-planned


CONTEXT = ["Oakfield Primary", "Pobble for writing", "", "senior-leader", "A. Leader"]


TODAY = date(2026, 11, 20)


def yes(*ids: str) -> dict[str, Answer]:
    return {item_id: Answer(AnswerValue.YES) for item_id in ids}


class Script:
    """Types ``lines`` one by one; prints each prompt and answer like a terminal would. After the
    last line: ``then`` (EOFError by default, as at Ctrl-D)."""

    def __init__(self, *lines: str, then: BaseException | None = None) -> None:
        self.lines: Iterator[str] = iter(lines)
        self.then = then or EOFError()
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        sys.stdout.write(prompt)
        try:
            line = next(self.lines)
        except StopIteration:
            raise self.then from None
        sys.stdout.write(line + "\n")
        return line


BESIDE = "mini beside the answers"  # assess()'s default: a copy of the mini checklist in the file's folder


def mini_beside(path: Path) -> str:
    """A copy of the mini checklist beside ``path``, as a school keeps its checklist: the commands
    assess prints then need no --checklist-dir."""
    copy = path.parent / MINI.name
    shutil.copyfile(MINI, copy)
    return str(copy)


def assess(
    path: Path, *lines: str, ref: str | None = BESIDE, then: BaseException | None = None, **kwargs: object
) -> tuple[Outcome, Script]:
    ref = mini_beside(path) if ref == BESIDE else ref
    script = Script(*lines, then=then)
    outcome = assess_cmd.run(ref, path, read=script, today=TODAY, width=100, **kwargs)  # type: ignore[arg-type]
    return outcome, script


def flat(text: str) -> str:
    """Printed text with its line breaks undone, for sentences rich wraps."""
    return " ".join(text.split())


def answers_in(path: Path) -> dict[str, Answer]:
    sheet, _ = load_answers(path, ALLOW_FIXTURES)
    return sheet.answers


ALL_BUT_LAST = "  problem-specific: yes\n  owner-named: yes\n  single-sign-on: yes\n"


def invoke(*args: str | Path, input: str | None = None) -> Result:
    return runner.invoke(app, ["assess", *(str(a) for a in args)], input=input, prog_name="implcheck")
