"""missing-sources (warning): a credential with no `sources` to check its facts against.

Failing example::

    credentials:
      - {id: x, cost: 300, ...}     # no sources
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "missing-sources"
LEVEL: ProblemLevel = "warning"


def check(ctx: RuleContext) -> Iterator[Problem]:
    for cred in ctx.walk.no_sources:
        if not cred.sources:
            yield Problem.at(cred.where, LEVEL, ID,
                             f"credential {cred.id} has no sources; add the pages its cost, hours and rules "
                             "were read from")
