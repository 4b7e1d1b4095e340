"""The mixed-integer program of a pruned planning problem (built here, solved by `highs.py`).

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
- Gap item i: g_i binary, g_i <= sum of x_a over the nodes granting it at or
  above its level (binary rather than continuous: the same feasible pathways, and
  the stages of a partial pathway, after `closed`, solve faster). Expected item e
  (credentials a role expects): g_e <= its requirement compiled over x (no order:
  it must hold at the end).
- Waived recommendation r of candidate v: m_vr <= r compiled over the x of the
  other nodes, u_vr >= x_v - m_vr; `waived` is the sum of u.
- Criteria (`criterion(name)`) are linear: cost, hours, count, closed (weighted
  gap and essential expected items, negated), expected (important expected items
  met, negated), waived, ids (the sum of the chosen candidates' positions in id
  order, with waived first: W * waived + ids), ids2 (the sum of squared positions).
  Extra cost terms (subscriptions, discounts) belong in `criterion("cost")` and
  `value("cost", ...)`: both read `cost_terms`.
- Subscriptions: per (provider, monthly price), an integer m >= 0 of months with
  month_hours * m >= the hours of the group's candidates taken; cost monthly * m.
- Discounts: a candidate v's discount d is a binary y_vd <= x_v and <= the sum of
  "a before v" over the candidates a that meet its condition (an edge a -> v of
  the "can serve" graph, so cycles of vouchers get positions like prerequisites);
  at most one discount of v counts; cost -amount_v * percent / 100 * y_vd.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from skillstack.model import (
    IMPORTANCE_WEIGHTS,
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
from skillstack.plan.pricing import month_hours, subscription_key, upper_total
from skillstack.plan.problem import Expected, GapItem, PlanProblem
from skillstack.plan.progress import Progress

CAP_TOL = 1e-9
INF = float("inf")


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



def leaf_atoms(req: Requirement) -> Iterator[SkillReq | CredentialReq]:
    if isinstance(req, (SkillReq, CredentialReq)):
        yield req
    elif isinstance(req, (AllOf, AnyOf, NOf)):
        for item in req.items:
            yield from leaf_atoms(item)


class Providers:
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



class Milp:
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
        self.row_lower.append(-INF)
        self.row_upper.append(upper)
        self.starts.append(len(self.index))
        for col, coef in merged.items():
            self.index.append(col)
            self.value.append(coef)


Form = bool | tuple[int, ...]
"""A compiled requirement: always met, never met, or columns in [0, 1] whose
sum is positive only if it is met and at least 1 whenever the model relies on it."""


@dataclass(frozen=True)
class _GapEntry:
    item: GapItem
    column: int
    providers: tuple[int, ...]


@dataclass(frozen=True)
class _ExpectedEntry:
    item: Expected
    column: int


@dataclass(frozen=True)
class _Waived:
    node: int
    requirement: Requirement
    column: int  # u: 1 when the node is taken and the recommendation is not met


class Model:
    """The MILP of a pruned problem, with its columns named by purpose."""

    def __init__(
        self,
        candidates: Sequence[Credential],
        stacks: Sequence[Credential],
        start: Progress,
        open_gap: Sequence[GapItem],
        problem: PlanProblem,
    ) -> None:
        self.milp = Milp()
        self.nodes = [*candidates, *stacks]
        self.n_candidates = len(candidates)
        self.index = {node.id: i for i, node in enumerate(self.nodes)}
        self.take = [self.milp.column(integer=True) for _ in self.nodes]
        self.start = start
        self.providers = Providers(self.nodes)
        self._pairs: dict[tuple[int, int], int] = {}
        self._positions: dict[int, int] = {}
        self._component, self._size = self._components()
        for i, node in enumerate(self.nodes):
            for need in node.needs:
                self._require(i, need)
        self.gap = [entry for g in open_gap if (entry := self._gap_entry(g)) is not None]
        self.unclosable = [g for g in open_gap if not self.providers.granting(g.skill, g.level)]
        self.gap_columns = [entry.column for entry in self.gap]
        self.expected: list[_ExpectedEntry] = []
        self.unmeetable: list[Expected] = []
        for item in problem.expected:
            if start.holds(item.requirement):
                continue
            form = self._compile(item.requirement, -1, ordered=False)
            if form is False:
                self.unmeetable.append(item)
                continue
            column = self.milp.column(integer=False)
            if form is not True:
                self.milp.row([(column, 1.0), *((col, -1.0) for col in form)], 0.0)
            self.expected.append(_ExpectedEntry(item, column))
        self.essential_columns = [e.column for e in self.expected if e.item.importance == "essential"]
        self.waived = self._waived_entries()
        ranks = {c.id: n for n, c in enumerate(sorted(problem.candidates, key=lambda c: c.id), start=1)}
        self.rank = [float(ranks.get(node.id, 0)) for node in self.nodes[: self.n_candidates]]
        self.cost_terms: list[dict[int, float]] = []  # extra cost terms: column -> coefficient
        self.discounted: list[tuple[int, int, tuple[int, ...]]] = []  # (node, y column, nodes meeting it)
        self.pace = problem.hours_per_week
        self._prices(problem.hours_per_week)
        self._caps(problem)

    def _voucher_sources(self, node: int) -> list[tuple[float, tuple[int, ...]]]:
        """For each discount of candidate `node`: its percent and the candidates meeting its condition."""
        cred = self.nodes[node]
        out = []
        for d in cred.discounts:
            meets = tuple(a for a, other in enumerate(self.nodes[: self.n_candidates])
                          if a != node and d.met_by(other))
            out.append((d.percent, meets))
        return out

    def _prices(self, pace: float) -> None:
        groups: dict[tuple[str, float], list[int]] = {}
        for i, cred in enumerate(self.nodes[: self.n_candidates]):
            key = subscription_key(cred)
            if key is not None and cred.hours > 0:
                groups.setdefault(key, []).append(i)
        month = month_hours(pace)
        for (_, monthly), members in sorted(groups.items()):
            total = sum(self.nodes[i].hours for i in members)
            m = self.milp.column(integer=True, upper=float(math.ceil(total / month) + 1))
            self.milp.row([*((self.take[i], self.nodes[i].hours) for i in members), (m, -month)], 0.0)
            self.cost_terms.append({m: monthly})
        for v, cred in enumerate(self.nodes[: self.n_candidates]):
            if not cred.discounts or cred.cost.amount <= 0:
                continue
            ys = []
            for percent, meets in self._voucher_sources(v):
                if not meets or percent <= 0:
                    continue
                y = self.milp.column(integer=True)
                self.milp.row([(y, 1.0), (self.take[v], -1.0)], 0.0)
                self.milp.row([(y, 1.0), *((self._pair(a, v), -1.0) for a in meets)], 0.0)
                self.cost_terms.append({y: -cred.cost.amount * percent / 100.0})
                self.discounted.append((v, y, meets))
                ys.append(y)
            if len(ys) > 1:
                self.milp.row([(y, 1.0) for y in ys], 1.0)

    def voucher_order(self, values: Sequence[float]) -> dict[str, tuple[str, ...]]:
        """For each discount the solution counts: the discounted credential and the credentials
        one of which must come before it."""
        out: dict[str, tuple[str, ...]] = {}
        for v, y, meets in self.discounted:
            if values[y] > 0.5:
                out[self.nodes[v].id] = tuple(self.nodes[a].id for a in meets)
        return out

    def _waived_entries(self) -> list[_Waived]:
        out = []
        for i, node in enumerate(self.nodes[: self.n_candidates]):
            for req in node.recommends:
                if self.start.holds(req):
                    continue
                form = self._compile(req, i, ordered=False)
                u = self.milp.column(integer=False)
                if form is False:
                    self.milp.row([(self.take[i], 1.0), (u, -1.0)], 0.0)
                elif form is not True:
                    m = self.milp.column(integer=False)
                    self.milp.row([(m, 1.0), *((col, -1.0) for col in form)], 0.0)
                    self.milp.row([(self.take[i], 1.0), (m, -1.0), (u, -1.0)], 0.0)
                else:
                    continue
                out.append(_Waived(i, req, u))
        return out

    def _gap_entry(self, item: GapItem) -> _GapEntry | None:
        nodes = [self.index[n.id] for n in self.providers.granting(item.skill, item.level)]
        if not nodes:
            return None
        column = self.milp.column(integer=True)
        self.milp.row([(column, 1.0), *((self.take[i], -1.0) for i in nodes)], 0.0)
        return _GapEntry(item, column, tuple(nodes))

    def _caps(self, problem: PlanProblem) -> None:
        for cap, name in ((problem.budget, "cost"), (problem.max_hours, "hours")):
            if cap is not None:
                self.milp.row(self.criterion(name).items(), cap + CAP_TOL * max(1.0, cap))

    def _require(self, node: int, need: Requirement) -> None:
        form = self._compile(need, node)
        if form is True:
            return
        if form is False:
            self.milp.upper[self.take[node]] = 0.0
            return
        self.milp.row([(self.take[node], 1.0), *((col, -1.0) for col in form)], 0.0)

    def _compile(self, req: Requirement, node: int, *, ordered: bool = True) -> Form:
        """`req` as columns: met before `node` starts (`ordered`), or met by the other nodes taken."""
        if isinstance(req, (SkillReq, CredentialReq)):
            if self.start.holds(req):
                return True
            sources = [self.index[n.id] for n in self.providers.meeting(req)]
            if not ordered:
                return tuple(self.take[a] for a in sources if a != node) or False
            return tuple(self._pair(a, node) for a in sources if a != node) or False
        if isinstance(req, (ExperienceReq, EducationReq)):
            return self.start.holds(req)
        forms = [self._compile(item, node, ordered=ordered) for item in req.items]
        if isinstance(req, AllOf):
            return self._all(forms)
        if isinstance(req, AnyOf):
            return self._any(forms)
        return self._n_of(req.n, forms)

    def _all(self, forms: Sequence[Form]) -> Form:
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

    def _any(self, forms: Sequence[Form]) -> Form:
        if any(f is True for f in forms):
            return True
        rest = [col for f in forms if not isinstance(f, bool) for col in f]
        return tuple(rest) or False

    def _n_of(self, n: int, forms: Sequence[Form]) -> Form:
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
                for atom in leaf_atoms(need):
                    if not self.start.holds(atom):
                        edges[after].update(self.index[a.id] for a in self.providers.meeting(atom))
        for after, node in enumerate(self.nodes[: self.n_candidates]):
            if node.discounts and node.cost.amount > 0:  # a voucher is "before" like a prerequisite
                for _, meets in self._voucher_sources(after):
                    edges[after].update(meets)
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
            out = {e.column: -IMPORTANCE_WEIGHTS.get(e.item.importance, 1.0) for e in self.gap}
            out.update({e.column: -IMPORTANCE_WEIGHTS["essential"] for e in self.expected
                        if e.item.importance == "essential"})
            return out
        if name == "expected":
            return {e.column: -1.0 for e in self.expected if e.item.importance == "important"}
        n = self.n_candidates
        if name == "count":
            return {self.take[i]: 1.0 for i in range(n)}
        if name == "cost":
            out = {self.take[i]: c.cost.amount for i, c in enumerate(self.nodes[:n])}
            for term in self.cost_terms:
                for col, coef in term.items():
                    out[col] = out.get(col, 0.0) + coef
            return out
        if name == "hours":
            return {self.take[i]: c.hours for i, c in enumerate(self.nodes[:n])}
        if name == "waived":
            return {w.column: 1.0 for w in self.waived}
        if name == "ids":  # fewer waived first, then the smaller sum of id positions
            weight = sum(self.rank) + 1.0
            out = {self.take[i]: self.rank[i] for i in range(n)}
            out.update({w.column: weight for w in self.waived})
            return out
        if name == "ids2":
            return {self.take[i]: self.rank[i] ** 2 for i in range(n)}
        raise ValueError(f"unknown criterion {name!r}")

    def chosen(self, values: Sequence[float]) -> frozenset[int]:
        return frozenset(i for i, col in enumerate(self.take) if values[col] > 0.5)

    def final(self, chosen: Iterable[int], without: int = -1) -> Progress:
        """The learner with every chosen node taken (except `without`), order aside."""
        state = self.start.copy()
        for i in sorted(chosen):
            if i != without and i < self.n_candidates:
                state.take(self.nodes[i])
        state.earn(self.nodes[self.n_candidates:])
        return state

    def waived_count(self, chosen: frozenset[int]) -> int:
        """Recommendations of chosen candidates that neither the start nor another chosen node meets."""
        count = 0
        for i in sorted(chosen):
            if i >= self.n_candidates or not self.nodes[i].recommends:
                continue
            others = self.final(chosen, without=i)
            count += sum(1 for req in self.nodes[i].recommends if not others.holds(req))
        return count

    def value(self, name: str, chosen: frozenset[int], values: Sequence[float] = ()) -> float:
        """The exact value of a criterion for the nodes taken (`values`: the solution, for
        columns other than the take columns, such as extra cost terms)."""
        if name in ("closed", "expected"):
            final = self.final(chosen)
            total = 0.0
            if name == "closed":
                total += sum(IMPORTANCE_WEIGHTS.get(e.item.importance, 1.0) for e in self.gap
                             if chosen.intersection(e.providers))
            wanted = "essential" if name == "closed" else "important"
            weight = IMPORTANCE_WEIGHTS["essential"] if name == "closed" else 1.0
            total += sum(weight for e in self.expected if e.item.importance == wanted and final.holds(e.item.requirement))
            return -total
        if name == "waived":
            return float(self.waived_count(chosen))
        if name == "ids":
            return (sum(self.rank) + 1.0) * self.waived_count(chosen) + sum(
                self.rank[i] for i in chosen if i < self.n_candidates)
        if name == "cost" and not values:  # no solution at hand: the full price of the set, no discount
            return upper_total((self.nodes[i] for i in chosen if i < self.n_candidates), self.pace)
        coeffs = self.criterion(name)
        takes = {self.take[i] for i in range(len(self.nodes))}
        extra = sum(coef * values[col] for col, coef in coeffs.items() if col not in takes) if values else 0.0
        return extra + sum(coeffs.get(self.take[i], 0.0) for i in chosen)
