"""Catalog records (plain dicts) -> YAML text in the catalog's own layout.

A small block-style emitter for the plain data importers make (mappings, lists, strings,
numbers, booleans, dates): PyYAML's representer is pure Python and took most of the time of
a 50,000-record import. A string is written plain when it is plainly text (starts with a
letter, only safe characters, not a YAML boolean or null word), else as a double-quoted JSON
string, which YAML reads back unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _.,()/'&+*@$%!?=-]*")
_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"}


def scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return "null"
    text = str(value)
    if _PLAIN.fullmatch(text) and text.casefold() not in _WORDS and not text.endswith(" ") and "  " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _block(value: dict[str, object] | list[object], indent: str, out: list[str]) -> None:
    """Lines for a mapping or list whose first line continues the caller's line."""
    if isinstance(value, dict):
        first = True
        for key, item in value.items():
            lead = "" if first else indent
            first = False
            _entry(f"{lead}{scalar(key)}:", item, indent, out)
    else:
        first = True
        for item in value:
            lead = "" if first else indent
            first = False
            if isinstance(item, (dict, list)) and item:
                out.append(f"{lead}- ")
                _block(item, indent + "  ", out)
            else:
                out.append(f"{lead}- {_flow_or_scalar(item)}\n")


def _entry(head: str, item: object, indent: str, out: list[str]) -> None:
    if isinstance(item, dict) and item:
        out.append(head + "\n" + indent + "  ")
        _block(item, indent + "  ", out)
    elif isinstance(item, list) and item:
        out.append(head + "\n" + indent)
        _block(item, indent, out)
    else:
        out.append(f"{head} {_flow_or_scalar(item)}\n")


def _flow_or_scalar(item: object) -> str:
    if isinstance(item, dict):
        return "{}"
    if isinstance(item, list):
        return "[]"
    return scalar(item)


def dump_catalog(header: str, **lists: Sequence[Mapping[str, object]]) -> str:
    """`# header` lines, then `skills:` / `credentials:` / `roles:` lists in the order given.

    >>> print(dump_catalog("made by a test", credentials=[{"id": "x", "cost": 10, "note": "a: b"}]), end="")
    # made by a test
    credentials:
    - id: x
      cost: 10
      note: "a: b"
    """
    out = ["".join(f"# {line}\n".replace("# \n", "#\n") for line in header.splitlines())]
    for key, items in lists.items():
        if items:
            _entry(f"{key}:", list(items), "", out)
    return "".join(out)
