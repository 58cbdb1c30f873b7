"""What the governors are asked to decide, in words: the headline, the conditions of approval and
the questions to challenge. Every fact comes decided in the ``Result``; this only words it."""

from __future__ import annotations

from dataclasses import dataclass

from implcheck.model import Stage
from implcheck.result import Result, RuleId, Verdict, counted

MAX_WEAK = 4
MAX_BLOCKING = 3  # more would push the top risks off page 1; the rest are marked in the detail


@dataclass(frozen=True, slots=True)
class Decision:
    headline: str
    conditions: tuple[str, ...]
    challenges: tuple[str, ...]
    # The questions of the blocking items not among the top risks, listed under their condition.
    more_blocking: tuple[str, ...] = ()
    more_blocking_condition: str = ""  # the condition the list goes under


def decide(result: Result, *, shown: int) -> Decision:
    """``shown``: how many of the most urgent actions the summary lists as its top risks."""
    noun = _noun(result)
    blocking = result.blocking
    top = result.actions[:shown]
    listed = [action.item_id for action in top if action.blocks]
    if result.verdict is Verdict.NOT_READY:
        headline = f"Do not approve the {noun} yet."
    elif result.verdict is Verdict.READY_WITH_CONDITIONS:
        headline = f"Approve the {noun} on conditions, and ask for progress at the next meeting."
    else:
        headline = f"Approve the {noun}, and ask for the termly re-check to be reported next term."
    conditions: list[str] = []
    if listed:
        numbers = ", ".join(str(index + 1) for index, action in enumerate(top) if action.blocks)
        conditions.append(
            f"The actions for the risks marked “blocks approval” ({numbers} below) are done by their dates."
        )
    questions = {r.item.id: r.item.question for r in result.items}
    hidden_ids = [item_id for item_id in blocking if item_id not in listed]
    more_blocking = tuple(questions[item_id] for item_id in hidden_ids[:MAX_BLOCKING])
    more_condition = ""
    if hidden_ids:
        hidden = len(hidden_ids)
        if hidden <= MAX_BLOCKING:
            more_condition = (
                f"{'This' if hidden == 1 else 'These'} {counted(hidden, 'more blocking item')} "
                f"{'is' if hidden == 1 else 'are'} dealt with:"
            )
        else:
            more_condition = (
                f"{hidden} more blocking items are dealt with, marked “blocks approval” in the detail; "
                f"the first {MAX_BLOCKING}:"
            )
        conditions.append(more_condition)
    if result.score_target is not None:
        conditions.append(
            "Enough of the other actions are done to lift the score from "
            f"{result.score_text} to at least {result.score_target:g}."
        )
    if result.verdict is not Verdict.READY and result.unknowns:
        conditions.append(f"Every question still unanswered ({len(result.unknowns)}) has an answer.")
    rules = {reason.rule: reason for reason in result.reasons}
    if result.verdict is not Verdict.READY and RuleId.LOW_CONFIDENCE in rules and result.disagreements:
        conditions.append(
            f"Respondents talk through the {counted(len(result.disagreements), 'question')} they disagree on "
            "and agree one answer to each."
        )
    if too_many_na := rules.get(RuleId.TOO_MANY_NA):
        one = len(too_many_na.items) == 1
        conditions.append(
            f"The {counted(len(too_many_na.items), 'question')} answered “doesn't apply”, too many for "
            f"{'its stage, is' if one else 'their stage, are'} checked again and answered where "
            f"{'it does' if one else 'they do'} apply."
        )
    accepted = [risk for risk in result.active_risks if risk.gap]
    if accepted:
        first = min(risk.expires for risk in accepted)
        conditions.append(
            f"{'The risk' if len(accepted) == 1 else f'The {len(accepted)} risks'} accepted by governors "
            f"{'is' if len(accepted) == 1 else 'are'} reviewed before {first}, when "
            f"{'it expires' if len(accepted) == 1 else 'the first expires'}."
        )
    challenges: list[str] = []
    if overdue := result.overdue_actions:
        owners = ", ".join(dict.fromkeys(entry.owner for entry in overdue))
        challenges.append(f"{counted(len(overdue), 'agreed action')} overdue ({owners}): ask why, and for a new date.")
    if expired := [risk for risk in result.expired_risks if risk.gap]:
        challenges.append(
            f"{counted(len(expired), 'accepted risk')} expired and the gap is still open: accept it again, "
            "with a reason, or ask for the action."
        )
    if result.disagreements:
        critical = sum(1 for d in result.disagreements if d.critical)
        challenges.append(
            f"Staff in different roles disagree on {counted(len(result.disagreements), 'item')}"
            + (f", {critical} of them critical" if critical else "")
            + ": ask why before accepting any one view."
        )
    if result.unknowns and result.verdict is Verdict.READY:
        challenges.append(
            f"{counted(len(result.unknowns), 'question')} still unanswered (confidence {result.confidence_text}): "
            "ask who will find out, and by when."
        )
    floor = result.checklist.thresholds.floor
    weak = result.weak_areas
    if weak:
        names = ", ".join(f"{g.label} ({result.figure(g.score)})" for g in weak[:MAX_WEAK])
        more = f" and {len(weak) - MAX_WEAK} more" if len(weak) > MAX_WEAK else ""
        challenges.append(
            f"Ask how the weakest areas will be strengthened: {names}{more}, all below the floor of {floor:g}."
        )
    if not challenges:
        challenges.append("Ask how the school will know, next term, that it is still working.")
    return Decision(
        headline=headline,
        conditions=tuple(conditions),
        challenges=tuple(challenges),
        more_blocking=more_blocking,
        more_blocking_condition=more_condition,
    )


def after_launch(result: Result) -> bool:
    """A re-check of something in use (only deliver and sustain items), not a decision to buy."""
    early = {Stage.EXPLORE, Stage.PREPARE}
    return not any(r.stage in early for r in result.items)


def _noun(result: Result) -> str:
    """Before procurement governors approve a purchase; at a termly re-check, carrying on."""
    return "continuation" if after_launch(result) else "purchase"
