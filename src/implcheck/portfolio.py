"""A trust's whole portfolio: every school's answers files, grouped, combined and scored.

Files are grouped by school x initiative x checklist and, inside a group, by term; each term's
respondents combine exactly as files given to ``check`` together do, and terms are put in order
by ``terms.key`` (the term's name in school-year order, its date only to break a tie). Each term
is compared with the started term before it by the one regression rule (``compare.py``); a term
with nothing answered yet is "not started" (``terms.started``), and the group's latest term is its
latest started one.

Built to stay lean at any size (docs/scale.md): each checklist is loaded once, a file's parsed
document is dropped as soon as it is read, and only what the figures need is kept of it (its
context and one shared ``Answer`` per answer). A bad file is a problem in the list, never the
end of the run: every other group is still scored.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from implcheck import catalog, compare
from implcheck import terms as term_order
from implcheck.errors import InputError, Problem, ProblemRule
from implcheck.load import answers_from_document, resolver, same_person, twice
from implcheck.model import (
    DEFAULT_MAX_DROP,
    AcceptedRisk,
    AgreedAction,
    Answer,
    AnswerSheet,
    Assessment,
    Checklist,
    Context,
    Respondent,
)
from implcheck.result import Result, Verdict
from implcheck.scoring import score
from implcheck.terms import NOT_STARTED
from implcheck.walk import Skipped, walk
from implcheck.yamlsource import Document, load_document

ChecklistKey = tuple[str, str]  # (folder the reference is relative to, or "" if shipped; reference)


# Slotted: one is kept for every file read, and slots keep each small.
@dataclass(frozen=True, slots=True)
class Entry:
    """What the portfolio keeps of one answers file: enough to combine and score it, no more."""

    path: str
    checklist: ChecklistKey
    checklist_id: str
    checklist_version: str
    context: Context
    answers: tuple[Answer | None, ...]  # one per checklist item, in order; None: not answered
    actions: tuple[AgreedAction, ...] = ()
    accepted_risks: tuple[AcceptedRisk, ...] = ()
    migrated: bool = False  # written for an earlier version of its checklist, and read as this one


@dataclass(frozen=True, slots=True)
class Term:
    """One term of one group: its respondents combined and scored."""

    term: str
    assessed_on: str
    checklist_version: str
    verdict: Verdict
    score: float
    confidence: float
    respondents: int
    disagreements: int
    overdue_actions: int  # open and past due on assessed_on
    expired_risks: int  # accepted risks past their expiry: they block again
    files: tuple[str, ...]
    score_change: float | None  # since the previous term; None for the first
    regressions: tuple[str, ...]  # how readiness regressed since the previous term, in words
    verdict_label: str = ""  # the verdict in the checklist's words ("Off track"); JSON keeps ``verdict``
    started: bool = True  # anything answered yet (terms.started): a blank next-term file has not

    @property
    def label(self) -> str:
        if not self.started:
            return NOT_STARTED
        return self.verdict_label or self.verdict.label

    @property
    def regressed(self) -> bool:
        return bool(self.regressions)


@dataclass(frozen=True, slots=True)
class Group:
    school: str
    initiative: str
    checklist: str
    checklist_title: str
    terms: tuple[Term, ...]  # oldest first

    @property
    def latest(self) -> Term:
        """The latest started term (a blank next-term file does not count), else the latest."""
        return next((term for term in reversed(self.terms) if term.started), self.terms[-1])

    @property
    def regressed(self) -> bool:
        """The latest term against the one before."""
        return self.latest.regressed

    @property
    def last_two(self) -> tuple[Term, Term] | None:
        """The latest started term and the started term before it, when there are two."""
        started = [term for term in self.terms if term.started]
        return (started[-2], started[-1]) if len(started) > 1 else None

    @property
    def worst_first(self) -> tuple[bool, int, float, str, str, str]:
        latest = self.latest
        return (
            not self.regressed,
            latest.verdict.rank,
            latest.score,
            self.school.casefold(),
            self.initiative.casefold(),
            self.checklist,
        )


@dataclass(frozen=True, slots=True)
class Portfolio:
    groups: tuple[Group, ...]  # worst first: regressed, then by latest verdict and score
    problems: tuple[Problem, ...]
    skipped: tuple[Skipped, ...]
    files: int  # answers files read, good or bad
    migrated: int = 0  # of them, those written for an earlier checklist version (migrate.py)

    @property
    def schools(self) -> int:
        return len({group.school.casefold() for group in self.groups})


class Checklists:
    """Each checklist loaded once per process, however many files name it."""

    def __init__(self, checklist_dirs: Sequence[Path] = ()) -> None:
        self._loaded: dict[ChecklistKey, Checklist] = {}
        self._resolve = resolver(checklist_dirs)  # answers may also name checklists there

    @staticmethod
    def key(ref: str, answers_path: Path) -> ChecklistKey:
        # A shipped id means the same checklist everywhere; a path is relative to its file.
        return ("", ref) if catalog.shipped_path(ref) is not None else (str(answers_path.parent), ref)

    def resolve(self, ref: str, doc: Document) -> Checklist:
        key = self.key(ref, doc.path)
        if key not in self._loaded:
            self._loaded[key] = self._resolve(ref, doc)
        return self._loaded[key]

    def of(self, entry: Entry) -> Checklist:
        return self.resolve(entry.checklist[1], Document(Path(entry.path), None, {}))


_SHARED: dict[Answer, Answer] = {}


def _shared(answer: Answer) -> Answer:
    """One object per distinct (answer, date): 10,000 files hold a handful, not 400,000. The
    evidence text is dropped: no figure of the portfolio depends on it."""
    lean = Answer(answer.value, "", answer.date) if answer.evidence else answer
    return _SHARED.setdefault(lean, lean)


Read = Entry | Skipped | tuple[Problem, ...]
PLACED_BY = ("school", "initiative", "term")


def read(path: Path, checklists: Checklists) -> Read:
    """One file: an ``Entry`` if it is an answers file, ``Skipped`` if it is YAML of another kind
    (a checklist, a CI config), its problems if it is broken."""
    try:
        doc = load_document(path)
        data = doc.data
        if isinstance(data, dict) and "sections" in data:
            return Skipped(str(path), "a checklist")
        if not isinstance(data, dict) or not ("checklist" in data or "answers" in data):
            return Skipped(str(path), "not an answers file (no 'checklist' or 'answers')")
        sheet, checklist = answers_from_document(doc, checklists.resolve, warnings=False)  # never shown
    except InputError as error:
        return tuple(error.problems)
    missing = [key for key in PLACED_BY if not getattr(sheet.context, key)]
    if missing:
        return (
            doc.problem(
                f"'context' must give the {', '.join(PLACED_BY)}, to place this file in the portfolio; "
                f"missing: {', '.join(missing)}",
                "context",
                rule=ProblemRule.MISSING_KEY,
            ),
        )
    answers = tuple(None if a is None else _shared(a) for a in map(sheet.answers.get, (i.id for i in checklist.items)))
    return Entry(
        str(path),
        Checklists.key(sheet.checklist_ref, path),
        checklist.id,
        checklist.version,
        _lean(sheet.context),
        answers,
        sheet.actions,
        sheet.accepted_risks,
        bool(sheet.migrated),
    )


def _lean(context: Context) -> Context:
    """The same context with its words shared: a school's name is held once, not per file."""
    who = context.respondent
    return Context(
        sys.intern(context.school),
        sys.intern(context.initiative),
        sys.intern(context.term),
        sys.intern(context.assessed_on),
        Respondent(sys.intern(who.name), who.role),
    )


