"""``check --format junit``: JUnit XML, which GitLab, Jenkins and most CI servers show natively.

One test suite per checklist section and one test case per item: an item in place passes, one
that needs action (no, partly, unknown) fails with the action to take, and ``na`` is skipped. A
gap the governors accepted as a risk still fails, and its message says until when.

With ``--baseline``, a last suite, "Since last term", holds one failing test case for each way
readiness regressed (in questions, as every format says it), or one passing case when none did.
Every piece of user text is escaped for XML, and characters XML 1.0 cannot hold are dropped.
The document validates against the common JUnit schema (the Jenkins xUnit plugin's
``junit-10.xsd``, copied in ``tests/fixtures/``): test cases are named by their questions, in
the words the text summary uses, and carry no item id (the schema has no attribute for one;
JSON keeps the ids).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from implcheck.result import ItemResult, Result, RiskStatus, Status
from implcheck.safetext import inert

if TYPE_CHECKING:
    from implcheck.compare import Comparison

FAILING = {Status.GAP: "not in place", Status.PARTIAL: "only partly in place", Status.UNKNOWN: "not known"}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(text: str) -> str:
    return escape(_NOT_XML.sub("", inert(text)))


def _attr(text: str) -> str:
    return quoteattr(_NOT_XML.sub("", inert(text)), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _case(r: ItemResult, suite: str, accepted: RiskStatus | None) -> list[str]:
    head = f"    <testcase classname={_attr(suite)} name={_attr(r.item.question)}"
    if r.status in FAILING:
        kind = f"{'critical, ' if r.item.critical else ''}{FAILING[r.status]}"
        message = f"Answered {r.answer.words} ({kind})"
        if accepted is not None:
            message += f"; accepted as a risk until {accepted.expires} by {accepted.approved_by}"
        body = f"Action: {r.item.action}\nWhy it matters: {r.item.why}"
        if r.evidence:
            body += f"\nEvidence: {r.evidence}"
        return [
            f"{head}>",
            f"      <failure message={_attr(message)} type={_attr(kind)}>{_text(body)}</failure>",
            "    </testcase>",
        ]
    if r.status is Status.NOT_APPLICABLE:
        return [f"{head}>", f"      <skipped message={_attr('not applicable: ' + r.evidence)}/>", "    </testcase>"]
    return [f"{head}/>"]


def _since(comparison: Comparison) -> list[str]:
    then = comparison.before.context.term or "last term"
    suite = f"Since {then}"
    lines = [
        f'  <testsuite name={_attr(suite)} tests="{max(1, len(comparison.regressions))}"'
        f' failures="{len(comparison.regressions)}" errors="0" skipped="0">'
    ]
    for regression in comparison.regressions:
        lines += [
            f"    <testcase classname={_attr(suite)} name={_attr(regression.message)}>",
            f'      <failure message={_attr(regression.message)} type="regression">'
            f"{_text(f'Readiness regressed since {then}: {regression.message}')}</failure>",
            "    </testcase>",
        ]
    if not comparison.regressions:
        passed = f"Readiness has not gone backwards since {then}"
        if not comparison.started:
            passed = f"Not compared with {then}: nothing is answered yet"
        lines.append(f"    <testcase classname={_attr(suite)} name={_attr(passed)}/>")
    lines.append("  </testsuite>")
    return lines


def render(result: Result, baseline: Comparison | None = None) -> str:
    context = result.context
    name = " · ".join(part for part in (context.school, context.initiative, context.term) if part)
    name = name or result.checklist.title
    tests = len(result.items)
    failures = sum(1 for r in result.items if r.status in FAILING)
    if baseline is not None:
        tests += max(1, len(baseline.regressions))
        failures += len(baseline.regressions)
    accepted = {risk.item_id: risk for risk in result.active_risks if risk.gap}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name={_attr(f"implcheck: {name}")} tests="{tests}" failures="{failures}" errors="0">',
    ]
    for section in result.checklist.sections:
        rows = [r for r in result.items if r.section_id == section.id]
        suite = f"{section.title} ({section.stage.label})"
        lines += [
            f'  <testsuite name={_attr(suite)} tests="{len(rows)}"'
            f' failures="{sum(1 for r in rows if r.status in FAILING)}" errors="0"'
            f' skipped="{sum(1 for r in rows if r.status is Status.NOT_APPLICABLE)}">',
            "    <properties>",
            f'      <property name="verdict" value={_attr(result.verdict_label)}/>',
            f'      <property name="score" value="{result.score:g}"/>',
            f'      <property name="confidence" value="{result.confidence:g}"/>',
            f'      <property name="checklist" value={_attr(f"{result.checklist.id} {result.checklist.version}")}/>',
            "    </properties>",
        ]
        for r in rows:
            lines += _case(r, suite, accepted.get(r.item.id))
        lines.append("  </testsuite>")
    if baseline is not None:
        lines += _since(baseline)
    lines.append("</testsuites>")
    return "\n".join(lines) + "\n"
