"""The scoring rules in SPEC.md, one small case each, plus invariants under hypothesis."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from helpers import MINI, ROOT
from implcheck.load import load_checklist
from implcheck.model import Answer, AnswerSheet, AnswerValue, Assessment, Checklist, Context, Respondent, Role
from implcheck.result import Result, Status, Verdict
from implcheck.scoring import band, combine, score

CHECKLIST = load_checklist(MINI)
IDS = [item.id for item in CHECKLIST.items]  # problem-specific (critical, w3), owner-named (w2),
# single-sign-on (w2, prepare), training-planned (w1, prepare)
Y, P, N, U, NA = (AnswerValue(v) for v in ("yes", "partly", "no", "unknown", "na"))


def sheet(answers: dict[str, AnswerValue], role: Role = Role.SENIOR_LEADER, name: str = "") -> AnswerSheet:
    context = Context("Oakfield", "Pobble", "2026-autumn", "2026-11-20", Respondent(name, role))
    return AnswerSheet(
        Path(f"{role.value}.yaml"),
        "mini",
        context,
        {k: Answer(v, "not relevant" if v is NA else "") for k, v in answers.items()},
    )


def run(*answers: AnswerValue, sheets: tuple[AnswerSheet, ...] = ()) -> Result:
    """Score the mini checklist with answers given in item order."""
    return score(Assessment(CHECKLIST, sheets or (sheet(dict(zip(IDS, answers, strict=False))),)))


def rules(result: Result) -> list[str]:
    return [reason.rule for reason in result.reasons]


def test_all_yes_is_ready_with_full_score_and_confidence() -> None:
    result = run(Y, Y, Y, Y)
    assert (result.verdict, result.score, result.confidence, result.reasons) == (Verdict.READY, 100.0, 1.0, ())


def test_score_is_weighted_credit_over_answered_items() -> None:
    # weights 3,2,2,1: credit 3*1 + 2*0.5 + 2*1 + 1*0 = 6 of 8
    assert run(Y, P, Y, N).score == 75.0


def test_critical_no_forces_not_ready_whatever_the_score() -> None:
    result = run(N, Y, Y, Y)
    assert result.verdict is Verdict.NOT_READY
    assert "critical-gap" in rules(result)
    assert result.reasons[-1].items == ("problem-specific",)


def test_critical_unknown_forces_not_ready_and_is_reported_as_unknown() -> None:
    result = run(U, Y, Y, Y)
    assert result.verdict is Verdict.NOT_READY
    assert rules(result) == ["critical-unknown"]
    assert result.unknowns == ("problem-specific",)
    assert result.score == 100.0  # the unknown is not counted as a no


def test_critical_partly_caps_at_ready_with_conditions() -> None:
    result = run(P, Y, Y, Y)  # 6.5 of 8: a score that would be ready
    assert result.score == 81.2
    assert result.verdict is Verdict.READY_WITH_CONDITIONS
    assert rules(result) == ["critical-partial"]


def test_weak_stage_cannot_be_averaged_away() -> None:
    # explore perfect (5 of 5), prepare zero: overall 5/8 = 62.5 would be "with conditions"
    result = run(Y, Y, N, N)
    assert result.verdict is Verdict.NOT_READY
    assert "weak-stage" in rules(result)
    assert {s.key: s.score for s in result.stages} == {"explore": 100.0, "prepare": 0.0}
    [weak] = [r for r in result.reasons if r.rule == "weak-stage"]
    assert (
        weak.message == "1 stage below the floor of 40 (Prepare 0): strength elsewhere cannot make up for a weak area."
    )
    assert weak.items == ("single-sign-on", "training-planned")


def test_weak_failure_mode_cannot_be_averaged_away() -> None:
    result = run(Y, Y, N, Y)  # friction 0 while the score is 75
    assert result.score == 75.0
    assert result.verdict is Verdict.NOT_READY
    weak = [r for r in result.reasons if r.rule == "weak-failure-mode"]
    assert [r.items for r in weak] == [("single-sign-on",)]


def test_worked_example_in_docs_partly_clears_the_floor() -> None:
    result = run(Y, Y, P, Y)
    assert (result.score, result.verdict) == (87.5, Verdict.READY)
    assert {s.key: s.score for s in result.stages} == {"explore": 100.0, "prepare": 66.7}


def test_score_between_bars_is_ready_with_conditions() -> None:
    result = run(Y, P, P, Y)  # 3 + 1 + 1 + 1 = 6 of 8
    assert (result.verdict, rules(result)) == (Verdict.READY_WITH_CONDITIONS, ["score-below-ready"])


def test_low_score_is_not_ready() -> None:
    result = run(Y, N, P, N)  # 3 + 0 + 1 + 0 = 4 of 8 = 50
    assert result.verdict is Verdict.NOT_READY
    assert rules(result)[0] == "low-score"


def test_unknowns_lower_confidence_not_score() -> None:
    result = run(Y, Y, Y, U)
    assert (result.score, result.confidence) == (100.0, 0.75)
    assert result.verdict is Verdict.READY  # 0.75 meets min_confidence 0.75


def test_confidence_below_minimum_caps_at_conditions() -> None:
    result = run(Y, Y, U, U)
    assert result.confidence == 0.5
    assert (result.verdict, rules(result)) == (Verdict.READY_WITH_CONDITIONS, ["low-confidence"])


def test_na_drops_out_of_score_and_confidence() -> None:
    result = run(Y, Y, Y, NA)
    assert (result.score, result.confidence) == (100.0, 1.0)
    assert result.items[3].status is Status.NOT_APPLICABLE
    # but half of prepare is na, more than the quarter a stage may have for ready
    assert (result.verdict, rules(result)) == (Verdict.READY_WITH_CONDITIONS, ["too-many-na"])


def test_nothing_answered_is_not_ready_with_zero_score() -> None:
    result = run()
    assert (result.verdict, result.score, result.confidence) == (Verdict.NOT_READY, 0.0, 0.0)
    assert rules(result) == ["nothing-answered", "critical-unknown"]


def test_every_verdict_below_ready_names_its_items() -> None:
    result = run(P, N, Y, U)
    assert all(reason.items for reason in result.reasons)


def test_actions_put_critical_first_then_gaps_then_unknowns_then_partials() -> None:
    result = run(P, N, U, Y)
    assert [(a.item_id, a.severity, a.status.value) for a in result.actions] == [
        ("problem-specific", "critical", "partial"),
        ("owner-named", "medium", "gap"),
        ("single-sign-on", "medium", "unknown"),
    ]
    assert result.actions[0].owner == "Headteacher"


def test_failure_modes_hit_list_their_gap_items() -> None:
    result = run(Y, P, N, Y)
    assert [(hit.failure_mode.value, hit.items) for hit in result.failure_modes] == [
        ("no-owner", ("owner-named",)),
        ("friction", ("single-sign-on",)),
    ]


def test_respondents_combine_to_the_most_cautious_answer_and_disagreements_are_flagged() -> None:
    leader = sheet({"problem-specific": Y, "owner-named": Y, "single-sign-on": Y}, Role.SENIOR_LEADER, "Lee")
    teacher = sheet({"problem-specific": Y, "owner-named": N, "single-sign-on": U}, Role.TEACHER, "Tia")
    result = run(sheets=(leader, teacher))
    answers = {r.item.id: r.answer for r in result.items}
    assert answers == {"problem-specific": Y, "owner-named": N, "single-sign-on": Y, "training-planned": U}
    assert [d.item_id for d in result.disagreements] == ["owner-named"]
    roles = [(a.respondent.role, a.answer) for a in result.disagreements[0].answers]
    assert roles == [(Role.SENIOR_LEADER, Y), (Role.TEACHER, N)]
    assert len(result.respondents) == 2


def test_combine_keeps_unknown_only_when_nobody_knows() -> None:
    assert combine([Answer(U), Answer(U)]).value is U
    assert combine([Answer(U), Answer(NA, "n/a here")]).value is NA
    assert combine([Answer(Y, date="2026-01-01"), Answer(P, "half", "2026-02-01")]) == Answer(P, "half", "2026-02-01")


values = st.sampled_from([Y, P, N, U, NA])


@given(st.lists(values, min_size=4, max_size=4))
def test_invariants_hold_for_any_answers(answers: list[AnswerValue]) -> None:
    if answers[0] is NA:  # na is refused on the critical item by the loader
        answers[0] = U
    result = run(*answers)
    assert 0.0 <= result.score <= 100.0
    assert 0.0 <= result.confidence <= 1.0
    if answers[0] in (N, U):
        assert result.verdict is Verdict.NOT_READY
    if result.verdict is not Verdict.READY:
        assert result.reasons, "a verdict below ready must say why"
    assert run(*answers) == result  # deterministic


@given(st.lists(values, min_size=4, max_size=4), st.integers(0, 3))
def test_improving_one_answer_never_worsens_the_verdict(answers: list[AnswerValue], index: int) -> None:
    answers = [U if (i == 0 and a is NA) else a for i, a in enumerate(answers)]
    better = list(answers)
    ladder = [N, P, Y]
    if better[index] in ladder[:-1]:
        better[index] = ladder[ladder.index(better[index]) + 1]
        assert run(*better).verdict.rank >= run(*answers).verdict.rank


SHIPPED = load_checklist(ROOT / "checklists" / "edtech-readiness.yaml")


def _shipped(answers: list[AnswerValue]) -> Assessment:
    given = {
        item.id: Answer(U if (item.critical and value is NA) else value, "a reason")
        for item, value in zip(SHIPPED.items, answers, strict=False)
    }
    return Assessment(SHIPPED, (AnswerSheet(Path("a.yaml"), SHIPPED.id, Context(), given),))


many = st.lists(values, min_size=len(SHIPPED.items), max_size=len(SHIPPED.items))


@given(many, st.sets(st.integers(0, len(SHIPPED.items) - 1)))
def test_more_yes_answers_never_lower_the_verdict_or_the_score(answers: list[AnswerValue], to_yes: set[int]) -> None:
    before = score(_shipped(answers))
    after = score(_shipped([Y if i in to_yes else a for i, a in enumerate(answers)]))
    assert after.verdict.rank >= before.verdict.rank
    assert after.score >= before.score
    assert after.confidence >= before.confidence


@given(many, st.integers(0, len(SHIPPED.items) - 1))
def test_a_critical_no_always_gives_not_ready(answers: list[AnswerValue], index: int) -> None:
    critical = [i for i, item in enumerate(SHIPPED.items) if item.critical]
    answers[critical[index % len(critical)]] = N
    assert score(_shipped(answers)).verdict is Verdict.NOT_READY


def test_bands_place_each_score_against_the_bars() -> None:
    bars = CHECKLIST.thresholds
    cases = [(None, "not answered"), (39.9, "below floor"), (40.0, "weak"), (60.0, "conditions"), (80.0, "ready")]
    assert [(value, band(value, bars).value) for value, _ in cases] == cases


def test_an_item_without_owner_or_date_gets_a_suggestion_by_severity() -> None:
    actions = {a.item_id: a for a in run(N, N, Y, Y).actions}
    assert (actions["problem-specific"].owner, actions["problem-specific"].owner_suggested) == ("Headteacher", False)
    owner = actions["owner-named"]
    assert (owner.owner, owner.by_when, owner.owner_suggested) == (
        "The named project lead",
        "By the end of this term",
        True,
    )


# --- no loopholes, on the shipped checklists ------------------------------------------------------

SHIPPED_ALL = [load_checklist(path) for path in sorted((ROOT / "checklists").glob("*.yaml"))]
known = st.sampled_from([Y, P, N, U])


@given(st.sampled_from(SHIPPED_ALL), st.data())
def test_an_all_na_file_is_never_a_clean_ready(checklist: Checklist, data: st.DataObject) -> None:
    # na is refused on critical items, so those get any answer; every other item is na
    given = {item.id: Answer(data.draw(known) if item.critical else NA, "a reason") for item in checklist.items}
    result = score(Assessment(checklist, (AnswerSheet(Path("a.yaml"), checklist.id, Context(), given),)))
    assert result.verdict is not Verdict.READY


@given(st.sampled_from(SHIPPED_ALL), st.data())
def test_any_single_weight_3_no_is_never_a_clean_ready(checklist: Checklist, data: st.DataObject) -> None:
    heavy = [item.id for item in checklist.items if item.weight == 3 and not item.critical]
    gap = data.draw(st.sampled_from(heavy))
    answers = data.draw(st.lists(values, min_size=len(checklist.items), max_size=len(checklist.items)))
    given = {
        item.id: Answer(N if item.id == gap else U if (item.critical and value is NA) else value, "a reason")
        for item, value in zip(checklist.items, answers, strict=True)
    }
    result = score(Assessment(checklist, (AnswerSheet(Path("a.yaml"), checklist.id, Context(), given),)))
    assert result.verdict is not Verdict.READY
    assert gap in result.blocking or result.verdict is Verdict.NOT_READY


def test_a_single_weight_3_no_with_every_other_item_yes_is_ready_with_conditions() -> None:
    # The checklists promise that one non-critical gap never makes the verdict not ready on its own.
    for checklist in SHIPPED_ALL:
        for item in (i for i in checklist.items if i.weight == 3 and not i.critical):
            given = {i.id: Answer(N if i is item else Y) for i in checklist.items}
            result = score(Assessment(checklist, (AnswerSheet(Path("a.yaml"), checklist.id, Context(), given),)))
            assert (item.id, result.verdict, result.blocking) == (item.id, Verdict.READY_WITH_CONDITIONS, (item.id,))


@given(st.lists(values, min_size=len(SHIPPED.items), max_size=len(SHIPPED.items)), st.data())
def test_adding_disagreement_never_raises_confidence(answers: list[AnswerValue], data: st.DataObject) -> None:
    """A second respondent who agrees, against one who differs on some answered items: the same
    items answered and applicable, so only the disagreement moves confidence, and only down."""
    first = {
        item.id: U if (item.critical and value is NA) else value
        for item, value in zip(SHIPPED.items, answers, strict=True)
    }
    answered = [item_id for item_id, value in first.items() if value in (Y, P, N)]
    differ = data.draw(st.sets(st.sampled_from(answered))) if answered else set()
    second = dict(first)
    for item_id in differ:
        second[item_id] = data.draw(st.sampled_from([v for v in (Y, P, N) if v is not first[item_id]]))

    def confidence(*sheets: dict[str, AnswerValue]) -> float:
        files = tuple(
            AnswerSheet(Path(f"{n}.yaml"), SHIPPED.id, Context(), {k: Answer(v, "a reason") for k, v in s.items()})
            for n, s in enumerate(sheets)
        )
        return score(Assessment(SHIPPED, files)).confidence

    agreed, disputed = confidence(first, first), confidence(first, second)
    assert agreed == confidence(first)
    assert disputed <= agreed
    if differ:
        assert disputed < agreed
