"""non-usd-cost (warning): a cost in another currency than USD.

Budgets are in USD and the planner adds `cost.amount` as USD, so a cost in
another currency would be counted at the wrong value. Convert it and keep the
list price in `cost.note`.

Failing example::

    credentials:
      - {id: x, cost: {amount: 269, currency: GBP}, ...}
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.money import money
from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "non-usd-cost"
LEVEL: ProblemLevel = "warning"


def check(ctx: RuleContext) -> Iterator[Problem]:
    for cred in ctx.walk.foreign:
        if cred.cost.currency != "USD":
            yield Problem.at(cred.where, LEVEL, ID,
                             f"{cred.id} costs {money(cred.cost.amount, cred.cost.currency)}; budgets are in USD: "
                             "convert the amount and keep the list price in cost.note")
