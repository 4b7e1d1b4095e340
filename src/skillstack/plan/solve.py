"""Step 3 of planning: the exact optimal pathway, by a mixed-integer program solved with HiGHS.

`solve(state, gap, candidates)` is the pipeline step; `solve_problem(problem)`
does the work on a plain `PlanProblem` (tested against the brute-force oracle).

The answer (SPEC section 3, with the December 2026 additions), stage after stage,
each stage keeping the optimum of the ones before (a relative 1e-6 is a tie):

1. close every gap skill and meet every essential expected credential; if that is
   impossible, close the most (weights essential 3, important 2, optional 1; an
   essential expected credential weighs 3) and say the pathway is partial;
2. meet the most important expected credentials the budget and deadline allow;
3. the objective, then its tie-breaks (cost: hours, count; hours: cost, count;
   count: cost, hours);
4. the canonical tie-break: fewer waived recommendations (a step's `recommends`
   item that neither what the learner holds nor another step meets), then the
   smaller sum of the steps' positions in id order, then the smaller sum of their
   squares;

and the steps in teaching order (`order.py`). With `near_ties`, pathways at most
5% worse on the objective that take at least 20% less of the other measure (cost
for hours, hours for cost), or that meet an optional expected credential the
optimum lacks, are reported.

Assumptions: costs and hours are non-negative, so a credential that serves
neither a gap item, an expected credential nor (transitively) the requirements of
one that does is never worth taking; such candidates are dropped before the model
is built, as are candidates that can never start and candidates over the budget
or hours cap on their own. Requirements are monotone. A candidate already held is
ignored; a stack whose `awarded_for` holds at the start counts as held.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from skillstack.model import OBJECTIVES, AnyOf, Credential, CredentialId, CredentialReq, SkillId
from skillstack.money import money
from skillstack.plan.candidates import Candidates
from skillstack.plan.gap import Gap
from skillstack.plan.highs import REL_TOL, Highs
from skillstack.plan.milp import INF, Model, Providers, leaf_atoms
from skillstack.plan.order import teaching_order
from skillstack.plan.pricing import least_total, pathway_cost
from skillstack.plan.problem import NEAR, Expected, GapItem, NearTie, PlanProblem, PlanSolution
from skillstack.plan.progress import Progress, by_id, reachable, start_progress
from skillstack.plan.state import State

TIME_LIMIT = 10.0
"""Seconds HiGHS may spend on one plan, over all its stages."""

CRITERIA: Mapping[str, tuple[str, str, str]] = {
    "cost": ("cost", "hours", "count"),
    "hours": ("hours", "cost", "count"),
    "count": ("count", "cost", "hours"),
}
"""Each objective and its tie-breakers, in order."""

MUCH_BETTER = 0.20  # ... and at least 20% better on the other measure

PARTIAL = "no pathway closes the whole gap: the best partial pathway"
NO_PATHWAY = "no pathway closes the whole gap"


def solve(state: State, gap: Gap, candidates: Candidates, *, near_ties: bool = True,
          time_limit: float = TIME_LIMIT, canonical: bool = True, partial: bool = True) -> PlanSolution:
    """Step 3: the optimal pathway for the state's learner, gap and candidates."""
    return solve_problem(problem_of(state, gap, candidates, near_ties=near_ties), time_limit, canonical=canonical,
                         partial=partial)


def problem_of(state: State, gap: Gap, candidates: Candidates, *, near_ties: bool = False) -> PlanProblem:
    learner = state.learner
    return PlanProblem(
        candidates=candidates.takeable, stacks=candidates.stacks,
        skills={SkillId(k): v for k, v in learner.skills.items()},
        held=frozenset(CredentialId(c) for c in learner.credentials), experience=dict(learner.experience),
        education=learner.education, gap=gap.items, objective=state.objective, budget=state.budget,
        max_hours=state.max_hours, expected=gap.expected + gap.suggestions, near_ties=near_ties,
        hours_per_week=state.hours_per_week)


def criteria_of(objective: str) -> tuple[str, str, str]:
    if objective not in OBJECTIVES:
        raise ValueError(f"unknown objective {objective!r}; expected one of {OBJECTIVES}")
    return CRITERIA[objective]


