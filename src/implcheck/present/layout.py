"""The text summary's two ways of drawing: rich's console at a terminal that shows colour, and
the same characters without rich's console everywhere else (piped, a file, ``NO_COLOR``).

``text.py`` says what to show with two calls: ``print`` (a line of rich markup, wrapped to the
width) and ``grid`` (two columns, the second wrapping under itself). ``RichConsole`` draws them
with rich's ``Console`` and ``Table.grid``. ``PlainConsole`` draws them as rich does without
colour, character for character, without the 30 ms rich's console and tables take to import
(a fifth of ``check``'s start-up; benchmarks/bench.py, P1). Cell widths are rich's
(``rich.cells``): rich's own code for text with a character whose width needs rich's tables, and
a character count for text whose characters are one cell wide. The word wrap is a copy of rich's
(``divide_line``), as rich keeps it in a private module. The markup grammar is ported from
``rich.markup``, and the rest follows rich's ``Text.wrap`` and ``Table`` for the one kind of grid
drawn here. ``tests/test_present_layout.py`` holds the two to the same output on generated text,
every example and the hostile corpus.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Literal, Protocol, TextIO

from implcheck import terminal

if TYPE_CHECKING:
    from rich.console import Console

Overflow = Literal["fold", "ellipsis"]
# Narrower than this, or text with a tab, is drawn by rich itself: rich's corner cases there
# (columns squeezed to nothing, tab stops) are not worth reproducing.
PLAIN_MIN_WIDTH = 30


class Surface(Protocol):
    def print(self, markup: str = "", *, no_wrap: bool = False, overflow: Overflow | None = None) -> None: ...

    def grid(self, rows: list[tuple[str, str]]) -> None: ...


# rich.markup's grammar (rich is MIT-licensed), so markup escaped here reads back the same there.
_TAG = re.compile(r"((\\*)\[([a-z#/@][^[]*?)])")
_ESCAPABLE = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
_STRIPPED = dict.fromkeys((7, 8, 11, 12, 13))  # controls rich's Text drops: BEL, BS, VT, FF, CR
_TRAILING_SPACE = re.compile(r"\s+$")


# Characters one cell wide in every Unicode version rich knows: the ranges rich itself measures by
# their count (``rich.cells._SINGLE_CELL_UNICODE_RANGES``), and the typography implcheck writes.
# Text made only of them is measured by its length, as rich does for its ranges; rich's tables
# (5 ms to load) are paid for only by other text. tests/test_present_layout.py holds each one to
# rich's width.
_RICH_RANGES = ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x2500, 0x25FC), (0x2800, 0x28FF))
ONE_CELL = frozenset(chr(code) for start, end in _RICH_RANGES for code in range(start, end + 1)) | frozenset(
    "‘’“”–—•…→✓✗"
)
_WORD = re.compile(r"\s*\S+\s*")  # a word and the spaces after it, as rich's wrap counts words


def cell_len(text: str) -> int:
    """Cells ``text`` takes on a terminal (``rich.cells.cell_len``)."""
    if ONE_CELL.issuperset(text):
        return len(text)
    from rich.cells import cell_len as measured

    return measured(text)


def set_cell_size(text: str, total: int) -> str:
    """``text`` cut or padded with spaces to ``total`` cells (``rich.cells.set_cell_size``)."""
    if ONE_CELL.issuperset(text):
        return text[:total] + " " * (total - len(text))
    from rich.cells import set_cell_size as sized

    return sized(text, total)


def divide_line(text: str, width: int, *, fold: bool) -> list[int]:
    """Where ``text`` breaks to fit ``width`` cells: rich's ``divide_line`` (``rich/_wrap.py``,
    rich 13 to 15, MIT licence, copyright Will McGugan), copied so that nothing here imports a
    private module of rich. ``tests/test_present_layout.py`` holds the copy to rich's own."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            if fold:  # folded across lines of ``width`` cells
                *pieces, last = _chop_cells(word, width)
                for piece in pieces:
                    if start:
                        breaks.append(start)
                    start += len(piece)
                breaks.append(start)  # after at least one piece: never 0
                offset = cell_len(last)
            else:  # cropped, on a line of its own
                if start:
                    breaks.append(start)
                offset = cell_len(word)
        else:  # on the next line (rich also asks that it not be the first word, which fits by now)
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def _chop_cells(text: str, width: int) -> list[str]:
    """``text`` in pieces of ``width`` cells (``rich.cells.chop_cells``)."""
    if ONE_CELL.issuperset(text):
        return [text[at : at + width] for at in range(0, len(text), width)]
    from rich.cells import chop_cells

    return chop_cells(text, width)


def escape(markup: str) -> str:
    """As ``rich.markup.escape``: text shown as it is, whatever brackets it holds."""

    def double(match: re.Match[str]) -> str:
        backslashes, text = match.groups()
        return f"{backslashes}{backslashes}\\{text}"

    markup = _ESCAPABLE.sub(double, markup)
    if markup.endswith("\\") and not markup.endswith("\\\\"):
        return markup + "\\"
    return markup


