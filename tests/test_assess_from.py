"""``implcheck assess --from LAST``: next term's interview offers last term's answers as defaults.

Scripted through ``assess_cmd.run`` (as the interview tests do, with ``assess_helpers``), then once in a real
pseudo-terminal with the installed command.
"""

from __future__ import annotations

import io
import os
import sys
from datetime import date
from pathlib import Path

import pexpect
import pytest

from assess_helpers import Script, flat
from helpers import ROOT, Write, answers_yaml
from implcheck.commands import Outcome
from implcheck.commands import assess as assess_cmd
from implcheck.errors import UsageError
from implcheck.interview.decide import ContextFlags
from implcheck.load import load_answers
from implcheck.model import AcceptedRisk, ActionStatus, AgreedAction, Answer, AnswerValue, Context, Respondent, Role

TODAY = date(2027, 3, 10)
SPRING = ContextFlags(term="2027-spring")
LAST = answers_yaml(
    "  problem-specific:\n"
    "    answer: yes\n"
    '    evidence: "SLT minutes, 3 May"\n'
    "    date: 2026-11-01\n"
    "  owner-named:\n"
    "    answer: partly\n"
    '    evidence: "Deputy head, 0.8 FTE"\n'
    "    date: 2026-11-02\n"
    "  single-sign-on: no\n"
    "actions:\n"
    "  - {item: single-sign-on, owner: IT lead, due: 2027-01-31, status: open}\n"
    "  - {item: owner-named, owner: Head, due: 2026-12-01, status: done}\n"
    "accepted_risks:\n"
    "  - {item: single-sign-on, reason: SSO in spring, approved_by: FGB 14/3, approved_on: 2026-11-12,"
    " expires: 2027-04-01}\n"
)
OPEN = AgreedAction("single-sign-on", "IT lead", "2027-01-31", ActionStatus.OPEN)
RISK = AcceptedRisk("single-sign-on", "SSO in spring", "FGB 14/3", "2026-11-12", "2027-04-01")


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assess_cmd, "stdin_is_terminal", lambda: True)


@pytest.fixture
def last(write: Write) -> Path:
    return write("last.yaml", LAST)


def assess(new: Path, last: Path, *lines: str, flags: ContextFlags = SPRING, ref: str | None = None) -> Outcome:
    return assess_cmd.run(ref, new, read=Script(*lines), today=TODAY, width=100, flags=flags, last=last)


