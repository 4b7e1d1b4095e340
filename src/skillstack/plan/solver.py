"""Exact optimal pathways: a mixed-integer program solved with HiGHS.

`solve(problem)` returns the best pathway of SPEC section 3: a set of
candidates and an order in which every `requires` holds when its credential
starts, closing every gap item within the budget and the hours cap, best by the
objective with ties broken by the other two (cost: hours, count; hours: cost,
count; count: cost, hours). When no pathway closes the whole gap it returns the
pathway that closes the most of it (weights essential 3, important 2,
optional 1), best by the objective among those, with `feasible=False`.

Assumptions:

- Costs and hours are non-negative, so a credential that serves neither a gap
  item nor, transitively, the requirements of one that does is never worth
  taking; such candidates are dropped before the model is built, as are
  candidates that can never start (an unmet experience gate, a prerequisite no
  candidate grants) and candidates over the budget or hours cap on their own.
- Requirements are monotone: holding more never makes one false. So a set of
  credentials can be ordered if and only if repeatedly taking any eligible one
  takes them all. The returned order is the smallest such order by id: it is
  canonical, whatever positions the solver happened to pick.
- A candidate already in `held` is ignored (its grants are in `skills` by the
  `PlanProblem` contract). A stack whose `awarded_for` holds at the start counts
  as held and is not reported.
- Stacks are free, so earning one never hurts: the model may leave a stack
  unearned, but the returned pathway earns every stack as soon as it completes.
- Values within a relative 1e-6 of an earlier stage's optimum count as ties.

Formulation (nodes: the candidates and stacks left after pruning):

- x_v binary: node v is taken (candidate) or earned (stack).
- "a is taken before v", for each node a that could meet a requirement of v:
  when a and v lie in different strongly connected components of this "could
  meet" graph, the graph between components is acyclic and x_a itself serves;
  inside a component of K nodes, a binary w_av <= x_a, w_av <= x_v, with
  positions p in [0, K-1] and p_a - p_v + K w_av <= K - 1 (big-M = K).
- Each top-level requirement item of v: x_v <= (sum of those columns over the
  nodes a meeting it). all_of and any_of become continuous indicators (positive
  implies met), n_of a binary one: n h <= sum of its items' indicators.
- Gap item i: g_i <= sum of x_a over the nodes granting it at or above its
  level; g_i = 1 when a full pathway is sought, else sum weight_i g_i is
  maximised first.
- The objective is lexicographic: successive solves, each fixing the previous
  stage's optimum (plus the tolerance) as a constraint.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from skillstack.model import (
    IMPORTANCE_WEIGHTS,
    OBJECTIVES,
    AllOf,
    AnyOf,
    Credential,
    CredentialId,
    CredentialReq,
    EducationHeld,
    EducationReq,
    ExperienceReq,
    NOf,
    Requirement,
    SkillId,
    SkillReq,
)
from skillstack.plan.problem import GapItem, PlanProblem, PlanSolution
from skillstack.quiet import native_output_silenced
from skillstack.requirements import education_meets

TIME_LIMIT = 10.0
"""Seconds HiGHS may spend on one plan, over all its stages."""

CRITERIA: Mapping[str, tuple[str, str, str]] = {
    "cost": ("cost", "hours", "count"),
    "hours": ("hours", "cost", "count"),
    "count": ("count", "cost", "hours"),
}
"""Each objective and its tie-breakers, in order."""

_REL_TOL = 1e-6
_CAP_TOL = 1e-9
_INF = float("inf")


def solve(problem: PlanProblem, time_limit: float = TIME_LIMIT) -> PlanSolution:
    """The optimal pathway for `problem`, or the best partial one.

    `optimal` is true only when HiGHS proved every stage optimal within
    `time_limit` seconds; otherwise the best pathway found so far is returned
    (the greedy one if the solver found none).

    >>> solve(PlanProblem(candidates=())).feasible
    True
    """
    criteria = _criteria(problem.objective)
    start = start_state(problem)
    open_gap = [g for g in problem.gap if not start.has(g.skill, g.level)]
    if not open_gap:
        return finish(problem, start, [], optimal=True, status="nothing to close")
    candidates, stacks = _prune(problem, start, open_gap)
    if not candidates:
        return finish(problem, start, [], optimal=True, status=_PARTIAL)
    model = _Model(candidates, stacks, start, open_gap, problem)
    highs = _Highs(model.milp, time.monotonic() + time_limit)
    if not model.unclosable:
        highs.set_lower(model.gap_columns, 1.0)
        outcome = _lexicographic(model, highs, criteria)
        if not outcome.infeasible:
            return _result(problem, start, model, outcome, partial=False)
        highs.set_lower(model.gap_columns, 0.0)
    outcome = _lexicographic(model, highs, ("closed", *criteria))
    return _result(problem, start, model, outcome, partial=True)


def greedy(problem: PlanProblem) -> PlanSolution:
    """A quick heuristic pathway, to show what the exact solver buys.

    Repeatedly takes the credential (with the prerequisites it needs) that
    costs the least objective per newly closed gap item, within the budget and
    hours cap, until the gap is closed or nothing more helps. Never optimal.
    """
    criterion = _criteria(problem.objective)[0]
    start = start_state(problem)
    stacks = _by_id(problem.stacks)
    pool = {c.id: c for c in _by_id(problem.candidates) if c.id not in start.held}
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


def strongly_connected(edges: Sequence[Iterable[int]]) -> list[int]:
    """The strongly connected component of each node of a directed graph, numbered from 0.

    Nodes are 0..n-1 and `edges[v]` are v's successors. Tarjan's algorithm without
    recursion, so a long chain cannot overflow the stack (and no networkx import,
    which would cost a tenth of a second at every `plan`).
    """
    n = len(edges)
    index = [-1] * n
    low = [0] * n
    component = [-1] * n
    on_stack = [False] * n
    stack: list[int] = []
    counter = components = 0
    for root in range(n):
        if index[root] != -1:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            node, successors = work[-1]
            for nxt in successors:
                if index[nxt] == -1:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack[nxt] = True
                    work.append((nxt, iter(edges[nxt])))
                    break
                if on_stack[nxt]:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    while True:
                        member = stack.pop()
                        on_stack[member] = False
                        component[member] = components
                        if member == node:
                            break
                    components += 1
    return component


# ---- the state of a learner along a pathway ------------------------------


@dataclass
class State:
    """Skills, held credentials and experience at one point of a pathway."""

    skills: dict[SkillId, int]
    held: set[CredentialId]
    experience: Mapping[str, float]
    education: EducationHeld | None = None

    def copy(self) -> State:
        return State(dict(self.skills), set(self.held), self.experience, self.education)

    def has(self, skill: SkillId, level: int) -> bool:
        return self.skills.get(skill, 0) >= level

    def holds(self, req: Requirement) -> bool:
        if isinstance(req, SkillReq):
            return self.has(req.skill, req.level)
        if isinstance(req, CredentialReq):
            return req.credential in self.held
        if isinstance(req, ExperienceReq):
            return self.experience.get(req.domain, 0.0) >= req.years
        if isinstance(req, EducationReq):
            return education_meets(self.education, req)
        if isinstance(req, AllOf):
            return all(self.holds(item) for item in req.items)
        if isinstance(req, AnyOf):
            return any(self.holds(item) for item in req.items)
        return sum(1 for item in req.items if self.holds(item)) >= req.n

    def eligible(self, cred: Credential) -> bool:
        return all(self.holds(req) for req in cred.requires)

    def take(self, cred: Credential) -> None:
        self.held.add(cred.id)
        for grant in cred.grants:
            if grant.level > self.skills.get(grant.skill, 0):
                self.skills[grant.skill] = int(grant.level)

    def earn(self, stacks: Sequence[Credential]) -> list[CredentialId]:
        """Earn every stack whose `awarded_for` now holds; the ids, in order."""
        earned: list[CredentialId] = []
        progress = True
        while progress:
            progress = False
            for stack in stacks:
                if stack.id in self.held or stack.awarded_for is None:
                    continue
                if self.holds(stack.awarded_for):
                    self.take(stack)
                    earned.append(stack.id)
                    progress = True
        return earned


def start_state(problem: PlanProblem) -> State:
    """The learner at the start, with stacks already complete counted as held."""
    skills = {skill: int(level) for skill, level in problem.skills.items()}
    state = State(skills, set(problem.held), problem.experience, problem.education)
    state.earn(_by_id(problem.stacks))
    return state


def finish(
    problem: PlanProblem,
    start: State,
    chosen: Iterable[Credential],
    *,
    optimal: bool,
    status: str,
) -> PlanSolution:
    """Order `chosen` (smallest valid order by id) and describe the pathway."""
    taken = _by_id(chosen)
    stacks = _by_id(problem.stacks)
    state = start.copy()
    remaining = list(taken)
    steps: list[CredentialId] = []
    earned: list[tuple[CredentialId, int]] = []
    while remaining:
        step = next((c for c in remaining if state.eligible(c)), None)
        if step is None:
            names = ", ".join(c.id for c in remaining)
            raise RuntimeError(f"internal: cannot order the pathway ({names} never eligible)")
        remaining.remove(step)
        state.take(step)
        steps.append(step.id)
        earned.extend((stack, len(steps) - 1) for stack in state.earn(stacks))
    closed = tuple(g for g in problem.gap if state.has(g.skill, g.level))
    return PlanSolution(
        feasible=len(closed) == len(problem.gap),
        optimal=optimal,
        steps=tuple(steps),
        stacks=tuple(earned),
        closed=closed,
        open=tuple(g for g in problem.gap if not state.has(g.skill, g.level)),
        cost=float(sum(c.cost.amount for c in taken)),
        hours=float(sum(c.hours for c in taken)),
        status=status,
    )


def _by_id(creds: Iterable[Credential]) -> list[Credential]:
    unique = {c.id: c for c in creds}
    return [unique[key] for key in sorted(unique)]


def _criteria(objective: str) -> tuple[str, str, str]:
    if objective not in OBJECTIVES:
        raise ValueError(f"unknown objective {objective!r}; expected one of {OBJECTIVES}")
    return CRITERIA[objective]


def _atoms(req: Requirement) -> Iterator[SkillReq | CredentialReq]:
    if isinstance(req, (SkillReq, CredentialReq)):
        yield req
    elif isinstance(req, (AllOf, AnyOf, NOf)):
        for item in req.items:
            yield from _atoms(item)


class _Providers:
    """Which nodes meet a skill at a level, or are a credential."""

    def __init__(self, nodes: Sequence[Credential]) -> None:
        self.by_id = {node.id: node for node in nodes}
        self.by_skill: dict[SkillId, list[tuple[int, Credential]]] = {}
        for node in nodes:
            best: dict[SkillId, int] = {}
            for grant in node.grants:
                best[grant.skill] = max(best.get(grant.skill, 0), int(grant.level))
            for skill, level in best.items():
                self.by_skill.setdefault(skill, []).append((level, node))

    def granting(self, skill: SkillId, level: int) -> list[Credential]:
        return [node for got, node in self.by_skill.get(skill, []) if got >= level]

    def meeting(self, atom: SkillReq | CredentialReq) -> list[Credential]:
        if isinstance(atom, SkillReq):
            return self.granting(atom.skill, atom.level)
        node = self.by_id.get(atom.credential)
        return [] if node is None else [node]


# ---- pruning ----------------------------------------------------------------


def _prune(
    problem: PlanProblem, start: State, open_gap: Sequence[GapItem]
) -> tuple[list[Credential], list[Credential]]:
    """Candidates and stacks that can be taken and can matter."""
    affordable = [
        c for c in _by_id(problem.candidates) if c.id not in start.held and not c.is_stack and _fits(c, problem)
    ]
    stacks = [s for s in _by_id(problem.stacks) if s.id not in start.held]
    candidates, stacks = _reachable(affordable, stacks, start)
    keep = _relevant([*candidates, *stacks], open_gap, start)
    return [c for c in candidates if c.id in keep], [s for s in stacks if s.id in keep]


def _fits(cred: Credential, problem: PlanProblem) -> bool:
    within_budget = problem.budget is None or cred.cost.amount <= problem.budget
    within_hours = problem.max_hours is None or cred.hours <= problem.max_hours
    return within_budget and within_hours


def _reachable(
    candidates: Sequence[Credential], stacks: Sequence[Credential], start: State
) -> tuple[list[Credential], list[Credential]]:
    """Those that some order could reach, everything else being taken."""
    state = start.copy()
    pending = list(candidates)
    reached: set[CredentialId] = set()
    progress = True
    while progress:
        ready = [c for c in pending if state.eligible(c)]
        for cred in ready:
            state.take(cred)
            reached.add(cred.id)
        pending = [c for c in pending if c.id not in reached]
        earned = state.earn(stacks)
        reached.update(earned)
        progress = bool(ready or earned)
    return [c for c in candidates if c.id in reached], [s for s in stacks if s.id in reached]


def _relevant(nodes: Sequence[Credential], open_gap: Sequence[GapItem], start: State) -> set[CredentialId]:
    """Ids of nodes that close a gap item or serve, transitively, one that does."""
    providers = _Providers(nodes)
    todo = [node for g in open_gap for node in providers.granting(g.skill, g.level)]
    keep: set[CredentialId] = set()
    while todo:
        node = todo.pop()
        if node.id in keep:
            continue
        keep.add(node.id)
        for need in node.needs:
            for atom in _atoms(need):
                if not start.holds(atom):
                    todo.extend(providers.meeting(atom))
    return keep


# ---- the mixed-integer program ------------------------------------------------


class _Milp:
    """Columns and rows of a MILP under construction (rows stored sparse)."""

    def __init__(self) -> None:
        self.lower: list[float] = []
        self.upper: list[float] = []
        self.integer: list[int] = []
        self.row_lower: list[float] = []
        self.row_upper: list[float] = []
        self.starts: list[int] = []
        self.index: list[int] = []
        self.value: list[float] = []

    def column(self, *, integer: bool, upper: float = 1.0) -> int:
        self.lower.append(0.0)
        self.upper.append(upper)
        self.integer.append(1 if integer else 0)
        return len(self.lower) - 1

    def row(self, terms: Iterable[tuple[int, float]], upper: float) -> None:
        """Add sum(coef * col) <= upper."""
        merged: dict[int, float] = {}
        for col, coef in terms:
            merged[col] = merged.get(col, 0.0) + coef
        self.row_lower.append(-_INF)
        self.row_upper.append(upper)
        self.starts.append(len(self.index))
        for col, coef in merged.items():
            self.index.append(col)
            self.value.append(coef)


_Form = bool | tuple[int, ...]
"""A compiled requirement: always met, never met, or columns in [0, 1] whose
sum is positive only if it is met and at least 1 whenever the model relies on it."""


@dataclass(frozen=True)
class _GapEntry:
    item: GapItem
    column: int
    providers: tuple[int, ...]


class _Model:
    """The MILP of a pruned problem, with its columns named by purpose."""

    def __init__(
        self,
        candidates: Sequence[Credential],
        stacks: Sequence[Credential],
        start: State,
        open_gap: Sequence[GapItem],
        problem: PlanProblem,
    ) -> None:
        self.milp = _Milp()
        self.nodes = [*candidates, *stacks]
        self.n_candidates = len(candidates)
        self.index = {node.id: i for i, node in enumerate(self.nodes)}
        self.take = [self.milp.column(integer=True) for _ in self.nodes]
        self.start = start
        self.providers = _Providers(self.nodes)
        self._pairs: dict[tuple[int, int], int] = {}
        self._positions: dict[int, int] = {}
        self._component, self._size = self._components()
        for i, node in enumerate(self.nodes):
            for need in node.needs:
                self._require(i, need)
        self.gap = [entry for g in open_gap if (entry := self._gap_entry(g)) is not None]
        self.unclosable = [g for g in open_gap if not self.providers.granting(g.skill, g.level)]
        self.gap_columns = [entry.column for entry in self.gap]
        self._caps(problem)

    def _gap_entry(self, item: GapItem) -> _GapEntry | None:
        nodes = [self.index[n.id] for n in self.providers.granting(item.skill, item.level)]
        if not nodes:
            return None
        column = self.milp.column(integer=False)
        self.milp.row([(column, 1.0), *((self.take[i], -1.0) for i in nodes)], 0.0)
        return _GapEntry(item, column, tuple(nodes))

    def _caps(self, problem: PlanProblem) -> None:
        for cap, name in ((problem.budget, "cost"), (problem.max_hours, "hours")):
            if cap is not None:
                self.milp.row(self.criterion(name).items(), cap + _CAP_TOL * max(1.0, cap))

    def _require(self, node: int, need: Requirement) -> None:
        form = self._compile(need, node)
        if form is True:
            return
        if form is False:
            self.milp.upper[self.take[node]] = 0.0
            return
        self.milp.row([(self.take[node], 1.0), *((col, -1.0) for col in form)], 0.0)

    def _compile(self, req: Requirement, node: int) -> _Form:
        if isinstance(req, (SkillReq, CredentialReq)):
            if self.start.holds(req):
                return True
            sources = [self.index[n.id] for n in self.providers.meeting(req)]
            return tuple(self._pair(a, node) for a in sources if a != node) or False
        if isinstance(req, (ExperienceReq, EducationReq)):
            return self.start.holds(req)
        forms = [self._compile(item, node) for item in req.items]
        if isinstance(req, AllOf):
            return self._all(forms)
        if isinstance(req, AnyOf):
            return self._any(forms)
        return self._n_of(req.n, forms)

    def _all(self, forms: Sequence[_Form]) -> _Form:
        if any(f is False for f in forms):
            return False
        rest = [f for f in forms if not isinstance(f, bool)]
        if not rest:
            return True
        if len(rest) == 1:
            return rest[0]
        h = self.milp.column(integer=False)
        for form in rest:
            self.milp.row([(h, 1.0), *((col, -1.0) for col in form)], 0.0)
        return (h,)

    def _any(self, forms: Sequence[_Form]) -> _Form:
        if any(f is True for f in forms):
            return True
        rest = [col for f in forms if not isinstance(f, bool) for col in f]
        return tuple(rest) or False

    def _n_of(self, n: int, forms: Sequence[_Form]) -> _Form:
        need = n - sum(1 for f in forms if f is True)
        rest = [f for f in forms if not isinstance(f, bool)]
        if need <= 0:
            return True
        if need > len(rest):
            return False
        if need == 1:
            return self._any(rest)
        if need == len(rest):
            return self._all(rest)
        indicators = [f[0] if len(f) == 1 else self._cap_at_one(f) for f in rest]
        h = self.milp.column(integer=True)
        self.milp.row([(h, float(need)), *((col, -1.0) for col in indicators)], 0.0)
        return (h,)

    def _cap_at_one(self, form: tuple[int, ...]) -> int:
        t = self.milp.column(integer=False)
        self.milp.row([(t, 1.0), *((col, -1.0) for col in form)], 0.0)
        return t

    def _components(self) -> tuple[list[int], list[int]]:
        """Each node's strongly connected component in the 'can serve' graph, and their sizes.

        Between components the graph is acyclic, so only nodes of one component
        need positions to keep "before" acyclic.
        """
        edges: list[set[int]] = [set() for _ in self.nodes]
        for after, node in enumerate(self.nodes):
            for need in node.needs:
                for atom in _atoms(need):
                    if not self.start.holds(atom):
                        edges[after].update(self.index[a.id] for a in self.providers.meeting(atom))
        component = strongly_connected(edges)
        sizes = [0] * (max(component, default=-1) + 1)
        for number in component:
            sizes[number] += 1
        return component, sizes

    def _pair(self, before: int, after: int) -> int:
        """A column that is 1 only if node `before` is taken, and before node `after`."""
        if self._component[before] != self._component[after]:
            return self.take[before]
        key = (before, after)
        if key not in self._pairs:
            w = self.milp.column(integer=True)
            big = float(self._size[self._component[before]])
            self.milp.row([(w, 1.0), (self.take[before], -1.0)], 0.0)
            self.milp.row([(w, 1.0), (self.take[after], -1.0)], 0.0)
            self.milp.row(
                [(self._position(before), 1.0), (self._position(after), -1.0), (w, big)],
                big - 1.0,
            )
            self._pairs[key] = w
        return self._pairs[key]

    def _position(self, node: int) -> int:
        if node not in self._positions:
            upper = float(self._size[self._component[node]] - 1)
            self._positions[node] = self.milp.column(integer=False, upper=upper)
        return self._positions[node]

    def criterion(self, name: str) -> dict[int, float]:
        """Coefficients of a criterion to minimise."""
        if name == "closed":
            return {e.column: -IMPORTANCE_WEIGHTS.get(e.item.importance, 1.0) for e in self.gap}
        candidates = self.nodes[: self.n_candidates]
        if name == "count":
            return {self.take[i]: 1.0 for i in range(len(candidates))}
        if name == "cost":
            return {self.take[i]: c.cost.amount for i, c in enumerate(candidates)}
        return {self.take[i]: c.hours for i, c in enumerate(candidates)}

    def chosen(self, values: Sequence[float]) -> frozenset[int]:
        return frozenset(i for i, col in enumerate(self.take) if values[col] > 0.5)

    def value(self, name: str, chosen: frozenset[int]) -> float:
        """The exact value of a criterion for the nodes taken."""
        if name == "closed":
            return -sum(
                IMPORTANCE_WEIGHTS.get(e.item.importance, 1.0) for e in self.gap if chosen.intersection(e.providers)
            )
        coeffs = self.criterion(name)
        return sum(coeffs.get(self.take[i], 0.0) for i in chosen)


# ---- solving with HiGHS ------------------------------------------------------


@dataclass(frozen=True)
class _Stage:
    status: str  # optimal | infeasible | stopped
    values: list[float] | None
    objective: float = 0.0


class _Highs:
    """A HiGHS instance holding one model, solved stage after stage."""

    def __init__(self, milp: _Milp, deadline: float) -> None:
        import highspy

        self._status = highspy.HighsModelStatus
        self._feasible = highspy.SolutionStatus.kSolutionStatusFeasible
        self.deadline = deadline
        # some HiGHS releases print a banner on fd 1 while constructing, before any option applies
        with native_output_silenced():
            # highspy's stubs ask for numpy arrays; plain lists convert just as well
            self.h: Any = cast(Any, highspy.Highs())
            self.h.setOptionValue("output_flag", False)
            self.h.setOptionValue("log_to_console", False)
        for option, value in (
            ("mip_rel_gap", 0.0),
            ("mip_abs_gap", _REL_TOL),
            ("random_seed", 0),
        ):
            self.h.setOptionValue(option, value)
        self.n = len(milp.lower)
        self.all = list(range(self.n))
        self.h.addVars(self.n, milp.lower, milp.upper)
        self.h.changeColsIntegrality(self.n, self.all, milp.integer)
        if milp.starts:
            self.h.addRows(
                len(milp.starts),
                milp.row_lower,
                milp.row_upper,
                len(milp.index),
                milp.starts,
                milp.index,
                milp.value,
            )
        self._warm: list[float] | None = None

    def set_lower(self, columns: Sequence[int], lower: float) -> None:
        count = len(columns)
        self.h.changeColsBounds(count, list(columns), [lower] * count, [1.0] * count)

    def minimize(self, coeffs: Mapping[int, float]) -> _Stage:
        costs = [0.0] * self.n
        for col, coef in coeffs.items():
            costs[col] = coef
        self.h.changeColsCost(self.n, self.all, costs)
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            return _Stage("stopped", None)
        # HiGHS measures its time limit against run time summed over all runs
        self.h.setOptionValue("time_limit", self.h.getRunTime() + remaining)
        if self._warm is not None:
            self.h.setSolution(self.n, self.all, self._warm)
        with native_output_silenced():
            self.h.run()
        status = self.h.getModelStatus()
        if status in (self._status.kInfeasible, self._status.kUnboundedOrInfeasible):  # bounded: infeasible
            return _Stage("infeasible", None)
        if self.h.getInfo().primal_solution_status != self._feasible:
            return _Stage("stopped", None)
        solution = self.h.getSolution()
        verdict = "optimal" if status == self._status.kOptimal else "stopped"
        return _Stage(verdict, list(solution.col_value), self.h.getInfo().objective_function_value)

    def fix(self, coeffs: Mapping[int, float], upper: float, values: list[float]) -> None:
        """Keep later stages within `upper` on this criterion, warm-started."""
        cols = list(coeffs)
        self.h.addRow(-_INF, upper, len(cols), cols, [coeffs[c] for c in cols])
        self._warm = values


@dataclass(frozen=True)
class _Outcome:
    chosen: frozenset[int] | None  # node indices; None: no pathway found
    optimal: bool
    infeasible: bool = False


def _lexicographic(model: _Model, highs: _Highs, criteria: Sequence[str]) -> _Outcome:
    chosen: frozenset[int] | None = None
    for stage_no, name in enumerate(criteria):
        coeffs = model.criterion(name)
        stage = highs.minimize(coeffs)
        if stage.status == "infeasible":
            return _Outcome(chosen, False, infeasible=stage_no == 0)
        if stage.values is None:
            return _Outcome(chosen, False)
        chosen = model.chosen(stage.values)
        if stage.status != "optimal":
            return _Outcome(chosen, False)
        best = max(model.value(name, chosen), stage.objective)
        highs.fix(coeffs, best + _REL_TOL * max(1.0, abs(best)), stage.values)
    return _Outcome(chosen, True)


_PARTIAL = "no pathway closes the whole gap: the best partial pathway"


def _result(problem: PlanProblem, start: State, model: _Model, outcome: _Outcome, *, partial: bool) -> PlanSolution:
    if outcome.chosen is None:
        try:
            heuristic = greedy(problem)
        except RecursionError:  # greedy's prerequisite search recurses; a huge problem can exhaust the stack
            return finish(problem, start, [], optimal=False, status="time limit before any pathway")
        return replace(heuristic, status="time limit before any pathway: greedy pathway")
    chosen = [model.nodes[i] for i in sorted(outcome.chosen) if i < model.n_candidates]
    if outcome.optimal:
        status = _PARTIAL if partial else "optimal"
    else:
        status = "time limit: the best " + ("partial pathway" if partial else "pathway") + " found so far"
    return finish(problem, start, chosen, optimal=outcome.optimal, status=status)


# ---- greedy -----------------------------------------------------------------


def _greedy_step(
    problem: PlanProblem,
    pool: Mapping[CredentialId, Credential],
    stacks: Sequence[Credential],
    state: State,
    taken: Sequence[Credential],
    open_gap: Sequence[GapItem],
    criterion: str,
) -> list[Credential] | None:
    """The bundle with the least objective per gap item it closes, if any."""
    bundler = _Bundler(pool, stacks, state, criterion)
    spent = (sum(c.cost.amount for c in taken), sum(c.hours for c in taken))
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
        key = (_measure(bundle, criterion) / max(gained, 1), cid)
        if gained and (best is None or key < best):
            best, choice = key, bundle
    return choice


def _affordable(problem: PlanProblem, spent: tuple[float, float], bundle: Sequence[Credential]) -> bool:
    cost = spent[0] + sum(c.cost.amount for c in bundle)
    hours = spent[1] + sum(c.hours for c in bundle)
    return (problem.budget is None or cost <= problem.budget) and (
        problem.max_hours is None or hours <= problem.max_hours
    )


def _measure(bundle: Sequence[Credential], criterion: str) -> float:
    if criterion == "count":
        return float(len(bundle))
    if criterion == "cost":
        return sum(c.cost.amount for c in bundle)
    return sum(c.hours for c in bundle)


class _Bundler:
    """Cheap-looking ways to start a credential from a fixed state (memoised)."""

    def __init__(
        self,
        pool: Mapping[CredentialId, Credential],
        stacks: Sequence[Credential],
        state: State,
        criterion: str,
    ) -> None:
        self.pool = pool
        self.stacks = stacks
        self.state = state
        self.criterion = criterion
        self.providers = _Providers(list(pool.values()))
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

    def _meet(self, req: Requirement, work: State, bundle: list[Credential]) -> bool:
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

    def _trial(self, req: Requirement, work: State) -> list[Credential] | None:
        trial = work.copy()
        extra: list[Credential] = []
        return extra if self._meet(req, trial, extra) else None

    def _apply(self, options: Sequence[list[Credential] | None], work: State, bundle: list[Credential]) -> bool:
        usable = [o for o in options if o is not None]
        if not usable:
            return False
        cheapest = min(usable, key=lambda o: (_measure(o, self.criterion), [c.id for c in o]))
        for cred in cheapest:
            if cred.id not in work.held:
                work.take(cred)
                bundle.append(cred)
                work.earn(self.stacks)
        return True
