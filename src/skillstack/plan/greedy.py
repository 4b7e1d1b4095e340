"""A quick heuristic pathway, to show what the exact solver buys (bench/bench_plan.py), and the
solver's fallback when HiGHS finds nothing in its time limit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from skillstack.model import (
    AllOf,
    AnyOf,
    Credential,
    CredentialId,
    CredentialReq,
    EducationReq,
    ExperienceReq,
    NOf,
    Requirement,
    SkillReq,
)
from skillstack.plan.milp import Providers
from skillstack.plan.pricing import upper_price
from skillstack.plan.problem import GapItem, PlanProblem, PlanSolution
from skillstack.plan.progress import Progress, by_id, start_progress


def greedy(problem: PlanProblem) -> PlanSolution:
    """A quick heuristic pathway, to show what the exact solver buys.

    Repeatedly takes the credential (with the prerequisites it needs) that
    costs the least objective per newly closed gap item, within the budget and
    hours cap, until the gap is closed or nothing more helps. Never optimal.
    """
    from skillstack.plan.solve import criteria_of, finish

    criterion = criteria_of(problem.objective)[0]
    start = start_progress(problem)
    stacks = by_id(problem.stacks)
    pool = {c.id: c for c in by_id(problem.candidates) if c.id not in start.held}
    state = start.copy()
    taken: list[Credential] = []
    while open_gap := [g for g in problem.gap if not state.has(g.skill, g.level)]:
        bundle = _greedy_step(problem, pool, stacks, state, taken, open_gap, criterion)
        if bundle is None:
            break
        for cred in bundle:
            state.take(cred)
            taken.append(cred)
            state.earn(stacks)
    return finish(problem, start, taken, optimal=False, status="greedy heuristic")


def _greedy_step(
    problem: PlanProblem,
    pool: Mapping[CredentialId, Credential],
    stacks: Sequence[Credential],
    state: Progress,
    taken: Sequence[Credential],
    open_gap: Sequence[GapItem],
    criterion: str,
) -> list[Credential] | None:
    """The bundle with the least objective per gap item it closes, if any."""
    bundler = _Bundler(pool, stacks, state, criterion, problem.hours_per_week)
    spent = (sum(upper_price(c, problem.hours_per_week) for c in taken), sum(c.hours for c in taken))
    best: tuple[float, CredentialId] | None = None
    choice: list[Credential] | None = None
    for cid in sorted(pool):
        bundle = None if cid in state.held else bundler.of(cid)
        if bundle is None or not _affordable(problem, spent, bundle):
            continue
        after = state.copy()
        for cred in bundle:
            after.take(cred)
            after.earn(stacks)
        gained = sum(1 for g in open_gap if after.has(g.skill, g.level))
        key = (_measure(bundle, criterion, problem.hours_per_week) / max(gained, 1), cid)
        if gained and (best is None or key < best):
            best, choice = key, bundle
    return choice


def _affordable(problem: PlanProblem, spent: tuple[float, float], bundle: Sequence[Credential]) -> bool:
    cost = spent[0] + sum(upper_price(c, problem.hours_per_week) for c in bundle)
    hours = spent[1] + sum(c.hours for c in bundle)
    return (problem.budget is None or cost <= problem.budget) and (
        problem.max_hours is None or hours <= problem.max_hours
    )


def _measure(bundle: Sequence[Credential], criterion: str, pace: float) -> float:
    if criterion == "count":
        return float(len(bundle))
    if criterion == "cost":
        return sum(upper_price(c, pace) for c in bundle)
    return sum(c.hours for c in bundle)


class _Bundler:
    """Cheap-looking ways to start a credential from a fixed state (memoised)."""

    def __init__(
        self,
        pool: Mapping[CredentialId, Credential],
        stacks: Sequence[Credential],
        state: Progress,
        criterion: str,
        pace: float = 10.0,
    ) -> None:
        self.pace = pace
        self.pool = pool
        self.stacks = stacks
        self.state = state
        self.criterion = criterion
        self.providers = Providers(list(pool.values()))
        self.memo: dict[CredentialId, list[Credential] | None] = {}
        self.visiting: set[CredentialId] = set()

    def of(self, cid: CredentialId) -> list[Credential] | None:
        """Prerequisites then the credential itself, in a valid order."""
        if cid in self.memo:
            return self.memo[cid]
        if cid in self.visiting or cid not in self.pool:
            return None
        self.visiting.add(cid)
        cred = self.pool[cid]
        work = self.state.copy()
        bundle: list[Credential] = []
        ok = all(self._meet(req, work, bundle) for req in cred.requires)
        self.visiting.discard(cid)
        self.memo[cid] = [*bundle, cred] if ok else None
        return self.memo[cid]

    def _meet(self, req: Requirement, work: Progress, bundle: list[Credential]) -> bool:
        """Extend `bundle` (and `work`) until `req` holds; False if it cannot."""
        if work.holds(req):
            return True
        if isinstance(req, AllOf):
            return all(self._meet(item, work, bundle) for item in req.items)
        if isinstance(req, (AnyOf, NOf)):
            need = 1 if isinstance(req, AnyOf) else req.n
            while sum(1 for item in req.items if work.holds(item)) < need:
                options = [self._trial(item, work) for item in req.items if not work.holds(item)]
                if not self._apply(options, work, bundle):
                    return False
            return True
        if isinstance(req, (ExperienceReq, EducationReq)):
            return False
        assert isinstance(req, (SkillReq, CredentialReq))
        options = [self.of(node.id) for node in self.providers.meeting(req)]
        return self._apply(options, work, bundle)

    def _trial(self, req: Requirement, work: Progress) -> list[Credential] | None:
        trial = work.copy()
        extra: list[Credential] = []
        return extra if self._meet(req, trial, extra) else None

    def _apply(self, options: Sequence[list[Credential] | None], work: Progress, bundle: list[Credential]) -> bool:
        usable = [o for o in options if o is not None]
        if not usable:
            return False
        cheapest = min(usable, key=lambda o: (_measure(o, self.criterion, self.pace), [c.id for c in o]))
        for cred in cheapest:
            if cred.id not in work.held:
                work.take(cred)
                bundle.append(cred)
                work.earn(self.stacks)
        return True
