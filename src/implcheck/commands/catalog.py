"""``implcheck checklists``, ``show`` and ``init``: what ships, and a blank answers file."""

from __future__ import annotations

from pathlib import Path

from implcheck import answers_file, catalog
from implcheck.commands import Outcome
from implcheck.errors import UsageError
from implcheck.fileio import check_not_input, is_stream, write_output
from implcheck.load import checklist_dir_option, load_checklist, load_checklist_ref, ref_for
from implcheck.model import Context
from implcheck.present import ShowFormat, render_checklist


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
    return Outcome(render_checklist(checklist, fmt))


def init(ref: str, output: Path | None, *, force: bool = False, context: Context | None = None) -> Outcome:
    checklist = load_checklist_ref(ref)
    if output is None or str(output) == "-":
        return Outcome(answers_file.render(checklist, ref, context or Context(), {}))
    inputs = [checklist.path] if checklist.path else []
    check_not_input(output, inputs)
    if is_stream(output):  # ``-o /dev/stdout``: the file as it would print, no schema beside it
        write_output(output, answers_file.render(checklist, ref, context or Context(), {}), inputs=inputs)
        return Outcome()
    if output.exists() and not force:
        raise UsageError(f"{output}: already exists; use --force to overwrite it, or choose another -o")
    text = answers_file.render(checklist, ref_for(ref, output), context or Context(), {})
    write_output(output, text, inputs=inputs)
    schema = answers_file.write_schema_beside(output, checklist)
    return Outcome(
        stderr=f"wrote {output} ({len(checklist.items)} items, all unknown) and {schema} for editor "
        f"validation.\nNext: answer each item, then run: implcheck check{checklist_dir_option(checklist, output)} "
        f"{output}\n"
    )
