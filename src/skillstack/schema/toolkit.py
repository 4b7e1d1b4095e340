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
import enum
import math
import re
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, is_dataclass
from dataclasses import fields as dataclass_fields
from datetime import date
from typing import Final, Generic, TypeVar, cast

from skillstack import model as m
from skillstack import money
from skillstack.problems import Problem
from skillstack.safe_text import CONTROL, CONTROL_OR_NEWLINE, HTTP_URL_PATTERN, is_http_url
from skillstack.textmatch import suggest
from skillstack.yamlread import MapNode, Node, ScalarNode, SeqNode

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_ID_RE = re.compile(ID_PATTERN)
LEVEL_NAMES = {lv.label: lv for lv in m.Level}


class Invalid(enum.Enum):
    """What `convert` returns for input it rejected, after reporting why: test it with `is INVALID`."""

    INVALID = "INVALID"

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = Invalid.INVALID

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
S = TypeVar("S")
JSONSchema = dict[str, object]
"""A JSON Schema document: keys to JSON values (text, numbers, lists and mappings of them)."""
Values = dict[str, object]
"""A mapping's fields as converted, by key, before a builder turns them into a model object:
read one with its declaration, `F.value` or `F.get`, which knows its type."""


@dataclass
class Ctx:
    path: str
    problems: list[Problem] = field(default_factory=list)
    key: str = ""  # the mapping key whose value is being converted, for messages

    def where(self, node: Node) -> m.SourceRef:
        return m.SourceRef(self.path, node.line, node.col)

    def error(self, node: Node, message: str, rule: str = "schema") -> Invalid:
        self.problems.append(Problem(self.path, node.line, node.col, "error", rule, message))
        return INVALID


QUOTE_LIMIT = 60
"""How many characters of a value an error message quotes."""

NUMBER_LIMIT = 1e9
"""No number in a catalog or profile is larger (a field may set a smaller maximum)."""

MONEY_LIMIT: Final = money.MONEY_LIMIT
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
    """What a node holds, for messages: "a list", "the number 3", "the text 'x'"..."""
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


class Type(Generic[T_co]):
    """Converts one YAML node to a `T_co` (or INVALID, with a problem added) and describes itself."""

    description = ""

    def convert(self, node: Node, ctx: Ctx) -> T_co | Invalid:
        raise NotImplementedError

    def json_schema(self) -> JSONSchema:
        raise NotImplementedError


class Str(Type[str]):
    """Text on one line, without control characters (`multiline=True` allows line breaks and tabs)."""

    def __init__(self, description: str = "", pattern: str | None = None, what: str = "text",
                 multiline: bool = False) -> None:
        self.description = description
        self.pattern = re.compile(pattern) if pattern else None
        self.what = what
        self.multiline = multiline

    def convert(self, node: Node, ctx: Ctx) -> str | Invalid:
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

    def json_schema(self) -> JSONSchema:
        out: JSONSchema = {"type": "string", "minLength": 1}
        if self.pattern:
            out["pattern"] = self.pattern.pattern
        if self.description:
            out["description"] = self.description
        return out


class Url(Str):
    """An http(s) URL: no other scheme (javascript:, file:), no spaces or control characters."""

    def __init__(self, description: str = "") -> None:
        super().__init__(description or "an http(s) URL", what="http(s) URL")

    def convert(self, node: Node, ctx: Ctx) -> str | Invalid:
        value = super().convert(node, ctx)
        if value is INVALID:
            return value
        if not is_http_url(value):
            return ctx.error(node, f"{quote(value)} is not an http(s) URL; write it as https://...", rule="url")
        return value

    def json_schema(self) -> JSONSchema:
        return {**super().json_schema(), "format": "uri", "pattern": HTTP_URL_PATTERN}


