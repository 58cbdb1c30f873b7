"""docs/checklists.md is generated from the YAML and kept in step with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT
from implcheck import catalog
from implcheck.docs import checklists_markdown, main
from implcheck.load import load_checklist

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
