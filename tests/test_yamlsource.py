"""YAML as people mean it, with every value's position kept."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from implcheck import yamlsource
from implcheck.errors import InputError
from implcheck.textfile import MAX_BYTES
from implcheck.yamlsource import MAX_ITEMS, MAX_KEYS, MAX_NODES, MAX_TEXT, Location, load_document

Write = Callable[[str, str], Path]


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_document(path)
    return [str(p) for p in caught.value.problems]


def test_yes_and_no_are_words_and_only_true_false_are_booleans(write: Write) -> None:
    doc = load_document(write("a.yaml", "a: yes\nb: no\nc: on\nd: true\ne: False\n"))
    assert doc.data == {"a": "yes", "b": "no", "c": "on", "d": True, "e": False}


def test_dates_stay_text(write: Write) -> None:
    assert load_document(write("a.yaml", "d: 2026-11-20\n")).data == {"d": "2026-11-20"}


def test_positions_of_values_and_keys_are_kept(write: Write) -> None:
    doc = load_document(write("a.yaml", "top:\n  list:\n    - x\n    -   y\n"))
    assert doc.where("top", "list", 1) == Location(4, 9)
    assert doc.key_where("top", "list") == Location(2, 3)
    assert doc.where("top", "missing") == doc.where("top")


def test_malformed_yaml_points_at_the_line(write: Write) -> None:
    path = write("m.yaml", "a: [1,\n")
    assert problems(path) == [f"{path}:2:1: malformed YAML: did not find expected node content (yaml-syntax)"]


def test_aliases_are_refused(write: Write) -> None:
    path = write("a.yaml", "a: &x [1, 2]\nb: *x\n")
    assert problems(path) == [
        f"{path}:2:4: anchors and aliases (&, *) are not supported; write the value out (yaml-alias)"
    ]


def test_duplicate_keys_are_refused(write: Write) -> None:
    path = write("a.yaml", "a: 1\na: 2\n")
    assert problems(path) == [f"{path}:2:1: duplicate key 'a' (duplicate-key)"]


def test_duplicate_keys_are_refused_however_they_are_quoted(write: Write) -> None:
    # quoted keys take the slow path through the resolver; the rule is the same
    path = write("a.yaml", 'a: 1\n"a": 2\n')
    assert problems(path) == [f"{path}:2:1: duplicate key 'a' (duplicate-key)"]


def test_complex_keys_are_refused(write: Write) -> None:
    path = write("a.yaml", "? [a, b]\n: 1\n")
    assert problems(path) == [f"{path}:1:3: a key must be a plain word, not a list or mapping (bad-key)"]


def test_deep_nesting_is_refused(write: Write) -> None:
    path = write("a.yaml", "[" * 60 + "]" * 60 + "\n")
    assert problems(path) == [f"{path}:1:42: nested more than 40 levels deep (too-deep)"]


def test_huge_file_is_refused_before_reading(write: Write) -> None:
    path = write("big.yaml", "a: " + "x" * MAX_BYTES + "\n")
    assert problems(path) == [
        f"{path}:1:1: file is {MAX_BYTES + 4:,} bytes; the most allowed is {MAX_BYTES:,} (file-too-big)"
    ]


def test_missing_directory_and_binary_files(tmp_path: Path) -> None:
    assert problems(tmp_path / "nope.yaml") == [f"{tmp_path / 'nope.yaml'}:1:1: no such file (file-unreadable)"]
    assert problems(tmp_path) == [f"{tmp_path}:1:1: is a directory, expected a YAML file (file-unreadable)"]
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"a: 1\nb: \xff\x00a")
    assert problems(binary) == [f"{binary}:2:4: not UTF-8 text (invalid start byte); save it as UTF-8 (not-utf8)"]


def test_unknown_tags_are_refused(write: Write) -> None:
    path = write("a.yaml", "a: !!python/object:os.system x\n")
    [message] = problems(path)
    assert message == f"{path}:1:4: the tag !!python/object:os.system is not supported; remove it (yaml-tag)"


def test_empty_file_is_none(write: Write) -> None:
    assert load_document(write("e.yaml", "")).data is None


@given(st.text(max_size=200))
def test_any_text_loads_or_fails_with_located_problems(text: str) -> None:
    try:
        load_document(Path("fuzz.yaml"), text)
    except InputError as error:
        assert error.problems
        assert all(p.path == "fuzz.yaml" and p.line >= 1 and p.col >= 1 for p in error.problems)


def test_control_characters_are_located(write: Write) -> None:
    path = write("a.yaml", "a: ok\nb: bad\x07here\n")
    assert problems(path) == [
        f"{path}:2:7: character U+0007 is not allowed in YAML; remove it or write it as an escape (bad-character)"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!float abc\n", "1:4: 'abc' is not a valid !!float; remove the tag or fix the value (yaml-tag)"),
        ("a: !!int zz\n", "1:4: 'zz' is not a valid !!int; remove the tag or fix the value (yaml-tag)"),
        ("a: !!bool maybe\n", "1:4: 'maybe' is not a valid !!bool; remove the tag or fix the value (yaml-tag)"),
        ("a: !!null x\n", "1:4: 'x' is not a valid !!null; remove the tag or fix the value (yaml-tag)"),
        ("a: !!timestamp foo\n", "1:4: the tag !!timestamp is not supported; remove it (yaml-tag)"),
        ("!!float abc: 1\n", "1:1: 'abc' is not a valid !!float; remove the tag or fix the value (yaml-tag)"),
        ("!!int : x\n", "1:1: '' is not a valid !!int; remove the tag or fix the value (yaml-tag)"),
        ("a: !!float\n", "1:4: '' is not a valid !!float; remove the tag or fix the value (yaml-tag)"),
        ("!!timestamp foo: 1\n", "1:1: the tag !!timestamp is not supported; remove it (yaml-tag)"),
        ("a: !!binary aGk=\n", "1:4: the tag !!binary is not supported; remove it (yaml-tag)"),
        ("a: !local x\n", "1:4: the tag !local is not supported; remove it (yaml-tag)"),
        ("a: !!set {x: null}\n", "1:4: the tag !!set is not supported; remove it (yaml-tag)"),
        (
            "a: !!int " + "9" * 5000 + "\n",
            "1:4: '" + "9" * 35 + "...' is not a valid !!int; remove the tag or fix the value (yaml-tag)",
        ),
        ("<<: {a: 1}\n", "1:1: merge keys (<<) are not supported; write the keys out (yaml-merge-key)"),
        ("a: 1\n---\nb: 2\n", "2:1: more than one document (---) in the file; give each its own file (yaml-documents)"),
        ('a: "\\udce9"\n', "1:7: malformed YAML: found invalid Unicode character escape code (yaml-syntax)"),
        (
            "\ufeffa: b\x00\n",
            "1:5: character U+0000 is not allowed in YAML; remove it or write it as an escape (bad-character)",
        ),
        (
            "a: b\x1b[2J\n",
            "1:5: character U+001B is not allowed in YAML; remove it or write it as an escape (bad-character)",
        ),
    ],
)
def test_tags_merge_keys_and_odd_characters_are_located_problems(write: Write, text: str, message: str) -> None:
    path = write("a.yaml", text)
    assert problems(path) == [f"{path}:{message}"]


def test_value_key_and_explicit_plain_tags_are_read_as_written(write: Write) -> None:
    doc = load_document(write("a.yaml", "=: x\na: !!str 12\nb: !!int 0x10\nc: !!float 1\nd: !!bool false\n"))
    assert doc.data == {"=": "x", "a": "12", "b": 16, "c": 1.0, "d": False}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [" + "1," * MAX_ITEMS + "1]\n",
         f"1:{5 + 2 * MAX_ITEMS}: more than 1,000 entries in one list, the most allowed (over-limit)"),
        ("".join(f"k{i}: 1\n" for i in range(MAX_KEYS + 1)),
         f"{MAX_KEYS + 1}:1: more than 1,000 keys in one mapping, the most allowed (over-limit)"),
        ("".join(f"k{i}: 1\n" for i in range(MAX_KEYS)) + '"quoted": 1\n',
         f"{MAX_KEYS + 1}:1: more than 1,000 keys in one mapping, the most allowed (over-limit)"),
        ("a: " + "x" * (MAX_TEXT + 1) + "\n",
         "1:4: a value of 10,001 characters; the most allowed is 10,000 (over-limit)"),
        ("- [" + ",".join(["1"] * 999) + "]\n" * 1, None),
    ],
)  # fmt: skip
def test_limits_are_located_problems(write: Write, text: str, message: str | None) -> None:
    path = write("a.yaml", text)
    if message is None:
        assert load_document(path).data == [[1] * 999]
    else:
        assert problems(path) == [f"{path}:{message}"]


def test_too_many_values_in_a_file(write: Write) -> None:
    rows = "".join(f"- [{','.join(['1'] * 100)}]\n" for _ in range(MAX_NODES // 100 + 1))
    path = write("a.yaml", rows)
    [message] = problems(path)
    assert message.endswith(f"more than {MAX_NODES:,} values in one file, the most allowed (over-limit)")


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert problems(fifo) == [f"{fifo}:1:1: not a regular file; give a YAML file (not-regular-file)"]
    assert problems(Path("/dev/zero")) == ["/dev/zero:1:1: not a regular file; give a YAML file (not-regular-file)"]


def test_encodings_other_than_utf8_are_named(tmp_path: Path) -> None:
    utf16 = tmp_path / "u16.yaml"
    utf16.write_bytes("a: b\n".encode("utf-16"))
    assert problems(utf16) == [f"{utf16}:1:1: the file is UTF-16 or UTF-32; save it as UTF-8 (not-utf8)"]
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbfa: b\n")
    assert load_document(bom).data == {"a": "b"}


def test_the_pure_parser_reads_the_shipped_files_exactly_as_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import ROOT

    files = sorted([*ROOT.glob("checklists/*.yaml"), *ROOT.glob("examples/**/*.yaml")])
    fast = [(d.data, d.locations) for d in map(load_document, files)]  # positions found by libyaml too
    monkeypatch.setattr(yamlsource, "_Loader", yamlsource._PureLoader)
    slow = [(d.data, d.locations) for d in map(load_document, files)]
    assert fast == slow


def test_the_pure_parser_explains_tabs_and_lone_surrogates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "_Loader", yamlsource._PureLoader)
    with pytest.raises(InputError) as caught:
        load_document(Path("t.yaml"), "a: yes\t\n")
    assert str(caught.value) == (
        "t.yaml:1:7: malformed YAML: a tab is not allowed here; indent and separate with spaces (yaml-syntax)"
    )
    with pytest.raises(InputError) as caught:
        load_document(Path("s.yaml"), 'a: "\\udce9"\n')
    assert str(caught.value) == (
        "s.yaml:1:4: an escape such as \\udce9 names half a character; remove it (bad-character)"
    )


def test_a_tab_after_a_value_is_allowed(write: Write) -> None:
    assert load_document(write("a.yaml", "a: yes\t\nb: no\t# why\n")).data == {"a": "yes", "b": "no"}
