"""The solver against the brute-force oracle when prices depend on pace and order:
shared subscriptions (one per provider and monthly price) and vouchers (a discount
after a credential of an issuer, or a named credential, earlier in the pathway)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillstack.model import Cost, CredentialId, Discount, Subscription
from skillstack.plan.brute import brute_force, objective_triple
from skillstack.plan.pricing import pathway_cost
from skillstack.plan.problem import PlanProblem
from skillstack.plan.solve import solve_problem
from strategies import closed_weight, problems

ISSUERS = ("Acme", "Bolt")


@st.composite
def priced_problems(draw: st.DrawFn) -> PlanProblem:
    p = draw(problems())
    ids = [c.id for c in p.candidates]
    priced = []
    for cred in p.candidates:
        issuer = draw(st.sampled_from(ISSUERS))
        cost = cred.cost
        if draw(st.integers(0, 2)) == 0:  # a third on a subscription, most at one provider
            monthly = float(draw(st.sampled_from((20, 20, 35))))
            provider = draw(st.sampled_from(("coursera", "coursera", "edx")))
            cost = Cost(draw(st.sampled_from((0.0, 0.0, 10.0))), subscription=Subscription(monthly, provider))
        discounts: tuple[Discount, ...] = ()
        if cost.amount > 0 and draw(st.integers(0, 2)) == 0:
            percent = float(draw(st.sampled_from((50, 100))))
            if draw(st.booleans()):
                discounts = (Discount(percent, after_issuer=draw(st.sampled_from(ISSUERS))),)
            else:
                other = draw(st.sampled_from([i for i in ids if i != cred.id]))
                discounts = (Discount(percent, after_credential=CredentialId(other)),)
        priced.append(replace(cred, issuer=issuer, cost=cost, discounts=discounts))
    pace = float(draw(st.sampled_from((3, 5, 10))))
    return replace(p, candidates=tuple(priced), hours_per_week=pace)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(priced_problems())
def test_solver_prices_subscriptions_and_vouchers_like_the_oracle(p: PlanProblem) -> None:
    sol = solve_problem(p)
    oracle = brute_force(p)
    assert sol.optimal
    assert sol.feasible == oracle.feasible
    assert closed_weight(sol) == closed_weight(oracle)
    by_id = {c.id: c for c in p.candidates}
    # the solver's order earns every discount it counted: its cost is the price of its steps in order
    assert sol.cost == pathway_cost([by_id[s] for s in sol.steps], p.hours_per_week)
    assert p.budget is None or sol.cost <= p.budget + 1e-6
    mine = objective_triple(p, round(sol.cost, 6), sol.hours, len(sol.steps))
    best = objective_triple(p, round(oracle.cost, 6), oracle.hours, len(oracle.steps))
    assert mine == best
    assert set(sol.steps) == set(oracle.steps)


def test_a_voucher_orders_the_pathway_and_a_shared_subscription_is_paid_once() -> None:
    from skillstack.model import Credential, Grant, Level, SkillId, SourceRef
    from skillstack.plan.problem import GapItem

    where = SourceRef("t.yaml")

    def cred(ident: str, skill: str, issuer: str, cost: Cost, hours: float,
             discounts: tuple[Discount, ...] = ()) -> Credential:
        return Credential(CredentialId(ident), ident, issuer, "course", where, cost=cost, hours=hours,
                          grants=(Grant(SkillId(skill), Level(2)),), discounts=discounts, level="advanced"
                          if ident == "pro" else "beginner")

    voucher = (Discount(50, after_issuer="Cloud Co"),)
    pro = cred("pro", "arch", "Cloud Co", Cost(300), 40, voucher)  # taught first by level ordering alone? no
    intro = cred("intro", "basics", "Cloud Co", Cost(100), 10, voucher)
    a = cred("a", "sql", "Uni", Cost(0, subscription=Subscription(49, "coursera")), 20)
    b = cred("b", "stats", "Uni", Cost(0, subscription=Subscription(49, "coursera")), 20)
    gap = tuple(GapItem(SkillId(s), Level(2)) for s in ("arch", "basics", "sql", "stats"))
    sol = solve_problem(PlanProblem(candidates=(pro, intro, a, b), gap=gap, hours_per_week=10))
    # 40 h of Coursera at 43.3 h a month: one month; intro first, then pro at half price
    assert sol.cost == 100 + 150 + 49
    assert sol.steps.index("intro") < sol.steps.index("pro")
