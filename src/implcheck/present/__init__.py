"""Output formats: each turns what a command worked out into one string. The CLI only writes it.

Every format is listed here and nowhere else, in the manner of pip-audit's ``_format``: for each
command a ``str`` Enum of the names a user types after ``--format``, and a registry giving each
name a ``Format`` (its renderer, the options it takes and the file suffix it is saved with).
Adding a format means a module, an Enum member and one registry line; a test loops over every
member of every Enum, through the renderer it names.

Each renderer's module is imported only when it runs, so ``check --format json`` never imports rich,
and only ``report`` pays for Jinja. ``md`` and ``markdown`` are the same format wherever Markdown
is offered, so neither command refuses the other's spelling.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING, Generic, TypeVar

from implcheck import safetext
from implcheck.model import Checklist
from implcheck.result import Result
from implcheck.safetext import JSON, MARKDOWN, MARKUP, TEXT

if TYPE_CHECKING:  # only named in annotations: `check` need not import the comparison code
    from implcheck.collect import Collection
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
    """A format: its renderer, named ``module:function`` in this package and imported only when
    it runs; the options the renderer takes, passed by keyword; the suffix of a file of this
    format, when implcheck picks the name; how it writes ``:`` and ``#`` that must not read as a
    CI runner's command; and, for ``check --baseline``, what regressed since last term."""

    renderer: str
    suffix: str
    takes: tuple[str, ...] = ()
    spelling: safetext.Spelling = TEXT
    commands: bool = False  # ``-f github``: lines starting ``::`` are its own workflow commands
    since: str = ""  # ``module:function`` appending what regressed since the baseline, if one is given

    def render(self, thing: T, options: Options) -> str:
        """The output, made safe for a CI log as a whole (``safetext.for_logs``): every format
        passes here, so the rule is kept whatever text a renderer put where."""
        shown = _named(self.renderer)(thing, **{name: getattr(options, name) for name in self.takes})
        if self.since and options.baseline is not None:
            shown += _named(self.since)(options.baseline)
        return safetext.for_logs(shown, self.spelling, commands=self.commands)


def _named(renderer: str) -> Callable[..., str]:
    module, function = renderer.split(":")
    found: Callable[..., str] = getattr(import_module(f"implcheck.present.{module}"), function)
    return found


# --- check: the summary of one result, for a person or a CI job -----------------------------


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    MD = "md"
    GITHUB = "github"
    JUNIT = "junit"


_MARKDOWN_SUMMARY: Format[Result] = Format(
    "markdown:render_summary", ".md", spelling=MARKDOWN, since="compare:since_markdown"
)

