"""The shipped checklists and docs/traceability.md agree with each other and with the articles.

Deliberately independent of the implcheck package: it reads the YAML and Markdown directly, so it
checks the content even while the code is being changed. The three source articles are not in the
repository: they are read from the folder named by ``IMPLCHECK_SEEDS`` (default ``../shared/seeds``
beside the repository), and the checks that need them skip, saying so, when it is absent.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CHECKLISTS = ROOT / "checklists"
TRACEABILITY = ROOT / "docs" / "traceability.md"
SEEDS = Path(os.environ.get("IMPLCHECK_SEEDS") or ROOT.parent / "shared" / "seeds")
# How each article is named in the checklists' sources and in traceability.md; the article's file
# is found by its first line, so no working file name appears anywhere in the product.
ARTICLES = ("The Implementation effect", "When Implementation Goes Wrong", "Roundtable: powers of persuasion")
RESEARCH = ("EEF", "Proctor", "NIRN", "UK GDPR", "DfE", "Shea", "Scaccia", "EdTech Genome", "our reasoning")
WORKING_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
ARTICLE_ROW = re.compile(r"^\| (FP-\d{3}-\d+) \| ([^|]+?) \| \"(.+?)\" \| ([^|]+?) \|", re.MULTILINE)

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
    """Backticked words in traceability.md's tables: the item ids each row names."""
    table_lines = [line for line in text.splitlines() if line.startswith("|")]
    return {word for line in table_lines for word in BACKTICKED.findall(line)}


@pytest.fixture(scope="module")
def articles() -> dict[str, str]:
    """Each article's text (whitespace-normalised), keyed by the title it is cited by."""
    if not SEEDS.is_dir():
        pytest.skip(f"the source articles are not in {SEEDS}: set IMPLCHECK_SEEDS to the folder that holds them")
    found: dict[str, str] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        title = next((t for t in ARTICLES if t in text[:200]), None)
        assert title, f"{path.name}: first line names none of {ARTICLES}"
        found[title] = text
    assert sorted(found) == sorted(ARTICLES), f"articles found in {SEEDS}: {sorted(found)}"
    return found


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


def test_every_row_names_an_item_or_says_why_not(traceability: str) -> None:
    rows = ARTICLE_ROW.findall(traceability)
    assert rows, "no article rows found in traceability.md"
    for fid, _article, _quote, covered in rows:
        assert covered == "not covered" or BACKTICKED.search(covered), f"{fid}: covered by {covered!r}"


def test_strict_coverage_is_at_least_95_percent(traceability: str) -> None:
    rows = ARTICLE_ROW.findall(traceability)
    covered = [fid for fid, _article, _quote, by in rows if by != "not covered"]
    assert len(covered) / len(rows) >= 0.95, f"strict coverage {len(covered)}/{len(rows)}"


def test_every_article_has_rows(traceability: str) -> None:
    cited = {article for _fid, article, _quote, _by in ARTICLE_ROW.findall(traceability)}
    assert cited == set(ARTICLES), f"articles with rows: {sorted(cited)}"


def test_traceability_quotes_are_verbatim(traceability: str, articles: dict[str, str]) -> None:
    """Each row's quote appears in the article it names (whitespace-normalised)."""
    rows = ARTICLE_ROW.findall(traceability)
    wrong = [(fid, quote) for fid, article, quote, _by in rows if " ".join(quote.split()) not in articles[article]]
    assert not wrong, f"quotes not found verbatim in their article: {wrong}"


