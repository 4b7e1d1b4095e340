"""The schema toolkit: typed combinators that read YAML nodes and describe JSON Schema.

Each `Type` does two jobs, so they cannot drift apart:
- `convert(node, ctx)` checks a YAML node (from `yamlread`) and returns a plain
  value or a model object, adding a located problem for each mistake;
- `json_schema()` describes the same shape as JSON Schema for editors.

A mistake inside a field drops that field (or list item) and is reported; an
object is still built when its `id` is good, so one typo does not cascade into
"unknown reference" noise elsewhere. The declarations built with these types
live in `schema.catalog` and `schema.profile`.
"""
from __future__ import annotations

import contextlib
import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from skillstack import model as m
from skillstack.problems import Problem
from skillstack.safe_text import CONTROL, CONTROL_OR_NEWLINE, HTTP_URL_PATTERN, is_http_url
from skillstack.yamlread import MapNode, Node, ScalarNode, SeqNode

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_ID_RE = re.compile(ID_PATTERN)
LEVEL_NAMES = {lv.label: lv for lv in m.Level}


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


@dataclass
class Ctx:
    path: str
    problems: list[Problem] = field(default_factory=list)
    key: str = ""  # the mapping key whose value is being converted, for messages

    def where(self, node: Node) -> m.SourceRef:
        return m.SourceRef(self.path, node.line, node.col)

    def error(self, node: Node, message: str, rule: str = "schema") -> Any:
        self.problems.append(Problem(self.path, node.line, node.col, "error", rule, message))
        return INVALID


QUOTE_LIMIT = 60
"""How many characters of a value an error message quotes."""

NUMBER_LIMIT = 1e9
"""No number in a catalog or profile is larger (a field may set a smaller maximum)."""

MONEY_LIMIT = 100_000_000
"""The largest price or budget: a hundred million, in any currency a catalog uses."""

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""Dates outside these years are typos (and would overflow date arithmetic)."""

_NUMERAL = re.compile(r"[-+]?[0-9][0-9_]*(\.[0-9]*)?([eE][-+]?[0-9]+)?\Z")


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """`text` as a one-line quoted string, cut to `limit` characters, for messages."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text):,} characters)"


def control_character(text: str, newlines: bool = False) -> str | None:
    """A description of the first control character in `text` and where, or None."""
    found = (CONTROL if newlines else CONTROL_OR_NEWLINE).search(text)
    if found is None:
        return None
    char = found.group()
    names = {"\r": "carriage return", "\n": "line break", "\x1b": "escape character"}
    name = names.get(char, "control character")
    return f"{name} (U+{ord(char):04X}) at character {found.start() + 1}"


def kind_of(node: Node) -> str:
    if isinstance(node, MapNode):
        return "a mapping"
    if isinstance(node, SeqNode):
        return "a list"
    assert isinstance(node, ScalarNode)
    value = node.value
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, date):
        return f"the date {value}"
    if _NUMERAL.match(value):
        return f"a number too long to read ({len(value):,} characters)"
    return f"the text {quote(value)}"


class Type:
    description = ""

    def convert(self, node: Node, ctx: Ctx) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError


class Str(Type):
    """Text on one line, without control characters (`multiline=True` allows line breaks and tabs)."""

    def __init__(self, description: str = "", pattern: str | None = None, what: str = "text",
                 multiline: bool = False) -> None:
        self.description = description
        self.pattern = re.compile(pattern) if pattern else None
        self.what = what
        self.multiline = multiline

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, ScalarNode) or node.value is None or isinstance(node.value, bool):
            return ctx.error(node, f"expected {self.what}, found {kind_of(node)}")
        value = node.value if isinstance(node.value, str) else str(node.value)
        if not value.strip():
            return ctx.error(node, f"expected {self.what}, found an empty string")
        bad = control_character(value, newlines=self.multiline)
        if bad is not None:
            return ctx.error(node, f"{quote(value)}: {bad} is not allowed; remove it", rule="control-character")
        if self.pattern and not self.pattern.match(value):
            return ctx.error(node, f"{quote(value)} is not a valid {self.what}")
        return value

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.pattern:
            out["pattern"] = self.pattern.pattern
        if self.description:
            out["description"] = self.description
        return out


