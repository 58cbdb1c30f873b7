"""``implcheck report FILE...``: the governors' report, as HTML, Markdown or a CSV of actions.

A report is not a gate: it exits 0 whatever the verdict (``check`` is the gate).
"""

from __future__ import annotations

from pathlib import Path

from implcheck.commands import Outcome
from implcheck.commands.compare import against_baseline
from implcheck.compare import DEFAULT_MAX_DROP
from implcheck.errors import EXIT_OK
from implcheck.fileio import write_output
from implcheck.load import load_assessment
from implcheck.present import ReportFormat, render_report
from implcheck.scoring import score
from implcheck.termfiles import files_of


def run(
    paths: list[Path],
    fmt: ReportFormat = ReportFormat.HTML,
    output: Path | None = None,
    *,
    generated_at: str | None = None,
    baseline: Path | None = None,
) -> Outcome:
    assessment = load_assessment(paths)
    result = score(assessment)
    comparison = None if baseline is None else against_baseline(baseline, result, paths[0], DEFAULT_MAX_DROP)
    text = render_report(result, fmt, generated_at=generated_at, baseline=comparison)
    if output is None or str(output) == "-":
        return Outcome(text, EXIT_OK)
    inputs = [*paths, *([assessment.checklist.path] if assessment.checklist.path else [])]
    inputs += files_of(baseline) if baseline is not None else []
    write_output(output, text, inputs=inputs)
    return Outcome("", EXIT_OK, f"implcheck: wrote {output} ({fmt.value}; verdict: {result.verdict.label.lower()})\n")
