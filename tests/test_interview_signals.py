"""``interview/signals.py``: Ctrl-C held during a save, and the hang-up and SIGTERM handlers,
put back when the interview ends. A real terminal's signals: ``test_assess_pty.py``."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import pytest

from assess_helpers import (
    CONTEXT,
    assess,
)
from implcheck.interview import signals


def test_signals_held_delivers_ctrl_c_after_the_save() -> None:
    # Python's own Ctrl-C handler, as in a terminal: a test runner's worker process may ignore SIGINT.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    reached = False
    try:
        with pytest.raises(KeyboardInterrupt), signals.signals_held():
            # To this thread, whose mask holds it: sent to the process, a test runner's other
            # threads (pytest-xdist's) could take it at once.
            signal.pthread_kill(threading.get_ident(), signal.SIGINT)
            reached = True
    finally:
        signal.signal(signal.SIGINT, previous)
    assert reached


def test_the_hangup_handler_ignores_further_hang_ups_and_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(signal, "signal", lambda signum, handler: seen.append((signum, handler)))
    seen: list[tuple[int, object]] = []
    with pytest.raises(signals.HungUp):
        signals.on_hangup(signal.SIGHUP, None)
    assert seen == [(signal.SIGHUP, signal.SIG_IGN)]


@pytest.mark.usefixtures("terminal")
def test_the_hangup_handler_is_put_back(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGHUP)
    assess(tmp_path / "oak.yaml", *CONTEXT, "q")
    assert signal.getsignal(signal.SIGHUP) is before


def test_the_sigterm_handler_ignores_more_and_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, object]] = []
    monkeypatch.setattr(signal, "signal", lambda signum, handler: seen.append((signum, handler)))
    with pytest.raises(signals.Terminated):
        signals.on_terminate(signal.SIGTERM, None)
    assert seen == [(signal.SIGTERM, signal.SIG_IGN)]


@pytest.mark.usefixtures("terminal")
def test_the_sigterm_handler_is_put_back(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGTERM)
    assess(tmp_path / "oak.yaml", *CONTEXT, "q")
    assert signal.getsignal(signal.SIGTERM) is before
