"""One declarative schema for catalog and profile files.

The same type objects do two jobs, so they cannot drift apart:
- `convert(node, ctx)` checks a YAML node (from `yamlread`) and returns a plain
  value or a model object, adding a located problem for each mistake;
- `json_schema()` describes the same shape as JSON Schema for editors.

A mistake inside a field drops that field (or list item) and is reported; an
object is still built when its `id` is good, so one typo does not cascade into
"unknown reference" noise elsewhere.
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


def _kind(node: Node) -> str:
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
            return ctx.error(node, f"expected {self.what}, found {_kind(node)}")
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
            return ctx.error(node, f"expected {'a whole number' if self.integer else 'a number'}, found {_kind(node)}")
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
        return ctx.error(node, f"expected a date like 2026-10-01, found {_kind(node)}")

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "description": self.description}


class Bool(Type):
    def convert(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, ScalarNode) and isinstance(node.value, bool):
            return node.value
        return ctx.error(node, f"expected true or false, found {_kind(node)}")

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
        shown = quote(value) if isinstance(value, str) else _kind(node)
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
            shown = str(value) if isinstance(value, int) and not isinstance(value, bool) else _kind(node)
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
        shown = quote(value) if isinstance(value, str) else _kind(node)
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
            return ctx.error(node, f"expected a list, found {_kind(node)}")
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
            return ctx.error(node, f"expected a mapping, found {_kind(node)}")
        out = []
        for key_node, value_node in _unique_pairs(node, ctx):
            key = _key_text(key_node)
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


def _key_text(node: Node) -> str:
    if isinstance(node, ScalarNode) and node.value is not None:
        return str(node.value)
    return ""


def _unique_pairs(node: MapNode, ctx: Ctx) -> list[tuple[Node, Node]]:
    seen: dict[str, Node] = {}
    out: list[tuple[Node, Node]] = []
    for key_node, value_node in node.pairs:
        if not isinstance(key_node, ScalarNode):
            ctx.error(key_node, "a key must be plain text, not a list or mapping")
            continue
        key = _key_text(key_node)
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
            return ctx.error(node, f"expected a {self.what} (a mapping), found {_kind(node)}")
        values: dict[str, Any] = {}
        given: set[str] = set()
        fields = self.fields
        for key_node, value_node in _unique_pairs(node, ctx):
            key = _key_text(key_node)
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


# ---- the requirement grammar ----------------------------------------------

_REQ_KEYS = ("skill", "credential", "experience", "education", "any_of", "all_of", "n_of")


class RequirementT(Type):
    description = ("one prerequisite: {skill, level}, {credential}, {experience, years}, {education, field}, "
                   "{any_of: [...]}, {all_of: [...]} or {n_of: N, from: [...]}")

    def __init__(self) -> None:
        items = ListOf(Ref("requirement", lambda: REQUIREMENT))
        self.shapes = {
            "skill": Obj("skill requirement", {"skill": F(IdRef(), True), "level": F(LevelT())}, free_keys=False),
            "credential": Obj("credential requirement", {"credential": F(IdRef(), True)}, free_keys=False),
            "experience": Obj("experience requirement", {
                "experience": F(Str("work domain, e.g. security"), True),
                "years": F(Num("years of work in the domain", minimum=0, maximum=80), True)}, free_keys=False),
            "education": Obj("education requirement", {
                "education": F(EducationT(), True),
                "field": F(Str("field of study, e.g. health information management")),
                "accredited": F(Bool(), description="from an accredited program")}, free_keys=False),
            "any_of": Obj("any_of group", {"any_of": F(items, True)}, free_keys=False),
            "all_of": Obj("all_of group", {"all_of": F(items, True)}, free_keys=False),
            "n_of": Obj("n_of group", {"n_of": F(Num("how many", integer=True, minimum=0, maximum=10_000), True),
                                       "from": F(items, True)}, free_keys=False),
        }

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, MapNode):
            return ctx.error(node, f"expected a requirement (a mapping), found {_kind(node)}")
        keys = [_key_text(k) for k, _ in node.pairs]
        kinds = [k for k in keys if k in _REQ_KEYS]
        if len(kinds) != 1:
            what = "none" if not kinds else " and ".join(kinds)
            return ctx.error(node, f"a requirement names exactly one of {', '.join(_REQ_KEYS)}; found {what}")
        kind = kinds[0]
        values = self.shapes[kind].convert(node, ctx)
        if values is INVALID or any(k not in values for k, s in self.shapes[kind].fields.items() if s.required):
            return INVALID
        where = ctx.where(node)
        if kind == "skill":
            return m.SkillReq(m.SkillId(values["skill"]), values.get("level", m.Level.FOUNDATIONAL), where)
        if kind == "credential":
            return m.CredentialReq(m.CredentialId(values["credential"]), where)
        if kind == "experience":
            return m.ExperienceReq(values["experience"], float(values["years"]), where)
        if kind == "education":
            return m.EducationReq(values["education"], values.get("field", ""), values.get("accredited", False), where)
        if kind == "any_of":
            return m.AnyOf(values["any_of"], where)
        if kind == "all_of":
            return m.AllOf(values["all_of"], where)
        return m.NOf(values["n_of"], values["from"], where)

    def json_schema(self) -> dict[str, Any]:
        return {"description": self.description,
                "oneOf": [shape.json_schema() for shape in self.shapes.values()]}


REQUIREMENT = RequirementT()
_REQS = ListOf(Ref("requirement", lambda: REQUIREMENT))


# ---- catalog objects --------------------------------------------------------


def _build_skill(v: dict[str, Any], where: m.SourceRef) -> m.Skill:
    return m.Skill(
        id=m.SkillId(v["id"]), name=v.get("name", v["id"]), where=where,
        aliases=v.get("aliases", ()), domain=v.get("domain", ""), description=v.get("description", ""),
        broader=m.SkillId(v["broader"]) if "broader" in v else None,
        esco=v.get("esco", ""), onet=v.get("onet", ""))


SKILL = Obj("skill", {
    "id": F(IdRef(), True), "name": F(Str(), True),
    "aliases": F(ListOf(Str()), description="other names people type"),
    "domain": F(Str(), description="free text, for grouping and reports"),
    "description": F(Str(multiline=True)),
    "broader": F(IdRef(), description="parent skill id (taxonomy tree)"),
    "esco": F(Str(), description="ESCO skill URI"), "onet": F(Str(), description="O*NET element id"),
}, _build_skill)

SUBSCRIPTION = Obj("subscription", {
    "monthly": F(Num("price per month", minimum=0, maximum=MONEY_LIMIT), True),
    "provider": F(Str("who bills it, e.g. coursera; credentials of one provider share one subscription"), True),
}, lambda v, _w: m.Subscription(float(v["monthly"]), str(v["provider"]).lower())
    if "monthly" in v and "provider" in v else INVALID, free_keys=False)


def _build_cost(v: dict[str, Any], _where: m.SourceRef) -> Any:
    if "amount" not in v and "subscription" not in v:
        return INVALID
    return m.Cost(float(v.get("amount", 0.0)), v.get("currency", "USD"), v.get("note", ""),
                  v.get("subscription"), v.get("retake"), v.get("training"))


class CostObj(Obj):
    """A cost mapping needs `amount`, `subscription` or both."""

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, MapNode):
            keys = {_key_text(k) for k, _ in node.pairs}
            if not keys & {"amount", "subscription"}:
                return ctx.error(node, "cost is missing 'amount' (a one-off price) or 'subscription' "
                                       "({monthly, provider})")
        return super().convert(node, ctx)

    def json_schema(self) -> dict[str, Any]:
        return {**super().json_schema(), "anyOf": [{"required": ["amount"]}, {"required": ["subscription"]}]}


COST = ScalarOr(
    Num("USD", minimum=0, maximum=MONEY_LIMIT),
    CostObj("cost", {
        "amount": F(Num(minimum=0, maximum=MONEY_LIMIT), description="paid once (an exam fee, a course price)"),
        "currency": F(Str(pattern=r"^[A-Z]{3}$", what="ISO currency code")),
        "note": F(Str(multiline=True)),
        "subscription": F(SUBSCRIPTION, description="a monthly price the planner multiplies by the months "
                                                    "studied at the learner's pace"),
        "retake": F(Num(minimum=0, maximum=MONEY_LIMIT), description="a retake fee: shown, never added to a plan"),
        "training": F(Num(minimum=0, maximum=MONEY_LIMIT), description="optional training: shown, never added to a plan"),
    }, _build_cost),
    lambda amount: m.Cost(float(amount)),
)
SOURCE_OBJ = Obj("source", {
    "url": F(Url("where the facts were read"), True),
    "kind": F(Enum(*m.SOURCE_KINDS, description="issuer: the issuer's own page; authority: e.g. DoD COOL, "
                                                 "BLS, O*NET; secondary: a page quoting others"), True),
    "facts": F(ListOf(Enum(*m.FACTS)), description="the fact groups this page backs; omitted: all of them"),
    "reviewed": F(DateT(), description="when a curator last re-read this page for these facts"),
    "note": F(Str(multiline=True)),
}, lambda v, _w: m.Source(v["url"], v["kind"], tuple(dict.fromkeys(v.get("facts", ()))), v.get("reviewed"),
                          v.get("note", "")) if "url" in v and "kind" in v else INVALID)
SOURCE = ScalarOr(Url("a URL (kind unknown, backs every fact)"), SOURCE_OBJ, lambda url: m.Source(url))
SOURCES = ListOf(SOURCE, description="where the facts were read: URLs or {url, kind, facts, reviewed}")
DISCOUNT_AFTER = Obj("discount condition", {
    "issuer": F(Str("an issuer, as written in credentials' `issuer`")),
    "credential": F(IdRef()),
}, free_keys=False)


class DiscountT(Obj):
    """A discount's `after` names exactly one of issuer or credential."""

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, MapNode):
            for key_node, value_node in node.pairs:
                if _key_text(key_node) == "after" and isinstance(value_node, MapNode) and len(value_node.pairs) != 1:
                    return ctx.error(value_node, "a discount's `after` names exactly one of issuer or credential")
        return super().convert(node, ctx)


