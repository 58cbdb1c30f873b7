"""The command line end to end: exit codes, streams and the words users read."""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from helpers import MINI, ROOT, answers_yaml
from implcheck import __version__
from implcheck.cli import app
from implcheck.load import load_checklist
from implcheck.model import Role
from implcheck.result import shorten
from implcheck.textfile import MAX_BYTES

Write = Callable[[str, str], Path]
runner = CliRunner()
ALL_YES = "  problem-specific: yes\n  owner-named: yes\n  single-sign-on: yes\n  training-planned: yes\n"
WITH_CONDITIONS = "  problem-specific: partly\n  owner-named: yes\n  single-sign-on: yes\n  training-planned: yes\n"


def invoke(*args: str | Path) -> Result:
    return runner.invoke(app, [str(a) for a in args], prog_name="implcheck")


def test_version() -> None:
    result = invoke("--version")
    assert (result.exit_code, result.stdout) == (0, f"implcheck {__version__}\n")


@pytest.fixture
def unfreeze() -> Iterator[None]:
    """``start.main`` freezes every object alive (``gc.freeze``), pytest's own among them: a test
    that runs it in-process unfreezes them afterwards, so later tests collect as they would alone."""
    yield
    gc.unfreeze()
    assert gc.get_freeze_count() == 0


def test_the_entry_point_runs_the_app_as_implcheck(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], unfreeze: None
) -> None:
    from implcheck import start

    monkeypatch.setattr(sys, "argv", ["/any/path/to/the/script", "--version"])
    with pytest.raises(SystemExit) as done:
        start.main()
    assert (done.value.code, capsys.readouterr().out) == (0, f"implcheck {__version__}\n")
    assert gc.isenabled()  # off only while the modules are imported: the command collects as usual
    assert gc.get_freeze_count() > 0  # what the imports made is left out of later passes


def test_the_installed_command_is_the_entry_point() -> None:
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="implcheck")
    assert script.value == "implcheck.start:main"


def test_python_dash_m_runs_the_app(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], unfreeze: None
) -> None:
    import runpy

    monkeypatch.setattr(sys, "argv", ["python -m implcheck", "--version"])
    with pytest.raises(SystemExit) as done:
        runpy.run_module("implcheck", run_name="__main__")
    assert (done.value.code, capsys.readouterr().out) == (0, f"implcheck {__version__}\n")


def test_no_arguments_shows_help() -> None:
    result = invoke()
    assert result.exit_code == 2
    assert "Usage: implcheck" in result.output


def test_check_names_the_items_of_each_failure_mode_by_question() -> None:
    result = invoke("check", ROOT / "examples" / "edtech-readiness" / "trap.yaml")
    assert (
        " Data protection\n  • Has your IT lead checked the product against your cyber security standards?\n"
        " Fit with the school\n"
    ) in result.stdout
    assert "security-reviewed" not in result.stdout  # the id the interview never shows


def test_check_ready_passes_the_gate(write: Write) -> None:
    result = invoke("check", write("a.yaml", answers_yaml(ALL_YES)))
    assert result.exit_code == 0, result.output
    assert (
        "✓ READY   score 100/100   confidence 100%\n"
        "Confidence: share of questions answered and agreed on (4 of 4 answered)\n"
    ) in result.stdout
    assert result.stderr == ""


def test_check_not_ready_fails_the_gate_with_its_reasons(write: Write) -> None:
    result = invoke("check", write("a.yaml", answers_yaml("  problem-specific: no\n  owner-named: yes\n")))
    assert result.exit_code == 1
    assert "✗ NOT READY" in result.stdout
    assert "1 critical item answered no: “Is there a specific problem?”" in result.stdout
    assert "Critical gaps\n ✗ Is there a specific problem? (no)\n   → Name the problem.\n" in result.stdout
    assert result.stderr == "gate failed: the verdict is not ready, and --fail-on fails not ready\n"