def plain(markup: str) -> str:
    """The characters rich shows for ``markup``: tags dropped, escapes undone (``rich.markup.render``)."""
    if "[" not in markup:
        return markup.translate(_STRIPPED)
    pieces: list[str] = []
    position = 0
    for match in _TAG.finditer(markup):
        full_text, escapes, _ = match.groups()
        start, end = match.span()
        if start > position:
            pieces.append(markup[position:start].replace("\\[", "["))
        if escapes:
            backslashes, escaped = divmod(len(escapes), 2)
            pieces.append("\\" * backslashes)
            if escaped:
                pieces.append(full_text[len(escapes) :])
                position = end
                continue
        position = end  # a tag: only a style, which plain text does not show
    if position < len(markup):
        pieces.append(markup[position:].replace("\\[", "["))
    return "".join(pieces).translate(_STRIPPED)


def _truncate(text: str, width: int, overflow: Overflow, *, pad: bool = False) -> str:
    length = cell_len(text)
    if length > width:
        text = set_cell_size(text, width - 1) + "…" if overflow == "ellipsis" else set_cell_size(text, width)
    elif pad and length < width:
        text += " " * (width - length)
    return text


def _rstrip_end(text: str, width: int) -> str:
    """Spaces beyond ``width`` characters dropped (``Text.rstrip_end``)."""
    excess = len(text) - width
    found = _TRAILING_SPACE.search(text) if excess > 0 else None
    return text[: len(text) - min(len(found.group()), excess)] if found else text


def _wrap(text: str, width: int, overflow: Overflow, *, no_wrap: bool = False, justify: bool = False) -> list[str]:
    """``Text.wrap``: each line of ``text`` broken at words to fit ``width`` cells."""
    lines: list[str] = []
    for line in text.split("\n"):
        if no_wrap:
            pieces = [line]
        else:
            offsets = divide_line(line, width, fold=overflow == "fold")
            bounds = [0, *offsets, len(line)]
            pieces = [_rstrip_end(line[a:b], width) for a, b in itertools.pairwise(bounds)]
        if justify:  # a table cell: padded to its width
            pieces = [_truncate(piece, width, overflow, pad=True) for piece in pieces]
        lines += [_truncate(piece, width, overflow) for piece in pieces]
    return lines


def _widest(text: str, width: int, padding: int) -> int:
    """A grid cell's widest line, with its padding, as rich measures a padded cell (``width`` is
    at least ``PLAIN_MIN_WIDTH``, so the padding always fits)."""
    widest = min(max((cell_len(line) for line in text.splitlines()), default=0), width)
    return min(widest + padding, width) if widest or padding else 0


class PlainConsole:
    def __init__(self, file: TextIO, width: int) -> None:
        self.file = file
        self.width = width
        self._rich: RichConsole | None = None

    def print(self, markup: str = "", *, no_wrap: bool = False, overflow: Overflow | None = None) -> None:
        text = plain(markup)
        if "\t" in text:
            self.rich().print(markup, no_wrap=no_wrap, overflow=overflow)
        else:
            lines = _wrap(text, self.width, overflow or "fold", no_wrap=no_wrap)
            self.file.write("".join(f"{line}\n" for line in lines))

    def grid(self, rows: list[tuple[str, str]]) -> None:
        """``Table.grid(padding=(0, 1))`` with a first column that never wraps: one space between
        the columns; the second column gets what the first leaves of the width."""
        cells = [(plain(left), plain(right)) for left, right in rows]
        if not cells:
            return
        first = max(_widest(left, self.width, 1) for left, _ in cells) or 1
        second = max(_widest(right, self.width, 0) for _, right in cells) or 1
        second = min(second, self.width - first)
        if second < PLAIN_MIN_WIDTH // 2 or any("\t" in left + right for left, right in cells):
            self.rich().grid(rows)
            return
        out: list[str] = []
        for left, right in cells:
            lefts = [f"{line} " for line in _wrap(left, first - 1, "ellipsis", no_wrap=True, justify=True)]
            rights = _wrap(right, second, "ellipsis", justify=True)
            lefts += [" " * first] * (len(rights) - len(lefts))
            rights += [" " * second] * (len(lefts) - len(rights))
            out += [f"{a}{b}\n" for a, b in zip(lefts, rights, strict=True)]
        self.file.write("".join(out))

    def rich(self) -> RichConsole:
        if self._rich is None:
            self._rich = RichConsole(_rich_console(self.file, color=False, width=self.width))
        return self._rich


class RichConsole:
    """rich's own console, for a terminal that shows colour."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def print(self, markup: str = "", *, no_wrap: bool = False, overflow: Overflow | None = None) -> None:
        self.console.print(markup, no_wrap=no_wrap or None, overflow=overflow)

    def grid(self, rows: list[tuple[str, str]]) -> None:
        from rich.table import Table

        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column()
        for left, right in rows:
            table.add_row(left, right)
        self.console.print(table)


def console(file: TextIO, *, color: bool, width: int) -> Surface:
    """Rich's console for colour; the plain one, which draws the same characters, otherwise."""
    if color or width < PLAIN_MIN_WIDTH:
        return RichConsole(_rich_console(file, color=color, width=width))
    return PlainConsole(file, width)


def _rich_console(file: TextIO, *, color: bool, width: int) -> Console:
    return terminal.console(file, color=color, width=width)
