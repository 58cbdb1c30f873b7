"""The term-to-term loop a school lives through: its agreed actions, the risks its governors
accepted, and evidence that has gone stale. Pure, like the scorer it serves: every date is judged
against the file's ``assessed_on``, never the clock, so the same files give the same result.

- An action is **overdue** when it is open and its ``due`` date is before ``assessed_on``.
- An accepted risk is **active** while ``expires`` is on or after ``assessed_on``. An active risk
  on an item that still needs action stops that item tripping the critical and floor rules, and
  caps the verdict at ready with conditions (``rules.py``). Once expired, the gap counts again.
- Evidence is **stale** when a long-form answer's ``date`` is more than the checklist's
  ``thresholds.evidence_max_age_days`` (default 365) before ``assessed_on``.

Several respondents' files combine: every file's actions and risks count, each listed once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypeVar

from implcheck.model import ActionStatus, Assessment
from implcheck.result import ItemResult, LedgerEntry, RiskStatus, StaleEvidence, Status

NEEDS_ACTION = (Status.GAP, Status.PARTIAL, Status.UNKNOWN)
T = TypeVar("T")


def assessed_on(assessment: Assessment) -> str:
    return assessment.sheets[0].context.assessed_on


def ledger(assessment: Assessment) -> tuple[LedgerEntry, ...]:
    items = {item.id: item for item in assessment.checklist.items}
    today = assessed_on(assessment)
    return tuple(
        LedgerEntry(
            item_id=entry.item_id,
            question=items[entry.item_id].question,
            action=entry.action or items[entry.item_id].action,
            owner=entry.owner,
            due=entry.due,
            status=entry.status,
            note=entry.note,
            overdue=entry.status is ActionStatus.OPEN and bool(today) and entry.due < today,
        )
        for entry in _once(entry for sheet in assessment.sheets for entry in sheet.actions)
        if entry.item_id in items
    )


def accepted_risks(assessment: Assessment, items: tuple[ItemResult, ...]) -> tuple[RiskStatus, ...]:
    results = {r.item.id: r for r in items}
    today = assessed_on(assessment)
    return tuple(
        RiskStatus(
            item_id=risk.item_id,
            question=results[risk.item_id].item.question,
            reason=risk.reason,
            approved_by=risk.approved_by,
            approved_on=risk.approved_on,
            expires=risk.expires,
            active=risk.expires >= today,
            gap=results[risk.item_id].status in NEEDS_ACTION,
        )
        for risk in _once(risk for sheet in assessment.sheets for risk in sheet.accepted_risks)
        if risk.item_id in results
    )


def stale_evidence(assessment: Assessment, items: tuple[ItemResult, ...]) -> tuple[StaleEvidence, ...]:
    today = _day(assessed_on(assessment))
    if today is None:
        return ()
    max_age = assessment.checklist.thresholds.evidence_max_age_days
    found: list[StaleEvidence] = []
    for r in items:
        dated = _day(r.date)
        if dated is not None and r.status is not Status.UNKNOWN and (today - dated).days > max_age:
            found.append(StaleEvidence(r.item.id, r.item.question, r.date, (today - dated).days))
    return tuple(found)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:  # the loader has already refused bad dates; be safe with hand-built sheets
        return None


def _once(entries: Iterable[T]) -> list[T]:
    return list(dict.fromkeys(entries))
