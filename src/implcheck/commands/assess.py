"""``implcheck assess``: answer a checklist in the terminal, one question at a time.

The answers file is the session: it is rewritten (atomically, through ``answers_file.render``)
after every answer, so Ctrl-C, a closed terminal or ``kill -9`` between answers leaves a valid
file holding everything said so far, and running again carries on from the first unanswered item.

The pieces that decide things are pure and small (``parse_key``, ``refusal``,
``next_unanswered``, ``merge_context``); ``Interview`` asks and records, reading lines from a
function and writing through a rich ``Console``, so tests can drive it without a terminal.
"""

from __future__ import annotations

import errno
import os
import re
import shlex
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from types import FrameType

from rich.console import Console
from rich.markup import escape
from rich.rule import Rule
from rich.text import Text

from implcheck import answers_file
from implcheck.commands import Outcome
from implcheck.errors import EXIT_INTERRUPTED, EXIT_OK, ImplcheckError, UsageError
from implcheck.fileio import write_output
from implcheck.load import load_answers, load_checklist_ref
from implcheck.model import (
    Answer,
    AnswerSheet,
    AnswerValue,
    Assessment,
    Checklist,
    Context,
    Item,
    Respondent,
    Role,
    Section,
)
from implcheck.present import text as summary
from implcheck.scoring import score

DEFAULT_CHECKLIST = "edtech-readiness"
EXIT_HANGUP = 128 + 1  # what a shell reports for a process ended by SIGHUP
ANSI_CODE = re.compile(r"(\x1b\[[0-9;]*m)")


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
                f"{path}: is for {key} {mine!r}, not {theirs!r}; leave out --{key} to carry on with it, "
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


def resume_command(path: Path) -> str:
    return f"implcheck assess --resume -o {shlex.quote(str(path))}"


def report_path(path: Path) -> Path:
    """Beside the answers, never the answers themselves (``assess -o a.html``)."""
    report = path.with_suffix(".html")
    return path.with_suffix(".report.html") if report == path else report


@contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C or a hang-up during a save waits until the file is on disk, then takes effect."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    held = {signal.SIGINT, signal.SIGHUP}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@dataclass
class Session:
    """What is on disk: the answers file being filled in."""

    path: Path
    checklist: Checklist
    checklist_ref: str
    context: Context
    answers: dict[str, Answer]
    missing: frozenset[str] = frozenset()  # context still to ask for

    def save(self) -> None:
        text = answers_file.render(self.checklist, self.checklist_ref, self.context, self.answers)
        inputs = [self.checklist.path] if self.checklist.path else []
        with signals_held():
            write_output(self.path, text, inputs=inputs)

    def record(self, item: Item, answer: Answer) -> None:
        if self.answers.get(item.id) != answer:
            self.answers[item.id] = answer
            self.save()

    @property
    def answered(self) -> int:
        return sum(1 for item in self.checklist.items if not unanswered(self.answers, item))

    def sheet(self) -> AnswerSheet:
        return AnswerSheet(self.path, self.checklist_ref, self.context, dict(self.answers))


class Stop(Exception):
    """The user asked to stop (``q`` or Ctrl-D); everything answered is already saved."""


