"""The governors' report's "Since last term" section as plain data (``report --baseline``).

Kept apart from ``report_view`` so the section travels as one piece: ``templates/since.*.j2``
lay it out, and the report templates include it only when there is a baseline.
"""

from __future__ import annotations

from dataclasses import dataclass

from implcheck.compare import Comparison, ItemChange
from implcheck.model import AnswerValue
from implcheck.present.ledger_view import Listing, loop_listings
from implcheck.present.report_view import ANSWER_LABELS


@dataclass(frozen=True, slots=True)
class Moved:
    question: str
    critical: bool
    then: str
    now: str


@dataclass(frozen=True, slots=True)
class SinceView:
    then_term: str
    now_term: str
    then_assessed_on: str
    then_verdict: str
    now_verdict: str
    then_score: str
    now_score: str
    regressed: bool
    started: bool  # anything answered this term (terms.started): a blank file is not compared
    regressions: tuple[str, ...]
    worse: tuple[Moved, ...]
    better: tuple[Moved, ...]
    loop: tuple[Listing, ...]  # this term's overdue actions, accepted and expired risks


def _answer(value: AnswerValue | None) -> str:
    return "Not asked" if value is None else ANSWER_LABELS[value]


def _moved(changes: tuple[ItemChange, ...], ids: tuple[str, ...]) -> tuple[Moved, ...]:
    wanted = set(ids)
    return tuple(
        Moved(c.item.question, c.item.critical, _answer(c.before), _answer(c.after))
        for c in changes
        if c.item.id in wanted
    )


def build(comparison: Comparison) -> SinceView:
    before, after = comparison.before, comparison.after
    return SinceView(
        then_term=before.context.term or "Last term",
        now_term=after.context.term or "This term",
        then_assessed_on=before.context.assessed_on,
        then_verdict=before.verdict_label,
        now_verdict=after.verdict_label,
        then_score=before.score_text,
        now_score=after.score_text,
        regressed=comparison.regression,
        started=comparison.started,
        regressions=tuple(r.message for r in comparison.regressions),
        worse=_moved(comparison.items, comparison.regressed),
        better=_moved(comparison.items, comparison.improved),
        loop=loop_listings(after),
    )
