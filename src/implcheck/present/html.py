"""The governors' report as one self-contained HTML file: inline CSS and SVG, no scripts, no
requests. ``templates/report.html.j2`` lays it out; Jinja autoescapes every value."""

from __future__ import annotations

from implcheck.compare import Comparison
from implcheck.present import report_view, since_view
from implcheck.present.templating import environment
from implcheck.result import Result

TEMPLATE = "report.html.j2"


def render(result: Result, *, generated_at: str | None = None, baseline: Comparison | None = None) -> str:
    report = report_view.build(result, generated_at=generated_at)
    return (
        environment()
        .get_template(TEMPLATE)
        .render(report=report, since=since_view.build(baseline) if baseline else None)
    )
