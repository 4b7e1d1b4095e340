"""Step 4 of planning: date the steps, say what each closes and waives, explain the answer.

`schedule(state, gap, candidates, solution)` turns the solver's ordered pathway
into a `Plan`: steps run one after another at the learner's hours per week from
the start day; each step lists the gap skills it closes, the stacks it completes
and the recommendations it waives (its `recommends` not met when it starts). An
infeasible answer says which gap skills nothing eligible grants and which
constraint binds (by planning again under looser limits).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from skillstack.catalog import Catalog
from skillstack.holdings import held_status
from skillstack.model import AllOf, AnyOf, CredentialId, CredentialReq, ExperienceReq, NOf, RoleId, SkillId, SkillReq
from skillstack.money import money
from skillstack.plan.candidates import Candidates, Excluded, gate_block
from skillstack.plan.gap import Gap, Gate, aim_first
from skillstack.plan.pricing import discount_percent, step_costs
from skillstack.plan.problem import Expected, GapItem, NearTie, PlanSolution
from skillstack.plan.state import State
from skillstack.requirements import State as ReqState
from skillstack.requirements import atoms, credentials_named, describe, experience_allows, holds, you_have


@dataclass(frozen=True)
class Step:
    credential: CredentialId
    start: date
    end: date
    cost: float
    hours: float
    closes: tuple[SkillId, ...]
    stacks: tuple[CredentialId, ...]  # stacked credentials earned on completing this step
    advice: tuple[str, ...]  # `recommends` not met when the step starts: the waived recommendations
    meets: tuple[Expected, ...] = ()  # credentials the roles expect that this step (or a stack it earns) meets
    needed_by: tuple[CredentialId, ...] = ()  # later steps whose `requires` would fail without this one
    discounts: tuple[CredentialId, ...] = ()  # later steps whose price this one lowers (a voucher)

    @property
    def waived(self) -> tuple[str, ...]:
        return self.advice


@dataclass(frozen=True)
class Totals:
    cost: float
    hours: float
    weeks: float
    credentials: int


@dataclass(frozen=True)
class Binding:
    """Which limit keeps a full pathway out of reach, and what the cheapest full pathway needs:
    what an infeasible plan's first line says (`report.plan_text.answer`)."""

    limit: str  # "budget", "deadline" or "budget and deadline together"
    cost: float  # the cheapest full pathway once the limit is lifted
    hours: float  # its study hours
    budget: float | None  # the learner's budget
    max_hours: float | None  # the study hours until the deadline
    hours_per_week_needed: float | None  # the pace that fits the full pathway before the deadline
    reason: str  # the same, as the sentence in `Plan.why`

    @property
    def raise_budget_to(self) -> float | None:
        """The budget the full pathway needs, when the budget is (part of) what binds."""
        return self.cost if "budget" in self.limit else None


@dataclass(frozen=True)
class Missed:
    """An expected credential the pathway does not meet, and exactly why not."""

    expected: Expected
    why: str  # e.g. "pmi-pmp needs 3 years of project-management experience (you have 1 year ...)"
    aim_first: RoleId | None = None  # when experience or education keeps it out: the role to aim for first


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
    expected: tuple[Expected, ...] = ()  # credentials the roles expect (essential, important), not yet held
    expected_met: tuple[Expected, ...] = ()  # of those and the suggestions, the ones the pathway meets
    suggestions: tuple[Expected, ...] = ()  # optional expected credentials, listed only
    gates: tuple[Gate, ...] = ()  # experience or education the roles ask that no credential earns
    near_ties: tuple[NearTie, ...] = ()
    strict_recommendations: bool = False
    binds: Binding | None = None  # the limit that binds, when a looser one would give a full pathway
    missed: tuple[Missed, ...] = ()  # why each expected credential the pathway does not meet is missed

    @property
    def earned_stacks(self) -> list[tuple[CredentialId, Step]]:
        return [(stack, step) for step in self.steps for stack in step.stacks]

    @property
    def expected_missed(self) -> tuple[Expected, ...]:
        return tuple(e for e in self.expected if e not in self.expected_met)

    @property
    def waived(self) -> int:
        return sum(len(s.advice) for s in self.steps)

    @property
    def blocking(self) -> tuple[Gate, ...]:
        """The essential experience or education gates the learner does not meet."""
        return tuple(g for g in self.gates if g.blocking)

    @property
    def eligible(self) -> bool:
        """Whether the learner meets every essential experience and education gate of the target
        roles. No credential earns those, so a feasible pathway to a role with an unmet one still
        leaves the learner ineligible: `plan` then answers "no" (exit 1)."""
        return not self.blocking


