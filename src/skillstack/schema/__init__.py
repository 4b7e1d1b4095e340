"""One declarative schema for catalog and profile files.

- `schema.toolkit`: the typed combinators (`Str`, `Num`, `ListOf`, `Obj`...) that
  convert YAML nodes into values, with located problems, and describe themselves
  as JSON Schema;
- `schema.catalog`: the declarations of catalog files (the requirement grammar,
  skills, credentials, roles);
- `schema.profile`: the declaration of profile files.

A new field is declared once, next to its model dataclass's field: the same
declaration checks files and generates the JSON Schema (`json_schema`).
"""

from __future__ import annotations

from skillstack.schema.catalog import CATALOG_FILE, CREDENTIAL, REQUIREMENT, ROLE, SKILL
from skillstack.schema.profile import PROFILE_FILE
from skillstack.schema.toolkit import (
    FIRST_YEAR,
    ID_PATTERN,
    INVALID,
    LAST_YEAR,
    LEVEL_NAMES,
    MONEY_LIMIT,
    NUMBER_LIMIT,
    QUOTE_LIMIT,
    Ctx,
    JSONSchema,
    control_character,
    quote,
)


def json_schema(kind: str) -> JSONSchema:
    """The JSON Schema of a catalog file (`kind="catalog"`) or a profile."""
    root = CATALOG_FILE if kind == "catalog" else PROFILE_FILE
    title = "skillstack catalog file" if kind == "catalog" else "skillstack profile"
    out: JSONSchema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://skillstack.dev/schema/{kind}.json",
        "title": title,
        **root.json_schema(),
    }
    if kind == "catalog":
        out["$defs"] = {"requirement": REQUIREMENT.json_schema()}
    return out


__all__ = ["CATALOG_FILE", "CREDENTIAL", "FIRST_YEAR", "ID_PATTERN", "INVALID", "LAST_YEAR", "LEVEL_NAMES",
           "MONEY_LIMIT", "NUMBER_LIMIT", "PROFILE_FILE", "QUOTE_LIMIT", "REQUIREMENT", "ROLE", "SKILL", "Ctx",
           "control_character", "json_schema", "quote"]
