"""The shipped checklists and docs/traceability.md agree with each other and with the seeds.

Deliberately independent of the implcheck package: it reads the YAML and Markdown directly, so it
checks the content even while the code is being changed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CHECKLISTS = ROOT / "checklists"
TRACEABILITY = ROOT / "docs" / "traceability.md"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

TAGS = {
    "unclear-problem",
    "no-owner",
    "friction",
    "no-follow-up",
    "no-monitoring",
    "poor-timing",
    "no-buy-in",
    "no-capacity",
    "data-risk",
    "poor-fit",
    "not-sustained",
}
STAGES = {"explore", "prepare", "deliver", "sustain"}
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BACKTICKED = re.compile(r"`([^`\n]+)`")


def _checklist_files() -> list[Path]:
    files = sorted(CHECKLISTS.glob("*.yaml"))
    assert files, f"no checklists found in {CHECKLISTS}"
    return files


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict), f"{path.name}: top level is not a mapping"
    return data


def _items(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for section in data["sections"] for item in section["items"]]


@pytest.fixture(scope="module")
def checklists() -> dict[str, dict[str, Any]]:
    return {path.name: _load(path) for path in _checklist_files()}


@pytest.fixture(scope="module")
def shipped_ids(checklists: dict[str, dict[str, Any]]) -> set[str]:
    return {item["id"] for data in checklists.values() for item in _items(data)}


@pytest.fixture(scope="module")
def traceability() -> str:
    assert TRACEABILITY.is_file(), f"missing {TRACEABILITY}"
    return TRACEABILITY.read_text(encoding="utf-8")


def _traced_ids(text: str) -> set[str]:
    """Backticked words in traceability.md that are item ids (seed file names excluded)."""
    return {word for word in BACKTICKED.findall(text) if not word.endswith(".txt")}


def test_both_stage_checklists_are_shipped(checklists: dict[str, dict[str, Any]]) -> None:
    assert "edtech-readiness.yaml" in checklists
    assert "termly-recheck.yaml" in checklists


def test_checklist_ids_match_file_names(checklists: dict[str, dict[str, Any]]) -> None:
    for name, data in checklists.items():
        assert data.get("id") == Path(name).stem, f"{name}: id {data.get('id')!r}"


def test_stages_are_as_shipped(checklists: dict[str, dict[str, Any]]) -> None:
    expected = {
        "edtech-readiness.yaml": {"explore", "prepare"},
        "termly-recheck.yaml": {"deliver", "sustain"},
    }
    for name, data in checklists.items():
        stages = {section["stage"] for section in data["sections"]}
        assert stages <= STAGES, f"{name}: unknown stages {stages - STAGES}"
        if name in expected:
            assert stages == expected[name], f"{name}: stages {sorted(stages)}"


def test_item_and_section_ids_are_unique_and_kebab_case(checklists: dict[str, dict[str, Any]]) -> None:
    for name, data in checklists.items():
        section_ids = [section["id"] for section in data["sections"]]
        assert len(section_ids) == len(set(section_ids)), f"{name}: duplicate section id"
        item_ids = [item["id"] for item in _items(data)]
        duplicates = sorted({i for i in item_ids if item_ids.count(i) > 1})
        assert not duplicates, f"{name}: duplicate item ids {duplicates}"
        for ident in section_ids + item_ids:
            assert isinstance(ident, str) and KEBAB.match(ident), f"{name}: {ident!r} not kebab-case"


def test_every_item_is_complete(checklists: dict[str, dict[str, Any]]) -> None:
    for name, data in checklists.items():
        for item in _items(data):
            where = f"{name}:{item.get('id')}"
            for key in ("question", "why", "action", "source", "owner", "by_when"):
                value = item.get(key)
                assert isinstance(value, str) and value.strip(), f"{where}: empty {key}"
            assert len(item["question"]) <= 200, f"{where}: question is {len(item['question'])} chars"
            assert item["failure_mode"] in TAGS, f"{where}: unknown tag {item['failure_mode']!r}"
            assert item["weight"] in (1, 2, 3), f"{where}: weight {item['weight']!r}"
            assert isinstance(item["critical"], bool), f"{where}: critical must be true/false"
            if item["critical"]:
                assert item["weight"] == 3, f"{where}: critical items carry weight 3"


def test_all_failure_mode_tags_are_used(checklists: dict[str, dict[str, Any]]) -> None:
    used = {item["failure_mode"] for data in checklists.values() for item in _items(data)}
    assert used == TAGS, f"unused tags: {sorted(TAGS - used)}"


def test_traced_ids_exist_in_a_shipped_checklist(traceability: str, shipped_ids: set[str]) -> None:
    unknown = sorted(_traced_ids(traceability) - shipped_ids)
    assert not unknown, f"traceability.md names items that are not shipped: {unknown}"


def test_every_shipped_item_is_traced(traceability: str, shipped_ids: set[str]) -> None:
    untraced = sorted(shipped_ids - _traced_ids(traceability))
    assert not untraced, f"items missing from traceability.md: {untraced}"


def test_every_seed_is_cited(traceability: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed directory {SEEDS} not present")
    seeds = sorted(path.name for path in SEEDS.glob("*.txt"))
    assert seeds, f"no seed files in {SEEDS}"
    cited = {word for word in BACKTICKED.findall(traceability) if word.endswith(".txt")}
    missing = [name for name in seeds if name not in cited]
    assert not missing, f"seed files not cited in traceability.md: {missing}"


def test_traceability_quotes_are_verbatim(traceability: str) -> None:
    """Each seed row's quote appears in that seed (whitespace-normalised)."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed directory {SEEDS} not present")
    texts = {path.name: " ".join(path.read_text(encoding="utf-8").split()) for path in SEEDS.glob("*.txt")}
    row = re.compile(r'^\|[^|]*\|\s*`([^`]+\.txt)`\s*\|\s*"(.+)"\s*\|', re.MULTILINE)
    rows = row.findall(traceability)
    assert rows, "no seed rows found in traceability.md"
    wrong = [(seed, quote) for seed, quote in rows if seed in texts and " ".join(quote.split()) not in texts[seed]]
    assert not wrong, f"quotes not found verbatim in their seed: {wrong}"
