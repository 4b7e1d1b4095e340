"""`roles --format json`: the roles of a catalog (or of one field) as a JSON-ready dict."""

from __future__ import annotations

from typing import Any

from skillstack.lookup import RoleRow


def roles_dict(field: str | None, fields: list[str], rows: list[RoleRow]) -> dict[str, Any]:
    """The field asked for, every field of the catalog, and one entry a role (with readiness when
    a profile was given)."""
    return {"schema_version": 1, "field": field, "fields": fields,
            "roles": [{"id": r.id, "name": r.name, "field": r.field, "level": r.level or None,
                       "salary": {"median": r.salary, "source": r.salary_source} if r.salary is not None else None,
                       "outlook": r.outlook or None, "readiness": r.readiness} for r in rows]}