def dated(state: State, solution: PlanSolution, gap: Gap) -> tuple[Step, ...]:
    """The pathway's steps with dates, why each is there (the gap skills it closes, the expected
    credentials it meets, the later steps that need it or whose price it lowers), and what each
    waives."""
    catalog = state.catalog
    stacks_after: dict[int, list[CredentialId]] = {}
    for stack, index in solution.stacks:
        stacks_after.setdefault(index, []).append(stack)
    levels = state.learner.copy()
    open_items = {g.skill: g.level for g in gap.items}
    steps = []
    done_hours = 0.0
    day = start = state.start
    prices = step_costs([catalog.credentials[cid] for cid in solution.steps], state.hours_per_week)
    expected = gap.expected + gap.suggestions
    needed_by, discounts = _needed_by(state, solution), _vouchers(state, solution)
    for index, cid in enumerate(solution.steps):
        cred = catalog.credentials[cid]
        waived = () if state.strict else tuple(
            _waived_text(r, levels, catalog.display_name) for r in cred.recommends if not holds(r, levels))
        before = [e for e in expected if not holds(e.requirement, levels)]
        levels.credentials.add(cid)
        levels.add_grants((g.skill, g.level) for g in cred.grants)
        for stack in stacks_after.get(index, ()):
            levels.credentials.add(stack)
            levels.add_grants((g.skill, g.level) for g in catalog.credentials[stack].grants)
        closes = tuple(sorted(s for s, lv in open_items.items() if levels.level(s) >= lv))
        for skill in closes:
            del open_items[skill]
        done_hours += cred.hours
        end = start + timedelta(days=max(math.ceil(done_hours / state.hours_per_week * 7) - 1, 0))
        end = max(end, day)
        meets = tuple(e for e in before if holds(e.requirement, levels))
        steps.append(Step(cid, day, end, prices[index], cred.hours, closes, tuple(stacks_after.get(index, ())),
                          waived, meets, needed_by[index], discounts[index]))
        day = end + timedelta(days=1)
    return tuple(steps)


def _needed_by(state: State, solution: PlanSolution) -> list[tuple[CredentialId, ...]]:
    """For each step, the later steps whose `requires` (and, with --strict-recommendations, whose
    `recommends`) would not hold when they start if that step were left out."""
    catalog, order = state.catalog, solution.steps
    if not solution.stacks:
        return _needed_by_without_stacks(state, solution)
    stacks = [catalog.credentials[s] for s, _ in solution.stacks]
    out: list[tuple[CredentialId, ...]] = []
    for left_out in range(len(order)):
        levels = state.learner.copy()
        needs: list[CredentialId] = []
        for index, cid in enumerate(order):
            cred = catalog.credentials[cid]
            if index > left_out:
                binding = (*cred.requires, *cred.recommends) if state.strict else cred.requires
                if not all(holds(r, levels) for r in binding):
                    needs.append(cid)
            if index != left_out:
                levels.credentials.add(cid)
                levels.add_grants((g.skill, g.level) for g in cred.grants)
                for stack in stacks:  # a stack counts once its parts (without the one left out) are taken
                    if stack.id not in levels.credentials and stack.awarded_for is not None and holds(
                            stack.awarded_for, levels):
                        levels.credentials.add(stack.id)
                        levels.add_grants((g.skill, g.level) for g in stack.grants)
        out.append(tuple(needs))
    return out


class _Without(ReqState):
    """The learner just before step `before`, as if step `left_out` had not been taken (no stacks)."""

    def __init__(self, learner: ReqState, grants: dict[str, list[tuple[int, int]]], position: dict[str, int],
                 before: int, left_out: int) -> None:
        super().__init__(learner.skills, _CredentialsWithout(learner.credentials, position, before, left_out),
                         learner.experience, learner.any_experience, learner.education)
        self._grants, self._before, self._left_out = grants, before, left_out

    def level(self, skill: str) -> int:
        best = int(self.skills.get(skill, 0))
        for at, level in self._grants.get(skill, ()):
            if at >= self._before:
                break
            if at != self._left_out and level > best:
                best = level
        return best


class _CredentialsWithout(set[str]):
    """The credentials held at the start and taken before step `before`, but step `left_out`."""

    def __init__(self, held: set[str], position: dict[str, int], before: int, left_out: int) -> None:
        super().__init__()
        self._held, self._at, self._before, self._left_out = held, position, before, left_out

    def __contains__(self, cid: object) -> bool:
        at = self._at.get(cid)  # type: ignore[call-overload]
        return cid in self._held if at is None else at < self._before and at != self._left_out


