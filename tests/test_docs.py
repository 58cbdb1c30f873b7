"""docs/checklists.md is generated from the YAML and kept in step with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT
from implcheck import catalog
from implcheck.docs import checklists_markdown, fill_blocks, main, rules_table
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


@pytest.mark.parametrize("name", ["README.md", "docs/scoring.md"])
def test_the_verdict_rules_in_the_docs_are_generated_from_the_registry(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    assert "<!-- begin: verdict-rules" in text
    assert fill_blocks(text) == text, "run `make docs`"


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
