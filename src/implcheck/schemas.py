"""JSON Schemas for the three file kinds and the comparison of two terms (``implcheck schema KIND``).

The loaders in ``load.py`` are the authority and give the friendlier messages; these schemas
let editors and CI validate the same shapes. Tests check that every shipped checklist, every
example answers file and every JSON result validates against them.
"""

from __future__ import annotations

import json
from typing import Any

from implcheck.compare import Change, RegressionKind
from implcheck.model import AnswerValue, FailureMode, Role, Stage
from implcheck.result import SCHEMA_VERSION, Band, RuleId, Severity, Status, Verdict

DRAFT = "https://json-schema.org/draft/2020-12/schema"
KEBAB = "^[a-z0-9]+(-[a-z0-9]+)*$"
DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

_text: dict[str, Any] = {"type": "string", "minLength": 1}
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


ITEM = _object(
    {
        "id": {"type": "string", "pattern": KEBAB},
        "question": _text,
        "why": _text,
        "failure_mode": _enum(FailureMode),
        "weight": {"type": "integer", "minimum": 1, "maximum": 3},
        "critical": {"type": "boolean"},
        "action": _text,
        "source": _text,
        "owner": _string,
        "by_when": _string,
    },
    ["id", "question", "why", "failure_mode", "weight", "critical", "action", "source"],
)

CHECKLIST: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "implcheck checklist",
    **_object(
        {
            "id": {"type": "string", "pattern": KEBAB},
            "title": _text,
            "version": {"type": ["string", "number"]},
            "description": _text,
            "thresholds": _object(
                {
                    "ready": {"type": "number", "minimum": 0, "maximum": 100},
                    "conditions": {"type": "number", "minimum": 0, "maximum": 100},
                    "floor": {"type": "number", "minimum": 0, "maximum": 100},
                    "min_confidence": {"type": "number", "minimum": 0, "maximum": 1},
                }
            ),
            "sections": {
                "type": "array",
                "minItems": 1,
                "items": _object(
                    {
                        "id": {"type": "string", "pattern": KEBAB},
                        "title": _text,
                        "stage": _enum(Stage),
                        "items": {"type": "array", "minItems": 1, "items": ITEM},
                    },
                    ["id", "title", "stage", "items"],
                ),
            },
        },
        ["id", "title", "version", "description", "sections"],
    ),
}

_answer_value = {"enum": [member.value for member in AnswerValue] + [None]}
ANSWERS: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "implcheck answers file",
    **_object(
        {
            "checklist": {**_text, "description": "a shipped checklist id, or a path to a checklist file"},
            "context": _object(
                {
                    "school": _string,
                    "initiative": _string,
                    "term": _string,
                    "assessed_on": {"type": "string", "pattern": DATE},
                    "respondent": _object({"name": _string, "role": _enum(Role)}),
                }
            ),
            "answers": {
                "type": ["object", "null"],
                "propertyNames": {"pattern": KEBAB},
                "additionalProperties": {
                    "oneOf": [
                        _answer_value,
                        _object(
                            {
                                "answer": _answer_value,
                                "evidence": _string,
                                "date": {"type": "string", "pattern": DATE},
                            },
                            ["answer"],
                        ),
                    ]
                },
            },
        },
        ["checklist"],
    ),
}

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


def text(kind: str) -> str:
    """A schema as it is printed and written to disk: the one serialisation of it."""
    return json.dumps(SCHEMAS[kind], indent=2) + "\n"
