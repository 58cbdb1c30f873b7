"""Generate ``docs/checklists.md`` from the shipped checklists, so the docs cannot drift.

``python -m implcheck.docs`` prints it; ``--check FILE`` exits 1 if FILE is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from implcheck import catalog
from implcheck.load import load_checklist
from implcheck.model import FAILURE_MODE_DESCRIPTIONS
from implcheck.present.checklist import render_markdown


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


def main(argv: list[str]) -> int:
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
