"""A user's file as text: only a regular file, at most ``MAX_BYTES``, UTF-8.

Every file may be hostile, so reading is where the first checks happen, before any parsing:
a FIFO or a device is refused rather than read, a huge file is refused from its size, and an
encoding other than UTF-8 is a located problem. Every failure is an ``InputError`` naming the
file (exit 2).
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from implcheck.errors import InputError, ProblemRule

MAX_BYTES = 1024 * 1024  # about 20x the largest shipped checklist; refuses hostile giants early


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[start:offset].decode("utf-8", "replace")) + 1


def read_text(path: Path) -> str:
    """Read a user's file, turning every way it can fail into an ``InputError``.

    Only regular files are read: a FIFO would hang the run and ``/dev/zero`` never ends. The file
    is opened without blocking and checked on the open descriptor, so it cannot be swapped for
    something else between the check and the read.
    """
    where = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError.single(where, "no such file", rule=ProblemRule.FILE_UNREADABLE) from None
    except IsADirectoryError:  # pragma: no cover - POSIX opens a folder read-only; fstat below refuses it
        raise InputError.single(
            where, "is a directory, expected a YAML file", rule=ProblemRule.FILE_UNREADABLE
        ) from None
    except OSError as exc:
        raise InputError.single(
            where, f"cannot read: {exc.strerror or exc}", rule=ProblemRule.FILE_UNREADABLE
        ) from None
    try:
        info = os.fstat(fd)
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise InputError.single(where, "is a directory, expected a YAML file", rule=ProblemRule.FILE_UNREADABLE)
        if not stat.S_ISREG(mode):
            raise InputError.single(where, "not a regular file; give a YAML file", rule=ProblemRule.NOT_REGULAR_FILE)
        if info.st_size > MAX_BYTES:
            raise InputError.single(
                where,
                f"file is {info.st_size:,} bytes; the most allowed is {MAX_BYTES:,}",
                rule=ProblemRule.FILE_TOO_BIG,
            )
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError.single(
            where, f"cannot read: {exc.strerror or exc}", rule=ProblemRule.FILE_UNREADABLE
        ) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > MAX_BYTES:
        raise InputError.single(
            where,
            f"file is {len(data):,} bytes or more; the most allowed is {MAX_BYTES:,}",
            rule=ProblemRule.FILE_TOO_BIG,
        )
    return decode(path, data)


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text, with a leading byte-order mark dropped; anything else is a located problem."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InputError.single(str(path), "the file is UTF-16 or UTF-32; save it as UTF-8", rule=ProblemRule.NOT_UTF8)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        raise InputError.single(
            str(path), f"not UTF-8 text ({exc.reason}); save it as UTF-8", line, col, rule=ProblemRule.NOT_UTF8
        ) from None
