"""same-skill (warning): two skill ids that are the same skill spelled differently.

Ids that differ only in punctuation, case or a plural `s` (`power-bi` and
`powerbi`, `api` and `apis`), or two skills with the same name.

Failing example::

    skills:
      - {id: power-bi, name: Power BI}
      - {id: powerbi, name: Microsoft Power BI}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from skillstack.locate import order_key
from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "same-skill"
LEVEL: ProblemLevel = "warning"


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def _key(text: str) -> str:
    squashed = text.replace("-", "")  # most ids: letters, digits and hyphens, for which this is all
    squashed = squashed.lower() if squashed.isascii() and squashed.isalnum() else _NOT_ALNUM.sub("", text.lower())
    return squashed[:-1] if squashed.endswith("s") and len(squashed) > 3 else squashed


def check(ctx: RuleContext) -> Iterator[Problem]:
    """As if walking the skills in the order they are written (`order_key`), the first of each
    spelling (then of each name) keeping it; without sorting every skill: only the few that
    share a spelling or a name are put in that order (a stable sort of part of a list orders it
    as a stable sort of the whole does)."""
    skills = ctx.skills

    def place(i: int) -> tuple[str, tuple[str | int, ...]]:
        return order_key(skills[i].where)

    by_key: dict[str, int] = {}
    same_key: dict[str, list[int]] = {}  # a spelling -> the skills that share it, in catalog order
    for i, ident in enumerate(ctx.skill_walk.ids):
        key = _key(ident)
        first = by_key.setdefault(key, i)
        if first != i:
            same_key.setdefault(key, [first]).append(i)
    later: set[int] = set()  # skills a skill written earlier has the spelling of
    for group in same_key.values():
        group.sort(key=place)
        for i in group[1:]:
            later.add(i)
            yield Problem.at(skills[i].where, LEVEL, ID,
                             f"skill {skills[i].id!r} looks like the same skill as {skills[group[0]].id!r}; merge "
                             "them and keep the other spelling as an alias")
    by_name: dict[str, int] = {}
    same_name: dict[str, list[int]] = {}
    for i, name in enumerate(ctx.skill_walk.names):
        if later and i in later:
            continue
        first = by_name.setdefault(name, i)
        if first != i:
            same_name.setdefault(name, [first]).append(i)
    for group in same_name.values():
        group.sort(key=place)
        for i in group[1:]:
            yield Problem.at(skills[i].where, LEVEL, ID,
                             f"skills {skills[group[0]].id!r} and {skills[i].id!r} have the same name "
                             f"{skills[i].name!r}; merge them or rename one")
