"""What a pathway costs when prices depend on pace and order.

- A one-off `cost.amount` is paid once per credential.
- A `cost.subscription` ({monthly, provider}) is paid for the months the learner
  studies with that provider. Credentials of one provider (at one monthly price)
  studied back to back share one subscription: the months are the hours spent
  with the provider divided by a month of study at the learner's pace
  (hours per week x 52/12 weeks), rounded up.
- A discount (`percent` off the one-off amount) applies when a credential that
  meets its condition comes earlier in the pathway; only the best discount of a
  credential counts. Credentials held before the pathway do not trigger one.
- Retake fees and optional training are never added.

Pure functions, shared by the solver's reporting, the schedule and the tests'
brute-force oracle.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from skillstack.model import Credential

WEEKS_PER_MONTH = 52 / 12
_EPS = 1e-9

SubscriptionKey = tuple[str, float]  # (provider, monthly price)


def subscription_key(cred: Credential) -> SubscriptionKey | None:
    sub = cred.cost.subscription
    return (sub.provider, sub.monthly) if sub is not None else None


def month_hours(hours_per_week: float) -> float:
    """Hours of study in one month at the learner's pace."""
    return hours_per_week * WEEKS_PER_MONTH


def months(hours: float, hours_per_week: float) -> int:
    """Whole months of subscription needed to study `hours` at `hours_per_week`."""
    if hours <= _EPS:
        return 0
    return max(1, math.ceil(hours / month_hours(hours_per_week) - _EPS))


def subscription_cost(creds: Iterable[Credential], hours_per_week: float) -> float:
    """The subscriptions of a set of credentials: per provider and price, months x monthly."""
    hours: dict[SubscriptionKey, float] = {}
    for cred in creds:
        key = subscription_key(cred)
        if key is not None:
            hours[key] = hours.get(key, 0.0) + cred.hours
    return sum(monthly * months(h, hours_per_week) for (_, monthly), h in hours.items())


def discount_percent(cred: Credential, earlier: Iterable[Credential]) -> float:
    """The best discount `cred` gets from credentials taken before it."""
    if not cred.discounts:
        return 0.0
    before = list(earlier)
    return max((d.percent for d in cred.discounts if any(d.met_by(e) for e in before if e.id != cred.id)),
               default=0.0)


def one_off(cred: Credential, earlier: Iterable[Credential]) -> float:
    """The one-off amount after the best discount the earlier credentials unlock."""
    return cred.cost.amount * (1.0 - discount_percent(cred, earlier) / 100.0)


def step_costs(steps: Sequence[Credential], hours_per_week: float) -> list[float]:
    """The cost of each step in order: its one-off amount after discounts, plus the
    subscription months it adds to what earlier steps of the same provider paid."""
    out = []
    hours: dict[SubscriptionKey, float] = {}
    for n, cred in enumerate(steps):
        cost = one_off(cred, steps[:n])
        key = subscription_key(cred)
        if key is not None:
            before = hours.get(key, 0.0)
            hours[key] = before + cred.hours
            cost += key[1] * (months(hours[key], hours_per_week) - months(before, hours_per_week))
        out.append(round(cost, 2))
    return out


def pathway_cost(steps: Sequence[Credential], hours_per_week: float) -> float:
    """The whole pathway, in the order given."""
    return round(sum(step_costs(steps, hours_per_week)), 2)


def list_price(cred: Credential, hours_per_week: float) -> float:
    """What a credential costs on its own (no discount, its own subscription months)."""
    return cred.cost.amount + subscription_cost([cred], hours_per_week)


def max_discount(cred: Credential) -> float:
    return max((d.percent for d in cred.discounts), default=0.0)


def fixed_price(cred: Credential) -> bool:
    """Whether a credential always costs its one-off amount (no subscription, no discount)."""
    return cred.cost.subscription is None and not cred.discounts


def lower_price(cred: Credential, hours_per_week: float) -> float:
    """A lower bound of what a credential adds to any pathway's cost: its best discount,
    and its share of a subscription in fractional months. Sums over a pathway bound its cost."""
    price = cred.cost.amount * (1.0 - max_discount(cred) / 100.0)
    sub = cred.cost.subscription
    if sub is not None:
        price += sub.monthly * cred.hours / month_hours(hours_per_week)
    return price


def upper_price(cred: Credential, hours_per_week: float) -> float:
    """An upper bound of what a credential adds to any pathway: no discount, its own whole months."""
    return list_price(cred, hours_per_week)


def least_total(cred: Credential, hours_per_week: float) -> float:
    """The least any pathway that takes `cred` can cost: its best discount and the whole
    months its own hours need."""
    return cred.cost.amount * (1.0 - max_discount(cred) / 100.0) + subscription_cost([cred], hours_per_week)


def upper_total(creds: Iterable[Credential], hours_per_week: float) -> float:
    """What a set of credentials costs at most, in any order: no discounts, shared subscriptions."""
    taken = list(creds)
    return sum(c.cost.amount for c in taken) + subscription_cost(taken, hours_per_week)
