"""negative-value (error): a negative cost, hours, validity or salary.

Failing example::

    credentials:
      - {id: x, cost: -50, hours: 10, ...}
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "negative-value"
LEVEL: ProblemLevel = "error"


def check(ctx: RuleContext) -> Iterator[Problem]:
    for cred in ctx.walk.numbers:  # the credentials with a number out of the ordinary
        for name, value in (("cost", cred.cost.amount), ("hours", cred.hours),
                            ("validity_years", cred.validity_years or 0)):
            if value < 0:
                yield Problem.at(cred.where, LEVEL, ID, f"{cred.id}: {name} is negative ({value:g}); use 0 or more")
        for credit in cred.credit:
            if credit.credits <= 0:
                yield Problem.at(cred.where, LEVEL, ID, f"{cred.id} has credit of {credit.credits:g} toward "
                                 f"{credit.toward!r}; credits must be positive")
    for role in ctx.catalog.roles:
        if role.salary is not None and role.salary.median < 0:
            yield Problem.at(role.where, LEVEL, ID, f"role {role.id} has a negative median salary")
