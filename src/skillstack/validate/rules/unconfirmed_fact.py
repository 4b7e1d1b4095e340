"""unconfirmed-fact (warning): a stated fact that only secondary sources back, or that no source backs.

Each typed source (`{url, kind, facts}`) says which fact groups it backs; a plain
URL counts as backing every fact, of unknown kind, so an entry whose sources are
all plain URLs raises nothing here.
A credential's fact groups: `cost`, `hours`, `requires`, `validity`, `grants`,
`status` (when not active or a `retires` date is set) and `exam`; a role's:
`salary` (also confirmed by the salary's own `kind`), `onet`, `outlook`. A fact is
judged only when the entry states it and has at least one typed source. Check it
on the issuer's or an authority's page and add that page as
`{url, kind: issuer, facts: [...]}`.

Failing example::

    credentials:
      - id: x
        cost: 300
        sources: [{url: https://prep.example/x, kind: secondary, facts: [cost]}]
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack import model as m
from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "unconfirmed-fact"
LEVEL: ProblemLevel = "warning"


def credential_facts(cred: m.Credential) -> list[str]:
    """The fact groups a credential entry states."""
    stated = {
        "cost": not cred.is_stack or bool(cred.cost.amount or cred.cost.subscription),
        "hours": cred.hours > 0,
        "requires": bool(cred.requires),
        "validity": cred.validity_years is not None,
        "grants": bool(cred.grants),
        "status": cred.status != "active" or cred.retires is not None,
        "exam": bool(cred.exam),
    }
    return [fact for fact, yes in stated.items() if yes]


def role_facts(role: m.Role) -> list[str]:
    stated = {"salary": role.salary is not None, "onet": bool(role.onet), "outlook": bool(role.outlook)}
    return [fact for fact, yes in stated.items() if yes]


def _weak(sources: tuple[m.Source, ...], facts: list[str], extra: dict[str, str]) -> dict[str, list[str]]:
    """Fact groups backed only by secondary sources, and those no source backs."""
    out: dict[str, list[str]] = {"secondary": [], "none": []}
    if not any(s.kind for s in sources) and not any(extra.values()):
        return out  # only plain URLs: nothing typed to judge by
    for fact in facts:
        kinds = {s.kind for s in m.backers(sources, fact)}
        if extra.get(fact):
            kinds.add(extra[fact])
        if not kinds:
            out["none"].append(fact)
        elif kinds == {"secondary"}:
            out["secondary"].append(fact)
    return out


def _problems(kind: str, ident: str, where: m.SourceRef, weak: dict[str, list[str]]) -> Iterator[Problem]:
    if weak["secondary"]:
        yield Problem.at(where, LEVEL, ID, f"{kind} {ident}: {', '.join(weak['secondary'])} backed only by "
                         "secondary sources; confirm on the issuer's or an authority's page")
    if weak["none"]:
        yield Problem.at(where, LEVEL, ID, f"{kind} {ident}: no source backs {', '.join(weak['none'])}; add "
                         "the page it was read from to sources with its facts")


def check(ctx: RuleContext) -> Iterator[Problem]:
    for cred in ctx.walk.typed:  # a source with a kind: only plain URLs have nothing typed to judge by (see _weak)
        if any(s.kind for s in cred.sources):
            yield from _problems("credential", cred.id, cred.where, _weak(cred.sources, credential_facts(cred), {}))
    for role in ctx.catalog.roles:
        extra = {"salary": role.salary.kind} if role.salary is not None else {}
        yield from _problems("role", role.id, role.where, _weak(role.sources, role_facts(role), extra))
