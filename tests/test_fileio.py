"""Atomic writes: the old file or the new one, never half of either."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from implcheck import fileio
from implcheck.errors import UsageError


def test_writes_and_replaces_keeping_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    fileio.write_atomic(path, "one\n")
    assert path.read_text() == "one\n"
    path.chmod(0o600)
    fileio.write_atomic(path, "two\n")
    assert (path.read_text(), path.stat().st_mode & 0o777) == ("two\n", 0o600)
    assert list(tmp_path.iterdir()) == [path]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("precious\n")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space left"):
        fileio.write_atomic(path, "new\n")
    assert path.read_text() == "precious\n"
    assert list(tmp_path.iterdir()) == [path]


def test_an_unwritable_folder_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fileio.tempfile, "mkstemp", denied)
    with pytest.raises(UsageError) as caught:
        fileio.write_atomic(tmp_path / "a.yaml", "x")
    assert str(caught.value) == f"{tmp_path / 'a.yaml'}: cannot write: Permission denied"
