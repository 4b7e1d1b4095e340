"""duplicate-alias (error): one alias (or name) claimed by two skills.

A learner who types it could mean either, so name resolution would guess.

Failing example::

    skills:
      - {id: excel, name: Excel, aliases: [spreadsheets]}
      - {id: google-sheets, name: Google Sheets, aliases: [spreadsheets]}
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.catalog import normalize
from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "duplicate-alias"
LEVEL: ProblemLevel = "error"


def check(ctx: RuleContext) -> Iterator[Problem]:
    owner: dict[str, str] = {}
    walk = ctx.skill_walk
    for ident, name in zip(walk.ids, walk.names, strict=True):  # every id, then its name (normalised once)
        owner.setdefault(normalize(ident), ident)
        owner.setdefault(name, ident)
    for skill in walk.aliased:
        for alias in skill.aliases:
            other = owner.setdefault(normalize(alias), skill.id)
            if other != skill.id:
                yield Problem.at(skill.where, LEVEL, ID,
                                 f"alias {alias!r} of skill {skill.id} is already the name or an alias of "
                                 f"skill {other}; keep it on one skill")
