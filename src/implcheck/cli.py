"""The command line: parse options, call one command function, write what it returns.

Errors become exit codes in ``boundary.py`` and nowhere else: 2 for a user's mistake, 130 for
Ctrl-C, 3 for a bug in implcheck (never 1, the gate's code).
"""

from __future__ import annotations

import copy
import math
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.models import CommandInfo

from implcheck import __version__, helptext, safetext, terminal
from implcheck.boundary import Boundary
from implcheck.commands import check as check_cmd
from implcheck.commands.schema import SchemaKind
from implcheck.model import DEFAULT_MAX_DROP, Role
from implcheck.outcome import Outcome
from implcheck.present import (
    CheckFormat,
    CollectFormat,
    CompareFormat,
    PortfolioFormat,
    ReportFormat,
    ShowFormat,
    ValidateFormat,
)
from implcheck.terminal import use_colour as use_colour  # re-exported: tests and commands ask cli

# Each command imports its own module when it runs: start-up pays only for what `check` needs
# (benchmarks/bench.py, P1).


class _Group(Boundary, helptext.WorkflowOrder):
    """Errors become exit codes (``Boundary``); commands listed in workflow order with examples."""


app = typer.Typer(
    cls=_Group,
    help="Is this school technology implementation ready, and is it still on track?",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def emit(outcome: Outcome) -> None:
    if outcome.stdout:
        sys.stdout.write(outcome.stdout)
        sys.stdout.flush()
    if outcome.stderr:  # messages and warnings: safe for a CI log as every output is (safetext)
        sys.stderr.write(safetext.for_logs(outcome.stderr))
    if outcome.exit_code:
        raise typer.Exit(outcome.exit_code)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"implcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of a bug in implcheck (exit 3) instead of saving it.")
    ] = False,
) -> None:
    """Is this school technology implementation ready, and is it still on track?"""


Files = Annotated[
    list[Path],
    typer.Argument(
        metavar="FILE",
        help="Answers files: one per respondent, same school and initiative; or a folder of them.",
    ),
]


# Answers files may name checklists only in their own folder (a school's file must not read the
# runner's other files); these are the other folders the user allows.
ChecklistDirs = Annotated[
    list[Path] | None,
    typer.Option("--checklist-dir", metavar="DIR", help="Answers files may also name checklists in DIR."),
]

MaxDrop = Annotated[
    float, typer.Option(min=0, max=100, help="A score fall of more than this many points is a regression.")
]


def _a_number(value: float | None) -> float | None:
    """Refuse ``nan``: it passes the 0-100 range check, then no score is ever "under" it, so the
    gate would silently never fail."""
    if value is not None and math.isnan(value):
        raise typer.BadParameter("must be a number from 0 to 100, not nan")
    return value


@app.command(epilog=helptext.epilog("check"))
def check(
    files: Files,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.TEXT,
    fail_on: Annotated[
        check_cmd.FailOn, typer.Option(help="Fail (exit 1) when the verdict is this or worse.")
    ] = check_cmd.FailOn.NOT_READY,
    fail_under: Annotated[
        float | None,
        typer.Option(min=0, max=100, callback=_a_number, help="Also fail when the score is under this (0-100)."),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(metavar="PATH", help="Last term's answers file or folder: also fail (exit 1) on a regression."),
    ] = None,
    max_drop: MaxDrop = DEFAULT_MAX_DROP,
    checklist_dir: ChecklistDirs = None,
) -> None:
    """Score answers files, print a summary, and exit 1 if the readiness gate fails."""
    width = terminal.width()
    emit(
        check_cmd.run(
            files,
            fmt,
            fail_on,
            fail_under,
            baseline=baseline,
            max_drop=max_drop,
            color=use_colour(),
            width=width,
            checklist_dirs=checklist_dir or [],
        )
    )


@app.command(epilog=helptext.epilog("report"))
def report(
    files: Files,
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="html, md, or csv (the actions, then every item's answers and evidence)."),
    ] = (ReportFormat.HTML),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write it; '-' for stdout. Without it: stdout when piped, "
            "else NAME-report.html (or .md, .csv) here, NAME being the first answers file's.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(help="Replace NAME-report.html if it is already there (else NAME-report-2.html, and so on)."),
    ] = False,
    generated_at: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Show this as the report's date (none by default).")
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(metavar="PATH", help="Last term's answers file or folder: adds a 'Since last term' section."),
    ] = None,
    checklist_dir: ChecklistDirs = None,
) -> None:
    """Render the governors' report: summary first, then the detail. Always exits 0 (not a gate)."""
    from implcheck.commands import report as report_cmd

    emit(
        report_cmd.run(
            files,
            fmt,
            output,
            generated_at=generated_at,
            baseline=baseline,
            to_terminal=stdout_is_terminal(),
            force=force,
            checklist_dirs=checklist_dir or [],
        )
    )