class IdRef(Str):
    """An id: lowercase letters, digits and '-' (a bare number is read as its digits)."""

    def __init__(self, description: str = "") -> None:
        super().__init__(description, ID_PATTERN, "id (lowercase letters, digits and '-')")

    def convert(self, node: Node, ctx: Ctx) -> str | Invalid:
        if isinstance(node, ScalarNode) and isinstance(node.value, int) and not isinstance(node.value, bool):
            node = ScalarNode(str(node.value), node.line, node.col)
        return super().convert(node, ctx)


def written(value: float) -> str:
    """A number as people write it in a message: thousands separated, no exponent for a whole
    number, no trailing zeros.

    >>> written(500_000_000), written(1e8), written(0.5), written(-1234.25), written(-0.5)
    ('500,000,000', '100,000,000', '0.5', '-1,234.25', '-0.5')
    """
    sign = "-" if value < 0 else ""
    if float(value).is_integer():
        return f"{sign}{abs(int(value)):,}"
    whole, dot, part = repr(abs(float(value))).partition(".")
    return f"{sign}{int(whole):,}{dot}{part}" if dot else f"{sign}{whole}"


class Num(Type[float]):
    """A finite number (`integer=True`: a whole one) within bounds; kept as written (int or float)."""

    def __init__(self, description: str = "", integer: bool = False,
                 minimum: float | None = None, maximum: float | None = None) -> None:
        self.description = description
        self.integer = integer
        self.minimum = minimum
        self.maximum = maximum

    def convert(self, node: Node, ctx: Ctx) -> float | Invalid:
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
            return ctx.error(node, f"{what}{written(value)} is negative; use 0 or more", rule="negative-value")
        maximum = NUMBER_LIMIT if self.maximum is None else self.maximum
        if (self.minimum is not None and value < self.minimum) or value > maximum or value < -NUMBER_LIMIT:
            low = written(-NUMBER_LIMIT if self.minimum is None else self.minimum)
            return ctx.error(node, f"{written(value)} is out of range: use a number at least {low} and at most "
                             f"{written(maximum)}")
        return value

    def json_schema(self) -> JSONSchema:
        out: JSONSchema = {"type": "integer" if self.integer else "number",
                           "minimum": -NUMBER_LIMIT if self.minimum is None else self.minimum,
                           "maximum": NUMBER_LIMIT if self.maximum is None else self.maximum}
        if self.description:
            out["description"] = self.description
        return out


class Real(Num):
    """A `Num` read as a float (`hours: 10` -> 10.0), for model fields typed `float`."""

    def convert(self, node: Node, ctx: Ctx) -> float | Invalid:
        value = super().convert(node, ctx)
        return value if value is INVALID else float(value)


class Whole(Type[int]):
    """A whole number within bounds (`Num(integer=True)`, typed `int`)."""

    def __init__(self, description: str = "", minimum: int | None = None, maximum: int | None = None) -> None:
        self.num = Num(description, integer=True, minimum=minimum, maximum=maximum)
        self.description = description

    def convert(self, node: Node, ctx: Ctx) -> int | Invalid:
        value = self.num.convert(node, ctx)
        return value if value is INVALID else int(value)

    def json_schema(self) -> JSONSchema:
        return self.num.json_schema()


class DateT(Type[date]):
    description = "a date, YYYY-MM-DD"

    def convert(self, node: Node, ctx: Ctx) -> date | Invalid:
        value = node.value if isinstance(node, ScalarNode) else None
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = date.fromisoformat(value)
        if isinstance(value, date):
            if not FIRST_YEAR <= value.year <= LAST_YEAR:
                return ctx.error(node, f"the date {value} is out of range; use a year from {FIRST_YEAR} to {LAST_YEAR}")
            return value
        return ctx.error(node, f"expected a date like 2026-10-01, found {kind_of(node)}")

    def json_schema(self) -> JSONSchema:
        return {"type": "string", "format": "date", "description": self.description}


