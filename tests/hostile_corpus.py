"""A hostile corpus, generated: every way a school's file, a checklist or a path can be wrong.

``tests/test_hostile.py`` runs every command over every case. To look at the files themselves:

    .venv/bin/python tests/hostile_corpus.py /tmp/corpus     # writes one folder per case

Each case is a folder holding ``list.yaml`` (a checklist), ``good.yaml`` (valid answers to it)
and the hostile file or files; ``Case.answers`` names what is given to ``check`` and ``report``,
``Case.checklist`` what is given to ``show`` and ``init``. Categories follow issue 9: encodings,
YAML features, wrong types and values for every field of all three file kinds (checklist,
answers, a baseline term), input paths and output paths.
"""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
MINI_TEXT = (HERE / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
MINI: dict[str, Any] = yaml.safe_load(MINI_TEXT)
ANSWERS: dict[str, Any] = {
    "checklist": "list.yaml",
    "context": {
        "school": "Oakfield Primary",
        "initiative": "Pobble",
        "term": "2026-autumn",
        "assessed_on": "2026-11-20",
        "respondent": {"name": "A. Leader", "role": "senior-leader"},
    },
    "answers": {
        "problem-specific": {"answer": "yes", "evidence": "Reading data", "date": "2026-11-01"},
        "owner-named": "yes",
        "single-sign-on": "partly",
        "training-planned": "no",
    },
}
MIB = 1024 * 1024


def dump(data: object) -> bytes:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000).encode("utf-8")


GOOD = dump(ANSWERS)


@dataclass
class Case:
    name: str
    category: str
    files: dict[str, bytes] = field(default_factory=dict)  # beside list.yaml and good.yaml
    answers: tuple[str, ...] = ("a.yaml",)
    checklist: str = "list.yaml"
    output: str = "out.html"  # report's -o: a name in the folder, or an absolute path
    setup: Callable[[Path], None] | None = None  # makes FIFOs, links and the like
    subprocess: bool = False  # FIFOs and devices: run the installed command, with a timeout

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in {"list.yaml": MINI_TEXT.encode(), "good.yaml": GOOD, **self.files}.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if self.setup is not None:
            self.setup(folder)


def _set(data: Any, path: tuple[Any, ...], value: object) -> Any:
    """A deep copy of ``data`` with the value at ``path`` replaced (or removed, for ``...``)."""
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def answers_text(replace: str = "", by: str = "") -> bytes:
    return GOOD.decode().replace(replace, by, 1).encode() if replace else GOOD


# --- encodings ------------------------------------------------------------------------------


def _encodings() -> Iterator[Case]:
    text = GOOD.decode()
    yield Case("utf-16-le-bom", "encoding", {"a.yaml": text.encode("utf-16")})
    yield Case("utf-16-be", "encoding", {"a.yaml": text.encode("utf-16-be")})
    yield Case("utf-32", "encoding", {"a.yaml": text.encode("utf-32")})
    yield Case("utf-8-bom", "encoding", {"a.yaml": b"\xef\xbb\xbf" + GOOD})
    yield Case("bom-only", "encoding", {"a.yaml": b"\xef\xbb\xbf"})
    yield Case("latin-1-school", "encoding", {"a.yaml": GOOD.replace(b"Oakfield", "Oakfiéld".encode("latin-1"))})
    yield Case("invalid-utf8-in-key", "encoding", {"a.yaml": GOOD.replace(b"school", b"sch\xffool")})
    yield Case("invalid-utf8-in-comment", "encoding", {"a.yaml": b"# \xc3\x28\n" + GOOD})
    yield Case("truncated-utf8", "encoding", {"a.yaml": GOOD + b"# \xe2\x82"})
    yield Case("nul-byte", "encoding", {"a.yaml": GOOD.replace(b"Pobble", b"Pob\x00ble")})
    yield Case("nul-everywhere", "encoding", {"a.yaml": b"\x00".join(GOOD[i : i + 1] for i in range(len(GOOD)))})
    for code in (0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x7F, 0x9B):
        yield Case(f"raw-control-{code:02x}", "encoding", {"a.yaml": answers_text("Pobble", f"Pob{chr(code)}ble")})
    escapes = {
        "escape-clear-screen": r"\e[2J\e[H",
        "escape-osc-title": r"\e]0;owned\a",
        "escape-forged-ready": r"\r\u2713 READY   score 100/100",
        "escape-c1-csi": r"\x9b31m",
        "escape-backspaces": r"abc\b\b\bxyz",
        "escape-rlo": r"\u202eloohcs",
        "escape-isolates": r"\u2066\u2067\u2068\u2069",
        "escape-lone-surrogate": r"\udce9",
        "escape-nul": r"a\0b",
        "escape-newline-forgery": r"Oak\nfile.yaml:1:1: all fine",
    }
    for name, escape in escapes.items():
        data = answers_text("school: Oakfield Primary", f'school: "{escape}"')
        yield Case(name, "encoding", {"a.yaml": data.replace(b"Reading data", f'"{escape}"'.encode())})
    yield Case("rtl-school", "encoding", {"a.yaml": answers_text("Oakfield Primary", "مدرسة النور")})
    yield Case("bidi-raw-in-evidence", "encoding", {"a.yaml": answers_text("Reading data", "abc\u202edef\u2067x")})
    yield Case("crlf", "encoding", {"a.yaml": GOOD.replace(b"\n", b"\r\n")})
    yield Case("cr-only", "encoding", {"a.yaml": GOOD.replace(b"\n", b"\r")})
    yield Case("empty-file", "encoding", {"a.yaml": b""})
    yield Case("whitespace-only", "encoding", {"a.yaml": b"  \n\n\t\n"})
    yield Case("comment-only", "encoding", {"a.yaml": b"# nothing here\n"})
    yield Case("school-ends-in-backslash", "encoding", {"a.yaml": answers_text("Oakfield Primary", '"Oak\\\\"')})
    yield Case("tab-after-value", "encoding", {"a.yaml": answers_text("owner-named: 'yes'", "owner-named: yes\t")})


