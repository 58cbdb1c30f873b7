"""``implcheck schema checklist|answers|result``: the JSON Schema of a file kind."""

from __future__ import annotations

from enum import StrEnum

from implcheck import schemas
from implcheck.commands import Outcome


class SchemaKind(StrEnum):
    CHECKLIST = "checklist"
    ANSWERS = "answers"
    RESULT = "result"


def run(kind: SchemaKind) -> Outcome:
    return Outcome(schemas.text(kind.value))
