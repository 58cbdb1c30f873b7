"""Writing output: the old file or the new one, never half of either, and never over an input."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import ROOT
from implcheck import fileio
from implcheck.cli import app
from implcheck.errors import UsageError

runner = CliRunner()
LEADER = ROOT / "examples" / "respondents" / "leader.yaml"
TEACHER = ROOT / "examples" / "respondents" / "teacher.yaml"


def refused(path: Path, text: str = "x", inputs: tuple[Path, ...] = ()) -> str:
    with pytest.raises(UsageError) as caught:
        fileio.write_output(path, text, inputs=inputs)
    return str(caught.value)


def test_writes_and_replaces_keeping_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    fileio.write_output(path, "one\n")
    assert path.read_text() == "one\n"
    path.chmod(0o640)
    fileio.write_output(path, "two\n")
    assert (path.read_text(), path.stat().st_mode & 0o777) == ("two\n", 0o640)
    assert list(tmp_path.iterdir()) == [path]


def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("precious\n")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    assert refused(path) == f"{path}: cannot write: the disk is full; the old file is unchanged"
    assert path.read_text() == "precious\n"
    assert list(tmp_path.iterdir()) == [path]


def test_ctrl_c_while_writing_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("precious\n")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fileio.write_output(path, "half\n")
    assert path.read_text() == "precious\n"
    assert list(tmp_path.iterdir()) == [path]


def test_a_socket_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert refused(path) == f"{path}: cannot write: it is not a regular file, a terminal or a pipe"


def test_writing_a_file_over_a_folder_is_refused(tmp_path: Path) -> None:
    # write_output says so first, with a file name to give -o; init and assess write directly
    with pytest.raises(UsageError) as caught:
        fileio.write_atomic(tmp_path, "x", shown=Path("answers"))
    assert str(caught.value) == "answers: is a folder; give a file name"


def test_an_unwritable_folder_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", denied)
    assert refused(tmp_path / "a.yaml") == f"{tmp_path / 'a.yaml'}: cannot write: permission denied"


def test_an_input_is_never_overwritten_however_it_is_spelled(tmp_path: Path) -> None:
    source = tmp_path / "a.yaml"
    source.write_text("answers\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.yaml").symlink_to(source)
    os.link(source, tmp_path / "hard.yaml")
    for spelling in (source, tmp_path / "sub" / ".." / "a.yaml", tmp_path / "link.yaml", tmp_path / "hard.yaml"):
        assert refused(spelling, inputs=(source,)) == (
            f"{spelling}: refusing to write there: it is {source}, one of this run's input files; choose another -o"
        )
    assert source.read_text() == "answers\n"


def test_a_read_only_file_a_folder_and_a_long_name_are_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked.html"
    locked.write_text("keep\n")
    locked.chmod(0o444)
    assert refused(locked) == f"{locked}: is read-only; choose another -o or make the file writable"
    assert locked.read_text() == "keep\n"
    assert refused(tmp_path) == f"{tmp_path}: is a folder; give -o a file name, such as {tmp_path / 'report.html'}"
    long = tmp_path / ("r" * 300 + ".html")
    assert refused(long) == f"{long}: cannot write: the file name is too long"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked.html"]


def test_devices_and_fifos_are_opened_never_replaced(tmp_path: Path) -> None:
    fileio.write_output(Path("/dev/null"), "gone\n")
    assert Path("/dev/null").is_char_device()
    assert refused(Path("/dev/full")) == "/dev/full: cannot write: the disk is full"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    fileio.write_output(fifo, "through the pipe\n")
    reader.join(10)
    assert received == ["through the pipe\n"]
    assert fifo.is_fifo()


def test_report_over_its_own_answers_or_checklist_exits_2(tmp_path: Path) -> None:
    answers = tmp_path / "leader.yaml"
    answers.write_text(LEADER.read_text().replace("checklist: termly-recheck", "checklist: mine.yaml"))
    checklist = tmp_path / "mine.yaml"
    shutil.copy(ROOT / "checklists" / "termly-recheck.yaml", checklist)
    before = answers.read_bytes(), checklist.read_bytes()
    for target in (answers, checklist):
        result = runner.invoke(app, ["report", str(answers), "-o", str(target)])
        assert (result.exit_code, result.stderr) == (
            2,
            f"implcheck: error: {target}: refusing to write there: it is {target}, one of this run's input files; "
            "choose another -o\n",
        )
    assert (answers.read_bytes(), checklist.read_bytes()) == before


def test_report_over_another_respondents_file_exits_2() -> None:
    result = runner.invoke(app, ["report", str(LEADER), str(TEACHER), "-o", str(TEACHER)])
    assert result.exit_code == 2
    assert "one of this run's input files" in result.stderr


def test_init_never_overwrites_its_checklist_even_with_force(tmp_path: Path) -> None:
    checklist = tmp_path / "mine.yaml"
    shutil.copy(ROOT / "checklists" / "edtech-readiness.yaml", checklist)
    result = runner.invoke(app, ["init", str(checklist), "-o", str(checklist), "--force"])
    assert result.exit_code == 2
    assert "one of this run's input files" in result.stderr
    assert checklist.read_bytes() == (ROOT / "checklists" / "edtech-readiness.yaml").read_bytes()


def test_init_to_a_folder_or_a_too_long_name_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", "edtech-readiness", "-o", str(tmp_path)])
    assert result.exit_code == 2
    long = tmp_path / ("a" * 300 + ".yaml")
    result = runner.invoke(app, ["init", "edtech-readiness", "-o", str(long)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"implcheck: error: {long}: cannot write: the file name is too long\n",
    )


def test_report_to_dev_stdout_prints_and_leaves_dev_stdout_alone() -> None:
    """As root (usual in CI containers) a rename would have replaced /dev/stdout with a file."""
    was_link = Path("/dev/stdout").is_symlink()
    done = subprocess.run(
        [sys.executable, "-m", "implcheck", "report", str(LEADER), "-f", "csv", "-o", "/dev/stdout"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("item_id,") or "," in done.stdout.splitlines()[0]
    assert Path("/dev/stdout").is_symlink() == was_link


def test_assess_offers_the_report_beside_the_answers_never_over_them() -> None:
    from implcheck.interview.session import report_path

    assert report_path(Path("oak.yaml")) == Path("oak.html")
    assert report_path(Path("oak.html")) == Path("oak.report.html")


def test_half_a_character_is_written_as_a_replacement_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    fileio.write_output(path, "evidence: caf\udce9\n")
    assert path.read_text(encoding="utf-8") == "evidence: caf\ufffd\n"