# --- YAML features --------------------------------------------------------------------------


def _yaml_features() -> Iterator[Case]:
    head = GOOD.decode()
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    features = {
        "alias": head.replace("owner-named: 'yes'", "owner-named: &y 'yes'\n  training-planned: *y").replace(
            "  training-planned: 'no'\n", "", 1
        ),
        "anchor-unused": head.replace("owner-named: 'yes'", "owner-named: &y 'yes'"),
        "billion-laughs": "checklist: list.yaml\n" + laughs,
        "merge-key": head + "extra: &base {school: X}\nmore:\n  <<: *base\n",
        "merge-key-inline": head.replace("context:\n", "context:\n  <<: {term: x}\n"),
        "value-key": head.replace("answers:\n", "answers:\n  =: yes\n"),
        "tag-float-value": head.replace("'yes'", "!!float abc", 1),
        "tag-int-value": head.replace("'yes'", "!!int zz", 1),
        "tag-bool-value": head.replace("'yes'", "!!bool maybe", 1),
        "tag-timestamp-value": head.replace("'yes'", "!!timestamp foo", 1),
        "tag-float-key": head.replace("owner-named:", "!!float abc:"),
        "tag-int-key": head.replace("owner-named:", "!!int zz:"),
        "tag-bool-key": head.replace("owner-named:", "!!bool maybe:"),
        "tag-timestamp-key": head.replace("owner-named:", "!!timestamp foo:"),
        "tag-python-object": head.replace("'yes'", "!!python/object/apply:os.system [echo owned]", 1),
        "tag-binary": head.replace("'yes'", "!!binary aGVsbG8=", 1),
        "tag-local": head.replace("'yes'", "!custom yes", 1),
        "tag-set": head.replace("answers:\n", "answers: !!set\n", 1),
        "tag-omap": head.replace("answers:\n", "answers: !!omap\n", 1),
        "tag-str-on-mapping": head.replace("context:\n", "context: !!str\n", 1),
        "tag-huge-int": head.replace("'yes'", "!!int " + "9" * 5000, 1),
        "flow-document": yaml.safe_dump(ANSWERS, default_flow_style=True, width=100000),
        "multi-document": head + "---\n" + head,
        "document-end-marker": head + "...\n",
        "yaml-directive": "%YAML 1.1\n---\n" + head,
        "tag-directive": "%TAG !e! tag:example.com,2000:\n---\n" + head,
        "deep-flow-nesting": head + "deep: " + "[" * 200 + "]" * 200 + "\n",
        "deep-block-nesting": head + "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "x\n",
        "nesting-just-allowed": head + "deep: " + "[" * 38 + "]" * 38 + "\n",
        "flow-list-1mib": "checklist: list.yaml\nanswers: [" + "1," * ((MIB - 40) // 2) + "]\n",
        "short-keys-1mib": "checklist: list.yaml\nanswers:\n" + "".join(f"  k{i}: yes\n" for i in range(90_000)),
        "huge-scalar": head.replace("Reading data", "x" * (MIB - 2000)),
        "long-evidence-allowed": head.replace("Reading data", "word " * 1999),
        "huge-key": head.replace("owner-named:", "k" * 20000 + ":"),
        "complex-key": head + "? [a, b]\n: c\n",
        "duplicate-key": head + "checklist: list.yaml\n",
        "null-key": head.replace("answers:\n", "answers:\n  ~: yes\n"),
        "int-key": head.replace("answers:\n", "answers:\n  12: yes\n"),
        "bool-key": head.replace("answers:\n", "answers:\n  true: yes\n"),
        "tab-indentation": head.replace("  school", "\tschool"),
        "unterminated-quote": head.replace("'yes'", "'yes", 1),
        "root-scalar": "just text\n",
        "root-list": "- checklist: list.yaml\n",
        "root-null": "~\n",
        "block-scalar-school": head.replace("school: Oakfield Primary", "school: |\n    Oak\n    ✓ READY"),
        "over-1mib": head + "# " + "x" * MIB + "\n",
        "many-values": "checklist: list.yaml\nx:\n" + "".join(f"  - [{','.join(['1'] * 50)}]\n" for _ in range(450)),
    }
    for name, text in features.items():
        yield Case(name, "yaml", {"a.yaml": text.encode("utf-8")})


# --- wrong types and values for every field -------------------------------------------------

ODD: list[object] = [None, [], {"x": 1}, 7, True, "", "\x1b[2J\u202e<b>odd</b>", "x" * 10_001]


def _odd_values(index: int, extra: list[object]) -> list[object]:
    """Four of the odd values per field (rotating, so every value meets many fields), plus the
    field's own plausible-but-wrong values."""
    return [ODD[(index + k) % len(ODD)] for k in range(0, len(ODD), 2)] + extra


ANSWER_FIELDS: list[tuple[tuple[Any, ...], list[object]]] = [
    (("checklist",), ["nope", "/etc/passwd", "../../../etc/hostname", "good.yaml", "a.yaml", ".", ...]),
    (("context",), ["a string", ...]),
    (("context", "school"), [...]),
    (("context", "initiative"), [12.5]),
    (("context", "term"), [2026]),
    (("context", "assessed_on"), ["20261101", "2026-W05-1", "2026-13-45", "9999-12-31", "yesterday"]),
    (("context", "respondent"), ["A. Leader", ...]),
    (("context", "respondent", "name"), [...]),
    (("context", "respondent", "role"), ["headteacher", "SENIOR-LEADER"]),
    (("answers",), ["yes", ["problem-specific"], ...]),
    (("answers", "owner-named"), ["maybe", "YES", " yes ", "na"]),
    (("answers", "problem-specific"), ["na", {"evidence": "no answer"}, {"answer": "yes", "extra": 1}]),
    (("answers", "problem-specific", "answer"), ["na", "perhaps"]),
    (("answers", "problem-specific", "evidence"), [12]),
    (("answers", "problem-specific", "date"), ["01/11/2026", "2026-02-30"]),
    (("answers", "not-an-item"), ["yes"]),
    (("answers", "Problem_Specific"), ["yes"]),
]
CHECKLIST_FIELDS: list[tuple[tuple[Any, ...], list[object]]] = [
    (("id",), ["Not Kebab", "a--b", ...]),
    (("title",), [...]),
    (("version",), [1.0, ...]),
    (("description",), [...]),
    (("thresholds",), ["high", ...]),
    (("thresholds", "ready"), [101, -1, float("nan"), float("inf"), "80"]),
    (("thresholds", "conditions"), [90]),
    (("thresholds", "floor"), [float("-inf")]),
    (("thresholds", "min_confidence"), [1.5, 0.999999]),
    (("thresholds", "extra"), [1]),
    (("sections",), ["none"]),
    (("sections", 0), ["a section"]),
    (("sections", 0, "id"), ["why-again", "how"]),
    (("sections", 0, "title"), [...]),
    (("sections", 0, "stage"), ["launch", "EXPLORE"]),
    (("sections", 0, "items"), ["none"]),
    (("sections", 0, "items", 0), ["an item"]),
    (("sections", 0, "items", 0, "id"), ["owner-named", "Bad Id"]),
    (("sections", 0, "items", 0, "question"), [...]),
    (("sections", 0, "items", 0, "why"), [...]),
    (("sections", 0, "items", 0, "failure_mode"), ["boredom", ...]),
    (("sections", 0, "items", 0, "weight"), [0, 4, 2.0, "2", 2.5]),
    (("sections", 0, "items", 0, "critical"), ["yes", 1]),
    (("sections", 0, "items", 0, "action"), [...]),
    (("sections", 0, "items", 0, "source"), [...]),
    (("sections", 0, "items", 0, "owner"), [["a", "b"]]),
    (("sections", 0, "items", 0, "by_when"), [{"term": 1}]),
    (("sections", 0, "items", 0, "extra"), ["x"]),
]


def _field_cases() -> Iterator[Case]:
    for index, (path, extra) in enumerate(ANSWER_FIELDS):
        for number, value in enumerate(_odd_values(index, extra)):
            name = f"answers-{'.'.join(map(str, path))}-{number}"
            yield Case(name, "answers field", {"a.yaml": dump(_set(ANSWERS, path, value))})
    for index, (path, extra) in enumerate(CHECKLIST_FIELDS):
        for number, value in enumerate(_odd_values(index, extra)):
            name = f"checklist-{'.'.join(map(str, path))}-{number}"
            files = {
                "bad-list.yaml": dump(_set(MINI, path, value)),
                "a.yaml": dump({**ANSWERS, "checklist": "bad-list.yaml"}),
            }
            yield Case(name, "checklist field", files, checklist="bad-list.yaml")
    # A baseline is a term: an answers file or a folder of one. Bad ones, given to --baseline and compare.
    baselines = {
        "baseline-other-school": dump(_set(ANSWERS, ("context", "school"), "Elm")),
        "baseline-other-checklist": dump(_set(ANSWERS, ("checklist",), "termly-recheck")),
        "baseline-malformed": b"checklist: [\n",
        "baseline-is-a-checklist": MINI_TEXT.encode(),
        "baseline-future-date": dump(_set(ANSWERS, ("context", "assessed_on"), "2099-01-01")),
    }
    for name, data in baselines.items():
        yield Case(name, "baseline", {"a.yaml": data}, answers=("a.yaml",))
    folder = {"term/a.yaml": GOOD, "term/b.yaml": dump(_set(ANSWERS, ("context", "respondent", "role"), "teacher"))}
    yield Case("baseline-folder", "baseline", folder, answers=("term",))
    yield Case("baseline-empty-folder", "baseline", {"term/readme.txt": b"x"}, answers=("term",))
    big = {
        **MINI,
        "sections": [
            {
                **MINI["sections"][0],
                "items": [{**MINI["sections"][0]["items"][1], "id": f"item-{i}"} for i in range(1001)],
            }
        ],
    }
    yield Case(
        "checklist-1001-items",
        "checklist field",
        {"bad-list.yaml": dump(big), "a.yaml": dump({**ANSWERS, "checklist": "bad-list.yaml"})},
        checklist="bad-list.yaml",
    )
    yield Case(
        "two-respondents-same-role", "answers field", {"a.yaml": GOOD, "b.yaml": GOOD}, answers=("a.yaml", "b.yaml")
    )
    yield Case("same-file-twice", "answers field", {"a.yaml": GOOD}, answers=("a.yaml", "./a.yaml"))
    yield Case(
        "respondents-disagree",
        "answers field",
        {
            "a.yaml": GOOD,
            "b.yaml": dump(
                _set(_set(ANSWERS, ("answers", "owner-named"), "no"), ("context", "respondent", "role"), "teacher")
            ),
        },
        answers=("a.yaml", "b.yaml"),
    )
    yield Case("answers-in-checklist-slot", "checklist field", {"a.yaml": GOOD}, checklist="a.yaml")
    yield Case("checklist-in-answers-slot", "answers field", {"a.yaml": MINI_TEXT.encode()})


# --- paths ----------------------------------------------------------------------------------


def _link(name: str, target: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).symlink_to(target)


def _fifo(name: str) -> Callable[[Path], None]:
    return lambda folder: os.mkfifo(folder / name)


def _read_only(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).write_text("keep me\n")
        (folder / name).chmod(0o444)

    return make


def _hard_link(name: str, target: str) -> Callable[[Path], None]:
    return lambda folder: os.link(folder / target, folder / name)


def _paths() -> Iterator[Case]:
    good = {"a.yaml": GOOD}
    yield Case("input-missing", "input path", {}, answers=("missing.yaml",), checklist="missing.yaml")
    yield Case("input-directory", "input path", {"d/x.txt": b""}, answers=("d",), checklist="d")
    yield Case(
        "input-fifo", "input path", {}, answers=("p.yaml",), checklist="p.yaml", setup=_fifo("p.yaml"), subprocess=True
    )
    yield Case("input-dev-zero", "input path", {}, answers=("/dev/zero",), checklist="/dev/zero", subprocess=True)
    yield Case("input-dev-null", "input path", {}, answers=("/dev/null",), checklist="/dev/null", subprocess=True)
    yield Case("input-dev-stdin", "input path", {}, answers=("/dev/stdin",), checklist="/dev/stdin", subprocess=True)
    yield Case("input-symlink", "input path", good, answers=("l.yaml",), setup=_link("l.yaml", "a.yaml"))
    yield Case("input-dangling-symlink", "input path", {}, answers=("l.yaml",), setup=_link("l.yaml", "gone.yaml"))
    yield Case("input-symlink-loop", "input path", {}, answers=("l.yaml",), setup=_link("l.yaml", "l.yaml"))
    yield Case(
        "input-checklist-fifo",
        "input path",
        {"a.yaml": dump({**ANSWERS, "checklist": "p.yaml"})},
        checklist="p.yaml",
        setup=_fifo("p.yaml"),
        subprocess=True,
    )
    yield Case(
        "input-checklist-dev-zero",
        "input path",
        {"a.yaml": dump({**ANSWERS, "checklist": "/dev/zero"})},
        subprocess=True,
    )
    yield Case("input-checklist-is-dir", "input path", {"a.yaml": dump({**ANSWERS, "checklist": "./"})})
    yield Case(
        "input-name-newline",
        "input path",
        {"x\nforged.yaml:1:1: fine": b"checklist: [\n"},
        answers=("x\nforged.yaml:1:1: fine",),
    )
    yield Case("input-name-escape", "input path", {"\x1b[2Jx.yaml": b"checklist: [\n"}, answers=("\x1b[2Jx.yaml",))
    yield Case("input-name-rlo", "input path", {"\u202elmay.exe": GOOD}, answers=("\u202elmay.exe",))
    yield Case("input-name-spaces-unicode", "input path", {"École – été.yaml": GOOD}, answers=("École – été.yaml",))
    yield Case("input-name-dash", "input path", {"-x.yaml": GOOD}, answers=("./-x.yaml",))
    yield Case("input-dotdot", "input path", {"sub/x.txt": b"", "a.yaml": GOOD}, answers=("sub/../a.yaml",))
    yield Case("input-name-long", "input path", {}, answers=("n" * 300 + ".yaml",))
    outputs = {
        "output-is-input": ("a.yaml", None),
        "output-is-checklist": ("list.yaml", None),
        "output-is-other-respondent": ("good.yaml", None),
        "output-symlink-to-input": ("l.html", _link("l.html", "a.yaml")),
        "output-hard-link-to-input": ("h.html", _hard_link("h.html", "a.yaml")),
        "output-dotdot-to-input": ("sub/../a.yaml", lambda folder: (folder / "sub").mkdir()),
        "output-directory": (".", None),
        "output-read-only": ("ro.html", _read_only("ro.html")),
        "output-missing-folder": ("nope/out.html", None),
        "output-name-too-long": ("o" * 300 + ".html", None),
        "output-name-newline": ("x\nforged.html", None),
        "output-dev-null": ("/dev/null", None),
        "output-dev-full": ("/dev/full", None),
        "output-dev-stdout": ("/dev/stdout", None),
    }
    for name, (target, setup) in outputs.items():
        both = ("a.yaml", "good.yaml") if target == "good.yaml" else ("a.yaml",)
        yield Case(
            name, "output path", dict(good), both, output=target, setup=setup, subprocess=target.startswith("/dev/")
        )
    yield Case("output-fifo", "output path", dict(good), output="o.fifo", setup=_fifo("o.fifo"), subprocess=True)


def cases() -> list[Case]:
    return [*_encodings(), *_yaml_features(), *_field_cases(), *_paths()]


if __name__ == "__main__":
    root = Path(sys.argv[1])
    for each in cases():
        each.write(root / each.name)
    print(f"wrote {len(cases())} cases under {root}")