def test_the_gate_speaks_the_checklists_own_words() -> None:
    trap = Path(__file__).parents[1] / "examples" / "termly-recheck" / "trap.yaml"
    result = invoke("check", "--fail-on", "ready_with_conditions", str(trap))
    assert result.exit_code == 1
    assert result.stderr.startswith("gate failed: the verdict is off track, and --fail-on fails on track with ")
    assert "conditions or worse\n" in result.stderr and "not_ready" not in result.stderr


@pytest.mark.parametrize(("fail_on", "code"), [("not_ready", 0), ("ready_with_conditions", 1), ("never", 0)])
def test_fail_on_sets_the_bar(write: Write, fail_on: str, code: int) -> None:
    result = invoke("check", "--fail-on", fail_on, write("a.yaml", answers_yaml(WITH_CONDITIONS)))
    assert result.exit_code == code


def test_fail_on_never_still_fails_under_the_score_bar(write: Write) -> None:
    path = write("a.yaml", answers_yaml(WITH_CONDITIONS))
    result = invoke("check", "--fail-on", "never", "--fail-under", "90", path)
    assert result.exit_code == 1
    assert result.stderr == "gate failed: the score 81.2 is under 90 (--fail-under)\n"
    assert invoke("check", "--fail-under", "80", path).exit_code == 0


def test_fail_under_nan_is_refused_rather_than_disabling_the_gate(write: Write) -> None:
    result = invoke("check", "--fail-on", "never", "--fail-under", "nan", write("a.yaml", answers_yaml()))
    assert result.exit_code == 2
    assert "Invalid value for '--fail-under': must be a number from 0 to 100, not nan" in result.stderr


def test_check_json_is_the_result_and_only_that(write: Write) -> None:
    result = invoke("check", "--format", "json", write("a.yaml", answers_yaml(WITH_CONDITIONS)))
    data = json.loads(result.stdout)
    assert (data["schema_version"], data["verdict"], data["score"]) == ("1.2", "ready_with_conditions", 81.2)
    assert data["items"][0] == {
        "id": "problem-specific",
        "section": "why",
        "stage": "explore",
        "failure_mode": "unclear-problem",
        "weight": 3,
        "critical": True,
        "answer": "partly",
        "status": "partial",
        "evidence": "",
        "date": "",
    }


def test_check_markdown_summary(write: Write) -> None:
    result = invoke("check", "-f", "markdown", write("a.yaml", answers_yaml("  problem-specific: no\n")))
    assert result.stdout.startswith("## Oakfield Primary · Pobble for writing · 2026-autumn\n\n**Verdict: Not ready**")
    assert "(problem\\-specific)" not in result.stdout  # ids are not escaped needlessly
    assert "| Is there a specific problem? (problem-specific) | no | Name the problem. |" in result.stdout


def test_output_is_byte_identical_across_runs(write: Write) -> None:
    path = write("a.yaml", answers_yaml(WITH_CONDITIONS))
    for fmt in ("text", "json", "markdown"):
        assert invoke("check", "-f", fmt, path).stdout == invoke("check", "-f", fmt, path).stdout


def test_several_respondents_combine_and_disagreements_show(write: Write) -> None:
    leader = write("leader.yaml", answers_yaml(ALL_YES))
    teacher = write("teacher.yaml", answers_yaml("  owner-named: no\n", role="teacher", name="T. Teacher"))
    result = invoke("check", "-f", "json", leader, teacher)
    data = json.loads(result.stdout)
    assert [r["role"] for r in data["context"]["respondents"]] == ["senior-leader", "teacher"]
    assert data["disagreements"] == [
        {
            "item": "owner-named",
            "question": "Is there a named senior owner?",
            "critical": False,
            "answers": [
                {"name": "A. Leader", "role": "senior-leader", "answer": "yes", "asked": True, "evidence": ""},
                {"name": "T. Teacher", "role": "teacher", "answer": "no", "asked": True, "evidence": ""},
            ],
        }
    ]
    text = invoke("check", leader, teacher).stdout
    assert "Respondents disagree on 1 item\n • Is there a named senior owner? (senior-leader yes, teacher no)\n" in text


