"""What the term-to-term loop adds to a summary, decided once for text and Markdown: overdue
actions and stale evidence. (Accepted and expired risks are reasons: every format lists those.)"""

from __future__ import annotations

from dataclasses import dataclass

from implcheck.result import Result, shorten


@dataclass(frozen=True)
class Listing:
    title: str
    lines: tuple[str, ...]


def listings(result: Result) -> tuple[Listing, ...]:
    found: list[Listing] = []
    if overdue := result.overdue_actions:
        found.append(
            Listing(
                f"Overdue actions ({len(overdue)})",
                tuple(f"{e.owner}, due {e.due}: {e.action} (“{shorten(e.question)}”)" for e in overdue),
            )
        )
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
