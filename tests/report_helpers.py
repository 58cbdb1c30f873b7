"""Shared inputs for the report tests: the bundled examples and the hostile fixtures."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import FIXTURES, MINI, MINI_BESIDE, ROOT, answers_yaml
from implcheck.load import load_assessment
from implcheck.result import Result
from implcheck.scoring import score
from implcheck.yamlsource import MAX_TEXT

# name -> answers files; each renders in every format. The shipped examples, the two disagreeing
# respondents, and hostile text in every field a user or a checklist author can fill.
EXAMPLES: dict[str, tuple[Path, ...]] = {
    "edtech-strong": (ROOT / "examples/edtech-readiness/strong.yaml",),
    "edtech-trap": (ROOT / "examples/edtech-readiness/trap.yaml",),
    "termly-strong": (ROOT / "examples/termly-recheck/strong.yaml",),
    "termly-trap": (ROOT / "examples/termly-recheck/trap.yaml",),
    "respondents": (ROOT / "examples/respondents/leader.yaml", ROOT / "examples/respondents/teacher.yaml"),
}
HOSTILE = (FIXTURES / "hostile-leader.yaml", FIXTURES / "hostile-teacher.yaml")
# Two respondents who disagree, over a five-item re-check (tests/fixtures/recheck-mini.yaml): the
# report tests assert its figures, which change only when the fixture or the scoring does, never
# when the shipped checklists or examples are edited.
RECHECK = (FIXTURES / "recheck-leader.yaml", FIXTURES / "recheck-teacher.yaml")
# A school with agreed actions (one overdue) and accepted risks (one active, one expired).
LEDGER = (ROOT / "examples/trust/schools/riverside-academy/quizblast/2027-spring/senior-leader.yaml",)
# A question set per role (tests/fixtures/roles.yaml): who was asked what, and "Not asked".
ROLES = (FIXTURES / "roles-leader.yaml", FIXTURES / "roles-teacher.yaml", FIXTURES / "roles-pupil.yaml")
ALL_INPUTS = {**EXAMPLES, "hostile": HOSTILE, "recheck": RECHECK, "ledger": LEDGER, "roles": ROLES}
PAIR = EXAMPLES["respondents"]

# Fragments of the hostile fixtures that must never come out live.
HOSTILE_MARKUP = ("<script", "<img", "<svg onload", "<b>", "<i>", "<u>")


def result_of(paths: tuple[Path, ...] | list[Path]) -> Result:
    return score(load_assessment(list(paths)))


# An address with no place to break a line, the kind of thing pasted into evidence.
UNBROKEN = "https://intranet.example.org/" + "EvidenceFolder" * 20


def longest_evidence(folder: Path) -> tuple[Path, Path]:
    """Two respondents over the mini checklist who agree on some items and not others, every
    answer with evidence of the most characters a value may have (docs/security.md), each
    starting with an unbroken address."""
    (folder / MINI_BESIDE).parent.mkdir(parents=True, exist_ok=True)
    (folder / MINI_BESIDE).write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    sentence = "The deputy head presented this to the full governing body in October; the minutes record it. "
    evidence = (UNBROKEN + " " + sentence * (MAX_TEXT // len(sentence)))[:MAX_TEXT]
    sheets = {
        "leader.yaml": ("senior-leader", ("yes", "yes", "partly", "no")),
        "teacher.yaml": ("teacher", ("yes", "no", "partly", "no")),
    }
    ids = ("problem-specific", "owner-named", "single-sign-on", "training-planned")
    paths = []
    for name, (role, answers) in sheets.items():
        body = "".join(
            f"  {item}:\n    answer: {answer}\n    evidence: {evidence!r}\n"
            for item, answer in zip(ids, answers, strict=True)
        )
        paths.append(folder / name)
        paths[-1].write_text(answers_yaml(body, role=role, name=role.title()), encoding="utf-8")
    return paths[0], paths[1]


# --- the browser and the validator (tests marked slow) --------------------------------------------

NODE_MODULES = ROOT / ".ci" / "node_modules"
CHROMIUM = Path(os.environ.get("IMPLCHECK_CHROMIUM", "/usr/bin/chromium"))
CHECK_PAGES = ROOT / "tests" / "browser" / "check_pages.cjs"
HTML_VALIDATE = NODE_MODULES / ".bin" / "html-validate"


def require_tools(*needs: str) -> None:
    """Skip with the reason when a tool is missing, unless CI asks for them (then fail)."""
    missing = []
    if "node" in needs and shutil.which("node") is None:
        missing.append("node")
    if "chromium" in needs and not CHROMIUM.exists():
        missing.append(str(CHROMIUM))
    if "axe" in needs and not (NODE_MODULES / "axe-core").is_dir():
        missing.append(".ci/node_modules/axe-core")
    if "axe" in needs and not (NODE_MODULES / "playwright-core").is_dir():
        missing.append(".ci/node_modules/playwright-core")
    if "html-validate" in needs and not HTML_VALIDATE.exists():
        missing.append(".ci/node_modules/.bin/html-validate")
    if "poppler" in needs and shutil.which("pdftotext") is None:
        missing.append("pdftotext (poppler-utils)")
    if not missing:
        return
    message = f"missing {', '.join(missing)}: run .ci/setup-browser.sh"
    if os.environ.get("IMPLCHECK_REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (IMPLCHECK_REQUIRE_BROWSER=1)")
    pytest.skip(message)


def run_tool(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, cwd=ROOT)
