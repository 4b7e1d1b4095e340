"""prerequisite-cycle (error): credentials that require each other, so none can be started.

Reported once per cycle as a path `a --> b --> a`, at the first credential.

Failing example::

    credentials:
      - {id: a, requires: [{credential: b}], ...}
      - {id: b, requires: [{credential: a}], ...}
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.graph import has_prerequisite_cycle
from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "prerequisite-cycle"
LEVEL: ProblemLevel = "error"


def check(ctx: RuleContext) -> Iterator[Problem]:
    if not has_prerequisite_cycle(ctx.dependents):
        return  # the usual case: no graph to build
    creds = ctx.catalog.credentials
    for cycle in ctx.graph.prerequisite_cycles():
        head = creds[cycle[0]]
        yield Problem.at(head.where, LEVEL, ID,
                         f"prerequisite cycle: {' --> '.join(cycle)}; break it by removing one requirement")
