"""The HTML report in a real browser and a validator: axe-core (WCAG 2.1 A/AA and best practice)
in Debian's headless chromium, html-validate, no network requests, and a printed A4 first page
that holds the whole summary.

The tools come from ``.ci/setup-browser.sh``. Without them these tests skip, saying what is
missing, unless ``IMPLCHECK_REQUIRE_BROWSER=1`` (set by CI), when they fail instead. One browser
run covers every page, so the whole file takes seconds, not minutes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT
from implcheck.present import html
from implcheck.present.report_view import build
from report_helpers import (
    ALL_INPUTS,
    CHECK_PAGES,
    HTML_VALIDATE,
    UNBROKEN,
    longest_evidence,
    require_tools,
    result_of,
    run_tool,
)

pytestmark = pytest.mark.slow

# A page axe must fault, so a silent axe (not injected, not run) cannot pass as a clean one.
BROKEN = (
    '<!DOCTYPE html><html><head><title>x</title></head><body><img src="#">'
    '<p style="white-space: nowrap">' + "x " * 400 + "</p></body></html>"
)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    inputs = {**ALL_INPUTS, "longest": longest_evidence(tmp_path_factory.mktemp("longest"))}
    written = {}
    for name, paths in inputs.items():
        written[name] = folder / f"{name}.html"
        written[name].write_text(html.render(result_of(paths)), encoding="utf-8")
    # The same page with every piece of evidence opened, as a reader might leave it before printing.
    opened = (
        written["respondents"]
        .read_text(encoding="utf-8")
        .replace('<details class="evidence">', '<details class="evidence" open>')
    )
    written["opened"] = folder / "opened.html"
    written["opened"].write_text(opened, encoding="utf-8")
    return written


@pytest.fixture(scope="module")
def browser_run(pages: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    require_tools("node", "chromium", "axe")
    folder = tmp_path_factory.mktemp("browser")
    broken = folder / "broken.html"
    broken.write_text(BROKEN, encoding="utf-8")
    done = run_tool(
        ["node", str(CHECK_PAGES), "--pdf", str(folder), "--layout", *map(str, pages.values()), str(broken)]
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return {Path(file).stem: entry for file, entry in found.items()}


def test_axe_runs_and_finds_faults_on_a_broken_page(browser_run: dict[str, Any]) -> None:
    ids = {v["id"] for v in browser_run["broken"]["violations"]}
    assert {"image-alt", "html-has-lang", "landmark-one-main"} <= ids


@pytest.mark.parametrize("name", sorted(ALL_INPUTS))
def test_axe_finds_no_violations(browser_run: dict[str, Any], name: str) -> None:
    assert browser_run[name]["violations"] == []


@pytest.mark.parametrize("name", [*sorted(ALL_INPUTS), "longest"])
def test_nothing_is_wider_than_the_printed_page(browser_run: dict[str, Any], name: str) -> None:
    assert browser_run[name]["page_width"] == pytest.approx(703, abs=1)  # A4 less 12 mm each side
    assert browser_run[name]["overflow"] == []


def test_the_layout_check_finds_a_line_too_wide(browser_run: dict[str, Any]) -> None:
    assert [w["element"] for w in browser_run["broken"]["overflow"]][:1] == ["html"]


def test_evidence_of_items_in_place_prints_shortened_even_when_opened(browser_run: dict[str, Any]) -> None:
    require_tools("poppler")
    words = " ".join(run_tool(["pdftotext", browser_run["opened"]["pdf"], "-"]).stdout.split())
    assert "Assistant head (literacy) leads it with…" in words
    assert "leads it with one period a week protected" not in words
    assert browser_run["opened"]["violations"] == []


def test_longest_evidence_is_printed_in_full_where_it_is_a_gap(browser_run: dict[str, Any]) -> None:
    require_tools("poppler")
    text = run_tool(["pdftotext", browser_run["longest"]["pdf"], "-"]).stdout
    assert "".join(text.split()).count(UNBROKEN) >= 4  # wrapped anywhere, but all there


@pytest.mark.parametrize("name", sorted(ALL_INPUTS))
def test_the_page_makes_no_requests(browser_run: dict[str, Any], name: str) -> None:
    assert browser_run[name]["requests"] == []


@pytest.mark.parametrize("name", sorted(ALL_INPUTS))
def test_printed_first_page_holds_the_summary(browser_run: dict[str, Any], name: str) -> None:
    require_tools("poppler")
    pdf = browser_run[name]["pdf"]
    first = run_tool(["pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"]).stdout
    second = run_tool(["pdftotext", "-f", "2", "-l", "2", pdf, "-"]).stdout
    info = run_tool(["pdfinfo", pdf]).stdout
    assert "Page size:       595" in info or "A4" in info
    report = build(result_of(ALL_INPUTS[name]))
    assert f"Verdict: {report.verdict.label}" in first
    assert "What the governors are asked to decide" in first
    assert "Top risks" in first or not report.risks
    if report.risks:
        words = " ".join(first.split())
        last = report.risks[-1]
        assert f"{len(report.risks)} " in words
        assert " ".join(last.action.split()[:3]) in words  # the last top risk fits on the page
    if name == "respondents":  # a whole checklist, two respondents, evidence: a governor will print it
        pages = int(info.split("Pages:")[1].split()[0])
        assert pages <= 8
    assert "How the verdict was reached" not in first  # the detail starts on page 2
    assert "How the verdict was reached" in second


def test_html_validate_finds_no_errors(pages: dict[str, Path]) -> None:
    require_tools("node", "html-validate")
    config = ROOT / "tests" / "browser" / "htmlvalidate.json"
    done = run_tool([str(HTML_VALIDATE), "--config", str(config), "--formatter", "json", *map(str, pages.values())])
    problems = [
        (Path(entry["filePath"]).name, message["ruleId"], message["message"])
        for entry in json.loads(done.stdout or "[]")
        for message in entry["messages"]
    ]
    assert problems == []
    assert done.returncode == 0, done.stderr
