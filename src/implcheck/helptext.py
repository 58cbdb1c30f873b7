"""What ``--help`` shows beyond the options: commands in the order a school meets them, and two
or three real examples at the end of every command's help.

Every example runs as written from a clone of the repository (``tests/test_helptext.py`` runs
each one), so a newcomer can copy any of them and see it work.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperGroup

# The workflow: judge one implementation, then re-check it term by term, then the whole trust.
# Commands not named here follow, in the order cli.py defines them; add new ones where they fit.
ORDER = ["assess", "init", "form", "collect", "check", "report", "compare", "portfolio"]

LEADER = "examples/respondents/leader.yaml"
TEACHER = "examples/respondents/teacher.yaml"
RIVERSIDE = "examples/trust/schools/riverside-academy/quizblast"
OAKFIELD_AUTUMN = "examples/trust/schools/oakfield-primary/pobble/2026-autumn/senior-leader.yaml"

# command -> (command line, what it does); each line is run by the tests, from the repository.
EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "assess": [
        ("implcheck assess -o our-answers.yaml", "answer the before-buying checklist, question by question"),
        (
            "implcheck assess termly-recheck --role teacher -o teacher.yaml",
            "the termly re-check, answered by a teacher",
        ),
        (
            f"implcheck assess --from {OAKFIELD_AUTUMN} -o next-term.yaml",
            "next term's re-check: each question offers last term's answer (Enter keeps it)",
        ),
    ],
    "init": [
        ("implcheck init edtech-readiness -o our-answers.yaml", "a file to fill in, every question in it"),
        ("implcheck init termly-recheck --role teacher", "only the questions a teacher is asked, printed here"),
        (
            f"implcheck init --from {OAKFIELD_AUTUMN} --term 2027-spring -o next-term.yaml",
            "next term's file: open actions and accepted risks kept, last term's answers beside each question",
        ),
    ],
    "form": [
        (
            "implcheck form --role teacher -o teacher-form.html",
            "the teachers' questions as a page to share from a shared drive or Teams",
        ),
        (
            "implcheck form termly-recheck --role pupil --school 'Oakfield Primary' --term 2026-autumn -o pupils.html",
            "the pupils' re-check, with the school and term filled in",
        ),
    ],
    "check": [
        ("implcheck check examples/edtech-readiness/trap.yaml", "the verdict and why (exit 1: not ready)"),
        (f"implcheck check {LEADER} {TEACHER}", "two respondents combined; where they disagree"),
        (
            "implcheck check examples/edtech-readiness/strong.yaml --fail-on ready_with_conditions --format json",
            "a stricter gate, as JSON for a script",
        ),
    ],
    "report": [
        ("implcheck report examples/edtech-readiness/trap.yaml", "the governors' report, saved as trap-report.html"),
        (f"implcheck report {LEADER} {TEACHER} -o governors.html", "two respondents, saved where you say"),
        ("implcheck report examples/edtech-readiness/trap.yaml --format md -o -", "Markdown, printed here"),
    ],
    "compare": [
        (f"implcheck compare {RIVERSIDE}/2026-autumn {RIVERSIDE}/2027-spring", "what changed since last term"),
        (
            f"implcheck compare {RIVERSIDE}/2026-autumn {RIVERSIDE}/2027-spring --format md",
            "the same, in Markdown for a shared page",
        ),
    ],
    "portfolio": [
        ("implcheck portfolio examples/trust", "every school's implementations, term by term"),
        ("implcheck portfolio examples/trust --format html -o trust.html", "the same as a page to share"),
    ],
    "collect": [
        (
            "implcheck collect examples/respondents --expect examples/expected.yaml",
            "who has replied and who has not, against the list of who was asked",
        ),
        ("implcheck collect examples/respondents --format md", "the replies and where roles disagree, in Markdown"),
    ],
    "validate": [
        ("implcheck validate checklists/ examples/", "every checklist and answers file in two folders"),
        ("implcheck validate examples/ --format github", "problems as annotations in a GitHub workflow"),
    ],
    "schema": [
        ("implcheck schema answers", "the JSON Schema of an answers file, for an editor"),
        ("implcheck schema result", "the JSON Schema of check --format json"),
        ("implcheck schema portfolio", "the JSON Schema of portfolio --format json"),
    ],
    "checklists": [
        ("implcheck checklists", "the checklists that come with implcheck"),
        ("implcheck show edtech-readiness", "then every question in one of them"),
    ],
    "show": [
        ("implcheck show edtech-readiness", "every section and question, and which are critical"),
        ("implcheck show termly-recheck --format md", "the same in Markdown"),
    ],
}


def epilog(command: str) -> str:
    """The examples block for ``command``'s help; ``\\b`` keeps click from re-wrapping it."""
    lines = [f"  # {what}\n  {line}" for line, what in EXAMPLES[command]]
    return "\b\nExamples:\n" + "\n".join(lines)


class WorkflowOrder(TyperGroup):
    """Lists commands in ``ORDER``, each with its whole first sentence (click cuts it with '...')."""

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        return sorted(names, key=lambda name: ORDER.index(name) if name in ORDER else len(ORDER))

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1000)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)
