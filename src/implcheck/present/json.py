"""The JSON result: the machine-readable contract.

Its shape is stated once, here, as the ``TypedDict`` each part of the output is built as:
mypy holds ``to_dict`` to every key of them (none missing, none extra), and
``schemas/outputs.py`` generates the published JSON Schema (``implcheck schema result``) from
them with ``schemas.parts.schema_of``. ``Annotated`` adds what a Python type cannot say: the
enum whose values a string takes, or a range.
"""

from __future__ import annotations

import json
from typing import Annotated, TypedDict

from implcheck import migrate
from implcheck.model import ActionStatus, Answer, AnswerValue, FailureMode, Respondent, Role, Stage
from implcheck.result import (
    SCHEMA_VERSION,
    Band,
    GroupScore,
    Result,
    RiskStatus,
    RoleAnswer,
    RuleId,
    Severity,
    Status,
    Verdict,
)
from implcheck.roles import shown_name
from implcheck.safetext import json_text

Score = Annotated[float, {"type": "number", "minimum": 0, "maximum": 100}]
Confidence = Annotated[
    float,
    {
        "type": "number",
        "minimum": 0,
        "maximum": 1,
        "description": (
            "The share of questions answered and agreed on, from 0 to 1: (answered - disputed / 2) / applicable. "
            "Applicable questions are those not answered na; answered ones have a known answer (yes, partly or "
            "no); disputed ones are answered questions on which respondents give different known answers, each "
            "counted half."
        ),
    },
]


class RespondentJSON(TypedDict):
    name: str
    role: Annotated[str, Role]


class RoleAnswerJSON(TypedDict):
    name: str
    role: Annotated[str, Role]
    answer: Annotated[str, AnswerValue]
    asked: bool  # false: the respondent's role is not asked this question
    evidence: str


class GroupJSON(TypedDict):
    id: str
    title: str
    score: float | None
    answered: int
    applicable: int
    gaps: list[str]
    band: Annotated[str, Band]


class ChecklistJSON(TypedDict):
    id: str
    version: str
    title: str


class ContextJSON(TypedDict):
    school: str
    initiative: str
    term: str
    assessed_on: str
    respondents: list[RespondentJSON]
    files: list[str]


class ThresholdsJSON(TypedDict):
    ready: float
    conditions: float
    floor: float
    min_confidence: float
    max_na_share: float


class ReasonJSON(TypedDict):
    rule: Annotated[str, RuleId]
    caps_at: Annotated[str, Verdict]
    message: str
    items: list[str]
    failure_modes: list[Annotated[str, FailureMode]]
    blocks_approval: bool


class FailureModeJSON(TypedDict):
    failure_mode: Annotated[str, FailureMode]
    description: str
    items: list[str]


class ItemJSON(TypedDict):
    id: str
    section: str
    stage: Annotated[str, Stage]
    failure_mode: Annotated[str, FailureMode]
    weight: Annotated[int, {"type": "integer", "minimum": 1, "maximum": 3}]
    critical: bool
    answer: Annotated[str, AnswerValue]
    status: Annotated[str, Status]
    evidence: str
    date: str


class ActionJSON(TypedDict):
    item: str
    action: str
    owner: str
    by_when: str
    owner_suggested: bool
    blocks_approval: bool
    failure_mode: Annotated[str, FailureMode]
    stage: Annotated[str, Stage]
    severity: Annotated[str, Severity]
    status: Annotated[str, Status]


class DisagreementJSON(TypedDict):
    item: str
    question: str
    critical: bool
    answers: list[RoleAnswerJSON]


class AgreedActionJSON(TypedDict):
    item: str
    action: str
    owner: str
    due: str
    status: Annotated[str, ActionStatus]
    note: str
    overdue: bool


class OverdueJSON(TypedDict):
    item: str
    owner: str
    due: str
    action: str


class RiskJSON(TypedDict):
    item: str
    reason: str
    approved_by: str
    approved_on: str
    expires: str
    active: bool


class StaleJSON(TypedDict):
    item: str
    date: str
    age_days: int


class LedgerJSON(TypedDict):
    """The term-to-term loop: agreed actions, accepted risks and stale evidence as of assessed_on."""

    agreed_actions: list[AgreedActionJSON]
    overdue_actions: list[OverdueJSON]
    accepted_risks: list[RiskJSON]
    stale_evidence: list[StaleJSON]


# A file written for an earlier version of its checklist: each answer (action, accepted risk)
# given for an id this version no longer has; ``to`` is its new id, or ``retired`` says why not.
MigratedJSON = TypedDict(
    "MigratedJSON",
    {
        "kind": Annotated[str, {"enum": ["answer", "action", "accepted risk"]}],
        "from": str,
        "to": str | None,
        "retired": str | None,
        "question": str,
        "answer": Annotated[str, AnswerValue] | None,
        "file": str,
        "line": int,
    },
)


class ResultJSON(LedgerJSON):
    schema_version: Annotated[str, {"const": SCHEMA_VERSION}]
    checklist: ChecklistJSON
    context: ContextJSON
    verdict: Annotated[str, Verdict]
    score: Score
    confidence: Confidence
    thresholds: ThresholdsJSON
    reasons: list[ReasonJSON]
    stages: list[GroupJSON]
    sections: list[GroupJSON]
    failure_mode_scores: list[GroupJSON]
    failure_modes: list[FailureModeJSON]
    items: list[ItemJSON]
    actions: list[ActionJSON]
    unknowns: list[str]
    disagreements: list[DisagreementJSON]
    migrated: list[MigratedJSON]


