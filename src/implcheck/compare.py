"""Term over term: two ``Result``s in (before, after), what changed out. Pure: no I/O, no clock.

How two answers to the same item compare (docs/ci.md, "How terms are compared"):

- ``yes`` > ``partly`` > ``no``: a move up is *improved*, a move down *regressed*.
- A known answer (yes, partly, no) becoming ``unknown`` is *regressed*: evidence the school had
  has lapsed, and a school must not be able to hide a ``no`` by forgetting it.
- ``unknown`` becoming ``yes`` or ``partly`` is *improved*; ``unknown`` becoming ``no`` is
  *changed*: a gap found, not a gap made (it is listed in the new gaps).
- A move to or from ``na`` is *changed*: neither better nor worse; the item left (or joined) the
  score.
- An item only one side's checklist has is *added* or *removed* (checklist versions may differ).
- A question the checklist has since retired is listed as *retired*, with each side's answers
  to it and why it was retired: an earlier term's answer is shown, never silently dropped.

A gap is an item answered ``no`` or ``partly`` (as in the result's failure modes). A *new gap* is
a gap now that was not one before; a *closed gap* was a gap and is now ``yes`` or ``na``.

Readiness *regressed* when the verdict is worse, a critical item is worse, or the score fell by
more than ``max_drop`` points (default 5). ``regression`` is the one test of that, shared by
``compare``, ``check --baseline`` and ``portfolio``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from implcheck import migrate
from implcheck.model import DEFAULT_MAX_DROP, Answer, AnswerValue, Item
from implcheck.result import Result, Verdict
from implcheck.terms import started

RANK = {AnswerValue.YES: 2, AnswerValue.PARTLY: 1, AnswerValue.NO: 0}
GAP_ANSWERS = frozenset({AnswerValue.NO, AnswerValue.PARTLY})
CLOSED_ANSWERS = frozenset({AnswerValue.YES, AnswerValue.NA})


class Change(StrEnum):
    IMPROVED = "improved"
    REGRESSED = "regressed"
    UNCHANGED = "unchanged"
    CHANGED = "changed"  # different, but neither better nor worse
    ADDED = "added"  # only the after side's checklist has the item
    REMOVED = "removed"  # only the before side's checklist has it


def change(before: AnswerValue, after: AnswerValue) -> Change:
    """How one item's answer moved between terms (the ordering in this module's docstring)."""
    if before is after:
        return Change.UNCHANGED
    if AnswerValue.NA in (before, after):
        return Change.CHANGED
    if after is AnswerValue.UNKNOWN:
        return Change.REGRESSED
    if before is AnswerValue.UNKNOWN:
        return Change.IMPROVED if after in (AnswerValue.YES, AnswerValue.PARTLY) else Change.CHANGED
    return Change.IMPROVED if RANK[after] > RANK[before] else Change.REGRESSED


@dataclass(frozen=True, slots=True)
class ItemChange:
    item: Item  # the after side's wording where it has the item, else the before side's
    before: AnswerValue | None  # None: that side's checklist has no such item
    after: AnswerValue | None
    change: Change


class RegressionKind(StrEnum):
    VERDICT = "verdict"
    CRITICAL_ITEM = "critical-item"
    SCORE = "score"


@dataclass(frozen=True, slots=True)
class Regression:
    """One way readiness regressed, in the users' words (questions, not ids)."""

    kind: RegressionKind
    message: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RetiredQuestion:
    """A question answered in a file written for an earlier version, since retired: not scored
    on either side, but shown with each side's answers so a term's history is not lost."""

    item_id: str
    question: str
    reason: str  # why it was retired, in the checklist's words
    before: tuple[AnswerValue, ...]  # each respondent's answer, in the earlier term's files
    after: tuple[AnswerValue, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    before: Result
    after: Result
    max_drop: float
    items: tuple[ItemChange, ...]
    regressions: tuple[Regression, ...]
    retired: tuple[RetiredQuestion, ...] = ()

    @property
    def regression(self) -> bool:
        return bool(self.regressions)

    @property
    def started(self) -> bool:
        """Whether the later term has anything answered yet (``terms.started``)."""
        return started(self.after)

    def ids(self, wanted: Change) -> tuple[str, ...]:
        return tuple(c.item.id for c in self.items if c.change is wanted)

    @property
    def improved(self) -> tuple[str, ...]:
        return self.ids(Change.IMPROVED)

    @property
    def regressed(self) -> tuple[str, ...]:
        return self.ids(Change.REGRESSED)

    @property
    def new_gaps(self) -> tuple[str, ...]:
        return tuple(c.item.id for c in self.items if c.after in GAP_ANSWERS and c.before not in GAP_ANSWERS)

    @property
    def closed_gaps(self) -> tuple[str, ...]:
        return tuple(c.item.id for c in self.items if c.before in GAP_ANSWERS and c.after in CLOSED_ANSWERS)


def compare(before: Result, after: Result, *, max_drop: float = DEFAULT_MAX_DROP) -> Comparison:
    """``after`` against ``before``. A term with nothing answered yet (``terms.started``: a file
    ``init --from`` has just made) has not started: it shows what changed, never a regression."""
    items = _item_changes(before, after)
    found = _regressions(before, after, items, max_drop) if started(after) else ()
    return Comparison(before, after, max_drop, items, found, _retired(before, after))


def _retired(before: Result, after: Result) -> tuple[RetiredQuestion, ...]:
    def answers(result: Result, item_id: str) -> tuple[AnswerValue, ...]:
        return tuple(
            each.given.value
            for each in result.migrated
            if each.is_retired and each.old_id == item_id and isinstance(each.given, Answer)
        )

    found: dict[str, RetiredQuestion] = {}
    for result in (before, after):
        for each in result.migrated:
            if each.is_retired and isinstance(each.given, Answer) and each.old_id not in found:
                found[each.old_id] = RetiredQuestion(
                    each.old_id,
                    migrate.question(result.checklist, each),
                    each.retired,
                    answers(before, each.old_id),
                    answers(after, each.old_id),
                )
    return tuple(found.values())


def regression(before: Result, after: Result, *, max_drop: float = DEFAULT_MAX_DROP) -> bool:
    """Did readiness regress from ``before`` to ``after``? (verdict, critical item, or score)"""
    return compare(before, after, max_drop=max_drop).regression


def regressions(before: Result, after: Result, *, max_drop: float = DEFAULT_MAX_DROP) -> tuple[Regression, ...]:
    """Each way readiness regressed, with a message naming the questions; empty when none."""
    return compare(before, after, max_drop=max_drop).regressions


def _item_changes(before: Result, after: Result) -> tuple[ItemChange, ...]:
    then = {r.item.id: r for r in before.items}
    now = {r.item.id: r for r in after.items}
    changes: list[ItemChange] = []
    for item_id, r in now.items():
        old = then.get(item_id)
        if old is None:
            changes.append(ItemChange(r.item, None, r.answer, Change.ADDED))
        else:
            changes.append(ItemChange(r.item, old.answer, r.answer, change(old.answer, r.answer)))
    changes += [ItemChange(r.item, r.answer, None, Change.REMOVED) for item_id, r in then.items() if item_id not in now]
    return tuple(changes)


def _regressions(
    before: Result, after: Result, items: tuple[ItemChange, ...], max_drop: float
) -> tuple[Regression, ...]:
    found: list[Regression] = []
    if after.verdict.rank < before.verdict.rank:
        found.append(
            Regression(
                RegressionKind.VERDICT,
                f"The verdict fell from {_label(before, before.verdict)} to {_label(after, after.verdict)}.",
            )
        )
    for c in items:
        if c.item.critical and c.change is Change.REGRESSED:
            found.append(
                Regression(
                    RegressionKind.CRITICAL_ITEM,
                    f"A critical question is worse: {c.item.question} (was {c.before}, now {c.after}).",
                    (c.item.id,),
                )
            )
    drop = round(before.score - after.score, 1)
    if drop > max_drop:
        found.append(
            Regression(
                RegressionKind.SCORE,
                f"The score fell by {drop:g} points, from {before.score:g} to {after.score:g} "
                f"(more than the {max_drop:g} allowed).",
            )
        )
    return tuple(found)


def _label(result: Result, verdict: Verdict) -> str:
    return result.label_of(verdict).lower()


def differences(before: Result, after: Result) -> tuple[str, ...]:
    """Why two results are not two terms of one thing (school, initiative, checklist); empty if they are."""
    pairs = (
        ("school", before.context.school, after.context.school),
        ("initiative", before.context.initiative, after.context.initiative),
        ("checklist", before.checklist.id, after.checklist.id),
    )
    return tuple(
        f"the {what} differs: {mine!r} before, {theirs!r} after"
        for what, mine, theirs in pairs
        if mine.casefold() != theirs.casefold()
    )
