"""YAML as people mean it, with every value's position kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from implcheck.errors import InputError
from implcheck.yamlsource import MAX_BYTES, Location, load_document

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
    assert problems(path) == [f"{path}:2:1: malformed YAML: expected the node content, but found '<stream end>'"]


def test_aliases_are_refused(write: Write) -> None:
    path = write("a.yaml", "a: &x [1, 2]\nb: *x\n")
    assert problems(path) == [f"{path}:2:4: anchors and aliases (&, *) are not supported; write the value out"]


def test_duplicate_keys_are_refused(write: Write) -> None:
    path = write("a.yaml", "a: 1\na: 2\n")
    assert problems(path) == [f"{path}:2:1: duplicate key 'a'"]


def test_complex_keys_are_refused(write: Write) -> None:
    path = write("a.yaml", "? [a, b]\n: 1\n")
    assert problems(path) == [f"{path}:1:3: a key must be a plain word, not a list or mapping"]


def test_deep_nesting_is_refused(write: Write) -> None:
    path = write("a.yaml", "[" * 60 + "]" * 60 + "\n")
    assert problems(path) == [f"{path}:1:42: nested more than 40 levels deep"]


def test_huge_file_is_refused_before_reading(write: Write) -> None:
    path = write("big.yaml", "a: " + "x" * MAX_BYTES + "\n")
    assert problems(path) == [f"{path}:1:1: file is {MAX_BYTES + 4:,} bytes; the most allowed is {MAX_BYTES:,}"]


def test_missing_directory_and_binary_files(tmp_path: Path) -> None:
    assert problems(tmp_path / "nope.yaml") == [f"{tmp_path / 'nope.yaml'}:1:1: no such file"]
    assert problems(tmp_path) == [f"{tmp_path}:1:1: is a directory, expected a YAML file"]
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\xff\xfe\x00a")
    assert problems(binary) == [f"{binary}:1:1: not UTF-8 text (invalid start byte)"]


def test_unknown_tags_are_refused(write: Write) -> None:
    path = write("a.yaml", "a: !!python/object:os.system x\n")
    [message] = problems(path)
    assert message.startswith(f"{path}:1:4: malformed YAML: could not determine a constructor")


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
        f"{path}:2:7: character U+0007 is not allowed in YAML; remove it or write it as an escape"
    ]
