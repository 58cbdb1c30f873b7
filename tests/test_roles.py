"""A question set per role: what each role is asked, how long it takes, and how a file that
answers one role's questions is loaded, scored and shown (``roles.py`` and where it is used)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from implcheck import roles
from implcheck.cli import app
from implcheck.load import load_assessment, load_checklist_ref
from implcheck.model import Answer, AnswerSheet, AnswerValue, Assessment, Context, Respondent, Role
from implcheck.present import ReportFormat, render_report
from implcheck.result import NOT_ASKED
from implcheck.scoring import score
from roles_helpers import LEADER, ROLES, respondent

runner = CliRunner()


def invoke(*args: str | Path) -> Result:
    return runner.invoke(app, [str(a) for a in args], prog_name="implcheck")


CHECKLIST = load_checklist_ref(str(ROLES))


def test_how_long_is_half_a_minute_a_question_rounded_up() -> None:
    assert roles.how_long(15) == "15 questions, about 8 minutes"
    assert roles.how_long(1) == "1 question, about 1 minute"
    assert roles.how_long(2) == "2 questions, about 1 minute"
    assert roles.how_long(69) == "69 questions, about 35 minutes"


@given(st.integers(min_value=0, max_value=500))
def test_the_estimate_grows_with_the_questions_and_is_never_zero(n: int) -> None:
    assert roles.minutes(n) >= 1
    assert roles.minutes(n + 1) >= roles.minutes(n)


def test_roles_are_named_in_plain_words() -> None:
    assert roles.a_role(Role.TEACHER) == "a teacher"
    assert roles.a_role(Role.OTHER) == "another respondent"
    assert roles.a_role(Role.IT) == "the IT lead"
    assert roles.people(Role.IT, 2) == "2 IT staff"
    assert roles.people(Role.SENIOR_LEADER, 1) == "1 senior leader"
    assert roles.whom(Respondent("Amy B.", Role.PUPIL)) == "pupil"
    assert roles.whom(Respondent("D. Hughes", Role.TEACHER)) == "teacher D. Hughes"


def test_role_sets_count_respondents_by_role_with_the_size_of_their_set() -> None:
    sets = roles.role_sets(
        CHECKLIST,
        [Respondent("A", Role.TEACHER), Respondent("", Role.SENIOR_LEADER), Respondent("B", Role.TEACHER)],
    )
    assert [str(each) for each in sets] == [
        "1 senior leader was asked all 6 questions",
        "2 teachers were asked 3 of the 6 questions",
    ]


def test_a_leader_or_other_respondent_needs_no_combine_hint() -> None:
    assert roles.combine_hint(Role.SENIOR_LEADER, CHECKLIST, "a.yaml") is None
    assert roles.combine_hint(Role.OTHER, CHECKLIST, "a.yaml") is None
    assert roles.combine_hint(Role.TEACHER, CHECKLIST, "t.yaml") == (
        "This file answers the 3 questions a teacher is asked, of 6; combine it with the senior leader's: "
        "implcheck check leader.yaml t.yaml"
    )


def test_a_role_asked_every_item_of_a_checklist_needs_no_combine_hint() -> None:
    mini = load_checklist_ref("tests/fixtures/mini.yaml")
    assert roles.combine_hint(Role.TEACHER, mini, "t.yaml") is None


# --- scoring: not asked is not unknown ------------------------------------------------------


def test_an_item_a_role_is_not_asked_is_not_asked_for_that_respondent(tmp_path: Path) -> None:
    leader = respondent(tmp_path, "leader.yaml", "senior-leader", "A. Leader", LEADER)
    pupil = respondent(tmp_path, "pupil.yaml", "pupil", "Amy B.", {"single-sign-on": "no", "pupils-enjoy": "yes"})
    result = score(load_assessment([leader, pupil]))
    items = {r.item.id: r for r in result.items}
    dpia = items["data-protected"]
    assert [(a.answer, a.asked, a.said) for a in dpia.by_respondent] == [
        (AnswerValue.YES, True, "yes"),
        (AnswerValue.UNKNOWN, False, NOT_ASKED),
    ]
    assert dpia.answer is AnswerValue.YES  # the leader's, who was asked
    # Nothing the pupil was not asked counts as unknown; the two questions both answered, and
    # answered differently, count half each.
    assert result.confidence == round((6 - 2 / 2) / 6, 3)
    # The pupil and the leader disagree only where both were asked.
    assert [(d.item_id, [a.said for a in d.answers]) for d in result.disagreements] == [
        ("single-sign-on", ["yes", "no"]),
        ("pupils-enjoy", ["partly", "yes"]),
    ]


def test_an_older_files_answer_to_an_item_its_role_is_no_longer_asked_still_counts(tmp_path: Path) -> None:
    leader = respondent(tmp_path, "leader.yaml", "senior-leader", "A. Leader", LEADER)
    teacher = respondent(tmp_path, "teacher.yaml", "teacher", "T. Teacher", {"data-protected": "no"}, versioned=False)
    assessment = load_assessment([leader, teacher])
    result = score(assessment)
    dpia = next(r for r in result.items if r.item.id == "data-protected")
    assert dpia.answer is AnswerValue.NO
    assert [a.asked for a in dpia.by_respondent] == [True, True]
    assert [str(w) for w in assessment.warnings] == [
        f"{teacher}:9:3: warning: answers 1 question a teacher is no longer asked (written before the checklist "
        "had a question set per role); those answers still count (role-not-asked)"
    ]


def test_evidence_is_never_credited_to_a_pupil_by_name(tmp_path: Path) -> None:
    leader = respondent(tmp_path, "leader.yaml", "senior-leader", "A. Leader", LEADER)
    pupil = tmp_path / "pupil.yaml"
    respondent(tmp_path, "pupil.yaml", "pupil", "Amy B.", {})
    pupil.write_text(
        pupil.read_text(encoding="utf-8").replace(
            "answers: {}", 'answers:\n  pupils-enjoy:\n    answer: "no"\n    evidence: boring'
        ),
        encoding="utf-8",
    )
    result = score(load_assessment([leader, pupil]))
    enjoy = next(r for r in result.items if r.item.id == "pupils-enjoy")
    assert enjoy.evidence == "pupil: boring"
    html = render_report(result, ReportFormat.HTML)
    markdown = render_report(result, ReportFormat.MD)
    assert "Amy" not in html
    assert "Amy" not in markdown


# --- loading: a role answering what it is not asked ----------------------------------------


def test_a_versioned_file_answering_a_question_its_role_is_not_asked_is_refused_at_each_line(tmp_path: Path) -> None:
    teacher = respondent(
        tmp_path,
        "teacher.yaml",
        "teacher",
        "T. Teacher",
        {"problem-specific": "yes", "budget-agreed": "no", "data-protected": "unknown", "pupils-enjoy": "yes"},
    )
    result = invoke("check", teacher)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"{teacher}:11:3: a teacher is not asked 'budget-agreed' ('Is the budget agreed for three years?'); "
        "remove this answer, or correct 'role' if this is not a teacher's file (role-not-asked)\n"
        f"{teacher}:13:3: a teacher is not asked 'pupils-enjoy' ('Do pupils find it helps them learn?'); "
        "remove this answer, or correct 'role' if this is not a teacher's file (role-not-asked)\n"
    )


def test_a_teachers_file_checked_on_its_own_says_to_combine_it_with_the_leaders(tmp_path: Path) -> None:
    teacher = respondent(tmp_path, "teacher.yaml", "teacher", "T. Teacher", {"problem-specific": "yes"})
    text = invoke("check", teacher)
    assert text.exit_code == 1
    assert text.stdout.splitlines()[1:4] == [
        "Checklist roles 2.0 · 1 respondent (teacher)",
        "This file answers the 3 questions a teacher is asked, of 6; combine it with the senior leader's:",
        "  implcheck check leader.yaml teacher.yaml",
    ]
    markdown = invoke("check", teacher, "--format", "md")
    assert (
        "This file answers the 3 questions a teacher is asked, of 6; combine it with the senior leader's: "
        "implcheck check leader.yaml teacher.yaml\n" in markdown.stdout
    )
    report = invoke("report", teacher, "--format", "md", "-o", "-")
    assert (
        "Only one respondent answered (teacher (T. Teacher)). This file answers the 3 questions a teacher is "
        "asked, of 6; combine it with the senior leader's: implcheck report leader.yaml teacher.yaml\n" in report.stdout
    )


def test_check_and_report_take_a_folder_of_respondents_files(tmp_path: Path) -> None:
    answers = tmp_path / "answers"
    answers.mkdir()
    respondent(answers, "leader.yaml", "senior-leader", "A. Leader", LEADER)
    respondent(answers, "pupil.yaml", "pupil", "Amy B.", {"single-sign-on": "no", "pupils-enjoy": "yes"})
    result = invoke("check", answers, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["context"]["respondents"] == [
        {"name": "A. Leader", "role": "senior-leader"},
        {"name": "", "role": "pupil"},  # pupils are never named, in any output
    ]
    assert "Amy" not in result.stdout
    dpia = next(item for item in data["items"] if item["id"] == "data-protected")
    assert dpia["answer"] == "yes"
    report = invoke("report", answers, "--format", "md", "-o", "-")
    assert report.exit_code == 0
    assert (
        "| Questions asked | 1 senior leader was asked all 6 questions; 1 pupil was asked 2 of the 6 questions |"
        in report.stdout
    )
    assert (
        "**Can staff and pupils log in with their existing account?** (How we will do it · Gaps)\n"
        "  - senior-leader: **Yes** — *no evidence given*\n"
        "  - pupil: **No** — *no evidence given*\n"
    ) in report.stdout
    assert "Amy" not in report.stdout


def test_a_disagreement_leaves_out_who_was_not_asked_rather_than_saying_dont_know(tmp_path: Path) -> None:
    leader = respondent(tmp_path, "leader.yaml", "senior-leader", "A. Leader", LEADER)
    teacher = respondent(tmp_path, "teacher.yaml", "teacher", "T. Teacher", {"single-sign-on": "no"})
    pupil = respondent(tmp_path, "pupil.yaml", "pupil", "", {"single-sign-on": "no", "pupils-enjoy": "no"})
    result = invoke("report", leader, teacher, pupil, "--format", "md", "-o", "-")
    assert (
        "**Do pupils find it helps them learn?** (How we will do it · Gaps)\n"
        "  - senior-leader: **Partly** — *no evidence given*\n"
        "  - pupil: **No** — *no evidence given*\n"
    ) in result.stdout
    text = invoke("check", leader, teacher, pupil)
    assert " • Do pupils find it helps them learn? (senior-leader partly, teacher not asked, pupil no)" in text.stdout


def test_init_role_writes_only_that_roles_questions_in_its_words(tmp_path: Path) -> None:
    out = tmp_path / "teacher.yaml"
    shutil.copyfile(ROLES, tmp_path / "roles.yaml")
    result = invoke("init", tmp_path / "roles.yaml", "--role", "teacher", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"wrote {out} (3 questions, about 2 minutes, for a teacher, all unknown) and ")
    text = out.read_text(encoding="utf-8")
    assert 'checklist_version: "2.0"\n' in text
    assert "    role: teacher  #" in text
    assert [line.split(":")[0].strip() for line in text.splitlines() if line.endswith(": unknown")] == [
        "problem-specific",
        "single-sign-on",
        "training-planned",
    ]
    assert "# Can you log in with your usual school account? (weight 2)" in text
    assert "Is the budget agreed" not in text
    checked = invoke("check", out)
    assert checked.exit_code == 1  # a file init wrote loads back: not ready, every answer unknown


def test_init_role_and_from_do_not_go_together(tmp_path: Path) -> None:
    last = respondent(tmp_path, "last.yaml", "teacher", "T", {})
    result = invoke("init", "--from", last, "--term", "2027-spring", "--role", "pupil")
    assert result.exit_code == 2
    assert "--from keeps last term's respondent and role; leave out --role" in result.stderr


def test_ci_annotations_point_only_at_the_files_of_those_asked(tmp_path: Path) -> None:
    leader_answers = {k: v for k, v in LEADER.items() if k != "data-protected"}
    leader = respondent(tmp_path, "leader.yaml", "senior-leader", "A. Leader", leader_answers)
    teacher = respondent(tmp_path, "teacher.yaml", "teacher", "T. Teacher", {"problem-specific": "yes"})
    result = invoke("check", leader, teacher, "--format", "github")
    dpia = [line for line in result.stdout.splitlines() if "data protection" in line]
    assert len(dpia) == 1
    assert f"file={leader}," in dpia[0]


_VALUES = st.sampled_from([AnswerValue.YES, AnswerValue.PARTLY, AnswerValue.NO, AnswerValue.UNKNOWN])


@given(
    st.lists(_VALUES, min_size=6, max_size=6),
    st.sampled_from([Role.TEACHER, Role.IT, Role.GOVERNOR, Role.PUPIL]),
    st.lists(_VALUES, min_size=6, max_size=6),
)
def test_a_respondent_never_changes_what_their_role_is_not_asked(
    leader_values: list[AnswerValue], role: Role, their_values: list[AnswerValue]
) -> None:
    items = CHECKLIST.items
    leader = AnswerSheet(
        Path("l.yaml"),
        "roles.yaml",
        Context(respondent=Respondent("L", Role.SENIOR_LEADER)),
        {item.id: Answer(value) for item, value in zip(items, leader_values, strict=True)},
    )
    theirs = AnswerSheet(
        Path("t.yaml"),
        "roles.yaml",
        Context(respondent=Respondent("T", role)),
        {item.id: Answer(value) for item, value in zip(items, their_values, strict=True) if item.asks(role)},
    )
    alone = score(Assessment(CHECKLIST, (leader,)))
    both = score(Assessment(CHECKLIST, (leader, theirs)))
    for before, after in zip(alone.items, both.items, strict=True):
        if not after.item.asks(role):
            assert after.answer is before.answer
            assert not after.by_respondent[1].asked
            assert after.by_respondent[1].said == NOT_ASKED
    # Confidence only rises: the second respondent can fill in an unknown, never add one.
    assert both.answered >= alone.answered


def test_assess_carrying_on_with_an_older_file_keeps_the_answers_its_role_is_no_longer_asked(tmp_path: Path) -> None:
    from implcheck import answers_file
    from implcheck.load import load_answers

    old = respondent(tmp_path, "teacher.yaml", "teacher", "T", {"data-protected": "no"}, versioned=False)
    sheet, checklist = load_answers(old)
    text = answers_file.render(checklist, "checklists/roles.yaml", sheet.context, sheet.answers)
    assert "checklist_version" not in text  # it stays a file from before question sets
    assert "  data-protected: no\n" in text
    assert "budget-agreed" not in text
    old.write_text(text, encoding="utf-8")
    again, _ = load_answers(old)
    assert again.answers["data-protected"].value is AnswerValue.NO


def test_the_html_report_says_who_was_asked_what_and_not_asked_per_respondent() -> None:
    from report_helpers import ROLES, result_of

    html = render_report(result_of(ROLES), ReportFormat.HTML)
    assert (
        "<dt>Questions asked</dt><dd>1 senior leader was asked all 6 questions; 1 teacher was asked 3 of the 6 "
        "questions; 1 pupil was asked 2 of the 6 questions</dd>"
    ) in html
    assert (  # pupils-enjoy: the teacher, not asked it, is not listed under it
        '<p class="question">Do pupils find it helps them learn? <span class="id">How we will do it · Only partly '
        'in place</span></p>\n<dl class="answers">\n'
        '<div><dt>senior-leader</dt><dd><strong>Partly</strong> — <span class="none">no evidence given</span>'
        "</dd></div>\n"
        '<div><dt>pupil</dt><dd><strong>Yes</strong> — <span class="none">no evidence given</span></dd></div>\n</dl>'
    ) in html
    assert "Amy" not in html
