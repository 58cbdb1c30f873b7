"""What scoring produces: a verdict with its reasons, as plain records.

Presenters (``present/``) turn a ``Result`` into text, JSON, Markdown or HTML; the JSON shape
is the public contract (``schemas/outputs.py``, ``SCHEMA_VERSION``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from implcheck.model import (
    ActionStatus,
    AnswerValue,
    Checklist,
    Context,
    FailureMode,
    Item,
    Migration,
    Respondent,
    Stage,
    Thresholds,
)

# 1.1: owners and dates after defaults; actions[].owner_suggested and blocks_approval,
# reasons[].blocks_approval, and each stage, section and failure mode score's band.
# 1.2: confidence counts an answer respondents disagree on as half; thresholds.max_na_share;
# the rules weight-3-gap and too-many-na.
SCHEMA_VERSION = "1.2"

# What confidence measures, in the words shown beside it everywhere it is shown, so that a reader
# never has to look it up: a disputed answer counts half (``scoring.confidence``).
CONFIDENCE_MEANING = "share of questions answered and agreed on"


def figure(value: float, bars: Iterable[float]) -> str:
    """A score as people read it: a whole number, unless rounding would carry it across a bar it
    is compared with ("60" for 59.6 would contradict "below 60"); then one decimal, which is the
    exact figure, because scores are rounded to one decimal before they are compared."""
    whole = f"{value:.0f}"
    if all((float(whole) < bar) == (value < bar) for bar in bars):
        return whole
    return f"{value:.1f}"


def percent(value: float, bars: Iterable[float]) -> str:
    """A share (confidence) as a percentage, by the same rule as ``figure``: a whole percentage
    unless that would cross a bar; then one decimal, exact for a share rounded to three places."""
    whole = f"{value:.0%}"
    if all((float(whole[:-1]) / 100 < bar) == (value < bar) for bar in bars):
        return whole
    return f"{value:.1%}"


def shorten(text: str, limit: int = 100) -> str:
    """A question short enough to quote in a sentence: cut at a word, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def quoted(questions: Iterable[str]) -> str:
    """Questions in a sentence: each shortened and in quotation marks, separated by semicolons."""
    return "; ".join(f"“{shorten(question)}”" for question in questions)


def counted(n: int, noun: str) -> str:
    """A number of things in words: "1 file", "2 files", "1,200 files". Every noun implcheck
    counts makes its plural with an s."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def confidence_counts(answered: int, applicable: int, disputed: int) -> str:
    """The counts behind a confidence figure, in words: "30 of 46 answered; respondents disagree
    on 2, each counted half"."""
    counts = f"{answered:,} of {applicable:,} answered"
    if disputed:
        counts += f"; respondents disagree on {disputed:,}, each counted half"
    return counts


def score_bars(thresholds: Thresholds) -> tuple[float, float, float]:
    """The bars every score is compared with (the verdict's and the bands')."""
    return (thresholds.floor, thresholds.conditions, thresholds.ready)


class Verdict(StrEnum):
    # Ordered worst first so ``min`` over verdicts means "the most cautious".
    NOT_READY = "not_ready"
    READY_WITH_CONDITIONS = "ready_with_conditions"
    READY = "ready"

    @property
    def rank(self) -> int:
        return list(Verdict).index(self)

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]


VERDICT_LABELS = {
    Verdict.NOT_READY: "Not ready",
    Verdict.READY_WITH_CONDITIONS: "Ready with conditions",
    Verdict.READY: "Ready",
}


class Status(StrEnum):
    MET = "met"
    PARTIAL = "partial"
    GAP = "gap"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


class RuleId(StrEnum):
    """The verdict rules (``rules.RULES`` says what each one does), in the order reasons are given."""

    NOTHING_ANSWERED = "nothing-answered"
    LOW_SCORE = "low-score"
    SCORE_BELOW_READY = "score-below-ready"
    CRITICAL_GAP = "critical-gap"
    CRITICAL_UNKNOWN = "critical-unknown"
    WEAK_STAGE = "weak-stage"
    WEAK_FAILURE_MODE = "weak-failure-mode"
    CRITICAL_PARTIAL = "critical-partial"
    WEIGHT_3_GAP = "weight-3-gap"
    TOO_MANY_NA = "too-many-na"
    LOW_CONFIDENCE = "low-confidence"
    ACCEPTED_RISK = "accepted-risk"
    EXPIRED_RISK = "expired-risk"