def _needed_by_without_stacks(state: State, solution: PlanSolution) -> list[tuple[CredentialId, ...]]:
    """`_needed_by` for a pathway that earns no stack, without replaying it once per step: a later
    step's requirements can only change without a step that grants a skill they name or is a
    credential they name, so only those steps are left out (linear in a prerequisite chain)."""
    catalog, order = state.catalog, solution.steps
    creds = [catalog.credentials[cid] for cid in order]
    grants: dict[str, list[tuple[int, int]]] = {}  # skill -> (step, level), in step order
    for at, cred in enumerate(creds):
        for g in cred.grants:
            grants.setdefault(g.skill, []).append((at, int(g.level)))
    position: dict[str, int] = {cid: at for at, cid in enumerate(order)}
    start = state.learner
    out: list[list[CredentialId]] = [[] for _ in order]
    for later, cred in enumerate(creds):
        binding = (*cred.requires, *cred.recommends) if state.strict else cred.requires
        if not binding:
            continue
        if not all(holds(r, _Without(start, grants, position, later, -1)) for r in binding):
            for before in range(later):  # not met even with every step: each step "needs" it, as a replay says
                out[before].append(cred.id)
            continue
        suspects: set[int] = set()
        for atom in atoms(binding):
            if isinstance(atom, SkillReq):
                suspects.update(at for at, _ in grants.get(atom.skill, ()) if at < later)
            elif isinstance(atom, CredentialReq) and position.get(atom.credential, later) < later:
                suspects.add(position[atom.credential])
        for before in sorted(suspects):
            if not all(holds(r, _Without(start, grants, position, later, before)) for r in binding):
                out[before].append(cred.id)
    return [tuple(needs) for needs in out]


def _vouchers(state: State, solution: PlanSolution) -> list[tuple[CredentialId, ...]]:
    """For each step, the later steps whose discount it unlocks and that no earlier step unlocks."""
    creds = [state.catalog.credentials[cid] for cid in solution.steps]
    discounted = [(at, cred) for at, cred in enumerate(creds) if cred.discounts]  # only these can be lowered
    out: list[tuple[CredentialId, ...]] = []
    for index, cred in enumerate(creds):
        lowers = []
        for at, later in discounted:
            if at <= index:
                continue
            with_it = discount_percent(later, creds[:at])
            others = [c for c in creds[:at] if c.id != cred.id]
            if with_it > discount_percent(later, others) + 1e-9:
                lowers.append(later.id)
        out.append(tuple(lowers))
    return out


def _waived_text(req: object, levels: object, name: Callable[[str], str]) -> str:
    """'3 years of security experience (you have 0)', 'CompTIA Network+ or Networking Fundamentals at
    level 2 (you have level 1)', or the requirement in a few words."""
    if isinstance(req, AnyOf) and not any(isinstance(i, (AllOf, AnyOf, NOf)) for i in req.items):
        return " or ".join(_waived_text(i, levels, name) for i in req.items)  # 'CompTIA Network+ or ...'
    text = describe(req, name)  # type: ignore[arg-type]
    if isinstance(req, ExperienceReq):
        had = levels.experience.get(req.domain, 0.0)  # type: ignore[attr-defined]
        text += f" (you have {had:g})"
    elif isinstance(req, SkillReq):
        have = levels.level(req.skill)  # type: ignore[attr-defined]
        text += f" (you have level {have})" if have else " (you have none)"
    return text


def _why(state: State, gap: Gap, solution: PlanSolution, candidates: Candidates,
         attempt: Callable[[float | None, float | None], PlanSolution]) -> tuple[list[str], Binding | None]:
    """Reasons a full pathway does not exist, most specific first, and the limit that binds.

    `attempt(budget, max_hours)` plans again under looser limits, to find which one binds.
    """
    catalog = state.catalog
    reasons = []
    binding: Binding | None = None
    left_out = {e.credential: e.reason for e in candidates.excluded}
    for item in solution.open:
        granters = catalog.granters(item.skill, item.level)
        name = f"{catalog.skill_name(item.skill)} at level {item.level}"
        if not granters:
            reasons.append(f"no credential in the catalog grants {name}")
        elif all(g in left_out for g in granters):
            shown = "; ".join(f"{catalog.display_name(g)}: {left_out[g]}" for g in granters[:4])
            more = f" and {len(granters) - 4} more" if len(granters) > 4 else ""
            reasons.append(f"every credential that grants {name} was left out ({shown}{more})")
    budget, max_hours = state.budget, state.max_hours
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
            need = f"the cheapest full pathway costs {money(better.cost)} and takes {better.hours:g} h"
        limits = []
        if "budget" in name:
            limits.append(f"budget {money(budget or 0.0)}")
        if "deadline" in name:
            limits.append(f"{max_hours:.0f} h until the deadline")
        reasons.append(f"the {name} binds: {need} ({', '.join(limits)})")
        pace = None
        if max_hours is not None:
            weeks = max(max_hours / state.hours_per_week, 1e-9)
            pace = float(math.ceil(better.hours / weeks - 1e-9))
        binding = Binding(name, better.cost, better.hours, budget, max_hours, pace, reasons[-1])
        break
    essential = [e for e in gap.expected if e.importance == "essential" and e not in solution.expected_met]
    for expected in essential:
        because = _why_not(catalog, expected, left_out)
        reasons.append(f"an essential expected credential is out of reach: {describe(expected.requirement, catalog.display_name)}"
                       + (f" ({'; '.join(because)})" if because else ""))
    if not reasons:
        # what an advisor says when no credential pathway reaches a role people reach through work
        aims = " or ".join(f"{catalog.roles[a].name} ({a})" for a in _aims(state, state.profile.targets))
        reasons.append("the remaining gap skills are only granted by credentials whose prerequisites cannot be met"
                       + (f"; aim first for {aims}, the role before it" if aims else ""))
    return reasons, binding


