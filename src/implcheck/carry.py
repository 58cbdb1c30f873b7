"""Carrying an answers file into the next term: what comes along and what stays behind.

``init --from`` and ``assess --from`` follow the same rules, stated here once (``carry`` is pure;
``load_last`` reads last term's file, refusing a folder):

- **Context**: the school, the initiative and the respondent (name and role) come along; the
  term is the new one. ``assessed_on`` is the new term's (the caller gives it).
- **Answers**: none. Every item starts again at ``unknown``; last term's answer, evidence and
  date are kept as ``LastTerm`` so the new file can show them beside each item. A school must
  re-answer, not re-stamp: what was true last term is not evidence for this one. A file written
  for an earlier version of the checklist is read as this one (``migrate.py``): a renamed
  question's answer shows beside it under its new id, and an answer (or action, or accepted
  risk) to a retired question is kept in the new file as a comment naming the question and why
  it was retired, since it cannot be carried.
- **Actions**: open ones come along, overdue ones too (they are still owed). Done and dropped
  ones stay in last term's file, which is their record.
- **Accepted risks**: those still active at last term's assessment come along, including one
  that runs out before the new term's assessment: the new term's outputs then say it expired
  and when, which is when the governors need to hear it. One that had already expired at last
  term's assessment was reported then, and stays behind. A risk is never renewed by carrying
  it: governors accept it again with a new ``approved_on`` and ``expires``.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from implcheck import catalog
from implcheck.errors import UsageError
from implcheck.fileio import is_dir
from implcheck.load import load_answers, ref_for, resolver
from implcheck.model import (
    AcceptedRisk,
    ActionStatus,
    AgreedAction,
    Answer,
    AnswerSheet,
    Checklist,
    Context,
    Migration,
)
from implcheck.result import counted, quoted
from implcheck.safetext import line, quote


@dataclass(frozen=True, slots=True)
class LastTerm:
    """Last term's answers, shown beside each item of the new term's file (never counted)."""

    term: str
    answers: dict[str, Answer] = field(default_factory=dict)
    retired: tuple[Migration, ...] = ()  # what last term's file gave for questions since retired


@dataclass(frozen=True, slots=True)
class Carried:
    """What the new term's file starts with, and what was left behind (to say so)."""

    context: Context
    actions: tuple[AgreedAction, ...]
    accepted_risks: tuple[AcceptedRisk, ...]
    last: LastTerm
    actions_left: tuple[AgreedAction, ...] = ()
    risks_left: tuple[AcceptedRisk, ...] = ()


def last_term(sheet: AnswerSheet) -> LastTerm:
    """What a new file shows of last term's ``sheet`` beside each item."""
    return LastTerm(sheet.context.term, dict(sheet.answers), tuple(m for m in sheet.migrated if m.is_retired))


def carry(sheet: AnswerSheet, term: str, assessed_on: str) -> Carried:
    """Next term's starting point from last term's ``sheet``."""
    last_on = sheet.context.assessed_on
    actions = tuple(action for action in sheet.actions if action.status is ActionStatus.OPEN)
    risks = tuple(risk for risk in sheet.accepted_risks if not last_on or risk.expires >= last_on)
    return Carried(
        context=replace(sheet.context, term=term, assessed_on=assessed_on),
        actions=actions,
        accepted_risks=risks,
        last=last_term(sheet),
        actions_left=tuple(action for action in sheet.actions if action not in actions),
        risks_left=tuple(risk for risk in sheet.accepted_risks if risk not in risks),
    )


def refuse_a_checklist_too(ref: str | None, last: Path) -> None:
    """``--from`` answers the checklist last term's file names; one given as well is refused."""
    if ref is not None:
        raise UsageError(
            f"give a checklist or --from, not both: --from uses the checklist {last} names, so leave out the checklist"
        )


def load_last(last: Path, example: str, checklist_dirs: Sequence[Path] = ()) -> tuple[AnswerSheet, Checklist]:
    """Last term's file and its checklist. A folder of respondents is refused: each respondent
    answers next term in a file of their own. ``example`` is the command to show for one file,
    with ``{last}`` where the file goes."""
    if is_dir(last):
        one = shlex.quote(str(last / _first_yaml(last)))
        raise UsageError(
            f"{last}: is a folder; --from takes one respondent's answers file, since each respondent "
            "answers next term in a file of their own. Run it once for each file in the folder, such as: "
            + example.replace("{last}", one)
        )
    return load_answers(last, resolver(checklist_dirs))


def _first_yaml(folder: Path) -> str:
    """A file to name in the example: the folder's first YAML file, else a typical name."""
    try:
        names = sorted(path.name for path in folder.iterdir() if path.suffix in (".yaml", ".yml"))
    except OSError:  # pragma: no cover - a folder we may not list: the example names a typical file
        names = []
    return line(names[0]) if names else "senior-leader.yaml"


def checklist_ref(sheet: AnswerSheet, checklist: Checklist, new: Path | None) -> str:
    """How the new file at ``new`` names last term's checklist: a shipped id as it is, a path
    relative to the new file. Printed (``new`` is ``None``), last term's own reference is kept."""
    if new is None or catalog.shipped_path(sheet.checklist_ref) is not None or checklist.path is None:
        return sheet.checklist_ref
    return ref_for(str(checklist.path), new)


_SEASONS = ("spring", "summer", "autumn")


def next_term(term: str) -> str:
    """The term after ``term`` when it is written like ``2026-autumn``, else ``""``."""
    year, _, season = term.strip().lower().partition("-")
    if not (year.isdigit() and len(year) == 4 and season in _SEASONS):
        return ""
    if season == "autumn":
        return f"{int(year) + 1}-spring"
    return f"{year}-{_SEASONS[_SEASONS.index(season) + 1]}"


def check_new_term(last: Path, last_term: str, term: str) -> None:
    """Refuse a "next" term that is last term's own: the new file would pass for last term's."""
    if term and term.casefold() == last_term.casefold():
        raise UsageError(
            f"{last}: is already for term {quote(last_term)}; give --term the term the new file is for, "
            "such as the next one"
        )


def summary(carried: Carried, checklist: Checklist) -> str:
    """What came along and what stayed behind, in a sentence, for the message after writing."""
    came = [counted(len(carried.actions), "open action"), counted(len(carried.accepted_risks), "accepted risk")]
    text = f"Carried {' and '.join(came)}"
    left = []
    if carried.actions_left:
        left.append(counted(len(carried.actions_left), "done or dropped action"))
    if carried.risks_left:
        questions = {item.id: item.question for item in checklist.items}  # a loaded sheet names only these
        on = quoted(questions[risk.item_id] for risk in carried.risks_left)
        left.append(f"{counted(len(carried.risks_left), 'accepted risk')} already expired last term, on {on}")
    if left:
        text += f"; left behind {' and '.join(left)}"
    return text + "."
