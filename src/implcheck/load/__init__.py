"""Load and validate checklists and answers files: one way in, every problem at once.

Each ``load_*`` function either returns trusted records (``model.py``) or raises one
``InputError`` listing every problem found, each as ``path:line:col: message (rule)``.
What each key may hold is the field table in ``fields.py``; the modules here apply it:

* ``checker``: checks one document's values against the table, collecting problems;
* ``checklists``: a checklist file;
* ``refs``: the one place a checklist reference (shipped id or path) is resolved;
* ``answers``: an answers file, with the checklist it names;
* ``assessment``: several respondents' files combined, and the rules for combining them.
"""

from __future__ import annotations

from implcheck.load.answers import ChecklistResolver, allowed_answers, answers_from_document, load_answers, resolver
from implcheck.load.assessment import (
    COMBINED_BY,
    context_conflict,
    load_any,
    load_assessment,
    same_person,
    same_respondent,
    twice,
)
from implcheck.load.checker import MAX_PROBLEMS, choices
from implcheck.load.checklists import checklist_from_document, load_checklist
from implcheck.load.refs import (
    RefError,
    checklist_dir_option,
    checklist_for_new_file,
    find_checklist,
    load_checklist_ref,
    ref_for,
    with_named_checklist,
)

__all__ = [
    "COMBINED_BY",
    "MAX_PROBLEMS",
    "ChecklistResolver",
    "RefError",
    "allowed_answers",
    "answers_from_document",
    "checklist_dir_option",
    "checklist_for_new_file",
    "checklist_from_document",
    "choices",
    "context_conflict",
    "find_checklist",
    "load_answers",
    "load_any",
    "load_assessment",
    "load_checklist",
    "load_checklist_ref",
    "ref_for",
    "resolver",
    "same_person",
    "same_respondent",
    "twice",
    "with_named_checklist",
]
