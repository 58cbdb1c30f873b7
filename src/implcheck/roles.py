"""Who is asked what: each role's question set in the words people read, and how long it takes.

The checklist says which roles are asked each item (``Item.asks``, ``Checklist.asked``); this
module words it once for every command that tells a respondent or a leader about it: ``assess``
and ``init`` ("15 questions, about 8 minutes"), ``check`` on one respondent's file, ``collect``
and the governors' report. Pupils are counted here, never named.
"""

from __future__ import annotations

import math
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from implcheck.model import ALWAYS_ASKED, Checklist, Respondent, Role
from implcheck.result import Result

# About half a minute a question: reading it, thinking, choosing a key, and a word of evidence
# now and then. A pupil's shorter set in simpler words reads faster, but not much.
SECONDS_A_QUESTION = 30

ONE: dict[Role, str] = {
    Role.SENIOR_LEADER: "senior leader",
    Role.TEACHER: "teacher",
    Role.IT: "IT lead",
    Role.GOVERNOR: "governor",
    Role.PUPIL: "pupil",
    Role.OTHER: "other respondent",
}
MANY: dict[Role, str] = {
    Role.SENIOR_LEADER: "senior leaders",
    Role.TEACHER: "teachers",
    Role.IT: "IT staff",
    Role.GOVERNOR: "governors",
    Role.PUPIL: "pupils",
    Role.OTHER: "other respondents",
}


def a_role(role: Role) -> str:
    """``a teacher``, ``the IT lead`` (the one who answers for IT), ``another respondent``."""
    return {Role.IT: "the IT lead", Role.OTHER: "another respondent"}.get(role, f"a {ONE[role]}")


def people(role: Role, n: int) -> str:
    """``3 teachers``, ``1 senior leader``, ``2 IT staff``."""
    return f"{n} {ONE[role] if n == 1 else MANY[role]}"


def minutes(questions: int) -> int:
    """Roughly how long ``questions`` take to answer, in whole minutes (at least one)."""
    return max(1, math.ceil(questions * SECONDS_A_QUESTION / 60))


def how_long(questions: int) -> str:
    """``15 questions, about 8 minutes``: what a respondent is told before the first question."""
    n = minutes(questions)
    return f"{questions} question{'' if questions == 1 else 's'}, about {n} minute{'' if n == 1 else 's'}"


def asked_count(checklist: Checklist, role: Role) -> int:
    return len(checklist.asked(role))


def shown_name(respondent: Respondent) -> str:
    """The respondent's name as any output shows it: never a pupil's (SPEC.md), so a pupil is
    only ever "pupil", counted."""
    return "" if respondent.role is Role.PUPIL else respondent.name


def whom(respondent: Respondent) -> str:
    """A respondent as a leader's listing names them: the role, and the name unless a pupil's."""
    name = shown_name(respondent)
    return f"{ONE[respondent.role]} {name}" if name else ONE[respondent.role]


def combine_hint(role: Role, checklist: Checklist, path: str, command: str = "check") -> str | None:
    """What ``check`` and the report say of one respondent's file whose role is not asked the
    full set: it answers that role's questions, and needs the senior leader's beside it."""
    if role in ALWAYS_ASKED:
        return None
    asked = asked_count(checklist, role)
    if asked == len(checklist.items):
        return None
    return (
        f"This file answers the {asked} questions {a_role(role)} is asked, of {len(checklist.items)}; "
        f"combine it with the senior leader's: implcheck {command} leader.yaml {path}"
    )


def combine_note(result: Result, command: str = "check") -> str:
    """``combine_hint`` for a result of one respondent's file; empty for several, or a role
    asked everything."""
    if len(result.respondents) != 1:
        return ""
    name = shlex.quote(PurePath(result.files[0]).name)
    return combine_hint(result.respondents[0].role, result.checklist, name, command) or ""


@dataclass(frozen=True, slots=True)
class RoleSet:
    """How many respondents of one role answered, and how many questions that role is asked."""

    role: Role
    respondents: int
    asked: int
    of: int

    def __str__(self) -> str:
        were = "was" if self.respondents == 1 else "were"
        if self.asked == self.of:
            return f"{people(self.role, self.respondents)} {were} asked all {self.of} questions"
        return f"{people(self.role, self.respondents)} {were} asked {self.asked} of the {self.of} questions"


def role_sets(checklist: Checklist, respondents: Iterable[Respondent]) -> tuple[RoleSet, ...]:
    """Who answered, by role in the order roles are listed, each with the size of its set."""
    counts: dict[Role, int] = {}
    for respondent in respondents:
        counts[respondent.role] = counts.get(respondent.role, 0) + 1
    total = len(checklist.items)
    return tuple(RoleSet(role, counts[role], asked_count(checklist, role), total) for role in Role if role in counts)
