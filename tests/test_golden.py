"""Every example in every format, held to the recorded output under ``tests/golden/``: proof that a
refactor changes no byte a user sees. A deliberate change of output re-records them in the same
commit, where the diff shows a reviewer exactly what changed:

    make golden   # IMPLCHECK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import ROOT
from implcheck.cli import app

GOLDEN = ROOT / "tests" / "golden"
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
# One role's form for each shipped checklist: the page a teacher or a pupil opens.
FORMS = {
    f"form/{checklist}-{role}": ["form", checklist, "--role", role, "-o", "-"]
    for checklist, role in (("edtech-readiness", "teacher"), ("termly-recheck", "pupil"))
}
# Who has replied among the example respondents, against the example list of who was asked.
COLLECTED = {
    f"collect-{fmt}/respondents": ["collect", "examples/respondents", "--expect", "examples/expected.yaml", "-f", fmt]
    for fmt in ("text", "json", "markdown")
}
CASES = {
    **COLLECTED,
    **{
        f"{command}/{example}": [*args, *files]
        for command, args in COMMANDS.items()
        for example, files in EXAMPLES.items()
    },
    **SHOWN,
    **FORMS,
}


def _output(args: list[str]) -> str:
    cwd = Path.cwd()
    os.chdir(ROOT)  # the outputs name files as the user typed them
    try:
        result = CliRunner().invoke(app, args, env={"COLUMNS": "100", "NO_COLOR": "1"})
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return result.stdout


def _recorded(name: str) -> Path:
    """``check-text/edtech-trap`` is ``tests/golden/check-text/edtech-trap.txt``."""
    return GOLDEN / f"{name}.txt"


def test_every_example_in_every_format_is_byte_identical_to_the_recorded_output() -> None:
    outputs = {name: _output(args) for name, args in sorted(CASES.items())}
    if os.environ.get("IMPLCHECK_UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*.txt"):
            old.unlink()
        for name, output in outputs.items():
            path = _recorded(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(output.encode("utf-8"))
        pytest.skip("re-recorded tests/golden/")
    changed = sorted(
        name
        for name, output in outputs.items()
        if not _recorded(name).is_file() or _recorded(name).read_bytes() != output.encode("utf-8")
    )
    assert not changed, f"output changed for: {', '.join(changed)} (make golden re-records; review its diff)"
    recorded = sorted(str(path.relative_to(GOLDEN).with_suffix("")) for path in GOLDEN.rglob("*.txt"))
    assert recorded == sorted(outputs), "tests/golden/ has outputs no case makes: make golden"
