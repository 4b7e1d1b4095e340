"""stale-review (warning): facts not reviewed in the last 12 months, or never.

Applies to credentials and roles (`last_reviewed`). Prices and rules change;
advice that rests on old facts misleads.

Failing example::

    credentials:
      - {id: x, last_reviewed: 2020-01-01, ...}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from skillstack.model import SourceRef
from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "stale-review"
LEVEL: ProblemLevel = "warning"
MAX_AGE = timedelta(days=365)


def check(ctx: RuleContext) -> Iterator[Problem]:
    objects: list[tuple[str, str, SourceRef, date | None]] = [
        ("credential", c.id, c.where, c.last_reviewed) for c in ctx.catalog.credentials]
    objects += [("role", r.id, r.where, r.last_reviewed) for r in ctx.catalog.roles]
    for kind, ident, where, reviewed in objects:
        if reviewed is None:
            yield Problem.at(where, LEVEL, ID, f"{kind} {ident} has no last_reviewed date; check its facts "
                             "and add one")
        elif reviewed > ctx.today:
            yield Problem.at(where, LEVEL, ID, f"{kind} {ident} was last reviewed on {reviewed}, in the future")
        elif ctx.today - reviewed > MAX_AGE:
            yield Problem.at(where, LEVEL, ID, f"{kind} {ident} was last reviewed on {reviewed}, over 12 months "
                             "ago; check its facts again")
