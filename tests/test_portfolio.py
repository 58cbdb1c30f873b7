"""The portfolio engine: grouping, term order, combining respondents, regression, bad files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from helpers import MINI
from implcheck import load, portfolio
from implcheck.load import load_assessment
from implcheck.model import AcceptedRisk, ActionStatus, AgreedAction, Checklist
from implcheck.portfolio import Portfolio
from implcheck.result import Verdict
from implcheck.scoring import score

ALL_YES = {"problem-specific": "yes", "owner-named": "yes", "single-sign-on": "yes", "training-planned": "yes"}
SLIPPED = {**ALL_YES, "owner-named": "no", "single-sign-on": "partly"}
# Terms named so that their names sort out of time order: only assessed_on puts them right.
SPRING, SUMMER, AUTUMN = ("2026-spring", "2026-03-20"), ("2026-summer", "2026-07-10"), ("2026-autumn", "2026-11-20")


def answers(
    school: str = "Oakfield Primary",
    term: tuple[str, str] = AUTUMN,
    role: str = "senior-leader",
    given: dict[str, str] | None = None,
    initiative: str = "Pobble for writing",
    checklist: str | Path = MINI.name,
) -> str:
    body = "".join(f"  {item}: {value}\n" for item, value in (ALL_YES if given is None else given).items())
    return (
        f"checklist: {checklist}\n"
        "context:\n"
        f"  school: {school}\n"
        f"  initiative: {initiative}\n"
        f"  term: {term[0]}\n"
        f"  assessed_on: {term[1]}\n"
        f"  respondent: {{name: Someone, role: {role}}}\n"
        "answers:\n" + body
    )


def put(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def build(root: Path) -> Portfolio:
    return portfolio.build([root], checklist_dirs=[MINI.parent])  # files name "mini.yaml" there


def test_groups_by_school_initiative_and_checklist(tmp_path: Path) -> None:
    put(tmp_path, "a/x.yaml", answers("Oakfield Primary"))
    put(tmp_path, "a/y.yaml", answers("Oakfield Primary", initiative="Reading app"))
    put(tmp_path, "b/x.yaml", answers("Castle Brook", given=SLIPPED))
    put(tmp_path, "c/x.yaml", answers("Castle Brook", checklist="edtech-readiness", given={}))
    got = build(tmp_path)
    assert sorted((g.school, g.initiative, g.checklist) for g in got.groups) == [
        ("Castle Brook", "Pobble for writing", "edtech-readiness"),
        ("Castle Brook", "Pobble for writing", "mini"),
        ("Oakfield Primary", "Pobble for writing", "mini"),
        ("Oakfield Primary", "Reading app", "mini"),
    ]
    assert (got.files, got.schools, got.problems) == (4, 2, ())


def test_school_and_initiative_match_whatever_their_case(tmp_path: Path) -> None:
    put(tmp_path, "a.yaml", answers("Oakfield Primary", term=SPRING))
    put(tmp_path, "b.yaml", answers("OAKFIELD primary", term=AUTUMN, initiative="pobble for WRITING"))
    (group,) = build(tmp_path).groups
    assert [t.term for t in group.terms] == ["2026-spring", "2026-autumn"]


def test_terms_are_ordered_by_assessed_on_not_by_name(tmp_path: Path) -> None:
    for term in (AUTUMN, SPRING, SUMMER):
        put(tmp_path, f"{term[0]}/lead.yaml", answers(term=term))
    (group,) = build(tmp_path).groups
    assert [(t.term, t.assessed_on) for t in group.terms] == [SPRING, SUMMER, AUTUMN]


def test_a_terms_respondents_combine_as_check_does(tmp_path: Path) -> None:
    files = [
        put(tmp_path, "lead.yaml", answers(role="senior-leader")),
        put(tmp_path, "teacher.yaml", answers(role="teacher", given={**ALL_YES, "training-planned": "no"})),
    ]
    (group,) = build(tmp_path).groups
    (term,) = group.terms
    checked = score(load_assessment(files, [MINI.parent]))
    assert (term.verdict, term.score, term.confidence) == (checked.verdict, checked.score, checked.confidence)
    # The most cautious known answer wins: follow-up training is a gap from the teacher's seat.
    assert (term.respondents, term.disagreements, term.verdict, term.score) == (2, 1, Verdict.NOT_READY, 87.5)
    assert term.files == tuple(str(path) for path in files)


def test_each_term_is_compared_with_the_one_before(tmp_path: Path) -> None:
    put(tmp_path, "spring.yaml", answers(term=SPRING))
    put(tmp_path, "summer.yaml", answers(term=SUMMER, given=SLIPPED))
    put(tmp_path, "autumn.yaml", answers(term=AUTUMN))
    (group,) = build(tmp_path).groups
    spring, summer, autumn = group.terms
    assert (spring.score_change, spring.regressions) == (None, ())
    assert summer.score_change == -37.5
    assert summer.regressions == (
        "The verdict fell from ready to not ready.",
        "The score fell by 37.5 points, from 100 to 62.5 (more than the 5 allowed).",
    )
    assert (autumn.score_change, autumn.regressed, group.regressed) == (37.5, False, False)


def test_max_drop_sets_how_far_the_score_may_fall(tmp_path: Path) -> None:
    put(tmp_path, "spring.yaml", answers(term=SPRING))
    put(tmp_path, "autumn.yaml", answers(term=AUTUMN, given={**ALL_YES, "training-planned": "partly"}))
    assert build(tmp_path).groups[0].regressed
    assert not portfolio.build([tmp_path], max_drop=10, checklist_dirs=[MINI.parent]).groups[0].regressed


def test_groups_come_worst_first(tmp_path: Path) -> None:
    put(tmp_path, "ready.yaml", answers("Ready School"))
    put(tmp_path, "weak.yaml", answers("Weak School", given={**ALL_YES, "problem-specific": "no"}))
    put(tmp_path, "slipped-1.yaml", answers("Slipping School", term=SPRING))
    put(tmp_path, "slipped-2.yaml", answers("Slipping School", term=AUTUMN, given={**ALL_YES, "owner-named": "no"}))
    assert [g.school for g in build(tmp_path).groups] == ["Slipping School", "Weak School", "Ready School"]


def test_checklists_and_other_yaml_are_skipped_and_bad_files_are_problems(tmp_path: Path) -> None:
    put(tmp_path, "good.yaml", answers())
    put(tmp_path, "checklist.yaml", MINI.read_text(encoding="utf-8"))
    put(tmp_path, ".github/workflows/ci.yml", "on: push\n")
    put(tmp_path, "config.yaml", "tool: settings\n")
    put(tmp_path, "notes.txt", "not yaml\n")
    put(tmp_path, "broken.yaml", answers(given={"owner-nmed": "yes"}))
    got = build(tmp_path)
    assert [g.school for g in got.groups] == ["Oakfield Primary"]
    assert [str(p) for p in got.problems] == [
        f"{tmp_path / 'broken.yaml'}:9:3: unknown item id 'owner-nmed' (did you mean 'owner-named'?); "
        "see `implcheck show mini.yaml` for the item ids (unknown-item)"
    ]
    assert [(Path(s.path).name, s.reason) for s in got.skipped] == [
        (".github", "a hidden folder"),
        ("checklist.yaml", "a checklist"),
        ("config.yaml", "not an answers file (no 'checklist' or 'answers')"),
        ("notes.txt", "not a YAML file"),
    ]


def test_a_file_that_cannot_be_placed_is_a_problem(tmp_path: Path) -> None:
    text = "checklist: mini.yaml\ncontext:\n  school: Oakfield Primary\nanswers:\n  owner-named: yes\n"
    put(tmp_path, "a.yaml", text)
    got = build(tmp_path)
    assert got.groups == ()
    assert [str(p) for p in got.problems] == [
        f"{tmp_path / 'a.yaml'}:3:3: 'context' must give the school, initiative, term, to place this file in "
        "the portfolio; missing: initiative, term (missing-key)"
    ]


def test_respondents_on_different_checklist_versions_are_not_combined(tmp_path: Path) -> None:
    newer = put(
        tmp_path, "lists/mini-2.yaml", MINI.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "2.0"')
    )
    put(tmp_path, "a-lead.yaml", answers())
    put(tmp_path, "b-teacher.yaml", answers(role="teacher", checklist=newer.relative_to(tmp_path)))
    got = build(tmp_path)
    (group,) = got.groups
    assert group.latest.respondents == 1
    assert [str(p) for p in got.problems] == [
        f"{tmp_path / 'b-teacher.yaml'}:1:1: cannot be combined with {tmp_path / 'a-lead.yaml'}: it answers "
        "mini version 2.0, not 1.0; respondents for one term must answer the same version of the checklist "
        "(not-combinable)"
    ]


def test_two_files_from_one_person_for_one_term_count_once(tmp_path: Path) -> None:
    put(tmp_path, "a-lead.yaml", answers())
    put(tmp_path, "b-lead-again.yaml", answers(given={**ALL_YES, "training-planned": "no"}))
    got = build(tmp_path)
    (group,) = got.groups
    assert (group.latest.respondents, group.latest.disagreements) == (1, 0)
    assert [str(p) for p in got.problems] == [
        f"{tmp_path / 'b-lead-again.yaml'}:1:1: answered by the same person as {tmp_path / 'a-lead.yaml'} "
        "(senior-leader 'Someone'); each respondent's answers count once, so give one file per person, or "
        "correct the name or role (duplicate-respondent)"
    ]


def test_a_broken_checklist_is_reported_once_not_per_file(tmp_path: Path) -> None:
    bad = put(tmp_path, "lists/bad.yaml", "id: bad\ntitle: x\nversion: '1'\ndescription: x\nsections: nope\n")
    for name in ("a", "b", "c"):
        put(tmp_path, f"{name}.yaml", answers(checklist=bad.relative_to(tmp_path), given={}))
    got = build(tmp_path)
    assert [str(p) for p in got.problems] == [
        f"{bad}:5:11: 'sections' must be a non-empty list of sections, got 'nope' (bad-type)"
    ]


def test_each_checklist_is_loaded_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[str] = []
    real = load.load_checklist

    def counted(path: Path) -> Checklist:
        loads.append(path.stem)
        return real(path)

    monkeypatch.setattr(load.answers, "load_checklist", counted)
    for school in range(5):
        put(tmp_path, f"s{school}/lead.yaml", answers(f"School {school}", checklist="termly-recheck", given={}))
    build(tmp_path)
    assert loads == ["termly-recheck"]


def test_the_pool_gives_what_one_process_gives(tmp_path: Path) -> None:
    for school in range(4):
        for term, given in ((SPRING, ALL_YES), (AUTUMN, SLIPPED)):
            put(tmp_path, f"s{school}/{term[0]}.yaml", answers(f"School {school}", term=term, given=given))
    put(tmp_path, "bad.yaml", "checklist: [\n")
    assert portfolio.build([tmp_path], jobs=2, checklist_dirs=[MINI.parent]) == build(tmp_path)


def test_overdue_actions_and_expired_risks_are_counted_per_term(tmp_path: Path) -> None:
    put(tmp_path, "a.yaml", answers(term=AUTUMN, given={**ALL_YES, "owner-named": "no"}))
    entry = portfolio.read(tmp_path / "a.yaml", portfolio.Checklists([MINI.parent]))
    assert isinstance(entry, portfolio.Entry)
    late = AgreedAction("owner-named", "J. Patel", "2026-10-31", ActionStatus.OPEN)
    expired = AcceptedRisk("owner-named", "Head leaving", "FGB minute 3/1", "2026-01-10", "2026-06-30")
    ledgered = replace(entry, actions=(late,), accepted_risks=(expired,))
    group, problems = portfolio._group([[ledgered]], portfolio.Checklists([MINI.parent]), 5.0)
    assert (group.latest.overdue_actions, group.latest.expired_risks, problems) == (1, 1, [])
