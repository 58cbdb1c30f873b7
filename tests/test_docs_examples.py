"""Every YAML example in the README and docs/ goes through the loader as a user would copy it.

An answers example must load and validate against its checklist; a checklist must validate; a
``thresholds:`` snippet must be accepted inside a checklist; anything else (CI configuration)
must at least be YAML implcheck can read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers import MINI, ROOT
from implcheck.load import answers_from_document, checklist_from_document
from implcheck.load.expected import expected_from_document
from implcheck.yamlsource import load_document

DOCS = sorted([ROOT / "README.md", ROOT / "SECURITY.md", *ROOT.glob("docs/*.md")])
BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.DOTALL | re.MULTILINE)
EXAMPLES = [
    pytest.param(
        path, text, id=f"{path.relative_to(ROOT)}:{path.read_text(encoding='utf-8')[: m.start()].count(chr(10)) + 1}"
    )
    for path in DOCS
    if path.exists()
    for m in BLOCK.finditer(path.read_text(encoding="utf-8"))
    for text in [m.group(1)]
]


def test_the_docs_have_yaml_examples() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize(("doc", "text"), EXAMPLES)
def test_every_yaml_example_in_the_docs_loads(doc: Path, text: str) -> None:
    where = doc.parent / "example.yaml"  # relative checklist paths resolve beside the doc
    data = load_document(where, text).data
    if isinstance(data, dict) and "sections" in data:
        checklist_from_document(load_document(where, text))
    elif isinstance(data, dict) and "checklist" in data:
        answers_from_document(load_document(where, text))
    elif isinstance(data, dict) and set(data) == {"respondents"}:
        expected_from_document(load_document(where, text))
    elif isinstance(data, dict) and set(data) == {"thresholds"}:
        checklist = {**yaml.safe_load(MINI.read_text(encoding="utf-8")), **data}
        checklist_from_document(load_document(where, yaml.safe_dump(checklist, sort_keys=False)))
