"""Text written to forge output where it lands (issue 20): a CI runner's workflow commands, a
second verdict line, Markdown links and HTML, terminal escapes and invisible padding.

``tree(folder, payload)`` writes a trust's folder in which every piece of text a school or a
checklist's author writes is ``payload`` (or holds it): school, initiative, respondent, evidence,
an action's owner and note, an accepted risk, and the checklist's title, description, section
title, question, action and ``verdict_labels``. ``tests/test_forgery.py`` runs every command in
every format over it and replays each output through ``workflow_commands``, a parser of the
GitHub runner's command syntax.

To look at the files:  .venv/bin/python tests/forgery_corpus.py /tmp/forgery
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from hostile_corpus import MINI

PROSE = "The plan is agreed and every class has started, and the owner meets the team each week " * 2
PAYLOADS: dict[str, str] = {
    "add-mask": "::add-mask::OFF TRACK",
    "stop-commands-wrapped": PROSE + "::stop-commands::pwned",
    "error-command": "::error file=a.yaml,line=1::forged failure",
    "indented-command": "   ::warning title=x::indented",
    "hash-add-mask": "##[add-mask]secret",
    "hash-stop-commands": "Oak ##[stop-commands]pwned",
    "hash-group": "##[group]folded away",
    "braille-padding": "Oak" + "\u2800" * 120 + "✓ READY   score 100/100",
    "zero-width": "Oak\u200b\u200d\u2060\ufeff\u3164::group::x",
    "line-separator": "Oak\u2028::endgroup::\u2029x",
    "newline-command": "Oak\n::notice::line two\n##[debug]three",
    "terminal-escapes": "\x1b[2J\x1b]0;owned\x07\r✓ READY\x9b31m",
    "bidi": "\u202e::debug::x\u2066",
    "markdown": (
        "<img src=http://evil.example/x.png> [link](http://evil.example) # heading | pipe |"
        " https://evil.example/bare www.evil.example @someone #123 *bold* `code` $x$"
    ),
    "colons": ":",
}
# Characters that must never reach an output raw: controls (tab and line ends aside), bidi
# formatting and invisible padding (HTML writes bidi characters as references, inside <bdi>).
RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
RAW_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
RAW_INVISIBLE = re.compile("[\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2028\u2029\u2060-\u2064\u2800\u3164\ufeff]")


def _checklist(payload: str) -> dict[str, Any]:
    checklist: dict[str, Any] = yaml.safe_load(yaml.safe_dump(MINI))
    checklist["title"] = payload
    checklist["description"] = f"{PROSE}{payload}"
    checklist["version"] = "1.0"
    checklist["verdict_labels"] = {
        "ready": f"{payload} ready",
        "ready_with_conditions": f"conditions {payload}",
        "not_ready": payload,
    }
    section = checklist["sections"][0]
    section["title"] = payload
    section["items"][1]["question"] = f"Is there a named senior owner? {payload}"
    section["items"][1]["action"] = f"{PROSE}{payload}"
    return checklist


def _answers(payload: str, term: str, assessed_on: str, role: str, answer: str) -> dict[str, Any]:
    return {
        "checklist": "checklists/list.yaml",
        "context": {
            "school": payload,
            "initiative": f"Pobble {payload}",
            "term": term,
            "assessed_on": assessed_on,
            "respondent": {"name": payload, "role": role},
        },
        "answers": {
            "problem-specific": {"answer": "yes", "evidence": f"{PROSE}{payload}", "date": "2026-11-01"},
            "owner-named": answer,
            "single-sign-on": {"answer": "partly", "evidence": payload},
            "training-planned": "no",
        },
        "actions": [
            {"item": "training-planned", "owner": payload, "due": "2026-01-31", "status": "open", "note": payload}
        ],
        "accepted_risks": [
            {
                "item": "single-sign-on",
                "reason": f"{PROSE}{payload}",
                "approved_by": payload,
                "approved_on": "2026-10-01",
                "expires": "2026-10-02",
            }
        ],
    }


def _dump(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def tree(folder: Path, payload: str) -> None:
    """``folder/trust/<school>/<initiative>/<term>/<role>.yaml`` over two terms, the later one
    worse, with the checklist in a ``checklists`` folder beside each term's files; and
    ``folder/bad-role.yaml``, refused for a role that is the payload."""
    terms = (("2026-autumn", "2026-11-20", "yes"), ("2027-spring", "2027-03-19", "no"))
    for term, assessed_on, answer in terms:
        here = folder / "trust" / "school" / "pobble" / term
        (here / "checklists").mkdir(parents=True, exist_ok=True)  # beside, not among, the term's files
        (here / "checklists" / "list.yaml").write_text(_dump(_checklist(payload)), encoding="utf-8")
        for role in ("senior-leader", "teacher"):
            given = answer if role == "senior-leader" else "partly"
            text = _dump(_answers(payload, term, assessed_on, role, given))
            (here / f"{role}.yaml").write_text(text, encoding="utf-8")
    bad = _answers(payload, "2027-spring", "2027-03-19", "senior-leader", "yes")
    bad["context"]["respondent"]["role"] = payload
    bad["checklist"] = "trust/school/pobble/2027-spring/checklists/list.yaml"
    (folder / "bad-role.yaml").write_text(_dump(bad), encoding="utf-8")


def latest(folder: Path) -> Path:
    return folder / "trust" / "school" / "pobble" / "2027-spring"


def previous(folder: Path) -> Path:
    return folder / "trust" / "school" / "pobble" / "2026-autumn"


# --- the runner's side ---------------------------------------------------------------------

# actions/runner ActionCommand.TryParseV2: after leading whitespace, "::name key=value,...::data".
_V2 = re.compile(r"::(?P<name>[^\s:]*)(?: (?P<properties>.*?))?::(?P<data>.*)", re.DOTALL)
ANNOTATION_PROPERTIES = frozenset({"file", "line", "col", "endLine", "endColumn", "title"})


def workflow_commands(output: str) -> Iterator[tuple[str, str]]:
    """Each line a GitHub runner would read as a command, as (name, the line). The runner reads
    a log line by line (LF, CR LF or CR), trims it, and obeys ``::name ...::`` at its start; it
    also reads ``##[name]`` anywhere in a line (the older syntax). A line that starts with ``::``
    but is not a whole command is still reported, as "malformed": the rule is that none starts so."""
    for line in re.split(r"\r\n|\r|\n", output):
        for found in re.finditer(r"##\[([^\]]*)\]?", line):
            yield (f"##[{found.group(1)}]", line)
        trimmed = line.lstrip()
        if trimmed.startswith("::"):
            command = _V2.fullmatch(trimmed)
            yield (command.group("name") if command else "malformed", line)


def forged(output: str, *, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The lines of ``output`` that a runner would obey and that we did not mean to write:
    every command, but ``allowed`` annotations whose properties are only the annotation ones."""
    found = []
    for name, line in workflow_commands(output):
        command = _V2.fullmatch(line)
        if name in allowed and command is not None:
            properties = command.group("properties") or ""
            keys = {pair.split("=", 1)[0] for pair in properties.split(",") if pair}
            if all("=" in pair for pair in properties.split(",") if pair) and keys <= ANNOTATION_PROPERTIES:
                continue
        found.append(line)
    return found


if __name__ == "__main__":
    root = Path(sys.argv[1])
    for name, text in PAYLOADS.items():
        tree(root / name, text)
    print(f"wrote {len(PAYLOADS)} trusts under {root}")
