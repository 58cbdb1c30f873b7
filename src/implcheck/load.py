"""Load and validate checklists and answers files: one way in, every problem at once.

Each ``load_*`` function either returns trusted records (``model.py``) or raises one
``InputError`` listing every problem found, each as ``path:line:col: message``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from implcheck import catalog
from implcheck.errors import InputError, Problem, UsageError
from implcheck.fileio import real
from implcheck.model import (
    Answer,
    AnswerSheet,
    AnswerValue,
    Assessment,
    Checklist,
    Context,
    FailureMode,
    Item,
    Respondent,
    Role,
    Section,
    Stage,
    Thresholds,
)
from implcheck.safetext import quote
from implcheck.yamlsource import Document, Key, load_document

MAX_PROBLEMS = 50  # per file
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
E = TypeVar("E", bound=Enum)

CHECKLIST_KEYS = ("id", "title", "version", "description", "thresholds", "sections")
SECTION_KEYS = ("id", "title", "stage", "items")
ITEM_REQUIRED = ("id", "question", "why", "failure_mode", "weight", "critical", "action", "source")
ITEM_KEYS = (*ITEM_REQUIRED, "owner", "by_when")
THRESHOLD_KEYS = ("ready", "conditions", "floor", "min_confidence")
ANSWERS_KEYS = ("checklist", "context", "answers")
CONTEXT_KEYS = ("school", "initiative", "term", "assessed_on", "respondent")
RESPONDENT_KEYS = ("name", "role")
ANSWER_KEYS = ("answer", "evidence", "date")


def choices(enum: type[Enum]) -> str:
    return ", ".join(str(member.value) for member in enum)


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


class _Checker:
    """Collects problems against one document instead of stopping at the first."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def add(self, message: str, *path: Key, at_key: bool = False) -> None:
        self.problems.append(self.doc.problem(message, *path, at_key=at_key))
        if len(self.problems) >= MAX_PROBLEMS:
            # A hostile or badly broken file could otherwise yield a problem per line.
            last = max(self.problems, key=lambda problem: problem.sort_key)
            stop = f"stopped after {MAX_PROBLEMS} problems in this file; fix these and run again"
            raise InputError([*self.problems, Problem(last.path, last.line, last.col, stop, final=True)])

    def mapping(
        self, value: object, path: tuple[Key, ...], allowed: tuple[str, ...], what: str
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(f"{what} must be a mapping of keys to values, got {_describe(value)}", *path)
            return None
        for key in value:
            if key not in allowed:
                hint = _did_you_mean(str(key), allowed)
                self.add(
                    f"unknown key {key!r} in {what}{hint}; allowed: {', '.join(allowed)}",
                    *path,
                    key,
                    at_key=True,
                )
        return value

    def require(self, mapping: dict[str, Any], path: tuple[Key, ...], keys: tuple[str, ...]) -> bool:
        missing = [key for key in keys if key not in mapping]
        for key in missing:
            self.add(f"missing required key {key!r}", *path)
        return not missing

    def text(self, mapping: dict[str, Any], path: tuple[Key, ...], key: str, *, optional: bool = False) -> str:
        if key not in mapping:
            return ""  # reported once, by ``require``, when the key is required
        value = mapping[key]
        if value is None and optional:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.add(f"{key!r} must be text, got {_describe(value)}", *path, key)
            return ""
        text = str(value).strip()
        if not text and not optional:
            self.add(f"{key!r} must not be empty", *path, key)
        return text

    def kebab_id(self, mapping: dict[str, Any], path: tuple[Key, ...], key: str = "id") -> str:
        value = self.text(mapping, path, key)
        if value and not KEBAB.match(value):
            self.add(
                f"{key!r} must be kebab-case (lowercase letters, digits and single hyphens), got {value!r}",
                *path,
                key,
            )
        return value

    def choice(self, mapping: dict[str, Any], path: tuple[Key, ...], key: str, enum: type[E]) -> E | None:
        if key not in mapping:
            return None  # reported by ``require``
        value = mapping[key]
        try:
            return enum(value)
        except ValueError:
            self.add(f"{key!r} must be one of {choices(enum)}; got {_describe(value)}", *path, key)
            return None

    def number(self, mapping: dict[str, Any], path: tuple[Key, ...], key: str, low: float, high: float) -> float | None:
        value = mapping.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            self.add(f"{key!r} must be a number from {low:g} to {high:g}, got {_describe(value)}", *path, key)
            return None
        return float(value)

    def iso_date(self, mapping: dict[str, Any], path: tuple[Key, ...], key: str) -> str:
        value = self.text(mapping, path, key, optional=True)
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                self.add(f"{key!r} must be a date written YYYY-MM-DD, got {value!r}", *path, key)
        return value

    def fail_if_any(self) -> None:
        if self.problems:
            raise InputError(self.problems)


def _did_you_mean(word: str, candidates: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


# --- checklists ---------------------------------------------------------------------------


def load_checklist(path: Path) -> Checklist:
    return checklist_from_document(load_document(path))


def checklist_from_document(doc: Document) -> Checklist:
    check = _Checker(doc)
    top = check.mapping(doc.data, (), CHECKLIST_KEYS, "a checklist")
    if top is None:
        check.fail_if_any()
        raise AssertionError("unreachable")  # pragma: no cover
    check.require(top, (), ("id", "title", "version", "description", "sections"))
    checklist_id = check.kebab_id(top, ())
    title = check.text(top, (), "title")
    version = check.text(top, (), "version")
    description = check.text(top, (), "description")
    thresholds = _thresholds(check, top.get("thresholds"))
    sections = _sections(check, top.get("sections"))
    check.fail_if_any()
    return Checklist(checklist_id, title, version, description, sections, thresholds, doc.path)


def _thresholds(check: _Checker, raw: object) -> Thresholds:
    if raw is None:
        return Thresholds()
    path: tuple[Key, ...] = ("thresholds",)
    mapping = check.mapping(raw, path, THRESHOLD_KEYS, "'thresholds'")
    if mapping is None:
        return Thresholds()
    default = Thresholds()
    values: dict[str, float] = {}
    for key in THRESHOLD_KEYS:
        if key in mapping:
            high = 1.0 if key == "min_confidence" else 100.0
            number = check.number(mapping, path, key, 0.0, high)
            if number is not None:
                values[key] = number
    thresholds = Thresholds(**{**default.__dict__, **values})
    if thresholds.conditions > thresholds.ready:
        check.add("'conditions' must not be above 'ready'", *path, "conditions")
    return thresholds


def _sections(check: _Checker, raw: object) -> tuple[Section, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        check.add(f"'sections' must be a non-empty list of sections, got {_describe(raw)}", "sections")
        return ()
    sections: list[Section] = []
    section_ids: dict[str, int] = {}
    item_ids: dict[str, int] = {}
    for index, raw_section in enumerate(raw):
        path: tuple[Key, ...] = ("sections", index)
        mapping = check.mapping(raw_section, path, SECTION_KEYS, "a section")
        if mapping is None:
            continue
        check.require(mapping, path, SECTION_KEYS)
        section_id = check.kebab_id(mapping, path)
        _unique(check, section_ids, section_id, "section id", (*path, "id"))
        title = check.text(mapping, path, "title")
        stage = check.choice(mapping, path, "stage", Stage)
        items = _items(check, mapping.get("items"), (*path, "items"), item_ids)
        if stage is not None:
            sections.append(Section(section_id, title, stage, items))
    return tuple(sections)


def _unique(check: _Checker, seen: dict[str, int], value: str, what: str, path: tuple[Key, ...]) -> None:
    if not value:
        return
    line = check.doc.where(*path).line
    if value in seen:
        check.add(f"duplicate {what} {value!r} (first used on line {seen[value]})", *path)
    else:
        seen[value] = line


def _items(check: _Checker, raw: object, path: tuple[Key, ...], item_ids: dict[str, int]) -> tuple[Item, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        check.add(f"'items' must be a non-empty list of items, got {_describe(raw)}", *path)
        return ()
    items: list[Item] = []
    for index, raw_item in enumerate(raw):
        item_path = (*path, index)
        mapping = check.mapping(raw_item, item_path, ITEM_KEYS, "an item")
        if mapping is None:
            continue
        complete = check.require(mapping, item_path, ITEM_REQUIRED)
        item_id = check.kebab_id(mapping, item_path)
        _unique(check, item_ids, item_id, "item id", (*item_path, "id"))
        failure_mode = check.choice(mapping, item_path, "failure_mode", FailureMode)
        weight = mapping.get("weight", 1)
        if isinstance(weight, bool) or weight not in (1, 2, 3):
            check.add(f"'weight' must be 1, 2 or 3, got {_describe(weight)}", *item_path, "weight")
        critical = mapping.get("critical", False)
        if not isinstance(critical, bool):
            check.add(f"'critical' must be true or false, got {_describe(critical)}", *item_path, "critical")
        item = Item(
            id=item_id,
            question=check.text(mapping, item_path, "question"),
            why=check.text(mapping, item_path, "why"),
            failure_mode=failure_mode or FailureMode.UNCLEAR_PROBLEM,
            weight=weight if isinstance(weight, int) else 1,
            critical=critical is True,
            action=check.text(mapping, item_path, "action"),
            source=check.text(mapping, item_path, "source"),
            owner=check.text(mapping, item_path, "owner", optional=True),
            by_when=check.text(mapping, item_path, "by_when", optional=True),
        )
        if complete:
            items.append(item)
    return tuple(items)


# --- answers ------------------------------------------------------------------------------


ChecklistResolver = Callable[[str, Document], Checklist]


def resolve_checklist(ref: str, doc: Document) -> Checklist:
    """A shipped id, or a path relative to the answers file (then to the working folder)."""
    shipped = catalog.shipped_path(ref)
    if shipped is not None:
        return load_checklist(shipped)
    if catalog.looks_like_path(ref):
        for candidate in (doc.path.parent / ref, Path(ref)):
            if candidate.is_file():
                return load_checklist(candidate)
        raise InputError(
            [
                doc.problem(
                    f"checklist file {ref!r} not found (looked beside this file and in the working folder)",
                    "checklist",
                )
            ]
        )
    known = list(catalog.SHIPPED)
    raise InputError(
        [
            doc.problem(
                f"unknown checklist {ref!r}{_did_you_mean(ref, known)}; "
                f"use a shipped id ({', '.join(known)}) or a path to a checklist file",
                "checklist",
            )
        ]
    )


def load_answers(path: Path, resolver: ChecklistResolver = resolve_checklist) -> tuple[AnswerSheet, Checklist]:
    return answers_from_document(load_document(path), resolver)


def answers_from_document(
    doc: Document, resolver: ChecklistResolver = resolve_checklist
) -> tuple[AnswerSheet, Checklist]:
    if isinstance(doc.data, dict) and "sections" in doc.data:
        raise InputError(
            [doc.problem(f"this is a checklist, not an answers file; to answer it, run: implcheck init {doc.path}")]
        )
    check = _Checker(doc)
    top = check.mapping(doc.data, (), ANSWERS_KEYS, "an answers file")
    if top is None:
        check.fail_if_any()
        raise AssertionError("unreachable")  # pragma: no cover
    check.require(top, (), ("checklist",))
    ref = check.text(top, (), "checklist")
    context = _context(check, top.get("context"))
    if not ref:
        check.fail_if_any()  # the checklist is needed before the answers can be judged
    try:
        checklist = resolver(ref, doc)
    except InputError as error:
        raise InputError(check.problems + error.problems) from None
    answers = _answers(check, top.get("answers"), checklist, ref)
    check.fail_if_any()
    return AnswerSheet(doc.path, ref, context, answers), checklist


def _context(check: _Checker, raw: object) -> Context:
    if raw is None:
        return Context()
    path: tuple[Key, ...] = ("context",)
    mapping = check.mapping(raw, path, CONTEXT_KEYS, "'context'")
    if mapping is None:
        return Context()
    respondent = Respondent()
    raw_respondent = mapping.get("respondent")
    if raw_respondent is not None:
        rpath = (*path, "respondent")
        rmap = check.mapping(raw_respondent, rpath, RESPONDENT_KEYS, "'respondent'")
        if rmap is not None:
            role = Role.OTHER
            if "role" in rmap:
                role = check.choice(rmap, rpath, "role", Role) or Role.OTHER
            respondent = Respondent(check.text(rmap, rpath, "name", optional=True), role)
    return Context(
        school=check.text(mapping, path, "school", optional=True),
        initiative=check.text(mapping, path, "initiative", optional=True),
        term=check.text(mapping, path, "term", optional=True),
        assessed_on=check.iso_date(mapping, path, "assessed_on"),
        respondent=respondent,
    )


def _answers(check: _Checker, raw: object, checklist: Checklist, ref: str) -> dict[str, Answer]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        check.add(f"'answers' must be a mapping of item ids to answers, got {_describe(raw)}", "answers")
        return {}
    items = {item.id: item for item in checklist.items}
    answers: dict[str, Answer] = {}
    for item_id, raw_answer in raw.items():
        path: tuple[Key, ...] = ("answers", item_id)
        item = items.get(str(item_id))
        if item is None:
            check.add(
                f"unknown item id {item_id!r}{_did_you_mean(str(item_id), list(items))}; "
                f"see `implcheck show {ref}` for the item ids",
                *path,
                at_key=True,
            )
            continue
        answer = _answer(check, raw_answer, path)
        if answer is None:
            continue
        if answer.value is AnswerValue.NA and item.critical:
            check.add(
                f"{item.id!r} is critical, so it cannot be 'na'; answer yes, partly, no or unknown",
                *path,
            )
        elif answer.value is AnswerValue.NA and not answer.evidence:
            check.add(
                f"{item.id!r} is 'na' but gives no reason; say why it does not apply in 'evidence'",
                *path,
            )
        answers[item.id] = answer
    return answers


def _answer(check: _Checker, raw: object, path: tuple[Key, ...]) -> Answer | None:
    if raw is None:
        return Answer(AnswerValue.UNKNOWN)
    if isinstance(raw, dict):
        mapping = check.mapping(raw, path, ANSWER_KEYS, "an answer")
        if mapping is None:  # pragma: no cover - raw is a dict
            return None
        if "answer" not in mapping:
            check.add("missing required key 'answer'", *path)
            return None
        value = _answer_value(check, mapping["answer"], (*path, "answer"))
        if value is None:
            return None
        evidence = check.text(mapping, path, "evidence", optional=True)
        return Answer(value, evidence, check.iso_date(mapping, path, "date"))
    value = _answer_value(check, raw, path)
    return None if value is None else Answer(value)


def _answer_value(check: _Checker, raw: object, path: tuple[Key, ...]) -> AnswerValue | None:
    try:
        if not isinstance(raw, str):
            raise ValueError(raw)
        return AnswerValue(raw.strip().lower())
    except ValueError:
        check.add(f"answer must be one of {choices(AnswerValue)}; got {_describe(raw)}", *path)
        return None


def load_any(path: Path) -> Checklist | tuple[AnswerSheet, Checklist]:
    """Validate a file of either kind, telling them apart by their keys."""
    doc = load_document(path)
    if isinstance(doc.data, dict) and "sections" in doc.data:
        return checklist_from_document(doc)
    if isinstance(doc.data, dict) and ("checklist" in doc.data or "answers" in doc.data):
        return answers_from_document(doc)
    raise InputError(
        [doc.problem("not a checklist (it has no 'sections') nor an answers file (it has no 'checklist')")]
    )


def load_assessment(paths: list[Path]) -> Assessment:
    """Load one or more respondents' answers files for the same school, initiative and term.

    Every file is read and every problem reported before giving up, so a trust fixing a
    batch of files sees all of them at once.
    """
    if not paths:
        raise UsageError("no answers files given")
    problems: list[Problem] = []
    loaded: list[tuple[AnswerSheet, Checklist]] = []
    cache: dict[str, Checklist] = {}

    def cached(ref: str, doc: Document) -> Checklist:
        key = f"{doc.path.parent}\0{ref}"
        if key not in cache:
            cache[key] = resolve_checklist(ref, doc)
        return cache[key]

    seen: set[Path] = set()
    for path in paths:
        if real(path) in seen:
            raise UsageError(f"{path}: given more than once")
        seen.add(real(path))
        try:
            loaded.append(load_answers(path, cached))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    first_sheet, checklist = loaded[0]
    for sheet, other in loaded[1:]:
        _same_assessment(first_sheet, checklist, sheet, other)
    return Assessment(checklist, tuple(sheet for sheet, _ in loaded))


def _same_assessment(first: AnswerSheet, checklist: Checklist, sheet: AnswerSheet, other: Checklist) -> None:
    pairs = (
        ("checklist", f"{checklist.id} {checklist.version}", f"{other.id} {other.version}"),
        ("school", first.context.school, sheet.context.school),
        ("initiative", first.context.initiative, sheet.context.initiative),
        ("term", first.context.term, sheet.context.term),
    )
    for what, mine, theirs in pairs:
        if mine.casefold() != theirs.casefold():
            raise UsageError(
                f"{sheet.path}: cannot be combined with {first.path}: its {what} is {quote(theirs)}, "
                f"not {quote(mine)}. Files given together must be one school's answers for one "
                "initiative, checklist and term; check each one separately."
            )


def load_checklist_ref(ref: str) -> Checklist:
    """A checklist named on the command line: a shipped id or a path to a file."""
    shipped = catalog.shipped_path(ref)
    if shipped is not None:
        return load_checklist(shipped)
    path = Path(ref)
    if path.is_file() or catalog.looks_like_path(ref):
        return load_checklist(path)
    known = list(catalog.SHIPPED)
    raise UsageError(
        f"unknown checklist {ref!r}{_did_you_mean(ref, known)}; "
        f"use a shipped id ({', '.join(known)}) or a path to a checklist file"
    )
