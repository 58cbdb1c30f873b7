"""The pieces every schema here is built from: closed objects, enums from the Enums, plain types,
and the schema of a ``TypedDict`` (``schema_of``)."""

from __future__ import annotations

import types
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints, is_typeddict

DRAFT = "https://json-schema.org/draft/2020-12/schema"

STRING: dict[str, Any] = {"type": "string"}
NUMBER: dict[str, Any] = {"type": "number"}
IDS: dict[str, Any] = {"type": "array", "items": STRING}


def enum_of(values: type[Any]) -> dict[str, Any]:
    return {"enum": [member.value for member in values]}


def closed_object(properties: dict[str, Any], required: list[str], **extra: Any) -> dict[str, Any]:
    """An object with exactly these keys, the ``required`` ones always there."""
    schema = {"type": "object", "properties": properties, "additionalProperties": False, "required": required}
    return {**schema, **extra}


_PLAIN: dict[object, dict[str, Any]] = {
    str: STRING,
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: NUMBER,
}


def schema_of(hint: Any) -> dict[str, Any]:
    """The JSON Schema of values of the type ``hint``: a ``TypedDict`` is a closed object with
    every key required, ``list[X]`` an array of X, ``X | None`` X or null, and
    ``Annotated[str, SomeEnum]`` one of the enum's values, and ``Annotated[X, schema]`` the
    schema given (a range, a constant)."""
    origin = get_origin(hint)
    if origin is Annotated:
        given = get_args(hint)[1]
        return enum_of(given) if isinstance(given, type) and issubclass(given, Enum) else dict(given)
    if is_typeddict(hint):
        keys = get_type_hints(hint, include_extras=True)
        return closed_object({key: schema_of(value) for key, value in keys.items()}, list(keys))
    if origin is list:
        return {"type": "array", "items": schema_of(get_args(hint)[0])}
    if origin in (Union, types.UnionType):
        (value,) = (arg for arg in get_args(hint) if arg is not type(None))
        schema = schema_of(value)
        if list(schema) == ["type"]:  # a plain type: that type or null
            return {"type": [schema["type"], "null"]}
        return {"anyOf": [{"type": "null"}, schema]}
    return dict(_PLAIN[hint])
