"""Planning: from a profile and a catalog to an ordered, dated, optimal pathway.

The service computes the gap (SPEC section 3), cuts the catalog down to the
credentials that can matter (the backward closure from the gap), says why any
credential was left out, asks the exact solver for the pathway, then dates the
steps and explains an infeasible answer: which gap skills nothing eligible
grants, and which constraint binds.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from skillstack.catalog import Catalog
from skillstack.holdings import held_status, learner_state
from skillstack.lifecycle import late_reason, unavailable_reason
from skillstack.model import (
    Credential,
    CredentialId,
    CredentialReq,
    EducationReq,
    ExperienceReq,
    Profile,
    RoleId,
    SkillId,
    SkillReq,
)
from skillstack.plan.bounds import Bounds, feasible
from skillstack.plan.problem import GapItem, PlanProblem, PlanSolution
from skillstack.requirements import State, all_hold, atoms, credentials_named, describe, experience_allows, holds

EXPLAIN_TIME_LIMIT = 3.0  # seconds for each re-plan that looks for the binding constraint
IMPORTANCE_RANK = {"optional": 0, "important": 1, "essential": 2}


@dataclass(frozen=True)
class Step:
    credential: CredentialId
    start: date
    end: date
    cost: float
    hours: float
    closes: tuple[SkillId, ...]
    stacks: tuple[CredentialId, ...]  # stacked credentials earned on completing this step
    advice: tuple[str, ...]  # `recommends` not yet met when the step starts


@dataclass(frozen=True)
class Excluded:
    credential: CredentialId
    reason: str


@dataclass(frozen=True)
class Totals:
    cost: float
    hours: float
    weeks: float
    credentials: int


@dataclass(frozen=True)
class Plan:
    roles: tuple[RoleId, ...]
    gap: tuple[GapItem, ...]
    steps: tuple[Step, ...]
    totals: Totals
    objective: str
    optimal: bool
    feasible: bool
    excluded: tuple[Excluded, ...]
    open: tuple[GapItem, ...]  # gap items the pathway does not close
    why: tuple[str, ...]  # why no full pathway exists (empty when feasible)
    start: date
    budget: float | None
    max_hours: float | None
    hours_per_week: float
    have: dict[str, int]  # the learner's level in each gap skill at the start
    renew: tuple[tuple[CredentialId, date], ...] = ()  # held credentials that lapse before the pathway ends

    @property
    def earned_stacks(self) -> list[tuple[CredentialId, Step]]:
        return [(stack, step) for step in self.steps for stack in step.stacks]


def compute_gap(catalog: Catalog, roles: Iterable[RoleId], state: State, with_optional: bool) -> tuple[GapItem, ...]:
    """Skills the roles require that `state` lacks; one item per skill at the highest level asked."""
    wanted: dict[SkillId, tuple[int, str]] = {}
    for rid in roles:
        for need in catalog.roles[rid].requires:
            if need.importance == "optional" and not with_optional:
                continue
            level, importance = wanted.get(need.skill, (0, "optional"))
            wanted[need.skill] = (max(level, int(need.level)),
                                  max(importance, need.importance, key=IMPORTANCE_RANK.__getitem__))
    items = [GapItem(skill, level, importance) for skill, (level, importance) in wanted.items()  # type: ignore[arg-type]
             if state.level(skill) < level]
    return tuple(sorted(items, key=lambda g: (-IMPORTANCE_RANK[g.importance], g.skill)))


def _experience_block(cred: Credential, state: State) -> str:
    """Why experience alone keeps a credential out of reach, or ''."""
    unmet = [req for req in cred.requires if not experience_allows(req, state.experience, state.education)]
    if not unmet:
        return ""
    domains = sorted({a.domain for a in atoms(unmet) if isinstance(a, ExperienceReq)})
    had = ", ".join([f"{state.experience.get(d, 0):g} years of {d}" for d in domains]
                    + ([_education_text(state)] if any(isinstance(a, EducationReq) for a in atoms(unmet)) else []))
    return f"needs {'; '.join(describe(r) for r in unmet)} (you have {had})"


def _education_text(state: State) -> str:
    e = state.education
    if e is None:
        return "no education stated"
    return f"{e.level.label} education" + (f" in {e.field_of_study}" if e.field_of_study else "")


@dataclass
class _Candidates:
    takeable: list[Credential]
    stacks: list[Credential]
    excluded: list[Excluded]


def _signature(cred: Credential, wanted: dict[str, set[int]]) -> frozenset[tuple[str, int]]:
    """The wanted (skill, level) thresholds a credential meets."""
    out = set()
    for grant in cred.grants:
        for level in wanted.get(grant.skill, ()):
            if level <= grant.level:
                out.add((grant.skill, level))
    return frozenset(out)


def _undominated(pool: Iterable[Credential], wanted: dict[str, set[int]], keep: set[str], state: State,
                 worth: Callable[[Credential], bool]) -> list[Credential]:
    """The credentials of `pool` some optimal pathway may take: those in `keep`, and those that
    meet a wanted threshold and that no other kept credential dominates; all must be `worth`.

    `a` dominates `b` when a meets every wanted threshold b meets, costs no more, takes no
    more hours (ties: the smaller id), and can stand where b stands: its requirements are
    b's, or already hold at the start. Swapping b for a never makes a pathway worse or
    invalid, so some optimal pathway uses only survivors. `worth` is asked only of
    credentials nothing dominates.
    """
    survivors = []
    kept: dict[tuple[object, tuple[str, int]], list[tuple[float, frozenset[tuple[str, int]]]]] = {}
    for cred in sorted(pool, key=lambda c: (c.cost.amount, c.hours, c.id)):
        signature = _signature(cred, wanted)
        if not signature and cred.id not in keep:
            continue  # helps with nothing wanted
        group = () if all_hold(cred.requires, state) else cred.requires
        if cred.id not in keep and _dominated(signature, cred.hours, kept, {(), group}):
            continue
        if not worth(cred):
            continue
        survivors.append(cred)
        for threshold in signature:
            kept.setdefault((group, threshold), []).append((cred.hours, signature))
    return survivors


def _dominated(signature: frozenset[tuple[str, int]], hours: float,
               kept: dict[tuple[object, tuple[str, int]], list[tuple[float, frozenset[tuple[str, int]]]]],
               groups: set[object]) -> bool:
    """Whether a kept credential of one of `groups` (all cheaper or as cheap) meets every
    threshold of `signature` in no more `hours`."""
    for group in groups:
        rivals = min((kept.get((group, t), []) for t in signature), key=len)
        if any(h <= hours and signature <= other for h, other in rivals):
            return True
    return False


WEIGHTS: dict[str, Callable[[Credential], float]] = {
    "cost": lambda c: c.cost.amount, "hours": lambda c: c.hours, "count": lambda c: 1.0}


def _bounds_filter(catalog: Catalog, gap: tuple[GapItem, ...], state: State, profile: Profile,
                   max_hours: float | None, usable: Callable[[Credential], bool],
                   reasons: dict[str, str]) -> Callable[[Credential], bool]:
    """A test that keeps a credential only if some optimal pathway could take it.

    Out: a credential whose cheapest pathway (prerequisites included) breaks the
    budget or the deadline (recorded as a reason), and, when a feasible pathway
    is known, one whose lower bound on the objective exceeds that pathway's value.
    """
    c = profile.constraints
    cost = Bounds(catalog, state, usable, WEIGHTS["cost"])
    hours = Bounds(catalog, state, usable, WEIGHTS["hours"])
    objective = {"cost": cost, "hours": hours}.get(c.optimize) or Bounds(catalog, state, usable, WEIGHTS["count"])
    limit = math.inf
    for bounds in dict.fromkeys((objective, cost, hours)):  # the objective's own cheapest choices first
        bundles = [bounds.bundle_skill(g.skill, int(g.level)) for g in gap]
        if any(b is None for b in bundles):
            continue
        union = frozenset().union(*bundles)  # type: ignore[arg-type]
        if ((c.budget is None or cost.total(union) <= c.budget + 1e-9)
                and (max_hours is None or hours.total(union) <= max_hours + 1e-9)
                and feasible(catalog, union, state)):
            limit = objective.total(union)
            break
    slack = 1e-6 * max(1.0, limit) if limit < math.inf else 0.0

    def worth(cred: Credential) -> bool:
        if c.budget is not None and cost.lower(cred) > c.budget + 1e-9:
            reasons[cred.id] = (f"with its prerequisites it costs at least ${cost.lower(cred):,.0f}, "
                                f"more than the budget (${c.budget:,.0f})")
            return False
        if max_hours is not None and hours.lower(cred) > max_hours + 1e-9:
            reasons[cred.id] = (f"with its prerequisites it needs at least {hours.lower(cred):g} h, "
                                f"more than the time to the deadline ({max_hours:.0f} h)")
            return False
        return objective.lower(cred) <= limit + slack

    return worth


def _closure(catalog: Catalog, gap: tuple[GapItem, ...], state: State, profile: Profile,
             max_hours: float | None, blocked: Callable[[Credential], str] = lambda _c: "") -> _Candidates:
    """The credentials that can matter: those granting a wanted (skill, level), where the
    gap is wanted and so is every unmet requirement of a credential kept; dominated
    credentials are dropped; repeated until nothing new is wanted. `blocked` says why a
    credential cannot be taken at all (retired), or ''."""
    excluded_ids = set(profile.constraints.exclude)
    budget = profile.constraints.budget
    reasons: dict[str, str] = {}

    def usable(cred: Credential) -> bool:
        if cred.id in state.credentials:
            return False
        if cred.id in reasons:
            return not reasons[cred.id]
        reason = ""
        if cred.id in excluded_ids:
            reason = "excluded by you"
        elif lifecycle := blocked(cred):
            reason = lifecycle
        elif not cred.is_stack:
            reason = _experience_block(cred, state)
            if not reason and budget is not None and cred.cost.amount > budget + 1e-9:
                reason = f"costs ${cred.cost.amount:,.0f}, more than the whole budget (${budget:,.0f})"
            if not reason and max_hours is not None and cred.hours > max_hours + 1e-9:
                reason = f"needs {cred.hours:g} h, more than the time to the deadline ({max_hours:.0f} h)"
        reasons[cred.id] = reason
        return not reason

    worth = _bounds_filter(catalog, gap, state, profile, max_hours, usable, reasons)
    wanted: dict[str, set[int]] = {}
    named: set[str] = set()  # credentials wanted by id: credential requirements and stack parts

    def want(skill: str, level: int) -> bool:
        if state.level(skill) >= level or level in wanted.get(skill, ()):
            return False
        wanted.setdefault(skill, set()).add(level)
        return True

    def name(cid: str) -> bool:
        if cid in named or cid in state.credentials or cid not in catalog.credentials:
            return False
        named.add(cid)
        stack = catalog.credentials[cid]
        if stack.awarded_for is not None:
            for atom in atoms([stack.awarded_for]):
                if isinstance(atom, CredentialReq):
                    name(atom.credential)
        return True

    for item in gap:
        want(item.skill, item.level)
    while True:
        pool: dict[str, Credential] = {}
        for skill, levels in wanted.items():
            for cid in catalog.granters(skill, min(levels)):
                pool[cid] = catalog.credentials[cid]
        for ident in named:
            pool[ident] = catalog.credentials[ident]
        changed = False
        for stack in [c for c in pool.values() if c.is_stack]:
            if usable(stack):
                changed |= name(stack.id)
        takeable = [c for c in pool.values() if not c.is_stack and usable(c)]
        kept = _undominated(takeable, wanted, named, state, worth)
        for cred in kept:
            for atom in atoms(cred.requires):
                if isinstance(atom, SkillReq):
                    changed |= want(atom.skill, atom.level)
                elif isinstance(atom, CredentialReq):
                    changed |= name(atom.credential)
        if not changed:
            break
    have = {c.id for c in kept} | state.credentials
    stacks = []
    for stack in catalog.stacks_using(have | named):
        if stack.id in state.credentials or not usable(stack):
            continue
        if credentials_named(stack.needs) & (have | named):
            stacks.append(stack)  # the solver decides whether its parts can be completed
    excluded = [Excluded(CredentialId(cid), why) for cid, why in sorted(reasons.items()) if why]
    return _Candidates(sorted(kept, key=lambda c: c.id), sorted(stacks, key=lambda c: c.id), excluded)


def _max_hours(profile: Profile, start: date) -> float | None:
    deadline = profile.constraints.deadline
    if deadline is None:
        return None
    days = (deadline - start).days + 1
    return max(days, 0) / 7 * profile.constraints.hours_per_week


def _schedule(catalog: Catalog, solution: PlanSolution, gap: tuple[GapItem, ...], state: State, start: date,
              hours_per_week: float) -> tuple[Step, ...]:
    stacks_after: dict[int, list[CredentialId]] = {}
    for stack, index in solution.stacks:
        stacks_after.setdefault(index, []).append(stack)
    levels = state.copy()
    open_items = {g.skill: g.level for g in gap}
    steps = []
    done_hours = 0.0
    day = start
    for index, cid in enumerate(solution.steps):
        cred = catalog.credentials[cid]
        advice = tuple(describe(r, catalog.display_name) for r in cred.recommends if not holds(r, levels))
        levels.credentials.add(cid)
        levels.add_grants((g.skill, g.level) for g in cred.grants)
        for stack in stacks_after.get(index, ()):
            levels.credentials.add(stack)
            levels.add_grants((g.skill, g.level) for g in catalog.credentials[stack].grants)
        closes = tuple(sorted(s for s, lv in open_items.items() if levels.level(s) >= lv))
        for skill in closes:
            del open_items[skill]
        done_hours += cred.hours
        end = start + timedelta(days=max(math.ceil(done_hours / hours_per_week * 7) - 1, 0))
        end = max(end, day)
        steps.append(Step(cid, day, end, cred.cost.amount, cred.hours, closes,
                          tuple(stacks_after.get(index, ())), advice))
        day = end + timedelta(days=1)
    return tuple(steps)


def _why(catalog: Catalog, problem: PlanProblem, solution: PlanSolution, cands: _Candidates,
         attempt: Callable[[float | None, float | None], PlanSolution]) -> list[str]:
    """Reasons a full pathway does not exist, most specific first.

    `attempt(budget, max_hours)` plans again under looser limits, to find which one binds.
    """
    reasons = []
    left_out = {e.credential: e.reason for e in cands.excluded}
    for item in solution.open:
        granters = catalog.granters(item.skill, item.level)
        name = f"{catalog.skill_name(item.skill)} ({item.skill}) at level {item.level}"
        if not granters:
            reasons.append(f"no credential in the catalog grants {name}")
        elif all(g in left_out for g in granters):
            shown = "; ".join(f"{g}: {left_out[g]}" for g in granters[:4])
            more = f" and {len(granters) - 4} more" if len(granters) > 4 else ""
            reasons.append(f"every credential that grants {name} was left out ({shown}{more})")
    budget, max_hours = problem.budget, problem.max_hours
    relaxations: list[tuple[str, float | None, float | None]] = []
    if budget is not None:
        relaxations.append(("budget", None, max_hours))
    if max_hours is not None:
        relaxations.append(("deadline", budget, None))
    if budget is not None and max_hours is not None:
        relaxations.append(("budget and deadline together", None, None))
    for name, looser_budget, looser_hours in relaxations:
        better = attempt(looser_budget, looser_hours)
        if not better.feasible:
            continue
        if name == "deadline":
            need = f"the full pathway needs {better.hours:g} h"
        else:
            need = f"the cheapest full pathway costs ${better.cost:,.0f} and takes {better.hours:g} h"
        limits = []
        if "budget" in name:
            limits.append(f"budget ${budget:,.0f}")
        if "deadline" in name:
            limits.append(f"{max_hours:.0f} h until the deadline")
        reasons.append(f"the {name} binds: {need} ({', '.join(limits)})")
        break
    if not reasons:
        reasons.append("the remaining gap skills are only granted by credentials whose prerequisites cannot be met")
    return reasons


def plan(catalog: Catalog, profile: Profile, today: date, hours_cap: float | None = None) -> Plan:
    """The optimal pathway to the profile's target roles (in at most `hours_cap` hours, if given,
    besides the deadline).

    >>> p = plan(catalog, profile, date(2026, 12, 1))
    >>> p.feasible, p.optimal, p.totals.credentials == len(p.steps) > 0
    (True, True, True)
    """
    from skillstack.plan.solver import solve

    c = profile.constraints
    start = c.start or today
    state = learner_state(catalog, profile, start)
    gap = compute_gap(catalog, profile.targets, state, c.with_optional)
    max_hours = _max_hours(profile, start)
    if hours_cap is not None:
        max_hours = hours_cap if max_hours is None else min(max_hours, hours_cap)

    late: dict[str, str] = {}  # retiring credentials whose step would end after they retire

    def blocked(cred: Credential) -> str:
        return late.get(cred.id) or unavailable_reason(catalog, cred, start, c.hours_per_week)

    def build(budget: float | None, hours_cap: float | None) -> tuple[_Candidates, PlanProblem]:
        limited = replace(profile, constraints=replace(c, budget=budget))
        cands = _closure(catalog, gap, state, limited, hours_cap, blocked)
        problem = PlanProblem(
            candidates=tuple(cands.takeable), stacks=tuple(cands.stacks),
            skills={SkillId(k): v for k, v in state.skills.items()},
            held=frozenset(CredentialId(c) for c in state.credentials), experience=dict(state.experience),
            education=state.education, gap=gap, objective=c.optimize,
            budget=budget, max_hours=hours_cap)
        return cands, problem

    def attempt(budget: float | None, hours_cap: float | None) -> PlanSolution:
        return solve(build(budget, hours_cap)[1], time_limit=EXPLAIN_TIME_LIMIT)

    while True:
        cands, problem = build(c.budget, max_hours)
        solution = solve(problem) if gap else PlanSolution(True, True)
        steps = _schedule(catalog, solution, gap, state, start, c.hours_per_week)
        too_late: dict[str, str] = {}
        for step in steps:
            if reason := late_reason(catalog, catalog.credentials[step.credential], step.end):
                too_late[step.credential] = reason
        if not too_late:
            break
        late.update(too_late)  # drop them and plan again: each round drops at least one credential
    why = tuple(_why(catalog, problem, solution, cands, attempt)) if not solution.feasible else ()
    hours = sum(s.hours for s in steps)
    totals = Totals(round(sum(s.cost for s in steps), 2), round(hours, 2),
                    round(hours / c.hours_per_week, 1), len(steps))
    end = steps[-1].end if steps else start
    renew = tuple((h.id, h.expires) for h in held_status(catalog, profile, start)
                  if h.status != "expired" and h.expires is not None and h.expires <= end)
    return Plan(profile.targets, gap, steps, totals, c.optimize, solution.optimal, solution.feasible,
                tuple(cands.excluded), tuple(solution.open), why, start, c.budget, max_hours, c.hours_per_week,
                {g.skill: state.level(g.skill) for g in gap}, renew)


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
        option = plan(catalog, base, today, hours_cap=cap)
        if not option.feasible or (front and option.totals.hours >= front[-1].totals.hours):
            break
        front.append(option)
        cap = option.totals.hours - 0.01
    if len(front) <= count:
        return front
    picks = sorted({round(i * (len(front) - 1) / (count - 1)) for i in range(count)}) if count > 1 else [0]
    return [front[i] for i in picks]


__all__ = ["Excluded", "Plan", "Step", "Totals", "alternatives", "compute_gap", "plan"]
