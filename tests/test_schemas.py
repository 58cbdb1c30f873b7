"""The JSON Schemas agree with what the loaders accept and what the scorer produces."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from helpers import MINI, ROOT
from implcheck import catalog
from implcheck.cli import app
from implcheck.load import load_assessment
from implcheck.present.json import to_dict
from implcheck.schemas import SCHEMAS
from implcheck.scoring import score
from implcheck.yamlsource import load_document

SHIPPED = [catalog.data_dir("checklists") / name for name in catalog.SHIPPED.values()]
# Every example is an answers file, but for the list of expected respondents ``collect`` reads.
EXPECTED_LIST = ROOT / "examples" / "expected.yaml"
EXAMPLES = sorted(path for path in (ROOT / "examples").rglob("*.yaml") if path != EXPECTED_LIST)


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_schemas_are_valid_draft_2020_12(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMAS[kind])


@pytest.mark.parametrize("path", [*SHIPPED, MINI], ids=lambda p: p.name)
def test_checklists_match_the_checklist_schema(path: Path) -> None:
    jsonschema.validate(load_document(path).data, SCHEMAS["checklist"])


def test_the_example_list_of_expected_respondents_matches_its_schema() -> None:
    jsonschema.validate(load_document(EXPECTED_LIST).data, SCHEMAS["expected"])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_examples_match_the_answers_schema_and_results_match_the_result_schema(path: Path) -> None:
    jsonschema.validate(load_document(path).data, SCHEMAS["answers"])
    jsonschema.validate(to_dict(score(load_assessment([path]))), SCHEMAS["result"])


def test_a_combined_result_matches_the_result_schema() -> None:
    pair = [ROOT / "examples" / "respondents" / "leader.yaml", ROOT / "examples" / "respondents" / "teacher.yaml"]
    result = CliRunner().invoke(app, ["check", "-f", "json", "--fail-on", "never", *map(str, pair)])
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMAS["result"])
    assert data["disagreements"], "the bundled respondents are meant to disagree"


def test_schema_rejects_what_the_loader_rejects() -> None:
    bad = {"checklist": "x", "answers": {"a": "maybe"}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMAS["answers"])
