"""``implcheck portfolio`` at a terminal: the same rows as every format, as a rich table. Colour
only adds to the words: the verdict is spelled out and marked with a symbol."""

from __future__ import annotations

import io

from rich.markup import escape
from rich.table import Table

from implcheck import terminal
from implcheck.portfolio import Portfolio
from implcheck.present.portfolio import COLUMNS, rows, slipped, summary
from implcheck.present.text import VERDICT_STYLE


def _hanging(rows: list[tuple[str, str]]) -> Table:
    """Two columns, the second wrapping under itself (as ``text.py``'s rows)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for row in rows:
        grid.add_row(*row)
    return grid


def render(portfolio: Portfolio, *, color: bool = False, width: int = 100) -> str:
    out = io.StringIO()
    console = terminal.console(out, color=color, width=width)
    for sentence in summary(portfolio):
        console.print(escape(sentence))
    found = slipped(portfolio)
    if found:
        # As the check summary does: each group's lines wrap under themselves, after the mark, so
        # no line starts with a school's or a checklist's words.
        console.print("\n[bold]Regressed since the previous term[/]")
        for group in found:
            console.print(_hanging([(" [red]✗[/]", f"{escape(group.title)}, {escape(group.terms)}:")]))
            console.print(_hanging([("    ", escape(reason)) for reason in group.reasons]))
    table = Table(*COLUMNS, title="Every implementation, worst first", title_justify="left", show_lines=False)
    verdict_column = COLUMNS.index("Verdict")
    terms = [term for group in portfolio.groups for term in group.terms]  # in ``rows``' order
    for term, values in zip(terms, rows(portfolio), strict=True):
        cells = [escape(value) for value in values]
        colour, mark = VERDICT_STYLE[term.verdict] if term.started else ("dim", "?")
        cells[verdict_column] = f"[{colour}]{mark} {cells[verdict_column]}[/]"
        table.add_row(*cells)
    console.print()
    console.print(table)
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())
