"""The report's view model: what the summary says, decided once for every format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURES, MINI, MINI_BESIDE, Write, answers_yaml
from implcheck.load import load_checklist
from implcheck.present import report_view
from implcheck.present.report_view import build
from implcheck.result import Severity
from implcheck.scoring import DEFAULT_BY_WHEN, DEFAULT_OWNER
from report_helpers import ALL_INPUTS, EXAMPLES, RECHECK, result_of


def mini(write: Write, body: str, **kwargs: str) -> report_view.Report:
    return build(result_of([write("a.yaml", answers_yaml(body, **kwargs))]))


def test_not_ready_summary_for_the_two_disagreeing_respondents() -> None:
    report = build(result_of(RECHECK))
    assert (report.verdict.key, report.verdict.label, report.verdict.shape) == ("not_ready", "Not ready", "octagon")
    assert report.score_text == "32"  # 3.5 of 11 weighted points: only lead-in-post and half of time-protected
    # every item answered, but the two disagree on 4 of the 5: each of those counts half
    assert report.confidence_text == "60%"
    assert report.confidence_meaning == (
        "share of questions answered and agreed on (5 of 5 answered; respondents disagree on 4, each counted half)"
    )
    assert report.respondents == ("senior-leader (C. Okafor)", "teacher (D. Hughes)")
    assert report.decision.headline == "Do not approve the continuation yet."
    assert report.decision.conditions[0] == (
        "The actions for the risks marked “blocks approval” (1, 2, 3, 4 below) are done by their dates."
    )
    assert report.decision.challenges[0] == (
        "Staff in different roles disagree on 4 items, 1 of them critical: ask why before accepting any one view."
    )
    first = report.risks[0]
    assert (first.item_id, first.severity, first.blocks, first.found) == (
        "staff-see-value",
        "critical",
        True,
        "Not in place",
    )
    assert first.action == "Run a three-question anonymous staff pulse."
    assert (first.owner, first.by_when) == ("Implementation lead", "Before the end of this term")  # the checklist's
    assert [risk.item_id for risk in report.risks] == [
        "staff-see-value",
        "usage-checked",
        "coaching-continued",
        "time-protected",
    ]
    assert len(report.actions) == len(report.risks) + report.more_risks


def test_disagreements_worst_first_with_every_answer_in_respondent_order() -> None:
    report = build(result_of(RECHECK))
    by_id = {d.id: d for d in report.disagreements}
    assert list(by_id) == ["staff-see-value", "usage-checked", "coaching-continued", "time-protected"]
    assert [d.group for d in report.disagreements] == ["Critical gaps", "Gaps", "Gaps", "Only partly in place"]
    assert [(a.who, a.answer) for a in by_id["staff-see-value"].answers] == [
        ("senior-leader", "Partly"),
        ("teacher", "No"),
    ]
    assert by_id["staff-see-value"].critical
    assert by_id["staff-see-value"].section == "Is it still worth doing?"
    assert [a.answer for a in by_id["time-protected"].answers] == ["Yes", "Partly"]
    assert not by_id["time-protected"].critical


def test_disagreements_are_not_repeated_in_their_sections() -> None:
    report = build(result_of(RECHECK))
    assert [(s.title, s.groups, s.disagreements, s.in_place) for s in report.sections] == [
        ("Is it still worth doing?", (), 2, 1),
        ("Is it kept going?", (), 2, 0),
    ]
    [group] = report.in_place
    assert (group.title, [(r.id, r.said_yes) for r in group.rows]) == (
        "Is it still worth doing?",
        [("lead-in-post", "Both respondents")],
    )


@pytest.mark.parametrize("name", sorted(ALL_INPUTS))
def test_every_item_is_shown_once(name: str) -> None:
    result = result_of(ALL_INPUTS[name])
    report = build(result)
    shown = (
        [row.id for row in report.disagreements]
        + [row.id for s in report.sections for g in s.groups for row in g.rows]
        + [row.id for g in report.in_place for row in g.rows]
    )
    assert sorted(shown) == sorted(r.item.id for r in result.items)
    for row in (row for g in report.in_place for row in g.rows):
        assert {a.answer for a in row.answers} <= {"Yes", "Not known"}
        assert row.status == "met"


def two(write: Write, leader: str, teacher: str, *, teacher_role: str = "teacher") -> report_view.Report:
    return build(
        result_of(
            [
                write("a.yaml", answers_yaml(leader)),
                write("b.yaml", answers_yaml(teacher, role=teacher_role, name="B. Teacher")),
            ]
        )
    )


def test_who_said_yes(write: Write) -> None:
    report = two(write, "  problem-specific: yes\n  owner-named: yes\n", "  problem-specific: yes\n")
    assert [(r.id, r.said_yes) for r in report.in_place[0].rows] == [
        ("problem-specific", "Both respondents"),
        ("owner-named", "senior-leader"),
    ]
    alone = mini(write, "  problem-specific: yes\n")
    assert alone.in_place[0].rows[0].said_yes == "senior-leader"
    files = [write(f"{role}.yaml", answers_yaml("  problem-specific: yes\n", role=role)) for role in ("it", "governor")]
    three = build(result_of([write("a.yaml", answers_yaml("  problem-specific: yes\n")), *files]))
    assert three.in_place[0].rows[0].said_yes == "All 3 respondents"


def test_a_respondent_not_asked_an_item_is_not_listed_as_not_knowing(write: Write) -> None:
    checklist = MINI.read_text(encoding="utf-8").replace(
        "      - id: owner-named\n", "      - id: owner-named\n        ask: [it]\n"
    )
    write(MINI_BESIDE, checklist)
    report = two(write, "  problem-specific: no\n  owner-named: partly\n", "  problem-specific: no\n")
    row = next(row for s in report.sections for g in s.groups for row in g.rows if row.id == "owner-named")
    assert [(a.who, a.answer) for a in row.answers] == [("senior-leader", "Partly")]
    critical = next(row for s in report.sections for g in s.groups for row in g.rows if row.id == "problem-specific")
    assert [a.who for a in critical.answers] == ["senior-leader", "teacher"]  # asked, so listed
    everyone = two(write, "  owner-named: yes\n", "  owner-named: yes\n")  # answered though not asked
    assert everyone.in_place[0].rows[0].said_yes == "Both respondents"
    asked = two(write, "  owner-named: yes\n", "")
    assert asked.in_place[0].rows[0].said_yes == "senior-leader"  # not "Both": the teacher was not asked


def test_respondents_are_named_by_role_unless_two_share_it(write: Write) -> None:
    report = two(write, "  problem-specific: no\n", "  problem-specific: partly\n", teacher_role="senior-leader")
    assert [a.who for a in report.disagreements[0].answers] == [
        "senior-leader (A. Leader)",
        "senior-leader (B. Teacher)",
    ]


@pytest.mark.parametrize(
    ("evidence", "short"),
    [
        ("", ""),
        ("Minutes of the  October\nmeeting", "Minutes of the October meeting"),
        ("x" * 40, "x" * 40),
        ("The plan is in the shared drive with named owners and dates", "The plan is in the shared drive with…"),
        ("Checked, " + "y" * 50, "Checked, " + "y" * 31 + "…"),
    ],
)
def test_evidence_is_shortened_for_the_printed_table(write: Write, evidence: str, short: str) -> None:
    given = f"  problem-specific:\n    answer: yes\n    evidence: {json.dumps(evidence)}\n"
    report = mini(write, given if evidence else "  problem-specific: yes\n")
    assert report.in_place[0].rows[0].evidence_short == short


def test_the_decision_follows_the_verdict(write: Write, tmp_path: Path) -> None:
    strong = mini(
        write, "  problem-specific: yes\n  owner-named: yes\n  single-sign-on: yes\n  training-planned: yes\n"
    )
    assert strong.verdict.key == "ready"
    assert strong.decision.headline == "Approve the purchase, and ask for the termly re-check to be reported next term."
    assert strong.decision.conditions == ()
    shutil.copyfile(FIXTURES / "recheck-mini.yaml", tmp_path / "recheck-mini.yaml")
    ids = [item.id for item in load_checklist(FIXTURES / "recheck-mini.yaml").items]
    header = (FIXTURES / "recheck-leader.yaml").read_text(encoding="utf-8").split("answers:\n")[0]
    body = "answers:\n" + "".join(f"  {item}: yes\n" for item in ids)
    termly = build(result_of([write("all-yes.yaml", header + body)]))
    assert termly.verdict.key == "ready"
    assert termly.decision.headline.startswith("Approve the continuation")  # no item before delivery


def test_ready_with_conditions_names_the_partial_critical_item(write: Write) -> None:
    report = mini(
        write, "  problem-specific: partly\n  owner-named: yes\n  single-sign-on: yes\n  training-planned: yes\n"
    )
    assert report.verdict.key == "ready_with_conditions"
    assert report.verdict.shape == "triangle"
    assert report.decision.headline == "Approve the purchase on conditions, and ask for progress at the next meeting."
    assert report.decision.conditions == (
        "The actions for the risks marked “blocks approval” (1 below) are done by their dates.",
    )
    assert report.risks[0].item_id == "problem-specific"
    assert report.risks[0].owner == "Headteacher"  # from the checklist


def test_owner_and_by_when_fall_back_by_severity(write: Write) -> None:
    report = mini(write, "  problem-specific: yes\n  owner-named: no\n  single-sign-on: no\n  training-planned: no\n")
    by_id = {risk.item_id: risk for risk in report.actions}
    assert (by_id["owner-named"].owner, by_id["owner-named"].by_when) == (
        DEFAULT_OWNER[Severity.MEDIUM],
        DEFAULT_BY_WHEN[Severity.MEDIUM],
    )
    assert by_id["owner-named"].owner_suggested
    assert by_id["training-planned"].by_when == DEFAULT_BY_WHEN[Severity.LOW]


def test_score_and_unknown_conditions_when_not_ready(write: Write) -> None:
    report = mini(write, "  problem-specific: yes\n  owner-named: no\n  single-sign-on: partly\n")
    assert report.verdict.key == "not_ready"
    assert "Enough of the other actions are done to lift the score from" in " ".join(report.decision.conditions)
    assert "Every question still unanswered (1) has an answer." in report.decision.conditions


def test_nothing_answered(write: Write) -> None:
    report = mini(write, "  {}\n".replace("  {}\n", ""))
    assert report.verdict.key == "not_ready"
    assert report.reasons[0] == "No item has been answered yet."
    assert all(bar.score_text == "not answered" and bar.bar_text == "" for bar in report.charts[0].bars)
    assert [q.item_id for q in report.open_questions] == [
        "problem-specific",
        "owner-named",
        "single-sign-on",
        "training-planned",
    ]
    assert report.open_questions[0].ask == "Headteacher"
    assert report.open_questions[1].ask == DEFAULT_OWNER[Severity.MEDIUM]


def test_sections_group_items_worst_first(write: Write) -> None:
    report = mini(
        write,
        "  problem-specific: no\n  owner-named: yes\n  single-sign-on: partly\n"
        "  training-planned:\n    answer: na\n    evidence: none needed\n",
    )
    first, second = report.sections
    assert [g.title for g in first.groups] == ["Critical gaps"]
    assert [g.title for g in second.groups] == ["Only partly in place", "Not applicable"]
    assert (first.stage, second.stage) == ("Explore", "Prepare")
    assert [(g.title, [row.id for row in g.rows]) for g in report.in_place] == [
        ("Why we are doing this", ["owner-named"])
    ]
    assert (first.in_place, second.in_place) == (1, 0)


def test_charts_have_every_stage_and_failure_mode_with_bands(write: Write) -> None:
    report = mini(
        write, "  problem-specific: yes\n  owner-named: partly\n  single-sign-on: no\n  training-planned: yes\n"
    )
    stages, modes = report.charts
    assert [(b.label, b.score_text, b.band) for b in stages.bars] == [
        ("Explore", "80", "ready"),
        ("Prepare", "33", "below floor"),
    ]
    assert [b.label for b in modes.bars] == [
        "A clear problem to solve",
        "Senior ownership",
        "Ease of use",
        "Follow-up and support",
    ]
    assert modes.bars[1].band == "weak"  # 50: above the floor, below conditions
    assert stages.bars[0].bar_text == "████████░░"
    assert "Prepare (33)" in report.decision.challenges[-1]


def test_more_than_four_weak_areas_are_counted_not_listed() -> None:
    report = build(result_of(RECHECK))
    weak = [c for c in report.decision.challenges if c.startswith("Ask how the weakest areas")]
    assert weak == [
        "Ask how the weakest areas will be strengthened: Follow-up and support (0), Monitoring and review (0), "
        "Staff buy-in (0), Sustain (17) and 1 more, all below the floor of 40."
    ]


def test_band_between_conditions_and_ready(write: Write) -> None:
    report = mini(
        write, "  problem-specific: yes\n  owner-named: yes\n  single-sign-on: partly\n  training-planned: partly\n"
    )
    assert {b.label: b.band for b in report.charts[0].bars}["Prepare"] == "weak"
    assert report.charts[0].bars[0].band == "ready"


def test_footer_names_answers_files_by_name_only() -> None:
    report = build(result_of(RECHECK), generated_at="today")
    assert report.files == ("recheck-leader.yaml", "recheck-teacher.yaml")
    assert report.generated_at == "today"
    assert build(result_of(RECHECK)).generated_at == ""


def test_title_falls_back_to_the_checklist(write: Write) -> None:
    path = write(
        "a.yaml",
        answers_yaml("  problem-specific: yes\n")
        .replace("  school: Oakfield Primary\n", "")
        .replace("  initiative: Pobble for writing\n", ""),
    )
    assert build(result_of([Path(path)])).title == "A small checklist for tests"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_critical_gaps_in_the_report_are_those_check_lists(name: str) -> None:
    result = result_of(EXAMPLES[name])
    report = build(result)
    listed = [row.id for s in report.sections for g in s.groups if g.key == "critical" for row in g.rows]
    listed += [row.id for row in report.disagreements if row.group == "Critical gaps"]
    assert sorted(listed) == sorted(r.item.id for r in result.critical_gaps)


def test_a_critical_item_answered_partly_is_partly_in_place_not_a_critical_gap(write: Write) -> None:
    report = mini(write, "  problem-specific: partly\n  owner-named: yes\n")
    assert [(g.title, [row.id for row in g.rows]) for g in report.sections[0].groups] == [
        ("Only partly in place", ["problem-specific"]),
    ]
    assert [row.id for row in report.in_place[0].rows] == ["owner-named"]
