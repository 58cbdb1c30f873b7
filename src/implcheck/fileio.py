"""Writing files so that no run destroys a user's data.

Every command that writes goes through ``write_output``:

* it refuses a target that is one of the run's inputs (an answers file, its checklist, a
  baseline), however it is spelled: ``report a.yaml -o a.yaml`` must not replace the answers;
* it refuses a read-only file, a folder, and devices other than character devices;
* character devices and FIFOs (``/dev/stdout``, a named pipe) are opened and written, never
  renamed over: as root a rename would replace ``/dev/stdout`` with a file;
* a regular file is written beside itself and renamed over the old one, keeping its mode, so an
  interrupted or failed write (a full disk) leaves the old file exactly as it was.

Every failure is a ``UsageError`` that names the path: exit 2, never a traceback.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from implcheck.errors import UsageError

# Plain words for the errors a write can meet; anything else falls back to the system's wording.
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.EISDIR: "it is a folder; give a file name",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.ENOENT: "the folder does not exist",
}

# Paths that name a stream rather than a file even when the stream is a regular file
# (``-o /dev/stdout > out.html``): appended to, never renamed over.
_STREAM_PREFIXES = ("/dev/", "/proc/")


# Half of a UTF-16 pair cannot be encoded; ``assess`` in a C locale reads a typed non-UTF-8 byte
# as one. It is written as U+FFFD rather than crashing the write.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def _reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def _identity(path: Path) -> tuple[str, tuple[int, int] | None]:
    """What a path finally names: its resolved spelling, and (device, inode) when it exists."""
    real = os.path.realpath(path)
    try:
        st = path.stat()
    except (OSError, ValueError):
        return real, None
    return real, (st.st_dev, st.st_ino)


def check_not_input(path: Path, inputs: Iterable[Path]) -> None:
    """Refuse to write over any of ``inputs``, through symlinks, hard links or ``..``."""
    real, node = _identity(path)
    for source in inputs:
        their_real, their_node = _identity(source)
        if real == their_real or (node is not None and node == their_node):
            raise UsageError(
                f"{path}: refusing to write there: it is {source}, one of this run's input files; choose another -o"
            )


def is_dir(path: Path) -> bool:
    """``Path.is_dir`` that says no, rather than raising, for a name too long or a link loop."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def real(path: Path) -> Path:
    """``Path.resolve`` that cannot raise on a symlink loop (``os.path.realpath`` stops there)."""
    return Path(os.path.realpath(path))


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {_reason(exc)}") from None


def is_stream(path: Path) -> bool:
    """A terminal, a pipe or ``/dev/stdout``: written by opening it, with nothing beside it."""
    st = _stat(path)
    if st is None:
        return False
    return stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode) or str(path).startswith(_STREAM_PREFIXES)


def write_output(path: Path, text: str, *, inputs: Iterable[Path] = ()) -> None:
    """Write a command's output to ``path`` (``-o``) without ever destroying an input."""
    check_not_input(path, inputs)
    st = _stat(path)
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise UsageError(f"{path}: is a folder; give -o a file name, such as {path / 'report.html'}")
    if st is not None and not (stat.S_ISREG(st.st_mode) or stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        raise UsageError(f"{path}: cannot write: it is not a regular file, a terminal or a pipe")
    if is_stream(path):
        _write_stream(path, text)
        return
    if st is not None and (not st.st_mode & 0o222 or not os.access(path, os.W_OK)):
        raise UsageError(f"{path}: is read-only; choose another -o or make the file writable")
    # Through a symlink, replace the file it points to, not the link.
    write_atomic(Path(os.path.realpath(path)) if st is not None else path, text, shown=path)


def _write_stream(path: Path, text: str) -> None:
    try:
        with open(path, "a", encoding="utf-8", newline="") as handle:  # noqa: PTH123 - append mode
            handle.write(_encodable(text))
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {_reason(exc)}") from None


def write_atomic(path: Path, text: str, *, encoding: str = "utf-8", shown: Path | None = None) -> None:
    """Write ``text`` to a temporary file beside ``path``, flush it to disk, then rename it over
    ``path``. Readers see the old file or the new one, never a mix; on any failure the old file
    stays as it was and the temporary file is removed."""
    shown = shown or path
    if path.is_dir():
        raise UsageError(f"{shown}: is a folder; give a file name")
    directory = path.parent if str(path.parent) else Path()
    import tempfile  # only a write pays for it: loading files imports this module too

    try:
        # A short fixed prefix, so a name near the file system's limit fails on the rename with a
        # clear reason rather than on a longer temporary name.
        fd, tmp_name = tempfile.mkstemp(prefix=".implcheck-", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        raise UsageError(f"{shown}: cannot write: the folder {directory} does not exist") from None
    except OSError as exc:
        raise UsageError(f"{shown}: cannot write: {_reason(exc)}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(_encodable(text))
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
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        kept = "; the old file is unchanged" if path.exists() else ""
        raise UsageError(f"{shown}: cannot write: {_reason(exc)}{kept}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
