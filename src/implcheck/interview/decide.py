"""Pure decisions of the interview: no I/O, so each is tested directly in a line."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path

from implcheck.errors import UsageError
from implcheck.load import COMBINED_BY, allowed_answers, context_conflict
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
    "don't know": AnswerValue.UNKNOWN,
    "dont know": AnswerValue.UNKNOWN,
    "not sure": AnswerValue.UNKNOWN,
    "na": AnswerValue.NA,
    "n/a": AnswerValue.NA,
    "doesn't apply": AnswerValue.NA,
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

# The legend: shown at the start, at each new section and after a key that is not one. Each
# line fits 60 columns. A critical item cannot be "doesn't apply", so its legend leaves it out.
ANSWER_LEGEND = "y yes · p partly · n no · u don't know · na doesn't apply"
CRITICAL_LEGEND = "y yes · p partly · n no · u don't know"
MOVES_LEGEND = "s skip for now · b back · ? help · q save and stop"
ENTER_KEEPS = "Enter keeps the current answer"


def parse_key(text: str) -> AnswerValue | Move | None:
    """What a typed line means: an answer, a move, or ``None`` when it is neither."""
    return KEYS.get(" ".join(text.lower().replace("’", "'").split()))


def legend(item: Item) -> str:
    """The answer keys ``item`` accepts, each with its meaning."""
    return CRITICAL_LEGEND if item.critical else ANSWER_LEGEND


def keys_explained(item: Item) -> str:
    """Every key, for ``?``: what ``legend`` says, with what the moves do and what ``na`` needs."""
    answers = legend(item) + ("" if item.critical else " (give a reason)")
    return (
        f"{answers} · {ENTER_KEEPS} · s skip for now (asked again before the end) · "
        "b back to the previous question · q save and stop"
    )


def key_hint(item: Item) -> str:
    """The accepted keys, shown at the end of the question: critical items cannot be ``na``."""
    return "[y/p/n/u/na/?]" if AnswerValue.NA in allowed_answers(item) else "[y/p/n/u/?]"


def refusal(item: Item, value: AnswerValue) -> str | None:
    """Why ``value`` cannot be the answer to ``item``, or ``None`` when it can."""
    if value not in allowed_answers(item):
        return (
            'This question is critical: a gap here blocks readiness, so it cannot be "doesn\'t apply". '
            "Answer y, p, n or u (don't know)."
        )
    return None


def wants_evidence(item: Item, value: AnswerValue) -> bool:
    """Whether the interview asks for evidence after ``value``: where the verdict rests on it, a
    yes or partly on a critical or weight-3 question (what lets a heavy gap count as closed).
    Elsewhere the answer alone is saved, so a whole checklist is not twice as many prompts; the
    file takes evidence for any answer."""
    return value in (AnswerValue.YES, AnswerValue.PARTLY) and (item.critical or item.weight == 3)


def next_unasked(items: tuple[Item, ...], answers: dict[str, Answer], start: int = 0) -> int | None:
    """The index of the first item at or after ``start`` with no answer at all, or ``None``.
    An explicit "don't know" is an answer: carrying on never asks it again unasked for."""
    for index in range(max(start, 0), len(items)):
        if items[index].id not in answers:
            return index
    return None


def still_unknown(items: tuple[Item, ...], answers: dict[str, Answer]) -> list[int]:
    """The indexes of the items answered "don't know"."""
    return [i for i, item in enumerate(items) if (a := answers.get(item.id)) and a.value is AnswerValue.UNKNOWN]


@dataclass(frozen=True, slots=True)
class Tally:
    """Where a session stands, counted the way ``check`` counts: "answered" is yes, partly or
    no, out of the questions that apply (the confidence's "30 of 46 answered")."""

    answered: int
    applicable: int
    unknown: int
    not_asked: int
    not_applicable: int

    @classmethod
    def of(cls, items: tuple[Item, ...], answers: dict[str, Answer]) -> Tally:
        values = [answers[item.id].value for item in items if item.id in answers]
        na = values.count(AnswerValue.NA)
        unknown = values.count(AnswerValue.UNKNOWN)
        return cls(len(values) - na - unknown, len(items) - na, unknown, len(items) - len(values), na)

    def __str__(self) -> str:
        parts = [f"{self.answered} of {self.applicable} answered"]
        if self.unknown:
            parts.append(f"{self.unknown} don't know")
        if self.not_asked:
            parts.append(f"{self.not_asked} not asked yet")
        text = ", ".join(parts)
        if self.not_applicable:
            text += f"; {self.not_applicable} {'doesn' if self.not_applicable == 1 else 'don'}'t apply"
        return text


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


@dataclass(frozen=True, slots=True)
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
    given = Context(clean(flags.school or ""), clean(flags.initiative or ""), clean(flags.term or ""))
    conflict = context_conflict(existing, given, blank_matches=True)
    if conflict is not None:
        key, mine, theirs = conflict
        raise UsageError(
            f"{path}: is for {key} {quote(mine)}, not {quote(theirs)}; leave out --{key} to carry on with it, "
            "or choose another -o"
        )
    merged = {key: getattr(existing, key) or getattr(given, key) for key in COMBINED_BY}
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
