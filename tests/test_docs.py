"""docs/checklists.md is generated from the YAML and kept in step with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT
from implcheck import catalog, fields
from implcheck.docs import checklist_fields, checklists_markdown, fill_blocks, main, problem_ids, rules_table
from implcheck.errors import ProblemRule
from implcheck.load import load_checklist
from implcheck.rules import RULES

DOC = ROOT / "docs" / "checklists.md"


def test_committed_checklist_docs_are_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == checklists_markdown(), "run `make docs`"


def test_every_shipped_item_is_documented() -> None:
    text = checklists_markdown()
    for file_name in catalog.SHIPPED.values():
        for item in load_checklist(catalog.data_dir("checklists") / file_name).items:
            assert f"**`{item.id}`**" in text


def test_check_mode_reports_drift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stale = tmp_path / "checklists.md"
    stale.write_text("old")
    assert main(["--check", str(stale)]) == 1
    assert capsys.readouterr().err == f"{stale} is out of date: run `make docs`\n"
    assert main(["--check", str(DOC)]) == 0
    assert main([]) == 0


@pytest.mark.parametrize(
    ("name", "blocks"),
    [
        ("README.md", ["verdict-rules-summary", "checklist-fields"]),
        ("docs/scoring.md", ["verdict-rules"]),
        ("docs/ci.md", ["problem-ids"]),
    ],
)
def test_the_generated_blocks_in_the_docs_are_up_to_date(name: str, blocks: list[str]) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    assert [block for block in blocks if f"<!-- begin: {block} -->" not in text] == []
    assert fill_blocks(text) == text, "run `make docs`"


def test_every_problem_id_is_listed_with_its_meaning() -> None:
    table = problem_ids()
    assert len(table.splitlines()) == 2 + len(ProblemRule)
    assert "| `hidden-dealbreaker` | a warning for checklist authors: one 'no' on this item" in table
    assert all(f"| `{rule.value}` | {rule.meaning} |" in table for rule in ProblemRule)


def test_the_checklist_fields_table_has_every_key_of_a_checklist() -> None:
    table = checklist_fields()
    assert "| a checklist | `verdict_labels` | no | the checklist's own words for the verdicts |" in table
    assert "| `thresholds` | `floor` | no | no stage or failure mode may score below this |" in table
    assert (
        "| a section | `stage` | yes | the EEF implementation stage: `explore`, `prepare`, `deliver`, `sustain` |"
        in table
    )
    assert all(f"`{field.name}`" in table for field in fields.CHECKLIST.fields + fields.ITEM.fields)


def test_every_rule_is_in_the_scoring_docs() -> None:
    text = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"| `{rule.id.value}` | {rule.when.split(' (')[0]}" in text


def test_blocks_are_rewritten_and_drift_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "intro\n<!-- begin: verdict-rules -->\nold\n<!-- end: verdict-rules -->\n<!-- begin: other -->\nx\n"
    )
    assert main(["--check-blocks", str(page)]) == 1
    assert capsys.readouterr().err == f"{page} is out of date: run `make docs`\n"
    assert main(["--blocks", str(page)]) == 0
    assert page.read_text() == (
        f"intro\n<!-- begin: verdict-rules -->\n{rules_table()}\n<!-- end: verdict-rules -->\n"
        "<!-- begin: other -->\nx\n"
    )
    assert main(["--check-blocks", str(page)]) == 0
