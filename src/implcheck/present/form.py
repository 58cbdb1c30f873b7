"""One role's questionnaire as a single self-contained HTML page (``implcheck form``).

``build`` makes the plain view model: the role's questions (``Checklist.asked``) in the role's
own words (``Item.question_for``), the answers each may take, and the one-line why.
``render`` lays it out with ``templates/form.html.j2``. Jinja autoescapes every value, so a
checklist's text never becomes markup; the page's one script reads the questions from the
page itself (never from text pasted into the script), and the Content-Security-Policy allows
that script and the one style sheet by their SHA-256 hashes and nothing else: no request of
any kind, no other script, no form submission.

The script writes the answers file by the rule ``yaml_string`` states here: every string a
JSON string literal, which YAML reads as a double-quoted scalar, with the few characters YAML
reads differently written as ``\\u`` escapes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from implcheck import __version__, roles
from implcheck.model import AnswerValue, Checklist, Item, Role
from implcheck.present.html import isolate, plain
from implcheck.present.templating import environment

TEMPLATE = "form.html.j2"

# What each answer means, as the key at the top of the page says it.
MEANINGS: dict[AnswerValue, str] = {
    AnswerValue.YES: "it is in place, and you have seen it",
    AnswerValue.PARTLY: "some of it is in place, or only for some people",
    AnswerValue.NO: "it is not in place",
    AnswerValue.UNKNOWN: "you are not sure: say so, it is a useful answer",
    AnswerValue.NA: "it does not apply here: say why (not offered where a question must be answered)",
}
PUPIL_MEANINGS: dict[AnswerValue, str] = {
    AnswerValue.YES: "it is true",
    AnswerValue.PARTLY: "it is true some of the time",
    AnswerValue.NO: "it is not true",
    AnswerValue.UNKNOWN: "you are not sure, and that is fine",
    AnswerValue.NA: "it does not fit you: say why",
}

ORDER = (AnswerValue.YES, AnswerValue.PARTLY, AnswerValue.NO, AnswerValue.UNKNOWN, AnswerValue.NA)

# Characters a JSON string may hold as they are but YAML refuses or reads differently: DEL and
# the C1 controls (NEL among them), the line and paragraph separators, and the non-characters.
# The page's script escapes the same class (templates/form.html.j2, ``YAML_UNSAFE``). Half a
# UTF-16 pair (a lone surrogate), which no UTF-8 file can hold, becomes U+FFFD in both first.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # in a Python str every surrogate is alone
_SENTENCE = re.compile(r"(.+?[.!?])(?=\s|$)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Choice:
    value: str  # the answers file's word: yes, partly, no, unknown, na
    words: str  # as a person says it: "don't know", "doesn't apply"


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    number: int
    text: str
    why: str  # the first sentence of the item's why; empty for pupils
    critical: bool
    choices: tuple[Choice, ...]

    @property
    def allows_na(self) -> bool:
        return any(choice.value == AnswerValue.NA for choice in self.choices)


@dataclass(frozen=True, slots=True)
class Part:
    title: str
    questions: tuple[Question, ...]


@dataclass(frozen=True, slots=True)
class Key:
    words: str
    meaning: str


@dataclass(frozen=True, slots=True)
class FormView:
    title: str  # the checklist's
    checklist_id: str
    version: str
    checklist_ref: str  # how the downloaded file names the checklist
    role: str
    role_words: str
    pupil: bool
    school: str
    initiative: str
    term: str
    key: tuple[Key, ...]
    parts: tuple[Part, ...]
    generator: str

    @property
    def count(self) -> int:
        return sum(len(part.questions) for part in self.parts)


def first_sentence(text: str) -> str:
    """The first sentence of ``text``: the one line of why the form shows under a question."""
    text = " ".join(text.split())
    found = _SENTENCE.match(text)
    return found.group(1) if found else text


def _choices(item: Item) -> tuple[Choice, ...]:
    # ``na`` is never allowed on a critical item, so the form does not offer it there.
    values = [value for value in ORDER if not (item.critical and value is AnswerValue.NA)]
    return tuple(Choice(value.value, value.words) for value in values)


def build(
    checklist: Checklist,
    role: Role,
    checklist_ref: str,
    *,
    school: str = "",
    initiative: str = "",
    term: str = "",
) -> FormView:
    """The page for ``role``: its questions only, in its words, numbered in checklist order."""
    asked = {item.id for item in checklist.asked(role)}
    pupil = role is Role.PUPIL
    parts: list[Part] = []
    number = 0
    for section in checklist.sections:
        questions = []
        for item in section.items:
            if item.id not in asked:
                continue
            number += 1
            why = "" if pupil else first_sentence(item.why)
            questions.append(Question(item.id, number, item.question_for(role), why, item.critical, _choices(item)))
        if questions:
            parts.append(Part(section.title, tuple(questions)))
    meanings = PUPIL_MEANINGS if pupil else MEANINGS
    return FormView(
        title=checklist.title,
        checklist_id=checklist.id,
        version=checklist.version,
        checklist_ref=checklist_ref,
        role=role.value,
        role_words=roles.MANY[role],  # the page's title: "Questions for teachers"
        pupil=pupil,
        school=school,
        initiative=initiative,
        term=term,
        key=tuple(Key(value.words, meanings[value]) for value in ORDER),
        parts=tuple(parts),
        generator=f"implcheck {__version__}",
    )


def render(view: FormView) -> str:
    env = environment(finalize=isolate)
    env.filters["plain"] = plain
    env.filters["csp_hash"] = csp_hash
    env.filters["exact"] = exact
    return env.get_template(TEMPLATE).render(form=view)


def csp_hash(source: Any) -> Markup:
    """The Content-Security-Policy source for an inline script or style: its SHA-256, base64."""
    digest = hashlib.sha256(str(source).encode("utf-8")).digest()
    return Markup("'sha256-{}'").format(base64.b64encode(digest).decode("ascii"))


def exact(value: Any) -> Markup:
    """For an attribute the script reads back (the checklist's version, a path): escaped for
    HTML but otherwise as written, so the downloaded file names the checklist exactly."""
    return escape(str(value))


def yaml_string(text: str) -> str:
    """``text`` as the page's script writes it into the answers file: a JSON string literal
    (YAML reads it as a double-quoted scalar), with ``_YAML_UNSAFE`` written as ``\\u`` escapes
    and a lone surrogate as U+FFFD."""
    dumped = json.dumps(_LONE_SURROGATE.sub("\ufffd", text), ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", dumped)
