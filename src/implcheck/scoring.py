"""The scorer: an ``Assessment`` in, a ``Result`` out. Pure: no I/O, no printing, no clock.

How items earn credit and combine into scores is here; the verdict rules that then cap the
verdict are the registry in ``rules.py``, from which ``docs/scoring.md`` is generated. ``unknown``
earns nothing and counts for nothing: it lowers confidence, never the score. Several respondents
combine item by item into the most cautious known answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeVar

from implcheck import ledger, rules
from implcheck.model import (
    NO_ANSWER,
    ActionStatus,
    Answer,
    AnswerValue,
    Assessment,
    FailureMode,
    Item,
    Respondent,
    Stage,
    Thresholds,
)
from implcheck.result import (
    STATUS_OF,
    Action,
    Band,
    Disagreement,
    FailureModeHit,
    GroupScore,
    ItemResult,
    LedgerEntry,
    Result,
    RoleAnswer,
    RuleId,
    Severity,
    Status,
    accepted_gaps,
)
from implcheck.roles import shown_name

CREDIT = {AnswerValue.YES: 1.0, AnswerValue.PARTLY: 0.5, AnswerValue.NO: 0.0}
# Most cautious first: combining respondents keeps the first of these that anyone gave.
CAUTION_ORDER = (AnswerValue.NO, AnswerValue.PARTLY, AnswerValue.YES, AnswerValue.NA)
_CAUTION_RANK = {value: rank for rank, value in enumerate(CAUTION_ORDER)}
SEVERITY_BY_WEIGHT = {3: Severity.HIGH, 2: Severity.MEDIUM, 1: Severity.LOW}
STATUS_URGENCY = {Status.GAP: 0, Status.UNKNOWN: 1, Status.PARTIAL: 2}
# Suggested owner and by-when for an action whose checklist item names none, by severity.
DEFAULT_OWNER: dict[Severity, str] = {
    Severity.CRITICAL: "Headteacher or the named senior lead",
    Severity.HIGH: "The named project lead",
    Severity.MEDIUM: "The named project lead",
    Severity.LOW: "The project team",
}
DEFAULT_BY_WHEN: dict[Severity, str] = {
    Severity.CRITICAL: "Before any decision to approve",
    Severity.HIGH: "Within half a term",
    Severity.MEDIUM: "By the end of this term",
    Severity.LOW: "By the next termly re-check",
}

# When a score rule holds the verdict down, the bar the score must reach to lift it.
SCORE_TARGET: dict[RuleId, Callable[[Thresholds], float]] = {
    RuleId.LOW_SCORE: lambda bars: bars.conditions,
    RuleId.SCORE_BELOW_READY: lambda bars: bars.ready,
}


def score(assessment: Assessment) -> Result:
    checklist = assessment.checklist
    answers = [sheet.answers for sheet in assessment.sheets]
    respondents = [sheet.context.respondent for sheet in assessment.sheets]
    items = tuple(
        _item_result(answers, respondents, section.id, section.stage, item)
        for section in checklist.sections
        for item in section.items
    )
    bars = checklist.thresholds
    overall = _group(bars, "overall", "Overall", "Overall", items)
    # Each item's stage, section and failure mode, sorted out in one pass (a portfolio scores
    # thousands of terms); each part keeps the checklist's order.
    by_stage = _parts(items, lambda r: r.stage)
    by_section = _parts(items, lambda r: r.section_id)
    by_mode = _parts(items, lambda r: r.item.failure_mode)
    stages_used = [stage for stage in Stage if stage in by_stage]
    stages = tuple(_group(bars, stage.value, stage.label, stage.label, by_stage[stage]) for stage in stages_used)
    sections = tuple(
        _group(bars, section.id, section.title, section.title, by_section.get(section.id, ()))
        for section in checklist.sections
    )
    modes_used = [mode for mode in FailureMode if mode in by_mode]
    mode_scores = tuple(_group(bars, mode.value, mode.description, mode.label, by_mode[mode]) for mode in modes_used)
    value = overall.score if overall.score is not None else 0.0
    disagreements = _disagreements(items)
    confidence = confidence_of(overall.answered, overall.applicable, len(disagreements))
    risks = ledger.accepted_risks(assessment, items)
    accepted = accepted_gaps(risks)
    if accepted:  # the floor rules judge each area without the gaps governors accepted
        judged = [r for r in items if r.item.id not in accepted]
        judged_by_stage = _parts(judged, lambda r: r.stage)
        judged_by_mode = _parts(judged, lambda r: r.item.failure_mode)
        floor_stages = tuple(
            _group(bars, g.key, g.title, g.label, judged_by_stage.get(stage, ()))
            for g, stage in zip(stages, stages_used, strict=True)
        )
        floor_modes = tuple(
            _group(bars, g.key, g.title, g.label, judged_by_mode.get(mode, ()))
            for g, mode in zip(mode_scores, modes_used, strict=True)
        )
    else:  # most terms: the same groups, already scored (a portfolio scores thousands of terms)
        floor_stages, floor_modes = stages, mode_scores
    facts = rules.Facts(
        bars,
        items,
        overall,
        stages,
        mode_scores,
        value,
        confidence,
        disputed=tuple(d.item_id for d in disagreements),
        accepted=accepted,
        risks=risks,
        floor_stages=floor_stages,
        floor_failure_modes=floor_modes,
        verdict_labels=checklist.verdict_labels,
    )
    found = rules.reasons(facts)
    agreed = ledger.ledger(assessment)
    verdict = rules.verdict(found)
    # A blocking rule's items block approval only while that rule is what holds the verdict down.
    reasons = tuple(replace(r, blocks=r.blocks and r.caps_at is verdict) for r in found)
    holding = [reason for reason in reasons if reason.caps_at is verdict]
    blocked = {item_id for reason in holding if reason.blocks for item_id in reason.items}
    blocking = tuple(r.item.id for r in items if r.item.id in blocked)
    first_sheet = assessment.sheets[0]
    return Result(
        checklist=checklist,
        context=first_sheet.context,
        respondents=tuple(sheet.context.respondent for sheet in assessment.sheets),
        files=tuple(str(sheet.path) for sheet in assessment.sheets),
        verdict=verdict,
        score=value,
        confidence=confidence,
        answered=overall.answered,
        applicable=overall.applicable,
        reasons=reasons,
        stages=stages,
        sections=sections,
        failure_mode_scores=mode_scores,
        failure_modes=tuple(
            FailureModeHit(mode, hits)
            for mode in modes_used
            if (hits := tuple(r.item.id for r in by_mode[mode] if r.status in (Status.GAP, Status.PARTIAL)))
        ),
        items=items,
        actions=_actions(items, blocked, agreed),
        unknowns=tuple(r.item.id for r in items if r.status is Status.UNKNOWN),
        disagreements=disagreements,
        blocking=blocking,
        weak_areas=tuple(
            sorted((g for g in (*stages, *mode_scores) if g.band is Band.BELOW_FLOOR), key=lambda g: g.score or 0.0)
        ),
        score_target=next((SCORE_TARGET[reason.rule](bars) for reason in holding if reason.rule in SCORE_TARGET), None),
        ledger=agreed,
        accepted_risks=risks,
        stale_evidence=ledger.stale_evidence(assessment, items),
        migrated=tuple(each for sheet in assessment.sheets for each in sheet.migrated),
    )


def confidence_of(answered: int, applicable: int, disputed: int) -> float:
    """The share of the applicable questions answered and agreed on: an answer respondents
    disagree on (``disputed``, all among the ``answered``) counts half, so confidence falls when
    they disagree. Rounded once, here, to the precision shown: the rules compare the figures
    people read. Nothing applicable leaves nothing to doubt: 1."""
    return round((answered - disputed / 2) / applicable if applicable else 1.0, 3)


def combine(answers: Iterable[Answer]) -> Answer:
    """The most cautious known answer; ``unknown`` only when nobody knows."""
    given = [a for a in answers if a.value is not AnswerValue.UNKNOWN]
    if not given:
        return NO_ANSWER
    if len(given) == 1:
        return given[0]
    chosen = min(given, key=lambda a: _CAUTION_RANK[a.value])
    return Answer(chosen.value, chosen.evidence, max(a.date for a in given))


K = TypeVar("K")


def _parts(results: Iterable[ItemResult], key: Callable[[ItemResult], K]) -> dict[K, list[ItemResult]]:
    """``results`` split by ``key``, each part in the order given."""
    parts: dict[K, list[ItemResult]] = {}
    for r in results:
        parts.setdefault(key(r), []).append(r)
    return parts


def _item_result(
    answers: list[dict[str, Answer]], respondents: list[Respondent], section_id: str, stage: Stage, item: Item
) -> ItemResult:
    """One item, combined over the respondents' files (``answers`` and ``respondents``, one each)."""
    per_sheet = [each.get(item.id, NO_ANSWER) for each in answers]
    # A respondent whose role is not asked the item, and who gives no answer to it, is "not
    # asked", not "don't know": left out of combining, so confidence comes from whoever was
    # asked. (A file written before roles had question sets may answer it; that answer counts.)
    asked = [
        item.asks(r.role) or a.value is not AnswerValue.UNKNOWN for r, a in zip(respondents, per_sheet, strict=True)
    ]
    combined = combine(answer for answer, was in zip(per_sheet, asked, strict=True) if was)
    by_respondent = tuple(
        RoleAnswer(respondent, answer.value, answer.evidence, was)
        for respondent, answer, was in zip(respondents, per_sheet, asked, strict=True)
    )
    if len(answers) > 1 and any(answer.evidence for answer in per_sheet):
        evidence = "; ".join(
            f"{ra.respondent.role.value}{f' ({name})' if (name := shown_name(ra.respondent)) else ''}: {ra.evidence}"
            for ra in by_respondent
            if ra.evidence
        )
    else:
        evidence = combined.evidence  # one respondent's, or none given
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


