"""One module per command: each parses nothing and prints nothing; it takes plain arguments and
returns an ``Outcome`` (text for stdout and stderr, and the exit code; ``implcheck/outcome.py``)
for ``cli.py`` to write."""

from __future__ import annotations

from implcheck.outcome import Outcome

__all__ = ["Outcome"]
