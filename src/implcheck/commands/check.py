"""``implcheck check FILE...``: score answers files and gate on the verdict, like a CI job."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from implcheck.commands import Outcome
from implcheck.errors import EXIT_GATE_FAILED, EXIT_OK
from implcheck.load import load_assessment
from implcheck.present import CheckFormat, render_check
from implcheck.result import Result, Verdict
from implcheck.scoring import score


class FailOn(StrEnum):
    NOT_READY = "not_ready"
    READY_WITH_CONDITIONS = "ready_with_conditions"
    NEVER = "never"


def gate(result: Result, fail_on: FailOn, fail_under: float | None) -> list[str]:
    """Why the gate fails, one line each; empty when it passes."""
    failures: list[str] = []
    failing = {
        FailOn.NOT_READY: {Verdict.NOT_READY},
        FailOn.READY_WITH_CONDITIONS: {Verdict.NOT_READY, Verdict.READY_WITH_CONDITIONS},
        FailOn.NEVER: set(),
    }[fail_on]
    if result.verdict in failing:
        failures.append(f"the verdict is {result.verdict.value} (--fail-on {fail_on.value})")
    if fail_under is not None and result.score < fail_under:
        failures.append(f"the score {result.score:g} is under {fail_under:g} (--fail-under)")
    return failures


def run(
    paths: list[Path],
    fmt: CheckFormat = CheckFormat.TEXT,
    fail_on: FailOn = FailOn.NOT_READY,
    fail_under: float | None = None,
    *,
    color: bool = False,
    width: int = 100,
) -> Outcome:
    result = score(load_assessment(paths))
    output = render_check(result, fmt, color=color, width=width)
    failures = gate(result, fail_on, fail_under)
    if failures:
        return Outcome(output, EXIT_GATE_FAILED, "".join(f"gate failed: {line}\n" for line in failures))
    return Outcome(output, EXIT_OK)
