"""Write an answers file the way a person would: every item, its question and why as comments.

``init`` writes one full of ``unknown``; ``assess`` rewrites it after every answer. Both go
through ``render`` so a file made either way looks the same, diffs cleanly and loads back
through ``load.load_answers`` unchanged.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

from implcheck import migrate, safetext, schemas
from implcheck.carry import LastTerm
from implcheck.fileio import write_atomic
from implcheck.model import AcceptedRisk, AgreedAction, Answer, AnswerValue, Checklist, Context, Item, Role
from implcheck.textfile import MAX_BYTES

WIDTH = 96
# Characters JSON leaves as they are but YAML refuses or folds into a space: DEL and the C1
# controls (NEL among them), the Unicode line and paragraph separators, non-characters and lone
# surrogates (which could not even be written as UTF-8); and what safetext never shows raw, bidi
# formatting and invisible padding, so a value carried into next term's file reads as it is.
_YAML_UNSAFE = re.compile(f"[\x7f-\x9f\ufffe\uffff\ud800-\udfff{safetext.HIDDEN}]")


def schema_file(checklist: Checklist) -> str:
    """The schema an answers file's modeline names: one per checklist, as it lists the items."""
    return f"implcheck-answers-{checklist.id}.schema.json"


def write_schema_beside(answers_path: Path, checklist: Checklist) -> Path:
    """Write the checklist's answers schema beside the file, so editors complete item ids,
    show each question and flag a mistyped id. One implcheck wrote before (perhaps for an
    older version of the checklist) is brought up to date; any other file is left alone: it
    may be one the user keeps on purpose."""
    schema = answers_path.parent / schema_file(checklist)
    text = schemas.serialise(schemas.answers_for(checklist))
    if not schema.exists() or (_written_by_implcheck(schema) and schema.read_text(encoding="utf-8") != text):
        write_atomic(schema, text)
    return schema