CHECK_FORMATS: dict[CheckFormat, Format[Result]] = {
    CheckFormat.TEXT: Format("text:render", ".txt", ("color", "width"), since="compare:since_text"),
    CheckFormat.JSON: Format("json:render", ".json", spelling=JSON),
    CheckFormat.MARKDOWN: _MARKDOWN_SUMMARY,
    CheckFormat.MD: _MARKDOWN_SUMMARY,
    CheckFormat.GITHUB: Format("github:render", ".txt", ("lines",), commands=True, since="compare:since_github"),
    CheckFormat.JUNIT: Format("junit:render", ".xml", ("baseline",), spelling=MARKUP),
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
    ``baseline`` (``check --baseline``): junit adds what regressed as test cases; the other
    formats have it appended by the command (``commands.check.regressed_since``)."""
    options = Options(color=color, width=width, lines=lines, baseline=baseline)
    return CHECK_FORMATS[fmt].render(result, options)


# --- report: the governors' report ---------------------------------------------------------


class ReportFormat(StrEnum):
    HTML = "html"
    MD = "md"
    MARKDOWN = "markdown"
    CSV = "csv"


_REPORT_OPTIONS = ("generated_at", "baseline")
_MARKDOWN_REPORT: Format[Result] = Format("markdown_report:render", ".md", _REPORT_OPTIONS, spelling=MARKDOWN)

REPORT_FORMATS: dict[ReportFormat, Format[Result]] = {
    ReportFormat.HTML: Format("html:render", ".html", _REPORT_OPTIONS, spelling=MARKUP),
    ReportFormat.MD: _MARKDOWN_REPORT,
    ReportFormat.MARKDOWN: _MARKDOWN_REPORT,
    ReportFormat.CSV: Format("csv:render", ".csv", _REPORT_OPTIONS),
}


def render_report(
    result: Result, fmt: ReportFormat, *, generated_at: str | None = None, baseline: Comparison | None = None
) -> str:
    return REPORT_FORMATS[fmt].render(result, Options(generated_at=generated_at, baseline=baseline))


# --- portfolio: every school's implementations at once, for a trust's team -----------------


class PortfolioFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    MD = "md"
    CSV = "csv"
    HTML = "html"


_PORTFOLIO_MARKDOWN: Format[Portfolio] = Format("portfolio:render_markdown", ".md", spelling=MARKDOWN)

PORTFOLIO_FORMATS: dict[PortfolioFormat, Format[Portfolio]] = {
    PortfolioFormat.TEXT: Format("portfolio:render_text", ".txt", ("terminal", "color", "width")),
    PortfolioFormat.JSON: Format("portfolio:render_json", ".json", spelling=JSON),
    PortfolioFormat.MARKDOWN: _PORTFOLIO_MARKDOWN,
    PortfolioFormat.MD: _PORTFOLIO_MARKDOWN,
    PortfolioFormat.CSV: Format("portfolio:render_csv", ".csv"),
    PortfolioFormat.HTML: Format("portfolio_html:render", ".html", spelling=MARKUP),
}


def render_portfolio(
    portfolio: Portfolio, fmt: PortfolioFormat, *, terminal: bool = False, color: bool = False, width: int = 100
) -> str:
    """``terminal``: a person is reading, so text is rich's table (coloured if ``color``), not plain columns."""
    return PORTFOLIO_FORMATS[fmt].render(portfolio, Options(color=color, width=width, terminal=terminal))


# --- show: one checklist, for reading or for a wiki ----------------------------------------


class ShowFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    MD = "md"


_CHECKLIST_MARKDOWN: Format[Checklist] = Format("checklist:render_markdown", ".md", spelling=MARKDOWN)

SHOW_FORMATS: dict[ShowFormat, Format[Checklist]] = {
    ShowFormat.TEXT: Format("checklist:render_text", ".txt"),
    ShowFormat.MARKDOWN: _CHECKLIST_MARKDOWN,
    ShowFormat.MD: _CHECKLIST_MARKDOWN,
}


def render_checklist(checklist: Checklist, fmt: ShowFormat) -> str:
    return SHOW_FORMATS[fmt].render(checklist, Options())


# --- compare: what changed between two terms ------------------------------------------------


class CompareFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    MD = "md"


_COMPARE_MARKDOWN: Format[Comparison] = Format("compare:render_markdown", ".md", spelling=MARKDOWN)

COMPARE_FORMATS: dict[CompareFormat, Format[Comparison]] = {
    CompareFormat.TEXT: Format("compare:render_text", ".txt"),
    CompareFormat.JSON: Format("compare:render_json", ".json", spelling=JSON),
    CompareFormat.MARKDOWN: _COMPARE_MARKDOWN,
    CompareFormat.MD: _COMPARE_MARKDOWN,
}


def render_comparison(comparison: Comparison, fmt: CompareFormat) -> str:
    return COMPARE_FORMATS[fmt].render(comparison, Options())


# --- collect: who has replied ---------------------------------------------------------------


class CollectFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    MD = "md"


_COLLECT_MARKDOWN: Format[Collection] = Format("collect:render_markdown", ".md", spelling=MARKDOWN)

COLLECT_FORMATS: dict[CollectFormat, Format[Collection]] = {
    CollectFormat.TEXT: Format("collect:render_text", ".txt"),
    CollectFormat.JSON: Format("collect:render_json", ".json", spelling=JSON),
    CollectFormat.MARKDOWN: _COLLECT_MARKDOWN,
    CollectFormat.MD: _COLLECT_MARKDOWN,
}


def render_collection(collection: Collection, fmt: CollectFormat) -> str:
    return COLLECT_FORMATS[fmt].render(collection, Options())


# --- validate: the problems in checklists and answers files ---------------------------------


class ValidateFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


VALIDATE_FORMATS: dict[ValidateFormat, Format[Checked]] = {
    ValidateFormat.TEXT: Format("problems:render_text", ".txt"),
    ValidateFormat.JSON: Format("problems:render_json", ".json", spelling=JSON),
    ValidateFormat.GITHUB: Format("problems:render_github", ".txt", commands=True),
}


def render_problems(checked: Checked, fmt: ValidateFormat) -> str:
    return VALIDATE_FORMATS[fmt].render(checked, Options())
