"""Every command over every case of the hostile corpus (``hostile_corpus.py``, issue 9).

For each run: the exit code is 0, 1 or 2; there is never a traceback or an internal error; no
raw terminal escape or bidi override reaches the output; every ``path:line:col`` line names a
file of the case, and a refusal (exit 2) names one; no input changes (hashed before and after);
no run hangs. Most runs are in-process (CliRunner); FIFOs and devices run the installed command
in a subprocess, with a timeout to catch a hang.

Speed is not asserted here (tests assert no timings): ``benchmarks/hostile.py --corpus`` times
each of these runs against its goal of 2 s of CPU. The figures (cases, runs, slowest run) are
printed; see them with ``pytest -s``.

The whole module is marked ``slow`` (minutes on two cores): ``.ci/run`` runs it, the default
``pytest`` leaves it out.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hostile_corpus import Case, cases
from implcheck import safetext
from implcheck.cli import app

CASES = cases()
CATEGORIES = sorted({case.category for case in CASES})
OUTPUTS = ("out.html", "new.yaml", "implcheck-answers.schema.json")
# Files outside the case that a case's answers name as their checklist (issue 9.2 confines
# these; until then they are named in the messages about them).
REFERENCED = ("/etc/passwd", "../../../etc/hostname")
HANG_SECONDS = 60  # generous: a run that takes this long is hung, not slow
STATS: Counter[str] = Counter()
SLOWEST: list[tuple[float, str]] = [(0.0, "")]
runner = CliRunner()
pytestmark = pytest.mark.slow


def commands(case: Case, folder: Path) -> list[list[str]]:
    def at(name: str) -> str:
        return name if name.startswith("/") else str(folder / name)

    files = [at(name) for name in case.answers]
    if case.category == "output path":  # the commands that write
        target = at(case.output)
        return [
            ["report", "-f", "html", "-o", target, *files],
            ["report", "-f", "csv", "-o", target, *files],
            # --force overwrites what it is told to, except the checklist it reads
            ["init", at(case.checklist), "-o", target, *(["--force"] if target == at(case.checklist) else [])],
        ]
    if case.subprocess:  # devices and FIFOs as input: every command that reads, once
        return [["validate", *files], ["check", *files], ["report", "-o", "-", *files], ["show", at(case.checklist)]]
    every = sorted(str(p) for p in folder.rglob("*.yaml") if p.is_file()) if folder.is_dir() else []
    good = str(folder / "good.yaml")
    return [
        ["validate", *(every if case.category != "input path" else files)],
        ["check", *files],
        ["check", "-f", "json", *files],
        ["check", "-f", "markdown", *files],
        ["check", "-f", "github", *files],
        ["check", "-f", "junit", *files],
        ["check", "--baseline", files[0], good],
        ["report", "-f", "html", "-o", at(case.output), *files],
        ["report", "-f", "md", *files],
        ["report", "-f", "csv", *files],
        ["compare", files[0], good],
        ["show", at(case.checklist)],
        ["init", at(case.checklist), "-o", str(folder / "new.yaml")],
        *([["collect", str(folder), "-f", fmt] for fmt in ("text", "json", "md")] if folder.is_dir() else []),
    ]


def digests(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.name not in OUTPUTS and not path.is_fifo():
            found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def known_paths(case: Case, folder: Path, argv: list[str]) -> set[str]:
    names = {str(p) for p in folder.rglob("*")} | {str(folder / n) for n in case.answers} | set(argv[1:])
    names |= {str(folder / case.output), str(folder / case.checklist), str(folder), *REFERENCED}
    return {safetext.line(name) for name in names if name and not name.startswith("-")}


def problems_in(argv: list[str], code: int, out: str, err: str, known: set[str]) -> list[str]:
    found = []
    if code not in (0, 1, 2):
        found.append(f"exit code {code}")
    if "Traceback" in out + err or "internal error" in err:
        found.append("a traceback")
    text = out + err
    if "\x1b" in text or "\x07" in text:
        found.append("a raw terminal escape in the output")
    html = "<bdi>" in out
    for index, char in enumerate(text):
        if char == "\u202e" and not (html and text.rfind("<bdi>", 0, index) > text.rfind("</bdi>", 0, index)):
            found.append("a raw U+202E outside <bdi>")
            break
    for line in (err + (out if argv[0] == "validate" else "")).splitlines():
        body = line.removeprefix("implcheck: error: ")
        located = body.split(":", 3)
        is_located = len(located) == 4 and located[1].isdigit() and located[2].isdigit()
        if is_located and not any(body.startswith(f"{path}:") for path in known):
            found.append(f"a located line naming no file of the case: {line!r}")
    if code == 2 and not any(path in text for path in known):
        found.append(f"a refusal that names no path: {err.strip()!r}")
    return found


def run_in_process(argv: list[str]) -> tuple[int, str, str, float]:
    start = time.process_time()
    result = runner.invoke(app, argv)
    return result.exit_code, result.stdout, result.stderr, time.process_time() - start


def installed() -> list[str]:
    script = Path(sys.executable).parent / "implcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "implcheck"]


def run_subprocess(argv: list[str], fifo_output: Path | None) -> tuple[int, str, str, float]:
    reader = None
    if fifo_output is not None:
        reader = threading.Thread(target=fifo_output.read_bytes, daemon=True)
        reader.start()
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [*installed(), *argv],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=HANG_SECONDS,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return -1, "", "hung", HANG_SECONDS
    finally:
        if reader is not None:
            reader.join(5)
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - start


def run_case(case: Case, root: Path) -> list[str]:
    folder = root / case.name
    case.write(folder)
    before = digests(folder)
    failures = []
    for argv in commands(case, folder):
        known = known_paths(case, folder, argv)
        if case.subprocess:
            fifo = folder / case.output if case.output == "o.fifo" else None
            code, out, err, seconds = run_subprocess(argv, fifo)
            STATS["subprocess runs"] += 1
        else:
            code, out, err, seconds = run_in_process(argv)
            STATS["in-process runs"] += 1
        if code == -1:
            STATS["hangs"] += 1
        SLOWEST[0] = max(SLOWEST[0], (seconds, f"{case.name}: {argv[0]}"))
        written = folder / "out.html"
        if written.is_file():
            out += written.read_text(encoding="utf-8", errors="replace")
        wrong = problems_in(argv, code, out, err, known)
        failures += [f"{case.name}: implcheck {' '.join(map(repr, argv))} (exit {code}): {w}" for w in wrong]
        STATS["tracebacks"] += any("traceback" in w for w in wrong)
        for name in OUTPUTS:
            (folder / name).unlink(missing_ok=True)
    after = digests(folder)
    changed = [name for name in before if before[name] != after.get(name)]
    STATS["modified inputs"] += len(changed)
    failures += [f"{case.name}: input changed: {name}" for name in changed]
    STATS["cases"] += 1
    shutil.rmtree(folder, ignore_errors=True)
    return failures


def report_figures() -> str:
    return (
        f"hostile corpus so far: {STATS['cases']} cases, {STATS['in-process runs']} in-process and "
        f"{STATS['subprocess runs']} subprocess runs, {STATS['tracebacks']} tracebacks, "
        f"{STATS['modified inputs']} modified inputs, {STATS['hangs']} hangs, slowest run "
        f"{SLOWEST[0][0]:.2f} s ({SLOWEST[0][1]})"
    )


def test_the_corpus_is_big_and_covers_every_category() -> None:
    assert len(CASES) >= 150
    assert len({case.name for case in CASES}) == len(CASES)
    assert set(CATEGORIES) == {
        "encoding",
        "yaml",
        "answers field",
        "checklist field",
        "baseline",
        "input path",
        "output path",
    }


@pytest.mark.parametrize("category", [c for c in CATEGORIES if c not in ("input path", "output path")])
def test_every_command_survives_every_case(category: str, tmp_path: Path) -> None:
    failures = [f for case in CASES if case.category == category for f in run_case(case, tmp_path)]
    print(report_figures())
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("category", ["input path", "output path"])
def test_every_command_survives_every_path(category: str, tmp_path: Path) -> None:
    failures = [f for case in CASES if case.category == category for f in run_case(case, tmp_path)]
    print(report_figures())
    assert not failures, "\n".join(failures)
