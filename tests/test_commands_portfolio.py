"""``implcheck portfolio`` end to end: every format, the gates, and bad files never hiding the rest."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import MINI
from implcheck import portfolio
from implcheck.cli import app
from implcheck.commands import portfolio as portfolio_cmd
from implcheck.present import portfolio_rich
from implcheck.present.portfolio import render_csv
from test_portfolio import ALL_YES, AUTUMN, SLIPPED, SPRING, answers, put

runner = CliRunner()
ALLOWED = (MINI.parent,)  # the answers name "mini.yaml", which is in the test fixtures' folder
FORMATS = ("text", "json", "markdown", "csv", "html")
TABLE = (
    "School            Initiative          Checklist  Term         Assessed on  Verdict    Score  Confidence  "
    "Respondents  Disagreements  Overdue actions  Expired risks  Since the previous term\n"
    "Oakfield Primary  Pobble for writing  mini       2026-spring  2026-03-20   Ready      100    100%        "
    "1            0              0                0              first term\n"
    "Oakfield Primary  Pobble for writing  mini       2026-autumn  2026-11-20   Not ready  56     88%         "
    "2            1              0                0              regressed, score -44\n"
    "Castle Brook      Pobble for writing  mini       2026-autumn  2026-11-20   Ready      100    100%        "
    "1            0              0                0              first term\n"
)


def invoke(*args: str | Path):  # type: ignore[no-untyped-def]
    allow = ["--checklist-dir", str(MINI.parent)]
    return runner.invoke(app, ["portfolio", *allow, *(str(a) for a in args)], prog_name="implcheck")


@pytest.fixture
def trust(tmp_path: Path) -> Path:
    """Oakfield slipped from spring to autumn (two respondents in autumn); Castle Brook is ready."""
    root = tmp_path / "trust"
    put(root, "oakfield/spring/lead.yaml", answers(term=SPRING))
    put(root, "oakfield/autumn/lead.yaml", answers(term=AUTUMN, given=SLIPPED))
    put(
        root,
        "oakfield/autumn/teacher.yaml",
        answers(term=AUTUMN, role="teacher", given={**SLIPPED, "training-planned": "partly"}),
    )
    put(root, "castle/autumn/lead.yaml", answers("Castle Brook", term=AUTUMN))
    return root


def test_text_when_piped_is_plain_columns_worst_first(trust: Path) -> None:
    result = invoke(trust)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "2 implementations in 2 schools, from 4 answers files.\n"
        "Latest term: 1 not ready, 1 ready. 1 regressed since the previous term.\n"
        "Confidence is the share of questions answered and agreed on: a question respondents disagree on counts half.\n"
        "\n"
        "Regressed since the previous term:\n"
        "  Oakfield Primary · Pobble for writing (mini), 2026-spring to 2026-autumn:\n"
        "    - The verdict fell from ready to not ready.\n"
        "    - The score fell by 43.8 points, from 100 to 56.2 (more than the 5 allowed).\n"
        "\n" + TABLE
    )


def test_json_has_groups_terms_oldest_first_regression_and_problems(trust: Path) -> None:
    data = json.loads(invoke(trust, "--format", "json").stdout)
    oakfield = data["groups"][0]
    assert {k: oakfield[k] for k in ("school", "initiative", "checklist")} == {
        "school": "Oakfield Primary",
        "initiative": "Pobble for writing",
        "checklist": "mini",
    }
    assert [
        {k: t[k] for k in ("term", "assessed_on", "verdict", "score", "confidence", "respondents")}
        for t in oakfield["terms"]
    ] == [
        {
            "term": "2026-spring",
            "assessed_on": "2026-03-20",
            "verdict": "ready",
            "score": 100.0,
            "confidence": 1.0,
            "respondents": 1,
        },
        {
            "term": "2026-autumn",
            "assessed_on": "2026-11-20",
            "verdict": "not_ready",
            "score": 56.2,
            "confidence": 0.875,  # the two respondents disagree on 1 of the 4 items
            "respondents": 2,
        },
    ]
    assert oakfield["regression"] == {
        "regressed": True,
        "from_term": "2026-spring",
        "to_term": "2026-autumn",
        "score_change": -43.8,
        "reasons": [
            "The verdict fell from ready to not ready.",
            "The score fell by 43.8 points, from 100 to 56.2 (more than the 5 allowed).",
        ],
    }
    assert data["groups"][1]["regression"] is None  # one term: nothing to compare
    assert (data["files"], data["schools"], data["problems"]) == (4, 2, [])


def test_markdown_is_a_table_with_user_text_escaped(tmp_path: Path) -> None:
    put(tmp_path, "a.yaml", answers("St *Mary's* | Juniors"))
    out = invoke(tmp_path, "-f", "markdown").stdout
    assert out.startswith("# Portfolio\n\n1 implementation in 1 school, from 1 answers file.\n")
    assert "| St \\*Mary's\\* \\| Juniors | Pobble for writing | mini | 2026-autumn |" in out


def test_csv_is_one_row_per_group_and_term_and_safe_in_a_spreadsheet(tmp_path: Path) -> None:
    put(tmp_path, "a.yaml", answers('=HYPERLINK("http://x")', term=SPRING))
    put(tmp_path, "b.yaml", answers('=HYPERLINK("http://x")', term=AUTUMN, given=SLIPPED))
    out = invoke(tmp_path, "-f", "csv").stdout
    assert out.startswith("\ufeffschool,initiative,checklist,checklist version,term,assessed on,verdict,")
    assert (
        render_csv(portfolio.build([tmp_path], checklist_dirs=ALLOWED)).count("\r\n") == 3
    )  # Excel's line ends (the runner folds them)
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [row[0] for row in rows[1:]] == ['\'=HYPERLINK("http://x")'] * 2
    assert [row[4:8] + row[13:15] for row in rows[1:]] == [
        ["2026-spring", "2026-03-20", "Ready", "100", "", "no"],
        ["2026-autumn", "2026-11-20", "Not ready", "62.5", "-37.5", "yes"],
    ]


def test_html_is_one_self_contained_accessible_page(trust: Path) -> None:
    page = invoke(trust, "-f", "html").stdout
    assert page.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert not re.search(r"<script|<link|<img|@import|url\(|src=", page)
    assert page.index("Regressed since the previous term") < page.index("Every implementation, worst first")
    assert page.count('<svg class="trend" role="img"') == 2
    assert 'aria-label="Score out of 100 by term: 2026-spring 100, 2026-autumn 56."' in page
    assert "@media print" in page


def test_html_escapes_user_text(tmp_path: Path) -> None:
    put(tmp_path, "a.yaml", answers("<script>alert(1)</script>"))
    page = invoke(tmp_path, "-f", "html").stdout
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_the_same_with_a_pool(trust: Path, fmt: str) -> None:
    assert invoke(trust, "-f", fmt, "--jobs", "2").stdout == invoke(trust, "-f", fmt).stdout


@pytest.mark.parametrize(
    ("args", "code", "stderr"),
    [
        ((), 0, ""),
        (("--fail-on", "never"), 0, ""),
        (
            ("--fail-on", "not_ready"),
            1,
            "gate failed: 1 of 2 implementations are not ready in their latest term (--fail-on)\n",
        ),
        (
            ("--fail-on-regression",),
            1,
            "gate failed: 1 implementation regressed since the previous term (--fail-on-regression)\n",
        ),
        (("--fail-on-regression", "--max-drop", "50"), 1, ""),
    ],
)
def test_gates(trust: Path, args: tuple[str, ...], code: int, stderr: str) -> None:
    result = invoke(trust, *args)
    assert result.exit_code == code
    if stderr:
        assert result.stderr == stderr


def test_bad_files_are_listed_and_exit_2_after_every_good_group(trust: Path) -> None:
    broken = put(trust, "zeta/autumn/lead.yaml", "checklist: mini\ncontext: [\n")
    unknown = put(trust, "zeta/autumn/teacher.yaml", answers(checklist="no-such-list"))
    result = invoke(trust, "--fail-on", "not_ready")
    assert result.exit_code == 2
    assert result.stdout.endswith(TABLE)
    assert result.stderr == (
        f"{broken}:3:1: malformed YAML: did not find expected node content (yaml-syntax)\n"
        f"{unknown}:1:12: unknown checklist 'no-such-list'; use a shipped id (edtech-readiness, termly-recheck) "
        "or a path to a checklist file (unknown-checklist)\n"
        "gate failed: 1 of 2 implementations are not ready in their latest term (--fail-on)\n"
        "implcheck: 2 problems in 2 files; every other file is in the figures above\n"
    )
    assert json.loads(invoke(trust, "-f", "json").stdout)["problems"] == result.stderr.splitlines()[:2]


def test_verbose_lists_what_was_skipped(trust: Path) -> None:
    put(trust, "README.md", "# notes\n")
    put(trust, "ci.yaml", "on: push\n")
    result = invoke(trust, "--verbose")
    assert result.exit_code == 0
    assert result.stderr == (
        f"skipped {trust / 'README.md'}: not a YAML file\n"
        f"skipped {trust / 'ci.yaml'}: not an answers file (no 'checklist' or 'answers')\n"
    )


def test_output_goes_to_a_file(trust: Path, tmp_path: Path) -> None:
    target = tmp_path / "dashboard.html"
    result = invoke(trust, "-f", "html", "-o", target)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"implcheck: wrote {target} (html; 2 implementations)\n"
    assert target.read_text(encoding="utf-8") == invoke(trust, "-f", "html").stdout


def test_output_never_overwrites_an_answers_file(trust: Path) -> None:
    victim = trust / "castle/autumn/lead.yaml"
    before = victim.read_text(encoding="utf-8")
    result = invoke(trust, "-o", victim)
    assert result.exit_code == 2
    assert victim.read_text(encoding="utf-8") == before


def test_no_answers_files_is_an_error(tmp_path: Path) -> None:
    put(tmp_path, "notes.txt", "hello\n")
    result = invoke(tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        "implcheck: error: no answers files found in the folders given (--verbose lists what was skipped)\n"
    )


def test_a_missing_folder_is_a_usage_error() -> None:
    result = invoke("no-such-folder")
    assert result.exit_code == 2
    assert result.stderr == (
        "implcheck: error: no-such-folder: does not exist; give the folders that hold the schools' answers files\n"
    )


def test_the_rich_table_is_for_a_terminal(trust: Path) -> None:
    shown = portfolio_cmd.run([trust], portfolio_cmd.Options(terminal=True, width=200, checklist_dirs=ALLOWED))
    assert shown.stdout == portfolio_rich.render(portfolio.build([trust], checklist_dirs=ALLOWED), width=200)
    out = portfolio_rich.render(portfolio.build([trust], checklist_dirs=ALLOWED), color=False, width=200)
    assert "✗ Not ready" in out
    assert "Regressed since the previous term" in out
    assert out.splitlines()[0] == "2 implementations in 2 schools, from 4 answers files."
    assert ALL_YES  # the fixture's answers, kept in one place (test_portfolio.py)


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_file_can_put_a_terminal_escape_in_any_format(tmp_path: Path, fmt: str) -> None:
    put(tmp_path, "a.yaml", answers('"Oak\\e[2J\\u202eField"'))
    out = invoke(tmp_path, "-f", fmt).stdout
    assert "Field" in out
    assert "\x1b" not in out
    assert "\u202e" not in out or fmt == "html"  # HTML isolates bidi text in <bdi> instead
