"""Write an answers file the way a person would: every item, its question and why as comments.

``init`` writes one full of ``unknown``; ``assess`` rewrites it after every answer. Both go
through ``render`` so a file made either way looks the same, diffs cleanly and loads back
through ``load.load_answers`` unchanged.
"""

from __future__ import annotations

import json
import os
import re
import textwrap
from pathlib import Path

from implcheck import catalog, schemas
from implcheck.fileio import write_atomic
from implcheck.model import Answer, AnswerValue, Checklist, Context, Role

SCHEMA_FILE = "implcheck-answers.schema.json"
WIDTH = 96
# Characters JSON leaves as they are but YAML refuses or folds into a space: DEL and the C1
# controls (NEL among them), the Unicode line and paragraph separators, non-characters and lone
# surrogates (which could not even be written as UTF-8).
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")


def checklist_ref_for(ref: str, answers_path: Path) -> str:
    """How the answers file at ``answers_path`` names its checklist: a shipped id as it is, a
    relative path made relative to the file itself, so the file loads from any folder."""
    if catalog.looks_like_path(ref) and not Path(ref).is_absolute():
        return os.path.relpath(Path(ref).resolve(), answers_path.resolve().parent)
    return ref


def write_schema_beside(answers_path: Path) -> Path:
    """Write the answers schema the file's modeline names, beside it, so editors validate it.
    A file already there is left alone: it may be one the user keeps on purpose."""
    schema = answers_path.parent / SCHEMA_FILE
    if not schema.exists():
        write_atomic(schema, schemas.text("answers"))
    return schema


def _quote(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, and escapes most things awkward;
    # the few characters YAML reads differently are written as \u escapes too.
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def _comment(text: str, indent: str, first: str = "") -> list[str]:
    wrapped = textwrap.wrap(" ".join(text.split()), WIDTH - len(indent) - 2 - len(first)) or [""]
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
) -> str:
    """The answers file. Items missing from ``answers`` are written ``unknown``, or with
    ``mark_unasked`` (``assess``) as a comment saying they were not asked yet, so an explicit
    "don't know" and a question never asked stay apart in the file."""
    respondent = context.respondent
    roles = ", ".join(role.value for role in Role)
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        f"# Answers for {checklist.title} ({checklist.id} {checklist.version}).",
        "# Answer each item yes, partly, no, unknown or na. To add evidence and a date, write:",
        "#   item-id:",
        "#     answer: partly",
        '#     evidence: "what you saw, and where"',
        "#     date: 2026-11-01",
        "# 'na' needs a reason in evidence, and is not allowed on critical items.",
        "# Check it with: implcheck check THIS-FILE",
        f"checklist: {_quote(checklist_ref)}",
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
    for section in checklist.sections:
        lines += ["", f"  # == {section.stage.label} · {section.title} ==", ""]
        for item in section.items:
            flags = f"weight {item.weight}" + (", critical" if item.critical else "")
            lines += _comment(f"{item.question} ({flags})", "  ")
            lines += _comment(item.why, "  ", "Why: ")
            if mark_unasked and item.id not in answers:
                lines.append(f"  # {item.id}: not asked yet")
            else:
                lines += _answer_lines(item.id, answers.get(item.id, Answer(AnswerValue.UNKNOWN)))
    return "\n".join(lines) + "\n"


def _answer_lines(item_id: str, answer: Answer) -> list[str]:
    if not answer.evidence and not answer.date:
        return [f"  {item_id}: {answer.value.value}"]
    lines = [f"  {item_id}:", f"    answer: {answer.value.value}"]
    if answer.evidence:
        lines.append(f"    evidence: {_quote(answer.evidence)}")
    if answer.date:
        lines.append(f"    date: {answer.date}")
    return lines
