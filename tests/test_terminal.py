"""``terminal``: one place for the rich console."""

from __future__ import annotations

import io
import os
import sys

import pytest

from implcheck import terminal


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_console_without_colour_is_never_forced_to_be_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = io.StringIO()
    terminal.console(out, color=False, width=40).print("[bold]plain[/]")
    assert out.getvalue() == "plain\n"
    assert terminal.console(Tty(), color=False).is_terminal


def test_a_colour_console_writes_styles() -> None:
    out = io.StringIO()
    terminal.console(out, color=True, width=40).print("[bold]bold[/]")
    assert out.getvalue() == "\x1b[1mbold\x1b[0m\n"


@pytest.mark.parametrize(("columns", "limit", "expected"), [(60, 120, 60), (200, 120, 120), (300, 200, 200)])
def test_width_follows_the_terminal_up_to_a_limit(
    monkeypatch: pytest.MonkeyPatch, columns: int, limit: int, expected: int
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(os, "get_terminal_size", lambda *fd: os.terminal_size((columns, 40)))
    assert terminal.width(limit) == expected


def test_width_for_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert terminal.width() == terminal.PIPE_WIDTH
