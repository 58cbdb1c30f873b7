"""The speed targets of issue 11 as ratios, all measured side by side in one run (`make bench`).

    P1 start-up   CPU of `implcheck check FILE` / CPU of `python -c "import typer, yaml"`   <= 2
    P2 portfolio  throughput of `implcheck portfolio` on 10,000 files / throughput of merely
                  parsing the same files with yaml.CSafeLoader in one process                >= 0.5
                  time at 10,000 files / time at 1,000 files                                 <= 11
                  peak memory at 10,000 files                                                <= 200 MB
    P3 report     CPU of `implcheck report` (HTML, 3 respondents, with a baseline when
                  `report --baseline` exists) / CPU of `check` of the same files              <= 2

Commands run as a user runs them: the installed entry point, in a fresh process. Cases are
interleaved and each figure is a median, so a busy machine slows all sides alike. CPU time (user +
system, from the kernel's accounting of each child) is steadier than wall time on a shared
machine; wall time is printed too. Timings live here, never in unit tests.

    python benchmarks/bench.py [--runs 9] [--only p1,p2,p3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from make_trust import write_trust  # a script's own folder is on sys.path

ROOT = Path(__file__).resolve().parents[1]
# P1: start-up within twice the import floor, with standard dataclasses (issue 22 withdrew the
# 1.5 that led to a hand-made replacement for them).
START_UP_BAR = 2.0
BIN = Path(sys.executable).parent
IMPLCHECK = str(BIN / "implcheck")
EXAMPLE = ROOT / "examples" / "edtech-readiness" / "trap.yaml"
PARSE_ONLY = """
import os, sys, yaml
for root in sys.argv[1:]:
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(('.yaml', '.yml')):
                with open(os.path.join(folder, name), encoding='utf-8') as handle:
                    yaml.load(handle.read(), Loader=yaml.CSafeLoader)
