"""``implcheck init``: a fillable answers file, blank or carried over from last term's.

``init CHECKLIST`` writes every item as ``unknown``; ``init --from LAST --term T`` writes next
term's file for the same school, initiative and respondent, by the rules in ``carry.py``.
Either way the file is printed, or written (never over an existing file without ``--force``,
never over an input) with the checklist's editor schema beside it.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from implcheck import answers_file, catalog
from implcheck.carry import carry, check_new_term, summary
from implcheck.commands import Outcome
from implcheck.errors import UsageError
from implcheck.fileio import check_not_input, is_dir, is_stream, write_output
from implcheck.load import checklist_dir_option, load_answers, load_checklist_ref, ref_for, resolver
from implcheck.model import Checklist, Context
from implcheck.safetext import line

# ``render(ref)`` is the file, naming its checklist as ``ref``.
Render = Callable[[str], str]


def run(
    ref: str | None,
    output: Path | None,
    *,
    force: bool = False,
    last: Path | None = None,
    term: str | None = None,
    checklist_dirs: Sequence[Path] = (),
    today: date | None = None,
) -> Outcome:
    term = " ".join((term or "").split())
    if last is not None:
        if ref is not None:
            raise UsageError(
                f"give a checklist or --from, not both: --from uses the checklist {last} names, "
                "so leave out the checklist"
            )
        return from_last_term(last, term, output, force=force, checklist_dirs=checklist_dirs, today=today)
    if ref is None:
        raise UsageError(
            "name the checklist to answer (implcheck checklists lists them), "
            "or give --from LAST.yaml --term TERM to start from last term's answers file"
        )
    return init(ref, output, force=force, context=Context(term=term))


def init(ref: str, output: Path | None, *, force: bool = False, context: Context | None = None) -> Outcome:
    checklist = load_checklist_ref(ref)
    context = context or Context()
    inputs = [checklist.path] if checklist.path else []

    def render(named: str) -> str:
        return answers_file.render(checklist, named, context, {})

    written = _deliver(checklist, ref, output, render, force=force, inputs=inputs)
    if written is None:
        return Outcome(render(ref)) if output is None or str(output) == "-" else Outcome()
    schema = answers_file.write_schema_beside(written, checklist)
    return Outcome(
        stderr=f"wrote {output} ({len(checklist.items)} items, all unknown) and {schema} for editor "
        f"validation.\nNext: answer each item, then run: implcheck check{checklist_dir_option(checklist, written)} "
        f"{shlex.quote(str(output))}\n"
    )


def from_last_term(
    last: Path,
    term: str,
    output: Path | None,
    *,
    force: bool = False,
    checklist_dirs: Sequence[Path] = (),
    today: date | None = None,
) -> Outcome:
    """Next term's file from ``last``: see ``carry.py`` for what comes along."""
    if is_dir(last):
        example = shlex.quote(str(last / _first_yaml(last)))
        raise UsageError(
            f"{last}: is a folder; --from takes one respondent's answers file, since each respondent "
            "answers next term in a file of their own. Run it once for each file in the folder, such as: "
            f"implcheck init --from {example} --term {shlex.quote(term or 'TERM')} -o NEW.yaml"
        )
    sheet, checklist = load_answers(last, resolver(checklist_dirs))
    last_term = sheet.context.term
    if not term:
        was = f" (last term's file is for {line(last_term)})" if last_term else ""
        raise UsageError(f"--from needs --term: the term the new file is for, such as 2027-spring{was}")
    check_new_term(last, last_term, term)
    carried = carry(sheet, term, (today or _today()).isoformat())
    inputs = [last, *([checklist.path] if checklist.path else [])]

    def render(named: str) -> str:
        return answers_file.render(
            checklist,
            named,
            carried.context,
            {},
            actions=carried.actions,
            accepted_risks=carried.accepted_risks,
            last=carried.last,
        )

    # Shipped ids stay as they are; a checklist path is written relative to the new file. On
    # stdout, where the file will go is not known: last term's own reference is kept.
    shipped = catalog.shipped_path(sheet.checklist_ref) is not None
    named = sheet.checklist_ref if shipped or checklist.path is None else str(checklist.path)
    written = _deliver(checklist, named, output, render, force=force, inputs=inputs, printed_ref=sheet.checklist_ref)
    if written is None:
        return Outcome(render(sheet.checklist_ref)) if output is None or str(output) == "-" else Outcome()
    schema = answers_file.write_schema_beside(written, checklist)
    return Outcome(
        stderr=f"wrote {output} for {line(term)} ({len(checklist.items)} items, all unknown, last term's answer "
        f"beside each) and {schema} for editor validation.\n{summary(carried)}\n"
        f"assessed_on is today, {carried.context.assessed_on}: change it to the day you answer.\n"
        f"Next: answer each item again, then run: implcheck check{checklist_dir_option(checklist, written)} "
        f"{shlex.quote(str(output))}\n"
    )


def _today() -> date:
    """The day the new file is made (tests replace it)."""
    return date.today()


def _first_yaml(folder: Path) -> str:
    """A file to name in the example: the folder's first YAML file, else a typical name."""
    try:
        names = sorted(path.name for path in folder.iterdir() if path.suffix in (".yaml", ".yml"))
    except OSError:
        names = []
    return line(names[0]) if names else "senior-leader.yaml"


def _deliver(
    checklist: Checklist,
    ref: str,
    output: Path | None,
    render: Render,
    *,
    force: bool,
    inputs: list[Path],
    printed_ref: str | None = None,
) -> Path | None:
    """Write the file to ``output`` and return it; ``None`` when it is printed instead (no
    ``-o``, ``-o -``: the caller prints it; a stream such as ``/dev/stdout``: written here)."""
    if output is None or str(output) == "-":
        return None
    check_not_input(output, inputs)
    if is_stream(output):  # ``-o /dev/stdout``: the file as it would print, no schema beside it
        write_output(output, render(printed_ref or ref), inputs=inputs)
        return None
    if output.exists() and not force:
        raise UsageError(f"{output}: already exists; use --force to overwrite it, or choose another -o")
    write_output(output, render(ref_for(ref, output)), inputs=inputs)
    return output
