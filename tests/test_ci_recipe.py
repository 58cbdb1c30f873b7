"""docs/ci.md's recipes, run as CI would run them on examples/trust (two schools, two terms, one
of them slipping), and held to the script they show."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import ROOT
from implcheck import __version__

DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
TRUST = ROOT / "examples" / "trust"
BIN = Path(sys.executable).parent  # where the installed implcheck is


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", DOC, flags=re.MULTILINE | re.DOTALL)


def recipe(marker: str) -> Any:
    [found] = [yaml.safe_load(block) for block in blocks("yaml") if marker in block]
    return found


def run_steps(commands: list[str], tmp_path: Path) -> list[subprocess.CompletedProcess[str]]:
    """Each shell step in a copy of the trust repository, as a CI runner would (no installing)."""
    repo = tmp_path / "trust"
    shutil.copytree(TRUST, repo)
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "NO_COLOR": "1",
    }
    return [
        subprocess.run(["bash", "-c", command], cwd=repo, env=env, capture_output=True, text=True, check=False)
        for command in commands
        if not command.startswith("pip install")
    ]


def test_the_script_in_the_docs_is_the_one_in_the_example() -> None:
    assert (TRUST / "scripts" / "recheck.sh").read_text(encoding="utf-8") in blocks("bash")


def test_github_workflow_flags_the_school_that_slipped(tmp_path: Path) -> None:
    workflow = recipe("runs-on: ubuntu-latest")
    steps = [step["run"] for step in workflow["jobs"]["recheck"]["steps"] if "run" in step]
    validate, recheck = run_steps(steps, tmp_path)
    assert (validate.returncode, validate.stdout) == (0, "6 files valid\n")
    assert recheck.returncode == 1, recheck.stderr
    regressed = [line for line in recheck.stdout.splitlines() if line.startswith("::error title=Readiness regressed")]
    assert regressed[0] == (
        "::error title=Readiness regressed since 2026-autumn::"
        "The verdict fell from on track to on track with conditions."
    )
    assert "A critical question is worse: Is there still a named senior leader, in post now," in regressed[1]
    assert "::notice title=implcheck termly-recheck" in recheck.stdout
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "## Oakfield Primary · Pobble for writing · 2027-spring" in summary
    assert "## Riverside Academy · QuizBlast maths app · 2027-spring" in summary
    assert summary.count("**Readiness regressed:**") == 1
    assert "gate failed: readiness regressed since 2026-autumn" in recheck.stderr


def test_gitlab_job_writes_a_junit_report_per_school(tmp_path: Path) -> None:
    job = recipe("image: python")["recheck"]
    assert job["artifacts"]["reports"]["junit"] == "reports/*.xml"
    results = run_steps(job["script"], tmp_path)
    assert [r.returncode for r in results] == [0, 1]
    reports = sorted((tmp_path / "trust" / "reports").glob("*.xml"))
    assert [p.name for p in reports] == ["oakfield-primary-pobble.xml", "riverside-academy-quizblast.xml"]
    riverside = ET.parse(reports[1]).getroot()
    assert riverside.get("failures") == "14"  # 11 gaps and 3 ways readiness regressed
    since = riverside.find("testsuite[@name='Since 2026-autumn']")
    assert since is not None
    assert [case.get("name") for case in since.iter("testcase")] == [
        "The verdict fell from on track to on track with conditions.",
        "A critical question is worse: Is there still a named senior leader, in post now, who is accountable to "
        "governors for this? (was yes, now partly).",
        "The score fell by 10.8 points, from 97.9 to 87.1 (more than the 5 allowed).",
    ]
    oakfield = ET.parse(reports[0]).getroot().find("testsuite[@name='Since 2026-autumn']")
    assert oakfield is not None
    assert [case.get("name") for case in oakfield.iter("testcase")] == [
        "Readiness has not gone backwards since 2026-autumn"
    ]


def test_a_bad_file_leaves_no_empty_junit_report(tmp_path: Path) -> None:
    repo = tmp_path / "trust"
    shutil.copytree(TRUST, repo)
    bad = repo / "schools" / "riverside-academy" / "quizblast" / "2027-spring" / "senior-leader.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("role: senior-leader", "role: head"), encoding="utf-8")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    done = subprocess.run(
        ["bash", "scripts/recheck.sh", "junit"], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2, done.stderr
    role_line = next(
        n for n, text in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if "role: head" in text
    )
    assert f"quizblast/2027-spring/senior-leader.yaml:{role_line}:" in done.stderr
    # every other school is still checked; each report is whole, none empty or left half-written
    reports = sorted((repo / "reports").iterdir())
    assert [p.name for p in reports] == ["oakfield-primary-pobble.xml", "riverside-academy-quizblast.xml"]
    assert all(ET.parse(report).getroot().tag == "testsuites" for report in reports)


def test_next_terms_blank_files_do_not_change_what_ci_says(tmp_path: Path) -> None:
    repo = tmp_path / "trust"
    shutil.copytree(TRUST, repo)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False)

    before = run("bash", "scripts/recheck.sh", "github")
    for school in ("oakfield-primary/pobble", "riverside-academy/quizblast"):
        (repo / "schools" / school / "2027-summer").mkdir()
        last = f"schools/{school}/2027-spring/senior-leader.yaml"
        made = run("implcheck", "init", "--from", last, "--term", "2027-summer", "-o", last.replace("spring", "summer"))
        assert made.returncode == 0, made.stderr
    assert run("implcheck", "validate", "schools/").returncode == 0
    after = run("bash", "scripts/recheck.sh", "github")
    assert (after.returncode, after.stdout, after.stderr) == (before.returncode, before.stdout, before.stderr)
    shown = run("implcheck", "portfolio", "schools").stdout
    assert shown.count("Not started") == 2 and shown.count("not started") == 2


TAG = f"v{__version__}"


def test_the_recipes_install_a_release_tag_from_the_repository() -> None:
    workflow, job = recipe("runs-on: ubuntu-latest"), recipe("image: python")["recheck"]
    for address, install in (
        (workflow["env"]["IMPLCHECK"], next(s["run"] for s in workflow["jobs"]["recheck"]["steps"] if "pip" in str(s))),
        (job["variables"]["IMPLCHECK"], job["script"][0]),
    ):
        assert install == 'pip install "implcheck @ $IMPLCHECK"'
        assert address.startswith("git+https://") and address.endswith(f"@{TAG}")
    [hook] = recipe("implcheck-validate")["repos"]
    assert hook["rev"] == TAG and "git+" + hook["repo"] + f"@{TAG}" == workflow["env"]["IMPLCHECK"]
    assert f"\n## {__version__}\n" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"git tag -a {TAG} " in (ROOT / "RELEASING.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_pre_commit_recipe_runs_as_written(tmp_path: Path) -> None:
    """In a scratch copy of the trust's repository, against a clone of this one tagged as a release
    is: pre-commit installs the hook from the tag and passes the good files, then fails a bad one."""
    clone = tmp_path / "implcheck"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)  # this branch's last commit
    git = ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.org"]
    # -f: the clone may carry the release tag already; the recipe is tried on this commit, tagged so.
    subprocess.run([*git, "tag", "-a", "-f", TAG, "-m", f"implcheck {__version__}"], cwd=clone, check=True)
    repo = tmp_path / "trust"
    shutil.copytree(TRUST, repo)
    config = next(block for block in blocks("yaml") if "implcheck-validate" in block)
    (repo / ".pre-commit-config.yaml").write_text(
        config.replace("https://github.com/your-org/implcheck", str(clone)), encoding="utf-8"
    )
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    pre_commit = [str(BIN / "pre-commit"), "run", "--all-files"]
    good = subprocess.run(pre_commit, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "implcheck validate" in good.stdout and "Passed" in good.stdout
    bad = repo / "schools" / "oakfield-primary" / "pobble" / "2027-spring" / "teacher.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("role: teacher", "role: head"), encoding="utf-8")
    failed = subprocess.run(pre_commit, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert "schools/oakfield-primary/pobble/2027-spring/teacher.yaml:" in failed.stdout
