"""The schemas of the files people write, checklists and answers, from the field tables in
``fields.py``: the same tables the loader checks files against, so an editor and
``implcheck validate`` accept the same files (``tests/test_fields.py`` holds them to it).
"""

from __future__ import annotations

from typing import Any

from implcheck import fields
from implcheck.fields import Field, Kind, Record
from implcheck.model import AnswerValue, Checklist
from implcheck.schemas.parts import DRAFT, closed_object

ANSWERS_FOR = "implcheck answers for "  # the title of a checklist's own answers schema


def _choice(values: tuple[str, ...]) -> dict[str, Any]:
    # The enum is what editors offer to complete; the pattern accepts any case and spacing,
    # as the loader does.
    return {"anyOf": [{"enum": list(values)}, {"type": "string", "pattern": fields.choice_pattern(values)}]}


def _value(field: Field, answers: dict[str, Any] | None = None) -> dict[str, Any]:
    """The schema of one field's value, before ``null`` is allowed for an optional one."""
    kind = field.kind
    if kind is Kind.TEXT:
        if field.required:
            return {"anyOf": [{"type": "string", "pattern": fields.NON_BLANK}, {"type": "number"}]}
        return {"type": ["string", "number"]}
    if kind is Kind.ID:
        return {"type": "string", "pattern": fields.ID_PATTERN}
    if kind is Kind.CHOICE:
        assert field.choices is not None
        return _choice(tuple(str(member) for member in field.choices))
    if kind in (Kind.WHOLE, Kind.NUMBER):
        return {"type": "integer" if kind is Kind.WHOLE else "number", "minimum": field.low, "maximum": field.high}
    if kind is Kind.FLAG:
        return {"type": "boolean"}
    if kind is Kind.DATE:
        return {"type": "string", "pattern": fields.REQUIRED_DATE_PATTERN if field.required else fields.DATE_PATTERN}
    if kind is Kind.CHOICES:
        assert field.choices is not None
        return {"type": "array", "minItems": 1, "items": _choice(tuple(str(member) for member in field.choices))}
    if kind is Kind.MAP:
        keys = (
            fields.choice_pattern(str(member) for member in field.choices)
            if field.choices is not None
            else fields.ID_PATTERN
        )
        values = (
            {"type": "string", "pattern": fields.ID_PATTERN}
            if field.values is Kind.ID
            else {"anyOf": [{"type": "string", "pattern": fields.NON_BLANK}, {"type": "number"}]}
        )
        return {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": keys},
            "additionalProperties": values,
        }
    assert field.record is not None
    if kind is Kind.RECORD:
        return record_schema(field.record)
    if kind is Kind.RECORDS:
        return {"type": "array", "minItems": 1, "items": record_schema(field.record)}
    generic = {"propertyNames": {"pattern": f"^{fields.KEBAB}$"}, "additionalProperties": answer_schema()}
    return {"type": "object", **(answers or generic)}


def field_schema(field: Field, answers: dict[str, Any] | None = None) -> dict[str, Any]:
    schema = {"description": field.description, **_value(field, answers)}
    if field.required and not field.null_ok:
        return schema
    return {"description": field.description, "anyOf": [{"type": "null"}, _value(field, answers)]}


def record_schema(record: Record, answers: dict[str, Any] | None = None) -> dict[str, Any]:
    properties = {field.name: field_schema(field, answers) for field in record.fields}
    return closed_object(properties, list(record.required))


_REASON = {"anyOf": [{"type": "string", "pattern": fields.NON_BLANK}, {"type": "number"}]}


def answer_schema(allowed: tuple[AnswerValue, ...] = tuple(AnswerValue)) -> dict[str, Any]:
    """An answer in short (``yes``) or long form (``{answer: yes, evidence: ...}``); empty
    means unknown. ``na`` needs a reason, so it is only the long form, with evidence."""
    values = tuple(str(value) for value in allowed)
    short = {"anyOf": [{"type": "null"}, _choice(tuple(value for value in values if value != AnswerValue.NA))]}
    long = record_schema(fields.ANSWER)
    long["properties"]["answer"] = {
        "description": fields.SHORT_ANSWER.description,
        "anyOf": [{"type": "null"}, _choice(values)],
    }
    if AnswerValue.NA in allowed:
        na = {"properties": {"answer": {"type": "string", "pattern": fields.choice_pattern([AnswerValue.NA])}}}
        long["if"] = {**na, "required": ["answer"]}
        long["then"] = {"required": ["evidence"], "properties": {"evidence": _REASON}}
    return {"anyOf": [short, long]}


# Actions and accepted risks are dated, and judged against the day of the assessment.
_DATED = {
    "allOf": [
        {
            "if": {"required": [name], "properties": {name: {"type": "array"}}},
            "then": {
                "required": ["context"],
                "properties": {
                    "context": {
                        "type": "object",
                        "required": ["assessed_on"],
                        "properties": {"assessed_on": {"type": "string", "pattern": fields.REQUIRED_DATE_PATTERN}},
                    }
                },
            },
        }
        for name in ("actions", "accepted_risks")
    ]
}


def _file_schema(title: str, record: Record, answers: dict[str, Any] | None = None) -> dict[str, Any]:
    extra = _DATED if record is fields.ANSWERS else {}
    return {"$schema": DRAFT, "title": title, **record_schema(record, answers), **extra}


CHECKLIST = _file_schema("implcheck checklist", fields.CHECKLIST)
ANSWERS = _file_schema("implcheck answers file", fields.ANSWERS)
EXPECTED = _file_schema("implcheck expected respondents (collect --expect)", fields.EXPECTED)


def answers_for(checklist: Checklist) -> dict[str, Any]:
    """The answers schema for one checklist: each item id a property, its question the
    description, so an editor completes ids, shows the question and flags a mistyped id."""
    from implcheck.load import allowed_answers

    properties = {
        item.id: {"description": item.question, **answer_schema(allowed_answers(item))} for item in checklist.items
    }
    # An earlier version's ids still load (migrate.py), so an editor accepts them, marked as old.
    questions = {item.id: item for item in checklist.items}
    for old in checklist.renamed:
        new = questions[checklist.current_id(old)]
        properties[old] = {
            "description": f"Renamed: now {new.id} ({new.question})",
            "deprecated": True,
            **answer_schema(allowed_answers(new)),
        }
    for old, why in checklist.retired.items():
        properties[old] = {"description": f"Retired, not scored: {why}", "deprecated": True, **answer_schema()}
    schema = _file_schema(
        f"{ANSWERS_FOR}{checklist.id} {checklist.version}",
        fields.ANSWERS,
        {"properties": properties, "additionalProperties": False},
    )
    # An action or an accepted risk is about one of this checklist's items.
    item = {"type": "string", "pattern": fields.trimmed("|".join(item.id for item in checklist.items))}
    for name in ("actions", "accepted_risks"):
        entries = schema["properties"][name]["anyOf"][1]["items"]
        entries["properties"]["item"] = {"description": entries["properties"]["item"]["description"], **item}
    return schema