class Bool(Type[bool]):
    def convert(self, node: Node, ctx: Ctx) -> bool | Invalid:
        if isinstance(node, ScalarNode) and isinstance(node.value, bool):
            return node.value
        return ctx.error(node, f"expected true or false, found {kind_of(node)}")

    def json_schema(self) -> JSONSchema:
        return {"type": "boolean"}


class Enum(Type[str]):
    def __init__(self, *values: str, description: str = "") -> None:
        self.values = values
        self.description = description

    def convert(self, node: Node, ctx: Ctx) -> str | Invalid:
        value = node.value if isinstance(node, ScalarNode) else None
        if isinstance(value, str) and value in self.values:
            return value
        shown = quote(value) if isinstance(value, str) else kind_of(node)
        return ctx.error(node, f"{shown} is not one of: {', '.join(self.values)}")

    def json_schema(self) -> JSONSchema:
        out: JSONSchema = {"enum": list(self.values)}
        if self.description:
            out["description"] = self.description
        return out


class LevelT(Type[m.Level]):
    description = "skill level: 1-4 or foundational, intermediate, advanced, expert"

    def convert(self, node: Node, ctx: Ctx) -> m.Level | Invalid:
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

    def json_schema(self) -> JSONSchema:
        return {"description": self.description,
                "oneOf": [{"type": "integer", "minimum": 1, "maximum": 4}, {"enum": list(LEVEL_NAMES)}]}


class EducationT(Type[m.Education]):
    """An education level name; a typo is reported with the closest level (rule education-level)."""

    description = "education level: " + ", ".join(m.EDUCATION_LEVELS)

    def convert(self, node: Node, ctx: Ctx) -> m.Education | Invalid:
        value = node.value if isinstance(node, ScalarNode) else None
        if isinstance(value, str):
            try:
                return m.Education.parse(value)
            except ValueError:
                pass
        shown = quote(value) if isinstance(value, str) else kind_of(node)
        close = suggest(str(value), m.EDUCATION_LEVELS)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return ctx.error(node, f"education {shown} is not one of: {', '.join(m.EDUCATION_LEVELS)}{hint}",
                         rule="education-level")

    def json_schema(self) -> JSONSchema:
        return {"description": self.description, "enum": list(m.EDUCATION_LEVELS)}


class ListOf(Type[tuple[T, ...]]):
    """A list; an item that does not convert is dropped (its problem is reported)."""

    def __init__(self, item: Type[T], description: str = "") -> None:
        self.item = item
        self.description = description

    def convert(self, node: Node, ctx: Ctx) -> tuple[T, ...] | Invalid:
        if not isinstance(node, SeqNode):
            return ctx.error(node, f"expected a list, found {kind_of(node)}")
        out: list[T] = []
        for child in node.items:
            value = self.item.convert(child, ctx)
            if value is not INVALID:
                out.append(value)
        return tuple(out)

    def json_schema(self) -> JSONSchema:
        out: JSONSchema = {"type": "array", "items": self.item.json_schema()}
        if self.description:
            out["description"] = self.description
        return out


class MapOf(Type[tuple[tuple[str, T, m.SourceRef], ...]]):
    """A mapping from free keys (names) to values: returns (key, value, key's position) triples."""

    def __init__(self, value: Type[T], description: str = "") -> None:
        self.value = value
        self.description = description

    def convert(self, node: Node, ctx: Ctx) -> tuple[tuple[str, T, m.SourceRef], ...] | Invalid:
        if not isinstance(node, MapNode):
            return ctx.error(node, f"expected a mapping, found {kind_of(node)}")
        out: list[tuple[str, T, m.SourceRef]] = []
        for key_node, value_node in unique_pairs(node, ctx):
            key = key_text(key_node)
            value = self.value.convert(value_node, ctx)
            if value is not INVALID:
                out.append((key, value, ctx.where(key_node)))
        return tuple(out)

    def json_schema(self) -> JSONSchema:
        out: JSONSchema = {"type": "object", "additionalProperties": self.value.json_schema()}
        if self.description:
            out["description"] = self.description
        return out


