"""``collect.py``, ``load/expected.py``, ``present/collect.py`` and ``implcheck collect``: who has
replied, against who was asked, with incomplete files, disagreements and the response rate."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from implcheck.catalog import shipped_path
from implcheck.cli import app
from implcheck.collect import Collection, Expected, ExpectedList, collect
from implcheck.errors import InputError
from implcheck.load import load_answers, load_checklist
from implcheck.load.expected import load_expected
from implcheck.model import AnswerSheet, Checklist, Role
from implcheck.present.markdown import md
from implcheck.schemas import SCHEMAS
from roles_helpers import LEADER, respondent

runner = CliRunner()


def invoke(*args: str | Path) -> Result:
    return runner.invoke(app, [str(a) for a in args], prog_name="implcheck")


EXPECTED = """\
respondents:
  - {name: A. Leader, role: senior-leader}
  - {name: T. Teacher, role: teacher}
  - {name: B. Jones, role: teacher}
  - {role: it}
  - {role: pupil, count: 3}
"""


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    """A folder: the leader, one of two teachers (incomplete), one pupil of three."""
    folder = tmp_path / "answers"
    folder.mkdir()
    respondent(folder, "leader.yaml", "senior-leader", "A. Leader", LEADER)
    respondent(folder, "teacher.yaml", "teacher", "T. Teacher", {"problem-specific": "yes", "single-sign-on": "no"})
    respondent(folder, "pupil-1.yaml", "pupil", "Amy B.", {"single-sign-on": "no", "pupils-enjoy": "yes"})
    return folder


@pytest.fixture
def expected(tmp_path: Path) -> Path:
    path = tmp_path / "expected.yaml"
    path.write_text(EXPECTED, encoding="utf-8")
    return path


TEXT = """\
Who has replied: Oakfield Primary · Pobble for writing · 2026-autumn
Checklist roles 2.0 · 3 files in {folder}

Response rate: 3 of the 7 expected have replied (43%)
  senior leaders     1 of 1 (100%)
  teachers           1 of 2 (50%)
  IT staff           0 of 1 (0%)
  pupils             1 of 3 (33%)

Replied (3)
  senior leader A. Leader: all 6 questions answered ({folder}/leader.yaml)
  teacher T. Teacher: 1 of 3 questions still unknown ({folder}/teacher.yaml)
  pupil: all 2 questions answered ({folder}/pupil-1.yaml)

Not replied yet (4)
  teacher B. Jones
  1 IT lead
  2 pupils

Where roles disagree (2)
  Can staff and pupils log in with their existing account? (senior leader: yes; teacher: no; pupil: no)
  Do pupils find it helps them learn? (senior leader: partly; pupil: yes)
