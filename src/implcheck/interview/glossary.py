"""Plain words for the terms the checklists use, explained the first time a question uses one
and again in that question's ``?`` help. Checklist text is not rewritten here: this only adds
a short explanation beside it.
"""

from __future__ import annotations

import re

# term as shown -> (how to find it in a question or why, what it means)
TERMS: dict[str, tuple[str, str]] = {
    "DPIA": (r"\bDPIAs?\b", "data protection impact assessment, a written check of the risks to pupils' data"),
    "DPO": (r"\bDPO\b", "data protection officer, the person who advises the school on data law"),
    "MIS": (r"\bMIS\b", "management information system, where pupil records live, such as SIMS or Arbor"),
    "SLT": (r"\bSLT\b", "senior leadership team, the head, deputies and assistant heads"),
    "INSET": (r"\bINSET\b", "an in-service training day for staff, with no pupils in school"),
    "VLE": (r"\bVLE\b", "virtual learning environment, an online space for classes' work and resources"),
    "EEF": (r"\bEEF\b", "Education Endowment Foundation, which reviews what the research says works in schools"),
    "CPD": (r"\bCPD\b", "continuing professional development, training for staff"),
    "DSL": (r"\bDSL\b", "designated safeguarding lead, the person who leads on keeping pupils safe"),
    "ICO": (r"\bICO\b", "Information Commissioner's Office, the UK regulator for data protection"),
    "SEND": (r"\bSEND\b", "special educational needs and disabilities"),
    "fidelity, reach and acceptability": (
        r"\bfidelity\b|\bacceptability\b",
        "fidelity means it is used as planned; reach, by all the pupils and staff it is meant for; "
        "acceptability, that staff and pupils think it is worth it",
    ),
    "pre-mortem": (r"\bpre-?mortem\b", "a meeting before launch where you imagine it has failed and list why"),
    "pilot": (r"\bpilot\b", "a small, time-limited first try with a few classes, before everyone uses it"),
    "single sign-on": (
        r"\bsingle sign-on\b|\bSSO\b",
        "logging in with an account you already have, with no new password",
    ),
}

_PATTERNS = {term: re.compile(pattern, re.IGNORECASE if term.islower() else 0) for term, (pattern, _) in TERMS.items()}


def terms_in(*texts: str) -> list[str]:
    """The glossary terms used in ``texts``, in the glossary's order."""
    return [term for term, pattern in _PATTERNS.items() if any(pattern.search(text) for text in texts)]


def explain(term: str) -> str:
    return f"{term}: {TERMS[term][1]}"
