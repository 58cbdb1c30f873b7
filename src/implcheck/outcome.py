"""What a command returns for ``cli.py`` to write: text for stdout and stderr, and the exit code.

It sits below ``commands/`` and ``interview/`` so that both can return one without importing
the other (``tests/test_layers.py``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Outcome:
    stdout: str = ""
    exit_code: int = 0
    stderr: str = ""
