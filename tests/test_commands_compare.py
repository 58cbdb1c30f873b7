"""``implcheck compare`` end to end: what a trust's central team reads, and when it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from helpers import MINI, answers_yaml
from implcheck.cli import app
from test_cli import ALL_YES, Write

runner = CliRunner()
SLIPPED = "  problem-specific: partly\n  owner-named: no\n  single-sign-on: yes\n"


def invoke(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args], prog_name="implcheck")


def pair(write: Write, before: str = ALL_YES, after: str = SLIPPED, **after_context: str) -> tuple[Path, Path]:
    return (
        write("autumn.yaml", answers_yaml(before)),
        write("spring.yaml", answers_yaml(after, **{"term": "2027-spring", **after_context})),
    )


def test_compare_text_says_what_regressed_in_questions_and_exits_0(write: Write) -> None:
    result = invoke("compare", *pair(write))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Oakfield Primary · Pobble for writing\n"
        "Checklist mini 1.0\n"
        "\n"
        "             2026-autumn  2027-spring\n"
        "assessed on  2026-11-20   2026-11-20\n"
        "verdict      Ready        Not ready\n"
        "score        100/100      50/100\n"
        "confidence   100%         75%\n"
        "(confidence: share of questions answered and agreed on)\n"
        "\n"
        "✗ Readiness regressed since 2026-autumn:\n"
        " • The verdict fell from ready to not ready.\n"
        " • A critical question is worse: Is there a specific problem? (was yes, now partly).\n"
        " • The score fell by 50 points, from 100 to 50 (more than the 5 allowed).\n"
        "\n"
        "Worse (3):\n"
        " • Is there a specific problem? (yes → partly)\n"
        " • Is there a named senior owner? (yes → no)\n"
        " • Is follow-up training planned? (yes → unknown)\n"
        "\n"
        "New gaps (2):\n"
        " • Is there a specific problem? (yes → partly)\n"
        " • Is there a named senior owner? (yes → no)\n"
    )


def test_compare_the_other_way_shows_better_and_closed_gaps(write: Write) -> None:
    autumn, spring = pair(write, before=SLIPPED, after=ALL_YES)
    result = invoke("compare", autumn, spring)
    assert result.exit_code == 0
    assert "✓ No regression since 2026-autumn.\n" in result.stdout
    assert (
        "Better (3):\n"
        " • Is there a specific problem? (partly → yes)\n"
        " • Is there a named senior owner? (no → yes)\n"
        " • Is follow-up training planned? (unknown → yes)\n"
        "\n"
        "Closed gaps (2):\n"
    ) in result.stdout


def test_compare_json_has_the_documented_fields(write: Write) -> None:
    result = invoke("compare", "--format", "json", *pair(write))
    data = json.loads(result.stdout)
    assert list(data) == [
        "schema_version",
        "checklist",
        "school",
        "initiative",
        "before",
        "after",
        "items",
        "improved",
        "regressed",
        "new_gaps",
        "closed_gaps",
        "overdue_actions",
        "expired_risks",
        "regression",
        "started",
        "max_drop",
        "regressions",
        "retired",
    ]
    assert data["before"] == {
        "term": "2026-autumn",
        "assessed_on": "2026-11-20",
        "checklist_version": "1.0",
        "verdict": "ready",
        "score": 100.0,
        "confidence": 1.0,
        "files": [str(write("autumn.yaml", answers_yaml(ALL_YES)))],
    }
    assert data["items"][1] == {
        "id": "owner-named",
        "question": "Is there a named senior owner?",
        "critical": False,
        "before": "yes",
        "after": "no",
        "change": "regressed",
    }
    assert (data["regressed"], data["new_gaps"], data["closed_gaps"], data["improved"]) == (
        ["problem-specific", "owner-named", "training-planned"],
        ["problem-specific", "owner-named"],
        [],
        [],
    )
    assert data["regression"] is True
    assert [r["kind"] for r in data["regressions"]] == ["verdict", "critical-item", "score"]


def test_compare_markdown_escapes_user_text(write: Write) -> None:
    result = invoke("compare", "-f", "markdown", *pair(write, school="<b>Oak</b> | *x*"))
    assert result.exit_code == 2  # the schools differ...
    autumn = write("autumn.yaml", answers_yaml(ALL_YES, school="<b>Oak</b> | *x*"))
    spring = write("spring.yaml", answers_yaml(SLIPPED, school="<b>Oak</b> | *x*", term="2027-spring"))
    result = invoke("compare", "-f", "markdown", autumn, spring)
    assert result.stdout.startswith(
        "## &lt;b&gt;Oak&lt;/b&gt; \\| \\*x\\* · Pobble for writing: 2026-autumn to 2027-spring\n"
    )
    assert "| Is there a named senior owner? | yes | no |\n" in result.stdout


def test_compare_max_drop_is_the_score_allowance(write: Write) -> None:
    nearly = "  problem-specific: yes\n  owner-named: yes\n  single-sign-on: yes\n  training-planned: partly\n"
    assert "✓ No regression" in invoke("compare", "--max-drop", "7", *pair(write, after=nearly)).stdout
    result = invoke("compare", *pair(write, after=nearly))
    assert " • The score fell by 6.2 points, from 100 to 93.8 (more than the 5 allowed).\n" in result.stdout


def test_a_folder_side_combines_its_respondents(write: Write, tmp_path: Path) -> None:
    write("autumn/leader.yaml", answers_yaml(ALL_YES))
    write("autumn/teacher.yaml", answers_yaml(ALL_YES.replace("owner-named: yes", "owner-named: no"), role="teacher"))
    write("autumn/notes.txt", "not an answers file")
    result = invoke("compare", "-f", "json", tmp_path / "autumn", write("spring.yaml", answers_yaml(ALL_YES)))
    data = json.loads(result.stdout)
    assert len(data["before"]["files"]) == 2
    assert data["improved"] == ["owner-named"]


def test_sides_of_different_schools_exit_2_saying_what_differs(write: Write) -> None:
    autumn, spring = pair(write, school="Ashgrove Primary")
    result = invoke("compare", autumn, spring)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"implcheck: error: cannot compare {autumn} with {spring}: the school differs: "
        "'Oakfield Primary' before, 'Ashgrove Primary' after. "
        "Both sides must be the same school, initiative and checklist.\n"
    )


def test_sides_answering_different_checklists_exit_2(write: Write, tmp_path: Path) -> None:
    other = write("other.yaml", MINI.read_text(encoding="utf-8").replace("id: mini", "id: other-mini"))
    autumn, spring = pair(write)
    spring = write("spring.yaml", answers_yaml(SLIPPED, checklist=other.name, term="2027-spring"))
    result = invoke("compare", autumn, spring)
    assert result.exit_code == 2
    assert "the checklist differs: 'mini' before, 'other-mini' after." in result.stderr


def test_a_newer_checklist_version_is_allowed_and_reported(write: Write) -> None:
    newer = MINI.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "1.1"')
    newer = newer.replace("id: training-planned", "id: coaching-planned")
    checklist = write("mini-1.1.yaml", newer)
    autumn, spring = pair(write)
    spring = write("spring.yaml", answers_yaml(ALL_YES.replace("training", "coaching"), checklist=checklist.name))
    result = invoke("compare", autumn, spring)
    assert result.exit_code == 0
    assert "Checklist mini 1.1\nThe checklist changed from version 1.0 to 1.1: 1 question added, 1 removed.\n" in (
        result.stdout
    )
    markdown = invoke("compare", autumn, spring, "--format", "md").stdout
    assert "\n\nThe checklist changed from version 1.0 to 1.1: 1 question added, 1 removed.\n\n" in markdown


def test_an_empty_folder_or_a_bad_file_exits_2(write: Write, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    autumn, _ = pair(write)
    result = invoke("compare", autumn, tmp_path / "empty")
    assert (result.exit_code, result.stderr) == (
        2,
        f"implcheck: error: {tmp_path / 'empty'}: no answers files (*.yaml) in this folder\n",
    )
    bad = write("bad.yaml", answers_yaml("  owner-named: maybe\n"))
    result = invoke("compare", autumn, bad)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:9:16: answer must be one of yes, partly, no, unknown, na; got 'maybe'")


def test_compare_is_byte_identical_across_runs(write: Write) -> None:
    sides = pair(write)
    for fmt in ("text", "json", "markdown"):
        assert invoke("compare", "-f", fmt, *sides).stdout == invoke("compare", "-f", fmt, *sides).stdout


def test_compare_json_matches_its_schema(write: Write) -> None:
    result = invoke("compare", "--format", "json", *pair(write))
    jsonschema.validate(json.loads(result.stdout), json.loads(invoke("schema", "compare").stdout))


# --- check --baseline: the regression gate -------------------------------------------------


def test_check_baseline_fails_on_regression_even_when_fail_on_passes(write: Write) -> None:
    autumn, spring = pair(write)
    result = invoke("check", spring, "--baseline", autumn, "--fail-on", "never")
    assert result.exit_code == 1
    assert result.stdout.endswith(
        "\nSince 2026-autumn: Ready 100/100 → Not ready 50/100\n"
        "✗ Readiness regressed:\n"
        " • The verdict fell from ready to not ready.\n"
        " • A critical question is worse: Is there a specific problem? (was yes, now partly).\n"
        " • The score fell by 50 points, from 100 to 50 (more than the 5 allowed).\n"
    )
    assert result.stderr == (
        "gate failed: readiness regressed since 2026-autumn: The verdict fell from ready to not ready.\n"
        "gate failed: readiness regressed since 2026-autumn: A critical question is worse: "
        "Is there a specific problem? (was yes, now partly).\n"
        "gate failed: readiness regressed since 2026-autumn: The score fell by 50 points, from 100 to 50 "
        "(more than the 5 allowed).\n"
    )


def test_check_baseline_without_regression_keeps_the_usual_exit_code(write: Write) -> None:
    autumn, spring = pair(write, before=SLIPPED, after=ALL_YES)
    better = invoke("check", spring, "--baseline", autumn)
    assert (better.exit_code, better.stderr) == (0, "")
    assert better.stdout.endswith("\nSince 2026-autumn: Not ready 50/100 → Ready 100/100\n✓ No regression.\n")
    # Not ready both terms and no worse: the --fail-on gate alone decides.
    same = invoke("check", autumn, "--baseline", autumn)
    gate = "gate failed: the verdict is not ready, and --fail-on fails not ready\n"
    assert (same.exit_code, same.stderr) == (1, gate)


def test_check_baseline_max_drop(write: Write) -> None:
    nearly = "  problem-specific: yes\n  owner-named: yes\n  single-sign-on: yes\n  training-planned: partly\n"
    autumn, spring = pair(write, after=nearly)
    assert invoke("check", spring, "--baseline", autumn).exit_code == 1
    assert invoke("check", spring, "--baseline", autumn, "--max-drop", "6.5").exit_code == 0


def test_check_baseline_markdown_and_json(write: Write) -> None:
    autumn, spring = pair(write)
    markdown = invoke("check", spring, "--baseline", autumn, "-f", "markdown").stdout
    assert (
        "?\n\n### Since 2026-autumn\n\nReady 100/100 → Not ready 50/100\n\n**Readiness regressed:**\n\n- The verdict"
        in (markdown)
    )
    result = invoke("check", spring, "--baseline", autumn, "-f", "json")
    assert json.loads(result.stdout)["verdict"] == "not_ready"  # the JSON is still the result alone
    assert result.exit_code == 1
    autumn, spring = pair(write, before=SLIPPED, after=ALL_YES)
    better = invoke("check", spring, "--baseline", autumn, "-f", "markdown").stdout
    assert better.endswith("\n\n### Since 2026-autumn\n\nNot ready 50/100 → Ready 100/100\n\nNo regression.\n")


def test_check_baseline_of_another_school_exits_2(write: Write, tmp_path: Path) -> None:
    autumn, spring = pair(write, school="Ashgrove Primary")
    result = invoke("check", spring, "--baseline", autumn)
    assert result.exit_code == 2
    assert result.stderr == (
        f"implcheck: error: cannot compare {autumn} with {spring}: the school differs: "
        "'Oakfield Primary' before, 'Ashgrove Primary' after. "
        "Both sides must be the same school, initiative and checklist.\n"
    )
    missing = invoke("check", spring, "--baseline", tmp_path / "nowhere.yaml")
    assert missing.exit_code == 2


# --- report --baseline: "Since last term" ---------------------------------------------------


def test_report_markdown_since_last_term_in_questions(write: Write) -> None:
    autumn, spring = pair(write)
    result = invoke("report", spring, "--baseline", autumn, "-f", "md")
    assert result.exit_code == 0
    section = result.stdout.split("## Since last term\n")[1].split("## How the verdict was reached")[0]
    assert section == (
        "\n"
        "Compared with 2026-autumn (assessed on 2026-11-20).\n"
        "\n"
        "| | 2026-autumn | 2027-spring |\n"
        "| --- | --- | --- |\n"
        "| Verdict | Ready | Not ready |\n"
        "| Score | 100/100 | 50/100 |\n"
        "\n"
        "**Readiness has gone backwards since last term:**\n"
        "\n"
        "- The verdict fell from ready to not ready.\n"
        "- A critical question is worse: Is there a specific problem? (was yes, now partly).\n"
        "- The score fell by 50 points, from 100 to 50 (more than the 5 allowed).\n"
        "\n"
        "### Worse (3)\n"
        "\n"
        "| Question | 2026-autumn | 2027-spring |\n"
        "| --- | --- | --- |\n"
        "| **CRITICAL** · Is there a specific problem? | Yes | Partly |\n"
        "| Is there a named senior owner? | Yes | No |\n"
        "| Is follow-up training planned? | Yes | Not known |\n"
        "\n"
        "### Better (0)\n"
        "\n"
        "Nothing got better.\n"
        "\n"
    )
    assert result.stdout.index("### Top risks") < result.stdout.index("## Since last term")


def test_report_html_since_last_term(write: Write) -> None:
    autumn, spring = pair(write, before=SLIPPED, after=ALL_YES)
    html = invoke("report", spring, "--baseline", autumn).stdout
    assert '<h2 id="since">Since last term</h2>\n<p>Compared with 2026-autumn (assessed on 2026-11-20).</p>' in html
    assert "<p><strong>Readiness has not gone backwards since last term.</strong></p>" in html
    assert (
        '<tr><td><span class="tag sev-critical">Critical</span>Is there a specific problem?</td>'
        "<td>Partly</td><td>Yes</td></tr>" in html
    )
    assert "<h3>Worse (0)</h3>\n<p>Nothing got worse.</p>" in html
    assert 'id="since"' not in invoke("report", spring).stdout


def test_report_never_writes_over_the_baseline(write: Write) -> None:
    autumn, spring = pair(write)
    before = autumn.read_bytes()
    result = invoke("report", spring, "--baseline", autumn, "-o", autumn)
    assert result.exit_code == 2
    assert autumn.read_bytes() == before


def test_check_baseline_github_adds_an_error_per_regression(write: Write) -> None:
    autumn, spring = pair(write)
    result = invoke("check", spring, "--baseline", autumn, "-f", "github", "--fail-on", "never")
    assert result.exit_code == 1
    assert result.stdout.endswith(
        "::error title=Readiness regressed since 2026-autumn::The verdict fell from ready to not ready.\n"
        "::error title=Readiness regressed since 2026-autumn::A critical question is worse: "
        "Is there a specific problem? (was yes, now partly).\n"
        "::error title=Readiness regressed since 2026-autumn::The score fell by 50 points, from 100 to 50 "
        "(more than the 5 allowed).\n"
    )


def test_compare_text_cannot_be_forged_by_a_school_name(write: Write) -> None:
    hostile = '"Oak\\e[2J\\n✓ No regression"'
    autumn = write("autumn.yaml", answers_yaml(ALL_YES, school=hostile))
    spring = write("spring.yaml", answers_yaml(SLIPPED, school=hostile, term="2027-spring"))
    result = invoke("compare", autumn, spring)
    assert result.stdout.startswith("Oak\\x1b[2J\\n✓ No regression · Pobble for writing\n")