class Url(Str):
    """An http(s) URL: no other scheme (javascript:, file:), no spaces or control characters."""

    def __init__(self, description: str = "") -> None:
        super().__init__(description or "an http(s) URL", what="http(s) URL")

    def convert(self, node: Node, ctx: Ctx) -> Any:
        value = super().convert(node, ctx)
        if value is INVALID:
            return value
        if not is_http_url(value):
            return ctx.error(node, f"{quote(value)} is not an http(s) URL; write it as https://...", rule="url")
        return value

    def json_schema(self) -> dict[str, Any]:
        return {**super().json_schema(), "format": "uri", "pattern": HTTP_URL_PATTERN}


class IdRef(Str):
    def __init__(self, description: str = "") -> None:
        super().__init__(description, ID_PATTERN, "id (lowercase letters, digits and '-')")

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, ScalarNode) and isinstance(node.value, int) and not isinstance(node.value, bool):
            node = ScalarNode(str(node.value), node.line, node.col)
        return super().convert(node, ctx)


class Num(Type):
    def __init__(self, description: str = "", integer: bool = False,
                 minimum: float | None = None, maximum: float | None = None) -> None:
        self.description = description
        self.integer = integer
        self.minimum = minimum
        self.maximum = maximum

    def convert(self, node: Node, ctx: Ctx) -> Any:
        value = node.value if isinstance(node, ScalarNode) else None
        ok = isinstance(value, int) if self.integer else isinstance(value, (int, float))
        if not ok or isinstance(value, bool):
            return ctx.error(node, f"expected {'a whole number' if self.integer else 'a number'}, found {kind_of(node)}")
        assert isinstance(value, (int, float))
        if isinstance(value, float) and not math.isfinite(value):
            shown = "NaN" if math.isnan(value) else "infinity"
            return ctx.error(node, f"expected a finite number, found {shown}")
        if self.minimum == 0 and value < 0:
            what = f"{ctx.key} " if ctx.key else ""
            return ctx.error(node, f"{what}{value:g} is negative; use 0 or more", rule="negative-value")
        maximum = NUMBER_LIMIT if self.maximum is None else self.maximum
        if (self.minimum is not None and value < self.minimum) or value > maximum or value < -NUMBER_LIMIT:
            low = f"at least {self.minimum:g}" if self.minimum is not None else f"at least {-NUMBER_LIMIT:g}"
            return ctx.error(node, f"{value:g} is out of range: use a number {low} and at most {maximum:g}")
        return value

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer" if self.integer else "number",
                               "minimum": -NUMBER_LIMIT if self.minimum is None else self.minimum,
                               "maximum": NUMBER_LIMIT if self.maximum is None else self.maximum}
        if self.description:
            out["description"] = self.description
        return out


class DateT(Type):
    description = "a date, YYYY-MM-DD"

    def convert(self, node: Node, ctx: Ctx) -> Any:
        value = node.value if isinstance(node, ScalarNode) else None
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = date.fromisoformat(value)
        if isinstance(value, date):
            if not FIRST_YEAR <= value.year <= LAST_YEAR:
                return ctx.error(node, f"the date {value} is out of range; use a year from {FIRST_YEAR} to {LAST_YEAR}")
            return value
        return ctx.error(node, f"expected a date like 2026-10-01, found {kind_of(node)}")

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "description": self.description}