def solve_problem(problem: PlanProblem, time_limit: float = TIME_LIMIT, *, canonical: bool = True,
                  reference: bool = False, partial: bool = True) -> PlanSolution:
    """The optimal pathway for `problem`, or the best partial one.

    `optimal` is true only when HiGHS proved every stage optimal within
    `time_limit` seconds; otherwise the best pathway found so far is returned
    (the greedy one if the solver found none). `canonical=False` skips the final
    tie-break (stage 4): the totals are the same, the steps one of the optimal sets.
    `reference=True` solves every stage as a plain MIP (see `Highs`): the same answer, slower.
    `partial=False`: when no pathway closes the whole gap, say so (no steps, status
    `NO_PATHWAY`) instead of finding the best partial pathway (whoever only asks whether a
    full pathway exists saves those stages).

    >>> solve_problem(PlanProblem(candidates=())).feasible
    True
    """
    criteria = criteria_of(problem.objective)
    start = start_progress(problem)
    open_gap = [g for g in problem.gap if not start.has(g.skill, g.level)]
    open_expected = [e for e in problem.expected if e.importance != "optional" and not start.holds(e.requirement)]
    if not open_gap and not open_expected:
        return finish(problem, start, [], optimal=True, status="nothing to close")
    candidates, stacks = _prune(problem, start, open_gap)
    if not candidates:
        return finish(problem, start, [], optimal=True, status=PARTIAL if partial else NO_PATHWAY)
    model = Model(candidates, stacks, start, open_gap, problem)
    deadline = time.monotonic() + time_limit
    highs = Highs(model.milp, deadline, reference=reference)
    tail = _tail(model, criteria, canonical)
    must = model.gap_columns + model.essential_columns
    essential_unmeetable = any(e.importance == "essential" for e in model.unmeetable)
    if not model.unclosable and not essential_unmeetable:
        highs.set_lower(must, 1.0)
        outcome = _lexicographic(model, highs, tail)
        if not outcome.infeasible:
            solution = _result(problem, start, model, outcome, partial=False)
            if problem.near_ties and outcome.optimal and outcome.chosen is not None:
                ties = _near_ties(problem, start, model, outcome.chosen, criteria, deadline, reference)
                solution = replace(solution, near_ties=ties)
            return solution
        highs.set_lower(must, 0.0)
    if not partial:
        return finish(problem, start, [], optimal=True, status=NO_PATHWAY)
    outcome = _lexicographic(model, highs, ("closed", *tail))
    return _result(problem, start, model, outcome, partial=True)


def _tail(model: Model, criteria: Sequence[str], canonical: bool = True) -> tuple[str, ...]:
    stages: list[str] = []
    if any(e.item.importance == "important" for e in model.expected):
        stages.append("expected")
    stages.extend(criteria)
    if not canonical:
        return tuple(stages)
    if model.n_candidates > 1 or model.waived:
        stages.append("ids")
    if model.n_candidates > 2:
        stages.append("ids2")
    return tuple(stages)


def finish(problem: PlanProblem, start: Progress, chosen: Iterable[Credential], *, optimal: bool,
           status: str, vouchers: Mapping[str, Sequence[str]] | None = None) -> PlanSolution:
    """Order `chosen` (the teaching order) and describe the pathway.

    `vouchers` maps a credential whose discount the solver counted to the credentials
    one of which must come first; the order keeps that (as if it were a prerequisite).
    """
    taken = by_id(list(chosen))
    if vouchers:
        ids = {c.id for c in taken}
        taken = [replace(c, requires=(*c.requires, AnyOf(tuple(CredentialReq(CredentialId(a))
                                                                for a in vouchers[c.id] if a in ids))))
                 if c.id in vouchers else c for c in taken]
    state = start.copy()
    steps: list[CredentialId] = []
    earned: list[tuple[CredentialId, int]] = []

    def on_take(cred: Credential, stacks: list[Credential]) -> None:
        steps.append(cred.id)
        earned.extend((stack.id, len(steps) - 1) for stack in stacks)

    ordered = teaching_order(state, taken, by_id(problem.stacks), on_take)
    by_id_map = {c.id: c for c in taken}
    if len(ordered) != len(taken):
        names = ", ".join(sorted({c.id for c in taken} - {c.id for c in ordered}))
        raise RuntimeError(f"internal: cannot order the pathway ({names} never eligible)")
    closed = tuple(g for g in problem.gap if state.has(g.skill, g.level))
    met = tuple(e for e in problem.expected if state.holds(e.requirement))
    essential_met = all(state.holds(e.requirement) for e in problem.expected if e.importance == "essential")
    return PlanSolution(
        feasible=len(closed) == len(problem.gap) and essential_met,
        optimal=optimal,
        steps=tuple(steps),
        stacks=tuple(earned),
        closed=closed,
        open=tuple(g for g in problem.gap if not state.has(g.skill, g.level)),
        cost=pathway_cost([by_id_map[s] for s in steps], problem.hours_per_week),
        hours=float(sum(c.hours for c in taken)),
        status=status,
        expected_met=met,
        waived=waived_count(start, taken, by_id(problem.stacks)),
    )


