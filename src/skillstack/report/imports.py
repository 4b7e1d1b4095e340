"""What `skillstack import ctdl|onet|esco` tell: the JSON document, the lines of text, the notices."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from skillstack.importers.ctdl import CtdlImport, Notice


def ctdl_summary(result: CtdlImport, written: Sequence[str]) -> dict[str, Any]:
    """The files written, the credentials in them (0 when none) and every occupation link."""
    return {"written": list(written), "credentials": result.credentials if written else 0,
            "occupations": result.occupations}


def ctdl_doc(summary: dict[str, Any], notices: Sequence[Notice]) -> dict[str, Any]:
    return {"schema_version": 1, **summary, "notices": [n.as_json() for n in sorted(notices)]}


def notice_messages(notices: Sequence[Notice]) -> list[tuple[str, str]]:
    """`(level, message)` for each notice, in order: warnings and errors for stderr."""
    return [(notice.level, str(notice)) for notice in sorted(notices)]


def ctdl_lines(summary: dict[str, Any]) -> list[str]:
    """`wrote PATH` a file, then how many occupations link to catalog roles."""
    lines = [f"wrote {path}" for path in summary.get("written", [])]
    links = [link for link in summary.get("occupations", []) if link["roles"]]
    if links:
        lines.append(f"{len(links)} occupation(s) linked to catalog roles (x-ctdl.occupations; --format json lists them)")
    return lines


def unresolved_line(count: int) -> str:
    return (f"skillstack: nothing written: {count} target(s) are not in the input; "
            "import their records too, or use --lenient to keep them as notes")


def table_doc(target: Path, skills: int, roles: int, unresolved: int) -> dict[str, Any]:
    """`import onet|esco --format json`: the file written and what is in it."""
    return {"schema_version": 1, "written": [str(target)], "skills": skills, "roles": roles,
            "unresolved_relations": unresolved}


def table_line(target: Path, skills: int, roles: int) -> str:
    return f"wrote {target} ({skills} skills, {roles} roles)"
