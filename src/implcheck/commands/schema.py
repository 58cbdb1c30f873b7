"""``implcheck schema checklist|answers|result|compare|portfolio``: the JSON Schema of a file
kind, or of the JSON ``check``, ``compare`` or ``portfolio`` writes."""

from __future__ import annotations

from enum import StrEnum

from implcheck.commands import Outcome


class SchemaKind(StrEnum):
    CHECKLIST = "checklist"
    ANSWERS = "answers"
    RESULT = "result"
    COMPARE = "compare"
    PORTFOLIO = "portfolio"


def run(kind: SchemaKind) -> Outcome:
    from implcheck import schemas  # the CLI imports this module for SchemaKind on every run

    return Outcome(schemas.text(kind.value))
