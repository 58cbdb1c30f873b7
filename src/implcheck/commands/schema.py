"""``implcheck schema checklist|answers|expected|result|compare|collect|portfolio``: the JSON
Schema of a file kind (``expected``: the list of respondents ``collect --expect`` reads), or of
the JSON ``check``, ``compare``, ``collect`` or ``portfolio`` writes."""

from __future__ import annotations

from enum import StrEnum

from implcheck.commands import Outcome


class SchemaKind(StrEnum):
    CHECKLIST = "checklist"
    ANSWERS = "answers"
    EXPECTED = "expected"
    RESULT = "result"
    COMPARE = "compare"
    COLLECT = "collect"
    PORTFOLIO = "portfolio"


def run(kind: SchemaKind) -> Outcome:
    from implcheck import schemas  # the CLI imports this module for SchemaKind on every run

    return Outcome(schemas.text(kind.value))
