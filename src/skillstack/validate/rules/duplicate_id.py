"""duplicate-id (error): an id defined twice within its kind, in one file or across files.

Failing example::

    skills:
      - {id: sql, name: SQL}
      - {id: sql, name: Structured Query Language}
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "duplicate-id"
LEVEL: ProblemLevel = "error"


def check(ctx: RuleContext) -> Iterator[Problem]:
    raw = ctx.raw
    for kind, objects in (("skill", raw.skills), ("credential", raw.credentials), ("role", raw.roles)):
        if not ctx.defined_twice(kind):
            continue  # every id once (most catalogs): nothing to walk
        first: dict[str, object] = {}
        for obj in objects:
            seen = first.setdefault(obj.id, obj.where)
            if seen is not obj.where:
                yield Problem.at(obj.where, LEVEL, ID,
                                 f"{kind} id {obj.id!r} is already defined at {seen}; rename or merge one")
