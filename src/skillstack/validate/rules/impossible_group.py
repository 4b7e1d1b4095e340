"""impossible-group (error): a requirement group that can never be met.

`n_of` larger than its list (or below 1), or an empty `any_of`/`all_of`.

Failing example::

    requires:
      - n_of: 3
        from: [{skill: python}, {skill: sql}]
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.model import AllOf, AnyOf, NOf
from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext, where_of

ID = "impossible-group"
LEVEL: ProblemLevel = "error"


def check(ctx: RuleContext) -> Iterator[Problem]:
    for cred, field_name, group in ctx.requirements[1]:  # every group, with its credential and field
        where = where_of(group.where, cred.where)
        if isinstance(group, NOf) and not 1 <= group.n <= len(group.items):
            yield Problem.at(where, LEVEL, ID,
                             f"n_of {group.n} from {len(group.items)} item(s) in {field_name} of {cred.id} "
                             f"can never be met; use a number from 1 to {len(group.items)}")
        elif isinstance(group, (AnyOf, AllOf)) and not group.items:
            name = "any_of" if isinstance(group, AnyOf) else "all_of"
            yield Problem.at(where, LEVEL, ID, f"empty {name} in {field_name} of {cred.id}; list its items")
