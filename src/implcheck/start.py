"""The ``implcheck`` command's first lines: the console script and ``python -m implcheck`` run
``main``.

What importing implcheck, typer and PyYAML allocates lives as long as the process, so the cyclic
garbage collector has nothing to find in it. Left on, its passes over those objects, during the
imports and once more at exit, cost a fifth of ``check``'s start-up (benchmarks/bench.py, P1).
So collection waits until the imports are done, and what they made is frozen out of every later
pass (``gc.freeze``). What the command allocates is collected as usual, as a portfolio of 100,000
files needs.

If implcheck cannot even be imported (a broken install, a missing dependency), that exits 3 as
every other bug does (``boundary.py``), never 1, which CI reads as "not ready".
"""

from __future__ import annotations

import gc
import sys

EXIT_BUG = 3  # errors.EXIT_BUG, stated again: importing errors is what may have failed
CANNOT_START = (
    "implcheck: internal error ({kind}: {error}): implcheck could not start, so nothing was checked. "
    "This is a broken install or a bug in implcheck, not a problem with your files: "
    "reinstall implcheck, and if it still fails, report it on the implcheck issue tracker.\n"
)


def main() -> None:
    gc.disable()
    try:
        from implcheck.cli import main as command
    except Exception as error:
        sys.stderr.write(CANNOT_START.format(kind=type(error).__name__, error=error))
        raise SystemExit(EXIT_BUG) from None
    finally:
        gc.freeze()
        gc.enable()
    command()
