"""How implcheck talks to a terminal: one place builds rich's ``Console``, for ``assess`` and
for the text summary that ``check`` and ``assess`` print.

rich is imported inside ``console``, so importing this module costs nothing for commands that
never draw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def console(file: TextIO, *, color: bool, width: int | None = None) -> Console:
    """A rich ``Console`` writing to ``file``: the standard 16 colours when ``color``, else none
    at all; no highlighting of numbers or emoji codes in users' text. ``width=None`` is the
    terminal's own."""
    from rich.console import Console

    # Never forced to be a terminal without colour, so FORCE_COLOR in the environment cannot
    # change the text written to a string.
    return Console(
        file=file,
        width=width,
        force_terminal=True if color else None if file.isatty() else False,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )
