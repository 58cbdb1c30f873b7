"""Output formats: each turns a ``Result`` into one string. The CLI only writes it out.

Formats are listed explicitly; adding one means adding a module and a line here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from implcheck.result import Result

if TYPE_CHECKING:
    from implcheck.compare import Comparison


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    GITHUB = "github"
    JUNIT = "junit"


def render_check(
    result: Result,
    fmt: CheckFormat,
    *,
    color: bool = False,
    width: int = 100,
    lines: dict[tuple[str, str], int] | None = None,
) -> str:
    """``lines`` (``termfiles.answer_lines``) is where each answer stands: only github uses it."""
    # Imported per format so `check --format json` never pays for rich, and none pays for Jinja.
    renderer: Callable[[Result], str]
    if fmt is CheckFormat.TEXT:
        from implcheck.present import text

        return text.render(result, color=color, width=width)
    if fmt is CheckFormat.GITHUB:
        from implcheck.present import github

        return github.render(result, lines or {})
    if fmt is CheckFormat.JSON:
        from implcheck.present import json

        renderer = json.render
    elif fmt is CheckFormat.JUNIT:
        from implcheck.present import junit

        renderer = junit.render
    else:
        from implcheck.present import markdown

        renderer = markdown.render_summary
    return renderer(result)


class ShowFormat(StrEnum):
    """How ``implcheck show`` prints a checklist."""

    TEXT = "text"
    MARKDOWN = "markdown"


class PortfolioFormat(StrEnum):
    """``implcheck portfolio``'s formats (``present/portfolio.py``; rich and HTML in their own modules)."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    CSV = "csv"
    HTML = "html"


class ReportFormat(StrEnum):
    HTML = "html"
    MD = "md"
    CSV = "csv"


# Each report format is a module with ``render(result, *, generated_at=None, baseline=None) -> str``, imported
# only when used: Jinja is paid for by `report`, never by `check`.
REPORT_MODULES: dict[ReportFormat, str] = {
    ReportFormat.HTML: "implcheck.present.html",
    ReportFormat.MD: "implcheck.present.markdown_report",
    ReportFormat.CSV: "implcheck.present.csv",
}


def render_report(
    result: Result, fmt: ReportFormat, *, generated_at: str | None = None, baseline: Comparison | None = None
) -> str:
    module = importlib.import_module(REPORT_MODULES[fmt])
    rendered: str = module.render(result, generated_at=generated_at, baseline=baseline)
    return rendered
