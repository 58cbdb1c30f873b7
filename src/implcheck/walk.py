"""Find the YAML files in a trust's folders without being led astray by the tree itself.

A shared drive or a git checkout can hold anything: links to elsewhere on the disk, named pipes
that would block a reader forever, folders that link back to their parents. So the walk reads
only regular files, follows a link only when it stays inside the folder given, never descends
into a linked folder, and visits each file once however many ways lead to it. Everything left
out is returned with the reason, for ``--verbose``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from implcheck.errors import Problem, ProblemRule, UsageError

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.path}: {self.reason}"


Found = Path | Skipped | Problem


def walk(roots: list[Path]) -> Iterator[Found]:
    """Every YAML file under ``roots`` in name order, with what was left out and why."""
    seen: set[str] = set()
    for root in roots:
        if not root.is_dir():
            what = "does not exist" if not root.exists() else "is not a folder"
            raise UsageError(f"{root}: {what}; give the folders that hold the schools' answers files")
        yield from _walk(root, os.path.realpath(root), seen)


def _walk(folder: Path, inside: str, seen: set[str]) -> Iterator[Found]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield Problem(str(folder), 1, 1, f"cannot read this folder: {exc.strerror or exc}", ProblemRule.FILE_UNREADABLE)
        return
    for entry in entries:
        path = folder / entry.name
        if entry.is_symlink():
            yield from _link(path, inside, seen)
        elif entry.is_dir(follow_symlinks=False):
            if entry.name.startswith("."):
                yield Skipped(str(path), "a hidden folder")
            else:
                yield from _walk(path, inside, seen)
        elif not entry.name.endswith(SUFFIXES):
            yield Skipped(str(path), "not a YAML file")
        elif not entry.is_file(follow_symlinks=False):
            yield Skipped(str(path), "not a regular file")
        else:
            yield from _once(path, os.path.realpath(path), seen)


def _link(path: Path, inside: str, seen: set[str]) -> Iterator[Found]:
    target = os.path.realpath(path)
    if os.path.commonpath([inside, target]) != inside:
        yield Skipped(str(path), "a link to outside the folder (not followed)")
        return
    try:
        mode = Path(target).stat().st_mode
    except OSError:
        yield Skipped(str(path), "a broken link")
        return
    if stat.S_ISDIR(mode):
        yield Skipped(str(path), "a link to a folder (not followed)")
    elif not path.name.endswith(SUFFIXES):
        yield Skipped(str(path), "not a YAML file")
    elif not stat.S_ISREG(mode):
        yield Skipped(str(path), "not a regular file")
    else:
        yield from _once(path, target, seen)


def _once(path: Path, real: str, seen: set[str]) -> Iterator[Found]:
    if real in seen:
        yield Skipped(str(path), "the same file as one already read")
    else:
        seen.add(real)
        yield path
