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

from skillstack.catalog import normalize
from skillstack.locate import order_key
from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "same-skill"
LEVEL: ProblemLevel = "warning"


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def _key(text: str) -> str:
    squashed = _NOT_ALNUM.sub("", text.lower())
    return squashed[:-1] if squashed.endswith("s") and len(squashed) > 3 else squashed


def check(ctx: RuleContext) -> Iterator[Problem]:
    by_key: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for skill in sorted(ctx.catalog.skills, key=lambda s: order_key(s.where)):
        first = by_key.setdefault(_key(skill.id), skill.id)
        if first != skill.id:
            yield Problem.at(skill.where, LEVEL, ID,
                             f"skill {skill.id!r} looks like the same skill as {first!r}; merge them "
                             "and keep the other spelling as an alias")
            continue
        same_name = by_name.setdefault(normalize(skill.name), skill.id)
        if same_name != skill.id:
            yield Problem.at(skill.where, LEVEL, ID,
                             f"skills {same_name!r} and {skill.id!r} have the same name {skill.name!r}; "
                             "merge them or rename one")
