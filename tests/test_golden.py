"""Every example in every format, held to recorded SHA-256 digests: proof that a refactor changes
no byte a user sees. A deliberate change of output re-records them in the same commit:

    IMPLCHECK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import ROOT
from implcheck.cli import app

GOLDEN = ROOT / "tests" / "golden.json"
EXAMPLES = {
    "edtech-trap": ["examples/edtech-readiness/trap.yaml"],
    "edtech-strong": ["examples/edtech-readiness/strong.yaml"],
    "termly-trap": ["examples/termly-recheck/trap.yaml"],
    "termly-strong": ["examples/termly-recheck/strong.yaml"],
    "respondents": ["examples/respondents/leader.yaml", "examples/respondents/teacher.yaml"],
}
COMMANDS = {
    **{
        f"check-{fmt}": ["check", "--fail-on", "never", "--format", fmt]
        for fmt in ("text", "json", "markdown", "github", "junit")
    },
    **{f"report-{fmt}": ["report", "--format", fmt] for fmt in ("html", "md", "csv")},
}
SHOWN = {
    f"show-{checklist}-{fmt}": ["show", checklist, "--format", fmt]
    for checklist in ("edtech-readiness", "termly-recheck")
    for fmt in ("text", "markdown")
}
CASES = {
    **{
        f"{command}/{example}": [*args, *files]
        for command, args in COMMANDS.items()
        for example, files in EXAMPLES.items()
    },
    **SHOWN,
}


def _digest(args: list[str]) -> str:
    cwd = Path.cwd()
    os.chdir(ROOT)  # the outputs name files as the user typed them
    try:
        result = CliRunner().invoke(app, args, env={"COLUMNS": "100", "NO_COLOR": "1"})
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return hashlib.sha256(result.stdout.encode("utf-8")).hexdigest()


def test_every_example_in_every_format_is_byte_identical_to_the_recorded_output() -> None:
    digests = {name: _digest(args) for name, args in sorted(CASES.items())}
    if os.environ.get("IMPLCHECK_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(digests, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        pytest.skip("re-recorded tests/golden.json")
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = sorted(name for name in digests if recorded.get(name) != digests[name])
    assert not changed, f"output changed for: {', '.join(changed)}"
    assert sorted(recorded) == sorted(digests)