def _build_discount(v: dict[str, Any], where: m.SourceRef) -> Any:
    after = v.get("after")
    if "percent" not in v or not isinstance(after, dict) or len(after) != 1:
        return INVALID
    cred = after.get("credential")
    return m.Discount(float(v["percent"]), after.get("issuer", ""),
                      m.CredentialId(cred) if cred else None, v.get("note", ""), where)


DISCOUNT = DiscountT("discount", {
    "percent": F(Num("percent off the one-off amount", minimum=0, maximum=100), True),
    "after": F(DISCOUNT_AFTER, True, "applies when a credential of this issuer (or this credential) comes "
                                     "earlier in the pathway"),
    "note": F(Str(multiline=True)),
}, _build_discount)
GRANT = Obj("grant", {"skill": F(IdRef(), True), "level": F(LevelT(), True)},
            lambda v, w: m.Grant(m.SkillId(v["skill"]), v["level"], w) if "level" in v and "skill" in v else INVALID,
            free_keys=False)
CREDIT = Obj("credit", {"toward": F(Str(), True), "credits": F(Num(maximum=1000), True)},
             lambda v, _w: m.Credit(v["toward"], float(v["credits"])) if len(v) == 2 else INVALID)
ALLOW_DOC = ("warning rule ids a curator has checked and accepts for this entry (reported at the entry "
             "itself); errors cannot be silenced")
