"""Reading a user's file: only a regular file, at most ``MAX_BYTES``, UTF-8; every failure located.

Most cases go through ``load_document`` in test_yamlsource.py; these are the ones only a
misbehaving file system can produce, simulated on the open descriptor.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from implcheck.errors import InputError
from implcheck.textfile import MAX_BYTES, read_text


class OsWith:
    """``os`` for textfile.py alone, with its own ``fstat`` (pytest itself needs the real one)."""

    def __init__(self, fstat: Callable[[int], os.stat_result]) -> None:
        self.fstat = fstat

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_text(path)
    return [str(p) for p in caught.value.problems]


def test_a_read_that_fails_after_the_open_names_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\n")

    def failing(fd: int) -> os.stat_result:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("implcheck.textfile.os", OsWith(failing))
    assert problems(path) == [f"{path}:1:1: cannot read: Input/output error (file-unreadable)"]


def test_a_file_that_grows_after_its_size_was_checked_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a" * (MAX_BYTES + 10))
    real = os.fstat

    def as_it_was(fd: int) -> os.stat_result:  # the size when it was checked, before it grew
        info = real(fd)
        return os.stat_result((info.st_mode, info.st_ino, info.st_dev, info.st_nlink, info.st_uid, info.st_gid, 10,
                               int(info.st_atime), int(info.st_mtime), int(info.st_ctime)))  # fmt: skip

    monkeypatch.setattr("implcheck.textfile.os", OsWith(as_it_was))
    assert problems(path) == [
        f"{path}:1:1: file is {MAX_BYTES + 1:,} bytes or more; the most allowed is {MAX_BYTES:,} (file-too-big)"
    ]
