"""lint.py: design faults a checklist author should hear about, found with the real scorer."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from helpers import MINI, ROOT
from implcheck.errors import ProblemRule
from implcheck.lint import hidden_dealbreakers
from implcheck.load import load_checklist
from implcheck.model import Checklist, Thresholds

SHIPPED = sorted((ROOT / "checklists").glob("*.yaml"))


def test_an_item_alone_in_its_failure_mode_is_a_hidden_dealbreaker() -> None:
    findings = hidden_dealbreakers(load_checklist(MINI))
    assert [(f.rule, f.item_id) for f in findings] == [
        (ProblemRule.HIDDEN_DEALBREAKER, "owner-named"),
        (ProblemRule.HIDDEN_DEALBREAKER, "single-sign-on"),
        (ProblemRule.HIDDEN_DEALBREAKER, "training-planned"),
    ]
    assert "failure mode no-owner scores 0, under the floor of 40" in findings[0].message


def test_critical_items_are_never_reported() -> None:
    findings = hidden_dealbreakers(load_checklist(MINI))
    assert "problem-specific" not in {f.item_id for f in findings}


def test_no_floor_means_no_hidden_dealbreakers() -> None:
    mini = load_checklist(MINI)
    lenient: Checklist = replace(mini, thresholds=Thresholds(ready=0, conditions=0, floor=0))
    assert hidden_dealbreakers(lenient) == ()


def test_a_low_overall_score_is_reported_when_no_area_is_under_the_floor() -> None:
    mini = load_checklist(MINI)
    strict: Checklist = replace(mini, thresholds=Thresholds(ready=100, conditions=95, floor=0))
    messages = [f.message for f in hidden_dealbreakers(strict)]
    assert len(messages) == 3
    assert "(the score falls to 75)" in messages[0]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_no_single_non_critical_no_among_all_yes_gives_not_ready_in_a_shipped_checklist(path: Path) -> None:
    assert hidden_dealbreakers(load_checklist(path)) == ()