CREDENTIAL_KINDS = ("course", "professional-certificate", "digital-badge", "industry-certification", "program")
VERIFICATIONS = ("open-badges", "credly", "issuer-registry", "none")


def _build_credential(v: dict[str, Any], where: m.SourceRef) -> m.Credential:
    return m.Credential(
        id=m.CredentialId(v["id"]), name=v.get("name", v["id"]), issuer=v.get("issuer", ""),
        kind=v.get("kind", ""), where=where, provider=v.get("provider", ""), url=v.get("url", ""),
        cost=v.get("cost", m.Cost(0.0)), hours=float(v.get("hours", 0.0)), level=v.get("level", ""),
        format=v.get("format", ""), grants=v.get("grants", ()), requires=v.get("requires", ()),
        recommends=v.get("recommends", ()), awarded_for=v.get("awarded_for"), credit=v.get("credit", ()),
        validity_years=float(v["validity_years"]) if "validity_years" in v else None,
        renewal=v.get("renewal", ""), accreditation=v.get("accreditation", ()),
        verification=v.get("verification", ""), last_reviewed=v.get("last_reviewed"),
        sources=v.get("sources", ()), note=v.get("description", ""), allow_warnings=v.get("allow_warnings", ()),
        status=v.get("status", "active"), retires=v.get("retires"),
        superseded_by=m.CredentialId(v["superseded_by"]) if "superseded_by" in v else None,
        exam=str(v.get("exam", "")), discounts=v.get("discounts", ()))