def _group(bars: Thresholds, key: str, title: str, label: str, results: Iterable[ItemResult]) -> GroupScore:
    applicable = answered = possible = 0
    earned = 0.0
    gaps: list[str] = []
    for r in results:  # one pass: a portfolio scores about forty groups per term
        answer = r.answer
        if answer is not AnswerValue.NA:
            applicable += 1
        credit = CREDIT.get(answer)
        if credit is not None:
            weight = r.item.weight
            answered += 1
            possible += weight
            earned += weight * credit
        if r.status is Status.GAP or r.status is Status.PARTIAL:
            gaps.append(r.item.id)
    value = round(100.0 * earned / possible, 1) if possible else None
    return GroupScore(
        key=key,
        title=title,
        score=value,
        answered=answered,
        applicable=applicable,
        gaps=tuple(gaps),
        label=label,
        band=band(value, bars),
    )


def band(value: float | None, bars: Thresholds) -> Band:
    if value is None:
        return Band.NOT_ANSWERED
    if value < bars.floor:
        return Band.BELOW_FLOOR
    if value < bars.conditions:
        return Band.WEAK
    if value < bars.ready:
        return Band.CONDITIONS
    return Band.READY


def severity(item: Item) -> Severity:
    """How urgent a gap on this item is: critical, or high/medium/low by weight."""
    return Severity.CRITICAL if item.critical else SEVERITY_BY_WEIGHT[item.weight]


