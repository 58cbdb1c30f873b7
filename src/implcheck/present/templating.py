"""The one Jinja environment the report formats share. Imported only when a report is rendered,
so `implcheck check` never pays for Jinja."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from implcheck.catalog import data_dir


def environment(*, finalize: Callable[[Any], Any] | None = None) -> Environment:
    """HTML templates (``*.html.j2``) autoescape; others must escape through ``finalize``/filters."""
    env = Environment(
        loader=FileSystemLoader(data_dir("templates")),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    return env