_AWARDED = Obj("awarded_for", {
    "all_of": F(_REQS), "any_of": F(_REQS),
    "n_of": F(Num(integer=True, minimum=0, maximum=10_000)), "from": F(_REQS),
}, lambda v, w: _build_awarded(v, w), free_keys=False)


def _build_awarded(v: dict[str, Any], where: m.SourceRef) -> Any:
    if "all_of" in v and len(v) == 1:
        return m.AllOf(v["all_of"], where)
    if "any_of" in v and len(v) == 1:
        return m.AnyOf(v["any_of"], where)
    if set(v) == {"n_of", "from"}:
        return m.NOf(v["n_of"], v["from"], where)
    return INVALID


CREDENTIAL = Obj("credential", {
    "id": F(IdRef(), True), "name": F(Str(), True), "issuer": F(Str(), True),
    "provider": F(Str(), description="where it is taken, if not the issuer"),
    "kind": F(Enum(*CREDENTIAL_KINDS), True), "url": F(Url("the credential's own page")),
    "description": F(Str(multiline=True)),
    "cost": F(COST, description="USD, or {amount, currency, note, subscription, retake, training}"),
    "discounts": F(ListOf(DISCOUNT), description="conditional discounts the planner applies"),
    "hours": F(Num(minimum=0, maximum=100_000), description="learning + exam preparation, estimated"),
    "level": F(Enum("beginner", "intermediate", "advanced")),
    "format": F(Str()),
    "grants": F(ListOf(GRANT), description="skills at the level a holder can show"),
    "requires": F(_REQS, description="ALL of these must hold before starting"),
    "recommends": F(_REQS, description="advice only, never enforced"),
    "awarded_for": F(_AWARDED, description="a stacked credential: earned automatically from its parts"),
    "credit": F(ListOf(CREDIT)),
    "validity_years": F(Num(minimum=0, maximum=100), description="held credentials expire after this"),
    "renewal": F(Str(multiline=True)), "accreditation": F(ListOf(Str())),
    "verification": F(Enum(*VERIFICATIONS)),
    "last_reviewed": F(DateT(), description="when a curator last checked the facts"),
    "sources": F(SOURCES),
    "allow_warnings": F(ListOf(Str()), description=ALLOW_DOC),
    "status": F(Enum(*m.CREDENTIAL_STATUSES), description="default active"),
    "retires": F(DateT(), description="the last day it can be earned"),
    "superseded_by": F(IdRef(), description="the credential that replaces it"),
    "exam": F(Str(), description="current exam code or version, e.g. SY0-701"),
}, _build_credential)

IMPORTANCES = ("essential", "important", "optional")
ROLE_SKILL = Obj("role skill requirement", {
    "skill": F(IdRef(), True), "level": F(LevelT(), True),
    "importance": F(Enum(*IMPORTANCES), description="default essential"),
    "source": F(Str(), description="who says the role needs it"),
}, lambda v, w: (m.RoleSkill(m.SkillId(v["skill"]), v["level"], v.get("importance", "essential"), w,
                             v.get("source", ""))
                  if "skill" in v and "level" in v else INVALID), free_keys=False)
