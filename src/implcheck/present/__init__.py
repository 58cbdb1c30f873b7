"""Output formats: each turns what a command worked out into one string. The CLI only writes it.

Every format is listed here and nowhere else, in the manner of pip-audit's ``_format``: for each
command a ``str`` Enum of the names a user types after ``--format``, and a registry giving each
name a ``Format`` (a typed renderer and the file suffix it is saved with). Adding a format means
a module, an Enum member and one registry line; a test loops over every member of every Enum.

Each renderer imports its module only when called, so ``check --format json`` never imports rich,
and only ``report`` pays for Jinja. ``md`` and ``markdown`` are the same format wherever Markdown
is offered, so neither command refuses the other's spelling.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, TypeVar

from implcheck import safetext
from implcheck.model import Checklist
from implcheck.result import Result
from implcheck.safetext import JSON, MARKDOWN, MARKUP, TEXT

if TYPE_CHECKING:  # only named in annotations: `check` need not import the comparison code
    from implcheck.compare import Comparison
    from implcheck.portfolio import Portfolio
    from implcheck.present.problems import Checked

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Options:
    """What a renderer may need besides the thing it renders; each takes what it uses."""

    color: bool = False
    width: int = 100
    terminal: bool = False  # a person at a terminal, not a pipe or a file: rich's table for portfolio text
    generated_at: str | None = None
    baseline: Comparison | None = None  # last term's comparison: a report's "since last term"
    lines: Mapping[tuple[str, str], int] | None = None  # where each answer stands (termfiles.answer_lines)


@dataclass(frozen=True, slots=True)
class Format(Generic[T]):
    render: Callable[[T, Options], str]
    suffix: str  # how a file of this format is named when implcheck picks the name
    spelling: safetext.Spelling = TEXT  # how it writes ``:`` and ``#`` that must not read as a command
    commands: bool = False  # ``-f github``: lines starting ``::`` are its own workflow commands

    def __call__(self, thing: T, options: Options) -> str:
        """The output, made safe for a CI log as a whole (``safetext.for_logs``): every format
        passes here, so the rule is kept whatever text a renderer put where."""
        return safetext.for_logs(self.render(thing, options), self.spelling, commands=self.commands)


# --- check: the summary of one result, for a person or a CI job -----------------------------


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    MD = "md"
    GITHUB = "github"
    JUNIT = "junit"


def _text(result: Result, options: Options) -> str:
    from implcheck.present import text

    shown = text.render(result, color=options.color, width=options.width)
    if options.baseline is None:
        return shown
    from implcheck.present.compare import since_text

    return shown + since_text(options.baseline)


def _json(result: Result, options: Options) -> str:
    from implcheck.present import json

    return json.render(result)


def _markdown_summary(result: Result, options: Options) -> str:
    from implcheck.present import markdown

    shown = markdown.render_summary(result)
    if options.baseline is None:
        return shown
    from implcheck.present.compare import since_markdown

    return shown + since_markdown(options.baseline)


def _github(result: Result, options: Options) -> str:
    from implcheck.present import github

    shown = github.render(result, dict(options.lines or {}))
    if options.baseline is None:
        return shown
    from implcheck.present.compare import since_github

    return shown + since_github(options.baseline)


def _junit(result: Result, options: Options) -> str:
    from implcheck.present import junit

    return junit.render(result, options.baseline)


_MARKDOWN_SUMMARY = Format(_markdown_summary, ".md", MARKDOWN)

CHECK_FORMATS: dict[CheckFormat, Format[Result]] = {
    CheckFormat.TEXT: Format(_text, ".txt"),
    CheckFormat.JSON: Format(_json, ".json", JSON),
    CheckFormat.MARKDOWN: _MARKDOWN_SUMMARY,
    CheckFormat.MD: _MARKDOWN_SUMMARY,
    CheckFormat.GITHUB: Format(_github, ".txt", commands=True),
    CheckFormat.JUNIT: Format(_junit, ".xml", MARKUP),
}


def render_check(
    result: Result,
    fmt: CheckFormat,
    *,
    color: bool = False,
    width: int = 100,
    lines: Mapping[tuple[str, str], int] | None = None,
    baseline: Comparison | None = None,
) -> str:
    """``lines`` (``termfiles.answer_lines``) is where each answer stands: only github uses it.
    ``baseline`` (``check --baseline``): what regressed follows the summary in the formats
    people read, and is test cases in junit; JSON stays the result alone (the regression is on
    stderr and in the exit code)."""
    options = Options(color=color, width=width, lines=lines, baseline=baseline)
    return CHECK_FORMATS[fmt](result, options)


# --- report: the governors' report ---------------------------------------------------------


class ReportFormat(StrEnum):
    HTML = "html"
    MD = "md"
    MARKDOWN = "markdown"
    CSV = "csv"


def _html(result: Result, options: Options) -> str:
    from implcheck.present import html

    return html.render(result, generated_at=options.generated_at, baseline=options.baseline)


def _markdown_report(result: Result, options: Options) -> str:
    from implcheck.present import markdown_report

    return markdown_report.render(result, generated_at=options.generated_at, baseline=options.baseline)


def _csv(result: Result, options: Options) -> str:
    from implcheck.present import csv

    return csv.render(result, generated_at=options.generated_at, baseline=options.baseline)


_MARKDOWN_REPORT = Format(_markdown_report, ".md", MARKDOWN)

REPORT_FORMATS: dict[ReportFormat, Format[Result]] = {
    ReportFormat.HTML: Format(_html, ".html", MARKUP),
    ReportFormat.MD: _MARKDOWN_REPORT,
    ReportFormat.MARKDOWN: _MARKDOWN_REPORT,
    ReportFormat.CSV: Format(_csv, ".csv"),
}


def render_report(
    result: Result, fmt: ReportFormat, *, generated_at: str | None = None, baseline: Comparison | None = None
) -> str:
    return REPORT_FORMATS[fmt](result, Options(generated_at=generated_at, baseline=baseline))


# --- portfolio: every school's implementations at once, for a trust's team -----------------


class PortfolioFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    MD = "md"
    CSV = "csv"
    HTML = "html"


def _portfolio_text(portfolio: Portfolio, options: Options) -> str:
    if options.terminal:
        from implcheck.present import portfolio_rich

        return portfolio_rich.render(portfolio, color=options.color, width=options.width)
    from implcheck.present import portfolio as present

    return present.render_plain(portfolio)


def _portfolio_json(portfolio: Portfolio, options: Options) -> str:
    from implcheck.present import portfolio as present

    return present.render_json(portfolio)


def _portfolio_markdown(portfolio: Portfolio, options: Options) -> str:
    from implcheck.present import portfolio as present

    return present.render_markdown(portfolio)


def _portfolio_csv(portfolio: Portfolio, options: Options) -> str:
    from implcheck.present import portfolio as present

    return present.render_csv(portfolio)


def _portfolio_html(portfolio: Portfolio, options: Options) -> str:
    from implcheck.present import portfolio_html

    return portfolio_html.render(portfolio)


_PORTFOLIO_MARKDOWN = Format(_portfolio_markdown, ".md", MARKDOWN)

PORTFOLIO_FORMATS: dict[PortfolioFormat, Format[Portfolio]] = {
    PortfolioFormat.TEXT: Format(_portfolio_text, ".txt"),
    PortfolioFormat.JSON: Format(_portfolio_json, ".json", JSON),
    PortfolioFormat.MARKDOWN: _PORTFOLIO_MARKDOWN,
    PortfolioFormat.MD: _PORTFOLIO_MARKDOWN,
    PortfolioFormat.CSV: Format(_portfolio_csv, ".csv"),
    PortfolioFormat.HTML: Format(_portfolio_html, ".html", MARKUP),
}


def render_portfolio(
    portfolio: Portfolio, fmt: PortfolioFormat, *, terminal: bool = False, color: bool = False, width: int = 100
) -> str:
    """``terminal``: a person is reading, so text is rich's table (coloured if ``color``), not plain columns."""
    return PORTFOLIO_FORMATS[fmt](portfolio, Options(color=color, width=width, terminal=terminal))


