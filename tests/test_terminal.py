"""``terminal``: one place for the rich console."""

from __future__ import annotations

import io

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
