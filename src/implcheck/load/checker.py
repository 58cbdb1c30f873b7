"""Check one document against the field tables (``fields.py``), collecting every problem.

Each check returns the value as the records want it, or ``None`` after noting a problem at the
value's line and column, so one run reports everything wrong with a file.
"""

from __future__ import annotations

import difflib
import functools
import re
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar, cast

from implcheck.errors import InputError, Level, Problem, ProblemRule, excerpt
from implcheck.fields import (
    DATE_PATTERN,
    ID_PATTERN,
    NON_BLANK,
    REQUIRED_DATE_PATTERN,
    Field,
    Kind,
    Record,
    choice_pattern,
)
from implcheck.yamlsource import Document, Key

MAX_PROBLEMS = 50  # per file
E = TypeVar("E", bound=StrEnum)
Path_ = tuple[Key, ...]
_NON_BLANK = re.compile(NON_BLANK)


# The field table's patterns decide; they are compiled on first use (start-up pays only for
# those a file needs) and the commonest values skip them: a choice written exactly as it is
# listed, a kebab-case id, a date written YYYY-MM-DD that the calendar has. Each short cut
# accepts only what the pattern accepts, as it is, and leaves everything else to the pattern.
@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@functools.cache
def _exact_choices(enum: type[StrEnum]) -> dict[str, StrEnum]:
    return {str(member.value): member for member in enum}


@functools.cache
def _choice_regex(enum: type[StrEnum]) -> re.Pattern[str]:
    return re.compile(choice_pattern(member.value for member in enum))


_KEBAB_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _plain_id(value: str) -> bool:
    """Lowercase ASCII letters and digits in hyphen-separated runs: what ``ID_PATTERN`` takes."""
    return bool(value) and _KEBAB_CHARS.issuperset(value) and "" not in value.split("-")


def _calendar_day(value: str) -> bool:
    """``YYYY-MM-DD`` in ASCII digits naming a real day, as ``CALENDAR_DATE`` spells out."""
    if len(value) != 10 or value[4] != "-" or value[7] != "-" or not value.isascii():
        return False
    if not (value[:4].isdigit() and value[5:7].isdigit() and value[8:].isdigit()):
        return False
    try:
        date.fromisoformat(value)  # years 1 to 9999 of the Gregorian calendar, like the pattern
    except ValueError:
        return False
    return True


def choices(enum: type[StrEnum]) -> str:
    return ", ".join(str(member.value) for member in enum)


def describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    return excerpt(value)


