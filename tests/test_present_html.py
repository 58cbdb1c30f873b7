"""The HTML report: self-contained, structured for assistive technology, and inert to user text."""

from __future__ import annotations

import itertools
from html.parser import HTMLParser

import pytest

from implcheck.present import html
from report_helpers import ALL_INPUTS, EXAMPLES, HOSTILE, HOSTILE_MARKUP, RECHECK, result_of


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(text: str) -> Collect:
    parser = Collect()
    parser.feed(text)
    return parser


@pytest.fixture(scope="module")
def pair_html() -> str:
    return html.render(result_of(RECHECK))


@pytest.mark.parametrize("name", sorted(ALL_INPUTS))
def test_self_contained_no_scripts_no_requests(name: str) -> None:
    page = parse(html.render(result_of(ALL_INPUTS[name])))
    names = [tag for tag, _ in page.tags]
    assert "script" not in names and "link" not in names and "iframe" not in names and "img" not in names
    for tag, attrs in page.tags:
        assert not any(key.startswith("on") for key in attrs), (tag, attrs)
        for key in ("href", "src", "action", "xlink:href"):
            value = attrs.get(key)
            assert value is None or value.startswith("#"), (tag, key, value)
        if tag == "rect" and "fill" in attrs:
            assert attrs["fill"] is not None and not attrs["fill"].startswith("url(http")
    style = "".join(page.text)
    assert "@import" not in style and "url(http" not in style and "@font-face" not in style


def test_structure_for_assistive_technology(pair_html: str) -> None:
    page = parse(pair_html)
    assert pair_html.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    names = [tag for tag, _ in page.tags]
    for landmark in ("header", "main", "footer"):
        assert names.count(landmark) == 1
    headings = [int(tag[1]) for tag in names if tag in ("h1", "h2", "h3", "h4")]
    assert headings[0] == 1 and headings.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(headings)), headings
    for tag, attrs in page.tags:
        if tag == "th":
            assert attrs.get("scope") in ("col", "row", "rowgroup"), attrs
    svgs = [attrs for tag, attrs in page.tags if tag == "svg" and attrs.get("role") == "img"]
    assert len(svgs) == 2
    assert '<title id="chart-stages-title">Score by stage</title>' in pair_html
    assert "<caption>Score by failure mode: the figures</caption>" in pair_html


def test_summary_content(pair_html: str) -> None:
    summary = pair_html[pair_html.index('<section class="summary"') : pair_html.index('aria-labelledby="why"')]
    assert '<p class="verdict-label">Verdict: Not ready</p>' in summary
    assert "<p>It is not going as planned: some gaps need action now.</p>" in summary  # after launch
    assert "32<small>/100</small>" in summary
    assert "60%</span>confidence</p>" in summary
    assert (
        '<p class="confidence">Confidence: share of questions answered and agreed on '
        "(5 of 5 answered; respondents disagree on 4, each counted half)</p>"
    ) in summary
    assert "Do not approve the continuation yet." in summary
    assert "Staff in different roles disagree on 4 items, 1 of them critical" in summary
    assert summary.count('<th scope="row" class="num">') == 4  # one row per top risk
    assert "In this term&#39;s staff survey, did most staff say it is worth doing?" in summary
    assert '<span class="who">Owner (suggested):</span> Implementation lead' in summary
    assert '<span class="tag blocks">Blocks approval</span>' in summary
    assert 'aria-hidden="true"' in summary  # the shape is decoration; the words carry the verdict


def test_detail_content(pair_html: str) -> None:
    assert '<h2 id="disagreements">Where respondents disagree</h2>' in pair_html
    disagree = pair_html[pair_html.index('<h2 id="disagreements">') : pair_html.index('<h2 id="sections">')]
    assert (
        "In this term&#39;s staff survey, did most staff say it is worth doing? "
        '<span class="id">Is it still worth doing? · Critical gaps</span></p>\n<dl class="answers">\n'
        "<div><dt>senior-leader</dt><dd><strong>Partly</strong> — "
    ) in disagree
    assert (
        "<div><dt>senior-leader</dt><dd><strong>Partly</strong> — Refresher session offered in October</dd></div>"
        in (disagree)
    )
    sections = pair_html[pair_html.index('<h2 id="sections">') : pair_html.index('<h2 id="unknowns">')]
    assert "staff survey" not in sections  # each question once: its section says where the rest are
    assert "score 17 · 2 of 2 answered · 2 where respondents disagree (above)</p>" in sections
    assert pair_html.index('<h2 id="scores">') < pair_html.index('<h2 id="in-place">')
    assert '<h2 id="glossary">Words used in this report</h2>' in pair_html
    assert "100 is best" in pair_html


def test_items_in_place_are_one_line_each_with_the_evidence_on_screen_only() -> None:
    page = html.render(result_of(EXAMPLES["respondents"]))
    table = page[page.index('<table class="in-place">') : page.index('<h2 id="glossary">')]
    assert '<tr><th scope="rowgroup" colspan="4" class="group">Leading the delivery</th></tr>' in table
    assert (
        "<tr><td>When asked this term (for example in the staff survey), did the staff who use it name the "
        "problem it is meant to solve?</td><td>Yes</td>"
        '<td>Both respondents</td><td><details class="evidence">'
        "<summary>Tutors asked at the November briefing…</summary>\n"
        '<ul class="answers">\n<li><span class="who">senior-leader:</span> '
        "Tutors asked at the November briefing named the KS3 reading-age gap</li>\n</ul>\n</details>"
    ) in table
    assert (  # the teacher is not asked this one, so it is the leader's yes alone
        "<tr><td>Does the named lead still have protected time each week to lead this?</td><td>Yes</td>"
        "<td>senior-leader</td>"
    ) in table
    # On paper only the summary prints, even when a reader has opened it on screen.
    css = page[page.index("@media print") :]
    assert "details.evidence > :not(summary) { display: none !important; }" in css


def test_hostile_text_is_escaped_everywhere() -> None:
    text = html.render(result_of(HOSTILE))
    for fragment in HOSTILE_MARKUP:
        assert fragment not in text, fragment
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(2)&gt;" in text
    assert "Oak &lt;script&gt;alert(&#34;s&#34;)&lt;/script&gt; | School" in text
    page = parse(text)
    assert "<script>alert(1)</script>" in "".join(page.text)  # shown as text, not run
