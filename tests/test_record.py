"""A record behaves as the frozen dataclass it stands for: each test holds the two side by side."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import FrozenInstanceError, asdict, dataclass, field, fields, replace
from functools import cached_property

import pytest
from hypothesis import given
from hypothesis import strategies as st

from implcheck.record import record


@record
class Point:
    x: int
    label: str = ""
    tags: list[str] = field(default_factory=list)
    note: str = field(default="", compare=False, repr=False)

    @cached_property
    def doubled(self) -> int:
        return self.x * 2


@dataclass(frozen=True)
class DataPoint:
    x: int
    label: str = ""
    tags: list[str] = field(default_factory=list)
    note: str = field(default="", compare=False, repr=False)


@record
class Pair:
    """Two labels."""

    left: str
    right: str


@record
class Empty:
    pass


def test_init_takes_positional_and_keyword_arguments_and_fills_in_defaults() -> None:
    assert (Point(1).x, Point(1).label, Point(1).tags) == (1, "", [])
    assert Point(2, "b", ["t"], note="n") == Point(x=2, label="b", tags=["t"])
    assert Point(2, note="n").note == "n"


def test_a_default_factory_is_called_for_each_record() -> None:
    assert Point(1).tags is not Point(1).tags
    given_tags = ["mine"]
    assert Point(1, tags=given_tags).tags is given_tags


def test_init_refuses_what_the_dataclass_refuses() -> None:
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'x'"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'y'"):
        Point(1, y=2)  # type: ignore[call-arg]


@given(st.integers(), st.text(max_size=3), st.text(max_size=3), st.integers(), st.text(max_size=3))
def test_equality_and_hash_follow_the_compared_fields_as_a_dataclass_does(
    x: int, label: str, note: str, other_x: int, other_label: str
) -> None:
    mine, theirs = Point(x, label, note=note), Point(other_x, other_label)
    data_mine, data_theirs = DataPoint(x, label, note=note), DataPoint(other_x, other_label)
    assert (mine == theirs) == (data_mine == data_theirs)
    assert mine == Point(x, label, note=note + "!")  # note is compare=False
    assert hash(Pair(label, note)) == hash(Pair(label, note))


def test_a_record_is_never_equal_to_another_class_with_the_same_values() -> None:
    assert Point(1) != DataPoint(1)  # type: ignore[comparison-overlap]
    assert Point(1).__eq__(DataPoint(1)) is NotImplemented


def test_a_record_with_an_unhashable_field_is_unhashable_as_a_dataclass_is() -> None:
    with pytest.raises(TypeError, match="unhashable type: 'list'"):
        hash(Point(1))


def test_repr_is_the_dataclass_repr() -> None:
    assert repr(Point(1, "a", ["t"], "hidden")) == "Point(x=1, label='a', tags=['t'])"
    assert repr(Point(1, "a", ["t"], "hidden")) == repr(DataPoint(1, "a", ["t"], "hidden")).replace("Data", "")
    assert repr(Empty()) == "Empty()"


def test_a_record_is_frozen() -> None:
    point = Point(1)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'x'"):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError, match="cannot delete field 'x'"):
        del point.x


def test_the_dataclass_functions_work_on_records() -> None:
    point = Point(1, "a", ["t"])
    assert dataclasses.is_dataclass(point)
    assert [spec.name for spec in fields(point)] == ["x", "label", "tags", "note"]
    assert replace(point, label="b") == Point(1, "b", ["t"])
    assert asdict(point) == {"x": 1, "label": "a", "tags": ["t"], "note": ""}
    assert point.doubled == 2  # cached_property writes past the frozen __setattr__
    assert pickle.loads(pickle.dumps(Pair("a", "b"))) == Pair("a", "b")  # for the portfolio's --jobs


def test_a_record_without_a_docstring_is_documented_by_its_fields() -> None:
    assert Point.__doc__ == "Point(x, label, tags, note)"
    assert Pair.__doc__ == "Two labels."


def test_init_is_compiled_once_on_first_use() -> None:
    @record
    class Late:
        value: int

    first = Late.__init__
    Late(1)
    assert Late.__init__ is not first
    assert Late.__init__.__qualname__.endswith("Late.__init__")
    compiled = Late.__init__
    Late(2)
    assert Late.__init__ is compiled


def test_what_a_record_does_not_support_is_refused_when_it_is_defined() -> None:
    with pytest.raises(TypeError, match="Later: a record has no __post_init__ and no record base class"):

        @record
        class Later:
            def __post_init__(self) -> None: ...

    with pytest.raises(TypeError, match="Child: a record has no __post_init__ and no record base class"):

        @record
        class Child(Pair):
            pass

    with pytest.raises(TypeError, match="Keyword: a record's fields take no kw_only, init or hash"):

        @record
        class Keyword:
            value: int = field(kw_only=True)

    with pytest.raises(TypeError, match="Hidden: a record's fields take no kw_only, init or hash"):

        @record
        class Hidden:
            value: int = field(init=False)

    with pytest.raises(TypeError, match="Unhashed: a record's fields take no kw_only, init or hash"):

        @record
        class Unhashed:
            value: int = field(hash=False)