_ITEM_KEYS = {"importance": F(Enum(*IMPORTANCES), description="default essential"),
              "source": F(Str(), description="who expects it: an issuer's role path, DoD 8140 / COOL, "
                                             "CareerOneStop, job posting counts")}


class RoleItemT(Type):
    """A role requirement: a skill at a level, or (any requirement of the grammar: credentials
    expected, groups of them, experience, education) with `importance` and `source`."""

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, MapNode):
            return ctx.error(node, f"expected a role requirement (a mapping), found {_kind(node)}")
        keys = {_key_text(k) for k, _ in node.pairs}
        if "skill" in keys:
            return ROLE_SKILL.convert(node, ctx)
        inner = MapNode(node.line, node.col)
        extra: dict[str, Any] = {}
        for key_node, value_node in node.pairs:
            key = _key_text(key_node)
            if key in _ITEM_KEYS:
                value = _ITEM_KEYS[key].type.convert(value_node, ctx)
                if value is not INVALID:
                    extra[key] = value
            else:
                inner.pairs.append((key_node, value_node))
        req = REQUIREMENT.convert(inner, ctx)
        if req is INVALID:
            return INVALID
        return m.Expectation(req, extra.get("importance", "essential"), extra.get("source", ""), ctx.where(node))

    def json_schema(self) -> dict[str, Any]:
        extra = {k: f.type.json_schema() for k, f in _ITEM_KEYS.items()}
        shapes = []
        for name, shape in REQUIREMENT.shapes.items():
            if name == "skill":
                continue  # a skill item is ROLE_SKILL
            sub = shape.json_schema()  # closed objects: add importance and source to each shape
            shapes.append({**sub, "properties": {**sub["properties"], **extra}})
        other = {"oneOf": shapes,
                 "description": "credentials employers expect, experience or education, with importance and source"}
        return {"anyOf": [ROLE_SKILL.json_schema(), other]}


ROLE_ITEM = RoleItemT()
SALARY = Obj("salary", {
    "median": F(Num(minimum=0), True), "currency": F(Str()),
    "year": F(Num(integer=True, minimum=FIRST_YEAR, maximum=LAST_YEAR)),
    "source": F(Str(), description="who publishes the figure, e.g. 'BLS OEWS May 2024'"),
    "kind": F(Enum(*m.SOURCE_KINDS), description="authority for BLS/O*NET figures"),
    "proxy": F(Bool(), description="true when the pay is a broader occupation's, named in `occupation`"),
    "occupation": F(Str(), description="the occupation (code and title) the figure is for"),
    "url": F(Url()),
}, lambda v, _w: m.Salary(float(v["median"]), v.get("currency", "USD"), v.get("year"), v.get("source", ""),
                          v.get("kind", ""), bool(v.get("proxy", False)), v.get("occupation", ""), v.get("url", ""))
    if "median" in v else INVALID)


def _build_role(v: dict[str, Any], where: m.SourceRef) -> m.Role:
    items = v.get("requires", ())
    return m.Role(
        id=m.RoleId(v["id"]), name=v.get("name", v["id"]), where=where, domain=v.get("domain", ""),
        description=v.get("description", ""), onet=v.get("onet", ""), esco=v.get("esco", ""),
        requires=tuple(i for i in items if isinstance(i, m.RoleSkill)), salary=v.get("salary"),
        outlook=v.get("outlook", ""), sources=v.get("sources", ()), last_reviewed=v.get("last_reviewed"),
        allow_warnings=v.get("allow_warnings", ()),
        expects=tuple(i for i in items if isinstance(i, m.Expectation)), level=v.get("level", ""),
        next=tuple(m.RoleId(r) for r in v.get("next", ())), previous=tuple(m.RoleId(r) for r in v.get("previous", ())))


