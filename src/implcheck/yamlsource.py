"""Read YAML the way people mean it, and remember where every value came from.

Three things the stock loader gets wrong for us:

* YAML 1.1 reads unquoted ``yes``/``no``/``on``/``off`` as booleans and ``2026-11-20`` as a
  date. In an answers file ``problem-specific: yes`` means the answer *yes*, so only
  ``true``/``false`` are booleans here and dates stay strings (validated where they are used).
* Errors must point at a line and column, so values are built straight from the parser's events
  and each value's position is kept in ``Document.locations``, keyed by its path from the root.
* Every file may be hostile, so what a file may hold is bounded (``LIMITS``) and checked while it
  is read, before a huge file can cost seconds or hundreds of megabytes. Getting the text safely
  (regular files only, the size, UTF-8) is ``textfile.py``'s job; this module parses it.

libyaml's C parser does the parsing when it is installed (it is in the PyYAML wheels); the pure
Python parser, ten times slower, is the fallback. Both yield the same events.

Anchors and aliases, merge keys and explicit tags other than the plain scalar ones are refused:
no checklist or answers file needs them, and aliases are how "billion laughs" files blow up.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from implcheck.errors import InputError, Problem, ProblemRule, excerpt
from implcheck.textfile import MAX_BYTES, read_text

MAX_DEPTH = 40  # levels of nesting; the shipped files use 6
MAX_NODES = 20_000  # values of any kind in one file; the largest shipped checklist has about 1,200
MAX_ITEMS = 1_000  # entries in one list
MAX_KEYS = 1_000  # keys in one mapping
MAX_TEXT = 10_000  # characters in one value: pages of evidence, not a pasted document
LIMITS = {  # for docs/security.md and the tests
    "bytes in a file": MAX_BYTES,
    "levels of nesting": MAX_DEPTH,
    "values in a file": MAX_NODES,
    "entries in a list": MAX_ITEMS,
    "keys in a mapping": MAX_KEYS,
    "characters in a value": MAX_TEXT,
}
ALIAS_MESSAGE = "anchors and aliases (&, *) are not supported; write the value out"

Key = str | int
Path_ = tuple[Key, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null")}
# Characters YAML forbids (C0 controls but tab and newlines, DEL, C1 controls but NEL, and the
# non-characters U+FFFE/U+FFFF); found here so both parsers give the same located message.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.2-style booleans; no timestamps, and ``=`` is just text."""