"""


@dataclass(frozen=True)
class Sample:
    cpu: float  # seconds, user + system
    wall: float  # seconds
    peak_mb: float  # maximum resident set size


def run(args: list[str]) -> Sample:
    """Run once, as a child of its own, and read the kernel's accounting of it."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return Sample(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def medians(cases: dict[str, list[str]], runs: int) -> dict[str, Sample]:
    """Interleave the cases (a, b, a, b, ...) and take each one's median."""
    samples: dict[str, list[Sample]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, args in cases.items():
            samples[name].append(run(args))
    return {
        name: Sample(
            statistics.median(s.cpu for s in got),
            statistics.median(s.wall for s in got),
            max(s.peak_mb for s in got),
        )
        for name, got in samples.items()
    }


def line(name: str, sample: Sample) -> str:
    cpu, wall = sample.cpu * 1000, sample.wall * 1000
    return f"  {name:<44} cpu {cpu:8.1f} ms   wall {wall:8.1f} ms   peak {sample.peak_mb:6.1f} MB"


def verdict(label: str, ratio: float, bar: float, *, at_most: bool = True) -> str:
    ok = ratio <= bar if at_most else ratio >= bar
    return f"  {label:<58} {ratio:6.2f}  ({'at most' if at_most else 'at least'} {bar:g}: {'PASS' if ok else 'FAIL'})"


def has(command: str, flag: str = "") -> bool:
    result = subprocess.run([IMPLCHECK, command, "--help"], capture_output=True, text=True, check=False)
    return result.returncode == 0 and flag in result.stdout


FLOOR = 'python -c "import typer, yaml"'


def p1_medians(runs: int) -> dict[str, Sample]:
    return medians(
        {
            FLOOR: [sys.executable, "-c", "import typer, yaml"],
            "implcheck check FILE": [IMPLCHECK, "check", str(EXAMPLE)],
            "implcheck check --format json FILE": [IMPLCHECK, "check", "--format", "json", str(EXAMPLE)],
        },
        runs,
    )


def p1_ratios(got: dict[str, Sample]) -> dict[str, float]:
    """Each command's CPU over the import floor's: ``{"check FILE": 1.4, ...}``."""
    base = got[FLOOR].cpu
    return {name.removeprefix("implcheck "): sample.cpu / base for name, sample in got.items() if name != FLOOR}


def p1(runs: int) -> list[str]:
    got = p1_medians(runs)
    return [
        "P1 start-up",
        *(line(name, sample) for name, sample in got.items()),
        *(verdict(f"{name} / import typer, yaml (CPU)", ratio, START_UP_BAR) for name, ratio in p1_ratios(got).items()),
    ]


def compile_sources() -> None:
    """pip compiles an installed wheel's bytecode; an editable checkout run with
    PYTHONDONTWRITEBYTECODE would recompile every module on every run and measure that instead."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)


def p2(runs: int, work: Path) -> list[str]:
    small, large = work / "trust-1k", work / "trust-10k"
    write_trust(small, 1_000)
    write_trust(large, 10_000)
    if not has("portfolio"):
        return ["P2 portfolio", "  not measured: this implcheck has no portfolio command"]
    cases = {
        "parse 10,000 files with yaml.CSafeLoader": [sys.executable, "-c", PARSE_ONLY, str(large)],
        "implcheck portfolio (1,000 files) --format json": [IMPLCHECK, "portfolio", "--format", "json", str(small)],
        "implcheck portfolio (10,000 files) --format json": [IMPLCHECK, "portfolio", "--format", "json", str(large)],
    }
    jobs = os.cpu_count() or 1
    if jobs > 1:
        cases[f"implcheck portfolio (10,000 files) --jobs {jobs}"] = [
            *cases["implcheck portfolio (10,000 files) --format json"],
            "--jobs",
            str(jobs),
        ]
    got = medians(cases, max(1, runs // 2))
    parse = got["parse 10,000 files with yaml.CSafeLoader"]
    one_k = got["implcheck portfolio (1,000 files) --format json"]
    ten_k = got["implcheck portfolio (10,000 files) --format json"]
    lines = [
        "P2 portfolio",
        *(line(name, sample) for name, sample in got.items()),
        verdict(
            "throughput: portfolio / CSafeLoader parse (CPU, 10,000 files)", parse.cpu / ten_k.cpu, 0.5, at_most=False
        ),
        verdict(
            "throughput: portfolio / CSafeLoader parse (wall, 10,000 files)",
            parse.wall / ten_k.wall,
            0.5,
            at_most=False,
        ),
    ]
    if jobs > 1:
        pooled = got[f"implcheck portfolio (10,000 files) --jobs {jobs}"]
        lines.append(
            verdict(
                f"throughput: --jobs {jobs} / CSafeLoader parse (wall)", parse.wall / pooled.wall, 0.5, at_most=False
            )
        )
    return [
        *lines,
        verdict("linear: 10,000 files / 1,000 files (CPU)", ten_k.cpu / one_k.cpu, 11),
        verdict("peak memory at 10,000 files (MB)", ten_k.peak_mb, 200),
    ]


def p3(runs: int, work: Path) -> list[str]:
    trust = work / "trust-1k"
    if not trust.is_dir():
        write_trust(trust, 1_000)
    term = trust / "schools" / "school-00001" / "accelerated-reader"
    files = [str(path) for path in sorted((term / "2026-autumn").glob("*.yaml"))]
    report = [IMPLCHECK, "report", "--format", "html", *files]
    baseline = "without a baseline: this implcheck's report has no --baseline"
    if has("report", "--baseline"):
        report += ["--baseline", *sorted(str(p) for p in (term / "2026-summer").glob("*.yaml"))]
        baseline = "with the previous term as baseline"
    got = medians(
        {"implcheck check (3 respondents)": [IMPLCHECK, "check", *files], "implcheck report --format html": report},
        runs,
    )
    return [
        f"P3 report ({baseline})",
        *(line(name, sample) for name, sample in got.items()),
        verdict(
            "report / check (CPU)",
            got["implcheck report --format html"].cpu / got["implcheck check (3 respondents)"].cpu,
            2,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="issue 11's speed targets, as ratios")
    parser.add_argument(
        "--runs", type=int, default=9, help="runs per case (P1 three times as many, P2 half); default 9"
    )
    parser.add_argument("--only", default="p1,p2,p3", help="comma-separated: p1, p2, p3")
    args = parser.parse_args(argv)
    wanted = set(args.only.split(","))
    compile_sources()
    with tempfile.TemporaryDirectory(prefix="implcheck-bench-") as tmp:
        work = Path(tmp)
        steps: dict[str, Callable[[], list[str]]] = {
            # A start-up is a tenth of a second, and a busy machine moves it by as much as the
            # difference measured: three times the runs steady its medians, for a few seconds.
            "p1": lambda: p1(args.runs * 3),
            "p2": lambda: p2(args.runs, work),
            "p3": lambda: p3(args.runs, work),
        }
        for name, step in steps.items():
            if name in wanted:
                print("\n".join(step()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