def waived_count(start: Progress, taken: Sequence[Credential], stacks: Sequence[Credential] = ()) -> int:
    """Recommendations of the steps that neither the start nor another step (or a stack the
    others complete) meets."""
    count = 0
    for cred in taken:
        if not cred.recommends:
            continue
        others = start.copy()
        for other in taken:
            if other.id != cred.id:
                others.take(other)
        others.earn(stacks)
        count += sum(1 for req in cred.recommends if not others.holds(req))
    return count


# ---- pruning ----------------------------------------------------------------


def _prune(problem: PlanProblem, start: Progress, open_gap: Sequence[GapItem]) -> tuple[list[Credential], list[Credential]]:
    """Candidates and stacks that can be taken and can matter."""
    affordable = [c for c in by_id(problem.candidates) if c.id not in start.held and not c.is_stack and _fits(c, problem)]
    stacks = [s for s in by_id(problem.stacks) if s.id not in start.held]
    candidates, stacks = reachable(affordable, stacks, start)
    keep = _relevant([*candidates, *stacks], open_gap, problem.expected, start)
    return [c for c in candidates if c.id in keep], [s for s in stacks if s.id in keep]


def _fits(cred: Credential, problem: PlanProblem) -> bool:
    within_budget = problem.budget is None or least_total(cred, problem.hours_per_week) <= problem.budget + 1e-9
    within_hours = problem.max_hours is None or cred.hours <= problem.max_hours
    return within_budget and within_hours


def _relevant(nodes: Sequence[Credential], open_gap: Sequence[GapItem], expected: Sequence[Expected],
              start: Progress) -> set[CredentialId]:
    """Ids of nodes that close a gap item, meet part of an expected item, or serve, transitively, one that
    does (by a prerequisite, or by unlocking its discount)."""
    providers = Providers(nodes)
    todo = [node for g in open_gap for node in providers.granting(g.skill, g.level)]
    for item in expected:
        for atom in leaf_atoms(item.requirement):
            if not start.holds(atom):
                todo.extend(providers.meeting(atom))
    keep: set[CredentialId] = set()
    while todo:
        node = todo.pop()
        if node.id in keep:
            continue
        keep.add(node.id)
        for d in node.discounts:  # a credential that unlocks a kept one's voucher can matter too
            todo.extend(other for other in nodes if other.id != node.id and not other.is_stack and d.met_by(other))
        for need in node.needs:
            for atom in leaf_atoms(need):
                if not start.holds(atom):
                    todo.extend(providers.meeting(atom))
    return keep


# ---- stages -------------------------------------------------------------------


@dataclass(frozen=True)
class _Outcome:
    chosen: frozenset[int] | None  # node indices; None: no pathway found
    optimal: bool
    infeasible: bool = False
    values: Sequence[float] = ()  # the last stage's solution


def _lexicographic(model: Model, highs: Highs, criteria: Sequence[str]) -> _Outcome:
    chosen: frozenset[int] | None = None
    last: Sequence[float] = ()
    for stage_no, name in enumerate(criteria):
        coeffs = model.criterion(name)
        if not coeffs:
            continue
        stage = highs.minimize(coeffs)
        if stage.status == "infeasible":
            return _Outcome(chosen, False, infeasible=stage_no == 0)
        if stage.values is None:
            return _Outcome(chosen, False)
        chosen = model.chosen(stage.values)
        last = stage.values
        if stage.status != "optimal":
            return _Outcome(chosen, False, values=last)
        best = max(model.value(name, chosen, stage.values), stage.objective)
        highs.fix(coeffs, best + REL_TOL * max(1.0, abs(best)), stage.values)
    if chosen is None:  # no stage had anything to minimise: take nothing if that is allowed
        stage = highs.minimize({})
        if stage.status == "infeasible":
            return _Outcome(None, False, infeasible=True)
        chosen = model.chosen(stage.values) if stage.values is not None else None
        last = stage.values or ()
    return _Outcome(chosen, chosen is not None, values=last)


