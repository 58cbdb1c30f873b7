"""What the term-to-term loop adds, decided once for every format: overdue actions with the
school's own owner and date, accepted risks (who accepted, why, until when), expired risks (that
they expired, and when) and stale evidence. ``listings`` words them for check's text and Markdown
and the report's "Since last term"; ``build`` gives the report's tables the records themselves."""

from __future__ import annotations

from dataclasses import dataclass

from implcheck.model import ActionStatus
from implcheck.result import LedgerEntry, Result, RiskStatus, Verdict, counted, shorten


@dataclass(frozen=True, slots=True)
class Listing:
    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LedgerView:
    """The report's "Agreed actions and accepted risks": empty when the file has neither list."""

    summary: str  # how many actions, in one sentence; empty when there are none
    overdue: tuple[LedgerEntry, ...]
    accepted: tuple[RiskStatus, ...]  # active
    expired: tuple[RiskStatus, ...]
    capped_at: str  # the best verdict while a risk is accepted, in the checklist's words

    @property
    def shown(self) -> bool:
        return bool(self.summary or self.accepted or self.expired)


def overdue_line(entry: LedgerEntry) -> str:
    return f"{entry.owner}, due {entry.due}: {entry.action} (“{shorten(entry.question)}”)"


def accepted_line(risk: RiskStatus) -> str:
    still = "" if risk.gap else " (no longer a gap)"
    return (
        f"“{shorten(risk.question)}”: accepted by {risk.approved_by} on {risk.approved_on} until {risk.expires}"
        f"{still}: {risk.reason}"
    )


def expired_line(risk: RiskStatus) -> str:
    then = "so the gap counts again" if risk.gap else "no longer a gap"
    return (
        f"“{shorten(risk.question)}”: accepted by {risk.approved_by} on {risk.approved_on}, "
        f"expired on {risk.expires}, {then}"
    )


def loop_listings(result: Result) -> tuple[Listing, ...]:
    """Overdue actions, accepted risks and expired risks, each only when there are some."""
    found: list[Listing] = []
    if overdue := result.overdue_actions:
        found.append(Listing(f"Overdue actions ({len(overdue)})", tuple(map(overdue_line, overdue))))
    if active := result.active_risks:
        found.append(Listing(f"Accepted risks ({len(active)})", tuple(map(accepted_line, active))))
    if expired := result.expired_risks:
        found.append(Listing(f"Expired risks ({len(expired)})", tuple(map(expired_line, expired))))
    return tuple(found)


def listings(result: Result) -> tuple[Listing, ...]:
    found = list(loop_listings(result))
    if stale := result.stale_evidence:
        found.append(
            Listing(
                f"Stale evidence ({len(stale)})",
                tuple(
                    f"“{shorten(s.question)}”: evidence dated {s.date}, {s.age_days} days before this assessment"
                    for s in stale
                ),
            )
        )
    return tuple(found)


def build(result: Result) -> LedgerView:
    entries = result.ledger
    summary = ""
    if entries:
        open_ = [e for e in entries if e.status is ActionStatus.OPEN]
        done = sum(1 for e in entries if e.status is ActionStatus.DONE)
        dropped = sum(1 for e in entries if e.status is ActionStatus.DROPPED)
        summary = (
            f"The school's actions list has {counted(len(entries), 'action')}: {len(open_)} open "
            f"({len(result.overdue_actions)} overdue), {done} done, {dropped} dropped."
        )
    capped_at = result.label_of(Verdict.READY_WITH_CONDITIONS).lower()
    return LedgerView(summary, result.overdue_actions, result.active_risks, result.expired_risks, capped_at)
