"""``implcheck assess``: the pure core, the interview driven by a script, and the command end to end.

The real terminal (Ctrl-C, kill -9, SIGHUP) is exercised in ``test_assess_pty.py``.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from helpers import MINI, MINI_BESIDE, answers_yaml
from implcheck import answers_file
from implcheck.cli import app
from implcheck.commands import Outcome
from implcheck.commands import assess as assess_cmd
from implcheck.errors import UsageError
from implcheck.interview import glossary, session, signals
from implcheck.interview.decide import (
    ContextFlags,
    Move,
    Tally,
    clean,
    key_hint,
    keys_explained,
    legend,
    merge_context,
    next_unasked,
    parse_key,
    parse_role,
    refusal,
    still_unknown,
    suggested_term,
)
from implcheck.load import load_answers, load_checklist, resolver
from implcheck.model import Answer, AnswerValue, Assessment, Context, Respondent, Role
from implcheck.result import Result as Scored
from implcheck.result import Verdict
from implcheck.scoring import score

Write = Callable[[str, str], Path]
runner = CliRunner()
CHECKLIST = load_checklist(MINI)
ALLOW_FIXTURES = resolver([MINI.parent])  # the answers are in tmp_path, the checklist is not
ITEMS = CHECKLIST.items  # problem-specific (critical), owner-named, single-sign-on, training-planned
CONTEXT = ["Oakfield Primary", "Pobble for writing", "", "senior-leader", "A. Leader"]
TODAY = date(2026, 11, 20)


def yes(*ids: str) -> dict[str, Answer]:
    return {item_id: Answer(AnswerValue.YES) for item_id in ids}


# --- the pure core ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        ("y", AnswerValue.YES),
        ("YES", AnswerValue.YES),
        (" p ", AnswerValue.PARTLY),
        ("partly", AnswerValue.PARTLY),
        ("n", AnswerValue.NO),
        ("no", AnswerValue.NO),
        ("u", AnswerValue.UNKNOWN),
        ("unknown", AnswerValue.UNKNOWN),
        ("Don’t  know", AnswerValue.UNKNOWN),
        ("not sure", AnswerValue.UNKNOWN),
        ("na", AnswerValue.NA),
        ("N/A", AnswerValue.NA),
        ("", Move.KEEP),
        ("s", Move.SKIP),
        ("skip", Move.SKIP),
        ("b", Move.BACK),
        ("back", Move.BACK),
        ("?", Move.HELP),
        ("help", Move.HELP),
        ("q", Move.QUIT),
        ("quit", Move.QUIT),
        ("x", None),
        ("yes please", None),
    ],
)
def test_parse_key(typed: str, meaning: AnswerValue | Move | None) -> None:
    assert parse_key(typed) == meaning


def test_critical_items_do_not_offer_na() -> None:
    critical, ordinary = ITEMS[0], ITEMS[1]
    assert (key_hint(critical), key_hint(ordinary)) == ("[y/p/n/u/?]", "[y/p/n/u/na/?]")
    assert (legend(critical), legend(ordinary)) == (
        "y yes · p partly · n no · u don't know",
        "y yes · p partly · n no · u don't know · na doesn't apply",
    )
    assert "na" not in keys_explained(critical).split()
    assert keys_explained(ordinary).startswith("y yes · p partly · n no · u don't know · na doesn't apply (give a")
    assert refusal(critical, AnswerValue.NA) == (
        'This question is critical: a gap here blocks readiness, so it cannot be "doesn\'t apply". '
        "Answer y, p, n or u (don't know)."
    )
    assert refusal(critical, AnswerValue.NO) is None
    assert refusal(ordinary, AnswerValue.NA) is None


@pytest.mark.parametrize(
    ("answers", "start", "expected"),
    [
        ({}, 0, 0),
        (yes("problem-specific"), 0, 1),
        (yes("problem-specific", "owner-named"), 0, 2),
        ({**yes("problem-specific"), "owner-named": Answer(AnswerValue.UNKNOWN)}, 0, 2),  # don't know: asked
        (yes("single-sign-on"), 2, 3),
        (yes("problem-specific", "owner-named", "single-sign-on", "training-planned"), 0, None),
        ({}, 4, None),
    ],
)
def test_next_unasked(answers: dict[str, Answer], start: int, expected: int | None) -> None:
    assert next_unasked(ITEMS, answers, start) == expected


def test_still_unknown_lists_the_dont_knows() -> None:
    answers = {**yes("problem-specific"), "single-sign-on": Answer(AnswerValue.UNKNOWN, "asked IT")}
    assert still_unknown(ITEMS, answers) == [2]


@pytest.mark.parametrize(
    ("answers", "said"),
    [
        ({}, "0 of 4 answered, 4 not asked yet"),
        (yes(*(item.id for item in ITEMS)), "4 of 4 answered"),
        (
            {**yes("problem-specific"), "owner-named": Answer(AnswerValue.NA, "trust"),
             "single-sign-on": Answer(AnswerValue.UNKNOWN)},
            "1 of 3 answered, 1 don't know, 1 not asked yet; 1 doesn't apply",
        ),
        (
            {"owner-named": Answer(AnswerValue.NA, "a"), "single-sign-on": Answer(AnswerValue.NA, "b")},
            "0 of 2 answered, 2 not asked yet; 2 don't apply",
        ),
    ],
)  # fmt: skip
def test_the_tally_counts_as_check_does(answers: dict[str, Answer], said: str) -> None:
    assert str(Tally.of(ITEMS, answers)) == said


@pytest.mark.parametrize(
    ("day", "term"),
    [(date(2026, 1, 5), "2026-spring"), (date(2026, 5, 1), "2026-summer"), (date(2026, 11, 20), "2026-autumn")],
)
def test_suggested_term(day: date, term: str) -> None:
    assert suggested_term(day) == term


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("t", Role.TEACHER),
        ("IT", Role.IT),
        ("senior", Role.SENIOR_LEADER),
        ("g", Role.GOVERNOR),
        ("", None),
        ("x", None),
    ],
)
def test_parse_role(typed: str, role: Role | None) -> None:
    assert parse_role(typed) == role


def test_clean_makes_one_line() -> None:
    assert clean("  SLT\tminutes \u2028 3 May \n") == "SLT minutes 3 May"


def test_merge_context_fills_gaps_and_lists_what_to_ask() -> None:
    context, missing = merge_context(Context(), ContextFlags(school=" Oak ", role=Role.IT), Path("a.yaml"))
    assert context == Context(school="Oak", respondent=Respondent("", Role.IT))
    assert missing == {"initiative", "term", "name"}


def test_merge_context_keeps_the_file_and_fills_a_missing_name() -> None:
    existing = Context("Oak", "Pobble", "2026-autumn", "2026-11-20", Respondent("", Role.TEACHER))
    context, missing = merge_context(existing, ContextFlags(school="oak", name="Sam"), Path("a.yaml"))
    assert context == Context("Oak", "Pobble", "2026-autumn", "2026-11-20", Respondent("Sam", Role.TEACHER))
    assert missing == set()


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (
            ContextFlags(school="Elm"),
            "a.yaml: is for school 'Oak', not 'Elm'; leave out --school to carry on with it, or choose another -o",
        ),
        (
            ContextFlags(role=Role.IT),
            "a.yaml: was answered as teacher, not it; each respondent writes their own file, so choose another -o",
        ),
        (
            ContextFlags(name="Kim"),
            "a.yaml: was answered by 'Sam', not 'Kim'; each respondent writes their own file, so choose another -o",
        ),
    ],
)
def test_merge_context_refuses_flags_that_contradict_the_file(flags: ContextFlags, message: str) -> None:
    existing = Context("Oak", "Pobble", "2026-autumn", "", Respondent("Sam", Role.TEACHER))
    with pytest.raises(UsageError) as error:
        merge_context(existing, flags, Path("a.yaml"))
    assert str(error.value) == message


@given(st.text())
def test_any_typed_evidence_round_trips_through_the_file(evidence: str) -> None:
    text = answers_file.render(CHECKLIST, MINI.name, Context(), {"owner-named": Answer(AnswerValue.NO, evidence)})
    from implcheck.load import answers_from_document
    from implcheck.yamlsource import load_document

    sheet, _ = answers_from_document(load_document(MINI.parent / "a.yaml", text))  # parsed, never written
    assert sheet.answers["owner-named"].evidence == evidence.strip()


def test_signals_held_delivers_ctrl_c_after_the_save() -> None:
    reached = False
    with pytest.raises(KeyboardInterrupt), signals.signals_held():
        os.kill(os.getpid(), signal.SIGINT)
        reached = True
    assert reached


# --- the interview, scripted --------------------------------------------------------------


class Script:
    """Types ``lines`` one by one; prints each prompt and answer like a terminal would. After the
    last line: ``then`` (EOFError by default, as at Ctrl-D)."""

    def __init__(self, *lines: str, then: BaseException | None = None) -> None:
        self.lines: Iterator[str] = iter(lines)
        self.then = then or EOFError()
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        sys.stdout.write(prompt)
        try:
            line = next(self.lines)
        except StopIteration:
            raise self.then from None
        sys.stdout.write(line + "\n")
        return line


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assess_cmd, "stdin_is_terminal", lambda: True)


BESIDE = "mini beside the answers"  # assess()'s default: a copy of the mini checklist in the file's folder


def mini_beside(path: Path) -> str:
    """A copy of the mini checklist beside ``path``, as a school keeps its checklist: the commands
    assess prints then need no --checklist-dir."""
    copy = path.parent / MINI.name
    shutil.copyfile(MINI, copy)
    return str(copy)


def assess(
    path: Path, *lines: str, ref: str | None = BESIDE, then: BaseException | None = None, **kwargs: object
) -> tuple[Outcome, Script]:
    ref = mini_beside(path) if ref == BESIDE else ref
    script = Script(*lines, then=then)
    outcome = assess_cmd.run(ref, path, read=script, today=TODAY, width=100, **kwargs)  # type: ignore[arg-type]
    return outcome, script


def flat(text: str) -> str:
    """Printed text with its line breaks undone, for sentences rich wraps."""
    return " ".join(text.split())


def answers_in(path: Path) -> dict[str, Answer]:
    sheet, _ = load_answers(path, ALLOW_FIXTURES)
    return sheet.answers


@pytest.mark.usefixtures("terminal")
def test_a_whole_interview(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "oak.yaml"
    outcome, script = assess(
        out,
        *CONTEXT,
        "y",
        "SLT minutes, 3 May",
        "p",
        "",
        "n",
        "",
        "u",
        "",
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
    assert (
        "─\nExplore: deciding what problem to solve and whether this product is the right answer, before you \n"
        "commit.\n"
        "y yes · p partly · n no · u don't know · na doesn't apply\n"
        "s skip for now · b back · ? help · q save and stop\n\n"
        "Explore · 1 of 4"
    ) in printed
    assert (
        "─\nPrepare: getting ready before the launch: the plan, the people, the systems and the training.\n"
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
    outcome, script = assess(out, *CONTEXT, "s", "y", "", "s", "n", "", "", "u", "", "p", "", "n")
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
    outcome, _ = assess(out, *CONTEXT, "y", "", "y", "", "s", "y", "", "n", "n")
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


@pytest.mark.usefixtures("terminal")
def test_context_questions_insist_on_what_they_need(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assess(tmp_path / "oak.yaml", "", "Oak", "Pobble", "", "boss", "g", "", "q")
    printed = capsys.readouterr().out
    assert "This is needed to tell the answers files apart.\n" in printed
    assert "Type one of: senior-leader, teacher, it, governor, pupil, other (or its first letter).\n" in printed
    assert "Your role [senior-leader/teacher/it/governor/pupil/other]: " in printed


@pytest.mark.usefixtures("terminal")
def test_every_item_answered_goes_straight_to_the_verdict(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    body = "  problem-specific: yes\n  owner-named: yes\n  single-sign-on: yes\n  training-planned: yes\n"
    path = write("oak.yaml", answers_yaml(body))
    before = path.read_text(encoding="utf-8")
    outcome, _ = assess(path, ref=None)
    assert outcome == Outcome()
    printed = capsys.readouterr().out
    assert "All 4 questions already have an answer.\n" in printed
    assert "✓ READY   score 100/100   confidence 100% (4 of 4 answered)" in printed
    assert "don't know" not in printed
    assert "To answer the rest later" not in printed
    assert path.read_text(encoding="utf-8") == before  # nothing changed, nothing rewritten


@pytest.mark.usefixtures("terminal")
def test_ctrl_c_says_how_to_carry_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = Path("oak.yaml")
    outcome, _ = assess(out, *CONTEXT, "y", "", then=KeyboardInterrupt())
    assert outcome == Outcome(
        exit_code=130,
        stderr=f"Interrupted. Saved in {out}: 1 of 4 answered, 3 not asked yet.\n"
        f"To carry on: implcheck assess -o {out}\n",
    )
    assert answers_in(out)["problem-specific"] == Answer(AnswerValue.YES)


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize("then", [KeyboardInterrupt(), EOFError()])
def test_stopping_before_the_first_save_writes_nothing(tmp_path: Path, then: BaseException) -> None:
    out = tmp_path / "oak.yaml"
    outcome, _ = assess(out, "Oak", then=then)
    assert outcome == Outcome(exit_code=130, stderr="Interrupted before any answer: nothing was saved.\n")
    assert not out.exists()


@pytest.mark.usefixtures("terminal")
def test_a_hang_up_exits_quietly_with_the_answers_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    detached: list[bool] = []
    monkeypatch.setattr(assess_cmd, "detach_from_terminal", lambda: detached.append(True))
    out = tmp_path / "oak.yaml"
    outcome, _ = assess(out, *CONTEXT, "n", "", then=signals.HungUp())
    assert outcome == Outcome(exit_code=129)
    assert detached == [True]
    assert answers_in(out)["problem-specific"] == Answer(AnswerValue.NO)
    assert signal.getsignal(signal.SIGHUP) is not signals.on_hangup


def test_the_hangup_handler_ignores_further_hang_ups_and_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(signal, "signal", lambda signum, handler: seen.append((signum, handler)))
    seen: list[tuple[int, object]] = []
    with pytest.raises(signals.HungUp):
        signals.on_hangup(signal.SIGHUP, None)
    assert seen == [(signal.SIGHUP, signal.SIG_IGN)]


@pytest.mark.usefixtures("terminal")
def test_the_hangup_handler_is_put_back(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGHUP)
    assess(tmp_path / "oak.yaml", *CONTEXT, "q")
    assert signal.getsignal(signal.SIGHUP) is before


ALL_BUT_LAST = "  problem-specific: yes\n  owner-named: yes\n  single-sign-on: yes\n"


@pytest.mark.usefixtures("terminal")
def test_the_report_is_offered_and_written(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("oak.yaml", answers_yaml(ALL_BUT_LAST))
    calls: list[tuple[Verdict, Path]] = []

    def writer(result: Scored, output: Path) -> str:
        calls.append((result.verdict, output))
        return f"wrote {output}"

    outcome, script = assess(path, "y", "", "y", ref=None, report_writer=writer)
    assert outcome == Outcome()
    assert calls == [(Verdict.READY, path.with_suffix(".html"))]
    offer = " ".join(script.prompts[-1].split())
    assert offer == f"Write the governors' report to {path.with_suffix('.html')} now? [y/N]"
    assert f"wrote {path.with_suffix('.html')}\n" in capsys.readouterr().out


@pytest.mark.usefixtures("terminal")
def test_a_failed_report_does_not_lose_the_answers(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("oak.yaml", answers_yaml(ALL_BUT_LAST))
    path.with_suffix(".html").write_text("old", encoding="utf-8")

    def writer(result: Scored, output: Path) -> str:
        raise UsageError("templates missing")

    outcome, script = assess(path, "y", "", "yes", ref=None, report_writer=writer)
    assert outcome == Outcome()
    assert "(it replaces the one there)" in " ".join(script.prompts[-1].split())
    assert "The report was not written: templates missing\n" in capsys.readouterr().out
    assert answers_in(path)["training-planned"] == Answer(AnswerValue.YES)


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize("last", ["n", None])
def test_declining_the_report(write: Write, last: str | None) -> None:
    path = write("oak.yaml", answers_yaml(ALL_BUT_LAST))
    calls: list[Path] = []
    lines = ["y", ""] + ([last] if last else [])  # None: Ctrl-D at the offer

    def writer(result: Scored, output: Path) -> str:
        calls.append(output)
        return ""

    outcome, _ = assess(path, *lines, ref=None, report_writer=writer)
    assert outcome == Outcome()
    assert calls == []


def test_write_report_writes_the_governors_report(write: Write) -> None:
    path = write("oak.yaml", answers_yaml(ALL_BUT_LAST))
    sheet, checklist = load_answers(path, ALLOW_FIXTURES)
    message = session.write_report(score(Assessment(checklist, (sheet,))), path.with_suffix(".html"))
    assert message == f"Wrote the governors' report to {path.with_suffix('.html')} (verdict: ready)."
    assert "<h2" in path.with_suffix(".html").read_text(encoding="utf-8")


# --- the command end to end ---------------------------------------------------------------


def invoke(*args: str | Path, input: str | None = None) -> Result:
    return runner.invoke(app, ["assess", *(str(a) for a in args)], input=input, prog_name="implcheck")


def test_not_a_terminal_points_to_init(tmp_path: Path) -> None:
    out = tmp_path / "oak.yaml"
    result = invoke("-o", out, input="y\n")
    assert result.exit_code == 2
    assert result.stderr == (
        "implcheck: error: assess asks questions, so it needs a terminal (its input is not one). To answer without "
        f"one, write it with: implcheck init edtech-readiness -o {out}, edit it, then run: implcheck check {out}\n"
    )
    assert not out.exists()


def test_not_a_terminal_with_a_file_to_resume(write: Write) -> None:
    out = write("oak.yaml", answers_yaml())
    result = invoke("-o", out)
    assert result.exit_code == 2
    assert result.stderr == (
        "implcheck: error: assess asks questions, so it needs a terminal (its input is not one). To answer without "
        f"one, edit it, then run: implcheck check {out}\n"
    )


@pytest.mark.usefixtures("terminal")
def test_cli_interview_through_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "oak.yaml"
    typed = ["y", "", "y", "", "y", "", "y", ""]
    result = invoke(mini_beside(out), "-o", out, "--school", "Oak", "--initiative", "Pobble", "--term", "2026-autumn",
                    "--role", "teacher", "--name", "Sam", input="\n".join(typed) + "\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "✓ READY   score 100/100   confidence 100% (4 of 4 answered)" in result.stdout
    check = runner.invoke(app, ["check", str(out)])
    assert check.exit_code == 0
    assert "✓ READY   score 100/100" in check.stdout


@pytest.mark.usefixtures("terminal")
def test_cli_quit_and_run_again(tmp_path: Path) -> None:
    out = tmp_path / "oak.yaml"
    first = invoke(mini_beside(out), "-o", out, input="Oak\nPobble\n\nit\n\nn\nno evidence yet\nq\n")
    assert first.exit_code == 0, first.output
    assert f"To carry on, run:\n  implcheck assess -o {out}\n" in first.stdout
    # --resume: the same, but FILE must exist
    again = invoke("-o", out, "--resume", input="q\n")
    assert again.exit_code == 0
    assert (
        "Carrying on at question 2 of 4, the first not asked yet.\nSo far: 1 of 4 answered, 3 not asked yet."
        in again.stdout
    )
    assert answers_in(out)["problem-specific"] == Answer(AnswerValue.NO, "no evidence yet")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "-o", "{out}"], "implcheck: error: unknown checklist 'nope'; use a shipped id (edtech-readiness, "
         "termly-recheck) or a path to a checklist file\n"),
        (["missing.yaml", "-o", "{out}"], "missing.yaml:1:1: no such file (file-unreadable)\n"),
        (["--resume", "-o", "{out}"], "implcheck: error: {out}: not found, so there is nothing to resume; to start, "
         "leave out --resume\n"),
        (["-o", "{tmp}/no/such/oak.yaml"], "implcheck: error: {tmp}/no/such/oak.yaml: cannot write there: the folder "
         "{tmp}/no/such does not exist\n"),
    ],
)  # fmt: skip
def test_bad_usage_exits_2_before_asking_anything(tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "oak.yaml"
    fill = {"out": str(out), "tmp": str(tmp_path)}
    result = invoke(*(a.format(**fill) for a in args))
    assert (result.exit_code, result.stderr) == (2, message.format(**fill))
    assert not out.exists()


@pytest.mark.parametrize(
    ("body", "extra", "message"),
    [
        ("checklist: [\n", [], "{out}:2:1: malformed YAML: did not find expected node content (yaml-syntax)\n"),
        (answers_yaml("  problem-specific: maybe\n"), [], "{out}:9:21: answer must be one of yes, partly, no, "
         "unknown, na; got 'maybe' (bad-value)\n"),
        (answers_yaml(), ["edtech-readiness"], "implcheck: error: {out}: answers checklist 'mini', not "
         "'edtech-readiness'; leave out the checklist to carry on with it, or choose another -o\n"),
        (answers_yaml(), ["--school", "Elm"], "implcheck: error: {out}: is for school 'Oakfield Primary', not 'Elm'; "
         "leave out --school to carry on with it, or choose another -o\n"),
    ],
)  # fmt: skip
def test_a_bad_existing_file_is_left_untouched(write: Write, body: str, extra: list[str], message: str) -> None:
    out = write("oak.yaml", body)
    result = invoke(*extra, "-o", out)
    assert (result.exit_code, result.stderr) == (2, message.format(out=out))
    assert out.read_text(encoding="utf-8") == body


def test_output_is_required() -> None:
    result = invoke(MINI)
    assert result.exit_code == 2
    assert "Missing option '--output' / '-o'" in result.output


@pytest.mark.usefixtures("terminal")
def test_help_on_an_ordinary_item_and_an_existing_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schema = tmp_path / answers_file.schema_file(CHECKLIST)
    schema.write_text("{}", encoding="utf-8")
    assess(tmp_path / "oak.yaml", *CONTEXT, "y", "", "?", "q")
    printed = capsys.readouterr().out
    assert "Why: Nobody drives it.\nIf not yes: Name one.\ny yes ·" in printed
    assert schema.read_text(encoding="utf-8") == "{}"  # left as it was


@pytest.mark.usefixtures("terminal")
def test_naming_the_checklist_the_file_already_answers(write: Write) -> None:
    path = write("oak.yaml", answers_yaml("  problem-specific: yes\n"))
    outcome, script = assess(path, "q", ref=mini_beside(path))
    assert outcome == Outcome()
    assert script.prompts[0].startswith("Is there a named senior owner?")


@pytest.mark.usefixtures("terminal")
def test_a_real_hang_up_ignores_the_next_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assess_cmd, "detach_from_terminal", lambda: None)
    before = signal.getsignal(signal.SIGHUP)

    def hang_up(prompt: str) -> str:
        signals.on_hangup(signal.SIGHUP, None)
        raise AssertionError("unreachable")

    try:
        outcome = assess_cmd.run(
            mini_beside(tmp_path / "oak.yaml"), tmp_path / "oak.yaml", read=hang_up, flags=ContextFlags("a", "b", "c")
        )
        assert outcome == Outcome(exit_code=129)
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, before)


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize(("code", "hung_up"), [(errno.EIO, True), (errno.EPIPE, True), (errno.ENOSPC, False)])
def test_a_terminal_that_has_gone_counts_as_a_hang_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, hung_up: bool
) -> None:
    monkeypatch.setattr(assess_cmd, "detach_from_terminal", lambda: None)

    def gone(prompt: str) -> str:
        raise OSError(code, os.strerror(code))

    oak = tmp_path / "oak.yaml"
    if hung_up:
        assert assess_cmd.run(mini_beside(oak), oak, read=gone) == Outcome(exit_code=129)
    else:
        with pytest.raises(OSError):
            assess_cmd.run(mini_beside(oak), oak, read=gone)


# --- starting again, SIGTERM, words explained --------------------------------------------


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


def test_resume_and_restart_together_are_refused(tmp_path: Path) -> None:
    result = invoke(MINI, "-o", tmp_path / "oak.yaml", "--resume", "--restart")
    assert (result.exit_code, result.stderr) == (
        2,
        "implcheck: error: --resume carries on and --restart starts again: give one of them\n",
    )


@pytest.mark.usefixtures("terminal")
def test_sigterm_says_what_is_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = Path("oak.yaml")
    outcome, _ = assess(out, *CONTEXT, "p", "", then=signals.Terminated())
    assert outcome == Outcome(
        exit_code=143,
        stderr=f"Ended by another program (SIGTERM). Saved in {out}: 1 of 4 answered, 3 not asked yet.\n"
        f"To carry on: implcheck assess -o {out}\n",
    )
    assert answers_in(out) == {"problem-specific": Answer(AnswerValue.PARTLY)}


@pytest.mark.usefixtures("terminal")
def test_sigterm_before_any_answer(tmp_path: Path) -> None:
    outcome, _ = assess(tmp_path / "oak.yaml", "Oak", then=signals.Terminated())
    assert outcome == Outcome(
        exit_code=143, stderr="Ended by another program (SIGTERM) before any answer: nothing was saved.\n"
    )
    assert not (tmp_path / "oak.yaml").exists()


def test_the_sigterm_handler_ignores_more_and_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, object]] = []
    monkeypatch.setattr(signal, "signal", lambda signum, handler: seen.append((signum, handler)))
    with pytest.raises(signals.Terminated):
        signals.on_terminate(signal.SIGTERM, None)
    assert seen == [(signal.SIGTERM, signal.SIG_IGN)]


@pytest.mark.usefixtures("terminal")
def test_the_sigterm_handler_is_put_back(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGTERM)
    assess(tmp_path / "oak.yaml", *CONTEXT, "q")
    assert signal.getsignal(signal.SIGTERM) is before


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Has your data protection officer signed off a DPIA for this product?", ["DPIA"]),
        ("Will it take class lists from your MIS? Ask SLT.", ["MIS", "SLT"]),
        ("A written plan for monitoring (fidelity, reach, acceptability)?", ["fidelity, reach and acceptability"]),
        ("Have you held a pre-mortem?", ["pre-mortem"]),
        ("Agree with teachers how to reach them; the mission is clear", []),  # "reach" alone, "mis" in a word
    ],
)
def test_glossary_terms_in(text: str, terms: list[str]) -> None:
    assert glossary.terms_in(text) == terms


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
