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

from implcheck.carry import next_term
from implcheck.interview import glossary
from implcheck.interview.decide import (
    ANSWER_LEGEND,
    MOVES_LEGEND,
    Move,
    Tally,
    clean,
    key_hint,
    keys_explained,
    legend,
    next_unasked,
    parse_key,
    parse_role,
    refusal,
    still_unknown,
    suggested_term,
    wants_evidence,
)
from implcheck.interview.session import Session
from implcheck.model import Answer, AnswerValue, Context, Item, Respondent, Role, Section, Stage
from implcheck.result import Verdict
from implcheck.roles import how_long


class Stop(Exception):
    """The user asked to stop (``q`` or Ctrl-D); everything answered is already saved."""


class Interview:
    """Asks the questions. ``read(prompt)`` shows the prompt and returns one typed line (``EOFError`` at Ctrl-D)."""

    def __init__(self, session: Session, console: Console, read: Callable[[str], str]) -> None:
        self.session = session
        self.console = console
        self.read = read
        self.section_of: dict[str, Section] = {
            item.id: section for section in session.checklist.sections for item in section.items
        }
        self.shown: Section | None = None  # the section whose rule was printed last
        self.stages_explained: set[Stage] = set()
        self.terms_explained: set[str] = set()
        self.moves_shown = False

    @property
    def items(self) -> tuple[Item, ...]:
        """The questions asked: the respondent's role's set (known once the context is)."""
        return self.session.asked

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
            term = self._term(suggested_term(today))
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

    def _term(self, suggestion: str) -> str:
        """The term; with ``--from``, never last term's (these answers are for another)."""
        last = self.session.last.term if self.session.last else ""
        if not last:
            return clean(self.ask(f"Term [dim](Enter for {suggestion})[/]: ")) or suggestion
        suggestion = next_term(last) or suggestion
        offer = "" if suggestion.casefold() == last.casefold() else f"; Enter for {suggestion}"
        while True:
            term = clean(self.ask(f"Term [dim](last term was {escape(last)}{offer})[/]: ")) or (offer and suggestion)
            if term and term.casefold() != last.casefold():
                return term
            self.say(f"Type the term these answers are for, such as the one after {escape(last)}.")

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

    def confirm(self, question: str, *, default: bool) -> bool:
        """A yes-or-no question; Enter takes ``default``."""
        keys = "[Y/n]" if default else "[y/N]"
        while True:
            typed = parse_key(self.ask(f"{question} {escape(keys)} "))
            if typed is Move.KEEP:
                return default
            if typed in (AnswerValue.YES, AnswerValue.NO):
                return typed is AnswerValue.YES
            self.say("Type y for yes or n for no.")

    # --- the questions -----------------------------------------------------------------

    def run(self, *, resumed: bool) -> None:
        """Ask every question not asked yet, in order; then offer the ones skipped. With none
        left to ask, offer the "don't know" answers again. ``Stop`` when the user quits."""
        answers, total = self.session.answers, len(self.items)
        first = next_unasked(self.items, answers)
        if first is None:
            self.revisit_unknowns()
            return
        if resumed:
            self.say(f"Carrying on at question {first + 1} of {total}, the first not asked yet.")
            self.say(f"So far: {Tally.of(self.items, answers)}.")
        skipped = self.walk(first, lambda index: next_unasked(self.items, answers, index + 1))
        skipped = [index for index in skipped if self.items[index].id not in answers]
        if not skipped:
            return
        self.console.print()
        one = len(skipped) == 1
        if self.confirm(
            f"You skipped {len(skipped)} question{'' if one else 's'}. Answer {'it' if one else 'them'} now?",
            default=True,
        ):
            self.walk_list(skipped)

    def revisit_unknowns(self) -> None:
        total = len(self.items)
        unknown = still_unknown(self.items, self.session.answers)
        if not unknown:
            self.say(f"All {total} questions already have an answer.")
            return
        one = len(unknown) == 1
        self.say(f'All {total} questions have an answer; {len(unknown)} {"is" if one else "are"} "don\'t know".')
        again = "Go through it again now?" if one else f"Go through those {len(unknown)} again now?"
        if self.confirm(again, default=True):
            self.walk_list(unknown)

    def walk_list(self, order: list[int]) -> None:
        """Ask the items at ``order``, in that order; ``b`` goes back along it."""
        position = {index: place for place, index in enumerate(order)}

        def following(index: int) -> int | None:
            place = position[index] + 1
            return order[place] if place < len(order) else None

        self.walk(order[0], following, lambda index: order[position[index] - 1] if position[index] else None)

    def walk(
        self,
        index: int | None,
        following: Callable[[int], int | None],
        previous: Callable[[int], int | None] = lambda index: index - 1 if index else None,
    ) -> list[int]:
        """Ask from ``index`` on, each next one chosen by ``following`` (``b``: ``previous``);
        return the ones skipped."""
        skipped: list[int] = []
        while index is not None:
            item = self.items[index]
            self.show_section(item)
            move = self.ask_item(index)
            if move is Move.QUIT:
                raise Stop
            if move is Move.BACK:
                back = previous(index)
                if back is None:
                    self.say("This is the first question.")
                else:
                    index = back
                continue
            if move is Move.SKIP:
                skipped.append(index)
            index = following(index)
        return skipped

    def show_section(self, item: Item) -> None:
        """A rule and the legend at each new section; what its stage means, the first time. (The
        legend is the whole one here; a critical question's own hint and help leave out na.)"""
        section = self.section_of[item.id]
        if section is self.shown:
            return
        self.shown = section
        self.console.print()
        self.console.print(Rule(f"{section.stage.label} · {escape(section.title)}", style="dim"))
        left = sum(1 for each in self.items if each.id not in self.session.answers)
        if left:  # how long is left, at each new section
            self.say(f"[dim]{escape(how_long(left))} left.[/]")
        if section.stage not in self.stages_explained:
            self.stages_explained.add(section.stage)
            self.say(f"[dim]{section.stage.label}: {escape(section.stage.meaning)}.[/]")
        self.say(f"[dim]{escape(ANSWER_LEGEND)}[/]")
        if not self.moves_shown:  # the other keys once, at the start
            self.moves_shown = True
            self.say(f"[dim]{escape(MOVES_LEGEND)}[/]")

    def ask_item(self, index: int) -> Move:
        """Ask one item until it is answered or left; returns how to move on."""
        item = self.items[index]
        section = self.section_of[item.id]
        new_terms = [term for term in glossary.terms_in(self.question(item)) if term not in self.terms_explained]
        self.terms_explained.update(new_terms)
        while True:
            self.console.print()
            current = self.session.answers.get(item.id)
            # ``--from``: last term's answer is what Enter takes, until this term has one.
            last = None if current is not None else self.session.last_answer(item)
            status = [f"{section.stage.label} · {index + 1} of {len(self.items)}"]
            if item.critical:
                status.append("[bold]critical[/]")
            if current is not None:
                status.append(f"now: [bold]{escape(current.value.words)}[/] (Enter keeps it)")
            elif last is not None:
                status.append(f"last term: [bold]{escape(last.value.words)}[/] (Enter keeps it)")
            self.say(f"[dim]{' · '.join(status)}[/]")
            for term in new_terms:  # at first use, between where it is and what it asks
                self.say(f"[dim]{escape(glossary.explain(term))}[/]")
            new_terms = []
            typed = self.ask(f"{escape(self.question(item))} [bold]{escape(key_hint(item))}[/] ")
            key = parse_key(typed)
            if key is Move.KEEP and last is not None:
                key = last.value
            if key is None or (key is Move.KEEP and current is None):
                self.say(f"[dim]{escape(legend(item))}[/]")
                self.say(f"[dim]{escape(MOVES_LEGEND)}[/]")
                continue
            if key is Move.HELP:
                self.explain(item)
                continue
            if isinstance(key, Move):
                return key
            reason = refusal(item, key)
            if reason is not None:
                self.say(escape(reason))
                continue
            current = current or last or Answer(AnswerValue.UNKNOWN)
            if key is AnswerValue.NA:
                if not self._not_applicable(item, current):
                    continue
                return Move.KEEP
            self.session.record(item, Answer(key, current.evidence, current.date))
            if current.evidence or wants_evidence(item, key):  # evidence given is offered to keep or clear
                self._evidence(item, carried=last is not None)
            return Move.KEEP

    def question(self, item: Item) -> str:
        """The question in the respondent's role's own words, where the checklist gives them."""
        return item.question_for(self.session.context.respondent.role)

    def _not_applicable(self, item: Item, current: Answer) -> bool:
        keep = f" [dim](Enter keeps: {escape(current.evidence)})[/]" if current.evidence else ""
        why = clean(self.ask(f"Why does it not apply? (needed){keep}: ")) or current.evidence
        if not why:
            self.say('Not saved: "doesn\'t apply" needs a reason. Answer again.')
            return False
        self.session.record(item, Answer(AnswerValue.NA, why, current.date))
        return True

    def _evidence(self, item: Item, *, carried: bool = False) -> None:
        """Ask for evidence; ``carried``: what is there is last term's, and its date is kept only
        with it (new evidence is not as old as last term's)."""
        current = self.session.answers[item.id]
        if current.evidence:
            said = "Last term's evidence" if carried else "Evidence now"
            self.say(f"[dim]{said}: {escape(current.evidence)}[/]")
            typed = clean(self.ask("Evidence [dim](Enter keeps it, - clears it)[/]: "))
            evidence = "" if typed == "-" else typed or current.evidence
        else:
            evidence = clean(self.ask("Evidence [dim](Enter to skip)[/]: "))
        date = current.date if not carried or evidence == current.evidence else ""
        self.session.record(item, replace(current, evidence=evidence, date=date))

    def explain(self, item: Item) -> None:
        self.say(f"[bold]Why:[/] {escape(item.why)}")
        self.say(f"[bold]If not yes:[/] {escape(item.action)}")
        if item.critical:
            off = self.session.checklist.verdict_labels.get(Verdict.NOT_READY.value) or Verdict.NOT_READY.label
            self.say(f"Critical: a no or don't know here means {escape(off.lower())}, whatever the score.")
        for term in glossary.terms_in(item.question, item.why, item.action):
            self.say(escape(glossary.explain(term)))
        self.say(f"[dim]{escape(keys_explained(item))}[/]")
