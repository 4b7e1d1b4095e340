"""stale-review (warning): facts not reviewed in the last 12 months, or never.

Applies to credentials and roles (`last_reviewed`). Prices and rules change;
advice that rests on old facts misleads. When sources carry their own
`reviewed` dates, each fact group is judged by the newest date among the sources
backing it (the entry's `last_reviewed` stands in for groups none of them dates).

Failing example::

    credentials:
      - {id: x, last_reviewed: 2020-01-01, ...}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from skillstack.model import Source, SourceRef, fact_reviewed
from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import MAX_REVIEW_AGE, RuleContext
from skillstack.validate.rules.unconfirmed_fact import credential_facts, role_facts

ID = "stale-review"
LEVEL: ProblemLevel = "warning"
MAX_AGE = MAX_REVIEW_AGE


def _per_fact(ctx: RuleContext, kind: str, ident: str, where: SourceRef, sources: tuple[Source, ...],
              facts: list[str], fallback: date | None) -> Iterator[Problem]:
    never, old = [], []
    for fact in facts:
        reviewed = fact_reviewed(sources, fact, fallback)
        if reviewed is None:
            never.append(fact)
        elif reviewed > ctx.today or ctx.today - reviewed > MAX_AGE:
            old.append(f"{fact} ({reviewed})")
    if never:
        yield Problem.at(where, LEVEL, ID, f"{kind} {ident}: {', '.join(never)} never reviewed; re-read the "
                         "sources and set their reviewed date")
    if old:
        yield Problem.at(where, LEVEL, ID, f"{kind} {ident}: {', '.join(old)} not reviewed in the last 12 "
                         "months (or dated in the future); check them again")


def check(ctx: RuleContext) -> Iterator[Problem]:
    objects: list[tuple[str, str, SourceRef, date | None]] = []
    for c in ctx.walk.review:  # the others were reviewed in the last 12 months, with no dated source
        if any(s.reviewed for s in c.sources):
            yield from _per_fact(ctx, "credential", c.id, c.where, c.sources, credential_facts(c), c.last_reviewed)
        else:
            objects.append(("credential", c.id, c.where, c.last_reviewed))
    for r in ctx.catalog.roles:
        if any(s.reviewed for s in r.sources):
            yield from _per_fact(ctx, "role", r.id, r.where, r.sources, role_facts(r), r.last_reviewed)
        else:
            objects.append(("role", r.id, r.where, r.last_reviewed))
    for kind, ident, where, reviewed in objects:
        if reviewed is None:
            yield Problem.at(where, LEVEL, ID, f"{kind} {ident} has no last_reviewed date; check its facts "
                             "and add one")
        elif reviewed > ctx.today:
            yield Problem.at(where, LEVEL, ID, f"{kind} {ident} was last reviewed on {reviewed}, in the future")
        elif ctx.today - reviewed > MAX_AGE:
            yield Problem.at(where, LEVEL, ID, f"{kind} {ident} was last reviewed on {reviewed}, over 12 months "
                             "ago; check its facts again")
