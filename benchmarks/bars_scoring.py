"""The scoring bars of issue 21, checked with the installed `implcheck check` on files built from
every shipped checklist: one PASS or FAIL line per bar, exit 1 if any fails.

    python benchmarks/bars_scoring.py

* an all-na file (every non-critical item na, with a reason; the critical ones yes) is not a
  clean READY;
* a single weight-3 no, with every other item yes, is not a clean READY;
* confidence falls when a second respondent disagrees, against one who agrees.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]


def implcheck() -> str:
    beside = Path(sys.executable).with_name("implcheck")  # the console script of this environment
    found = str(beside) if beside.exists() else shutil.which("implcheck")
    if found is None:
        raise SystemExit("implcheck is not installed: pip install -e . first")
    return found


def items(checklist: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for section in checklist["sections"] for item in section["items"]]


def answers_file(folder: Path, name: str, checklist_id: str, answers: dict[str, Any], role: str) -> Path:
    path = folder / name
    text = {
        "checklist": checklist_id,
        "context": {
            "school": "Bars Primary",
            "initiative": "Scoring bars",
            "term": "2026-autumn",
            "assessed_on": "2026-11-20",
            "respondent": {"name": name.removesuffix(".yaml"), "role": role},
        },
        "answers": answers,
    }
    path.write_text(yaml.safe_dump(text, sort_keys=False), encoding="utf-8")
    return path


def result(*files: Path) -> dict[str, Any]:
    done = subprocess.run(
        [implcheck(), "check", "--format", "json", *map(str, files)], capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 1):  # 1 is the gate: not ready is an answer, not an error
        raise RuntimeError(f"implcheck check exited {done.returncode}: {done.stderr.strip()}")
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def all_na(folder: Path, checklist: dict[str, Any]) -> tuple[bool, str]:
    answers = {
        item["id"]: "yes" if item["critical"] else {"answer": "na", "evidence": "Does not apply here"}
        for item in items(checklist)
    }
    got = result(answers_file(folder, "all-na.yaml", checklist["id"], answers, "senior-leader"))
    return got["verdict"] != "ready", f"{got['verdict']} {got['score']}"


def one_weight_3_no(folder: Path, checklist: dict[str, Any]) -> tuple[bool, str]:
    heavy = [item["id"] for item in items(checklist) if item["weight"] == 3 and not item["critical"]]
    verdicts = []
    for gap in heavy:  # each in turn: every one of them must hold
        answers = {item["id"]: "no" if item["id"] == gap else "yes" for item in items(checklist)}
        got = result(answers_file(folder, "one-no.yaml", checklist["id"], answers, "senior-leader"))
        verdicts.append((gap, got["verdict"]))
    clean = [gap for gap, verdict in verdicts if verdict == "ready"]
    detail = f"{len(heavy)} weight-3 items" + (f", ready with a no on {', '.join(clean)}" if clean else "")
    return bool(heavy) and not clean, detail


def disagreement(folder: Path, checklist: dict[str, Any]) -> tuple[bool, str]:
    every = items(checklist)
    yes = {item["id"]: "yes" for item in every}
    differ = dict(yes, **{item["id"]: "partly" for item in [i for i in every if not i["critical"]][:3]})
    leader = answers_file(folder, "leader.yaml", checklist["id"], yes, "senior-leader")
    agrees = answers_file(folder, "agrees.yaml", checklist["id"], yes, "teacher")
    differs = answers_file(folder, "differs.yaml", checklist["id"], differ, "teacher")
    agreed, disputed = result(leader, agrees)["confidence"], result(leader, differs)["confidence"]
    return disputed < agreed, f"agreed {agreed:.1%}, 3 disputed {disputed:.1%}"


BARS: dict[str, Callable[[Path, dict[str, Any]], tuple[bool, str]]] = {
    "an all-na file is not a clean READY": all_na,
    "a single weight-3 no is not a clean READY": one_weight_3_no,
    "confidence falls with disagreement": disagreement,
}


def main() -> int:
    checklists = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(ROOT.glob("checklists/*.yaml"))]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="implcheck-bars-") as temp:
        for bar, check in BARS.items():
            outcomes = []
            for checklist in checklists:
                folder = Path(temp) / checklist["id"] / bar.split()[1]
                folder.mkdir(parents=True, exist_ok=True)
                ok, detail = check(folder, checklist)
                outcomes.append((ok, f"{checklist['id']}: {detail}"))
            passed = all(ok for ok, _ in outcomes)
            failed += not passed
            print(f"{'PASS' if passed else 'FAIL'}  {bar}  ({'; '.join(detail for _, detail in outcomes)})")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
