"""The actions as CSV, one row per action, for a spreadsheet.

Written for Excel and LibreOffice: UTF-8 with a byte-order mark (so Excel reads it as UTF-8),
``\\r\\n`` line ends from the csv module, and every cell that a spreadsheet would read as a
formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) prefixed with
``'`` so it stays text (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from implcheck.present import report_view
from implcheck.result import Result
from implcheck.safetext import inert

if TYPE_CHECKING:
    from implcheck.compare import Comparison

BOM = "\ufeff"
HEADER = (
    "item",
    "question",
    "failure mode",
    "stage",
    "severity",
    "action",
    "owner",
    "due",
    "status",
    "agreed",  # yes: owner and due are the school's own (actions:); no: suggestions to confirm
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """One line of inert text: whitespace runs (newlines included) become one space."""
    flat = inert(" ".join(text.split()))
    return "'" + flat if text.startswith(_FORMULA_START) or flat.startswith(_FORMULA_START) else flat


def render(result: Result, *, generated_at: str | None = None, baseline: Comparison | None = None) -> str:
    # The CSV lists this term's actions; what changed since last term is in the HTML and Markdown.
    """``generated_at`` is accepted for a uniform interface; a CSV has no footer to show it."""
    report = report_view.build(result, generated_at=generated_at)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for risk in report.actions:
        writer.writerow(
            cell(value)
            for value in (
                risk.item_id,
                risk.question,
                risk.failure_mode,
                risk.stage,
                risk.severity,
                risk.action,
                risk.owner,
                risk.by_when,
                risk.found,
                "yes" if risk.agreed else "no",
            )
        )
    return BOM + buffer.getvalue()
