"""Carrying a file into the next term (``carry.py``), and the file ``answers_file`` writes for it.

Whatever last term's answers were, and whatever text a school wrote in them, the new file loads,
every answer in it is ``unknown``, and last term's answer is a comment beside each item.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import MINI
from implcheck import answers_file, schemas
from implcheck.carry import Carried, LastTerm, carry, check_new_term, next_term, summary
from implcheck.errors import UsageError
from implcheck.load import answers_from_document, load_checklist
from implcheck.model import (
    AcceptedRisk,
    ActionStatus,
    AgreedAction,
    Answer,
    AnswerSheet,
    AnswerValue,
    Context,
    Respondent,
    Role,
)
from implcheck.yamlsource import load_document

CHECKLIST = load_checklist(MINI)
SCHEMA = jsonschema.Draft202012Validator(schemas.answers_for(CHECKLIST))
LEADER = Respondent("A. Leader", Role.SENIOR_LEADER)
CONTEXT = Context("Oakfield Primary", "Pobble", "2026-autumn", "2026-11-20", LEADER)

OPEN = AgreedAction("owner-named", "J. Patel", "2026-10-01", ActionStatus.OPEN, "overdue, still owed")
DONE = AgreedAction("single-sign-on", "IT", "2026-11-01", ActionStatus.DONE)
DROPPED = AgreedAction("training-planned", "IT", "2026-11-01", ActionStatus.DROPPED)
ACTIVE = AcceptedRisk("single-sign-on", "SSO in spring", "FGB 14/3", "2026-11-12", "2027-04-01")
RUNS_OUT = AcceptedRisk("owner-named", "interim lead", "FGB 14/3", "2026-06-01", "2026-12-31")
EXPIRED = AcceptedRisk("training-planned", "old", "FGB 2/1", "2025-12-01", "2026-11-19")


def sheet(answers: dict[str, Answer], **extra: object) -> AnswerSheet:
    return AnswerSheet(Path("last.yaml"), "mini.yaml", CONTEXT, answers, **extra)  # type: ignore[arg-type]


def test_context_comes_along_with_the_new_term_and_date() -> None:
    carried = carry(sheet({}), "2027-spring", "2027-03-10")
    assert carried.context == Context("Oakfield Primary", "Pobble", "2027-spring", "2027-03-10", LEADER)


def test_open_actions_come_along_done_and_dropped_stay_behind() -> None:
    carried = carry(sheet({}, actions=(OPEN, DONE, DROPPED)), "2027-spring", "2027-03-10")
    assert (carried.actions, carried.actions_left) == ((OPEN,), (DONE, DROPPED))


def test_risks_active_last_term_come_along_even_if_they_run_out_before_this_one() -> None:
    carried = carry(sheet({}, accepted_risks=(ACTIVE, RUNS_OUT, EXPIRED)), "2027-spring", "2027-03-10")
    assert (carried.accepted_risks, carried.risks_left) == ((ACTIVE, RUNS_OUT), (EXPIRED,))


def test_last_terms_answers_are_kept_to_show_never_to_count() -> None:
    answers = {"owner-named": Answer(AnswerValue.PARTLY, "0.8 FTE", "2026-11-01")}
    assert carry(sheet(answers), "2027-spring", "2027-03-10").last == LastTerm("2026-autumn", answers)


@pytest.mark.parametrize(
    ("actions", "risks", "said"),
    [
        ((), (), "Carried 0 open actions and 0 accepted risks."),
        ((OPEN,), (ACTIVE, RUNS_OUT), "Carried 1 open action and 2 accepted risks."),
        (
            (OPEN, DONE, DROPPED),
            (ACTIVE, EXPIRED),
            "Carried 1 open action and 1 accepted risk; left behind 2 done or dropped actions "
            "and 1 accepted risk already expired last term, on “Is follow-up training planned?”.",
        ),
    ],
)
def test_summary(actions: tuple[AgreedAction, ...], risks: tuple[AcceptedRisk, ...], said: str) -> None:
    carried = carry(sheet({}, actions=actions, accepted_risks=risks), "2027-spring", "2027-03-10")
    assert summary(carried, CHECKLIST) == said


def test_the_new_term_must_not_be_last_terms() -> None:
    check_new_term(Path("last.yaml"), "2026-autumn", "2027-spring")
    with pytest.raises(UsageError) as raised:
        check_new_term(Path("last.yaml"), "2026-autumn", "2026-Autumn")
    assert str(raised.value) == (
        "last.yaml: is already for term '2026-autumn'; give --term the term the new file is for, such as the next one"
    )


# --- the file written for the new term -------------------------------------------------------

HOSTILE = [
    "line one\n  problem-specific: yes",
    "ends the comment\r\nowner-named: yes",
    "NEL\x85 and LS\u2028 and PS\u2029 then: yes",
    "NUL \x00 DEL \x7f ESC \x1b[2J BOM \ufeff non-characters \ufffe\uffff",
    "bidi \u202eoverride\u202c and # a hash, 'quotes' \"and\" \\backslash",
    "half a pair \ud800 here",
    "a " * 400 + "very long one",
]


def render(carried: Carried) -> str:
    return answers_file.render(
        CHECKLIST,
        "mini.yaml",
        carried.context,
        {},
        actions=carried.actions,
        accepted_risks=carried.accepted_risks,
        last=carried.last,
    )


def reload(text: str) -> AnswerSheet:
    doc = load_document(Path("new.yaml"), text)
    loaded, _ = answers_from_document(doc, lambda ref, doc: CHECKLIST)
    assert SCHEMA.is_valid(doc.data), list(SCHEMA.iter_errors(doc.data))
    return loaded


_values = st.sampled_from([AnswerValue.YES, AnswerValue.PARTLY, AnswerValue.NO, AnswerValue.UNKNOWN])
_answer = st.builds(Answer, _values, st.text(max_size=60), st.sampled_from(["", "2026-11-01"]))
_answers = st.dictionaries(st.sampled_from([item.id for item in CHECKLIST.items]), _answer)
# As the loader gives text: stripped, never blank (what a loaded file can carry).
_plain = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40).map(str.strip).filter(bool)


@settings(max_examples=200, deadline=None)
@given(answers=_answers, owner=_plain, reason=_plain)
@example(
    answers={item.id: Answer(AnswerValue.PARTLY, text) for item, text in zip(CHECKLIST.items, HOSTILE, strict=False)},
    owner=HOSTILE[0],
    reason=HOSTILE[3],
)
def test_every_answer_resets_to_unknown_with_last_terms_beside_it(
    answers: dict[str, Answer], owner: str, reason: str
) -> None:
    action = AgreedAction("owner-named", owner, "2026-12-01", ActionStatus.OPEN, note=reason, action=reason)
    risk = AcceptedRisk("single-sign-on", reason, owner, "2026-11-12", "2027-04-01")
    carried = carry(sheet(answers, actions=(action,), accepted_risks=(risk,)), "2027-spring", "2027-03-10")
    text = render(carried)
    loaded = reload(text)
    assert loaded.answers == {item.id: Answer(AnswerValue.UNKNOWN) for item in CHECKLIST.items}
    assert loaded.context == carried.context
    assert (loaded.actions, loaded.accepted_risks) == ((action,), (risk,))
    for item in CHECKLIST.items:
        last = answers.get(item.id)
        said = last.value.value if last else "not answered"
        assert f"  # Last term (2026-autumn): {said}" in text
        assert text.index(f"  # Last term (2026-autumn): {said}") < text.index(f"  {item.id}: unknown")


@pytest.mark.parametrize("evidence", HOSTILE)
def test_hostile_evidence_stays_inside_its_comment(evidence: str) -> None:
    answers = {"problem-specific": Answer(AnswerValue.NO, evidence, "2026-11-01")}
    text = render(carry(sheet(answers), "2027-spring", "2027-03-10"))
    comment = text[text.index("  # Last term") : text.index("  problem-specific: unknown")]
    assert all(line.startswith("  #") for line in comment.splitlines())
    assert "\x00" not in text and "\u2028" not in text and "\x85" not in text and "\u202e" not in text
    assert reload(text).answers["problem-specific"] == Answer(AnswerValue.UNKNOWN)


def test_the_comment_shows_answer_evidence_and_date() -> None:
    answers = {"owner-named": Answer(AnswerValue.PARTLY, "Deputy head, 0.8 FTE", "2026-11-01")}
    text = render(carry(sheet(answers), "2027-spring", "2027-03-10"))
    assert (
        "  # Why: Nobody drives it.\n"
        "  # Last term (2026-autumn): partly; evidence: Deputy head, 0.8 FTE (dated 2026-11-01)\n"
        "  owner-named: unknown\n"
    ) in text


@pytest.mark.parametrize(
    ("term", "after"),
    [("2026-autumn", "2027-spring"), ("2027-spring", "2027-summer"), ("2027-Summer", "2027-autumn"), ("Term 2", "")],
)
def test_next_term(term: str, after: str) -> None:
    assert next_term(term) == after
