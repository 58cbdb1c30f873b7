"""The loader's short cuts for common values accept exactly what the field table's patterns do."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from implcheck.fields import DATE_PATTERN, ID_PATTERN, REQUIRED_DATE_PATTERN
from implcheck.load.checker import _calendar_day, _plain_id

ID_LIKE = st.text(alphabet="abz09-A \t\n_é", max_size=12)
DATE_LIKE = st.one_of(
    st.dates(min_value=date(1, 1, 1)).map(date.isoformat),
    st.text(alphabet="0123456789-/ T\n٣", min_size=8, max_size=12),
)


def _taken(pattern: str, value: str) -> bool:
    match = re.search(pattern, value)
    return match is not None and match.group(1) == value


@given(ID_LIKE)
@example("a-b")
@example("a--b")
@example("-a")
@example("a-")
@example("")
def test_a_plain_id_is_one_the_pattern_takes_as_it_is(value: str) -> None:
    if _plain_id(value):
        assert _taken(ID_PATTERN, value)
    elif value == value.strip():
        assert not _taken(ID_PATTERN, value)


@given(DATE_LIKE)
@example("2024-02-29")
@example("2100-02-29")
@example("2000-02-29")
@example("0000-01-01")
@example("2026-13-01")
@example("2026-04-31")
@example("٢٠٢٦-11-20")
def test_a_calendar_day_is_one_the_date_patterns_take_as_it_is(value: str) -> None:
    assert _calendar_day(value) == _taken(REQUIRED_DATE_PATTERN, value) == (value != "" and _taken(DATE_PATTERN, value))


def test_every_day_for_a_few_leap_years_is_a_calendar_day() -> None:
    day = date(1999, 1, 1)
    while day < date(2005, 1, 1):
        assert _calendar_day(day.isoformat()) and _taken(REQUIRED_DATE_PATTERN, day.isoformat())
        day += timedelta(days=1)


def test_a_caller_that_shows_no_warnings_does_not_look_for_them() -> None:
    from pathlib import Path

    from implcheck.errors import ProblemRule
    from implcheck.load.checker import Checker
    from implcheck.yamlsource import load_document

    doc = load_document(Path("a.yaml"), "a: 1\n")
    quiet, loud = Checker(doc, warnings=False), Checker(doc)
    for check in (quiet, loud):
        check.warn("odd but allowed", ProblemRule.DATE_AFTER_ASSESSMENT, "a")
    assert (quiet.problems, [p.message for p in loud.problems]) == ([], ["odd but allowed"])
