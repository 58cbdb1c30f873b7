"""JSON Schemas for the three file kinds and the comparison of two terms (``implcheck schema KIND``).

The checklist and answers schemas are generated from the field tables in ``fields.py``, the
same tables the loader checks files against, so an editor and ``implcheck validate`` accept the
same files (``tests/test_fields.py`` holds them to it). The loader still gives the friendlier
messages, and checks what a schema cannot say (duplicate ids, an item id unknown to the
checklist, 'na' without a reason).
"""

from __future__ import annotations

import json
from typing import Any

from implcheck import fields
from implcheck.compare import Change, RegressionKind
from implcheck.fields import Field, Kind, Record
from implcheck.model import AnswerValue, Checklist, FailureMode, Role, Stage
from implcheck.result import SCHEMA_VERSION, Band, RuleId, Severity, Status, Verdict

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ANSWERS_FOR = "implcheck answers for "  # the title of a checklist's own answers schema

_string: dict[str, Any] = {"type": "string"}
_number: dict[str, Any] = {"type": "number"}
_ids: dict[str, Any] = {"type": "array", "items": _string}


def _enum(values: type[Any]) -> dict[str, Any]:
    return {"enum": [member.value for member in values]}


def _object(properties: dict[str, Any], required: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required is not None:
        schema["required"] = required
    return {**schema, **extra}


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
    return _object(properties, list(record.required))


def answer_schema(allowed: tuple[AnswerValue, ...] = tuple(AnswerValue)) -> dict[str, Any]:
    """An answer in short (``yes``) or long form (``{answer: yes, evidence: ...}``); empty
    means unknown."""
    short = {"anyOf": [{"type": "null"}, _choice(tuple(str(value) for value in allowed))]}
    long = record_schema(fields.ANSWER)
    long["properties"]["answer"] = {"description": fields.SHORT_ANSWER.description, **short}
    return {"anyOf": [short, long]}


def _file_schema(title: str, record: Record, answers: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"$schema": DRAFT, "title": title, **record_schema(record, answers)}


CHECKLIST = _file_schema("implcheck checklist", fields.CHECKLIST)
ANSWERS = _file_schema("implcheck answers file", fields.ANSWERS)


def answers_for(checklist: Checklist) -> dict[str, Any]:
    """The answers schema for one checklist: each item id a property, its question the
    description, so an editor completes ids, shows the question and flags a mistyped id."""
    from implcheck.load import allowed_answers

    properties = {
        item.id: {"description": item.question, **answer_schema(allowed_answers(item))} for item in checklist.items
    }
    schema = _file_schema(
        f"{ANSWERS_FOR}{checklist.id} {checklist.version}",
        fields.ANSWERS,
        {"properties": properties, "additionalProperties": False},
    )
    return schema


_group = _object(
    {
        "id": _string,
        "title": _string,
        "score": {"type": ["number", "null"]},
        "answered": {"type": "integer"},
        "applicable": {"type": "integer"},
        "gaps": _ids,
        "band": _enum(Band),
    },
    ["id", "title", "score", "answered", "applicable", "gaps", "band"],
)
_respondent = _object({"name": _string, "role": _enum(Role)}, ["name", "role"])
_role_answer = _object(
    {"name": _string, "role": _enum(Role), "answer": _enum(AnswerValue), "evidence": _string},
    ["name", "role", "answer", "evidence"],
)

_OVERDUE: dict[str, Any] = {
    "type": "array",
    "items": _object(
        {"item": _string, "owner": _string, "due": _string, "action": _string}, ["item", "owner", "due", "action"]
    ),
}
_RISKS: dict[str, Any] = {
    "type": "array",
    "items": _object(
        {
            "item": _string,
            "reason": _string,
            "approved_by": _string,
            "approved_on": _string,
            "expires": _string,
            "active": {"type": "boolean"},
        },
        ["item", "reason", "approved_by", "approved_on", "expires", "active"],
    ),
}

RESULT: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "implcheck result",
    **_object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "checklist": _object({"id": _string, "version": _string, "title": _string}, ["id", "version", "title"]),
            "context": _object(
                {
                    "school": _string,
                    "initiative": _string,
                    "term": _string,
                    "assessed_on": _string,
                    "respondents": {"type": "array", "items": _respondent},
                    "files": _ids,
                },
                ["school", "initiative", "term", "assessed_on", "respondents", "files"],
            ),
            "verdict": _enum(Verdict),
            "score": {"type": "number", "minimum": 0, "maximum": 100},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "thresholds": _object(
                {"ready": _number, "conditions": _number, "floor": _number, "min_confidence": _number},
                ["ready", "conditions", "floor", "min_confidence"],
            ),
            "reasons": {
                "type": "array",
                "items": _object(
                    {
                        "rule": _enum(RuleId),
                        "caps_at": _enum(Verdict),
                        "message": _string,
                        "items": _ids,
                        "failure_modes": {"type": "array", "items": _enum(FailureMode)},
                        "blocks_approval": {"type": "boolean"},
                    },
                    ["rule", "caps_at", "message", "items", "failure_modes", "blocks_approval"],
                ),
            },
            "stages": {"type": "array", "items": _group},
            "sections": {"type": "array", "items": _group},
            "failure_mode_scores": {"type": "array", "items": _group},
            "failure_modes": {
                "type": "array",
                "items": _object(
                    {"failure_mode": _enum(FailureMode), "description": _string, "items": _ids},
                    ["failure_mode", "description", "items"],
                ),
            },
            "items": {
                "type": "array",
                "items": _object(
                    {
                        "id": _string,
                        "section": _string,
                        "stage": _enum(Stage),
                        "failure_mode": _enum(FailureMode),
                        "weight": {"type": "integer", "minimum": 1, "maximum": 3},
                        "critical": {"type": "boolean"},
                        "answer": _enum(AnswerValue),
                        "status": _enum(Status),
                        "evidence": _string,
                        "date": _string,
                    },
                    [
                        "id",
                        "section",
                        "stage",
                        "failure_mode",
                        "weight",
                        "critical",
                        "answer",
                        "status",
                        "evidence",
                        "date",
                    ],
                ),
            },
            "actions": {
                "type": "array",
                "items": _object(
                    {
                        "item": _string,
                        "action": _string,
                        "owner": _string,
                        "by_when": _string,
                        "owner_suggested": {"type": "boolean"},
                        "blocks_approval": {"type": "boolean"},
                        "failure_mode": _enum(FailureMode),
                        "stage": _enum(Stage),
                        "severity": _enum(Severity),
                        "status": _enum(Status),
                    },
                    [
                        "item",
                        "action",
                        "owner",
                        "by_when",
                        "owner_suggested",
                        "blocks_approval",
                        "failure_mode",
                        "stage",
                        "severity",
                        "status",
                    ],
                ),
            },
            "unknowns": _ids,
            "agreed_actions": {
                "type": "array",
                "items": _object(
                    {
                        "item": _string,
                        "action": _string,
                        "owner": _string,
                        "due": _string,
                        "status": {"enum": ["open", "done", "dropped"]},
                        "note": _string,
                        "overdue": {"type": "boolean"},
                    },
                    ["item", "action", "owner", "due", "status", "note", "overdue"],
                ),
            },
            "overdue_actions": _OVERDUE,
            "accepted_risks": _RISKS,
            "stale_evidence": {
                "type": "array",
                "items": _object(
                    {"item": _string, "date": _string, "age_days": {"type": "integer"}}, ["item", "date", "age_days"]
                ),
            },
            "disagreements": {
                "type": "array",
                "items": _object(
                    {
                        "item": _string,
                        "question": _string,
                        "critical": {"type": "boolean"},
                        "answers": {"type": "array", "items": _role_answer},
                    },
                    ["item", "question", "critical", "answers"],
                ),
            },
        },
        [
            "schema_version",
            "checklist",
            "context",
            "verdict",
            "score",
            "confidence",
            "thresholds",
            "reasons",
            "stages",
            "sections",
            "failure_mode_scores",
            "failure_modes",
            "items",
            "actions",
            "unknowns",
            "disagreements",
            "agreed_actions",
            "overdue_actions",
            "accepted_risks",
            "stale_evidence",
        ],
    ),
}

