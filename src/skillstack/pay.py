"""What a pathway is worth: the target role's pay against what the learner earns now.

Pure: a catalog, a plan and the profile's `current_salary` in, one `Pay` per target role out.
The reporters show the figures with the salary's source beside them.

>>> from skillstack.model import CurrentSalary
>>> from skillstack.plan.service import plan
>>> [(p.role, p.gain > 0, p.payback_days is not None) for p in
...  pay(catalog, plan(catalog, profile, date(2026, 12, 1)), CurrentSalary(52000, source="payslip"))]
[('data-analyst', True, True)]
"""

from __future__ import annotations

from dataclasses import dataclass

from skillstack.catalog import Catalog
from skillstack.model import CurrentSalary, RoleId, Salary
from skillstack.plan.service import Plan


@dataclass(frozen=True)
class Pay:
    role: RoleId
    salary: Salary | None  # the role's median pay and its source; None when the catalog has none
    current: CurrentSalary | None  # what the learner earns now; None when the profile does not say
    gain: float | None  # a year, at the role's median; None when there is nothing to compare
    cost: float | None  # the pathway's cost; None when no pathway reaches the role
    payback_days: int | None  # days of the gain that pay back the cost; None without a gain or a cost
    note: str = ""  # why there is no comparison, when there is none


def pay(catalog: Catalog, plan: Plan, current: CurrentSalary | None) -> tuple[Pay, ...]:
    """The pay of each of the plan's target roles, against `current` and the pathway's cost."""
    cost = plan.totals.cost if plan.feasible else None
    return tuple(role_pay(catalog, rid, current, cost) for rid in plan.roles)


def role_pay(catalog: Catalog, rid: RoleId, current: CurrentSalary | None, cost: float | None) -> Pay:
    """One role's pay against `current`, and the payback time of `cost` (None: no pathway priced)."""
    salary = catalog.roles[rid].salary
    gain: float | None = None
    note = ""
    if salary is None:
        note = "the catalog gives no pay for this role"
    elif current is None:
        note = "the profile gives no current_salary"
    elif current.currency != salary.currency:
        note = f"current pay is in {current.currency}, the role's in {salary.currency}"
    else:
        gain = round(salary.median - current.amount, 2)
    days = round(cost / gain * 365) if gain is not None and gain > 0 and cost else None
    return Pay(rid, salary, current, gain, cost, days, note)


def payback_words(days: int) -> str:
    """'12 days', '5 months', '2.5 years'.

    >>> payback_words(12), payback_words(150), payback_words(900)
    ('12 days', '5 months', '2.5 years')
    """
    if days < 60:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 730:
        return f"{days / 30.4:.0f} months"
    return f"{days / 365:.1f} years"
