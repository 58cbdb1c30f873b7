"""The migration rule, directly: renamed answers carried, retired ones kept aside, nothing lost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import FIXTURES
from implcheck import migrate
from implcheck.load import load_checklist
from implcheck.migrate import Answered
from implcheck.model import AcceptedRisk, ActionStatus, AgreedAction, Answer, AnswerValue, Migration

# owner-named → lead-named → senior-owner; training-planned retired
MINI_11 = load_checklist(FIXTURES / "mini-1.1.yaml")
RETIRED = "Merged into the owner's plan."
YES, NO, PARTLY = (Answer(value) for value in (AnswerValue.YES, AnswerValue.NO, AnswerValue.PARTLY))


def test_an_answer_to_a_renamed_id_is_carried_along_the_whole_chain() -> None:
    moved = migrate.migrate(MINI_11, [Answered("owner-named", PARTLY, 10), Answered("problem-specific", YES, 9)])
    assert moved.answers == {"problem-specific": YES, "senior-owner": PARTLY}
    assert moved.migrations == (Migration("owner-named", "senior-owner", "", PARTLY, 10),)
    assert (moved.clashes, moved.unknown) == ((), ())


def test_an_answer_to_a_retired_id_is_kept_aside_with_why() -> None:
    moved = migrate.migrate(MINI_11, [Answered("training-planned", NO, 12)])
    assert moved.answers == {}
    assert moved.migrations == (Migration("training-planned", "", RETIRED, NO, 12),)
    assert moved.migrations[0].is_retired
    assert moved.migrations[0].kind == "answer"


def test_an_answer_under_the_current_id_stands_and_the_old_one_clashes() -> None:
    old, new = Answered("owner-named", NO, 10), Answered("senior-owner", YES, 11)
    moved = migrate.migrate(MINI_11, [old, new])
    assert moved.answers == {"senior-owner": YES}
    assert moved.clashes == ((old, "senior-owner"),)
    assert moved.migrations == ()


def test_two_old_ids_of_one_item_clash_on_the_second() -> None:
    first, second = Answered("owner-named", NO, 10), Answered("lead-named", YES, 11)
    moved = migrate.migrate(MINI_11, [first, second])
    assert moved.answers == {"senior-owner": NO}
    assert moved.clashes == ((second, "owner-named"),)


def test_an_id_no_version_knows_is_unknown() -> None:
    moved = migrate.migrate(MINI_11, [Answered("nowhere", YES, 3)])
    assert (moved.answers, moved.unknown) == ({}, (Answered("nowhere", YES, 3),))
    assert not migrate.is_known(MINI_11, "nowhere")
    assert all(migrate.is_known(MINI_11, i) for i in ("owner-named", "lead-named", "senior-owner", "training-planned"))


IDS = ["problem-specific", "senior-owner", "single-sign-on", "owner-named", "lead-named", "training-planned", "x-y"]


@given(st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(list(AnswerValue))), unique_by=lambda p: p[0]))
def test_migrating_never_loses_an_answer(pairs: list[tuple[str, AnswerValue]]) -> None:
    given_ = [Answered(item_id, Answer(value), line) for line, (item_id, value) in enumerate(pairs, 1)]
    moved = migrate.migrate(MINI_11, given_)
    retired = {m.old_id: m.given for m in moved.migrations if m.is_retired}
    clashed = {each.item_id for each, _ in moved.clashes}
    unknown = {each.item_id for each in moved.unknown}
    for each in given_:
        scored = moved.answers.get(MINI_11.current_id(each.item_id)) is each.answer
        placed = [scored and each.item_id not in clashed, each.item_id in retired, each.item_id in clashed]
        placed.append(each.item_id in unknown)
        assert placed.count(True) == 1, each  # scored under its current id, or reported: exactly one
        assert each.item_id not in retired or retired[each.item_id] is each.answer
    assert len(given_) == len(moved.answers) + len(retired) + len(clashed) + len(unknown)
    assert set(moved.answers) <= {item.id for item in MINI_11.items}


def test_an_action_or_risk_is_carried_or_kept_aside_like_an_answer() -> None:
    action = AgreedAction("owner-named", "J. Patel", "2027-01-31", ActionStatus.OPEN)
    risk = AcceptedRisk("training-planned", "Later", "Governors", "2026-11-01", "2027-04-01")
    assert migrate.migrate_ledger(MINI_11, action, 14) == Migration("owner-named", "senior-owner", "", action, 14)
    retired = migrate.migrate_ledger(MINI_11, risk, 20)
    assert retired == Migration("training-planned", "", RETIRED, risk, 20)
    assert (retired.kind, Migration("a", "b", "", action).kind) == ("accepted risk", "action")
    assert migrate.migrate_ledger(MINI_11, AgreedAction("senior-owner", "J", "2027-01-31", ActionStatus.OPEN)) is None


@pytest.mark.parametrize(
    ("text", "key"),
    [("1.2.1", (1, 2, 1)), ("1.3", (1, 3)), ("1.3.0", (1, 3)), (" v2 ", (2,)), ("1.10", (1, 10)), ("0", (0,))],
)
def test_versions_compare_as_numbers(text: str, key: tuple[int, ...]) -> None:
    assert migrate.version_key(text) == key


@pytest.mark.parametrize("text", ["", "one", "1..2", "1.2-beta", "2026-autumn", "1" * 5000, ".".join("1" * 11)])
def test_a_version_that_is_not_numbers_has_no_key(text: str) -> None:
    assert migrate.version_key(text) is None


def test_newer_and_same_versions() -> None:
    assert migrate.is_newer("1.10.0", "1.9.2")
    assert not migrate.is_newer("1.2.1", "1.3.0")
    assert not migrate.is_newer("draft", "1.0")  # not a number: never judged newer
    assert migrate.is_same("1.3", "1.3.0")
    assert migrate.is_same("draft", " draft ")
    assert not migrate.is_same("draft", "1.0")


def test_the_note_says_what_was_done_naming_questions() -> None:
    moved = migrate.migrate(
        MINI_11, [Answered("owner-named", PARTLY), Answered("training-planned", NO), Answered("problem-specific", YES)]
    )
    action = AgreedAction("training-planned", "J", "2027-01-31", ActionStatus.OPEN)
    risk = AcceptedRisk("training-planned", "Later", "Governors", "2026-11-01", "2027-04-01")
    ledger = [migrate.migrate_ledger(MINI_11, each) for each in (action, risk)]
    assert migrate.note(MINI_11, moved.migrations) == (
        "Read as version 1.1: 1 answer carried to a renamed question; 1 answer to a retired question "
        "(“training-planned”: Merged into the owner's plan) not scored."
    )
    assert migrate.note(MINI_11, [*moved.migrations, *moved.migrations, *(m for m in ledger if m)]) == (
        "Read as version 1.1: 2 answers carried to renamed questions; 2 answers to retired questions "
        "(“training-planned”: Merged into the owner's plan) not scored; 1 action on a retired question "
        "(“training-planned”: Merged into the owner's plan) no longer tracked; 1 accepted risk on a retired "
        "question (“training-planned”: Merged into the owner's plan) no longer applied."
    )
    assert migrate.note(MINI_11, ()) == ""


def test_a_question_is_named_by_its_words() -> None:
    renamed = Migration("owner-named", "senior-owner", "", YES)
    assert migrate.question(MINI_11, renamed) == "Is there a named senior owner?"
    assert migrate.question(MINI_11, Migration("training-planned", "", RETIRED, YES)) == "training-planned"