_side: dict[str, Any] = _object(
    {
        "term": _string,
        "assessed_on": _string,
        "checklist_version": _string,
        "verdict": _enum(Verdict),
        "score": {"type": "number", "minimum": 0, "maximum": 100},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "files": _ids,
    },
    ["term", "assessed_on", "checklist_version", "verdict", "score", "confidence", "files"],
)
_answer_or_absent: dict[str, Any] = {"oneOf": [_enum(AnswerValue), {"type": "null"}]}

COMPARE: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "implcheck comparison of two terms (compare --format json)",
    **_object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "checklist": _string,
            "school": _string,
            "initiative": _string,
            "before": _side,
            "after": _side,
            "items": {
                "type": "array",
                "items": _object(
                    {
                        "id": _string,
                        "question": _string,
                        "critical": {"type": "boolean"},
                        "before": _answer_or_absent,
                        "after": _answer_or_absent,
                        "change": _enum(Change),
                    },
                    ["id", "question", "critical", "before", "after", "change"],
                ),
            },
            "improved": _ids,
            "regressed": _ids,
            "new_gaps": _ids,
            "closed_gaps": _ids,
            "overdue_actions": _OVERDUE,
            "expired_risks": _RISKS,
            "regression": {"type": "boolean"},
            "max_drop": _number,
            "regressions": {
                "type": "array",
                "items": _object(
                    {"kind": _enum(RegressionKind), "message": _string, "items": _ids}, ["kind", "message", "items"]
                ),
            },
        },
        [
            "schema_version",
            "checklist",
            "school",
            "initiative",
            "before",
            "after",
            "items",
            "improved",
            "regressed",
            "new_gaps",
            "closed_gaps",
            "overdue_actions",
            "expired_risks",
            "regression",
            "max_drop",
            "regressions",
        ],
    ),
}

SCHEMAS: dict[str, dict[str, Any]] = {
    "checklist": CHECKLIST,
    "answers": ANSWERS,
    "result": RESULT,
    "compare": COMPARE,
}


def serialise(schema: dict[str, Any]) -> str:
    """A schema as it is printed and written to disk: the one serialisation of it."""
    return json.dumps(schema, indent=2) + "\n"


def text(kind: str) -> str:
    return serialise(SCHEMAS[kind])
