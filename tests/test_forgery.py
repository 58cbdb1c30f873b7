"""Every command in every format over text written to forge output (``forgery_corpus.py``):
replayed through a parser of the GitHub runner's workflow-command syntax, no output forges a
command (``-f github`` writes only its own annotations), and none carries a raw control,
bidi override or invisible padding (issue 20; the rule is ``safetext.for_logs``)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import cmarkgfm
import pytest
import xmlschema
from cmarkgfm.cmark import Options
from typer.testing import CliRunner

from forgery_corpus import (
    PAYLOADS,
    RAW_BIDI,
    RAW_CONTROL,
    RAW_INVISIBLE,
    forged,
    latest,
    previous,
    tree,
    workflow_commands,
)
from helpers import FIXTURES
from implcheck.cli import app

runner = CliRunner()
JUNIT = xmlschema.XMLSchema(str(FIXTURES / "junit-10.xsd"))
ANNOTATIONS = frozenset({"error", "warning", "notice"})


def commands(folder: Path) -> list[list[str]]:
    now = sorted(str(p) for p in latest(folder).glob("*er.yaml"))
    then = str(previous(folder))
    checklist = str(latest(folder) / "checklists" / "list.yaml")
    everything = sorted(str(p) for p in folder.rglob("*.yaml"))
    check = [*(["check", *now, "-f", fmt] for fmt in ("text", "json", "markdown", "github", "junit"))]
    return [
        *check,
        *([*each, "--baseline", then] for each in check),
        ["check", str(folder / "bad-role.yaml")],
        *(["validate", *everything, "-f", fmt] for fmt in ("text", "json", "github")),
        *(["report", *now, "-f", fmt, "-o", "-"] for fmt in ("md", "csv", "html")),
        ["report", *now, "-f", "md", "-o", "-", "--baseline", then],
        *(["compare", then, str(latest(folder)), "-f", fmt] for fmt in ("text", "json", "md")),
        *(["portfolio", str(folder / "trust"), "-f", fmt] for fmt in ("text", "json", "md", "csv", "html")),
        ["portfolio", str(folder / "trust"), "--fail-on", "not_ready", "--fail-on-regression"],
        *(["show", checklist, "-f", fmt] for fmt in ("text", "md")),
        ["init", checklist],
        ["init", "--from", now[0], "--term", "2027-summer"],
    ]


@pytest.fixture(scope="module", params=sorted(PAYLOADS))
def trust(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp(request.param)
    tree(folder, PAYLOADS[request.param])
    return folder


@pytest.mark.slow  # every payload through every command and format: the corpus, like the hostile one
def test_no_output_forges_a_workflow_command_or_carries_raw_control_text(
    trust: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(trust)  # init --from prints the path it read
    for args in commands(trust):
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1, 2), (args, result.output)
        github = "github" in args
        shown = f"{args}\n{result.stdout}\n{result.stderr}"
        assert forged(result.stdout, allowed=ANNOTATIONS if github else frozenset()) == [], shown
        assert forged(result.stderr) == [], shown
        for out in (result.stdout.removeprefix("\ufeff"), result.stderr):
            assert RAW_CONTROL.search(out) is None, shown
            assert RAW_INVISIBLE.search(out) is None, shown
            assert RAW_BIDI.search(out) is None, shown
        if "junit" in args and result.exit_code != 2:  # some payloads make a file refused
            JUNIT.validate(ET.fromstring(result.stdout))


def test_the_check_summary_has_one_verdict_line_and_user_text_never_starts_a_line(trust: Path) -> None:
    now = [str(p) for p in sorted(latest(trust).glob("*er.yaml"))]
    out = runner.invoke(app, ["check", *now]).stdout
    verdicts = [line for line in out.splitlines() if re.match(r"[✓!✗] .*score \d+/100", line)]
    assert len(verdicts) == 1, out
    assert not any(line.lstrip().startswith(("✓ READY", "::")) for line in out.splitlines()), out


@pytest.mark.parametrize(
    ("output", "found"),
    [
        ("::add-mask::x", [("add-mask", "::add-mask::x")]),
        ("  ::error file=a,line=1::x", [("error", "  ::error file=a,line=1::x")]),
        ("ok\r::stop-commands::t", [("stop-commands", "::stop-commands::t")]),
        ("text ##[group]x", [("##[group]", "text ##[group]x")]),
        ("::half", [("malformed", "::half")]),
        ("a ::add-mask::x\n\\x3a:add-mask::x\n#\\x23[x]", []),
    ],
)
def test_the_runner_parser_reads_commands_as_the_runner_does(output: str, found: list[tuple[str, str]]) -> None:
    assert list(workflow_commands(output)) == found


def test_only_our_own_annotations_are_allowed() -> None:
    allowed = frozenset({"error"})
    assert forged("::error file=a.yaml,line=3,title=Not known::x", allowed=allowed) == []
    assert forged("::error bogus=1::x", allowed=allowed) == ["::error bogus=1::x"]
    assert forged("::set-env name=A::x", allowed=allowed) == ["::set-env name=A::x"]


# What the Markdown outputs may hold once GitHub renders them (raw HTML let through, as before
# GitHub's sanitiser): no link, image, emphasis or heading from a school's or a checklist's text.
OUR_TAGS = frozenset(
    ["table", "thead", "tbody", "tr", "th", "td", "p", "ul", "li", "strong", "em", "code", "span", "hr"]
)


def markdown_outputs(folder: Path) -> list[list[str]]:
    now = sorted(str(p) for p in latest(folder).glob("*er.yaml"))
    then = str(previous(folder))
    return [
        ["check", *now, "-f", "md", "--baseline", then],
        ["report", *now, "-f", "md", "-o", "-", "--baseline", then],
        ["compare", then, str(latest(folder)), "-f", "md"],
        ["portfolio", str(folder / "trust"), "-f", "md"],
        ["show", str(latest(folder) / "checklists" / "list.yaml"), "-f", "md"],
    ]


def test_markdown_holds_no_link_mention_or_html_from_user_text(trust: Path) -> None:
    for args in markdown_outputs(trust):
        out = runner.invoke(app, args).stdout
        html = cmarkgfm.github_flavored_markdown_to_html(out, options=Options.CMARK_OPT_UNSAFE)
        tags = set(re.findall(r"</?([a-z][a-z0-9]*)", html))
        assert "a" not in tags and "img" not in tags, (args, html)
        assert tags - {"h1", "h2", "h3", "h4"} <= OUR_TAGS, (args, tags, html)
        assert re.search(r"(?<![<\w])@\w", html) is None, (args, html)  # a mention, unsplit
        assert re.search(r"(?<![<\w/])#\d", html) is None, (args, html)  # an issue link, unsplit
        assert "<em>bold" not in html and "<code>code" not in html, (args, html)


def test_what_only_a_terminal_sees_forges_nothing_either(trust: Path) -> None:
    """rich's own drawing: the portfolio table and the coloured summary, as at a terminal."""
    from implcheck import portfolio
    from implcheck.errors import InputError
    from implcheck.load import load_assessment
    from implcheck.present import CheckFormat, PortfolioFormat, render_check, render_portfolio
    from implcheck.scoring import score

    shown = render_portfolio(portfolio.build([trust / "trust"]), PortfolioFormat.TEXT, terminal=True, color=True)
    assert forged(shown) == [], shown
    files = sorted(latest(trust).glob("*er.yaml"))
    try:
        result = score(load_assessment(files))
    except InputError:  # a payload the loader refuses (a raw control character) has no summary
        return
    for width in (40, 100):
        coloured = render_check(result, CheckFormat.TEXT, color=True, width=width)
        assert forged(coloured) == [], coloured
