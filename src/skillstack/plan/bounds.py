"""Bounds that let the planner ignore credentials no optimal pathway can use.

For a weight (cost, hours, or 1 per credential):
- `lower(c)` never exceeds the total weight of any pathway that takes `c`:
  c's own weight plus, for its most demanding requirement, the cheapest way
  any provider could meet it (groups: all_of takes the max, any_of and n_of
  the min, since one credential may serve several items).
- `bundle_skill(skill, level)` is a real set of credentials, prerequisites
  included, that reaches the skill level (or None): the credentials that gave
  the lower bounds along the way. The union of such sets for the gap, once
  `feasible` confirms it can be ordered, is a pathway, so its weight is an
  upper bound on the optimum.

Granters of a skill are tried cheapest own weight first, and the search stops
at the first granter whose own weight alone is no better than the best found,
so a popular skill with hundreds of granters usually costs a few look-ups.

Assumptions: weights are non-negative; requirements are monotone (holding
more never hurts). A credential met again while its own bound is being
computed (a prerequisite cycle), or deeper than MAX_DEPTH, gets its own weight
as lower bound and no bundle, which keeps both bounds valid.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from skillstack.catalog import Catalog
from skillstack.model import (
    AllOf,
    AnyOf,
    Credential,
    CredentialReq,
    EducationReq,
    ExperienceReq,
    NOf,
    Requirement,
    SkillReq,
)
from skillstack.plan.order import Learner, reach
from skillstack.requirements import State, holds

Bundle = frozenset[str]
MAX_DEPTH = 40  # deeper prerequisite chains get the weakest valid bounds instead of more recursion


class Bounds:
    def __init__(self, catalog: Catalog, state: State, usable: Callable[[Credential], bool],
                 weight: Callable[[Credential], float],
                 lookup: Callable[[str], Credential] | None = None) -> None:
        self.catalog = catalog
        self.credential = lookup or catalog.credentials.__getitem__
        self.state = state
        self.usable = usable
        self.weight = weight
        self._lower: dict[str, float] = {}
        self._via: dict[str, tuple[str, ...]] = {}  # credential -> the credentials that meet its needs
        self._lower_skill: dict[tuple[str, int], float] = {}
        self._skill_via: dict[tuple[str, int], str] = {}
        self._sorted: dict[tuple[str, int], list[tuple[float, Credential]]] = {}
        self._bundles: dict[str, Bundle | None] = {}
        self._busy: set[str] = set()

    def own(self, cred: Credential) -> float:
        return 0.0 if cred.is_stack else self.weight(cred)

    # ---- lower bounds ----------------------------------------------------

    def lower(self, cred: Credential) -> float:
        if cred.id in self.state.credentials:
            return 0.0
        if cred.id in self._lower:
            return self._lower[cred.id]
        if cred.id in self._busy or len(self._busy) >= MAX_DEPTH:
            return self.own(cred)  # not memoised: valid here, perhaps too weak elsewhere
        if not self.usable(cred):
            return math.inf
        self._busy.add(cred.id)
        worst, via = 0.0, []
        for req in cred.needs:
            value, used = self._lower_req(req)
            worst = max(worst, value)
            via.extend(used)
        self._busy.discard(cred.id)
        self._lower[cred.id] = value = self.own(cred) + worst
        self._via[cred.id] = tuple(via)
        return value

    def lower_skill(self, skill: str, level: int) -> float:
        if self.state.level(skill) >= level:
            return 0.0
        key = (skill, level)
        if key in self._lower_skill:
            return self._lower_skill[key]
        self._lower_skill[key] = 0.0  # met again inside a prerequisite cycle: 0 stays a lower bound
        best, via = math.inf, None
        for own, cred in self._granters(skill, level):
            if own >= best:
                break  # its own weight alone is no better than the best so far
            value = self.lower(cred)
            if value < best:
                best, via = value, cred.id
        self._lower_skill[key] = best
        if via is not None:
            self._skill_via[key] = via
        return best

    def least_own(self, skill: str, level: int) -> float:
        """The least own weight of a usable credential granting `skill` at `level` (0 if held):
        any pathway reaching the level holds such a credential, whatever else it needs."""
        if self.state.level(skill) >= level:
            return 0.0
        return next((own for own, cred in self._granters(skill, level) if self.usable(cred)), math.inf)

    def _granters(self, skill: str, level: int) -> list[tuple[float, Credential]]:
        key = (skill, level)
        found = self._sorted.get(key)
        if found is None:
            creds = (self.credential(c) for c in self.catalog.granters(skill, level))
            found = self._sorted[key] = sorted(((self.own(c), c) for c in creds), key=lambda p: (p[0], p[1].id))
        return found

    def _lower_req(self, req: Requirement) -> tuple[float, list[str]]:
        """The lower bound of meeting `req`, and the credentials that give it."""
        if isinstance(req, SkillReq):
            if self.state.level(req.skill) >= req.level:
                return 0.0, []
            value = self.lower_skill(req.skill, int(req.level))
            return value, [self._skill_via.get((req.skill, int(req.level)), "")]  # "": none known, no bundle
        if isinstance(req, CredentialReq):
            if req.credential in self.state.credentials:
                return 0.0, []
            if req.credential not in self.catalog.credentials:
                return math.inf, []
            cred = self.credential(req.credential)
            return self.lower(cred), [cred.id]
        if isinstance(req, (ExperienceReq, EducationReq)):
            return (0.0, []) if holds(req, self.state) else (math.inf, [])
        options = sorted((self._lower_req(item) for item in req.items), key=lambda o: o[0])
        if isinstance(req, AllOf):
            return (options[-1][0] if options else 0.0), [c for _, used in options for c in used]
        if isinstance(req, AnyOf):
            need = 1
        else:
            assert isinstance(req, NOf)
            need = req.n
        if not 0 < need <= len(options):
            return math.inf, []
        return options[need - 1][0], [c for _, used in options[:need] for c in used]

    # ---- feasible bundles (upper bounds) ------------------------------------

    def total(self, bundle: Iterable[str]) -> float:
        return sum(self.own(self.credential(c)) for c in bundle)

    def bundle_req(self, req: Requirement) -> Bundle | None:
        """Credentials that together meet `req` (a requirement or a role's expected item): those
        that gave its lower bound; None when none is known."""
        if holds(req, self.state):
            return frozenset()
        value, used = self._lower_req(req)
        if value == math.inf:
            return None
        parts: set[str] = set()
        for cid in used:
            sub = self._bundle(cid, set()) if cid else None
            if sub is None:
                return None
            parts |= sub
        return frozenset(parts)

    def bundle_skill(self, skill: str, level: int) -> Bundle | None:
        """Credentials that together reach `skill` at `level`: those that gave its lower bound."""
        if self.state.level(skill) >= level:
            return frozenset()
        if self.lower_skill(skill, level) == math.inf or (skill, level) not in self._skill_via:
            return None
        return self._bundle(self._skill_via[(skill, level)], set())

    def _bundle(self, cid: str, visiting: set[str]) -> Bundle | None:
        if cid in self.state.credentials:
            return frozenset()
        if cid in self._bundles:
            return self._bundles[cid]
        if cid in visiting or cid not in self._via or self._lower[cid] == math.inf:
            # a cycle among the choices, a bound cut short, or a requirement nothing meets (an
            # experience or education gate, say: it names no credential in `_via`): no bundle
            return None
        visiting.add(cid)
        parts: set[str] = {cid}
        found: Bundle | None = None
        for used in self._via[cid]:
            sub = self._bundle(used, visiting)
            if sub is None:
                break
            parts |= sub
        else:
            found = frozenset(parts)
        visiting.discard(cid)
        self._bundles[cid] = found
        return found


class _Walker(Learner):
    def __init__(self, state: State) -> None:
        self.state = state

    def holds(self, req: Requirement) -> bool:
        return holds(req, self.state)

    def take(self, cred: Credential) -> list[str]:
        self.state.credentials.add(cred.id)
        return self.state.add_grants((g.skill, g.level) for g in cred.grants)


def feasible(catalog: Catalog, bundle: Iterable[str], state: State,
             lookup: Callable[[str], Credential] | None = None) -> bool:
    """Whether every credential of `bundle` can be taken in some order, starting from `state`
    (a worklist: linear in the length of prerequisite chains)."""
    return reached(catalog, bundle, state, lookup) is not None


def reached(catalog: Catalog, bundle: Iterable[str], state: State,
            lookup: Callable[[str], Credential] | None = None) -> State | None:
    """The learner after taking every credential of `bundle` in some order from `state`, or
    None when some order cannot take them all."""
    get = lookup or catalog.credentials.__getitem__
    pending = [get(c) for c in bundle if c not in state.credentials]
    walker = _Walker(state.copy())
    return walker.state if len(reach(walker, pending)) == len(pending) else None