class Bool(Type):
    def convert(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, ScalarNode) and isinstance(node.value, bool):
            return node.value
        return ctx.error(node, f"expected true or false, found {kind_of(node)}")

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class Enum(Type):
    def __init__(self, *values: str, description: str = "") -> None:
        self.values = values
        self.description = description

    def convert(self, node: Node, ctx: Ctx) -> Any:
        value = node.value if isinstance(node, ScalarNode) else None
        if isinstance(value, str) and value in self.values:
            return value
        shown = quote(value) if isinstance(value, str) else kind_of(node)
        return ctx.error(node, f"{shown} is not one of: {', '.join(self.values)}")

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"enum": list(self.values)}
        if self.description:
            out["description"] = self.description
        return out


class LevelT(Type):
    description = "skill level: 1-4 or foundational, intermediate, advanced, expert"

    def convert(self, node: Node, ctx: Ctx) -> Any:
        value = node.value if isinstance(node, ScalarNode) else None
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4:
            return m.Level(value)
        if isinstance(value, str) and value.lower() in LEVEL_NAMES:
            return LEVEL_NAMES[value.lower()]
        if isinstance(value, str):
            shown = quote(value)
        else:
            shown = str(value) if isinstance(value, int) and not isinstance(value, bool) else kind_of(node)
        return ctx.error(node, f"level {shown} is not 1-4 or one of: {', '.join(LEVEL_NAMES)}")

    def json_schema(self) -> dict[str, Any]:
        return {"description": self.description,
                "oneOf": [{"type": "integer", "minimum": 1, "maximum": 4}, {"enum": list(LEVEL_NAMES)}]}


class EducationT(Type):
    """An education level name; a typo is reported with the closest level (rule education-level)."""

    description = "education level: " + ", ".join(m.EDUCATION_LEVELS)

    def convert(self, node: Node, ctx: Ctx) -> Any:
        value = node.value if isinstance(node, ScalarNode) else None
        if isinstance(value, str):
            try:
                return m.Education.parse(value)
            except ValueError:
                pass
        shown = quote(value) if isinstance(value, str) else kind_of(node)
        close = difflib.get_close_matches(str(value).lower(), list(m.EDUCATION_LEVELS), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return ctx.error(node, f"education {shown} is not one of: {', '.join(m.EDUCATION_LEVELS)}{hint}",
                         rule="education-level")

    def json_schema(self) -> dict[str, Any]:
        return {"description": self.description, "enum": list(m.EDUCATION_LEVELS)}


class ListOf(Type):
    def __init__(self, item: Type, description: str = "") -> None:
        self.item = item
        self.description = description

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, SeqNode):
            return ctx.error(node, f"expected a list, found {kind_of(node)}")
        out = []
        for child in node.items:
            value = self.item.convert(child, ctx)
            if value is not INVALID:
                out.append(value)
        return tuple(out)

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.description:
            out["description"] = self.description
        return out


class MapOf(Type):
    """A mapping from free keys (names) to values: returns (key, value, key node) triples."""

    def __init__(self, value: Type, description: str = "") -> None:
        self.value = value
        self.description = description

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, MapNode):
            return ctx.error(node, f"expected a mapping, found {kind_of(node)}")
        out = []
        for key_node, value_node in unique_pairs(node, ctx):
            key = key_text(key_node)
            value = self.value.convert(value_node, ctx)
            if value is not INVALID:
                out.append((key, value, ctx.where(key_node)))
        return tuple(out)

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object", "additionalProperties": self.value.json_schema()}
        if self.description:
            out["description"] = self.description
        return out


class Located(Type):
    """A value with where it was written: `(value, SourceRef)`, for names resolved later."""

    def __init__(self, inner: Type) -> None:
        self.inner = inner

    def convert(self, node: Node, ctx: Ctx) -> Any:
        value = self.inner.convert(node, ctx)
        return value if value is INVALID else (value, ctx.where(node))

    def json_schema(self) -> dict[str, Any]:
        return self.inner.json_schema()


class Ref(Type):
    """A reference to a named definition (for recursion and reuse in JSON Schema)."""

    def __init__(self, name: str, target: Callable[[], Type]) -> None:
        self.name = name
        self.target = target

    def convert(self, node: Node, ctx: Ctx) -> Any:
        return self.target().convert(node, ctx)

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{self.name}"}