def _why_not(catalog: Catalog, item: Expected, left_out: dict[CredentialId, str]) -> list[str]:
    return [f"{catalog.display_name(cid)}: {left_out[CredentialId(cid)]}" for cid in sorted(credentials_named([item.requirement]))
            if CredentialId(cid) in left_out]


def schedule(state: State, gap: Gap, candidates: Candidates, solution: PlanSolution,
             attempt: Callable[[float | None, float | None], PlanSolution] | None = None) -> Plan:
    """Step 4: the dated plan, with what each step closes and waives, and why when infeasible."""
    steps = dated(state, solution, gap)
    why: tuple[str, ...] = ()
    binding = None
    if not solution.feasible:
        reasons, binding = _why(state, gap, solution, candidates, attempt or (lambda b, h: solution))
        why = tuple(reasons)
    hours = sum(s.hours for s in steps)
    totals = Totals(round(sum(s.cost for s in steps), 2), round(hours, 2),
                    round(hours / state.hours_per_week, 1), len(steps))
    end = steps[-1].end if steps else state.start
    renew = tuple((h.id, h.expires) for h in held_status(state.catalog, state.profile, state.start)
                  if h.status != "expired" and h.expires is not None and h.expires <= end)
    c = state.profile.constraints
    met = tuple(e for e in gap.expected + gap.suggestions if e in solution.expected_met)
    missed = tuple(missed_reason(state, e, candidates) for e in gap.expected if e not in met)
    return Plan(state.profile.targets, gap.items, steps, totals, c.optimize, solution.optimal, solution.feasible,
                candidates.excluded, tuple(solution.open), why, state.start, state.budget, state.max_hours,
                state.hours_per_week, {g.skill: state.learner.level(g.skill) for g in gap.items}, renew,
                gap.expected, met, gap.suggestions, gap.gates, solution.near_ties, state.strict, binding, missed)


def missed_reason(state: State, item: Expected, candidates: Candidates) -> Missed:
    """Exactly why the pathway does not meet an expected credential.

    Each credential that would meet it and was left out gives its own reason (excluded
    by you, not from an issuer you chose, retired, experience or education it needs,
    more than the whole budget or time); when one could be taken, the budget and the
    deadline (whichever are set) kept it off the pathway with the rest of the gap.
    """
    catalog, learner = state.catalog, state.learner
    if not experience_allows(item.requirement, learner.experience, learner.education):
        why = (f"needs {describe(item.requirement, catalog.display_name)} (you have "
               f"{you_have([item.requirement], learner.experience, learner.education)}), which no credential can give")
        return Missed(item, why, next(iter(_aims(state, item.roles)), None))
    left_out = {e.credential: e.reason for e in candidates.excluded}
    named = sorted(credentials_named([item.requirement]))
    out = [cid for cid in named if cid in left_out]
    reasons = [left_out[CredentialId(cid)] if len(named) == 1 else f"{catalog.display_name(cid)}: {left_out[CredentialId(cid)]}"
               for cid in out]
    gated = any(cid in catalog.credentials and gate_block(state.credential(cid), learner) for cid in out)
    aim = next(iter(_aims(state, item.roles)), None) if gated else None
    if len(out) == len(named):
        return Missed(item, "; ".join(reasons), aim)
    limits = []
    if state.budget is not None:
        limits.append(f"your budget ({money(state.budget)})")
    if state.max_hours is not None:
        limits.append(f"the time to your deadline ({state.max_hours:.0f} h)")
    if limits:
        why = f"it does not fit {' and '.join(limits)} together with the skills the role requires"
    else:
        why = "no pathway meets it together with the skills the role requires"
    if reasons:
        why += "; left out: " + "; ".join(reasons)
    return Missed(item, why, aim)


def _aims(state: State, roles: Iterable[RoleId]) -> list[RoleId]:
    """The roles to aim for first, each once, in the order of `roles`: for each, the nearest on
    its `previous` ladder whose gates the learner meets (`aim_first`), where there is one."""
    aims = (aim_first(state.catalog, state.catalog.roles[rid], state.learner) for rid in roles)
    return [a for a in dict.fromkeys(aims) if a is not None]
