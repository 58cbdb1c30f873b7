"""``implcheck schema checklist|answers|expected|result|compare``: the JSON Schema of a file kind
(``expected``: the list of respondents ``collect --expect`` reads) or of ``compare --format json``."""

from __future__ import annotations

from enum import StrEnum

from implcheck.commands import Outcome


class SchemaKind(StrEnum):
    CHECKLIST = "checklist"
    ANSWERS = "answers"
    EXPECTED = "expected"
    RESULT = "result"
    COMPARE = "compare"


def run(kind: SchemaKind) -> Outcome:
    from implcheck import schemas  # the CLI imports this module for SchemaKind on every run

    return Outcome(schemas.text(kind.value))
