"""Pure decisions of the interview: no I/O, so each is tested directly in a line."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path

from implcheck.errors import UsageError
from implcheck.model import Answer, AnswerValue, Context, Item, Respondent, Role
from implcheck.safetext import quote


class Move(StrEnum):
    """Keys that move through the interview instead of answering."""

    KEEP = "keep"  # Enter: keep the answer the item already has
    SKIP = "skip"
    BACK = "back"
    HELP = "help"
    QUIT = "quit"


KEYS: dict[str, AnswerValue | Move] = {
    "y": AnswerValue.YES,
    "yes": AnswerValue.YES,
    "p": AnswerValue.PARTLY,
    "partly": AnswerValue.PARTLY,
    "n": AnswerValue.NO,
    "no": AnswerValue.NO,
    "u": AnswerValue.UNKNOWN,
    "unknown": AnswerValue.UNKNOWN,
    "na": AnswerValue.NA,
    "n/a": AnswerValue.NA,
    "": Move.KEEP,
    "s": Move.SKIP,
    "skip": Move.SKIP,
    "b": Move.BACK,
    "back": Move.BACK,
    "?": Move.HELP,
    "help": Move.HELP,
    "q": Move.QUIT,
    "quit": Move.QUIT,
}

# One line at the start (it fits 60 columns); ``?`` spells the keys out.
KEYS_HELP = "Keys: y/p/n/u/na answer · s skip · b back · ? help · q quit"
KEYS_EXPLAINED = (
    "y yes · p partly · n no · u unknown · na does not apply (give a reason) · "
    "Enter keeps the current answer · s skip for now · b back to the previous question · q save and quit"
)


def parse_key(text: str) -> AnswerValue | Move | None:
    """What a typed line means: an answer, a move, or ``None`` when it is neither."""
    return KEYS.get(text.strip().lower())


def key_hint(item: Item) -> str:
    """The accepted keys, shown at the end of the question: critical items cannot be ``na``."""
    return "[y/p/n/u/?]" if item.critical else "[y/p/n/u/na/?]"


def refusal(item: Item, value: AnswerValue) -> str | None:
    """Why ``value`` cannot be the answer to ``item``, or ``None`` when it can."""
    if value is AnswerValue.NA and item.critical:
        return (
            "This item is critical: a gap here blocks readiness, so it cannot be 'na'. Answer y, p, n or u (unknown)."
        )
    return None


def unanswered(answers: dict[str, Answer], item: Item) -> bool:
    """An item with no answer, or ``unknown``, is still to answer (SPEC: no answer = unknown)."""
    answer = answers.get(item.id)
    return answer is None or answer.value is AnswerValue.UNKNOWN


def next_unanswered(items: tuple[Item, ...], answers: dict[str, Answer], start: int = 0) -> int | None:
    """The index of the first item at or after ``start`` still to answer, or ``None``."""
    for index in range(max(start, 0), len(items)):
        if unanswered(answers, items[index]):
            return index
    return None


def clean(text: str) -> str:
    """One line of typed text as it is stored: stripped, runs of whitespace made one space."""
    return " ".join(text.split())


def suggested_term(today: date) -> str:
    """The school term ``today`` falls in, written like ``2026-autumn``."""
    season = "spring" if today.month <= 3 else "summer" if today.month <= 7 else "autumn"
    return f"{today.year}-{season}"


def parse_role(text: str) -> Role | None:
    """A role from its name or the start of it (``t`` for teacher)."""
    typed = text.strip().lower()
    if not typed:
        return None
    matches = [role for role in Role if role.value.startswith(typed)]
    return matches[0] if len(matches) == 1 else None


@dataclass(frozen=True)
class ContextFlags:
    """The context given on the command line; ``None`` means "not given, ask"."""

    school: str | None = None
    initiative: str | None = None
    term: str | None = None
    role: Role | None = None
    name: str | None = None


def respondent_unset(respondent: Respondent) -> bool:
    """A file written by ``init`` (or by hand) may say nothing about who answers it."""
    return not respondent.name and respondent.role is Role.OTHER


def merge_context(existing: Context, flags: ContextFlags, path: Path) -> tuple[Context, frozenset[str]]:
    """Fill the file's empty context from the flags, refusing flags that contradict it; also
    return which fields are still to ask for (school, initiative, term, role, name)."""
    fields = {"school": existing.school, "initiative": existing.initiative, "term": existing.term}
    given = {"school": flags.school, "initiative": flags.initiative, "term": flags.term}
    merged: dict[str, str] = {}
    for key, mine in fields.items():
        theirs = clean(given[key] or "")
        if mine and theirs and mine.casefold() != theirs.casefold():
            raise UsageError(
                f"{path}: is for {key} {quote(mine)}, not {quote(theirs)}; leave out --{key} to carry on with it, "
                "or choose another -o"
            )
        merged[key] = mine or theirs
    missing = {key for key, value in merged.items() if not value}
    respondent = existing.respondent
    if respondent_unset(respondent):
        respondent = Respondent(clean(flags.name or ""), flags.role or Role.OTHER)
        missing |= {key for key, flag in (("role", flags.role), ("name", flags.name)) if flag is None}
    else:
        theirs = clean(flags.name or "")
        if flags.role is not None and flags.role is not respondent.role:
            raise UsageError(
                f"{path}: was answered as {respondent.role.value}, not {flags.role.value}; each respondent "
                "writes their own file, so choose another -o"
            )
        if theirs and respondent.name and theirs.casefold() != respondent.name.casefold():
            raise UsageError(
                f"{path}: was answered by {respondent.name!r}, not {theirs!r}; each respondent "
                "writes their own file, so choose another -o"
            )
        respondent = replace(respondent, name=respondent.name or theirs)
    return replace(existing, respondent=respondent, **merged), frozenset(missing)
