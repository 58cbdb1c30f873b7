"""``check --format github``: GitHub Actions workflow commands. Each item that needs action is
annotated at its answer's line in the answers file that gave it, and a notice carries the verdict.

User text is escaped as the runner requires (``%``, CR and LF in messages; also ``:`` and ``,``
in properties), so an answers file cannot end a command early or start another one.
"""

from __future__ import annotations

from collections.abc import Mapping

from implcheck.present.ledger_view import accepted_line, expired_line, overdue_line
from implcheck.result import ItemResult, Result, Status
from implcheck.safetext import line

# What each status is called in an annotation's title, and how loud it is.
TITLES = {
    Status.GAP: "Not in place",
    Status.PARTIAL: "Only partly in place",
    Status.UNKNOWN: "Not known",
}


def data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def prop(text: str) -> str:
    return data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: str | int) -> str:
    # ``line`` first: no terminal escape reaches the job log, and a line break shows as \n.
    props = ",".join(f"{key}={prop(line(str(value)))}" for key, value in properties.items())
    return f"::{level}{' ' + props if props else ''}::{data(line(message))}"


def _level(r: ItemResult, accepted: frozenset[str]) -> str:
    # Blocking answers are errors; what only lowers the score or confidence, or a gap the
    # governors accepted as a risk, is a warning.
    if r.item.id in accepted:
        return "warning"
    if r.critical_gap:
        return "error"
    return "error" if r.status is Status.GAP else "warning"


def _title(r: ItemResult, accepted: frozenset[str]) -> str:
    risk = "Accepted risk: " if r.item.id in accepted else ""
    return f"{risk}{'Critical: ' if r.item.critical else ''}{TITLES[r.status]}"


def render(result: Result, lines: Mapping[tuple[str, str], int] | None) -> str:
    """``lines``: where each answer stands in its file (``termfiles.answer_lines``)."""
    out: list[str] = []
    accepted = result.accepted_gap_ids
    for r in result.items:
        if r.status not in TITLES:
            continue
        message = f"{r.item.question} Answer: {r.answer.value}. Action: {r.item.action}"
        for path, given in zip(result.files, r.by_respondent, strict=True):
            # Point at every file whose own answer is the one scored (no answer at all is unknown).
            if given.asked and given.answer is r.answer:
                at = (lines or {})[(path, r.item.id)]
                out.append(command(_level(r, accepted), message, file=path, line=at, title=_title(r, accepted)))
    first = result.files[0]
    out += [command("warning", overdue_line(e), file=first, title="Overdue action") for e in result.overdue_actions]
    out += [command("notice", accepted_line(r), file=first, title="Accepted risk") for r in result.active_risks]
    out += [command("warning", expired_line(r), file=first, title="Expired risk") for r in result.expired_risks]
    context = result.context
    where = " · ".join(part for part in (context.school, context.initiative, context.term) if part)
    summary = (
        f"{where + ': ' if where else ''}{result.verdict_label}, score {result.score_text}/100, "
        f"confidence {result.confidence_text}: {result.confidence_meaning}"
    )
    out.append(command("notice", summary, title=f"implcheck {result.checklist.id} {result.checklist.version}"))
    return "\n".join(out) + "\n"
