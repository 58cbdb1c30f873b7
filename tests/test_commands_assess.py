"""``commands/assess.py``: the command end to end (refusals before any question, a terminal
that is not one or goes away) and through the CLI."""

from __future__ import annotations

import errno
import os
import shutil
import signal
from pathlib import Path

import pytest

from assess_helpers import (
    CONTEXT,
    Write,
    answers_in,
    assess,
    invoke,
    mini_beside,
    runner,
)
from helpers import MINI, answers_yaml
from implcheck.cli import app
from implcheck.commands import Outcome
from implcheck.commands import assess as assess_cmd
from implcheck.interview import signals
from implcheck.interview.decide import (
    ContextFlags,
)
from implcheck.load import load_answers
from implcheck.model import Answer, AnswerValue, Role


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
    assert (
        "✓ READY   score 100/100   confidence 100%\n"
        "Confidence: share of questions answered and agreed on (4 of 4 answered)\n"
    ) in result.stdout
    check = runner.invoke(app, ["check", str(out)])
    assert check.exit_code == 0
    assert "✓ READY   score 100/100" in check.stdout


@pytest.mark.usefixtures("terminal")
def test_cli_quit_and_run_again(tmp_path: Path) -> None:
    out = tmp_path / "oak.yaml"
    first = invoke(mini_beside(out), "-o", out, input="Oak\nPobble\n\nit\n\np\nsome evidence\nq\n")
    assert first.exit_code == 0, first.output
    assert f"To carry on, run:\n  implcheck assess -o {out}\n" in first.stdout
    # --resume: the same, but FILE must exist
    again = invoke("-o", out, "--resume", input="q\n")
    assert again.exit_code == 0
    assert (
        "Carrying on at question 2 of 4, the first not asked yet.\nSo far: 1 of 4 answered, 3 not asked yet."
        in again.stdout
    )
    assert answers_in(out)["problem-specific"] == Answer(AnswerValue.PARTLY, "some evidence")


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


def test_resume_and_restart_together_are_refused(tmp_path: Path) -> None:
    result = invoke(MINI, "-o", tmp_path / "oak.yaml", "--resume", "--restart")
    assert (result.exit_code, result.stderr) == (
        2,
        "implcheck: error: --resume carries on and --restart starts again: give one of them\n",
    )


@pytest.mark.usefixtures("terminal")
def test_a_pupil_is_asked_only_the_pupils_questions_in_a_pupils_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pupil.yaml"
    roles = tmp_path / "roles.yaml"
    shutil.copyfile(MINI.parent / "roles.yaml", roles)
    flags = ContextFlags("Oakfield Primary", "Pobble for writing", "2026-autumn", Role.PUPIL, "")
    outcome, _ = assess(out, "y", "", "n", "", "n", ref=str(roles), flags=flags)
    assert outcome == Outcome()
    printed = capsys.readouterr().out
    assert "2 questions, about 1 minute: the ones a pupil is asked.\n" in printed
    assert "Can you log in with your usual school login? [y/p/n/u/na/?]" in printed
    assert "Does it help you learn? [y/p/n/u/na/?]" in printed
    assert "Is the budget agreed for three years? [" not in printed  # never asked
    sheet, _ = load_answers(out)
    assert sheet.checklist_version == "2.0"
    assert sheet.answers == {"single-sign-on": Answer(AnswerValue.YES), "pupils-enjoy": Answer(AnswerValue.NO)}
