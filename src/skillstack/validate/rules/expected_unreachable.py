"""expected-unreachable (error): a role's essential expected credentials cannot be earned.

An essential expected credential must be on every pathway to the role, so if
each credential that could meet the item is retired, or can never be earned
from scratch (any experience and education allowed), no plan for the role is
feasible. Name a successor, or lower the item's importance.

Failing example::

    roles:
      - id: analyst
        requires:
          - {credential: old-cert, importance: essential}   # old-cert has status: retired
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.model import Expectation, Role
from skillstack.problems import Problem, ProblemLevel
from skillstack.requirements import State, credentials_named, holds
from skillstack.validate.context import RuleContext, where_of

ID = "expected-unreachable"
LEVEL: ProblemLevel = "error"


def check(ctx: RuleContext) -> Iterator[Problem]:
    creds = ctx.catalog.credentials
    essential: list[tuple[Role, Expectation, set[str]]] = []
    for role in ctx.roles:
        for item in role.expects:
            if item.importance != "essential":
                continue
            named = credentials_named([item.requirement])
            if not named or not named <= {c for c in named if c in creds}:
                continue  # unknown ids are role-expectation's to report
            essential.append((role, item, named))
    if not essential:
        return
    reachable = ctx.reachable_of({c for _, _, named in essential for c in named})
    for role, item, named in essential:
        usable = {c for c in named if c in reachable and creds[c].status != "retired"}
        if holds(item.requirement, State(credentials=set(usable), any_experience=True)):
            continue
        why = "; ".join(f"{c} is retired" if creds[c].status == "retired" else f"{c} can never be earned"
                        for c in sorted(named - usable))
        yield Problem.at(where_of(item.where, role.where), LEVEL, ID,
                         f"role {role.id} expects essential credentials no pathway can give ({why})")
