"""``implcheck portfolio --format html``: the trust's dashboard as one self-contained page.

``templates/portfolio.html.j2`` lays it out (no script, no requests, printable); this module
only prepares plain values for it: the rows every format shows, and each group's score trend
as the points of a small inline SVG line with its words for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from implcheck import __version__
from implcheck.portfolio import Group, Portfolio
from implcheck.present.html import isolate, plain
from implcheck.present.portfolio import Slipped, change, slipped, summary
from implcheck.present.templating import environment

TEMPLATE = "portfolio.html.j2"
TREND_WIDTH, TREND_HEIGHT, TREND_PAD = 120, 32, 4


@dataclass(frozen=True, slots=True)
class TermRow:
    term: str
    assessed_on: str
    verdict: str  # the label, in words
    verdict_key: str  # not_ready | ready_with_conditions | ready, for the colour and symbol
    score: str
    confidence: str
    respondents: int
    disagreements: int
    overdue_actions: int
    expired_risks: int
    change: str
    regressed: bool


@dataclass(frozen=True, slots=True)
class GroupView:
    school: str
    initiative: str
    checklist: str
    regressed: bool
    terms: tuple[TermRow, ...]
    trend_points: str  # SVG polyline points; "" for a single term
    trend_dots: tuple[tuple[float, float], ...]
    trend_text: str  # the same trend in words


@dataclass(frozen=True, slots=True)
class Dashboard:
    version: str
    summary: tuple[str, ...]
    slipped: tuple[Slipped, ...]
    groups: tuple[GroupView, ...]
    problems: tuple[str, ...]


def _trend(group: Group) -> tuple[str, tuple[tuple[float, float], ...], str]:
    scores = [term.score for term in group.terms]
    step = (TREND_WIDTH - 2 * TREND_PAD) / max(1, len(scores) - 1)
    span = TREND_HEIGHT - 2 * TREND_PAD
    dots = tuple(
        (round(TREND_PAD + step * index, 1), round(TREND_PAD + span * (1 - score / 100), 1))
        for index, score in enumerate(scores)
    )
    points = " ".join(f"{x:g},{y:g}" for x, y in dots) if len(dots) > 1 else ""
    words = ", ".join(f"{term.term} {term.score:.0f}" for term in group.terms)
    return points, dots, f"Score out of 100 by term: {words}."


def _group(group: Group) -> GroupView:
    points, dots, text = _trend(group)
    terms = tuple(
        TermRow(
            term=term.term,
            assessed_on=term.assessed_on,
            verdict=term.label,
            verdict_key=term.verdict.value,
            score=f"{term.score:.0f}",
            confidence=f"{term.confidence:.0%}",
            respondents=term.respondents,
            disagreements=term.disagreements,
            overdue_actions=term.overdue_actions,
            expired_risks=term.expired_risks,
            change=change(term),
            regressed=term.regressed,
        )
        for term in reversed(group.terms)  # latest first: the row a reader looks for
    )
    return GroupView(group.school, group.initiative, group.checklist, group.regressed, terms, points, dots, text)


def render(portfolio: Portfolio) -> str:
    dashboard = Dashboard(
        version=__version__,
        summary=tuple(summary(portfolio)),
        slipped=tuple(slipped(portfolio)),
        groups=tuple(_group(group) for group in portfolio.groups),
        problems=tuple(str(problem) for problem in portfolio.problems),
    )
    env = environment(finalize=isolate)  # every value shown safely, as in the governors' report
    env.filters["plain"] = plain
    return env.get_template(TEMPLATE).render(d=dashboard, width=TREND_WIDTH, height=TREND_HEIGHT)
