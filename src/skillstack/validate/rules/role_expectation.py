"""role-expectation (error): a role expects a credential the catalog does not define.

Role `requires` items naming credentials (employers' expected certifications)
must name credentials of the catalog; the closest ids are suggested.

Failing example::

    roles:
      - id: analyst
        requires:
          - {credential: comptia-secruity-plus, importance: essential}   # did you mean comptia-security-plus?
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.model import CredentialReq
from skillstack.problems import Problem, ProblemLevel
from skillstack.requirements import atoms
from skillstack.validate.context import RuleContext, suggestions, where_of

ID = "role-expectation"
LEVEL: ProblemLevel = "error"


def check(ctx: RuleContext) -> Iterator[Problem]:
    creds = ctx.catalog.credentials
    for role in ctx.catalog.roles:
        for item in role.expects:
            for atom in atoms([item.requirement]):
                if isinstance(atom, CredentialReq) and atom.credential not in creds:
                    close = suggestions(creds, atom.credential, limit=1)
                    hint = f"; did you mean {close[0]!r}?" if close else "; add that credential or remove the item"
                    yield Problem.at(where_of(atom.where, where_of(item.where, role.where)), LEVEL, ID,
                                     f"role {role.id} expects unknown credential {atom.credential!r}{hint}")
