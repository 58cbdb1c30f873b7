"""A checklist shown to people: ``implcheck show`` (text) and ``docs/checklists.md``
(Markdown), both generated from the YAML so the docs cannot drift from what is scored."""

from __future__ import annotations

import re
import textwrap

from implcheck import roles
from implcheck.model import Checklist, Item, Role
from implcheck.present.markdown import md
from implcheck.result import Verdict
from implcheck.safetext import inert, line


def paragraphs(text: str) -> list[str]:
    """Paragraphs as the author wrote them: blank lines in a ``|`` block, or the single line
    breaks a folded ``>-`` block leaves where the author left a blank line."""
    blocks = re.split(r"\n\s*\n", text) if "\n\n" in text else text.split("\n")
    return [" ".join(block.split()) for block in blocks if block.strip()]


def verdict_names(checklist: Checklist) -> str:
    """The checklist's own words for its verdicts, as a sentence; empty when it uses the usual ones."""
    named = [
        f"{label.lower()} ({verdict.label.lower()})"
        for verdict in reversed(Verdict)
        if (label := checklist.verdict_labels.get(verdict.value))
    ]
    return f"Verdicts are called: {', '.join(named)}." if named else ""


def asked_of(item: Item) -> list[str]:
    """Markdown lines saying who is asked ``item`` and, for each role with its own words, the
    question as that role reads it."""
    asked = [role for role in Role if role is not Role.OTHER and item.asks(role)]
    lines = [f"  - *Asked of:* {', '.join(roles.ONE[role] for role in asked)}"]
    lines += [f"  - *Wording for the {roles.ONE[role]}:* {md(words)}" for role, words in item.wording]
    return lines


def render_text(checklist: Checklist, width: int = 100) -> str:
    def wrap(text: str, indent: str) -> list[str]:
        return textwrap.wrap(inert(" ".join(text.split())), width, initial_indent=indent, subsequent_indent=indent)

    bars = checklist.thresholds
    lines = [line(checklist.title), f"id {checklist.id} · version {line(checklist.version)}", ""]
    for paragraph in paragraphs(checklist.description):
        lines += [*wrap(paragraph, ""), ""]
    lines.append(
        f"Thresholds: ready ≥ {bars.ready:g}, ready with conditions ≥ {bars.conditions:g}, "
        f"floor {bars.floor:g} per stage and failure mode, confidence ≥ {bars.min_confidence:.0%}, "
        f"at most {bars.max_na_share:.0%} of a stage's questions na"
    )
    if names := verdict_names(checklist):
        lines += wrap(names, "")
    for section in checklist.sections:
        lines += ["", f"{section.stage.label} · {line(section.title)} ({section.id})"]
        for item in section.items:
            flag = "CRITICAL " if item.critical else ""
            lines.append(f"  - {item.id}  [{flag}weight {item.weight}, {item.failure_mode.value}]")
            lines += wrap(item.question, "      ")
    total = len(checklist.items)
    critical = sum(item.critical for item in checklist.items)
    lines += [
        "",
        f"{total} items, {critical} critical. `implcheck init {checklist.id}` writes an answers file.",
    ]
    return "\n".join(lines) + "\n"


def render_markdown(checklist: Checklist) -> str:
    bars = checklist.thresholds
    lines = [
        f"## {md(checklist.title)}",
        "",
        f"`{checklist.id}` version {md(checklist.version)} · {len(checklist.items)} items, "
        f"{sum(item.critical for item in checklist.items)} critical",
        "",
        *(line for paragraph in paragraphs(checklist.description) for line in (md(paragraph), "")),
        f"Thresholds: ready ≥ {bars.ready:g}; ready with conditions ≥ {bars.conditions:g}; "
        f"floor {bars.floor:g} for every stage and failure mode; confidence ≥ {bars.min_confidence:.0%}; "
        f"at most {bars.max_na_share:.0%} of a stage's questions na.",
    ]
    if names := verdict_names(checklist):
        lines += ["", md(names)]
    for section in checklist.sections:
        lines += ["", f"### {section.stage.label}: {md(section.title)}", ""]
        for item in section.items:
            critical = " **critical**" if item.critical else ""
            lines += [
                f"- **`{item.id}`**{critical} (weight {item.weight}, `{item.failure_mode.value}`): {md(item.question)}",
                *asked_of(item),
                f"  - *Why:* {md(item.why)}",
                f"  - *Action:* {md(item.action)}"
                + (f" *Owner:* {md(item.owner)}." if item.owner else "")
                + (f" *By:* {md(item.by_when)}." if item.by_when else ""),
                f"  - *Source:* {md(item.source)}",
            ]
    return "\n".join(lines) + "\n"