class Severity(StrEnum):
    """How urgent an open action is: critical, or high/medium/low by the item's weight."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Band(StrEnum):
    """Where a score sits against the checklist's bars: what the report's charts colour by."""

    READY = "ready"
    CONDITIONS = "conditions"
    WEAK = "weak"
    BELOW_FLOOR = "below floor"
    NOT_ANSWERED = "not answered"


STATUS_OF = {
    AnswerValue.YES: Status.MET,
    AnswerValue.PARTLY: Status.PARTIAL,
    AnswerValue.NO: Status.GAP,
    AnswerValue.UNKNOWN: Status.UNKNOWN,
    AnswerValue.NA: Status.NOT_APPLICABLE,
}


@dataclass(frozen=True, slots=True)
class RoleAnswer:
    """One respondent's answer to one item, kept so disagreements can be shown."""

    respondent: Respondent
    answer: AnswerValue
    evidence: str = ""
    # False when the respondent's role is not asked the item and the file gives no answer to
    # it: shown as "not asked", never as "don't know", and left out of combining.
    asked: bool = True

    @property
    def said(self) -> str:
        """The answer as a listing shows it: its value, or ``not asked``."""
        return self.answer.value if self.asked else NOT_ASKED


NOT_ASKED = "not asked"


@dataclass(frozen=True, slots=True)
class ItemResult:
    item: Item
    section_id: str
    stage: Stage
    answer: AnswerValue
    status: Status
    evidence: str
    date: str
    by_respondent: tuple[RoleAnswer, ...]

    @property
    def critical_gap(self) -> bool:
        """A critical item answered no or unknown: the one meaning of "critical gap" (SPEC.md).
        A critical item answered partly is not a gap; it caps the verdict at with conditions."""
        return self.item.critical and self.status in (Status.GAP, Status.UNKNOWN)


@dataclass(frozen=True, slots=True)
class GroupScore:
    """Score of a stage, section or failure mode: ``None`` when nothing in it is answered."""

    key: str
    title: str
    score: float | None
    answered: int
    applicable: int
    gaps: tuple[str, ...]  # item ids with status gap or partial
    label: str  # a short name in words: the stage, section or failure mode
    band: Band


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the verdict is no better than ``caps_at``: a rule, in words, and what triggered it."""

    rule: RuleId
    caps_at: Verdict
    message: str
    items: tuple[str, ...] = ()
    failure_modes: tuple[FailureMode, ...] = ()
    # Its items block approval: the rule is one whose items each hold the verdict down on their
    # own (``rules.Rule.blocks``), and it caps the verdict where it ends up.
    blocks: bool = False


@dataclass(frozen=True, slots=True)
class FailureModeHit:
    failure_mode: FailureMode
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Action:
    item_id: str
    question: str
    action: str
    owner: str  # the checklist's, or a suggestion by severity (``owner_suggested``)
    by_when: str
    owner_suggested: bool  # the owner or by-when is implcheck's suggestion, for the school to confirm
    failure_mode: FailureMode
    stage: Stage
    severity: Severity
    status: Status
    blocks: bool  # on its own it holds the verdict down: approval waits for it
    # The school's own open action on the item (``actions:``): then owner and by_when are its own.
    agreed: LedgerEntry | None = None


@dataclass(frozen=True, slots=True)
class Disagreement:
    item_id: str
    question: str
    critical: bool
    answers: tuple[RoleAnswer, ...]


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """An agreed action (``actions:``) as of ``assessed_on``."""

    item_id: str
    question: str
    action: str  # the school's words, or the checklist's action when it gave none
    owner: str
    due: str
    status: ActionStatus
    note: str
    overdue: bool  # open, and due before assessed_on


@dataclass(frozen=True, slots=True)
class RiskStatus:
    """An accepted risk (``accepted_risks:``) as of ``assessed_on``."""

    item_id: str
    question: str
    reason: str
    approved_by: str
    approved_on: str
    expires: str
    active: bool  # expires on or after assessed_on
    gap: bool  # the item still needs action, so the acceptance changes the verdict


def accepted_gaps(risks: Iterable[RiskStatus]) -> frozenset[str]:
    """Items whose gap the governors have accepted, for now: they do not block. The one test of
    it, for the scorer's rules and for every presenter (``Result.accepted_gap_ids``)."""
    return frozenset(risk.item_id for risk in risks if risk.active and risk.gap)