class Interview:
    """Asks the questions. ``read(prompt)`` shows the prompt and returns one typed line (``EOFError`` at Ctrl-D)."""

    def __init__(self, session: Session, console: Console, read: Callable[[str], str]) -> None:
        self.session = session
        self.console = console
        self.read = read
        self.items = session.checklist.items
        self.section_of: dict[str, Section] = {
            item.id: section for section in session.checklist.sections for item in section.items
        }

    def ask(self, prompt: str) -> str:
        # The prompt goes to ``read`` rather than being printed first, so readline knows where
        # the typed text starts (and an empty answer still ends its line).
        with self.console.capture() as captured:
            self.console.print(prompt, end="")
        return self.read(captured.get())

    def say(self, text: str) -> None:
        self.console.print(text)

    # --- who is answering --------------------------------------------------------------

    def ask_context(self, context: Context, missing: frozenset[str], today: date) -> Context:
        """Ask for the context the flags and the file left out, then date the assessment."""
        school = self._required("School: ") if "school" in missing else context.school
        initiative = (
            self._required("Initiative (the product or change): ") if "initiative" in missing else context.initiative
        )
        term = context.term
        if "term" in missing:
            suggestion = suggested_term(today)
            term = clean(self.ask(f"Term [dim](Enter for {suggestion})[/]: ")) or suggestion
        role = self._role() if "role" in missing else context.respondent.role
        name = context.respondent.name
        if "name" in missing:
            name = clean(self.ask("Your name [dim](Enter to leave it out)[/]: "))
        return replace(
            context,
            school=school,
            initiative=initiative,
            term=term,
            assessed_on=context.assessed_on or today.isoformat(),
            respondent=Respondent(name, role),
        )

    def _required(self, prompt: str) -> str:
        while True:
            text = clean(self.ask(prompt))
            if text:
                return text
            self.say("This is needed to tell the answers files apart.")

    def _role(self) -> Role:
        roles = "/".join(role.value for role in Role)
        while True:
            role = parse_role(self.ask(f"Your role {escape(f'[{roles}]')}: "))
            if role is not None:
                return role
            self.say(f"Type one of: {', '.join(role.value for role in Role)} (or its first letter).")

    # --- the questions -----------------------------------------------------------------

    def run(self, *, resumed: bool) -> None:
        """Ask every unanswered item once, in order; ``Stop`` when the user quits."""
        index = next_unanswered(self.items, self.session.answers)
        total = len(self.items)
        if index is None:
            self.say(f"All {total} items already have an answer.")
            return
        if resumed:
            self.say(f"Carrying on at question {index + 1} of {total} ({self.session.answered} answered so far).")
        self.say(f"[dim]{escape(KEYS_HELP)}[/]")
        shown: Section | None = None
        while index is not None:
            item = self.items[index]
            section = self.section_of[item.id]
            if section is not shown:
                self.console.print()
                self.console.print(Rule(f"{section.stage.label} · {escape(section.title)}", style="dim"))
                shown = section
            move = self.ask_item(index)
            if move is Move.QUIT:
                raise Stop
            if move is Move.BACK:
                if index == 0:
                    self.say("This is the first question.")
                else:
                    index -= 1
                continue
            index = next_unanswered(self.items, self.session.answers, index + 1)

    def ask_item(self, index: int) -> Move:
        """Ask one item until it is answered or left; returns how to move on."""
        item = self.items[index]
        section = self.section_of[item.id]
        while True:
            self.console.print()
            current = self.session.answers.get(item.id, Answer(AnswerValue.UNKNOWN))
            status = [f"{section.stage.label} · {index + 1} of {len(self.items)}"]
            if item.critical:
                status.append("[bold]critical[/]")
            if current.value is not AnswerValue.UNKNOWN or current.evidence:
                status.append(f"now: [bold]{current.value.value}[/] (Enter keeps it)")
            self.say(f"[dim]{' · '.join(status)}[/]")
            typed = self.ask(f"{escape(item.question)} [bold]{escape(key_hint(item))}[/] ")
            key = parse_key(typed)
            if key is None:
                self.say(f"Not a key: {escape(repr(clean(typed)))}. {escape(KEYS_HELP)}")
                continue
            if key is Move.HELP:
                self.explain(item)
                continue
            if key is Move.KEEP:
                if unanswered(self.session.answers, item):
                    self.say("Type an answer (y, p, n, u or na), or s to skip it for now.")
                    continue
                return Move.KEEP
            if isinstance(key, Move):
                return key
            reason = refusal(item, key)
            if reason is not None:
                self.say(reason)
                continue
            if key is AnswerValue.NA:
                if not self._not_applicable(item, current):
                    continue
                return Move.KEEP
            self.session.record(item, Answer(key, current.evidence, current.date))
            self._evidence(item)
            return Move.KEEP

    def _not_applicable(self, item: Item, current: Answer) -> bool:
        keep = f" [dim](Enter keeps: {escape(current.evidence)})[/]" if current.evidence else ""
        why = clean(self.ask(f"Why does it not apply? (needed){keep}: ")) or current.evidence
        if not why:
            self.say("Not saved: 'na' needs a reason. Answer again.")
            return False
        self.session.record(item, Answer(AnswerValue.NA, why, current.date))
        return True

    def _evidence(self, item: Item) -> None:
        current = self.session.answers[item.id]
        if current.evidence:
            self.say(f"[dim]Evidence now: {escape(current.evidence)}[/]")
            typed = clean(self.ask("Evidence [dim](Enter keeps it, - clears it)[/]: "))
            evidence = "" if typed == "-" else typed or current.evidence
        else:
            evidence = clean(self.ask("Evidence [dim](Enter to skip)[/]: "))
        self.session.record(item, replace(current, evidence=evidence))

    def explain(self, item: Item) -> None:
        self.say(f"[bold]Why:[/] {escape(item.why)}")
        self.say(f"[bold]If not yes:[/] {escape(item.action)}")
        if item.critical:
            self.say("Critical: a no or unknown here means not ready, whatever the score.")
        self.say(f"[dim]{escape(KEYS_EXPLAINED)}[/]")


