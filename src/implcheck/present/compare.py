"""``implcheck compare``: one ``Comparison`` as text, JSON or Markdown. Questions, never ids,
wherever a person reads it; the JSON (``schemas.COMPARE``) carries the ids for scripts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from implcheck.compare import Change, Comparison, ItemChange
from implcheck.model import AnswerValue
from implcheck.present.json import overdue_dict, risks_dict
from implcheck.present.ledger_view import loop_listings
from implcheck.present.markdown import md
from implcheck.result import CONFIDENCE_MEANING, SCHEMA_VERSION, Result, counted
from implcheck.safetext import json_text, line


@dataclass(frozen=True, slots=True)
class _List:
    title: str
    items: tuple[ItemChange, ...]


def _lists(comparison: Comparison) -> tuple[_List, ...]:
    """The item lists every format shows, in one order: what got worse first."""
    by_id = {c.item.id: c for c in comparison.items}

    def pick(ids: tuple[str, ...]) -> tuple[ItemChange, ...]:
        return tuple(by_id[item_id] for item_id in ids)

    return (
        _List("Worse", pick(comparison.regressed)),
        _List("New gaps", pick(comparison.new_gaps)),
        _List("Better", pick(comparison.improved)),
        _List("Closed gaps", pick(comparison.closed_gaps)),
    )


def _answer(value: object) -> str:
    return "not asked" if value is None else str(value)


def _moved(c: ItemChange) -> str:
    return f"{_answer(c.before)} → {_answer(c.after)}"


def _side_name(result: Result, fallback: str) -> str:
    return result.context.term or fallback


def _version_note(comparison: Comparison) -> str:
    before, after = comparison.before.checklist, comparison.after.checklist
    if before.version == after.version:
        return ""
    added = sum(1 for c in comparison.items if c.change is Change.ADDED)
    removed = sum(1 for c in comparison.items if c.change is Change.REMOVED)
    return (
        f"The checklist changed from version {before.version} to {after.version}: "
        f"{counted(added, 'question')} added, {removed} removed."
    )


def _verdict_line(comparison: Comparison) -> str:
    since = _side_name(comparison.before, "the baseline")
    if not comparison.started:
        return f"{_side_name(comparison.after, 'This term')} has not started: nothing is answered yet."
    if comparison.regression:
        return f"Readiness regressed since {since}:"
    return f"No regression since {since}."


def _mark(comparison: Comparison) -> str:
    return "? " if not comparison.started else "✗ " if comparison.regression else "✓ "


# --- text ---------------------------------------------------------------------------------


def render_text(comparison: Comparison) -> str:
    before, after = comparison.before, comparison.after
    heading = " · ".join(part for part in (after.context.school, after.context.initiative) if part)
    lines = [heading] if heading else []
    lines.append(f"Checklist {after.checklist.id} {after.checklist.version}")
    if note := _version_note(comparison):
        lines.append(note)
    rows = [
        ("", _side_name(before, "before"), _side_name(after, "after")),
        ("assessed on", before.context.assessed_on or "-", after.context.assessed_on or "-"),
        ("verdict", before.verdict_label, after.verdict_label),
        ("score", f"{before.score_text}/100", f"{after.score_text}/100"),
        ("confidence", before.confidence_text, after.confidence_text),
    ]
    first = max(len(row[0]) for row in rows)
    second = max(len(row[1]) for row in rows)
    lines.append("")
    lines += [f"{a:<{first}}  {b:<{second}}  {c}".rstrip() for a, b, c in rows]
    lines.append(f"(confidence: {CONFIDENCE_MEANING})")
    lines += ["", _mark(comparison) + _verdict_line(comparison)]
    lines += [f" • {r.message}" for r in comparison.regressions]
    for group in _lists(comparison):
        if group.items:
            lines += ["", f"{group.title} ({len(group.items)}):"]
            lines += [f" • {c.item.question} ({_moved(c)})" for c in group.items]
    if comparison.retired:
        lines += ["", f"Retired questions ({len(comparison.retired)}), not scored:"]
        lines += [
            f" • {r.question} ({_retired_answers(r.before)} → {_retired_answers(r.after)}): {r.reason}"
            for r in comparison.retired
        ]
    for listing in loop_listings(after):  # as of the later term: overdue actions, accepted and expired risks
        lines += ["", f"{listing.title}:"] + [f" • {text}" for text in listing.lines]
    return "".join(line(text) + "\n" for text in lines)  # one line each, whatever a file holds


def _retired_answers(values: tuple[AnswerValue, ...]) -> str:
    """Each respondent's answer to a retired question, once each; "retired" where none gave one."""
    return " / ".join(dict.fromkeys(value.value for value in values)) or "retired"


# --- Markdown -----------------------------------------------------------------------------


