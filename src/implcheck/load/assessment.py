"""Several respondents' answers files as one ``Assessment``, and the rules for combining them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from implcheck.errors import InputError, Problem, ProblemRule, UsageError
from implcheck.fileio import real
from implcheck.load.answers import answers_from_document, is_checklist, load_answers, resolver
from implcheck.load.checklists import checklist_from_document
from implcheck.model import AnswerSheet, Assessment, Checklist, Context, Respondent
from implcheck.safetext import quote
from implcheck.textfile import read_text
from implcheck.yamlsource import load_document

if TYPE_CHECKING:
    from implcheck.collect import ExpectedList

# What makes files one assessment: one school's answers for one initiative and term.
COMBINED_BY = ("school", "initiative", "term")


def context_conflict(mine: Context, theirs: Context, *, blank_matches: bool = False) -> tuple[str, str, str] | None:
    """The first of school, initiative and term on which two contexts differ, as (what, mine,
    theirs); case never matters. ``blank_matches``: a blank on either side is not yet known,
    so it matches anything (``assess`` fills it in)."""
    for what in COMBINED_BY:
        a, b = getattr(mine, what), getattr(theirs, what)
        if blank_matches and not (a and b):
            continue
        if a.casefold() != b.casefold():
            return what, a, b
    return None


def combining_conflict(
    first: AnswerSheet, checklist: Checklist, sheet: AnswerSheet, other: Checklist
) -> tuple[str, str, str] | None:
    """Why ``sheet`` (answering ``other``) cannot be combined with ``first`` (answering
    ``checklist``), as (what, first's, sheet's): another checklist or version, school, initiative
    or term. ``None`` when they are one assessment's files."""
    if (checklist.id, checklist.version) != (other.id, other.version):
        return "checklist", f"{checklist.id} {checklist.version}", f"{other.id} {other.version}"
    return context_conflict(first.context, sheet.context)


def same_respondent(first: AnswerSheet, other: AnswerSheet) -> bool:
    """Two files answered by one named person: counting both would count them twice."""
    return same_person(first.context.respondent, other.context.respondent)


def twice(earlier: object, respondent: Respondent) -> str:
    """What is said of a second file from one person (``check``, ``collect``, ``portfolio``)."""
    return (
        f"answered by the same person as {earlier} ({respondent.role.value} {quote(respondent.name)}); "
        "each respondent's answers count once, so give one file per person, or correct the name or role"
    )


def same_person(a: Respondent, b: Respondent) -> bool:
    """One named person in one role (names compared ignoring case); unnamed respondents never are."""
    return bool(a.name) and a.role is b.role and a.name.casefold() == b.name.casefold()


def load_any(
    path: Path, checklist_dirs: Sequence[Path] = ()
) -> Checklist | tuple[AnswerSheet, Checklist] | ExpectedList:
    """Validate a file of any kind (a checklist, an answers file, or ``collect``'s list of
    expected respondents), telling them apart by their keys."""
    from implcheck.load.expected import expected_from_document, is_expected_list

    doc = load_document(path)
    if is_checklist(doc):
        return checklist_from_document(doc)
    if is_expected_list(doc):
        return expected_from_document(doc)
    if isinstance(doc.data, dict) and ("checklist" in doc.data or "answers" in doc.data):
        return answers_from_document(doc, resolver(checklist_dirs))
    raise InputError(
        [
            doc.problem(
                "not a checklist (it has no 'sections') nor an answers file (it has no 'checklist')",
                rule=ProblemRule.WRONG_KIND,
            )
        ]
    )


def _content(path: Path) -> str | None:
    """The file's content, read the safe way (a regular file, within the size limit). Files given
    together are a few respondents' small files, so they are compared whole: no hash to load."""
    try:
        return read_text(path)
    except InputError:  # pragma: no cover - it changed since it loaded a moment ago
        return None


def load_assessment(paths: list[Path], checklist_dirs: Sequence[Path] = ()) -> Assessment:
    """Load one or more respondents' answers files for the same school, initiative and term.

    Every file is read and every problem reported before giving up, so a trust fixing a
    batch of files sees all of them at once.
    """
    if not paths:
        raise UsageError("no answers files given")
    problems: list[Problem] = []
    loaded: list[tuple[AnswerSheet, Checklist]] = []
    resolve = resolver(checklist_dirs)
    seen: set[Path] = set()
    contents: dict[str, Path] = {}
    for path in paths:
        if real(path) in seen:
            raise UsageError(f"{path}: given more than once")
        seen.add(real(path))
        try:
            loaded.append(load_answers(path, resolve))
        except InputError as error:
            problems.extend(error.problems)
            continue
        content = _content(path)  # only once it loaded: never a FIFO or a device
        if content is None:  # pragma: no cover - see _content
            continue
        if content in contents:
            raise UsageError(
                f"{path}: is a copy of {contents[content]} (the same content); "
                "each respondent's answers count once, so give each file once"
            )
        contents.setdefault(content, path)
    if problems:
        raise InputError(problems)
    first_sheet, checklist = loaded[0]
    for index, (sheet, other) in enumerate(loaded[1:], start=1):
        _same_assessment(first_sheet, checklist, sheet, other)
        for earlier, _ in loaded[:index]:
            if same_respondent(earlier, sheet):
                respondent = sheet.context.respondent
                raise InputError.single(
                    str(sheet.path), twice(earlier.path, respondent), rule=ProblemRule.DUPLICATE_RESPONDENT
                )
    return Assessment(checklist, tuple(sheet for sheet, _ in loaded))


def _same_assessment(first: AnswerSheet, checklist: Checklist, sheet: AnswerSheet, other: Checklist) -> None:
    conflict = combining_conflict(first, checklist, sheet, other)
    if conflict is not None:
        what, mine, theirs = conflict
        raise UsageError(
            f"{sheet.path}: cannot be combined with {first.path}: its {what} is {quote(theirs)}, "
            f"not {quote(mine)}. Files given together must be one school's answers for one "
            "initiative, checklist and term; check each one separately."
        )
