"""The users' vocabulary as records: checklists, items, answers and who gave them.

Everything here is plain data. Loading and validation live in ``load.py``; scoring in
``scoring.py``. Keeping the records dumb means every other module can trust them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from implcheck.errors import Problem


class Stage(StrEnum):
    """The EEF implementation stages, in the order a school goes through them."""

    EXPLORE = "explore"
    PREPARE = "prepare"
    DELIVER = "deliver"
    SUSTAIN = "sustain"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def meaning(self) -> str:
        """What the stage means for a school, in plain words: the interview says it at a stage's
        first section, and the report's glossary lists all four."""
        return _STAGE_MEANINGS[self]


_STAGE_MEANINGS = {
    Stage.EXPLORE: "deciding what problem to solve and whether this product is the right answer, before you commit",
    Stage.PREPARE: "getting ready before the launch: the plan, the people, the systems and the training",
    Stage.DELIVER: "the first terms of use: support, coaching, and checking it is used as planned",
    Stage.SUSTAIN: "keeping it going once it is normal practice, spreading it with care, or stopping it",
}


class FailureMode(StrEnum):
    """Why implementations fail (SPEC.md). Each item carries exactly one."""

    UNCLEAR_PROBLEM = "unclear-problem"
    NO_OWNER = "no-owner"
    FRICTION = "friction"
    NO_FOLLOW_UP = "no-follow-up"
    NO_MONITORING = "no-monitoring"
    POOR_TIMING = "poor-timing"
    NO_BUY_IN = "no-buy-in"
    NO_CAPACITY = "no-capacity"
    DATA_RISK = "data-risk"
    POOR_FIT = "poor-fit"
    NOT_SUSTAINED = "not-sustained"

    @property
    def description(self) -> str:
        return FAILURE_MODE_DESCRIPTIONS[self]

    @property
    def label(self) -> str:
        """What is in place when this failure is avoided, in a few plain words."""
        return FAILURE_MODE_LABELS[self]


FAILURE_MODE_DESCRIPTIONS: dict[FailureMode, str] = {
    FailureMode.UNCLEAR_PROBLEM: "No specific, evidenced problem: a solution looking for a problem.",
    FailureMode.NO_OWNER: "No senior, accountable lead who chose it and has time to lead it.",
    FailureMode.FRICTION: "Logins, devices, bandwidth, reliability or workload make staff give up.",
    FailureMode.NO_FOLLOW_UP: "Launched and left: no training, coaching or ongoing support.",
    FailureMode.NO_MONITORING: "Fidelity, reach and acceptability not tracked; no review of impact.",
    FailureMode.POOR_TIMING: "Too many initiatives at once, or no time to test before launch.",
    FailureMode.NO_BUY_IN: "Staff don't know why, weren't part of the decision, or can't push back.",
    FailureMode.NO_CAPACITY: "No admin support, budget, multi-year cost plan or IT capacity.",
    FailureMode.DATA_RISK: "Student data handling, security and privacy not assured.",
    FailureMode.POOR_FIT: "Doesn't fit existing systems, pedagogy or timetable; pilot unlike roll-out.",
    FailureMode.NOT_SUSTAINED: "Not kept live, not scaled deliberately, vendor not viable long term.",
}


# Named by what is measured (a score of 100 means it is in place), so a low score reads as a
# risk: "Data protection 0", not "Data risk 0".
FAILURE_MODE_LABELS: dict[FailureMode, str] = {
    FailureMode.UNCLEAR_PROBLEM: "A clear problem to solve",
    FailureMode.NO_OWNER: "Senior ownership",
    FailureMode.FRICTION: "Ease of use",
    FailureMode.NO_FOLLOW_UP: "Follow-up and support",
    FailureMode.NO_MONITORING: "Monitoring and review",
    FailureMode.POOR_TIMING: "Timing and workload",
    FailureMode.NO_BUY_IN: "Staff buy-in",
    FailureMode.NO_CAPACITY: "Capacity and budget",
    FailureMode.DATA_RISK: "Data protection",
    FailureMode.POOR_FIT: "Fit with the school",
    FailureMode.NOT_SUSTAINED: "Keeping it going",
}


