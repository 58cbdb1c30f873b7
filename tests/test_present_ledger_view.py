"""The term-to-term loop in every output: overdue actions with the school's own owner and date,
accepted risks (who, why, until when), expired risks (that they expired, and when), and a critical
gap the governors accepted listed as an accepted risk, not as a critical gap.

Riverside Academy's spring file in examples/trust has one of each: an overdue action on coaching,
an accepted risk on the accountable lead (critical, partly) and an expired one on succession."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from helpers import ROOT
from implcheck.commands import check as check_cmd
from implcheck.commands import report as report_cmd
from implcheck.present import CheckFormat, ReportFormat, junit, markdown, text
from report_helpers import LEDGER, result_of
from test_ledger import N, Y, risk, run

RIVERSIDE = ROOT / "examples" / "trust" / "schools" / "riverside-academy" / "quizblast"
AUTUMN = RIVERSIDE / "2026-autumn"
LEAD = "Is there still a named senior leader, in post now, who is accountable to governors for this?"
SECOND = "Has a second named colleague worked on it with the lead this term, so they could take it over?"
COACHING = (
    "Have staff who use it had coaching this term from a colleague or trainer who uses it well, not only a helpdesk?"
)
ACCEPTED = (
    f"“{LEAD}”: accepted by Full governing body, minute 9/3 on 2027-03-05 until 2027-07-31: "
    "The deputy head covers until the new head of maths starts after Easter"
)
EXPIRED = (
    f"“{SECOND}”: accepted by Curriculum committee, minute 4/10 on 2026-10-08, expired on 2027-03-01, "
    "so the gap counts again"
)


def test_a_critical_gap_the_governors_accepted_is_listed_as_an_accepted_risk_not_a_critical_gap() -> None:
    result = run(N, Y, Y, Y, risks=(risk("problem-specific"),))
    assert result.critical_gaps == ()
    assert result.accepted_gap_ids == frozenset({"problem-specific"})
    summary = text.render(result)
    assert "Critical gaps" not in summary
    assert summary.endswith(
        "\nAccepted risks (1)\n"
        " • “Is there a specific problem?”: accepted by Full governing body on 2026-11-12 until 2027-04-01:\n"
        "   SSO arrives with the MIS switch in spring\n"
    )
    assert "### Critical gaps" not in markdown.render_summary(result)
    assert (
        "### Accepted risks (1)\n\n- “Is there a specific problem?”: accepted by Full governing body on 2026-11-12 "
        "until 2027-04-01: SSO arrives with the MIS switch in spring\n"
    ) in markdown.render_summary(result)


def test_once_expired_the_critical_gap_is_a_critical_gap_again() -> None:
    result = run(N, Y, Y, Y, risks=(risk("problem-specific", expires="2026-11-19"),))
    assert [r.item.id for r in result.critical_gaps] == ["problem-specific"]
    assert "\nCritical gaps\n" in text.render(result)


def test_the_schools_owner_and_date_where_it_gave_them_the_checklists_suggestion_where_not() -> None:
    result = result_of(LEDGER)
    owners = {a.item_id: (a.owner, a.by_when, a.agreed is not None) for a in result.actions}
    assert owners["coaching-since-launch"] == ("B. Deputy", "2027-02-28", True)
    assert owners["non-users-followed-up"] == ("B. Deputy", "2027-04-30", True)
    # parents-informed's action is done, but the answer is still partly: the suggestion again
    assert owners["parents-informed"][2] is False
    assert owners["pupil-champions"] == ("Implementation lead", "Before the end of this term", False)


def test_report_markdown_shows_the_ledger_in_the_body_and_since_last_term() -> None:
    page = report_cmd.run(list(LEDGER), ReportFormat.MD, baseline=AUTUMN).stdout
    assert (
        "| Book coaching, lesson visits or short department sessions for this half term, led by someone who uses it "
        "well, and check every user who needs it has been offered one. | B. Deputy (agreed) "
        "| 2027-02-28 **(overdue)** |"
    ) in page
    assert "| Headteacher (suggested) | Within two weeks |" in page
    assert "· accepted as a risk until 2027-07-31 · Is there still a named senior leader" in page
    body = page[page.index("## Agreed actions and accepted risks") : page.index("## How the verdict was reached")]
    assert body == (
        "## Agreed actions and accepted risks\n\n"
        "The school's actions list has 3 actions: 2 open (1 overdue), 1 done, 0 dropped.\n\n"
        "### Overdue actions (1)\n\n"
        "| Question | Action | Owner | Due |\n| --- | --- | --- | --- |\n"
        f"| {COACHING} | Book coaching, lesson visits or short department sessions for this half term, led by "
        "someone who uses it well, and check every user who needs it has been offered one. (Supplier webinar "
        "booked; no coaching by a person yet) | B. Deputy | 2027-02-28 |\n\n"
        "### Accepted risks (1)\n\n"
        "While a risk is accepted its gap does not block approval, but the verdict is at best on track with "
        "conditions.\n\n"
        "| Question | Accepted by | Why | Until |\n| --- | --- | --- | --- |\n"
        f"| {LEAD} | Full governing body, minute 9/3, 2027-03-05 | The deputy head covers until the new head of "
        "maths starts after Easter | 2027-07-31 |\n\n"
        "### Expired risks (1)\n\n"
        "Once an acceptance has expired, the gap counts again.\n\n"
        "| Question | Accepted by | Expired on |\n| --- | --- | --- |\n"
        f"| {SECOND} | Curriculum committee, minute 4/10, 2026-10-08 | 2027-03-01 |\n\n"
    )
    since = page[page.index("## Since last term") : page.index("## Agreed actions and accepted risks")]
    assert (
        "### Overdue actions (1)\n\n- B. Deputy, due 2027-02-28: Book coaching, lesson visits or short department "
        "sessions for this half term, led by someone who uses it well, and check every user who needs it has been "
        "offered one. (“Have staff who use it had coaching this term from a colleague or trainer who uses it well, "
        "not only…”)\n\n"
        f"### Accepted risks (1)\n\n- {ACCEPTED}\n\n"
        f"### Expired risks (1)\n\n- {EXPIRED}\n"
    ) in since
    assert (
        "owners and dates marked suggested are suggestions for the school to confirm, and those marked agreed "
        "are the school's own."
    ) in page


def test_report_html_shows_the_ledger() -> None:
    page = report_cmd.run(list(LEDGER), ReportFormat.HTML, baseline=AUTUMN).stdout
    assert '<span class="who">Owner (agreed):</span> B. Deputy · <span class="who">By:</span> 2027-02-28 ' in page
    assert '<span class="tag sev-critical">Overdue</span>' in page
    assert '<span class="tag">Accepted risk until 2027-07-31</span>' in page
    assert "<caption>Overdue actions (1)</caption>" in page
    assert (
        "<caption>Accepted risks (1): while accepted, the gap does not block approval, but the verdict is at best "
        "on track with conditions</caption>"
    ) in page
    assert "<caption>Expired risks (1): once an acceptance has expired, the gap counts again</caption>" in page
    assert (
        "<td>Full governing body, minute 9/3, 2027-03-05</td><td>The deputy head covers until the new head of maths "
        "starts after Easter</td><td>2027-07-31</td>"
    ) in page
    since = page[page.index('<section class="since"') : page.index('<section aria-labelledby="ledger">')]
    assert "<h3>Accepted risks (1)</h3>" in since
    assert "<h3>Expired risks (1)</h3>" in since


def test_a_report_without_actions_or_risks_has_no_ledger_section() -> None:
    page = report_cmd.run([ROOT / "examples" / "termly-recheck" / "strong.yaml"], ReportFormat.MD).stdout
    assert "Agreed actions and accepted risks" not in page
    assert page.endswith("owners and dates marked suggested are suggestions for the school to confirm.\n")


def test_check_text_and_markdown_list_the_ledger() -> None:
    shown = check_cmd.run(list(LEDGER), CheckFormat.TEXT, check_cmd.FailOn.NEVER).stdout
    words = " ".join(shown.split())  # as wrapped at 100 columns
    assert f"Accepted risks (1) • {ACCEPTED} Expired risks (1) • {EXPIRED}" in words
    assert "Critical gaps" not in shown
    summary = check_cmd.run(list(LEDGER), CheckFormat.MD, check_cmd.FailOn.NEVER, baseline=AUTUMN).stdout
    assert f"### Accepted risks (1)\n\n- {ACCEPTED}\n" in summary
    assert "### Since 2026-autumn\n" in summary  # `md` is the same format as `markdown`, baseline too


def test_github_annotates_the_ledger() -> None:
    shown = check_cmd.run(list(LEDGER), CheckFormat.GITHUB, check_cmd.FailOn.NEVER).stdout
    path = str(LEDGER[0])
    assert f"::warning file={path.replace(':', '%3A').replace(',', '%2C')},title=Expired risk::{EXPIRED}\n" in shown
    assert f",title=Accepted risk::{ACCEPTED}\n" in shown
    assert ",title=Overdue action::B. Deputy, due 2027-02-28: Book coaching" in shown
    assert ",title=Accepted risk%3A Critical%3A Only partly in place::" + LEAD in shown
    assert shown.count("::error ") == 2  # the accepted critical gap is a warning now


def test_junit_says_until_when_a_failing_gap_is_accepted() -> None:
    root = ET.fromstring(junit.render(result_of(LEDGER)))
    [case] = [c for c in root.iter("testcase") if c.get("name") == LEAD]
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == (
        "Answered partly (critical, only partly in place); accepted as a risk until 2027-07-31 by Full governing "
        "body, minute 9/3"
    )


def test_junit_adds_a_passing_case_when_nothing_regressed() -> None:
    oakfield = ROOT / "examples" / "trust" / "schools" / "oakfield-primary" / "pobble"
    files = sorted((oakfield / "2027-spring").glob("*.yaml"))
    shown = check_cmd.run(files, CheckFormat.JUNIT, check_cmd.FailOn.NEVER, baseline=oakfield / "2026-autumn").stdout
    root = ET.fromstring(shown)
    since = root.find("testsuite[@name='Since 2026-autumn']")
    assert since is not None
    assert [c.get("name") for c in since.iter("testcase")] == ["Readiness has not gone backwards since 2026-autumn"]
    assert root.get("tests") == str(sum(1 for _ in root.iter("testcase")))


def test_compare_lists_the_later_terms_ledger() -> None:
    from implcheck.commands import compare as compare_cmd

    shown = compare_cmd.run(AUTUMN, RIVERSIDE / "2027-spring").stdout
    assert shown.endswith(f"\nAccepted risks (1):\n • {ACCEPTED}\n\nExpired risks (1):\n • {EXPIRED}\n")
    assert "\nOverdue actions (1):\n • B. Deputy, due 2027-02-28: Book coaching" in shown


def test_the_csv_says_whose_owner_and_date_each_is() -> None:
    rows = report_cmd.run(list(LEDGER), ReportFormat.CSV).stdout.splitlines()
    coaching = next(row for row in rows if row.startswith("coaching-since-launch,"))
    # ... owner, due, status, agreed, then the answers and their evidence
    assert ",B. Deputy,2027-02-28,Only partly in place,yes,Partly," in coaching
    assert next(row for row in rows if row.startswith("pupil-champions,")).endswith(",Not in place,no,No,")


def test_the_decision_asks_about_overdue_actions_and_accepted_and_expired_risks() -> None:
    from implcheck.present.decision import decide

    decision = decide(result_of(LEDGER), shown=5)
    assert decision.conditions == ("The risk accepted by governors is reviewed before 2027-07-31, when it expires.",)
    assert decision.challenges == (
        "1 agreed action overdue (B. Deputy): ask why, and for a new date.",
        "1 accepted risk expired and the gap is still open: accept it again, with a reason, or ask for the action.",
    )


def test_junit_has_a_failing_case_for_each_regression_in_questions() -> None:
    shown = check_cmd.run(list(LEDGER), CheckFormat.JUNIT, check_cmd.FailOn.NEVER, baseline=AUTUMN)
    assert shown.exit_code == 1  # the gate still fails on the regression
    root = ET.fromstring(shown.stdout)
    since = root.find("testsuite[@name='Since 2026-autumn']")
    assert since is not None
    assert (since.get("tests"), since.get("failures")) == ("3", "3")
    cases = list(since.iter("testcase"))
    assert [c.get("name", "").split(":")[0] for c in cases] == [
        "The verdict fell from on track to on track with conditions.",
        "A critical question is worse",
        "The score fell by 10.8 points, from 97.9 to 87.1 (more than the 5 allowed).",
    ]
    failure = cases[1].find("failure")
    assert failure is not None
    assert failure.text == (
        f"Readiness regressed since 2026-autumn: A critical question is worse: {LEAD} (was yes, now partly)."
    )
    assert root.get("failures") == str(sum(1 for _ in root.iter("failure")))
