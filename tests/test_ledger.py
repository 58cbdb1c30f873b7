"""The term-to-term loop (ledger.py and its rules): overdue actions, accepted risks that expire,
stale evidence. Every date is judged against assessed_on (2026-11-20 here), never the clock."""

from __future__ import annotations

from pathlib import Path

from helpers import MINI
from implcheck.load import load_checklist
from implcheck.model import (
    AcceptedRisk,
    ActionStatus,
    AgreedAction,
    Answer,
    AnswerSheet,
    AnswerValue,
    Assessment,
    Context,
    Respondent,
    Role,
)
from implcheck.result import Result, RuleId, Verdict
from implcheck.scoring import score

CHECKLIST = load_checklist(MINI)
IDS = [item.id for item in CHECKLIST.items]  # problem-specific (critical, w3, explore), owner-named,
# single-sign-on (w2, prepare), training-planned (w1, prepare)
Y, P, N, U = (AnswerValue(v) for v in ("yes", "partly", "no", "unknown"))
SSO = "single-sign-on"


def run(
    *answers: AnswerValue,
    actions: tuple[AgreedAction, ...] = (),
    risks: tuple[AcceptedRisk, ...] = (),
    dates: dict[str, str] | None = None,
) -> Result:
    context = Context("Oakfield", "Pobble", "2026-autumn", "2026-11-20", Respondent("", Role.SENIOR_LEADER))
    given = {k: Answer(v, "", (dates or {}).get(k, "")) for k, v in zip(IDS, answers, strict=False)}
    sheet = AnswerSheet(Path("a.yaml"), "mini", context, given, actions, risks)
    return score(Assessment(CHECKLIST, (sheet,)))


def risk(item: str = SSO, expires: str = "2027-04-01") -> AcceptedRisk:
    return AcceptedRisk(item, "SSO arrives with the MIS switch in spring", "Full governing body", "2026-11-12", expires)


def rules(result: Result) -> list[RuleId]:
    return [reason.rule for reason in result.reasons]


def test_an_open_action_due_before_assessed_on_is_overdue() -> None:
    actions = (
        AgreedAction(SSO, "J. Patel", "2026-11-19", ActionStatus.OPEN),
        AgreedAction("owner-named", "J. Patel", "2026-11-20", ActionStatus.OPEN),  # due today: not yet
        AgreedAction("training-planned", "K. Ng", "2026-10-01", ActionStatus.DONE),
        AgreedAction("problem-specific", "K. Ng", "2026-10-01", ActionStatus.DROPPED),
    )
    result = run(Y, P, N, N, actions=actions)
    assert [(e.item_id, e.overdue) for e in result.ledger] == [
        (SSO, True),
        ("owner-named", False),
        ("training-planned", False),
        ("problem-specific", False),
    ]
    assert [e.item_id for e in result.overdue_actions] == [SSO]


def test_an_action_without_its_own_words_takes_the_checklists() -> None:
    actions = (
        AgreedAction(SSO, "J. Patel", "2027-01-31", ActionStatus.OPEN),
        AgreedAction("owner-named", "Head", "2027-01-31", ActionStatus.OPEN, note="Governors asked", action="Ask SLT"),
    )
    result = run(Y, P, N, Y, actions=actions)
    assert [(e.action, e.note) for e in result.ledger] == [
        ("Ask the vendor for single sign-on.", ""),
        ("Ask SLT", "Governors asked"),
    ]


def test_the_schools_owner_and_date_replace_the_suggestion() -> None:
    result = run(Y, P, N, Y, actions=(AgreedAction(SSO, "J. Patel", "2027-01-31", ActionStatus.OPEN),))
    by_item = {a.item_id: a for a in result.actions}
    assert (by_item[SSO].owner, by_item[SSO].by_when, by_item[SSO].owner_suggested) == ("J. Patel", "2027-01-31", False)
    assert by_item["owner-named"].owner_suggested  # no agreed action: the suggestion stays


def test_an_active_accepted_risk_stops_its_critical_gap_blocking_and_caps_at_conditions() -> None:
    critical = risk("problem-specific")
    assert run(N, Y, Y, Y).verdict is Verdict.NOT_READY
    result = run(N, Y, Y, Y, risks=(critical,))
    assert result.verdict is Verdict.READY_WITH_CONDITIONS
    assert rules(result) == [RuleId.SCORE_BELOW_READY, RuleId.ACCEPTED_RISK]
    assert result.reasons[-1].message == (
        "1 gap accepted as a risk: “Is there a specific problem?” until 2027-04-01, accepted by Full governing "
        "body on 2026-11-12 (SSO arrives with the MIS switch in spring)."
    )


