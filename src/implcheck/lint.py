"""Advice for checklist authors: design faults that load fine but mislead schools.

Pure: a ``Checklist`` in, findings out. ``implcheck validate`` shows them as warnings (exit 0),
because the checklist still works; it just judges schools harder than its author meant.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from implcheck.errors import ProblemRule
from implcheck.model import Answer, AnswerSheet, AnswerValue, Assessment, Checklist, Context, Item
from implcheck.result import Verdict
from implcheck.scoring import score


@dataclass(frozen=True, slots=True)
class Finding:
    """One design fault, tied to the item (and so the line) an author should look at."""

    rule: ProblemRule
    item_id: str
    message: str


def hidden_dealbreakers(checklist: Checklist) -> tuple[Finding, ...]:
    """Non-critical items whose single ``no``, with every other item ``yes``, gives not ready.

    Simulated with the real scorer, so it follows whatever the verdict rules are: usually the
    item carries most of its failure mode's (or stage's) weight, so the floor rule trips. Such
    an item is critical in all but name; the author should say so, or give the area more items.
    A weight-3 item's single ``no`` is meant to cap the verdict at ready with conditions (the
    ``weight-3-gap`` rule), so only a fall to not ready is reported.
    """
    findings: list[Finding] = []
    for item in checklist.items:
        if item.critical:
            continue
        result = score(_all_yes_but(checklist, item))
        if result.verdict is not Verdict.NOT_READY:
            continue
        floor = checklist.thresholds.floor
        weak = [
            f"{kind} {group.key if kind == 'failure mode' else group.title} scores {group.score:.0f}"
            for kind, groups in (("failure mode", result.failure_mode_scores), ("stage", result.stages))
            for group in groups
            if group.score is not None and group.score < floor
        ]
        why = f"{', '.join(weak)}, under the floor of {floor:g}" if weak else f"the score falls to {result.score:.0f}"
        findings.append(
            Finding(
                ProblemRule.HIDDEN_DEALBREAKER,
                item.id,
                f"one 'no' on {item.id!r}, with every other item 'yes', makes the verdict not ready ({why}): "
                "make the item critical on purpose, add items to its failure mode, or lower the floor",
            )
        )
    return tuple(findings)


def _all_yes_but(checklist: Checklist, gap: Item) -> Assessment:
    answers = {item.id: Answer(AnswerValue.NO if item.id == gap.id else AnswerValue.YES) for item in checklist.items}
    sheet = AnswerSheet(Path("<simulated>"), checklist.id, Context(), answers)
    return Assessment(checklist, (sheet,))
