"""``implcheck form``: one role's questionnaire as a self-contained HTML page to share.

The page is made by ``present/form.py``; this writes it (never over an existing file without
``--force``, never over the checklist) and says how the answers come back.
"""

from __future__ import annotations

from pathlib import Path

from implcheck import catalog
from implcheck.commands import Outcome
from implcheck.errors import UsageError
from implcheck.fileio import check_not_input, is_dir, is_stream, write_output
from implcheck.load import load_checklist_ref
from implcheck.model import Role
from implcheck.present import form
from implcheck.result import counted
from implcheck.safetext import line, quote

DEFAULT_CHECKLIST = "edtech-readiness"


def run(
    ref: str | None,
    role: Role,
    output: Path,
    *,
    force: bool = False,
    school: str = "",
    initiative: str = "",
    term: str = "",
) -> Outcome:
    ref = ref or DEFAULT_CHECKLIST
    checklist = load_checklist_ref(ref)
    shipped = catalog.shipped_path(ref) is not None
    # A downloaded file lands wherever the browser puts it, so it names a checklist of the
    # user's own by its file name: the leader keeps the returned files beside the checklist.
    named = ref if shipped else Path(ref).name
    view = form.build(
        checklist, role, named, school=_one_line(school), initiative=_one_line(initiative), term=_one_line(term)
    )
    if not view.count:
        asked = [each.value for each in Role if checklist.asked(each)]
        raise UsageError(
            f"{quote(checklist.title)} asks {view.role_words} no questions; choose a role it asks: {', '.join(asked)}"
        )
    page = form.render(view)
    inputs = [checklist.path] if checklist.path else []
    if str(output) == "-":
        return Outcome(page)
    check_not_input(output, inputs)
    if is_dir(output):
        raise UsageError(f"{output}: is a folder; give -o a file name, such as {output / f'{role.value}-form.html'}")
    if not is_stream(output) and (output.exists() or output.is_symlink()) and not force:
        raise UsageError(f"{output}: already exists; use --force to overwrite it, or choose another -o")
    write_output(output, page, inputs=inputs)
    back = "" if shipped else f"{_BESIDE.format(name=line(named))}\n"
    said = f"wrote {line(str(output))}: {counted(view.count, 'question')} for {view.role_words}.\n"
    return Outcome(stderr=f"{said}{_SHARE}\n{back}{_NEXT}\n")


_SHARE = (
    "Share it from a shared drive or Teams, not as an email attachment (many school mail systems hold back "
    ".html files). Each person answers in their browser and sends back the answers file it downloads."
)
_BESIDE = "The files name the checklist {name}: keep them in the folder with it, or give check --checklist-dir."
_NEXT = (
    "Then put the returned files in one folder with the leader's: implcheck collect FOLDER says who has "
    "replied, and implcheck report FOLDER writes the report"
)


def _one_line(text: str) -> str:
    """A value typed on the command line, on one line and with any control character shown."""
    return line(" ".join(text.split()))
