"""Checklists: from a YAML document to a trusted ``Checklist``, or every problem at once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from implcheck import fields
from implcheck.errors import ProblemRule
from implcheck.load.checker import Checker, Path_, did_you_mean
from implcheck.model import Checklist, FailureMode, Item, Role, Section, Stage, Thresholds
from implcheck.yamlsource import Document, load_document


def load_checklist(path: Path) -> Checklist:
    return checklist_from_document(load_document(path))


def checklist_from_document(doc: Document) -> Checklist:
    check = Checker(doc)
    record = fields.CHECKLIST
    top = check.document(record)
    checklist_id = check.kebab_id(top, (), record.field("id"))
    title = check.text(top, (), record.field("title"))
    version = check.text(top, (), record.field("version"))
    description = check.text(top, (), record.field("description"))
    thresholds = _thresholds(check, top)
    sections = _sections(check, top)
    labels = _verdict_labels(check, top)
    renamed = check.text_map(top, (), record.field("renamed"))
    retired = check.text_map(top, (), record.field("retired"))
    _between_versions(check, sections, renamed, retired)
    check.fail_if_any()
    return Checklist(
        checklist_id, title, version, description, sections, thresholds, doc.path, labels, renamed, retired
    )


def _between_versions(
    check: Checker, sections: tuple[Section, ...], renamed: dict[str, str], retired: dict[str, str]
) -> None:
    """``renamed:`` and ``retired:`` name ids that are no longer items (an id is never reused),
    and every rename ends, without a loop, at an item of this version."""
    items = {item.id for section in sections for item in section.items}
    for name, mapping in (("renamed", renamed), ("retired", retired)):
        for old in mapping.keys() & items:
            check.add(
                f"{old!r} is still an item of this checklist, so it cannot be {name}; an id is never reused",
                ProblemRule.BAD_MIGRATION,
                name,
                old,
                at_key=True,
            )
    moves = {old: new for old, new in renamed.items() if old not in items}
    loops: set[frozenset[str]] = set()
    for old in moves:
        if old in retired:
            check.add(
                f"{old!r} is both renamed and retired; an old id is one or the other",
                ProblemRule.BAD_MIGRATION,
                "renamed",
                old,
                at_key=True,
            )
        chain = [old]
        while chain[-1] in moves and moves[chain[-1]] not in chain:
            chain.append(moves[chain[-1]])
        if chain[-1] in moves:
            loop = chain[chain.index(moves[chain[-1]]) :]
            if frozenset(loop) not in loops:
                loops.add(frozenset(loop))
                shown = " → ".join([*loop, loop[0]])
                check.add(f"the renames go round in a loop: {shown}", ProblemRule.BAD_MIGRATION, "renamed", old)
        elif chain[-1] not in items:
            check.add(
                f"{old!r} is renamed to {chain[-1]!r}, which is not an item of this checklist"
                f"{did_you_mean(chain[-1], sorted(items))}",
                ProblemRule.BAD_MIGRATION,
                "renamed",
                old,
            )


def _verdict_labels(check: Checker, top: dict[str, Any]) -> dict[str, str]:
    """The checklist's own words for the verdicts, e.g. a termly re-check's "off track"."""
    if not check.present(top, fields.CHECKLIST.field("verdict_labels")):
        return {}
    path: Path_ = ("verdict_labels",)
    mapping = check.mapping(top["verdict_labels"], path, fields.VERDICT_LABELS)
    if mapping is None:
        return {}
    labels = {each.name: check.text(mapping, path, each) for each in fields.VERDICT_LABELS.fields}
    return {verdict: label for verdict, label in labels.items() if label}


def _thresholds(check: Checker, top: dict[str, Any]) -> Thresholds:
    field = fields.CHECKLIST.field("thresholds")
    if not check.present(top, field):
        return Thresholds()
    path: Path_ = ("thresholds",)
    mapping = check.mapping(top["thresholds"], path, fields.THRESHOLDS)
    if mapping is None:
        return Thresholds()
    values: dict[str, float] = {}
    for each in fields.THRESHOLDS.fields:
        number = check.number(mapping, path, each)
        if number is not None:
            values[each.name] = number
    thresholds = replace(Thresholds(), **values)
    if thresholds.conditions > thresholds.ready:
        check.add("'conditions' must not be above 'ready'", ProblemRule.THRESHOLD_ORDER, *path, "conditions")
    return thresholds


def _sections(check: Checker, top: dict[str, Any]) -> tuple[Section, ...]:
    record = fields.SECTION
    sections: list[Section] = []
    section_ids: dict[str, Path_] = {}
    item_ids: dict[str, Path_] = {}
    for index, raw in enumerate(check.records(top, (), fields.CHECKLIST.field("sections"))):
        path: Path_ = ("sections", index)
        mapping = check.mapping(raw, path, record)
        if mapping is None:
            continue
        section_id = check.kebab_id(mapping, path, record.field("id"))
        _unique(check, section_ids, section_id, "section id", (*path, "id"))
        title = check.text(mapping, path, record.field("title"))
        stage = check.choice(mapping, path, record.field("stage"), Stage)
        items = _items(check, mapping, path, item_ids)
        if stage is not None and items:
            sections.append(Section(section_id, title, stage, items))
    return tuple(sections)


def _unique(check: Checker, seen: dict[str, Path_], value: str, what: str, path: Path_) -> None:
    """``seen`` holds where each value was first used; its line is looked up only for a duplicate
    (finding lines means reading the file again: ``Document.locations``)."""
    if not value:
        return
    if value in seen:
        first = check.doc.where(*seen[value]).line
        check.add(f"duplicate {what} {value!r} (first used on line {first})", ProblemRule.DUPLICATE_ID, *path)
    else:
        seen[value] = path


def _wording(check: Checker, item: dict[str, Any], path: Path_) -> tuple[tuple[Role, str], ...]:
    words = check.text_map(item, path, fields.ITEM.field("wording"))
    return tuple((Role(role), text) for role, text in words.items())


def _items(check: Checker, section: dict[str, Any], path: Path_, item_ids: dict[str, Path_]) -> tuple[Item, ...]:
    record = fields.ITEM
    items: list[Item] = []
    for index, raw in enumerate(check.records(section, path, fields.SECTION.field("items"))):
        item_path = (*path, "items", index)
        mapping = check.mapping(raw, item_path, record)
        if mapping is None:
            continue
        item_id = check.kebab_id(mapping, item_path, record.field("id"))
        _unique(check, item_ids, item_id, "item id", (*item_path, "id"))
        failure_mode = check.choice(mapping, item_path, record.field("failure_mode"), FailureMode)
        weight = check.number(mapping, item_path, record.field("weight"))
        critical = check.flag(mapping, item_path, record.field("critical"))
        item = Item(
            id=item_id,
            question=check.text(mapping, item_path, record.field("question")),
            why=check.text(mapping, item_path, record.field("why")),
            failure_mode=failure_mode or FailureMode.UNCLEAR_PROBLEM,
            weight=int(weight or 1),
            critical=critical is True,
            action=check.text(mapping, item_path, record.field("action")),
            source=check.text(mapping, item_path, record.field("source")),
            owner=check.text(mapping, item_path, record.field("owner")),
            by_when=check.text(mapping, item_path, record.field("by_when")),
            ask=check.choice_list(mapping, item_path, record.field("ask"), Role),
            wording=_wording(check, mapping, item_path),
        )
        for role, _ in item.wording:
            if not item.asks(role):
                check.add(
                    f"'wording' gives the question for {role.value}, but 'ask' does not list {role.value}",
                    ProblemRule.ROLE_NOT_ASKED,
                    *item_path,
                    "wording",
                    role.value,
                    at_key=True,
                )
        if check.complete(mapping, record):
            items.append(item)
    return tuple(items)
