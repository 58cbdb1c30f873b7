"""Where every run ends: exceptions become exit codes here and nowhere else.

A user's mistake (``ImplcheckError``) prints ``implcheck: error: ...`` and exits 2; Ctrl-C exits
130; a reader that stopped early (``implcheck report ... | head``) ends the run quietly; anything
else is a bug in implcheck. A bug exits 3, never 1, so CI cannot read a crash as "not ready", and
says in one line where its traceback went, so the person can report it without reading it.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from implcheck import __version__, safetext
from implcheck.errors import EXIT_BROKEN_PIPE, EXIT_BUG, EXIT_INTERRUPTED, ImplcheckError, InputError

BUG = "implcheck: internal error ({kind}): this is a bug in implcheck, not a problem with your files. "
REPORT = "Please report it on the implcheck issue tracker"


class Boundary(TyperGroup):
    """Every command runs inside this, so CliRunner tests and real runs share one handler."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):
            raise  # typer's own: --help, usage errors and exit codes already decided
        except ImplcheckError as error:
            # Problems are one line each already; any other message is made one line here, so a
            # path holding a newline or a terminal escape cannot forge or hide output.
            message = str(error) if isinstance(error, InputError) else safetext.line(str(error))
            for line in message.splitlines():
                shown = f"implcheck: error: {line}" if not _located(line) else line
                typer.echo(safetext.for_logs(shown), err=True)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("\nimplcheck: interrupted", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as error:
            typer.echo(bug_message(error, debug=bool(ctx.params.get("debug"))), err=True)
            raise typer.Exit(EXIT_BUG) from None


def _located(line: str) -> bool:
    """``path:line:col: message`` lines are printed as they are, like a compiler's."""
    parts = line.split(":", 3)
    return len(parts) == 4 and parts[1].isdigit() and parts[2].isdigit()


def bug_message(error: Exception, *, debug: bool = False) -> str:
    """The one line a person sees for a bug. The traceback goes to a new file in the temporary
    folder (or, with ``--debug`` or when that file cannot be written, to stderr first)."""
    import platform  # only a bug pays for these (start-up, benchmarks/bench.py P1)
    import tempfile
    import traceback

    head = BUG.format(kind=type(error).__name__)
    details = (
        f"implcheck {__version__}, Python {platform.python_version()} on {platform.system()}\n"
        f"command: implcheck {' '.join(sys.argv[1:])}\n\n" + "".join(traceback.format_exception(error))
    )
    if not debug:
        try:
            # mkstemp: a new file of our own, never one already there (nor a link planted in /tmp)
            fd, name = tempfile.mkstemp(prefix="implcheck-bug-", suffix=".txt")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(details)
        except OSError:
            pass
        else:
            return f"{head}{REPORT} with the traceback in {name} (or run again with --debug to see it)."
    sys.stderr.write(details)
    return f"{head}{REPORT} with the traceback above."


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so flushing it at exit does not fail a second time."""
    try:
        fileno = sys.stdout.fileno()
    except (OSError, ValueError):  # a test's captured stdout has no descriptor
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)
