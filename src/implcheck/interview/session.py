"""The session is the answers file being filled in: loaded or started, and rewritten
(atomically, through ``answers_file.render``) after every answer, so Ctrl-C, a closed terminal
or ``kill -9`` between answers leaves a valid file holding everything said so far.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from implcheck import answers_file
from implcheck.errors import UsageError
from implcheck.fileio import write_output
from implcheck.interview.decide import ContextFlags, Tally, merge_context
from implcheck.interview.signals import signals_held
from implcheck.load import (
    checklist_dir_option,
    checklist_for_new_file,
    load_answers,
    load_checklist_ref,
    resolver,
    with_named_checklist,
)
from implcheck.model import Answer, AnswerSheet, Checklist, Context, Item
from implcheck.result import Result

DEFAULT_CHECKLIST = "edtech-readiness"


@dataclass
class Session:
    """What is on disk: the answers file being filled in."""

    path: Path
    checklist: Checklist
    checklist_ref: str
    context: Context
    answers: dict[str, Answer]
    missing: frozenset[str] = frozenset()  # context still to ask for

    def save(self) -> None:
        text = answers_file.render(self.checklist, self.checklist_ref, self.context, self.answers, mark_unasked=True)
        inputs = [self.checklist.path] if self.checklist.path else []
        with signals_held():
            write_output(self.path, text, inputs=inputs)

    def record(self, item: Item, answer: Answer) -> None:
        if self.answers.get(item.id) != answer:
            self.answers[item.id] = answer
            self.save()

    @property
    def tally(self) -> Tally:
        return Tally.of(self.checklist.items, self.answers)

    def sheet(self) -> AnswerSheet:
        return AnswerSheet(self.path, self.checklist_ref, self.context, dict(self.answers))


def open_session(
    ref: str | None,
    path: Path,
    *,
    resume: bool,
    flags: ContextFlags,
    restart: bool = False,
    checklist_dirs: Sequence[Path] = (),
) -> tuple[Session, bool]:
    """Load ``path`` to carry on with it, or start a new session; says whether it resumed. The
    file may name its checklist in ``checklist_dirs`` or in the folder of the one named as ``ref``."""
    if resume and restart:
        raise UsageError("--resume carries on and --restart starts again: give one of them")
    if path.exists():
        sheet, checklist = load_answers(path, resolver(with_named_checklist(ref, checklist_dirs)))
        if ref is not None:
            wanted = load_checklist_ref(ref)
            if wanted.id != checklist.id:
                raise UsageError(
                    f"{path}: answers checklist {checklist.id!r}, not {wanted.id!r}; leave out the checklist "
                    "to carry on with it, or choose another -o"
                )
        context, missing = merge_context(sheet.context, flags, path)
        return Session(path, checklist, sheet.checklist_ref, context, dict(sheet.answers), missing), True
    if resume:
        raise UsageError(f"{path}: not found, so there is nothing to resume; to start, leave out --resume")
    if path.is_dir() or not (path.parent if str(path.parent) else Path()).is_dir():
        raise UsageError(f"{path}: cannot write there: the folder {path.parent} does not exist")
    checklist, ref = checklist_for_new_file(ref or DEFAULT_CHECKLIST, path)
    context, missing = merge_context(Context(), flags, path)
    return Session(path, checklist, ref, context, {}, missing), False


def resume_command(path: Path, checklist: Checklist) -> str:
    """How to carry on: running assess again on the file does (``--resume`` is not needed)."""
    return f"implcheck assess{checklist_dir_option(checklist, path)} -o {shlex.quote(str(path))}"


def report_path(path: Path) -> Path:
    """Beside the answers, never the answers themselves (``assess -o a.html``)."""
    report = path.with_suffix(".html")
    return path.with_suffix(".report.html") if report == path else report


def write_report(result: Result, output: Path) -> str:
    """Write the governors' report on ``result`` as HTML to ``output``, never over the files it
    was made from; say what was written. (Jinja is only imported here, when it is asked for.)"""
    from implcheck.present import ReportFormat, render_report

    inputs = [Path(name) for name in result.files] + ([result.checklist.path] if result.checklist.path else [])
    write_output(output, render_report(result, ReportFormat.HTML), inputs=inputs)
    return f"Wrote the governors' report to {output} (verdict: {result.verdict_label.lower()})."
