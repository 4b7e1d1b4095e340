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
from skillstack.validate.context import RuleContext

ID = "unreachable"
LEVEL: ProblemLevel = "warning"


def check(ctx: RuleContext) -> Iterator[Problem]:
    got, _ = ctx.reachable
    if len(got) < len(ctx.credentials):  # (most catalogs: every credential is reachable)
        for cred in ctx.credentials:
            if cred.id not in got:
                what = "its parts" if cred.is_stack else "its requirements"
                yield Problem.at(cred.where, LEVEL, ID,
                                 f"credential {cred.id} can never be earned from scratch: {what} are never met")
    for role, needs in ctx.short_needs:  # the skills each role requires above the level reachable
        short = [(n.skill, int(n.level)) for n in needs if n.importance != "optional"]
        if short:
            shown = ", ".join(f"{s} at {lv}" for s, lv in short)
            yield Problem.at(role.where, LEVEL, ID,
                             f"role {role.id} cannot be reached from scratch: nothing reachable grants {shown}")
