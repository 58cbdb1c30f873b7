"""How long each role's question set takes to answer, counted from the shipped checklists.

Run with `make roles` (or `python benchmarks/roles.py`). It prints, per checklist and role, the
number of questions, the words the respondent reads and the estimated minutes, then PASS/FAIL lines
for issue 19's targets, and exits 1 on any FAIL.

The model (an estimate, stated so it can be argued with):

* An adult reads the question in their role's own wording (or the leader's question) and the
  one-line why the form shows under it (the why's first sentence), at 200 words a minute, and
  takes 20 seconds to decide each answer.
* A pupil reads only the question in the pupil's wording (no why), at 100 words a minute (a Year 5
  pupil, age 9-10, reading alone), and takes 10 seconds to decide each answer.
* The pupil's wording is readable when its sentences average 12 words or fewer and no word has more
  than three syllables (counted by vowel groups), apart from a short list of everyday words.

Targets: teacher at most 15 questions and about 8 minutes; pupil at most 8 questions, about 3
minutes, readable. The senior leader's full set is reported against about 30 minutes, for
information: it is the set the checklist's authors keep short by retiring weak items.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from implcheck import catalog  # noqa: E402
from implcheck.load import load_checklist  # noqa: E402
from implcheck.model import Checklist, Item, Role  # noqa: E402

ADULT_WPM = 200
PUPIL_WPM = 100
ADULT_DECIDE_S = 20
PUPIL_DECIDE_S = 10
LIMITS = {Role.TEACHER: (15, 8.0), Role.PUPIL: (8, 3.0)}  # at most this many questions, about these minutes
LEADER_MINUTES = 30.0
SLACK = 1.1  # "about" N minutes: up to 10% over passes
PUPIL_SENTENCE_WORDS = 12
PUPIL_MAX_SYLLABLES = 3
# Everyday words a Year 5 pupil reads although they count as more than three syllables.
PUPIL_ALLOWED = frozenset({"everything", "everybody", "activities", "computer", "computers"})

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SENTENCE_END = re.compile(r"[.?!]+")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.search(r"[.?!](\s|$)", text)
    return text[: match.end()].strip() if match else text


def syllables(word: str) -> int:
    """Vowel groups, less a silent final e: rough, but stable and good enough to flag long words."""
    word = word.lower().strip("'’-")
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


@dataclass(frozen=True, slots=True)
class RoleSet:
    checklist: str
    role: Role
    questions: int
    words: int
    minutes: float


def read_by(item: Item, role: Role) -> str:
    """What the form shows ``role`` for ``item``: the question in its words, and for adults the
    one-line why."""
    question = item.question_for(role)
    return question if role is Role.PUPIL else f"{question} {first_sentence(item.why)}"


def measure(checklist: Checklist, role: Role) -> RoleSet:
    items = checklist.asked(role)
    count = sum(len(words(read_by(item, role))) for item in items)
    if role is Role.PUPIL:
        seconds = count / PUPIL_WPM * 60 + PUPIL_DECIDE_S * len(items)
    else:
        seconds = count / ADULT_WPM * 60 + ADULT_DECIDE_S * len(items)
    return RoleSet(checklist.id, role, len(items), count, seconds / 60)


def hard_pupil_wording(checklist: Checklist) -> list[str]:
    """Pupil questions that are not readable by the rule above, each with the reason."""
    problems = []
    for item in checklist.asked(Role.PUPIL):
        text = item.question_for(Role.PUPIL)
        if text == item.question:
            problems.append(f"{item.id}: no pupil wording")
            continue
        sentences = [s for s in SENTENCE_END.split(text) if words(s)]
        average = len(words(text)) / max(len(sentences), 1)
        if average > PUPIL_SENTENCE_WORDS:
            problems.append(f"{item.id}: {average:.0f} words a sentence")
        long = [w for w in words(text) if syllables(w) > PUPIL_MAX_SYLLABLES and w.lower() not in PUPIL_ALLOWED]
        if long:
            problems.append(f"{item.id}: long words {', '.join(long)}")
    return problems


def main() -> int:
    failed = False

    def verdict(ok: bool, text: str) -> None:
        nonlocal failed
        failed |= not ok
        print(f"{'PASS' if ok else 'FAIL'}  {text}")

    for file_name in catalog.SHIPPED.values():
        checklist = load_checklist(catalog.data_dir("checklists") / file_name)
        print(f"{checklist.id} {checklist.version}")
        sets = {role: measure(checklist, role) for role in Role if role is not Role.OTHER}
        for role, found in sets.items():
            print(f"  {role.value:<14} {found.questions:>3} questions {found.words:>5} words  {found.minutes:5.1f} min")
        for role, (most, minutes) in LIMITS.items():
            found = sets[role]
            verdict(
                found.questions <= most, f"{checklist.id}: {role.value} {found.questions} questions (at most {most})"
            )
            verdict(
                found.minutes <= minutes * SLACK,
                f"{checklist.id}: {role.value} {found.minutes:.1f} min (about {minutes:g})",
            )
        problems = hard_pupil_wording(checklist)
        verdict(
            not problems, f"{checklist.id}: pupil wording readable" + (f" ({'; '.join(problems)})" if problems else "")
        )
        leader = sets[Role.SENIOR_LEADER]
        print(
            f"info  {checklist.id}: senior leader {leader.minutes:.1f} min for the full set (about {LEADER_MINUTES:g})"
        )
        print()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