@dataclass(frozen=True, slots=True)
class StaleEvidence:
    item_id: str
    question: str
    date: str
    age_days: int  # before assessed_on


@dataclass(frozen=True, slots=True)
class Result:
    checklist: Checklist
    context: Context
    respondents: tuple[Respondent, ...]
    files: tuple[str, ...]
    verdict: Verdict
    score: float
    confidence: float  # (answered - disputed / 2) / applicable: the share answered and agreed on
    answered: int  # applicable items with a known answer
    applicable: int  # items not answered na: the confidence's denominator
    reasons: tuple[Reason, ...]
    stages: tuple[GroupScore, ...]
    sections: tuple[GroupScore, ...]
    failure_mode_scores: tuple[GroupScore, ...]
    failure_modes: tuple[FailureModeHit, ...]
    items: tuple[ItemResult, ...]
    actions: tuple[Action, ...]
    unknowns: tuple[str, ...]
    disagreements: tuple[Disagreement, ...]
    blocking: tuple[str, ...]  # items that block approval, in checklist order
    weak_areas: tuple[GroupScore, ...]  # stages and failure modes below the floor, weakest first
    score_target: float | None  # the bar the score must reach, when the score holds the verdict down
    ledger: tuple[LedgerEntry, ...] = ()
    accepted_risks: tuple[RiskStatus, ...] = ()
    stale_evidence: tuple[StaleEvidence, ...] = ()
    # Answers given for an earlier version's ids: carried to renamed questions, or retired and
    # not scored (``migrate.py``); each respondent's, in file order.
    migrated: tuple[Migration, ...] = ()

    @property
    def overdue_actions(self) -> tuple[LedgerEntry, ...]:
        return tuple(entry for entry in self.ledger if entry.overdue)

    @property
    def active_risks(self) -> tuple[RiskStatus, ...]:
        return tuple(risk for risk in self.accepted_risks if risk.active)

    @property
    def expired_risks(self) -> tuple[RiskStatus, ...]:
        return tuple(risk for risk in self.accepted_risks if not risk.active)

    @property
    def verdict_label(self) -> str:
        """The verdict in the checklist's own words (``verdict_labels:``), else the usual ones."""
        return self.checklist.verdict_labels.get(self.verdict.value) or self.verdict.label

    def label_of(self, verdict: Verdict) -> str:
        return self.checklist.verdict_labels.get(verdict.value) or verdict.label

    @property
    def unknown_items(self) -> tuple[ItemResult, ...]:
        return tuple(r for r in self.items if r.status is Status.UNKNOWN)

    @property
    def score_text(self) -> str:
        return figure(self.score, score_bars(self.checklist.thresholds))

    @property
    def confidence_text(self) -> str:
        return percent(self.confidence, (self.checklist.thresholds.min_confidence,))

    @property
    def confidence_meaning(self) -> str:
        """What the confidence figure measures, with its counts, to follow it wherever it is shown:
        "share of questions answered and agreed on (30 of 46 answered; respondents disagree on 2,
        each counted half)"."""
        return f"{CONFIDENCE_MEANING} ({confidence_counts(self.answered, self.applicable, len(self.disagreements))})"

    def figure(self, score: float | None) -> str:
        """A stage's, section's or failure mode's score as shown beside the bars it is judged by."""
        return "not answered" if score is None else figure(score, score_bars(self.checklist.thresholds))

    @property
    def accepted_gap_ids(self) -> frozenset[str]:
        """Items whose gap an active accepted risk covers: listed as accepted risks, not as gaps."""
        return accepted_gaps(self.accepted_risks)

    @property
    def critical_gaps(self) -> tuple[ItemResult, ...]:
        """Critical items answered no or unknown that block: not those the governors accepted."""
        accepted = self.accepted_gap_ids
        return tuple(r for r in self.items if r.critical_gap and r.item.id not in accepted)
