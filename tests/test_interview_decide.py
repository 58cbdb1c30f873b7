"""``interview/decide.py``: the interview's pure decisions (keys typed, what to ask next, the
tally, the term, the context from flags and the file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assess_helpers import (
    ITEMS,
    yes,
)
from implcheck.errors import UsageError
from implcheck.interview.decide import (
    ContextFlags,
    Move,
    Tally,
    clean,
    key_hint,
    keys_explained,
    legend,
    merge_context,
    next_unasked,
    parse_key,
    parse_role,
    refusal,
    still_unknown,
    suggested_term,
)
from implcheck.model import Answer, AnswerValue, Context, Respondent, Role


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        ("y", AnswerValue.YES),
        ("YES", AnswerValue.YES),
        (" p ", AnswerValue.PARTLY),
        ("partly", AnswerValue.PARTLY),
        ("n", AnswerValue.NO),
        ("no", AnswerValue.NO),
        ("u", AnswerValue.UNKNOWN),
        ("unknown", AnswerValue.UNKNOWN),
        ("Don’t  know", AnswerValue.UNKNOWN),
        ("not sure", AnswerValue.UNKNOWN),
        ("na", AnswerValue.NA),
        ("N/A", AnswerValue.NA),
        ("", Move.KEEP),
        ("s", Move.SKIP),
        ("skip", Move.SKIP),
        ("b", Move.BACK),
        ("back", Move.BACK),
        ("?", Move.HELP),
        ("help", Move.HELP),
        ("q", Move.QUIT),
        ("quit", Move.QUIT),
        ("x", None),
        ("yes please", None),
    ],
)
def test_parse_key(typed: str, meaning: AnswerValue | Move | None) -> None:
    assert parse_key(typed) == meaning


def test_critical_items_do_not_offer_na() -> None:
    critical, ordinary = ITEMS[0], ITEMS[1]
    assert (key_hint(critical), key_hint(ordinary)) == ("[y/p/n/u/?]", "[y/p/n/u/na/?]")
    assert (legend(critical), legend(ordinary)) == (
        "y yes · p partly · n no · u don't know",
        "y yes · p partly · n no · u don't know · na doesn't apply",
    )
    assert "na" not in keys_explained(critical).split()
    assert keys_explained(ordinary).startswith("y yes · p partly · n no · u don't know · na doesn't apply (give a")
    assert refusal(critical, AnswerValue.NA) == (
        'This question is critical: a gap here blocks readiness, so it cannot be "doesn\'t apply". '
        "Answer y, p, n or u (don't know)."
    )
    assert refusal(critical, AnswerValue.NO) is None
    assert refusal(ordinary, AnswerValue.NA) is None


@pytest.mark.parametrize(
    ("answers", "start", "expected"),
    [
        ({}, 0, 0),
        (yes("problem-specific"), 0, 1),
        (yes("problem-specific", "owner-named"), 0, 2),
        ({**yes("problem-specific"), "owner-named": Answer(AnswerValue.UNKNOWN)}, 0, 2),  # don't know: asked
        (yes("single-sign-on"), 2, 3),
        (yes("problem-specific", "owner-named", "single-sign-on", "training-planned"), 0, None),
        ({}, 4, None),
    ],
)
def test_next_unasked(answers: dict[str, Answer], start: int, expected: int | None) -> None:
    assert next_unasked(ITEMS, answers, start) == expected


def test_still_unknown_lists_the_dont_knows() -> None:
    answers = {**yes("problem-specific"), "single-sign-on": Answer(AnswerValue.UNKNOWN, "asked IT")}
    assert still_unknown(ITEMS, answers) == [2]


@pytest.mark.parametrize(
    ("answers", "said"),
    [
        ({}, "0 of 4 answered, 4 not asked yet"),
        (yes(*(item.id for item in ITEMS)), "4 of 4 answered"),
        (
            {**yes("problem-specific"), "owner-named": Answer(AnswerValue.NA, "trust"),
             "single-sign-on": Answer(AnswerValue.UNKNOWN)},
            "1 of 3 answered, 1 don't know, 1 not asked yet; 1 doesn't apply",
        ),
        (
            {"owner-named": Answer(AnswerValue.NA, "a"), "single-sign-on": Answer(AnswerValue.NA, "b")},
            "0 of 2 answered, 2 not asked yet; 2 don't apply",
        ),
    ],
)  # fmt: skip
def test_the_tally_counts_as_check_does(answers: dict[str, Answer], said: str) -> None:
    assert str(Tally.of(ITEMS, answers)) == said


@pytest.mark.parametrize(
    ("day", "term"),
    [(date(2026, 1, 5), "2026-spring"), (date(2026, 5, 1), "2026-summer"), (date(2026, 11, 20), "2026-autumn")],
)
def test_suggested_term(day: date, term: str) -> None:
    assert suggested_term(day) == term


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("t", Role.TEACHER),
        ("IT", Role.IT),
        ("senior", Role.SENIOR_LEADER),
        ("g", Role.GOVERNOR),
        ("", None),
        ("x", None),
    ],
)
def test_parse_role(typed: str, role: Role | None) -> None:
    assert parse_role(typed) == role


def test_clean_makes_one_line() -> None:
    assert clean("  SLT\tminutes \u2028 3 May \n") == "SLT minutes 3 May"


def test_merge_context_fills_gaps_and_lists_what_to_ask() -> None:
    context, missing = merge_context(Context(), ContextFlags(school=" Oak ", role=Role.IT), Path("a.yaml"))
    assert context == Context(school="Oak", respondent=Respondent("", Role.IT))
    assert missing == {"initiative", "term", "name"}


def test_merge_context_keeps_the_file_and_fills_a_missing_name() -> None:
    existing = Context("Oak", "Pobble", "2026-autumn", "2026-11-20", Respondent("", Role.TEACHER))
    context, missing = merge_context(existing, ContextFlags(school="oak", name="Sam"), Path("a.yaml"))
    assert context == Context("Oak", "Pobble", "2026-autumn", "2026-11-20", Respondent("Sam", Role.TEACHER))
    assert missing == set()


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (
            ContextFlags(school="Elm"),
            "a.yaml: is for school 'Oak', not 'Elm'; leave out --school to carry on with it, or choose another -o",
        ),
        (
            ContextFlags(role=Role.IT),
            "a.yaml: was answered as teacher, not it; each respondent writes their own file, so choose another -o",
        ),
        (
            ContextFlags(name="Kim"),
            "a.yaml: was answered by 'Sam', not 'Kim'; each respondent writes their own file, so choose another -o",
        ),
    ],
)
def test_merge_context_refuses_flags_that_contradict_the_file(flags: ContextFlags, message: str) -> None:
    existing = Context("Oak", "Pobble", "2026-autumn", "", Respondent("Sam", Role.TEACHER))
    with pytest.raises(UsageError) as error:
        merge_context(existing, flags, Path("a.yaml"))
    assert str(error.value) == message