class Located(Type[tuple[T, m.SourceRef]]):
    """A value with where it was written: `(value, SourceRef)`, for names resolved later."""

    def __init__(self, inner: Type[T]) -> None:
        self.inner = inner

    def convert(self, node: Node, ctx: Ctx) -> tuple[T, m.SourceRef] | Invalid:
        value = self.inner.convert(node, ctx)
        return value if value is INVALID else (value, ctx.where(node))

    def json_schema(self) -> JSONSchema:
        return self.inner.json_schema()


class Ref(Type[T]):
    """A reference to a named definition (for recursion and reuse in JSON Schema)."""

    def __init__(self, name: str, target: Callable[[], Type[T]]) -> None:
        self.name = name
        self.target = target

    def convert(self, node: Node, ctx: Ctx) -> T | Invalid:
        return self.target().convert(node, ctx)

    def json_schema(self) -> JSONSchema:
        return {"$ref": f"#/$defs/{self.name}"}


class ScalarOr(Type[T], Generic[S, T]):
    """A scalar shorthand or a mapping (cost: 294 or {amount: 294, note: ...})."""

    def __init__(self, scalar: Type[S], mapping: Type[T], lift: Callable[[S], T]) -> None:
        self.scalar, self.mapping, self.lift = scalar, mapping, lift

    def convert(self, node: Node, ctx: Ctx) -> T | Invalid:
        if isinstance(node, MapNode):
            return self.mapping.convert(node, ctx)
        value = self.scalar.convert(node, ctx)
        return value if value is INVALID else self.lift(value)

    def json_schema(self) -> JSONSchema:
        return {"oneOf": [self.scalar.json_schema(), self.mapping.json_schema()]}


NO_DEFAULT: Final = object()
"""`F.default` when a field has none of its own (the model dataclass's default applies)."""


@dataclass(frozen=True)
class F(Generic[T_co]):
    """A declared field of a mapping: its type, whether it is required, its documentation, and
    for `Record`s the model field it fills (`attr`, default: the key itself; "" fills none)
    and what it is when missing or rejected (`default`: a value, or a function of the other
    fields' values, e.g. a name that falls back to the id)."""

    type: Type[T_co]
    required: bool = False
    description: str = ""
    attr: str | None = None
    default: object = NO_DEFAULT

    def value(self, values: Values, key: str) -> T_co:
        """What this field's converter made of `key` (KeyError when it is not in `values`): a
        `T_co`, as only this declaration's `type.convert` writes `values[key]`."""
        return cast("T_co", values[key])

    def get(self, values: Values, key: str) -> T_co | None:
        """`value`, or None when `key` is left out (or was rejected)."""
        return cast("T_co | None", values.get(key))


def key_text(node: Node) -> str:
    """A mapping key's text ("" for a key that is not a scalar)."""
    if isinstance(node, ScalarNode) and node.value is not None:
        return str(node.value)
    return ""


def unique_pairs(node: MapNode, ctx: Ctx) -> list[tuple[Node, Node]]:
    """The (key, value) pairs of a mapping, reporting non-scalar and duplicate keys (dropped)."""
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


