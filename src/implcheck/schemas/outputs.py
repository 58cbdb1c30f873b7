"""The schemas of what implcheck writes for scripts: a JSON result (``check --format json``) and
the comparison of two terms (``compare --format json``). The result's schema is generated from
the types ``present/json.py`` builds it as; the comparison's describes ``present/compare.py``.
``tests/test_schemas.py`` validates real output against them.
"""

from __future__ import annotations

from typing import Any

from implcheck.compare import Change, RegressionKind
from implcheck.model import AnswerValue
from implcheck.present.json import OverdueJSON, ResultJSON, RiskJSON
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
            "max_drop",
            "regressions",
        ],
    ),
}