def render(result: Result) -> str:
    return json_text(json.dumps(to_dict(result), indent=2, ensure_ascii=False)) + "\n"


def _respondent(respondent: Respondent) -> RespondentJSON:
    return {"name": shown_name(respondent), "role": respondent.role.value}


def _role_answer(answer: RoleAnswer) -> RoleAnswerJSON:
    who = answer.respondent
    return {
        "name": shown_name(who),
        "role": who.role.value,
        "answer": answer.answer.value,
        "asked": answer.asked,
        "evidence": answer.evidence,
    }


def _group(group: GroupScore) -> GroupJSON:
    return {
        "id": group.key,
        "title": group.title,
        "score": group.score,
        "answered": group.answered,
        "applicable": group.applicable,
        "gaps": list(group.gaps),
        "band": group.band.value,
    }


def to_dict(result: Result) -> ResultJSON:
    checklist = result.checklist
    context = result.context
    thresholds = checklist.thresholds
    return {
        "schema_version": SCHEMA_VERSION,
        "checklist": {"id": checklist.id, "version": checklist.version, "title": checklist.title},
        "context": {
            "school": context.school,
            "initiative": context.initiative,
            "term": context.term,
            "assessed_on": context.assessed_on,
            "respondents": [_respondent(r) for r in result.respondents],
            "files": list(result.files),
        },
        "verdict": result.verdict.value,
        "score": result.score,
        "confidence": result.confidence,
        "thresholds": {
            "ready": thresholds.ready,
            "conditions": thresholds.conditions,
            "floor": thresholds.floor,
            "min_confidence": thresholds.min_confidence,
            "max_na_share": thresholds.max_na_share,
        },
        "reasons": [
            {
                "rule": reason.rule,
                "caps_at": reason.caps_at.value,
                "message": reason.message,
                "items": list(reason.items),
                "failure_modes": [mode.value for mode in reason.failure_modes],
                "blocks_approval": reason.blocks,
            }
            for reason in result.reasons
        ],
        "stages": [_group(group) for group in result.stages],
        "sections": [_group(group) for group in result.sections],
        "failure_mode_scores": [_group(group) for group in result.failure_mode_scores],
        "failure_modes": [
            {
                "failure_mode": hit.failure_mode.value,
                "description": hit.failure_mode.description,
                "items": list(hit.items),
            }
            for hit in result.failure_modes
        ],
        "items": [
            {
                "id": r.item.id,
                "section": r.section_id,
                "stage": r.stage.value,
                "failure_mode": r.item.failure_mode.value,
                "weight": r.item.weight,
                "critical": r.item.critical,
                "answer": r.answer.value,
                "status": r.status.value,
                "evidence": r.evidence,
                "date": r.date,
            }
            for r in result.items
        ],
        "actions": [
            {
                "item": a.item_id,
                "action": a.action,
                "owner": a.owner,
                "by_when": a.by_when,
                "owner_suggested": a.owner_suggested,
                "blocks_approval": a.blocks,
                "failure_mode": a.failure_mode.value,
                "stage": a.stage.value,
                "severity": a.severity,
                "status": a.status.value,
            }
            for a in result.actions
        ],
        "unknowns": list(result.unknowns),
        "disagreements": [
            {
                "item": d.item_id,
                "question": d.question,
                "critical": d.critical,
                "answers": [_role_answer(a) for a in d.answers],
            }
            for d in result.disagreements
        ],
        **ledger_dict(result),
        "migrated": migrated_list(result),
    }


def migrated_list(result: Result) -> list[MigratedJSON]:
    """Answers (actions, accepted risks) given for an earlier version's ids: carried or retired."""
    return [
        {
            "kind": each.kind,
            "from": each.old_id,
            "to": each.new_id or None,
            "retired": each.retired or None,
            "question": migrate.question(result.checklist, each),
            "answer": each.given.value.value if isinstance(each.given, Answer) else None,
            "file": each.file,
            "line": each.line,
        }
        for each in result.migrated
    ]


def overdue_dict(result: Result) -> list[OverdueJSON]:
    return [{"item": e.item_id, "owner": e.owner, "due": e.due, "action": e.action} for e in result.overdue_actions]


def risks_dict(risks: tuple[RiskStatus, ...]) -> list[RiskJSON]:
    return [
        {
            "item": r.item_id,
            "reason": r.reason,
            "approved_by": r.approved_by,
            "approved_on": r.approved_on,
            "expires": r.expires,
            "active": r.active,
        }
        for r in risks
    ]


def ledger_dict(result: Result) -> LedgerJSON:
    return {
        "agreed_actions": [
            {
                "item": e.item_id,
                "action": e.action,
                "owner": e.owner,
                "due": e.due,
                "status": e.status.value,
                "note": e.note,
                "overdue": e.overdue,
            }
            for e in result.ledger
        ],
        "overdue_actions": overdue_dict(result),
        "accepted_risks": risks_dict(result.accepted_risks),
        "stale_evidence": [{"item": s.item_id, "date": s.date, "age_days": s.age_days} for s in result.stale_evidence],
    }
