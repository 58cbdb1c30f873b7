"""``validate``'s formats: the same problems as text, JSON and GitHub workflow annotations."""

from __future__ import annotations

import json

from implcheck.errors import Level, Problem, ProblemRule
from implcheck.present.problems import Checked, render_github, render_json, render_text

TWO = Checked(
    files=3,
    bad_files=1,
    problems=(
        Problem(
            "a.yaml", 9, 16, "answer must be one of yes, partly, no, unknown, na; got 'maybe'", ProblemRule.BAD_VALUE
        ),
        Problem("a.yaml", 10, 3, "unknown item id 'x'", ProblemRule.UNKNOWN_ITEM),
    ),
)
VALID = Checked(files=2, bad_files=0, problems=())
LATE = "'x' has evidence dated 2026-12-01, after the assessment (2026-11-20)"
WARNED = Checked(1, 0, (), (Problem("a.yaml", 9, 40, LATE, ProblemRule.DATE_AFTER_ASSESSMENT, Level.WARNING),))


def test_text_is_one_located_line_per_problem() -> None:
    assert render_text(TWO) == (
        "a.yaml:9:16: answer must be one of yes, partly, no, unknown, na; got 'maybe' (bad-value)\n"
        "a.yaml:10:3: unknown item id 'x' (unknown-item)\n"
    )
    assert render_text(VALID) == "2 files valid\n"
    warned = f"a.yaml:9:40: warning: {LATE} (date-after-assessment)\n1 file valid, 1 warning\n"
    assert render_text(WARNED) == warned
    assert (TWO.summary, VALID.summary) == ("2 problems in 1 of 3 files", "2 files valid")


def test_json_lists_every_field() -> None:
    assert json.loads(render_json(TWO)) == {
        "valid": False,
        "files": 3,
        "files_with_problems": 1,
        "problems": [
            {
                "path": "a.yaml",
                "line": 9,
                "col": 16,
                "message": "answer must be one of yes, partly, no, unknown, na; got 'maybe'",
                "rule": "bad-value",
                "level": "error",
            },
            {
                "path": "a.yaml",
                "line": 10,
                "col": 3,
                "message": "unknown item id 'x'",
                "rule": "unknown-item",
                "level": "error",
            },
        ],
        "warnings": [],
    }
    assert json.loads(render_json(VALID)) == {
        "valid": True,
        "files": 2,
        "files_with_problems": 0,
        "problems": [],
        "warnings": [],
    }
    assert json.loads(render_json(WARNED))["valid"] is True
    assert [w["rule"] for w in json.loads(render_json(WARNED))["warnings"]] == ["date-after-assessment"]


def test_github_annotates_each_problem_at_its_line() -> None:
    assert render_github(TWO) == (
        "::error file=a.yaml,line=9,col=16,title=implcheck validate::"
        "answer must be one of yes, partly, no, unknown, na; got 'maybe' (bad-value)\n"
        "::error file=a.yaml,line=10,col=3,title=implcheck validate::unknown item id 'x' (unknown-item)\n"
    )
    assert render_github(VALID) == "2 files valid\n"
    assert render_github(WARNED) == (
        f"::warning file=a.yaml,line=9,col=40,title=implcheck validate::{LATE} (date-after-assessment)\n"
        "1 file valid, 1 warning\n"
    )


def test_github_cannot_be_forged_by_a_file_name_or_value() -> None:
    hostile = Checked(1, 1, (Problem("a,b:c%.yaml", 1, 1, "got '50%\n::error::forged\x1b[2J'", ProblemRule.BAD_VALUE),))
    assert render_github(hostile) == (
        "::error file=a%2Cb%3Ac%25.yaml,line=1,col=1,title=implcheck validate::"
        "got '50%25\\n::error::forged\\x1b[2J' (bad-value)\n"
    )
    assert "\x1b" not in render_json(hostile)
