"""Bounds that let the planner ignore credentials no optimal pathway can use.

For a weight (cost, hours, or 1 per credential):
- `lower(c)` never exceeds the total weight of any pathway that takes `c`:
  c's own weight plus, for its most demanding requirement, the cheapest way
  any provider could meet it (groups: all_of takes the max, any_of and n_of
  the min, since one credential may serve several items).
- `bundle_for(skill, level)` is a real set of credentials, prerequisites
  included, that reaches the skill level: the union of such sets for the gap
  is a feasible pathway, so its weight is an upper bound on the optimum.

Assumptions: weights are non-negative; requirements are monotone (holding
more never hurts). A credential met again while its own bound is being
computed (a prerequisite cycle), or deeper than MAX_DEPTH, gets its own weight
as lower bound and no bundle, which keeps both bounds valid.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from skillstack.catalog import Catalog
from skillstack.model import AllOf, AnyOf, Credential, CredentialReq, ExperienceReq, NOf, Requirement, SkillReq
from skillstack.requirements import State

Bundle = frozenset[str]
MAX_DEPTH = 40  # deeper prerequisite chains get the weakest valid bounds instead of more recursion


class Bounds:
    def __init__(self, catalog: Catalog, state: State, usable: Callable[[Credential], bool],
                 weight: Callable[[Credential], float]) -> None:
        self.catalog = catalog
        self.state = state
        self.usable = usable
        self.weight = weight
        self._lower: dict[str, float] = {}
        self._lower_skill: dict[tuple[str, int], float] = {}
        self._bundles: dict[str, Bundle | None] = {}
        self._bundle_skill: dict[tuple[str, int], Bundle | None] = {}
        self._busy: set[str] = set()

    def _own(self, cred: Credential) -> float:
        return 0.0 if cred.is_stack else self.weight(cred)

    def _needs(self, cred: Credential) -> tuple[Requirement, ...]:
        return (cred.awarded_for,) if cred.awarded_for is not None else cred.requires

    # ---- lower bounds ----------------------------------------------------

    def lower(self, cred: Credential) -> float:
        if cred.id in self.state.credentials:
            return 0.0
        if cred.id in self._lower:
            return self._lower[cred.id]
        if cred.id in self._busy or len(self._busy) >= MAX_DEPTH:
            return self._own(cred)  # not memoised: valid here, perhaps too weak elsewhere
        if not self.usable(cred):
            return math.inf
        self._busy.add(cred.id)
        value = self._own(cred) + max((self._lower_req(r) for r in self._needs(cred)), default=0.0)
        self._busy.discard(cred.id)
        self._lower[cred.id] = value
        return value

    def lower_skill(self, skill: str, level: int) -> float:
        if self.state.level(skill) >= level:
            return 0.0
        key = (skill, level)
        if key not in self._lower_skill:
            self._lower_skill[key] = 0.0  # met again inside a prerequisite cycle: 0 stays a lower bound
            self._lower_skill[key] = min((self.lower(self.catalog.credentials[c])
                                          for c in self.catalog.granters(skill, level)), default=math.inf)
        return self._lower_skill[key]

    def _lower_req(self, req: Requirement) -> float:
        if isinstance(req, SkillReq):
            return self.lower_skill(req.skill, int(req.level))
        if isinstance(req, CredentialReq):
            cred = self.catalog.credentials.get(req.credential)
            return self.lower(cred) if cred is not None else math.inf
        if isinstance(req, ExperienceReq):
            return 0.0 if self.state.experience.get(req.domain, 0.0) >= req.years else math.inf
        values = sorted(self._lower_req(item) for item in req.items)
        if isinstance(req, AllOf):
            return values[-1] if values else 0.0
        if isinstance(req, AnyOf):
            return values[0] if values else math.inf
        assert isinstance(req, NOf)
        return values[req.n - 1] if 0 < req.n <= len(values) else math.inf

    # ---- feasible bundles (upper bounds) ------------------------------------

    def total(self, bundle: Bundle) -> float:
        return sum(self._own(self.catalog.credentials[c]) for c in bundle)

    def bundle(self, cred: Credential) -> Bundle | None:
        if cred.id in self.state.credentials:
            return frozenset()
        if cred.id in self._bundles:
            return self._bundles[cred.id]
        if cred.id in self._busy or len(self._busy) >= MAX_DEPTH or not self.usable(cred):
            return None
        self._busy.add(cred.id)
        parts: set[str] = {cred.id}
        found: Bundle | None = None
        for req in self._needs(cred):
            sub = self._bundle_req(req)
            if sub is None:
                break
            parts |= sub
        else:
            found = frozenset(parts)
        self._busy.discard(cred.id)
        self._bundles[cred.id] = found
        return found

    def bundle_skill(self, skill: str, level: int) -> Bundle | None:
        if self.state.level(skill) >= level:
            return frozenset()
        key = (skill, level)
        if key not in self._bundle_skill:
            self._bundle_skill[key] = None
            options = [b for c in self.catalog.granters(skill, level)
                       if (b := self.bundle(self.catalog.credentials[c])) is not None]
            self._bundle_skill[key] = min(options, key=lambda b: (self.total(b), sorted(b)), default=None)
        return self._bundle_skill[key]

    def _bundle_req(self, req: Requirement) -> Bundle | None:
        if isinstance(req, SkillReq):
            return self.bundle_skill(req.skill, int(req.level))
        if isinstance(req, CredentialReq):
            cred = self.catalog.credentials.get(req.credential)
            return self.bundle(cred) if cred is not None else None
        if isinstance(req, ExperienceReq):
            return frozenset() if self.state.experience.get(req.domain, 0.0) >= req.years else None
        options = [b for item in req.items if (b := self._bundle_req(item)) is not None]
        if isinstance(req, AllOf):
            if len(options) < len(req.items):
                return None
            return frozenset().union(*options)
        need = 1 if isinstance(req, AnyOf) else req.n
        if len(options) < need:
            return None
        options.sort(key=lambda b: (self.total(b), sorted(b)))
        return frozenset().union(*options[:need])
