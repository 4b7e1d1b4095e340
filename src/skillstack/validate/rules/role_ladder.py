"""role-ladder (warning): a seniority link written one way only, or a ladder that goes down.

A role's `next` should be matched by that role's `previous` (and the other way), so that
`audit` says what comes after a role and `plan` finds the role to aim for first from either
end; and a `next` role should not be at a lower `level` (entry < mid < senior) than the role
that leads to it. Unknown roles are `role-link`'s business.

Failing example::

    roles:
      - id: analyst
        level: entry
        next: [senior-analyst]
      - id: senior-analyst
        level: senior             # no `previous: [analyst]`
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.model import ROLE_LEVELS
from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "role-ladder"
LEVEL: ProblemLevel = "warning"


def check(ctx: RuleContext) -> Iterator[Problem]:
    roles = ctx.catalog.roles
    rank = {level: n for n, level in enumerate(ROLE_LEVELS)}
    for role in roles:
        for rid in role.next:
            other = roles.get(rid)
            if other is None or rid == role.id:
                continue
            if role.id not in other.previous:
                yield Problem.at(role.where, LEVEL, ID, f"role {role.id} lists {rid} in `next`, but {rid}'s "
                                 f"`previous` does not list {role.id}; add it there")
            if role.level and other.level and rank[other.level] < rank[role.level]:
                yield Problem.at(role.where, LEVEL, ID, f"role {role.id} ({role.level}) leads to {rid} "
                                 f"({other.level}): a ladder goes from entry to mid to senior")
        for rid in role.previous:
            other = roles.get(rid)
            if other is not None and rid != role.id and role.id not in other.next:
                yield Problem.at(role.where, LEVEL, ID, f"role {role.id} lists {rid} in `previous`, but {rid}'s "
                                 f"`next` does not list {role.id}; add it there")
