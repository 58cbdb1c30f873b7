"""The Markdown report: GFM tables that hold whatever users type, and no way to inject HTML."""

from __future__ import annotations

import re

import markupsafe
import pytest
from markdown_it import MarkdownIt

from implcheck.present import html, markdown_report
from implcheck.present.markdown import md
from implcheck.present.report_view import build
from report_helpers import ALL_INPUTS, EXAMPLES, HOSTILE, RECHECK, result_of

# CommonMark with GFM tables and strikethrough, raw HTML allowed: as GitHub and GitLab parse it
# before sanitising, so an injection would show up as an html token.
PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def tables(text: str) -> list[list[int]]:
    """Cells per row, for every table."""
    found: list[list[int]] = []
    cells = 0
    for token in PARSER.parse(text):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            found[-1].append(cells)
    return found


@pytest.mark.parametrize("name", sorted(ALL_INPUTS))
def test_tables_hold_and_no_html_gets_through(name: str) -> None:
    text = markdown_report.render(result_of(ALL_INPUTS[name]))
    tokens = PARSER.parse(text)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert "html_block" not in kinds
    # The only HTML is md's own <span>, splitting an @mention or a #123 reference
    inline = {c.content for t in tokens for c in (t.children or []) if c.type == "html_inline"}
    assert inline <= {"<span>", "</span>"}
    assert "link_open" not in kinds and "image" not in kinds
    found = tables(text)
    assert found
    for rows in found:
        assert len(set(rows)) == 1, rows  # every row has as many cells as the header
    lines = text.splitlines()
    table_lines = [line for line in lines if line.startswith("|")]
    assert all(line.endswith("|") for line in table_lines)


def test_hostile_text_is_shown_as_text() -> None:
    text = markdown_report.render(result_of(HOSTILE))
    rendered = PARSER.render(text)
    assert "<script" not in rendered and "<img" not in rendered and "<svg" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert 'href="javascript' not in rendered
    assert (
        "<h1>Readiness report: Oak &lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt; | School # not a heading"
        in rendered
    )
    assert "$x$ ~~strike~~ ![img](http://evil.example/x.png)" in rendered  # literally, no maths or image
    assert "<del>" not in rendered


def test_summary_and_detail_content() -> None:
    text = markdown_report.render(result_of(RECHECK))
    assert "### ⛔ Verdict: Not ready\n\nIt is not going as planned: some gaps need action now.\n" in text
    assert (
        "**Score 32/100** · **confidence 60%**: share of questions answered and agreed on "
        "(5 of 5 answered; respondents disagree on 4, each counted half)\n"
    ) in text
    assert "**Do not approve the continuation yet.**" in text
    assert "| # | Risk | Action | Owner | By when |" in text
    assert "| 1 | **CRITICAL** · **blocks approval** · In this term\\'s staff survey" not in text
    assert "| 1 | **CRITICAL** · **blocks approval** · In this term's staff survey, did most staff say" in text
    assert (
        "- **CRITICAL** · **blocks approval** · **In this term's staff survey, did most staff say it is worth doing?** "
        "(Is it still worth doing? · Critical gaps)\n"
        "  - senior-leader: **Partly** — *no evidence given*\n"
        "  - teacher: **No** — *no evidence given*\n"
    ) in text
    assert "  - senior-leader: **Partly** — Refresher session offered in October\n" in text
    # The disagreements are not repeated in their sections; what everyone answered yes comes after the scores.
    assert (
        "### Is it kept going?\n\n"
        "Stage: Sustain · score 17 · 2 of 2 answered · 2 where respondents disagree (above)\n\n##"
    ) in text
    assert text.index("## Where respondents disagree") < text.index("## Gaps, section by section")
    assert text.index("## Scores by stage") < text.index("## In place: answered yes by everyone")
    assert (
        "| **Is it still worth doing?** | | | |\n"
        "| **CRITICAL** · Is the named senior leader still in post and leading it? "
        "| Yes | Both respondents | *none given* |\n"
    ) in text
    assert "## Words used in this report" in text
    assert "- **Accepted risk**: " in text


def test_md_filter_does_not_escape_twice() -> None:
    once = markdown_report.md_filter("a|b")
    assert once == "a\\|b" and markdown_report.md_filter(once) == "a\\|b"
    assert markdown_report.raw("**x**") == "**x**"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", "a \\| b"),
        ("line\nbreak", "line break"),
        ("<b>x</b> & y", "&lt;b&gt;x&lt;/b&gt; &amp; y"),
        ("$x$", "\\$x\\$"),
        ("- item", "\\- item"),
        ("1. first", "1\\. first"),
        ("[a](javascript:x)", "\\[a\\](javascript:x)"),
        ("see https://x.example/a", "see https\\://x.example/a"),
        ("www.x.example, WWW.y.org", "www\\.x.example, WWW\\.y.org"),
        ("mailto:a@b.co", "mailto\\:a<span>@</span>b.co"),
        ("ask @head about #123, not #abc", "ask <span>@</span>head about <span>#</span>123, not \\#abc"),
        ("at 10:30, see: //", "at 10:30, see: //"),
    ],
)
def test_md_escapes(text: str, expected: str) -> None:
    assert md(text) == expected


@pytest.mark.parametrize("name", [*sorted(EXAMPLES), "recheck", "ledger"])
def test_html_and_markdown_show_the_same_parts_and_questions_in_the_same_order(name: str) -> None:
    result = result_of(ALL_INPUTS[name])
    page, text = html.render(result), markdown_report.render(result)
    assert re.findall(r"<h2 id=\"[a-z-]+\">([^<]+)</h2>", page) == re.findall(r"^## (.+)$", text, re.MULTILINE)
    report = build(result)
    order = [
        *report.disagreements,
        *(row for s in report.sections for g in s.groups for row in g.rows),
        *(row for g in report.in_place for row in g.rows),
    ]
    for shown, escape in ((page, lambda q: str(markupsafe.escape(q))), (text, md)):
        at = shown.index("Where respondents disagree")
        for row in order:
            at = shown.index(escape(row.question), at)  # each after the one before
