"""Read one YAML file into light nodes that remember their line and column.

Assumptions:
- Files are UTF-8 (a BOM is allowed). Anything else is a problem at the first
  bad byte, never an exception.
- Only plain data is read: mappings, sequences and scalars with the standard
  tags. Any other tag (`!!python/object`, `!custom`) is refused; nothing is
  ever constructed or executed.
- libyaml's event parser does the lexing (fast, iterative). Composing is done
  here from the events, which is several times faster than PyYAML's composer,
  bounds nesting depth (PyYAML's C composer recurses and can crash on deep
  input) and bounds alias expansion (alias bombs).
- Scalars resolve as in YAML 1.2's core schema (plus dates): `yes`/`no`/`on`
  stay strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Union

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from skillstack.problems import Problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
ALIAS_BUDGET = 10  # expanded nodes may be this many times the bytes read, plus a margin

Scalar_ = Union[str, int, float, bool, None, date]


class Node:
    __slots__ = ("col", "line", "size")

    def __init__(self, line: int, col: int) -> None:
        self.line = line
        self.col = col
        self.size = 1


class ScalarNode(Node):
    __slots__ = ("value",)

    def __init__(self, value: Scalar_, line: int, col: int) -> None:
        super().__init__(line, col)
        self.value = value


class SeqNode(Node):
    __slots__ = ("items",)

    def __init__(self, line: int, col: int) -> None:
        super().__init__(line, col)
        self.items: list[Node] = []


class MapNode(Node):
    __slots__ = ("pairs",)

    def __init__(self, line: int, col: int) -> None:
        super().__init__(line, col)
        self.pairs: list[tuple[Node, Node]] = []


@dataclass
class ReadResult:
    root: Node | None
    problems: list[Problem]


class _Refused(Exception):
    def __init__(self, line: int, col: int, rule: str, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.rule, self.message = line, col, rule, message


_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    (None, "!", _STD + "str", _STD + "int", _STD + "float", _STD + "bool", _STD + "null",
     _STD + "timestamp", _STD + "map", _STD + "seq")
)


MAX_NUMERAL = 100
"""Longer numerals stay text (and fail the schema's number check at their location):
Python refuses to convert integers of over 4,300 digits, and no catalog number needs 100."""


def resolve_plain(text: str) -> Scalar_:
    """The value of a plain (unquoted) scalar."""
    if not text or text in _NULLS:
        return None if text in _NULLS else text
    first = text[0]
    if (first.isdigit() or first in "-+.") and len(text) <= MAX_NUMERAL:
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text) and text not in (".", "-", "+"):
            return float(text)
        if _INT_HEX.match(text):
            return int(text, 16)
        if _INT_OCT.match(text):
            return int(text, 0)
        if _DATE.match(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                return text
        if text in (".inf", "+.inf", "-.inf", ".nan"):
            return float(text.replace(".", "", 1))
        return text
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return text


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag


def _scalar_value(ev: Any) -> Scalar_:
    tag = ev.tag
    if tag not in _ALLOWED_TAGS:
        raise _Refused(
            ev.start_mark.line + 1, ev.start_mark.column + 1, "yaml-tag",
            f"tag {_show_tag(tag)} is not allowed in catalog files; remove it (only plain data is read)",
        )
    if tag is None and ev.implicit[0]:
        return resolve_plain(ev.value)
    if tag in (None, "!", _STD + "str"):
        return ev.value
    value = resolve_plain(ev.value)
    expected = {
        _STD + "int": int, _STD + "float": (int, float), _STD + "bool": bool,
        _STD + "null": type(None), _STD + "timestamp": date,
    }[tag]
    if not isinstance(value, expected):  # type: ignore[arg-type]
        raise _Refused(ev.start_mark.line + 1, ev.start_mark.column + 1, "yaml-tag",
                       f"{ev.value!r} is not a valid {_show_tag(tag)}")
    return value


def has_node_properties(text: str) -> bool:
    """Whether libyaml reads an anchor, an alias or a tag anywhere in `text` (an `&`, `*` or `!`
    inside a scalar is text, not one of them); a syntax error counts as yes: `read_text` then
    says what is wrong."""
    try:
        for ev in yaml.parse(text, Loader=_Loader):
            if type(ev) is AliasEvent or getattr(ev, "anchor", None) is not None or \
                    getattr(ev, "tag", None) is not None:
                return True
    except yaml.YAMLError:
        return True
    return False


def compose(text: str, max_nodes: int) -> Node | None:
    """Build nodes from libyaml's events; raises _Refused or yaml.YAMLError."""
    stack: list[Node] = []
    keys: list[Node | None] = []  # for a mapping on the stack: its pending key
    anchors: dict[str, Node] = {}
    root: Node | None = None
    documents = 0
    total = 0

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if isinstance(parent, SeqNode):
            parent.items.append(node)
        else:
            assert isinstance(parent, MapNode)
            key = keys[-1]
            if key is None:
                keys[-1] = node
            else:
                parent.pairs.append((key, node))
                keys[-1] = None

    events: Iterator[Any] = yaml.parse(text, Loader=_Loader)
    for ev in events:
        cls = ev.__class__
        if cls is ScalarEvent:
            node: Node = ScalarNode(_scalar_value(ev), ev.start_mark.line + 1, ev.start_mark.column + 1)
            total += 1
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            if ev.tag not in _ALLOWED_TAGS:
                raise _Refused(ev.start_mark.line + 1, ev.start_mark.column + 1, "yaml-tag",
                               f"tag {_show_tag(ev.tag)} is not allowed in catalog files; remove it (only plain data is read)")
            node = (MapNode if cls is MappingStartEvent else SeqNode)(
                ev.start_mark.line + 1, ev.start_mark.column + 1)
            if len(stack) >= MAX_DEPTH:
                raise _Refused(node.line, node.col, "yaml-depth",
                               f"nesting deeper than {MAX_DEPTH} levels; catalog files need a handful")
            attach(node)
            stack.append(node)
            keys.append(None)
            if ev.anchor:
                anchors[ev.anchor] = node
            continue
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            done = stack.pop()
            keys.pop()
            if stack:
                stack[-1].size += done.size
            continue
        elif cls is AliasEvent:
            target = anchors.get(ev.anchor)
            if target is None:  # pragma: no cover - libyaml reports this first
                raise _Refused(ev.start_mark.line + 1, ev.start_mark.column + 1, "yaml-syntax",
                               f"unknown alias *{ev.anchor}")
            if any(target is open_ for open_ in stack):
                raise _Refused(ev.start_mark.line + 1, ev.start_mark.column + 1, "yaml-alias",
                               f"alias *{ev.anchor} refers to a node that contains it")
            total += target.size
            if total > max_nodes:
                raise _Refused(ev.start_mark.line + 1, ev.start_mark.column + 1, "yaml-alias",
                               "aliases expand to too many nodes (an alias bomb?); write the data out")
            if stack:
                stack[-1].size += target.size
            attach(target)
            continue
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Refused(ev.start_mark.line + 1, ev.start_mark.column + 1, "yaml-syntax",
                               "a catalog file holds one YAML document; split the others into their own files")
            continue
        else:
            continue
        if ev.anchor:
            anchors[ev.anchor] = node
        if stack:
            stack[-1].size += 1
        attach(node)
    return root


def _decode(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, Problem(path, line, col, "error", "encoding",
                             f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as UTF-8")


def _tab_at(text: str, line: int, col: int) -> int | None:
    """The column of a tab that explains a syntax error at line:col: at that spot, or in the
    whitespace before the first character of the line (indentation)."""
    lines = text.split("\n", line)
    if line > len(lines):
        return None
    current = lines[line - 1]
    if 0 < col <= len(current) and current[col - 1] == "\t":
        return col
    indent = current[: len(current) - len(current.lstrip(" \t"))]
    if "\t" in indent:
        return indent.index("\t") + 1
    before = current[: col - 1].rstrip(" ")
    return len(before) if before.endswith("\t") else None


def read_text(text: str, path: str) -> ReadResult:
    """Compose `text` (the contents of `path`) into nodes, or say why not."""
    try:
        root = compose(text, ALIAS_BUDGET * len(text) + 1000)
    except _Refused as exc:
        return ReadResult(None, [Problem(path, exc.line, exc.col, "error", exc.rule, exc.message)])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{what} ({exc.context})"
        tab = _tab_at(text, line, col)
        if tab is not None:  # libyaml often names the token it expected, not the tab that broke it
            return ReadResult(None, [Problem(path, line, tab, "error", "yaml-syntax",
                                             "YAML syntax: a tab character here; YAML allows only spaces for "
                                             f"indentation: replace the tab with spaces ({what})")])
        return ReadResult(None, [Problem(path, line, col, "error", "yaml-syntax", f"YAML syntax: {what}")])
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, at its own line and column
        before = text[: exc.position]
        line = before.count("\n") + 1
        col = exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return ReadResult(None, [Problem(path, line, col, "error", "control-character",
                                         f"control character U+{ord(char):04X} is not allowed; remove it")])
    except yaml.YAMLError as exc:
        return ReadResult(None, [Problem(path, 1, 1, "error", "yaml-syntax", f"YAML syntax: {' '.join(str(exc).split())}")])
    return ReadResult(root, [])


def read_bytes(data: bytes, path: str) -> ReadResult:
    text, problem = _decode(data, path)
    if problem is not None or text is None:
        return ReadResult(None, [problem] if problem else [])
    return read_text(text, path)