def _written_by_implcheck(schema: Path) -> bool:
    try:
        if not schema.is_file() or schema.stat().st_size > MAX_BYTES:
            return False
        data = json.loads(schema.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and str(data.get("title", "")).startswith(schemas.ANSWERS_FOR)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _quote(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, and escapes most things awkward;
    # the few characters YAML reads differently are written as \u escapes too.
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(_escape, quoted)


def _inert(text: str) -> str:
    """``text`` on one line, safe inside a comment."""
    return _YAML_UNSAFE.sub(_escape, safetext.line(" ".join(text.split())))


def _comment(text: str, indent: str, first: str = "") -> list[str]:
    # A comment ends at a line break, and YAML refuses some characters even in one: from a
    # school's evidence both are shown as escapes, so hostile text cannot end the comment and
    # write YAML of its own.
    text = _inert(text)
    wrapped = textwrap.wrap(text, WIDTH - len(indent) - 2 - len(first)) or [""]
    lines = [f"{indent}# {first}{wrapped[0]}"]
    lines += [f"{indent}# {' ' * len(first)}{line}" for line in wrapped[1:]]
    return lines


def render(
    checklist: Checklist,
    checklist_ref: str,
    context: Context,
    answers: dict[str, Answer],
    *,
    mark_unasked: bool = False,
    actions: tuple[AgreedAction, ...] = (),
    accepted_risks: tuple[AcceptedRisk, ...] = (),
    last: LastTerm | None = None,
) -> str:
    """The answers file. Items missing from ``answers`` are written ``unknown``, or with
    ``mark_unasked`` (``assess``) as a comment saying they were not asked yet, so an explicit
    "don't know" and a question never asked stay apart in the file. With ``last`` (a file
    carried into a new term), last term's answer is a comment above each item. Only the
    questions the respondent's role is asked are written, in the role's words, and the file says
    which checklist version it answers (``checklist_version:``)."""
    respondent = context.respondent
    role = respondent.role
    kept = {
        item.id
        for item in checklist.items
        if not item.asks(role) and item.id in answers and answers[item.id].value is not AnswerValue.UNKNOWN
    }
    roles = ", ".join(each.value for each in Role)
    lines = [
        f"# yaml-language-server: $schema={schema_file(checklist)}",
        f"# {_inert(f'Answers for {checklist.title} ({checklist.id} {checklist.version}).')}",
        "# Answer each item yes, partly, no, unknown or na. To add evidence and a date, write:",
        "#   item-id:",
        "#     answer: partly",
        '#     evidence: "what you saw, and where"',
        "#     date: 2026-11-01",
        "# 'na' needs a reason in evidence, and is not allowed on critical items.",
        "# Check it with: implcheck check THIS-FILE",
        *(_comment(_CARRIED.format(term=last.term or "last term"), "") if last else []),
        f"checklist: {_quote(checklist_ref)}",
        # A file holding answers its role is no longer asked (written before the checklist had
        # question sets, now carried on by ``assess``) keeps them, and so stays such a file.
        *([] if kept else [f"checklist_version: {_quote(checklist.version)}"]),
        "context:",
        f"  school: {_quote(context.school)}",
        f"  initiative: {_quote(context.initiative)}",
        f"  term: {_quote(context.term)}  # e.g. 2026-autumn",
        f"  assessed_on: {_quote(context.assessed_on)}  # YYYY-MM-DD",
        "  respondent:",
        f"    name: {_quote(respondent.name)}",
        f"    role: {respondent.role.value}  # {roles}",
        "answers:",
    ]
    # Only the questions the respondent's role is asked, in the role's own words.
    for section in checklist.sections:
        asked = [item for item in section.items if item.asks(role) or item.id in kept]
        if not asked:
            continue
        lines += ["", f"  # == {section.stage.label} · {safetext.line(section.title)} ==", ""]
        for item in asked:
            flags = f"weight {item.weight}" + (", critical" if item.critical else "")
            lines += _comment(f"{item.question_for(role)} ({flags})", "  ")
            lines += _comment(item.why, "  ", "Why: ")
            if last is not None:
                lines += _comment(_last_answer(last, item), "  ", f"Last term ({last.term or 'not named'}): ")
            if mark_unasked and item.id not in answers:
                lines.append(f"  # {item.id}: not asked yet")
            else:
                lines += _answer_lines(item.id, answers.get(item.id, Answer(AnswerValue.UNKNOWN)))
    if last is not None and last.retired:
        lines += _retired_lines(checklist, last)
    items = {item.id: item for item in checklist.items}
    lines += _actions_lines(actions, items) + _risks_lines(accepted_risks, items)
    # Printed by ``init`` too: as safe for a CI log as every output (a ``\u0023`` in a quoted value
    # reads back as ``#``; values are always double-quoted, and no line starts with school text).
    return safetext.for_logs("\n".join(lines) + "\n", safetext.JSON)


_CARRIED = (
    "Carried over from {term}: every answer is back to unknown, and last term's answer is a comment "
    "above each item. Answer each one again for this term: last term's answer is not evidence for this one."
)


_ACTIONS = (
    "What the school agreed to do about an item: who, by when, and its status (open, done or dropped). "
    "An open action past its due date is overdue."
)
_RISKS = (
    "Gaps the governors accepted knowingly, each for at most a year. While one is active its gap does not "
    "block; once it expires it blocks again, until the governors accept it again with new dates."
)


def _last_answer(last: LastTerm, item: Item) -> str:
    answer = last.answers.get(item.id)
    return "not answered" if answer is None else _answer_text(answer)


def _answer_text(answer: Answer) -> str:
    text = answer.value.value
    if answer.evidence:
        text += f"; evidence: {answer.evidence}"
    if answer.date:
        text += f" (dated {answer.date})"
    return text


def _retired_lines(checklist: Checklist, last: LastTerm) -> list[str]:
    """What last term's file gave for questions since retired, as comments: they cannot be
    carried (the checklist no longer asks them) and must not be lost."""
    lines = ["", "  # == Retired questions: no longer asked, kept as last term's record ==", ""]
    term = last.term or "not named"
    for old_id in dict.fromkeys(each.old_id for each in last.retired):
        about = [each for each in last.retired if each.old_id == old_id]
        lines += _comment(f"“{migrate.question(checklist, about[0])}” was retired: {about[0].retired}", "  ")
        for each in about:
            given = each.given
            if isinstance(given, AgreedAction):
                what = f": {given.action}" if given.action else ""
                text = f"an action{what}, owner {given.owner}, due {given.due}, {given.status}"
            elif isinstance(given, AcceptedRisk):
                text = f"an accepted risk: {given.reason}, approved by {given.approved_by}, expires {given.expires}"
            else:
                text = _answer_text(given)
            lines += _comment(text, "  ", f"Last term ({term}): ")
    return lines


def _actions_lines(actions: tuple[AgreedAction, ...], items: dict[str, Item]) -> list[str]:
    if not actions:
        return []
    lines = ["", *_comment(_ACTIONS, ""), "actions:"]
    for action in actions:
        lines += _comment(items[action.item_id].question, "  ") if action.item_id in items else []
        lines += [
            f"  - item: {action.item_id}",
            f"    owner: {_quote(action.owner)}",
            f"    due: {action.due}",
            f"    status: {action.status.value}",
        ]
        lines += [f"    note: {_quote(action.note)}"] if action.note else []
        lines += [f"    action: {_quote(action.action)}"] if action.action else []
    return lines


def _risks_lines(risks: tuple[AcceptedRisk, ...], items: dict[str, Item]) -> list[str]:
    if not risks:
        return []
    lines = ["", *_comment(_RISKS, ""), "accepted_risks:"]
    for risk in risks:
        lines += _comment(items[risk.item_id].question, "  ") if risk.item_id in items else []
        lines += [
            f"  - item: {risk.item_id}",
            f"    reason: {_quote(risk.reason)}",
            f"    approved_by: {_quote(risk.approved_by)}",
            f"    approved_on: {risk.approved_on}",
            f"    expires: {risk.expires}",
        ]
    return lines


def _answer_lines(item_id: str, answer: Answer) -> list[str]:
    if not answer.evidence and not answer.date:
        return [f"  {item_id}: {answer.value.value}"]
    lines = [f"  {item_id}:", f"    answer: {answer.value.value}"]
    if answer.evidence:
        lines.append(f"    evidence: {_quote(answer.evidence)}")
    if answer.date:
        lines.append(f"    date: {answer.date}")
    return lines
