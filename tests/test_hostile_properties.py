"""Hypothesis against the loaders and the scorer with hostile input (issue 9).

* The YAML text itself is mutated, byte by byte and token by token, starting from the shipped
  checklists and examples: every result is trusted records or located problems, never another
  exception, and every problem prints as one line.
* Random checklists, as well as random answers, go through the loader and then the scorer,
  whose invariants must hold for any checklist the loader accepts.
* Disagreement is symmetric: the order respondents are given in changes nothing.

Hundreds of examples each: the module is marked ``slow`` (``.ci/run`` runs it). The everyday
properties of the loaders and the scorer live beside them (``test_load.py``, ``test_scoring.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT
from implcheck.errors import InputError
from implcheck.load import answers_from_document, checklist_from_document
from implcheck.model import (
    Answer,
    AnswerSheet,
    AnswerValue,
    Assessment,
    Checklist,
    Context,
    FailureMode,
    Respondent,
    Role,
    Stage,
)
from implcheck.present import CheckFormat, render_check
from implcheck.result import Verdict
from implcheck.scoring import score
from implcheck.textfile import decode
from implcheck.yamlsource import load_document

pytestmark = pytest.mark.slow
SHIPPED = sorted([*ROOT.glob("checklists/*.yaml"), *ROOT.glob("examples/**/*.yaml")])
SOURCES = {path: path.read_bytes() for path in SHIPPED}
TOKENS = [
    "&a ", "*a", "!!float ", "!!int ", "!!bool ", "!!timestamp ", "!!binary ", "!!python/object ", "!x ",
    "<<: ", "=: ", "- ", "[", "]", "{", "}", ",", ": ", "? ", '"', "'", "|", ">-", "---\n", "...\n",
    "%YAML 1.1\n", "\t", "~", "null", ".nan", "-.inf", "0x1F", "1e400", "9" * 40, '"\\udce9"', "\u202e",
    '"\\e[2J"', "\ufeff", "#", "\n", "\n  ", "yes", "na", "critical: true", "weight: 2.0",
]  # fmt: skip


def outcome(path: Path, data: bytes) -> str:
    """Load ``data`` as if it were the file at ``path``: "ok", or the problems as text."""
    try:
        doc = load_document(path, decode(path, data))
        if isinstance(doc.data, dict) and "sections" in doc.data:
            checklist_from_document(doc)
        else:
            answers_from_document(doc)
    except InputError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1 and problem.col >= 1, problem
            assert problem.path == str(path)
            assert "\n" not in str(problem) and "\x1b" not in str(problem)
        return str(error)
    return "ok"


mutation = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 40)),
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(0, 255)),
    st.tuples(st.just("token"), st.integers(0, 10**6), st.sampled_from(TOKENS)),
    st.tuples(st.just("line"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("value"), st.integers(0, 10**6), st.sampled_from(TOKENS)),
)


def mutate(data: bytes, changes: list[tuple[str, int, Any]]) -> bytes:
    for kind, at, arg in changes:
        at %= len(data) + 1
        if kind == "insert":
            data = data[:at] + arg + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + arg :]
        elif kind == "flip" and at < len(data):
            data = data[:at] + bytes([arg]) + data[at + 1 :]
        elif kind == "token":
            data = data[:at] + arg.encode("utf-8") + data[at:]
        elif kind == "value":  # just before a value or a key, where tags and anchors bite
            starts = [i + 2 for i in range(len(data) - 1) if data[i : i + 2] in (b": ", b"- ")]
            spot = starts[at % len(starts)] if starts else at
            data = data[:spot] + arg.encode("utf-8") + data[spot:]
        elif kind == "line":  # duplicate one line somewhere else: keys repeat, indents shift
            lines = data.split(b"\n")
            copied = lines[at % len(lines)]
            lines.insert(arg % (len(lines) + 1), copied)
            data = b"\n".join(lines)
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SHIPPED), st.lists(mutation, min_size=1, max_size=6))
def test_mutated_shipped_files_load_or_give_located_problems(path: Path, changes: list[tuple[str, int, Any]]) -> None:
    outcome(path, mutate(SOURCES[path], changes))


# --- random checklists and answers ----------------------------------------------------------

ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=30).filter(str.strip)
item = st.fixed_dictionaries(
    {
        "question": words,
        "why": words,
        "failure_mode": st.sampled_from([m.value for m in FailureMode]),
        "weight": st.sampled_from([1, 2, 3]),
        "critical": st.booleans(),
        "action": words,
        "source": words,
    },
    optional={"owner": words, "by_when": words},
)
section = st.fixed_dictionaries(
    {
        "title": words,
        "stage": st.sampled_from([s.value for s in Stage]),
        "items": st.lists(item, min_size=1, max_size=5),
    }
)
thresholds = st.one_of(
    st.just(None),
    st.tuples(st.floats(0, 100), st.floats(0, 100), st.floats(0, 100), st.floats(0, 1)).map(
        lambda t: {"ready": max(t[0], t[1]), "conditions": min(t[0], t[1]), "floor": t[2], "min_confidence": t[3]}
    ),
)


@st.composite
def checklists(draw: st.DrawFn) -> dict[str, Any]:
    sections: list[dict[str, Any]] = draw(st.lists(section, min_size=1, max_size=4))
    for s_index, each in enumerate(sections):
        each["id"] = f"s{s_index}"
        for i_index, one in enumerate(each["items"]):
            one["id"] = f"i{s_index}-{i_index}"
    data: dict[str, Any] = {"id": draw(ids), "title": draw(words), "version": "1.0", "description": draw(words)}
    bars = draw(thresholds)
    if bars is not None:
        data["thresholds"] = bars
    data["sections"] = sections
    return data


def load_random_checklist(data: dict[str, Any]) -> Checklist:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return checklist_from_document(load_document(Path("random.yaml"), text))


values = st.sampled_from(list(AnswerValue))


def sheet(checklist: Checklist, answers: list[AnswerValue], role: Role, name: str) -> AnswerSheet:
    given = {
        item.id: Answer(AnswerValue.UNKNOWN if (item.critical and value is AnswerValue.NA) else value, "why")
        for item, value in zip(checklist.items, answers, strict=False)
    }
    return AnswerSheet(Path(f"{name}.yaml"), checklist.id, Context("Oak", "X", "t", "", Respondent(name, role)), given)


@settings(max_examples=150, deadline=None)
@given(checklists(), st.lists(values, min_size=20, max_size=20))
def test_random_checklists_load_and_the_scorer_invariants_hold(
    data: dict[str, Any], answers: list[AnswerValue]
) -> None:
    checklist = load_random_checklist(data)
    result = score(Assessment(checklist, (sheet(checklist, answers, Role.TEACHER, "a"),)))
    assert 0.0 <= result.score <= 100.0
    assert 0.0 <= result.confidence <= 1.0
    given = dict(zip((i.id for i in checklist.items), answers, strict=False))
    if any(i.critical and given.get(i.id) in (AnswerValue.NO, AnswerValue.UNKNOWN, None) for i in checklist.items):
        assert result.verdict is Verdict.NOT_READY
    if result.verdict is not Verdict.READY:
        assert result.reasons
    better = score(Assessment(checklist, (sheet(checklist, [AnswerValue.YES] * 20, Role.TEACHER, "a"),)))
    assert better.verdict.rank >= result.verdict.rank and better.score >= result.score
    again = score(Assessment(checklist, (sheet(checklist, answers, Role.TEACHER, "a"),)))
    assert render_check(again, CheckFormat.JSON) == render_check(result, CheckFormat.JSON)  # byte-identical


@settings(max_examples=150, deadline=None)
@given(checklists(), st.lists(values, min_size=20, max_size=20), st.lists(values, min_size=20, max_size=20))
def test_disagreement_is_symmetric(data: dict[str, Any], first: list[AnswerValue], second: list[AnswerValue]) -> None:
    checklist = load_random_checklist(data)
    a = sheet(checklist, first, Role.SENIOR_LEADER, "a")
    b = sheet(checklist, second, Role.TEACHER, "b")
    ab = score(Assessment(checklist, (a, b)))
    ba = score(Assessment(checklist, (b, a)))
    assert {d.item_id for d in ab.disagreements} == {d.item_id for d in ba.disagreements}
    assert (ab.verdict, ab.score, ab.confidence) == (ba.verdict, ba.score, ba.confidence)
    same = score(Assessment(checklist, (a, sheet(checklist, first, Role.TEACHER, "b"))))
    assert same.disagreements == ()
    alone = score(Assessment(checklist, (a,)))
    assert (same.verdict, same.score) == (alone.verdict, alone.score)


@settings(max_examples=200, deadline=None)
@given(checklists(), st.lists(mutation, min_size=1, max_size=4))
def test_mutated_random_checklists_load_or_give_located_problems(data: dict[str, Any], changes: list[Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    outcome(Path("random.yaml"), mutate(text, changes))
