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

from implcheck import answers_file, migrate, roles
from implcheck.carry import (
    carry,
    check_new_term,
    checklist_ref,
    load_last,
    next_term,
    refuse_a_checklist_too,
    summary,
)
from implcheck.commands import Outcome
from implcheck.errors import UsageError
from implcheck.fileio import check_not_input, is_stream, write_output
from implcheck.load import checklist_dir_option, load_checklist_ref, ref_for
from implcheck.model import ALWAYS_ASKED, Checklist, Context, Respondent, Role
from implcheck.safetext import line

# ``render(path)`` is the file as written at ``path``, which it names its checklist relative to;
# ``render(None)`` the file as printed.
Render = Callable[[Path | None], str]


def run(
    ref: str | None,
    output: Path | None,
    *,
    force: bool = False,
    last: Path | None = None,
    term: str | None = None,
    role: Role | None = None,
    checklist_dirs: Sequence[Path] = (),
    today: date | None = None,
) -> Outcome:
    term = " ".join((term or "").split())
    if last is not None:
        refuse_a_checklist_too(ref, last)
        if role is not None:
            raise UsageError("--from keeps last term's respondent and role; leave out --role")
        return from_last_term(last, term, output, force=force, checklist_dirs=checklist_dirs, today=today)
    if ref is None:
        raise UsageError(
            "name the checklist to answer (implcheck checklists lists them), "
            "or give --from LAST.yaml --term TERM to start from last term's answers file"
        )
    return init(ref, output, force=force, context=Context(term=term, respondent=Respondent(role=role or Role.OTHER)))


def init(ref: str, output: Path | None, *, force: bool = False, context: Context | None = None) -> Outcome:
    checklist = load_checklist_ref(ref)
    context = context or Context()
    inputs = [checklist.path] if checklist.path else []
    asked = len(checklist.asked(context.respondent.role))

    def render(new: Path | None) -> str:
        return answers_file.render(checklist, ref if new is None else ref_for(ref, new), context, {})

    return _deliver(
        output,
        render,
        checklist,
        force=force,
        inputs=inputs,
        said=lambda schema: (
            f"wrote {output} ({_questions(asked, context.respondent.role)}, all unknown) and {schema} for editor "
            "validation.\nNext: answer each item"
        ),
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
    sheet, checklist = load_last(
        last, f"implcheck init --from {{last}} --term {shlex.quote(term or 'TERM')} -o NEW.yaml", checklist_dirs
    )
    last_term = sheet.context.term
    if not term:
        was = f" (last term's file is for {line(last_term)})" if last_term else ""
        raise UsageError(
            f"--from needs --term: the term the new file is for, such as {next_term(last_term) or '2027-spring'}{was}"
        )
    check_new_term(last, last_term, term)
    carried = carry(sheet, term, (today or _today()).isoformat())
    asked = len(checklist.asked(carried.context.respondent.role))
    inputs = [last, *([checklist.path] if checklist.path else [])]
    migrated = migrate.note(checklist, sheet.migrated)
    if any(each.is_retired for each in sheet.migrated):
        migrated += " Each retired question's answer is kept in the new file as a comment."
    migrated += "\n" if migrated else ""

    def render(new: Path | None) -> str:
        return answers_file.render(
            checklist,
            checklist_ref(sheet, checklist, new),
            carried.context,
            {},
            actions=carried.actions,
            accepted_risks=carried.accepted_risks,
            last=carried.last,
        )

    return _deliver(
        output,
        render,
        checklist,
        force=force,
        inputs=inputs,
        said=lambda schema: (
            f"wrote {output} for {line(term)} ({_questions(asked, carried.context.respondent.role)}, all unknown, last "
            f"term's answer beside each) and {schema} for editor validation.\n{summary(carried, checklist)}\n"
            f"{migrated}"
            f"assessed_on is today, {carried.context.assessed_on}: change it to the day you answer.\n"
            "Next: answer each item again"
        ),
    )


def _questions(asked: int, role: Role) -> str:
    """``15 questions, about 8 minutes, for a teacher``: how much the file asks of whom."""
    whose = "" if role in ALWAYS_ASKED else f", for {roles.a_role(role)}"
    return f"{roles.how_long(asked)}{whose}"


def _today() -> date:  # pragma: no cover - the clock; tests replace it
    """The day the new file is made."""
    return date.today()


def _deliver(
    output: Path | None,
    render: Render,
    checklist: Checklist,
    *,
    force: bool,
    inputs: list[Path],
    said: Callable[[Path], str],
) -> Outcome:
    """Print the file (no ``-o``, ``-o -``), send it to a stream such as ``/dev/stdout`` as it
    would print, or write it with the editor schema beside it and say so: ``said(schema)``,
    then the command to check it."""
    if output is None or str(output) == "-":
        return Outcome(render(None))
    check_not_input(output, inputs)
    if is_stream(output):  # no schema beside a stream
        write_output(output, render(None), inputs=inputs)
        return Outcome()
    if output.exists() and not force:
        raise UsageError(f"{output}: already exists; use --force to overwrite it, or choose another -o")
    write_output(output, render(output), inputs=inputs)
    schema = answers_file.write_schema_beside(output, checklist)
    check = f"implcheck check{checklist_dir_option(checklist, output)} {shlex.quote(str(output))}"
    return Outcome(stderr=f"{said(schema)}, then run: {check}\n")
