"""How a session ends: the verdict screen, the governors' report if wanted, and what to run
later; and how each way of stopping (``q``, Ctrl-D, Ctrl-C) is reported.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.rule import Rule
from rich.text import Text

from implcheck import answers_file
from implcheck.commands import Outcome
from implcheck.errors import EXIT_INTERRUPTED, EXIT_OK, ImplcheckError
from implcheck.interview.conversation import Interview, Stop
from implcheck.interview.decide import parse_key
from implcheck.interview.session import report_path, resume_command
from implcheck.model import AnswerValue, Assessment
from implcheck.present import text as summary
from implcheck.result import Result
from implcheck.scoring import score

ReportWriter = Callable[[Result, Path], str]


def converse(
    interview: Interview,
    resumed: bool,
    today: date,
    report_writer: ReportWriter,
    *,
    color: bool,
) -> Outcome:
    """The whole conversation: context, questions, verdict; and how each way of stopping ends."""
    session, console, path = interview.session, interview.console, interview.session.path
    total = len(session.checklist.items)
    started = resumed  # is there a file to carry on with?
    try:
        console.print(
            f"[bold]{escape(session.checklist.title)}[/] ({escape(session.checklist.id)} "
            f"{escape(session.checklist.version)}, {total} questions)"
        )
        console.print(f"Saved to {escape(str(path))} after every answer.")
        loaded = session.context
        try:
            session.context = interview.ask_context(session.context, session.missing, today)
        except EOFError:
            raise KeyboardInterrupt from None
        if not resumed:
            answers_file.write_schema_beside(path)
        if not resumed or session.context != loaded:
            session.save()
            started = True
        interview.run(resumed=resumed)
        finish(interview, report_writer, color=color)
    except (Stop, EOFError):
        console.print()
        console.print(f"Saved {session.answered} of {total} answers to {escape(str(path))}.")
        console.print("To carry on, run:")
        command(console, resume_command(path))
    except KeyboardInterrupt:
        console.print()
        if not started:
            return Outcome(exit_code=EXIT_INTERRUPTED, stderr="Interrupted before any answer: nothing was saved.\n")
        return Outcome(
            exit_code=EXIT_INTERRUPTED,
            stderr=f"Interrupted. {session.answered} of {total} answers are saved in {path}.\n"
            f"To carry on: {resume_command(path)}\n",
        )
    return Outcome(exit_code=EXIT_OK)


def finish(interview: Interview, writer: ReportWriter, *, color: bool) -> None:
    """The verdict as ``check`` prints it, the offer of the report, and the commands for later."""
    session, console = interview.session, interview.console
    path = session.path
    report = report_path(path)
    console.print()
    console.print(Rule("Result", style="dim"))
    result = score(Assessment(session.checklist, (session.sheet(),)))
    # Already laid out for this width, colour codes and all: printed as it is, not re-wrapped.
    console.print(Text.from_ansi(summary.render(result, color=color, width=min(console.width, 120))), end="")
    left = len(session.checklist.items) - session.answered
    if left:
        console.print()
        console.print(f"To answer the {left} still unknown later, run:")
        command(console, resume_command(path))
    report_command = f"implcheck report {shlex.quote(str(path))} -o {shlex.quote(str(report))}"
    console.print()
    replaces = " (it replaces the one there)" if report.exists() else ""
    try:
        typed = interview.ask(f"Write the governors' report to {escape(str(report))}{replaces} now? {escape('[y/N]')} ")
    except EOFError:
        typed = ""
        console.print()
    if parse_key(typed) is AnswerValue.YES:
        try:
            console.print(escape(writer(result, report)))
        except ImplcheckError as error:
            console.print(f"The report was not written: {escape(str(error))}")
        console.print()
    console.print("Later, to score the answers again or write the report:")
    command(console, f"implcheck check {shlex.quote(str(path))}")
    command(console, report_command)


def command(console: Console, line: str) -> None:
    """A command to copy: indented, never broken by rich (the terminal wraps it if it must)."""
    console.print(f"  {line}", markup=False, soft_wrap=True)
