"""stack-part (error): a stacked credential whose parts do not exist or are not credentials.

A stack (`awarded_for`) is earned automatically from other credentials, so
every item must be a `{credential: id}` that the catalog defines.

Failing example::

    credentials:
      - id: comptia-secure-infrastructure-specialist
        awarded_for: {all_of: [{credential: comptia-a-plus}, {credential: comptia-net-plus}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.model import CredentialReq
from skillstack.problems import Problem, ProblemLevel
from skillstack.requirements import atoms
from skillstack.validate.context import RuleContext, suggestions, where_of

ID = "stack-part"
LEVEL: ProblemLevel = "error"


def check(ctx: RuleContext) -> Iterator[Problem]:
    creds = ctx.catalog.credentials
    for cred in ctx.walk.stacks:
        if cred.awarded_for is None:
            continue
        for atom in atoms([cred.awarded_for]):
            where = where_of(atom.where, cred.where)
            if not isinstance(atom, CredentialReq):
                yield Problem.at(where, LEVEL, ID,
                                 f"stack {cred.id} is awarded for credentials only; move this to `requires`")
            elif atom.credential == cred.id:
                yield Problem.at(where, LEVEL, ID, f"stack {cred.id} lists itself as a part")
            elif atom.credential not in creds:
                close = suggestions(creds, atom.credential, limit=1)
                hint = f"; did you mean {close[0]!r}?" if close else "; add that credential or remove the part"
                yield Problem.at(where, LEVEL, ID,
                                 f"stack {cred.id} has a part {atom.credential!r} that does not exist{hint}")
