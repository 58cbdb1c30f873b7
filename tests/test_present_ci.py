"""``check --format github`` and ``--format junit``: what a CI server shows, and that a hostile
answers file cannot forge a workflow command or break the XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from typer.testing import CliRunner

from helpers import FIXTURES, ROOT, answers_yaml
from implcheck.cli import app
from implcheck.present.github import command
from test_cli import Write

runner = CliRunner()
SOME_GAPS = (
    "  problem-specific: partly\n  owner-named: no\n  # single-sign-on left out\n"
    "  training-planned: {answer: na, evidence: Nobody needs training}\n"
)


def invoke(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args], prog_name="implcheck")


def test_github_annotates_each_gap_at_its_line_and_notices_the_verdict(write: Write) -> None:
    path = write("a.yaml", answers_yaml(SOME_GAPS.replace("{answer: na, evidence: Nobody needs training}", "yes")))
    result = invoke("check", "--format", "github", path)
    assert result.exit_code == 1
    assert result.stdout == (
        f"::warning file={path},line=9,title=Critical%3A Only partly in place::Is there a specific problem? "
        "Answer: partly. Action: Name the problem.\n"
        f"::error file={path},line=10,title=Not in place::Is there a named senior owner? "
        "Answer: no. Action: Name one.\n"
        f"::warning file={path},line=8,title=Not known::Can staff log in with their existing account? "
        "Answer: unknown. Action: Ask the vendor for single sign-on.\n"
        "::notice title=implcheck mini 1.0::Oakfield Primary · Pobble for writing · 2026-autumn: Not ready, "
        "score 42/100, confidence 75%25: share of questions answered and agreed on (3 of 4 answered)\n"
    )


def test_github_points_at_the_respondent_whose_answer_is_scored(write: Write) -> None:
    leader = write("leader.yaml", answers_yaml("  problem-specific: yes\n  owner-named: yes\n"))
    teacher = write("teacher.yaml", answers_yaml("  owner-named: no\n  problem-specific: yes\n", role="teacher"))
    result = invoke("check", "-f", "github", leader, teacher)
    owner = [line for line in result.stdout.splitlines() if "named senior owner" in line]
    assert owner == [
        f"::error file={teacher},line=9,title=Not in place::Is there a named senior owner? "
        "Answer: no. Action: Name one."
    ]
    unknown = [line for line in result.stdout.splitlines() if "log in" in line]
    assert [line.split("::")[1] for line in unknown] == [
        f"warning file={leader},line=8,title=Not known",
        f"warning file={teacher},line=8,title=Not known",
    ]


def test_github_escapes_what_would_end_or_start_a_command() -> None:
    assert command("error", "50% done\r\n::error::forged \x1b[2J", file="a,b:c\n.yaml", line=3) == (
        "::error file=a%2Cb%3Ac\\n.yaml,line=3::50%25 done\\r\\n::error::forged \\x1b[2J"
    )
    hostile = invoke("check", "-f", "github", "--fail-on", "never", *(FIXTURES / "hostile-leader.yaml",))
    assert hostile.exit_code == 0
    assert all(line.startswith("::") for line in hostile.stdout.splitlines())
    assert "\n# not a heading" not in hostile.stdout and "School\\n# not a heading" in hostile.stdout


def test_junit_has_one_case_per_item_and_a_failure_per_gap(write: Write) -> None:
    result = invoke("check", "--format", "junit", write("a.yaml", answers_yaml(SOME_GAPS)))
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "4", "3")
    cases = root.findall("./testsuite/testcase")
    assert [case.get("name") for case in cases] == [
        "Is there a specific problem?",
        "Is there a named senior owner?",
        "Can staff log in with their existing account?",
        "Is follow-up training planned?",
    ]
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("message") == "Answered partly (critical, only partly in place)"
    assert failure.text == "Action: Name the problem.\nWhy it matters: Without one, nobody knows what success is."
    skipped = cases[3].find("skipped")
    assert skipped is not None and skipped.get("message") == "not applicable: Nobody needs training"
    assert [s.get("name") for s in root.findall("testsuite")] == [
        "Why we are doing this (Explore)",
        "How we will do it (Prepare)",
    ]


def test_junit_survives_hostile_files() -> None:
    hostile = [FIXTURES / "hostile-leader.yaml", FIXTURES / "hostile-teacher.yaml"]
    result = invoke("check", "-f", "junit", "--fail-on", "never", *hostile)
    root = ET.fromstring(result.stdout)  # parses: nothing broke out of an attribute or element
    assert root.get("name", "").startswith('implcheck: Oak <script>alert("s")</script> | School\n# not a heading')
    assert "<script>" not in result.stdout


def test_ci_formats_are_byte_identical_across_runs(write: Write) -> None:
    path = write("a.yaml", answers_yaml(SOME_GAPS))
    for fmt in ("github", "junit"):
        assert invoke("check", "-f", fmt, path).stdout == invoke("check", "-f", fmt, path).stdout


TRUST = ROOT / "examples" / "trust" / "schools"
AUTUMN = TRUST / "riverside-academy" / "quizblast" / "2026-autumn"
OAK_AUTUMN = TRUST / "oakfield-primary" / "pobble" / "2026-autumn"
JUNIT_XSD = FIXTURES / "junit-10.xsd"  # the Jenkins xUnit plugin's; its source is named inside


@pytest.fixture(scope="module")
def junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(JUNIT_XSD))


@pytest.mark.parametrize(
    "files",
    [
        *([str(path)] for path in sorted((ROOT / "examples").glob("*/*.yaml")) if "respondents" not in str(path)),
        [str(FIXTURES / "hostile-leader.yaml"), str(FIXTURES / "hostile-teacher.yaml")],
        [*map(str, sorted(TRUST.glob("riverside-academy/quizblast/2027-spring/*.yaml"))), "--baseline", str(AUTUMN)],
        [*map(str, sorted(TRUST.glob("oakfield-primary/pobble/2027-spring/*.yaml"))), "--baseline", str(OAK_AUTUMN)],
    ],
)
def test_junit_validates_against_the_common_junit_schema(files: list[str], junit_schema: xmlschema.XMLSchema) -> None:
    result = invoke("check", "-f", "junit", "--fail-on", "never", *files)
    assert result.exit_code in (0, 1), result.output  # 1: regressed since the baseline
    junit_schema.validate(result.stdout)
    root = ET.fromstring(result.stdout)
    assert all(case.get("id") is None for case in root.iter("testcase"))


def test_junit_speaks_the_users_words(write: Write) -> None:
    result = invoke("check", "-f", "junit", write("a.yaml", answers_yaml(SOME_GAPS)))
    assert 'name="verdict" value="Not ready"' in result.stdout
    assert "not_ready" not in result.stdout