class AnswerValue(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    UNKNOWN = "unknown"
    NA = "na"

    @property
    def words(self) -> str:
        """The answer as a person says it: ``unknown`` is "don't know", ``na`` "doesn't apply"."""
        return ANSWER_WORDS[self]


ANSWER_WORDS: dict[AnswerValue, str] = {
    AnswerValue.YES: "yes",
    AnswerValue.PARTLY: "partly",
    AnswerValue.NO: "no",
    AnswerValue.UNKNOWN: "don't know",
    AnswerValue.NA: "doesn't apply",
}


class Role(StrEnum):
    SENIOR_LEADER = "senior-leader"
    TEACHER = "teacher"
    IT = "it"
    GOVERNOR = "governor"
    PUPIL = "pupil"  # pupils' view is half of acceptability; answered with a member of staff
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    question: str
    why: str
    failure_mode: FailureMode
    weight: int
    critical: bool
    action: str
    source: str
    owner: str = ""
    by_when: str = ""
    ask: tuple[Role, ...] = ()  # who is asked it from their own seat; () is every role
    wording: tuple[tuple[Role, str], ...] = ()  # the question in a role's own words

    def asks(self, role: Role) -> bool:
        """Whether a respondent in ``role`` is asked this item. The senior leader answers the
        full set, and so does a respondent whose seat implcheck does not know (``other``)."""
        return not self.ask or role in self.ask or role in ALWAYS_ASKED

    def question_for(self, role: Role) -> str:
        """The question as ``role`` reads it: its own wording where the checklist gives one."""
        return next((words for each, words in self.wording if each is role), self.question)


ALWAYS_ASKED = frozenset({Role.SENIOR_LEADER, Role.OTHER})


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    stage: Stage
    items: tuple[Item, ...]


# A score fall of more than this many points since the last term is a regression (compare.py).
# Stated here so the CLI can offer it as a default without importing the comparison code.
DEFAULT_MAX_DROP = 5.0


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Verdict bars; a checklist may tune them (``thresholds:`` in its YAML)."""

    ready: float = 80.0
    conditions: float = 60.0
    floor: float = 40.0
    min_confidence: float = 0.8
    # A stage with more than this share of its questions answered na is at best ready with
    # conditions: na is the easy way round a gap, so a stage mostly na cannot pass cleanly.
    max_na_share: float = 0.25
    evidence_max_age_days: float = 365  # long-form evidence dated longer before assessed_on is stale


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    version: str
    description: str
    sections: tuple[Section, ...]
    thresholds: Thresholds = field(default_factory=Thresholds)
    # The file it was read from, so a command never writes its output over it.
    path: Path | None = field(default=None, compare=False)
    # The checklist's own words for the verdicts (``verdict_labels:``), keyed by verdict value:
    # a termly re-check says "off track" where a pre-purchase check says "not ready".
    verdict_labels: dict[str, str] = field(default_factory=dict, compare=False)
    # Between versions (``renamed:`` and ``retired:``): an old item id's new id, or why it is no
    # longer asked. Ids are never reused, so one map serves files of every earlier version.
    renamed: dict[str, str] = field(default_factory=dict, compare=False)
    retired: dict[str, str] = field(default_factory=dict, compare=False)

    @cached_property  # asked for each file a portfolio reads
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def asked(self, role: Role) -> tuple[Item, ...]:
        """The questions a respondent in ``role`` is asked, in the checklist's order."""
        return tuple(item for item in self.items if item.asks(role))

    def current_id(self, item_id: str) -> str:
        """``item_id`` followed through ``renamed:`` to the id it has now (itself if never
        renamed). The loader refuses a loop, so this ends."""
        seen = {item_id}
        while item_id in self.renamed:
            item_id = self.renamed[item_id]
            if item_id in seen:  # pragma: no cover - the loader refuses loops
                break
            seen.add(item_id)
        return item_id


@dataclass(frozen=True, slots=True)
class Respondent:
    name: str = ""
    role: Role = Role.OTHER


@dataclass(frozen=True, slots=True)
class Context:
    school: str = ""
    initiative: str = ""
    term: str = ""
    assessed_on: str = ""
    respondent: Respondent = field(default_factory=Respondent)


@dataclass(frozen=True, slots=True)
class Answer:
    value: AnswerValue
    evidence: str = ""
    date: str = ""


NO_ANSWER = Answer(AnswerValue.UNKNOWN)  # an item a file leaves out; frozen, so one will do


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True)
class AgreedAction:
    """One line of the actions ledger (``actions:``): what the school agreed to do about an item."""

    item_id: str
    owner: str
    due: str  # YYYY-MM-DD; open and due before ``assessed_on`` is overdue
    status: ActionStatus
    note: str = ""
    action: str = ""  # the school's words; empty means the checklist's action for the item


@dataclass(frozen=True, slots=True)
class AcceptedRisk:
    """A gap the governors accepted knowingly, for at most a year (``accepted_risks:``)."""

    item_id: str
    reason: str
    approved_by: str
    approved_on: str  # YYYY-MM-DD
    expires: str  # YYYY-MM-DD; active while on or after ``assessed_on``


# What a migration moved: an answer, or the item an agreed action or accepted risk is about.
Given = Answer | AgreedAction | AcceptedRisk


@dataclass(frozen=True, slots=True)
class Migration:
    """One answer (or action, or accepted risk) given for an id this version no longer has."""

    old_id: str
    new_id: str  # the id it was carried to; "" when retired
    retired: str  # why the question was retired (the checklist's words); "" when renamed
    given: Given  # as the file gave it, under the old id
    line: int = 0  # where the file gives it
    file: str = ""  # the file that gives it

    @property
    def is_retired(self) -> bool:
        return not self.new_id

    @property
    def kind(self) -> str:
        """What was moved, as a noun: "answer", "action" or "accepted risk"."""
        if isinstance(self.given, AgreedAction):
            return "action"
        if isinstance(self.given, AcceptedRisk):
            return "accepted risk"
        return "answer"


@dataclass(frozen=True, slots=True)
class AnswerSheet:
    """One answers file: one respondent's answers for one school, initiative and term."""

    path: Path
    checklist_ref: str
    context: Context
    answers: dict[str, Answer]
    actions: tuple[AgreedAction, ...] = ()
    accepted_risks: tuple[AcceptedRisk, ...] = ()
    warnings: tuple[Problem, ...] = ()  # odd but allowed, e.g. evidence dated after the assessment
    checklist_version: str = ""  # the version the file says it answers (``checklist_version:``)
    # Answers (and actions, accepted risks) given for an earlier version's ids: carried to the
    # id the item has now, or kept aside as retired (``migrate.py``).
    migrated: tuple[Migration, ...] = ()


@dataclass(frozen=True, slots=True)
class Assessment:
    """One school's answers to one checklist for one initiative and term, from one or more
    respondents. This is what the scorer scores."""

    checklist: Checklist
    sheets: tuple[AnswerSheet, ...]

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(warning for sheet in self.sheets for warning in sheet.warnings)
