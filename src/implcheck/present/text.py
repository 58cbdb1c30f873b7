"""The terminal summary for ``check`` (and the end of ``assess``): short, rich, readable
without colour. The verdict is always spelled out and marked with a symbol, never colour alone.
"""

from __future__ import annotations

import io

from implcheck import migrate
from implcheck.present import layout
from implcheck.present.layout import Surface
from implcheck.present.ledger_view import listings
from implcheck.result import Result, Verdict, counted, shorten
from implcheck.roles import combine_note
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


def render(result: Result, *, color: bool = False, width: int = 100) -> str:
    """The summary, naming every item by its question, as the interview asks it (the ids are for
    files and scripts: ``--format github`` points at each answer's line, JSON keeps them)."""
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
    migrated = migrate.note(result.checklist, result.migrated)
    if migrated:
        _rows(console, [("", escape(migrated))])
    note = combine_note(result)
    if note:  # the command on its own line, so it can be copied whole
        sentence, _, command = note.partition(": implcheck ")
        console.print(escape(f"{sentence}:"))
        console.print(f"  implcheck {escape(command)}")
    colour, mark = VERDICT_STYLE[result.verdict]
    # A checklist's own word for the verdict, cut short enough that it never wraps onto a line of
    # its own: only the score and confidence, ours, can start the next line.
    label = layout.escape(shorten(line(" ".join(result.verdict_label.upper().split())), VERDICT_LABEL_CELLS))
    console.print()
    console.print(
        f"[bold {colour}]{mark} {label}[/]   score {result.score_text}/100   confidence {result.confidence_text}"
    )
    # Said under the figure, not left to a glossary: "confidence" alone promises more than it measures.
    console.print(f"Confidence: {result.confidence_meaning}")
    if result.reasons:
        console.print("\n[bold]Why[/]")
        _rows(console, [(" •", escape(reason.message)) for reason in result.reasons])
    question = {r.item.id: r.item.question for r in result.items}
    if result.failure_modes:
        console.print("\n[bold]Failure modes hit[/]")
        for hit in result.failure_modes:
            console.print(f" {escape(hit.failure_mode.label)}", no_wrap=True, overflow="ellipsis")
            _questions(console, "  •", [question[item_id] for item_id in hit.items])
    if result.critical_gaps:
        console.print("\n[bold]Critical gaps[/]")
        rows: list[tuple[str, str]] = []
        for r in result.critical_gaps:
            rows.append((f" [{colour}]{mark}[/]", f"{escape(r.item.question)} ({r.answer.words})"))
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
                        f"{shorten(d.question)} ({', '.join(f'{a.respondent.role.value} {a.said}' for a in d.answers)})"
                    ),
                )
                for d in result.disagreements
            ],
        )
    # Rich pads table rows to the full width; trailing spaces only make diffs noisy.
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())
