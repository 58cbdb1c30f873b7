"""Answers files: from a YAML document to a trusted ``AnswerSheet`` and its checklist."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from implcheck import fields, migrate, roles
from implcheck.errors import InputError, ProblemRule, excerpt
from implcheck.fileio import real
from implcheck.load.checker import Checker, Path_, describe, did_you_mean
from implcheck.load.checklists import load_checklist
from implcheck.load.refs import RefError, find_checklist
from implcheck.model import (
    AcceptedRisk,
    ActionStatus,
    AgreedAction,
    Answer,
    AnswerSheet,
    AnswerValue,
    Checklist,
    Context,
    Item,
    Migration,
    Respondent,
    Role,
)
from implcheck.safetext import quote
from implcheck.yamlsource import Document, load_document

ChecklistResolver = Callable[[str, Document], Checklist]


_ANY_ANSWER = tuple(AnswerValue)
_CRITICAL_ANSWER = tuple(value for value in AnswerValue if value is not AnswerValue.NA)


def allowed_answers(item: Item) -> tuple[AnswerValue, ...]:
    """The answers ``item`` may have: a critical item cannot be ``na``, because a gap there
    blocks readiness and must not be waved away as "does not apply"."""
    return _CRITICAL_ANSWER if item.critical else _ANY_ANSWER


def resolver(checklist_dirs: Sequence[Path] = ()) -> ChecklistResolver:
    """Finds the checklist an answers file names, loading each checklist file once."""
    cache: dict[Path, Checklist] = {}

    def resolve(ref: str, doc: Document) -> Checklist:
        try:
            path = find_checklist(ref, written_in=doc.path, checklist_dirs=checklist_dirs)
        except RefError as error:
            raise InputError([doc.problem(error.message, "checklist", rule=error.rule)]) from None
        key = real(path)
        if key not in cache:
            cache[key] = load_checklist(path)
        return cache[key]

    return resolve


def load_answers(path: Path, resolve: ChecklistResolver | None = None) -> tuple[AnswerSheet, Checklist]:
    return answers_from_document(load_document(path), resolve)


def is_checklist(doc: Document) -> bool:
    return isinstance(doc.data, dict) and "sections" in doc.data


def answers_from_document(
    doc: Document, resolve: ChecklistResolver | None = None, *, warnings: bool = True
) -> tuple[AnswerSheet, Checklist]:
    """The file as an ``AnswerSheet`` and its checklist; every problem at once, or raised.
    ``warnings=False``: odd but allowed things are not looked for (nothing will show them)."""
    if is_checklist(doc):
        raise InputError(
            [
                doc.problem(
                    f"this is a checklist, not an answers file; to answer it, run: implcheck init {doc.path}",
                    rule=ProblemRule.WRONG_KIND,
                )
            ]
        )
    check = Checker(doc, warnings=warnings)
    record = fields.ANSWERS
    top = check.document(record)
    ref = check.text(top, (), record.field("checklist"))
    version = check.text(top, (), record.field("checklist_version"))
    context = _context(check, top)
    if not ref:
        check.fail_if_any()  # the checklist is needed before the answers can be judged
    try:
        checklist = (resolve or resolver())(ref, doc)
    except InputError as error:
        raise InputError(check.problems + error.problems) from None
    # A file for this version (or a later one, refused below) was written with question sets per
    # role; last term's, for an earlier version, may answer what its role is no longer asked.
    current = bool(version) and not migrate.is_newer(checklist.version, version)
    answers = _answers(check, top, checklist, ref, context, current)
    actions = _actions(check, top, checklist, ref, context)
    risks = _accepted_risks(check, top, checklist, ref, context)
    answers, actions, risks, migrated = _migrated(check, top, checklist, version, answers, actions, risks)
    check.fail_if_any()
    migrated = tuple(replace(each, file=str(doc.path)) for each in migrated)
    sheet = AnswerSheet(doc.path, ref, context, answers, actions, risks, check.warnings, version, migrated)
    return sheet, checklist


def _context(check: Checker, top: dict[str, Any]) -> Context:
    if not check.present(top, fields.ANSWERS.field("context")):
        return Context()
    path: Path_ = ("context",)
    record = fields.CONTEXT
    mapping = check.mapping(top["context"], path, record)
    if mapping is None:
        return Context()
    respondent = Respondent()
    if check.present(mapping, record.field("respondent")):
        rpath = (*path, "respondent")
        rmap = check.mapping(mapping["respondent"], rpath, fields.RESPONDENT)
        if rmap is not None:
            role = check.choice(rmap, rpath, fields.RESPONDENT.field("role"), Role) or Role.OTHER
            respondent = Respondent(check.text(rmap, rpath, fields.RESPONDENT.field("name")), role)
    return Context(
        school=check.text(mapping, path, record.field("school")),
        initiative=check.text(mapping, path, record.field("initiative")),
        term=check.text(mapping, path, record.field("term")),
        assessed_on=check.date(mapping, path, record.field("assessed_on")),
        respondent=respondent,
    )


def _ledger(check: Checker, top: dict[str, Any], name: str, context: Context) -> list[tuple[Path_, dict[str, Any]]]:
    """The entries of ``actions:`` or ``accepted_risks:`` that are mappings of allowed keys."""
    field = fields.ANSWERS.field(name)
    entries = check.records(top, (), field)
    if entries and not context.assessed_on:
        check.add(
            f"{name!r} needs 'assessed_on' in 'context' (YYYY-MM-DD): its dates are judged against it",
            ProblemRule.NEEDS_ASSESSED_ON,
            name,
            at_key=True,
        )
    assert field.record is not None
    found = []
    for index, raw in enumerate(entries):
        path: Path_ = (name, index)
        mapping = check.mapping(raw, path, field.record)
        if mapping is not None:
            found.append((path, mapping))
    return found


def _item_id(
    check: Checker, mapping: dict[str, Any], path: Path_, record: fields.Record, checklist: Checklist, ref: str
) -> str:
    """The entry's item id, if it is one of the checklist's (the field table cannot know them)."""
    item_id = check.kebab_id(mapping, path, record.field("item"))
    known = [item.id for item in checklist.items]
    if item_id and not migrate.is_known(checklist, item_id):  # an earlier version's id: see _migrated
        check.add(
            f"unknown item id {item_id!r}{did_you_mean(item_id, known)}; see `implcheck show {ref}` for the item ids",
            ProblemRule.UNKNOWN_ITEM,
            *path,
            "item",
        )
        return ""
    return item_id


def _actions(
    check: Checker, top: dict[str, Any], checklist: Checklist, ref: str, context: Context
) -> tuple[AgreedAction, ...]:
    record = fields.ACTION
    found: list[AgreedAction] = []
    for path, mapping in _ledger(check, top, "actions", context):
        item_id = _item_id(check, mapping, path, record, checklist, ref)
        owner = check.text(mapping, path, record.field("owner"))
        due = check.date(mapping, path, record.field("due"))
        status = check.choice(mapping, path, record.field("status"), ActionStatus)
        note = check.text(mapping, path, record.field("note"))
        action = check.text(mapping, path, record.field("action"))
        if check.complete(mapping, record) and item_id and owner and due and status:
            found.append(AgreedAction(item_id, owner, due, status, note, action))
    return tuple(found)


def _a_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _accepted_risks(
    check: Checker, top: dict[str, Any], checklist: Checklist, ref: str, context: Context
) -> tuple[AcceptedRisk, ...]:
    record = fields.ACCEPTED_RISK
    found: list[AcceptedRisk] = []
    for path, mapping in _ledger(check, top, "accepted_risks", context):
        item_id = _item_id(check, mapping, path, record, checklist, ref)
        reason = check.text(mapping, path, record.field("reason"))
        approved_by = check.text(mapping, path, record.field("approved_by"))
        approved_on = check.date(mapping, path, record.field("approved_on"))
        expires = check.date(mapping, path, record.field("expires"))
        if approved_on and expires:
            limit = _a_year_after(date.fromisoformat(approved_on)).isoformat()
            if expires < approved_on:
                message = f"'expires' ({expires}) must not be before 'approved_on' ({approved_on})"
            elif expires > limit:
                message = (
                    f"'expires' must be at most a year after 'approved_on' ({approved_on}), so {limit} or earlier; "
                    f"got {expires}. Governors can accept the risk again when it runs out"
                )
            else:
                message = ""
            if message:
                check.add(message, ProblemRule.RISK_EXPIRY, *path, "expires")
                continue
        if check.complete(mapping, record) and item_id and reason and approved_by and approved_on and expires:
            found.append(AcceptedRisk(item_id, reason, approved_by, approved_on, expires))
    return tuple(found)


def _answers(
    check: Checker, top: dict[str, Any], checklist: Checklist, ref: str, context: Context, versioned: bool = False
) -> dict[str, Answer]:
    """The file's answers. ``versioned`` (the file says ``checklist_version:``): it was written
    for a checklist with a question set per role, so answering a question the respondent's role
    is not asked is a mistake. An older file, from when everyone answered everything, is read
    as it is, with one warning."""
    if not check.present(top, fields.ANSWERS.field("answers")):
        return {}
    raw = top["answers"]
    if not isinstance(raw, dict):
        check.add(
            f"'answers' must be a mapping of item ids to answers, got {describe(raw)}",
            ProblemRule.BAD_TYPE,
            "answers",
        )
        return {}
    items = {item.id: item for item in checklist.items}
    answers: dict[str, Answer] = {}
    role = context.respondent.role
    unasked = 0
    for item_id, raw_answer in raw.items():
        path: Path_ = ("answers", item_id)
        item = items.get(checklist.current_id(str(item_id)))
        if item is None:
            if str(item_id) in checklist.retired:
                continue  # set aside by _migrated
            check.add(
                f"unknown item id {excerpt(item_id)}{did_you_mean(str(item_id), list(items))}; "
                f"see `implcheck show {ref}` for the item ids",
                ProblemRule.UNKNOWN_ITEM,
                *path,
                at_key=True,
            )
            continue
        answer = _answer(check, raw_answer, path)
        if answer is None:
            continue
        if not item.asks(role) and answer.value is not AnswerValue.UNKNOWN:  # "don't know" is no answer
            unasked += 1
            if versioned:
                check.add(
                    f"{roles.a_role(role)} is not asked {item.id!r} ({quote(item.question)}); remove this answer, "
                    f"or correct 'role' if this is not {roles.a_role(role)}'s file",
                    ProblemRule.ROLE_NOT_ASKED,
                    *path,
                    at_key=True,
                )
                continue
        if answer.value not in allowed_answers(item):
            check.add(
                f"{item.id!r} is critical, so it cannot be 'na'; answer yes, partly, no or unknown",
                ProblemRule.NA_ON_CRITICAL,
                *path,
            )
        elif answer.value is AnswerValue.NA and not answer.evidence:
            check.add(
                f"{item.id!r} is 'na' but gives no reason; say why it does not apply in 'evidence'",
                ProblemRule.NA_WITHOUT_REASON,
                *path,
            )
        if answer.date and context.assessed_on and answer.date > context.assessed_on:
            check.warn(
                f"{item.id!r} has evidence dated {answer.date}, after the assessment ({context.assessed_on})",
                ProblemRule.DATE_AFTER_ASSESSMENT,
                *path,
                "date",
            )
        answers[item.id] = answer
    if unasked and not versioned:
        check.warn(
            f"answers {unasked} question{'' if unasked == 1 else 's'} {roles.a_role(role)} is no longer asked "
            "(written before the checklist had a question set per role); those answers still count",
            ProblemRule.ROLE_NOT_ASKED,
            "answers",
        )
    return answers


# A short-form answer is its value alone; records are frozen, so one of each is shared.
_SHORT = {value: Answer(value) for value in AnswerValue}


def _answer(check: Checker, raw: object, path: Path_) -> Answer | None:
    record = fields.ANSWER
    if raw is None:
        return _SHORT[AnswerValue.UNKNOWN]
    if not isinstance(raw, dict):
        value = check.choice_value(raw, path, fields.SHORT_ANSWER, AnswerValue)
        return None if value is None else _SHORT[value]
    mapping = check.mapping(raw, path, record)
    if mapping is None or "answer" not in mapping:
        return None  # reported by ``mapping``
    value = AnswerValue.UNKNOWN
    if mapping["answer"] is not None:
        chosen = check.choice_value(mapping["answer"], (*path, "answer"), record.field("answer"), AnswerValue)
        if chosen is None:
            return None
        value = chosen
    evidence = check.text(mapping, path, record.field("evidence"))
    return Answer(value, evidence, check.date(mapping, path, record.field("date")))


def _migrated(
    check: Checker,
    top: dict[str, Any],
    checklist: Checklist,
    version: str,
    answers: dict[str, Answer],
    actions: tuple[AgreedAction, ...],
    risks: tuple[AcceptedRisk, ...],
) -> tuple[dict[str, Answer], tuple[AgreedAction, ...], tuple[AcceptedRisk, ...], tuple[Migration, ...]]:
    """A file written for an earlier version of its checklist, read as this version
    (``migrate.py``): renamed ids' answers carried, retired ones kept aside. Refused: a file for
    a later version than this implcheck has, an answer carried onto an id the file also answers,
    and an answer to a retired question in a file that says it answers this version."""
    if version and migrate.is_newer(version, checklist.version):
        check.add(
            f"written for {checklist.id} {version}; this implcheck has {checklist.id} {checklist.version}: "
            "update implcheck to read it",
            ProblemRule.NEWER_VERSION,
            "checklist_version",
        )
        return answers, actions, risks, ()
    raw = top.get("answers")
    raw = raw if isinstance(raw, dict) else {}
    written = {str(key): key for key in raw}
    given: list[migrate.Answered] = []
    for item_id, key in written.items():
        now = checklist.current_id(item_id)
        # Only a migrated answer is reported with its line: finding lines reads the file again.
        carried = now != item_id or item_id in checklist.retired
        line = check.doc.key_where("answers", key).line if carried else 0
        if now in answers:  # _answers keyed it by the item's id now
            given.append(migrate.Answered(item_id, answers[now], line))
        elif item_id in checklist.retired:
            answer = _answer(check, raw[key], ("answers", key))
            if answer is not None:
                given.append(migrate.Answered(item_id, answer, line))
    moved = migrate.migrate(checklist, given)
    for each, other in moved.clashes:
        new_id = checklist.current_id(each.item_id)
        also = "" if other == new_id else f" (as {other!r}, also renamed to it)"
        check.add(
            f"{each.item_id!r} is now {new_id!r}, which this file also answers{also}; "
            "keep one answer, under its new id",
            ProblemRule.BAD_MIGRATION,
            "answers",
            written[each.item_id],
            at_key=True,
        )
    ledger: list[Migration] = []
    actions = tuple(_moved_ledger(check, top, "actions", checklist, actions, ledger))
    risks = tuple(_moved_ledger(check, top, "accepted_risks", checklist, risks, ledger))
    migrated = (*moved.migrations, *ledger)
    if version and migrate.is_same(version, checklist.version):
        _retired_in_this_version(check, top, checklist)
    return moved.answers, actions, risks, migrated


L = TypeVar("L", AgreedAction, AcceptedRisk)


def _moved_ledger(
    check: Checker,
    top: dict[str, Any],
    name: str,
    checklist: Checklist,
    entries: tuple[L, ...],
    ledger: list[Migration],
) -> Iterator[L]:
    """The entries about this version's items: a renamed id's carried to its new id; a retired
    one's kept aside, in ``ledger``, with every other migration of an action or risk."""
    lines: dict[str, list[int]] | None = None  # found only if an entry moves: it reads the file again
    for entry in entries:
        migration = migrate.migrate_ledger(checklist, entry)
        if migration is None:
            yield entry
            continue
        lines = _ledger_lines(check, top, name) if lines is None else lines
        queue = lines.get(entry.item_id)
        migration = replace(migration, line=queue.pop(0) if queue else 0)
        ledger.append(migration)
        if not migration.is_retired:
            yield replace(entry, item_id=migration.new_id)


