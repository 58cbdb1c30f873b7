"""``implcheck schema checklist|answers|result``: the JSON Schema of a file kind."""

from __future__ import annotations

import json
from enum import StrEnum

from implcheck.commands import Outcome
from implcheck.schemas import SCHEMAS


class SchemaKind(StrEnum):
    CHECKLIST = "checklist"
    ANSWERS = "answers"
    RESULT = "result"


def text(kind: SchemaKind) -> str:
    return json.dumps(SCHEMAS[kind.value], indent=2) + "\n"


def run(kind: SchemaKind) -> Outcome:
    return Outcome(text(kind))