ROLE = Obj("role", {
    "id": F(IdRef(), True), "name": F(Str(), True), "domain": F(Str()), "description": F(Str(multiline=True)),
    "onet": F(Str(pattern=r"^\d{2}-\d{4}\.\d{2}$", what="O*NET-SOC code like 15-2051.01")),
    "esco": F(Str()),
    "requires": F(ListOf(ROLE_ITEM), True,
                  description="skills at a level, credentials expected, experience and education"),
    "level": F(Enum(*m.ROLE_LEVELS), description="seniority"),
    "next": F(ListOf(IdRef()), description="roles people usually move on to"),
    "previous": F(ListOf(IdRef()), description="roles people usually come from"),
    "salary": F(SALARY), "outlook": F(Enum("growing", "stable", "declining")),
    "sources": F(SOURCES), "last_reviewed": F(DateT()),
    "allow_warnings": F(ListOf(Str()), description=ALLOW_DOC),
}, _build_role)

CATALOG_INFO = Obj("catalog", {
    "name": F(Str(), True), "version": F(Str()), "license": F(Str()), "sources": F(ListOf(Url())),
    "description": F(Str(multiline=True)),
}, lambda v, _w: m.CatalogInfo(v.get("name", ""), str(v.get("version", "")), v.get("license", ""),
                               v.get("sources", ())))

CATALOG_FILE = Obj("catalog file", {
    "catalog": F(CATALOG_INFO, description="catalog metadata, usually in catalog.yaml"),
    "skills": F(ListOf(SKILL)), "credentials": F(ListOf(CREDENTIAL)), "roles": F(ListOf(ROLE)),
})


# ---- profiles ---------------------------------------------------------------

HELD = Obj("held credential", {"id": F(Located(Str("credential id or name")), True), "earned": F(DateT()),
                                "expires": F(DateT(), description="its own expiry date, e.g. an imported badge's")},
           free_keys=False)
CONSTRAINTS = Obj("constraints", {
    "budget": F(Num(minimum=0, maximum=MONEY_LIMIT), description="USD"),
    "hours_per_week": F(Num(minimum=0.5, maximum=100), description="default 10"),
    "start": F(DateT()), "deadline": F(DateT()),
    "exclude": F(ListOf(Located(Str())), description="credential ids or issuers to leave out"),
    "optimize": F(Enum(*m.OBJECTIVES)),
    "with_optional": F(Bool(), description="also close optional role skills"),
    "issuers": F(ListOf(Str()), description="plan only credentials of these issuers (an AWS shop)"),
    "strict_recommendations": F(Bool(), description="treat each credential's recommends as required"),
})
PROFILE_FILE = Obj("profile", {
    "name": F(Str()),
    "skills": F(MapOf(LevelT(), "skill id or name -> level")),
    "credentials": F(ListOf(HELD)),
    "experience": F(MapOf(Num(minimum=0, maximum=80), "work domain -> years")),
    "targets": F(ListOf(Located(Str("role id or name")))),
    "constraints": F(CONSTRAINTS),
    "progress": F(Obj("progress", {
        "in_progress": F(ListOf(Located(Str("credential id or name")))),
        "started": F(MapOf(DateT(), "credential id -> the day it was started"),
                     description="written by `skillstack progress start`")})),
    "current_salary": F(Obj("current salary", {
        "amount": F(Num(minimum=0, maximum=MONEY_LIMIT), True), "currency": F(Str()),
        "source": F(Str(), description="where the figure comes from, e.g. a payslip")}, free_keys=False),
        description="what the learner earns now, for return on investment"),
    "education": F(Obj("education", {
        "level": F(EducationT(), True), "field": F(Str("field of study")),
        "accredited": F(Bool(), description="from an accredited program")}, free_keys=False)),
})


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a catalog file (`kind="catalog"`) or a profile."""
    root = CATALOG_FILE if kind == "catalog" else PROFILE_FILE
    title = "skillstack catalog file" if kind == "catalog" else "skillstack profile"
    out: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://skillstack.dev/schema/{kind}.json",
        "title": title,
        **root.json_schema(),
    }
    if kind == "catalog":
        out["$defs"] = {"requirement": REQUIREMENT.json_schema()}
    return out
