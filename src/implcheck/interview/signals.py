"""The terminal as a device: reading a typed line, and the signals that end a session.

A save is never cut in half: signals that stop the interview are held while the file is
written (``signals_held``). A hang-up (the terminal window closed) raises ``HungUp``, which
is not an ``Exception`` so nothing swallows it on the way out.
"""

from __future__ import annotations

import os
import re
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

EXIT_HANGUP = 128 + signal.SIGHUP  # what a shell reports for a process ended by SIGHUP
EXIT_TERMINATED = 128 + signal.SIGTERM  # ... and by SIGTERM (kill, a shutdown, a session manager)
ANSI_CODE = re.compile(r"(\x1b\[[0-9;]*m)")


@contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C, a hang-up or SIGTERM during a save waits until the file is on disk, then takes effect."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    held = {signal.SIGINT, signal.SIGHUP, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class HungUp(BaseException):
    """The terminal went away (SIGHUP). Not an ``Exception``: nothing should swallow it."""


def on_hangup(signum: int, frame: FrameType | None) -> None:
    # The kernel may send more than one hang-up as the terminal goes; the first one is enough.
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    raise HungUp


class Terminated(BaseException):
    """Another program asked implcheck to end (SIGTERM): stop, say what is saved, exit 143."""


def on_terminate(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # one is enough: the message is on its way
    raise Terminated


HANDLERS = {signal.SIGHUP: on_hangup, signal.SIGTERM: on_terminate}


@contextmanager
def stops_raise() -> Iterator[None]:
    """While inside, a hang-up raises ``HungUp`` and SIGTERM ``Terminated``; the handlers
    before them are put back after (unless one fired, and ignores any more of its kind)."""
    previous = {signum: signal.signal(signum, handler) for signum, handler in HANDLERS.items()}
    try:
        yield
    finally:
        for signum, handler in HANDLERS.items():
            if signal.getsignal(signum) is handler:
                signal.signal(signum, previous[signum])


def stdin_is_terminal() -> bool:
    """Replaced in tests, which drive the interview through a pipe."""
    return sys.stdin.isatty()


def read_line(prompt: str) -> str:
    """One line from the terminal, with line editing when ``readline`` is there."""
    try:
        import readline  # noqa: F401  (imported for its side effect on input())
    except ImportError:  # pragma: no cover - platforms without readline
        return input(prompt)
    # Readline counts the prompt's width; colour codes take none, and must be marked so.
    return input(ANSI_CODE.sub("\x01\\1\x02", prompt))


def detach_from_terminal() -> None:  # pragma: no cover - runs after a real hang-up (test_assess_pty.py)
    """After a hang-up, point the standard streams at /dev/null so exiting cannot fail on them."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
