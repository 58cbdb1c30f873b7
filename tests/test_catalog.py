"""Where the shipped checklists are: inside an installed package, else the checkout's root.
(tests/test_wheel.py installs the wheel and runs it; this is the same choice, in-process.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT
from implcheck import catalog


def test_a_checkout_reads_the_root_folders() -> None:
    assert catalog.data_dir("checklists") == ROOT / "checklists"


def test_an_installed_package_reads_its_own_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "implcheck"
    (package / "checklists").mkdir(parents=True)
    monkeypatch.setattr(catalog, "_PACKAGE", package)
    assert catalog.data_dir("checklists") == package / "checklists"
    assert catalog.shipped_path("termly-recheck") == package / "checklists" / "termly-recheck.yaml"