class Obj(Type[T]):
    """A mapping of declared fields. `build(values, where)` makes the result from the converted
    fields (or INVALID); `mapping()` makes one whose result is the `Values` mapping itself. A
    mapping with an `id` field whose id is missing or bad is INVALID (its problems are reported)."""

    def __init__(self, what: str, fields: dict[str, F[object]],
                 build: Callable[[Values, m.SourceRef], T | Invalid],
                 description: str = "", free_keys: bool = True) -> None:
        self.what = what
        self.fields = fields
        self.build = build
        self.description = description
        self.free_keys = free_keys

    def values(self, node: MapNode, ctx: Ctx) -> Values:
        """The converted fields of a mapping by key (rejected ones left out, each reported), and
        the curators' own `x-` keys as their nodes."""
        values: Values = {}
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
                close = suggest(key, list(fields))
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
        return values

    def convert(self, node: Node, ctx: Ctx) -> T | Invalid:
        if not isinstance(node, MapNode):
            return ctx.error(node, f"expected a {self.what} (a mapping), found {kind_of(node)}")
        values = self.values(node, ctx)
        if "id" in self.fields and "id" not in values:
            return INVALID
        return self.build(values, ctx.where(node))

    def json_schema(self) -> JSONSchema:
        props: JSONSchema = {}
        for key, spec in self.fields.items():
            sub = spec.type.json_schema()
            if spec.description and "$ref" not in sub:
                sub = {**sub, "description": spec.description}
            props[key] = sub
        out: JSONSchema = {"type": "object", "properties": props, "additionalProperties": False}
        if self.free_keys:
            out["patternProperties"] = {"^x-": {"description": "free for curators' own notes"}}
        required = [k for k, spec in self.fields.items() if spec.required]
        if required:
            out["required"] = required
        if self.description:
            out["description"] = self.description
        return out


def as_given(values: Values, _where: m.SourceRef) -> Values:
    """The builder of a `mapping`: the converted fields by key, as they are."""
    return values


def mapping(what: str, fields: dict[str, F[object]], description: str = "", free_keys: bool = True) -> Obj[Values]:
    """An `Obj` whose result is its converted fields by key (for records read further by hand)."""
    return Obj(what, fields, as_given, description, free_keys)


class Record(Obj[T]):
    """A mapping that builds the model dataclass `model` from its declared fields.

    Each key fills the model field of the same name, or `F.attr` when they differ (YAML
    `experience` -> `ExperienceReq.domain`), so a new field is one line in the model and one
    here. `where` (when the model has it) is the mapping's position; `derive(values)` adds
    fields computed from several keys. A field left out (or rejected) takes its `F.default`,
    else the dataclass default; a required field without `F.default` makes the record INVALID.
    """

    def __init__(self, what: str, model: Callable[..., T], fields: dict[str, F[object]],
                 description: str = "", free_keys: bool = True,
                 derive: Callable[[Values], Values] | None = None) -> None:
        super().__init__(what, fields, self.make, description, free_keys)
        self.model = model
        self.derive = derive
        if not is_dataclass(model):
            raise TypeError(f"{what}: {model!r} is not a dataclass")
        declared = {f.name: f for f in dataclass_fields(model)}
        self.has_where = "where" in declared  # the model keeps the mapping's position
        # the model's fields without a default: a record that leaves one unfilled is INVALID
        self.needed = {name for name, f in declared.items()
                       if f.default is MISSING and f.default_factory is MISSING and name != "where"}
        for key, spec in self.fields.items():
            attr = key if spec.attr is None else spec.attr
            if attr and attr not in declared:
                raise TypeError(f"{what}: {key!r} fills no field of {model.__name__}")

    def make(self, values: Values, where: m.SourceRef) -> T | Invalid:
        """The model object from a mapping's converted `values` (the builder; the fast reader
        compiles the same rule when `build` is this), or INVALID."""
        kwargs: Values = {}
        for key, spec in self.fields.items():
            if spec.required and key not in values and spec.default is NO_DEFAULT:
                return INVALID
            attr = key if spec.attr is None else spec.attr
            if not attr:
                continue
            if key in values:
                kwargs[attr] = values[key]
            elif spec.default is not NO_DEFAULT:
                default = spec.default
                kwargs[attr] = default(values) if callable(default) else default
        if self.derive is not None:
            kwargs.update(self.derive(values))
        if not self.needed <= kwargs.keys():
            return INVALID
        if self.has_where:
            kwargs["where"] = where
        return self.model(**kwargs)
