"""Every issue's "done when" bars in one run (`make bars`): each bar script prints one
`PASS ...` or `FAIL ...` line per bar and exits 1 when any fails; this runs them all with the
installed `implcheck`, echoes their lines, and exits 1 if any bar failed or a script broke.

    python benchmarks/bars.py [--only roles,scoring]

The scripts time nothing that a unit test could assert, and unit tests time nothing at all.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name: (script, what its bars are, extra arguments)
BARS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "roles": ("roles.py", "each role's question set is short enough (issue 19)", ()),
    "safe": ("bars_safe.py", "every output safe where it lands (issue 20)", ()),
    "scoring": ("bars_scoring.py", "no scoring loophole (issue 21)", ()),
    "migration": ("bars_migration.py", "last term's files carry forward (issue 21)", ()),
    "report": ("report_pages.py", "the governors' report fits its pages (issue 23)", ()),
    "plain": ("bars_plain.py", "plain Python, and start-up within 2x the import floor (issue 22)", ()),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated names: " + ", ".join(BARS))
    chosen = [name for name in parser.parse_args().only.split(",") if name] or list(BARS)
    failed: list[str] = []
    for name in chosen:
        script, what, extra = BARS[name]
        print(f"== {name}: {what}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / script), *extra], check=False)
        if done.returncode != 0:
            failed.append(name)
    print(
        f"bars: {len(chosen) - len(failed)} of {len(chosen)} groups pass"
        + (f"; failed: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
