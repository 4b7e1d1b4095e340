"""An exhaustive oracle for tiny planning problems, used only by the tests.

Every subset of the candidates is tried. A subset is a pathway when repeatedly
taking any of its credentials whose `requires` hold (stacks earned as soon as
their `awarded_for` holds) takes them all: this is exact because requirements
are monotone, so taking an eligible credential never blocks another. Among the
pathways within the budget and hours cap, the best is, in this order:

1. the most weighted gap closed (essential 3, important 2, optional 1), an
   essential expected credential weighing 3;
2. the most important expected credentials met;
3. the objective triple (cost, hours, count in the objective's order), the cost
   counting subscriptions by the months of study at the learner's pace (one per
   provider and monthly price) and each discount whose condition some valid order
   puts first (computed here without `plan.pricing`);
4. the fewest waived recommendations (a step's `recommends` item that neither
   the start nor the other steps meet), then the smallest sum of the steps'
   positions among the candidates sorted by id, then the smallest sum of their
   squares, then the smallest sorted list of ids;

and its steps are put in teaching order: among the credentials that can start,
one no other remaining step can help with an unmet recommendation, then by level
(beginner, intermediate, advanced; none counts as intermediate), then by the
highest skill level it grants, then by id.

It shares no code with the solver (`solve.py`, `milp.py`, `order.py`) on
purpose, so that the two can check each other.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from skillstack.model import (
    IMPORTANCE_WEIGHTS,
    AllOf,
    AnyOf,
    Credential,
    CredentialId,
    CredentialReq,
    Discount,
    EducationHeld,
    EducationReq,
    ExperienceReq,
    Requirement,
    SkillId,
    SkillReq,
)
from skillstack.plan.problem import PlanProblem, PlanSolution

MAX_CANDIDATES = 8
_EPS = 1e-9
_TRIPLE_ORDER = {"cost": (0, 1, 2), "hours": (1, 0, 2), "count": (2, 0, 1)}
_LEVELS = {"beginner": 0, "intermediate": 1, "advanced": 2}


def brute_force(problem: PlanProblem) -> PlanSolution:
    """The best pathway (module docstring), by trying every subset.

    Raises ValueError for more than `MAX_CANDIDATES` candidates.
    """
    candidates = sorted((c for c in problem.candidates if c.id not in problem.held), key=lambda c: c.id)
    if len(candidates) > MAX_CANDIDATES:
        raise ValueError(f"brute force takes at most {MAX_CANDIDATES} candidates")
    rank: dict[str, int] = {c.id: n for n, c in enumerate(candidates, start=1)}
    best_key: tuple[object, ...] | None = None
    best = PlanSolution(feasible=False, optimal=True)
    for mask in range(1 << len(candidates)):
        subset = [c for i, c in enumerate(candidates) if mask >> i & 1]
        found = _evaluate(problem, subset, rank)
        if found is None:
            continue
        key, solution = found
        if best_key is None or key < best_key:
            best_key, best = key, solution
    return best


def objective_triple(problem: PlanProblem, cost: float, hours: float, count: int) -> tuple[float, ...]:
    """(cost, hours, count) reordered so that tuples compare by the objective."""
    triple = (cost, hours, float(count))
    return tuple(triple[i] for i in _TRIPLE_ORDER[problem.objective])


def _evaluate(problem: PlanProblem, subset: Sequence[Credential],
              rank: Mapping[str, int]) -> tuple[tuple[object, ...], PlanSolution] | None:
    cost = _price(problem, subset)
    hours = sum(c.hours for c in subset)
    if problem.budget is not None and cost > problem.budget + _EPS:
        return None
    if problem.max_hours is not None and hours > problem.max_hours + _EPS:
        return None
    run = _run(problem, subset)
    if run is None:
        return None
    steps, stacks, skills, held = run
    closed = tuple(g for g in problem.gap if skills.get(g.skill, 0) >= g.level)
    met = tuple(e for e in problem.expected if _met(e.requirement, skills, held, problem))
    essential = [e for e in problem.expected if e.importance == "essential"]
    weight = sum(IMPORTANCE_WEIGHTS.get(g.importance, 1.0) for g in closed) + 3.0 * sum(
        1 for e in essential if e in met)
    important = sum(1 for e in met if e.importance == "important")
    triple = objective_triple(problem, cost, hours, len(subset))
    waived = _waived(problem, subset)
    positions = [rank[c.id] for c in subset]
    key = (-weight, -important, triple, waived, sum(positions), sum(p * p for p in positions),
           sorted(c.id for c in subset))
    solution = PlanSolution(
        feasible=len(closed) == len(problem.gap) and all(e in met for e in essential),
        optimal=True,
        steps=steps,
        stacks=stacks,
        closed=closed,
        open=tuple(g for g in problem.gap if g not in closed),
        cost=float(cost),
        hours=float(hours),
        status="brute force",
        expected_met=met,
        waived=waived,
    )
    return key, solution


def _price(problem: PlanProblem, subset: Sequence[Credential]) -> float:
    """The subset's cost in its cheapest valid order: one-off amounts, one subscription per
    provider and monthly price for the months its hours take at the learner's pace (rounded
    up), less the best discount each credential can get from one taken before it."""
    hours: dict[tuple[str, float], float] = {}
    for c in subset:
        if c.cost.subscription is not None:
            key = (c.cost.subscription.provider, c.cost.subscription.monthly)
            hours[key] = hours.get(key, 0.0) + c.hours
    month = problem.hours_per_week * 52 / 12
    subscriptions = sum(monthly * math.ceil(h / month - _EPS) for (_, monthly), h in hours.items() if h > _EPS)
    base = sum(c.cost.amount for c in subset) + subscriptions
    return round(base - _savings(problem, subset), 6)


def _savings(problem: PlanProblem, subset: Sequence[Credential]) -> float:
    """The most discounts any valid order of the subset earns (dynamic programming over the
    sets taken so far: what is held depends on the set, not on its order)."""
    if not any(c.discounts for c in subset):
        return 0.0
    n = len(subset)
    best = [-1.0] * (1 << n)
    best[0] = 0.0
    for mask in range(1 << n):
        if best[mask] < 0:
            continue
        skills, held = _start(problem)
        before = [subset[i] for i in range(n) if mask >> i & 1]
        for c in before:
            _grant(c, skills, held)
        _earn(problem, skills, held)
        for i, c in enumerate(subset):
            if mask >> i & 1 or not all(_met(r, skills, held, problem) for r in c.requires):
                continue
            percent = max((d.percent for d in c.discounts
                           if any(_meets(d, b) for b in before)), default=0.0)
            gain = best[mask] + c.cost.amount * percent / 100.0
            best[mask | 1 << i] = max(best[mask | 1 << i], gain)
    return max(best[(1 << n) - 1], 0.0)


def _meets(discount: Discount, cred: Credential) -> bool:
    if discount.after_credential is not None:
        return cred.id == discount.after_credential
    return cred.issuer == discount.after_issuer


_Run = tuple[tuple[CredentialId, ...], tuple[tuple[CredentialId, int], ...], dict[SkillId, int], set[CredentialId]]


def _start(problem: PlanProblem) -> tuple[dict[SkillId, int], set[CredentialId]]:
    skills = {s: int(level) for s, level in problem.skills.items()}
    held = set(problem.held)
    _earn(problem, skills, held)
    return skills, held


def _run(problem: PlanProblem, subset: Sequence[Credential]) -> _Run | None:
    """Take the subset in teaching order, or None if no order exists."""
    skills, held = _start(problem)
    steps: list[CredentialId] = []
    stacks: list[tuple[CredentialId, int]] = []
    left = list(subset)
    while left:
        ready = [c for c in left if all(_met(r, skills, held, problem) for r in c.requires)]
        if not ready:
            return None
        cred = min(ready, key=lambda c: _teaching_key(c, left, skills, held, problem))
        left.remove(cred)
        _grant(cred, skills, held)
        steps.append(cred.id)
        stacks.extend((s, len(steps) - 1) for s in _earn(problem, skills, held))
    return tuple(steps), tuple(stacks), skills, held


def _teaching_key(cred: Credential, left: Sequence[Credential], skills: Mapping[SkillId, int],
                  held: set[CredentialId], problem: PlanProblem) -> tuple[object, ...]:
    waits = any(not _met(req, skills, held, problem) and any(o.id != cred.id and _helps(o, req) for o in left)
                for req in cred.recommends)
    top = max((int(g.level) for g in cred.grants), default=0)
    return (1 if waits else 0, _LEVELS.get(cred.level, 1), top, cred.id)


def _helps(cred: Credential, req: Requirement) -> bool:
    if isinstance(req, CredentialReq):
        return req.credential == cred.id
    if isinstance(req, SkillReq):
        return any(g.skill == req.skill and g.level >= req.level for g in cred.grants)
    if isinstance(req, (AllOf, AnyOf)) or hasattr(req, "n"):
        return any(_helps(cred, item) for item in req.items)  # type: ignore[union-attr]
    return False


def _waived(problem: PlanProblem, subset: Sequence[Credential]) -> int:
    count = 0
    for cred in subset:
        if not cred.recommends:
            continue
        skills, held = _start(problem)
        for other in subset:
            if other.id != cred.id:
                _grant(other, skills, held)
        _earn(problem, skills, held)
        count += sum(1 for req in cred.recommends if not _met(req, skills, held, problem))
    return count


def _earn(problem: PlanProblem, skills: dict[SkillId, int], held: set[CredentialId]) -> list[CredentialId]:
    earned: list[CredentialId] = []
    again = True
    while again:
        again = False
        for stack in problem.stacks:
            rule = stack.awarded_for
            if stack.id not in held and rule is not None and _met(rule, skills, held, problem):
                _grant(stack, skills, held)
                earned.append(stack.id)
                again = True
    return earned


def _grant(cred: Credential, skills: dict[SkillId, int], held: set[CredentialId]) -> None:
    held.add(cred.id)
    for g in cred.grants:
        skills[g.skill] = max(skills.get(g.skill, 0), int(g.level))


def _met(req: Requirement, skills: Mapping[SkillId, int], held: set[CredentialId], problem: PlanProblem) -> bool:
    if isinstance(req, SkillReq):
        return skills.get(req.skill, 0) >= req.level
    if isinstance(req, CredentialReq):
        return req.credential in held
    if isinstance(req, ExperienceReq):
        return problem.experience.get(req.domain, 0.0) >= req.years
    if isinstance(req, EducationReq):
        return _educated(problem.education, req)
    results = [_met(item, skills, held, problem) for item in req.items]
    if isinstance(req, AllOf):
        return all(results)
    if isinstance(req, AnyOf):
        return any(results)
    return sum(results) >= req.n


def _educated(held: EducationHeld | None, req: EducationReq) -> bool:
    if held is None or held.level < req.level:
        return False
    same_field = not req.field_of_study or (
        "".join(filter(str.isalnum, req.field_of_study.lower()))
        == "".join(filter(str.isalnum, held.field_of_study.lower())))
    return same_field and (held.accredited or not req.accredited)
