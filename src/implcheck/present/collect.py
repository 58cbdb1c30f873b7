"""``implcheck collect``: who has replied, as text, JSON or Markdown. Pupils are never named."""

from __future__ import annotations

import json
from typing import Any

from implcheck.collect import SCHEMA_VERSION, Collection, Expected, Rate, Reply, Split
from implcheck.present.markdown import md
from implcheck.result import NOT_ASKED, counted, shorten
from implcheck.roles import MANY, ONE, people
from implcheck.safetext import json_text, line


def _who(role_name: str, name: str) -> str:
    return f"{role_name} {name}" if name else role_name


def _state(reply: Reply) -> str:
    if reply.complete:
        return f"all {counted(reply.asked, 'question')} answered"
    return f"{len(reply.unknown)} of {counted(reply.asked, 'question')} still unknown"


def _missing(each: Expected) -> str:
    return _who(ONE[each.role], each.name) if each.name else people(each.role, each.count)


def _rate(rate: Rate) -> str:
    if rate.expected is None:
        return f"{rate.replied}"
    return f"{rate.replied} of {rate.expected} ({rate.percent}%)"


def _by_role(split: Split) -> str:
    """``senior leader: yes; teachers: 2 no, 1 yes``: the roles asked (JSON lists every role)."""
    return "; ".join(
        f"{ONE[role] if n == 1 else MANY[role]}: {said}" for role, n, said in split.by_role if said != NOT_ASKED
    )


def _heading(c: Collection) -> list[str]:
    where = [c.context.school, c.context.initiative, c.context.term] if c.context else []
    title = " · ".join(part for part in where if part) or c.folder
    lines = [f"Who has replied: {title}"]
    if c.checklist is not None:
        lines.append(
            f"Checklist {c.checklist.id} {c.checklist.version} · {counted(len(c.replies), 'file')} in {c.folder}"
        )
    return lines


def _overall(c: Collection) -> str:
    if c.expected_total is None:
        return f"Replies: {len(c.replies)} (give --expect FILE to see who has not replied yet)"
    return f"Response rate: {c.replied_expected} of the {c.expected_total} expected have replied ({c.percent}%)"


def render_text(c: Collection) -> str:
    out = [line(text) for text in _heading(c)]
    out += ["", line(_overall(c))]
    out += [f"  {MANY[rate.role]:<18} {_rate(rate)}" for rate in c.rates]
    out += ["", f"Replied ({len(c.replies)})"] if c.replies else ["", "Replied: nobody yet"]
    for reply in c.replies:
        extra = "" if reply.expected else " (not on the list)"
        out.append(line(f"  {_who(ONE[reply.role], reply.name)}{extra}: {_state(reply)} ({reply.path})"))
    if c.missing:
        out += ["", f"Not replied yet ({sum(each.count for each in c.missing)})"]
        out += [line(f"  {_missing(each)}") for each in c.missing]
    if c.splits:
        out += ["", f"Where roles disagree ({len(c.splits)})"]
        for split in c.splits:
            answers = _by_role(split)
            critical = "critical: " if split.critical else ""
            out.append(line(f"  {critical}{shorten(split.question)} ({answers})"))
    return "\n".join(out) + "\n"


def render_markdown(c: Collection) -> str:
    heading = _heading(c)
    out = [f"## {md(heading[0])}", ""]
    out += [md(text) for text in heading[1:]] + ([""] if heading[1:] else [])
    out += [md(_overall(c)), ""]
    if c.rates:
        out += ["| Role | Replied |", "| --- | --- |"]
        out += [f"| {md(MANY[rate.role])} | {md(_rate(rate))} |" for rate in c.rates] + [""]
    if c.replies:
        out += [f"### Replied ({len(c.replies)})", "", "| Who | Answers | File |", "| --- | --- | --- |"]
        for reply in c.replies:
            extra = " (not on the list)" if not reply.expected else ""
            out.append(f"| {md(_who(ONE[reply.role], reply.name) + extra)} | {md(_state(reply))} | {md(reply.path)} |")
        out.append("")
    if c.missing:
        out += [f"### Not replied yet ({sum(each.count for each in c.missing)})", ""]
        out += [f"- {md(_missing(each))}" for each in c.missing] + [""]
    if c.splits:
        out += [f"### Where roles disagree ({len(c.splits)})", "", "| Question | Answers by role |", "| --- | --- |"]
        for split in c.splits:
            answers = _by_role(split)
            critical = "**Critical:** " if split.critical else ""
            out.append(f"| {critical}{md(split.question)} | {md(answers)} |")
        out.append("")
    return "\n".join(out)


def to_dict(c: Collection) -> dict[str, Any]:
    context = c.context
    return {
        "schema_version": SCHEMA_VERSION,
        "folder": c.folder,
        "expected_list": c.expected_path,
        "checklist": {"id": c.checklist.id, "version": c.checklist.version} if c.checklist else None,
        "context": (
            {"school": context.school, "initiative": context.initiative, "term": context.term} if context else None
        ),
        "replies": [
            {
                "file": reply.path,
                "role": reply.role.value,
                "name": reply.name,
                "expected": reply.expected,
                "asked": reply.asked,
                "unknown": list(reply.unknown),
                "complete": reply.complete,
            }
            for reply in c.replies
        ],
        "missing": [{"role": each.role.value, "name": each.name, "count": each.count} for each in c.missing],
        "response_rate": {
            "expected": c.expected_total,
            "replied": c.replied_expected if c.expected_total is not None else len(c.replies),
            "percent": c.percent,
            "by_role": [
                {"role": rate.role.value, "replied": rate.replied, "expected": rate.expected, "percent": rate.percent}
                for rate in c.rates
            ],
        },
        "disagreements": [
            {
                "item": split.item_id,
                "question": split.question,
                "critical": split.critical,
                "by_role": [{"role": role.value, "respondents": n, "answers": said} for role, n, said in split.by_role],
            }
            for split in c.splits
        ],
        "problems": [
            {"file": p.path, "line": p.line, "column": p.col, "message": p.message, "rule": p.rule.value}
            for p in c.problems
        ],
    }


def render_json(c: Collection) -> str:
    return json_text(json.dumps(to_dict(c), indent=2, ensure_ascii=False)) + "\n"
