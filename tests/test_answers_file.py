"""The answers file ``init`` and ``assess`` write (``answers_file.py``): whatever a checklist's
own text holds, the file loads back."""

from __future__ import annotations

from helpers import FIXTURES
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
