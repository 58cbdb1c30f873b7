"""The bars of issue 20 (every output safe where it lands): one PASS or FAIL line per bar, exit 1
if any fails. Each bar is the test that holds it, run here by name, slow ones included:

* every output replayed through a parser of the CI runner's command syntax finds 0 forged commands
  (``tests/test_forgery.py``: every payload through every command and format);
* JUnit validates against the common JUnit XSD (Jenkins' ``junit-10.xsd``);
* every schema, and every JSON output, validates with check-jsonschema;
* the recipes in docs/ci.md run as written, the pre-commit one with ``pre-commit run`` in a scratch
  repository.

    python benchmarks/bars_safe.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARS: dict[str, tuple[str, ...]] = {
    "no output forges a CI runner's command": ("tests/test_forgery.py",),
    "JUnit validates against the common JUnit XSD": (
        "tests/test_present_ci.py::test_junit_validates_against_the_common_junit_schema",
    ),
    "every schema and JSON output validates with check-jsonschema": (
        "tests/test_schemas.py::test_every_schema_is_a_valid_schema_to_check_jsonschema",
        "tests/test_schemas.py::test_json_outputs_validate_with_check_jsonschema",
    ),
    "the recipes in docs/ci.md run as written (pre-commit run in a scratch repository)": ("tests/test_ci_recipe.py",),
}


def passes(tests: tuple[str, ...]) -> tuple[bool, str]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--no-cov",
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
            "-m",
            "slow or not slow",
            *tests,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    summary = next((line.strip() for line in reversed(done.stdout.splitlines()) if " passed" in line), "no summary")
    return done.returncode == 0, summary


def main() -> int:
    failed = 0
    for name, tests in BARS.items():
        ok, summary = passes(tests)
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}  ({summary})", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
