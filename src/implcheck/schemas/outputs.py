"""The schemas of what implcheck writes for scripts: a JSON result (``check --format json``),
the comparison of two terms (``compare --format json``) and who has replied
(``collect --format json``). They describe ``present/json.py`` and
``present/compare.py``; ``tests/test_schemas.py`` validates real output against them.
"""

from __future__ import annotations

from typing import Any

from implcheck import collect
from implcheck.compare import Change, RegressionKind
from implcheck.model import AnswerValue, FailureMode, Role, Stage
from implcheck.result import SCHEMA_VERSION, Band, RuleId, Severity, Status, Verdict
from implcheck.schemas.parts import DRAFT, IDS, NUMBER, STRING, closed_object, enum_of

_group = closed_object(
    {
        "id": STRING,
        "title": STRING,
        "score": {"type": ["number", "null"]},
        "answered": {"type": "integer"},
        "applicable": {"type": "integer"},
        "gaps": IDS,
        "band": enum_of(Band),
    },
    ["id", "title", "score", "answered", "applicable", "gaps", "band"],
)
_respondent = closed_object({"name": STRING, "role": enum_of(Role)}, ["name", "role"])
_role_answer = closed_object(
    {
        "name": STRING,
        "role": enum_of(Role),
        "answer": enum_of(AnswerValue),
        "asked": {"type": "boolean"},
        "evidence": STRING,
    },
    ["name", "role", "answer", "asked", "evidence"],
)

_OVERDUE: dict[str, Any] = {
    "type": "array",
    "items": closed_object(
        {"item": STRING, "owner": STRING, "due": STRING, "action": STRING}, ["item", "owner", "due", "action"]
    ),
}
_RISKS: dict[str, Any] = {
    "type": "array",
    "items": closed_object(
        {
            "item": STRING,
            "reason": STRING,
            "approved_by": STRING,
            "approved_on": STRING,
            "expires": STRING,
            "active": {"type": "boolean"},
        },
        ["item", "reason", "approved_by", "approved_on", "expires", "active"],
    ),
}

_OR_NULL = {"type": ["string", "null"]}
# A file written for an earlier version of its checklist: each answer (action, accepted risk)
# given for an id this version no longer has; ``to`` is its new id, or ``retired`` says why not.
_MIGRATED: dict[str, Any] = {
    "type": "array",
    "items": closed_object(
        {
            "kind": {"enum": ["answer", "action", "accepted risk"]},
            "from": STRING,
            "to": _OR_NULL,
            "retired": _OR_NULL,
            "question": STRING,
            "answer": {"anyOf": [{"type": "null"}, enum_of(AnswerValue)]},
            "file": STRING,
            "line": {"type": "integer"},
        },
        ["kind", "from", "to", "retired", "question", "answer", "file", "line"],
    ),
}

CONFIDENCE: dict[str, Any] = {
    "type": "number",
    "minimum": 0,
    "maximum": 1,
    "description": (
        "The share of questions answered and agreed on, from 0 to 1: (answered - disputed / 2) / applicable. "
        "Applicable questions are those not answered na; answered ones have a known answer (yes, partly or no); "
        "disputed ones are answered questions on which respondents give different known answers, each counted half."
    ),
}

