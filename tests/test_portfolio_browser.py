"""The trust's HTML dashboard (``portfolio -f html``) in Debian's headless chromium: axe-core finds
no accessibility faults, the page makes no requests, and its table fits, with no sideways
scrolling, both a laptop screen 1366 px wide and a printed A4 landscape page.

The tools come from ``.ci/setup-browser.sh``; without them these tests skip, saying what is
missing (``IMPLCHECK_REQUIRE_BROWSER=1``, set by CI, makes them fail instead).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT
from implcheck import portfolio
from implcheck.present import PortfolioFormat, render_portfolio
from report_helpers import CHECK_PAGES, require_tools, run_tool

pytestmark = pytest.mark.slow
TABLE_FITS = ROOT / "tests" / "browser" / "table_fits.cjs"


@pytest.fixture(scope="module")
def dashboards(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The example trust's dashboard, and that of 18 generated implementations (the screenshot's)."""
    folder = tmp_path_factory.mktemp("dashboards")
    made = run_tool([sys.executable, "benchmarks/make_trust.py", str(folder / "trust"), "--files", "162"])
    assert made.returncode == 0, made.stderr
    pages = []
    for name, trust in (("example", ROOT / "examples" / "trust" / "schools"), ("generated", folder / "trust")):
        page = folder / f"{name}.html"
        page.write_text(render_portfolio(portfolio.build([trust]), PortfolioFormat.HTML), encoding="utf-8")
        pages.append(page)
    return pages


def test_the_table_fits_a_laptop_screen_and_an_a4_landscape_page(dashboards: list[Path]) -> None:
    require_tools("node", "chromium", "axe")
    done = run_tool(["node", str(TABLE_FITS), *map(str, dashboards)])
    assert done.returncode == 0, done.stderr
    found: dict[str, dict[str, dict[str, int]]] = json.loads(done.stdout)
    assert len(found) == 2
    for page, media in found.items():
        for where, width in media.items():
            assert width["content"] <= width["shown"], f"{Path(page).name}: the table scrolls sideways ({where})"


def test_axe_finds_no_violations_and_the_page_makes_no_requests(dashboards: list[Path]) -> None:
    require_tools("node", "chromium", "axe")
    done = run_tool(["node", str(CHECK_PAGES), *map(str, dashboards)])
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    assert [(Path(page).name, entry["violations"], entry["requests"]) for page, entry in found.items()] == [
        ("example.html", [], []),
        ("generated.html", [], []),
    ]