# --- the command ---------------------------------------------------------------------------


class HungUp(BaseException):
    """The terminal went away (SIGHUP). Not an ``Exception``: nothing should swallow it."""


def _on_hangup(signum: int, frame: FrameType | None) -> None:
    # The kernel may send more than one hang-up as the terminal goes; the first one is enough.
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    raise HungUp


def stdin_is_terminal() -> bool:
    """Replaced in tests, which drive the interview through a pipe."""
    return sys.stdin.isatty()


def read_line(prompt: str) -> str:
    """One line from the terminal, with line editing when ``readline`` is there."""
    try:
        import readline  # noqa: F401  (imported for its side effect on input())
    except ImportError:  # pragma: no cover - platforms without readline
        return input(prompt)
    # Readline counts the prompt's width; colour codes take none, and must be marked so.
    return input(ANSI_CODE.sub("\x01\\1\x02", prompt))


def detach_from_terminal() -> None:  # pragma: no cover - runs after a real hang-up (test_assess_pty.py)
    """After a hang-up, point the standard streams at /dev/null so exiting cannot fail on them."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


ReportWriter = Callable[[Path, Path], Outcome]


def write_report(answers: Path, output: Path) -> Outcome:
    """The governors' report for ``answers``, as HTML (Jinja is only imported if asked for)."""
    from implcheck.commands import report
    from implcheck.present import ReportFormat

    return report.run([answers], ReportFormat.HTML, output)


def open_session(ref: str | None, path: Path, *, resume: bool, flags: ContextFlags) -> tuple[Session, bool]:
    """Load ``path`` to carry on with it, or start a new session; says whether it resumed."""
    if path.exists():
        sheet, checklist = load_answers(path)
        if ref is not None:
            wanted = load_checklist_ref(ref)
            if wanted.id != checklist.id:
                raise UsageError(
                    f"{path}: answers checklist {checklist.id!r}, not {wanted.id!r}; leave out the checklist "
                    "to carry on with it, or choose another -o"
                )
        context, missing = merge_context(sheet.context, flags, path)
        return Session(path, checklist, sheet.checklist_ref, context, dict(sheet.answers), missing), True
    if resume:
        raise UsageError(f"{path}: not found, so there is nothing to resume; to start, leave out --resume")
    if path.is_dir() or not (path.parent if str(path.parent) else Path()).is_dir():
        raise UsageError(f"{path}: cannot write there: the folder {path.parent} does not exist")
    ref = ref or DEFAULT_CHECKLIST
    checklist = load_checklist_ref(ref)
    ref = answers_file.checklist_ref_for(ref, path)
    context, missing = merge_context(Context(), flags, path)
    return Session(path, checklist, ref, context, {}, missing), False


def run(
    ref: str | None,
    path: Path,
    *,
    resume: bool = False,
    flags: ContextFlags | None = None,
    color: bool = False,
    width: int | None = None,
    today: date | None = None,
    read: Callable[[str], str] | None = None,
    report_writer: ReportWriter = write_report,
) -> Outcome:
    session, resumed = open_session(ref, path, resume=resume, flags=flags or ContextFlags())
    if not stdin_is_terminal():
        quoted = shlex.quote(str(path))
        start = (
            "edit it" if resumed else f"write it with: implcheck init {ref or DEFAULT_CHECKLIST} -o {quoted}, edit it"
        )
        raise UsageError(
            "assess asks questions, so it needs a terminal (its input is not one). "
            f"To answer without one, {start}, then run: implcheck check {quoted}"
        )
    console = Console(
        file=sys.stdout,
        width=width,
        force_terminal=color or None,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )
    interview = Interview(session, console, read or read_line)
    previous = signal.signal(signal.SIGHUP, _on_hangup)
    try:
        return converse(interview, resumed, today or date.today(), report_writer, color=color)
    except HungUp:
        hung_up = True
    except OSError as error:
        # Reading or writing a terminal that has gone: the hang-up signal may come a moment later.
        if error.errno not in (errno.EIO, errno.EPIPE):
            raise
        hung_up = True
    finally:
        if signal.getsignal(signal.SIGHUP) is _on_hangup:
            signal.signal(signal.SIGHUP, previous)
    if hung_up:  # pragma: no branch - every other way out returns or raises above
        detach_from_terminal()
    return Outcome(exit_code=EXIT_HANGUP)


