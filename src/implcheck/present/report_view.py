"""The governors' report as plain data: what every report format shows, decided once.

``build(result)`` turns a scored ``Result`` into a ``Report`` of small frozen records. The
templates (``templates/report.*.j2``) and the CSV writer only lay it out; they decide nothing.
Nothing here escapes text: each format escapes for itself, on output.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from implcheck import __version__, migrate, roles
from implcheck.model import AnswerValue, Respondent
from implcheck.present import ledger_view
from implcheck.present.decision import Decision, after_launch, decide
from implcheck.present.ledger_view import LedgerView
from implcheck.result import Action, Band, GroupScore, ItemResult, Result, Severity, Status, Verdict

MAX_RISKS = 5

ANSWER_LABELS = {
    AnswerValue.YES: "Yes",
    AnswerValue.PARTLY: "Partly",
    AnswerValue.NO: "No",
    AnswerValue.UNKNOWN: "Not known",
    AnswerValue.NA: "Not applicable",
}
STATUS_LABELS = {
    Status.MET: "In place",
    Status.PARTIAL: "Only partly in place",
    Status.GAP: "Not in place",
    Status.UNKNOWN: "Not known",
    Status.NOT_APPLICABLE: "Not applicable",
}
# The shape that goes with each verdict's colour, so the verdict never relies on colour alone.
VERDICT_SYMBOLS = {
    Verdict.READY: ("circle", "✓", "✅"),
    Verdict.READY_WITH_CONDITIONS: ("triangle", "!", "⚠️"),
    Verdict.NOT_READY: ("octagon", "✕", "⛔"),
}
VERDICT_MEANINGS = {
    Verdict.READY: "The implementation is ready: no blocking gaps were found.",
    Verdict.READY_WITH_CONDITIONS: "It can go ahead only if the conditions below are met.",
    Verdict.NOT_READY: "It should not go ahead yet: some gaps block readiness.",
}
# At a termly re-check the product is already in use: the question is whether to carry on.
MEANINGS_AFTER_LAUNCH = {
    Verdict.READY: "It is going as planned: no blocking gaps were found.",
    Verdict.READY_WITH_CONDITIONS: "It can carry on only if the conditions below are met.",
    Verdict.NOT_READY: "It is not going as planned: some gaps need action now.",
}


@dataclass(frozen=True, slots=True)
class VerdictView:
    key: str
    label: str
    shape: str  # circle | triangle | octagon
    symbol: str  # drawn inside the shape in HTML
    emoji: str  # the Markdown stand-in for colour and shape
    meaning: str


@dataclass(frozen=True, slots=True)
class Risk:
    item_id: str
    question: str
    risk: str  # the item's ``why``: what goes wrong without it
    found: str  # the answer, in words
    failure_mode: str
    failure_mode_label: str
    stage: str
    severity: Severity
    action: str
    owner: str
    by_when: str
    owner_suggested: bool  # True when the owner/by-when are our defaults, not the checklist's
    blocks: bool  # one of the items that set the verdict
    agreed: bool = False  # the owner and date are the school's own (its actions list)
    overdue: bool = False  # ... and that action is past its date
    accepted_until: str = ""  # the governors accepted the gap as a risk, until this date


@dataclass(frozen=True, slots=True)
class Bar:
    key: str
    label: str
    score: float | None
    score_text: str
    bar_text: str  # the score as ten blocks, for text formats
    value_text: str  # what the bar measures, in words: "0 of 100 in place"
    band: Band
    answered: int
    applicable: int
    gaps: int


@dataclass(frozen=True, slots=True)
class Chart:
    id: str
    title: str
    summary: str
    bars: tuple[Bar, ...]
    floor: float
    ready: float


@dataclass(frozen=True, slots=True)
class RespondentAnswer:
    who: str
    answer: str
    evidence: str


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: str
    question: str
    critical: bool
    weight: int
    failure_mode: str
    stage: str
    answer: str
    status: str
    status_label: str
    evidence: str
    date: str
    source: str
    answers: tuple[RespondentAnswer, ...]
    blocks: bool = False  # one of the items approval waits for (``Result.blocking``)
    group: str = ""  # the title of its group in ``GROUPS``: "Critical gaps", "In place", ...
    section: str = ""  # the title of its checklist section
    said_yes: str = ""  # who answered yes, in words ("All 5 respondents", "teacher, it"), for items in place
    evidence_short: str = ""  # the start of the first evidence given, for the printed table of items in place


@dataclass(frozen=True, slots=True)
class ItemGroup:
    key: str
    title: str
    rows: tuple[ItemRow, ...]


@dataclass(frozen=True, slots=True)
class SectionView:
    id: str
    title: str
    stage: str
    score_text: str
    answered: int
    applicable: int
    groups: tuple[ItemGroup, ...]  # the items not answered yes by everyone, bar the disagreements
    disagreements: int = 0  # items of this section shown under "Where respondents disagree"
    in_place: int = 0  # items of this section every respondent answered yes


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    item_id: str
    question: str
    section: str
    critical: bool
    why: str
    ask: str


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    school: str
    initiative: str
    term: str
    assessed_on: str
    checklist_id: str
    checklist_title: str
    checklist_version: str
    respondents: tuple[str, ...]
    files: tuple[str, ...]
    # Who was asked what, by role ("3 teachers were asked 14 of the 65 questions"); empty when
    # every respondent was asked every question.
    asked_by_role: tuple[str, ...]
    # One respondent whose role is not asked the full set: combine it with the leader's.
    combine_note: str
    verdict: VerdictView
    score: float
    score_text: str
    confidence_text: str
    confidence_meaning: str  # what the figure measures, with its counts, shown beside it
    answered: int
    applicable: int
    reasons: tuple[str, ...]
    actions: tuple[Risk, ...]  # every open action, most urgent first
    risks: tuple[Risk, ...]  # the first few: the summary's top risks
    more_risks: int
    decision: Decision
    charts: tuple[Chart, ...]
    disagreements: tuple[ItemRow, ...]  # in full, worst first
    sections: tuple[SectionView, ...]
    open_questions: tuple[OpenQuestion, ...]
    in_place: tuple[ItemGroup, ...]  # items everyone answered yes, one group per section
    appendix: tuple[ItemRow, ...]
    ledger: LedgerView
    generated_at: str
    version: str
    migrated: str = ""  # what reading an earlier version's files did, in a sentence (``migrate.note``)


def build(result: Result, *, generated_at: str | None = None) -> Report:
    context = result.context
    items = {r.item.id: r for r in result.items}
    actions = {a.item_id: a for a in result.actions}
    verdict_shape, verdict_symbol, verdict_emoji = VERDICT_SYMBOLS[result.verdict]
    accepted = result.accepted_gap_ids
    section_titles = {g.key: g.title for g in result.sections}
    labels = _labels(result.respondents)
    rows = {
        r.item.id: _row(r, r.item.id in result.blocking, _GROUP_TITLES[_group_key(r, accepted)], section_titles, labels)
        for r in result.items
    }
    split = {r.item.id: _part(r) for r in result.items}
    until = {risk.item_id: risk.expires for risk in result.active_risks if risk.gap}
    risks = tuple(_risk(action, items[action.item_id], until.get(action.item_id, "")) for action in result.actions)
    title_parts = [part for part in (context.school, context.initiative) if part]
    return Report(
        title=" — ".join(title_parts) or result.checklist.title,
        school=context.school,
        initiative=context.initiative,
        term=context.term,
        assessed_on=context.assessed_on,
        checklist_id=result.checklist.id,
        checklist_title=result.checklist.title,
        checklist_version=result.checklist.version,
        respondents=tuple(who(r) for r in result.respondents),
        files=tuple(PurePath(f).name for f in result.files),
        asked_by_role=_asked_by_role(result),
        combine_note=roles.combine_note(result, "report"),
        verdict=VerdictView(
            key=result.verdict.value,
            label=result.verdict_label,
            shape=verdict_shape,
            symbol=verdict_symbol,
            emoji=verdict_emoji,
            meaning=(MEANINGS_AFTER_LAUNCH if after_launch(result) else VERDICT_MEANINGS)[result.verdict],
        ),
        score=result.score,
        score_text=result.score_text,
        confidence_text=result.confidence_text,
        confidence_meaning=result.confidence_meaning,
        answered=result.answered,
        applicable=result.applicable,
        reasons=tuple(reason.message for reason in result.reasons),
        actions=risks,
        risks=risks[:MAX_RISKS],
        more_risks=max(0, len(risks) - MAX_RISKS),
        decision=decide(result, shown=MAX_RISKS),
        charts=_charts(result),
        disagreements=tuple(
            rows[r.item.id]
            for r in sorted(
                (r for r in result.items if split[r.item.id] == DISAGREE),
                key=lambda r: _GROUP_RANK[_group_key(r, accepted)],
            )
        ),
        sections=tuple(
            _section(result, section_index, rows, accepted, split) for section_index in range(len(result.sections))
        ),
        open_questions=tuple(_open_question(result, items[item_id], actions[item_id]) for item_id in result.unknowns),
        in_place=tuple(
            ItemGroup(
                g.key,
                g.title,
                tuple(rows[r.item.id] for r in result.items if r.section_id == g.key and split[r.item.id] == IN_PLACE),
            )
            for g in result.sections
            if any(r.section_id == g.key and split[r.item.id] == IN_PLACE for r in result.items)
        ),
        appendix=tuple(rows.values()),
        ledger=ledger_view.build(result),
        generated_at=generated_at or "",
        version=__version__,
        migrated=migrate.note(result.checklist, result.migrated),
    )


def _asked_by_role(result: Result) -> tuple[str, ...]:
    sets = roles.role_sets(result.checklist, result.respondents)
    return () if all(each.asked == each.of for each in sets) else tuple(str(each) for each in sets)


def who(respondent: Respondent) -> str:
    """A respondent as the report names them; never a pupil by name (SPEC.md)."""
    name = roles.shown_name(respondent)
    return f"{respondent.role.value} ({name})" if name else respondent.role.value


def _risk(action: Action, item: ItemResult, accepted_until: str) -> Risk:
    return Risk(
        item_id=action.item_id,
        question=action.question,
        risk=item.item.why,
        found=STATUS_LABELS[action.status],
        failure_mode=action.failure_mode.value,
        failure_mode_label=action.failure_mode.label,
        stage=action.stage.label,
        severity=action.severity,
        action=action.action,
        owner=action.owner,
        by_when=action.by_when,
        owner_suggested=action.owner_suggested,
        blocks=action.blocks,
        agreed=action.agreed is not None,
        overdue=action.agreed is not None and action.agreed.overdue,
        accepted_until=accepted_until,
    )


def _charts(result: Result) -> tuple[Chart, ...]:
    thresholds = result.checklist.thresholds

    def chart(chart_id: str, title: str, groups: tuple[GroupScore, ...]) -> Chart:
        bars = tuple(_bar(g, result.figure(g.score)) for g in groups)
        summary = "; ".join(f"{b.label}: {b.value_text}" for b in bars) + "."
        return Chart(chart_id, title, summary, bars, thresholds.floor, thresholds.ready)

    return (
        chart("chart-stages", "Score by stage", result.stages),
        chart("chart-failure-modes", "Score by failure mode", result.failure_mode_scores),
    )


def _bar(g: GroupScore, score_text: str) -> Bar:
    blocks = "" if g.score is None else "█" * round(g.score / 10) + "░" * (10 - round(g.score / 10))
    # Named by what is in place, so a low score reads as a risk ("Data protection: 0 of 100 in place").
    value = score_text if g.score is None else f"{score_text} of 100 in place"
    return Bar(g.key, g.label, g.score, score_text, blocks, value, g.band, g.answered, g.applicable, len(g.gaps))


def _labels(respondents: tuple[Respondent, ...]) -> tuple[str, ...]:
    """How each respondent is named beside an answer: the role alone where no one else has it
    (the header names everyone in full), else the role and the name."""
    roles = [r.role for r in respondents]
    return tuple(r.role.value if roles.count(r.role) == 1 else who(r) for r in respondents)


def _row(r: ItemResult, blocks: bool, group: str, section_titles: dict[str, str], labels: tuple[str, ...]) -> ItemRow:
    # A respondent whose role the item is not asked of has no answer to show, not an unknown one
    # (SPEC.md, Roles); unless they answered it all the same.
    named = tuple(
        (label, a)
        for label, a in zip(labels, r.by_respondent, strict=True)
        if a.asked or a.evidence  # someone not asked the question is not listed under it
    )
    yes = [label for label, a in named if a.answer is AnswerValue.YES]
    if len(yes) == len(r.by_respondent) > 1:  # every respondent, not only every one asked
        said_yes = "Both respondents" if len(yes) == 2 else f"All {len(yes)} respondents"
    else:
        said_yes = ", ".join(yes)
    return ItemRow(
        id=r.item.id,
        question=r.item.question,
        critical=r.item.critical,
        weight=r.item.weight,
        failure_mode=r.item.failure_mode.value,
        stage=r.stage.label,
        answer=ANSWER_LABELS[r.answer],
        status=r.status.value,
        status_label=STATUS_LABELS[r.status],
        evidence=r.evidence,
        date=r.date,
        source=r.item.source,
        answers=tuple(RespondentAnswer(label, ANSWER_LABELS[a.answer], a.evidence) for label, a in named),
        blocks=blocks,
        group=group,
        section=section_titles[r.section_id],
        said_yes=said_yes,
        evidence_short=_short(next((a.evidence for a in r.by_respondent if a.evidence), "")),
    )


SHORT = 40  # characters of evidence printed for an item everyone answered yes: a line of its column


def _short(text: str) -> str:
    """The start of ``text``, cut at a space before ``SHORT`` characters (or at ``SHORT`` when a
    word runs longer), with an ellipsis when anything was cut."""
    flat = " ".join(text.split())
    if len(flat) <= SHORT:
        return flat
    cut = flat.rfind(" ", 0, SHORT)
    return flat[: cut if cut > SHORT // 2 else SHORT].rstrip(" ,;:.") + "…"


# Where an item's detail is shown: respondents disagree (in full, together), it has a gap of some
# kind (in full, in its section), or everyone who answered said yes (one line in the table of
# items in place). Every item is in exactly one.
DISAGREE, ATTENTION, IN_PLACE = "disagree", "attention", "in_place"


def _part(r: ItemResult) -> str:
    known = {a.answer for a in r.by_respondent if a.answer is not AnswerValue.UNKNOWN}
    if len(known) > 1:
        return DISAGREE
    return IN_PLACE if r.status is Status.MET else ATTENTION


# Within a section, the worst first: what blocks readiness, then what is missing, then the rest.
GROUPS = (
    ("critical", "Critical gaps"),
    ("accepted", "Accepted as a risk"),
    ("gap", "Gaps"),
    ("unknown", "Not known"),
    ("partial", "Only partly in place"),
    ("met", "In place"),
    ("not_applicable", "Not applicable"),
)


_GROUP_TITLES = dict(GROUPS)
_GROUP_RANK = {key: rank for rank, (key, _) in enumerate(GROUPS)}


def _group_key(r: ItemResult, accepted: frozenset[str]) -> str:
    if r.item.id in accepted:
        return "accepted"
    if r.critical_gap:
        return "critical"
    return r.status.value


def _section(
    result: Result, index: int, rows: dict[str, ItemRow], accepted: frozenset[str], split: dict[str, str]
) -> SectionView:
    group = result.sections[index]
    everyone = [r for r in result.items if r.section_id == group.key]
    members = [r for r in everyone if split[r.item.id] == ATTENTION]
    return SectionView(
        id=group.key,
        title=group.title,
        stage=everyone[0].stage.label if everyone else "",
        score_text=result.figure(group.score),
        answered=group.answered,
        applicable=group.applicable,
        groups=tuple(
            ItemGroup(key, title, tuple(rows[r.item.id] for r in members if _group_key(r, accepted) == key))
            for key, title in GROUPS
            if any(_group_key(r, accepted) == key for r in members)
        ),
        disagreements=sum(split[r.item.id] == DISAGREE for r in everyone),
        in_place=sum(split[r.item.id] == IN_PLACE for r in everyone),
    )


def _open_question(result: Result, r: ItemResult, action: Action) -> OpenQuestion:
    section = next(g.title for g in result.sections if g.key == r.section_id)
    return OpenQuestion(
        item_id=r.item.id,
        question=r.item.question,
        section=section,
        critical=r.item.critical,
        why=r.item.why,
        ask=action.owner,
    )
