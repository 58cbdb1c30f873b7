"""The schemas of what implcheck writes for scripts: a JSON result (``check --format json``),
the comparison of two terms (``compare --format json``) and a trust's portfolio
(``portfolio --format json``). They describe ``present/json.py``, ``present/compare.py`` and
``present/portfolio.py``; ``tests/test_schemas.py`` validates real output against them.
"""

from __future__ import annotations

from typing import Any

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
    {"name": STRING, "role": enum_of(Role), "answer": enum_of(AnswerValue), "evidence": STRING},
    ["name", "role", "answer", "evidence"],
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
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "thresholds": closed_object(
                {"ready": NUMBER, "conditions": NUMBER, "floor": NUMBER, "min_confidence": NUMBER},
                ["ready", "conditions", "floor", "min_confidence"],
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

_side: dict[str, Any] = closed_object(
    {
        "term": STRING,
        "assessed_on": STRING,
        "checklist_version": STRING,
        "verdict": enum_of(Verdict),
        "score": {"type": "number", "minimum": 0, "maximum": 100},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
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
        ["schema_version", "files", "schools", "groups", "problems"],
    ),
}