def converse(
    interview: Interview,
    resumed: bool,
    today: date,
    report_writer: ReportWriter,
    *,
    color: bool,
) -> Outcome:
    """The whole conversation: context, questions, verdict; and how each way of stopping ends."""
    session, console, path = interview.session, interview.console, interview.session.path
    total = len(session.checklist.items)
    started = resumed  # is there a file to carry on with?
    try:
        console.print(
            f"[bold]{escape(session.checklist.title)}[/] ({escape(session.checklist.id)} "
            f"{escape(session.checklist.version)}, {total} questions)"
        )
        console.print(f"Saved to {escape(str(path))} after every answer.")
        loaded = session.context
        try:
            session.context = interview.ask_context(session.context, session.missing, today)
        except EOFError:
            raise KeyboardInterrupt from None
        if not resumed:
            answers_file.write_schema_beside(path)
        if not resumed or session.context != loaded:
            session.save()
            started = True
        interview.run(resumed=resumed)
        finish(interview, report_writer, color=color)
    except (Stop, EOFError):
        console.print()
        console.print(f"Saved {session.answered} of {total} answers to {escape(str(path))}.")
        console.print("To carry on, run:")
        command(console, resume_command(path))
    except KeyboardInterrupt:
        console.print()
        if not started:
            return Outcome(exit_code=EXIT_INTERRUPTED, stderr="Interrupted before any answer: nothing was saved.\n")
        return Outcome(
            exit_code=EXIT_INTERRUPTED,
            stderr=f"Interrupted. {session.answered} of {total} answers are saved in {path}.\n"
            f"To carry on: {resume_command(path)}\n",
        )
    return Outcome(exit_code=EXIT_OK)


def finish(interview: Interview, writer: ReportWriter, *, color: bool) -> None:
    """The verdict as ``check`` prints it, the offer of the report, and the commands for later."""
    session, console = interview.session, interview.console
    path = session.path
    report = report_path(path)
    console.print()
    console.print(Rule("Result", style="dim"))
    result = score(Assessment(session.checklist, (session.sheet(),)))
    # Already laid out for this width, colour codes and all: printed as it is, not re-wrapped.
    console.print(Text.from_ansi(summary.render(result, color=color, width=min(console.width, 120))), end="")
    left = len(session.checklist.items) - session.answered
    if left:
        console.print()
        console.print(f"To answer the {left} still unknown later, run:")
        command(console, resume_command(path))
    report_command = f"implcheck report {shlex.quote(str(path))} -o {shlex.quote(str(report))}"
    console.print()
    replaces = " (it replaces the one there)" if report.exists() else ""
    try:
        typed = interview.ask(f"Write the governors' report to {escape(str(report))}{replaces} now? {escape('[y/N]')} ")
    except EOFError:
        typed = ""
        console.print()
    if parse_key(typed) is AnswerValue.YES:
        try:
            outcome = writer(path, report)
        except ImplcheckError as error:
            console.print(f"The report was not written: {escape(str(error))}")
        else:
            written = outcome.stderr.strip() or outcome.stdout.strip() or f"Wrote {report}."
            console.print(escape(written))
        console.print()
    console.print("Later, to score the answers again or write the report:")
    command(console, f"implcheck check {shlex.quote(str(path))}")
    command(console, report_command)


def command(console: Console, line: str) -> None:
    """A command to copy: indented, never broken by rich (the terminal wraps it if it must)."""
    console.print(f"  {line}", markup=False, soft_wrap=True)
