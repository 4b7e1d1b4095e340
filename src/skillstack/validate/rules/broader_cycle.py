"""broader-cycle (error): skills whose `broader` parents loop, so the taxonomy is not a tree.

Failing example::

    skills:
      - {id: a, name: A, broader: b}
      - {id: b, name: B, broader: a}
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "broader-cycle"
LEVEL: ProblemLevel = "error"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Each skill has at most one parent, so each loop is found once, whichever skill the walk
    that finds it starts from, and it is written from its smallest id: no order to keep."""
    skills = ctx.catalog.skills
    parent = ctx.skill_walk.broader  # skill -> its broader skill, for those that name one
    done: set[str] = set()
    for start in parent:
        path: list[str] = []
        on_path: set[str] = set()
        current: str = start
        while current in parent and current not in done and current not in on_path:
            path.append(current)
            on_path.add(current)
            current = parent[current]
        if current in on_path:
            ring = path[path.index(current):]
            i = ring.index(min(ring))  # start the loop at its smallest id, so it reads the same every run
            loop = [*ring[i:], *ring[:i], ring[i]]
            yield Problem.at(skills[loop[0]].where, LEVEL, ID,
                             f"broader skills loop: {' --> '.join(loop)}; a skill cannot be its own ancestor")
        done.update(path)
