"""The verdict rules, one line per case: answers to the mini checklist in, reasons out, word for word.

Answers are given in item order, one letter each: y yes, p partly, n no, u unknown, a na.
The items: problem-specific (critical, weight 3, explore, unclear-problem), owner-named (2,
explore, no-owner), single-sign-on (2, prepare, friction), training-planned (1, prepare,
no-follow-up). Thresholds: ready 80, conditions 60, floor 40, min_confidence 0.75.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import MINI
from implcheck import rules
from implcheck.load import load_checklist
from implcheck.model import AcceptedRisk, Answer, AnswerSheet, AnswerValue, Assessment, Context, Respondent, Role
from implcheck.result import Result, RuleId, Verdict, figure, percent, quoted, shorten
from implcheck.scoring import score

CHECKLIST = load_checklist(MINI)
LETTERS = {"y": "yes", "p": "partly", "n": "no", "u": "unknown", "a": "na"}


def result_of(answers: str, **bars: float) -> Result:
    """Score the mini checklist, with any of its thresholds tuned."""
    checklist = replace(CHECKLIST, thresholds=replace(CHECKLIST.thresholds, **bars))
    given = {
        item.id: Answer(AnswerValue(LETTERS[letter]), "a reason")
        for item, letter in zip(checklist.items, answers, strict=False)
    }
    context = Context("Oakfield", "Pobble", "2026-autumn", "2026-11-20", Respondent("", Role.SENIOR_LEADER))
    return score(Assessment(checklist, (AnswerSheet(Path("a.yaml"), "mini", context, given),)))


def found(answers: str) -> dict[RuleId, str]:
    return {reason.rule: reason.message for reason in result_of(answers).reasons}


@pytest.mark.parametrize(
    ("answers", "rule", "message"),
    [
        ("", RuleId.NOTHING_ANSWERED, "No item has been answered yet."),
        ("uuuu", RuleId.NOTHING_ANSWERED, "No item has been answered yet."),
        ("y", RuleId.NOTHING_ANSWERED, None),
        ("ynpn", RuleId.LOW_SCORE, "The score, 50, is below 60, the bar for ready with conditions."),
        ("", RuleId.LOW_SCORE, None),
        ("yppy", RuleId.LOW_SCORE, None),
        ("yppy", RuleId.SCORE_BELOW_READY, "The score, 75, is below 80, the bar for ready."),
        ("ynpn", RuleId.SCORE_BELOW_READY, None),
        ("yyyy", RuleId.SCORE_BELOW_READY, None),
        ("nyyy", RuleId.CRITICAL_GAP, "1 critical item answered no: “Is there a specific problem?”"),
        ("pyyy", RuleId.CRITICAL_GAP, None),
        ("uyyy", RuleId.CRITICAL_UNKNOWN, "1 critical item not known: “Is there a specific problem?”"),
        ("", RuleId.CRITICAL_UNKNOWN, "1 critical item not known: “Is there a specific problem?”"),
        (
            "yynn",
            RuleId.WEAK_STAGE,
            "1 stage below the floor of 40 (Prepare 0): strength elsewhere cannot make up for a weak area.",
        ),
        (
            "yypn",  # prepare: 2 x 0.5 of 3
            RuleId.WEAK_STAGE,
            "1 stage below the floor of 40 (Prepare 33): strength elsewhere cannot make up for a weak area.",
        ),
        ("yypy", RuleId.WEAK_STAGE, None),
        (
            "yyny",
            RuleId.WEAK_FAILURE_MODE,
            "1 failure mode below the floor of 40 (Ease of use 0): strength elsewhere cannot make up for a weak area.",
        ),
        (
            "ynnn",
            RuleId.WEAK_FAILURE_MODE,
            "3 failure modes below the floor of 40 (Senior ownership 0, Ease of use 0, Follow-up and support 0): "
            "strength elsewhere cannot make up for a weak area.",
        ),
        ("yppy", RuleId.WEAK_FAILURE_MODE, None),  # 50 is not below the floor
        ("pyyy", RuleId.CRITICAL_PARTIAL, "1 critical item only partly in place: “Is there a specific problem?”"),
        ("yyyy", RuleId.CRITICAL_PARTIAL, None),
        (
            "yyuu",
            RuleId.LOW_CONFIDENCE,
            "Confidence, the share of questions answered and agreed on, is 50%: below the 75% needed for ready "
            "(2 of 4 answered).",
        ),
        ("yyyu", RuleId.LOW_CONFIDENCE, None),  # 75% meets the minimum
        (
            "yyya",
            RuleId.TOO_MANY_NA,
            "In Prepare, 1 of 2 questions (50%) is answered “doesn't apply”, more than the 25% a stage may have "
            "for ready: “Is follow-up training planned?”",
        ),
        (
            "yaaa",  # an all-na stage has no score, so no floor to fall below: this rule still holds it
            RuleId.TOO_MANY_NA,
            "In Explore, 1 of 2 questions (50%) is answered “doesn't apply”, more than the 25% a stage may have "
            "for ready: “Is there a named senior owner?” "
            "In Prepare, 2 of 2 questions (100%) are answered “doesn't apply”, more than the 25% a stage may have "
            "for ready: “Can staff log in with their existing account?”; “Is follow-up training planned?”",
        ),
        ("yyyy", RuleId.TOO_MANY_NA, None),
        ("yyyu", RuleId.TOO_MANY_NA, None),  # unknown is not na
        ("", RuleId.LOW_CONFIDENCE, None),  # nothing answered says so once, not twice
    ],
)
def test_rule(answers: str, rule: RuleId, message: str | None) -> None:
    assert found(answers).get(rule) == message


@pytest.mark.parametrize(
    ("answers", "verdict", "blocking"),
    [
        ("yyyy", Verdict.READY, ()),
        ("yyya", Verdict.READY_WITH_CONDITIONS, ()),  # half of prepare is na
        ("yppy", Verdict.READY_WITH_CONDITIONS, ()),
        ("pyyy", Verdict.READY_WITH_CONDITIONS, ("problem-specific",)),
        ("nyyy", Verdict.NOT_READY, ("problem-specific",)),
        ("yyny", Verdict.NOT_READY, ("single-sign-on",)),
        ("ynpn", Verdict.NOT_READY, ("owner-named", "single-sign-on", "training-planned")),
    ],
)
def test_verdict_and_what_blocks(answers: str, verdict: Verdict, blocking: tuple[str, ...]) -> None:
    result = result_of(answers)
    assert (result.verdict, result.blocking) == (verdict, blocking)
    assert tuple(a.item_id for a in result.actions if a.blocks) == tuple(
        a.item_id for a in result.actions if a.item_id in blocking
    )


@pytest.mark.parametrize(
    ("answers", "blocks"),
    [
        ("pyyy", {RuleId.CRITICAL_PARTIAL: True}),
        (
            "pynn",
            {
                RuleId.LOW_SCORE: False,
                RuleId.WEAK_STAGE: True,
                RuleId.WEAK_FAILURE_MODE: True,
                RuleId.CRITICAL_PARTIAL: False,
            },
        ),  # not ready: the partial no longer sets the verdict
    ],
)
def test_a_reason_blocks_only_while_it_holds_the_verdict_down(answers: str, blocks: dict[RuleId, bool]) -> None:
    assert {reason.rule: reason.blocks for reason in result_of(answers).reasons} == blocks


@pytest.mark.parametrize(
    ("answers", "target"),
    [("ynpn", 60.0), ("yppy", 80.0), ("yyyy", None), ("nyyy", None), ("", None)],
)
def test_score_target_is_the_bar_the_score_must_reach(answers: str, target: float | None) -> None:
    # "nyyy" scores 62.5, below ready, but the critical no holds the verdict lower than the score does
    assert result_of(answers).score_target == target


def test_weak_areas_are_stages_and_failure_modes_below_the_floor_weakest_first() -> None:
    weak = result_of("ypnp").weak_areas  # prepare 0.5 of 3, friction 0; no-owner 50 is not below 40
    assert [(g.label, g.score) for g in weak] == [("Ease of use", 0.0), ("Prepare", 16.7)]


def test_every_rule_id_has_one_rule_in_enum_order() -> None:
    assert [rule.id for rule in rules.RULES] == list(RuleId)
    assert set(rules.REGISTRY) == set(RuleId)


def test_what_each_rule_caps_at_and_whether_it_blocks() -> None:
    assert {rule.id.value: (rule.caps_at.value, rule.blocks) for rule in rules.RULES} == {
        "nothing-answered": ("not_ready", False),
        "low-score": ("not_ready", False),
        "score-below-ready": ("ready_with_conditions", False),
        "critical-gap": ("not_ready", True),
        "critical-unknown": ("not_ready", True),
        "weak-stage": ("not_ready", True),
        "weak-failure-mode": ("not_ready", True),
        "critical-partial": ("ready_with_conditions", True),
        "weight-3-gap": ("ready_with_conditions", True),
        "too-many-na": ("ready_with_conditions", False),
        "low-confidence": ("ready_with_conditions", False),
        "accepted-risk": ("ready_with_conditions", False),
        "expired-risk": ("ready", False),
    }


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Is there a specific problem?", "Is there a specific problem?"),
        ("word " * 30, "word " * 19 + "word…"),
        ("Is it, really, " + "x" * 90, "Is it, really…"),
        ("x" * 120, "x" * 99 + "…"),
    ],
)
def test_a_long_question_is_cut_at_a_word(text: str, short: str) -> None:
    assert shorten(text.strip()) == short


def test_several_questions_are_quoted_and_separated() -> None:
    assert found("nyyy")[RuleId.CRITICAL_GAP] == "1 critical item answered no: “Is there a specific problem?”"
    assert quoted(["A?", "B?"]) == "“A?”; “B?”"


def test_no_reason_is_ready() -> None:
    assert rules.verdict(()) is Verdict.READY


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (59.6, "59.6"),
        (59.4, "59"),
        (60.0, "60"),
        (79.5, "79.5"),
        (80.4, "80"),
        (39.6, "39.6"),
        (40.5, "40"),
        (0.0, "0"),
    ],
)
def test_a_score_is_whole_unless_rounding_would_cross_a_bar(value: float, shown: str) -> None:
    assert figure(value, (40.0, 60.0, 80.0)) == shown


@pytest.mark.parametrize(
    ("value", "shown"), [(0.796, "79.6%"), (0.794, "79%"), (0.8, "80%"), (0.805, "80%"), (0.5, "50%"), (1.0, "100%")]
)
def test_a_share_is_a_whole_percentage_unless_rounding_would_cross_the_bar(value: float, shown: str) -> None:
    assert percent(value, (0.8,)) == shown


@pytest.mark.parametrize(
    ("answers", "bars", "message"),
    [  # yypy scores 87.5, which a whole number would show as 88
        ("yypy", {"ready": 87.6}, "The score, 87.5, is below 87.6, the bar for ready."),
        ("yypy", {"ready": 88.0}, "The score, 87.5, is below 88, the bar for ready."),
        ("yypy", {"ready": 90.0}, "The score, 88, is below 90, the bar for ready."),
        (
            "yypy",
            {"ready": 95, "conditions": 87.6},
            "The score, 87.5, is below 87.6, the bar for ready with conditions.",
        ),
        (  # prepare scores 66.7
            "yypy",
            {"floor": 66.8, "conditions": 70},
            "1 stage below the floor of 66.8 (Prepare 66.7): strength elsewhere cannot make up for a weak area.",
        ),
        (  # 3 of 4 answered: 75%
            "yyyu",
            {"min_confidence": 0.752},
            "Confidence, the share of questions answered and agreed on, is 75%: below the 75.2% needed for ready "
            "(3 of 4 answered).",
        ),
    ],
)
def test_a_reason_never_contradicts_its_figure(answers: str, bars: dict[str, float], message: str) -> None:
    assert message in [reason.message for reason in result_of(answers, **bars).reasons]


def test_the_headline_figure_is_the_one_the_reasons_give() -> None:
    result = result_of("yypy", ready=88.0)
    assert (result.score, result.score_text, result.verdict) == (87.5, "87.5", Verdict.READY_WITH_CONDITIONS)
    assert result.figure(result.stages[1].score) == "67"
    assert result.figure(None) == "not answered"


bar_values = st.floats(1, 99).map(lambda v: round(v, 1))


@given(
    st.lists(st.sampled_from("ypnua"), min_size=4, max_size=4).map("".join),
    st.lists(bar_values, min_size=3, max_size=3).map(sorted),
    st.floats(0.01, 1).map(lambda v: round(v, 3)),
)
def test_every_figure_shown_agrees_with_the_bars_it_is_judged_by(answers: str, bars: list[float], share: float) -> None:
    floor, conditions, ready = bars
    result = result_of(
        answers.replace("a", "u", 1) if answers[0] == "a" else answers,
        floor=floor,
        conditions=conditions,
        ready=ready,
        min_confidence=share,
    )
    for value in [result.score, *(g.score for g in (*result.stages, *result.failure_mode_scores))]:
        if value is not None:
            shown = float(result.figure(value))
            assert all((shown < bar) == (value < bar) for bar in bars)
    shown_share = round(float(result.confidence_text[:-1]) / 100, 3)  # 33.3 / 100 is 0.33299999...
    assert (shown_share < share) == (result.confidence < share)


# --- the rules against loopholes: weight-3 gaps, too many na, and disputed answers ----------------

# The mini checklist with owner-named weighing 3: the one non-critical weight-3 item.
HEAVY = replace(
    CHECKLIST,
    sections=tuple(
        replace(s, items=tuple(replace(i, weight=3) if i.id == "owner-named" else i for i in s.items))
        for s in CHECKLIST.sections
    ),
)


def heavy(answers: str, risk: str = "") -> dict[RuleId, str]:
    """Reasons for ``answers`` to HEAVY; ``risk``: an accepted risk's expiry date on owner-named."""
    risks = (AcceptedRisk("owner-named", "until spring", "Governors", "2026-11-01", risk),) if risk else ()
    given = {
        item.id: Answer(AnswerValue(LETTERS[letter]), "a reason")
        for item, letter in zip(HEAVY.items, answers, strict=False)
    }
    context = Context(assessed_on="2026-11-20")
    sheet = AnswerSheet(Path("a.yaml"), "mini", context, given, accepted_risks=risks)
    return {reason.rule: reason.message for reason in score(Assessment(HEAVY, (sheet,))).reasons}


