"""The JSON Schemas agree with what the loaders accept and what the scorer produces."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Annotated, TypedDict

import jsonschema
import pytest
from typer.testing import CliRunner

from helpers import MINI, ROOT
from implcheck import catalog, schemas
from implcheck.cli import app
from implcheck.load import load_assessment, load_checklist
from implcheck.model import Stage
from implcheck.present.json import to_dict
from implcheck.result import Verdict
from implcheck.schemas import SCHEMAS
from implcheck.schemas.parts import schema_of
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


# --- the result's schema is generated from the types present/json.py builds the result as ---------


class _Inner(TypedDict):
    name: str
    ratio: Annotated[float, {"type": "number", "maximum": 1}]


class _Outer(TypedDict):
    verdict: Annotated[str, Verdict]
    score: float | None
    count: int
    ok: bool
    inner: list[_Inner]
    tags: list[Annotated[str, Stage]]
    stage: Annotated[str, Stage] | None


# A key Python cannot name in a class (``from``) is declared the other way.
_Moved = TypedDict("_Moved", {"from": str, "to": str | None})


def test_schema_of_a_typed_dict() -> None:
    inner = {
        "type": "object",
        "properties": {"name": {"type": "string"}, "ratio": {"type": "number", "maximum": 1}},
        "additionalProperties": False,
        "required": ["name", "ratio"],
    }
    assert schema_of(_Outer) == {
        "type": "object",
        "properties": {
            "verdict": {"enum": ["not_ready", "ready_with_conditions", "ready"]},
            "score": {"type": ["number", "null"]},
            "count": {"type": "integer"},
            "ok": {"type": "boolean"},
            "inner": {"type": "array", "items": inner},
            "tags": {"type": "array", "items": {"enum": ["explore", "prepare", "deliver", "sustain"]}},
            "stage": {"anyOf": [{"type": "null"}, {"enum": ["explore", "prepare", "deliver", "sustain"]}]},
        },
        "additionalProperties": False,
        "required": ["verdict", "score", "count", "ok", "inner", "tags", "stage"],
    }
    assert schema_of(_Moved)["properties"] == {"from": {"type": "string"}, "to": {"type": ["string", "null"]}}


CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"  # installed with the test extra
TRUST = ROOT / "examples" / "trust"


def check_jsonschema(*args: str | Path) -> None:
    """check-jsonschema, which (like Ajv and editors) reads ``pattern`` as an ECMA regex in
    unicode mode: a schema Python's ``re`` accepts can still be refused there."""
    done = subprocess.run([CHECK_JSONSCHEMA, *map(str, args)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_schema_is_a_valid_schema_to_check_jsonschema(tmp_path: Path) -> None:
    written = []
    shipped = zip(catalog.SHIPPED, SHIPPED, strict=True)
    editor = {f"editor-{name}": schemas.answers_for(load_checklist(path)) for name, path in shipped}
    for kind, schema in {**SCHEMAS, **editor}.items():
        written.append(tmp_path / f"{kind}.json")
        written[-1].write_text(schemas.serialise(schema), encoding="utf-8")
    check_jsonschema("--check-metaschema", *written)


def test_json_outputs_validate_with_check_jsonschema(tmp_path: Path) -> None:
    runner = CliRunner()
    spring = sorted(str(p) for p in (TRUST / "schools" / "riverside-academy" / "quizblast" / "2027-spring").glob("*"))
    autumn = TRUST / "schools" / "riverside-academy" / "quizblast" / "2026-autumn"
    outputs = {
        "result": ["check", "-f", "json", "--fail-on", "never", *spring],
        "compare": ["compare", "-f", "json", str(autumn), spring[0]],
        "portfolio": ["portfolio", "-f", "json", str(TRUST)],
    }
    for kind, args in outputs.items():
        (tmp_path / f"{kind}.schema.json").write_text(schemas.text(kind), encoding="utf-8")
        (tmp_path / f"{kind}.json").write_text(runner.invoke(app, args).stdout, encoding="utf-8")
        check_jsonschema("--schemafile", tmp_path / f"{kind}.schema.json", tmp_path / f"{kind}.json")
    shipped = dict(zip(catalog.SHIPPED, SHIPPED, strict=True))
    (tmp_path / "editor.json").write_text(schemas.text("answers"), encoding="utf-8")
    recheck = schemas.answers_for(load_checklist(shipped["termly-recheck"]))
    (tmp_path / "recheck.json").write_text(schemas.serialise(recheck), encoding="utf-8")
    files = sorted((TRUST / "schools").rglob("*.yaml"))
    check_jsonschema("--schemafile", tmp_path / "editor.json", *files)
    check_jsonschema("--schemafile", tmp_path / "recheck.json", *files)


def test_the_portfolio_matches_the_portfolio_schema() -> None:
    result = CliRunner().invoke(app, ["portfolio", "-f", "json", str(TRUST)])
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMAS["portfolio"])
    assert [len(group["terms"]) for group in data["groups"]] == [2, 2]
    assert CliRunner().invoke(app, ["schema", "portfolio"]).stdout == schemas.text("portfolio")
