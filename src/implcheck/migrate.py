"""Reading a file written for an earlier version of its checklist: the one migration rule.

A checklist says, under ``renamed:`` and ``retired:``, what became of every item id it no longer
asks (ids are never reused, so one map serves files of every earlier version). ``migrate`` applies
it, and every way in uses it (``load/answers.py`` for answers, actions and accepted risks; through
it ``check``, ``report``, ``compare``, ``portfolio``, ``init --from`` and ``assess --from``):

- an answer to a **renamed** id is carried to the id the item has now. If the file also answers
  that id, the two answers clash: the loader refuses the file rather than pick one;
- an answer to a **retired** id is kept aside, never scored, and reported with why it was retired;
- every other id is the checklist's own, or unknown (the loader says so, with the nearest id).

Nothing is lost: every answer given ends up scored under its current id, reported as retired,
or refused with a message. ``Migration`` records what was done, so outputs can say it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from implcheck.model import AcceptedRisk, AgreedAction, Answer, Checklist, Migration
from implcheck.result import counted, shorten


@dataclass(frozen=True, slots=True)
class Answered:
    """An answer as a file gives it: under the id written, at a line."""

    item_id: str
    answer: Answer
    line: int = 0


@dataclass(frozen=True, slots=True)
class Migrated:
    """``migrate``'s outcome: every answer given is in exactly one of these."""

    answers: dict[str, Answer]  # by the id each item has now: these are scored
    migrations: tuple[Migration, ...] = ()  # carried to a new id, or kept aside as retired
    clashes: tuple[tuple[Answered, str], ...] = ()  # an old id's answer, and the current id also answered
    unknown: tuple[Answered, ...] = ()  # neither an item, nor renamed, nor retired
    carried: dict[str, str] = field(default_factory=dict)  # current id -> the old id its answer came from


def is_known(checklist: Checklist, item_id: str) -> bool:
    """Whether ``item_id`` is an item of ``checklist``, or one of its earlier versions' ids."""
    return checklist.current_id(item_id) in _item_ids(checklist) or item_id in checklist.retired


def _item_ids(checklist: Checklist) -> frozenset[str]:
    return frozenset(item.id for item in checklist.items)


def migrate(checklist: Checklist, given: Iterable[Answered]) -> Migrated:
    """Carry each answer to the id its item has in ``checklist``; keep retired ones aside.
    An answer given under an item's current id always stands; an old id's answer that would
    land on an id already answered is a clash (the caller refuses the file)."""
    items = _item_ids(checklist)
    given = list(given)
    answers = {each.item_id: each.answer for each in given if each.item_id in items}
    migrations: list[Migration] = []
    clashes: list[tuple[Answered, str]] = []
    unknown: list[Answered] = []
    carried: dict[str, str] = {}
    for each in given:
        if each.item_id in items:
            continue
        if each.item_id in checklist.retired:
            migrations.append(Migration(each.item_id, "", checklist.retired[each.item_id], each.answer, each.line))
            continue
        new_id = checklist.current_id(each.item_id)
        if new_id not in items:
            unknown.append(each)
        elif new_id in answers:
            clashes.append((each, carried.get(new_id, new_id)))
        else:
            answers[new_id] = each.answer
            carried[new_id] = each.item_id
            migrations.append(Migration(each.item_id, new_id, "", each.answer, each.line))
    return Migrated(answers, tuple(migrations), tuple(clashes), tuple(unknown), carried)


def migrate_ledger(checklist: Checklist, entry: AgreedAction | AcceptedRisk, line: int = 0) -> Migration | None:
    """An action or accepted risk about an earlier version's id: carried to the item's id now,
    or kept aside when the question was retired. ``None`` when its id is the checklist's own."""
    old = entry.item_id
    if old in checklist.retired:
        return Migration(old, "", checklist.retired[old], entry, line)
    new_id = checklist.current_id(old)
    return None if new_id == old else Migration(old, new_id, "", entry, line)


# Numbers of at most nine digits, at most ten of them: a hostile "1" * 5000 is not a version
# (and would be too long for ``int``).
_VERSION = re.compile(r"\d{1,9}(?:\.\d{1,9}){0,9}")


def version_key(version: str) -> tuple[int, ...] | None:
    """A version as numbers to compare ("1.10.0" is after "1.9.2"), trailing zeros dropped so
    "1.3" is "1.3.0"; ``None`` when it is not numbers separated by dots."""
    text = version.strip().removeprefix("v")
    if not _VERSION.fullmatch(text):
        return None
    numbers = [int(part) for part in text.split(".")]
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)


def is_newer(written_for: str, version: str) -> bool:
    """Whether a file written for ``written_for`` answers a later version than ``version``."""
    then, now = version_key(written_for), version_key(version)
    return then is not None and now is not None and then > now


def is_same(written_for: str, version: str) -> bool:
    """Whether ``written_for`` names ``version`` (numerically where both are numbers)."""
    then, now = version_key(written_for), version_key(version)
    return written_for.strip() == version.strip() if then is None or now is None else then == now


def question(checklist: Checklist, migration: Migration) -> str:
    """The question a migration is about, in words: a renamed item's as it is now; a retired
    one's as the last shipped version asked it, or its old id if no shipped version did."""
    if not migration.is_retired:
        return next((item.question for item in checklist.items if item.id == migration.new_id), migration.new_id)
    from implcheck import history  # which reads the shipped history, once, only when it is needed

    return history.question(checklist.id, migration.old_id) or migration.old_id


def note(checklist: Checklist, migrations: Iterable[Migration]) -> str:
    """What reading earlier versions' files did, in a sentence; "" when nothing was migrated.
    "Read as version 1.3.0: 2 answers carried to renamed questions; 1 answer to a retired question
    (“Is ...?”: merged into ...) not scored." Several retired questions are named without why."""
    migrations = list(migrations)
    if not migrations:
        return ""
    parts: list[str] = []
    for kind in ("answer", "action", "accepted risk"):
        carried = [each for each in migrations if each.kind == kind and not each.is_retired]
        if carried:
            whither = "a renamed question" if len(carried) == 1 else "renamed questions"
            parts.append(f"{counted(len(carried), kind)} carried to {whither}")
    for kind, to, fate in (
        ("answer", "to", "not scored"),
        ("action", "on", "no longer tracked"),
        ("accepted risk", "on", "no longer applied"),
    ):
        retired = [each for each in migrations if each.kind == kind and each.is_retired]
        if retired:
            which = "a retired question" if len(retired) == 1 else "retired questions"
            # Why it was retired, for one; for several the questions alone, or the sentence would
            # run to a paragraph (each reason is in compare's list and in init --from's comments).
            said = dict.fromkeys(f"“{shorten(question(checklist, each))}”" for each in retired)
            if len(said) == 1:
                said = {f"{next(iter(said))}: {retired[0].retired.rstrip('.')}": None}
            parts.append(f"{counted(len(retired), kind)} {to} {which} ({'; '.join(said)}) {fate}")
    return f"Read as version {checklist.version}: {'; '.join(parts)}."