def render_markdown(comparison: Comparison) -> str:
    before, after = comparison.before, comparison.after
    title = " · ".join(md(part) for part in (after.context.school, after.context.initiative) if part)
    then, now = md(_side_name(before, "before")), md(_side_name(after, "after"))
    lines = [
        f"## {title or md(after.checklist.title)}: {then} to {now}",
        "",
        f"Checklist `{md(after.checklist.id)}` {md(after.checklist.version)}",
        "",
    ]
    if note := _version_note(comparison):
        lines += [md(note), ""]
    lines += [
        f"| | {then} | {now} |",
        "| --- | --- | --- |",
        f"| Assessed on | {md(before.context.assessed_on)} | {md(after.context.assessed_on)} |",
        f"| Verdict | {md(before.verdict_label)} | {md(after.verdict_label)} |",
        f"| Score | {before.score_text}/100 | {after.score_text}/100 |",
        f"| Confidence ({CONFIDENCE_MEANING}) | {before.confidence_text} | {after.confidence_text} |",
        "",
        f"**{md(_verdict_line(comparison))}**",
        "",
    ]
    if comparison.regressions:
        lines += [f"- {md(r.message)}" for r in comparison.regressions] + [""]
    for group in _lists(comparison):
        if group.items:
            lines += [f"### {group.title} ({len(group.items)})", "", f"| Question | {then} | {now} |"]
            lines.append("| --- | --- | --- |")
            lines += [f"| {md(c.item.question)} | {_answer(c.before)} | {_answer(c.after)} |" for c in group.items]
            lines.append("")
    if comparison.retired:
        lines += [f"### Retired questions ({len(comparison.retired)}), not scored", ""]
        lines += [f"| Question | {then} | {now} | Why it was retired |", "| --- | --- | --- | --- |"]
        lines += [
            f"| {md(r.question)} | {_retired_answers(r.before)} | {_retired_answers(r.after)} | {md(r.reason)} |"
            for r in comparison.retired
        ]
        lines.append("")
    for listing in loop_listings(after):
        lines += [f"### {md(listing.title)}", ""] + [f"- {md(text)}" for text in listing.lines] + [""]
    return "\n".join(lines)


# --- the "since last term" part of ``check --baseline`` -----------------------------------


def _then_and_now(comparison: Comparison) -> str:
    before, after = comparison.before, comparison.after
    return f"{before.verdict_label} {before.score_text}/100 → {after.verdict_label} {after.score_text}/100"


def since_text(comparison: Comparison) -> str:
    since = _side_name(comparison.before, "the baseline")
    lines = ["", f"Since {since}: {_then_and_now(comparison)}"]
    if not comparison.started:
        lines.append(_mark(comparison) + _verdict_line(comparison))
    elif comparison.regression:
        lines.append("✗ Readiness regressed:")
        lines += [f" • {r.message}" for r in comparison.regressions]
    else:
        lines.append("✓ No regression.")
    return "".join(line(text) + "\n" for text in lines)  # one line each, whatever a file holds


def since_markdown(comparison: Comparison) -> str:
    since = md(_side_name(comparison.before, "the baseline"))
    lines = ["", f"### Since {since}", "", md(_then_and_now(comparison)), ""]
    if not comparison.started:
        lines.append(md(_verdict_line(comparison)))
    elif comparison.regression:
        lines += ["**Readiness regressed:**", ""] + [f"- {md(r.message)}" for r in comparison.regressions]
    else:
        lines.append("No regression.")
    return "".join(line(text) + "\n" for text in lines)  # one line each, whatever a file holds


def since_github(comparison: Comparison) -> str:
    from implcheck.present.github import command

    since = _side_name(comparison.before, "the baseline")
    title = f"Readiness regressed since {since}"
    return "".join(command("error", r.message, title=title) + "\n" for r in comparison.regressions)


# --- JSON ---------------------------------------------------------------------------------


def _side(result: Result) -> dict[str, Any]:
    return {
        "term": result.context.term,
        "assessed_on": result.context.assessed_on,
        "checklist_version": result.checklist.version,
        "verdict": result.verdict.value,
        "score": result.score,
        "confidence": result.confidence,
        "files": list(result.files),
    }


def to_dict(comparison: Comparison) -> dict[str, Any]:
    after = comparison.after
    return {
        "schema_version": SCHEMA_VERSION,
        "checklist": after.checklist.id,
        "school": after.context.school,
        "initiative": after.context.initiative,
        "before": _side(comparison.before),
        "after": _side(after),
        "items": [
            {
                "id": c.item.id,
                "question": c.item.question,
                "critical": c.item.critical,
                "before": None if c.before is None else c.before.value,
                "after": None if c.after is None else c.after.value,
                "change": c.change.value,
            }
            for c in comparison.items
        ],
        "improved": list(comparison.improved),
        "regressed": list(comparison.regressed),
        "new_gaps": list(comparison.new_gaps),
        "closed_gaps": list(comparison.closed_gaps),
        "overdue_actions": overdue_dict(after),
        "expired_risks": risks_dict(after.expired_risks),
        "regression": comparison.regression,
        "started": comparison.started,
        "max_drop": comparison.max_drop,
        "regressions": [
            {"kind": r.kind.value, "message": r.message, "items": list(r.items)} for r in comparison.regressions
        ],
        "retired": [
            {
                "id": r.item_id,
                "question": r.question,
                "reason": r.reason,
                "before": [value.value for value in r.before],
                "after": [value.value for value in r.after],
            }
            for r in comparison.retired
        ],
    }


def render_json(comparison: Comparison) -> str:
    return json_text(json.dumps(to_dict(comparison), indent=2, ensure_ascii=False)) + "\n"
