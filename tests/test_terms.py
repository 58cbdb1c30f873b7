"""One term order and one meaning of "not started" (terms.py), used by check --baseline,
compare, portfolio and the trust's CI script."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import ROOT, Write, answers_yaml
from implcheck import terms
from implcheck.cli import app

runner = CliRunner()
SCRIPT = ROOT / "examples" / "trust" / "scripts" / "recheck.sh"


@pytest.mark.parametrize(
    ("names", "dates"),
    [
        # by name in school-year order, whatever the dates say (init --from dates a file today)
        (["2026-autumn", "2027-spring", "2027-summer", "2027-autumn"], ["2026-12-04", "2026-12-04", "", "2020-01-01"]),
        (["Autumn 2026", "spring_2027", "Summer-2027"], ["", "", ""]),
        # a name with no season is placed by its date; a tie by name is broken by the date
        (["2026-spring", "Year 1 review", "2026-autumn"], ["2026-03-01", "2026-06-30", "2026-11-01"]),
        (["2026-autumn", "2026-autumn"], ["2026-10-01", "2026-11-20"]),
        (["2026-autumn", "no date, no season"], ["2026-11-20", ""]),
    ],
)
def test_terms_sort_by_name_then_date(names: list[str], dates: list[str]) -> None:
    pairs = list(zip(names, dates, strict=True))
    given = pairs[::-1]  # the wrong way round, so sorting has something to do
    assert sorted(given, key=lambda pair: terms.key(*pair)) == pairs


def test_the_ci_script_sorts_term_folders_as_implcheck_does(tmp_path: Path) -> None:
    names = ["2027-autumn", "2026-summer", "2027-spring", "2026-autumn", "2027-summer", "2026-spring"]
    for name in names:
        (tmp_path / name).mkdir()
    # the script's own sort, as it runs on the folders (see docs/ci.md)
    shell = (
        "for t in */; do t=${t%/}; printf '%s %s\\n' \"$(printf '%s' \"$t\" | "
        "sed 's/-spring$/-1/; s/-summer$/-2/; s/-autumn$/-3/')\" \"$t\"; done | sort | cut -d' ' -f2"
    )
    done = subprocess.run(["bash", "-c", shell], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert done.stdout.split() == sorted(names, key=terms.key)


def test_compare_and_baseline_refuse_the_later_term_first(write: Write) -> None:
    autumn = write("autumn.yaml", answers_yaml("  problem-specific: yes\n"))
    spring = write("spring.yaml", answers_yaml("  problem-specific: yes\n", term="2027-spring"))
    for args in (["compare", spring, autumn], ["check", autumn, "--baseline", spring]):
        result = runner.invoke(app, [str(a) for a in args])
        assert result.exit_code == 2
        assert result.stderr.endswith(
            "'2027-spring' (assessed on 2026-11-20) comes after '2026-autumn' (assessed on 2026-11-20). "
            "Give the earlier term first: terms are ordered by name (2026-autumn, 2027-spring, 2027-summer), "
            "then by assessed_on.\n"
        )


def test_a_term_with_nothing_answered_is_not_started_not_a_regression(write: Write) -> None:
    autumn = write("autumn.yaml", answers_yaml("  problem-specific: yes\n  owner-named: yes\n"))
    blank = write("summer.yaml", answers_yaml("", term="2027-summer"))
    shown = runner.invoke(app, ["check", str(blank), "--baseline", str(autumn), "--fail-on", "never"])
    assert shown.exit_code == 0
    assert shown.stdout.endswith(
        "\nSince 2026-autumn: Ready with conditions 100/100 → Not ready 0/100\n"
        "? 2027-summer has not started: nothing is answered yet.\n"
    )
    compared = runner.invoke(app, ["compare", str(autumn), str(blank)])
    assert "? 2027-summer has not started: nothing is answered yet.\n" in compared.stdout
    assert "Readiness regressed" not in compared.stdout
    data = json.loads(runner.invoke(app, ["compare", str(autumn), str(blank), "-f", "json"]).stdout)
    assert (data["started"], data["regression"], data["regressions"]) == (False, False, [])


def test_not_started_in_markdown_junit_and_the_portfolio(write: Write, tmp_path: Path) -> None:
    autumn = write("2026-autumn/a.yaml", answers_yaml("  problem-specific: yes\n  owner-named: yes\n"))
    blank = write("2027-summer/a.yaml", answers_yaml("", term="2027-summer"))
    markdown = runner.invoke(app, ["check", str(blank), "--baseline", str(autumn), "-f", "md"]).stdout
    assert markdown.endswith("\n\n2027-summer has not started: nothing is answered yet.\n")
    junit = runner.invoke(app, ["check", str(blank), "--baseline", str(autumn), "-f", "junit"]).stdout
    case = '<testcase classname="Since 2026-autumn" name="Not compared with 2026-autumn: nothing is answered yet"/>'
    assert case in junit
    shown = runner.invoke(app, ["portfolio", str(autumn.parents[1]), "-f", "json"])
    [group] = json.loads(shown.stdout)["groups"]
    assert [(t["term"], t["started"], t["regressed"]) for t in group["terms"]] == [
        ("2026-autumn", True, False),
        ("2027-summer", False, False),
    ]
    assert group["regression"] is None  # one started term: nothing to compare yet
    text = runner.invoke(app, ["portfolio", str(autumn.parents[1])]).stdout
    assert "Latest term: 1 ready with conditions." in text
    assert [line.split()[-2:] for line in text.splitlines()[-2:]] == [["first", "term"], ["not", "started"]]
    assert "Not started" in text.splitlines()[-1]


def test_the_reports_since_last_term_says_not_started(write: Write) -> None:
    autumn = write("2026-autumn/a.yaml", answers_yaml("  problem-specific: yes\n  owner-named: yes\n"))
    blank = write("2027-summer/a.yaml", answers_yaml("", term="2027-summer"))
    for fmt, shown in (("md", "**2027-summer has not started: nothing is answered yet.**"), ("html", None)):
        out = runner.invoke(app, ["report", str(blank), "--baseline", str(autumn), "-f", fmt, "-o", "-"]).stdout
        assert (shown or "<p><strong>2027-summer has not started: nothing is answered yet.</strong></p>") in out
        assert "not gone backwards" not in out
