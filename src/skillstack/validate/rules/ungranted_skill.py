"""ungranted-skill (warning): a skill a role requires that no credential grants at that level.

No pathway can ever close that gap, so every learner targeting the role is told
"no feasible pathway".

Failing example::

    roles:
      - id: data-analyst
        requires: [{skill: sql, level: 3}]   # but the best grant of sql is level 2
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext, where_of

ID = "ungranted-skill"
LEVEL: ProblemLevel = "warning"


def check(ctx: RuleContext) -> Iterator[Problem]:
    best = ctx.best_grants  # skill -> its highest grant (granters at a level exist iff it is that high)
    for role, needs in ctx.short_needs:  # above the level reachable: the best grant is no lower than it
        for need in needs:
            if need.skill not in ctx.skill_ids or best.get(need.skill, 0) >= need.level:
                continue
            top = best.get(need.skill, 0)
            found = f"the highest grant is level {top}" if top else "no credential grants it"
            yield Problem.at(where_of(need.where, role.where), LEVEL, ID,
                             f"role {role.id} requires {need.skill} at level {int(need.level)} but {found}; "
                             "lower the level or add a credential that teaches it")