@pytest.mark.parametrize(
    ("answers", "risk", "message"),
    [
        (
            "ynyy",
            "",
            "1 item of the heaviest weight (3) answered no, a gap that on its own can stop it working: "
            "“Is there a named senior owner?”",
        ),
        ("ypyy", "", None),  # partly is not a gap
        ("yuyy", "", None),  # unknown lowers confidence instead
        ("nyyy", "", None),  # a critical no is the critical rule's
        ("ynyy", "2027-04-01", None),  # an active accepted risk covers it (and caps the verdict itself)
        (
            "ynyy",
            "2026-11-19",  # expired: the gap counts again
            "1 item of the heaviest weight (3) answered no, a gap that on its own can stop it working: "
            "“Is there a named senior owner?”",
        ),
    ],
)
def test_weight_3_gap(answers: str, risk: str, message: str | None) -> None:
    assert heavy(answers, risk).get(RuleId.WEIGHT_3_GAP) == message


def test_a_single_weight_3_no_caps_a_high_score_at_conditions_and_blocks() -> None:
    given = {item.id: Answer(AnswerValue.NO if item.id == "owner-named" else AnswerValue.YES) for item in HEAVY.items}
    result = score(Assessment(HEAVY, (AnswerSheet(Path("a.yaml"), "mini", Context(), given),)))
    # owner-named carries 3 of explore's 6 and all of no-owner: the floor trips too, so a verdict
    # of not ready; the shipped checklists' areas are broad enough that it does not (test_scoring).
    assert RuleId.WEIGHT_3_GAP in {reason.rule for reason in result.reasons}
    assert result.verdict is Verdict.NOT_READY