def test_bad_answers_file_exits_2_with_every_problem(write: Write) -> None:
    path = write("a.yaml", answers_yaml("  owner-named: maybe\n  problem-specfic: yes\n"))
    result = invoke("check", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"{path}:9:16: answer must be one of yes, partly, no, unknown, na; got 'maybe' (bad-value)\n"
        f"{path}:10:3: unknown item id 'problem-specfic' (did you mean 'problem-specific'?); "
        "see `implcheck show checklists/mini.yaml` for the item ids (unknown-item)\n"
    )


def test_missing_file_and_mismatched_files_exit_2(write: Write, tmp_path: Path) -> None:
    result = invoke("check", tmp_path / "nope.yaml")
    assert (result.exit_code, result.stderr) == (2, f"{tmp_path / 'nope.yaml'}:1:1: no such file (file-unreadable)\n")
    a = write("a.yaml", answers_yaml())
    b = write("b.yaml", answers_yaml(term="2027-spring"))
    result = invoke("check", a, b)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"implcheck: error: {b}: cannot be combined with {a}: its term is '2027-spring'")


def test_bad_option_value_is_a_usage_error(write: Write) -> None:
    result = invoke("check", "--fail-on", "bogus", write("a.yaml", answers_yaml()))
    assert result.exit_code == 2
    assert "Invalid value for '--fail-on'" in result.output


def test_validate_reports_all_files_and_exits_2(write: Write) -> None:
    good = write("good.yaml", answers_yaml(ALL_YES))
    bad = write("bad.yaml", answers_yaml("  owner-named: 3\n"))
    result = invoke("validate", good, bad, MINI)
    assert result.exit_code == 2
    # listed in path order, so the mini checklist's warnings may come before or after bad.yaml
    assert f"{bad}:9:16: answer must be one of yes, partly, no, unknown, na; got 3 (bad-value)" in (
        result.stdout.splitlines()
    )
    assert result.stderr == "1 problem in 1 of 3 files, 3 warnings\n"


def test_validate_warns_a_checklist_author_about_hidden_dealbreakers_and_exits_0() -> None:
    result = invoke("validate", MINI)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{MINI}:28:23: warning: one 'no' on 'owner-named', with every other item 'yes', makes the verdict "
        "not ready (failure mode no-owner scores 0, under the floor of 40): make the item critical on purpose, "
        "add items to its failure mode, or lower the floor (hidden-dealbreaker)",
        f"{MINI}:40:23: warning: one 'no' on 'single-sign-on', with every other item 'yes', makes the verdict "
        "not ready (failure mode friction scores 0, stage Prepare scores 33, under the floor of 40): make the "
        "item critical on purpose, add items to its failure mode, or lower the floor (hidden-dealbreaker)",
        f"{MINI}:48:23: warning: one 'no' on 'training-planned', with every other item 'yes', makes the verdict "
        "not ready (failure mode no-follow-up scores 0, under the floor of 40): make the item critical on "
        "purpose, add items to its failure mode, or lower the floor (hidden-dealbreaker)",
        "1 file valid, 3 warnings",
    ]


def test_validate_the_shipped_checklists_without_warnings() -> None:
    result = invoke("validate", ROOT / "checklists")
    assert (result.exit_code, result.stdout) == (0, "2 files valid\n")


def test_validate_a_folder(write: Write, tmp_path: Path) -> None:
    write("sub/a.yaml", answers_yaml(ALL_YES))
    write("sub/notes.txt", "not yaml")
    result = invoke("validate", tmp_path)
    # a.yaml and its mini.yaml, whose thin failure modes draw hidden-dealbreaker warnings
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (0, "2 files valid, 3 warnings")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke("validate", empty)
    assert (result.exit_code, result.stderr) == (2, f"implcheck: error: {empty}: no YAML files (*.yaml, *.yml) found\n")


@pytest.mark.parametrize("kind", ["checklist", "answers", "result"])
def test_schema_prints_json_schema(kind: str) -> None:
    result = invoke("schema", kind)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_checklists_lists_the_shipped_ones() -> None:
    result = invoke("checklists")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["edtech-readiness", "termly-recheck"]


