"""grants-nothing (warning): a credential (not a stack) that grants no skills.

The planner can never choose it, so it is invisible to learners.

Failing example::

    credentials:
      - {id: x, name: X, issuer: Y, kind: course, grants: []}
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "grants-nothing"
LEVEL: ProblemLevel = "warning"


def check(ctx: RuleContext) -> Iterator[Problem]:
    for cred in ctx.walk.no_grants:
        if not cred.grants and not cred.is_stack:
            yield Problem.at(cred.where, LEVEL, ID,
                             f"credential {cred.id} grants no skills; list what a holder can show")
