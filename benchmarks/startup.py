"""Start-up and end-to-end time of `implcheck check` on the bundled examples.

Run with `make bench`. Timings live here, never in unit tests. It also reports whether heavy
modules (jinja2, rich) were imported on paths that should not need them.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "edtech-readiness" / "trap.yaml"
RUNS = 15


def timed(args: list[str]) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def imported(args: list[str]) -> set[str]:
    result = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True, check=False)
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}


def main() -> int:
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "implcheck --version": [sys.executable, "-m", "implcheck", "--version"],
        "check --format json": [sys.executable, "-m", "implcheck", "check", "-f", "json", str(EXAMPLE)],
        "check (text)": [sys.executable, "-m", "implcheck", "check", str(EXAMPLE)],
    }
    for name, args in cases.items():
        print(f"{name:<24} {timed(args) * 1000:7.1f} ms (median of {RUNS})")
    modules = imported(["-m", "implcheck", "check", "-f", "json", str(EXAMPLE)])
    for heavy in ("jinja2", "rich.console"):
        print(f"check --format json imports {heavy}: {'yes' if heavy in modules else 'no'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
