"""The field tables: the loader and the JSON Schemas made from them accept the same files.

Generated variants of a good checklist and a good answers file (a value replaced, a key
removed or added) must be accepted by both or refused by both. The only refusals a schema
cannot make are the loader's cross-checks, listed in ``LOADER_ONLY``.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import MINI
from implcheck import fields, schemas
from implcheck.errors import InputError, Level, ProblemRule
from implcheck.load import answers_from_document, checklist_from_document, load_checklist
from implcheck.yamlsource import load_document

MINI_CHECKLIST = load_checklist(MINI)
CHECKLIST_SCHEMA = jsonschema.Draft202012Validator(schemas.CHECKLIST)
ANSWERS_SCHEMA = jsonschema.Draft202012Validator(schemas.answers_for(MINI_CHECKLIST))
LOADER_ONLY = {
    ProblemRule.DUPLICATE_ID,
    ProblemRule.THRESHOLD_ORDER,
    ProblemRule.RISK_EXPIRY,  # expires after approved_on, within a year: JSON Schema cannot compare two dates
    ProblemRule.ROLE_NOT_ASKED,  # a wording for a role the item does not ask
    ProblemRule.BAD_MIGRATION,  # renames that loop or end nowhere, a reused id
    ProblemRule.NEWER_VERSION,  # checklist_version later than the checklist's own
    ProblemRule.RETIRED_ITEM,  # a retired id answered in a file for the version that retired it
    # which references name a checklist depends on the files there, not on the answers file
    ProblemRule.UNKNOWN_CHECKLIST,
    ProblemRule.CHECKLIST_NOT_FOUND,
    ProblemRule.CHECKLIST_OUTSIDE,
}

TRICKY: list[Any] = [
    None, "", " ", "x", " x ", "Bad Id", "a-b", "a--b", "A", 0, 1, 2, 2.0, 2.5, 3, 4, -1, 0.5, 100, 101, True, False,
    [], ["a"], {}, {"x": 1}, "yes", " yes ", "Partly", "NA", "na", "maybe", "unknown",
    "explore", "EXPLORE", "friction", " Friction", "teacher", "Senior-Leader",
    "2026-11-20", "2026-13-01", "2026-02-29", "2024-02-29", "20261101", "2026-W05-1", " 2026-11-01 ", "2026-11-20\n",
    "line\nbreak", "\t",
    ["teacher", " Pupil"], ["teacher", "teacher"], {"pupil": "Can you log in?"}, {"old-id": "problem-specific"},
    "problem-specific", "not-an-item", "2027-11-01", "2026-09-01",
]  # fmt: skip
values = st.sampled_from(TRICKY)

BASE_CHECKLIST: dict[str, Any] = load_document(MINI).data
BASE_ANSWERS: dict[str, Any] = {
    "checklist": MINI.name,
    "context": {
        "school": "Oak",
        "initiative": "Pobble",
        "term": "2026-autumn",
        "assessed_on": "2026-11-20",
        "respondent": {"name": "Sam", "role": "teacher"},
    },
    "answers": {
        "problem-specific": "yes",
        "owner-named": {"answer": "partly", "evidence": "Deputy head", "date": "2026-11-01"},
        "training-planned": {"answer": "na", "evidence": "Not ours"},
    },
    "actions": [{"item": "single-sign-on", "owner": "Sam", "due": "2026-12-01", "status": "open", "note": "Asked"}],
    "accepted_risks": [
        {
            "item": "single-sign-on",
            "reason": "Costs too much",
            "approved_by": "Governors",
            "approved_on": "2026-10-01",
            "expires": "2027-09-01",
        }
    ],
}


def paths_in(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key or index in ``data``, as a path from the top."""
    found: list[tuple[Any, ...]] = []
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, child in children:
        found.append((*prefix, key))
        found += paths_in(child, (*prefix, key))
    return found


@st.composite
def variants(draw: st.DrawFn, base: dict[str, Any], extra_keys: list[str]) -> dict[str, Any]:
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = paths_in(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = copy.deepcopy(draw(values))
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(extra_keys))] = copy.deepcopy(draw(values))
    return data


def judged(data: dict[str, Any], load: Any, schema: jsonschema.Draft202012Validator) -> None:
    text = json.dumps(data)  # JSON is YAML: the loader reads exactly what the schema sees
    doc = load_document(MINI.parent / "variant.yaml", text)  # parsed, never written
    try:
        load(doc)
        refused: set[ProblemRule] = set()
    except InputError as error:
        refused = {p.rule for p in error.problems if p.level is Level.ERROR}
    schema_refuses = not schema.is_valid(doc.data)
    if schema_refuses:
        assert refused, f"the schema refuses what the loader accepts: {text}"
    else:
        assert refused <= LOADER_ONLY, f"the loader refuses ({refused}) what the schema accepts: {text}"