def test_item_source_quotes_are_verbatim(checklists: dict[str, dict[str, Any]], articles: dict[str, str]) -> None:
    """Every quote in an item's source appears in the article most recently named before it."""
    splitter = re.compile("(" + "|".join(re.escape(t) for t in ARTICLES) + ")")
    wrong = []
    for name, data in checklists.items():
        for item in _items(data):
            current = None
            for part in splitter.split(" ".join(item["source"].split())):
                if part in ARTICLES:
                    current = articles[part]
                    continue
                for quote in re.findall(r'"([^"]+)"', part):
                    if current is None or quote not in current:
                        wrong.append((name, item["id"], quote))
                if re.search(r"; (" + "|".join(RESEARCH) + ")", part):
                    current = None  # a research reference ends the article's quotes
    assert not wrong, f"source quotes not found in the article they cite: {wrong}"


def test_no_product_file_names_a_working_file() -> None:
    """Sources cite articles by title and date, never by the file they happen to be stored in."""
    skip = {".git", ".venv", "node_modules", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
    offenders = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [name for name in subfolders if name not in skip and not name.endswith(".egg-info")]
        for name in files:
            path = Path(folder, name)
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            if WORKING_FILE.search(text):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"files naming a working file: {offenders}"
    assert "shared/seeds" not in (ROOT / "README.md").read_text(encoding="utf-8")


# --- who is asked what (issue 19): counted from the YAML, no timing (benchmarks/roles.py times it) ---

ROLES = {"senior-leader", "teacher", "it", "governor", "pupil"}
# At most this many questions for a role, in each shipped checklist.
ROLE_LIMITS = {"teacher": 15, "pupil": 8}
HISTORY = ROOT / "tests" / "fixtures" / "history"


def _asked(data: dict[str, Any], role: str) -> list[str]:
    """Item ids a respondent in ``role`` is asked: an item with no ``ask`` is asked of everyone."""
    return [item["id"] for item in _items(data) if role in item.get("ask", ROLES)]


def test_every_shipped_item_says_who_is_asked(checklists: dict[str, dict[str, Any]]) -> None:
    for name, data in checklists.items():
        for item in _items(data):
            ask = item.get("ask")
            assert isinstance(ask, list) and "senior-leader" in ask, f"{name}:{item['id']}: ask {ask!r}"
            assert set(ask) <= ROLES, f"{name}:{item['id']}: unknown roles {set(ask) - ROLES}"


def test_role_question_sets_meet_their_limits(checklists: dict[str, dict[str, Any]]) -> None:
    for name, data in checklists.items():
        for role, most in ROLE_LIMITS.items():
            asked = _asked(data, role)
            assert 0 < len(asked) <= most, f"{name}: {role} is asked {len(asked)} questions (at most {most})"


def test_wording_is_only_for_roles_asked_and_every_pupil_item_has_one(checklists: dict[str, dict[str, Any]]) -> None:
    for name, data in checklists.items():
        for item in _items(data):
            wording = item.get("wording", {})
            assert set(wording) <= set(item["ask"]), f"{name}:{item['id']}: wording for a role not asked"
            if "pupil" in item["ask"]:
                assert wording.get("pupil"), f"{name}:{item['id']}: a pupil is asked it, in the leader's words"


def test_no_earlier_item_id_vanishes(checklists: dict[str, dict[str, Any]]) -> None:
    """Every item answered in an earlier version's files is still an item, or is renamed or retired."""
    folders = sorted(path for path in HISTORY.iterdir() if path.is_dir())
    assert folders, f"no earlier versions' files in {HISTORY}"
    for folder in folders:
        for path in sorted(folder.rglob("*.yaml")):
            answers = _load(path)
            data = checklists[f"{answers['checklist']}.yaml"]
            known = {item["id"] for item in _items(data)} | set(data.get("renamed", {})) | set(data.get("retired", {}))
            vanished = sorted(set(answers["answers"]) - known)
            assert not vanished, f"{path.relative_to(ROOT)}: ids neither items, renamed nor retired: {vanished}"
    for name, data in checklists.items():
        ids = {item["id"] for item in _items(data)}
        reused = sorted((set(data.get("renamed", {})) | set(data.get("retired", {}))) & ids)
        assert not reused, f"{name}: renamed or retired ids reused as items: {reused}"
