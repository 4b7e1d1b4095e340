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

from skillstack.graph import cred_node
from skillstack.lifecycle import is_retired, needs_one_of
from skillstack.model import AnyOf, NOf, Requirement, SourceRef
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
    # a credential is retired by its status or its retires date: those are in the walk's lifecycle
    retired: set[str] = {c.id for c in ctx.walk.lifecycle if is_retired(c, ctx.today)}
    if not retired:
        return
    successor: dict[str, str] = {str(c.id): str(c.superseded_by or "") for c in ctx.walk.lifecycle if c.id in retired}
    # a requirement cannot be met without one of `retired` only if it names one, or holds a group
    # that can never be met anyway (an empty any_of, an n_of above its list): the credentials with
    # neither are skipped
    deps = ctx.dependents  # credential -> the credentials that name it
    suspects = {cid for r in retired for cid in deps.get(cred_node(r), ())}
    suspects.update(cred.id for cred, field_name, group in ctx.requirements[1] if field_name != "recommends"
                    and ((isinstance(group, AnyOf) and not group.items)
                         or (isinstance(group, NOf) and group.n > len(group.items))))
    for cred in ctx.walk.needy:  # those with requires or awarded_for among them
        if cred.id in retired:
            continue  # a retired credential's own rules no longer matter to anyone planning
        if cred.id not in suspects:
            continue
        if cred.awarded_for is not None:
            yield from _problems((cred.awarded_for,), retired, cred.where, f"stack {cred.id}", successor)
        if cred.requires:  # most credentials have none
            yield from _problems(cred.requires, retired, cred.where, f"a prerequisite of {cred.id}", successor)
    for role in ctx.roles:
        reqs = tuple(e.requirement for e in role.expects)
        yield from _problems(reqs, retired, role.where, f"role {role.id}", successor)
