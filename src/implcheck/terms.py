"""Which term comes first, and whether a term has started: one rule for ``check --baseline``,
``compare``, ``portfolio`` and the trust's CI script (docs/next-term.md).

Terms are ordered by their **name**, in school-year order: a name holding a year and a season
(``2026-autumn``, ``Spring 2027``) sorts by the year, then spring, summer and autumn within it,
as term folders are named. ``assessed_on`` only breaks a tie (two files of one term), and places
a term whose name says no season, by the season its date falls in.

Why the name and not the date: the name is what the school chose and what the folders are called,
so people, ``ls`` and the CI script see the same order implcheck uses. ``assessed_on`` is typed
by hand, and in a file ``init --from`` has just made it is today's date, whatever term the file
is for: ordered by date, a file made early for next term, or a date mistyped, would change which
term is the latest.

A term with nothing answered yet (a file ``init --from`` has just made) has **not started**: it
is shown so, never compared as a regression, and a portfolio's latest term is its latest started
one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from implcheck.result import Result

NOT_STARTED = "Not started"  # what a term with nothing answered is called, in place of a verdict
SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3}
_SEASON = "(spring|summer|autumn|fall)"
_NAMED = re.compile(rf"(?i)(?<!\d)(\d{{4}})[\s_./-]*{_SEASON}\b|\b{_SEASON}[\s_./-]*(\d{{4}})(?!\d)")
_DATE = re.compile(r"(\d{4})-(\d{2})-\d{2}")
TermKey = tuple[int, int, str, str]


def season_of(term: str, assessed_on: str = "") -> tuple[int, int]:
    """(year, season) of a term: from its name, else from its date (January to April spring, May
    to August summer, September to December autumn); a term with neither sorts last."""
    if named := _NAMED.search(term):
        year, season = (named.group(1), named.group(2)) if named.group(1) else (named.group(4), named.group(3))
        return int(year), SEASONS[season.casefold()]
    if dated := _DATE.fullmatch(assessed_on.strip()):
        month = int(dated.group(2))
        return int(dated.group(1)), 1 if month <= 4 else 2 if month <= 8 else 3
    return 9999, 9


def key(term: str, assessed_on: str = "") -> TermKey:
    """Sort key: the term's name in school-year order, then its date, then its name as written."""
    year, season = season_of(term, assessed_on)
    return year, season, assessed_on.strip(), term.casefold()


def started(result: Result) -> bool:
    """Whether anything is answered yet: a term with nothing answered has not started."""
    return result.answered > 0
