"""``implcheck portfolio``: one ``Portfolio`` as JSON, CSV, Markdown or plain text.

Every format shows the same rows, one per group x term, groups worst first (regressed, then by
the latest verdict and score) and each group's terms oldest first. The rich terminal table is in
``portfolio_rich.py`` and the HTML dashboard in ``portfolio_html.py``: each imports its library
only when asked for.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from implcheck.portfolio import Group, Portfolio, Term
from implcheck.present.csv import BOM, cell
from implcheck.present.markdown import md
from implcheck.result import CONFIDENCE_MEANING, SCHEMA_VERSION, counted
from implcheck.safetext import json_text, line

COLUMNS = (
    "School",
    "Initiative",
    "Checklist",
    "Term",
    "Assessed on",
    "Verdict",
    "Score",
    "Confidence",
    "Respondents",
    "Disagreements",
    "Overdue actions",
    "Expired risks",
    "Since the previous term",
)


def change(term: Term) -> str:
    """The change since the previous term, in words: the score's move, and whether it regressed."""
    if not term.started:
        return "not started"
    if term.score_change is None:
        return "first term"
    moved = "score unchanged" if term.score_change == 0 else f"score {term.score_change:+.0f}"
    return f"regressed, {moved}" if term.regressed else moved


def row(group: Group, term: Term) -> tuple[str, ...]:
    """One group x term in words. User text is shown safely (``safetext.line``): a school's name
    cannot carry a terminal escape or forge a second line."""
    return (
        line(group.school),
        line(group.initiative),
        line(group.checklist),
        line(term.term),
        line(term.assessed_on),
        line(term.label),
        f"{term.score:.0f}",
        f"{term.confidence:.0%}",
        str(term.respondents),
        str(term.disagreements),
        str(term.overdue_actions),
        str(term.expired_risks),
        change(term),
    )


def rows(portfolio: Portfolio) -> list[tuple[str, ...]]:
    return [row(group, term) for group in portfolio.groups for term in group.terms]


def summary(portfolio: Portfolio) -> list[str]:
    """The sentences a trust's central team reads first, ending with what confidence measures."""
    groups = portfolio.groups
    # Counted by the words shown: a trust with both checklists reads "1 off track, 1 not ready".
    latest = Counter((group.latest.verdict.rank, group.latest.label) for group in groups)
    regressed = sum(1 for group in groups if group.regressed)
    verdicts = ", ".join(f"{count} {line(label.lower())}" for (_, label), count in sorted(latest.items()))
    said = [
        f"{counted(len(groups), 'implementation')} in {counted(portfolio.schools, 'school')}, "
        f"from {counted(portfolio.files, 'answers file')}.",
        f"Latest term: {verdicts or 'none'}. {regressed} regressed since the previous term.",
        f"Confidence is the {CONFIDENCE_MEANING}: a question respondents disagree on counts half.",
    ]
    if portfolio.migrated:
        said.append(
            f"{counted(portfolio.migrated, 'answers file')} written for an earlier version of "
            f"{'its' if portfolio.migrated == 1 else 'their'} checklist, read as the current version: answers "
            "carried to renamed questions, answers to retired questions not scored."
        )
    return said


@dataclass(frozen=True, slots=True)
class Slipped:
    """A group that regressed in its latest term, with what regressed, in words."""

    title: str
    terms: str
    reasons: tuple[str, ...]


def slipped(portfolio: Portfolio) -> list[Slipped]:
    found = []
    for group in portfolio.groups:
        if group.regressed and group.last_two is not None:
            before, after = group.last_two
            title = line(f"{group.school} · {group.initiative} ({group.checklist})")
            found.append(Slipped(title, line(f"{before.term} to {after.term}"), tuple(map(line, after.regressions))))
    return found


# --- JSON ---------------------------------------------------------------------------------


def _term(term: Term) -> dict[str, Any]:
    return {
        "term": term.term,
        "assessed_on": term.assessed_on,
        "checklist_version": term.checklist_version,
        "verdict": term.verdict.value,
        "score": term.score,
        "confidence": term.confidence,
        "respondents": term.respondents,
        "disagreements": term.disagreements,
        "overdue_actions": term.overdue_actions,
        "expired_risks": term.expired_risks,
        "started": term.started,
        "score_change": term.score_change,
        "regressed": term.regressed,
        "regressions": list(term.regressions),
        "files": list(term.files),
    }


