"""Markdown output. ``render_summary`` is the short ``check --format markdown`` summary (for a
CI job summary or a pull-request comment). Every piece of user text goes through ``md``.
"""

from __future__ import annotations

import re

from implcheck import migrate
from implcheck.present.ledger_view import listings
from implcheck.result import Result, shorten
from implcheck.roles import combine_note
from implcheck.safetext import inert

_SPECIAL = re.compile(r"([\\`*_\[\]#|~$])")
_LEADING = re.compile(r"^([-+=])|^(\d+)([.)])")
# What GitHub and GitLab turn into links by themselves, in the escaped text: a URL's ``://`` and
# ``www.``, and ``mailto:``/``xmpp:`` (cmark-gfm's autolinks; a backslash before the character
# stops them); ``@name`` (a mention, or an e-mail address) and ``#123`` (an issue), which the
# sites link in the rendered HTML, so they are split there with an element.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9]):(?=//)|(?<![a-z0-9.\\])(www)\.|\b(mailto|xmpp):")
_REFERENCE = re.compile(r"@|\\#(?=\d)")


def md(text: str) -> str:
    """Make user text inert in GitHub/GitLab Markdown, including inside a table cell.

    Backslash-escapes the characters that start emphasis, code, links, tables, headings and
    (GitHub and GitLab) maths, and a leading list or heading marker; turns ``&``, ``<`` and
    ``>`` into entities (a backslash does not stop raw HTML in every renderer); stops bare URLs,
    ``www.`` and e-mail addresses becoming links, and ``@name`` and ``#123`` becoming mentions
    and issue links. Newlines become spaces, so a table row cannot be broken.
    """
    flat = inert(" ".join(text.split()))
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _LEADING.sub(_escape_leading, _SPECIAL.sub(r"\\\1", flat))
    return _REFERENCE.sub(_unreferenced, _AUTOLINK.sub(_unlinked, escaped))


def _unlinked(match: re.Match[str]) -> str:
    word = match.group(1) or match.group(2)
    return f"{word}\\." if match.group(1) else f"{word}\\:" if word else "\\:"


def _unreferenced(match: re.Match[str]) -> str:
    return f"<span>{match.group().lstrip(chr(92))}</span>"


def _escape_leading(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def render_summary(result: Result) -> str:
    context = result.context
    title = " · ".join(md(part) for part in (context.school, context.initiative, context.term) if part)
    lines = [
        f"## {title or md(result.checklist.title)}",
        "",
        f"**Verdict: {md(result.verdict_label)}** · score {result.score_text}/100 · "
        f"confidence {result.confidence_text}: {md(result.confidence_meaning)} · "
        f"checklist `{result.checklist.id}` {md(result.checklist.version)}",
        "",
    ]
    migrated = migrate.note(result.checklist, result.migrated)
    if migrated:
        lines += [md(migrated), ""]
    note = combine_note(result)
    if note:
        lines += [md(note), ""]
    if result.reasons:
        lines += ["### Why", ""] + [f"- {md(reason.message)}" for reason in result.reasons] + [""]
    if result.failure_modes:
        lines += ["### Failure modes hit", "", "| Failure mode | Items |", "| --- | --- |"]
        lines += [
            f"| {md(hit.failure_mode.label)} | {', '.join(md(i) for i in hit.items)} |" for hit in result.failure_modes
        ]
        lines.append("")
    if result.critical_gaps:
        lines += ["### Critical gaps", "", "| Question | Answer | Action |", "| --- | --- | --- |"]
        lines += [
            f"| {md(r.item.question)} ({md(r.item.id)}) | {r.answer.value} | {md(r.item.action)} |"
            for r in result.critical_gaps
        ]
        lines.append("")
    if result.unknowns:
        lines += [f"### Still unknown ({len(result.unknowns)})", ""]
        lines += [f"- {md(shorten(r.item.question))}" for r in result.unknown_items] + [""]
    for listing in listings(result):
        lines += [f"### {md(listing.title)}", ""] + [f"- {md(text)}" for text in listing.lines] + [""]
    if result.disagreements:
        lines += ["### Disagreements", "", "| Question | Answers |", "| --- | --- |"]
        for d in result.disagreements:
            views = "; ".join(f"{md(a.respondent.role.value)}: {a.said}" for a in d.answers)
            lines.append(f"| {md(shorten(d.question))} | {views} |")
        lines.append("")
    return "\n".join(lines)
