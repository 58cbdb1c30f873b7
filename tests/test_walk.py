"""Walking a trust's folders: links, pipes and loops never lead the walk astray."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from implcheck.errors import Problem, UsageError
from implcheck.walk import Skipped, walk


def found(*roots: Path) -> list[str]:
    def show(item: Path | Skipped | Problem) -> str:
        return f"read {item}" if isinstance(item, Path) else str(item)

    return [show(item) for item in walk(list(roots))]


def test_yaml_files_in_name_order_at_any_depth(tmp_path: Path) -> None:
    for name in ("b/2.yml", "a/deep/er/1.yaml", "a/0.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    assert found(tmp_path) == [
        f"read {tmp_path / 'a/0.yaml'}",
        f"read {tmp_path / 'a/deep/er/1.yaml'}",
        f"read {tmp_path / 'b/2.yml'}",
    ]


def test_links_out_of_the_tree_are_not_followed(tmp_path: Path) -> None:
    outside, tree = tmp_path / "outside", tmp_path / "tree"
    outside.mkdir()
    tree.mkdir()
    (outside / "secret.yaml").write_text("x: 1\n")
    (tree / "leak.yaml").symlink_to(outside / "secret.yaml")
    (tree / "elsewhere").symlink_to(outside)
    assert found(tree) == [
        f"skipped {tree / 'elsewhere'}: a link to outside the folder (not followed)",
        f"skipped {tree / 'leak.yaml'}: a link to outside the folder (not followed)",
    ]


def test_links_inside_the_tree_reach_each_file_once_and_never_loop(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x: 1\n")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "missing.yaml")
    assert found(tmp_path, tmp_path) == [
        f"read {tmp_path / 'a.yaml'}",
        f"skipped {tmp_path / 'b.yaml'}: the same file as one already read",
        f"skipped {tmp_path / 'gone.yaml'}: a broken link",
        f"skipped {tmp_path / 'loop'}: a link to a folder (not followed)",
        f"skipped {tmp_path / 'a.yaml'}: the same file as one already read",
        f"skipped {tmp_path / 'b.yaml'}: the same file as one already read",
        f"skipped {tmp_path / 'gone.yaml'}: a broken link",
        f"skipped {tmp_path / 'loop'}: a link to a folder (not followed)",
    ]


def test_a_fifo_is_skipped_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "pipe.yaml")
    result: list[list[str]] = []
    walker = threading.Thread(target=lambda: result.append(found(tmp_path)), daemon=True)
    walker.start()
    walker.join(timeout=30)  # opening the pipe would block forever; the walk must not
    assert result == [
        [
            f"skipped {tmp_path / 'link.yaml'}: not a regular file",
            f"skipped {tmp_path / 'pipe.yaml'}: not a regular file",
        ]
    ]


def test_an_unreadable_folder_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path: Path) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    locked = f"{tmp_path / 'locked'}:1:1: cannot read this folder: Permission denied (file-unreadable)"
    assert found(tmp_path) == [locked]


def test_a_root_that_is_not_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as missing:
        found(Path("nothing"))
    assert str(missing.value) == "nothing: does not exist; give the folders that hold the schools' answers files"
    (tmp_path / "a.yaml").write_text("x: 1\n")
    with pytest.raises(UsageError) as file:
        found(tmp_path / "a.yaml")
    assert (
        str(file.value)
        == f"{tmp_path / 'a.yaml'}: is not a folder; give the folders that hold the schools' answers files"
    )


def test_a_link_with_another_suffix_is_not_a_yaml_file_whatever_it_points_at(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x: 1\n")
    (tmp_path / "notes.txt").symlink_to(tmp_path / "a.yaml")
    assert found(tmp_path) == [
        f"read {tmp_path / 'a.yaml'}",
        f"skipped {tmp_path / 'notes.txt'}: not a YAML file",
    ]
