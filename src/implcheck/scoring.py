"""The scorer: an ``Assessment`` in, a ``Result`` out. Pure: no I/O, no printing, no clock.

The rules (README, "Scoring") in order:

1. Each answered item earns credit: yes 1, partly 0.5, no 0, times its weight (1-3).
   ``unknown`` earns nothing *and counts for nothing*: it lowers confidence instead of the
   score, so "we don't know" is never silently read as "no". ``na`` drops out entirely.
2. Score = 100 x credit earned / credit possible over answered items, overall and per stage,
   section and failure mode. Confidence = answered items / applicable (non-na) items.
3. The verdict starts from the score band (``ready`` / ``conditions`` thresholds) and is then
   capped, never raised, by: a critical item answered no or unknown (not ready); any stage or
   failure mode scoring under ``floor`` (not ready: one weak area is not averaged away); a
   critical item answered partly (at most with conditions); confidence under
   ``min_confidence`` (at most with conditions).
4. Several respondents combine item by item into the most cautious known answer: a gap seen
   from any seat is a gap. Items where their known answers differ are disagreements.
"""

from __future__ import annotations

from collections.abc import Iterable

from implcheck.model import (
    Answer,
    AnswerValue,
    Assessment,
    FailureMode,
    Item,
    Stage,
)
from implcheck.result import (
    STATUS_OF,
    Action,
    Disagreement,
    FailureModeHit,
    GroupScore,
    ItemResult,
    Reason,
    Result,
    RoleAnswer,
    Status,
    Verdict,
)

CREDIT = {AnswerValue.YES: 1.0, AnswerValue.PARTLY: 0.5, AnswerValue.NO: 0.0}
# Most cautious first: combining respondents keeps the first of these that anyone gave.
CAUTION_ORDER = (AnswerValue.NO, AnswerValue.PARTLY, AnswerValue.YES, AnswerValue.NA)
SEVERITY_BY_WEIGHT = {3: "high", 2: "medium", 1: "low"}
STATUS_URGENCY = {Status.GAP: 0, Status.UNKNOWN: 1, Status.PARTIAL: 2}


def score(assessment: Assessment) -> Result:
    checklist = assessment.checklist
    items = tuple(
        _item_result(assessment, section.id, section.stage, item)
        for section in checklist.sections
        for item in section.items
    )
    overall = _group("overall", "Overall", items)
    stages = tuple(
        _group(stage.value, stage.label, [r for r in items if r.stage is stage])
        for stage in Stage
        if any(r.stage is stage for r in items)
    )
    sections = tuple(
        _group(section.id, section.title, [r for r in items if r.section_id == section.id])
        for section in checklist.sections
    )
    modes_used = [mode for mode in FailureMode if any(r.item.failure_mode is mode for r in items)]
    mode_scores = tuple(
        _group(mode.value, mode.description, [r for r in items if r.item.failure_mode is mode]) for mode in modes_used
    )
    value = overall.score if overall.score is not None else 0.0
    confidence = overall.answered / overall.applicable if overall.applicable else 1.0
    reasons = _reasons(assessment, items, value, confidence, overall, stages, mode_scores)
    verdict = min((reason.caps_at for reason in reasons), key=lambda v: v.rank, default=Verdict.READY)
    first_sheet = assessment.sheets[0]
    return Result(
        checklist=checklist,
        context=first_sheet.context,
        respondents=tuple(sheet.context.respondent for sheet in assessment.sheets),
        files=tuple(str(sheet.path) for sheet in assessment.sheets),
        verdict=verdict,
        score=round(value, 1),
        confidence=round(confidence, 3),
        answered=overall.answered,
        applicable=overall.applicable,
        reasons=reasons,
        stages=stages,
        sections=sections,
        failure_mode_scores=mode_scores,
        failure_modes=tuple(
            FailureModeHit(mode, hits)
            for mode in modes_used
            if (
                hits := tuple(
                    r.item.id for r in items if r.item.failure_mode is mode and r.status in (Status.GAP, Status.PARTIAL)
                )
            )
        ),
        items=items,
        actions=_actions(items),
        unknowns=tuple(r.item.id for r in items if r.status is Status.UNKNOWN),
        disagreements=_disagreements(items),
    )


def combine(answers: Iterable[Answer]) -> Answer:
    """The most cautious known answer; ``unknown`` only when nobody knows."""
    given = [a for a in answers if a.value is not AnswerValue.UNKNOWN]
    if not given:
        return Answer(AnswerValue.UNKNOWN)
    chosen = min(given, key=lambda a: CAUTION_ORDER.index(a.value))
    return Answer(chosen.value, chosen.evidence, max(a.date for a in given))


def _item_result(assessment: Assessment, section_id: str, stage: Stage, item: Item) -> ItemResult:
    per_sheet = [sheet.answer_for(item.id) for sheet in assessment.sheets]
    combined = combine(per_sheet)
    by_respondent = tuple(
        RoleAnswer(sheet.context.respondent, answer.value, answer.evidence)
        for sheet, answer in zip(assessment.sheets, per_sheet, strict=True)
    )
    if len(assessment.sheets) > 1:
        evidence = "; ".join(
            f"{ra.respondent.role.value}{f' ({ra.respondent.name})' if ra.respondent.name else ''}: {ra.evidence}"
            for ra in by_respondent
            if ra.evidence
        )
    else:
        evidence = combined.evidence
    return ItemResult(
        item=item,
        section_id=section_id,
        stage=stage,
        answer=combined.value,
        status=STATUS_OF[combined.value],
        evidence=evidence,
        date=combined.date,
        by_respondent=by_respondent,
    )


