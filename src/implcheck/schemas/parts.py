"""The pieces every schema here is built from: closed objects, enums from the Enums, plain types."""

from __future__ import annotations

from typing import Any

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
