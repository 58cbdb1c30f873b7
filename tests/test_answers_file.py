"""``answers_file.py``: the answers file the interview and ``init`` write. Whatever a checklist's
own text holds, and whatever is typed as evidence, the file loads back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assess_helpers import CHECKLIST
from helpers import FIXTURES, MINI
from implcheck import answers_file
from implcheck.load import answers_from_document, load_checklist
from implcheck.model import Answer, AnswerValue, Context
from implcheck.yamlsource import load_document

ROLES = FIXTURES / "form-roles.yaml"  # its title holds a line separator, quotes and </script>


def test_a_title_with_a_line_break_stays_in_its_comment() -> None:
    checklist = load_checklist(ROLES)
    text = answers_file.render(checklist, ROLES.name, Context(), {"owner-named": Answer(AnswerValue.NO)})
    assert text.splitlines()[1] == (
        "# Answers for Roles </script><!-- \"quoted\" & 'single' line 📚 (form-roles 1.0 </script>)."
    )
    sheet, _ = answers_from_document(load_document(ROLES.parent / "a.yaml", text))  # parsed, never written
    assert sheet.answers["owner-named"].value is AnswerValue.NO


@given(st.text())
def test_any_typed_evidence_round_trips_through_the_file(evidence: str) -> None:
    text = answers_file.render(CHECKLIST, MINI.name, Context(), {"owner-named": Answer(AnswerValue.NO, evidence)})
    sheet, _ = answers_from_document(load_document(MINI.parent / "a.yaml", text))  # parsed, never written
    assert sheet.answers["owner-named"].evidence == evidence.strip()
