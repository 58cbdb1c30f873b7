"""``Interview`` asks the questions and records the answers in the session. It reads lines
from a function and writes through a rich ``Console``, so tests can drive it without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from rich.console import Console
from rich.markup import escape
from rich.rule import Rule

from implcheck.interview.decide import (
    KEYS_EXPLAINED,
    KEYS_HELP,
    Move,
    clean,
    key_hint,
    next_unanswered,
    parse_key,
    parse_role,
    refusal,
    suggested_term,
    unanswered,
)
from implcheck.interview.session import Session
from implcheck.model import Answer, AnswerValue, Context, Item, Respondent, Role, Section


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
