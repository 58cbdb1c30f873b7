"""Carrying an answers file into the next term: what comes along and what stays behind.

Pure (no I/O), so ``init --from`` and ``assess --from`` follow the same rules, stated here once:

- **Context**: the school, the initiative and the respondent (name and role) come along; the
  term is the new one. ``assessed_on`` is the new term's (the caller gives it).
- **Answers**: none. Every item starts again at ``unknown``; last term's answer, evidence and
  date are kept as ``LastTerm`` so the new file can show them beside each item. A school must
  re-answer, not re-stamp: what was true last term is not evidence for this one.
- **Actions**: open ones come along, overdue ones too (they are still owed). Done and dropped
  ones stay in last term's file, which is their record.
- **Accepted risks**: those still active at last term's assessment come along, including one
  that runs out before the new term's assessment: the new term's outputs then say it expired
  and when, which is when the governors need to hear it. One that had already expired at last
  term's assessment was reported then, and stays behind. A risk is never renewed by carrying
  it: governors accept it again with a new ``approved_on`` and ``expires``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from implcheck.errors import UsageError
from implcheck.model import AcceptedRisk, ActionStatus, AgreedAction, Answer, AnswerSheet, Context
from implcheck.safetext import quote


@dataclass(frozen=True)
class LastTerm:
    """Last term's answers, shown beside each item of the new term's file (never counted)."""

    term: str
    answers: dict[str, Answer] = field(default_factory=dict)


@dataclass(frozen=True)
class Carried:
    """What the new term's file starts with, and what was left behind (to say so)."""

    context: Context
    actions: tuple[AgreedAction, ...]
    accepted_risks: tuple[AcceptedRisk, ...]
    last: LastTerm
    actions_left: tuple[AgreedAction, ...] = ()
    risks_left: tuple[AcceptedRisk, ...] = ()


def carry(sheet: AnswerSheet, term: str, assessed_on: str) -> Carried:
    """Next term's starting point from last term's ``sheet``."""
    last_on = sheet.context.assessed_on
    actions = tuple(action for action in sheet.actions if action.status is ActionStatus.OPEN)
    risks = tuple(risk for risk in sheet.accepted_risks if not last_on or risk.expires >= last_on)
    return Carried(
        context=replace(sheet.context, term=term, assessed_on=assessed_on),
        actions=actions,
        accepted_risks=risks,
        last=LastTerm(sheet.context.term, dict(sheet.answers)),
        actions_left=tuple(action for action in sheet.actions if action not in actions),
        risks_left=tuple(risk for risk in sheet.accepted_risks if risk not in risks),
    )


def check_new_term(last: Path, last_term: str, term: str) -> None:
    """Refuse a "next" term that is last term's own: the new file would pass for last term's."""
    if term and term.casefold() == last_term.casefold():
        raise UsageError(
            f"{last}: is already for term {quote(last_term)}; give --term the term the new file is for, "
            "such as the next one"
        )


def summary(carried: Carried) -> str:
    """What came along and what stayed behind, in a sentence, for the message after writing."""
    came = [_count(len(carried.actions), "open action"), _count(len(carried.accepted_risks), "accepted risk")]
    text = f"Carried {' and '.join(came)}"
    left = []
    if carried.actions_left:
        left.append(f"{_count(len(carried.actions_left), 'done or dropped action')}")
    if carried.risks_left:
        ids = ", ".join(risk.item_id for risk in carried.risks_left)
        left.append(f"{_count(len(carried.risks_left), 'accepted risk')} already expired last term ({ids})")
    if left:
        text += f"; left behind {' and '.join(left)}"
    return text + "."


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}{'' if n == 1 else 's'}"
