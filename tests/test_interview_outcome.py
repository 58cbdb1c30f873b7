"""``interview/outcome.py``: how an interview ends: the verdict, the report offered, and what
is said when it is stopped (Ctrl-C, SIGTERM) before or after the first save."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess_helpers import (
    ALL_BUT_LAST,
    CONTEXT,
    Write,
    answers_in,
    assess,
)
from helpers import answers_yaml
from implcheck.commands import Outcome
from implcheck.errors import UsageError
from implcheck.interview import signals
from implcheck.model import Answer, AnswerValue
from implcheck.result import Result as Scored
from implcheck.result import Verdict


@pytest.mark.usefixtures("terminal")
def test_every_item_answered_goes_straight_to_the_verdict(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    body = "  problem-specific: yes\n  owner-named: yes\n  single-sign-on: yes\n  training-planned: yes\n"
    path = write("oak.yaml", answers_yaml(body))
    before = path.read_text(encoding="utf-8")
    outcome, _ = assess(path, ref=None)
    assert outcome == Outcome()
    printed = capsys.readouterr().out
    assert "All 4 questions already have an answer.\n" in printed
    assert (
        "✓ READY   score 100/100   confidence 100%\n"
        "Confidence: share of questions answered and agreed on (4 of 4 answered)\n"
    ) in printed
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
def test_the_report_is_offered_and_written(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("oak.yaml", answers_yaml(ALL_BUT_LAST))
    calls: list[tuple[Verdict, Path]] = []

    def writer(result: Scored, output: Path) -> str:
        calls.append((result.verdict, output))
        return f"wrote {output}"

    outcome, script = assess(path, "y", "y", ref=None, report_writer=writer)
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

    outcome, script = assess(path, "y", "yes", ref=None, report_writer=writer)
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
