"""Editing a profile's YAML text in place, keeping its comments, order and layout.

Text in, text out: callers read and write the file (through skillstack.fileio).
Only the entries touched change; every other line, comment and blank line stays
as the person wrote it. ruamel.yaml (round-trip mode) does the editing and is
imported only here, only when a profile is edited.

Public functions:

- `set_progress(text, action, credential, on)`: `start` puts a credential in
  `progress.in_progress` with its `progress.started` date; `done` moves it to
  `credentials` as earned `on`; `drop` takes it out of progress.
- `add_held_credential(text, credential, earned, expires=None)`: a held credential,
  added once (an entry with the same id is updated, not duplicated).

>>> text = "name: Alex  # me\\ntargets: [data-analyst]\\n"
>>> print(set_progress(text, "start", "google-data-analytics", date(2026, 12, 1)), end="")
name: Alex  # me
targets: [data-analyst]
progress:
  in_progress: [google-data-analytics]
  started: {google-data-analytics: 2026-12-01}
"""

from __future__ import annotations

import io
import itertools
from datetime import date
from typing import TYPE_CHECKING

from skillstack.errors import InputError

if TYPE_CHECKING:  # ruamel.yaml is imported when a profile is edited, not at start-up
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

ACTIONS = ("start", "done", "drop")


def _indents(text: str) -> tuple[int, int, int]:
    """The file's own indentation (mapping, sequence, dash offset), so a re-dump keeps it."""
    mapping, offset = 2, 2
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for above, line in itertools.pairwise(lines):
        if not above.rstrip().endswith(":"):
            continue
        outer = len(above) - len(above.lstrip())
        inner = len(line) - len(line.lstrip())
        if line.lstrip().startswith("- "):
            offset = max(0, inner - outer)
        elif inner > outer:
            mapping = inner - outer
    return mapping, offset + 2, offset


def _yaml(text: str = "") -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a person's long lines
    mapping, sequence, offset = _indents(text)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _load(text: str, where: str) -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    try:
        doc = _yaml(text).load(text) if text.strip() else CommentedMap()
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        raise InputError(f"{where}{at}: not valid YAML, so it cannot be edited; fix it first") from None
    if doc is None:
        doc = CommentedMap()
    if not isinstance(doc, CommentedMap):  # what the round-trip loader makes of every mapping
        raise InputError(f"{where}:1:1: a profile must be a mapping (name, skills, targets, ...)")
    return doc


def _dump(doc: CommentedMap, text: str) -> str:
    out = io.StringIO()
    _yaml(text).dump(doc, out)
    return out.getvalue()


def _flow_seq(items: list[object]) -> CommentedSeq:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _flow_map(pairs: dict[str, object]) -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap(pairs)
    mapping.fa.set_flow_style()
    return mapping


def _section(doc: CommentedMap, key: str, flow: bool = False) -> CommentedMap:
    """The mapping under `key`, created (block style) when missing or empty."""
    from ruamel.yaml.comments import CommentedMap

    value = doc.get(key)
    if not isinstance(value, CommentedMap):
        value = _flow_map({}) if flow else CommentedMap()
        doc[key] = value
    return value


def _remove(seq: object, ident: str) -> bool:
    if not isinstance(seq, list):
        return False
    found = [i for i, item in enumerate(seq) if str(item) == ident]
    for i in reversed(found):
        del seq[i]
    return bool(found)


def _held_index(doc: CommentedMap, ident: str) -> int | None:
    for i, item in enumerate(doc.get("credentials") or []):
        if isinstance(item, dict) and str(item.get("id")) == ident:
            return i
    return None


def _tidy_progress(doc: CommentedMap) -> None:
    progress = doc.get("progress")
    if not isinstance(progress, dict):
        return
    for key in ("in_progress", "started"):
        if key in progress and not progress[key]:
            del progress[key]
    if not progress:
        del doc["progress"]


def add_held_credential(text: str, credential: str, earned: date | None, expires: date | None = None,
                        where: str = "profile") -> str:
    """`text` with `credential` held (earned on `earned`, expiring on `expires` if given):
    added to `credentials` as a one-line entry, or the existing entry's dates updated."""
    doc = _load(text, where)
    held = doc.get("credentials")
    if held is None or (isinstance(held, list) and not held):
        from ruamel.yaml.comments import CommentedSeq

        held = doc["credentials"] = CommentedSeq()  # `credentials: []` becomes a block list
    elif not isinstance(held, list):
        raise InputError(f"{where}: `credentials` is not a list, so it cannot be edited; fix it first")
    at = _held_index(doc, credential)
    entry = held[at] if at is not None else None
    if entry is None:
        pairs: dict[str, object] = {"id": credential}
        if earned is not None:
            pairs["earned"] = earned
        if expires is not None:
            pairs["expires"] = expires
        held.append(_flow_map(pairs))
    else:
        if earned is not None:
            entry["earned"] = earned
        if expires is not None:
            entry["expires"] = expires
    return _dump(doc, text)


def set_progress(text: str, action: str, credential: str, on: date, where: str = "profile") -> str:
    """`text` with progress on `credential` recorded: `start`, `done` (earned on `on`) or `drop`."""
    if action not in ACTIONS:
        raise InputError(f"progress {action!r}: use one of {', '.join(ACTIONS)}")
    doc = _load(text, where)
    if action == "start":
        progress = _section(doc, "progress")
        doing = progress.get("in_progress")
        if not isinstance(doing, list):
            doing = progress["in_progress"] = _flow_seq([])
        if credential not in [str(x) for x in doing]:
            doing.append(credential)
        started = progress.get("started")
        if not isinstance(started, dict):
            started = progress["started"] = _flow_map({})
        started[credential] = on
        return _dump(doc, text)
    progress = doc.get("progress") if isinstance(doc.get("progress"), dict) else {}
    was_started = _remove(progress.get("in_progress"), credential)
    started = progress.get("started")
    if isinstance(started, dict) and credential in started:
        del started[credential]
        was_started = True
    _tidy_progress(doc)
    if action == "drop":
        if not was_started:
            raise InputError(f"{where}: {credential} is not in progress, so there is nothing to drop")
        return _dump(doc, text)
    return add_held_credential(_dump(doc, text), credential, on, where=where)


__all__ = ["ACTIONS", "add_held_credential", "set_progress"]
