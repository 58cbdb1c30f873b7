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
from implcheck.carry import (
    LastTerm,
    carry,
    check_new_term,
    checklist_ref,
    last_term,
    load_last,
    refuse_a_checklist_too,
)
from implcheck.errors import UsageError
from implcheck.fileio import check_not_input, write_output
from implcheck.interview.decide import ContextFlags, Tally, clean, merge_context
from implcheck.interview.signals import signals_held
from implcheck.load import (
    checklist_dir_option,
    checklist_for_new_file,
    load_answers,
    load_checklist_ref,
    resolver,
    with_named_checklist,
)
from implcheck.model import AcceptedRisk, AgreedAction, Answer, AnswerSheet, Checklist, Context, Item
from implcheck.result import Result
from implcheck.safetext import quote

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
    # Kept as the file has them (``assess`` asks nothing about them), or carried by ``--from``.
    actions: tuple[AgreedAction, ...] = ()
    accepted_risks: tuple[AcceptedRisk, ...] = ()
    # ``--from``: last term's file, whose answers each question offers (and the file shows).
    last: LastTerm | None = None
    carried_from: Path | None = None

    def save(self) -> None:
        text = answers_file.render(
            self.checklist,
            self.checklist_ref,
            self.context,
            self.answers,
            mark_unasked=True,
            actions=self.actions,
            accepted_risks=self.accepted_risks,
            last=self.last,
        )
        inputs = [self.checklist.path] if self.checklist.path else []
        inputs += [self.carried_from] if self.carried_from else []
        with signals_held():
            write_output(self.path, text, inputs=inputs)

    def record(self, item: Item, answer: Answer) -> None:
        if self.answers.get(item.id) != answer:
            self.answers[item.id] = answer
            self.save()

    @property
    def asked(self) -> tuple[Item, ...]:
        """The questions this respondent's role is asked, in the checklist's order."""
        return self.checklist.asked(self.context.respondent.role)

    @property
    def tally(self) -> Tally:
        return Tally.of(self.asked, self.answers)

    def last_answer(self, item: Item) -> Answer | None:
        """Last term's answer to ``item`` (``--from``), offered when it has none this term."""
        return None if self.last is None else self.last.answers.get(item.id)

    def sheet(self) -> AnswerSheet:
        return AnswerSheet(
            self.path, self.checklist_ref, self.context, dict(self.answers), self.actions, self.accepted_risks
        )


def open_session(
    ref: str | None,
    path: Path,
    *,
    resume: bool,
    flags: ContextFlags,
    restart: bool = False,
    checklist_dirs: Sequence[Path] = (),
    last: Path | None = None,
) -> tuple[Session, bool]:
    """Load ``path`` to carry on with it, or start a new session; says whether it resumed. The
    file may name its checklist in ``checklist_dirs`` or in the folder of the one named as ``ref``.
    With ``last`` (``--from``), a new session starts from last term's file (``carry.py``), and
    either kind offers last term's answers."""
    if resume and restart:
        raise UsageError("--resume carries on and --restart starts again: give one of them")
    if last is not None:
        refuse_a_checklist_too(ref, last)
        check_not_input(path, [last])
    if last is not None and not path.exists() and not resume:
        _folder_for(path)
        return _carried(last, path, flags, checklist_dirs), False
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
        session = Session(
            path,
            checklist,
            sheet.checklist_ref,
            context,
            dict(sheet.answers),
            missing,
            sheet.actions,
            sheet.accepted_risks,
        )
        if last is not None:
            _offer_last_term(session, last, checklist_dirs)
        return session, True
    if resume:
        raise UsageError(f"{path}: not found, so there is nothing to resume; to start, leave out --resume")
    _folder_for(path)
    checklist, ref = checklist_for_new_file(ref or DEFAULT_CHECKLIST, path)
    context, missing = merge_context(Context(), flags, path)
    return Session(path, checklist, ref, context, {}, missing), False


def _folder_for(path: Path) -> None:
    if path.is_dir() or not (path.parent if str(path.parent) else Path()).is_dir():
        raise UsageError(f"{path}: cannot write there: the folder {path.parent} does not exist")


def _carried(last: Path, path: Path, flags: ContextFlags, checklist_dirs: Sequence[Path]) -> Session:
    """A new session for next term, from last term's file (``carry.py``): the term and the
    date are this interview's."""
    sheet, checklist = load_last(last, "implcheck assess --from {last} -o NEW.yaml", checklist_dirs)
    check_new_term(last, sheet.context.term, clean(flags.term or ""))
    carried = carry(sheet, "", "")
    context, missing = merge_context(carried.context, flags, last)
    ref = checklist_ref(sheet, checklist, path)
    return Session(
        path, checklist, ref, context, {}, missing, carried.actions, carried.accepted_risks, carried.last, last
    )


def _offer_last_term(session: Session, last: Path, checklist_dirs: Sequence[Path]) -> None:
    """Carrying on with this term's file: offer last term's answers again, if it is the same
    school's file for the same checklist, from another term."""
    sheet, checklist = load_last(
        last, "implcheck assess --from {last} -o " + shlex.quote(str(session.path)), checklist_dirs
    )
    mine = session.context
    for what in ("school", "initiative"):
        a, b = getattr(mine, what), getattr(sheet.context, what)
        if a and b and a.casefold() != b.casefold():
            raise UsageError(
                f"{last}: is for {what} {quote(b)}, but {session.path} is for {quote(a)}; "
                "give --from last term's file for the same school and initiative"
            )
    if checklist.id != session.checklist.id:
        raise UsageError(
            f"{last}: answers checklist {checklist.id!r}, but {session.path} answers {session.checklist.id!r}; "
            "give --from last term's file for the same checklist"
        )
    check_new_term(last, sheet.context.term, mine.term)
    session.last, session.carried_from = last_term(sheet), last


def resume_command(path: Path, checklist: Checklist, last: Path | None = None) -> str:
    """How to carry on: running assess again on the file does (``--resume`` is not needed);
    with ``--from`` again, so the questions left still offer last term's answers."""
    carried = f" --from {shlex.quote(str(last))}" if last is not None else ""
    return f"implcheck assess{checklist_dir_option(checklist, path)}{carried} -o {shlex.quote(str(path))}"


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
