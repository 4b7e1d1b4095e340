"""Which roles is a learner closest to: every role's audit and optimal plan, ranked.

Roles rank by readiness (highest first), then by the cost of the optimal plan
to reach them (a role with no feasible plan last), then by id, so the order is
stable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from skillstack.audit import Audit, audit
from skillstack.catalog import Catalog
from skillstack.model import Profile, RoleId
from skillstack.plan.service import Plan, plan


@dataclass(frozen=True)
class RoleRanking:
    audit: Audit  # every role's worksheet, in rank order
    plans: dict[RoleId, Plan]  # the optimal plan to each role


def rank_roles(catalog: Catalog, profile: Profile, on: date) -> RoleRanking:
    """Every role's worksheet and plan, closest role first.

    >>> ranking = rank_roles(catalog, profile, date(2026, 12, 1))
    >>> len(ranking.audit.roles) == len(catalog.roles) == len(ranking.plans)
    True
    """
    worksheets = audit(catalog, profile, on, all_roles=True)
    plans = {r.role: plan(catalog, replace(profile, targets=(r.role,)), on) for r in worksheets.roles}

    def rank(role: RoleId, readiness: float) -> tuple[float, float, str]:
        found = plans[role]
        return (-readiness, found.totals.cost if found.feasible else float("inf"), role)

    ordered = tuple(sorted(worksheets.roles, key=lambda r: rank(r.role, r.readiness)))
    return RoleRanking(replace(worksheets, roles=ordered), plans)