_Resolver.yaml_implicit_resolvers = {
    first: [
        (tag, regexp) for tag, regexp in resolvers if tag not in (f"{_TAG}bool", f"{_TAG}timestamp", f"{_TAG}value")
    ]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_Resolver.add_implicit_resolver(f"{_TAG}bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

try:
    import yaml.cyaml

    _CParser: Any = getattr(yaml.cyaml, "CParser", None)
except ImportError:  # pragma: no cover - libyaml is in every PyYAML wheel we install
    _CParser = None


class _PureLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _Resolver):
    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _Resolver.__init__(self)


if _CParser is not None:

    class _CLoader(_CParser, _Resolver):  # type: ignore[misc]
        def __init__(self, text: str) -> None:
            _CParser.__init__(self, text)
            _Resolver.__init__(self)

    _Loader: Any = _CLoader
else:  # pragma: no cover - libyaml is in every PyYAML wheel we install
    _Loader = _PureLoader

_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass(frozen=True, slots=True)
class Location:
    line: int  # 1-based
    col: int  # 1-based


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed YAML file: plain Python data plus where each piece stands in the file.

    Where each piece stands is worked out from ``text`` when first asked, to place a problem:
    most files have none, and noting every position costs a third of the parse (a portfolio
    reads thousands of files; benchmarks/bench.py, P2)."""

    path: Path
    data: Any
    located: dict[Path_, Location] | None = None
    text: str = field(default="", repr=False, compare=False)

    @property
    def locations(self) -> dict[Path_, Location]:
        found = self.located
        if found is None:
            found = {}
            loader = _Loader(self.text)
            try:
                _Builder(self.path, loader, found).build()  # the same text read again, noting positions
            finally:
                loader.dispose()
            object.__setattr__(self, "located", found)  # once, on first use: frozen otherwise
        return found

    def where(self, *path: Key) -> Location:
        """The position of the value at ``path``, or of its nearest ancestor that has one."""
        key: Path_ = tuple(path)
        while key not in self.locations and key:
            key = key[:-1]
        return self.locations.get(key, Location(1, 1))

    def key_where(self, *path: Key) -> Location:
        """The position of the *key* that introduces the value at ``path``."""
        return self.locations.get(("<key>", *path), self.where(*path))

    def problem(self, message: str, *path: Key, rule: ProblemRule, at_key: bool = False) -> Problem:
        loc = self.key_where(*path) if at_key else self.where(*path)
        return Problem(str(self.path), loc.line, loc.col, message, rule)


def load_document(path: Path, text: str | None = None) -> Document:
    """Parse ``path`` (or ``text``, reported as ``path``) into a located ``Document``."""
    if text is None:
        text = read_text(path)
    bad = _FORBIDDEN.search(text) or _SURROGATE.search(text)
    if bad:
        before = text[: bad.start()]
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        what = f"character U+{ord(bad.group()):04X} is not allowed in YAML; remove it or write it as an escape"
        raise InputError.single(str(path), what, line, col, rule=ProblemRule.BAD_CHARACTER)
    loader = _Loader(text)
    try:
        data = _Builder(path, loader, None).build()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise InputError([Problem(str(path), line, col, _parse_message(exc), ProblemRule.YAML_SYNTAX)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every other error PyYAML raises is marked
        raise InputError.single(str(path), f"malformed YAML: {exc}", rule=ProblemRule.YAML_SYNTAX) from None
    finally:
        loader.dispose()
    return Document(path, data, None, text)


def _parse_message(exc: yaml.MarkedYAMLError) -> str:
    what = exc.problem or exc.context or "could not be parsed"
    if "'\\t'" in what or "tab" in what:
        return "malformed YAML: a tab is not allowed here; indent and separate with spaces"
    return f"malformed YAML: {what}"


def _at(event: Any) -> Location:
    return Location(event.start_mark.line + 1, event.start_mark.column + 1)


def _short(tag: str) -> str:
    return tag.replace(_TAG, "!!", 1) if tag.startswith(_TAG) else tag


_SCALAR = yaml.ScalarEvent
_MAPPING_START, _MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQUENCE_START, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
# First characters a plain scalar needs the resolver for; any other plain scalar is text.
_RESOLVED_FIRST = frozenset(first for first, found in _Resolver.yaml_implicit_resolvers.items() if first and found)
assert None not in _Resolver.yaml_implicit_resolvers and not _Resolver.yaml_path_resolvers


_RESOLVER: Any = _Resolver()  # typed Any, as the loaders are: PyYAML has no annotations


@functools.lru_cache(maxsize=4096)
def _plain_tag(value: str) -> str:
    """What an untagged plain scalar resolves to: it depends on the text alone, and the same
    short words ('no', 'teacher', a date) recur in every file of a portfolio."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    return tag


class _Frame:
    __slots__ = ("is_map", "key", "path", "value")

    def __init__(self, value: dict[Any, Any] | list[Any], path: Path_) -> None:
        self.value: Any = value  # a dict or a list (is_map says which)
        self.path = path
        self.is_map = isinstance(value, dict)
        self.key: Any = None  # a mapping's key waiting for its value (a Key), or None


class _Builder:
    """Builds plain data from parser events, checking every limit as it goes."""

    def __init__(self, path: Path, loader: Any, locations: dict[Path_, Location] | None) -> None:
        self.path = path
        self.loader = loader
        self.locations = locations
        self.nodes = 0

    def _fail(self, event: Any, message: str, rule: ProblemRule = ProblemRule.YAML_SYNTAX) -> InputError:
        mark = event.start_mark
        return InputError([Problem(str(self.path), mark.line + 1, mark.column + 1, message, rule)])

    def build(self) -> Any:
        # The hot path of every run (a portfolio reads thousands of files): events are told apart
        # by class, and plain text keys and values skip the resolver, which could only say "str".
        # Positions are noted only when ``locations`` is given (``Document.locations``).
        loader = self.loader
        locations = self.locations
        locating = locations is not None
        next_event = loader.get_event  # None after the last event, from either parser
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        nodes = 0
        while (event := next_event()) is not None:
            cls = event.__class__
            if cls is _MAPPING_END or cls is _SEQUENCE_END:
                done = stack.pop()
                if not stack:
                    root = done.value
                continue
            if cls is not _SCALAR and cls is not _MAPPING_START and cls is not _SEQUENCE_START:
                if cls is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise self._fail(
                            event,
                            "more than one document (---) in the file; give each its own file",
                            ProblemRule.YAML_DOCUMENTS,
                        )
                if cls is yaml.AliasEvent:
                    raise self._fail(event, ALIAS_MESSAGE, ProblemRule.YAML_ALIAS)
                continue  # stream and document starts and ends
            nodes += 1
            if nodes > MAX_NODES:
                raise self._fail(
                    event, f"more than {MAX_NODES:,} values in one file, the most allowed", ProblemRule.OVER_LIMIT
                )
            parent = stack[-1] if stack else None
            if cls is _SCALAR:
                value: Any = event.value
                plain = (  # what the resolver and _scalar would pass through unchanged, as text
                    event.tag is None
                    and len(value) <= MAX_TEXT
                    and event.style != '"'  # only double quotes have escapes (half characters)
                    and (not event.implicit[0] or (value != "" and value[0] not in _RESOLVED_FIRST))
                )
                if parent is not None and parent.is_map and parent.key is None:
                    if not plain or value == "<<":
                        parent.key = self._key(event, parent)
                        continue
                    if value in parent.value:
                        raise self._fail(event, f"duplicate key {excerpt(value)}", ProblemRule.DUPLICATE_KEY)
                    if len(parent.value) >= MAX_KEYS:
                        raise self._fail(
                            event,
                            f"more than {MAX_KEYS:,} keys in one mapping, the most allowed",
                            ProblemRule.OVER_LIMIT,
                        )
                    if locations is not None:
                        mark = event.start_mark
                        locations[("<key>", *parent.path, value)] = Location(mark.line + 1, mark.column + 1)
                    parent.key = value
                    continue
                if not plain:
                    value = self._scalar(event)
            elif parent is not None and parent.is_map and parent.key is None:
                raise self._fail(event, "a key must be a plain word, not a list or mapping", ProblemRule.BAD_KEY)
            else:
                value = self._collection(event, len(stack))
            if parent is None:
                path: Path_ = ()
                root = value
            elif parent.is_map:
                path = (*parent.path, parent.key) if locating else ()
                parent.value[parent.key] = value
                parent.key = None
            else:
                if len(parent.value) >= MAX_ITEMS:
                    raise self._fail(
                        event, f"more than {MAX_ITEMS:,} entries in one list, the most allowed", ProblemRule.OVER_LIMIT
                    )
                path = (*parent.path, len(parent.value)) if locating else ()
                parent.value.append(value)
            if locations is not None:
                mark = event.start_mark
                locations[path] = Location(mark.line + 1, mark.column + 1)
            if cls is not _SCALAR:
                stack.append(_Frame(value, path))
        self.nodes = nodes
        return root

    def _collection(self, event: Any, depth: int) -> dict[Any, Any] | list[Any]:
        if depth > MAX_DEPTH:
            raise self._fail(event, f"nested more than {MAX_DEPTH} levels deep", ProblemRule.TOO_DEEP)
        is_list = isinstance(event, yaml.SequenceStartEvent)
        tag = event.tag
        if tag not in (None, "!", f"{_TAG}{'seq' if is_list else 'map'}"):
            raise self._fail(event, f"the tag {_short(tag)} is not supported; remove it", ProblemRule.YAML_TAG)
        return [] if is_list else {}

    def _key(self, event: Any, parent: _Frame) -> Key:
        """A scalar key that needs more than the fast path: quoted, tagged, or one the resolver reads."""
        if event.value == "<<" and event.implicit[0] and event.tag is None:
            raise self._fail(event, "merge keys (<<) are not supported; write the keys out", ProblemRule.YAML_MERGE_KEY)
        raw: Any = self._scalar(event)
        key: Key = raw if isinstance(raw, str | int) else str(raw)
        if key in parent.value:
            raise self._fail(event, f"duplicate key {excerpt(key)}", ProblemRule.DUPLICATE_KEY)
        if len(parent.value) >= MAX_KEYS:
            raise self._fail(
                event, f"more than {MAX_KEYS:,} keys in one mapping, the most allowed", ProblemRule.OVER_LIMIT
            )
        if self.locations is not None:
            self.locations[("<key>", *parent.path, key)] = _at(event)
        return key

    def _scalar(self, event: Any) -> Any:
        value: str = event.value
        if len(value) > MAX_TEXT:
            raise self._fail(
                event, f"a value of {len(value):,} characters; the most allowed is {MAX_TEXT:,}", ProblemRule.OVER_LIMIT
            )
        if _SURROGATE.search(value):  # the pure parser reads "\udce9" escapes; nothing can write them
            raise self._fail(
                event, "an escape such as \\udce9 names half a character; remove it", ProblemRule.BAD_CHARACTER
            )
        tag = event.tag
        if tag is None and event.implicit[0]:
            tag = _plain_tag(value) if len(value) <= 100 else _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
        elif tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, value, event.implicit)
        if tag not in _SCALAR_TAGS:
            raise self._fail(event, f"the tag {_short(tag)} is not supported; remove it", ProblemRule.YAML_TAG)
        kind = tag[len(_TAG) :]
        if kind == "str":
            return value
        if kind == "bool" and value in _TRUE | _FALSE:
            return value in _TRUE
        if kind == "null" and value in ("", "~", "null", "Null", "NULL"):
            return None
        try:
            if kind == "int":
                return _CONSTRUCTOR.construct_yaml_int(yaml.ScalarNode(tag, value))
            if kind == "float":
                return _CONSTRUCTOR.construct_yaml_float(yaml.ScalarNode(tag, value))
        except (ValueError, IndexError):  # IndexError: an empty value under !!int or !!float
            pass
        raise self._fail(
            event, f"{excerpt(value)} is not a valid !!{kind}; remove the tag or fix the value", ProblemRule.YAML_TAG
        )
