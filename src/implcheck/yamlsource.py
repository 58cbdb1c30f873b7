"""Read YAML the way people mean it, and remember where every value came from.

Two things the stock loader gets wrong for us:

* YAML 1.1 reads unquoted ``yes``/``no``/``on``/``off`` as booleans and ``2026-11-20`` as a
  date. In an answers file ``problem-specific: yes`` means the answer *yes*, so only
  ``true``/``false`` are booleans here and dates stay strings (validated where they are used).
* Errors must point at a line and column, so values are built from the node tree and each
  value's position is kept in ``Document.locations``, keyed by its path from the root.

Anchors and aliases are refused: no checklist or answers file needs them, and they are how
"billion laughs" files blow up memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from implcheck.errors import InputError, Problem

MAX_BYTES = 1024 * 1024  # about 20x the largest shipped checklist; refuses hostile giants early
MAX_DEPTH = 40
ALIAS_MESSAGE = "anchors and aliases (&, *) are not supported; write the value out"

Key = str | int
Path_ = tuple[Key, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-style booleans and no timestamp type."""


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag
        not in (
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:timestamp",
        )
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


@dataclass(frozen=True)
class Location:
    line: int  # 1-based
    col: int  # 1-based


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: plain Python data plus where each piece stands in the file."""

    path: Path
    data: Any
    locations: dict[Path_, Location]

    def where(self, *path: Key) -> Location:
        """The position of the value at ``path``, or of its nearest ancestor that has one."""
        key: Path_ = tuple(path)
        while key not in self.locations and key:
            key = key[:-1]
        return self.locations.get(key, Location(1, 1))

    def key_where(self, *path: Key) -> Location:
        """The position of the *key* that introduces the value at ``path``."""
        return self.locations.get(("<key>", *path), self.where(*path))

    def problem(self, message: str, *path: Key, at_key: bool = False) -> Problem:
        loc = self.key_where(*path) if at_key else self.where(*path)
        return Problem(str(self.path), loc.line, loc.col, message)


def read_text(path: Path) -> str:
    """Read a user's file, turning every way it can fail into an ``InputError``."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError.single(str(path), f"file is {size:,} bytes; the most allowed is {MAX_BYTES:,}")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError.single(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError.single(str(path), "is a directory, expected a YAML file") from None
    except UnicodeDecodeError as exc:
        raise InputError.single(str(path), f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise InputError.single(str(path), exc.strerror or str(exc)) from None


def load_document(path: Path, text: str | None = None) -> Document:
    """Parse ``path`` (or ``text``, reported as ``path``) into a located ``Document``."""
    if text is None:
        text = read_text(path)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "could not be parsed"
        raise InputError([Problem(str(path), line, col, f"malformed YAML: {what}")]) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        what = f"character U+{int(exc.character):04X} is not allowed in YAML; remove it or write it as an escape"
        raise InputError.single(str(path), what, line, col) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every other error PyYAML raises is marked
        raise InputError.single(str(path), f"malformed YAML: {exc}") from None
    except RecursionError:
        raise InputError.single(str(path), "malformed YAML: nested too deeply") from None
    locations: dict[Path_, Location] = {}
    data = None if node is None else _Builder(path, text, locations).build(node, (), 0)
    return Document(path, data, locations)


class _Builder:
    def __init__(self, path: Path, text: str, locations: dict[Path_, Location]) -> None:
        self.path = path
        self.text = text
        self.locations = locations
        self.seen: set[int] = set()
        self.constructor = _Loader("")

    def _fail(self, node: yaml.Node, message: str) -> InputError:
        mark = node.start_mark
        return InputError([Problem(str(self.path), mark.line + 1, mark.column + 1, message)])

    def _alias_error(self, node: yaml.Node) -> InputError:
        """Point at the first ``*alias`` rather than at the anchor it reuses (error path only)."""
        error = self._fail(node, ALIAS_MESSAGE)
        for event in yaml.parse(self.text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                line, col = event.start_mark.line + 1, event.start_mark.column + 1
                return InputError([Problem(str(self.path), line, col, ALIAS_MESSAGE)])
        return error  # pragma: no cover - a reused node always comes from an alias

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if id(node) in self.seen:
            raise self._alias_error(node)
        if depth > MAX_DEPTH:
            raise self._fail(node, f"nested more than {MAX_DEPTH} levels deep")
        self.seen.add(id(node))
        self.locations[path] = Location(node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self._fail(key_node, "a key must be a plain word, not a list or mapping")
                key = self.constructor.construct_object(key_node)
                if not isinstance(key, str | int):
                    key = str(key)
                if key in result:
                    raise self._fail(key_node, f"duplicate key {key!r}")
                self.locations[("<key>", *path, key)] = Location(
                    key_node.start_mark.line + 1, key_node.start_mark.column + 1
                )
                result[key] = self.build(value_node, (*path, key), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, index), depth + 1) for index, child in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node)
        except yaml.constructor.ConstructorError as exc:
            raise self._fail(node, f"malformed YAML: {exc.problem}") from None
