"""The items of every version of each shipped checklist (``checklists/history.json``).

Generated from git by ``benchmarks/checklist_history.py`` (``make history``) and shipped in the
package. It holds a checklist to its past: when a shipped checklist's version goes up, every item
of an earlier version is still an item, or is under ``renamed:`` or ``retired:`` (``validate``);
and it gives a retired question its words, for outputs that name it.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from implcheck import catalog
from implcheck.migrate import version_key
from implcheck.model import Checklist

HISTORY_FILE = "history.json"
History = dict[str, dict[str, dict[str, str]]]  # checklist id -> version -> item id -> question


def render(history: History) -> str:
    """The file's text: one item per line, so a new version reads as a diff of its items."""
    return json.dumps(history, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


@functools.cache
def shipped() -> History:
    path = catalog.data_dir("checklists") / HISTORY_FILE
    data: History = json.loads(path.read_text(encoding="utf-8"))
    return data


def question(checklist_id: str, item_id: str) -> str:
    """The item's question in the latest shipped version that asked it; "" if none did."""
    versions = shipped().get(checklist_id, {})
    return next((items[item_id] for items in reversed(versions.values()) if item_id in items), "")


@dataclass(frozen=True, slots=True)
class Vanished:
    """An item of an earlier shipped version that this checklist neither has nor accounts for."""

    item_id: str
    version: str  # the latest shipped version that had it
    question: str


def vanished(checklist: Checklist) -> tuple[Vanished, ...]:
    """Items of the shipped versions up to ``checklist``'s own that it no longer has, and that
    are neither renamed nor retired: a file written for that version would lose its answer."""
    now = version_key(checklist.version)
    kept = {item.id for item in checklist.items} | checklist.renamed.keys() | checklist.retired.keys()
    last: dict[str, tuple[str, str]] = {}
    for version, items in shipped().get(checklist.id, {}).items():
        then = version_key(version)
        if now is not None and then is not None and then > now:
            continue
        last.update({item_id: (version, words) for item_id, words in items.items() if item_id not in kept})
    return tuple(Vanished(item_id, version, words) for item_id, (version, words) in last.items())
