"""Write a synthetic multi-academy trust: schools/<school>/<initiative>/<term>/<role>.yaml.

    python benchmarks/make_trust.py OUT --files 10000 [--seed 1]

Each school has 3 initiatives (two re-checked with termly-recheck, one being bought with
edtech-readiness), 3 terms and 3 respondents, so 27 files a school; the last school is cut short
to give exactly --files files. Answers drift term by term so some schools slip and some improve,
and respondents sometimes disagree. Each file is written as implcheck writes one now: for the
checklist's current version (``checklist_version:``), answering only the questions its
respondent's role is asked. The same seed always writes the same tree, for the
benchmarks (``bench.py``) and ``docs/scale.md``.
"""

from __future__ import annotations

import argparse
import functools
import random
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
# Terms listed in time order, which is also school-year order (implcheck orders terms by name so).
TERMS = (("2026-spring", "2026-03-20"), ("2026-summer", "2026-07-10"), ("2026-autumn", "2026-11-20"))
INITIATIVES = (
    ("Accelerated Reader", "termly-recheck"),
    ("Maths tutoring platform", "termly-recheck"),
    ("Pupil laptops", "edtech-readiness"),
)
ROLES = ("senior-leader", "teacher", "it")
NAMES = ("A. Leader", "B. Teacher", "C. Technician")
VALUES = ("yes", "partly", "no", "unknown")
# The first schools get names a reader can tell apart (docs/portfolio.md's screenshot).
SCHOOL_NAMES = (
    "Oakfield Primary",
    "Castle Brook Academy",
    "St Anne's CE Primary",
    "Riverside Secondary",
    "Hillcrest Juniors",
    "Northgate High",
    "Meadow Lane Infants",
    "Kingsway Academy",
)


@functools.cache
def shipped(checklist_id: str) -> Any:
    """A shipped checklist's YAML, read once."""
    return yaml.safe_load((ROOT / "checklists" / f"{checklist_id}.yaml").read_text(encoding="utf-8"))


def items(checklist_id: str) -> dict[str, bool]:
    """Item id -> whether it is critical."""
    return {item["id"]: item["critical"] for section in shipped(checklist_id)["sections"] for item in section["items"]}


def asked(checklist_id: str, role: str) -> set[str]:
    """The items a role is asked (``ask:``; none listed is every role; the senior leader, all)."""
    return {
        item["id"]
        for section in shipped(checklist_id)["sections"]
        for item in section["items"]
        if role == "senior-leader" or "ask" not in item or role in item["ask"]
    }


def answer(rng: random.Random, health: float) -> str:
    """Mostly yes for a healthy implementation, mostly gaps for a struggling one."""
    return "yes" if rng.random() < health else rng.choice(VALUES[1:])


def next_term(rng: random.Random, previous: dict[str, str], health: float) -> dict[str, str]:
    """Most answers carry over from last term; a few are looked at again."""
    return {item: answer(rng, health) if rng.random() < 0.06 else value for item, value in previous.items()}


def respondent_view(rng: random.Random, agreed: dict[str, str], critical: dict[str, bool]) -> dict[str, str]:
    """Each seat sees a few everyday items differently (the disagreements a report flags)."""
    return {
        item: rng.choice(VALUES) if not critical[item] and rng.random() < 0.08 else value
        for item, value in agreed.items()
    }


def answers_file(rng: random.Random, checklist_id: str, answers: dict[str, str], context: dict[str, object]) -> str:
    version = shipped(checklist_id)["version"]
    lines = [f"checklist: {checklist_id}", f'checklist_version: "{version}"', "context:"]
    for key, value in context.items():
        if isinstance(value, dict):
            lines.append(f"  {key}: {{name: {value['name']}, role: {value['role']}}}")
        else:
            lines.append(f"  {key}: {value}")
    lines.append("answers:")
    for item_id, value in answers.items():
        if rng.random() < 0.25:
            evidence = (
                f"Seen in the {rng.choice(('SIP', 'minutes', 'survey', 'timetable'))} on {context['assessed_on']}"
            )
            lines += [f"  {item_id}:", f"    answer: {value}", f'    evidence: "{evidence}"']
        else:
            lines.append(f"  {item_id}: {value}")
    return "\n".join(lines) + "\n"


def write_trust(out: Path, files: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    ids = {checklist: items(checklist) for _, checklist in INITIATIVES}
    sets = {(checklist, role): asked(checklist, role) for _, checklist in INITIATIVES for role in ROLES}
    written = 0
    school = 0
    while written < files:
        school += 1
        name = SCHOOL_NAMES[school - 1] if school <= len(SCHOOL_NAMES) else f"School {school:05d}"
        for initiative, checklist in INITIATIVES:
            health = rng.uniform(0.6, 0.98)
            agreed = {item: answer(rng, health) for item in ids[checklist]}
            for term, assessed_on in TERMS:
                health = min(0.99, max(0.3, health + rng.uniform(-0.1, 0.1)))
                agreed = next_term(rng, agreed, health)
                folder = out / "schools" / f"school-{school:05d}" / initiative.lower().replace(" ", "-") / term
                folder.mkdir(parents=True, exist_ok=True)
                for role, person in zip(ROLES, NAMES, strict=True):
                    if written == files:
                        return written
                    context = {
                        "school": name,
                        "initiative": initiative,
                        "term": term,
                        "assessed_on": assessed_on,
                        "respondent": {"name": person, "role": role},
                    }
                    view = respondent_view(rng, agreed, ids[checklist])
                    own = {item: value for item, value in view.items() if item in sets[checklist, role]}
                    text = answers_file(rng, checklist, own, context)
                    (folder / f"{role}.yaml").write_text(text, encoding="utf-8")
                    written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the trust into (created)")
    parser.add_argument("--files", type=int, default=1000, help="how many answers files (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    count = write_trust(args.out, args.files, args.seed)
    print(f"wrote {count} answers files under {args.out / 'schools'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
