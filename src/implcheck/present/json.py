"""The JSON result: the machine-readable contract, described by ``schemas.RESULT``."""

from __future__ import annotations

import json
from typing import Any

from implcheck import migrate
from implcheck.model import Answer, Respondent
from implcheck.result import SCHEMA_VERSION, GroupScore, Result, RiskStatus, RoleAnswer
from implcheck.roles import shown_name
from implcheck.safetext import json_text


def render(result: Result) -> str:
    return json_text(json.dumps(to_dict(result), indent=2, ensure_ascii=False)) + "\n"


def _respondent(respondent: Respondent) -> dict[str, str]:
    return {"name": shown_name(respondent), "role": respondent.role.value}


def _role_answer(answer: RoleAnswer) -> dict[str, str | bool]:
    return {
        **_respondent(answer.respondent),
        "answer": answer.answer.value,
        "asked": answer.asked,
        "evidence": answer.evidence,
    }


def _group(group: GroupScore) -> dict[str, Any]:
    return {
        "id": group.key,
        "title": group.title,
        "score": group.score,
        "answered": group.answered,
        "applicable": group.applicable,
        "gaps": list(group.gaps),
        "band": group.band.value,
    }


def to_dict(result: Result) -> dict[str, Any]:
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


def migrated_list(result: Result) -> list[dict[str, Any]]:
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


def overdue_dict(result: Result) -> list[dict[str, Any]]:
    return [{"item": e.item_id, "owner": e.owner, "due": e.due, "action": e.action} for e in result.overdue_actions]


def risks_dict(risks: tuple[RiskStatus, ...]) -> list[dict[str, Any]]:
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


def ledger_dict(result: Result) -> dict[str, Any]:
    """The term-to-term loop: agreed actions, accepted risks and stale evidence as of assessed_on."""
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
