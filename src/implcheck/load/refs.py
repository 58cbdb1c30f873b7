"""The one place a checklist reference (a shipped id or a path) becomes a checklist file.

A path typed on the command line is the user's own to name. A path written in an answers file
is not trusted: a school's file run in a trust's CI must not read the runner's other files
(``checklist: ../secrets/.env``). So it must lead to a file inside the answers file's folder, or
inside a folder the user names with ``--checklist-dir``; absolute paths are refused.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Sequence
from pathlib import Path

from implcheck import catalog
from implcheck.errors import ProblemRule, UsageError, excerpt
from implcheck.fileio import real
from implcheck.load.checker import did_you_mean
from implcheck.load.checklists import load_checklist
from implcheck.model import Checklist


class RefError(Exception):
    """A reference that names no usable checklist; the caller says where it was written."""

    def __init__(self, message: str, rule: ProblemRule) -> None:
        super().__init__(message)
        self.message = message
        self.rule = rule


def _unknown(ref: str) -> RefError:
    known = list(catalog.SHIPPED)
    return RefError(
        f"unknown checklist {excerpt(ref)}{did_you_mean(ref, known)}; "
        f"use a shipped id ({', '.join(known)}) or a path to a checklist file",
        ProblemRule.UNKNOWN_CHECKLIST,
    )


def find_checklist(ref: str, *, written_in: Path | None = None, checklist_dirs: Sequence[Path] = ()) -> Path:
    """The checklist file ``ref`` names. ``written_in`` is the answers file it was read from
    (``None``: typed on the command line), whose folder and ``checklist_dirs`` confine it."""
    shipped = catalog.shipped_path(ref)
    if shipped is not None:
        return shipped
    if written_in is None:
        if catalog.looks_like_path(ref) or Path(ref).is_file():
            return Path(ref)
        raise _unknown(ref)
    if not catalog.looks_like_path(ref):
        raise _unknown(ref)
    if Path(ref).is_absolute():
        raise RefError(
            f"checklist path {excerpt(ref)} is absolute; write it relative to this file's folder, "
            "or put the checklist in a folder named with --checklist-dir",
            ProblemRule.CHECKLIST_OUTSIDE,
        )
    folder = written_in.parent
    roots = [real(folder), *(real(Path(directory)) for directory in checklist_dirs)]
    escaped = False
    for base in (folder, *checklist_dirs):
        candidate = Path(base) / ref
        resolved = real(candidate)
        if not any(resolved.is_relative_to(root) for root in roots):
            escaped = True
        elif resolved.is_file():
            return candidate
    if escaped:
        raise RefError(
            f"checklist path {excerpt(ref)} leads outside this file's folder; keep the checklist in it "
            "(or below it), or name the checklist's folder with --checklist-dir",
            ProblemRule.CHECKLIST_OUTSIDE,
        )
    where = "this file's folder" + "".join(f", {directory}" for directory in checklist_dirs)
    raise RefError(f"checklist file {excerpt(ref)} not found (looked in {where})", ProblemRule.CHECKLIST_NOT_FOUND)


def load_checklist_ref(ref: str) -> Checklist:
    """A checklist named on the command line: a shipped id or a path to a file."""
    try:
        return load_checklist(find_checklist(ref))
    except RefError as error:
        raise UsageError(error.message) from None


def ref_for(ref: str, answers_path: Path) -> str:
    """How the answers file at ``answers_path`` names the checklist ``ref`` (typed on the
    command line): a shipped id as it is; a path made relative to the file's own folder, so the
    file loads from any working folder."""
    if catalog.shipped_path(ref) is not None:
        return ref
    return os.path.relpath(real(Path(ref)), real(answers_path).parent)


def checklist_for_new_file(ref: str, answers_path: Path) -> tuple[Checklist, str]:
    """The checklist ``ref`` names, and how a new answers file at ``answers_path`` names it."""
    return load_checklist_ref(ref), ref_for(ref, answers_path)


def checklist_dir_option(checklist: Checklist, answers_path: Path) -> str:
    """`` --checklist-dir DIR `` when the answers file at ``answers_path`` names ``checklist``
    outside its own folder (so the commands it is told to run next work as printed), else ``""``."""
    if checklist.path is None or catalog.shipped_path(checklist.id) == checklist.path:
        return ""
    folder = real(checklist.path).parent
    if folder.is_relative_to(real(answers_path).parent):
        return ""
    return f" --checklist-dir {shlex.quote(os.path.relpath(folder))}"


def with_named_checklist(ref: str | None, checklist_dirs: Sequence[Path]) -> tuple[Path, ...]:
    """``checklist_dirs`` and, when the user named a checklist file on the command line, its
    folder: the answers file written for it may name it there."""
    named = () if ref is None or catalog.shipped_path(ref) is not None else (Path(ref).parent,)
    return (*checklist_dirs, *named)