def test_show_a_checklist_as_text_and_markdown() -> None:
    text = invoke("show", MINI).stdout
    assert "Explore · Why we are doing this (why)\n  - problem-specific  [CRITICAL weight 3, unclear-problem]" in text
    assert text.endswith("4 items, 1 critical. `implcheck init mini` writes an answers file.\n")
    markdown = invoke("show", MINI, "--format", "markdown").stdout
    assert (
        "- **`problem-specific`** **critical** (weight 3, `unclear-problem`): Is there a specific problem?" in markdown
    )


def test_show_unknown_checklist_exits_2() -> None:
    result = invoke("show", "nope")
    assert result.exit_code == 2
    assert result.stderr == (
        "implcheck: error: unknown checklist 'nope'; use a shipped id (edtech-readiness, termly-recheck) "
        "or a path to a checklist file\n"
    )


def test_init_writes_a_fillable_file_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    mini = tmp_path / MINI.name
    shutil.copyfile(MINI, mini)
    result = invoke("init", mini, "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.startswith("# yaml-language-server: $schema=implcheck-answers-mini.schema.json\n")
    assert (
        "  # Is there a specific problem? (weight 3, critical)\n  # Why: Without one, nobody knows what success is.\n"
        in text
    )
    assert "  problem-specific: unknown\n" in text
    schema = json.loads((tmp_path / "implcheck-answers-mini.schema.json").read_text())
    assert schema["title"] == "implcheck answers for mini 1.0"
    assert invoke("check", out).exit_code == 1  # it loads, and nothing is answered yet
    out.write_text("precious")
    result = invoke("init", MINI, "-o", out)
    assert result.exit_code == 2
    assert (
        result.stderr == f"implcheck: error: {out}: already exists; use --force to overwrite it, or choose another -o\n"
    )
    assert out.read_text() == "precious"
    assert invoke("init", MINI, "-o", out, "--force").exit_code == 0
    assert out.read_text() != "precious"


def test_init_to_stdout_and_a_relative_checklist_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "checklist: " in invoke("init", MINI).stdout
    monkeypatch.chdir(MINI.parent)
    (tmp_path / "out").mkdir()
    assert invoke("init", "mini.yaml", "-o", tmp_path / "out" / "a.yaml").exit_code == 0
    # the file names its checklist relative to itself, so it still loads from anywhere, once
    # the checklist's folder (outside the file's own) is allowed
    monkeypatch.chdir(tmp_path)
    assert invoke("check", "--fail-on", "never", "out/a.yaml").exit_code == 2
    assert invoke("check", "--fail-on", "never", "--checklist-dir", MINI.parent, "out/a.yaml").exit_code == 0


def test_init_into_a_missing_folder_exits_2(tmp_path: Path) -> None:
    result = invoke("init", MINI, "-o", tmp_path / "no" / "a.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        f"implcheck: error: {tmp_path / 'no' / 'a.yaml'}: cannot write: the folder {tmp_path / 'no'} does not exist\n"
    )


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "implcheck", "--version"], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, f"implcheck {__version__}\n")


def test_no_color_and_pipes_get_plain_text(write: Write) -> None:
    path = write("a.yaml", answers_yaml(ALL_YES))
    result = subprocess.run(
        [sys.executable, "-m", "implcheck", "check", str(path)], capture_output=True, text=True, check=False
    )
    assert "\x1b[" not in result.stdout
    assert "✓ READY" in result.stdout


def test_ctrl_c_exits_130_without_a_traceback(monkeypatch: pytest.MonkeyPatch, write: Write) -> None:
    from implcheck.commands import check as check_cmd

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(check_cmd, "run", interrupted)
    result = invoke("check", write("a.yaml", answers_yaml()))
    assert (result.exit_code, result.stderr) == (130, "\nimplcheck: interrupted\n")


