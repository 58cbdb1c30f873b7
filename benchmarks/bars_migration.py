"""Issue 21's bar for versioned checklists: a 1.2.1 file checked against the current version keeps
every renamed answer.

Walks the example files of every shipped version kept in tests/fixtures/history/<checklist>-<version>/
forward to the checklist shipped now, and prints PASS or FAIL for the bar (exit 1 on FAIL). Every
answer must be kept: an answer to a renamed question under its new id with the same value, an
answer to a retired question reported as retired, never dropped; and each file must check with a
verdict (exit 0 or 1), never as bad input.

    .venv/bin/python benchmarks/bars_migration.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from implcheck.cli import app
from implcheck.errors import InputError
from implcheck.load import load_answers
from implcheck.model import AnswerValue
from implcheck.yamlsource import load_document

ROOT = Path(__file__).resolve().parents[1]
HISTORY = ROOT / "tests" / "fixtures" / "history"


def _value(raw: Any) -> AnswerValue:
    given = raw.get("answer") if isinstance(raw, dict) else raw
    return AnswerValue.UNKNOWN if given is None else AnswerValue(str(given).strip().lower())


def walk(file: Path, scratch: Path) -> tuple[int, int, list[str]]:
    """(renamed answers kept, answers kept, what went wrong) for one old file read as now."""
    copy = scratch / file.name
    shutil.copyfile(file, copy)
    try:
        sheet, checklist = load_answers(copy)
    except InputError as error:
        return 0, 0, [f"{file}: refused: {error}"]
    wrong: list[str] = []
    retired = {m.old_id for m in sheet.migrated if m.is_retired and m.kind == "answer"}
    renamed = kept = 0
    for item_id, raw in load_document(copy).data.get("answers", {}).items():
        if item_id in retired:
            kept += 1
            continue
        now = sheet.answers.get(checklist.current_id(item_id))
        if now is None or now.value is not _value(raw):
            wrong.append(f"{file}: the answer to {item_id!r} was not kept")
            continue
        kept += 1
        renamed += item_id in checklist.renamed
    code = CliRunner().invoke(app, ["check", str(copy)]).exit_code
    if code not in (0, 1):
        wrong.append(f"{file}: check exited {code}, not with a verdict")
    return renamed, kept, wrong


def main() -> int:
    folders = sorted(path for path in HISTORY.iterdir() if path.is_dir()) if HISTORY.is_dir() else []
    old = [folder for folder in folders if folder.name.startswith("edtech-readiness-1.2.1")]
    renamed = kept = files = 0
    wrong: list[str] = [] if old else [f"no 1.2.1 files under {HISTORY}"]
    with tempfile.TemporaryDirectory() as scratch:
        for folder in folders:
            for file in sorted(folder.glob("*.yaml")):
                got = walk(file, Path(scratch))
                renamed, kept, files = renamed + got[0], kept + got[1], files + 1
                wrong += got[2]
    bar = "a 1.2.1 file checked against the current version keeps every renamed answer"
    if wrong:
        print(f"FAIL: {bar}")
        print("".join(f"  {line}\n" for line in wrong), end="")
        return 1
    print(f"PASS: {bar} ({renamed} renamed and {kept} answers in all kept, across {files} files of earlier versions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
