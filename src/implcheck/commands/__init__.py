"""One module per command: each parses nothing and prints nothing; it takes plain arguments and
returns an ``Outcome`` (text for stdout and stderr, and the exit code) for ``cli.py`` to write."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Outcome:
    stdout: str = ""
    exit_code: int = 0
    stderr: str = ""
