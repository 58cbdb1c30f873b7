"""Installed from a wheel, in a fresh venv, the shipped checklists and templates are there."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT
from implcheck import catalog, history


@pytest.mark.slow
def test_wheel_carries_the_data_and_the_installed_command_finds_it(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = dist.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for file_name in catalog.SHIPPED.values():
        assert f"implcheck/checklists/{file_name}" in names
    assert f"implcheck/checklists/{history.HISTORY_FILE}" in names  # validate holds checklists to it
    assert any(name.startswith("implcheck/templates/") for name in names)

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    subprocess.run([str(bin_dir / "pip"), "install", "-q", str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    listed = subprocess.run(
        [str(bin_dir / "implcheck"), "checklists"], cwd=elsewhere, capture_output=True, text=True, check=True
    )
    assert [line.split()[0] for line in listed.stdout.splitlines()] == list(catalog.SHIPPED)
    example = ROOT / "examples" / "edtech-readiness" / "strong.yaml"
    checked = subprocess.run(
        [str(bin_dir / "implcheck"), "check", str(example)], cwd=elsewhere, capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    form = subprocess.run(
        [str(bin_dir / "implcheck"), "form", "--role", "teacher", "-o", "teacher.html"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert form.returncode == 0, form.stderr
    assert "Content-Security-Policy" in (elsewhere / "teacher.html").read_text(encoding="utf-8")
