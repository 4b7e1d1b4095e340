"""Decoded JSON as a type, and the few ways the importers narrow it.

CTDL, Open Badges and CLR inputs are foreign JSON: any value may have any shape. They are read
as `Json` and narrowed with `isinstance` where they are used; what the importers build from
them are typed records (TypedDicts beside the code that makes them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeAlias, TypeGuard

# a value json.loads gave: narrow it with isinstance (a dict is a JsonObject, a list a list[Json])
Json: TypeAlias = "dict[str, Json] | list[Json] | str | int | float | bool | None"
JsonObject: TypeAlias = dict[str, "Json"]
# a value to write as JSON: its containers read-only, so a list of objects is a list of JSON values
JsonData: TypeAlias = "Mapping[str, JsonData] | Sequence[JsonData] | str | int | float | bool | None"
JsonMap: TypeAlias = dict[str, "JsonData"]  # a JSON object being built


def is_object(value: object) -> TypeGuard[JsonObject]:
    """Whether a value json.loads gave is a JSON object (its keys are strings and its values Json, as
    json.loads makes them): the one place an input's outer value is narrowed from `object`."""
    return isinstance(value, dict)


def as_list(value: Json) -> list[Json]:
    """A JSON-LD value as a list: `[]` for null, the list itself, else the value alone.

    >>> as_list(None), as_list("a"), as_list(["a", 1])
    ([], ['a'], ['a', 1])
    """
    return [] if value is None else value if isinstance(value, list) else [value]


def objects(value: Json) -> list[JsonObject]:
    """The JSON objects in a value or list of values; anything else is left out.

    >>> objects([{"a": 1}, "b", None])
    [{'a': 1}]
    """
    return [item for item in as_list(value) if isinstance(item, dict)]


def member(value: Json, key: str) -> Json:
    """`value[key]` when `value` is a JSON object that has it, else None.

    >>> member({"a": 1}, "a"), member("a", "a"), member({"a": 1}, "b")
    (1, None, None)
    """
    return value.get(key) if isinstance(value, dict) else None
