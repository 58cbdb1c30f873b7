"""Term over term (compare.py): the answer ordering, gaps and the regression rule, one case each."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import MINI
from implcheck.compare import Change, RegressionKind, change, compare, differences, regression, regressions
from implcheck.load import load_checklist
from implcheck.model import Answer, AnswerSheet, AnswerValue, Assessment, Checklist, Context, Respondent, Role
from implcheck.result import Result, Verdict
from implcheck.scoring import score

CHECKLIST = load_checklist(MINI)
IDS = [item.id for item in CHECKLIST.items]  # problem-specific (critical, w3), owner-named (w2),
# single-sign-on (w2, prepare), training-planned (w1, prepare)
Y, P, N, U, NA = (AnswerValue(v) for v in ("yes", "partly", "no", "unknown", "na"))


def result(*answers: AnswerValue, checklist: Checklist = CHECKLIST, school: str = "Oakfield") -> Result:
    """Score the mini checklist with answers given in item order."""
    context = Context(school, "Pobble", "2026-autumn", "2026-11-20", Respondent("", Role.SENIOR_LEADER))
    ids = [item.id for item in checklist.items]
    given_answers = {k: Answer(v, "not relevant" if v is NA else "") for k, v in zip(ids, answers, strict=False)}
    return score(Assessment(checklist, (AnswerSheet(Path("a.yaml"), "mini", context, given_answers),)))


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (Y, Y, Change.UNCHANGED),
        (P, Y, Change.IMPROVED),
        (N, P, Change.IMPROVED),
        (N, Y, Change.IMPROVED),
        (Y, P, Change.REGRESSED),
        (P, N, Change.REGRESSED),
        (Y, N, Change.REGRESSED),
        (Y, U, Change.REGRESSED),  # a known answer becoming unknown is a loss
        (N, U, Change.REGRESSED),  # ... even a no: a gap cannot be hidden by forgetting it
        (U, Y, Change.IMPROVED),
        (U, P, Change.IMPROVED),
        (U, N, Change.CHANGED),  # a gap found, not a gap made
        (U, U, Change.UNCHANGED),
        (Y, NA, Change.CHANGED),
        (NA, N, Change.CHANGED),
        (NA, NA, Change.UNCHANGED),
    ],
)
def test_change_orders_yes_over_partly_over_no(before: AnswerValue, after: AnswerValue, expected: Change) -> None:
    assert change(before, after) is expected


def test_same_answers_are_no_regression() -> None:
    same = result(Y, Y, P, Y)
    comparison = compare(same, same)
    assert (comparison.regression, comparison.regressions, comparison.improved, comparison.regressed) == (
        False,
        (),
        (),
        (),
    )


def test_item_lists_name_ids_in_checklist_order() -> None:
    comparison = compare(result(N, Y, P, U), result(Y, P, N, Y))
    assert comparison.improved == ("problem-specific", "training-planned")
    assert comparison.regressed == ("owner-named", "single-sign-on")
    assert [(c.item.id, c.before, c.after, c.change) for c in comparison.items][:2] == [
        ("problem-specific", N, Y, Change.IMPROVED),
        ("owner-named", Y, P, Change.REGRESSED),
    ]


def test_new_gaps_are_no_or_partly_now_and_not_before() -> None:
    comparison = compare(result(Y, U, N, NA), result(P, N, P, N))
    assert comparison.new_gaps == ("problem-specific", "owner-named", "training-planned")
    assert comparison.closed_gaps == ()


def test_closed_gaps_are_now_yes_or_na_not_unknown() -> None:
    comparison = compare(result(N, P, N, N), result(Y, NA, U, P))
    assert comparison.closed_gaps == ("problem-specific", "owner-named")
    assert comparison.new_gaps == ()


def test_worse_verdict_is_a_regression_with_the_verdicts_in_words() -> None:
    before, after = result(Y, Y, Y, Y), result(Y, P, P, Y)  # ready 100 -> with conditions 75
    [verdict, drop] = regressions(before, after)
    assert verdict.kind is RegressionKind.VERDICT
    assert verdict.message == "The verdict fell from ready to ready with conditions."
    assert drop.message == "The score fell by 25 points, from 100 to 75 (more than the 5 allowed)."


def test_critical_item_worse_is_a_regression_naming_its_question() -> None:
    before, after = result(Y, N, Y, Y), result(P, Y, Y, Y)  # score 75 -> 81.2, verdict unchanged
    assert (before.verdict, after.verdict) == (Verdict.NOT_READY, Verdict.READY_WITH_CONDITIONS)
    [found] = [r for r in regressions(before, after) if r.kind is RegressionKind.CRITICAL_ITEM]
    assert found.message == "A critical question is worse: Is there a specific problem? (was yes, now partly)."
    assert found.items == ("problem-specific",)


def test_critical_item_becoming_unknown_is_a_regression() -> None:
    assert regression(result(N, Y, Y, Y), result(U, Y, Y, Y))


def test_non_critical_item_worse_alone_is_no_regression() -> None:
    assert not regression(result(Y, Y, Y, Y), result(Y, Y, Y, P), max_drop=10)  # 100 -> 93.8, ready both


def test_score_drop_of_exactly_max_drop_is_allowed() -> None:
    before = result(Y, Y, Y, Y)  # 100
    after = result(Y, Y, Y, P)  # 93.8: a drop of 6.2
    assert regressions(before, after) == regressions(before, after, max_drop=5)
    assert [r.kind for r in regressions(before, after)] == [RegressionKind.SCORE]
    assert not regression(before, after, max_drop=6.2)
    assert regression(before, after, max_drop=6.1)


def test_better_term_is_no_regression() -> None:
    assert not regression(result(N, N, N, N), result(Y, Y, Y, Y))


def test_items_only_one_side_has_are_added_or_removed() -> None:
    [why, how] = CHECKLIST.sections
    renamed = dataclasses.replace(how.items[1], id="coaching-planned")
    newer = dataclasses.replace(
        CHECKLIST, version="1.1", sections=(why, dataclasses.replace(how, items=(how.items[0], renamed)))
    )
    comparison = compare(result(Y, Y, Y, N), result(Y, Y, Y, N, checklist=newer))
    assert [(c.item.id, c.before, c.after, c.change) for c in comparison.items[3:]] == [
        ("coaching-planned", None, N, Change.ADDED),
        ("training-planned", N, None, Change.REMOVED),
    ]
    assert comparison.new_gaps == ("coaching-planned",)
    assert comparison.closed_gaps == ()


def test_differences_say_what_differs() -> None:
    assert differences(result(Y), result(Y, school="oakfield")) == ()
    assert differences(result(Y), result(Y, school="Ashgrove")) == (
        "the school differs: 'Oakfield' before, 'Ashgrove' after",
    )


answers = st.lists(st.sampled_from([Y, P, N, U, NA]), min_size=4, max_size=4)


@given(answers, answers)
def test_what_improved_regresses_when_the_terms_swap(first: list[AnswerValue], second: list[AnswerValue]) -> None:
    # Not an exact swap: no -> unknown is a loss, but unknown -> no is only "changed".
    a, b = result(*first), result(*second)
    forward, backward = compare(a, b), compare(b, a)
    assert set(forward.improved) <= set(backward.regressed)
    assert set(backward.closed_gaps) <= set(forward.new_gaps)
    assert not set(forward.improved) & set(forward.regressed)


@given(answers)
def test_a_term_never_regresses_against_itself(values: list[AnswerValue]) -> None:
    assert not regression(result(*values), result(*values))
