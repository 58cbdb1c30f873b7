"""The governors' report in GitHub/GitLab Markdown (``templates/report.md.j2``).

Jinja's autoescape is HTML-only, so this format brings its own: every ``{{ value }}`` goes
through ``md`` on output unless a filter has already escaped it (``MdText``). A template that
forgets the ``md`` filter still cannot let user text break a table or inject HTML.
"""

from __future__ import annotations

from typing import Any

from implcheck.compare import Comparison
from implcheck.present import report_view, since_view
from implcheck.present.markdown import md
from implcheck.present.report_glossary import glossary
from implcheck.present.templating import environment
from implcheck.result import Result

TEMPLATE = "report.md.j2"


class MdText(str):
    """Text already made inert for Markdown."""

    __slots__ = ()


def md_filter(value: Any) -> MdText:
    return value if isinstance(value, MdText) else MdText(md(str(value)))


def raw(value: Any) -> MdText:
    """For the template's own Markdown built from fixed strings (never user text)."""
    return MdText(str(value))


def render(result: Result, *, generated_at: str | None = None, baseline: Comparison | None = None) -> str:
    report = report_view.build(result, generated_at=generated_at)
    env = environment(finalize=md_filter)
    env.filters["md"] = md_filter
    env.filters["raw"] = raw
    return env.get_template(TEMPLATE).render(
        report=report, since=since_view.build(baseline) if baseline else None, glossary=glossary(result.checklist)
    )
