"""The whole planning service (gap, candidate pruning, solver) against brute force over
every credential of small random catalogs: pruning must never lose the optimum."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings

from skillstack.model import (
    IMPORTANCE_WEIGHTS,
)
from skillstack.plan.brute import brute_force, objective_triple
from skillstack.plan.problem import PlanProblem
from skillstack.plan.service import plan
from strategies import START, as_catalog, closed_weight, problems


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
