"""``implcheck assess``: answer a checklist in the terminal, one question at a time.

The answers file is the session (``interview/session.py``): it is rewritten after every answer,
so stopping in any way between answers loses nothing, and running again carries on from the
first unanswered item. This module only opens the session, sets up the terminal and runs the
conversation; the interview's parts are in ``implcheck.interview``.
"""

from __future__ import annotations

import errno
import shlex
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from implcheck import terminal
from implcheck.carry import next_term
from implcheck.commands import Outcome
from implcheck.errors import UsageError
from implcheck.interview.conversation import Interview
from implcheck.interview.decide import ContextFlags
from implcheck.interview.outcome import ReportWriter, converse
from implcheck.interview.session import DEFAULT_CHECKLIST, open_session, write_report
from implcheck.interview.signals import (
    EXIT_HANGUP,
    HungUp,
    detach_from_terminal,
    read_line,
    stdin_is_terminal,
    stops_raise,
)

__all__ = ["ContextFlags", "HungUp", "run"]


def run(
    ref: str | None,
    path: Path,
    *,
    resume: bool = False,
    restart: bool = False,
    flags: ContextFlags | None = None,
    color: bool = False,
    width: int | None = None,
    today: date | None = None,
    read: Callable[[str], str] | None = None,
    report_writer: ReportWriter = write_report,
    checklist_dirs: Sequence[Path] = (),
    last: Path | None = None,
) -> Outcome:
    flags = flags or ContextFlags()
    session, resumed = open_session(
        ref, path, resume=resume, restart=restart, flags=flags, checklist_dirs=checklist_dirs, last=last
    )
    if not stdin_is_terminal():
        quoted = shlex.quote(str(path))
        made = f"{ref or DEFAULT_CHECKLIST}"
        if last is not None:
            term = session.context.term or next_term(session.last.term if session.last else "") or "TERM"
            made = f"--from {shlex.quote(str(last))} --term {shlex.quote(term)}"
        start = "edit it" if resumed else f"write it with: implcheck init {made} -o {quoted}, edit it"
        raise UsageError(
            "assess asks questions, so it needs a terminal (its input is not one). "
            f"To answer without one, {start}, then run: implcheck check {quoted}"
        )
    console = terminal.console(sys.stdout, color=color, width=width)
    interview = Interview(session, console, read or read_line)
    try:
        with stops_raise():
            return converse(interview, resumed, today or date.today(), report_writer, color=color, restart=restart)
    except HungUp:
        pass
    except OSError as error:
        # Reading or writing a terminal that has gone: the hang-up signal may come a moment later.
        if error.errno not in (errno.EIO, errno.EPIPE):
            raise
    detach_from_terminal()
    return Outcome(exit_code=EXIT_HANGUP)
