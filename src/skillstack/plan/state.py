"""The one state every planning step reads: catalog, profile, the learner at the start, limits.

`start_state(catalog, profile, today)` builds it once; the four steps of the
pipeline take it (and the earlier steps' results) and return one result each:

    gap(state) -> Gap
    candidates(state, gap) -> Candidates
    solve(state, gap, candidates) -> Solution
    schedule(state, gap, candidates, solution) -> Plan

`credential(id)` is how every step reads a credential: with
`strict_recommendations`, a credential's `recommends` are added to its `requires`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from skillstack.catalog import Catalog, normalize
from skillstack.holdings import learner_state
from skillstack.model import Credential, Profile
from skillstack.requirements import State as Holdings


@dataclass(frozen=True)
class State:
    catalog: Catalog
    profile: Profile
    start: date
    learner: Holdings  # skills, credentials, experience and education on the start day
    budget: float | None
    max_hours: float | None  # hours until the deadline (and any extra cap)
    late: Mapping[str, str] = field(default_factory=dict)  # retiring credentials a step would end too late for
    _strict: dict[str, Credential] = field(default_factory=dict, compare=False, repr=False)

    @property
    def objective(self) -> str:
        return self.profile.constraints.optimize

    @property
    def hours_per_week(self) -> float:
        return self.profile.constraints.hours_per_week

    @property
    def strict(self) -> bool:
        return self.profile.constraints.strict_recommendations

    def credential(self, cid: str) -> Credential:
        cred = self.catalog.credentials[cid]
        if not self.strict or not cred.recommends:
            return cred
        if cid not in self._strict:
            self._strict[cid] = replace(cred, requires=cred.requires + cred.recommends, recommends=())
        return self._strict[cid]

    def issuer_allowed(self, cred: Credential) -> bool:
        """`--issuer`: only credentials of these issuers (or providers) may be planned."""
        only = self.profile.constraints.issuers
        return not only or normalize(cred.issuer) in only or (bool(cred.provider) and normalize(cred.provider) in only)

    def without(self, late: Mapping[str, str]) -> State:
        """The same state with more credentials ruled out because their step would end after they retire."""
        return replace(self, late={**self.late, **late})

    def limited(self, budget: float | None, max_hours: float | None) -> State:
        """The same state under other limits (to find which constraint binds)."""
        return replace(self, budget=budget, max_hours=max_hours)


def max_hours_until(profile: Profile, start: date) -> float | None:
    deadline = profile.constraints.deadline
    if deadline is None:
        return None
    days = (deadline - start).days + 1
    return max(days, 0) / 7 * profile.constraints.hours_per_week


def start_state(catalog: Catalog, profile: Profile, today: date, hours_cap: float | None = None) -> State:
    """The planning state for `profile` starting on its `start` (or `today`); `hours_cap`
    limits total hours besides the deadline."""
    start = profile.constraints.start or today
    max_hours = max_hours_until(profile, start)
    if hours_cap is not None:
        max_hours = hours_cap if max_hours is None else min(max_hours, hours_cap)
    return State(catalog, profile, start, learner_state(catalog, profile, start), profile.constraints.budget, max_hours)
