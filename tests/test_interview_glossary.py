"""``interview/glossary.py``: the checklists' terms found in a question (their use in the
interview: ``test_interview_conversation.py``)."""

from __future__ import annotations

import pytest

from implcheck.interview import glossary


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Has your data protection officer signed off a DPIA for this product?", ["DPIA"]),
        ("Will it take class lists from your MIS? Ask SLT.", ["MIS", "SLT"]),
        ("A written plan for monitoring (fidelity, reach, acceptability)?", ["fidelity, reach and acceptability"]),
        ("Have you held a pre-mortem?", ["pre-mortem"]),
        ("Agree with teachers how to reach them; the mission is clear", []),  # "reach" alone, "mis" in a word
    ],
)
def test_glossary_terms_in(text: str, terms: list[str]) -> None:
    assert glossary.terms_in(text) == terms