def test_check_markdown_lists_disagreements_side_by_side(write: Write) -> None:
    leader = write("leader.yaml", answers_yaml(ALL_YES))
    teacher = write("teacher.yaml", answers_yaml("  owner-named: no\n", role="teacher", name="T. Teacher"))
    result = invoke("check", "-f", "markdown", leader, teacher)
    assert (
        "### Disagreements\n\n| Question | Answers |\n| --- | --- |\n"
        "| Is there a named senior owner? | senior-leader: yes; teacher: no |\n" in (result.stdout)
    )


@pytest.mark.parametrize(
    ("tty", "env", "expected"),
    [(True, {}, True), (True, {"NO_COLOR": "1"}, False), (True, {"TERM": "dumb"}, False), (False, {}, False)],
)
def test_colour_only_for_a_terminal_without_no_color(
    monkeypatch: pytest.MonkeyPatch, tty: bool, env: dict[str, str], expected: bool
) -> None:
    from implcheck import cli

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
    assert cli.use_colour() is expected


def test_colour_text_marks_the_verdict_in_words_and_symbol(write: Write) -> None:
    from implcheck.commands import check as check_cmd

    outcome = check_cmd.run([write("a.yaml", answers_yaml(ALL_YES))], color=True)
    assert "\x1b[" in outcome.stdout
    assert "✓ READY" in outcome.stdout


@pytest.mark.parametrize(
    "kept", ["{}", "not JSON at all", '{"title": "implcheck answers for mini 0.9"' + " " * MAX_BYTES]
)
def test_init_leaves_a_schema_file_already_there_alone(tmp_path: Path, kept: str) -> None:
    # another schema, a file that is not one, and one too big to be implcheck's
    schema = tmp_path / "implcheck-answers-mini.schema.json"
    schema.write_text(kept, encoding="utf-8")
    assert invoke("init", MINI, "-o", tmp_path / "a.yaml").exit_code == 0
    assert schema.read_text(encoding="utf-8") == kept


def test_init_leaves_a_folder_named_like_the_schema_alone(tmp_path: Path) -> None:
    (tmp_path / "implcheck-answers-mini.schema.json").mkdir()
    assert invoke("init", MINI, "-o", tmp_path / "a.yaml").exit_code == 0
    assert (tmp_path / "a.yaml").is_file()


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--fail-on", "never", "examples/respondents/leader.yaml"],
        ["report", "examples/respondents/leader.yaml"],
        ["show", "edtech-readiness"],
        ["compare", "examples/respondents/leader.yaml", "examples/respondents/leader.yaml"],
        ["portfolio", "examples/trust"],
    ],
    ids=lambda command: command[0],
)
def test_md_and_markdown_are_both_accepted(command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    md, markdown = (invoke(*command, "--format", spelling) for spelling in ("md", "markdown"))
    assert (md.exit_code, markdown.exit_code) == (0, 0), md.output + markdown.output
    assert md.stdout == markdown.stdout
    assert md.stdout.startswith("#")


def test_validate_as_json_and_github_annotations(write: Write) -> None:
    bad = write("bad.yaml", answers_yaml("  owner-named: 3\n"))
    message = "answer must be one of yes, partly, no, unknown, na; got 3"
    result = invoke("validate", "--format", "json", bad, MINI)
    assert (result.exit_code, result.stderr) == (2, "")
    problem = {"path": str(bad), "line": 9, "col": 16, "message": message, "rule": "bad-value", "level": "error"}
    assert json.loads(result.stdout)["problems"] == [problem]
    result = invoke("validate", "-f", "github", bad, MINI)
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert f"::error file={bad},line=9,col=16,title=implcheck validate::{message} (bad-value)" in lines
    warning = f"::warning file={MINI},line=28,col=23,title=implcheck validate::one 'no' on"
    assert [line for line in lines if line.startswith(warning)]
    assert result.stderr == "1 problem in 1 of 2 files, 3 warnings\n"
    result = invoke("validate", "-f", "json", MINI)
    assert (result.exit_code, json.loads(result.stdout)["valid"]) == (0, True)
    assert [w["line"] for w in json.loads(result.stdout)["warnings"]] == [28, 40, 48]


def test_init_brings_a_schema_it_wrote_up_to_date(tmp_path: Path) -> None:
    schema = tmp_path / "implcheck-answers-mini.schema.json"
    schema.write_text('{"title": "implcheck answers for mini 0.9"}', encoding="utf-8")
    assert invoke("init", MINI, "-o", tmp_path / "a.yaml").exit_code == 0
    assert json.loads(schema.read_text(encoding="utf-8"))["title"] == "implcheck answers for mini 1.0"


@pytest.mark.parametrize("name", [info.callback.__name__ for info in app.registered_commands if info.callback])
def test_a_command_alone_behaves_as_in_the_whole_app(name: str) -> None:
    from implcheck.cli import only

    alone = only([name, "--help"])
    assert [info.callback for info in alone.registered_commands] == [
        info.callback for info in app.registered_commands if info.callback and info.callback.__name__ == name
    ]
    whole = runner.invoke(app, [name, "--help"], prog_name="implcheck")
    single = runner.invoke(alone, [name, "--help"], prog_name="implcheck")
    assert (single.exit_code, single.stdout) == (whole.exit_code, whole.stdout)
    wrong = [name, "--no-such-option"]
    assert runner.invoke(alone, wrong).output == runner.invoke(app, wrong).output


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["chek", "a.yaml"], ["--help", "check"]])
def test_anything_but_a_command_gets_the_whole_app(args: list[str]) -> None:
    from implcheck.cli import only

    assert only(args) is app


