"""Record each shipped checklist's items in every version it has shipped: checklists/history.json.

``implcheck validate`` holds a checklist to it (an item that vanished when the version went up
needs a ``renamed:`` or ``retired:`` entry), and outputs name a retired question by its words.
Read from git: every commit that touched a shipped checklist, and the working copy last, so a new
version is recorded before it is committed. Run it (``make history``) whenever a checklist's
version changes; tests/test_history.py fails until it has been.

    .venv/bin/python benchmarks/checklist_history.py          # writes checklists/history.json
    .venv/bin/python benchmarks/checklist_history.py --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from implcheck.catalog import SHIPPED
from implcheck.history import HISTORY_FILE, render
from implcheck.migrate import version_key

ROOT = Path(__file__).resolve().parents[1]


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def _items(text: str) -> tuple[str, str, dict[str, str]]:
    data: dict[str, Any] = yaml.safe_load(text)
    items = {item["id"]: " ".join(str(item["question"]).split()) for s in data["sections"] for item in s["items"]}
    return str(data["id"]), str(data["version"]), items


def history() -> dict[str, dict[str, dict[str, str]]]:
    found: dict[str, dict[str, dict[str, str]]] = {}
    for file_name in SHIPPED.values():
        path = f"checklists/{file_name}"
        commits = reversed(_git("log", "--format=%H", "--", path).split())
        texts = [_git("show", f"{commit}:{path}") for commit in commits]
        texts.append((ROOT / path).read_text(encoding="utf-8"))
        for text in texts:  # oldest first: a version's last text is the one it shipped with
            checklist_id, version, items = _items(text)
            found.setdefault(checklist_id, {})[version] = items
    return {
        checklist_id: dict(sorted(versions.items(), key=lambda pair: version_key(pair[0]) or ()))
        for checklist_id, versions in sorted(found.items())
    }


def main(argv: list[str]) -> int:
    target = ROOT / "checklists" / HISTORY_FILE
    text = render(history())
    if "--check" in argv:
        same = target.exists() and target.read_text(encoding="utf-8") == text
        print("PASS" if same else f"FAIL: {target} is out of date; run make history")
        return 0 if same else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}: " + ", ".join(f"{k} {', '.join(v)}" for k, v in json.loads(text).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