def test_enter_keeps_last_terms_answer_and_the_context_comes_along(
    last: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new.yaml"
    outcome = assess(
        new,
        last,
        "",  # problem-specific: last term's yes
        "",  # and its evidence
        "y",  # owner-named: partly last term, yes now
        "Full-time deputy since January",  # new evidence: last term's date does not apply to it
        "",  # single-sign-on: last term's no
        "",  # no evidence
        "",  # training-planned: nothing last term, so Enter is not an answer
        "u",
        "",
        "n",  # the report offer
    )
    assert outcome == Outcome()
    sheet, _ = load_answers(new)
    assert sheet.context == Context(
        "Oakfield Primary",
        "Pobble for writing",
        "2027-spring",
        "2027-03-10",
        Respondent("A. Leader", Role.SENIOR_LEADER),
    )
    assert sheet.answers == {
        "problem-specific": Answer(AnswerValue.YES, "SLT minutes, 3 May", "2026-11-01"),
        "owner-named": Answer(AnswerValue.YES, "Full-time deputy since January"),
        "single-sign-on": Answer(AnswerValue.NO),
        "training-planned": Answer(AnswerValue.UNKNOWN),
    }
    assert (sheet.actions, sheet.accepted_risks) == ((OPEN,), (RISK,))
    assert sheet.checklist_ref == "checklists/mini.yaml"
    printed = capsys.readouterr().out
    assert "Explore · 1 of 4 · critical · last term: yes (Enter keeps it)\nIs there a specific problem?" in printed
    assert "Explore · 2 of 4 · last term: partly (Enter keeps it)\n" in printed
    assert "Prepare · 3 of 4 · last term: no (Enter keeps it)\n" in printed
    assert "Prepare · 4 of 4\nIs follow-up training planned? [y/p/n/u/na/?] \ny yes · p partly" in printed
    assert "Last term's evidence: SLT minutes, 3 May\nEvidence (Enter keeps it, - clears it): \n" in printed
    assert "1 gap accepted as a risk" in flat(printed)  # the verdict counts the carried risk
    text = new.read_text(encoding="utf-8")
    assert "  # Last term (2026-autumn): partly; evidence: Deputy head, 0.8 FTE (dated 2026-11-02)\n" in text


def test_stopping_part_way_says_to_carry_on_with_from(
    last: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new.yaml"
    assess(new, last, "", "", "q")
    assert f"To carry on, run:\n  implcheck assess --from {last} -o {new}\n" in capsys.readouterr().out
    text = new.read_text(encoding="utf-8")
    assert "  # Last term (2026-autumn): partly; evidence: Deputy head, 0.8 FTE (dated 2026-11-02)\n" in text
    assert "  # owner-named: not asked yet\n" in text
    # Carrying on, with --from again: the next question still offers last term's answer.
    assess(new, last, "", "", "q", flags=ContextFlags())
    printed = capsys.readouterr().out
    assert "Carrying on at question 2 of 4, the first not asked yet." in printed
    assert "Explore · 2 of 4 · last term: partly (Enter keeps it)\n" in printed
    sheet, _ = load_answers(new)
    assert sheet.answers["owner-named"] == Answer(AnswerValue.PARTLY, "Deputy head, 0.8 FTE", "2026-11-02")
    assert (sheet.actions, sheet.accepted_risks) == ((OPEN,), (RISK,))


def test_the_term_is_asked_and_may_not_be_last_terms(
    last: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new.yaml"
    assess(new, last, "2026-autumn", "", "2027-spring", "q", flags=ContextFlags())
    printed = capsys.readouterr().out
    # 10 March suggests 2027-spring, which is not last term's, so Enter would take it.
    assert "Term (last term was 2026-autumn; Enter for 2027-spring): 2026-autumn\n" in printed
    assert "Type the term these answers are for, such as the one after 2026-autumn.\n" in printed
    sheet, _ = load_answers(new)
    assert sheet.context.term == "2027-spring"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            {"ref": "edtech-readiness"},
            "give a checklist or --from, not both: --from uses the checklist {last} names, so leave out the checklist",
        ),
        (
            {"flags": ContextFlags(term="2026-Autumn")},
            "{last}: is already for term '2026-autumn'; give --term the term the new file is for, such as the next one",
        ),
        (
            {"flags": ContextFlags(term="2027-spring", school="Riverside")},
            "{last}: is for school 'Oakfield Primary', not 'Riverside'; leave out --school to carry on with it, "
            "or choose another -o",
        ),
    ],
)
def test_refusals(last: Path, tmp_path: Path, args: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError) as raised:
        assess(tmp_path / "new.yaml", last, **args)  # type: ignore[arg-type]
    assert str(raised.value) == message.format(last=last)
    assert not (tmp_path / "new.yaml").exists()


