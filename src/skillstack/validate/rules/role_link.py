"""role-link (error): a role's `next` or `previous` names a role the catalog does not define.

Seniority links (entry -> mid -> senior) are how audit says what comes after a
role and plan names the role to aim for first; a link to nowhere breaks both.

Failing example::

    roles:
      - id: soc-analyst
        level: entry
        next: [information-security-analist]   # did you mean information-security-analyst?
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext, suggestions

ID = "role-link"
LEVEL: ProblemLevel = "error"


def check(ctx: RuleContext) -> Iterator[Problem]:
    roles = ctx.catalog.roles
    for role in roles:
        for field_name, links in (("next", role.next), ("previous", role.previous)):
            for rid in links:
                if rid == role.id:
                    yield Problem.at(role.where, LEVEL, ID, f"role {role.id} lists itself in `{field_name}`")
                elif rid not in roles:
                    close = suggestions(roles, rid, limit=1)
                    hint = f"; did you mean {close[0]!r}?" if close else "; add that role or remove the link"
                    yield Problem.at(role.where, LEVEL, ID,
                                     f"role {role.id} `{field_name}` names unknown role {rid!r}{hint}")
