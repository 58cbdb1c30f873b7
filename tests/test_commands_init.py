"""``implcheck init --from LAST --term T``: next term's file, end to end through the CLI."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner, Result

from helpers import Write, answers_yaml
from implcheck.cli import app
from implcheck.commands import init as init_cmd
from implcheck.load import load_answers
from implcheck.model import AcceptedRisk, ActionStatus, AgreedAction, Answer, AnswerValue
from implcheck.yamlsource import load_document

runner = CliRunner()

LEDGER = """\
actions:
  - {item: owner-named, owner: J. Patel, due: 2026-10-01, status: open, note: still owed}
  - {item: training-planned, owner: IT, due: 2026-11-01, status: done}
accepted_risks:
  - {item: single-sign-on, reason: SSO in spring, approved_by: FGB 14/3, approved_on: 2026-11-12, expires: 2027-04-01}
  - {item: training-planned, reason: old, approved_by: FGB 2/1, approved_on: 2025-12-01, expires: 2026-11-19}
"""
LAST = answers_yaml(
    "  problem-specific: yes\n"
    "  owner-named:\n"
    "    answer: partly\n"
    '    evidence: "Deputy head, 0.8 FTE"\n'
    "    date: 2026-11-01\n"
    "  single-sign-on: no\n"
)


def invoke(*args: str | Path) -> Result:
    return runner.invoke(app, [str(a) for a in args], prog_name="implcheck")


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(init_cmd, "_today", lambda: date(2027, 3, 10))


@pytest.fixture
def last(write: Write) -> Path:
    return write("2026-autumn/leader.yaml", LAST + LEDGER)


def test_writes_next_terms_file_with_last_terms_answers_beside_each_item(last: Path, tmp_path: Path) -> None:
    new = tmp_path / "2026-autumn" / "next.yaml"
    result = invoke("init", "--from", last, "--term", "2027-spring", "-o", new)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == (
        f"wrote {new} for 2027-spring (4 questions, about 2 minutes, all unknown, last term's answer beside each) and "
        f"{new.parent / 'implcheck-answers-mini.schema.json'} for editor validation.\n"
        "Carried 1 open action and 1 accepted risk; left behind 1 done or dropped action "
        "and 1 accepted risk already expired last term, on “Is follow-up training planned?”.\n"
        "assessed_on is today, 2027-03-10: change it to the day you answer.\n"
        f"Next: answer each item again, then run: implcheck check {new}\n"
    )
    text = new.read_text(encoding="utf-8")
    assert (
        "  # Is there a named senior owner? (weight 2)\n"
        "  # Why: Nobody drives it.\n"
        "  # Last term (2026-autumn): partly; evidence: Deputy head, 0.8 FTE (dated 2026-11-01)\n"
        "  owner-named: unknown\n"
    ) in text
    assert "  # Last term (2026-autumn): not answered\n  training-planned: unknown\n" in text
    sheet, _ = load_answers(new)
    assert sheet.answers == {item: Answer(AnswerValue.UNKNOWN) for item in sheet.answers}
    assert len(sheet.answers) == 4
    assert (sheet.context.term, sheet.context.assessed_on, sheet.context.school) == (
        "2027-spring",
        "2027-03-10",
        "Oakfield Primary",
    )
    assert sheet.context.respondent.name == "A. Leader"
    assert sheet.actions == (AgreedAction("owner-named", "J. Patel", "2026-10-01", ActionStatus.OPEN, "still owed"),)
    assert sheet.accepted_risks == (
        AcceptedRisk("single-sign-on", "SSO in spring", "FGB 14/3", "2026-11-12", "2027-04-01"),
    )
    assert invoke("validate", new).exit_code == 0
    schema = json.loads((new.parent / "implcheck-answers-mini.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(load_document(new).data, schema)


def test_check_on_the_new_file_says_nothing_is_answered_yet(last: Path, tmp_path: Path) -> None:
    new = tmp_path / "2026-autumn" / "next.yaml"
    assert invoke("init", "--from", last, "--term", "2027-spring", "-o", new).exit_code == 0
    result = invoke("check", new)
    assert result.exit_code == 1
    assert "Confidence: share of questions answered and agreed on (0 of 4 answered)\n" in result.stdout


def test_a_checklist_path_is_written_relative_to_the_new_file(last: Path, tmp_path: Path) -> None:
    (tmp_path / "2027-spring").mkdir()
    new = tmp_path / "2027-spring" / "leader.yaml"
    result = invoke("init", "--from", last, "--term", "2027-spring", "-o", new)
    assert result.exit_code == 0, result.output
    assert 'checklist: "../2026-autumn/checklists/mini.yaml"\n' in new.read_text(encoding="utf-8")
    checklists = tmp_path / "2026-autumn" / "checklists"
    assert result.stderr.endswith(
        f"Next: answer each item again, then run: implcheck check --checklist-dir {os.path.relpath(checklists)} {new}\n"
    )
    assert invoke("validate", "--checklist-dir", checklists, new).exit_code == 0


def test_printed_when_no_output_is_given(last: Path) -> None:
    result = invoke("init", "--from", last, "--term", "2027-spring")
    assert result.exit_code == 0, result.output
    assert 'checklist: "checklists/mini.yaml"\n' in result.stdout
    assert '  term: "2027-spring"  # e.g. 2026-autumn\n' in result.stdout
    assert result.stderr == ""


def test_to_a_stream_the_file_is_written_as_printed_with_no_schema_beside(last: Path, tmp_path: Path) -> None:
    result = invoke("init", "--from", last, "--term", "2027-spring", "-o", "/dev/null")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert not (Path("/dev") / "implcheck-answers-mini.schema.json").exists()


def test_term_is_needed_with_from(last: Path, tmp_path: Path) -> None:
    result = invoke("init", "--from", last, "-o", tmp_path / "new.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        "implcheck: error: --from needs --term: the term the new file is for, such as 2027-spring "
        "(last term's file is for 2026-autumn)\n"
    )
    assert not (tmp_path / "new.yaml").exists()


def test_the_new_term_cannot_be_last_terms(last: Path, tmp_path: Path) -> None:
    result = invoke("init", "--from", last, "--term", "2026-Autumn", "-o", tmp_path / "new.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        f"implcheck: error: {last}: is already for term '2026-autumn'; give --term the term the new file is for, "
        "such as the next one\n"
    )


def test_never_over_last_terms_file_nor_an_existing_one(last: Path, tmp_path: Path) -> None:
    before = last.read_text(encoding="utf-8")
    result = invoke("init", "--from", last, "--term", "2027-spring", "-o", last, "--force")
    assert result.exit_code == 2
    assert result.stderr == (
        f"implcheck: error: {last}: refusing to write there: it is {last}, one of this run's input files; "
        "choose another -o\n"
    )
    new = tmp_path / "new.yaml"
    new.write_text("precious", encoding="utf-8")
    result = invoke("init", "--from", last, "--term", "2027-spring", "-o", new)
    assert result.exit_code == 2
    assert (
        result.stderr == f"implcheck: error: {new}: already exists; use --force to overwrite it, or choose another -o\n"
    )
    assert (last.read_text(encoding="utf-8"), new.read_text(encoding="utf-8")) == (before, "precious")
    assert invoke("init", "--from", last, "--term", "2027-spring", "-o", new, "--force").exit_code == 0
    assert "owner-named: unknown" in new.read_text(encoding="utf-8")


def test_a_broken_last_file_exits_2_with_each_problem_located(write: Write, tmp_path: Path) -> None:
    bad = write("bad.yaml", answers_yaml("  owner-nmed: yes\n  single-sign-on: maybe\n"))
    result = invoke("init", "--from", bad, "--term", "2027-spring", "-o", tmp_path / "new.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        f"{bad}:9:3: unknown item id 'owner-nmed' (did you mean 'owner-named'?); "
        "see `implcheck show checklists/mini.yaml` for the item ids (unknown-item)\n"
        f"{bad}:10:19: answer must be one of yes, partly, no, unknown, na; got 'maybe' (bad-value)\n"
    )
    assert not (tmp_path / "new.yaml").exists()
    missing = invoke("init", "--from", tmp_path / "nope.yaml", "--term", "2027-spring")
    assert (missing.exit_code, missing.stderr) == (2, f"{tmp_path / 'nope.yaml'}:1:1: no such file (file-unreadable)\n")


def test_a_folder_of_respondents_is_refused_with_a_command_for_one_file(last: Path) -> None:
    result = invoke("init", "--from", last.parent, "--term", "2027-spring")
    assert result.exit_code == 2
    assert result.stderr == (
        f"implcheck: error: {last.parent}: is a folder; --from takes one respondent's answers file, since each "
        "respondent answers next term in a file of their own. Run it once for each file in the folder, such as: "
        f"implcheck init --from {last} --term 2027-spring -o NEW.yaml\n"
    )


def test_a_checklist_and_from_together_or_neither(last: Path) -> None:
    both = invoke("init", "edtech-readiness", "--from", last, "--term", "2027-spring")
    assert (both.exit_code, both.stderr) == (
        2,
        f"implcheck: error: give a checklist or --from, not both: --from uses the checklist {last} names, "
        "so leave out the checklist\n",
    )
    neither = invoke("init")
    assert (neither.exit_code, neither.stderr) == (
        2,
        "implcheck: error: name the checklist to answer (implcheck checklists lists them), "
        "or give --from LAST.yaml --term TERM to start from last term's answers file\n",
    )


def test_term_without_from_fills_in_a_blank_files_term() -> None:
    result = invoke("init", "edtech-readiness", "--term", "2027-spring")
    assert result.exit_code == 0
    assert '  term: "2027-spring"  # e.g. 2026-autumn\n' in result.stdout
    assert '  assessed_on: ""  # YYYY-MM-DD\n' in result.stdout


def test_hostile_evidence_round_trips_to_a_loadable_file(write: Write, tmp_path: Path) -> None:
    evidence = r"line one\n  problem-specific: yes\u2028\x85 # \x00 \u202e \"quoted\""
    last = write("hostile.yaml", answers_yaml(f'  owner-named:\n    answer: partly\n    evidence: "{evidence}"\n'))
    new = tmp_path / "new.yaml"
    assert invoke("init", "--from", last, "--term", "2027-spring", "-o", new).exit_code == 0
    text = new.read_text(encoding="utf-8")
    assert (
        "  # Last term (2026-autumn): partly; evidence: line one problem-specific: yes # \\x00 \\u202e\n"
        '  #                          "quoted"\n'
        "  owner-named: unknown\n"
    ) in text
    sheet, _ = load_answers(new)
    assert set(sheet.answers.values()) == {Answer(AnswerValue.UNKNOWN)}
    assert invoke("validate", new).exit_code == 0
