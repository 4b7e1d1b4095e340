"""The MILP solver against brute force on many small random problems.

Every returned pathway is re-checked step by step by `replay`, written here
apart from both the solver and the oracle.
"""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import HealthCheck, given, settings

from skillstack.model import (
    AllOf,
    AnyOf,
    Credential,
    CredentialReq,
    EducationReq,
    ExperienceReq,
    NOf,
    Requirement,
    SkillId,
    SkillReq,
)
from skillstack.plan.brute import brute_force, objective_triple
from skillstack.plan.greedy import greedy
from skillstack.plan.problem import PlanProblem, PlanSolution
from skillstack.plan.solve import solve_problem as solve
from strategies import closed_weight, problems

# ---- an independent checker -------------------------------------------------------


def _holds(req: Requirement, skills: Mapping[SkillId, int], held: set[str], years: Mapping[str, float]) -> bool:
    match req:
        case SkillReq(skill=s, level=lv):
            return skills.get(s, 0) >= lv
        case CredentialReq(credential=c):
            return c in held
        case ExperienceReq(domain=d, years=y):
            return years.get(d, 0.0) >= y
        case EducationReq():
            return True  # replay checks order only; both planners evaluate education themselves
        case AllOf(items=items):
            return all(_holds(i, skills, held, years) for i in items)
        case AnyOf(items=items):
            return any(_holds(i, skills, held, years) for i in items)
        case NOf(n=n, items=items):
            return sum(_holds(i, skills, held, years) for i in items) >= n
    raise AssertionError(req)


def replay(p: PlanProblem, sol: PlanSolution) -> None:
    """Re-check a pathway step by step against every rule of SPEC section 3."""
    by_id = {c.id: c for c in p.candidates}
    skills = {s: int(lv) for s, lv in p.skills.items()}
    held: set[str] = set(p.held)

    def gain(cred: Credential) -> None:
        held.add(cred.id)
        for g in cred.grants:
            skills[g.skill] = max(skills.get(g.skill, 0), int(g.level))

    def earn_stacks() -> list[str]:
        new: list[str] = []
        while ready := [
            s
            for s in p.stacks
            if s.id not in held and s.awarded_for and _holds(s.awarded_for, skills, held, p.experience)
        ]:
            for s in ready[:1]:
                gain(s)
                new.append(s.id)
        return new

    earn_stacks()
    stacks: list[tuple[str, int]] = []
    assert len(set(sol.steps)) == len(sol.steps)
    for index, step in enumerate(sol.steps):
        cred = by_id[step]
        for req in cred.requires:
            assert _holds(req, skills, held, p.experience), f"{step} starts before {req}"
        gain(cred)
        stacks.extend((s, index) for s in earn_stacks())
    assert sorted(stacks) == sorted(sol.stacks)
    closed = {g for g in p.gap if skills.get(g.skill, 0) >= g.level}
    assert set(sol.closed) == closed and set(sol.open) == set(p.gap) - closed
    essential = all(_holds(e.requirement, skills, held, p.experience) for e in p.expected if e.importance == "essential")
    assert sol.feasible == (closed == set(p.gap) and essential)
    assert sol.cost == sum(by_id[s].cost.amount for s in sol.steps)
    assert sol.hours == sum(by_id[s].hours for s in sol.steps)
    assert p.budget is None or sol.cost <= p.budget
    assert p.max_hours is None or sol.hours <= p.max_hours


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_solver_matches_brute_force(p: PlanProblem) -> None:
    sol = solve(p)
    oracle = brute_force(p)
    replay(p, sol)
    replay(p, oracle)
    assert sol.optimal
    assert sol.feasible == oracle.feasible
    assert closed_weight(sol) == closed_weight(oracle)
    mine = objective_triple(p, sol.cost, sol.hours, len(sol.steps))
    best = objective_triple(p, oracle.cost, oracle.hours, len(oracle.steps))
    assert mine == best
    assert (sol.waived, set(sol.expected_met)) == (oracle.waived, set(oracle.expected_met))
    assert (sol.steps, sol.stacks) == (oracle.steps, oracle.stacks)  # the same canonical pathway, in the same order


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_greedy_pathway_is_valid(p: PlanProblem) -> None:
    replay(p, greedy(p))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_the_reference_configuration_gives_the_same_answer(p: PlanProblem) -> None:
    """The bench checks the 50k answers against `reference=True` (every stage a plain MIP):
    it must be the same canonical pathway."""
    sol, ref = solve(p), solve(p, reference=True)
    assert ref.optimal
    assert (ref.steps, ref.stacks, ref.cost, ref.hours, ref.feasible) == (sol.steps, sol.stacks, sol.cost, sol.hours,
                                                                          sol.feasible)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_without_partial_pathways_only_a_full_pathway_is_returned(p: PlanProblem) -> None:
    """`partial=False` (the explanation's re-plans ask only whether a full pathway exists)."""
    sol, full = solve(p), solve(p, partial=False)
    if sol.feasible:
        assert (full.steps, full.cost, full.hours, full.feasible) == (sol.steps, sol.cost, sol.hours, True)
    else:
        assert (full.feasible, full.steps, full.optimal) == (False, (), True)
