"""The format registry: every format a user can type renders, each spelling of Markdown is the
same format, and cheap formats stay cheap (``check --format json`` never imports rich or Jinja)."""

from __future__ import annotations

import subprocess
import sys
from enum import StrEnum
from pathlib import Path

import pytest

from helpers import MINI
from implcheck import portfolio, present
from implcheck.commands import check as check_cmd
from implcheck.compare import compare
from implcheck.errors import Problem, ProblemRule
from implcheck.load import load_checklist
from implcheck.present.problems import Checked
from report_helpers import PAIR, result_of
from test_portfolio import answers, put

# each command's choices -> the formats its registry holds
REGISTRIES: dict[type[StrEnum], set[StrEnum]] = {
    present.CheckFormat: set(present.CHECK_FORMATS),
    present.ReportFormat: set(present.REPORT_FORMATS),
    present.ShowFormat: set(present.SHOW_FORMATS),
    present.CompareFormat: set(present.COMPARE_FORMATS),
    present.ValidateFormat: set(present.VALIDATE_FORMATS),
    present.PortfolioFormat: set(present.PORTFOLIO_FORMATS),
}


@pytest.mark.parametrize("choices", list(REGISTRIES), ids=lambda choices: choices.__name__)
def test_every_choice_has_a_format_and_every_format_a_choice(choices: type[StrEnum]) -> None:
    assert set(REGISTRIES[choices]) == set(choices)


@pytest.mark.parametrize("fmt", list(present.CheckFormat))
def test_every_check_format_renders(fmt: present.CheckFormat) -> None:
    # through the command, which gives github the line of each answer
    assert check_cmd.run(list(PAIR), fmt, check_cmd.FailOn.NEVER).stdout.strip()


@pytest.mark.parametrize("fmt", list(present.ReportFormat))
def test_every_report_format_renders(fmt: present.ReportFormat) -> None:
    assert present.render_report(result_of(PAIR), fmt).strip()


@pytest.mark.parametrize("fmt", list(present.ShowFormat))
def test_every_show_format_renders(fmt: present.ShowFormat) -> None:
    assert present.render_checklist(load_checklist(MINI), fmt).strip()


@pytest.mark.parametrize("fmt", list(present.CompareFormat))
def test_every_compare_format_renders(fmt: present.CompareFormat) -> None:
    result = result_of(PAIR)
    assert present.render_comparison(compare(result, result), fmt).strip()


@pytest.mark.parametrize("fmt", list(present.ValidateFormat))
def test_every_validate_format_renders(fmt: present.ValidateFormat) -> None:
    checked = Checked(1, 1, (Problem("a.yaml", 1, 1, "bad", ProblemRule.BAD_VALUE),))
    assert present.render_problems(checked, fmt).strip()


@pytest.mark.parametrize("fmt", list(present.PortfolioFormat))
def test_every_portfolio_format_renders_and_only_text_differs_at_a_terminal(
    tmp_path: Path, fmt: present.PortfolioFormat
) -> None:
    put(tmp_path, "a.yaml", answers("Oakfield Primary"))
    built = portfolio.build([tmp_path], checklist_dirs=[MINI.parent])  # the answers name "mini.yaml"
    piped = present.render_portfolio(built, fmt)
    at_terminal = present.render_portfolio(built, fmt, terminal=True)
    assert piped.strip()
    assert (at_terminal != piped) == (fmt is present.PortfolioFormat.TEXT)


def test_md_and_markdown_are_one_format_everywhere() -> None:
    result = result_of(PAIR)
    assert present.CHECK_FORMATS[present.CheckFormat.MD] is present.CHECK_FORMATS[present.CheckFormat.MARKDOWN]
    assert present.REPORT_FORMATS[present.ReportFormat.MD] is present.REPORT_FORMATS[present.ReportFormat.MARKDOWN]
    assert present.SHOW_FORMATS[present.ShowFormat.MD] is present.SHOW_FORMATS[present.ShowFormat.MARKDOWN]
    assert present.COMPARE_FORMATS[present.CompareFormat.MD] is present.COMPARE_FORMATS[present.CompareFormat.MARKDOWN]
    markdown = present.PORTFOLIO_FORMATS[present.PortfolioFormat.MARKDOWN]
    assert present.PORTFOLIO_FORMATS[present.PortfolioFormat.MD] is markdown
    assert present.render_report(result, present.ReportFormat.MARKDOWN) == present.render_report(
        result, present.ReportFormat.MD
    )


def test_suffixes_name_files_by_what_they_hold() -> None:
    suffixes = {fmt.value: entry.suffix for fmt, entry in present.REPORT_FORMATS.items()}
    assert suffixes == {"html": ".html", "md": ".md", "markdown": ".md", "csv": ".csv"}


def imported_by(*args: str) -> set[str]:
    """Top-level packages a real run imports (``python -X importtime`` lists each on stderr)."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "implcheck", *args], capture_output=True, text=True, check=False
    )
    names = (line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:"))
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("fmt", ["json", "markdown", "md"])
def test_check_in_a_machine_format_imports_neither_rich_nor_jinja(fmt: str) -> None:
    imported = imported_by("check", "--fail-on", "never", "--format", fmt, *map(str, PAIR))
    assert "implcheck" in imported
    assert imported.isdisjoint({"rich", "jinja2"}), imported & {"rich", "jinja2"}
