"""``--help``: commands in workflow order with whole summaries, and examples that really run."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner, Result

from helpers import ROOT
from implcheck import helptext
from implcheck.cli import app

EXAMPLES = [(command, line) for command, examples in helptext.EXAMPLES.items() for line, _ in examples]


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), prog_name="implcheck", env={"COLUMNS": "80"})


def listing() -> str:
    return invoke("--help").stdout.split("Commands:\n", 1)[1]


def listed_names() -> list[str]:
    return [line.split()[0] for line in listing().splitlines() if line.startswith("  ") and not line.startswith("   ")]


def test_commands_are_listed_in_workflow_order_with_whole_summaries() -> None:
    names = listed_names()
    assert names[:8] == ["assess", "init", "form", "collect", "check", "report", "compare", "portfolio"]
    assert sorted(names) == sorted(helptext.EXAMPLES)
    assert "..." not in listing()
    words = " ".join(listing().split())
    assert "check Score answers files, print a summary, and exit 1 if the readiness gate fails. report" in words


def test_commands_not_in_the_workflow_keep_the_order_they_are_defined_in() -> None:
    assert [name for name in listed_names() if name not in helptext.ORDER] == [
        "validate",
        "schema",
        "checklists",
        "show",
    ]


@pytest.mark.parametrize("command", list(helptext.EXAMPLES))
def test_every_command_help_ends_with_its_examples(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    examples = helptext.EXAMPLES[command]
    assert 2 <= len(examples) <= 3
    expected = "  Examples:\n" + "".join(f"    # {what}\n    {line}\n" for line, what in examples)
    assert result.stdout.endswith(expected)


@pytest.fixture
def clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's checklists and examples, as a newcomer's clone has them."""
    for folder in ("checklists", "examples"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("command", "line"), [(c, line) for c, line in EXAMPLES if c != "assess"])
def test_every_example_runs_as_written(clone: Path, command: str, line: str) -> None:
    words = shlex.split(line)
    assert words[:2] == ["implcheck", command] or command == "checklists"
    result = invoke(*words[1:])
    # 0, or 1 where the example is a gate that fails (check on a school not ready)
    assert result.exit_code in (0, 1), result.output
    assert result.exit_code == 0 or words[1] == "check"


@pytest.mark.slow
@pytest.mark.parametrize("line", [line for command, line in EXAMPLES if command == "assess"])
def test_the_assess_examples_start_an_interview(clone: Path, line: str) -> None:
    words = shlex.split(line)
    implcheck = str(Path(sys.executable).parent / "implcheck")
    child = pexpect.spawn(implcheck, words[1:], cwd=str(clone), encoding="utf-8", timeout=30, env={"NO_COLOR": "1"})
    try:
        # the interview has begun: the options were understood (--from knows the school: the term comes first)
        child.expect(["School: ", r"Term \(last term was 2026-autumn; Enter for 2027-spring\): "])
    finally:
        child.close(force=True)


def test_a_hidden_command_is_left_out_of_the_list() -> None:
    import typer

    demo = typer.Typer(cls=helptext.WorkflowOrder, rich_markup_mode=None)  # as cli.app

    @demo.command()
    def check() -> None:
        """Shown."""

    @demo.command(hidden=True)
    def secret() -> None:
        """Not shown."""

    listed = CliRunner().invoke(demo, ["--help"], prog_name="implcheck", env={"COLUMNS": "80"}).stdout
    assert "check" in listed and "Shown." in listed
    assert "secret" not in listed