RESULT: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "implcheck result",
    **closed_object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "checklist": closed_object({"id": STRING, "version": STRING, "title": STRING}, ["id", "version", "title"]),
            "context": closed_object(
                {
                    "school": STRING,
                    "initiative": STRING,
                    "term": STRING,
                    "assessed_on": STRING,
                    "respondents": {"type": "array", "items": _respondent},
                    "files": IDS,
                },
                ["school", "initiative", "term", "assessed_on", "respondents", "files"],
            ),
            "verdict": enum_of(Verdict),
            "score": {"type": "number", "minimum": 0, "maximum": 100},
            "confidence": CONFIDENCE,
            "thresholds": closed_object(
                {
                    "ready": NUMBER,
                    "conditions": NUMBER,
                    "floor": NUMBER,
                    "min_confidence": NUMBER,
                    "max_na_share": NUMBER,
                },
                ["ready", "conditions", "floor", "min_confidence", "max_na_share"],
            ),
            "reasons": {
                "type": "array",
                "items": closed_object(
                    {
                        "rule": enum_of(RuleId),
                        "caps_at": enum_of(Verdict),
                        "message": STRING,
                        "items": IDS,
                        "failure_modes": {"type": "array", "items": enum_of(FailureMode)},
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
                "items": closed_object(
                    {"failure_mode": enum_of(FailureMode), "description": STRING, "items": IDS},
                    ["failure_mode", "description", "items"],
                ),
            },
            "items": {
                "type": "array",
                "items": closed_object(
                    {
                        "id": STRING,
                        "section": STRING,
                        "stage": enum_of(Stage),
                        "failure_mode": enum_of(FailureMode),
                        "weight": {"type": "integer", "minimum": 1, "maximum": 3},
                        "critical": {"type": "boolean"},
                        "answer": enum_of(AnswerValue),
                        "status": enum_of(Status),
                        "evidence": STRING,
                        "date": STRING,
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
                "items": closed_object(
                    {
                        "item": STRING,
                        "action": STRING,
                        "owner": STRING,
                        "by_when": STRING,
                        "owner_suggested": {"type": "boolean"},
                        "blocks_approval": {"type": "boolean"},
                        "failure_mode": enum_of(FailureMode),
                        "stage": enum_of(Stage),
                        "severity": enum_of(Severity),
                        "status": enum_of(Status),
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
            "unknowns": IDS,
            "agreed_actions": {
                "type": "array",
                "items": closed_object(
                    {
                        "item": STRING,
                        "action": STRING,
                        "owner": STRING,
                        "due": STRING,
                        "status": {"enum": ["open", "done", "dropped"]},
                        "note": STRING,
                        "overdue": {"type": "boolean"},
                    },
                    ["item", "action", "owner", "due", "status", "note", "overdue"],
                ),
            },
            "overdue_actions": _OVERDUE,
            "accepted_risks": _RISKS,
            "stale_evidence": {
                "type": "array",
                "items": closed_object(
                    {"item": STRING, "date": STRING, "age_days": {"type": "integer"}}, ["item", "date", "age_days"]
                ),
            },
            "disagreements": {
                "type": "array",
                "items": closed_object(
                    {
                        "item": STRING,
                        "question": STRING,
                        "critical": {"type": "boolean"},
                        "answers": {"type": "array", "items": _role_answer},
                    },
                    ["item", "question", "critical", "answers"],
                ),
            },
            "migrated": _MIGRATED,
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
            "migrated",
        ],
    ),
}

_side: dict[str, Any] = closed_object(
    {
        "term": STRING,
        "assessed_on": STRING,
        "checklist_version": STRING,
        "verdict": enum_of(Verdict),
        "score": {"type": "number", "minimum": 0, "maximum": 100},
        "confidence": CONFIDENCE,
        "files": IDS,
    },
    ["term", "assessed_on", "checklist_version", "verdict", "score", "confidence", "files"],
)
_answer_or_absent: dict[str, Any] = {"oneOf": [enum_of(AnswerValue), {"type": "null"}]}

COMPARE: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "implcheck comparison of two terms (compare --format json)",
    **closed_object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "checklist": STRING,
            "school": STRING,
            "initiative": STRING,
            "before": _side,
            "after": _side,
            "items": {
                "type": "array",
                "items": closed_object(
                    {
                        "id": STRING,
                        "question": STRING,
                        "critical": {"type": "boolean"},
                        "before": _answer_or_absent,
                        "after": _answer_or_absent,
                        "change": enum_of(Change),
                    },
                    ["id", "question", "critical", "before", "after", "change"],
                ),
            },
            "improved": IDS,
            "regressed": IDS,
            "new_gaps": IDS,
            "closed_gaps": IDS,
            "overdue_actions": _OVERDUE,
            "expired_risks": _RISKS,
            "regression": {"type": "boolean"},
            "max_drop": NUMBER,
            "regressions": {
                "type": "array",
                "items": closed_object(
                    {"kind": enum_of(RegressionKind), "message": STRING, "items": IDS}, ["kind", "message", "items"]
                ),
            },
            "retired": {
                "type": "array",
                "items": closed_object(
                    {
                        "id": STRING,
                        "question": STRING,
                        "reason": STRING,
                        "before": {"type": "array", "items": enum_of(AnswerValue)},
                        "after": {"type": "array", "items": enum_of(AnswerValue)},
                    },
                    ["id", "question", "reason", "before", "after"],
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
            "retired",
        ],
    ),
}


_COUNT_OR_NULL: dict[str, Any] = {"type": ["integer", "null"]}
_ROLE = enum_of(Role)

COLLECT: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "implcheck who has replied (collect --format json)",
    **closed_object(
        {
            "schema_version": {"const": collect.SCHEMA_VERSION},
            "folder": STRING,
            "expected_list": STRING,
            "checklist": {
                "anyOf": [{"type": "null"}, closed_object({"id": STRING, "version": STRING}, ["id", "version"])]
            },
            "context": {
                "anyOf": [
                    {"type": "null"},
                    closed_object(
                        {"school": STRING, "initiative": STRING, "term": STRING}, ["school", "initiative", "term"]
                    ),
                ]
            },
            "replies": {
                "type": "array",
                "items": closed_object(
                    {
                        "file": STRING,
                        "role": _ROLE,
                        "name": {**STRING, "description": "always empty for a pupil: pupils are never named"},
                        "expected": {"type": "boolean"},
                        "asked": {"type": "integer"},
                        "unknown": IDS,
                        "complete": {"type": "boolean"},
                    },
                    ["file", "role", "name", "expected", "asked", "unknown", "complete"],
                ),
            },
            "missing": {
                "type": "array",
                "items": closed_object(
                    {"role": _ROLE, "name": STRING, "count": {"type": "integer"}}, ["role", "name", "count"]
                ),
            },
            "response_rate": closed_object(
                {
                    "expected": _COUNT_OR_NULL,
                    "replied": {"type": "integer"},
                    "percent": _COUNT_OR_NULL,
                    "by_role": {
                        "type": "array",
                        "items": closed_object(
                            {
                                "role": _ROLE,
                                "replied": {"type": "integer"},
                                "expected": _COUNT_OR_NULL,
                                "percent": _COUNT_OR_NULL,
                            },
                            ["role", "replied", "expected", "percent"],
                        ),
                    },
                },
                ["expected", "replied", "percent", "by_role"],
            ),
            "disagreements": {
                "type": "array",
                "items": closed_object(
                    {
                        "item": STRING,
                        "question": STRING,
                        "critical": {"type": "boolean"},
                        "by_role": {
                            "type": "array",
                            "items": closed_object(
                                {"role": _ROLE, "respondents": {"type": "integer"}, "answers": STRING},
                                ["role", "respondents", "answers"],
                            ),
                        },
                    },
                    ["item", "question", "critical", "by_role"],
                ),
            },
            "problems": {
                "type": "array",
                "items": closed_object(
                    {
                        "file": STRING,
                        "line": {"type": "integer"},
                        "column": {"type": "integer"},
                        "message": STRING,
                        "rule": STRING,
                    },
                    ["file", "line", "column", "message", "rule"],
                ),
            },
        },
        [
            "schema_version",
            "folder",
            "expected_list",
            "checklist",
            "context",
            "replies",
            "missing",
            "response_rate",
            "disagreements",
            "problems",
        ],
    ),
}