def _result(problem: PlanProblem, start: Progress, model: Model, outcome: _Outcome, *, partial: bool) -> PlanSolution:
    if outcome.chosen is None:
        from skillstack.plan.greedy import greedy

        try:
            heuristic = greedy(problem)
        except RecursionError:  # greedy's prerequisite search recurses; a huge problem can exhaust the stack
            return finish(problem, start, [], optimal=False, status="time limit before any pathway")
        return replace(heuristic, status="time limit before any pathway: greedy pathway")
    chosen = [model.nodes[i] for i in sorted(outcome.chosen) if i < model.n_candidates]
    if outcome.optimal:
        status = PARTIAL if partial else "optimal"
    else:
        status = "time limit: the best " + ("partial pathway" if partial else "pathway") + " found so far"
    vouchers = model.voucher_order(outcome.values) if outcome.values else {}
    return finish(problem, start, chosen, optimal=outcome.optimal, status=status, vouchers=vouchers)


def _near_ties(problem: PlanProblem, start: Progress, model: Model, chosen: frozenset[int],
               criteria: Sequence[str], deadline: float, reference: bool = False) -> tuple[NearTie, ...]:
    """Pathways at most 5% worse on the objective that are much better on the other measure,
    or that meet an optional expected credential the optimum lacks."""
    objective = criteria[0]
    best = model.value(objective, chosen)
    limit = best * (1 + NEAR) + REL_TOL * max(1.0, best)
    suggested = [e for e in problem.expected if e.importance == "optional" and not start.holds(e.requirement)]
    other = {"cost": "hours", "hours": "cost"}.get(objective)
    out: list[NearTie] = []
    seen: set[frozenset[int]] = {chosen}

    def tie(found: frozenset[int], why: str) -> None:
        if found in seen:
            return
        seen.add(found)
        creds = [model.nodes[i] for i in sorted(found) if i < model.n_candidates]
        path = finish(problem, start, creds, optimal=True, status="near tie")
        out.append(NearTie(path.steps, path.cost, path.hours, why))

    def fresh() -> Highs:
        highs = Highs(model.milp, deadline, reference=reference)
        highs.set_lower(model.gap_columns + model.essential_columns, 1.0)
        highs.add_row(model.criterion(objective), -INF, limit)
        expected = model.criterion("expected")
        if expected:
            highs.add_row(expected, -INF, model.value("expected", chosen) + REL_TOL)
        return highs

    if other is not None:
        mine = model.value(other, chosen)
        # only a pathway at least MUCH_BETTER better on the other measure is a near tie: HiGHS
        # stops as soon as its bound shows there is none
        stage = fresh().minimize(model.criterion(other), cutoff=mine * (1 - MUCH_BETTER))
        if stage.status == "optimal" and stage.values is not None:
            found = model.chosen(stage.values)
            theirs = model.value(other, found)
            if theirs <= mine * (1 - MUCH_BETTER) - 1e-9:
                extra = model.value(objective, found) - best
                unit = money if objective == "cost" else (lambda v: f"{v:g} h")
                saved = (lambda v: f"{v:g} h") if other == "hours" else money
                tie(found, f"{unit(extra)} more ({extra / best:.0%}) for {saved(mine - theirs)} less"
                    if best > 0 else f"{saved(mine - theirs)} less")
    if suggested:
        final = model.final(chosen)
        lacking = [e for e in suggested if not final.holds(e.requirement)]
        for item in lacking[:3]:
            entry = _entry_of(model, item)
            if entry is None:
                continue
            highs = fresh()
            highs.set_lower([entry], 1.0)
            stage = highs.minimize(model.criterion(objective))
            if stage.status == "optimal" and stage.values is not None:
                found = model.chosen(stage.values)
                tie(found, f"also meets an expected credential ({_names(item, model, found)})")
    return tuple(out)


def _entry_of(model: Model, item: Expected) -> int | None:
    return next((e.column for e in model.expected if e.item == item), None)


def _names(item: Expected, model: Model, found: frozenset[int]) -> str:
    """The names of the credentials on the pathway `found` that meet the expected item (names,
    not ids: the text reaches client reports); the item in a few words when none is named."""
    from skillstack.requirements import credentials_named, describe

    named = credentials_named([item.requirement])
    meets = [model.nodes[i].name for i in sorted(found) if model.nodes[i].id in named]
    names: dict[str, str] = {node.id: node.name for node in model.nodes}
    return ", ".join(meets) or describe(item.requirement, lambda ident: names.get(ident, ident))


__all__ = ["CRITERIA", "NO_PATHWAY", "PARTIAL", "TIME_LIMIT", "finish", "problem_of", "solve", "solve_problem", "waived_count"]
