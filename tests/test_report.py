"""``implcheck report``: the command (commands/report.py), the CLI wiring and the format registry."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from helpers import MINI, ROOT, Write, answers_yaml
from implcheck.cli import app
from implcheck.commands import report as report_cmd
from implcheck.present import ReportFormat, render_report
from report_helpers import ALL_INPUTS, PAIR

runner = CliRunner()


def invoke(*args: object) -> Result:
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("fmt", list(ReportFormat))
@pytest.mark.parametrize("name", sorted(ALL_INPUTS))
def test_every_input_renders_in_every_format_the_same_bytes_twice(name: str, fmt: ReportFormat) -> None:
    paths = ALL_INPUTS[name]
    first = report_cmd.run(list(paths), fmt)
    second = report_cmd.run(list(paths), fmt)
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    assert first.stdout.encode("utf-8") == second.stdout.encode("utf-8")
    assert "Verdict: " in first.stdout or fmt is ReportFormat.CSV


def test_generated_at_appears_only_when_given() -> None:
    result_html = report_cmd.run(list(PAIR), ReportFormat.HTML, generated_at="4 December 2026").stdout
    assert "Generated 4 December 2026." in result_html
    assert "Generated" not in report_cmd.run(list(PAIR), ReportFormat.HTML).stdout
    result_md = report_cmd.run(list(PAIR), ReportFormat.MD, generated_at="4 December 2026").stdout
    # the footer's two sentences are two paragraphs, not run together
    assert "leader.yaml, teacher.yaml. Generated 4 December 2026.\n\nThe verdict, score and actions" in result_md


def test_writes_the_file_atomically_with_a_note_on_stderr(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    outcome = report_cmd.run(list(PAIR), ReportFormat.HTML, target)
    assert outcome.stdout == ""
    assert outcome.exit_code == 0
    assert outcome.stderr == f"implcheck: wrote {target} (html; verdict: off track)\n"
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_dash_means_stdout() -> None:
    outcome = report_cmd.run(list(PAIR), ReportFormat.MD, Path("-"))
    assert outcome.stdout.startswith("# Readiness report: Castle Brook Academy")


def test_cli_report_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    result = invoke("report", *PAIR, "--format", "md")
    assert result.exit_code == 0, result.output
    assert "### ⛔ Verdict: Off track" in result.stdout
    out = tmp_path / "actions.csv"
    result = invoke("report", *PAIR, "-f", "csv", "-o", out)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"implcheck: wrote {out} (csv; verdict: off track)\n"
    assert out.read_bytes().startswith(b"\xef\xbb\xbfitem,question,failure mode")


def test_cli_report_is_not_a_gate_even_when_not_ready(write: Write) -> None:
    path = write("a.yaml", answers_yaml("  problem-specific: no\n"))
    result = invoke("report", path)
    assert result.exit_code == 0
    assert "Verdict: Not ready" in result.stdout


def test_cli_report_bad_input_exits_2_with_a_located_message(write: Write) -> None:
    path = write("a.yaml", answers_yaml("  problem-specific: maybe\n"))
    result = invoke("report", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{path}:9:21: ")
    assert "maybe" in result.stderr


def test_cli_report_into_a_missing_folder_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "nope" / "r.html"
    result = invoke("report", *PAIR, "-o", target)
    assert result.exit_code == 2
    assert result.stderr == (f"implcheck: error: {target}: cannot write: the folder {target.parent} does not exist\n")
    assert not target.parent.exists()


def test_cli_report_rejects_an_unknown_format() -> None:
    result = invoke("report", *PAIR, "--format", "pdf")
    assert result.exit_code == 2
    assert "'pdf' is not one of 'html', 'md', 'markdown', 'csv'" in result.stderr


def test_check_never_imports_jinja_and_report_does() -> None:
    code = (
        "import sys\n"
        "from implcheck.cli import app\n"
        "from typer.testing import CliRunner\n"
        f"CliRunner().invoke(app, ['check', '-f', 'json', {str(PAIR[0])!r}])\n"
        "print('jinja2' in sys.modules)\n"
        f"CliRunner().invoke(app, ['report', {str(PAIR[0])!r}])\n"
        "print('jinja2' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.split() == ["False", "True"]


def test_render_report_for_a_single_mini_file(write: Write) -> None:
    from report_helpers import result_of

    path = write("a.yaml", answers_yaml("  problem-specific: yes\n  owner-named: yes\n  single-sign-on: yes\n"))
    html = render_report(result_of([path]), ReportFormat.HTML)
    # training-planned unknown: 75% confidence meets the mini checklist's bar, so ready.
    assert '<p class="verdict-label">Verdict: Ready</p>' in html
    assert "Approve the purchase, and ask for the termly re-check to be reported next term." in html
    assert "1 question still unanswered (confidence 75%): ask who will find out, and by when." in html
    assert "Only one respondent answered (senior-leader (A. Leader))." in html
    assert f"and {path.name}." in html and MINI.name not in html  # the footer names the answers files


# --- at a terminal without -o: a file named after the answers, never HTML on the screen ----------


@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    from implcheck import cli

    monkeypatch.setattr(cli, "stdout_is_terminal", lambda: True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_at_a_terminal_the_report_goes_to_a_file_named_after_the_answers(at_a_terminal: Path) -> None:
    result = invoke("report", *PAIR)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        "implcheck: wrote leader-report.html (html; verdict: off track)\n"
        "  (at a terminal the report goes to a file: -o chooses its name, '-o -' prints it here)\n"
    )
    assert (at_a_terminal / "leader-report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert invoke("report", *PAIR, "-f", "markdown").exit_code == 0
    assert invoke("report", *PAIR, "-f", "csv").exit_code == 0
    assert sorted(p.name for p in at_a_terminal.iterdir()) == [
        "leader-report.csv",
        "leader-report.html",
        "leader-report.md",
    ]


def test_at_a_terminal_an_existing_report_is_kept_without_force(at_a_terminal: Path) -> None:
    kept = at_a_terminal / "leader-report.html"
    kept.write_text("last term's report\n", encoding="utf-8")
    (at_a_terminal / "leader-report-2.html").symlink_to("nowhere")  # taken, even pointing nowhere
    result = invoke("report", *PAIR)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        "implcheck: leader-report.html is already there, so this report is leader-report-3.html "
        "(--force replaces leader-report.html)\n"
        "implcheck: wrote leader-report-3.html (html; verdict: off track)\n"
        "  (at a terminal the report goes to a file: -o chooses its name, '-o -' prints it here)\n"
    )
    assert kept.read_text(encoding="utf-8") == "last term's report\n"
    assert (at_a_terminal / "leader-report-3.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    forced = invoke("report", *PAIR, "--force")
    assert (forced.exit_code, forced.stderr.splitlines()[0]) == (
        0,
        "implcheck: wrote leader-report.html (html; verdict: off track)",
    )
    assert kept.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_at_a_terminal_dash_still_prints_and_o_still_names(at_a_terminal: Path) -> None:
    result = invoke("report", *PAIR, "-f", "md", "-o", "-")
    assert result.stdout.startswith("# Readiness report: Castle Brook Academy")
    result = invoke("report", *PAIR, "-o", "governors.html")
    assert result.stderr == "implcheck: wrote governors.html (html; verdict: off track)\n"
    assert sorted(p.name for p in at_a_terminal.iterdir()) == ["governors.html"]


@pytest.mark.slow
def test_in_a_real_terminal_no_html_reaches_the_screen(tmp_path: Path) -> None:
    import pexpect

    implcheck = str(Path(sys.executable).parent / "implcheck")
    child = pexpect.spawn(implcheck, ["report", *map(str, PAIR)], cwd=str(tmp_path), encoding="utf-8", timeout=60)
    screen = child.read()
    child.close()
    assert child.exitstatus == 0
    assert "<" not in screen
    assert screen.startswith("implcheck: wrote leader-report.html (html; verdict: off track)")
    piped = subprocess.run([implcheck, "report", *map(str, PAIR)], capture_output=True, text=True, check=False)
    assert piped.stdout.startswith("<!DOCTYPE html>")
