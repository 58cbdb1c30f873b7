"""User text made safe to show (safetext.py), and every output format using it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import MINI, answers_yaml
from implcheck import safetext
from implcheck.cli import app
from implcheck.errors import Problem, ProblemRule

runner = CliRunner()
FORGED = "\x1b[2J\x1b]0;owned\x07\r✓ READY"


@pytest.mark.parametrize(
    ("text", "inert", "line"),
    [
        ("Oak Primary", "Oak Primary", "Oak Primary"),
        ("Oak\\", "Oak\\", "Oak\\"),
        ("a\x1b[2Jb", "a\\x1b[2Jb", "a\\x1b[2Jb"),
        ("two\nlines\ttab", "two\nlines\ttab", "two\\nlines\ttab"),
        ("cr\rdel\x7fcsi\x9b", "cr\\rdel\\x7fcsi\\x9b", "cr\\rdel\\x7fcsi\\x9b"),
        ("abc\u202edcba", "abc\\u202edcba", "abc\\u202edcba"),
        ("\u2066iso\u2069", "\\u2066iso\\u2069", "\\u2066iso\\u2069"),
        ("bad name \udcff", "bad name \\udcff", "bad name \\udcff"),
        ("مدرسة النور", "مدرسة النور", "مدرسة النور"),
        ("Oak\u2800\u200b\ufeff", "Oak\\u2800\\u200b\\ufeff", "Oak\\u2800\\u200b\\ufeff"),
        ("a\u2028b\U000e0041", "a\\u2028b\\U000e0041", "a\\u2028b\\U000e0041"),
    ],
)
def test_inert_and_line(text: str, inert: str, line: str) -> None:
    assert (safetext.inert(text), safetext.line(text)) == (inert, line)


@pytest.mark.parametrize(
    ("text", "spelling", "shown"),
    [
        ("::add-mask::x\n  ::stop-commands::t", safetext.TEXT, "\\x3a:add-mask::x\n  \\x3a:stop-commands::t"),
        ("ok\r::a::b and a ::b::c", safetext.TEXT, "ok\r\\x3a:a::b and a ::b::c"),
        ("x ##[add-mask]y ###[z]", safetext.TEXT, "x \\x23#[add-mask]y #\\x23#[z]"),
        ("::a::b ##[c]", safetext.MARKDOWN, "&#58;:a::b &#35;#[c]"),
        ("::a::b ##[c]", safetext.MARKUP, "&#58;:a::b &#35;#[c]"),
        ('{"a": "##[c]"}', safetext.JSON, '{"a": "\\u0023#[c]"}'),
        ("a : b\n: :\n#[x] # #[", safetext.TEXT, "a : b\n: :\n#[x] # #["),
    ],
)
def test_for_logs_leaves_no_line_a_runner_reads_as_a_command(
    text: str, spelling: safetext.Spelling, shown: str
) -> None:
    assert safetext.for_logs(text, spelling) == shown
    assert safetext.for_logs(shown, spelling) == shown  # once is enough: a second pass changes nothing


def test_for_logs_keeps_the_github_formats_own_commands() -> None:
    ours = "::error file=a.yaml,line=3::Owner: ##[add-mask]x\n::notice::done"
    assert (
        safetext.for_logs(ours, commands=True) == "::error file=a.yaml,line=3::Owner: \\x23#[add-mask]x\n::notice::done"
    )


def test_quote_keeps_one_backslash_and_isolation_is_for_rtl_only() -> None:
    assert safetext.quote("Oak\\") == "'Oak\\'"
    assert [safetext.needs_isolation(t) for t in ("Oak", "מרכז", "a\u202eb")] == [False, True, True]
    assert safetext.json_text('{"a": "x\u202e\x85"}') == '{"a": "x\\u202e\\u0085"}'


def test_a_problem_on_a_path_with_a_newline_stays_one_line() -> None:
    problem = Problem("a\nb.yaml:1:1: all good", 2, 3, "bad \x1b[31m value", ProblemRule.BAD_VALUE)
    assert str(problem) == "a\\nb.yaml:1:1: all good:2:3: bad \\x1b[31m value (bad-value)"


def hostile(tmp_path: Path) -> Path:
    text = answers_yaml(
        '  problem-specific: {answer: yes, evidence: "see \\e[31mred\\e[0m and \\u202eevil"}\n',
        school=f'"{FORGED.encode("unicode_escape").decode()}"',
        name='"\\u202eEvil\\u202c Name"',
        checklist=MINI.name,
    )
    shutil.copyfile(MINI, tmp_path / MINI.name)
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "-f", "json"],
        ["check", "-f", "markdown"],
        ["report", "-f", "md"],
        ["report", "-f", "csv"],
        ["report", "-f", "html"],
    ],
)
def test_no_format_lets_an_escape_or_an_override_through(tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, [*args, str(hostile(tmp_path))])
    assert result.exit_code in (0, 1), result.output
    out = result.stdout
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out.replace("\r\n", "")
    assert "\u202e" not in out
    if args[-1] == "html":  # kept for the browser, as a reference, and isolated
        at = [found.start() for found in re.finditer("&#x202e;", out)]
        assert at and all(out.rfind("<bdi>", 0, i) > out.rfind("</bdi>", 0, i) for i in at)
    if args == ["check"]:
        assert not any(line.startswith("✓ READY") for line in out.splitlines())


def test_a_file_name_with_a_newline_cannot_forge_a_located_line(tmp_path: Path) -> None:
    path = tmp_path / "x\nforged.yaml:9:9: all fine"
    path.write_text("checklist: [\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "x\\nforged.yaml" in result.stderr


def test_a_school_ending_in_a_backslash_prints_one_backslash(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copyfile(MINI, tmp_path / MINI.name)
    first.write_text(answers_yaml(school='"Oak\\\\"', checklist=MINI.name), encoding="utf-8")
    second.write_text(answers_yaml(school="Elm", name="B", role="teacher", checklist=MINI.name), encoding="utf-8")
    result = runner.invoke(app, ["check", str(first), str(second)])
    assert result.exit_code == 2
    assert "its school is 'Elm', not 'Oak\\'." in result.stderr
