"""The few ways a run can go wrong, and the exit code each one means.

``boundary.py`` maps these to exit codes in one place; nothing else prints or exits.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from implcheck.safetext import line, quote

EXIT_OK = 0
EXIT_GATE_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_BUG = 3  # never 1: CI must not read a crash as "not ready"
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for SIGPIPE: the reader stopped early (`| head`)


EXCERPT = 40  # characters of a user's value a message quotes, at most


def excerpt(value: object) -> str:
    """A value as a message quotes it: made safe (``safetext.quote``) and short, so that a file
    which is not an implcheck file at all (``check /etc/passwd``) is never printed back in full."""
    if not isinstance(value, str):
        text = repr(value)
        return text if len(text) <= EXCERPT else f"{text[: EXCERPT - 3]}..."
    text = quote(value)
    return text if len(text) <= EXCERPT else f"{text[: EXCERPT - 4]}...'"


class ProblemRule(StrEnum):
    """The id each problem line ends with, yamllint-style, so CI and editors can group,
    count or silence one kind of problem without parsing the wording."""

    FILE_UNREADABLE = "file-unreadable"
    NOT_REGULAR_FILE = "not-regular-file"
    FILE_TOO_BIG = "file-too-big"
    NOT_UTF8 = "not-utf8"
    BAD_CHARACTER = "bad-character"
    YAML_SYNTAX = "yaml-syntax"
    YAML_ALIAS = "yaml-alias"
    YAML_TAG = "yaml-tag"
    YAML_MERGE_KEY = "yaml-merge-key"
    YAML_DOCUMENTS = "yaml-documents"
    TOO_DEEP = "too-deep"
    OVER_LIMIT = "over-limit"
    DUPLICATE_KEY = "duplicate-key"
    BAD_KEY = "bad-key"
    WRONG_KIND = "wrong-file-kind"
    UNKNOWN_KEY = "unknown-key"
    MISSING_KEY = "missing-key"
    BAD_TYPE = "bad-type"
    BAD_VALUE = "bad-value"
    EMPTY_VALUE = "empty-value"
    BAD_ID = "bad-id"
    BAD_DATE = "bad-date"
    DUPLICATE_ID = "duplicate-id"
    THRESHOLD_ORDER = "threshold-order"
    UNKNOWN_CHECKLIST = "unknown-checklist"
    CHECKLIST_NOT_FOUND = "checklist-not-found"
    CHECKLIST_OUTSIDE = "checklist-outside"
    UNKNOWN_ITEM = "unknown-item"
    NA_ON_CRITICAL = "na-on-critical"
    NA_WITHOUT_REASON = "na-without-reason"
    DATE_AFTER_ASSESSMENT = "date-after-assessment"
    NEEDS_ASSESSED_ON = "needs-assessed-on"
    RISK_EXPIRY = "risk-expiry"
    NOT_COMBINABLE = "not-combinable"
    DUPLICATE_RESPONDENT = "duplicate-respondent"
    HIDDEN_DEALBREAKER = "hidden-dealbreaker"
    ROLE_NOT_ASKED = "role-not-asked"
    BAD_MIGRATION = "bad-migration"
    NEWER_VERSION = "newer-version"
    RETIRED_ITEM = "retired-item"
    TOO_MANY_PROBLEMS = "too-many-problems"

    @property
    def meaning(self) -> str:
        """What the problem is, for the list of ids in docs/ci.md (``make docs``)."""
        return _PROBLEM_MEANINGS[self]


_PROBLEM_MEANINGS = {
    ProblemRule.FILE_UNREADABLE: "the file cannot be opened or read: it does not exist, or is a folder, "
    "or permission is refused",
    ProblemRule.NOT_REGULAR_FILE: "the path is not an ordinary file (a device, a pipe, a socket)",
    ProblemRule.FILE_TOO_BIG: "the file is larger than implcheck reads (1 MiB)",
    ProblemRule.NOT_UTF8: "the file is not UTF-8 text (UTF-16, say, or bytes that are not text)",
    ProblemRule.BAD_CHARACTER: "a character YAML does not allow, such as a control character",
    ProblemRule.YAML_SYNTAX: "the file is not well-formed YAML",
    ProblemRule.YAML_ALIAS: "an anchor or alias (&, *): implcheck files write every value out",
    ProblemRule.YAML_TAG: "a YAML tag (!!python/object, !custom): not supported",
    ProblemRule.YAML_MERGE_KEY: "a merge key (<<): not supported; write the keys out",
    ProblemRule.YAML_DOCUMENTS: "more than one YAML document (---) in one file",
    ProblemRule.TOO_DEEP: "values nested deeper than any implcheck file needs",
    ProblemRule.OVER_LIMIT: "more values, keys or list entries than any implcheck file needs",
    ProblemRule.DUPLICATE_KEY: "the same key twice in one mapping",
    ProblemRule.BAD_KEY: "a key that is a list or a mapping, not a plain word",
    ProblemRule.WRONG_KIND: "the file is not the kind asked for: a checklist where answers were expected, or neither",
    ProblemRule.UNKNOWN_KEY: "a key the file's kind does not have (often a misspelling: the message suggests one)",
    ProblemRule.MISSING_KEY: "a required key is missing",
    ProblemRule.BAD_TYPE: "a value of the wrong type: text where a mapping belongs, a list where text belongs",
    ProblemRule.BAD_VALUE: "a value outside what is allowed: not one of the choices, or a number out of range",
    ProblemRule.EMPTY_VALUE: "a value that must not be empty is empty",
    ProblemRule.BAD_ID: "an id that is not kebab-case (lowercase letters, digits and single hyphens)",
    ProblemRule.BAD_DATE: "a date not written YYYY-MM-DD, or not a real day",
    ProblemRule.DUPLICATE_ID: "a section or item id used twice in one checklist",
    ProblemRule.THRESHOLD_ORDER: "the checklist's bar for ready with conditions is above its bar for ready",
    ProblemRule.UNKNOWN_CHECKLIST: "the answers name a checklist id that is not shipped",
    ProblemRule.CHECKLIST_NOT_FOUND: "the answers name a checklist file that is not there",
    ProblemRule.CHECKLIST_OUTSIDE: "the answers name a checklist outside their own folder (or an absolute path) "
    "not given with --checklist-dir",
    ProblemRule.UNKNOWN_ITEM: "an answer, action or accepted risk names an item the checklist does not have",
    ProblemRule.NA_ON_CRITICAL: "'na' on a critical item, which always applies",
    ProblemRule.NA_WITHOUT_REASON: "'na' with no reason in 'evidence'",
    ProblemRule.DATE_AFTER_ASSESSMENT: "evidence dated after the day of the assessment",
    ProblemRule.NEEDS_ASSESSED_ON: "actions, accepted risks or dated evidence without 'assessed_on' in 'context' "
    "to judge their dates against",
    ProblemRule.RISK_EXPIRY: "an accepted risk that expires before it was approved, or more than a year after",
    ProblemRule.NOT_COMBINABLE: "in a portfolio, respondents for one term who answered different versions "
    "of the checklist",
    ProblemRule.DUPLICATE_RESPONDENT: "a second file from the same person (name and role) for one school, "
    "initiative and term, or the same person twice in a list of expected respondents",
    ProblemRule.HIDDEN_DEALBREAKER: "a warning for checklist authors: one 'no' on this item that is not critical "
    "makes the verdict not ready on its own",
    ProblemRule.ROLE_NOT_ASKED: "an answer from a role that is not asked the question (in a file written for "
    "this version), or a checklist's wording for a role its item does not ask",
    ProblemRule.BAD_MIGRATION: "a checklist's renamed: or retired: that reuses an id, loops or ends at no item; "
    "an item that vanished from a shipped checklist without either; an old id answered beside its new one",
    ProblemRule.NEWER_VERSION: "the answers were written for a later version of the checklist than this "
    "implcheck has: update implcheck",
    ProblemRule.RETIRED_ITEM: "a file written for this version answers a question the checklist has retired",
    ProblemRule.TOO_MANY_PROBLEMS: "implcheck stopped listing problems in this file; fix those shown and run again",
}


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"  # merely odd: reported, but the file still loads


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file, yamllint-style: ``path:line:col: [warning: ]message (rule)``."""

    path: str
    line: int
    col: int
    message: str
    rule: ProblemRule
    level: Level = Level.ERROR
    final: bool = False  # "stopped after N problems": listed after the file's other problems

    @property
    def sort_key(self) -> tuple[str, bool, int, int, str]:
        return (self.path, self.final, self.line, self.col, self.message)

    def __str__(self) -> str:
        # A file name or value with a newline or an escape must not forge another line.
        level = "warning: " if self.level is Level.WARNING else ""
        return f"{line(self.path)}:{self.line}:{self.col}: {level}{line(self.message)} ({self.rule})"


class ImplcheckError(Exception):
    """A user's mistake: bad input or usage. Exit code 2, a message, never a traceback."""

    exit_code = EXIT_BAD_INPUT


class InputError(ImplcheckError):
    """One or more problems found in the user's files, all reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda problem: problem.sort_key)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @classmethod
    def single(cls, path: str, message: str, line: int = 1, col: int = 1, *, rule: ProblemRule) -> InputError:
        return cls([Problem(path, line, col, message, rule)])


class UsageError(ImplcheckError):
    """A command was asked to do something it cannot (wrong combination of files, etc.)."""
