"""``implcheck assess`` in a real pseudo-terminal: the installed command, driven as a person would.

Each step checks the answers file on disk (through ``load.load_answers``), because the promise is
that nothing is lost: not on Ctrl-C, not on ``kill -9`` between answers, not when the terminal
closes. ``expect`` timeouts only guard against hangs; nothing here measures time.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from helpers import MINI
from implcheck.load import load_answers, load_checklist
from implcheck.model import Answer, AnswerValue, Role

pytestmark = pytest.mark.slow

IMPLCHECK = str(Path(sys.executable).parent / "implcheck")
STYLE = r"(?:\x1b\[[0-9;]*m)*"  # in colour, parts of a prompt are bold or dim
QUESTION = rf"\[y/p/n/u(/na)?/\?\]{STYLE} "
EVIDENCE = rf"Evidence {STYLE}\(Enter (to skip|keeps it, - clears it)\){STYLE}: "
SGR = re.compile(r"\x1b\[[0-9;]*m")  # colour and bold codes


def spawn(cwd: Path, *args: str, columns: int = 60, color: bool = False) -> pexpect.spawn:
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    if not color:
        env["NO_COLOR"] = "1"
    child = pexpect.spawn(
        IMPLCHECK, ["assess", *args], cwd=str(cwd), env=env, encoding="utf-8", dimensions=(40, columns), timeout=20
    )
    child.logfile_read = io.StringIO()
    return child


def transcript(child: pexpect.spawn) -> str:
    log = child.logfile_read
    assert isinstance(log, io.StringIO)
    return log.getvalue()


def answer(child: pexpect.spawn, key: str, evidence: str | None = None) -> None:
    child.expect(QUESTION)
    child.sendline(key)
    if evidence is not None:
        child.expect(EVIDENCE)
        child.sendline(evidence)


def words(sentence: str) -> str:
    """A pattern for ``sentence`` however the 60-column screen breaks it between words."""
    return r"\s+".join(re.escape(word) for word in sentence.split())


@pytest.fixture(autouse=True)
def _checklist_beside(tmp_path: Path) -> None:
    """The sessions answer a copy of the mini checklist in their own folder, as a school would."""
    shutil.copyfile(MINI, tmp_path / MINI.name)


def answers(path: Path) -> dict[str, Answer]:
    sheet, _ = load_answers(path)
    return {item_id: a for item_id, a in sheet.answers.items() if a.value is not AnswerValue.UNKNOWN}


def ended(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus is None, f"killed by signal {child.signalstatus}"
    assert isinstance(child.exitstatus, int)
    return child.exitstatus


def test_interrupt_resume_kill_hang_up_and_finish(tmp_path: Path) -> None:
    oak = tmp_path / "oak.yaml"

    # 1. A new session: context first, then answer, go back, skip, answer, and press Ctrl-C.
    child = spawn(tmp_path, MINI.name, "-o", "oak.yaml")
    for prompt, typed in [
        ("School: ", "Oakfield Primary"),
        (r"Initiative \(the product or change\): ", "Pobble for writing"),
        (r"Term \(Enter for \d{4}-\w+\): ", "2026-autumn"),
        (r"Your role \[senior-leader/teacher/it/governor/pupil/other\]: ", "t"),
        (r"Your name \(Enter to leave it out\): ", "Sam"),
    ]:
        child.expect(prompt)
        child.sendline(typed)
    child.expect("y yes · p partly · n no · u don't know · na doesn't apply")
    child.expect("s skip for now · b back · \\? help · q save and stop")
    child.expect("Explore · 1 of 4 · critical")
    answer(child, "?")
    child.expect("Why: Without one, nobody knows what success is.")
    answer(child, "yes", "SLT minutes, 3 May")
    child.expect("Explore · 2 of 4")
    answer(child, "b")
    child.expect(r"Explore · 1 of 4 · critical · now: yes \(Enter keeps it\)")
    answer(child, "")  # keep it
    answer(child, "s")  # skip owner-named for now
    answer(child, "n")
    child.expect("Prepare · 4 of 4")
    child.expect(QUESTION)
    assert answers(oak) == {
        "problem-specific": Answer(AnswerValue.YES, "SLT minutes, 3 May"),
        "single-sign-on": Answer(AnswerValue.NO),
    }
    child.sendintr()
    child.expect(words("Interrupted. Saved in oak.yaml: 2 of 4 answered, 2 not asked yet."))
    child.expect("To carry on: implcheck assess -o oak.yaml")
    assert ended(child) == 130
    sheet, _ = load_answers(oak)
    assert (sheet.context.school, sheet.context.respondent.role) == ("Oakfield Primary", Role.TEACHER)

    # 2. --resume starts at the skipped item; answer it, then kill -9 between answers.
    child = spawn(tmp_path, "--resume", "-o", "oak.yaml")
    child.expect(r"Carrying on at question 2 of 4, the first not asked yet\.")
    child.expect(r"So far: 2 of 4 answered, 2 not asked yet\.")
    child.expect("Explore · 2 of 4")
    answer(child, "p")  # weight 2: no evidence asked
    child.expect("Prepare · 4 of 4")  # single-sign-on was answered before: not asked again
    child.expect(QUESTION)
    child.kill(signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGKILL
    assert answers(oak) == {
        "problem-specific": Answer(AnswerValue.YES, "SLT minutes, 3 May"),
        "owner-named": Answer(AnswerValue.PARTLY),
        "single-sign-on": Answer(AnswerValue.NO),
    }
    written = ["implcheck-answers-mini.schema.json", "mini.yaml", "oak.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == written  # no temp

    # 3. Running again on the file carries on too; the terminal is closed under it (SIGHUP).
    before = oak.read_text(encoding="utf-8")
    child = spawn(tmp_path, "-o", "oak.yaml")
    child.expect("Prepare · 4 of 4")
    child.expect(QUESTION)
    child.kill(signal.SIGHUP)
    assert ended(child) == 129
    assert oak.read_text(encoding="utf-8") == before

    # 4. Finish: the verdict as `check` prints it, then the commands for later.
    child = spawn(tmp_path, "--resume", "-o", "oak.yaml")
    answer(child, "y")
    child.expect("Result")
    child.expect(r"✗ NOT READY   score \d+/100   confidence 100%")  # 60 columns: the rest wraps
    child.expect(r"Write the governors' report to oak\.html now\? \[y/N\] ")
    child.sendline("y")
    child.expect(r"Wrote the governors' report to oak\.html\s+\(verdict:\s+not\s+ready\)\.")
    child.expect("Later, to score")
    assert "<html" in (tmp_path / "oak.html").read_text(encoding="utf-8")
    child.expect("implcheck check oak.yaml")
    child.expect("implcheck report oak.yaml -o oak.html")
    assert ended(child) == 0
    assert answers(oak)["training-planned"] == Answer(AnswerValue.YES)
    check = subprocess.run([IMPLCHECK, "check", "oak.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert check.returncode == 1  # not ready: the gate fails
    assert re.search(r"✗ NOT READY   score \d+/100   confidence 100%\n", check.stdout)
    assert "Confidence: share of questions answered and agreed on (4 of 4 answered)" in " ".join(check.stdout.split())
    assert not SGR.search(transcript(child)), "NO_COLOR is set: no colour or bold codes"


def test_closing_the_terminal_keeps_every_answer(tmp_path: Path) -> None:
    oak = tmp_path / "oak.yaml"
    child = spawn(
        tmp_path, MINI.name, "-o", "oak.yaml", "--school", "Oak", "--initiative", "Pobble", "--term", "2026-autumn",
        "--role", "it", "--name", "Kim",
    )  # fmt: skip
    answer(child, "p", "Written down, not yet shared")
    child.expect("Explore · 2 of 4")
    child.expect(QUESTION)
    os.close(child.child_fd)  # the terminal window closes: the kernel sends SIGHUP
    child.ptyproc.closed = True  # so pexpect does not close it again
    child.wait()
    assert (child.exitstatus, child.signalstatus) == (129, None)
    assert answers(oak) == {"problem-specific": Answer(AnswerValue.PARTLY, "Written down, not yet shared")}


def test_the_shipped_checklist_at_120_columns_in_colour(tmp_path: Path) -> None:
    total = len(load_checklist(Path(__file__).resolve().parents[1] / "checklists" / "edtech-readiness.yaml").items)
    child = spawn(
        tmp_path, "-o", "oak.yaml", "--school", "Oak", "--initiative", "Pobble", "--term", "2026-autumn",
        "--role", "senior-leader", "--name", "A. Leader", columns=120, color=True,
    )  # fmt: skip
    child.expect(f"Explore · 1 of {total}")
    answer(child, "partly", "A sentence, no data yet")
    child.expect(f"2 of {total}")
    answer(child, "q")
    child.expect(f"Saved to oak.yaml: 1 of {total} answered, {total - 1} not asked yet.")
    assert ended(child) == 0
    assert SGR.search(transcript(child)), "a colour terminal gets styles"
    sheet, checklist = load_answers(tmp_path / "oak.yaml")
    assert (sheet.checklist_ref, checklist.id) == ("edtech-readiness", "edtech-readiness")
    first = checklist.items[0].id
    assert sheet.answers[first] == Answer(AnswerValue.PARTLY, "A sentence, no data yet")


def test_na_needs_a_reason_and_is_refused_on_critical_items(tmp_path: Path) -> None:
    child = spawn(
        tmp_path, MINI.name, "-o", "oak.yaml", "--school", "Oak", "--initiative", "Pobble", "--term", "2026-autumn",
        "--role", "it", "--name", "",
    )  # fmt: skip
    answer(child, "na")
    child.expect("This question is critical: a gap here blocks readiness, so")
    answer(child, "u")  # evidence is asked after a yes or partly only
    answer(child, "na")
    child.expect(r"Why does it not apply\? \(needed\): ")
    child.sendline("")
    child.expect('Not saved: "doesn\'t apply" needs a reason. Answer again.')
    answer(child, "na")
    child.expect(r"Why does it not apply\? \(needed\): ")
    child.sendline("The trust's central team owns it")
    child.expect("Prepare · 3 of 4")
    answer(child, "q")
    assert ended(child) == 0
    sheet, _ = load_answers(tmp_path / "oak.yaml")
    assert sheet.answers["problem-specific"] == Answer(AnswerValue.UNKNOWN)
    assert sheet.answers["owner-named"] == Answer(AnswerValue.NA, "The trust's central team owns it")


def test_not_a_terminal_fails_at_once(tmp_path: Path) -> None:
    result = subprocess.run(
        [IMPLCHECK, "assess", "-o", "oak.yaml"], cwd=tmp_path, input="y\n", capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.startswith("implcheck: error: assess asks questions, so it needs a terminal")
    assert "implcheck init edtech-readiness -o oak.yaml" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "oak.yaml").exists()


CONTEXT_FLAGS = ["--school", "Oak", "--initiative", "Pobble", "--term", "2026-autumn", "--role", "it", "--name", "Kim"]
LEGEND = "y yes · p partly · n no · u don't know · na doesn't apply"
MOVES = r"s skip for now · b back · \? help · q save and stop"


def test_the_legend_at_the_start_at_each_section_and_after_a_wrong_key(tmp_path: Path) -> None:
    child = spawn(tmp_path, MINI.name, "-o", "oak.yaml", *CONTEXT_FLAGS)
    child.expect("Explore: deciding what problem to solve")
    child.expect(LEGEND)
    child.expect(MOVES)
    answer(child, "maybe")  # not a key: the legend again, without na on this critical question
    child.expect(r"maybe\r\ny yes · p partly · n no · u don't know\r\n" + MOVES)
    answer(child, "")  # Enter with no answer to keep: the same
    child.expect(r"\r\ny yes · p partly · n no · u don't know\r\n" + MOVES)
    answer(child, "?")
    child.expect(r"u don't know · Enter keeps")  # help on a critical question: no na either
    answer(child, "y", "")
    answer(child, "n")
    child.expect("Prepare: getting ready before the launch")
    child.expect(LEGEND)  # and at each new section
    answer(child, "q")
    assert ended(child) == 0
    assert "Not a key" not in transcript(child)


def test_dont_know_is_an_answer_and_carrying_on_starts_after_it(tmp_path: Path) -> None:
    oak = tmp_path / "oak.yaml"
    child = spawn(tmp_path, MINI.name, "-o", "oak.yaml", *CONTEXT_FLAGS)
    answer(child, "u")
    answer(child, "y")
    child.expect("Prepare · 3 of 4")
    child.expect(QUESTION)
    child.sendintr()
    child.expect(words("Interrupted. Saved in oak.yaml: 1 of 4 answered, 1 don't know, 2 not asked yet."))
    assert ended(child) == 130
    assert "  problem-specific: unknown\n" in oak.read_text(encoding="utf-8")  # an explicit don't know
    assert "  # single-sign-on: not asked yet\n" in oak.read_text(encoding="utf-8")

    child = spawn(tmp_path, "-o", "oak.yaml")
    child.expect(r"Carrying on at question 3 of 4, the first not asked yet\.")
    child.expect(r"So far: 1 of 4 answered, 1 don't know, 2 not asked yet\.")
    answer(child, "b")  # back to owner-named, then back again to the "don't know"
    answer(child, "b")
    child.expect(r"Explore · 1 of 4 · critical · now: don't know \(Enter")
    answer(child, "")  # Enter keeps "don't know", and goes on to the next not asked yet
    child.expect("Prepare · 3 of 4")
    answer(child, "n")
    answer(child, "p")
    child.expect(r"confidence 75%")
    child.expect(words("share of questions answered and agreed on (3 of 4 answered)"))
    child.expect(r"Still unknown \(1\)")
    child.expect("Is there a specific problem?")
    child.expect(r"\[y/N\] ")
    child.sendline("")
    assert ended(child) == 0
    assert answers(oak)["single-sign-on"] == Answer(AnswerValue.NO)
    sheet, _ = load_answers(oak)
    assert sheet.answers["problem-specific"] == Answer(AnswerValue.UNKNOWN)


def test_skipped_questions_are_offered_again_and_can_wait(tmp_path: Path) -> None:
    oak = tmp_path / "oak.yaml"
    child = spawn(tmp_path, MINI.name, "-o", "oak.yaml", *CONTEXT_FLAGS)
    answer(child, "s")
    answer(child, "y")
    answer(child, "s")
    answer(child, "y")
    child.expect(r"You skipped 2 questions\. Answer them now\? \[Y/n\] ")
    child.sendline("n")
    child.expect("Result")
    child.expect(r"To answer the rest later \(2 not asked yet\), run:")
    child.expect(r"\[y/N\] ")
    child.sendline("n")
    assert ended(child) == 0
    assert set(answers(oak)) == {"owner-named", "training-planned"}

    child = spawn(tmp_path, "-o", "oak.yaml")
    child.expect(r"Carrying on at question 1 of 4")
    answer(child, "s")
    child.expect("Prepare · 3 of 4")  # the next one not asked yet
    answer(child, "n")
    child.expect(r"You skipped 1 question\. Answer it now\? \[Y/n\] ")
    child.sendline("")  # yes
    child.expect("Explore · 1 of 4")
    answer(child, "y", "")
    child.expect("Result")
    child.expect(r"\[y/N\] ")
    child.sendline("")
    assert ended(child) == 0
    assert set(answers(oak)) == {"problem-specific", "owner-named", "single-sign-on", "training-planned"}


def test_restart_asks_before_clearing(tmp_path: Path) -> None:
    oak = tmp_path / "oak.yaml"
    child = spawn(tmp_path, MINI.name, "-o", "oak.yaml", *CONTEXT_FLAGS)
    answer(child, "y", "SLT minutes")
    answer(child, "q")
    assert ended(child) == 0
    before = oak.read_text(encoding="utf-8")

    child = spawn(tmp_path, "--restart", "-o", "oak.yaml")
    child.expect(r"oak\.yaml has 1 of 4 answered, 3 not asked yet\. Clear every")
    child.expect(r"answer and start again\? \[y/N\] ")
    child.sendline("")
    child.expect("Nothing was changed. To carry on with it, run:")
    child.expect("implcheck assess -o oak.yaml")
    assert ended(child) == 0
    assert oak.read_text(encoding="utf-8") == before

    child = spawn(tmp_path, "--restart", "-o", "oak.yaml")
    child.expect(r"\[y/N\] ")
    child.sendline("y")
    child.expect("Explore · 1 of 4 · critical\r\n")  # no "now: yes": the answer is gone
    child.expect(QUESTION)
    assert answers(oak) == {}
    child.sendline("q")
    assert ended(child) == 0
    sheet, _ = load_answers(oak)
    assert sheet.context.school == "Oak"


def test_sigterm_says_what_is_saved_and_leaves_a_valid_file(tmp_path: Path) -> None:
    oak = tmp_path / "oak.yaml"
    child = spawn(tmp_path, MINI.name, "-o", "oak.yaml", *CONTEXT_FLAGS)
    answer(child, "p", "A sentence")
    child.expect("Explore · 2 of 4")
    child.expect(QUESTION)
    child.kill(signal.SIGTERM)
    child.expect(words("Ended by another program (SIGTERM). Saved in oak.yaml: 1 of 4 answered, 3 not asked yet."))
    child.expect("To carry on: implcheck assess -o oak.yaml")
    assert ended(child) == 143
    assert answers(oak) == {"problem-specific": Answer(AnswerValue.PARTLY, "A sentence")}