def test_debug_may_come_before_the_command_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from implcheck.cli import only

    assert len(only(["--debug", "check", "a.yaml"]).registered_commands) == 1
    monkeypatch.setenv("_IMPLCHECK_COMPLETE", "complete_bash")
    assert only(["check"]) is app  # shell completion lists every command


def test_an_implcheck_that_cannot_be_imported_exits_3_not_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], unfreeze: None
) -> None:
    from implcheck import errors, start

    monkeypatch.setitem(sys.modules, "implcheck.cli", None)  # importing it fails, as a missing module does
    with pytest.raises(SystemExit) as done:
        start.main()
    assert done.value.code == errors.EXIT_BUG == start.EXIT_BUG
    assert capsys.readouterr().err == (
        "implcheck: internal error (ModuleNotFoundError: import of implcheck.cli halted; None in sys.modules): "
        "implcheck could not start, so nothing was checked. This is a broken install or a bug in implcheck, "
        "not a problem with your files: reinstall implcheck, and if it still fails, report it on the implcheck "
        "issue tracker.\n"
    )
    assert gc.isenabled()


# --- no loopholes: the installed command on files built from the shipped examples ---------------

IMPLCHECK = Path(sys.executable).with_name("implcheck")  # the console script installed beside python
EDTECH = load_checklist(ROOT / "checklists" / "edtech-readiness.yaml")
RECHECK = load_checklist(ROOT / "checklists" / "termly-recheck.yaml")


