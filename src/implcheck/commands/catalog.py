"""``implcheck checklists``, ``show`` and ``init``: what ships, and a blank answers file."""

from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path

from implcheck import answers_file, catalog
from implcheck.commands import Outcome
from implcheck.errors import UsageError
from implcheck.fileio import write_atomic
from implcheck.load import load_checklist, load_checklist_ref
from implcheck.model import Context
from implcheck.present.checklist import render_markdown, render_text
from implcheck.schemas import ANSWERS


class ShowFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"


def list_shipped() -> Outcome:
    rows = []
    for checklist_id in catalog.SHIPPED:
        path = catalog.shipped_path(checklist_id)
        assert path is not None
        checklist = load_checklist(path)
        rows.append((checklist.id, checklist.version, checklist.title))
    id_width = max(len(row[0]) for row in rows)
    version_width = max(len(row[1]) for row in rows)
    return Outcome("".join(f"{i:<{id_width}}  {v:<{version_width}}  {t}\n" for i, v, t in rows))


def show(ref: str, fmt: ShowFormat = ShowFormat.TEXT) -> Outcome:
    checklist = load_checklist_ref(ref)
    render = render_markdown if fmt is ShowFormat.MARKDOWN else render_text
    return Outcome(render(checklist))


def init(ref: str, output: Path | None, *, force: bool = False, context: Context | None = None) -> Outcome:
    checklist = load_checklist_ref(ref)
    text = answers_file.render(checklist, ref, context or Context(), {})
    if output is None or str(output) == "-":
        return Outcome(text)
    if output.exists() and not force:
        raise UsageError(f"{output}: already exists; use --force to overwrite it, or choose another -o")
    if catalog.looks_like_path(ref) and not Path(ref).is_absolute():
        # The answers file names its checklist relative to itself.
        ref = os.path.relpath(Path(ref).resolve(), output.resolve().parent)
        text = answers_file.render(checklist, ref, context or Context(), {})
    write_atomic(output, text)
    schema = output.parent / answers_file.SCHEMA_FILE
    write_atomic(schema, json.dumps(ANSWERS, indent=2) + "\n")
    return Outcome(
        stderr=f"wrote {output} ({len(checklist.items)} items, all unknown) and {schema} for editor "
        f"validation.\nNext: answer each item, then run: implcheck check {output}\n"
    )
