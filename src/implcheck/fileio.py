"""Writing files so that an interrupted run never leaves a half-written one behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from implcheck.errors import UsageError


def write_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to a temporary file beside ``path``, flush it to disk, then rename it over
    ``path``. Readers see the old file or the new one, never a mix."""
    directory = path.parent if str(path.parent) else Path()
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        raise UsageError(f"{path}: cannot write: the folder {directory} does not exist") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private; give it the mode the old file (or a new one) would have.
        if path.exists():
            tmp.chmod(path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            tmp.chmod(0o666 & ~umask)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