# --- show: one checklist, for reading or for a wiki ----------------------------------------


class ShowFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    MD = "md"


def _checklist_text(checklist: Checklist, options: Options) -> str:
    from implcheck.present import checklist as present

    return present.render_text(checklist)


def _checklist_markdown(checklist: Checklist, options: Options) -> str:
    from implcheck.present import checklist as present

    return present.render_markdown(checklist)


_CHECKLIST_MARKDOWN = Format(_checklist_markdown, ".md", MARKDOWN)

SHOW_FORMATS: dict[ShowFormat, Format[Checklist]] = {
    ShowFormat.TEXT: Format(_checklist_text, ".txt"),
    ShowFormat.MARKDOWN: _CHECKLIST_MARKDOWN,
    ShowFormat.MD: _CHECKLIST_MARKDOWN,
}


def render_checklist(checklist: Checklist, fmt: ShowFormat) -> str:
    return SHOW_FORMATS[fmt](checklist, Options())


# --- compare: what changed between two terms ------------------------------------------------


class CompareFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    MD = "md"


def _compare_text(comparison: Comparison, options: Options) -> str:
    from implcheck.present import compare

    return compare.render_text(comparison)


def _compare_json(comparison: Comparison, options: Options) -> str:
    from implcheck.present import compare

    return compare.render_json(comparison)


def _compare_markdown(comparison: Comparison, options: Options) -> str:
    from implcheck.present import compare

    return compare.render_markdown(comparison)


_COMPARE_MARKDOWN = Format(_compare_markdown, ".md", MARKDOWN)

COMPARE_FORMATS: dict[CompareFormat, Format[Comparison]] = {
    CompareFormat.TEXT: Format(_compare_text, ".txt"),
    CompareFormat.JSON: Format(_compare_json, ".json", JSON),
    CompareFormat.MARKDOWN: _COMPARE_MARKDOWN,
    CompareFormat.MD: _COMPARE_MARKDOWN,
}


def render_comparison(comparison: Comparison, fmt: CompareFormat) -> str:
    return COMPARE_FORMATS[fmt](comparison, Options())


# --- validate: the problems in checklists and answers files ---------------------------------


class ValidateFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


def _problems_text(checked: Checked, options: Options) -> str:
    from implcheck.present import problems

    return problems.render_text(checked)


def _problems_json(checked: Checked, options: Options) -> str:
    from implcheck.present import problems

    return problems.render_json(checked)


def _problems_github(checked: Checked, options: Options) -> str:
    from implcheck.present import problems

    return problems.render_github(checked)


VALIDATE_FORMATS: dict[ValidateFormat, Format[Checked]] = {
    ValidateFormat.TEXT: Format(_problems_text, ".txt"),
    ValidateFormat.JSON: Format(_problems_json, ".json", JSON),
    ValidateFormat.GITHUB: Format(_problems_github, ".txt", commands=True),
}


def render_problems(checked: Checked, fmt: ValidateFormat) -> str:
    return VALIDATE_FORMATS[fmt](checked, Options())
