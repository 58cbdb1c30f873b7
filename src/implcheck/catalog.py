"""Where the shipped checklists and templates are, installed or in a checkout.

The repository keeps ``checklists/`` and ``templates/`` at its root; the wheel maps them into
the package (``pyproject.toml``, hatch ``force-include``). Shipped checklists are listed here
explicitly, yamllint-style, rather than found by scanning a folder.
"""

from __future__ import annotations

import functools
from pathlib import Path

# id -> file name under checklists/; the order is the order `implcheck checklists` lists them.
SHIPPED: dict[str, str] = {
    "edtech-readiness": "edtech-readiness.yaml",
    "termly-recheck": "termly-recheck.yaml",
}

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``checklists`` or ``templates``: inside the installed package, else the checkout root."""
    return _data_dir(_PACKAGE, name)


@functools.cache  # where the package is does not change during a run; a portfolio asks per file
def _data_dir(package: Path, name: str) -> Path:
    installed = package / name
    if installed.is_dir():
        return installed
    return package.parent.parent / name


def shipped_path(checklist_id: str) -> Path | None:
    file_name = SHIPPED.get(checklist_id)
    return None if file_name is None else data_dir("checklists") / file_name


def looks_like_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml"))
