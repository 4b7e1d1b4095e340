"""Domain objects as JSON-ready values: enums as numbers, dates as ISO text, locations as text."""

from __future__ import annotations

import json
import math
from dataclasses import fields, is_dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from skillstack import model as m
from skillstack.requirements import requirement_data


def plain(value: Any) -> Any:
    if isinstance(value, (m.SkillReq, m.CredentialReq, m.ExperienceReq, m.EducationReq, m.AllOf, m.AnyOf, m.NOf)):
        return requirement_data(value)
    if isinstance(value, m.Expectation):
        out = {**requirement_data(value.requirement), "importance": value.importance, **source_keys(value.cite)}
        return {**out, "source": value.source} if value.source else out
    if isinstance(value, m.SourceRef):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)
                if getattr(value, f.name) not in (None, "", ())}
    if isinstance(value, IntEnum):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no Infinity or NaN; scripts parsing our output must never meet them
    return value


def source_keys(cite: m.Citation | None) -> dict[str, str]:
    """An expectation's citation as its `source_kind` and `source_url` keys ({} without one)."""
    return {"source_kind": cite.kind, "source_url": cite.url} if cite is not None else {}


def citation(cite: m.Citation | None) -> dict[str, str]:
    """A source as {url, kind, note} ({} without one)."""
    return {"url": cite.url, "kind": cite.kind, "note": cite.note} if cite is not None else {}


def dumps(doc: Any) -> str:
    """A command's JSON document: `doc` as plain values (`plain`), written by `json_text`."""
    return json_text(plain(doc))


def json_text(data: object, indent: int = 2) -> str:
    """Plain JSON data as every command writes it: UTF-8 text as is, no NaN, a final newline.
    `export ctdl` indents by 1 (its large @graph), the rest by 2."""
    return json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False) + "\n"
