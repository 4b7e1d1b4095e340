"""Planning: from a profile and a catalog to an ordered, dated, optimal pathway.

`plan()` runs the pipeline of four public steps on one `State`:

    state = start_state(catalog, profile, today)
    g = gap(state)                       # plan/gap.py
    c = candidates(state, g)             # plan/candidates.py
    s = solve(state, g, c)               # plan/solve.py (milp.py builds, highs.py solves)
    schedule(state, g, c, s)             # plan/schedule.py
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from skillstack.catalog import Catalog
from skillstack.holdings import renewals
from skillstack.lifecycle import late_reason
from skillstack.model import CredentialId, Profile
from skillstack.plan.candidates import Candidates, Excluded, candidates
from skillstack.plan.gap import Gap, gap
from skillstack.plan.problem import PlanSolution
from skillstack.plan.schedule import Binding, Plan, Step, Totals, dated, schedule
from skillstack.plan.solve import solve
from skillstack.plan.state import State, start_state

EXPLAIN_TIME_LIMIT = 3.0  # seconds for each re-plan that looks for the binding constraint


def plan(catalog: Catalog, profile: Profile, today: date, hours_cap: float | None = None,
         near_ties: bool = True) -> Plan:
    """The optimal pathway to the profile's target roles (in at most `hours_cap` hours, if given,
    besides the deadline).

    A credential retiring before its step would end is dropped and the pathway planned
    again (each round drops at least one).

    >>> p = plan(catalog, profile, date(2026, 12, 1))
    >>> p.feasible, p.optimal, p.totals.credentials == len(p.steps) > 0
    (True, True, True)
    """
    state = start_state(catalog, profile, today, hours_cap)
    found = gap(state)
    while True:
        cands = candidates(state, found)
        solution = solve(state, found, cands, near_ties=near_ties) if found else PlanSolution(True, True)
        too_late = late_steps(state, solution)
        if not too_late:
            break
        state = state.without(too_late)

    def attempt(budget: float | None, max_hours: float | None) -> PlanSolution:
        looser = state.limited(budget, max_hours)
        # only feasibility and the totals are reported: neither the canonical tie-break nor,
        # when there is no full pathway, the best partial one is needed
        return solve(looser, found, candidates(looser, found), near_ties=False, time_limit=EXPLAIN_TIME_LIMIT,
                     canonical=False, partial=False)

    return schedule(state, found, cands, solution, attempt)


def late_steps(state: State, solution: PlanSolution) -> dict[str, str]:
    """Credentials of the pathway whose step would end after they retire, with the reason."""
    out: dict[str, str] = {}
    for step in dated(state, solution, Gap((), (), (), ())):
        reason = late_reason(state.catalog, state.catalog.credentials[step.credential], step.end)
        if reason:
            out[step.credential] = reason
    return out


def alternatives(catalog: Catalog, profile: Profile, today: date, count: int) -> list[Plan]:
    """Pareto-optimal pathways on cost vs hours, cheapest first, at most `count`.

    Epsilon-constraint: the cheapest plan, then the cheapest that is strictly
    faster, and so on until nothing faster exists; `count` are picked evenly
    from that front, always keeping the cheapest and the fastest.
    """
    base = replace(profile, constraints=replace(profile.constraints, optimize="cost"))
    front: list[Plan] = []
    cap: float | None = None
    for _ in range(50):
        option = plan(catalog, base, today, hours_cap=cap, near_ties=False)
        if not option.feasible or (front and option.totals.hours >= front[-1].totals.hours):
            break
        front.append(option)
        cap = option.totals.hours - 0.01
    if len(front) <= count:
        return front
    picks = sorted({round(i * (len(front) - 1) / (count - 1)) for i in range(count)}) if count > 1 else [0]
    return [front[i] for i in picks]


def plan_renewals(catalog: Catalog, profile: Profile, pathway: Plan) -> list[tuple[CredentialId, date, str]]:
    """When each credential the learner holds, or earns on `pathway` (on its step's last day),
    expires: (id, expiry, "held" | "pathway"), by date, as `holdings.renewals` says; for a
    calendar of the plan (`report.calendar.plan_ics`)."""
    return renewals(catalog, profile, [(s.credential, s.end) for s in pathway.steps], pathway.start)


__all__ = ["Binding", "Candidates", "Excluded", "Gap", "Plan", "State", "Step", "Totals", "alternatives", "plan",
           "plan_renewals", "start_state"]
