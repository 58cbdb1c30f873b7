"""What the governors are asked to decide, worded from the Result (most cases run through the
report in test_present_report_view.py; these call ``decide`` directly)."""

from __future__ import annotations

import pytest

from implcheck.present.decision import decide
from implcheck.result import Result, Verdict
from test_rules import result_of, two


@pytest.mark.parametrize(
    ("answers", "headline"),
    [
        ("yyyy", "Approve the purchase, and ask for the termly re-check to be reported next term."),
        ("pyyy", "Approve the purchase on conditions, and ask for progress at the next meeting."),
        ("nyyy", "Do not approve the purchase yet."),
    ],
)
def test_the_headline_follows_the_verdict(answers: str, headline: str) -> None:
    assert decide(result_of(answers), shown=5).headline == headline


def test_blocking_items_beyond_the_top_risks_are_counted() -> None:
    # owner-named, single-sign-on and training-planned block (every failure mode but one is at 0)
    decision = decide(result_of("ynnn"), shown=1)
    assert decision.conditions[:2] == (
        "The actions for the risks marked “blocks approval” (1 below) are done by their dates.",
        "These 2 more blocking items are dealt with:",
    )
    assert len(decision.more_blocking) == 2
    assert all(question.endswith("?") for question in decision.more_blocking)


def test_the_score_condition_names_the_bar_to_reach() -> None:
    assert "Enough of the other actions are done to lift the score from 75 to at least 80." in (
        decide(result_of("yppy"), shown=5).conditions
    )


def test_a_ready_verdict_with_nothing_to_challenge_asks_about_next_term() -> None:
    assert decide(result_of("yyyy"), shown=5).challenges == (
        "Ask how the school will know, next term, that it is still working.",
    )


@pytest.mark.parametrize(
    ("result", "condition"),
    [
        (
            result_of("yyya"),
            "The 1 question answered “doesn't apply”, too many for its stage, is checked again and answered "
            "where it does apply.",
        ),
        (
            result_of("yaaa"),
            "The 3 questions answered “doesn't apply”, too many for their stage, are checked again and answered "
            "where they do apply.",
        ),
        (
            two("yyyy", "yppp"),
            "Respondents talk through the 3 questions they disagree on and agree one answer to each.",
        ),
    ],
)
def test_a_cap_from_na_or_disagreement_becomes_a_condition(result: Result, condition: str) -> None:
    assert result.verdict is Verdict.READY_WITH_CONDITIONS
    assert condition in decide(result, shown=5).conditions


def test_a_disagreement_that_leaves_confidence_high_enough_is_a_challenge_not_a_condition() -> None:
    decision = decide(two("yyyy", "yyyp"), shown=5)  # 87.5%: still meets 75%
    assert not any("talk through" in condition for condition in decision.conditions)
    assert "Staff in different roles disagree on 1 item: ask why before accepting any one view." in decision.challenges
