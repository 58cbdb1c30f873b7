"""Who has replied: the leader's view of a folder of respondents' files (``implcheck collect``).

Pure: the files are read and the expected list loaded by ``commands/collect.py``; this module
only sorts them out. One folder is one assessment (one school, initiative, checklist and
term): a file that cannot be combined with the first, or a second file from the same person,
is a problem, listed with the rest, and left out of the figures.

Pupils are counted, never named: a pupil's reply is matched to the expected list by role alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from implcheck.errors import Problem, ProblemRule
from implcheck.load.assessment import combining_conflict, same_respondent, twice
from implcheck.model import AnswerSheet, AnswerValue, Assessment, Checklist, Context, Role
from implcheck.result import NOT_ASKED
from implcheck.roles import shown_name
from implcheck.safetext import quote
from implcheck.scoring import score

# The version of ``collect --format json`` (``implcheck schema collect`` describes it).
SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class Expected:
    """One line of the expected list: a named person, or ``count`` unnamed people of a role."""

    role: Role
    name: str = ""
    count: int = 1


@dataclass(frozen=True, slots=True)
class ExpectedList:
    path: str
    respondents: tuple[Expected, ...]


@dataclass(frozen=True, slots=True)
class Reply:
    """One respondent's file."""

    path: str
    role: Role
    name: str  # empty for a pupil, whatever the file says
    asked: int  # the questions the role is asked
    unknown: tuple[str, ...]  # the ids of those left unknown (or unanswered)
    expected: bool  # on the expected list (always True without one)

    @property
    def complete(self) -> bool:
        return not self.unknown


@dataclass(frozen=True, slots=True)
class Rate:
    """How many of a role replied, against how many were expected (None: no list, or none of the role)."""

    role: Role
    replied: int
    expected: int | None

    @property
    def percent(self) -> int | None:
        return None if not self.expected else round(100 * min(self.replied, self.expected) / self.expected)


@dataclass(frozen=True, slots=True)
class Split:
    """A question the roles answer differently: each role's answers, counted."""

    item_id: str
    question: str
    critical: bool
    # (role, how many of it answered, what they said): (teacher, 3, "2 no, 1 yes"); "not asked"
    by_role: tuple[tuple[Role, int, str], ...]


@dataclass(frozen=True, slots=True)
class Collection:
    folder: str
    checklist: Checklist | None
    context: Context | None
    replies: tuple[Reply, ...]
    missing: tuple[Expected, ...]  # a named person with no reply, or how many of a role still owe one
    rates: tuple[Rate, ...]
    expected_total: int | None  # everyone on the list; None without one
    replied_expected: int  # of them, how many replied
    splits: tuple[Split, ...]
    problems: tuple[Problem, ...]
    expected_path: str = ""

    @property
    def percent(self) -> int | None:
        return None if not self.expected_total else round(100 * self.replied_expected / self.expected_total)


def collect(
    folder: str,
    loaded: list[tuple[AnswerSheet, Checklist]],
    problems: list[Problem],
    expected: ExpectedList | None = None,
) -> Collection:
    """Sort the files read from ``folder`` (``loaded``, in name order; ``problems``: those that
    could not be read) into replies, missing respondents, rates and disagreements."""
    problems = list(problems)
    kept = _one_assessment(loaded, problems)
    checklist = kept[0][1] if kept else None
    sheets = [sheet for sheet, _ in kept]
    slots = _slots(expected)
    matched = [_reply(sheet, checklist, slots) for sheet, checklist in kept]  # in file order, as read
    order = {role: index for index, role in enumerate(Role)}
    # Listed by role (senior leader first, pupils last), then by name.
    replies = tuple(sorted(matched, key=lambda reply: (order[reply.role], reply.name.casefold(), reply.path)))
    named = {(each.role, each.name.casefold()): each.name for each in expected.respondents} if expected else {}
    missing = tuple(
        [Expected(role, named[role, key]) for (role, key), left in slots.items() if key and left]
        + [Expected(role, "", left) for (role, key), left in slots.items() if not key and left]
    )
    total = sum(each.count for each in expected.respondents) if expected else None
    replied_expected = (total or 0) - sum(each.count for each in missing)
    return Collection(
        folder=folder,
        checklist=checklist,
        context=sheets[0].context if sheets else None,
        replies=replies,
        missing=missing,
        rates=_rates(replies, expected),
        expected_total=total,
        replied_expected=replied_expected,
        splits=_splits(Assessment(checklist, tuple(sheets))) if checklist is not None else (),
        # A broken checklist is one problem, not one for each file that names it.
        problems=tuple(sorted({str(p): p for p in problems}.values(), key=lambda problem: problem.sort_key)),
        expected_path=expected.path if expected else "",
    )