"""


def test_collect_names_who_has_replied_and_who_has_not(answers: Path, expected: Path) -> None:
    result = invoke("collect", answers, "--expect", expected)
    assert result.exit_code == 0, result.output
    assert result.stdout == TEXT.format(folder=answers)
    assert result.stderr == ""
    assert "Amy" not in result.stdout  # pupils are never named


def test_collect_without_a_list_counts_replies_by_role(answers: Path) -> None:
    result = invoke("collect", answers)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[3:7] == [
        "Replies: 3 (give --expect FILE to see who has not replied yet)",
        "  senior leaders     1",
        "  teachers           1",
        "  pupils             1",
    ]
    assert "Not replied yet" not in result.stdout


def test_collect_as_json_matches_what_the_text_says(answers: Path, expected: Path) -> None:
    result = invoke("collect", answers, "--expect", expected, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["response_rate"]["expected"] == 7
    assert data["response_rate"]["replied"] == 3
    assert data["response_rate"]["percent"] == 43
    assert [(r["role"], r["name"], r["complete"], r["unknown"]) for r in data["replies"]] == [
        ("senior-leader", "A. Leader", True, []),
        ("teacher", "T. Teacher", False, ["training-planned"]),
        ("pupil", "", True, []),
    ]
    assert data["missing"] == [
        {"role": "teacher", "name": "B. Jones", "count": 1},
        {"role": "it", "name": "", "count": 1},
        {"role": "pupil", "name": "", "count": 2},
    ]
    assert data["disagreements"][1]["by_role"] == [
        {"role": "senior-leader", "respondents": 1, "answers": "partly"},
        {"role": "teacher", "respondents": 1, "answers": "not asked"},
        {"role": "pupil", "respondents": 1, "answers": "yes"},
    ]
    assert data["problems"] == []
    assert "Amy" not in result.stdout
    jsonschema.validate(data, SCHEMAS["collect"])


def test_collect_as_markdown(answers: Path, expected: Path) -> None:
    result = invoke("collect", answers, "--expect", expected, "--format", "md")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("## Who has replied: Oakfield Primary · Pobble for writing · 2026-autumn\n")
    assert "| teachers | 1 of 2 (50%) |" in out
    assert f"| teacher T. Teacher | 1 of 3 questions still unknown | {md(str(answers))}/teacher.yaml |" in out
    assert "- teacher B. Jones\n" in out
    assert "| **Critical:** " not in out
    assert "| Do pupils find it helps them learn? | senior leader: partly; pupil: yes |" in out
    assert invoke("collect", answers, "--expect", expected, "--format", "markdown").stdout == out


def test_several_pupils_answers_are_counted_by_role(answers: Path) -> None:
    respondent(answers, "pupil-2.yaml", "pupil", "", {"single-sign-on": "yes", "pupils-enjoy": "yes"})
    respondent(answers, "pupil-3.yaml", "pupil", "", {"single-sign-on": "no", "pupils-enjoy": "no"})
    result = invoke("collect", answers)
    assert "  Can staff and pupils log in with their existing account? (senior leader: yes; teacher: no; " in (
        result.stdout
    )
    assert "pupils: 2 no, 1 yes)" in result.stdout
    assert "pupils: 2 yes, 1 no)" in result.stdout


def test_bad_files_are_listed_and_the_rest_still_shown(answers: Path, expected: Path) -> None:
    (answers / "broken.yaml").write_text("checklist: [\n", encoding="utf-8")
    respondent(answers, "teacher2.yaml", "teacher", "t. teacher", {"problem-specific": "no"})
    respondent(answers, "summer.yaml", "teacher", "B. Jones", {}, term="2027-summer")
    respondent(answers, "wrong.yaml", "teacher", "C. Cole", {"data-protected": "yes"})
    result = invoke("collect", answers, "--expect", expected)
    assert result.exit_code == 2
    assert result.stdout == TEXT.format(folder=answers)
    as_json = invoke("collect", answers, "--expect", expected, "-f", "json")
    assert as_json.exit_code == 2
    jsonschema.validate(json.loads(as_json.stdout), SCHEMAS["collect"])
    assert len(json.loads(as_json.stdout)["problems"]) == 4
    assert result.stderr.splitlines()[1:] == [
        f"{answers}/summer.yaml:1:1: cannot be combined with {answers}/leader.yaml: its term is '2027-summer', "
        "not '2026-autumn'; a folder holds one school's answers for one initiative, checklist and term "
        "(not-combinable)",
        f"{answers}/teacher2.yaml:1:1: answered by the same person as {answers}/teacher.yaml "
        "(teacher 't. teacher'); each respondent's answers count once, so give one file per person, or correct "
        "the name or role (duplicate-respondent)",
        f"{answers}/wrong.yaml:10:3: a teacher is not asked 'data-protected' ('Has a data protection impact "
        "assessment been done?'); remove this answer, or correct 'role' if this is not a teacher's file "
        "(role-not-asked)",
        "implcheck: 4 problems in 4 files; every other file is counted above",
    ]
    assert result.stderr.startswith(f"{answers}/broken.yaml:")


def test_a_bad_expected_list_is_reported_at_its_lines_and_the_replies_still_shown(
    answers: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "expected.yaml"
    bad.write_text(
        "respondents:\n"
        "  - {name: Amy B., role: pupil}\n"
        "  - {name: A. Leader, role: senior-leader, count: 2}\n"
        "  - {name: T. Teacher, role: teacher}\n"
        "  - {name: t. teacher, role: teacher}\n"
        "  - {role: pupil, count: 2.5}\n"
        "  - {role: cook}\n"
        "  - just a name\n",
        encoding="utf-8",
    )
    result = invoke("collect", answers, "--expect", bad)
    assert result.exit_code == 2
    assert "Replies: 3 (give --expect FILE to see who has not replied yet)" in result.stdout
    assert result.stderr.splitlines() == [
        f"{bad}:2:12: pupils are counted, never named: give 'count' (how many pupils were asked) instead of "
        "'name' (bad-value)",
        f"{bad}:3:51: give either 'name' (one person) or 'count' (how many, unnamed), not both (bad-value)",
        f"{bad}:5:12: teacher 't. teacher' is listed twice; list each person once (duplicate-respondent)",
        f"{bad}:6:26: 'count' must be a whole number, got 2.5 (bad-value)",
        f"{bad}:7:12: 'role' must be one of senior-leader, teacher, it, governor, pupil, other; got 'cook' (bad-value)",
        f"{bad}:8:5: an expected respondent must be a mapping of keys to values, got 'just a name' (bad-type)",
        "implcheck: 6 problems in 1 file; every other file is counted above",
    ]


def test_collect_needs_a_folder(tmp_path: Path, answers: Path) -> None:
    missing = invoke("collect", tmp_path / "nowhere")
    assert missing.exit_code == 2
    assert missing.stderr == (
        f"implcheck: error: {tmp_path / 'nowhere'}: does not exist; give the folder the respondents' answers "
        "files were collected into\n"
    )
    file = invoke("collect", answers / "leader.yaml")
    assert file.exit_code == 2
    assert "leader.yaml: is not a folder;" in file.stderr


def test_the_expected_list_is_validated_and_has_a_schema(expected: Path) -> None:
    assert invoke("validate", expected).stdout == "1 file valid\n"
    jsonschema.validate({"respondents": [{"role": "pupil", "count": 30}]}, SCHEMAS["expected"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"respondents": [{"role": "pupil", "count": 0}]}, SCHEMAS["expected"])
    assert load_expected(expected).respondents[-1] == Expected(Role.PUPIL, "", 3)


def test_an_expected_list_that_is_not_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "e.yaml"
    path.write_text("respondents: []\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_expected(path)
    assert [p.message for p in raised.value.problems] == [
        "'respondents' must be a non-empty list of respondents, got an empty list"
    ]


# --- the pure core --------------------------------------------------------------------------


def _loaded(folder: Path) -> list[tuple[AnswerSheet, Checklist]]:
    return [load_answers(path) for path in sorted(folder.glob("*.yaml"))]


def test_an_empty_folder_collects_nothing() -> None:
    empty = collect("answers", [], [], ExpectedList("e.yaml", (Expected(Role.TEACHER, "T"),)))
    assert empty.checklist is None
    assert empty.replies == ()
    assert empty.percent == 0
    assert empty.missing == (Expected(Role.TEACHER, "T"),)


def test_a_named_reply_not_on_the_list_takes_an_unnamed_place_or_is_not_on_the_list(answers: Path) -> None:
    listed = ExpectedList("e.yaml", (Expected(Role.TEACHER, "", 1), Expected(Role.SENIOR_LEADER, "Someone Else")))
    c = collect(str(answers), _loaded(answers), [], listed)
    assert [(r.role, r.expected) for r in c.replies] == [
        (Role.SENIOR_LEADER, False),
        (Role.TEACHER, True),
        (Role.PUPIL, False),
    ]
    assert c.missing == (Expected(Role.SENIOR_LEADER, "Someone Else"),)
    assert "  senior leader A. Leader (not on the list): all 6 questions answered" in _text(c)


def _text(c: Collection) -> str:
    from implcheck.present.collect import render_text

    return render_text(c)


@given(st.lists(st.sampled_from(list(Role)), max_size=8), st.lists(st.sampled_from(list(Role)), max_size=8))
def test_the_rate_never_counts_more_replies_than_were_expected(replied: list[Role], wanted: list[Role]) -> None:
    from implcheck.collect import Rate

    for role in Role:
        rate = Rate(role, replied.count(role), wanted.count(role))
        assert rate.percent is None or 0 <= rate.percent <= 100


EDTECH_VERSION = load_checklist(shipped_path("edtech-readiness") or Path()).version


def test_a_file_for_another_checklist_cannot_be_combined(answers: Path) -> None:
    other = answers / "other.yaml"
    other.write_text(
        (answers / "teacher.yaml")
        .read_text(encoding="utf-8")
        .replace("checklists/roles.yaml", "edtech-readiness")
        .replace('checklist_version: "2.0"\n', "")
        .replace("T. Teacher", "X. Other")
        .replace("single-sign-on: no", "single-sign-on: partly"),
        encoding="utf-8",
    )
    result = invoke("collect", answers)
    assert result.exit_code == 2
    assert (
        f"{answers}/other.yaml:1:1: cannot be combined with {answers}/leader.yaml: its checklist is "
        f"'edtech-readiness {EDTECH_VERSION}', not 'roles 2.0';"
    ) in result.stderr


def test_nobody_has_replied_yet() -> None:
    from implcheck.present.collect import render_json, render_markdown

    nobody = collect("answers", [], [], None)
    assert (
        _text(nobody) == "Who has replied: answers\n\nReplies: 0 (give --expect FILE to see who has not replied yet)\n"
        "\nReplied: nobody yet\n"
    )
    assert render_markdown(nobody) == (
        "## Who has replied: answers\n\nReplies: 0 (give --expect FILE to see who has not replied yet)\n"
    )
    data = json.loads(render_json(nobody))
    assert (data["checklist"], data["context"], data["replies"]) == (None, None, [])
    jsonschema.validate(data, SCHEMAS["collect"])


def test_the_checklist_and_the_expected_list_may_sit_in_the_folder_a_truncated_file_may_not(
    answers: Path, expected: Path
) -> None:
    shutil.copyfile(answers / "checklists" / "roles.yaml", answers / "roles.yaml")
    shutil.copyfile(expected, answers / "expected.yaml")
    assert invoke("collect", answers, "--expect", answers / "expected.yaml").exit_code == 0
    assert invoke("check", answers, "--fail-on", "never").exit_code == 0
    (answers / "truncated.yaml").write_text("# Answers for\n", encoding="utf-8")
    result = invoke("collect", answers)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{answers}/truncated.yaml:1:1: an answers file must be a mapping of keys to values, got nothing (bad-type)\n"
        "implcheck: 1 problem in 1 file; every other file is counted above\n"
    )


def test_a_broken_checklist_is_one_problem_not_one_for_each_file(answers: Path) -> None:
    checklist = answers / "checklists" / "roles.yaml"
    checklist.write_text(checklist.read_text(encoding="utf-8").replace("stage: explore", "stage: dream"), "utf-8")
    result = invoke("collect", answers)
    assert result.exit_code == 2
    assert "Replied: nobody yet" in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{checklist}:")
    assert lines[1] == "implcheck: 1 problem in 1 file; every other file is counted above"
