"""Generate docs from their one source, so the docs cannot drift.

``docs/checklists.md`` comes from the shipped checklists: ``python -m implcheck.docs`` prints it;
``--check FILE`` exits 1 if FILE is out of date.

Marked blocks, between ``<!-- begin: NAME -->`` and ``<!-- end: NAME -->``, are filled from
their one source: the verdict rules (``rules.RULES``) in ``docs/scoring.md`` and the README, a
checklist's keys (``fields.py``) in the README, and the problem ids (``errors.ProblemRule``) in
``docs/ci.md``. ``--blocks FILE...`` rewrites them, ``--check-blocks FILE...`` exits 1 if any is
out of date.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from implcheck import catalog, fields
from implcheck.errors import ProblemRule
from implcheck.load import load_checklist
from implcheck.model import FAILURE_MODE_DESCRIPTIONS, Thresholds
from implcheck.present.checklist import render_markdown
from implcheck.rules import RULES, Rule


def checklists_markdown() -> str:
    parts = [
        "# The shipped checklists",
        "",
        "Generated from `checklists/*.yaml` by `make docs` (`python -m implcheck.docs`); do not edit by hand.",
        "",
        "| Failure mode | What fails |",
        "| --- | --- |",
        *(f"| `{mode.value}` | {text} |" for mode, text in FAILURE_MODE_DESCRIPTIONS.items()),
        "",
    ]
    for file_name in catalog.SHIPPED.values():
        parts.append(render_markdown(load_checklist(catalog.data_dir("checklists") / file_name)))
    return "\n".join(parts)


def _when(rule: Rule) -> str:
    """The rule's condition, each threshold named with its default."""
    return rule.when.format(**{name: f"default {value:g}" for name, value in asdict(Thresholds()).items()})


def rules_table() -> str:
    rows = [
        "| rule | applies when | verdict at most | its items block approval | why |",
        "| --- | --- | --- | --- | --- |",
        *(
            f"| `{rule.id.value}` | {_when(rule)} | {rule.caps_at.label.lower()} | {'yes' if rule.blocks else 'no'} "
            f"| {rule.why} |"
            for rule in RULES
        ),
    ]
    return "\n".join(rows)


def rules_summary() -> str:
    lines = [
        "* The verdict is **ready** unless one of these rules caps it; the most cautious cap wins:",
        *(f"  * {_when(rule)} → **{rule.caps_at.label.lower()}**: {rule.why}" for rule in RULES),
    ]
    return "\n".join(lines)


def problem_ids() -> str:
    rows = [
        "| id | the problem |",
        "| --- | --- |",
        *(f"| `{rule.value}` | {rule.meaning} |" for rule in ProblemRule),
    ]
    return "\n".join(rows)


def _field(field: fields.Field) -> str:
    choices = f": {', '.join(f'`{choice.value}`' for choice in field.choices)}" if field.choices else ""
    return f"{field.description}{choices}"


def checklist_fields() -> str:
    records = (fields.CHECKLIST, fields.THRESHOLDS, fields.VERDICT_LABELS, fields.SECTION, fields.ITEM)
    rows = [
        "| in | key | required | what it is |",
        "| --- | --- | --- | --- |",
        *(
            f"| {record.what.replace(chr(39), '`')} | `{field.name}` | {'yes' if field.required else 'no'} "
            f"| {_field(field)} |"
            for record in records
            for field in record.fields
        ),
    ]
    return "\n".join(rows)


BLOCKS: dict[str, Callable[[], str]] = {
    "verdict-rules": rules_table,
    "verdict-rules-summary": rules_summary,
    "checklist-fields": checklist_fields,
    "problem-ids": problem_ids,
}
_BLOCK = re.compile(r"(<!-- begin: ([a-z-]+) -->\n)(.*?)(<!-- end: \2 -->)", re.DOTALL)


def fill_blocks(text: str) -> str:
    """Every marked block with its generated content; unknown names are left as they are."""

    def fill(match: re.Match[str]) -> str:
        make = BLOCKS.get(match.group(2))
        return match.group(0) if make is None else f"{match.group(1)}{make()}\n{match.group(4)}"

    return _BLOCK.sub(fill, text)


def _blocks(paths: list[str], *, check: bool) -> int:
    stale = 0
    for name in paths:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        filled = fill_blocks(text)
        if filled == text:
            continue
        if check:
            sys.stderr.write(f"{name} is out of date: run `make docs`\n")
            stale = 1
        else:
            path.write_text(filled, encoding="utf-8")
    return stale


def main(argv: list[str]) -> int:
    if argv[:1] in (["--blocks"], ["--check-blocks"]):
        return _blocks(argv[1:], check=argv[0] == "--check-blocks")
    text = checklists_markdown()
    if argv[:1] == ["--check"] and len(argv) == 2:
        if Path(argv[1]).read_text(encoding="utf-8") != text:
            sys.stderr.write(f"{argv[1]} is out of date: run `make docs`\n")
            return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
