"""``implcheck form``: the page is written where asked, never over a file without ``--force`` nor
over the checklist, and the leader is told how to share it and what comes back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner, Result

from helpers import FIXTURES, MINI
from implcheck.cli import app

ROLES = FIXTURES / "form-roles.yaml"
SHARE = (
    "Share it from a shared drive or Teams, not as an email attachment (many school mail systems hold back "
    ".html files). Each person answers in their browser and sends back the answers file it downloads.\n"
)
NEXT = (
    "Then put the returned files in one folder with the leader's: implcheck collect FOLDER says who has "
    "replied, and implcheck report FOLDER writes the report\n"
)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, ["form", *args])


def test_writes_the_roles_page_and_says_how_to_share_it(tmp_path: Path) -> None:
    out = tmp_path / "teacher.html"
    result = invoke(str(ROLES), "--role", "teacher", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == (
        f"wrote {out}: 3 questions for teachers.\n"
        + SHARE
        + "The files name the checklist form-roles.yaml: keep them in the folder with it, or give check "
        "--checklist-dir.\n" + NEXT
    )
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert 'data-ref="form-roles.yaml"' in html
    assert 'data-role="teacher"' in html


def test_the_default_checklist_is_the_before_buying_one(tmp_path: Path) -> None:
    out = tmp_path / "form.html"
    result = invoke(
        "--role",
        "it",
        "-o",
        str(out),
        "--school",
        "Oak\nPrimary",
        "--initiative",
        "Quiz\x1bBlast",
        "--term",
        " 2026-autumn ",
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1:] == [SHARE.strip(), NEXT.strip()]
    html = out.read_text(encoding="utf-8")
    assert 'data-checklist="edtech-readiness"' in html
    assert 'data-ref="edtech-readiness"' in html
    assert 'value="Oak Primary"' in html  # prefilled, on one line
    assert 'id="term" value="2026-autumn"' in html
    assert 'id="initiative" value="Quiz\\x1bBlast"' in html  # a control character shown, never sent raw


def test_one_question_is_counted_in_the_singular(tmp_path: Path) -> None:
    result = invoke(str(ROLES), "--role", "governor", "-o", str(tmp_path / "g.html"))
    assert result.stderr.startswith(f"wrote {tmp_path / 'g.html'}: 1 question for governors.\n")


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "form.html"
    out.write_text("keep me", encoding="utf-8")
    result = invoke(str(ROLES), "--role", "pupil", "-o", str(out))
    assert result.exit_code == 2
    assert (
        result.stderr == f"implcheck: error: {out}: already exists; use --force to overwrite it, or choose another -o\n"
    )
    assert out.read_text(encoding="utf-8") == "keep me"
    assert invoke(str(ROLES), "--role", "pupil", "-o", str(out), "--force").exit_code == 0
    assert "Questions for pupils" in out.read_text(encoding="utf-8")


def test_never_writes_over_the_checklist(tmp_path: Path) -> None:
    checklist = tmp_path / "roles.yaml"
    checklist.write_text(ROLES.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(str(checklist), "--role", "teacher", "-o", str(checklist), "--force")
    assert result.exit_code == 2
    assert "roles.yaml" in result.stderr
    assert checklist.read_text(encoding="utf-8") == ROLES.read_text(encoding="utf-8")


def test_a_folder_is_not_a_file_name(tmp_path: Path) -> None:
    result = invoke(str(ROLES), "--role", "pupil", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"implcheck: error: {tmp_path}: is a folder; give -o a file name, such as {tmp_path / 'pupil-form.html'}\n"
    )


def test_dash_prints_the_page() -> None:
    result = invoke(str(ROLES), "--role", "pupil", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert result.stderr == ""


def test_a_role_the_checklist_asks_nothing_is_refused(tmp_path: Path) -> None:
    only_teachers = tmp_path / "teachers.yaml"
    text = MINI.read_text(encoding="utf-8").replace(
        "        critical: false\n", "        critical: false\n        ask: [teacher]\n"
    )
    only_teachers.write_text(
        text.replace("        critical: true\n", "        critical: true\n        ask: [teacher]\n")
    )
    out = tmp_path / "pupil.html"
    result = invoke(str(only_teachers), "--role", "pupil", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == (
        "implcheck: error: 'A small checklist for tests' asks pupils no questions; "
        "choose a role it asks: senior-leader, teacher, other\n"
    )
    assert not out.exists()


def test_the_role_and_the_output_are_needed(tmp_path: Path) -> None:
    missing_role = invoke("-o", str(tmp_path / "x.html"))
    assert missing_role.exit_code == 2
    assert "Missing option '--role'" in missing_role.stderr
    missing_output = invoke("--role", "teacher")
    assert missing_output.exit_code == 2
    assert "Missing option '--output' / '-o'" in missing_output.stderr


def test_an_unknown_checklist_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("edtech-readines", "--role", "teacher", "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 2
    assert "unknown checklist 'edtech-readines'" in result.stderr
    assert "did you mean 'edtech-readiness'" in result.stderr


def test_the_installed_command_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "pupils.html"
    done = subprocess.run(
        [sys.executable, "-m", "implcheck", "form", "termly-recheck", "--role", "pupil", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(f"wrote {out}: ")
    assert 'data-checklist="termly-recheck"' in out.read_text(encoding="utf-8")