def example(name: str) -> dict[str, Any]:
    # BaseLoader keeps every answer as written: yes is the answer "yes", not True.
    data: dict[str, Any] = yaml.load((ROOT / "examples" / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return data


def said_yes(name: str) -> set[str]:
    """The items a shipped example answers yes."""
    answers = example(name)["answers"]
    return {k for k, v in answers.items() if (v["answer"] if isinstance(v, dict) else v) == "yes"}


def example_with(tmp_path: Path, name: str, file: str, changes: Mapping[str, object], **context: object) -> Path:
    """A shipped example with some answers (and context) changed, written to ``tmp_path / file``."""
    data = example(name)
    data["answers"].update(changes)
    data["context"].update(context)
    path = tmp_path / file
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def installed(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([IMPLCHECK, *map(str, args)], capture_output=True, text=True, check=False)


def reasons_of(*files: Path) -> dict[str, str]:
    done = installed("check", "--format", "json", *files)
    assert done.returncode == 0, done.stderr  # ready with conditions passes the default gate
    data = json.loads(done.stdout)
    assert data["verdict"] == "ready_with_conditions"
    return {reason["rule"]: reason["message"] for reason in data["reasons"]}


def test_a_single_weight_3_no_is_ready_with_conditions_naming_the_question(tmp_path: Path) -> None:
    item = next(i for i in EDTECH.items if i.weight == 3 and not i.critical)
    path = example_with(tmp_path, "edtech-readiness/strong.yaml", "one-no.yaml", {item.id: "no"})
    assert reasons_of(path) == {
        "weight-3-gap": f"1 item of the heaviest weight (3) answered no, a gap that on its own can stop it working: "
        f"“{shorten(item.question)}”"
    }
    text = installed("check", path).stdout
    assert "! READY WITH CONDITIONS   score " in text


def test_a_stage_over_a_quarter_na_is_ready_with_conditions_naming_stage_share_and_questions(tmp_path: Path) -> None:
    sustain = [i for s in RECHECK.sections if s.stage.value == "sustain" for i in s.items]
    na = [i for i in sustain if not i.critical][:4]
    changes: dict[str, object] = {i.id: "yes" for i in sustain if not i.critical}  # the example's own na too
    changes.update({i.id: {"answer": "na", "evidence": "Not relevant here"} for i in na})
    path = example_with(tmp_path, "termly-recheck/strong.yaml", "some-na.yaml", changes)
    assert reasons_of(path) == {
        "too-many-na": f"In Sustain, 4 of {len(sustain)} questions ({4 / len(sustain):.0%}) are answered "
        "“doesn't apply”, more than the 25% a stage may have for on track: "
        + "; ".join(f"“{shorten(i.question)}”" for i in na)
    }


def test_an_all_na_file_is_not_a_clean_ready(tmp_path: Path) -> None:
    changes = {i.id: {"answer": "na", "evidence": "Not relevant here"} for i in EDTECH.items if not i.critical}
    path = example_with(tmp_path, "edtech-readiness/strong.yaml", "all-na.yaml", changes)
    reasons = reasons_of(path)
    assert list(reasons) == ["too-many-na"]
    assert reasons["too-many-na"].startswith("In Explore, ")
    assert " In Prepare, " in reasons["too-many-na"]


def test_confidence_falls_with_disagreement_and_says_so(tmp_path: Path) -> None:
    leader = example_with(tmp_path, "edtech-readiness/strong.yaml", "leader.yaml", {})
    # A teacher's file answers only the teacher's questions: the leader's answers to them, then
    # the same with three yeses made partly.
    teachers = {item.id for item in EDTECH.asked(Role.TEACHER)}
    strong = example("edtech-readiness/strong.yaml")["answers"]
    unasked = {item_id: None for item_id in strong if item_id not in teachers}
    yes = said_yes("edtech-readiness/strong.yaml")
    yes_items = [i for i in EDTECH.asked(Role.TEACHER) if not i.critical and i.id in yes][:3]
    teacher = {"name": "T", "role": "teacher"}
    agree = example_with(tmp_path, "edtech-readiness/strong.yaml", "agree.yaml", unasked, respondent=teacher)
    differ = example_with(
        tmp_path,
        "edtech-readiness/strong.yaml",
        "differ.yaml",
        {**unasked, **{i.id: "partly" for i in yes_items}},
        respondent=teacher,
    )

    def confidence(*files: Path) -> float:
        return float(json.loads(installed("check", "--format", "json", *files).stdout)["confidence"])

    assert confidence(leader, agree) == confidence(leader) == 1.0
    sections = json.loads(installed("check", "--format", "json", leader).stdout)["sections"]
    applicable = sum(section["applicable"] for section in sections)
    assert confidence(leader, differ) == round((applicable - 1.5) / applicable, 3) < 1.0
    assert (  # wrapped to the width of a pipe, so compared word by word
        f"Confidence: share of questions answered and agreed on ({applicable} of {applicable} answered; "
        "respondents disagree on 3, "
        "each counted half) "
    ) in " ".join(installed("check", leader, differ).stdout.split())