@app.command(epilog=helptext.epilog("compare"))
def compare(
    before: Annotated[Path, typer.Argument(help="Last term: an answers file, or a folder of one term's files.")],
    after: Annotated[Path, typer.Argument(help="This term: an answers file, or a folder of one term's files.")],
    fmt: Annotated[CompareFormat, typer.Option("--format", "-f", help="Output format.")] = CompareFormat.TEXT,
    max_drop: MaxDrop = DEFAULT_MAX_DROP,
    checklist_dir: ChecklistDirs = None,
) -> None:
    """Show what changed between two terms: better, worse, new and closed gaps. Always exits 0."""
    from implcheck.commands import compare as compare_cmd

    emit(compare_cmd.run(before, after, fmt, max_drop, checklist_dir or []))


@app.command(epilog=helptext.epilog("portfolio"))
def portfolio(
    folders: Annotated[
        list[Path], typer.Argument(metavar="DIR", help="Folders holding the schools' answers files, at any depth.")
    ],
    fmt: Annotated[PortfolioFormat, typer.Option("--format", "-f", help="Output format.")] = PortfolioFormat.TEXT,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Where to write it; '-' or nothing for stdout.")
    ] = None,
    fail_on: Annotated[
        check_cmd.FailOn, typer.Option(help="Fail (exit 1) when any latest term's verdict is this or worse.")
    ] = check_cmd.FailOn.NEVER,
    fail_on_regression: Annotated[
        bool, typer.Option("--fail-on-regression", help="Fail (exit 1) when any implementation regressed.")
    ] = False,
    max_drop: MaxDrop = DEFAULT_MAX_DROP,
    jobs: Annotated[int, typer.Option(min=1, max=64, help="Read files with this many processes.")] = 1,
    verbose: Annotated[bool, typer.Option("--verbose", help="List the files skipped, and why.")] = False,
    checklist_dir: ChecklistDirs = None,
) -> None:
    """Every school's implementations at once: grouped, term by term, worst first."""
    from implcheck.commands import portfolio as portfolio_cmd

    width = terminal.width(200)
    to_terminal = sys.stdout.isatty() and (output is None or str(output) == "-")
    options = portfolio_cmd.Options(
        fmt,
        output,
        fail_on,
        fail_on_regression,
        max_drop,
        jobs,
        verbose,
        to_terminal,
        use_colour(),
        width,
        tuple(checklist_dir or ()),
    )
    emit(portfolio_cmd.run(folders, options))


@app.command(epilog=helptext.epilog("collect"))
def collect(
    folder: Annotated[
        Path, typer.Argument(metavar="FOLDER", help="The folder the respondents' files were collected into.")
    ],
    expect: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Who was asked to answer (respondents: name and role, or role and count)."),
    ] = None,
    fmt: Annotated[CollectFormat, typer.Option("--format", "-f", help="Output format.")] = CollectFormat.TEXT,
    checklist_dir: ChecklistDirs = None,
) -> None:
    """Who has replied, by role and name; incomplete files; where roles disagree; the response rate."""
    from implcheck.commands import collect as collect_cmd

    emit(collect_cmd.run(folder, expect, fmt, checklist_dir or []))


@app.command(epilog=helptext.epilog("validate"))
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Checklists, answers files, or folders of them.")],
    fmt: Annotated[
        ValidateFormat,
        typer.Option("--format", "-f", help="text (path:line:col: message), json, or github (workflow annotations)."),
    ] = ValidateFormat.TEXT,
    checklist_dir: ChecklistDirs = None,
) -> None:
    """Check checklists and answers files; report every problem as path:line:col: message."""
    from implcheck.commands import validate as validate_cmd

    emit(validate_cmd.run(paths, fmt, checklist_dir or []))


@app.command(epilog=helptext.epilog("schema"))
def schema(kind: Annotated[SchemaKind, typer.Argument(help="Which file kind.")]) -> None:
    """Print the JSON Schema of a checklist, an answers file, a list of expected respondents, or a JSON output."""
    from implcheck.commands import schema as schema_cmd

    emit(schema_cmd.run(kind))


@app.command(epilog=helptext.epilog("checklists"))
def checklists() -> None:
    """List the shipped checklists: id, version and title."""
    from implcheck.commands import catalog as catalog_cmd

    emit(catalog_cmd.list_shipped())


@app.command(epilog=helptext.epilog("show"))
def show(
    checklist: Annotated[str, typer.Argument(help="A shipped checklist id or a path to a checklist file.")],
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.TEXT,
) -> None:
    """Show a checklist: its sections, stages and items, and which are critical."""
    from implcheck.commands import catalog as catalog_cmd

    emit(catalog_cmd.show(checklist, fmt))