def _one_assessment(
    loaded: list[tuple[AnswerSheet, Checklist]], problems: list[Problem]
) -> list[tuple[AnswerSheet, Checklist]]:
    """The files that make one assessment with the first; the others become problems."""
    kept: list[tuple[AnswerSheet, Checklist]] = []
    for sheet, checklist in loaded:
        if kept:
            first, first_checklist = kept[0]
            conflict = combining_conflict(first, first_checklist, sheet, checklist)
            if conflict is not None:
                what, mine, theirs = conflict
                problems.append(
                    Problem(
                        str(sheet.path),
                        1,
                        1,
                        f"cannot be combined with {first.path}: its {what} is {quote(theirs)}, not {quote(mine)}; "
                        "a folder holds one school's answers for one initiative, checklist and term",
                        ProblemRule.NOT_COMBINABLE,
                    )
                )
                continue
            twin = next((earlier for earlier, _ in kept if same_respondent(earlier, sheet)), None)
            if twin is not None:
                message = twice(twin.path, sheet.context.respondent)
                problems.append(Problem(str(sheet.path), 1, 1, message, ProblemRule.DUPLICATE_RESPONDENT))
                continue
        kept.append((sheet, checklist))
    return kept


Slots = dict[tuple[Role, str], int]  # (role, name casefolded or "") -> replies still owed


def _slots(expected: ExpectedList | None) -> Slots:
    slots: Slots = {}
    for each in expected.respondents if expected else ():
        key = (each.role, each.name.casefold())
        slots[key] = slots.get(key, 0) + each.count
    return slots


def _reply(sheet: AnswerSheet, checklist: Checklist, slots: Slots) -> Reply:
    """One file as a reply; it takes its place on the expected list (``slots``), if it has one."""
    respondent = sheet.context.respondent
    name = shown_name(respondent)
    asked = checklist.asked(respondent.role)
    unknown = tuple(
        item.id
        for item in asked
        if sheet.answers.get(item.id) is None or sheet.answers[item.id].value is AnswerValue.UNKNOWN
    )
    # By name first; else a place for someone of the role, unnamed (always so for a pupil).
    keys = [(respondent.role, name.casefold())] if name else []
    place = next((key for key in [*keys, (respondent.role, "")] if slots.get(key, 0) > 0), None)
    if place is not None:
        slots[place] -= 1
    expected = not slots or place is not None
    return Reply(str(sheet.path), respondent.role, name, len(asked), unknown, expected)


def _rates(replies: tuple[Reply, ...], expected: ExpectedList | None) -> tuple[Rate, ...]:
    replied = Counter(reply.role for reply in replies)
    wanted: Counter[Role] = Counter()
    for each in expected.respondents if expected else ():
        wanted[each.role] += each.count
    return tuple(
        Rate(role, replied[role], wanted[role] if expected else None) for role in Role if replied[role] or wanted[role]
    )


def _splits(assessment: Assessment) -> tuple[Split, ...]:
    """Where the roles disagree, as the scorer finds it, each role's answers counted."""
    splits: list[Split] = []
    for d in score(assessment).disagreements:
        said: dict[Role, Counter[str]] = {}
        for answer in d.answers:
            said.setdefault(answer.respondent.role, Counter())[answer.said] += 1
        by_role = tuple((role, sum(said[role].values()), _counted(said[role])) for role in Role if role in said)
        splits.append(Split(d.item_id, d.question, d.critical, by_role))
    return tuple(splits)


def _counted(said: Counter[str]) -> str:
    """``yes``, or ``2 no, 1 yes`` for several respondents of one role; most given first."""
    if sum(said.values()) == 1:
        return next(iter(said))
    order = [value.value for value in AnswerValue] + [NOT_ASKED]
    ranked = sorted(said.items(), key=lambda pair: (-pair[1], order.index(pair[0])))
    return ", ".join(f"{n} {value}" for value, n in ranked)
