"""One table of fields per file kind: what each key holds and whether it is required.

The loader (``load/``) checks files against these tables, with friendly messages; ``schemas/``
turns the same tables into JSON Schemas for editors and CI. The patterns below are used by
both, searched the way JSON Schema searches them (``re.search``), so what one accepts the other
accepts. ``tests/test_fields.py`` holds them to that with generated files.

Choices made once, here, for every file kind:

* Surrounding spaces never matter, and a choice ignores case (``answer: Partly`` is partly).
* An optional key left empty (``owner:``) is the same as no key.
* Numbers are text where text is wanted (``version: 1.2``, ``term: 2026``); ids must be text.
* A whole number may be written ``2.0``: JSON Schema, and so every editor, cannot tell 2.0 from 2.
* Dates are exactly ``YYYY-MM-DD`` and a real day in the calendar; an optional date may be blank
  (``init`` writes ``assessed_on: ""`` for the school to fill in).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum, StrEnum
from functools import cached_property

from implcheck.model import ActionStatus, AnswerValue, FailureMode, Role, Stage


class Kind(Enum):
    TEXT = "text"  # a string, or a number written as text; a required one must not be blank
    ID = "id"  # kebab-case text
    CHOICE = "choice"  # one of an Enum's values
    WHOLE = "whole"  # a whole number from ``low`` to ``high``
    NUMBER = "number"  # any number from ``low`` to ``high``
    FLAG = "flag"  # true or false
    DATE = "date"  # YYYY-MM-DD, or blank
    RECORD = "record"  # a nested mapping, described by ``record``
    RECORDS = "records"  # a non-empty list of ``record``
    ANSWERS = "answers"  # item id -> an answer: a choice in short, or ``record`` in long form
    CHOICES = "choices"  # a non-empty list of an Enum's values, each once
    MAP = "map"  # a non-empty mapping: keys are ``choices`` (kebab ids when None), values ``values``


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: Kind
    description: str
    required: bool = False
    null_ok: bool = False  # a required key that may be left empty (``answer:`` means unknown)
    choices: type[StrEnum] | None = None
    low: float = 0
    high: float = 0
    record: Record | None = None
    label: str = ""  # how messages name it, when not ``'name'``
    values: Kind = Kind.TEXT  # for a MAP: what each value is (non-blank text, or a kebab id)

    @property
    def called(self) -> str:
        return self.label or repr(self.name)


@dataclass(frozen=True)
class Record:
    what: str  # how messages name a value of this shape: "an item", "'context'"
    fields: tuple[Field, ...]

    # Cached: the loader asks these of every value of every file a portfolio reads.
    @cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)

    @cached_property
    def required(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields if field.required)

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        return {field.name: field for field in self.fields}

    def field(self, name: str) -> Field:
        return self._by_name[name]


# --- the patterns, shared by loader and schema ----------------------------------------------

KEBAB = "[a-z0-9]+(?:-[a-z0-9]+)*"
NON_BLANK = r"\S"
_YEAR = "(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_MULTIPLE_OF_4 = "(?:0[48]|[2468][048]|[13579][26])"
# Every day of the Gregorian calendar written YYYY-MM-DD, and nothing else (no 20261101, no
# 2026-W05-1, no 2026-02-29): JSON Schema has no date type an editor must enforce, so the
# calendar is spelled out as a pattern.
CALENDAR_DATE = (
    f"(?:{_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    f"|[0-9]{{2}}{_MULTIPLE_OF_4}-02-29|{_MULTIPLE_OF_4}00-02-29)"
)


def trimmed(pattern: str) -> str:
    """``pattern`` as the whole value, spaces around it allowed; group 1 is the value itself."""
    return rf"^\s*({pattern})\s*$"


# The characters ECMA regexes give a meaning to: the only ones escaped, because in unicode mode
# (Ajv, check-jsonschema) an escape of any other character, such as ``re.escape``'s ``\-``, is an
# error that makes the whole schema invalid.
_ECMA_SYNTAX = re.compile(r"[\\^$.*+?()[\]{}|/]")


def any_case(value: str) -> str:
    """``value`` in any mix of upper and lower case (ECMA regexes, which editors run, have no
    case-insensitive flag inside a pattern)."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else _ECMA_SYNTAX.sub(r"\\\g<0>", c) for c in value)


