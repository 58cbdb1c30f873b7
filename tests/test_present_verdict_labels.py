"""A checklist's own words for its verdicts (``verdict_labels:``): the termly re-check says "on
track", "on track with conditions" and "off track" wherever a person reads the verdict, while the
JSON and junit keep the values scripts read (``ready``, ``ready_with_conditions``, ``not_ready``)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner, Result

from helpers import ROOT
from implcheck.cli import app
from implcheck.commands import check as check_cmd
from implcheck.load import load_checklist
from implcheck.present import CheckFormat, ShowFormat, render_checklist

TRAP = ROOT / "examples" / "termly-recheck" / "trap.yaml"
STRONG = ROOT / "examples" / "termly-recheck" / "strong.yaml"


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], env={"NO_COLOR": "1", "COLUMNS": "200"})


def check(path: Path, fmt: CheckFormat) -> str:
    return check_cmd.run([path], fmt, check_cmd.FailOn.NEVER).stdout


def test_termly_recheck_names_its_verdicts() -> None:
    checklist = load_checklist(ROOT / "checklists" / "termly-recheck.yaml")
    assert checklist.verdict_labels == {
        "ready": "On track",
        "ready_with_conditions": "On track with conditions",
        "not_ready": "Off track",
    }
    assert (
        "Verdicts are called: on track (ready), on track with conditions (ready with conditions), off track\n"
        "(not ready).\n" in render_checklist(checklist, ShowFormat.TEXT)
    )
    edtech = load_checklist(ROOT / "checklists" / "edtech-readiness.yaml")
    assert "Verdicts are called" not in render_checklist(edtech, ShowFormat.TEXT)


def test_text_markdown_and_github_use_the_checklists_words() -> None:
    assert "✗ OFF TRACK   score 5/100   confidence 89%\n" in check(TRAP, CheckFormat.TEXT)
    assert "✓ ON TRACK   score 96/100" in check(STRONG, CheckFormat.TEXT)
    assert " • The score, 5, is below 60, the bar for on track with conditions.\n" in check(TRAP, CheckFormat.TEXT)
    assert "**Verdict: Off track** · score 5/100" in check(TRAP, CheckFormat.MARKDOWN)
    assert check(STRONG, CheckFormat.GITHUB).endswith(
        "::Oakfield Primary · Pobble for writing · 2027-spring: On track, score 96/100, "
        "confidence 100%25: share of questions answered and agreed on (47 of 47 answered)\n"
    )


def test_json_keeps_the_verdict_values_and_junit_uses_the_words() -> None:
    assert json.loads(check(TRAP, CheckFormat.JSON))["verdict"] == "not_ready"
    assert "Off track" not in check(TRAP, CheckFormat.JSON)
    junit = check(TRAP, CheckFormat.JUNIT)  # read by people, in a CI server's test view (issue 20)
    assert '<property name="verdict" value="Off track"/>' in junit and "not_ready" not in junit


def test_portfolio_shows_each_checklists_words_and_counts_by_them() -> None:
    result = invoke("portfolio", ROOT / "examples" / "termly-recheck", ROOT / "examples" / "edtech-readiness")
    assert "Latest term: 1 not ready, 1 off track, 1 on track, 1 ready. 0 regressed since the previous term.\n" in (
        result.stdout
    )
    assert "  Off track  5  " in result.stdout
    html = invoke("portfolio", ROOT / "examples" / "termly-recheck", "--format", "html").stdout
    assert '<span aria-hidden="true">✗ </span>Off track</td>' in html


def test_the_report_says_the_checklists_words_and_explains_them() -> None:
    pair = [ROOT / "examples" / "respondents" / "leader.yaml", ROOT / "examples" / "respondents" / "teacher.yaml"]
    text = invoke("report", *pair, "--format", "md").stdout
    assert "### ⛔ Verdict: Off track\n\nIt is not going as planned: some gaps need action now.\n" in text
    assert (
        "- **Verdict**: The report's answer in one phrase: on track, on track with conditions, or off track. "
        "These are this checklist's words for ready, ready with conditions and not ready."
    ) in text
    html = invoke("report", *pair, "--format", "html").stdout
    assert '<p class="verdict-label">Verdict: Off track</p>' in html
