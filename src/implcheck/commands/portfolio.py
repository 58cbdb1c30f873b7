"""``implcheck portfolio DIR...``: every school's implementations at once, for a trust's team.

A dashboard, not a gate, unless asked: ``--fail-on`` judges each group's latest term and
``--fail-on-regression`` fails when any group regressed. Bad files never hide the rest: every
good group is still shown, every problem is listed as ``path:line:col: message``, and the run
exits 2 at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from implcheck import portfolio as engine
from implcheck.commands import Outcome
from implcheck.commands.check import FailOn
from implcheck.errors import EXIT_BAD_INPUT, EXIT_GATE_FAILED, EXIT_OK
from implcheck.fileio import write_output
from implcheck.model import DEFAULT_MAX_DROP
from implcheck.present import PortfolioFormat, render_portfolio
from implcheck.result import counted


@dataclass(frozen=True, slots=True)
class Options:
    fmt: PortfolioFormat = PortfolioFormat.TEXT
    output: Path | None = None
    fail_on: FailOn = FailOn.NEVER
    fail_on_regression: bool = False
    max_drop: float = DEFAULT_MAX_DROP
    jobs: int = 1
    verbose: bool = False
    terminal: bool = False  # a person at a terminal: a rich table rather than plain columns
    color: bool = False
    width: int = 100
    checklist_dirs: tuple[Path, ...] = ()  # answers files may also name checklists there


def gate(portfolio: engine.Portfolio, fail_on: FailOn, fail_on_regression: bool) -> list[str]:
    """Why the gate fails, one line each; empty when it passes."""
    failures: list[str] = []
    failing = [group for group in portfolio.groups if fail_on.fails(group.latest.verdict)]
    if failing:
        failures.append(
            f"{len(failing)} of {len(portfolio.groups)} implementations are {fail_on.words()} "
            "in their latest term (--fail-on)"
        )
    regressed = [group for group in portfolio.groups if group.regressed]
    if fail_on_regression and regressed:
        what = "implementation" if len(regressed) == 1 else "implementations"
        failures.append(f"{len(regressed)} {what} regressed since the previous term (--fail-on-regression)")
    return failures


def run(roots: list[Path], options: Options | None = None) -> Outcome:
    options = options or Options()
    portfolio = engine.build(roots, max_drop=options.max_drop, jobs=options.jobs, checklist_dirs=options.checklist_dirs)
    text = render_portfolio(portfolio, options.fmt, terminal=options.terminal, color=options.color, width=options.width)
    stderr = [str(skipped) for skipped in portfolio.skipped] if options.verbose else []
    if options.output is not None and str(options.output) != "-":
        read = [Path(file) for group in portfolio.groups for term in group.terms for file in term.files]
        write_output(options.output, text, inputs=read + [Path(problem.path) for problem in portfolio.problems])
        stderr.append(
            f"implcheck: wrote {options.output} ({options.fmt.value}; {len(portfolio.groups)} implementations)"
        )
        text = ""
    empty = not portfolio.groups and not portfolio.problems
    if empty:
        stderr.append(
            "implcheck: error: no answers files found in the folders given (--verbose lists what was skipped)"
        )
    stderr += [str(problem) for problem in portfolio.problems]
    failures = gate(portfolio, options.fail_on, options.fail_on_regression)
    stderr += [f"gate failed: {line}" for line in failures]
    if portfolio.problems:
        bad = len({problem.path for problem in portfolio.problems})
        stderr.append(
            f"implcheck: {counted(len(portfolio.problems), 'problem')} in {counted(bad, 'file')}; "
            "every other file is in the figures above"
        )
    code = EXIT_BAD_INPUT if portfolio.problems or empty else EXIT_GATE_FAILED if failures else EXIT_OK
    return Outcome(text, code, "".join(f"{line}\n" for line in stderr))
