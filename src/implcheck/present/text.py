"""The terminal summary for ``check`` (and the end of ``assess``): short, rich, readable
without colour. The verdict is always spelled out and marked with a symbol, never colour alone.
"""

from __future__ import annotations

import io

from implcheck.present import layout
from implcheck.present.layout import Surface
from implcheck.present.ledger_view import listings
from implcheck.result import Result, Verdict, counted, shorten
from implcheck.safetext import line


def escape(text: str) -> str:
    """User text for rich: one line, controls and bidi overrides shown, markup made literal."""
    return layout.escape(line(" ".join(text.split())))


VERDICT_LABEL_CELLS = 40
VERDICT_STYLE = {
    Verdict.READY: ("green", "✓"),
    Verdict.READY_WITH_CONDITIONS: ("yellow", "!"),
    Verdict.NOT_READY: ("red", "✗"),
}


def _rows(console: Surface, rows: list[tuple[str, str]]) -> None:
    """Two columns, the second wrapping under itself rather than under the first."""
    console.grid(rows)


def _questions(console: Surface, bullet: str, questions: list[str]) -> None:
    """One line each, shortened with "…" to fit, so a long list stays a list."""
    for question in questions:
        console.print(f"{bullet} {escape(question)}", no_wrap=True, overflow="ellipsis")


def render(result: Result, *, color: bool = False, width: int = 100, questions: bool = False) -> str:
    """The summary; with ``questions`` (``assess``), the failure modes and critical gaps name
    their items by question only, not also by the ids scripts and CI logs use."""
    out = io.StringIO()
    console = layout.console(out, color=color, width=width)
    context = result.context
    heading = " · ".join(escape(part) for part in (context.school, context.initiative, context.term) if part)
    # Lines that start with user text are cut with "…" rather than wrapped: wrapping would start a
    # line with the school's words, which could then pass for one of ours (a forged verdict line).
    if heading:
        console.print(f"[bold]{heading}[/]", no_wrap=True, overflow="ellipsis")
    roles = ", ".join(escape(r.role.value) for r in result.respondents)
    count = len(result.respondents)
    console.print(
        f"Checklist {escape(result.checklist.id)} {escape(result.checklist.version)}"
        f" · {count} respondent{'s' if count != 1 else ''} ({roles})",
        no_wrap=True,
        overflow="ellipsis",
    )
    colour, mark = VERDICT_STYLE[result.verdict]
    # A checklist's own word for the verdict, cut short enough that it never wraps onto a line of
    # its own: only the score and confidence, ours, can start the next line.
    label = layout.escape(shorten(line(" ".join(result.verdict_label.upper().split())), VERDICT_LABEL_CELLS))
    console.print()
    console.print(
        f"[bold {colour}]{mark} {label}[/]   "
        f"score {result.score_text}/100   "
        f"confidence {result.confidence_text} ({result.answered} of {result.applicable} answered)"
    )
    if result.reasons:
        console.print("\n[bold]Why[/]")
        _rows(console, [(" •", escape(reason.message)) for reason in result.reasons])
    question = {r.item.id: r.item.question for r in result.items}
    if result.failure_modes and questions:
        console.print("\n[bold]Failure modes hit[/]")
        for hit in result.failure_modes:
            console.print(f" {escape(hit.failure_mode.label)}", no_wrap=True, overflow="ellipsis")
            _questions(console, "  •", [question[item_id] for item_id in hit.items])
    elif result.failure_modes:
        console.print("\n[bold]Failure modes hit[/]")
        _rows(console, [(f" {hit.failure_mode.label}", ", ".join(hit.items)) for hit in result.failure_modes])
    if result.critical_gaps:
        console.print("\n[bold]Critical gaps[/]")
        rows: list[tuple[str, str]] = []
        for r in result.critical_gaps:
            named = f"{r.item.id} ({r.answer.value}): {escape(r.item.question)}"
            if questions:
                named = f"{escape(r.item.question)} ({r.answer.words})"
            rows.append((f" [{colour}]{mark}[/]", named))
            rows.append(("", f"→ {escape(r.item.action)}"))
        _rows(console, rows)
    if result.unknowns:
        console.print(f"\n[bold]Still unknown[/] ({len(result.unknowns)})")
        _rows(console, [(" ?", escape(shorten(r.item.question))) for r in result.unknown_items])
    for listing in listings(result):
        console.print(f"\n[bold]{escape(listing.title)}[/]", no_wrap=True, overflow="ellipsis")
        _rows(console, [(" •", escape(text)) for text in listing.lines])
    if result.disagreements:
        console.print(f"\n[bold]Respondents disagree on {counted(len(result.disagreements), 'item')}[/]")
        _rows(
            console,
            [
                (
                    " •",
                    escape(
                        f"{shorten(d.question)} "
                        f"({', '.join(f'{a.respondent.role.value} {a.answer.value}' for a in d.answers)})"
                    ),
                )
                for d in result.disagreements
            ],
        )
    # Rich pads table rows to the full width; trailing spaces only make diffs noisy.
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())
