"""``implcheck check FILE...``: score answers files and gate on the verdict, like a CI job."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path

from implcheck import safetext
from implcheck.commands import Outcome
from implcheck.errors import EXIT_GATE_FAILED, EXIT_OK
from implcheck.load import load_assessment
from implcheck.model import DEFAULT_MAX_DROP
from implcheck.present import CheckFormat, render_check
from implcheck.result import Result, Verdict
from implcheck.scoring import score
from implcheck.termfiles import answers_files


class FailOn(StrEnum):
    NOT_READY = "not_ready"
    READY_WITH_CONDITIONS = "ready_with_conditions"
    NEVER = "never"

    def fails(self, verdict: Verdict) -> bool:
        """Whether this bar fails ``verdict`` (check's gate, and portfolio's on each latest term)."""
        return verdict.rank <= {FailOn.NOT_READY: 0, FailOn.READY_WITH_CONDITIONS: 1, FailOn.NEVER: -1}[self]

    def words(self, label_of: Callable[[Verdict], str] = lambda verdict: verdict.label) -> str:
        """The bar in the words the summary uses for verdicts (a checklist's own, given
        ``label_of``): "not ready", "ready with conditions or worse"."""
        if self is FailOn.READY_WITH_CONDITIONS:
            return f"{label_of(Verdict.READY_WITH_CONDITIONS).lower()} or worse"
        return label_of(Verdict.NOT_READY).lower()


def gate(result: Result, fail_on: FailOn, fail_under: float | None) -> list[str]:
    """Why the gate fails, one line each; empty when it passes."""
    failures: list[str] = []
    if fail_on.fails(result.verdict):
        label = result.verdict_label.lower()
        failures.append(f"the verdict is {label}, and --fail-on fails {fail_on.words(result.label_of)}")
    if fail_under is not None and result.score < fail_under:
        failures.append(f"the score {result.score:g} is under {fail_under:g} (--fail-under)")
    return failures


def run(
    paths: list[Path],
    fmt: CheckFormat = CheckFormat.TEXT,
    fail_on: FailOn = FailOn.NOT_READY,
    fail_under: float | None = None,
    *,
    baseline: Path | None = None,
    max_drop: float = DEFAULT_MAX_DROP,
    color: bool = False,
    width: int = 100,
    checklist_dirs: Sequence[Path] = (),
) -> Outcome:
    assessment = load_assessment(answers_files(paths), checklist_dirs)
    result = score(assessment)
    lines = None
    if fmt is CheckFormat.GITHUB:
        from implcheck.termfiles import answer_lines

        lines = answer_lines(assessment)
    comparison = None
    if baseline is not None:
        from implcheck.commands.compare import against_baseline

        comparison = against_baseline(baseline, result, paths[0], max_drop, checklist_dirs)
    output = render_check(result, fmt, color=color, width=width, lines=lines, baseline=comparison)
    failures = gate(result, fail_on, fail_under)
    if comparison is not None:
        since = comparison.before.context.term or str(baseline)
        failures += [f"readiness regressed since {since}: {r.message}" for r in comparison.regressions]
    warned = "".join(f"{warning}\n" for warning in assessment.warnings)
    if failures:
        return Outcome(
            output, EXIT_GATE_FAILED, warned + "".join(f"gate failed: {safetext.line(each)}\n" for each in failures)
        )
    return Outcome(output, EXIT_OK, warned)