ID_PATTERN = trimmed(KEBAB)
DATE_PATTERN = trimmed(f"(?:{CALENDAR_DATE})?")
REQUIRED_DATE_PATTERN = trimmed(CALENDAR_DATE)  # a required date may not be blank


def choice_pattern(values: Iterable[str]) -> str:
    """One of ``values``, any case, spaces around it allowed."""
    return trimmed("|".join(any_case(str(value)) for value in values))


# --- the tables -------------------------------------------------------------------------------

THRESHOLDS = Record(
    "'thresholds'",
    (
        Field("ready", Kind.NUMBER, "lowest score (0-100) for ready", low=0, high=100),
        Field("conditions", Kind.NUMBER, "lowest score for ready with conditions", low=0, high=100),
        Field("floor", Kind.NUMBER, "no stage or failure mode may score below this", low=0, high=100),
        Field(
            "min_confidence",
            Kind.NUMBER,
            "confidence (0-1) needed for ready: the share of questions answered and agreed on",
            low=0,
            high=1,
        ),
        Field(
            "max_na_share",
            Kind.NUMBER,
            "the largest share (0-1) of a stage's questions that may be na for ready",
            low=0,
            high=1,
        ),
        Field(
            "evidence_max_age_days",
            Kind.NUMBER,
            "long-form evidence dated longer than this before assessed_on is stale",
            low=0,
            high=3650,
        ),
    ),
)

# The checklist's own words for each verdict; a blank one keeps the usual words.
VERDICT_LABELS = Record(
    "'verdict_labels'",
    (
        Field("ready", Kind.TEXT, "what to call ready, e.g. on track"),
        Field("ready_with_conditions", Kind.TEXT, "what to call ready with conditions"),
        Field("not_ready", Kind.TEXT, "what to call not ready, e.g. off track"),
    ),
)

ITEM = Record(
    "an item",
    (
        Field("id", Kind.ID, "unique in the checklist, kebab-case, stable across versions", required=True),
        Field("question", Kind.TEXT, "plain English, answerable by a school leader", required=True),
        Field("why", Kind.TEXT, "what goes wrong without it, in a sentence or two", required=True),
        Field("failure_mode", Kind.CHOICE, "the way of failing it guards against", True, choices=FailureMode),
        Field("weight", Kind.WHOLE, "how much it counts: 1, 2 or 3", required=True, low=1, high=3),
        Field("critical", Kind.FLAG, "a gap here blocks readiness", required=True),
        Field("action", Kind.TEXT, "what to do when the answer is not yes", required=True),
        Field("source", Kind.TEXT, "the seed or research source, with a quote or section", required=True),
        Field("owner", Kind.TEXT, "who usually does the action"),
        Field("by_when", Kind.TEXT, "when the action is usually due"),
        Field(
            "ask",
            Kind.CHOICES,
            "the roles who can answer it from their own seat; none listed: every role. "
            "The senior leader, and a respondent whose role is other, are asked every item",
            choices=Role,
        ),
        Field("wording", Kind.MAP, "the question in a role's own words, e.g. pupil: Can you log in?", choices=Role),
    ),
)

SECTION = Record(
    "a section",
    (
        Field("id", Kind.ID, "kebab-case, unique in the checklist", required=True),
        Field("title", Kind.TEXT, "the section's heading", required=True),
        Field("stage", Kind.CHOICE, "the EEF implementation stage", required=True, choices=Stage),
        Field("items", Kind.RECORDS, "the questions", required=True, record=ITEM),
    ),
)

CHECKLIST = Record(
    "a checklist",
    (
        Field("id", Kind.ID, "kebab-case; answers files name the checklist by it", required=True),
        Field("title", Kind.TEXT, "the checklist's name", required=True),
        Field("version", Kind.TEXT, "changes whenever an item changes", required=True),
        Field("description", Kind.TEXT, "when to use it, for whom", required=True),
        Field("thresholds", Kind.RECORD, "verdict bars, if not the defaults", record=THRESHOLDS),
        Field("verdict_labels", Kind.RECORD, "the checklist's own words for the verdicts", record=VERDICT_LABELS),
        Field("sections", Kind.RECORDS, "the checklist's sections, in order", required=True, record=SECTION),
        Field(
            "renamed",
            Kind.MAP,
            "old item id: new item id, so answers written for an earlier version carry over",
            values=Kind.ID,
        ),
        Field("retired", Kind.MAP, "old item id: why it is no longer asked (its answers are reported, not scored)"),
    ),
)

