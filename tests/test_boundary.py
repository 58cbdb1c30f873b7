"""Where runs end: a bug exits 3 with one line, never a bare traceback and never 1 (the gate's code)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from helpers import answers_yaml
from implcheck import boundary, cli
from implcheck.commands import check as check_cmd

Write = Callable[[str, str], Path]
BUG = (
    "implcheck: internal error (RuntimeError): this is a bug in implcheck, not a problem with your files. "
    "Please report it on the implcheck issue tracker with the traceback"
)


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli.app, [str(a) for a in args], prog_name="implcheck")


def broken_score(*args: object) -> None:
    raise RuntimeError("injected into score")


@pytest.fixture
def crash(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """``score`` raises, and the temporary folder is ``tmp_path/tmp``; returns that folder."""
    monkeypatch.setattr(check_cmd, "score", broken_score)
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_bug_exits_3_and_says_where_the_traceback_is(crash: Path, write: Write) -> None:
    result = invoke("check", write("a.yaml", answers_yaml()))
    [saved] = crash.iterdir()
    assert saved.name.startswith("implcheck-bug-")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == f"{BUG} in {saved} (or run again with --debug to see it).\n"
    details = saved.read_text(encoding="utf-8")
    assert details.startswith("implcheck ")
    assert "Traceback (most recent call last):" in details
    assert details.endswith("RuntimeError: injected into score\n")


def test_debug_shows_the_traceback_instead(crash: Path, write: Write) -> None:
    result = invoke("--debug", "check", write("a.yaml", answers_yaml()))
    assert result.exit_code == 3
    assert "Traceback (most recent call last):" in result.stderr
    assert result.stderr.endswith(f"RuntimeError: injected into score\n{BUG} above.\n")
    assert list(crash.iterdir()) == []


def test_an_unwritable_temporary_folder_shows_the_traceback(
    crash: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    crash.rmdir()
    result = invoke("check", write("a.yaml", answers_yaml()))
    assert result.exit_code == 3
    assert result.stderr.endswith(f"RuntimeError: injected into score\n{BUG} above.\n")


def test_user_mistakes_and_usage_errors_keep_their_codes(crash: Path, tmp_path: Path) -> None:
    assert invoke("check", tmp_path / "missing.yaml").exit_code == 2
    assert invoke("check", "--fail-on", "bogus", tmp_path / "missing.yaml").exit_code == 2
    assert invoke("check", "--help").exit_code == 0
    assert list(crash.iterdir()) == []


def test_a_reader_that_stops_early_ends_the_run_quietly(monkeypatch: pytest.MonkeyPatch, write: Write) -> None:
    def closed(*args: object) -> None:
        raise BrokenPipeError

    monkeypatch.setattr(cli, "emit", closed)
    result = invoke("check", write("a.yaml", answers_yaml()))
    assert (result.exit_code, result.stderr) == (141, "")


def test_a_closed_stdout_is_pointed_at_devnull(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with (tmp_path / "out").open("w") as handle:
        monkeypatch.setattr(sys, "stdout", handle)
        boundary._silence_stdout()
        handle.write("gone")
    assert (tmp_path / "out").read_text() == ""


def test_a_real_run_with_a_bug_exits_3_in_one_line(write: Write, tmp_path: Path) -> None:
    code = (
        "import sys\nfrom implcheck.commands import check\n"
        "def broken(*args):\n    raise RuntimeError('injected into score')\n"
        "check.score = broken\nfrom implcheck.cli import main\nsys.argv[0] = 'implcheck'\nmain()\n"
    )
    (tmp_path / "tmp").mkdir()
    result = subprocess.run(
        [sys.executable, "-c", code, "check", str(write("a.yaml", answers_yaml()))],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "TMPDIR": str(tmp_path / "tmp")},
    )
    [saved] = (tmp_path / "tmp").iterdir()
    assert (result.returncode, result.stdout) == (3, "")
    assert result.stderr == f"{BUG} in {saved} (or run again with --debug to see it).\n"


def test_a_real_run_into_a_closed_pipe_exits_141_without_a_traceback(write: Write) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "implcheck", "schema", "result"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, "")
