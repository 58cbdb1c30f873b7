"""How implcheck talks to a terminal, in one place: whether to use colour, how wide to lay text
out, and rich's ``Console`` for ``assess`` and the text summaries.

rich is imported inside ``console``, so importing this module (``cli.py`` does, to decide
colour and width) costs nothing for commands that never draw.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

MAX_WIDTH = 120  # wider lines are hard to read, whatever the terminal
PIPE_WIDTH = 100  # what text is laid out for when it goes to a file or a pipe


def use_colour() -> bool:
    """Colour only for a person at a terminal who has not asked for none (no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def width(limit: int = MAX_WIDTH) -> int:
    """The terminal's width, at most ``limit``; ``PIPE_WIDTH`` when stdout is not a terminal."""
    if not sys.stdout.isatty():
        return PIPE_WIDTH
    return min(os.get_terminal_size().columns, limit)


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
