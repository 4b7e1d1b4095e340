"""Step 1 of planning: what the target roles ask that the learner lacks.

- skills: every skill a target role requires, at the highest level any asks,
  that the learner does not hold (SPEC section 3); optional ones only with
  `with_optional`;
- expected credentials: role items naming credentials (or groups of them) not met
  at the start, essential and important ones for the solver, optional ones as
  suggestions;
- gates: experience and education items not met, which no credential can earn;
  each names the nearest role on the `previous` path whose gates the learner
  meets (an entry-level role first), to aim for first.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from skillstack.catalog import Catalog
from skillstack.model import Expectation, Requirement, Role, RoleId, SkillId
from skillstack.plan.problem import Expected, GapItem
from skillstack.plan.state import State
from skillstack.requirements import State as Holdings
from skillstack.requirements import credentials_named, holds, you_have

IMPORTANCE_RANK = {"optional": 0, "important": 1, "essential": 2}


@dataclass(frozen=True)
class Gate:
    """Experience or education a target role asks that the learner lacks."""

    role: RoleId
    requirement: Requirement
    importance: str
    source: str
    aim_first: RoleId | None  # the role to aim for first, if the catalog links one
    have: str = ""  # what the learner has against it: '2 years of it', 'no education stated'

    @property
    def blocking(self) -> bool:
        """An essential gate: the role is out of reach until it is met, whatever the pathway."""
        return self.importance == "essential"


@dataclass(frozen=True)
class Gap:
    items: tuple[GapItem, ...]
    expected: tuple[Expected, ...]  # essential and important, for the solver
    suggestions: tuple[Expected, ...]  # optional: listed, never planned
    gates: tuple[Gate, ...]

    def __bool__(self) -> bool:
        return bool(self.items or self.expected)


def skill_gap(catalog: Catalog, roles: Iterable[RoleId], learner: Holdings, with_optional: bool) -> tuple[GapItem, ...]:
    """Skills the roles require that `learner` lacks; one item per skill at the highest level asked."""
    wanted: dict[SkillId, tuple[int, str]] = {}
    for rid in roles:
        for need in catalog.roles[rid].requires:
            if need.importance == "optional" and not with_optional:
                continue
            level, importance = wanted.get(need.skill, (0, "optional"))
            wanted[need.skill] = (max(level, int(need.level)),
                                  max(importance, need.importance, key=IMPORTANCE_RANK.__getitem__))
    items = [GapItem(skill, level, importance) for skill, (level, importance) in wanted.items()  # type: ignore[arg-type]
             if learner.level(skill) < level]
    return tuple(sorted(items, key=lambda g: (-IMPORTANCE_RANK[g.importance], g.skill)))


def is_gate(item: Expectation) -> bool:
    """An item no credential can meet: experience or education only."""
    return not credentials_named([item.requirement])


def gates_met(role: Role, learner: Holdings) -> bool:
    return all(holds(e.requirement, learner) for e in role.expects if is_gate(e) and e.importance != "optional")


def aim_first(catalog: Catalog, role: Role, learner: Holdings) -> RoleId | None:
    """The nearest role before `role` (by `previous`, breadth first) whose experience and
    education gates the learner meets; an entry-level one wins a tie of distance."""
    seen = {role.id}
    frontier = deque([(role.id, 0)])
    found: list[tuple[int, int, str]] = []
    while frontier:
        rid, depth = frontier.popleft()
        for prev in catalog.roles[rid].previous:
            if prev in seen or prev not in catalog.roles:
                continue
            seen.add(prev)
            before = catalog.roles[prev]
            if gates_met(before, learner):
                found.append((depth + 1, 0 if before.level == "entry" else 1, prev))
            else:
                frontier.append((prev, depth + 1))
    return RoleId(min(found)[2]) if found else None


def role_gates(catalog: Catalog, role: Role, learner: Holdings) -> tuple[Gate, ...]:
    """The experience and education items of `role` the learner lacks, in the role's order; each
    but the optional ones names the role to aim for first. The role is out of reach while one of
    them is `blocking`, whatever the pathway."""
    unmet = [item for item in role.expects if is_gate(item) and not holds(item.requirement, learner)]
    aim = aim_first(catalog, role, learner) if any(i.importance != "optional" for i in unmet) else None
    return tuple(Gate(role.id, i.requirement, i.importance, i.source, aim if i.importance != "optional" else None,
                      you_have([i.requirement], learner.experience, learner.education)) for i in unmet)


def gap(state: State) -> Gap:
    """Step 1: the skills, expected credentials and gates of the profile's target roles."""
    catalog, learner, c = state.catalog, state.learner, state.profile.constraints
    items = skill_gap(catalog, state.profile.targets, learner, c.with_optional)
    expected: dict[Requirement, Expected] = {}
    gates: list[Gate] = []
    for rid in state.profile.targets:
        role = catalog.roles[rid]
        gates += role_gates(catalog, role, learner)
        for item in role.expects:
            if is_gate(item) or holds(item.requirement, learner):
                continue
            known = expected.get(item.requirement)
            importance = item.importance if known is None else max(
                known.importance, item.importance, key=IMPORTANCE_RANK.__getitem__)
            roles = (rid,) if known is None else (*known.roles, rid)
            source, cite = ((item.source, item.cite) if known is None or not known.source
                            else (known.source, known.cite))
            expected[item.requirement] = Expected(item.requirement, importance, roles, source, cite)
    planned = tuple(e for e in expected.values() if e.importance != "optional")
    suggested = tuple(e for e in expected.values() if e.importance == "optional")
    return Gap(items, planned, suggested, tuple(gates))
