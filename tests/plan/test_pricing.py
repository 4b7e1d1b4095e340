"""Subscription and discount pricing: the pure rules the solver and the oracle share."""

from __future__ import annotations

import pytest

from skillstack.model import Cost, Credential, CredentialId, Discount, SourceRef, Subscription
from skillstack.plan.pricing import WEEKS_PER_MONTH, months, pathway_cost, step_costs, subscription_cost

WHERE = SourceRef("t.yaml")


def cred(ident: str, amount: float = 0.0, hours: float = 10.0, monthly: float | None = None,
         provider: str = "coursera", issuer: str = "X", discounts: tuple[Discount, ...] = ()) -> Credential:
    sub = Subscription(monthly, provider) if monthly is not None else None
    return Credential(CredentialId(ident), ident, issuer, "course", WHERE, cost=Cost(amount, subscription=sub),
                      hours=hours, discounts=discounts)


def test_months_follow_the_learners_pace() -> None:
    month = 10 * WEEKS_PER_MONTH  # 43.3 h at 10 h/week
    assert months(0, 10) == 0
    assert months(1, 10) == 1
    assert months(month, 10) == 1
    assert months(month + 0.5, 10) == 2
    assert months(100, 5) == 5  # 21.7 h a month


def test_one_provider_shares_one_subscription() -> None:
    a, b = cred("a", hours=30, monthly=49), cred("b", hours=30, monthly=49)
    assert subscription_cost([a], 10) == 49
    assert subscription_cost([a, b], 10) == 98  # 60 h at 43.3 h a month: 2 months
    assert subscription_cost([a, b], 20) == 49  # 60 h in one 86.7 h month
    assert subscription_cost([a], 20) + subscription_cost([b], 20) == 98


def test_other_providers_and_prices_pay_their_own() -> None:
    a, b = cred("a", hours=20, monthly=49), cred("b", hours=20, monthly=49, provider="edx")
    c = cred("c", hours=20, monthly=59)
    assert subscription_cost([a, b, c], 10) == 49 + 49 + 59


def test_discount_needs_the_condition_earlier_in_the_pathway() -> None:
    voucher = Discount(50, after_issuer="Amazon Web Services")
    first = cred("first", amount=100, issuer="Amazon Web Services")
    second = cred("second", amount=150, issuer="Amazon Web Services", discounts=(voucher,))
    assert pathway_cost([first, second], 10) == 175
    assert pathway_cost([second, first], 10) == 250
    assert step_costs([first, second], 10) == [100, 75]


def test_only_the_best_discount_counts_and_never_from_itself() -> None:
    d = (Discount(20, after_issuer="X"), Discount(50, after_credential=CredentialId("b")))
    a = cred("a", amount=200, discounts=d)
    b = cred("b", amount=0)
    assert pathway_cost([a], 10) == 200  # a is issued by X, but its own pass is no voucher
    assert pathway_cost([b, a], 10) == 100


@pytest.mark.parametrize("pace", [3, 10, 25])
def test_step_costs_add_up_to_the_pathway(pace: float) -> None:
    steps = [cred("a", hours=17, monthly=49), cred("b", amount=99), cred("c", hours=45, monthly=49),
             cred("d", hours=8, monthly=39, provider="edx")]
    assert sum(step_costs(steps, pace)) == pytest.approx(pathway_cost(steps, pace))
    assert pathway_cost(steps, pace) == 99 + subscription_cost(steps, pace)