@settings(max_examples=300, deadline=None)
@given(variants(BASE_CHECKLIST, ["extra", "id", "owner", "stage", "items", "thresholds", "ask", "wording", "renamed"]))
@example({**BASE_CHECKLIST, "renamed": {"old-id": "problem-specific", "Bad Id": "x"}, "retired": {"gone": " "}})
@example({**BASE_CHECKLIST, "renamed": {}, "retired": {"gone": 2}})
def test_loader_and_schema_agree_on_checklists(data: dict[str, Any]) -> None:
    judged(data, checklist_from_document, CHECKLIST_SCHEMA)


@settings(max_examples=300, deadline=None)
@given(variants(BASE_ANSWERS, ["extra", "single-sign-on", "owner-named", "evidence", "date", "answers", "item"]))
@example({**BASE_ANSWERS, "answers": {"problem-specific": "Partly", "owner-named": " yes "}})
@example({**BASE_ANSWERS, "answers": {"training-planned": "na"}})
@example({**BASE_ANSWERS, "answers": {"training-planned": {"answer": " NA ", "evidence": " "}}})
@example({**BASE_ANSWERS, "answers": {"training-planned": {"answer": "na", "evidence": 0}}})
@example({**BASE_ANSWERS, "actions": [{**BASE_ANSWERS["actions"][0], "item": "not-an-item"}]})
@example({**BASE_ANSWERS, "accepted_risks": [{**BASE_ANSWERS["accepted_risks"][0], "item": "not-an-item"}]})
@example({**BASE_ANSWERS, "context": {**BASE_ANSWERS["context"], "assessed_on": None}})
@example({key: value for key, value in BASE_ANSWERS.items() if key != "context"})
@example({**BASE_ANSWERS, "context": {"assessed_on": "2026-13-01"}})
@example({**BASE_ANSWERS, "context": {"assessed_on": ""}})
def test_loader_and_schema_agree_on_answers(data: dict[str, Any]) -> None:
    judged(data, answers_from_document, ANSWERS_SCHEMA)


@given(st.dates(date(1, 1, 1), date(9999, 12, 31)))
def test_the_date_pattern_is_the_calendar(day: date) -> None:
    assert re.search(fields.DATE_PATTERN, day.isoformat())


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-29", "1900-02-29", "0000-01-01", "20261101", "2026-W05-1"])
def test_the_date_pattern_refuses_what_is_not_a_day(text: str) -> None:
    assert not re.search(fields.DATE_PATTERN, text)


def test_every_field_has_a_description() -> None:
    records = [fields.CHECKLIST, fields.SECTION, fields.ITEM, fields.THRESHOLDS, fields.ANSWERS, fields.CONTEXT]
    records += [fields.VERDICT_LABELS, fields.ACTION, fields.ACCEPTED_RISK]
    records += [fields.RESPONDENT, fields.ANSWER]
    assert all(field.description for record in records for field in record.fields)


def test_the_checklist_schema_describes_each_item_id_with_its_question() -> None:
    properties = schemas.answers_for(MINI_CHECKLIST)["properties"]["answers"]["anyOf"][1]["properties"]
    assert list(properties) == [item.id for item in MINI_CHECKLIST.items]
    assert properties["problem-specific"]["description"] == "Is there a specific problem?"


def test_a_critical_item_cannot_be_na_in_the_schema_either() -> None:
    data = {**BASE_ANSWERS, "answers": {"problem-specific": "na"}}
    assert not ANSWERS_SCHEMA.is_valid(data)


def test_a_mistyped_item_id_is_flagged_by_the_schema() -> None:
    assert not ANSWERS_SCHEMA.is_valid({**BASE_ANSWERS, "answers": {"problem-specfic": "yes"}})


def test_a_fresh_init_file_is_valid_under_the_schema_written_beside_it(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from implcheck.cli import app

    out = tmp_path / "a.yaml"
    assert CliRunner().invoke(app, ["init", "edtech-readiness", "-o", str(out)]).exit_code == 0
    modeline = out.read_text(encoding="utf-8").splitlines()[0]
    schema_name = modeline.removeprefix("# yaml-language-server: $schema=")
    schema = json.loads((tmp_path / schema_name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(load_document(out).data, schema)
