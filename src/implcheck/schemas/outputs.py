"""The schemas of what implcheck writes for scripts: a JSON result (``check --format json``), the
comparison of two terms (``compare --format json``), who has replied (``collect --format json``)
and a trust's portfolio (``portfolio --format json``). The result's schema is generated from the
types ``present/json.py`` builds it as; the others describe ``present/compare.py``,
``present/collect.py`` and ``present/portfolio.py``. ``tests/test_schemas.py`` validates real
output against them.
"""

from __future__ import annotations

from typing import Any

from implcheck import collect
from implcheck.compare import Change, RegressionKind
from implcheck.model import AnswerValue, Role
from implcheck.present.json import Confidence, OverdueJSON, ResultJSON, RiskJSON
from implcheck.result import SCHEMA_VERSION, Verdict
from implcheck.schemas.parts import DRAFT, IDS, NUMBER, STRING, closed_object, enum_of, schema_of

# The result's shape is stated once, as the TypedDicts present/json.py builds it from.
RESULT: dict[str, Any] = {"$schema": DRAFT, "title": "implcheck result", **schema_of(ResultJSON)}
_OVERDUE = schema_of(list[OverdueJSON])
_RISKS = schema_of(list[RiskJSON])

_side: dict[str, Any] = closed_object(
    {
        "term": STRING,
        "assessed_on": STRING,
        "checklist_version": STRING,
        "verdict": enum_of(Verdict),
        "score": {"type": "number", "minimum": 0, "maximum": 100},
        "confidence": schema_of(Confidence),
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
            "started": {"type": "boolean", "description": "anything answered in the later term; if not, no regression"},
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
            "started",
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

_COUNT: dict[str, Any] = {"type": "integer", "minimum": 0}
_term = closed_object(
    {
        "term": STRING,
        "assessed_on": STRING,
        "checklist_version": STRING,
        "verdict": enum_of(Verdict),
        "score": NUMBER,
        "confidence": NUMBER,
        "respondents": _COUNT,
        "disagreements": _COUNT,
        "overdue_actions": _COUNT,
        "expired_risks": _COUNT,
        "started": {
            "type": "boolean",
            "description": "anything answered yet; a term with nothing answered has not started",
        },
        "score_change": {"type": ["number", "null"]},
        "regressed": {"type": "boolean"},
        "regressions": IDS,
        "files": IDS,
    },
    [
        "term",
        "assessed_on",
        "checklist_version",
        "verdict",
        "score",
        "confidence",
        "respondents",
        "disagreements",
        "overdue_actions",
        "expired_risks",
        "started",
        "score_change",
        "regressed",
        "regressions",
        "files",
    ],
)

PORTFOLIO: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "implcheck portfolio",
    "description": "portfolio --format json: every school's implementations, each term by term, oldest first",
    **closed_object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "files": _COUNT,
            "migrated_files": {
                **_COUNT,
                "description": "files written for an earlier checklist version, read as this one",
            },
            "schools": _COUNT,
            "groups": {
                "type": "array",
                "items": closed_object(
                    {
                        "school": STRING,
                        "initiative": STRING,
                        "checklist": STRING,
                        "checklist_title": STRING,
                        "terms": {"type": "array", "minItems": 1, "items": _term},
                        "regression": {
                            "anyOf": [
                                {"type": "null"},
                                closed_object(
                                    {
                                        "regressed": {"type": "boolean"},
                                        "from_term": STRING,
                                        "to_term": STRING,
                                        "score_change": {"type": ["number", "null"]},
                                        "reasons": IDS,
                                    },
                                    ["regressed", "from_term", "to_term", "score_change", "reasons"],
                                ),
                            ]
                        },
                    },
                    ["school", "initiative", "checklist", "checklist_title", "terms", "regression"],
                ),
            },
            "problems": IDS,
        },
        ["schema_version", "files", "migrated_files", "schools", "groups", "problems"],
    ),
}
