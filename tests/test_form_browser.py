"""The form page answered in a real browser (Debian's headless chromium, driven by playwright):
filled with the keyboard and the mouse, refused while "doesn't apply" has no reason, reloaded
with nothing lost, downloaded, and the file checked by ``implcheck check`` exactly as a file
``assess`` writes with the same answers. Also: axe-core finds nothing, html-validate finds
nothing, the page makes no request and breaks no rule of its own Content-Security-Policy,
reads without JavaScript, and prints every question.

The tools come from ``.ci/setup-browser.sh``. Without them these tests skip, saying what is
missing, unless ``IMPLCHECK_REQUIRE_BROWSER=1`` (set by CI), when they fail instead. One browser
run covers every test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import FIXTURES, ROOT
from implcheck import answers_file
from implcheck.cli import app
from implcheck.load import load_checklist
from implcheck.model import Answer, AnswerValue, Context, Respondent, Role
from implcheck.present import form
from implcheck.yamlsource import load_document
from report_helpers import HTML_VALIDATE, require_tools, run_tool

pytestmark = pytest.mark.slow

ROLES = FIXTURES / "form-roles.yaml"
FILL_FORM = ROOT / "tests" / "browser" / "fill_form.cjs"
# What is typed into each box; the school is filled in by ``--school`` and cannot be typed over.
TYPED = {"name": 'Zoë "Tess" O\'Brien', "school": "Typed over", "initiative": "Pobble", "term": "2026-autumn"}
CONTEXT = {**TYPED, "school": "Oak <b> & Co"}
# The first by keyboard, the rest by mouse; "single-sign-on" is first given "doesn't apply" with no
# reason, which the page must refuse to download, then this answer.
ANSWERS = [
    {
        "id": "problem-specific",
        "value": "partly",
        "evidence": 'He said "yes" \\ C:\\path\nsecond line </script><!-- ',
        "by": "keyboard",
    },
    {"id": "single-sign-on", "value": "na", "evidence": "We use paper\u2028line two, 📚 emoji, שלום", "by": "mouse"},
    {"id": "works-in-class", "value": "unknown", "evidence": "", "by": "mouse"},
]


# A pupil's note with half a UTF-16 pair (which no file can hold: it becomes U+FFFD), a whole pair,
# NEL and a paragraph separator (which YAML reads differently: written as escapes). Given as JSON
# text, which the page's box receives through JSON.parse: no keyboard types half a pair.
PUPIL_EVIDENCE_JSON = '"half \\ud83d a pair 😀 next\\u0085line\\u2029end"'
PUPIL_EVIDENCE = "half \ufffd a pair 😀 next\x85line\u2029end"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("form") / "teacher.html"
    args = ["form", str(ROLES), "--role", "teacher", "--school", CONTEXT["school"], "-o", str(out)]
    result = CliRunner().invoke(app, args, prog_name="implcheck")
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def pupil_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("form") / "pupil.html"
    out.write_text(form.render(form.build(load_checklist(ROLES), Role.PUPIL, "form-roles.yaml")), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def browser(page: Path, pupil_page: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    require_tools("node", "chromium", "axe")
    folder = tmp_path_factory.mktemp("browser")
    spec = folder / "spec.json"
    spec.write_text(
        json.dumps(
            {
                "file": str(page),
                "out": str(folder),
                "context": TYPED,
                "answers": ANSWERS,
                "refused": "single-sign-on",
                "pupil_file": str(pupil_page),
                "pupil_evidence": PUPIL_EVIDENCE_JSON,
            }
        ),
        encoding="utf-8",
    )
    done = run_tool(["node", str(FILL_FORM), str(spec)])
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def given() -> dict[str, Any]:
    return {
        "context": CONTEXT,
        "answers": {answer["id"]: {"value": answer["value"], "evidence": answer["evidence"]} for answer in ANSWERS},
    }


def test_filled_with_the_keyboard_and_the_mouse(browser: dict[str, Any]) -> None:
    assert browser["kept_notice"] is True
    assert browser["focused_after_tabs"] == "term"
    assert browser["chosen"] == [True, True]  # each answer checked as it was chosen
    assert browser["before_reload"] == given()


def test_doesnt_apply_without_a_reason_is_refused_and_said_beside_the_question(browser: dict[str, Any]) -> None:
    assert browser["refused"] == {
        "downloads": 0,
        "problems": "Your answers are not ready to send yet. Please fix question 2: what to do is written beside each.",
        "error": "You chose doesn't apply: say why in the box above, or choose another answer.",
        "invalid": "true",
        "focused": "evidence-single-sign-on",
    }
    assert browser["error_cleared"] is True


def test_a_reload_loses_nothing(browser: dict[str, Any]) -> None:
    assert browser["after_reload"] == given()
    assert browser["progress"] == "Answered so far: 3 of 3."


def _check(path: Path) -> tuple[int, str, dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, "-m", "implcheck", "check", "--format", "json", "--checklist-dir", str(FIXTURES), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    result["context"].pop("files")
    return done.returncode, done.stderr, result


def test_the_downloaded_file_checks_as_the_same_answers_written_by_assess(
    browser: dict[str, Any], tmp_path: Path
) -> None:
    downloaded = Path(browser["downloaded"])
    assert browser["download_name"] == "form-roles-teacher-zoe-tess-o-brien.yaml"
    assert browser["message"] == (
        "Downloaded form-roles-teacher-zoe-tess-o-brien.yaml (3 of 3 questions answered). Send this file back as you "
        "were asked. If no file appeared, use Copy my answers instead."
    )
    data = load_document(downloaded).data
    assert data["checklist"] == "form-roles.yaml"
    assert data["checklist_version"] == "1.0 </script>"
    assert data["context"]["respondent"] == {"name": CONTEXT["name"], "role": "teacher"}
    checklist = load_checklist(ROLES)
    context = Context(
        CONTEXT["school"],
        CONTEXT["initiative"],
        CONTEXT["term"],
        data["context"]["assessed_on"],
        Respondent(CONTEXT["name"], Role.TEACHER),
    )
    answers = {a["id"]: Answer(AnswerValue(a["value"]), a["evidence"].strip()) for a in ANSWERS}
    written = tmp_path / "assess.yaml"
    written.write_text(answers_file.render(checklist, "form-roles.yaml", context, answers), encoding="utf-8")
    code, said, from_form = _check(downloaded)
    assert (code, said, from_form) == _check(written)
    assert (code, said) == (1, "gate failed: the verdict is not ready, and --fail-on fails not ready\n")
    assert from_form["verdict"] == "not_ready"
    assert {item["id"]: item["answer"] for item in from_form["items"]} == {
        "problem-specific": "partly",
        "owner-named": "unknown",
        "single-sign-on": "na",
        "works-in-class": "unknown",
        "training-planned": "unknown",
    }


def test_evidence_is_quoted_by_the_rule_and_reads_back_as_typed(browser: dict[str, Any]) -> None:
    text = Path(browser["downloaded"]).read_text(encoding="utf-8")
    data = load_document(Path(browser["downloaded"])).data
    for answer in ANSWERS:
        if answer["evidence"]:
            assert f"    evidence: {form.yaml_string(answer['evidence'].strip())}\n" in text
            assert data["answers"][answer["id"]]["evidence"] == answer["evidence"].strip()
    assert f"  school: {form.yaml_string(CONTEXT['school'])}\n" in text
    assert '  "works-in-class": "unknown"\n' in text


def test_copy_gives_the_same_text_as_the_download(browser: dict[str, Any]) -> None:
    text = Path(browser["downloaded"]).read_text(encoding="utf-8")
    assert browser["copied_text"] == text
    assert browser["clipboard"] == text
    assert browser["copy_message"] == (
        "Copied (3 of 3 questions answered). Paste them into an email to the person who asked; "
        "they are also in the box below."
    )


def test_no_request_no_policy_violation_no_error(browser: dict[str, Any]) -> None:
    assert browser["requests"] == []
    assert browser["no_js"]["requests"] == []
    assert browser["csp"] == []
    assert browser["console"] == []
    assert browser["errors"] == []


def test_axe_finds_no_violations(browser: dict[str, Any]) -> None:
    assert browser["axe"] == []
    assert browser["axe_with_errors"] == []
    assert browser["axe_pupil_phone"] == []


def test_without_javascript_the_questions_show_and_it_says_what_needs_it(browser: dict[str, Any]) -> None:
    text = " ".join(browser["no_js"]["text"].split())
    assert (
        "Keeping your answers and downloading them need JavaScript, which is turned off in this browser. "
        "You can still read every question, or print this page and answer on paper."
    ) in text
    for part in form.build(load_checklist(ROLES), Role.TEACHER, "form-roles.yaml").parts:
        for question in part.questions:
            assert " ".join(question.text.split()) in text
    assert browser["no_js"]["send_visible"] is False


def test_prints_every_question_and_no_button(browser: dict[str, Any]) -> None:
    require_tools("poppler")
    printed = " ".join(run_tool(["pdftotext", browser["pdf"], "-"]).stdout.split())
    for part in form.build(load_checklist(ROLES), Role.TEACHER, "form-roles.yaml").parts:
        for question in part.questions:
            assert f"{question.number}. {question.text}" in printed
    assert "Download my answers" not in printed
    assert "On paper: tick one box for each question" in printed
    assert browser["print_buttons"] == 0


def test_where_the_browser_keeps_nothing_it_says_so_and_a_pupil_still_sends_answers(
    browser: dict[str, Any],
) -> None:
    pupil = browser["pupil"]
    assert (pupil["kept"], pupil["not_kept"]) == (False, True)
    assert " ".join(pupil["not_kept_text"].split()) == (
        "This browser is not keeping your answers (it may be a private window, or it may not let a page opened "
        "from a file keep anything). Answer every question in one go, then download or copy your answers before "
        "you close this page."
    )
    assert pupil["nothing_answered"] == "Answer at least one question first."
    assert pupil["smallest_target"] >= 44  # tapped on a phone-sized touch screen
    assert pupil["download_name"] == "form-roles-pupil.yaml"  # no name needed, and none in the file name
    data = load_document(Path(pupil["downloaded"])).data
    assert data["context"]["respondent"] == {"name": "", "role": "pupil"}
    assert data["answers"] == {"single-sign-on": {"answer": "yes", "evidence": PUPIL_EVIDENCE}}
    written = Path(pupil["downloaded"]).read_text(encoding="utf-8")
    assert f"    evidence: {form.yaml_string(PUPIL_EVIDENCE)}\n" in written  # the script's rule is the Python one
    assert pupil["checked_after_reload"] == 0  # nothing kept, as the page said
    assert (pupil["requests"], pupil["errors"]) == ([], [])


def test_html_validate_finds_no_errors(page: Path, pupil_page: Path, tmp_path: Path) -> None:
    require_tools("node", "html-validate")
    shipped = tmp_path / "shipped.html"
    assert (
        CliRunner().invoke(app, ["form", "--role", "teacher", "--term", "2026-autumn", "-o", str(shipped)]).exit_code
        == 0
    )
    config = ROOT / "tests" / "browser" / "htmlvalidate.json"
    done = run_tool(
        [str(HTML_VALIDATE), "--config", str(config), "--formatter", "json", str(page), str(pupil_page), str(shipped)]
    )
    problems = [
        (Path(entry["filePath"]).name, message["ruleId"], message["message"])
        for entry in json.loads(done.stdout or "[]")
        for message in entry["messages"]
    ]
    assert problems == []
    assert done.returncode == 0, done.stderr