def did_you_mean(word: str, candidates: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class Checker:
    """Collects problems against one document instead of stopping at the first."""

    def __init__(self, doc: Document, *, warnings: bool = True) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        # A caller that never shows warnings (the portfolio) says so: a warning's line costs a
        # second reading of the file (``Document.locations``), and old files each carry one.
        self.keep_warnings = warnings

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.level is Level.ERROR]

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.level is Level.WARNING)

    def add(self, message: str, rule: ProblemRule, *path: Key, at_key: bool = False) -> None:
        self.problems.append(self.doc.problem(message, *path, rule=rule, at_key=at_key))
        if len(self.problems) >= MAX_PROBLEMS:
            # A hostile or badly broken file could otherwise yield a problem per line.
            last = max(self.problems, key=lambda problem: problem.sort_key)
            stop = f"stopped after {MAX_PROBLEMS} problems in this file; fix these and run again"
            final = Problem(last.path, last.line, last.col, stop, ProblemRule.TOO_MANY_PROBLEMS, final=True)
            raise InputError([*self.problems, final])

    def warn(self, message: str, rule: ProblemRule, *path: Key) -> None:
        if not self.keep_warnings:
            return
        loc = self.doc.where(*path)
        self.problems.append(Problem(str(self.doc.path), loc.line, loc.col, message, rule, Level.WARNING))

    def fail_if_any(self) -> None:
        if self.errors:
            raise InputError(self.problems)

    # --- shapes --------------------------------------------------------------------------

    def document(self, record: Record) -> dict[str, Any]:
        """The whole file as ``record``'s mapping; a file that is not a mapping stops here."""
        top = self.mapping(self.doc.data, (), record)
        if top is None:
            raise InputError(self.problems)
        return top

    def mapping(self, value: object, path: Path_, record: Record) -> dict[str, Any] | None:
        """``value`` as a mapping with only ``record``'s keys and all its required ones."""
        if not isinstance(value, dict):
            self.add(
                f"{record.what} must be a mapping of keys to values, got {describe(value)}", ProblemRule.BAD_TYPE, *path
            )
            return None
        for key in value:
            if key not in record.names:
                self.add(
                    f"unknown key {excerpt(key)} in {record.what}{did_you_mean(str(key), record.names)}; "
                    f"allowed: {', '.join(record.names)}",
                    ProblemRule.UNKNOWN_KEY,
                    *path,
                    key,
                    at_key=True,
                )
        for key in record.required:
            if key not in value:
                self.add(f"missing required key {key!r}", ProblemRule.MISSING_KEY, *path)
        return value

    def complete(self, mapping: dict[str, Any], record: Record) -> bool:
        return all(key in mapping for key in record.required)

    def present(self, mapping: dict[str, Any], field: Field) -> bool:
        """Whether there is a value to check: an optional key left empty counts as absent."""
        if field.name not in mapping:
            return False  # a missing required key is reported once, by ``mapping``
        return mapping[field.name] is not None or (field.required and not field.null_ok)

    def records(self, mapping: dict[str, Any], path: Path_, field: Field) -> list[Any]:
        """The list under ``field``: non-empty, or a problem."""
        if not self.present(mapping, field):
            return []
        value = mapping[field.name]
        if not isinstance(value, list) or not value:
            self.add(
                f"{field.called} must be a non-empty list of {field.name}, got {describe(value)}",
                ProblemRule.BAD_TYPE,
                *path,
                field.name,
            )
            return []
        return value

    # --- values --------------------------------------------------------------------------

    def text(self, mapping: dict[str, Any], path: Path_, field: Field) -> str:
        if not self.present(mapping, field):
            return ""
        value = mapping[field.name]
        if not isinstance(value, str) and not _is_number(value):
            self.add(f"{field.called} must be text, got {describe(value)}", ProblemRule.BAD_TYPE, *path, field.name)
            return ""
        text = str(value)
        if field.required and not _NON_BLANK.search(text):
            self.add(f"{field.called} must not be empty", ProblemRule.EMPTY_VALUE, *path, field.name)
        return text.strip()

    def kebab_id(self, mapping: dict[str, Any], path: Path_, field: Field) -> str:
        if not self.present(mapping, field):
            return ""
        value = mapping[field.name]
        if isinstance(value, str) and _plain_id(value):
            return value
        match = _compiled(ID_PATTERN).search(value) if isinstance(value, str) else None
        if match is None:
            self.add(
                f"{field.called} must be kebab-case (lowercase letters, digits and single hyphens), "
                f"got {describe(value)}",
                ProblemRule.BAD_ID,
                *path,
                field.name,
            )
            return ""
        return match.group(1)

    def choice(self, mapping: dict[str, Any], path: Path_, field: Field, enum: type[E]) -> E | None:
        if not self.present(mapping, field):
            return None
        return self.choice_value(mapping[field.name], (*path, field.name), field, enum)

    def choice_value(self, value: object, path: Path_, field: Field, enum: type[E]) -> E | None:
        match = None
        if isinstance(value, str):
            exact = _exact_choices(enum)
            if value in exact:
                return cast(E, exact[value])
            match = _choice_regex(enum).search(value)
        if match is None:
            self.add(
                f"{field.called} must be one of {choices(enum)}; got {describe(value)}", ProblemRule.BAD_VALUE, *path
            )
            return None
        return enum(match.group(1).lower())

    def number(self, mapping: dict[str, Any], path: Path_, field: Field) -> float | None:
        if not self.present(mapping, field):
            return None
        value = mapping[field.name]
        whole = field.kind is Kind.WHOLE
        if not _is_number(value) or not field.low <= value <= field.high or (whole and not float(value).is_integer()):
            if whole:
                allowed = [str(n) for n in range(int(field.low), int(field.high) + 1)]
                wanted = f"{', '.join(allowed[:-1])} or {allowed[-1]}"
            else:
                wanted = f"a number from {field.low:g} to {field.high:g}"
            message = f"{field.called} must be {wanted}, got {describe(value)}"
            self.add(message, ProblemRule.BAD_VALUE, *path, field.name)
            return None
        return float(value)

    def flag(self, mapping: dict[str, Any], path: Path_, field: Field) -> bool | None:
        if not self.present(mapping, field):
            return None
        value = mapping[field.name]
        if not isinstance(value, bool):
            self.add(
                f"{field.called} must be true or false, got {describe(value)}", ProblemRule.BAD_TYPE, *path, field.name
            )
            return None
        return value

    def choice_list(self, mapping: dict[str, Any], path: Path_, field: Field, enum: type[E]) -> tuple[E, ...]:
        """A non-empty list of ``enum``'s values, each once (``ask: [senior-leader, teacher]``)."""
        if not self.present(mapping, field):
            return ()
        value = mapping[field.name]
        if not isinstance(value, list) or not value:
            self.add(
                f"{field.called} must be a non-empty list, each one of {choices(enum)}; got {describe(value)}",
                ProblemRule.BAD_TYPE,
                *path,
                field.name,
            )
            return ()
        chosen: list[E] = []
        for index, each in enumerate(value):
            member = self.choice_value(each, (*path, field.name, index), field, enum)
            if member is not None and member in chosen:
                self.add(
                    f"{member.value!r} is listed twice in {field.called}",
                    ProblemRule.DUPLICATE_ID,
                    *path,
                    field.name,
                    index,
                )
            elif member is not None:
                chosen.append(member)
        return tuple(chosen)

    def text_map(self, mapping: dict[str, Any], path: Path_, field: Field) -> dict[str, str]:
        """A non-empty mapping whose keys are ``field.choices`` (or kebab ids) and whose values
        are non-blank text (or kebab ids, when ``field.values`` is ``Kind.ID``)."""
        if not self.present(mapping, field):
            return {}
        value = mapping[field.name]
        where = (*path, field.name)
        if not isinstance(value, dict) or not value:
            self.add(
                f"{field.called} must be a non-empty mapping of keys to values, got {describe(value)}",
                ProblemRule.BAD_TYPE,
                *where,
            )
            return {}
        found: dict[str, str] = {}
        for key, raw in value.items():
            name = self._map_key(key, where, field)
            if name is None:
                continue
            if name in found:
                self.add(
                    f"{name!r} is given twice in {field.called}", ProblemRule.DUPLICATE_ID, *where, key, at_key=True
                )
                continue
            words = self._map_value(raw, (*where, key), field, name)
            if words:
                found[name] = words
        return found

    def _map_key(self, key: Key, where: Path_, field: Field) -> str | None:
        if field.choices is not None:
            member = self.choice_value(key, where, field, field.choices)
            return None if member is None else str(member.value)
        match = _compiled(ID_PATTERN).search(key) if isinstance(key, str) else None
        if match is None:
            self.add(
                f"each key of {field.called} must be an item id in kebab-case, got {describe(key)}",
                ProblemRule.BAD_ID,
                *where,
                key,
                at_key=True,
            )
            return None
        return match.group(1)

    def _map_value(self, raw: object, where: Path_, field: Field, name: str) -> str:
        if field.values is Kind.ID:
            match = _compiled(ID_PATTERN).search(raw) if isinstance(raw, str) else None
            if match is None:
                self.add(
                    f"{name!r} in {field.called} must name an item id in kebab-case, got {describe(raw)}",
                    ProblemRule.BAD_ID,
                    *where,
                )
                return ""
            return match.group(1)
        if not (isinstance(raw, str) or _is_number(raw)) or not _NON_BLANK.search(str(raw)):
            self.add(f"{name!r} in {field.called} must be text, got {describe(raw)}", ProblemRule.BAD_TYPE, *where)
            return ""
        return str(raw).strip()

    def date(self, mapping: dict[str, Any], path: Path_, field: Field) -> str:
        if not self.present(mapping, field):
            return ""
        value = mapping[field.name]
        if isinstance(value, str) and _calendar_day(value):
            return value
        pattern = REQUIRED_DATE_PATTERN if field.required else DATE_PATTERN
        match = _compiled(pattern).search(value) if isinstance(value, str) else None
        if match is None:
            self.add(
                f"{field.called} must be a date written YYYY-MM-DD, got {describe(value)}",
                ProblemRule.BAD_DATE,
                *path,
                field.name,
            )
            return ""
        return match.group(1)