@pytest.mark.parametrize(
    ("answers", "share", "verdict"),
    [
        ("yyya", 0.25, Verdict.READY_WITH_CONDITIONS),
        ("yyya", 0.5, Verdict.READY),  # exactly the share allowed
        ("yyya", 0.49, Verdict.READY_WITH_CONDITIONS),
        ("yaya", 0.0, Verdict.READY_WITH_CONDITIONS),
        ("yaaa", 1.0, Verdict.READY),  # a checklist that allows any share of na gets what it asks for
        ("yyyy", 0.0, Verdict.READY),
    ],
)
def test_too_many_na_against_the_share_allowed(answers: str, share: float, verdict: Verdict) -> None:
    assert result_of(answers, max_na_share=share).verdict is verdict


def test_a_share_of_na_is_shown_exactly_where_a_whole_percentage_would_equal_the_bar() -> None:
    message = found_with("yyya", max_na_share=0.496)[RuleId.TOO_MANY_NA]
    assert message.startswith("In Prepare, 1 of 2 questions (50.0%) is answered “doesn't apply”, more than the 50% ")


def found_with(answers: str, **bars: float) -> dict[RuleId, str]:
    return {reason.rule: reason.message for reason in result_of(answers, **bars).reasons}


def two(first: str, second: str, **bars: float) -> Result:
    """The mini checklist answered by a leader (``first``) and a teacher (``second``)."""
    checklist = replace(CHECKLIST, thresholds=replace(CHECKLIST.thresholds, **bars))
    sheets = tuple(
        AnswerSheet(
            Path(f"{role.value}.yaml"),
            "mini",
            Context(respondent=Respondent("", role)),
            {
                item.id: Answer(AnswerValue(LETTERS[letter]), "a reason")
                for item, letter in zip(checklist.items, text, strict=False)
            },
        )
        for role, text in ((Role.SENIOR_LEADER, first), (Role.TEACHER, second))
    )
    return score(Assessment(checklist, sheets))


