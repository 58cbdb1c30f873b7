"""``implcheck checklists`` and ``show``: what ships (``init`` is in ``commands/init.py``)."""

from __future__ import annotations

from implcheck import catalog
from implcheck.commands import Outcome
from implcheck.load import load_checklist, load_checklist_ref
from implcheck.present import ShowFormat, render_checklist


def list_shipped() -> Outcome:
    rows = []
    for checklist_id in catalog.SHIPPED:
        path = catalog.shipped_path(checklist_id)
        assert path is not None
        checklist = load_checklist(path)
        rows.append((checklist.id, checklist.version, checklist.title))
    id_width = max(len(row[0]) for row in rows)
    version_width = max(len(row[1]) for row in rows)
    return Outcome("".join(f"{i:<{id_width}}  {v:<{version_width}}  {t}\n" for i, v, t in rows))


def show(ref: str, fmt: ShowFormat = ShowFormat.TEXT) -> Outcome:
    checklist = load_checklist_ref(ref)
    return Outcome(render_checklist(checklist, fmt))
