"""retired-dependency (error): a prerequisite, stack or role that cannot be met without a retired credential.

A credential is retired when its `status` is `retired` or its `retires` date has
passed. Requiring it (alone, or in a group whose every alternative needs a
retired credential) makes the dependant unreachable for anyone who does not
already hold it. Alternatives are fine: `any_of: [{credential: old}, {credential: new}]`
keeps holders of the old one qualified while newcomers take the new one.

Failing example::

    credentials:
      - {id: old-cert, status: retired, superseded_by: new-cert, ...}
      - {id: next-step, requires: [{credential: old-cert}], ...}
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.lifecycle import needs_one_of, retired_ids
from skillstack.model import Requirement, SourceRef
from skillstack.problems import Problem, ProblemLevel
from skillstack.requirements import credentials_named
from skillstack.validate.context import RuleContext, where_of

ID = "retired-dependency"
LEVEL: ProblemLevel = "error"


def _problems(reqs: tuple[Requirement, ...], retired: set[str], fallback: SourceRef, what: str,
              successor: dict[str, str]) -> Iterator[Problem]:
    for req in reqs:
        if needs_one_of(req, retired):
            named = sorted(credentials_named([req]) & retired)
            instead = [f"{r} -> {successor[r]}" for r in named if successor.get(r)]
            hint = f"; use the successor ({', '.join(instead)}) or add it as an alternative" if instead else \
                "; replace it or add an active alternative"
            yield Problem.at(where_of(req.where, fallback), LEVEL, ID,
                             f"{what} cannot be met without retired {', '.join(named)}{hint}")


def check(ctx: RuleContext) -> Iterator[Problem]:
    cat = ctx.catalog
    retired: set[str] = set(retired_ids(cat, ctx.today))
    if not retired:
        return
    successor: dict[str, str] = {str(c.id): str(c.superseded_by or "") for c in cat.credentials if c.id in retired}
    for cred in cat.credentials:
        if cred.id in retired:
            continue  # a retired credential's own rules no longer matter to anyone planning
        if cred.awarded_for is not None:
            yield from _problems((cred.awarded_for,), retired, cred.where, f"stack {cred.id}", successor)
        if cred.requires:  # most credentials have none
            yield from _problems(cred.requires, retired, cred.where, f"a prerequisite of {cred.id}", successor)
    for role in cat.roles:
        reqs = tuple(e.requirement for e in role.expects)
        yield from _problems(reqs, retired, role.where, f"role {role.id}", successor)