@pytest.mark.parametrize(
    ("first", "second", "confidence"),
    [
        ("yyyy", "yyyy", 1.0),
        ("yyyy", "uuuu", 1.0),  # "don't know" is not a disagreement
        ("yyyy", "yyyp", 0.875),  # 1 of 4 disputed counts half: 3.5 of 4
        ("yyyy", "yppp", 0.625),  # 3 disputed: 2.5 of 4
        ("yyyu", "yyup", 1.0),  # each item known to one of them at least: none disputed
        ("yyya", "yyyy", 0.875),  # na against yes: the item applies and is disputed
        ("yyuu", "ypuu", 0.375),  # 2 answered, 1 of them disputed: 1.5 of 4
    ],
)
def test_confidence_counts_a_disputed_answer_half(first: str, second: str, confidence: float) -> None:
    assert two(first, second).confidence == confidence


def test_disagreement_alone_can_hold_the_verdict_at_conditions() -> None:
    result = two("yyyy", "ypyp")  # both disputed: 3 of 4 agreed; all yes from the leader
    assert (result.confidence, result.verdict) == (0.75, Verdict.READY)  # meets 0.75
    result = two("yyyy", "yppp")
    assert result.verdict is Verdict.READY_WITH_CONDITIONS
    assert {reason.rule: reason.message for reason in result.reasons}[RuleId.LOW_CONFIDENCE] == (
        "Confidence, the share of questions answered and agreed on, is 62%: below the 75% needed for ready "
        "(4 of 4 answered; respondents disagree on 3, each counted half)."
    )
    named = {reason.rule: reason.items for reason in result.reasons}[RuleId.LOW_CONFIDENCE]
    assert named == ("owner-named", "single-sign-on", "training-planned")


def test_confidence_is_shown_with_what_it_measures() -> None:
    assert two("yyyy", "yppp").confidence_meaning == (
        "share of questions answered and agreed on (4 of 4 answered; respondents disagree on 3, each counted half)"
    )
    assert result_of("yyyu").confidence_meaning == "share of questions answered and agreed on (3 of 4 answered)"
