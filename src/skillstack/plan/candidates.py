"""Step 2 of planning: the credentials that can matter, and why the others were left out.

Starting from the gap (skills at levels, and the credentials roles expect), a
worklist adds every credential granting a wanted (skill, level) and every
credential wanted by id (credential requirements, expected credentials, a
stack's parts); the unmet requirements of a credential kept become wanted in
turn. Each credential is looked at again only when a new threshold it meets
becomes wanted, so a prerequisite chain of n links costs O(n).

Left out, each with its reason as a value (`Excluded`): excluded by the learner,
not from an `--issuer` given, experience or education it needs and the learner
lacks (neither can be earned by a plan), more than the whole budget or the time
to the deadline on its own or with its cheapest prerequisites. Dropped silently:
a credential another kept one dominates (meets every wanted threshold it meets,
costs no more, takes no more hours, and can stand where it stands), and one whose
lower bound on the objective exceeds a known feasible pathway's value (one closing
the gap and meeting every essential and important expected credential). That
lower bound is the credential's own weight plus the more of: what its
prerequisites need at least, and the least own weight of a granter of the gap item
it does not close whose granters weigh the most.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from skillstack.lifecycle import unavailable_reason
from skillstack.model import Credential, CredentialId, CredentialReq, SkillReq
from skillstack.money import money
from skillstack.plan.bounds import Bounds, reached
from skillstack.plan.gap import Gap
from skillstack.plan.pricing import (
    fixed_price,
    least_total,
    lower_price,
    max_discount,
    month_hours,
    subscription_key,
    upper_price,
    upper_total,
)
from skillstack.plan.problem import NEAR
from skillstack.plan.state import State
from skillstack.requirements import State as Holdings
from skillstack.requirements import all_hold, atoms, credentials_named, describe, experience_allows, holds, you_have


@dataclass(frozen=True)
class Excluded:
    credential: CredentialId
    reason: str


@dataclass(frozen=True)
class Candidates:
    takeable: tuple[Credential, ...]
    stacks: tuple[Credential, ...]
    excluded: tuple[Excluded, ...]


WEIGHTS: dict[str, Callable[[Credential], float]] = {
    "cost": lambda c: c.cost.amount, "hours": lambda c: c.hours, "count": lambda c: 1.0}


def weights(state: State) -> dict[str, Callable[[Credential], float]]:
    """Per-credential weights whose sums bound a pathway from below: a subscription counts its
    fractional months at the learner's pace, a discount its best percent."""
    pace = state.hours_per_week
    return {**WEIGHTS, "cost": lambda c: lower_price(c, pace)}

_Price = tuple[object, float, float]  # a kept credential's (subscription key, one-off amount, full price)
_Kept = dict[tuple[object, tuple[str, int]],
             list[tuple[float, frozenset[tuple[str, int]], frozenset[object], _Price]]]


def exclusion(state: State, cred: Credential) -> str:
    """Why `cred` can never be on this learner's pathway, or ''."""
    c = state.profile.constraints
    if cred.id in c.exclude:
        return "excluded by you"
    lifecycle = state.late.get(cred.id) or unavailable_reason(state.catalog, cred, state.start, state.hours_per_week)
    if lifecycle:
        return lifecycle
    if not state.issuer_allowed(cred) and not cred.is_stack:
        return f"not from an issuer you chose ({cred.issuer})"
    if cred.is_stack:
        return ""
    reason = gate_block(cred, state.learner, state.catalog.display_name)
    if reason:
        return reason
    least = least_total(cred, state.hours_per_week)
    if state.budget is not None and least > state.budget + 1e-9:
        return f"costs {money(least)}, more than the whole budget ({money(state.budget)})"
    if state.max_hours is not None and cred.hours > state.max_hours + 1e-9:
        return f"needs {cred.hours:g} h, more than the time to the deadline ({state.max_hours:.0f} h)"
    return ""


def gate_block(cred: Credential, learner: Holdings, name: Callable[[str], str] | None = None) -> str:
    """Why experience or education alone keeps a credential out of reach, or ''.

    `name` shows a credential or skill the requirement names (default: its id); the
    planner passes the catalog's names, since the reason reaches client reports."""
    unmet = [req for req in cred.requires if not experience_allows(req, learner.experience, learner.education)]
    if not unmet:
        return ""
    return f"needs {'; '.join(describe(r, name) for r in unmet)} (you have {you_have(unmet, learner.experience, learner.education)})"


