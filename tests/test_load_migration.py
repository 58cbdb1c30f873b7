"""Files written for an earlier checklist version, end to end: loaded, checked, reported,
compared, carried into a new term and counted in a portfolio; bad ones refused at file:line."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner, Result

from helpers import FIXTURES, answers_yaml
from implcheck import schemas
from implcheck.cli import app
from implcheck.commands import init as init_cmd
from implcheck.load import load_answers
from implcheck.model import AcceptedRisk, ActionStatus, AgreedAction, Answer, AnswerValue, Migration
from implcheck.yamlsource import load_document

MINI_11 = "checklists/mini-1.1.yaml"
RETIRED = "Merged into the owner's plan."
runner = CliRunner()


def invoke(*args: str | Path) -> Result:
    return runner.invoke(app, [str(a) for a in args], prog_name="implcheck")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "checklists").mkdir()
    shutil.copyfile(FIXTURES / "mini-1.1.yaml", tmp_path / MINI_11)
    return tmp_path


def written(folder: Path, answers: str, *, version: str = "", term: str = "2026-autumn", extra: str = "") -> Path:
    """An answers file for the mini checklist 1.1, written for ``version`` (none named if "")."""
    text = answers_yaml(answers, checklist=MINI_11, term=term) + extra
    if version:
        text = text.replace("context:\n", f"checklist_version: '{version}'\ncontext:\n", 1)
    path = folder / f"{term}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


OLD_ANSWERS = "  problem-specific: yes\n  owner-named: partly\n  training-planned: no\n"
LEDGER = (
    "actions:\n"
    "  - {item: owner-named, owner: J. Patel, due: 2027-01-31, status: open}\n"
    "  - {item: training-planned, owner: J. Patel, due: 2027-01-31, status: open, action: Book it}\n"
    "accepted_risks:\n"
    "  - {item: training-planned, reason: Later, approved_by: Governors, approved_on: 2026-11-01, "
    "expires: 2027-04-01}\n"
)
NOTE = (
    "Read as version 1.1: 1 answer carried to a renamed question; 1 answer to a retired question "
    "(“training-planned”: Merged into the owner's plan) not scored."
)


def test_an_earlier_versions_file_loads_with_what_was_migrated(folder: Path) -> None:
    path = written(folder, OLD_ANSWERS, version="1.0", extra=LEDGER)
    sheet, _ = load_answers(path)
    assert sheet.answers == {"problem-specific": Answer(AnswerValue.YES), "senior-owner": Answer(AnswerValue.PARTLY)}
    assert sheet.actions == (AgreedAction("senior-owner", "J. Patel", "2027-01-31", ActionStatus.OPEN),)
    assert sheet.accepted_risks == ()
    action = AgreedAction("training-planned", "J. Patel", "2027-01-31", ActionStatus.OPEN, action="Book it")
    risk = AcceptedRisk("training-planned", "Later", "Governors", "2026-11-01", "2027-04-01")
    old = AgreedAction("owner-named", "J. Patel", "2027-01-31", ActionStatus.OPEN)
    assert sheet.migrated == (
        Migration("owner-named", "senior-owner", "", Answer(AnswerValue.PARTLY), 11, str(path)),
        Migration("training-planned", "", RETIRED, Answer(AnswerValue.NO), 12, str(path)),
        Migration("owner-named", "senior-owner", "", old, 14, str(path)),
        Migration("training-planned", "", RETIRED, action, 15, str(path)),
        Migration("training-planned", "", RETIRED, risk, 17, str(path)),
    )


def test_a_file_naming_no_version_is_read_the_same_way(folder: Path) -> None:
    sheet, _ = load_answers(written(folder, OLD_ANSWERS))
    assert [m.old_id for m in sheet.migrated] == ["owner-named", "training-planned"]


def test_check_says_what_it_did_in_every_format(folder: Path) -> None:
    path = written(folder, OLD_ANSWERS, version="1.0")
    text = invoke("check", path)
    assert text.exit_code == 0
    assert " ".join(text.stdout.split()).count(NOTE) == 1
    markdown = invoke("check", "--format", "markdown", path).stdout
    assert f"\n\n{NOTE}\n\n" in markdown
    data = json.loads(invoke("check", "--format", "json", path).stdout)
    jsonschema.validate(data, schemas.RESULT)
    assert data["migrated"] == [
        {
            "kind": "answer",
            "from": "owner-named",
            "to": "senior-owner",
            "retired": None,
            "question": "Is there a named senior owner?",
            "answer": "partly",
            "file": str(path),
            "line": 11,
        },
        {
            "kind": "answer",
            "from": "training-planned",
            "to": None,
            "retired": RETIRED,
            "question": "training-planned",
            "answer": "no",
            "file": str(path),
            "line": 12,
        },
    ]


def test_the_report_notes_it(folder: Path) -> None:
    report = invoke("report", "--format", "md", written(folder, OLD_ANSWERS, version="1.0")).stdout
    assert f"and 2026-autumn.yaml. {NOTE}\n" in report
    html = invoke("report", "--format", "html", written(folder, OLD_ANSWERS, version="1.0")).stdout
    assert f"and 2026-autumn.yaml. {NOTE.replace(chr(39), '&#39;')}</p>" in html


def test_compare_shows_a_retired_answer_as_retired(folder: Path) -> None:
    before = written(folder, OLD_ANSWERS, version="1.0")
    after = written(folder, "  problem-specific: yes\n  senior-owner: yes\n", version="1.1", term="2027-spring")
    text = invoke("compare", before, after)
    assert text.exit_code == 0
    assert (
        "Retired questions (1), not scored:\n • training-planned (no → retired): Merged into the owner's plan.\n"
    ) in text.stdout
    assert "Better (1):\n • Is there a named senior owner? (partly → yes)\n" in text.stdout
    markdown = invoke("compare", "--format", "markdown", before, after).stdout
    assert "| training-planned | no | retired | Merged into the owner's plan. |\n" in markdown
    data = json.loads(invoke("compare", "--format", "json", before, after).stdout)
    jsonschema.validate(data, schemas.COMPARE)
    assert data["retired"] == [
        {"id": "training-planned", "question": "training-planned", "reason": RETIRED, "before": ["no"], "after": []}
    ]


def test_portfolio_counts_files_read_as_a_later_version(folder: Path) -> None:
    written(folder, OLD_ANSWERS, version="1.0")
    written(folder, "  problem-specific: yes\n", version="1.1", term="2027-spring")
    result = invoke("portfolio", folder)
    assert result.exit_code == 0
    assert (
        "1 answers file written for an earlier version of its checklist, read as the current version: answers "
        "carried to renamed questions, answers to retired questions not scored.\n"
    ) in result.stdout
    assert json.loads(invoke("portfolio", "--format", "json", folder).stdout)["migrated_files"] == 1


def test_init_from_carries_renamed_answers_and_keeps_retired_ones_as_comments(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(init_cmd, "_today", lambda: date(2027, 3, 10))
    last = written(folder, OLD_ANSWERS.replace("no\n", '{answer: no, evidence: "None booked"}\n'), extra=LEDGER)
    new = folder / "next.yaml"
    result = invoke("init", "--from", last, "--term", "2027-spring", "-o", new)
    assert result.exit_code == 0, result.stderr
    assert (
        "Read as version 1.1: 1 answer carried to a renamed question; 1 action carried to a renamed question; "
        "1 answer to a retired question (“training-planned”: Merged into the owner's plan) not scored; "
        "1 action on a retired question (“training-planned”: Merged into the owner's plan) no longer tracked; "
        "1 accepted risk on a retired question (“training-planned”: Merged into the owner's plan) no longer "
        "applied. Each retired question's answer is kept in the new file as a comment.\n"
    ) in result.stderr
    text = new.read_text(encoding="utf-8")
    assert 'checklist_version: "1.1"\n' in text
    assert "  # Last term (2026-autumn): partly\n  # senior-owner: not asked yet\n" not in text
    assert "  # Last term (2026-autumn): partly\n  senior-owner: unknown\n" in text
    assert (
        "  # == Retired questions: no longer asked, kept as last term's record ==\n"
        "\n"
        "  # “training-planned” was retired: Merged into the owner's plan.\n"
        "  # Last term (2026-autumn): no; evidence: None booked\n"
        "  # Last term (2026-autumn): an action: Book it, owner J. Patel, due 2027-01-31, open\n"
        "  # Last term (2026-autumn): an accepted risk: Later, approved by Governors, expires 2027-04-01\n"
    ) in text
    assert "  - item: senior-owner\n" in text
    sheet, _ = load_answers(new)  # the new file loads as this version, with nothing to migrate
    assert (sheet.checklist_version, sheet.migrated) == ("1.1", ())


def test_a_file_for_a_later_version_is_refused(folder: Path) -> None:
    path = written(folder, "  problem-specific: yes\n", version="1.10")
    result = invoke("check", path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{path}:2:20: written for mini 1.10; this implcheck has mini 1.1: update implcheck to read it "
        "(newer-version)\n"
    )


def test_a_retired_answer_in_a_file_for_this_version_is_refused(folder: Path) -> None:
    path = written(folder, "  training-planned: no\n", version="1.1.0", extra=LEDGER)
    result = invoke("check", path)
    assert result.exit_code == 2
    retired = (
        "'training-planned' was retired (Merged into the owner's plan), but this file says it answers mini 1.1, "
        "which does not ask it; remove it, or set 'checklist_version' to the version the file was written for "
        "(retired-item)\n"
    )
    assert result.stderr == (f"{path}:10:3: {retired}{path}:13:12: {retired}{path}:15:12: {retired}")


def test_an_old_id_answered_beside_its_new_id_is_refused(folder: Path) -> None:
    path = written(folder, "  owner-named: no\n  senior-owner: yes\n  lead-named: partly\n")
    result = invoke("check", path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{path}:9:3: 'owner-named' is now 'senior-owner', which this file also answers; keep one answer, "
        "under its new id (bad-migration)\n"
        f"{path}:11:3: 'lead-named' is now 'senior-owner', which this file also answers; keep one answer, "
        "under its new id (bad-migration)\n"
    )
    two_old = written(folder, "  owner-named: no\n  lead-named: partly\n", term="2027-spring")
    assert invoke("check", two_old).stderr == (
        f"{two_old}:10:3: 'lead-named' is now 'senior-owner', which this file also answers (as 'owner-named', "
        "also renamed to it); keep one answer, under its new id (bad-migration)\n"
    )


def test_an_id_no_version_had_is_still_unknown_with_the_nearest(folder: Path) -> None:
    path = written(folder, "  senior-ownr: no\n")
    result = invoke("check", path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{path}:9:3: unknown item id 'senior-ownr' (did you mean 'senior-owner'?); "
        f"see `implcheck show {MINI_11}` for the item ids (unknown-item)\n"
    )


@pytest.mark.parametrize(
    ("maps", "message"),
    [
        (
            "renamed:\n  owner-named: lead-named\n  lead-named: owner-named\n",
            "the renames go round in a loop: owner-named → lead-named → owner-named (bad-migration)",
        ),
        (
            "renamed:\n  owner-named: senior-ownr\n",
            "'owner-named' is renamed to 'senior-ownr', which is not an item of this checklist "
            "(did you mean 'senior-owner'?) (bad-migration)",
        ),
    ],
)
def test_a_bad_migration_map_is_refused_when_a_file_is_checked(folder: Path, maps: str, message: str) -> None:
    checklist = folder / MINI_11
    text = checklist.read_text(encoding="utf-8")
    checklist.write_text(text[: text.index("renamed:")] + maps, encoding="utf-8")
    line = text[: text.index("renamed:")].count("\n") + 2
    result = invoke("check", written(folder, OLD_ANSWERS, version="1.0"))
    assert result.exit_code == 2
    assert result.stderr == f"{checklist}:{line}:16: {message}\n"


def test_a_retired_answer_is_still_a_valid_answer(folder: Path) -> None:
    actions = (
        "actions:\n  - {item: 7, owner: J, due: 2027-01-31}\n"
        "  - {item: owner-named, owner: J, due: 2027-01-31, status: open}\n"  # carried: its line is looked up
    )
    path = written(folder, "  training-planned: maybe\n", extra=actions)
    result = invoke("check", path)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{path}:9:21: answer must be one of yes, partly, no, unknown, na; got 'maybe' (bad-value)\n"
    )


def test_the_editor_schema_accepts_an_earlier_versions_ids_marked_as_old(folder: Path) -> None:
    from implcheck.load import load_checklist

    schema = schemas.answers_for(load_checklist(folder / MINI_11))
    properties = schema["properties"]["answers"]["anyOf"][1]["properties"]
    assert properties["owner-named"]["description"] == "Renamed: now senior-owner (Is there a named senior owner?)"
    assert properties["training-planned"]["description"] == f"Retired, not scored: {RETIRED}"
    assert properties["training-planned"]["deprecated"] is True
    data = load_document(written(folder, OLD_ANSWERS, version="1.0")).data
    jsonschema.validate(data, schema)
