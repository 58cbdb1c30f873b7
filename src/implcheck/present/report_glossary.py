"""The words the governors' report uses, in plain English, stated once for the HTML and Markdown
reports (the interview's own glossary, ``interview/glossary.py``, explains the checklists' terms;
both say what each stage means with ``Stage.meaning``)."""

from __future__ import annotations

from implcheck.model import Checklist, Stage
from implcheck.result import Verdict

_STAGES = "; ".join(f"{stage.label}, {stage.meaning}" for stage in Stage)
# Filled in with the verdicts in the checklist's words ({ready} etc.; see ``glossary``).
_VERDICT = (
    "The report's answer in one phrase: {ready}, {ready_with_conditions}, or {not_ready}.{renamed} "
    "It follows the checklist's published rules, not anyone's judgement on the day."
)
_RENAMED = " These are this checklist's words for ready, ready with conditions and not ready."

GLOSSARY: tuple[tuple[str, str], ...] = (
    ("Verdict", _VERDICT),
    (
        "Score",
        "How much of what the checklist asks for is in place, out of 100: 100 is best. "
        "Yes counts in full, partly half and no nothing; some questions weigh more. Questions not yet known "
        "are left out of the score and lower the confidence instead.",
    ),
    (
        "Confidence",
        "The share of the questions that apply which are answered (not “don't know”) and agreed on: "
        "a question respondents answer differently counts half. "
        "A low confidence means the score rests on guesses, or on one view among several.",
    ),
    (
        "Critical",
        "A question the checklist treats as essential: a no here means {not_ready}, and partly means "
        "{ready_with_conditions} at best. "
        "On a risk, critical is also the most serious of four levels (then high, medium, low).",
    ),
    (
        "Blocks approval",
        "As things stand, this gap on its own holds the verdict down: approval waits for it.",
    ),
    (
        "Floor",
        "The lowest score any one stage or failure mode may have. An area below it holds the verdict down, "
        "however strong the rest is.",
    ),
    (
        "Failure mode",
        "One of the common reasons technology in schools fails, such as no senior owner or no follow-up "
        "after launch. The charts name each by what guards against it, such as “Senior ownership”.",
    ),
    ("Stage", f"Where the implementation is, from the EEF's guide: {_STAGES}."),
    (
        "Accepted risk",
        "A gap the school has decided, in writing, to live with for now: who approved it, why, and until when. "
        "Until it expires the gap no longer blocks approval, but the verdict is at best {ready_with_conditions}.",
    ),
)


def glossary(checklist: Checklist) -> tuple[tuple[str, str], ...]:
    """The glossary with the verdicts in the checklist's own words (a re-check says "off track")."""
    names = {v.value: (checklist.verdict_labels.get(v.value) or v.label).lower() for v in Verdict}
    renamed = _RENAMED if checklist.verdict_labels else ""
    return tuple((term, meaning.format(renamed=renamed, **names)) for term, meaning in GLOSSARY)
