"""zero-hours (warning): a credential (not a stack) with no hours, or no hours given.

Every credential someone takes costs time; zero makes it look free to plan.

Failing example::

    credentials:
      - {id: x, hours: 0, ...}
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "zero-hours"
LEVEL: ProblemLevel = "warning"


def check(ctx: RuleContext) -> Iterator[Problem]:
    for cred in ctx.walk.numbers:  # hours 0 or less among them
        if cred.hours == 0 and not cred.is_stack:
            yield Problem.at(cred.where, LEVEL, ID,
                             f"credential {cred.id} has zero hours; estimate learning and exam preparation")
