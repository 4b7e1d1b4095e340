"""past-retirement (warning): an active credential whose `retires` date has passed.

The planner already treats it as retired; the entry should say so: set
`status: retired` and name its `superseded_by`, or correct the date.

Failing example::

    credentials:
      - {id: x, status: active, retires: 2024-06-30, ...}
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "past-retirement"
LEVEL: ProblemLevel = "warning"


def check(ctx: RuleContext) -> Iterator[Problem]:
    for cred in ctx.walk.lifecycle:  # those with a status or a retires date
        if cred.status != "retired" and cred.retires is not None and cred.retires < ctx.today:
            yield Problem.at(cred.where, LEVEL, ID,
                             f"credential {cred.id} is {cred.status} but retired on {cred.retires}; set "
                             "status: retired (with superseded_by) or correct the date")
