"""A starter profile for `skillstack init`: how each answer is read, and the YAML written.

The command asks the questions and shows what comes back; these functions check each
answer as typed. A reader returns an `Answer`: the value and the readings to show (a
misspelt role or skill, read as its closest match); or raises InputError saying what
to type instead, for the command to show before asking again.

>>> read_roles(catalog, "data analist").readings
("'data analist' read as 'Data Analyst' (data-analyst)",)
>>> read_budget("$1,500"), read_hours("6"), read_start("")
(1500.0, 6.0, None)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from skillstack.catalog import Catalog, Index
from skillstack.errors import InputError
from skillstack.model import Level, Role, Skill
from skillstack.profile import ProfileInput, apply_flags, parse_date, parse_level, parse_money, resolve_profile
from skillstack.schema.profile import HOURS_PER_WEEK

T = TypeVar("T")

DEFAULT_HOURS_PER_WEEK = 10.0
MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK = HOURS_PER_WEEK  # as a profile file accepts them


@dataclass(frozen=True)
class Answer(Generic[T]):
    """An answer as read, and how names in it were read (to show)."""

    value: T
    readings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Starter:
    """What a starter profile holds: from `init`'s flags or its questions."""

    name: str = ""
    roles: tuple[str, ...] = ()  # role ids or names
    have: tuple[str, ...] = ()  # SKILL:LEVEL, as --have takes them
    budget: float | None = None
    hours_per_week: float = DEFAULT_HOURS_PER_WEEK
    start: date | None = None


def _items(answer: str) -> Iterable[str]:
    return (item.strip() for item in answer.split(",") if item.strip())


def _ids(index: Index[Role] | Index[Skill], names: Iterable[str]) -> tuple[list[str], tuple[str, ...]]:
    ids: list[str] = []
    readings: list[str] = []
    for name in names:
        found = index.resolve(name.strip())
        ids.append(found.id)
        if found.warning:
            readings.append(found.warning)
    return ids, tuple(readings)


def read_roles(catalog: Catalog, answer: str) -> Answer[tuple[str, ...]]:
    """Target roles, comma separated, by id or name; "?" lists every role id (as the error)."""
    if answer.strip() == "?":
        raise InputError("roles: " + ", ".join(sorted(r.id for r in catalog.roles)))
    ids, readings = _ids(catalog.roles, _items(answer))
    if not ids:
        raise InputError("name at least one role (? lists them)")
    return Answer(tuple(ids), readings)


def read_skills(catalog: Catalog, answer: str) -> Answer[tuple[str, ...]]:
    """Skills held, comma separated, each SKILL:LEVEL (level 1-4 or its name); as `skill-id:level`."""
    out: list[str] = []
    readings: list[str] = []
    for item in _items(answer):
        skill, sep, level = item.rpartition(":")
        if not sep:
            levels = ", ".join(lv.label for lv in Level)
            raise InputError(f"{item!r}: write SKILL:LEVEL, the level 1-4 or one of {levels}")
        ids, read = _ids(catalog.skills, [skill])
        out.append(f"{ids[0]}:{int(parse_level(level.strip(), 'level'))}")
        readings += read
    return Answer(tuple(out), tuple(readings))


def read_budget(answer: str) -> float | None:
    """A budget as people write it ($1,500); None when left empty."""
    return parse_money(answer) if answer.strip() else None


def read_hours(answer: str) -> float:
    """Hours a week to study, from 0.5 to 100."""
    try:
        value = float(answer)
    except ValueError:
        raise InputError(f"{answer!r} is not a number of hours") from None
    if not MIN_HOURS_PER_WEEK <= value <= MAX_HOURS_PER_WEEK:  # also refuses nan
        raise InputError(f"give between {MIN_HOURS_PER_WEEK:g} and {MAX_HOURS_PER_WEEK:g} hours a week")
    return value


def read_start(answer: str) -> date | None:
    """A fixed first day of study, YYYY-MM-DD; None when left empty (plans start when made)."""
    return parse_date(answer.strip(), "start") if answer.strip() else None


def starter_text(catalog: Catalog, starter: Starter) -> str:
    """A starter profile as YAML text, with every name checked against the catalog first.

    No placeholder name (an empty name is left out) and no fixed `start` unless one is given:
    plans then start on the day they are made."""
    import yaml

    raw = apply_flags(ProfileInput(name=starter.name), roles=starter.roles, have=starter.have)
    resolved, _ = resolve_profile(raw, catalog)
    doc: dict[str, object] = {"name": starter.name} if starter.name else {}
    doc["skills"] = {catalog.skills[s].id: int(lv) for s, lv in resolved.skills} or {}
    doc["credentials"] = []
    doc["experience"] = {}
    doc["targets"] = list(resolved.targets)
    constraints: dict[str, object] = {"hours_per_week": starter.hours_per_week, "optimize": "cost"}
    if starter.start is not None:
        constraints["start"] = starter.start.isoformat()
    if starter.budget is not None:
        constraints["budget"] = starter.budget
    doc["constraints"] = constraints
    header = ("# skillstack profile: edit, then run `skillstack plan --profile <this file>`.\n"
              "# skills: id or name -> level (1 foundational .. 4 expert); credentials: [{id, earned: YYYY-MM-DD}]\n"
              "# experience: domain -> years, e.g. {security: 3}\n")
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
