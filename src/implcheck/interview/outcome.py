"""How a session ends: the verdict screen, the governors' report if wanted, and what to run
later; and how each way of stopping (``q``, Ctrl-D, Ctrl-C) is reported.
"""

from __future__ import annotations

import shlex
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.rule import Rule
from rich.text import Text

from implcheck import answers_file, roles
from implcheck.errors import EXIT_INTERRUPTED, EXIT_OK, ImplcheckError
from implcheck.interview.conversation import Interview, Stop
from implcheck.interview.session import Session, report_path, resume_command
from implcheck.interview.signals import EXIT_TERMINATED, Terminated
from implcheck.load import checklist_dir_option
from implcheck.model import Assessment
from implcheck.outcome import Outcome
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
    restart: bool = False,
) -> Outcome:
    """The whole conversation: context, questions, verdict; and how each way of stopping ends."""
    session, console, path = interview.session, interview.console, interview.session.path
    started = resumed  # is there a file to carry on with?
    try:
        console.print(
            f"[bold]{escape(session.checklist.title)}[/] ({escape(session.checklist.id)} "
            f"{escape(session.checklist.version)})"
        )
        console.print(f"Saved to {escape(str(path))} after every answer.")
        if restart and session.answers:
            if not interview.confirm(
                f"{escape(str(path))} has {session.tally}. Clear every answer and start again?", default=False
            ):
                console.print("Nothing was changed. To carry on with it, run:")
                command(console, resume_command(path, session.checklist, session.carried_from))
                return Outcome(exit_code=EXIT_OK)
            session.answers.clear()
            session.save()
            resumed = False
        loaded = session.context
        try:
            session.context = interview.ask_context(session.context, session.missing, today)
        except EOFError:
            raise KeyboardInterrupt from None
        console.print(f"{how_many(session)}.")
        if not started:
            answers_file.write_schema_beside(path, session.checklist)
        if not started or session.context != loaded:
            session.save()
            started = True
        interview.run(resumed=resumed)
        finish(interview, report_writer, color=color)
    except (Stop, EOFError):
        console.print()
        console.print(f"Saved to {escape(str(path))}: {session.tally}.")
        console.print("To carry on, run:")
        command(console, resume_command(path, session.checklist, session.carried_from))
    except (KeyboardInterrupt, Terminated) as stop:
        console.print()
        why, code = (
            ("Ended by another program (SIGTERM)", EXIT_TERMINATED)
            if isinstance(stop, Terminated)
            else ("Interrupted", EXIT_INTERRUPTED)
        )
        if not started:
            return Outcome(exit_code=code, stderr=_fill(f"{why} before any answer: nothing was saved.", console.width))
        saved = _fill(f"{why}. Saved in {path}: {session.tally}.", console.width)
        return Outcome(
            exit_code=code,
            stderr=f"{saved}To carry on: {resume_command(path, session.checklist, session.carried_from)}\n",
        )
    return Outcome(exit_code=EXIT_OK)


def how_many(session: Session) -> str:
    """``3 questions, about 2 minutes: the ones a teacher is asked``, said before the first."""
    role = session.context.respondent.role
    asked = session.asked
    whose = "" if len(asked) == len(session.checklist.items) else f": the ones {roles.a_role(role)} is asked"
    return f"{roles.how_long(len(asked))}{whose}"


def _fill(sentence: str, width: int) -> str:
    """A message for stderr, which rich does not lay out: broken between words, not inside one."""
    return textwrap.fill(sentence, width, break_long_words=False, break_on_hyphens=False) + "\n"


def finish(interview: Interview, writer: ReportWriter, *, color: bool) -> None:
    """The verdict (as ``check`` prints it, with questions for ids), the offer of the report,
    and the commands for later."""
    session, console = interview.session, interview.console
    path = session.path
    report = report_path(path)
    console.print()
    console.print(Rule("Result", style="dim"))
    result = score(Assessment(session.checklist, (session.sheet(),)))
    # Already laid out for this width, colour codes and all: printed as it is, not re-wrapped.
    text = summary.render(result, color=color, width=min(console.width, 120))
    console.print(Text.from_ansi(text), end="")
    tally = session.tally
    left = [f"{tally.not_asked} not asked yet"] if tally.not_asked else []
    left += [f"{tally.unknown} don't know"] if tally.unknown else []
    if left:
        console.print()
        console.print(f"To answer the rest later ({' and '.join(left)}), run:")
        command(console, resume_command(path, session.checklist, session.carried_from))
    allow = checklist_dir_option(session.checklist, path)  # so the commands work as printed
    report_command = f"implcheck report{allow} {shlex.quote(str(path))} -o {shlex.quote(str(report))}"
    console.print()
    replaces = " (it replaces the one there)" if report.exists() else ""
    try:
        wanted = interview.confirm(
            f"Write the governors' report to {escape(str(report))}{replaces} now?", default=False
        )
    except EOFError:
        wanted = False
        console.print()
    if wanted:
        try:
            console.print(escape(writer(result, report)))
        except ImplcheckError as error:
            console.print(f"The report was not written: {escape(str(error))}")
        console.print()
    console.print("Later, to score the answers again or write the report:")
    command(console, f"implcheck check{allow} {shlex.quote(str(path))}")
    command(console, report_command)


def command(console: Console, line: str) -> None:
    """A command to copy: indented, never broken by rich (the terminal wraps it if it must)."""
    console.print(f"  {line}", markup=False, soft_wrap=True)
