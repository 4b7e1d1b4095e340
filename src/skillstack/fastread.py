"""Read valid catalog files fast; anything else goes to the located reader.

`yamlread` composes libyaml's events into nodes that know their line and
column, in Python: exact, but most of the time of `validate` on a large
catalog. Here rapidyaml parses a file in C++, emits it as JSON and msgspec
decodes that into plain dicts and lists; the schema's declarations are then
applied to the plain data by converters compiled from them (no object per
node; a record's converter is written out as one function, as dataclasses
writes `__init__`), and each object gets a `locate.LazyRef` (its file and path,
numbered as it is made: `Locator.at`) instead of a line and column.

The result must equal the located reader's, so this path only takes what it
can read exactly as `yamlread` does, and answers None (the caller then uses
`yamlread`) for:
- anything the schema would report (the located reader reports it, located);
- bytes that are not UTF-8, a BOM-less control character, a tab or a carriage
  return, directives, several documents, complex keys, very long numerals
  (`resolve_plain` keeps them as text), deep nesting (a hostile file: refused by
  `yamlread`, never given to C++);
- a tag, an anchor or an alias, as libyaml or rapidyaml reads one (an `&`, `*`
  or `!` inside text, `R&D` or a `* ` bullet in a block scalar, is text: a quick
  scan finds where one could start, and only then do both parsers say);
- a parse error in rapidyaml (its message goes to the null device: it writes
  to the process's stderr from C++);
- a duplicate key (rapidyaml keeps both, JSON keeps the last: the node count
  of the decoded data then differs from the tree's);
- a plain scalar rapidyaml leaves as text that YAML 1.2's core schema (as
  `yamlread.resolve_plain` reads it) makes a number, a boolean or null, where
  the quoted reading of the same text would give a different value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import MISSING
from dataclasses import fields as fields_of
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, Protocol, TypeAlias, TypeVar, cast

from skillstack import model as m
from skillstack.locate import Locator, Path_
from skillstack.safe_text import HTTP_URL, is_http_url
from skillstack.schema.catalog import (
    CATALOG_FILE,
    ITEM_KEYS,
    REQUIREMENT,
    REQUIREMENT_KEYS,
    ROLE_SKILL,
    CostObj,
    DiscountT,
    RequirementT,
    RoleItemT,
    expectation,
)
from skillstack.schema.toolkit import (
    FIRST_YEAR,
    INVALID,
    LAST_YEAR,
    LEVEL_NAMES,
    NO_DEFAULT,
    NUMBER_LIMIT,
    Bool,
    Ctx,
    DateT,
    EducationT,
    Enum,
    Invalid,
    LevelT,
    ListOf,
    Located,
    MapOf,
    Num,
    Obj,
    Real,
    Record,
    Ref,
    ScalarOr,
    Str,
    Type,
    Url,
    Values,
    Whole,
)
from skillstack.yamlread import Scalar_, ScalarNode, has_node_properties, resolve_plain

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T")
S = TypeVar("S")
Json: TypeAlias = Any
"""Decoded JSON, as msgspec makes it: dict[str, Json], list[Json], str, int, float, bool or None."""

_PRINTABLE = bytes(range(0x20, 0x7F)) + b"\n" + bytes(range(0x80, 0x100))
_DIGITS = bytes.maketrans(b"0123456789", b"\x01" * 10)
_SUSPECT_HIGH = re.compile(
    rb"\xc2[\x80-\x9f]|\xef\xbf[\xbe\xbf]|\xef\xbb\xbf"  # C1 controls (NEL too), U+FFFE/FFFF, a BOM
    rb"|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")  # bidirectional overrides (the schema refuses them)
_MAYBE_PROPERTY = re.compile(  # where a tag, an anchor or an alias could start a node (or text)
    rb"(?:^[ ]*|[:?,\[{\]}-][ ]*)[!&*]", re.MULTILINE)
_SUSPECT_LINE = re.compile(
    rb"^(?:---|\.\.\.|%)"  # several documents, directives
    rb"|(?:^|[\s\[{,])\?(?:\s|$)"  # complex keys
    rb"|[-?] +[-?] +[-?] ",  # compact nested sequences: deep on one line
    re.MULTILINE)
_DASHES = re.compile(rb"-(?:--| -|  )")
"""Where _SUSPECT_LINE could match with a dash (`---`, `- -`, `-  `): one C scan that stops at
each dash, three times faster than searching the three texts one after the other."""
_LONG_RUN = b"\x01" * 19
"""A numeral this long: msgspec's integers end at 64 bits, and resolve_plain keeps numerals of
over MAX_NUMERAL characters as text (a longer one has a run of at least this many digits)."""
_DEEP_INDENT = b"\n" + b" " * 24
"""Block nesting this deep (a hostile file, or not a catalog) goes to the located reader."""


def suspect(data: bytes) -> bool:
    """True when `data` holds something the fast path does not read exactly (module doc);
    C-speed scans first, a regular expression only where one of them hits."""
    if data.translate(None, _PRINTABLE):  # control characters, tabs, carriage returns: yamlread's messages
        return True
    if _LONG_RUN in data.translate(_DIGITS) or _DEEP_INDENT in data or data.startswith(b" " * 24):
        return True
    if (b"\xc2" in data or b"\xef" in data or b"\xe2" in data) and _SUSPECT_HIGH.search(data):
        return True
    return (b"%" in data or b"?" in data or b"..." in data or _DASHES.search(data) is not None) \
        and _SUSPECT_LINE.search(data) is not None


_BRACKETS = bytes(range(256)).translate(None, b"[]{}")
FLOW_DEPTH = 16
"""Flow collections nested deeper than this go to the located reader (it refuses 64)."""


class Fallback(Exception):
    """The fast path cannot read this file exactly: use the located reader."""


def _shallow(data: bytes) -> bool:
    """True when flow brackets nest at most FLOW_DEPTH deep (brackets inside text count too:
    that can only send a file to the located reader)."""
    brackets = data.translate(None, _BRACKETS)
    for _ in range(FLOW_DEPTH):
        if not brackets:
            return True
        shorter = brackets.replace(b"[]", b"").replace(b"{}", b"")
        if len(shorter) == len(brackets):
            return False  # unbalanced, or [} mixes: the parser would say what is wrong
        brackets = shorter
    return not brackets


def parse(data: bytes, buffer: bytearray | None = None, tree: Any = None) -> tuple[dict[str, Json], int] | None:
    """The plain data of one catalog file (dict at the top) and the number of nodes rapidyaml
    read (the root included), or None: see the module doc. A duplicate key is found by the
    caller: the decoded data then holds fewer nodes than the tree (`count`). `buffer`: where
    rapidyaml writes its JSON, grown as needed, and `tree` a `ryml.Tree` to parse into (a reader
    keeps one of each for all its files: megabytes made afresh per file are fresh mappings of
    memory, a page fault every 4 KB, 0.3 s of system time at 50k credentials)."""
    if suspect(data) or not _shallow(data):
        return None
    if not data.isascii():  # (ASCII is UTF-8: a file of 1 MB needs no text made of it to know)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return None
    # `&`, `*` or `!` where a node could start: an anchor, an alias or a tag, or only text
    # (`R&D, & more`, a `* ` bullet in a block scalar)? Both parsers must read none
    maybe = (b"!" in data or b"&" in data or b"*" in data) and _MAYBE_PROPERTY.search(data) is not None
    if maybe and has_node_properties(data.decode("utf-8")):
        return None
    import msgspec
    import ryml

    from skillstack.quiet import native_output_silenced

    try:
        if tree is None:
            tree = ryml.Tree()
        else:  # emptied, keeping its memory
            tree.clear()
            tree.clear_arena()
        with native_output_silenced():  # rapidyaml prints its parse errors to stderr
            ryml.parse_in_arena(data, tree)
        if maybe and _ryml_properties(tree):
            return None
        if buffer is None:
            buffer = bytearray()
        with _json(tree, len(data), buffer) as text:
            if b"\\" in data and _escaped(text):
                return None
            root = msgspec.json.decode(text)
    except Exception:  # noqa: BLE001 - any failure: the located reader says what is wrong
        return None
    if type(root) is not dict:
        return None
    return root, tree.size()


def _json(tree: object, size: int, buffer: bytearray) -> memoryview:
    """The tree as JSON text, emitted into `buffer` (grown to about what a YAML file of `size`
    bytes takes, or to what it takes): `ryml.emit_json` measures the text first, then emits it,
    then decodes it into a `str`, three passes where one does. Release the view when done."""
    import ryml

    root, least = tree.root_id(), size + size // 2 + 4096  # type: ignore[attr-defined]
    if len(buffer) < least:
        buffer.extend(bytes(least - len(buffer)))
    failed, length = ryml.emit_json_to_substr(tree, root, buffer)
    if failed:  # more than that (quotes and escapes): `length` is what it takes
        buffer.extend(bytes(length - len(buffer)))
        failed, length = ryml.emit_json_to_substr(tree, root, buffer)
        if failed:  # pragma: no cover - rapidyaml said how much it needs
            raise IndexError(length)
    return memoryview(buffer)[:length]


def _escaped(text: memoryview) -> bool:
    """Whether rapidyaml's JSON of a file holds a character its bytes did not show, made by an
    escape in double quotes: a control character, a bidirectional override or another character
    `suspect` looks for (rapidyaml writes them as they are), or a carriage return (written `\\r`;
    a backslash and an r in the text read so too, and go to the located reader with it)."""
    raw = text.tobytes()
    return bool(raw.translate(None, _PRINTABLE)) or b"\\r" in raw or \
        ((b"\xc2" in raw or b"\xef" in raw or b"\xe2" in raw) and _SUSPECT_HIGH.search(raw) is not None)


class _Tree(Protocol):
    """What is read of a rapidyaml tree (`ryml.Tree`, which has no type hints)."""

    def size(self) -> int: ...
    def has_anchor(self, node: int) -> bool: ...
    def is_ref(self, node: int) -> bool: ...
    def has_key_tag(self, node: int) -> bool: ...
    def has_val_tag(self, node: int) -> bool: ...


def _ryml_properties(tree: _Tree) -> bool:
    """Whether rapidyaml read an anchor, an alias or a tag on any node of `tree`."""
    return any(tree.has_anchor(i) or tree.is_ref(i) or tree.has_key_tag(i) or tree.has_val_tag(i)
               for i in range(tree.size()))


def count(value: Json) -> int:
    """Nodes below `value` (a dict's pair counts once, like a rapidyaml node)."""
    n = len(value)
    for item in (value.values() if type(value) is dict else value):
        if type(item) is dict or type(item) is list:
            n += count(item)
    return n


# ---- the schema's declarations, applied to plain data ------------------------------------

Into: TypeAlias = Callable[[Json, Path_], T]
"""A converter of plain data at a path (the path is where the object's `where` points) into a `T`."""
Conv: TypeAlias = Into[object]
_RESOLVABLE_FIRST = frozenset("0123456789-+.~nNtTfF")
_LEAF_TYPES = (Str, Num, Whole, DateT, Enum, LevelT, Bool, EducationT)
"""Converters of one scalar: they need no path and never answer INVALID (a problem is a Fallback;
null, `~` and the like fall back in every one of them)."""


def _is_leaf(t: Type[object]) -> bool:
    return isinstance(t, _LEAF_TYPES)


def _same_either_way(t: Type[T], value: str) -> T:
    """The value of a leaf whose text a plain scalar would resolve differently from a quoted
    one (`012`, `~`, `TRUE`, `2026-10-01`...): converted both ways with the node converter;
    equal results are used, anything else goes to the located reader."""
    results = [_node_convert(t, reading) for reading in (value, resolve_plain(value))]
    if results[0] != results[1] or type(results[0]) is not type(results[1]):
        raise Fallback
    return results[0]


def _by_node(t: Type[T], value: Json) -> T:
    """A leaf the fast converters do not take on: the node converter, which must find no problem."""
    if type(value) is str and resolve_plain(value) is not value:
        return _same_either_way(t, value)
    if type(value) is dict or type(value) is list:
        raise Fallback
    return _node_convert(t, value)


def _node_convert(t: Type[T], value: Scalar_) -> T:
    """`t.convert` of a scalar node holding `value`; Fallback on any problem."""
    ctx = Ctx("")
    out = t.convert(ScalarNode(value, 0, 0), ctx)
    if ctx.problems or out is INVALID:
        raise Fallback
    return out


def _plain_text(value: str) -> bool:
    """True when a plain scalar with this text resolves to the text itself."""
    return not value or value[0] not in _RESOLVABLE_FIRST or resolve_plain(value) is value


class Compiler:
    """Plain-data converters for schema declarations, built once per declaration."""

    def __init__(self, locator: Locator) -> None:
        self.locator = locator  # the file being converted: `CatalogReader.read` sets it
        self.nodes = 0  # nodes of the file's plain data converted so far (rapidyaml's way: `count`)
        self.done: dict[int, Conv] = {}
        self.seen: dict[int, dict[Any, Any]] = {}  # a leaf's texts read already, by declaration: `memo`

    def where(self, path: Path_) -> m.SourceRef:
        return self.locator.at(path)

    def memo(self, t: Type[object]) -> dict[Any, Any]:
        """The values a leaf declaration's converter made of texts it read already (by text),
        shared with the generated converters that read it inline."""
        return self.seen.setdefault(id(t), {})

    def __call__(self, t: Type[T]) -> Into[T | Invalid]:
        key = id(t)
        conv = self.done.get(key)
        if conv is None:
            done = self.done

            def later(value: Json, path: Path_) -> object:  # `t` reached again while it is compiled
                return done[key](value, path)
            done[key] = later
            conv = done[key] = _compile(self, t)
        return cast("Into[T | Invalid]", conv)  # made by _compile from `t` itself


def _compile(c: Compiler, t: Type[object]) -> Conv:
    """The converter of declaration `t` (the most specific class first: a `CostObj` is a `Record`,
    a `Record` an `Obj`, a `Url` a `Str`, a `Real` a `Num`)."""
    if isinstance(t, CostObj):
        return _cost(c, t)
    if isinstance(t, DiscountT):
        return _discount(c, t)
    if isinstance(t, RequirementT):
        return _requirement(c, t)
    if isinstance(t, RoleItemT):
        return _role_item(c, t)
    if isinstance(t, Url):
        return _url(c, t)
    if isinstance(t, Str):
        return _str(c, t)
    if isinstance(t, Real):
        return _real(c, t)
    if isinstance(t, Num):
        return _num(c, t)
    if isinstance(t, Whole):
        return _whole(c, t)
    if isinstance(t, DateT):
        return _date(c, t)
    if isinstance(t, Enum):
        return _enum(c, t)
    if isinstance(t, LevelT):
        return _level(c, t)
    if isinstance(t, ListOf):
        return _list(c, t)
    if isinstance(t, Ref):
        return _ref(c, t)
    if isinstance(t, Located):
        return _located(c, t)
    if isinstance(t, ScalarOr):
        return _scalar_or(c, t)
    if isinstance(t, Obj):
        return _obj(c, t)
    if isinstance(t, MapOf):
        return _refuse
    return _leaf(t)  # Bool, EducationT: the node converter


def _str(c: Compiler, t: Str) -> Into[str]:
    # `suspect` sent files with control characters to the located reader: only line breaks are left
    pattern = t.pattern.match if t.pattern is not None else None
    multiline = t.multiline
    first = _RESOLVABLE_FIRST

    def conv(value: Json, path: Path_) -> str:
        if type(value) is not str or not value or (value[0] in first and resolve_plain(value) is not value):
            return _by_node(t, value)
        if (not multiline and "\n" in value) or not value.strip():
            raise Fallback
        if pattern is not None and not pattern(value):
            raise Fallback
        return value

    if pattern is None:
        return conv
    # ids repeat (every grant names a skill): a text passes once, and every use of it is then one
    # object, its hash computed once (the rules look ids up in sets and dicts millions of times)
    accepted: dict[str, str] = c.memo(t)

    def known(value: Json, path: Path_) -> str:
        if type(value) is str:
            same = accepted.get(value)
            if same is not None:
                return same
        out = conv(value, path)
        accepted[out] = out
        return out
    return known


def _url(c: Compiler, t: Url) -> Into[str]:
    # `is_http_url` without its search for control characters and line breaks where it cannot
    # find one: `suspect` sent files with control characters (and bidirectional overrides) to the
    # located reader, and `_str` refuses a line break in a one-line text
    text = _str(c, t)
    http_url: Callable[[str], object] = is_http_url if t.multiline else HTTP_URL.match

    def conv(value: Json, path: Path_) -> str:
        out = text(value, path)
        if not http_url(out):
            raise Fallback
        return out
    return conv


def _num(c: Compiler, t: Num) -> Into[float]:
    integer, low = t.integer, t.minimum
    high = NUMBER_LIMIT if t.maximum is None else t.maximum
    floor = -NUMBER_LIMIT if low is None else max(low, -NUMBER_LIMIT)
    kinds = (int,) if integer else (int, float)

    def conv(value: Json, path: Path_) -> float:
        if type(value) not in kinds:
            return _by_node(t, value)
        if not floor <= value <= high:  # NaN fails this too
            raise Fallback
        return value  # an int or a float (`kinds`), kept as written
    return conv


def _date(c: Compiler, t: DateT) -> Into[date]:
    days: dict[str, date] = c.memo(t)  # texts read already: catalogs repeat their review dates

    def conv(value: Json, path: Path_) -> date:
        if type(value) is str and len(value) == 10:
            day = days.get(value)
            if day is not None:
                return day
            try:
                day = date.fromisoformat(value)
            except ValueError:
                return _by_node(t, value)
            if resolve_plain(value) == day and FIRST_YEAR <= day.year <= LAST_YEAR:
                days[value] = day
                return day  # plain: resolved to this date; quoted: converted to it
        return _by_node(t, value)
    return conv


def _enum(c: Compiler, t: Enum) -> Into[str]:
    plain = frozenset(value for value in t.values if _plain_text(value))  # the others: by node

    def conv(value: Json, path: Path_) -> str:
        if type(value) is str and value in plain:
            return value
        return _by_node(t, value)
    return conv


def _level(c: Compiler, t: LevelT) -> Into[m.Level]:
    by_number = {lv.value: lv for lv in m.Level}

    def conv(value: Json, path: Path_) -> m.Level:
        if type(value) is int and value in by_number:
            return by_number[value]
        if type(value) is str and _plain_text(value) and value.lower() in LEVEL_NAMES:
            return LEVEL_NAMES[value.lower()]
        return _by_node(t, value)
    return conv


def _real(c: Compiler, t: Real) -> Into[float]:
    num = _num(c, t)
    high = NUMBER_LIMIT if t.maximum is None else t.maximum
    floor = -NUMBER_LIMIT if t.minimum is None else max(t.minimum, -NUMBER_LIMIT)
    kinds = (int,) if t.integer else (int, float)

    def conv(value: Json, path: Path_) -> float:
        if type(value) in kinds and floor <= value <= high:
            return float(value)  # what `num` takes as it is, inline (NaN fails the bounds)
        return float(num(value, path))
    return conv


def _whole(c: Compiler, t: Whole) -> Into[int]:
    num = _num(c, t.num)

    def conv(value: Json, path: Path_) -> int:
        return int(num(value, path))
    return conv


def _leaf(t: Type[T]) -> Into[T]:
    def conv(value: Json, path: Path_) -> T:
        return _by_node(t, value)
    return conv


def _list(c: Compiler, t: ListOf[T]) -> Conv:
    item: Into[T | Invalid] | None = None
    scalars = _is_leaf(t.item)  # one scalar each: no path, never INVALID
    if isinstance(t.item, ScalarOr) and _is_leaf(t.item.scalar):
        return _list_of_scalar_or(c, t.item)
    if type(t.item) is Record:  # (not a subclass: CostObj's converter checks more)
        written = _written_list(c, t.item)
        if written is not None:
            return written

    def conv(value: Json, path: Path_) -> tuple[T | Invalid, ...]:
        nonlocal item
        if type(value) is not list:
            raise Fallback
        c.nodes += len(value)
        if item is None:
            target = t.item
            while isinstance(target, Ref):  # (requirements: `_ref` would look it up per item)
                target = target.target()
            item = c(target)
        if scalars:  # (a leaf never answers INVALID)
            return tuple([item(child, path) for child in value])
        out: list[T | Invalid] = []
        for i, child in enumerate(value):
            got = item(child, (*path, i))
            if got is not INVALID:
                out.append(got)
        return tuple(out)
    return conv


def _list_of_scalar_or(c: Compiler, t: ScalarOr[S, T]) -> Conv:
    """A list of `ScalarOr` items whose scalar is a leaf (sources: URLs or {url, kind...}),
    written out with the scalar's conversion inline: a scalar item needs no path of its own."""
    ns: dict[str, object] = {"Fallback": Fallback, "INVALID": INVALID, "c": c, "lift": t.lift}
    ns["mapping"] = _on_first_use(c, t.mapping, ns, "mapping")
    lines = ["def conv(values, path):", "    if type(values) is not list:", "        raise Fallback",
             "    c.nodes += len(values)", "    out = []", "    append = out.append",
             "    for i, value in enumerate(values):", "        if type(value) is dict:",
             "            got = mapping(value, (*path, i))", "            if got is not INVALID:",
             "                append(got)", "            continue",
             *("        " + line for line in _leaf_source(c, t.scalar, "value", "scalar", ns, "path")),
             "        append(lift(value))", "    return tuple(out)"]
    exec(compile("\n".join(lines) + "\n", "<fastread list>", "exec"), ns)  # noqa: S102 - fixed names only
    return cast("Conv", ns["conv"])


def _ref(c: Compiler, t: Ref[T]) -> Into[T | Invalid]:
    target: Into[T | Invalid] | None = None

    def conv(value: Json, path: Path_) -> T | Invalid:
        nonlocal target
        if target is None:
            target = c(t.target())
        return target(value, path)
    return conv


def _located(c: Compiler, t: Located[T]) -> Into[tuple[T, m.SourceRef] | Invalid]:
    inner = c(t.inner)

    def conv(value: Json, path: Path_) -> tuple[T, m.SourceRef] | Invalid:
        got = inner(value, path)
        return got if got is INVALID else (got, c.where(path))
    return conv


def _scalar_or(c: Compiler, t: ScalarOr[S, T]) -> Into[T | Invalid]:
    scalar, mapping, lift = c(t.scalar), c(t.mapping), t.lift

    def conv(value: Json, path: Path_) -> T | Invalid:
        if type(value) is dict:
            return mapping(value, path)
        got = scalar(value, path)
        return got if got is INVALID else lift(got)
    return conv


def _obj(c: Compiler, t: Obj[T]) -> Conv:
    """Obj.convert on plain data: a key's converter looked up once per key (no walk over the
    declared fields per object); a `Record` built by `_record_builder`."""
    fields = t.fields
    required = frozenset(k for k, spec in fields.items() if spec.required)
    free, build = t.free_keys, t.build
    has_id = "id" in fields
    record = _record_builder(c, t) if isinstance(t, Record) else None
    # key -> converter, made on first use (a declaration can reach itself: requirement groups;
    # only the keys files use are compiled): of one scalar (no path of its own, never INVALID), or not
    leaves: dict[str, Conv] = {}
    nested: dict[str, Conv] = {}

    def compile_key(key: str) -> None:
        inner = fields[key].type
        (leaves if _is_leaf(inner) else nested)[key] = c(inner)

    def conv(value: Json, path: Path_) -> object:
        if type(value) is not dict:
            raise Fallback
        c.nodes += len(value)
        values: Values = {}
        for key, item in value.items():
            leaf = leaves.get(key)
            if leaf is not None and item is not None:
                values[key] = leaf(item, path)
                continue
            if leaf is None and key not in nested:
                if key in fields:
                    compile_key(key)
                    leaf = leaves.get(key)
                elif free and key.startswith("x-"):
                    values[key] = item
                    if type(item) is dict or type(item) is list:
                        c.nodes += count(item)
                    continue
                else:
                    raise Fallback
            if item is None:
                raise Fallback  # `hours:` with nothing after it: reported by the located reader
            if leaf is not None:
                values[key] = leaf(item, path)
            else:
                got = nested[key](item, (*path, key))
                if got is not INVALID:
                    values[key] = got
        if not required <= value.keys():
            raise Fallback
        if record is not None:
            return record(values, path)
        if build is None:
            return values
        if has_id and "id" not in values:
            return INVALID
        return build(values, c.where(path))
    if not isinstance(t, Record):
        return conv
    return _written(c, t, conv) or conv


def _record_builder(c: Compiler, t: Record[T]) -> Callable[[Values, Path_], T | Invalid] | None:
    """For a schema `Record`: its `make` without the walk over every declared field per
    object (the same model object, or INVALID in the same cases), given the object's path."""
    if t.build != t.make:
        return None
    attrs: dict[str, str] = {}
    defaults: list[tuple[str, str, object]] = []
    must: set[str] = set()
    for key, spec in t.fields.items():
        attr = key if spec.attr is None else spec.attr
        if spec.required and spec.default is NO_DEFAULT:
            must.add(key)
        if attr:
            attrs[key] = attr
            if spec.default is not NO_DEFAULT:
                defaults.append((key, attr, spec.default))
    renamed = [(key, attr) for key, attr in attrs.items() if key != attr]
    if len(set(attrs.values())) != len(attrs) or any(attr in attrs for _, attr in renamed):
        return None  # two keys fill one field (make's order decides), or a key fills another key's field
    keys = frozenset(attrs)
    model, derive, needed, with_where = t.model, t.derive, frozenset(t.needed), t.has_where
    has_id = "id" in t.fields

    def build(values: Values, path: Path_) -> T | Invalid:
        if (has_id and "id" not in values) or not must <= values.keys():
            return INVALID
        added: Values | None = None  # defaults and derived fields, computed from the values as given
        for key, attr, default in defaults:
            if key not in values:
                if added is None:
                    added = {}
                added[attr] = default(values) if callable(default) else default
        if derive is not None:
            added = {**(added or {}), **derive(values)}
        # the values by key are the model's arguments (without `x-` keys or keys that fill no field),
        # renamed in place: defaults and derived fields were computed from them as given
        kwargs = values if values.keys() <= keys else {k: v for k, v in values.items() if k in keys}
        for key, attr in renamed:
            if key in kwargs:
                kwargs[attr] = kwargs.pop(key)
        if added:
            kwargs.update(added)
        if not needed <= kwargs.keys():
            return INVALID
        if with_where:
            kwargs["where"] = c.locator.at(path)
        return model(**kwargs)
    return build


def _leaf_source(c: Compiler, t: Type[object], x: str, name: str, ns: dict[str, object],
                 path: str = "p") -> list[str]:
    """Statements that convert the plain value in variable `x` (at the path in variable `path`:
    a leaf's converter does not use it) in place as `c(t)` does (a leaf: never INVALID): the
    common case inline, the converter called for the rest. The names they use are put in `ns`,
    each starting with `name`."""
    ns[name] = c(t)
    call = f"{x} = {name}({x}, {path})"
    if isinstance(t, Str) and t.pattern is not None:  # an id: `_str`'s texts accepted already, by text
        ns[f"{name}_seen"] = c.memo(t)
        return [f"y = {name}_seen.get({x}) if type({x}) is str else None", f"{x} = {call[len(x) + 3:]} if y is None else y"]
    if isinstance(t, Str) and not (isinstance(t, Url) and t.multiline):  # `_str` with nothing to resolve
        ns[f"{name}_first"] = _RESOLVABLE_FIRST
        test = f"type({x}) is not str or not {x} or {x}[0] in {name}_first" + \
            ("" if t.multiline else f' or "\\n" in {x}') + f" or not {x}.strip()"
        if isinstance(t, Url):  # and `_url`'s check
            ns[f"{name}_url"] = HTTP_URL.match
            test += f" or not {name}_url({x})"
        return [f"if {test}:", f"    {call}"]
    if isinstance(t, Num):  # `_num` and `_real` when in bounds (NaN is not)
        ns[f"{name}_low"] = -NUMBER_LIMIT if t.minimum is None else max(t.minimum, -NUMBER_LIMIT)
        ns[f"{name}_high"] = NUMBER_LIMIT if t.maximum is None else t.maximum
        kinds = f"type({x}) is int" if t.integer else f"(type({x}) is int or type({x}) is float)"
        test = f"{kinds} and {name}_low <= {x} <= {name}_high"
        if isinstance(t, Real):
            return [f"if {test}:", f"    {x} = float({x})", "else:", f"    {x} = float({name}({x}, {path}))"]
        return [f"if not ({test}):", f"    {call}"]
    if isinstance(t, DateT):  # `_date`'s texts read already
        ns[f"{name}_seen"] = c.memo(t)
        return [f"y = {name}_seen.get({x}) if type({x}) is str else None", f"{x} = {call[len(x) + 3:]} if y is None else y"]
    if isinstance(t, Enum):
        ns[f"{name}_plain"] = frozenset(value for value in t.values if _plain_text(value))
        return [f"if type({x}) is not str or {x} not in {name}_plain:", f"    {call}"]
    if isinstance(t, LevelT):  # a number 1-4 or a level's name as `_level` reads them
        by: dict[int | str, m.Level] = {lv.value: lv for lv in m.Level}
        ns[f"{name}_by"] = by | {text: lv for text, lv in LEVEL_NAMES.items() if _plain_text(text)}
        return [f"y = {name}_by.get({x}) if type({x}) is int or type({x}) is str else None",
                f"{x} = {call[len(x) + 3:]} if y is None else y"]
    return [call]


class _Lines(NamedTuple):
    """How a written record's statements hand over what they made (each a list of lines)."""

    done: Callable[[str], list[str]]  # the model object, from an expression
    maybe: Callable[[str], list[str]]  # the model object or INVALID
    invalid: list[str]  # INVALID
    general: list[str]  # the mapping, to the general converter
    counted: list[str]  # add `len(value)` to the nodes converted
    where: str = "c.locator.at(p)"  # the object's location (`p`: its path), numbered as made
    leaf_path: str = "p"  # the path given to a scalar's converter (which does not use it)


def _by_values(t: Record[T]) -> bool:
    """Whether `_record_lines` builds `t` from its values by key, with `_record_builder`: it
    derives fields, or computes a default from the other keys (one not always there)."""
    return t.derive is not None or any(callable(spec.default) and not (spec.required and _is_leaf(spec.type))
                                       for spec in t.fields.values())


def _record_lines(c: Compiler, t: Record[T], ns: dict[str, object], out: _Lines) -> list[str] | None:
    """Statements that convert the mapping `value` (a dict) at path `p` as the general converter
    of `t` does, written for `t` as dataclasses writes `__init__`: each declared key read
    directly, then, when the mapping has no other key and no null, each value converted (a
    common scalar inline) and the model built in one call with every field in order. The same
    model object, INVALID or Fallback as the general converter gives; a mapping with anything
    else (an unknown or `x-` key, a null value) goes to the general converter. None when `t` is
    not a record this can write. Names the lines use are put in `ns`."""
    if t.build != t.make:
        return None
    declared = fields_of(cast("type[DataclassInstance]", t.model))
    if not all(f.init and not f.kw_only and f.default_factory is MISSING for f in declared):
        return None  # (a default made per object would be one object for all here)
    attrs = {key: key if spec.attr is None else spec.attr for key, spec in t.fields.items()}
    filled = [attr for attr in attrs.values() if attr]
    if len(set(filled)) != len(filled) or "where" in filled:
        return None
    ns.update({"Fallback": Fallback, "INVALID": INVALID, "c": c, "model": t.model})
    var = {key: f"x{i}" for i, key in enumerate(t.fields)}
    leaves = {key for key, spec in t.fields.items() if _is_leaf(spec.type)}
    always = {key for key in leaves if t.fields[key].required}  # there and never INVALID past the checks
    # a value left out or rejected: INVALID (`values` leaves it out), or in a record built here
    # (no `derive`, no default computed from the other keys) what `make` gives its field
    by_values = _by_values(t)
    instead: dict[str, str] = {}
    by_field = {f.name: f for f in declared}
    for key, attr in attrs.items():
        f = by_field.get(attr)
        if by_values or f is None or key == "id":  # (an object without its id is INVALID)
            continue
        default = NO_DEFAULT if f.default is MISSING else f.default
        if t.fields[key].default is not NO_DEFAULT:
            default = t.fields[key].default  # (not callable: by_values is False)
        if default is not NO_DEFAULT:
            ns[f"d_{attr}"] = default
            instead[key] = f"d_{attr}"
    # 1. every key read; a required one missing or null: the general converter raises Fallback
    lines = ["get = value.get"]
    lines += [f"{var[key]} = get({key!r})" for key in t.fields]
    required = [var[key] for key, spec in t.fields.items() if spec.required]
    if required:
        lines += [f"if {' is None or '.join(required)} is None:", "    raise Fallback"]
    # 2. no other key, no null: else the general converter (nothing converted yet)
    optional = [var[key] for key, spec in t.fields.items() if not spec.required]
    present = " + ".join([str(len(required)), *(f"({x} is not None)" for x in optional)])
    lines += [f"if {present} != len(value):", *("    " + line for line in out.general)]
    lines += out.counted
    # 3. each value converted
    for key, spec in t.fields.items():
        x = var[key]
        if key in leaves:
            convert = _leaf_source(c, spec.type, x, f"{x}c", ns, out.leaf_path)
        else:
            ns[f"{x}c"] = _on_first_use(c, spec.type, ns, f"{x}c")
            convert = [f"{x} = {x}c({x}, (*p, {key!r}))"]
            if key in instead:
                convert += [f"if {x} is INVALID:", f"    {x} = {instead[key]}"]
        if spec.required:
            lines += convert
        else:
            lines += [f"if {x} is None:", f"    {x} = {instead.get(key, 'INVALID')}", "else:",
                      *("    " + line for line in convert)]
    # 4. INVALID where `make` (and `_record_builder`) says so: a required key without a default, or
    # `id`, rejected; a model field without a default not filled
    for key, spec in t.fields.items():
        if key not in always and key not in instead and \
                ((spec.required and spec.default is NO_DEFAULT) or key == "id"):
            lines += [f"if {var[key]} is INVALID:", *("    " + line for line in out.invalid)]
    if by_values:
        builder = _record_builder(c, t)
        if builder is None:  # pragma: no cover - refused above for the same reasons
            return None
        ns["build"] = builder
        lines.append("values = {}")
        for key, x in var.items():
            lines += [f"if {x} is not INVALID:", f"    values[{key!r}] = {x}"]
        return lines + out.maybe("build(values, p)")
    by_attr = {attr: key for key, attr in attrs.items() if attr}
    args = []
    for f in declared:
        filler = by_attr.get(f.name)
        if f.name == "where":
            args.append(out.where)
        elif filler is None:
            if f.default is MISSING:
                return None  # a field no key fills: always INVALID (the general converter says so)
            ns[f"d_{f.name}"] = f.default
            args.append(f"d_{f.name}")
        else:
            if filler not in instead and filler not in always:
                lines += [f"if {var[filler]} is INVALID:", *("    " + line for line in out.invalid)]
            args.append(var[filler])
    return lines + out.done(f"model({', '.join(args)})")


def _on_first_use(c: Compiler, t: Type[object], ns: dict[str, object], name: str) -> Conv:
    """A converter of `t` for written code, that compiles `t` when first called and puts it in
    `ns` as `name` in its own place: a field no file uses costs nothing (each written function
    takes a millisecond to compile), and a declaration can reach itself."""
    def first(value: Json, path: Path_) -> object:
        conv = ns[name] = c(t)
        return conv(value, path)
    return first


def _write(source: str, t: Record[T], ns: dict[str, object]) -> Conv:
    """The function `conv` in `source`, named after the record in tracebacks and profiles."""
    exec(compile(source, f"<fastread {t.what}>", "exec"), ns)  # noqa: S102 - keys (as repr) and fixed names only
    return cast("Conv", ns["conv"])


def _written(c: Compiler, t: Record[T], general: Conv) -> Conv | None:
    """The converter of a `Record` written out by `_record_lines`, or None."""
    ns: dict[str, object] = {"general": general}
    lines = _record_lines(c, t, ns, _Lines(
        done=lambda expr: [f"return {expr}"], maybe=lambda expr: [f"return {expr}"], invalid=["return INVALID"],
        general=["return general(value, p)"], counted=["c.nodes += len(value)"]))
    if lines is None:
        return None
    head = ["def conv(value, p):", "    if type(value) is not dict:", "        return general(value, p)"]
    return _write("\n".join([*head, *("    " + line for line in lines)]) + "\n", t, ns)


def _written_list(c: Compiler, t: Record[T]) -> Conv | None:
    """The converter of a list of `t`, with `_record_lines` in its loop (grants: hundreds of
    thousands of them), or None: only for a record of scalars (a call per item matters there)."""
    if _by_values(t) or not all(_is_leaf(spec.type) for spec in t.fields.values()):
        return None  # (so no item needs a path of its own but where it goes to `record`)
    ns: dict[str, object] = {"record": c(t)}  # an item that is not a mapping: the record's converter
    general = ["got = record(value, (*path, i))", "if got is not INVALID:", "    append(got)", "continue"]
    lines = _record_lines(c, t, ns, _Lines(
        done=lambda expr: [f"append({expr})", "continue"], maybe=lambda expr: [], invalid=["continue"],
        general=general, counted=["nodes += len(value)"], where="at(i)", leaf_path="path"))
    if lines is None:
        return None
    head = ["def conv(values, path):", "    if type(values) is not list:", "        raise Fallback",
            "    nodes = len(values)", "    out = []", "    append = out.append",
            "    at = c.locator.items(path)",  # item i's location, numbered as made: the cache stores the number
            "    for i, value in enumerate(values):",
            "        if type(value) is not dict:", *("            " + line for line in general)]
    tail = ["    c.nodes += nodes", "    return tuple(out)"]
    return _write("\n".join([*head, *("        " + line for line in lines), *tail]) + "\n", t, ns)


def _cost(c: Compiler, t: CostObj) -> Conv:
    inner = _obj(c, t)

    def conv(value: Json, path: Path_) -> object:
        if type(value) is dict and "amount" not in value and "subscription" not in value:
            raise Fallback
        return inner(value, path)
    return conv


def _discount(c: Compiler, t: DiscountT) -> Conv:
    inner = _obj(c, t)

    def conv(value: Json, path: Path_) -> object:
        if type(value) is dict:
            after = value.get("after")
            if type(after) is dict and len(after) != 1:
                raise Fallback
        return inner(value, path)
    return conv


def _requirement(c: Compiler, t: RequirementT) -> Into[m.Requirement | Invalid]:
    """RequirementT.convert on plain data: the one shape a requirement names."""
    shapes = {kind: c(t.shapes[kind]) for kind in REQUIREMENT_KEYS}
    get = shapes.get

    def conv(value: Json, path: Path_) -> m.Requirement | Invalid:
        if type(value) is not dict:
            raise Fallback
        shape = None
        for key in value:
            named = get(key)
            if named is not None:
                if shape is not None:  # two kinds
                    raise Fallback
                shape = named
        if shape is None:
            raise Fallback
        return shape(value, path)
    return conv


def _role_item(c: Compiler, t: RoleItemT) -> Conv:
    """RoleItemT.convert on plain data (`schema.catalog.expectation` builds what names no skill)."""
    role_skill = c(ROLE_SKILL)
    item_keys = {k: c(f.type) for k, f in ITEM_KEYS.items()}
    requirement = c(REQUIREMENT)

    def conv(value: Json, path: Path_) -> object:
        if type(value) is not dict:
            raise Fallback
        if "skill" in value:
            return role_skill(value, path)
        c.nodes += sum(key in item_keys for key in value)  # the requirement's converter counts the rest

        def item(key: str, pair: tuple[str, Json]) -> object:
            return item_keys[key](pair[1], (*path, key))

        def rest(pairs: list[tuple[str, Json]]) -> m.Requirement | Invalid:
            return requirement(dict(pairs), path)
        return expectation(((key, (key, child)) for key, child in value.items()), item, rest, c.where(path))
    return conv


def _refuse(value: Json, path: Path_) -> NoReturn:
    raise Fallback


class CatalogReader:
    """Converts catalog files' plain data with converters compiled once for all files."""

    def __init__(self) -> None:
        """ImportError where rapidyaml or msgspec cannot be imported (the caller then reads every
        file with the located reader)."""
        import msgspec  # noqa: F401 - imported here to fail here: `parse` imports them when it first runs
        import ryml  # noqa: F401

        self.compiler = Compiler(Locator("", ""))
        self.buffer = bytearray()  # rapidyaml's JSON of each file in turn: `parse`
        self.tree: Any = None  # the `ryml.Tree` each file is parsed into in turn
        self.convert = self.compiler(CATALOG_FILE)

    def read(self, data: bytes, locator: Locator) -> Values | None:
        """The converted values of one catalog file (as `CATALOG_FILE.convert` returns them
        for a file without problems), or None: use the located reader."""
        if self.tree is None:
            import ryml

            self.tree = ryml.Tree()
        parsed = parse(data, self.buffer, self.tree)
        if parsed is None:
            return None
        root, size = parsed
        compiler = self.compiler
        compiler.locator, compiler.nodes = locator, 0
        try:
            values = self.convert(root, ())
        except Fallback:
            return None
        except RecursionError:  # pragma: no cover - _SUSPECT and _shallow keep files shallow
            return None
        if values is INVALID or 1 + compiler.nodes != size:  # a duplicate key: JSON kept the last, rapidyaml both
            return None
        return values