def _actions(items: tuple[ItemResult, ...], blocked: set[str], agreed: tuple[LedgerEntry, ...]) -> tuple[Action, ...]:
    # The school's own owner, date and words where it agreed an open action on the item; the
    # checklist's (or implcheck's suggestion) only where it did not.
    own = {entry.item_id: entry for entry in agreed if entry.status is ActionStatus.OPEN}
    open_items = [r for r in items if r.status in STATUS_URGENCY]
    # Critical first, then gaps before unknowns before partials, heavier items first; the
    # checklist's own order breaks ties so the list is stable.
    order = {r.item.id: index for index, r in enumerate(items)}
    open_items.sort(key=lambda r: (not r.item.critical, STATUS_URGENCY[r.status], -r.item.weight, order[r.item.id]))
    return tuple(
        Action(
            item_id=r.item.id,
            question=r.item.question,
            action=own[r.item.id].action if r.item.id in own else r.item.action,
            owner=own[r.item.id].owner if r.item.id in own else r.item.owner or DEFAULT_OWNER[severity(r.item)],
            by_when=own[r.item.id].due if r.item.id in own else r.item.by_when or DEFAULT_BY_WHEN[severity(r.item)],
            owner_suggested=r.item.id not in own and not (r.item.owner and r.item.by_when),
            failure_mode=r.item.failure_mode,
            stage=r.stage,
            severity=severity(r.item),
            status=r.status,
            blocks=r.item.id in blocked,
            agreed=own.get(r.item.id),
        )
        for r in open_items
    )


def _disagreements(items: tuple[ItemResult, ...]) -> tuple[Disagreement, ...]:
    return tuple(
        Disagreement(r.item.id, r.item.question, r.item.critical, r.by_respondent)
        for r in items
        if len({ra.answer for ra in r.by_respondent if ra.answer is not AnswerValue.UNKNOWN}) > 1
    )
