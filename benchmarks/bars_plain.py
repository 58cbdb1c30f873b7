"""The bars of issue 22 (plain Python where plain Python serves, and a test run a newcomer waits a
minute for): one PASS or FAIL line per bar, exit 1 if any fails.

    python benchmarks/bars_plain.py [--full]

* no ``record.py``: records are standard dataclasses;
* no private rich import (``rich._wrap`` and the like) anywhere in ``src/``;
* no upward import (``tests/test_layers.py``, which states the layers, is run);
* the default ``pytest`` in about a minute: at most 75 s of wall time (it spreads the tests over
  the cores with pytest-xdist, so on a busy machine run it when nothing else is);
* CI runs every test, slow ones too, and holds the coverage floor on that run (``.ci/run``);
  with ``--full``, the full run itself is made here and must reach the floor (minutes);
* start-up within 2x the import floor (``bench.py``'s P1, on its own).
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench import START_UP_BAR, compile_sources, p1_medians, p1_ratios  # a script's own folder is on sys.path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "implcheck"
DEFAULT_RUN_WALL = 75.0  # seconds: "about a minute"


def no_record() -> tuple[bool, str]:
    found = sorted(str(path.relative_to(ROOT)) for path in SRC.rglob("record.py"))
    return not found, ", ".join(found) or "records are standard dataclasses"


def _private_rich(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        found += [name for name in names if name.split(".")[0] == "rich" and "._" in name]
    return [f"{path.relative_to(ROOT)}: {name}" for name in found]


def no_private_rich() -> tuple[bool, str]:
    found = [line for path in sorted(SRC.rglob("*.py")) for line in _private_rich(path)]
    return not found, "; ".join(found) or "none in src/"


def _pytest(*args: str) -> tuple[int, str, float]:
    """Run pytest as a newcomer would: its exit code, its output, and the CPU it took (its own
    and its children's, from the kernel's accounting)."""
    before = os.times()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return done.returncode, done.stdout + done.stderr, cpu


def no_upward_import() -> tuple[bool, str]:
    code, out, _ = _pytest("-q", "--no-cov", "tests/test_layers.py")
    return code == 0, "tests/test_layers.py passes" if code == 0 else out.strip().splitlines()[-1]


def default_run_in_a_minute() -> tuple[bool, str]:
    start = time.perf_counter()
    code, out, cpu = _pytest()
    wall = time.perf_counter() - start
    summary = next((line.strip() for line in reversed(out.splitlines()) if " passed" in line), "no summary")
    detail = f"{wall:.0f} s (at most {DEFAULT_RUN_WALL:g}), {cpu:.0f} s of CPU over the cores; {summary}"
    return code == 0 and wall <= DEFAULT_RUN_WALL, detail


def _floor() -> float | None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    runs = [line for line in ci.splitlines() if "-m pytest" in line and not line.lstrip().startswith("#")]
    every = [line for line in runs if '-m "slow or not slow"' in line]
    floor = re.search(r"--cov-fail-under=([0-9.]+)", " ".join(every))
    return float(floor.group(1)) if floor else None


def ci_runs_everything(full: bool) -> Callable[[], tuple[bool, str]]:
    def bar() -> tuple[bool, str]:
        floor = _floor()
        if floor is None:
            return False, '.ci/run has no pytest -m "slow or not slow" with --cov-fail-under'
        if not full:
            return True, f".ci/run runs every test with a floor of {floor:g}% (--full runs them here)"
        code, out, _ = _pytest("-m", "slow or not slow", "-n", "0", f"--cov-fail-under={floor:g}")
        total = next((line for line in out.splitlines() if line.startswith("TOTAL")), "TOTAL ?")
        return code == 0, f"floor {floor:g}%: {' '.join(total.split())}"

    return bar


def start_up() -> tuple[bool, str]:
    compile_sources()
    ratios = p1_ratios(p1_medians(27))
    detail = ", ".join(f"{name} {ratio:.2f}x" for name, ratio in ratios.items())
    return all(
        ratio <= START_UP_BAR for ratio in ratios.values()
    ), f"{detail} the import floor (at most {START_UP_BAR:g})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="also run every test with coverage (minutes)")
    full = parser.parse_args().full
    bars: dict[str, Callable[[], tuple[bool, str]]] = {
        "no record.py": no_record,
        "no private rich import": no_private_rich,
        "no upward import": no_upward_import,
        "the default pytest in about a minute": default_run_in_a_minute,
        "CI runs every test at the coverage floor": ci_runs_everything(full),
        "start-up within 2x the import floor": start_up,
    }
    failed = 0
    for bar, check in bars.items():
        passed, detail = check()
        failed += not passed
        print(f"{'PASS' if passed else 'FAIL'}  {bar}  ({detail})", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
