"""Every item as CSV, for a spreadsheet: first one row per action (most urgent first), then the
items that need none (in place, not applicable), each with every respondent's answer and evidence.

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
    "answers",  # each respondent's answer: "teacher: No; it: Partly" (just "No" for one respondent)
    "evidence",  # each respondent's evidence, in full, the same way
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
    rows = {row.id: row for row in report.appendix}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for risk in report.actions:
        row = rows[risk.item_id]
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
                _answers(row),
                _evidence(row),
            )
        )
    acted = {risk.item_id for risk in report.actions}
    for row in report.appendix:
        if row.id not in acted:
            no_action = ("", "", "", "", row.status_label, "")  # severity, action, owner, due, status, agreed
            writer.writerow(
                cell(value)
                for value in (
                    row.id,
                    row.question,
                    row.failure_mode,
                    row.stage,
                    *no_action,
                    _answers(row),
                    _evidence(row),
                )
            )
    return BOM + buffer.getvalue()


def _answers(row: report_view.ItemRow) -> str:
    if len(row.answers) == 1:
        return row.answers[0].answer
    return "; ".join(f"{a.who}: {a.answer}" for a in row.answers)


def _evidence(row: report_view.ItemRow) -> str:
    if len(row.answers) == 1:
        return row.answers[0].evidence
    return "; ".join(f"{a.who}: {a.evidence}" for a in row.answers if a.evidence)
