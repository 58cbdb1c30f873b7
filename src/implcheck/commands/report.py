"""``implcheck report FILE...``: the governors' report, as HTML, Markdown or a CSV of actions.

A report is not a gate: it exits 0 whatever the verdict (``check`` is the gate). Run at a
terminal without ``-o``, it is written to a file named after the answers (60 KB of HTML is no use
on a screen), next to any report already there rather than over it; piped, it goes to stdout, so
``report a.yaml > r.html`` and ``| less`` still work.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

from implcheck.commands import Outcome
from implcheck.commands.compare import against_baseline
from implcheck.errors import EXIT_OK
from implcheck.fileio import write_output
from implcheck.load import load_assessment
from implcheck.model import DEFAULT_MAX_DROP
from implcheck.present import REPORT_FORMATS, ReportFormat, render_report
from implcheck.scoring import score
from implcheck.termfiles import answers_files, files_of


def default_output(paths: list[Path], fmt: ReportFormat) -> Path:
    """``leader-report.html`` for ``leader.yaml``: in the current folder, where the person is."""
    return Path(f"{paths[0].stem}-report{REPORT_FORMATS[fmt].suffix}")


def _taken(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def free_output(path: Path) -> Path:
    """``path``, or if something is there already ``leader-report-2.html``, ``-3`` and so on:
    the first name not taken, so last term's report is never replaced unasked."""
    numbered = (path.with_name(f"{path.stem}-{number}{path.suffix}") for number in itertools.count(2))
    return path if not _taken(path) else next(name for name in numbered if not _taken(name))


def run(
    paths: list[Path],
    fmt: ReportFormat = ReportFormat.HTML,
    output: Path | None = None,
    *,
    generated_at: str | None = None,
    baseline: Path | None = None,
    to_terminal: bool = False,
    force: bool = False,
    checklist_dirs: Sequence[Path] = (),
) -> Outcome:
    """``to_terminal``: stdout is a terminal, so with no ``-o`` the report goes to a file."""
    chosen = output is None and to_terminal
    moved = ""
    if chosen:
        usual = default_output(paths, fmt)
        output = usual if force else free_output(usual)
        if output != usual:
            moved = f"implcheck: {usual} is already there, so this report is {output} (--force replaces {usual})\n"
    files = answers_files(paths)
    assessment = load_assessment(files, checklist_dirs)
    result = score(assessment)
    comparison = (
        None if baseline is None else against_baseline(baseline, result, paths[0], DEFAULT_MAX_DROP, checklist_dirs)
    )
    text = render_report(result, fmt, generated_at=generated_at, baseline=comparison)
    warned = "".join(f"{warning}\n" for warning in assessment.warnings)
    if output is None or str(output) == "-":
        return Outcome(text, EXIT_OK, warned)
    inputs = [*files, *([assessment.checklist.path] if assessment.checklist.path else [])]
    inputs += files_of(baseline) if baseline is not None else []
    write_output(output, text, inputs=inputs)
    wrote = f"implcheck: wrote {output} ({fmt.value}; verdict: {result.verdict_label.lower()})\n"
    hint = "  (at a terminal the report goes to a file: -o chooses its name, '-o -' prints it here)\n" if chosen else ""
    return Outcome("", EXIT_OK, warned + moved + wrote + hint)
