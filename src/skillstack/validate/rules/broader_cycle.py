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
    skills = ctx.catalog.skills
    done: set[str] = set()
    for skill in sorted(skills, key=lambda s: s.id):
        path: list[str] = []
        current: str | None = skill.id
        while current is not None and current in skills and current not in done and current not in path:
            path.append(current)
            current = skills[current].broader
        if current is not None and current in path:
            ring = path[path.index(current):]
            i = ring.index(min(ring))  # start the loop at its smallest id, so it reads the same every run
            loop = [*ring[i:], *ring[:i], ring[i]]
            yield Problem.at(skills[loop[0]].where, LEVEL, ID,
                             f"broader skills loop: {' --> '.join(loop)}; a skill cannot be its own ancestor")
        done.update(path)
