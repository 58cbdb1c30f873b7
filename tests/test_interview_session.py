"""``interview/session.py``: the answers file the interview opens, carries on, starts again and
saves, the context it asks for, and the report it writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assess_helpers import (
    ALL_BUT_LAST,
    ALLOW_FIXTURES,
    CHECKLIST,
    CONTEXT,
    Write,
    answers_in,
    assess,
    flat,
    mini_beside,
)
from helpers import MINI, MINI_BESIDE, answers_yaml
from implcheck import answers_file
from implcheck.commands import Outcome
from implcheck.interview import session
from implcheck.interview.decide import (
    ContextFlags,
)
from implcheck.load import load_answers
from implcheck.model import Answer, AnswerValue, Assessment, Context, Respondent, Role
from implcheck.scoring import score


@pytest.mark.usefixtures("terminal")
def test_the_file_is_the_one_a_person_would_write(tmp_path: Path) -> None:
    out = tmp_path / "oak.yaml"
    assess(out, *CONTEXT, "y", "SLT minutes", "q", ref="tests/fixtures/mini.yaml")
    sheet, _ = load_answers(out, ALLOW_FIXTURES)
    expected = answers_file.render(CHECKLIST, sheet.checklist_ref, sheet.context, sheet.answers, mark_unasked=True)
    assert out.read_text(encoding="utf-8") == expected
    assert '  problem-specific:\n    answer: yes\n    evidence: "SLT minutes"\n' in expected
    assert "  # owner-named: not asked yet\n" in expected
    assert sheet.checklist_ref == os.path.relpath(MINI, tmp_path)  # relative to the file, as init writes it


@pytest.mark.usefixtures("terminal")
def test_resume_asks_only_for_context_the_file_lacks(write: Write) -> None:
    path = write("a.yaml", f"checklist: {MINI_BESIDE}\nanswers:\n  problem-specific: yes\n")
    outcome, script = assess(path, "Oak", "Pobble", "2026-spring", "t", "", "q", ref=None)
    assert outcome == Outcome()
    sheet, _ = load_answers(path, ALLOW_FIXTURES)
    assert sheet.context == Context("Oak", "Pobble", "2026-spring", "2026-11-20", Respondent("", Role.TEACHER))
    assert sheet.answers["problem-specific"] == Answer(AnswerValue.YES)
    assert [p.split(" ")[0] for p in script.prompts[:5]] == ["School:", "Initiative", "Term", "Your", "Your"]


@pytest.mark.usefixtures("terminal")
def test_flags_answer_the_context_questions(tmp_path: Path) -> None:
    out = tmp_path / "oak.yaml"
    flags = ContextFlags("Oak", "Pobble", "2026-autumn", Role.IT, "Kim")
    outcome, script = assess(out, "q", flags=flags)
    assert outcome == Outcome()
    assert script.prompts[0].startswith("Is there a specific problem?")
    assert load_answers(out, ALLOW_FIXTURES)[0].context.respondent == Respondent("Kim", Role.IT)


def test_write_report_writes_the_governors_report(write: Write) -> None:
    path = write("oak.yaml", answers_yaml(ALL_BUT_LAST))
    sheet, checklist = load_answers(path, ALLOW_FIXTURES)
    message = session.write_report(score(Assessment(checklist, (sheet,))), path.with_suffix(".html"))
    assert message == f"Wrote the governors' report to {path.with_suffix('.html')} (verdict: ready)."
    assert "<h2" in path.with_suffix(".html").read_text(encoding="utf-8")


@pytest.mark.usefixtures("terminal")
def test_naming_the_checklist_the_file_already_answers(write: Write) -> None:
    path = write("oak.yaml", answers_yaml("  problem-specific: yes\n"))
    outcome, script = assess(path, "q", ref=mini_beside(path))
    assert outcome == Outcome()
    assert script.prompts[0].startswith("Is there a named senior owner?")


@pytest.mark.usefixtures("terminal")
def test_restart_clears_the_answers_after_asking(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("oak.yaml", answers_yaml("  problem-specific: yes\n  owner-named: unknown\n"))
    outcome, script = assess(path, "y", "q", ref=None, restart=True)
    assert outcome == Outcome()
    assert flat(script.prompts[0]) == (
        f"{path} has 1 of 4 answered, 1 don't know, 2 not asked yet. Clear every answer and start again? [y/N]"
    )
    assert answers_in(path) == {}
    sheet, _ = load_answers(path)
    assert sheet.context.school == "Oakfield Primary"  # who and what stay; the answers go
    assert script.prompts[1].startswith("Is there a specific problem?")
    assert "Carrying on" not in capsys.readouterr().out


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize("typed", ["", "n", "maybe\nn"])
def test_declining_restart_changes_nothing(write: Write, capsys: pytest.CaptureFixture[str], typed: str) -> None:
    path = write("oak.yaml", answers_yaml("  problem-specific: yes\n"))
    before = path.read_text(encoding="utf-8")
    outcome, _ = assess(path, *typed.split("\n"), ref=None, restart=True)
    assert outcome == Outcome()
    assert path.read_text(encoding="utf-8") == before
    printed = capsys.readouterr().out
    assert f"Nothing was changed. To carry on with it, run:\n  implcheck assess -o {path}\n" in printed
    assert ("Type y for yes or n for no.\n" in printed) is ("maybe" in typed)


@pytest.mark.usefixtures("terminal")
def test_restart_on_a_new_file_just_starts(tmp_path: Path) -> None:
    outcome, script = assess(tmp_path / "oak.yaml", *CONTEXT, "q", restart=True)
    assert outcome == Outcome()
    assert script.prompts[0] == "School: "
