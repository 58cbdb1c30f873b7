"""``interview/conversation.py``: the questions asked and what is said, driven by a script
(``assess_helpers.Script``) through the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess_helpers import (
    ALLOW_FIXTURES,
    CHECKLIST,
    CONTEXT,
    Write,
    answers_in,
    assess,
    flat,
)
from helpers import MINI, answers_yaml
from implcheck import answers_file
from implcheck.commands import Outcome
from implcheck.load import load_answers
from implcheck.model import Answer, AnswerValue, Context, Respondent, Role


@pytest.mark.usefixtures("terminal")
def test_a_whole_interview(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "oak.yaml"
    outcome, script = assess(
        out,
        *CONTEXT,
        "y",
        "SLT minutes, 3 May",  # evidence: asked only for a yes or partly on a critical or weight-3 question
        "p",
        "n",
        "u",
        "n",  # the report offer
    )
    assert outcome == Outcome()
    sheet, _ = load_answers(out, ALLOW_FIXTURES)
    assert sheet.context == Context(
        "Oakfield Primary",
        "Pobble for writing",
        "2026-autumn",
        "2026-11-20",
        Respondent("A. Leader", Role.SENIOR_LEADER),
    )
    assert sheet.answers == {
        "problem-specific": Answer(AnswerValue.YES, "SLT minutes, 3 May"),
        "owner-named": Answer(AnswerValue.PARTLY),
        "single-sign-on": Answer(AnswerValue.NO),
        "training-planned": Answer(AnswerValue.UNKNOWN),
    }
    printed = capsys.readouterr().out
    assert "─ Explore · Why we are doing this ─" in printed
    assert printed.count("Evidence (Enter to skip): ") == 1
    assert (
        "─\n4 questions, about 2 minutes left.\n"
        "Explore: deciding what problem to solve and whether this product is the right answer, before you \n"
        "commit.\n"
        "y yes · p partly · n no · u don't know · na doesn't apply\n"
        "s skip for now · b back · ? help · q save and stop\n\n"
        "Explore · 1 of 4"
    ) in printed
    assert (
        "─\n2 questions, about 1 minute left.\n"
        "Prepare: getting ready before the launch: the plan, the people, the systems and the training.\n"
        "y yes · p partly · n no · u don't know · na doesn't apply\n\n"
    ) in printed
    assert "Still unknown (1)\n ? Is follow-up training planned?\n" in printed
    assert "Failure modes hit\n Senior ownership\n  • Is there a named senior owner?\n Ease of use\n" in printed
    assert "Explore · 1 of 4 · critical\nIs there a specific problem? [y/p/n/u/?] y\n" in printed
    assert "Prepare · 4 of 4\nIs follow-up training planned? [y/p/n/u/na/?] u\n" in printed
    assert "! READY WITH CONDITIONS" not in printed  # a no and an unknown: the scorer decides, not us
    assert "Checklist mini 1.0 · 1 respondent (senior-leader)" in printed
    assert (
        f"To answer the rest later (1 don't know), run:\n  implcheck assess -o {out}\n\nWrite the governors' report to"
    ) in printed
    assert (
        "Later, to score the answers again or write the report:\n"
        f"  implcheck check {out}\n"
        f"  implcheck report {out} -o {tmp_path / 'oak.html'}\n"
    ) in printed
    assert "Write the governors' report" in script.prompts[-1]
    assert not (tmp_path / "oak.html").exists()  # declined
    assert (tmp_path / answers_file.schema_file(CHECKLIST)).is_file()


@pytest.mark.usefixtures("terminal")
def test_help_back_skip_and_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "oak.yaml"
    outcome, _ = assess(
        out,
        *CONTEXT,
        "?",  # why and action
        "na",  # refused: critical
        "wat",  # not a key: the legend
        "",  # nothing to keep yet: the legend again
        "y",
        "",
        "b",  # back to problem-specific
        "",  # keep yes
        "",  # (evidence would be asked only after a new answer) owner-named: nothing to keep
        "na",
        "",  # no reason: not saved
        "na",
        "The trust runs it",
        "s",  # skip single-sign-on
        "b",  # back to single-sign-on
        "b",  # back to owner-named
        "p",  # change na to partly
        "-",  # clear the old reason
        "q",
    )
    assert outcome == Outcome()
    assert answers_in(out) == {  # the skipped and the never reached are not asked yet
        "problem-specific": Answer(AnswerValue.YES),
        "owner-named": Answer(AnswerValue.PARTLY),
    }
    printed = capsys.readouterr().out
    assert "Why: Without one, nobody knows what success is.\nIf not yes: Name the problem.\n" in printed
    assert "Critical: a no or don't know here means not ready, whatever the score.\n" in printed
    assert (
        "y yes · p partly · n no · u don't know · Enter keeps the current answer · s skip for now (asked again "
        "before the end) · b back to the previous question · q save and stop"
    ) in flat(printed)  # a critical item: no na
    assert (
        'This question is critical: a gap here blocks readiness, so it cannot be "doesn\'t apply". Answer y, p, n or u'
    ) in flat(printed)
    wrong_key = (
        "[y/p/n/u/?] wat\ny yes · p partly · n no · u don't know\ns skip for now · b back · ? help · q save and stop\n"
    )
    assert wrong_key in printed
    assert wrong_key.replace("wat", "") in printed  # Enter with nothing to keep
    assert "Not a key" not in printed
    assert "Explore · 1 of 4 · critical · now: yes (Enter keeps it)\n" in printed
    assert 'Not saved: "doesn\'t apply" needs a reason. Answer again.\n' in printed
    assert "Explore · 2 of 4 · now: doesn't apply (Enter keeps it)\n" in printed
    assert "Evidence now: The trust runs it\n" in printed
    assert f"Saved to {out}: 2 of 4 answered, 2 not asked yet. To carry on, run: implcheck assess -o {out}" in flat(
        printed
    )


@pytest.mark.usefixtures("terminal")
def test_back_on_the_first_question_stays_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assess(tmp_path / "oak.yaml", *CONTEXT, "b", "q")
    assert "This is the first question.\n" in capsys.readouterr().out


@pytest.mark.usefixtures("terminal")
def test_carrying_on_starts_at_the_first_question_never_asked(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        "oak.yaml",
        answers_yaml(
            "  problem-specific:\n    answer: yes\n    evidence: SLT minutes\n    date: 2026-11-01\n"
            "  owner-named:\n    answer: unknown\n    date: 2026-10-01\n  single-sign-on: no\n"
        ),
    )
    outcome, script = assess(path, "y", "", "n", ref=None)
    assert outcome == Outcome()
    assert answers_in(path) == {
        "problem-specific": Answer(AnswerValue.YES, "SLT minutes", "2026-11-01"),
        "owner-named": Answer(AnswerValue.UNKNOWN, "", "2026-10-01"),  # "don't know" is an answer: not asked again
        "single-sign-on": Answer(AnswerValue.NO),
        "training-planned": Answer(AnswerValue.YES),
    }
    printed = capsys.readouterr().out
    assert (
        "Carrying on at question 4 of 4, the first not asked yet.\n"
        "So far: 2 of 4 answered, 1 don't know, 1 not asked yet.\n"
    ) in printed
    assert "School:" not in printed  # the context came from the file
    assert [p.split(" [")[0] for p in script.prompts[:1]] == ["Is follow-up training planned?"]
    assert "(3 of 4 answered)" in printed
    assert "Still unknown (1)\n ? Is there a named senior owner?\n" in printed
    assert f"To answer the rest later (1 don't know), run:\n  implcheck assess -o {path}\n" in printed


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize(("typed", "asked"), [(["", "y", ""], True), (["n"], False)])
def test_with_nothing_left_to_ask_the_dont_knows_are_offered(
    write: Write, capsys: pytest.CaptureFixture[str], typed: list[str], asked: bool
) -> None:
    body = "  problem-specific: yes\n  owner-named: unknown\n  single-sign-on: yes\n  training-planned: yes\n"
    path = write("oak.yaml", answers_yaml(body))
    outcome, script = assess(path, *typed, "n", ref=None)
    assert outcome == Outcome()
    printed = capsys.readouterr().out
    assert 'All 4 questions have an answer; 1 is "don\'t know".\nGo through it again now? [Y/n] ' in printed
    assert any(p.startswith("Is there a named senior owner?") for p in script.prompts) is asked
    assert answers_in(path)["owner-named"] == Answer(AnswerValue.YES if asked else AnswerValue.UNKNOWN)


@pytest.mark.usefixtures("terminal")
def test_skipped_questions_come_back_before_the_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "oak.yaml"
    outcome, script = assess(out, *CONTEXT, "s", "y", "s", "n", "", "u", "p", "n")
    assert outcome == Outcome()
    printed = capsys.readouterr().out
    assert "You skipped 2 questions. Answer them now? [Y/n] \n" in printed
    asked = [p.split(" [")[0] for p in script.prompts if p.startswith(("Is", "Can"))]
    assert asked == [
        "Is there a specific problem?",
        "Is there a named senior owner?",
        "Can staff log in with their existing account?",
        "Is follow-up training planned?",
        "Is there a specific problem?",  # the skipped ones, in order
        "Can staff log in with their existing account?",
    ]
    assert answers_in(out) == {
        "problem-specific": Answer(AnswerValue.UNKNOWN),
        "owner-named": Answer(AnswerValue.YES),
        "single-sign-on": Answer(AnswerValue.PARTLY),
        "training-planned": Answer(AnswerValue.NO),
    }


@pytest.mark.usefixtures("terminal")
def test_skipped_questions_can_be_left_for_later(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "oak.yaml"
    outcome, _ = assess(out, *CONTEXT, "y", "", "y", "s", "y", "n", "n")
    assert outcome == Outcome()
    printed = capsys.readouterr().out
    assert "You skipped 1 question. Answer it now? [Y/n] n\n" in printed
    assert "(3 of 4 answered)" in printed
    assert f"To answer the rest later (1 not asked yet), run:\n  implcheck assess -o {out}\n" in printed
    assert "single-sign-on" not in answers_in(out)
    assert "  # single-sign-on: not asked yet\n" in out.read_text(encoding="utf-8")
    # Carrying on asks it, and only it.
    outcome, script = assess(out, "y", "", "n", ref=None)
    assert [p.split(" [")[0] for p in script.prompts][:1] == ["Can staff log in with their existing account?"]
    assert answers_in(out)["single-sign-on"] == Answer(AnswerValue.YES)


@pytest.mark.usefixtures("terminal")
def test_enter_keeps_any_answer_even_dont_know(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("oak.yaml", answers_yaml("  problem-specific: unknown\n"))
    outcome, _ = assess(path, "b", "", "q", ref=None)
    assert outcome == Outcome()
    printed = capsys.readouterr().out
    assert "Explore · 1 of 4 · critical · now: don't know (Enter keeps it)\n" in printed
    assert printed.count("Is there a named senior owner?") == 2  # Enter moved on to it again
    assert answers_in(path) == {"problem-specific": Answer(AnswerValue.UNKNOWN)}


@pytest.mark.usefixtures("terminal")
def test_context_questions_insist_on_what_they_need(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assess(tmp_path / "oak.yaml", "", "Oak", "Pobble", "", "boss", "g", "", "q")
    printed = capsys.readouterr().out
    assert "This is needed to tell the answers files apart.\n" in printed
    assert "Type one of: senior-leader, teacher, it, governor, pupil, other (or its first letter).\n" in printed
    assert "Your role [senior-leader/teacher/it/governor/pupil/other]: " in printed


@pytest.mark.usefixtures("terminal")
def test_help_on_an_ordinary_item_and_an_existing_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schema = tmp_path / answers_file.schema_file(CHECKLIST)
    schema.write_text("{}", encoding="utf-8")
    assess(tmp_path / "oak.yaml", *CONTEXT, "y", "", "?", "q")
    printed = capsys.readouterr().out
    assert "Why: Nobody drives it.\nIf not yes: Name one.\ny yes ·" in printed
    assert schema.read_text(encoding="utf-8") == "{}"  # left as it was


@pytest.mark.usefixtures("terminal")
def test_a_term_is_explained_at_first_use_and_in_help(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    checklist = (
        MINI.read_text(encoding="utf-8")
        .replace("Can staff log in with their existing account?", "Can staff log in with single sign-on (SSO)?")
        .replace("Book coaching.", "Book coaching and plan a DPIA.")
    )
    ref = write("sso.yaml", checklist)
    path = write("oak.yaml", answers_yaml("  problem-specific: yes\n  owner-named: yes\n", checklist=ref.name))
    assess(path, "b", "", "?", "q", ref=None)
    printed = capsys.readouterr().out
    explained = "single sign-on: logging in with an account you already have, with no new password\n"
    assert printed.count(explained) == 2  # at first use, then in the help; not again when asked again
    assert printed.index(explained) < printed.index("Can staff log in with single sign-on")


@pytest.mark.usefixtures("terminal")
def test_help_names_the_terms_in_the_action_too(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    checklist = MINI.read_text(encoding="utf-8").replace("Book coaching.", "Book coaching and plan a DPIA.")
    ref = write("dpia.yaml", checklist)
    body = "  problem-specific: yes\n  owner-named: yes\n  single-sign-on: yes\n"
    path = write("oak.yaml", answers_yaml(body, checklist=ref.name))
    assess(path, "?", "q", ref=None)
    assert "DPIA: data protection impact assessment, a written check of the risks to pupils' data\n" in (
        capsys.readouterr().out
    )


@pytest.mark.usefixtures("terminal")
def test_why_on_a_critical_item_uses_the_checklists_word_for_not_ready(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assess(tmp_path / "oak.yaml", *CONTEXT, "?", "q", ref="termly-recheck")  # owner-still-accountable first
    assert "Critical: a no or don't know here means off track, whatever the score.\n" in capsys.readouterr().out
