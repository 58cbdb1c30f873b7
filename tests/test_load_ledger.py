"""``actions:`` and ``accepted_risks:`` in an answers file: what is allowed, located word for word."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import MINI, answers_yaml
from implcheck.cli import app
from implcheck.errors import InputError, ProblemRule
from implcheck.load import checklist_from_document
from implcheck.yamlsource import Document, load_document
from test_cli import Write

runner = CliRunner()
ANSWERS = "  problem-specific: no\n  owner-named: yes\n  single-sign-on: yes\n  training-planned: yes\n"


def check(path: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["check", str(path), *args], prog_name="implcheck")


def test_every_ledger_problem_is_located(write: Write) -> None:
    path = write(
        "a.yaml",
        answers_yaml(ANSWERS)
        + "actions:\n"
        + "  - {item: owner-nmaed, owner: J. Patel, due: 2026-13-01, status: pending}\n"
        + "  - {item: owner-named, due: 2026-12-01, status: open}\n"
        + "accepted_risks:\n"
        + "  - item: problem-specific\n"
        + "    reason: The MIS switch\n"
        + "    approved_by: Full governing body\n"
        + "    approved_on: 2026-11-12\n"
        + "    expires: 2027-11-13\n"
        + "  - {item: single-sign-on, reason: x, approved_by: y, approved_on: 2026-11-12, expires: 2026-11-01}\n"
        + "  - {item: training-planned}\n",
    )
    result = check(path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{path}:14:12: unknown item id 'owner-nmaed' (did you mean 'owner-named'?); "
        "see `implcheck show checklists/mini.yaml` for the item ids (unknown-item)\n"
        f"{path}:14:47: 'due' must be a date written YYYY-MM-DD, got '2026-13-01' (bad-date)\n"
        f"{path}:14:67: 'status' must be one of open, done, dropped; got 'pending' (bad-value)\n"
        f"{path}:15:5: missing required key 'owner' (missing-key)\n"
        f"{path}:21:14: 'expires' must be at most a year after 'approved_on' (2026-11-12), so 2027-11-12 or "
        "earlier; got 2027-11-13. Governors can accept the risk again when it runs out (risk-expiry)\n"
        f"{path}:22:89: 'expires' (2026-11-01) must not be before 'approved_on' (2026-11-12) (risk-expiry)\n"
        f"{path}:23:5: missing required key 'approved_by' (missing-key)\n"
        f"{path}:23:5: missing required key 'approved_on' (missing-key)\n"
        f"{path}:23:5: missing required key 'expires' (missing-key)\n"
        f"{path}:23:5: missing required key 'reason' (missing-key)\n"
    )


def test_the_lists_need_assessed_on(write: Write) -> None:
    text = answers_yaml(ANSWERS).replace("  assessed_on: 2026-11-20\n", "")
    path = write("a.yaml", text + "actions:\n  - {item: owner-named, owner: J. Patel, due: 2026-12-01, status: open}\n")
    result = check(path)
    assert (result.exit_code, result.stderr) == (
        2,
        f"{path}:12:1: 'actions' needs 'assessed_on' in 'context' (YYYY-MM-DD): its dates are judged against it "
        "(needs-assessed-on)\n",
    )


def test_a_risk_accepted_for_exactly_a_year_is_allowed_and_lifts_the_block(write: Write) -> None:
    risk = (
        "accepted_risks:\n  - {item: problem-specific, reason: The MIS switch, approved_by: Full governing body,"
        " approved_on: 2026-11-12, expires: 2027-11-12}\n"
    )
    result = check(write("a.yaml", answers_yaml(ANSWERS) + risk), "--fail-on", "ready_with_conditions")
    assert result.exit_code == 1
    assert "! READY WITH CONDITIONS" in result.stdout
    assert "1 gap accepted as a risk: “Is there a specific problem?” until 2027-11-12" in result.stdout


def test_overdue_actions_show_in_check(write: Write) -> None:
    action = "actions:\n  - {item: problem-specific, owner: J. Patel, due: 2026-11-01, status: open, note: Chased}\n"
    result = check(write("a.yaml", answers_yaml(ANSWERS) + action), "--fail-on", "never")
    assert (
        "\nOverdue actions (1)\n • J. Patel, due 2026-11-01: Name the problem. (“Is there a specific problem?”)\n"
        in (result.stdout)
    )


def test_a_required_date_may_not_be_blank(write: Write) -> None:
    action = 'actions:\n  - {item: owner-named, owner: J. Patel, due: "", status: open}\n'
    path = write("a.yaml", answers_yaml(ANSWERS) + action)
    result = check(path)
    assert (result.exit_code, result.stderr) == (
        2,
        f"{path}:14:47: 'due' must be a date written YYYY-MM-DD, got '' (bad-date)\n",
    )


def test_a_checklist_sets_its_evidence_age_and_its_own_verdict_words() -> None:
    data = {
        **load_document(MINI).data,
        "thresholds": {"evidence_max_age_days": 180},
        "verdict_labels": {"ready": "On track", "not_ready": "Off track", "ready_with_conditions": None},
    }
    checklist = checklist_from_document(Document(MINI, data, {}))
    assert checklist.thresholds.evidence_max_age_days == 180
    assert checklist.verdict_labels == {"ready": "On track", "not_ready": "Off track"}


def test_verdict_words_must_be_a_mapping() -> None:
    data = {**load_document(MINI).data, "verdict_labels": ["On track"]}
    with pytest.raises(InputError) as caught:
        checklist_from_document(Document(MINI, data, {}))
    assert [(p.message, p.rule) for p in caught.value.problems] == [
        ("'verdict_labels' must be a mapping of keys to values, got a list", ProblemRule.BAD_TYPE)
    ]


def test_an_entry_that_is_not_a_mapping_is_located(write: Write) -> None:
    path = write("a.yaml", answers_yaml(ANSWERS) + "actions:\n  - just words\n")
    result = check(path)
    assert (result.exit_code, result.stderr) == (
        2,
        f"{path}:14:5: an action must be a mapping of keys to values, got 'just words' (bad-type)\n",
    )


def test_a_risk_approved_on_29_february_runs_to_28_february_at_most(write: Write) -> None:
    answers = answers_yaml(ANSWERS).replace("assessed_on: 2026-11-20", "assessed_on: 2028-03-01")
    risk = (
        "accepted_risks:\n  - {item: problem-specific, reason: The MIS switch, approved_by: Full governing body,"
        " approved_on: 2028-02-29, expires: 2029-03-01}\n"
    )
    path = write("a.yaml", answers + risk)
    result = check(path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{path}:14:122: 'expires' must be at most a year after 'approved_on' (2028-02-29), so 2029-02-28 or "
        "earlier; got 2029-03-01. Governors can accept the risk again when it runs out (risk-expiry)\n"
    )
