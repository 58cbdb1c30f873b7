"""``answers_file.py``: the answers file the interview and ``init`` write."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assess_helpers import (
    CHECKLIST,
)
from helpers import MINI
from implcheck import answers_file
from implcheck.model import Answer, AnswerValue, Context


@given(st.text())
def test_any_typed_evidence_round_trips_through_the_file(evidence: str) -> None:
    text = answers_file.render(CHECKLIST, MINI.name, Context(), {"owner-named": Answer(AnswerValue.NO, evidence)})
    from implcheck.load import answers_from_document
    from implcheck.yamlsource import load_document

    sheet, _ = answers_from_document(load_document(MINI.parent / "a.yaml", text))  # parsed, never written
    assert sheet.answers["owner-named"].evidence == evidence.strip()