def _regression(group: Group) -> dict[str, Any] | None:
    if group.last_two is None:
        return None
    before, after = group.last_two
    return {
        "regressed": after.regressed,
        "from_term": before.term,
        "to_term": after.term,
        "score_change": after.score_change,
        "reasons": list(after.regressions),
    }


def to_dict(portfolio: Portfolio) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "files": portfolio.files,
        "migrated_files": portfolio.migrated,
        "schools": portfolio.schools,
        "groups": [
            {
                "school": group.school,
                "initiative": group.initiative,
                "checklist": group.checklist,
                "checklist_title": group.checklist_title,
                "terms": [_term(term) for term in group.terms],
                "regression": _regression(group),
            }
            for group in portfolio.groups
        ],
        "problems": [str(problem) for problem in portfolio.problems],
    }


def render_json(portfolio: Portfolio) -> str:
    return json_text(json.dumps(to_dict(portfolio), indent=2, ensure_ascii=False)) + "\n"


# --- CSV ----------------------------------------------------------------------------------

CSV_HEADER = (
    "school",
    "initiative",
    "checklist",
    "checklist version",
    "term",
    "assessed on",
    "verdict",
    "score",
    "confidence",
    "respondents",
    "disagreements",
    "overdue actions",
    "expired risks",
    "score change",
    "regressed",
    "what regressed",
)


def render_csv(portfolio: Portfolio) -> str:
    """One row per group x term, safe in a spreadsheet as the report's CSV is (``csv.cell``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for group in portfolio.groups:
        for term in group.terms:
            text = [cell(value) for value in (group.school, group.initiative, group.checklist, term.checklist_version)]
            text += [cell(term.term), cell(term.assessed_on)]
            # Figures are ours, not user text: a score change of -5 stays a number, not '-5. The verdict
            # is a checklist's own word for it, so it is a cell like user text.
            figures = [
                cell(term.label),  # in the words every other format shows; JSON keeps the id
                f"{term.score:g}",
                f"{term.confidence:.2f}",
                str(term.respondents),
                str(term.disagreements),
                str(term.overdue_actions),
                str(term.expired_risks),
                "" if term.score_change is None else f"{term.score_change:g}",
                "yes" if term.regressed else "no",
            ]
            writer.writerow([*text, *figures, cell(" ".join(term.regressions))])
    return BOM + buffer.getvalue()


# --- Markdown -----------------------------------------------------------------------------


def render_markdown(portfolio: Portfolio) -> str:
    lines = ["# Portfolio", "", *map(md, summary(portfolio)), ""]
    found = slipped(portfolio)
    if found:
        lines += ["## Regressed since the previous term", ""]
        for group in found:
            lines.append(f"- **{md(group.title)}**, {md(group.terms)}:")
            lines += [f"  - {md(reason)}" for reason in group.reasons]
        lines.append("")
    lines += ["## Every implementation, worst first", ""]
    lines += ["| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    lines += ["| " + " | ".join(md(value) for value in values) + " |" for values in rows(portfolio)]
    return "\n".join(lines) + "\n"


# --- plain text ---------------------------------------------------------------------------


def render_text(portfolio: Portfolio, *, terminal: bool = False, color: bool = False, width: int = 100) -> str:
    """``terminal``: a person is reading, so rich's table (coloured if ``color``), not plain columns."""
    if terminal:
        from implcheck.present import portfolio_rich

        return portfolio_rich.render(portfolio, color=color, width=width)
    return render_plain(portfolio)


def render_plain(portfolio: Portfolio) -> str:
    """For a pipe, a file or a CI log: aligned columns, no colour, no rich."""
    lines = [*summary(portfolio), ""]
    found = slipped(portfolio)
    if found:
        lines.append("Regressed since the previous term:")
        for group in found:
            lines.append(f"  {group.title}, {group.terms}:")
            lines += [f"    - {reason}" for reason in group.reasons]
        lines.append("")
    table = [COLUMNS, *rows(portfolio)]
    widths = [max(len(values[i]) for values in table) for i in range(len(COLUMNS))]
    for values in table:
        lines.append("  ".join(value.ljust(width) for value, width in zip(values, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"