T = TypeVar("T")
R = TypeVar("R")
Mapper = Callable[[Callable[[T], R], list[T]], Iterator[R]]
Task = tuple[list[list[Entry]], float]  # one group's terms, and max_drop

_checklists = Checklists()  # this process's: each pool process fills its own, once


def _fresh(checklist_dirs: Sequence[Path] = ()) -> None:
    """Start each run (and each pool process) with no checklist loaded yet."""
    global _checklists
    _checklists = Checklists(checklist_dirs)


def _read_one(path: str) -> Read:
    return read(Path(path), _checklists)


def _score_one(task: Task) -> tuple[Group, list[Problem]]:
    return _group(task[0], _checklists, task[1])


def build(
    roots: list[Path], *, max_drop: float = DEFAULT_MAX_DROP, jobs: int = 1, checklist_dirs: Sequence[Path] = ()
) -> Portfolio:
    """Walk, read and score. With ``jobs`` > 1 a pool of processes reads the files and scores
    the groups; results come back in order, so the portfolio is exactly that of one process."""
    found = list(walk(roots))
    if jobs <= 1:
        _fresh(checklist_dirs)
        return _build(found, max_drop, lambda function, items: map(function, items))
    import multiprocessing  # only paid for by --jobs

    with multiprocessing.Pool(jobs, initializer=_fresh, initargs=(tuple(checklist_dirs),)) as pool:

        def mapper(function: Callable[[T], R], items: list[T]) -> Iterator[R]:
            return pool.imap(function, items, chunksize=max(1, min(64, len(items) // (jobs * 4))))

        return _build(found, max_drop, mapper)


def _build(found: list[Path | Skipped | Problem], max_drop: float, mapper: Mapper[Any, Any]) -> Portfolio:
    problems = [item for item in found if isinstance(item, Problem)]
    skipped = [item for item in found if isinstance(item, Skipped)]
    paths = [str(item) for item in found if isinstance(item, Path)]  # a str is a tenth of a Path
    found.clear()
    buckets: dict[tuple[str, str, str], dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    migrated = 0
    for got in mapper(_read_one, paths):
        if isinstance(got, Entry):
            migrated += got.migrated
            context = got.context
            place = (context.school.casefold(), context.initiative.casefold(), got.checklist_id)
            buckets[place][context.term.casefold()].append(got)
        elif isinstance(got, Skipped):
            skipped.append(got)
        else:
            problems.extend(got)
    tasks: list[Task] = [(list(buckets[key].values()), max_drop) for key in sorted(buckets)]
    buckets.clear()  # the tasks hold the entries now
    groups: list[Group] = []
    for group, trouble in mapper(_score_one, tasks):
        problems.extend(trouble)
        groups.append(group)
    groups.sort(key=lambda g: g.worst_first)
    unique = {str(problem): problem for problem in problems}  # a bad checklist, once not per file
    return Portfolio(
        tuple(groups),
        tuple(sorted(unique.values(), key=lambda p: p.sort_key)),
        tuple(sorted(skipped, key=lambda s: s.path)),
        len(paths),
        migrated,
    )


def _group(terms: list[list[Entry]], checklists: Checklists, max_drop: float) -> tuple[Group, list[Problem]]:
    problems: list[Problem] = []
    ordered = sorted(terms, key=lambda entries: term_order.key(entries[0].context.term, _assessed_on(entries)))
    previous: Result | None = None
    summaries: list[Term] = []
    title = ""
    for entries in ordered:
        first = entries[0]
        combinable: list[Entry] = []
        for entry in entries:
            twin = next((e for e in combinable if same_person(e.context.respondent, entry.context.respondent)), None)
            if entry.checklist_version != first.checklist_version:
                problems.append(_not_combinable(entry, first))
            elif twin is not None:
                problems.append(_duplicate(entry, twin))
            else:
                combinable.append(entry)
        checklist = checklists.of(first)
        title = checklist.title
        result = score(Assessment(checklist, tuple(_sheet(entry, checklist) for entry in combinable)))
        started = term_order.started(result)
        regressions = () if previous is None else compare.regressions(previous, result, max_drop=max_drop)
        summaries.append(
            Term(
                term=first.context.term,
                assessed_on=_assessed_on(combinable),
                checklist_version=checklist.version,
                verdict=result.verdict,
                score=result.score,
                confidence=result.confidence,
                respondents=len(combinable),
                disagreements=len(result.disagreements),
                overdue_actions=len(result.overdue_actions),
                expired_risks=len(result.expired_risks),
                files=tuple(entry.path for entry in combinable),
                score_change=None if previous is None or not started else round(result.score - previous.score, 1),
                regressions=tuple(regression.message for regression in regressions),
                verdict_label=result.verdict_label,
                started=started,
            )
        )
        previous = result if started else previous
    context = ordered[0][0].context
    group = Group(context.school, context.initiative, ordered[0][0].checklist_id, title, tuple(summaries))
    return group, problems


def _assessed_on(entries: list[Entry]) -> str:
    """A term is dated by its latest respondent: that is when the picture was complete."""
    return max(entry.context.assessed_on for entry in entries)


def _sheet(entry: Entry, checklist: Checklist) -> AnswerSheet:
    answers = {item.id: a for item, a in zip(checklist.items, entry.answers, strict=True) if a is not None}
    return AnswerSheet(
        Path(entry.path), entry.checklist[1], entry.context, answers, entry.actions, entry.accepted_risks
    )


def _duplicate(entry: Entry, twin: Entry) -> Problem:
    """A second file from one person for one term: counted once, the first in name order."""
    return Problem(entry.path, 1, 1, twice(twin.path, entry.context.respondent), ProblemRule.DUPLICATE_RESPONDENT)


def _not_combinable(entry: Entry, first: Entry) -> Problem:
    return Problem(
        entry.path,
        1,
        1,
        f"cannot be combined with {first.path}: it answers {entry.checklist_id} version "
        f"{entry.checklist_version}, not {first.checklist_version}; respondents for one term must "
        "answer the same version of the checklist",
        ProblemRule.NOT_COMBINABLE,
    )