def test_never_over_last_terms_file_nor_from_a_folder(last: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        assess(last, last)
    assert str(raised.value) == (
        f"{last}: refusing to write there: it is {last}, one of this run's input files; choose another -o"
    )
    with pytest.raises(UsageError) as raised:
        assess(tmp_path / "new.yaml", tmp_path)
    assert str(raised.value) == (
        f"{tmp_path}: is a folder; --from takes one respondent's answers file, since each respondent answers next "
        "term in a file of their own. Run it once for each file in the folder, such as: "
        f"implcheck assess --from {tmp_path / 'last.yaml'} -o NEW.yaml"
    )


def test_carrying_on_from_another_schools_file_is_refused(last: Path, write: Write, tmp_path: Path) -> None:
    new = write("new.yaml", answers_yaml(school="Riverside Academy", term="2027-spring"))
    with pytest.raises(UsageError) as raised:
        assess(new, last, flags=ContextFlags())
    assert str(raised.value) == (
        f"{last}: is for school 'Oakfield Primary', but {new} is for 'Riverside Academy'; "
        "give --from last term's file for the same school and initiative"
    )


def test_carrying_on_with_another_checklists_file_is_refused(write: Write) -> None:
    new = write("new.yaml", answers_yaml(term="2027-spring"))  # Oakfield's Pobble, on the mini checklist
    autumn = ROOT / "examples/trust/schools/oakfield-primary/pobble/2026-autumn/senior-leader.yaml"
    with pytest.raises(UsageError) as raised:
        assess(new, autumn, flags=ContextFlags())
    assert str(raised.value) == (
        f"{autumn}: answers checklist 'termly-recheck', but {new} answers 'mini'; "
        "give --from last term's file for the same checklist"
    )


def test_without_a_terminal_points_to_init_from(last: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assess_cmd, "stdin_is_terminal", lambda: False)
    new = tmp_path / "new.yaml"
    for flags in (SPRING, ContextFlags()):  # the term given, or the one after last term's
        with pytest.raises(UsageError) as raised:
            assess(new, last, flags=flags)
        assert str(raised.value) == (
            "assess asks questions, so it needs a terminal (its input is not one). To answer without one, write it "
            f"with: implcheck init --from {last} --term 2027-spring -o {new}, edit it, then run: implcheck check {new}"
        )


def test_assess_keeps_a_files_actions_and_risks(write: Write, tmp_path: Path) -> None:
    this_term = LAST.replace("2026-autumn", "2027-spring")
    path = write("this.yaml", this_term.replace("  single-sign-on: no\n", ""))
    before, _ = load_answers(path)
    assess_cmd.run(None, path, read=Script("y", "", "q"), today=TODAY, width=100)
    sheet, _ = load_answers(path)
    assert sheet.answers["single-sign-on"] == Answer(AnswerValue.YES)
    assert len(sheet.actions) == 2  # all of them, done ones too: only --from leaves those behind
    assert (sheet.actions, sheet.accepted_risks) == (before.actions, (RISK,))


# --- in a real terminal -------------------------------------------------------------------

IMPLCHECK = str(Path(sys.executable).parent / "implcheck")


@pytest.mark.slow
def test_assess_from_in_a_terminal(last: Path, tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", NO_COLOR="1")
    child = pexpect.spawn(
        IMPLCHECK,
        ["assess", "--from", "last.yaml", "--term", "2027-spring", "-o", "new.yaml"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=20,
    )
    child.logfile_read = io.StringIO()
    child.expect(r"Explore · 1 of 4 · critical · last term: yes \(Enter keeps it\)")
    child.expect(r"\[y/p/n/u/\?\] ")
    child.sendline("")
    child.expect("Last term's evidence: SLT minutes, 3 May")
    child.expect(r"Evidence \(Enter keeps it, - clears it\): ")
    child.sendline("")
    child.expect(r"Explore · 2 of 4 · last term: partly \(Enter keeps it\)")
    child.expect(r"\[y/p/n/u/na/\?\] ")
    child.sendline("n")
    child.expect(r"Evidence \(Enter keeps it, - clears it\): ")
    child.sendline("-")
    child.expect(r"Prepare · 3 of 4 · last term: no \(Enter keeps it\)")
    child.sendline("q")
    child.expect("To carry on, run:")
    child.expect(r"implcheck assess --from last.yaml -o new.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    sheet, _ = load_answers(tmp_path / "new.yaml")
    assert sheet.answers == {
        "problem-specific": Answer(AnswerValue.YES, "SLT minutes, 3 May", "2026-11-01"),
        "owner-named": Answer(AnswerValue.NO),
    }
    assert (sheet.context.term, sheet.actions, sheet.accepted_risks) == ("2027-spring", (OPEN,), (RISK,))


def test_a_renamed_questions_answer_is_offered_and_a_retired_one_kept(tmp_path: Path) -> None:
    """Last term's file was written for mini 1.0; the checklist is now 1.1, which renamed
    owner-named (to senior-owner) and retired training-planned."""
    (tmp_path / "checklists").mkdir()
    (tmp_path / "checklists" / "mini.yaml").write_text(
        (ROOT / "tests" / "fixtures" / "mini-1.1.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    last = tmp_path / "last.yaml"
    last.write_text(LAST.replace("  single-sign-on: no\n", "  single-sign-on: no\n  training-planned: no\n"))
    new = tmp_path / "new.yaml"
    outcome = assess(new, last, "", "", "", "", "", "", "n")
    assert outcome.exit_code in (0, 1), outcome.stderr
    sheet, _ = load_answers(new)
    assert sheet.answers["senior-owner"] == Answer(AnswerValue.PARTLY, "Deputy head, 0.8 FTE", "2026-11-02")
    assert sheet.checklist_version == "1.1"
    assert "  # “training-planned” was retired: Merged into the owner's plan.\n" in new.read_text(encoding="utf-8")
