"""The shipped checklists' history (checklists/history.json), the check validate makes against it,
and every shipped version's example files walked forward to the checklists shipped now."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import FIXTURES, ROOT
from implcheck import catalog, history
from implcheck.cli import app
from implcheck.load import load_answers, load_checklist
from implcheck.migrate import version_key
from implcheck.model import AnswerValue
from implcheck.yamlsource import load_document

runner = CliRunner()
SHIPPED = {checklist_id: load_checklist(ROOT / "checklists" / name) for checklist_id, name in catalog.SHIPPED.items()}
HISTORY = sorted(path for path in (FIXTURES / "history").iterdir() if path.is_dir())


@pytest.mark.parametrize("checklist_id", list(SHIPPED))
def test_the_shipped_version_is_the_newest_recorded_with_its_items(checklist_id: str) -> None:
    """Fails when a checklist's version went up but ``make history`` was not run."""
    checklist = SHIPPED[checklist_id]
    versions = history.shipped()[checklist_id]
    assert max(versions, key=lambda v: version_key(v) or ()) == checklist.version
    assert versions[checklist.version] == {item.id: " ".join(item.question.split()) for item in checklist.items}
    assert history.vanished(checklist) == ()


def test_a_retired_question_is_named_by_its_last_shipped_words() -> None:
    assert history.question("edtech-readiness", "problem-specific") == SHIPPED["edtech-readiness"].items[0].question
    assert history.question("edtech-readiness", "never-an-item") == ""
    assert history.question("not-shipped", "problem-specific") == ""


def _shipped_copy(folder: Path, replace: str = "", by: str = "", *, drop: str = "") -> Path:
    """edtech-readiness as a trust might adapt it, under its shipped id."""
    text = (ROOT / "checklists" / "edtech-readiness.yaml").read_text(encoding="utf-8").replace(replace, by)
    if drop:
        start = text.index(f"      - id: {drop}\n")
        text = text[:start] + text[text.index("      - id:", start + 10) :]
    path = folder / "edtech-readiness.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_refuses_a_later_version_that_loses_an_item(tmp_path: Path) -> None:
    version = SHIPPED["edtech-readiness"].version
    path = _shipped_copy(tmp_path, f'version: "{version}"', 'version: "9.0.0"', drop="problem-priority")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    question = history.question("edtech-readiness", "problem-priority")
    assert result.stdout == (
        f"{path}:3:10: edtech-readiness {version} asked 'problem-priority' (“{question}”), which 9.0.0 neither "
        f"has nor lists under 'renamed' or 'retired'; say what became of it, so files written for {version} keep "
        "their answer. A checklist with the id of a shipped one is held to the shipped versions' items "
        "(bad-migration)\n"
    )


def test_validate_accepts_it_once_the_item_is_retired_or_renamed(tmp_path: Path) -> None:
    version = SHIPPED["edtech-readiness"].version
    for key, value in (("retired", "Asked within problem-specific."), ("renamed", "problem-specific")):
        path = _shipped_copy(tmp_path, f'version: "{version}"', 'version: "9.0.0"', drop="problem-priority")
        text = path.read_text(encoding="utf-8")  # the shipped checklist already has both maps
        path.write_text(text.replace(f"\n{key}:\n", f"\n{key}:\n  problem-priority: {value}\n"), encoding="utf-8")
        assert runner.invoke(app, ["validate", str(path)]).exit_code == 0, key


def test_a_checklist_under_another_id_is_not_held_to_the_shipped_history(tmp_path: Path) -> None:
    path = _shipped_copy(tmp_path, "id: edtech-readiness\n", "id: our-readiness\n", drop="problem-priority")
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0


def _value(raw: Any) -> AnswerValue:
    given = raw.get("answer") if isinstance(raw, dict) else raw
    return AnswerValue.UNKNOWN if given is None else AnswerValue(str(given).strip().lower())


def test_there_are_shipped_versions_to_walk_forward() -> None:
    assert {path.name.rsplit("-", 1)[0] for path in HISTORY} == set(SHIPPED)


@pytest.mark.parametrize("file", [f for folder in HISTORY for f in sorted(folder.glob("*.yaml"))], ids=str)
def test_every_shipped_versions_example_reads_as_the_current_version(file: Path, tmp_path: Path) -> None:
    """Every answer in it is kept (scored under its item's id now, or reported retired), and it
    checks with a verdict (exit 0 or 1), never as bad input."""
    checklist_id = file.parent.name.rsplit("-", 1)[0]
    copy = tmp_path / file.name  # checked where no other file is, as a school would
    shutil.copyfile(file, copy)
    sheet, checklist = load_answers(copy)
    assert checklist.id == checklist_id
    retired = {m.old_id for m in sheet.migrated if m.is_retired and m.kind == "answer"}
    for item_id, raw in load_document(copy).data.get("answers", {}).items():
        if item_id in retired:
            continue
        assert sheet.answers[checklist.current_id(item_id)].value is _value(raw), item_id
    result = runner.invoke(app, ["check", str(copy)])
    assert result.exit_code in (0, 1), result.stderr


def test_the_history_file_is_as_make_history_writes_it() -> None:
    path = catalog.data_dir("checklists") / history.HISTORY_FILE
    assert path.read_text(encoding="utf-8") == history.render(history.shipped())


def test_an_older_version_is_held_only_to_the_versions_up_to_its_own(tmp_path: Path) -> None:
    """A trust still on 1.0.0 of a shipped checklist is not asked about items added since."""
    first = next(iter(history.shipped()["edtech-readiness"]))
    version = SHIPPED["edtech-readiness"].version
    path = _shipped_copy(tmp_path, f'version: "{version}"', f'version: "{first}"')
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