class _Screen:
    """Exclusion reasons, computed once per credential (values, read back by the step)."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.reasons: dict[str, str] = {}

    def usable(self, cred: Credential) -> bool:
        if cred.id in self.state.learner.credentials:
            return False
        if cred.id not in self.reasons:
            self.reasons[cred.id] = exclusion(self.state, cred)
        return not self.reasons[cred.id]


class _Worth:
    """Bounds: whether some optimal pathway could take a credential; a reason when the budget
    or deadline rules it out with its cheapest prerequisites, '' when merely not worth it."""

    def __init__(self, state: State, gap: Gap, screen: _Screen) -> None:
        self.state = state
        self.screen = screen
        c = state.profile.constraints
        lookup = state.credential
        self.cost = Bounds(state.catalog, state.learner, screen.usable, weights(state)["cost"], lookup)
        self.hours = Bounds(state.catalog, state.learner, screen.usable, WEIGHTS["hours"], lookup)
        self.objective = {"cost": self.cost, "hours": self.hours}.get(c.optimize) or Bounds(
            state.catalog, state.learner, screen.usable, WEIGHTS["count"], lookup)
        self.limit = self._known_pathway(gap)
        # keep what a near tie (at most NEAR worse than the known pathway) could take
        self.slack = (NEAR * self.limit + 1e-6 * max(1.0, self.limit)) if self.limit < math.inf else 0.0
        # every pathway closes each gap item: a credential that does not close one comes with
        # another that does (only used once a pathway is known)
        self.needs: list[tuple[float, str, int]] = []
        if self.limit < math.inf:
            self.needs = sorted(((self.objective.least_own(g.skill, int(g.level)), g.skill, int(g.level))
                                 for g in gap.items), reverse=True)

    def _known_pathway(self, gap: Gap) -> float:
        """The objective's value of a pathway known to close the whole gap and meet every
        essential and important expected credential within the budget and deadline (so it is
        at least the optimum's, whose expected stage comes first), or inf."""
        state = self.state
        for bounds in dict.fromkeys((self.objective, self.cost, self.hours)):  # the objective's own choices first
            bundles = [bounds.bundle_skill(g.skill, int(g.level)) for g in gap.items]
            bundles += [bounds.bundle_req(e.requirement) for e in gap.expected]
            if any(b is None for b in bundles):
                continue
            union = frozenset().union(*bundles)  # type: ignore[arg-type]
            # a known pathway's value must bound the optimum from above: price it in full
            price = upper_total((state.credential(cid) for cid in union), state.hours_per_week)
            if ((state.budget is not None and price > state.budget + 1e-9)
                    or (state.max_hours is not None and self.hours.total(union) > state.max_hours + 1e-9)):
                continue
            end = reached(state.catalog, union, state.learner, state.credential)
            if (end is not None and all(end.level(g.skill) >= g.level for g in gap.items)
                    and all(holds(e.requirement, end) for e in gap.expected)):
                return price if self.objective is self.cost else self.objective.total(union)
        return math.inf

    def floor(self, cred: Credential) -> float:
        """A lower bound on the objective of any pathway (closing the whole gap) that takes `cred`:
        its own bound, or its own weight plus the least own weight of a granter of the gap item
        it does not close whose granters weigh the most (never a prerequisite's bound: that
        prerequisite could be `cred` itself)."""
        bound = self.objective.lower(cred)
        for need, skill, level in self.needs:
            if need <= bound - self.objective.own(cred):
                break
            if not any(g.skill == skill and g.level >= level for g in cred.grants):
                return self.objective.own(cred) + need
        return bound

    def _out_of_reach(self, cred: Credential) -> str:
        """'its prerequisites cannot be met: needs any of (2 years of project management experience,
        PMP) (you have 1 year of project management; PMP is out of reach too)'."""
        learner, name = self.state.learner, self.state.catalog.display_name
        unmet = [r for r in cred.requires if self.cost.bundle_req(r) is None]
        if not unmet:
            return "its prerequisites cannot be met (they need experience you lack, or nothing usable grants them)"
        have = you_have(unmet, learner.experience, learner.education)
        notes = [f"you have {have}"] if have else []
        notes += [f"{name(cid)} is out of reach too" for cid in sorted(credentials_named(unmet))
                  if cid not in self.state.catalog.credentials or self.screen.reasons.get(cid)
                  or self.cost.lower(self.state.credential(cid)) == math.inf]
        shown = "; ".join(notes)
        return (f"its prerequisites cannot be met: needs {'; '.join(describe(r, name) for r in unmet)}"
                + (f" ({shown})" if shown else ""))

    def verdict(self, cred: Credential) -> str | None:
        """None: keep; '': drop (no optimal pathway takes it); text: excluded for that reason."""
        budget, max_hours = self.state.budget, self.state.max_hours
        if self.cost.lower(cred) == math.inf:
            return self._out_of_reach(cred)
        if budget is not None and self.cost.lower(cred) > budget + 1e-9:
            return (f"with its prerequisites it costs at least {money(self.cost.lower(cred))}, "
                    f"more than the budget ({money(budget)})")
        if max_hours is not None and self.hours.lower(cred) > max_hours + 1e-9:
            return (f"with its prerequisites it needs at least {self.hours.lower(cred):g} h, "
                    f"more than the time to the deadline ({max_hours:.0f} h)")
        return None if self.floor(cred) <= self.limit + self.slack else ""


def _signature(cred: Credential, wanted: dict[str, set[int]]) -> frozenset[tuple[str, int]]:
    """The wanted (skill, level) thresholds a credential meets."""
    out = set()
    for grant in cred.grants:
        for level in wanted.get(grant.skill, ()):
            if level <= grant.level:
                out.add((grant.skill, level))
    return frozenset(out)


def _dominated(signature: frozenset[tuple[str, int]], hours: float, advice: frozenset[object], kept: _Kept,
               groups: set[object], cheaper: Callable[[_Price], bool] = lambda _p: True) -> bool:
    """Whether a kept credential of one of `groups` (all cheaper or as cheap, or as cheap and
    as fast with a smaller id) meets every threshold of `signature` in no more `hours`, and
    recommends nothing more (so it never waives more). `cheaper` says whether a rival's price
    never adds more than this credential's (needed when prices depend on pace or order)."""
    for group in groups:
        rivals = min((kept.get((group, t), []) for t in signature), key=len)
        if any(h <= hours and signature <= other and recs <= advice and cheaper(price)
               for h, other, recs, price in rivals):
            return True
    return False


def _cheaper_than(cred: Credential, pace: float) -> Callable[[_Price], bool]:
    """Which kept rivals can replace `cred` without raising any pathway's cost.

    A fixed-price credential: a rival whose full price is no higher. Otherwise a rival must cost no more than the least `cred` can add (its best discount and
    the whole months its own hours surely add), or share its subscription with no higher
    one-off amount (it has no more hours, so never more months)."""
    if fixed_price(cred):
        return lambda p: p[2] <= cred.cost.amount + 1e-9
    sub = subscription_key(cred)
    one_off = cred.cost.amount * (1.0 - max_discount(cred) / 100.0)
    least = one_off + (sub[1] * math.floor(cred.hours / month_hours(pace) + 1e-9) if sub else 0.0)
    return lambda p: p[2] <= least + 1e-9 or (sub is not None and p[0] == sub and p[1] <= one_off + 1e-9)


class _Vouchers:
    """Discount conditions of the kept credentials, and the credentials dropped as dominated
    that could meet one (a dominated credential is looked at again when it could)."""

    def __init__(self) -> None:
        self.issuers: set[str] = set()
        self.ids: set[str] = set()
        self.dropped: list[str] = []
        self.by_id: dict[str, Credential] = {}

    def unlock(self, cred: Credential) -> bool:
        self.by_id[cred.id] = cred
        return cred.issuer in self.issuers or cred.id in self.ids

    def keep(self, cred: Credential) -> list[str]:
        """Note `cred`'s discount conditions; the dropped credentials that now meet one."""
        if not cred.discounts:
            return []
        for d in cred.discounts:
            if d.after_credential is not None:
                self.ids.add(d.after_credential)
            else:
                self.issuers.add(d.after_issuer)
        back = [cid for cid in self.dropped if self.unlock(self.by_id[cid])]
        self.dropped = [cid for cid in self.dropped if cid not in back]
        return back


def candidates(state: State, gap: Gap) -> Candidates:
    """Step 2: the credentials that can matter for `gap`, the stacks they may complete, and
    every credential left out with its reason."""
    catalog, learner = state.catalog, state.learner
    screen = _Screen(state)
    worth = _Worth(state, gap, screen)
    vouchers = _Vouchers()
    verdicts: dict[str, str | None] = {}
    wanted: dict[str, set[int]] = {}
    named: set[str] = set()
    kept_index: _Kept = {}
    kept: dict[str, Credential] = {}
    stacks_seen: set[str] = set()
    todo: set[str] = set()  # credentials to (re)consider: new, or meeting a newly wanted threshold

    def want(skill: str, level: int) -> None:
        if learner.level(skill) >= level or level in wanted.get(skill, ()):
            return
        wanted.setdefault(skill, set()).add(level)
        for cid in catalog.granters(skill, level):
            todo.add(cid)

    def name(cid: str) -> None:
        if cid in named or cid in learner.credentials or cid not in catalog.credentials:
            return
        named.add(cid)
        todo.add(cid)
        stack = catalog.credentials[cid]
        if stack.awarded_for is not None:
            for part in credentials_named([stack.awarded_for]):
                name(part)

    def need(reqs: Iterable[object]) -> None:
        for atom in atoms(reqs):  # type: ignore[arg-type]
            if isinstance(atom, SkillReq):
                want(atom.skill, int(atom.level))
            elif isinstance(atom, CredentialReq):
                name(atom.credential)

    for item in gap.items:
        want(item.skill, int(item.level))
    for expected in gap.expected + gap.suggestions:
        need([expected.requirement])
    while todo:
        batch = sorted((state.credential(cid) for cid in todo),
                       key=lambda c: (upper_price(c, state.hours_per_week), c.hours, c.id))
        todo = set()
        for cred in batch:
            if cred.is_stack:
                if cred.id not in stacks_seen and screen.usable(cred):
                    stacks_seen.add(cred.id)
                    name(cred.id)
                continue
            if not screen.usable(cred):
                continue
            signature = _signature(cred, wanted)
            if not signature and cred.id not in named:
                continue  # helps with nothing wanted
            group = () if all_hold(cred.requires, learner) else cred.requires
            if cred.id not in kept:
                # only a credential whose price is fixed can be swapped for a cheaper rival; one
                # that may unlock a kept credential's discount stays (and is looked at again below)
                dominable = not vouchers.unlock(cred)
                if cred.id not in named and dominable and _dominated(
                        signature, cred.hours, frozenset(cred.recommends), kept_index, {(), group},
                        _cheaper_than(cred, state.hours_per_week)):
                    vouchers.dropped.append(cred.id)
                    continue
                if cred.id not in verdicts:
                    verdicts[cred.id] = worth.verdict(cred)
                if verdicts[cred.id] is not None:
                    continue
                kept[cred.id] = cred
                need(cred.requires)
                todo.update(vouchers.keep(cred))
            price = (subscription_key(cred), cred.cost.amount, upper_price(cred, state.hours_per_week))
            for threshold in signature:
                kept_index.setdefault((group, threshold), []).append(
                    (cred.hours, signature, frozenset(cred.recommends), price))
    have = set(kept) | learner.credentials
    stacks = []
    for stack in catalog.stacks_using(have | named):
        if stack.id in learner.credentials or not screen.usable(stack):
            continue
        if credentials_named(stack.needs) & (have | named):
            stacks.append(stack)  # the solver decides whether its parts can be completed
    reasons = {**{k: v for k, v in verdicts.items() if v}, **{k: v for k, v in screen.reasons.items() if v}}
    excluded = tuple(Excluded(CredentialId(cid), why) for cid, why in sorted(reasons.items()))
    return Candidates(tuple(sorted(kept.values(), key=lambda c: c.id)),
                      tuple(sorted(stacks, key=lambda c: c.id)), excluded)
