"""`skillstack import badges`: each checked badge as a JSON row and as a line of text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from skillstack.importers.badges import BadgeResult
from skillstack.importers.held import HeldUpdate


def badge_rows(results: Sequence[BadgeResult], update: HeldUpdate | None = None) -> list[dict[str, Any]]:
    """Each badge's verdict and details, the credential it matched and whether it was written."""
    rows = []
    for result in results:
        found = update.matches.get(result.file) if update else None
        match = {"credential": found.credential, "how": found.how, "score": found.score} if found else None
        rows.append({**result.as_json(), "match": match, "written": bool(update and result.file in update.written)})
    return rows


def badge_lines(rows: Sequence[dict[str, Any]]) -> list[str]:
    """One line a badge (verdict, file, name and issuer, why, match), then its warnings."""
    lines = []
    for row in rows:
        where = f" -> {row['match']['credential']} ({row['match']['how']})" if row["match"] else ""
        what = f" {row['name']!r} ({row['issuer'] or row['issuer_id'] or 'issuer unknown'})" if row["name"] else ""
        why = f": {row['reason']}" if row["reason"] else ""
        done = " [written]" if row["written"] else ""
        lines.append(f"{row['verdict']:<20} {row['file']}{what}{why}{where}{done}")
        lines += [f"{'':<20} warning: {warning}" for warning in row["warnings"]]
    return lines