RESPONDENT = Record(
    "'respondent'",
    (
        Field("name", Kind.TEXT, "who answered"),
        Field("role", Kind.CHOICE, "their role", choices=Role),
    ),
)

CONTEXT = Record(
    "'context'",
    (
        Field("school", Kind.TEXT, "the school's name"),
        Field("initiative", Kind.TEXT, "the product or change being assessed"),
        Field("term", Kind.TEXT, "the school term, e.g. 2026-autumn"),
        Field("assessed_on", Kind.DATE, "the day of the assessment, YYYY-MM-DD; other dates are judged against it"),
        Field("respondent", Kind.RECORD, "who answered this file", record=RESPONDENT),
    ),
)

ANSWER = Record(
    "an answer",
    (
        Field("answer", Kind.CHOICE, "yes, partly, no, unknown or na", True, True, AnswerValue, label="answer"),
        Field("evidence", Kind.TEXT, "what was seen, and where; the reason, for na"),
        Field("date", Kind.DATE, "when the evidence was seen, YYYY-MM-DD"),
    ),
)

# The actions ledger and accepted risks carry over from term to term; their dates are judged
# against ``context.assessed_on`` (the loader checks what a field cannot: the item exists,
# a risk is accepted for at most a year).
ACTION = Record(
    "an action",
    (
        Field("item", Kind.ID, "the item id the action is about", required=True),
        Field("owner", Kind.TEXT, "who does it", required=True),
        Field("due", Kind.DATE, "when it is due, YYYY-MM-DD", required=True),
        Field("status", Kind.CHOICE, "open, done or dropped", required=True, choices=ActionStatus),
        Field("note", Kind.TEXT, "progress, in a sentence"),
        Field("action", Kind.TEXT, "what was agreed, if not the checklist's action"),
    ),
)

ACCEPTED_RISK = Record(
    "an accepted risk",
    (
        Field("item", Kind.ID, "the item id whose gap is accepted", required=True),
        Field("reason", Kind.TEXT, "why the gap is accepted", required=True),
        Field("approved_by", Kind.TEXT, "who accepted it, e.g. the full governing body", required=True),
        Field("approved_on", Kind.DATE, "when, YYYY-MM-DD", required=True),
        Field("expires", Kind.DATE, "when it runs out, YYYY-MM-DD, at most a year after approved_on", required=True),
    ),
)

# The short form (``item-id: yes``) is the answer field on its own; empty means unknown.
SHORT_ANSWER = ANSWER.field("answer")

ANSWERS = Record(
    "an answers file",
    (
        Field("checklist", Kind.TEXT, "a shipped checklist id, or a path to a checklist file", required=True),
        Field("checklist_version", Kind.TEXT, "the checklist's version these answers were given for"),
        Field("context", Kind.RECORD, "which school, initiative and term, and who answered", record=CONTEXT),
        Field("answers", Kind.ANSWERS, "item id: answer", record=ANSWER),
        Field("actions", Kind.RECORDS, "what the school agreed to do, by whom and by when", record=ACTION),
        Field("accepted_risks", Kind.RECORDS, "gaps the governors accepted, for at most a year", record=ACCEPTED_RISK),
    ),
)


# The list of respondents a leader asked to answer (``implcheck collect DIR --expect FILE``):
# adults by name and role; pupils by how many were asked, never by name.
EXPECTED_RESPONDENT = Record(
    "an expected respondent",
    (
        Field("role", Kind.CHOICE, "their role", required=True, choices=Role),
        Field("name", Kind.TEXT, "their name, as their answers file gives it (not for pupils)"),
        Field("count", Kind.NUMBER, "how many people of this role were asked, when not named", low=1, high=10000),
    ),
)

EXPECTED = Record(
    "a list of expected respondents",
    (
        Field(
            "respondents",
            Kind.RECORDS,
            "who was asked to answer: a name and role each, or a role and a count",
            required=True,
            record=EXPECTED_RESPONDENT,
        ),
    ),
)
