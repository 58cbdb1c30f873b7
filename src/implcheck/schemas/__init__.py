"""JSON Schemas for the file kinds people write and the JSON implcheck writes (``implcheck schema KIND``).

The checklist and answers schemas (``files.py``) are generated from the field tables in
``fields.py``, the same tables the loader checks files against, so an editor and
``implcheck validate`` accept the same files (``tests/test_fields.py`` holds them to it). The
loader still gives the friendlier messages, and checks what a schema cannot say (duplicate ids,
a checklist reference that names no file, an accepted risk's expiry within a year). The result,
comparison and portfolio schemas (``outputs.py``) describe what implcheck writes for scripts.
"""

from __future__ import annotations

import json
from typing import Any

from implcheck.schemas.files import ANSWERS, ANSWERS_FOR, CHECKLIST, EXPECTED, answers_for
from implcheck.schemas.outputs import COLLECT, COMPARE, PORTFOLIO, RESULT

__all__ = [
    "ANSWERS",
    "ANSWERS_FOR",
    "CHECKLIST",
    "COLLECT",
    "COMPARE",
    "EXPECTED",
    "PORTFOLIO",
    "RESULT",
    "SCHEMAS",
    "answers_for",
    "serialise",
    "text",
]

SCHEMAS: dict[str, dict[str, Any]] = {
    "checklist": CHECKLIST,
    "answers": ANSWERS,
    "expected": EXPECTED,
    "result": RESULT,
    "compare": COMPARE,
    "collect": COLLECT,
    "portfolio": PORTFOLIO,
}


def serialise(schema: dict[str, Any]) -> str:
    """A schema as it is printed and written to disk: the one serialisation of it."""
    return json.dumps(schema, indent=2) + "\n"


def text(kind: str) -> str:
    return serialise(SCHEMAS[kind])