def _ledger_lines(check: Checker, top: dict[str, Any], name: str) -> dict[str, list[int]]:
    """Each item id's lines in ``actions:`` or ``accepted_risks:``, in order: entries are built
    in the order they are written, so the n-th entry about an id is at its n-th line."""
    found: dict[str, list[int]] = {}
    entries = top.get(name)
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("item"), str):
            found.setdefault(entry["item"].strip(), []).append(check.doc.where(name, index, "item").line)
    return found


def _retired_in_this_version(check: Checker, top: dict[str, Any], checklist: Checklist) -> None:
    """A file that says it answers this version cannot answer a question this version retired:
    the answer would be dropped from a file written for exactly this checklist."""
    places: list[Path_] = []
    if isinstance(top.get("answers"), dict):
        places += [("answers", key) for key in top["answers"] if str(key) in checklist.retired]
    for name in ("actions", "accepted_risks"):
        entries = top.get(name)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict) and str(entry.get("item", "")).strip() in checklist.retired:
                places.append((name, index, "item"))
    for path in places:
        old = str(path[1]) if path[0] == "answers" else str(top[str(path[0])][path[1]]["item"]).strip()
        check.add(
            f"{old!r} was retired ({checklist.retired[old].rstrip('.')}), but this file says it answers "
            f"{checklist.id} {checklist.version}, which does not ask it; remove it, or set "
            "'checklist_version' to the version the file was written for",
            ProblemRule.RETIRED_ITEM,
            *path,
            at_key=path[0] == "answers",
        )
