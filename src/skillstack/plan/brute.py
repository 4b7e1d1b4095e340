"""An exhaustive oracle for tiny planning problems, used only by the tests.

Every subset of the candidates is tried. A subset is a pathway when repeatedly
taking any of its credentials whose `requires` hold (stacks earned as soon as
their `awarded_for` holds) takes them all: this is exact because requirements
are monotone, so taking an eligible credential never blocks another. Among the
pathways within the budget and hours cap, the one closing the most weighted gap
wins, then the best objective triple, then the smallest sorted list of ids.

It shares no code with `solver.py` on purpose, so that the two can check each
other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from skillstack.model import (
    IMPORTANCE_WEIGHTS,
    AllOf,
    AnyOf,
    Credential,
    CredentialId,
    CredentialReq,
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


def brute_force(problem: PlanProblem) -> PlanSolution:
    """The lexicographically best pathway, by trying every subset.

    Raises ValueError for more than `MAX_CANDIDATES` candidates.
    """
    candidates = sorted(problem.candidates, key=lambda c: c.id)
    if len(candidates) > MAX_CANDIDATES:
        raise ValueError(f"brute force takes at most {MAX_CANDIDATES} candidates")
    best_key: tuple[object, ...] | None = None
    best = PlanSolution(feasible=False, optimal=True)
    for mask in range(1 << len(candidates)):
        subset = [c for i, c in enumerate(candidates) if mask >> i & 1]
        found = _evaluate(problem, subset)
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


def _evaluate(problem: PlanProblem, subset: Sequence[Credential]) -> tuple[tuple[object, ...], PlanSolution] | None:
    cost = sum(c.cost.amount for c in subset)
    hours = sum(c.hours for c in subset)
    if problem.budget is not None and cost > problem.budget + _EPS:
        return None
    if problem.max_hours is not None and hours > problem.max_hours + _EPS:
        return None
    run = _run(problem, subset)
    if run is None:
        return None
    steps, stacks, skills = run
    closed = tuple(g for g in problem.gap if skills.get(g.skill, 0) >= g.level)
    weight = sum(IMPORTANCE_WEIGHTS.get(g.importance, 1.0) for g in closed)
    triple = objective_triple(problem, cost, hours, len(subset))
    key = (-weight, triple, sorted(c.id for c in subset))
    solution = PlanSolution(
        feasible=len(closed) == len(problem.gap),
        optimal=True,
        steps=steps,
        stacks=stacks,
        closed=closed,
        open=tuple(g for g in problem.gap if g not in closed),
        cost=float(cost),
        hours=float(hours),
        status="brute force",
    )
    return key, solution


_Run = tuple[tuple[CredentialId, ...], tuple[tuple[CredentialId, int], ...], dict[SkillId, int]]


def _run(problem: PlanProblem, subset: Sequence[Credential]) -> _Run | None:
    """Take the subset in some valid order, or None if none exists."""
    skills = {s: int(level) for s, level in problem.skills.items()}
    held = set(problem.held)
    _earn(problem, skills, held)
    steps: list[CredentialId] = []
    stacks: list[tuple[CredentialId, int]] = []
    left = list(subset)
    while left:
        ready = [c for c in left if all(_met(r, skills, held, problem) for r in c.requires)]
        if not ready:
            return None
        cred = ready[0]
        left.remove(cred)
        _grant(cred, skills, held)
        steps.append(cred.id)
        stacks.extend((s, len(steps) - 1) for s in _earn(problem, skills, held))
    return tuple(steps), tuple(stacks), skills


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