def _group(key: str, title: str, results: Iterable[ItemResult]) -> GroupScore:
    results = list(results)
    applicable = [r for r in results if r.answer is not AnswerValue.NA]
    answered = [r for r in applicable if r.answer in CREDIT]
    possible = sum(r.item.weight for r in answered)
    earned = sum(r.item.weight * CREDIT[r.answer] for r in answered)
    return GroupScore(
        key=key,
        title=title,
        score=round(100.0 * earned / possible, 1) if possible else None,
        answered=len(answered),
        applicable=len(applicable),
        gaps=tuple(r.item.id for r in results if r.status in (Status.GAP, Status.PARTIAL)),
    )


def _reasons(
    assessment: Assessment,
    items: tuple[ItemResult, ...],
    value: float,
    confidence: float,
    overall: GroupScore,
    stages: tuple[GroupScore, ...],
    modes: tuple[GroupScore, ...],
) -> tuple[Reason, ...]:
    bars = assessment.checklist.thresholds
    reasons: list[Reason] = []
    if overall.answered == 0:
        reasons.append(Reason("nothing-answered", Verdict.NOT_READY, "No item has been answered yet."))
    elif value < bars.conditions:
        reasons.append(
            Reason(
                "low-score",
                Verdict.NOT_READY,
                f"The score, {value:.0f}, is below {bars.conditions:g}, the bar for ready with conditions.",
                items=overall.gaps,
            )
        )
    elif value < bars.ready:
        reasons.append(
            Reason(
                "score-below-ready",
                Verdict.READY_WITH_CONDITIONS,
                f"The score, {value:.0f}, is below {bars.ready:g}, the bar for ready.",
                items=overall.gaps,
            )
        )

    def critical(*statuses: Status) -> list[ItemResult]:
        return [r for r in items if r.item.critical and r.status in statuses]

    for status, words in ((Status.GAP, "answered no"), (Status.UNKNOWN, "not known")):
        if hits := critical(status):
            reasons.append(
                Reason(
                    f"critical-{status.value}",
                    Verdict.NOT_READY,
                    f"{_count(len(hits), 'critical item')} {words}: {_list(r.item.id for r in hits)}.",
                    items=tuple(r.item.id for r in hits),
                    failure_modes=_modes(hits),
                )
            )
    for group, kind in ((stages, "stage"), (modes, "failure mode")):
        weak = [g for g in group if g.score is not None and g.score < bars.floor]
        if weak:
            names = ", ".join(f"{g.title if kind == 'stage' else g.key} {g.score:.0f}" for g in weak)
            gaps = tuple(item_id for g in weak for item_id in g.gaps)
            reasons.append(
                Reason(
                    f"weak-{kind.replace(' ', '-')}",
                    Verdict.NOT_READY,
                    f"{_count(len(weak), kind)} below the floor of {bars.floor:g} ({names}): "
                    "strength elsewhere cannot make up for a weak area.",
                    items=tuple(dict.fromkeys(gaps)),
                    failure_modes=_modes([r for r in items if r.item.id in gaps]),
                )
            )
    if hits := critical(Status.PARTIAL):
        reasons.append(
            Reason(
                "critical-partial",
                Verdict.READY_WITH_CONDITIONS,
                f"{_count(len(hits), 'critical item')} only partly in place: {_list(r.item.id for r in hits)}.",
                items=tuple(r.item.id for r in hits),
                failure_modes=_modes(hits),
            )
        )
    if overall.answered and confidence < bars.min_confidence:
        unknown = tuple(r.item.id for r in items if r.status is Status.UNKNOWN)
        reasons.append(
            Reason(
                "low-confidence",
                Verdict.READY_WITH_CONDITIONS,
                f"Only {confidence:.0%} of the applicable items are answered (at least "
                f"{bars.min_confidence:.0%} are needed for ready); {len(unknown)} still unknown.",
                items=unknown,
            )
        )
    return tuple(reasons)


def _modes(results: Iterable[ItemResult]) -> tuple[FailureMode, ...]:
    seen = {r.item.failure_mode for r in results}
    return tuple(mode for mode in FailureMode if mode in seen)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _list(ids: Iterable[str]) -> str:
    return ", ".join(ids)


def severity(item: Item) -> str:
    """How urgent a gap on this item is: critical, or high/medium/low by weight."""
    return "critical" if item.critical else SEVERITY_BY_WEIGHT[item.weight]


def _actions(items: tuple[ItemResult, ...]) -> tuple[Action, ...]:
    open_items = [r for r in items if r.status in STATUS_URGENCY]
    # Critical first, then gaps before unknowns before partials, heavier items first; the
    # checklist's own order breaks ties so the list is stable.
    order = {r.item.id: index for index, r in enumerate(items)}
    open_items.sort(key=lambda r: (not r.item.critical, STATUS_URGENCY[r.status], -r.item.weight, order[r.item.id]))
    return tuple(
        Action(
            item_id=r.item.id,
            question=r.item.question,
            action=r.item.action,
            owner=r.item.owner,
            by_when=r.item.by_when,
            failure_mode=r.item.failure_mode,
            stage=r.stage,
            severity=severity(r.item),
            status=r.status,
        )
        for r in open_items
    )


def _disagreements(items: tuple[ItemResult, ...]) -> tuple[Disagreement, ...]:
    return tuple(
        Disagreement(r.item.id, r.item.question, r.item.critical, r.by_respondent)
        for r in items
        if len({ra.answer for ra in r.by_respondent if ra.answer is not AnswerValue.UNKNOWN}) > 1
    )
