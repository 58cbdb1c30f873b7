"""The terminal summary for ``check`` (and the end of ``assess``): short, rich, readable
without colour. The verdict is always spelled out and marked with a symbol, never colour alone.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from implcheck.result import Result, Verdict

VERDICT_STYLE = {
    Verdict.READY: ("green", "✓"),
    Verdict.READY_WITH_CONDITIONS: ("yellow", "!"),
    Verdict.NOT_READY: ("red", "✗"),
}


def render(result: Result, *, color: bool = False, width: int = 100) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )
    context = result.context
    heading = " · ".join(escape(part) for part in (context.school, context.initiative, context.term) if part)
    if heading:
        console.print(f"[bold]{heading}[/]")
    roles = ", ".join(escape(r.role.value) for r in result.respondents)
    count = len(result.respondents)
    console.print(
        f"Checklist {escape(result.checklist.id)} {escape(result.checklist.version)}"
        f" · {count} respondent{'s' if count != 1 else ''} ({roles})"
    )
    colour, mark = VERDICT_STYLE[result.verdict]
    answered = sum(1 for r in result.items if r.status.value in ("met", "partial", "gap"))
    applicable = sum(1 for r in result.items if r.status.value != "not_applicable")
    console.print()
    console.print(
        f"[bold {colour}]{mark} {result.verdict.label.upper()}[/]   "
        f"score {result.score:.0f}/100   "
        f"confidence {result.confidence:.0%} ({answered} of {applicable} answered)"
    )
    if result.reasons:
        console.print()
        console.print("[bold]Why[/]")
        for reason in result.reasons:
            console.print(f"  • {escape(reason.message)}")
    if result.failure_modes:
        console.print()
        console.print("[bold]Failure modes hit[/]")
        table = Table.grid(padding=(0, 2))
        for hit in result.failure_modes:
            table.add_row(f"  {hit.failure_mode.value}", ", ".join(hit.items))
        console.print(table)
    gaps = result.critical_gaps
    if gaps:
        console.print()
        console.print("[bold]Critical gaps[/]")
        for r in gaps:
            console.print(f"  [{colour}]{mark}[/] {r.item.id} ({r.answer.value}): {escape(r.item.question)}")
            console.print(f"      → {escape(r.item.action)}")
    if result.unknowns:
        console.print()
        console.print(f"Unknown: {len(result.unknowns)} item(s) still to answer: {', '.join(result.unknowns)}")
    if result.disagreements:
        console.print()
        console.print(f"[bold]Respondents disagree on {len(result.disagreements)} item(s)[/]")
        for d in result.disagreements:
            views = ", ".join(f"{a.respondent.role.value} {a.answer.value}" for a in d.answers)
            console.print(f"  {d.item_id}: {escape(views)}")
    return out.getvalue()