def test_an_accepted_gap_cannot_drag_its_area_under_the_floor() -> None:
    assert RuleId.WEAK_FAILURE_MODE in rules(run(Y, Y, N, Y))  # friction scores 0
    result = run(Y, Y, N, Y, risks=(risk(),))
    assert RuleId.WEAK_FAILURE_MODE not in rules(result)
    assert RuleId.WEAK_STAGE not in rules(result)
    assert result.verdict is Verdict.READY_WITH_CONDITIONS


def test_an_expired_risk_blocks_again_and_says_when_it_expired() -> None:
    result = run(N, Y, Y, Y, risks=(risk("problem-specific", expires="2026-11-19"),))
    assert result.verdict is Verdict.NOT_READY
    assert rules(result) == [
        RuleId.SCORE_BELOW_READY,
        RuleId.CRITICAL_GAP,
        RuleId.WEAK_FAILURE_MODE,
        RuleId.EXPIRED_RISK,
    ]
    assert result.reasons[-1].message == (
        "1 accepted risk expired, so the gap counts again: “Is there a specific problem?” expired on 2026-11-19 "
        "(accepted by Full governing body on 2026-11-12)."
    )
    assert [r.item_id for r in result.expired_risks] == ["problem-specific"]


def test_a_risk_expiring_on_assessed_on_is_still_active() -> None:
    result = run(N, Y, Y, Y, risks=(risk("problem-specific", expires="2026-11-20"),))
    assert [r.item_id for r in result.active_risks] == ["problem-specific"]
    assert result.verdict is Verdict.READY_WITH_CONDITIONS


def test_a_risk_on_an_item_now_in_place_changes_nothing() -> None:
    result = run(Y, Y, Y, Y, risks=(risk(),))
    assert (result.verdict, result.reasons) == (Verdict.READY, ())
    assert [(r.item_id, r.active, r.gap) for r in result.accepted_risks] == [(SSO, True, False)]


def test_evidence_older_than_the_checklists_limit_is_stale() -> None:
    dates = {"problem-specific": "2025-11-19", "owner-named": "2025-11-20", SSO: "2026-11-01"}
    result = run(Y, Y, Y, U, dates=dates)
    assert [(s.item_id, s.date, s.age_days) for s in result.stale_evidence] == [("problem-specific", "2025-11-19", 366)]


def test_overdue_actions_and_stale_evidence_in_text_markdown_and_json() -> None:
    from implcheck.present import json, markdown, text

    result = run(
        Y,
        Y,
        N,
        Y,
        actions=(AgreedAction(SSO, "J. Patel", "2026-10-31", ActionStatus.OPEN),),
        risks=(risk(expires="2026-11-01"),),
        dates={"owner-named": "2025-01-01"},
    )
    summary = text.render(result)
    assert (
        "\nOverdue actions (1)\n"
        " • J. Patel, due 2026-10-31: Ask the vendor for single sign-on. (“Can staff log in with their\n"
        "   existing account?”)\n"
        "\nExpired risks (1)\n"
        " • “Can staff log in with their existing account?”: accepted by Full governing body on 2026-11-12,\n"
        "   expired on 2026-11-01, so the gap counts again\n"
        "\nStale evidence (1)\n"
        " • “Is there a named senior owner?”: evidence dated 2025-01-01, 688 days before this assessment\n"
    ) in summary
    assert "1 accepted risk expired, so the gap counts again: “Can staff log in" in summary
    assert (
        "### Overdue actions (1)\n\n- J. Patel, due 2026-10-31: Ask the vendor for single sign-on. "
        "(“Can staff log in with their existing account?”)\n"
    ) in markdown.render_summary(result)
    data = json.to_dict(result)
    assert data["overdue_actions"] == [
        {"item": SSO, "owner": "J. Patel", "due": "2026-10-31", "action": "Ask the vendor for single sign-on."}
    ]
    assert data["accepted_risks"][0]["active"] is False
    assert data["stale_evidence"] == [{"item": "owner-named", "date": "2025-01-01", "age_days": 688}]


def test_a_date_that_is_not_a_day_is_never_stale() -> None:
    # the loader refuses such dates; a sheet built by hand must still score
    assert run(Y, Y, Y, Y, dates={"owner-named": "last spring"}).stale_evidence == ()
