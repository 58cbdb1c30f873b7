"""Checklists: from a YAML document to a trusted ``Checklist``, or every problem at once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from implcheck import fields
from implcheck.errors import ProblemRule
from implcheck.load.checker import Checker, Path_
from implcheck.model import Checklist, FailureMode, Item, Section, Stage, Thresholds
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
    check.fail_if_any()
    return Checklist(checklist_id, title, version, description, sections, thresholds, doc.path, labels)


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
        )
        if check.complete(mapping, record):
            items.append(item)
    return tuple(items)
