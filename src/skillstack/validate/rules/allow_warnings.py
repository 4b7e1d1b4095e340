"""allow-warnings (error): `allow_warnings` names something that is not a warning rule.

A misspelt rule id would silence nothing, and an error rule cannot be silenced,
so both are reported where the entry starts.

Failing example::

    credentials:
      - id: x
        allow_warnings: [unreachabel]     # did you mean 'unreachable'?
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.model import Credential, Role
from skillstack.problems import Problem, ProblemLevel
from skillstack.textmatch import suggest
from skillstack.validate.context import RuleContext

ID = "allow-warnings"
LEVEL: ProblemLevel = "error"


def rule_levels() -> dict[str, str]:
    from skillstack.validate.rules import READING_RULES, RULES

    return {**READING_RULES, **{rule.ID: rule.LEVEL for rule in RULES}}


def check(ctx: RuleContext) -> Iterator[Problem]:
    levels = rule_levels()
    warnings = sorted(rule for rule, level in levels.items() if level == "warning")
    entries: list[Credential | Role] = [*ctx.walk.allowing, *ctx.roles]  # the credentials that name any
    for obj in entries:
        for rule in obj.allow_warnings:
            if levels.get(rule) == "warning":
                continue
            if rule in levels:
                yield Problem.at(obj.where, LEVEL, ID, f"{obj.id}: allow_warnings names {rule!r}, an error rule; "
                                 "errors cannot be silenced, fix the entry instead")
                continue
            best = suggest(rule, warnings)
            hint = f"; did you mean {best[0]!r}?" if best else "; see the list of warning rules in the README"
            yield Problem.at(obj.where, LEVEL, ID, f"{obj.id}: allow_warnings names {rule!r}, which is not a "
                             f"warning rule{hint}")
