"""The plain console draws exactly what rich's console draws without colour: on generated text,
on every example and on every hostile case that loads."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import ROOT
from hostile_corpus import cases
from implcheck import terminal
from implcheck.errors import ImplcheckError
from implcheck.load import load_assessment
from implcheck.present import layout, text
from implcheck.scoring import score

# Words of every kind the layout meets: plain, long, markup-like, backslashes, wide, combining,
# zero-width, emoji and the symbols the summary prints.
WORDS = st.one_of(
    st.sampled_from(
        ["a", "word", "Follow-up", "→", "•", "✗", "…", "“quoted”", "中文字", "e\u0301", "👍🏽", "a\u200db"]
    ),
    st.sampled_from(["[bold]", "[/]", "\\[x]", "[red]x[/red]", "\\", "a\\", "[/", "[#f00]", "@[x]", "[a=b]"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12),
    st.text(alphabet="abcdefghij", min_size=20, max_size=140),
)
# User text is escaped whole, as the summary escapes it; the summary's own markup styles parts of
# a line between pieces of user text.
USER = st.lists(WORDS, max_size=10).map(" ".join)
STYLED = st.tuples(USER, st.sampled_from(["bold", "bold red", "red"]), USER).map(
    lambda part: f"{layout.escape(part[0])} [{part[1]}]{layout.escape(part[2])}[/] "
)
TEXT = st.one_of(USER.map(layout.escape), st.lists(STYLED, max_size=4).map("".join))
WIDTH = st.integers(min_value=layout.PLAIN_MIN_WIDTH, max_value=140)


Draw = Callable[[layout.Surface], None]


def rich_output(width: int, draw: Draw) -> str:
    out = io.StringIO()
    draw(layout.RichConsole(terminal.console(out, color=False, width=width)))
    return out.getvalue()


def plain_output(width: int, draw: Draw) -> str:
    out = io.StringIO()
    draw(layout.PlainConsole(out, width))
    return out.getvalue()


def same(width: int, draw: Draw) -> None:
    assert plain_output(width, draw) == rich_output(width, draw)


@settings(max_examples=300, deadline=None)
@given(TEXT, WIDTH, st.booleans())
@example("x\\", 40, False)
@example("[bold]heading[/] and \\[not a tag]", 30, False)
@example("\n[bold]Why[/]", 100, False)
@example("a" * 150, 100, False)
@example("中" * 80, 100, True)
def test_a_line_of_markup(markup: str, width: int, ellipsis: bool) -> None:
    if ellipsis:
        same(width, lambda console: console.print(markup, no_wrap=True, overflow="ellipsis"))
    else:
        same(width, lambda console: console.print(markup))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["", " •", " ?", " [red]✗[/]", " Follow-up and support"]), TEXT), max_size=6),
    WIDTH,
)
@example([(" •", "a" * 200)], 100)
@example([("", ""), (" •", "")], 100)
@example([(" •", "中" * 70 + " " + "b" * 120)], 60)
@example([], 100)
def test_a_grid(rows: list[tuple[str, str]], width: int) -> None:
    same(width, lambda console: console.grid(rows))


@given(st.lists(WORDS, max_size=5).map("".join))
@example("a\\")
@example("\\[bold]")
def test_escape_is_richs(words: str) -> None:
    from rich.markup import escape, render

    assert layout.escape(words) == escape(words)
    assert layout.plain(f"[bold]{layout.escape(words)}[/]") == render(f"[bold]{escape(words)}[/]").plain


def test_a_blank_line() -> None:
    same(100, lambda console: console.print())


def test_tabs_are_left_to_rich() -> None:
    same(100, lambda console: console.print("a\tb [bold]c[/]"))
    same(100, lambda console: console.grid([(" •", "a\tb"), (" ?", "c")]))


def test_a_narrow_grid_or_console_is_left_to_rich() -> None:
    same(40, lambda console: console.grid([(" " + "x" * 30, "a b c d e f g h")]))
    assert isinstance(layout.console(io.StringIO(), color=False, width=20), layout.RichConsole)
    assert isinstance(layout.console(io.StringIO(), color=True, width=100), layout.RichConsole)
    assert isinstance(layout.console(io.StringIO(), color=False, width=100), layout.PlainConsole)


def test_tabs_twice_on_one_console() -> None:
    def draw(console: layout.Surface) -> None:
        console.print("one\ttab")
        console.print("two\ttabs")

    same(100, draw)


def _summaries(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    result = score(load_assessment(paths))
    plain = text.render(result, width=100)
    with monkeypatch.context() as patch:
        patch.setattr(
            layout,
            "PlainConsole",
            lambda file, width: layout.RichConsole(terminal.console(file, color=False, width=width)),
        )
        drawn_by_rich = text.render(result, width=100)
    return plain, drawn_by_rich


EXAMPLES = [[path] for path in sorted((ROOT / "examples").glob("*/*.yaml")) if path.parent.name != "respondents"] + [
    sorted((ROOT / "examples" / "respondents").glob("*.yaml"))
]


@pytest.mark.parametrize("paths", EXAMPLES, ids=lambda paths: "+".join(p.stem for p in paths))
def test_every_example_reads_the_same(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    plain, drawn_by_rich = _summaries(paths, monkeypatch)
    assert plain == drawn_by_rich


@pytest.mark.slow  # the whole hostile corpus
def test_every_hostile_case_that_loads_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compared = 0
    for case in cases():
        if case.setup is not None or case.subprocess:
            continue
        folder = tmp_path / case.name
        case.write(folder)
        try:
            plain, drawn_by_rich = _summaries([folder / name for name in case.answers], monkeypatch)
        except (ImplcheckError, OSError):
            continue
        assert plain == drawn_by_rich, case.name
        compared += 1
    assert compared > 10


def test_every_character_measured_by_its_count_is_one_cell_wide_for_rich() -> None:
    from rich.cells import cell_len

    assert [char for char in sorted(layout.ONE_CELL) if cell_len(char) != 1] == []


# Words of characters one cell wide, long and short, between runs of spaces.
ONE_CELL_TEXT = st.lists(
    st.one_of(st.text(alphabet=sorted(layout.ONE_CELL), max_size=30), st.text(alphabet=" ", max_size=3)), max_size=20
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(ONE_CELL_TEXT, USER), st.integers(min_value=1, max_value=140), st.booleans())
@example("a" * 150, 100, True)
@example("ab " + "c" * 25, 10, True)
@example("ab " + "c" * 25, 10, False)
@example("c" * 25 + " ab", 10, False)
@example("ab " + "漢字" * 12 + " cd", 7, True)  # folded where characters are two cells wide
def test_cell_widths_and_word_breaks_are_richs(line: str, width: int, fold: bool) -> None:
    # The test, not implcheck, reads rich's private module: if rich moves or changes its wrap, this
    # fails and the copy in layout.py is brought up to date; users' runs never depend on it.
    from rich._wrap import divide_line
    from rich.cells import cell_len, set_cell_size

    assert layout.cell_len(line) == cell_len(line)
    assert layout.set_cell_size(line, width) == set_cell_size(line, width)
    assert layout.divide_line(line, width, fold=fold) == divide_line(line, width, fold=fold)
