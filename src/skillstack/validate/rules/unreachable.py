"""unreachable (warning): roles and credentials nobody can reach from scratch.

Starting with no skills and no credentials (experience counts as met: people
gain it at work), credentials are taken whenever their requirements hold.
A credential never reached is stuck behind a prerequisite nobody can meet; a
role whose essential or important skills stay below level cannot be planned.

Failing example::

    credentials:
      - {id: advanced, requires: [{skill: kubernetes, level: 3}], ...}  # nothing grants it
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.problems import Problem, ProblemLevel
from skillstack.requirements import State
from skillstack.validate.context import RuleContext

ID = "unreachable"
LEVEL: ProblemLevel = "warning"


def check(ctx: RuleContext) -> Iterator[Problem]:
    got, levels = ctx.reachable
    for cred in ctx.catalog.credentials:
        if cred.id not in got:
            what = "its parts" if cred.is_stack else "its requirements"
            yield Problem.at(cred.where, LEVEL, ID,
                             f"credential {cred.id} can never be earned from scratch: {what} are never met")
    state = State(skills={k: v for k, v in levels.items()})  # type: ignore[misc]
    for role in ctx.catalog.roles:
        short = [(n.skill, int(n.level)) for n in role.requires  # essential and important needs not met
                 if n.importance != "optional" and state.level(n.skill) < n.level]
        if short:
            shown = ", ".join(f"{s} at {lv}" for s, lv in short)
            yield Problem.at(role.where, LEVEL, ID,
                             f"role {role.id} cannot be reached from scratch: nothing reachable grants {shown}")
