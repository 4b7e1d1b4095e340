"""retired-without-successor (warning): a retired or retiring credential that names no `superseded_by`.

The planner tells a learner what to take instead of a retired credential; without a
successor it can only say the credential is gone. Keep the entry (people hold it),
and name the credential that replaces it when the issuer names one.

Failing example::

    credentials:
      - {id: old-cert, status: retired, ...}        # no superseded_by
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "retired-without-successor"
LEVEL: ProblemLevel = "warning"


def check(ctx: RuleContext) -> Iterator[Problem]:
    for cred in ctx.walk.lifecycle:  # those not active among them
        if cred.status != "active" and cred.superseded_by is None:
            yield Problem.at(cred.where, LEVEL, ID,
                             f"credential {cred.id} is {cred.status} but names no superseded_by; add the "
                             "credential that replaces it (or say in its note that the issuer names none)")
