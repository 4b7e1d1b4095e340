"""`search`, `show` and `roles --format json`: the documents, as JSON-ready dicts."""

from __future__ import annotations

from typing import Any

from skillstack.lookup import Hit, RoleRow
from skillstack.model import Credential, Role, Skill


def search_doc(query: str, hits: list[Hit]) -> dict[str, object]:
    """The query and its hits, best first (`results` is empty when nothing matches)."""
    return {"schema_version": 1, "query": query, "results": hits}


def show_doc(obj: Skill | Credential | Role) -> dict[str, object]:
    """One catalog object under its kind: {"kind": "credential", "credential": {...}}."""
    kind = type(obj).__name__.lower()
    return {"schema_version": 1, "kind": kind, kind: obj}


def roles_dict(field: str | None, fields: list[str], rows: list[RoleRow]) -> dict[str, Any]:
    """The field asked for, every field of the catalog, and one entry a role (with readiness when
    a profile was given)."""
    return {"schema_version": 1, "field": field, "fields": fields,
            "roles": [{"id": r.id, "name": r.name, "field": r.field, "level": r.level or None,
                       "salary": {"median": r.salary, "source": r.salary_source} if r.salary is not None else None,
                       "outlook": r.outlook or None, "readiness": r.readiness} for r in rows]}
