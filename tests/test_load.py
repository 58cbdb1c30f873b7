"""Loading and validating checklists and answers files: every problem, located, word for word."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import MINI, MINI_BESIDE, answers_yaml
from implcheck import answers_file
from implcheck.errors import InputError, UsageError
from implcheck.load import (
    answers_from_document,
    load_answers,
    load_any,
    load_assessment,
    load_checklist,
    load_checklist_ref,
    resolver,
)
from implcheck.model import Answer, AnswerValue, Context, Respondent, Role, Thresholds
from implcheck.yamlsource import load_document

Write = Callable[[str, str], Path]


def problems_of(call: Callable[[], object]) -> list[str]:
    with pytest.raises(InputError) as caught:
        call()
    return [f"{p.line}:{p.col}: {p.message} ({p.rule})" for p in caught.value.problems]


CHECKLIST_HEAD = "id: t\ntitle: T\nversion: '1'\ndescription: D\n"
GOOD_ITEM = """      - id: a
        question: Q?
        why: W.
        failure_mode: friction
        weight: 2
        critical: false
        action: A.
        source: S.
"""


def test_minimal_checklist_loads_with_default_thresholds() -> None:
    checklist = load_checklist(MINI)
    assert checklist.id == "mini"
    assert [item.id for item in checklist.items][:2] == ["problem-specific", "owner-named"]
    assert checklist.thresholds == Thresholds(80, 60, 40, 0.75)
    assert checklist.items[0].critical and checklist.items[0].owner == "Headteacher"


def test_every_checklist_problem_is_reported_at_once(write: Write) -> None:
    path = write(
        "c.yaml",
        "id: Bad Id\ntitle: ''\nversion: '1'\nextra: 1\nthresholds: {ready: 50, conditions: 70, floor: 101}\n"
        "sections:\n"
        "  - id: s\n    title: S\n    stage: launch\n    items:\n" + GOOD_ITEM + "      - id: a\n"
        "        question: Q?\n        why: W.\n        failure_mode: bad-luck\n        weight: 4\n"
        "        critical: yes\n        action: A.\n        source: S.\n        colour: red\n"
        "      - just text\n"
        "  - id: s\n    title: T\n    stage: prepare\n    items: []\n",
    )
    assert problems_of(lambda: load_checklist(path)) == [
        "1:1: missing required key 'description' (missing-key)",
        "1:5: 'id' must be kebab-case (lowercase letters, digits and single hyphens), got 'Bad Id' (bad-id)",
        "2:8: 'title' must not be empty (empty-value)",
        "4:1: unknown key 'extra' in a checklist; allowed: id, title, version, description, "
        "thresholds, verdict_labels, sections, renamed, retired (unknown-key)",
        "5:37: 'conditions' must not be above 'ready' (threshold-order)",
        "5:48: 'floor' must be a number from 0 to 100, got 101 (bad-value)",
        "9:12: 'stage' must be one of explore, prepare, deliver, sustain; got 'launch' (bad-value)",
        "19:13: duplicate item id 'a' (first used on line 11) (duplicate-id)",
        "22:23: 'failure_mode' must be one of unclear-problem, no-owner, friction, no-follow-up, no-monitoring, "
        "poor-timing, no-buy-in, no-capacity, data-risk, poor-fit, not-sustained; got 'bad-luck' (bad-value)",
        "23:17: 'weight' must be 1, 2 or 3, got 4 (bad-value)",
        "24:19: 'critical' must be true or false, got 'yes' (bad-type)",
        "27:9: unknown key 'colour' in an item; allowed: id, question, why, failure_mode, weight, critical, action, "
        "source, owner, by_when, ask, wording (unknown-key)",
        "28:9: an item must be a mapping of keys to values, got 'just text' (bad-type)",
        "29:9: duplicate section id 's' (first used on line 7) (duplicate-id)",
        "32:12: 'items' must be a non-empty list of items, got an empty list (bad-type)",
    ]


def test_problems_sort_by_line_not_by_discovery(write: Write) -> None:
    # sorted() in InputError orders by (path, line, col); the thresholds pair shows it
    path = write("c.yaml", CHECKLIST_HEAD + "thresholds: {ready: 50, conditions: 70}\nsections: oops\n")
    assert problems_of(lambda: load_checklist(path)) == [
        "5:37: 'conditions' must not be above 'ready' (threshold-order)",
        "6:11: 'sections' must be a non-empty list of sections, got 'oops' (bad-type)",
    ]


def test_a_checklist_must_be_a_mapping(write: Write) -> None:
    path = write("c.yaml", "- a\n")
    assert problems_of(lambda: load_checklist(path)) == [
        "1:1: a checklist must be a mapping of keys to values, got a list (bad-type)"
    ]


def test_missing_item_keys_and_wrong_types(write: Write) -> None:
    path = write(
        "c.yaml",
        CHECKLIST_HEAD + "sections:\n  - id: s\n    title: S\n    stage: explore\n    items:\n"
        "      - id: a\n        question: [not, text]\n        weight: true\n",
    )
    assert problems_of(lambda: load_checklist(path)) == [
        "10:9: missing required key 'action' (missing-key)",
        "10:9: missing required key 'critical' (missing-key)",
        "10:9: missing required key 'failure_mode' (missing-key)",
        "10:9: missing required key 'source' (missing-key)",
        "10:9: missing required key 'why' (missing-key)",
        "11:19: 'question' must be text, got a list (bad-type)",
        "12:17: 'weight' must be 1, 2 or 3, got true (bad-value)",
    ]


def test_answers_short_and_long_forms(write: Write) -> None:
    path = write(
        "a.yaml",
        answers_yaml(
            "  problem-specific: yes\n  owner-named:\n    answer: Partly\n    evidence: Deputy head, 0.8 FTE\n"
            "    date: 2026-11-01\n  single-sign-on:\n  training-planned: no\n"
        ),
    )
    sheet, checklist = load_answers(path)
    assert checklist.id == "mini"
    assert sheet.context.respondent == Respondent("A. Leader", Role.SENIOR_LEADER)
    assert sheet.answers == {
        "problem-specific": Answer(AnswerValue.YES),
        "owner-named": Answer(AnswerValue.PARTLY, "Deputy head, 0.8 FTE", "2026-11-01"),
        "single-sign-on": Answer(AnswerValue.UNKNOWN),
        "training-planned": Answer(AnswerValue.NO),
    }


def test_every_answers_problem_is_reported_at_once(write: Write) -> None:
    path = write(
        "a.yaml",
        f"checklist: {MINI_BESIDE}\ncontext:\n  school: X\n  respondent: {{role: head}}\n  assessed_on: 20/11/2026\n"
        "  weather: sunny\nanswers:\n  problem-specfic: yes\n  problem-specific: na\n  owner-named: maybe\n"
        "  single-sign-on: {answer: na}\n  training-planned: {evidence: x}\n",
    )
    assert problems_of(lambda: load_answers(path)) == [
        "4:22: 'role' must be one of senior-leader, teacher, it, governor, pupil, other; got 'head' (bad-value)",
        "5:16: 'assessed_on' must be a date written YYYY-MM-DD, got '20/11/2026' (bad-date)",
        "6:3: unknown key 'weather' in 'context'; allowed: school, initiative, term, "
        "assessed_on, respondent (unknown-key)",
        "8:3: unknown item id 'problem-specfic' (did you mean 'problem-specific'?); "
        f"see `implcheck show {MINI_BESIDE}` for the item ids (unknown-item)",
        "9:21: 'problem-specific' is critical, so it cannot be 'na'; answer yes, partly, no or "
        "unknown (na-on-critical)",
        "10:16: answer must be one of yes, partly, no, unknown, na; got 'maybe' (bad-value)",
        "11:19: 'single-sign-on' is 'na' but gives no reason; say why it does not apply in "
        "'evidence' (na-without-reason)",
        "12:21: missing required key 'answer' (missing-key)",
    ]


def test_unknown_checklist_suggests_the_nearest(write: Write) -> None:
    path = write("a.yaml", "checklist: edtech-readyness\nanswers: {}\n")
    assert problems_of(lambda: load_answers(path)) == [
        "1:12: unknown checklist 'edtech-readyness' (did you mean 'edtech-readiness'?); use a shipped id "
        "(edtech-readiness, termly-recheck) or a path to a checklist file (unknown-checklist)"
    ]


def test_missing_checklist_file(write: Write) -> None:
    path = write("a.yaml", "checklist: nowhere/c.yaml\n")
    assert problems_of(lambda: load_answers(path)) == [
        "1:12: checklist file 'nowhere/c.yaml' not found (looked in this file's folder) (checklist-not-found)"
    ]


def test_checklist_path_is_relative_to_the_answers_file(write: Write) -> None:
    write("sub/c.yaml", MINI.read_text())
    path = write("sub/a.yaml", "checklist: c.yaml\nanswers:\n  owner-named: yes\n")
    sheet, checklist = load_answers(path)
    assert (checklist.id, sheet.answers["owner-named"].value) == ("mini", AnswerValue.YES)


def test_answers_must_be_a_mapping(write: Write) -> None:
    path = write("a.yaml", f"checklist: {MINI_BESIDE}\nanswers: [yes]\n")
    assert problems_of(lambda: load_answers(path)) == [
        "2:10: 'answers' must be a mapping of item ids to answers, got a list (bad-type)"
    ]


def test_load_any_tells_the_kinds_apart(write: Write) -> None:
    assert load_any(MINI).id == "mini"  # type: ignore[union-attr]
    assert isinstance(load_any(write("a.yaml", answers_yaml())), tuple)
    path = write("x.yaml", "hello: world\n")
    assert problems_of(lambda: load_any(path)) == [
        "1:1: not a checklist (it has no 'sections') nor an answers file (it has no 'checklist') (wrong-file-kind)"
    ]


def test_respondents_for_the_same_school_combine(write: Write) -> None:
    a = write("a.yaml", answers_yaml("  owner-named: yes\n"))
    b = write("b.yaml", answers_yaml("  owner-named: no\n", role="teacher", name="T. Teacher"))
    assessment = load_assessment([a, b])
    assert [s.context.respondent.role for s in assessment.sheets] == [Role.SENIOR_LEADER, Role.TEACHER]


def test_different_schools_do_not_combine(write: Write) -> None:
    a = write("a.yaml", answers_yaml())
    b = write("b.yaml", answers_yaml(school="Elm Academy"))
    with pytest.raises(UsageError) as caught:
        load_assessment([a, b])
    assert str(caught.value) == (
        f"{b}: cannot be combined with {a}: its school is 'Elm Academy', not 'Oakfield Primary'. Files given "
        "together must be one school's answers for one initiative, checklist and term; check each one separately."
    )


def test_answers_for_another_version_of_the_checklist_do_not_combine(write: Write, tmp_path: Path) -> None:
    a = write("a.yaml", answers_yaml())
    newer = MINI.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "2.0"')
    (tmp_path / "checklists" / "mini2.yaml").write_text(newer, encoding="utf-8")
    b = write("b.yaml", answers_yaml(checklist="checklists/mini2.yaml", role="teacher"))
    with pytest.raises(UsageError) as caught:
        load_assessment([a, b])
    assert str(caught.value) == (
        f"{b}: cannot be combined with {a}: its checklist is 'mini 2.0', not 'mini 1.0'. Files given "
        "together must be one school's answers for one initiative, checklist and term; check each one separately."
    )


def test_no_answers_files_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"^no answers files given$"):
        load_assessment([])


def test_the_same_file_twice_is_refused(write: Write) -> None:
    a = write("a.yaml", answers_yaml())
    with pytest.raises(UsageError, match="given more than once"):
        load_assessment([a, a])


def test_problems_from_every_file_are_reported_together(write: Write) -> None:
    a = write("a.yaml", answers_yaml("  owner-named: maybe\n"))
    b = write("b.yaml", answers_yaml("  nope: yes\n"))
    with pytest.raises(InputError) as caught:
        load_assessment([a, b])
    assert [p.path for p in caught.value.problems] == [str(a), str(b)]


def test_checklist_ref_on_the_command_line() -> None:
    assert load_checklist_ref(str(MINI)).id == "mini"
    with pytest.raises(UsageError) as caught:
        load_checklist_ref("termly-recheks")
    assert str(caught.value) == (
        "unknown checklist 'termly-recheks' (did you mean 'termly-recheck'?); use a shipped id "
        "(edtech-readiness, termly-recheck) or a path to a checklist file"
    )


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40)
answer = st.builds(
    Answer,
    st.sampled_from([AnswerValue.YES, AnswerValue.PARTLY, AnswerValue.NO, AnswerValue.UNKNOWN]),
    texts.map(str.strip).map(lambda t: " ".join(t.split())),
    st.sampled_from(["", "2026-11-01"]),
)


MINI_CHECKLIST = load_checklist(MINI)


@settings(max_examples=40)
@given(st.dictionaries(st.sampled_from(["problem-specific", "owner-named", "single-sign-on"]), answer), texts, texts)
def test_answers_file_round_trips(
    tmp_path_factory: pytest.TempPathFactory, answers: dict[str, Answer], school: str, name: str
) -> None:
    school, name = " ".join(school.split()), " ".join(name.split())
    context = Context(school, "Pobble", "2026-autumn", "2026-11-20", Respondent(name, Role.TEACHER))
    path = tmp_path_factory.mktemp("rt") / "a.yaml"
    shutil.copyfile(MINI, path.parent / MINI.name)
    path.write_text(answers_file.render(MINI_CHECKLIST, MINI.name, context, answers), encoding="utf-8")
    sheet, _ = load_answers(path)
    assert sheet.context == context
    unknown = Answer(AnswerValue.UNKNOWN)
    assert sheet.answers == {item.id: answers.get(item.id, unknown) for item in MINI_CHECKLIST.items}


yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.sampled_from(["yes", "no", "partly", "na", "maybe", "", "2026-13-01"]),
)
answer_keys = st.sampled_from(["answer", "evidence", "date", "x"])
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(answer_keys, children, max_size=3),
    max_leaves=6,
)


@settings(max_examples=60)
@given(st.dictionaries(st.sampled_from([*(i.id for i in MINI_CHECKLIST.items), "typo-id"]), yaml_values, max_size=5))
def test_any_answers_mapping_loads_or_fails_cleanly(answers: dict[str, object]) -> None:
    text = f"checklist: {MINI.name}\nanswers: {json.dumps(answers)}\n"
    fuzz = MINI.parent / "fuzz.yaml"  # never written: the text is parsed as if it were there
    try:
        sheet, _ = answers_from_document(load_document(fuzz, text))
    except InputError as error:
        assert all(p.path == str(fuzz) and p.line >= 1 for p in error.problems)
    else:
        assert set(sheet.answers) <= {item.id for item in MINI_CHECKLIST.items}


def test_a_checklist_given_as_answers_says_so() -> None:
    assert problems_of(lambda: load_answers(MINI)) == [
        f"1:1: this is a checklist, not an answers file; to answer it, run: implcheck init {MINI} (wrong-file-kind)"
    ]


def test_a_file_with_endless_problems_stops_after_fifty(write: Write) -> None:
    body = "".join(f"  typo-{n}: yes\n" for n in range(200))
    path = write("a.yaml", answers_yaml(body))
    problems = problems_of(lambda: load_answers(path))
    assert len(problems) == 51
    assert problems[-1] == "58:3: stopped after 50 problems in this file; fix these and run again (too-many-problems)"


# --- a checklist path in an answers file stays in the folders the user allows -------------


def test_an_absolute_checklist_path_is_refused(write: Write) -> None:
    path = write("a.yaml", "checklist: /etc/passwd.yaml\n")
    assert problems_of(lambda: load_answers(path)) == [
        "1:12: checklist path '/etc/passwd.yaml' is absolute; write it relative to this file's folder, or put "
        "the checklist in a folder named with --checklist-dir (checklist-outside)"
    ]


def test_a_checklist_path_leading_out_of_the_folder_is_refused(write: Write) -> None:
    write("secret/.env.yaml", "DB_PASSWORD=hunter2\n")
    path = write("school/a.yaml", "checklist: ../secret/.env.yaml\n")
    assert problems_of(lambda: load_answers(path)) == [
        "1:12: checklist path '../secret/.env.yaml' leads outside this file's folder; keep the checklist in it "
        "(or below it), or name the checklist's folder with --checklist-dir (checklist-outside)"
    ]


def test_a_symlink_out_of_the_folder_is_refused(write: Write, tmp_path: Path) -> None:
    write("elsewhere/c.yaml", MINI.read_text())
    (tmp_path / "school").mkdir()
    (tmp_path / "school" / "c.yaml").symlink_to(tmp_path / "elsewhere" / "c.yaml")
    path = write("school/a.yaml", "checklist: c.yaml\n")
    assert problems_of(lambda: load_answers(path))[0].endswith("(checklist-outside)")


def test_a_checklist_dir_allows_the_folder(write: Write, tmp_path: Path) -> None:
    write("trust/ours.yaml", MINI.read_text())
    path = write("school/a.yaml", "checklist: ../trust/ours.yaml\nanswers: {owner-named: yes}\n")
    sheet, checklist = load_answers(path, resolver([tmp_path / "trust"]))
    assert (checklist.id, sheet.answers["owner-named"].value) == ("mini", AnswerValue.YES)
    bare = write("school/b.yaml", "checklist: ours.yaml\n")  # or named as it is in the allowed folder
    assert load_answers(bare, resolver([tmp_path / "trust"]))[1].id == "mini"
    missing = write("school/c.yaml", "checklist: theirs.yaml\n")
    assert problems_of(lambda: load_answers(missing, resolver([tmp_path / "trust"]))) == [
        f"1:12: checklist file 'theirs.yaml' not found (looked in this file's folder, {tmp_path / 'trust'}) "
        "(checklist-not-found)"
    ]


def test_a_file_that_is_not_implcheck_is_quoted_only_in_part(write: Write) -> None:
    path = write("passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n")
    assert problems_of(lambda: load_answers(path)) == [
        "1:1: an answers file must be a mapping of keys to values, got 'root:x:0:0:root:/root:/bin/bash dae...' "
        "(bad-type)"
    ]


# --- validation gaps ---------------------------------------------------------------------


def test_empty_sections_and_items_are_refused(write: Write) -> None:
    path = write("c.yaml", CHECKLIST_HEAD + "sections:\n")
    assert problems_of(lambda: load_checklist(path)) == [
        "5:10: 'sections' must be a non-empty list of sections, got nothing (bad-type)"
    ]
    path = write("c.yaml", CHECKLIST_HEAD + "sections:\n  - id: s\n    title: S\n    stage: explore\n    items:\n")
    assert problems_of(lambda: load_checklist(path)) == [
        "9:11: 'items' must be a non-empty list of items, got nothing (bad-type)"
    ]


@pytest.mark.parametrize(("weight", "kept"), [("2.0", 2), ("3", 3)])
def test_a_whole_weight_may_be_written_with_a_point_and_is_honoured(write: Write, weight: str, kept: int) -> None:
    path = write("c.yaml", CHECKLIST_HEAD + "sections:\n  - id: s\n    title: S\n    stage: explore\n    items:\n"
                 + GOOD_ITEM.replace("weight: 2", f"weight: {weight}"))  # fmt: skip
    assert load_checklist(path).items[0].weight == kept


def test_an_id_with_spaces_around_it_is_the_id(write: Write) -> None:
    path = write("c.yaml", CHECKLIST_HEAD.replace("id: t", 'id: " t "') + "sections:\n  - id: s\n    title: S\n"
                 "    stage: explore\n    items:\n" + GOOD_ITEM)  # fmt: skip
    assert load_checklist(path).id == "t"


def test_a_fractional_weight_is_refused(write: Write) -> None:
    path = write("c.yaml", CHECKLIST_HEAD + "sections:\n  - id: s\n    title: S\n    stage: explore\n    items:\n"
                 + GOOD_ITEM.replace("weight: 2", "weight: 2.5"))  # fmt: skip
    assert problems_of(lambda: load_checklist(path)) == ["14:17: 'weight' must be 1, 2 or 3, got 2.5 (bad-value)"]


@pytest.mark.parametrize("written", ["20261101", "2026-W05-1", "2026-13-01", "2026-02-29", "'2026-11-1'", "2026-1a-01"])
def test_dates_are_exactly_a_calendar_day(write: Write, written: str) -> None:
    path = write("a.yaml", answers_yaml().replace("assessed_on: 2026-11-20", f"assessed_on: {written}"))
    shown = repr(int(written)) if written.isdigit() else repr(written.strip("'"))
    assert problems_of(lambda: load_answers(path)) == [
        f"6:16: 'assessed_on' must be a date written YYYY-MM-DD, got {shown} (bad-date)"
    ]


def test_a_blank_assessment_date_is_not_yet_filled_in(write: Write) -> None:
    path = write("a.yaml", answers_yaml().replace("assessed_on: 2026-11-20", 'assessed_on: ""'))
    assert load_answers(path)[0].context.assessed_on == ""


def test_answers_ignore_case_and_spaces(write: Write) -> None:
    path = write("a.yaml", answers_yaml('  problem-specific: Partly\n  owner-named: " yes "\n'))
    assert load_answers(path)[0].answers == {
        "problem-specific": Answer(AnswerValue.PARTLY),
        "owner-named": Answer(AnswerValue.YES),
    }


def test_evidence_dated_after_the_assessment_is_a_warning(write: Write) -> None:
    path = write("a.yaml", answers_yaml("  owner-named: {answer: yes, evidence: minutes, date: 2026-12-01}\n"))
    sheet, _ = load_answers(path)
    assert [str(w) for w in sheet.warnings] == [
        f"{path}:9:55: warning: 'owner-named' has evidence dated 2026-12-01, after the assessment (2026-11-20) "
        "(date-after-assessment)"
    ]


def test_the_same_person_twice_is_refused(write: Write) -> None:
    a = write("a.yaml", answers_yaml("  owner-named: yes\n"))
    b = write("b.yaml", answers_yaml("  owner-named: no\n", name="a. leader"))
    with pytest.raises(InputError) as caught:
        load_assessment([a, b])
    assert str(caught.value) == (
        f"{b}:1:1: answered by the same person as {a} (senior-leader 'a. leader'); each respondent's answers "
        "count once, so give one file per person, or correct the name or role (duplicate-respondent)"
    )


def test_a_copy_under_another_name_is_refused(write: Write) -> None:
    a = write("a.yaml", answers_yaml("  owner-named: yes\n", name=""))
    b = write("b.yaml", a.read_text())
    with pytest.raises(UsageError) as caught:
        load_assessment([a, b])
    assert str(caught.value) == (
        f"{b}: is a copy of {a} (the same content); each respondent's answers count once, so give each file once"
    )


def test_two_unnamed_teachers_are_two_people(write: Write) -> None:
    a = write("a.yaml", answers_yaml("  owner-named: yes\n", role="teacher", name="''"))
    b = write("b.yaml", answers_yaml("  owner-named: no\n", role="teacher", name="''"))
    assert len(load_assessment([a, b]).sheets) == 2


# --- roles (``ask:``, ``wording:``) and versions (``renamed:``, ``retired:``) ------------------


def _one_item(extra: str, top: str = "") -> str:
    return (
        CHECKLIST_HEAD
        + top
        + "sections:\n  - id: s\n    title: S\n    stage: explore\n    items:\n"
        + GOOD_ITEM
        + extra
    )


def test_an_item_names_the_roles_it_asks_and_a_role_s_own_wording(write: Write) -> None:
    path = write("c.yaml", _one_item("        ask: [teacher, Pupil]\n        wording: {pupil: Can you log in?}\n"))
    item = load_checklist(path).items[0]
    assert item.ask == (Role.TEACHER, Role.PUPIL)
    assert item.question_for(Role.PUPIL) == "Can you log in?"
    assert item.question_for(Role.TEACHER) == "Q?"
    assert [item.asks(role) for role in Role] == [True, True, False, False, True, True]


def test_an_item_with_no_ask_is_asked_of_every_role(write: Write) -> None:
    checklist = load_checklist(write("c.yaml", _one_item("")))
    assert all(checklist.asked(role) == checklist.items for role in Role)


def test_ask_and_wording_problems_are_located(write: Write) -> None:
    path = write(
        "c.yaml",
        _one_item("        ask: [teacher, teacher, parent]\n        wording: {it: Is the server up?, pupil: ''}\n"),
    )
    assert problems_of(lambda: load_checklist(path)) == [
        "18:24: 'teacher' is listed twice in 'ask' (duplicate-id)",
        "18:33: 'ask' must be one of senior-leader, teacher, it, governor, pupil, other; got 'parent' (bad-value)",
        "19:19: 'wording' gives the question for it, but 'ask' does not list it (role-not-asked)",
        "19:49: 'pupil' in 'wording' must be text, got '' (bad-type)",
    ]


def test_ask_must_be_a_non_empty_list(write: Write) -> None:
    path = write("c.yaml", _one_item("        ask: []\n        wording: pupil\n"))
    assert problems_of(lambda: load_checklist(path)) == [
        "18:14: 'ask' must be a non-empty list, each one of senior-leader, teacher, it, governor, pupil, other; "
        "got an empty list (bad-type)",
        "19:18: 'wording' must be a non-empty mapping of keys to values, got 'pupil' (bad-type)",
    ]


def test_renamed_and_retired_ids_follow_to_this_version(write: Write) -> None:
    top = "renamed: {old-a: older-a, older-a: a}\nretired: {gone: Merged into a.}\n"
    checklist = load_checklist(write("c.yaml", _one_item("", top)))
    assert checklist.renamed == {"old-a": "older-a", "older-a": "a"}
    assert checklist.retired == {"gone": "Merged into a."}
    assert [checklist.current_id(i) for i in ("old-a", "older-a", "a", "gone")] == ["a", "a", "a", "gone"]


def test_bad_migrations_are_refused(write: Write) -> None:
    top = (
        "renamed: {a: b, x: y, y: x, lost: nowhere, both: a, 7: a, k: [list], w: x}\n"
        "retired: {a: Still here., both: Gone.}\n"
    )
    assert problems_of(lambda: load_checklist(write("c.yaml", _one_item("", top)))) == [
        "5:11: 'a' is still an item of this checklist, so it cannot be renamed; an id is never reused (bad-migration)",
        "5:20: the renames go round in a loop: x → y → x (bad-migration)",
        "5:35: 'lost' is renamed to 'nowhere', which is not an item of this checklist (bad-migration)",
        "5:44: 'both' is both renamed and retired; an old id is one or the other (bad-migration)",
        "5:53: each key of 'renamed' must be an item id in kebab-case, got 7 (bad-id)",
        "5:62: 'k' in 'renamed' must name an item id in kebab-case, got a list (bad-id)",
        "6:11: 'a' is still an item of this checklist, so it cannot be retired; an id is never reused (bad-migration)",
    ]


def test_an_answers_file_names_the_checklist_version_it_answers(write: Write) -> None:
    path = write("a.yaml", f"checklist: {MINI_BESIDE}\nchecklist_version: '1.0'\n")
    sheet, _ = load_answers(path)
    assert sheet.checklist_version == "1.0"


def test_max_na_share_is_a_share_from_0_to_1(write: Write) -> None:
    sections = "sections:\n  - id: s\n    title: S\n    stage: explore\n    items:\n" + GOOD_ITEM
    good = write("good.yaml", CHECKLIST_HEAD + "thresholds: {max_na_share: 0.5}\n" + sections)
    assert load_checklist(good).thresholds.max_na_share == 0.5
    assert load_checklist(write("default.yaml", CHECKLIST_HEAD + sections)).thresholds.max_na_share == 0.25
    bad = write("bad.yaml", CHECKLIST_HEAD + "thresholds: {max_na_share: 1.5}\n" + sections)
    assert problems_of(lambda: load_checklist(bad)) == [
        "5:28: 'max_na_share' must be a number from 0 to 1, got 1.5 (bad-value)"
    ]


def test_a_role_given_twice_in_wording_is_refused(write: Write) -> None:
    path = write("c.yaml", _one_item("        ask: [pupil]\n        wording: {pupil: Can you?, Pupil: Could you?}\n"))
    assert problems_of(lambda: load_checklist(path)) == [
        "19:36: 'pupil' is given twice in 'wording' (duplicate-id)",
    ]
