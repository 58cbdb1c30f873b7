"""``@record``: a frozen dataclass that costs next to nothing to define.

``@dataclass(frozen=True)`` writes and compiles six methods for each class while its module is
imported, about 0.7 ms a class. ``check`` defines some 35 of them on its way to a verdict, which
was a fifth of its start-up (issue 11's P1: at most 1.5 times ``import typer, yaml``).

A record is still a dataclass: ``fields()``, ``replace()``, ``asdict()`` and ``cached_property``
work, and type checkers read it as ``@dataclass(frozen=True)`` (``dataclass_transform``). Only
where its methods come from differs:

- ``__eq__``, ``__hash__``, ``__repr__`` and the refusal to assign are functions every record
  shares; they read the fields' names from the class, and compare and hash the same fields a
  dataclass would.
- ``__init__`` is compiled the first time the class is built, so a class a command never builds
  costs nothing. It is the code ``dataclass`` would write, so building a record (the portfolio
  builds hundreds of thousands) is as fast as building a dataclass.

A record has only what implcheck's records use: fields with defaults or default factories. It
refuses the rest when it is defined: ``kw_only``, ``init=False``, ``hash=``, ``__post_init__``
(so no ``InitVar`` either) and record base classes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")

_FACTORY = object()  # stands in for a default factory's value in a signature, as in dataclasses


def _compared(record: Any) -> tuple[Any, ...]:
    return tuple([getattr(record, name) for name in record.__record_compared__])


def _eq(self: Any, other: object) -> object:  # a bool, or NotImplemented for another class
    if other.__class__ is self.__class__:
        return _compared(self) == _compared(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(_compared(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_shown__)
    return f"{self.__class__.__qualname__}({shown})"


def _setattr(self: Any, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _compile_init(cls: type) -> Callable[..., None]:
    """The ``__init__`` that ``dataclass(frozen=True)`` would write: each field set past the
    frozen ``__setattr__``, a default factory called only when its argument is left out."""
    scope: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    parameters, body = ["self"], []
    for spec in dataclasses.fields(cls):
        name = spec.name
        if spec.default is not dataclasses.MISSING:
            scope[f"_default_{name}"] = spec.default
            parameters.append(f"{name}=_default_{name}")
            body.append(f"_set(self, {name!r}, {name})")
        elif spec.default_factory is not dataclasses.MISSING:
            scope[f"_factory_{name}"] = spec.default_factory
            parameters.append(f"{name}=_FACTORY")
            body.append(f"_set(self, {name!r}, _factory_{name}() if {name} is _FACTORY else {name})")
        else:
            parameters.append(name)
            body.append(f"_set(self, {name!r}, {name})")
    source = f"def __init__({', '.join(parameters)}):\n    " + "\n    ".join(body or ["pass"])
    exec(source, scope)
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _init_on_first_use(cls: type) -> Callable[..., None]:
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init = _compile_init(cls)
        type.__setattr__(cls, "__init__", init)
        init(self, *args, **kwargs)

    return __init__


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: type[T]) -> type[T]:
    """Make ``cls`` a frozen dataclass (see the module's docstring)."""
    if "__post_init__" in vars(cls) or any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__name__}: a record has no __post_init__ and no record base class")
    documented = bool(cls.__doc__)
    if not documented:
        cls.__doc__ = cls.__name__  # else dataclass works out a signature for it, which is slow
    dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    specs = dataclasses.fields(cls)  # type: ignore[arg-type]  # it is a dataclass now
    if any(spec.kw_only is True or not spec.init or spec.hash is not None for spec in specs):
        raise TypeError(f"{cls.__name__}: a record's fields take no kw_only, init or hash")
    if not documented:
        cls.__doc__ = f"{cls.__name__}({', '.join(spec.name for spec in specs)})"
    shared = {
        "__record_compared__": tuple(spec.name for spec in specs if spec.compare),
        "__record_shown__": tuple(spec.name for spec in specs if spec.repr),
        "__init__": _init_on_first_use(cls),
        "__eq__": _eq,
        "__hash__": _hash,
        "__repr__": _repr,
        "__setattr__": _setattr,
        "__delattr__": _delattr,
    }
    for name, value in shared.items():
        setattr(cls, name, value)
    return cls
