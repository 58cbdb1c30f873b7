"""The few ways a run can go wrong, and the exit code each one means.

``boundary.py`` maps these to exit codes in one place; nothing else prints or exits.
"""

from __future__ import annotations

from dataclasses import dataclass

from implcheck.safetext import line

EXIT_OK = 0
EXIT_GATE_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_BUG = 3  # never 1: CI must not read a crash as "not ready"
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for SIGPIPE: the reader stopped early (`| head`)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, yamllint-style: ``path:line:col: message``."""

    path: str
    line: int
    col: int
    message: str
    final: bool = False  # "stopped after N problems": listed after the file's other problems
    level: str = "error"  # "warning": worth fixing, but the file still works (exit 0)

    @property
    def sort_key(self) -> tuple[str, bool, int, int, str]:
        return (self.path, self.final, self.line, self.col, self.message)

    def __str__(self) -> str:
        # A file name or value with a newline or an escape must not forge another line.
        level = "" if self.level == "error" else f"[{self.level}] "
        return f"{line(self.path)}:{self.line}:{self.col}: {level}{line(self.message)}"


class ImplcheckError(Exception):
    """A user's mistake: bad input or usage. Exit code 2, a message, never a traceback."""

    exit_code = EXIT_BAD_INPUT


class InputError(ImplcheckError):
    """One or more problems found in the user's files, all reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda problem: problem.sort_key)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @classmethod
    def single(cls, path: str, message: str, line: int = 1, col: int = 1) -> InputError:
        return cls([Problem(path, line, col, message)])


class UsageError(ImplcheckError):
    """A command was asked to do something it cannot (wrong combination of files, etc.)."""
