"""Time and memory of implcheck on hostile and maximal files (issue 9.9).

    .venv/bin/python benchmarks/hostile.py [--implcheck PATH]

Each case is a file near the 1 MiB cap built to be slow to read (a flow list, a sea of short
keys, thousands of checklist items, one giant value, deep nesting) or the largest file that is
accepted. Every command runs it once in a fresh process; the table shows wall time and peak
memory (the child's maximum resident set). The goal: no file, accepted or not, takes over a
second or 100 MB. Pass ``--implcheck`` to measure another install (say, before a change).

    .venv/bin/python benchmarks/hostile.py --corpus [--only NAME]

runs, instead, every command over every case of the hostile corpus (``tests/hostile_corpus.py``)
in-process, exactly as ``tests/test_hostile.py`` does, and lists the slowest runs by CPU time.
The goal: none over 2 s. (The test checks what each run does; its speed is measured here.)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024
HEAD = "checklist: {checklist}\ncontext: {{school: Oak, initiative: X, term: 2026-autumn}}\n"


def checklist(items: int, sections: int = 1, text: str = "Is it ready") -> str:
    lines = ["id: big", "title: Big", "version: 1.0.0", "description: Many items.", "sections:"]
    per = items // sections
    for s in range(sections):
        lines += [f"  - id: s{s}", f"    title: Section {s}", "    stage: explore", "    items:"]
        lines += [
            f"      - {{id: i{s}-{i}, question: {text}, why: W, failure_mode: friction, weight: 1,"
            " critical: false, action: A, source: S}"
            for i in range(per)
        ]
    return "\n".join(lines) + "\n"


def answers_for(items: int, sections: int, evidence: int) -> str:
    per = items // sections
    body = "".join(
        f"  i{s}-{i}: {{answer: partly, evidence: {'e' * evidence}}}\n" for s in range(sections) for i in range(per)
    )
    return HEAD.format(checklist="big.yaml") + "answers:\n" + body


CASES: dict[str, Callable[[Path], list[Path]]] = {}


def case(name: str) -> Callable[[Callable[[Path], list[Path]]], Callable[[Path], list[Path]]]:
    def register(build: Callable[[Path], list[Path]]) -> Callable[[Path], list[Path]]:
        CASES[name] = build
        return build

    return register


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@case("1 MiB flow list")
def _flow(folder: Path) -> list[Path]:
    head = HEAD.format(checklist="edtech-readiness") + "answers: ["
    return [_write(folder, "flow.yaml", head + "1," * ((MIB - len(head) - 2) // 2) + "]\n")]


@case("1 MiB of short keys")
def _keys(folder: Path) -> list[Path]:
    head = HEAD.format(checklist="edtech-readiness") + "answers:\n"
    body, i = [], 0
    size = len(head)
    while size < MIB - 20:
        line = f"  k{i}: yes\n"
        body.append(line)
        size += len(line)
        i += 1
    return [_write(folder, "keys.yaml", head + "".join(body))]


@case("checklist of 6,478 items")
def _items(folder: Path) -> list[Path]:
    _write(folder, "big.yaml", checklist(6478, sections=7))
    return [_write(folder, "a.yaml", HEAD.format(checklist="big.yaml") + "answers: {}\n")]


@case("largest accepted checklist")
def _largest(folder: Path) -> list[Path]:
    _write(folder, "big.yaml", checklist(1000, sections=2))
    return [_write(folder, "a.yaml", answers_for(1000, 2, 900))]


@case("one 1 MiB value")
def _scalar(folder: Path) -> list[Path]:
    return [_write(folder, "scalar.yaml", HEAD.format(checklist="edtech-readiness") + "x: " + "a" * (MIB - 100) + "\n")]


@case("1 MiB of nesting")
def _nesting(folder: Path) -> list[Path]:
    return [_write(folder, "deep.yaml", "[" * (MIB // 2) + "]" * (MIB // 2) + "\n")]


COMMANDS = {"validate": ["validate"], "check": ["check"], "report": ["report", "-o", "{out}"]}


def run(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak MB and exit code of one run in a fresh process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


CORPUS_GOAL = 2.0  # seconds of CPU for one run over one case of the hostile corpus


def corpus(only: str) -> int:
    """Every command over every in-process case of the hostile corpus, timed; the slowest listed."""
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile_corpus import cases
    from test_hostile import commands, run_in_process

    timings: list[tuple[float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases():
            if case.subprocess or only not in case.name:  # devices and FIFOs: run, not timed, by the test
                continue
            folder = Path(tmp) / case.name
            case.write(folder)
            for argv in commands(case, folder):
                seconds = run_in_process(argv)[3]
                timings.append((seconds, f"{case.name}: implcheck {argv[0]}"))
            shutil.rmtree(folder, ignore_errors=True)
    timings.sort(reverse=True)
    for seconds, what in timings[:10]:
        print(f"{seconds:6.2f} s  {what}")
    slowest = timings[0][0] if timings else 0.0
    print(f"{len(timings)} runs; slowest {slowest:.2f} s of CPU (goal: under {CORPUS_GOAL:g} s)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--implcheck", default=str(Path(sys.executable).parent / "implcheck"))
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    parser.add_argument("--corpus", action="store_true", help="time every command over the hostile corpus instead")
    args = parser.parse_args()
    if args.corpus:
        return corpus(args.only)
    print(f"{'case':<28} {'command':<9} {'seconds':>8} {'MB':>6} {'exit':>4}")
    worst = (0.0, 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        for name, build in CASES.items():
            if args.only not in name:
                continue
            folder = Path(tmp) / name.replace(" ", "-").replace(",", "")
            folder.mkdir()
            files = [str(path) for path in build(folder)]
            for command, extra in COMMANDS.items():
                argv = [args.implcheck, *[part.format(out=folder / "r.html") for part in extra], *files]
                seconds, mb, code = run(argv)
                worst = (max(worst[0], seconds), max(worst[1], mb))
                print(f"{name:<28} {command:<9} {seconds:>8.2f} {mb:>6.0f} {code:>4}")
    print(f"slowest {worst[0]:.2f} s, most memory {worst[1]:.0f} MB (goal: under 1 s and 100 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
