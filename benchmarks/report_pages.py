"""How many A4 pages the governors' HTML report prints to, with evidence for every answer (issue 23).

    .venv/bin/python benchmarks/report_pages.py [--implcheck PATH] [--keep DIR]

For 1, 2 and 5 respondents (senior-leader, teacher, it, governor, other) it writes answers files
for the whole pre-procurement checklist (checklists/edtech-readiness.yaml): every item answered
with a realistic mix of yes, partly and no, each with a sentence of evidence (15 to 25 words). A
last run gives two respondents evidence of the documented maximum length (10,000 characters, with
an unbroken 300-character web address in it) in every answer. Each set is rendered with the
installed ``implcheck report``, opened in Debian's headless chromium (tests/browser/check_pages.cjs,
as the browser tests do), measured in print media against the A4 width and printed to an A4 PDF,
and its pages counted with pdfinfo (poppler-utils).

One PASS or FAIL line per check; exit 1 if any fails. The limits: at most 8 pages for one or two
respondents, 10 for five; nothing wider than the printed page, whatever the evidence. The run with
maximal evidence has no page limit (every gap is printed in full): its count is shown for
information. Needs ``bash .ci/setup-browser.sh``. ``--implcheck`` measures another install (say,
before a change).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHECKLIST = ROOT / "checklists" / "edtech-readiness.yaml"
CHECK_PAGES = ROOT / "tests" / "browser" / "check_pages.cjs"
ROLES = (
    ("senior-leader", "A. Leader"),
    ("teacher", "B. Teacher"),
    ("it", "C. Network"),
    ("governor", "D. Governor"),
    ("other", "E. Business Manager"),
)
LIMITS = {1: 8, 2: 8, 5: 10}
MAX_TEXT = 10_000  # characters in one value (src/implcheck/yamlsource.py, docs/security.md)
LONG_ADDRESS = "https://intranet.example.org/" + "EvidenceFolder" * 18 + "/minutes.pdf"

# What people write: a sentence naming who, what and when, 15-25 words.
EVIDENCE = {
    "yes": (
        "The deputy head presented this to the full governing body in October and the minutes record the decision.",
        "We checked this at the September staff meeting and every year group lead confirmed it in writing afterwards.",
        "The plan is in the shared drive with named owners, dates and a review point agreed by the leadership team.",
        "Our IT technician tested it on the Year 5 laptops and the hall network before half term without problems.",
        "The data protection officer signed off the impact assessment on 3 November and checked the contract clauses.",
        "Teachers in the pilot classes used it three times a week for six weeks and logged each session.",
        "The budget line is in the three-year plan approved by the finance committee, including renewal next year.",
    ),
    "partly": (
        "Most teachers have had the training, but the two part-time staff in Year 3 missed it and have not caught up.",
        "The lead is named but only has one afternoon a fortnight, which usually goes on cover for absent colleagues.",
        "We have the login data from the supplier, but nobody has yet looked at it by class or by pupil group.",
        "It works on the new laptops; the older tablets in Key Stage 1 crash when more than ten pupils log in.",
        "Staff were told why at the INSET day, but several teachers said in the survey they do not see the point.",
        "A review is planned for February, but we have not agreed what we will measure or what would make us stop.",
    ),
    "no": (
        "Nobody has looked at this yet; it was raised at the last leadership meeting and deferred to next term.",
        "There is no written plan for this and the supplier's onboarding pack does not cover it for schools like ours.",
        "The single sign-on is not set up, so pupils type a username and password every lesson and lose ten minutes.",
        "We have not asked pupils or parents what they think, and there is no date in the calendar to do so.",
        "The contract renews automatically in August and nobody has costed the second and third years of the licence.",
    ),
}


def items() -> list[str]:
    data = yaml.safe_load(CHECKLIST.read_text(encoding="utf-8"))
    return [item["id"] for section in data["sections"] for item in section["items"]]


def answers(respondents: int, seed: int = 23) -> list[dict[str, str]]:
    """One mapping of item id -> answer per respondent. Each item has a true state (yes 60%,
    partly 25%, no 15%); each respondent sees it, or a step either side one time in five."""
    rng = random.Random(seed)
    scale = ("no", "partly", "yes")
    sheets: list[dict[str, str]] = [{} for _ in range(respondents)]
    for item_id in items():
        truth = rng.choices(range(3), weights=(15, 25, 60))[0]
        for sheet in sheets:
            seen = truth if rng.random() < 0.8 else min(2, max(0, truth + rng.choice((-1, 1))))
            sheet[item_id] = scale[seen]
    return sheets


def long_evidence(sentence: str) -> str:
    """Evidence of exactly the maximum length: the sentence repeated, with a long web address."""
    text = f"{sentence} See {LONG_ADDRESS} for the file. "
    while len(text) < MAX_TEXT:
        text += sentence + " "
    return text[: MAX_TEXT - 1] + "."


def write_files(folder: Path, respondents: int, *, longest: bool = False) -> list[Path]:
    rng = random.Random(respondents)
    paths = []
    for (role, name), sheet in zip(ROLES, answers(respondents), strict=False):
        lines = [
            "checklist: edtech-readiness",
            "context:",
            "  school: Oakfield Primary",
            "  initiative: Reading comprehension platform for Key Stage 2",
            "  term: 2026-autumn",
            "  assessed_on: 2026-11-20",
            f"  respondent: {{name: {name}, role: {role}}}",
            "answers:",
        ]
        for item_id, answer in sheet.items():
            sentence = rng.choice(EVIDENCE[answer])
            evidence = long_evidence(sentence) if longest else sentence
            lines += [f"  {item_id}:", f"    answer: {answer}", f"    evidence: {json.dumps(evidence)}"]
        path = folder / f"{role}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def pages(pdf: str) -> int:
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(info.split("Pages:")[1].split()[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--implcheck", default=str(Path(sys.executable).parent / "implcheck"))
    parser.add_argument("--keep", default="", help="write the answers, reports and PDFs here")
    args = parser.parse_args()
    for sheet_words in (len(s.split()) for group in EVIDENCE.values() for s in group):
        assert 15 <= sheet_words <= 25, sheet_words
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep or tmp)
        runs = {f"{n} respondent{'s' if n > 1 else ''}": (n, False) for n in LIMITS}
        runs["2 respondents, maximal evidence"] = (2, True)
        reports = {}
        for label, (n, longest) in runs.items():
            folder = base / label.replace(" ", "-").replace(",", "")
            folder.mkdir(parents=True, exist_ok=True)
            report = folder / f"{folder.name}.html"
            files = [str(p) for p in write_files(folder, n, longest=longest)]
            subprocess.run([args.implcheck, "report", *files, "-o", str(report)], check=True, capture_output=True)
            reports[label] = report
        done = subprocess.run(
            ["node", str(CHECK_PAGES), "--pdf", str(base), "--layout", *map(str, reports.values())],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 2
        found = json.loads(done.stdout)
        failed = False
        for label, report in reports.items():
            entry = found[str(report.resolve())]
            count = pages(entry["pdf"])
            n, longest = runs[label]
            if longest:
                print(f"INFO {label}: {count} pages (no limit: every gap is printed in full)")
            else:
                ok = count <= LIMITS[n]
                failed |= not ok
                print(f"{'PASS' if ok else 'FAIL'} {label}: {count} pages (limit {LIMITS[n]})")
            wide = entry["overflow"]
            failed |= bool(wide)
            detail = "".join(f"; {w['element']} reaches {w['right']:.0f} px" for w in wide[:5])
            width = f"{entry['page_width']:.0f} px"
            print(f"{'FAIL' if wide else 'PASS'} {label}: nothing wider than the A4 page ({width}){detail}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
