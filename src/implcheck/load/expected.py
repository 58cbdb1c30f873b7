"""The list of respondents a leader asked to answer, for ``implcheck collect --expect``.

```yaml
respondents:
  - {name: A. Okafor, role: senior-leader}
  - {name: D. Hughes, role: teacher}
  - {role: pupil, count: 30}      # pupils are counted, never named
```

Checked against ``fields.EXPECTED`` like every other file, each problem at its line.
"""

from __future__ import annotations

from pathlib import Path

from implcheck import fields
from implcheck.collect import Expected, ExpectedList
from implcheck.errors import ProblemRule
from implcheck.load.checker import Checker
from implcheck.model import Role
from implcheck.safetext import quote
from implcheck.yamlsource import Document, load_document


def load_expected(path: Path) -> ExpectedList:
    return expected_from_document(load_document(path))


def is_expected_list(doc: Document) -> bool:
    return isinstance(doc.data, dict) and "respondents" in doc.data and "checklist" not in doc.data


def expected_from_document(doc: Document) -> ExpectedList:
    check = Checker(doc)
    top = check.document(fields.EXPECTED)
    record = fields.EXPECTED_RESPONDENT
    found: list[Expected] = []
    named: set[tuple[Role, str]] = set()
    for index, raw in enumerate(check.records(top, (), fields.EXPECTED.field("respondents"))):
        where = ("respondents", index)
        mapping = check.mapping(raw, where, record)
        if mapping is None:
            continue
        role = check.choice(mapping, where, record.field("role"), Role)
        name = check.text(mapping, where, record.field("name"))
        count = check.number(mapping, where, record.field("count"))
        if count is not None and not count.is_integer():
            check.add(f"'count' must be a whole number, got {count:g}", ProblemRule.BAD_VALUE, *where, "count")
            continue
        if role is None:
            continue
        if role is Role.PUPIL and name:
            check.add(
                "pupils are counted, never named: give 'count' (how many pupils were asked) instead of 'name'",
                ProblemRule.BAD_VALUE,
                *where,
                "name",
            )
            continue
        if name and count not in (None, 1):
            check.add(
                "give either 'name' (one person) or 'count' (how many, unnamed), not both",
                ProblemRule.BAD_VALUE,
                *where,
                "count",
            )
            continue
        if name and (role, name.casefold()) in named:
            check.add(
                f"{role.value} {quote(name)} is listed twice; list each person once",
                ProblemRule.DUPLICATE_RESPONDENT,
                *where,
                "name",
            )
            continue
        if name:
            named.add((role, name.casefold()))
        found.append(Expected(role, name, int(count or 1)))
    check.fail_if_any()
    return ExpectedList(str(doc.path), tuple(found))
