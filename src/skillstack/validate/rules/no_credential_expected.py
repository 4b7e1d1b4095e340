"""no-credential-expected (error): a role states that no credential is commonly expected, yet
expects an essential or important credential.

`no_credential_expected: {url, kind, note}` records that employers commonly ask for no credential
for the role (with who says so); optional expected credentials may still be listed as
suggestions, but an essential or important one contradicts it.

Failing example::

    roles:
      - id: developer
        no_credential_expected: {url: https://www.bls.gov/ooh/..., kind: authority}
        requires:
          - {credential: aws-developer-associate, importance: important}   # contradicts the line above
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext, where_of

ID = "no-credential-expected"
LEVEL: ProblemLevel = "error"


def check(ctx: RuleContext) -> Iterator[Problem]:
    for role in ctx.catalog.roles:
        if role.no_credential_expected is None:
            continue
        for item in role.expects:
            if item.kind == "credential" and item.importance != "optional":
                yield Problem.at(where_of(item.where, role.where), LEVEL, ID,
                                 f"role {role.id} states no credential is commonly expected but expects one as "
                                 f"{item.importance}; make it optional or remove `no_credential_expected`")
