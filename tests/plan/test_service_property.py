"""The whole planning service (gap, candidate pruning, solver) against brute force over
every credential of small random catalogs: pruning must never lose the optimum."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from test_solver_property import WHERE, closed_weight, problems  # type: ignore[import-not-found]

from skillstack.catalog import Catalog, Index
from skillstack.model import (
    IMPORTANCE_WEIGHTS,
    Constraints,
    Expectation,
    HeldCredential,
    Profile,
    Role,
    RoleId,
    RoleSkill,
    Skill,
    SkillId,
)
from skillstack.plan.brute import brute_force, objective_triple
from skillstack.plan.problem import PlanProblem
from skillstack.plan.service import plan

START = date(2026, 12, 1)


def as_catalog(p: PlanProblem) -> tuple[Catalog, Profile]:
    creds = [*p.candidates, *p.stacks]
    skills = sorted({g.skill for c in creds for g in c.grants} | {g.skill for g in p.gap} | set(p.skills))
    role = Role(RoleId("target"), "Target", WHERE,
                requires=tuple(RoleSkill(g.skill, g.level, g.importance) for g in p.gap),
                expects=tuple(Expectation(e.requirement, e.importance) for e in p.expected))
    catalog = Catalog(Index("skill", [Skill(SkillId(s), s, WHERE) for s in skills]),
                      Index("credential", creds), Index("role", [role]))
    known = {c.id for c in creds}
    deadline = START + timedelta(days=int(p.max_hours) - 1) if p.max_hours is not None else None
    profile = Profile(
        skills=tuple(sorted(p.skills.items())),
        credentials=tuple(HeldCredential(c) for c in sorted(p.held) if c in known),
        experience=tuple(p.experience.items()), targets=(RoleId("target"),),
        constraints=Constraints(budget=p.budget, hours_per_week=7.0, start=START, deadline=deadline,
                                optimize=p.objective, with_optional=True), education=p.education)
    return catalog, profile


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_service_matches_brute_force_over_the_whole_catalog(p: PlanProblem) -> None:
    catalog, profile = as_catalog(p)
    known = {c.id for c in (*p.candidates, *p.stacks)}
    p = replace(p, held=frozenset(c for c in p.held if c in known))
    result = plan(catalog, profile, START)
    oracle = brute_force(p)
    assert result.feasible == oracle.feasible
    steps = [s.credential for s in result.steps]
    by_id = {c.id: c for c in p.candidates}
    got = (sum(by_id[s].cost.amount for s in steps), sum(by_id[s].hours for s in steps), len(steps))
    assert objective_triple(p, *got) == objective_triple(p, oracle.cost, oracle.hours, len(oracle.steps))
    assert tuple(steps) == oracle.steps  # the same canonical pathway, in the same teaching order
    if not oracle.feasible:
        still_open = {(g.skill, int(g.level)) for g in result.open}
        closed = sum(IMPORTANCE_WEIGHTS[g.importance] for g in p.gap if (g.skill, int(g.level)) not in still_open)
        assert closed == closed_weight(oracle)
