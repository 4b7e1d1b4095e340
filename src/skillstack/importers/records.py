"""The catalog records the table importers (`onet`, `esco`) make, as `yamlout.dump_catalog` writes them.

Keys are the catalog's own (schema/catalog.py); a record's keys are written in the order they
were set, so the importers set them in the catalog's layout order.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict


class RoleRequirement(TypedDict):
    """One `requires` item of an imported role: a skill at a level, with its importance."""

    skill: str
    level: int
    importance: str


class OnetExtra(TypedDict):
    """`x-onet` of an O*NET technology skill: its commodity class code."""

    commodity: str

# a skill of an O*NET or ESCO import (`onet` / `x-onet` from O*NET, `esco` and `aliases` from ESCO)
SkillRecord = TypedDict("SkillRecord", {
    "id": str, "name": str, "domain": str,
    "onet": NotRequired[str], "aliases": NotRequired[list[str]], "description": NotRequired[str],
    "broader": NotRequired[str], "esco": NotRequired[str], "x-onet": NotRequired[OnetExtra],
})


class RoleHead(TypedDict):
    """What a role of an O*NET (`onet`) or ESCO (`esco`) import says about itself, before its
    requirements and sources (`RoleRecord` is `{**head, "requires": ..., "sources": ...}`)."""

    id: str
    name: str
    onet: NotRequired[str]
    esco: NotRequired[str]
    description: NotRequired[str]


class RoleRecord(RoleHead):
    """A role of an O*NET or ESCO import."""

    requires: list[RoleRequirement]
    sources: list[str]