@app.command(epilog=helptext.epilog("init"))
def init(
    checklist: Annotated[
        str | None,
        typer.Argument(
            metavar="CHECKLIST", help="A shipped checklist id or a path to a checklist file (not with --from)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Where to write it; '-' or nothing for stdout.")
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
    last: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar="LAST",
            help="Last term's answers file: next term's file for the same school and respondent, its open "
            "actions and accepted risks carried, every answer back to unknown with last term's beside it.",
        ),
    ] = None,
    term: Annotated[
        str | None,
        typer.Option(metavar="TERM", help="The term the file is for, e.g. 2027-spring (needed with --from)."),
    ] = None,
    role: Annotated[
        Role | None,
        typer.Option(help="Who will answer it: only the questions this role is asked, in its own words."),
    ] = None,
    checklist_dir: ChecklistDirs = None,
) -> None:
    """Write a fillable answers file (or, with --from, next term's): every item unknown, questions as comments."""
    from implcheck.commands import init as init_cmd

    emit(
        init_cmd.run(
            checklist, output, force=force, last=last, term=term, role=role, checklist_dirs=checklist_dir or []
        )
    )


@app.command(epilog=helptext.epilog("assess"))
def assess(
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="The answers file: written after every answer.")
    ],
    checklist: Annotated[
        str | None,
        typer.Argument(help="A shipped checklist id or a path [default: edtech-readiness, or the one FILE names]."),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(help="Carry on with FILE, which must exist (assess carries on with an existing FILE anyway)."),
    ] = False,
    restart: Annotated[
        bool, typer.Option(help="Clear FILE's answers and start again from question 1 (asks first).")
    ] = False,
    school: Annotated[str | None, typer.Option(help="School name (asked for when not given).")] = None,
    initiative: Annotated[str | None, typer.Option(help="The product or change being assessed.")] = None,
    term: Annotated[str | None, typer.Option(help="School term, e.g. 2026-autumn.")] = None,
    role: Annotated[
        Role | None, typer.Option(help="Your role: you are asked only its questions, in its own words.")
    ] = None,
    name: Annotated[str | None, typer.Option(help="Your name.")] = None,
    last: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar="LAST",
            help="Last term's answers file: same school and respondent, its open actions and accepted risks "
            "kept; each question offers last term's answer (Enter keeps it).",
        ),
    ] = None,
    checklist_dir: ChecklistDirs = None,
) -> None:
    """Answer a checklist in the terminal, question by question; saved after every answer."""
    from implcheck.commands import assess as assess_cmd  # rich is only paid for here

    flags = assess_cmd.ContextFlags(school, initiative, term, role, name)
    dirs = checklist_dir or []
    emit(
        assess_cmd.run(
            checklist,
            output,
            resume=resume,
            restart=restart,
            flags=flags,
            color=use_colour(),
            checklist_dirs=dirs,
            last=last,
        )
    )


@app.command(epilog=helptext.epilog("form"))
def form(
    role: Annotated[Role, typer.Option(help="Whose questions: the form asks this role's set, in its words.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE.html", help="Where to write the page; '-' for stdout.")
    ],
    checklist: Annotated[
        str, typer.Argument(metavar="[CHECKLIST]", help="A shipped checklist id or a path to a checklist file.")
    ] = "edtech-readiness",
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
    school: Annotated[str, typer.Option(help="Fill in the school's name for everyone.")] = "",
    initiative: Annotated[str, typer.Option(help="Fill in the product or change being assessed.")] = "",
    term: Annotated[str, typer.Option(help="Fill in the term, e.g. 2026-autumn.")] = "",
) -> None:
    """Write one role's questions as an HTML page anyone answers in a browser, offline; it downloads an answers file."""
    from implcheck.commands import form as form_cmd

    emit(form_cmd.run(checklist, role, output, force=force, school=school, initiative=initiative, term=term))


def main() -> None:
    only(sys.argv[1:])(prog_name="implcheck")


def only(args: list[str]) -> typer.Typer:
    """The app with just the command ``args`` run, when they begin with one (after ``--debug``,
    the one option that may come first): typer works out every command's options before it
    runs one, and that is a tenth of ``check``'s start-up (benchmarks/bench.py, P1). The command
    behaves exactly as in the whole app; the root's help, shell completion and a mistyped
    command get the whole app."""
    rest = list(args)
    while rest[:1] == ["--debug"]:
        rest.pop(0)
    completing = any(key.startswith("_") and key.endswith("_COMPLETE") for key in os.environ)
    named = [info for info in app.registered_commands if rest and _name(info) == rest[0]]
    if completing or not named:
        return app
    single = copy.copy(app)
    single.registered_commands = named
    return single


def _name(info: CommandInfo) -> str:
    return info.name or typer.main.get_command_name(info.callback.__name__ if info.callback else "")