class ScalarOr(Type):
    """A scalar shorthand or a mapping (cost: 294 or {amount: 294, note: ...})."""

    def __init__(self, scalar: Type, mapping: Type, lift: Callable[[Any], Any]) -> None:
        self.scalar, self.mapping, self.lift = scalar, mapping, lift

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, MapNode):
            return self.mapping.convert(node, ctx)
        value = self.scalar.convert(node, ctx)
        return value if value is INVALID else self.lift(value)

    def json_schema(self) -> dict[str, Any]:
        return {"oneOf": [self.scalar.json_schema(), self.mapping.json_schema()]}


@dataclass
class F:
    type: Type
    required: bool = False
    description: str = ""


def key_text(node: Node) -> str:
    if isinstance(node, ScalarNode) and node.value is not None:
        return str(node.value)
    return ""


def unique_pairs(node: MapNode, ctx: Ctx) -> list[tuple[Node, Node]]:
    seen: dict[str, Node] = {}
    out: list[tuple[Node, Node]] = []
    for key_node, value_node in node.pairs:
        if not isinstance(key_node, ScalarNode):
            ctx.error(key_node, "a key must be plain text, not a list or mapping")
            continue
        key = key_text(key_node)
        if key in seen:
            first = seen[key]
            ctx.error(key_node, f"duplicate key {quote(key)} (first at line {first.line}); "
                      "YAML keeps only the last one: remove one", rule="duplicate-key")
            continue
        seen[key] = key_node
        out.append((key_node, value_node))
    return out


class Obj(Type):
    def __init__(self, what: str, fields: dict[str, F],
                 build: Callable[[dict[str, Any], m.SourceRef], Any] | None = None,
                 description: str = "", free_keys: bool = True) -> None:
        self.what = what
        self.fields = fields
        self.build = build
        self.description = description
        self.free_keys = free_keys

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, MapNode):
            return ctx.error(node, f"expected a {self.what} (a mapping), found {kind_of(node)}")
        values: dict[str, Any] = {}
        given: set[str] = set()
        fields = self.fields
        for key_node, value_node in unique_pairs(node, ctx):
            key = key_text(key_node)
            given.add(key)
            spec = fields.get(key)
            if spec is None:
                if key.startswith("x-") and self.free_keys:
                    values[key] = value_node
                    continue
                close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]!r}?" if close else f"; allowed: {', '.join(fields)}"
                ctx.error(key_node, f"unknown key {quote(key)} in {self.what}{hint}")
                continue
            if isinstance(value_node, ScalarNode) and value_node.value is None:
                # `hours:` with nothing after it is a slip, not "0" or "unknown": the JSON Schema refuses it too
                ctx.error(value_node, f"{quote(key)} is empty; give it a value or delete the line")
                continue
            outer, ctx.key = ctx.key, key
            value = spec.type.convert(value_node, ctx)
            ctx.key = outer
            if value is not INVALID:
                values[key] = value
        missing = [k for k, spec in fields.items() if spec.required and k not in given]
        for key in missing:
            ctx.error(node, f"{self.what} is missing {key!r}")
        if self.build is None:
            return values
        if "id" in fields and "id" not in values:
            return INVALID
        return self.build(values, ctx.where(node))

    def json_schema(self) -> dict[str, Any]:
        props: dict[str, Any] = {}
        for key, spec in self.fields.items():
            sub = spec.type.json_schema()
            if spec.description and "$ref" not in sub:
                sub = {**sub, "description": spec.description}
            props[key] = sub
        out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
        if self.free_keys:
            out["patternProperties"] = {"^x-": {"description": "free for curators' own notes"}}
        required = [k for k, spec in self.fields.items() if spec.required]
        if required:
            out["required"] = required
        if self.description:
            out["description"] = self.description
        return out
