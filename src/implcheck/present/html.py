"""The governors' report as one self-contained HTML file: inline CSS and SVG, no scripts, no
requests. ``templates/report.html.j2`` lays it out; Jinja autoescapes every value, and every value
passes through ``isolate`` first (control characters shown as escapes, right-to-left and bidi
text in ``<bdi>``, so a U+202E in a school's name cannot reorder the page around it)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from implcheck.compare import Comparison
from implcheck.present import report_view, since_view
from implcheck.present.report_glossary import glossary
from implcheck.present.templating import environment
from implcheck.result import Result
from implcheck.safetext import bidi_references, controls_only, line, needs_isolation

TEMPLATE = "report.html.j2"


def render(result: Result, *, generated_at: str | None = None, baseline: Comparison | None = None) -> str:
    report = report_view.build(result, generated_at=generated_at)
    env = environment(finalize=isolate)
    env.filters["plain"] = plain
    return env.get_template(TEMPLATE).render(
        report=report, since=since_view.build(baseline) if baseline else None, glossary=glossary(result.checklist)
    )


def isolate(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Markup):
        text = controls_only(value)
        if needs_isolation(text):
            return Markup(bidi_references(Markup("<bdi>{}</bdi>").format(text)))
        return text
    return value


def plain(value: Any) -> Markup:
    """For text-only elements such as ``<title>``, where ``<bdi>`` would show as written."""
    return escape(line(str(value)))
