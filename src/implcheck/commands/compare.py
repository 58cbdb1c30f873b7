"""``implcheck compare BEFORE AFTER``: what changed between two terms. A report, not a gate:
it exits 0 whatever changed (``check --baseline`` is the gate)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from implcheck import terms
from implcheck.commands import Outcome
from implcheck.compare import Comparison, compare, differences
from implcheck.errors import EXIT_OK, UsageError
from implcheck.model import DEFAULT_MAX_DROP
from implcheck.present import CompareFormat, render_comparison
from implcheck.result import Result
from implcheck.safetext import quote
from implcheck.scoring import score
from implcheck.termfiles import load_term


def comparable(before: Result, after: Result, before_path: Path, after_path: Path) -> None:
    """Refuse (exit 2) two sides that are not two terms of one school's one initiative, or that
    are the wrong way round (``terms.key``: by the term's name, its date only to break a tie)."""
    if found := differences(before, after):
        raise UsageError(
            f"cannot compare {before_path} with {after_path}: {'; '.join(found)}. "
            "Both sides must be the same school, initiative and checklist."
        )
    then, now = before.context, after.context
    if terms.key(then.term, then.assessed_on) > terms.key(now.term, now.assessed_on):
        raise UsageError(
            f"cannot compare {before_path} with {after_path}: {quote(then.term)} (assessed on "
            f"{then.assessed_on or 'no date'}) comes after {quote(now.term)} "
            f"(assessed on {now.assessed_on or 'no date'}). Give the earlier term first: terms are "
            "ordered by name (2026-autumn, 2027-spring, 2027-summer), then by assessed_on."
        )


def against_baseline(
    baseline: Path, result: Result, path: Path, max_drop: float, checklist_dirs: Sequence[Path] = ()
) -> Comparison:
    """This term against last term's file or folder (the same school, initiative and checklist)."""
    before = score(load_term(baseline, checklist_dirs))
    comparable(before, result, baseline, path)
    return compare(before, result, max_drop=max_drop)


def load_comparison(
    before_path: Path, after_path: Path, max_drop: float = DEFAULT_MAX_DROP, checklist_dirs: Sequence[Path] = ()
) -> Comparison:
    before = score(load_term(before_path, checklist_dirs))
    after = score(load_term(after_path, checklist_dirs))
    comparable(before, after, before_path, after_path)
    return compare(before, after, max_drop=max_drop)


def run(
    before: Path,
    after: Path,
    fmt: CompareFormat = CompareFormat.TEXT,
    max_drop: float = DEFAULT_MAX_DROP,
    checklist_dirs: Sequence[Path] = (),
) -> Outcome:
    return Outcome(render_comparison(load_comparison(before, after, max_drop, checklist_dirs), fmt), EXIT_OK)
