"""The verdict rules, one record each, in the spirit of yamllint's ``rules/__init__.py``.

Each rule says when it applies, the verdict it caps the result at, whether the items it names
block approval, and the words of its reason. The scorer walks ``RULES`` in order and keeps every
rule that applies; the verdict is the most cautious of their caps (``ready`` when none applies).
``docs/scoring.md`` and the README's summary are generated from this table (``implcheck.docs``),
so the rules are written down once.

To add a rule: a member of ``RuleId`` (``result.py``), a check here, and its entry in ``RULES``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from implcheck.model import FailureMode, Stage, Thresholds
from implcheck.result import (
    CONFIDENCE_MEANING,
    GroupScore,
    ItemResult,
    Reason,
    RiskStatus,
    RuleId,
    Status,
    Verdict,
    confidence_counts,
    counted,
    figure,
    percent,
    quoted,
    score_bars,
)


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules look at: the scored items and groups, before any verdict."""

    thresholds: Thresholds
    items: tuple[ItemResult, ...]
    overall: GroupScore
    stages: tuple[GroupScore, ...]
    failure_modes: tuple[GroupScore, ...]
    score: float  # rounded to one decimal, as shown: the rules compare what people read
    confidence: float  # rounded to three places, likewise
    disputed: tuple[str, ...] = ()  # answered items whose respondents give different known answers
    # Accepted risks (``ledger.py``): the items whose gap is accepted for now, every risk as of
    # assessed_on, and the stage and failure-mode scores the floor rules judge (accepted items
    # left out, so an accepted gap cannot drag its area under the floor).
    accepted: frozenset[str] = frozenset()
    risks: tuple[RiskStatus, ...] = ()
    floor_stages: tuple[GroupScore, ...] = ()
    floor_failure_modes: tuple[GroupScore, ...] = ()
    verdict_labels: Mapping[str, str] = field(default_factory=dict)  # the checklist's words for them

    def figure(self, score: float) -> str:
        return figure(score, score_bars(self.thresholds))

    def name(self, verdict: Verdict) -> str:
        """A verdict inside a sentence, in the checklist's words: "the bar for on track"."""
        return (self.verdict_labels.get(verdict.value) or verdict.label).lower()


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule that applies, in words, with the items and failure modes that triggered it."""

    message: str
    items: tuple[str, ...] = ()
    failure_modes: tuple[FailureMode, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    id: RuleId
    caps_at: Verdict
    # True when each item the rule names holds the verdict down on its own (a critical gap, an
    # item in a weak area). The score rules name every gap and the confidence rule every unknown:
    # no single one of those blocks approval.
    blocks: bool
    when: str  # the condition, for the docs; ``{floor}`` etc. stand for the thresholds
    why: str  # the point of the rule, for the docs
    check: Callable[[Facts], Finding | None]


def _nothing_answered(facts: Facts) -> Finding | None:
    return Finding("No item has been answered yet.") if facts.overall.answered == 0 else None


def _low_score(facts: Facts) -> Finding | None:
    bars = facts.thresholds
    if not facts.overall.answered or facts.score >= bars.conditions:
        return None
    return Finding(
        f"The score, {facts.figure(facts.score)}, is below {bars.conditions:g}, "
        f"the bar for {facts.name(Verdict.READY_WITH_CONDITIONS)}.",
        items=facts.overall.gaps,
    )


def _score_below_ready(facts: Facts) -> Finding | None:
    bars = facts.thresholds
    if not facts.overall.answered or not bars.conditions <= facts.score < bars.ready:
        return None
    return Finding(
        f"The score, {facts.figure(facts.score)}, is below {bars.ready:g}, the bar for {facts.name(Verdict.READY)}.",
        items=facts.overall.gaps,
    )


def _critical(status: Status, words: str) -> Callable[[Facts], Finding | None]:
    def check(facts: Facts) -> Finding | None:
        hits = [r for r in facts.items if r.item.critical and r.status is status and r.item.id not in facts.accepted]
        if not hits:
            return None
        return Finding(
            # No full stop: the last question ends the sentence with its own mark.
            f"{counted(len(hits), 'critical item')} {words}: {quoted(r.item.question for r in hits)}",
            items=tuple(r.item.id for r in hits),
            failure_modes=_modes(hits),
        )

    return check


def _weak(kind: str, groups: Callable[[Facts], tuple[GroupScore, ...]]) -> Callable[[Facts], Finding | None]:
    def check(facts: Facts) -> Finding | None:
        floor = facts.thresholds.floor
        weak = [g for g in groups(facts) if g.score is not None and g.score < floor]
        if not weak:
            return None
        names = ", ".join(f"{g.label} {facts.figure(g.score)}" for g in weak if g.score is not None)
        gaps = tuple(dict.fromkeys(item_id for g in weak for item_id in g.gaps))
        return Finding(
            f"{counted(len(weak), kind)} below the floor of {floor:g} ({names}): "
            "strength elsewhere cannot make up for a weak area.",
            items=gaps,
            failure_modes=_modes(r for r in facts.items if r.item.id in gaps),
        )

    return check


def _accepted_risk(facts: Facts) -> Finding | None:
    hits = [risk for risk in facts.risks if risk.active and risk.gap]
    if not hits:
        return None
    listed = "; ".join(
        f"{quoted([risk.question])} until {risk.expires}, accepted by {risk.approved_by} on {risk.approved_on} "
        f"({risk.reason})"
        for risk in hits
    )
    return Finding(f"{counted(len(hits), 'gap')} accepted as a risk: {listed}.", items=tuple(r.item_id for r in hits))


def _expired_risk(facts: Facts) -> Finding | None:
    hits = [risk for risk in facts.risks if not risk.active and risk.gap]
    if not hits:
        return None
    listed = "; ".join(
        f"{quoted([risk.question])} expired on {risk.expires} (accepted by {risk.approved_by} on {risk.approved_on})"
        for risk in hits
    )
    return Finding(
        f"{counted(len(hits), 'accepted risk')} expired, so the gap counts again: {listed}.",
        items=tuple(r.item_id for r in hits),
    )


def _weight_3_gap(facts: Facts) -> Finding | None:
    hits = [
        r
        for r in facts.items
        if r.item.weight == 3 and not r.item.critical and r.status is Status.GAP and r.item.id not in facts.accepted
    ]
    if not hits:
        return None
    gaps = "a gap that on its own" if len(hits) == 1 else "gaps that on their own"
    return Finding(
        # No full stop: the last question ends the sentence with its own mark.
        f"{counted(len(hits), 'item')} of the heaviest weight (3) answered no, {gaps} can stop it working: "
        f"{quoted(r.item.question for r in hits)}",
        items=tuple(r.item.id for r in hits),
        failure_modes=_modes(hits),
    )


def _too_many_na(facts: Facts) -> Finding | None:
    most = facts.thresholds.max_na_share
    by_stage: dict[Stage, list[ItemResult]] = {}
    for r in facts.items:
        by_stage.setdefault(r.stage, []).append(r)
    sentences: list[str] = []
    hits: list[ItemResult] = []
    for stage in Stage:
        results = by_stage.get(stage, [])
        na = [r for r in results if r.status is Status.NOT_APPLICABLE]
        # Every item of the stage counts, answered or not: an all-na stage has no score for the
        # floor rule to judge, so this rule is what stops it passing.
        if not na or len(na) / len(results) <= most:
            continue
        share = len(na) / len(results)
        shown = f"{share:.0%}" if f"{share:.0%}" != f"{most:.0%}" else f"{share:.1%}"  # never "25%, more than 25%"
        sentences.append(
            # No full stop: the last question ends the sentence with its own mark.
            f"In {stage.label}, {len(na)} of {counted(len(results), 'question')} ({shown}) "
            f"{'is' if len(na) == 1 else 'are'} answered "
            f"“doesn't apply”, more than the {most:.0%} a stage may have for {facts.name(Verdict.READY)}: "
            f"{quoted(r.item.question for r in na)}"
        )
        hits += na
    if not hits:
        return None
    return Finding(" ".join(sentences), items=tuple(r.item.id for r in hits), failure_modes=_modes(hits))


def _low_confidence(facts: Facts) -> Finding | None:
    bars = facts.thresholds
    if not facts.overall.answered or facts.confidence >= bars.min_confidence:
        return None
    disputed = set(facts.disputed)
    named = tuple(r.item.id for r in facts.items if r.status is Status.UNKNOWN or r.item.id in disputed)
    counts = confidence_counts(facts.overall.answered, facts.overall.applicable, len(disputed))
    return Finding(
        f"Confidence, the {CONFIDENCE_MEANING}, is {percent(facts.confidence, (bars.min_confidence,))}: "
        f"below the {bars.min_confidence * 100:g}% needed for {facts.name(Verdict.READY)} ({counts}).",
        items=named,
    )


def _modes(results: Iterable[ItemResult]) -> tuple[FailureMode, ...]:
    seen = {r.item.failure_mode for r in results}
    return tuple(mode for mode in FailureMode if mode in seen)


NOT_READY, CONDITIONS = Verdict.NOT_READY, Verdict.READY_WITH_CONDITIONS

# In the order their reasons are given.
RULES: tuple[Rule, ...] = (
    Rule(
        RuleId.NOTHING_ANSWERED,
        NOT_READY,
        False,
        "no item is answered yet",
        "there is nothing to judge",
        _nothing_answered,
    ),
    Rule(
        RuleId.LOW_SCORE,
        NOT_READY,
        False,
        "the score is below `conditions` ({conditions})",
        "too much is missing overall",
        _low_score,
    ),
    Rule(
        RuleId.SCORE_BELOW_READY,
        CONDITIONS,
        False,
        "the score is at least `conditions` but below `ready` ({ready})",
        "what is missing must become conditions",
        _score_below_ready,
    ),
    Rule(
        RuleId.CRITICAL_GAP,
        NOT_READY,
        True,
        "a **critical** item is answered `no`",
        "the sources call such a gap fatal, whatever the score",
        _critical(Status.GAP, "answered no"),
    ),
    Rule(
        RuleId.CRITICAL_UNKNOWN,
        NOT_READY,
        True,
        "a **critical** item is `unknown` or not answered",
        "nobody knows whether a fatal gap is closed",
        _critical(Status.UNKNOWN, "not known"),
    ),
    Rule(
        RuleId.WEAK_STAGE,
        NOT_READY,
        True,
        "any stage scores below `floor` ({floor})",
        "one weak area is not averaged away by strong ones",
        _weak("stage", lambda facts: facts.floor_stages or facts.stages),
    ),
    Rule(
        RuleId.WEAK_FAILURE_MODE,
        NOT_READY,
        True,
        "any failure mode scores below `floor` ({floor})",
        "one weak area is not averaged away by strong ones",
        _weak("failure mode", lambda facts: facts.floor_failure_modes or facts.failure_modes),
    ),
    Rule(
        RuleId.CRITICAL_PARTIAL,
        CONDITIONS,
        True,
        "a **critical** item is answered `partly`",
        "finishing it is a condition of going ahead",
        _critical(Status.PARTIAL, "only partly in place"),
    ),
    Rule(
        RuleId.WEIGHT_3_GAP,
        CONDITIONS,
        True,
        "an item of weight 3 that is not critical is answered `no` (and no active accepted risk covers it)",
        "the checklists weigh 3 a gap likely on its own to stop the product working: "
        "closing it is a condition, however high the score",
        _weight_3_gap,
    ),
    Rule(
        RuleId.TOO_MANY_NA,
        CONDITIONS,
        False,
        "more than `max_na_share` ({max_na_share}) of a stage's questions are answered `na`",
        "`na` is the easy way round a gap: a stage mostly `na` cannot pass cleanly, even with a reason for each "
        "(an all-`na` stage has no score for the floor to judge)",
        _too_many_na,
    ),
    Rule(
        RuleId.LOW_CONFIDENCE,
        CONDITIONS,
        False,
        "confidence (the share of questions answered and agreed on) is below `min_confidence` ({min_confidence})",
        "too many questions are unanswered, or disputed between respondents, to say ready",
        _low_confidence,
    ),
    Rule(
        RuleId.ACCEPTED_RISK,
        CONDITIONS,
        False,
        "the governors have accepted an item's gap as a risk (`accepted_risks:`), until `expires`",
        "an accepted gap does not trip the critical or floor rules, but it is a condition, not a pass",
        _accepted_risk,
    ),
    Rule(
        RuleId.EXPIRED_RISK,
        Verdict.READY,
        False,
        "an accepted risk's `expires` is before `assessed_on` and its item still has a gap",
        "the acceptance has run out: the gap counts again under the rules above; this rule says so",
        _expired_risk,
    ),
)
REGISTRY: dict[RuleId, Rule] = {rule.id: rule for rule in RULES}


def reasons(facts: Facts) -> tuple[Reason, ...]:
    """Every rule that applies, in registry order."""
    return tuple(
        Reason(rule.id, rule.caps_at, found.message, found.items, found.failure_modes, rule.blocks)
        for rule in RULES
        if (found := rule.check(facts)) is not None
    )


def verdict(found: Iterable[Reason]) -> Verdict:
    """The most cautious cap among the reasons: ``ready`` when nothing holds it down."""
    return min((reason.caps_at for reason in found), key=lambda v: v.rank, default=Verdict.READY)
