"""The ``implcheck`` command's first lines: the console script and ``python -m implcheck`` run
``main``.

What importing implcheck, typer and PyYAML allocates lives as long as the process, so the cyclic
garbage collector has nothing to find in it. Left on, its passes over those objects, during the
imports and once more at exit, cost a fifth of ``check``'s start-up (benchmarks/bench.py, P1).
So collection waits until the imports are done, and what they made is frozen out of every later
pass (``gc.freeze``). What the command allocates is collected as usual, as a portfolio of 100,000
files needs.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    try:
        from implcheck.cli import main as command
    finally:
        gc.freeze()
        gc.enable()
    command()
