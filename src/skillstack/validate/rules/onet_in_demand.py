"""onet-in-demand (warning): a role with an O*NET code omits a technology skill O*NET flags as in demand.

O*NET's Technology Skills table flags, per occupation, the technologies employers
ask for most ("In Demand"). When a role names its O*NET-SOC code, every such
technology that the catalog has as a skill should be among the role's skills, or
the planner never closes that gap. The flags ship with skillstack as a compact
derived table (`skillstack/data/onet_in_demand.tsv`, O*NET 29.2, CC BY 4.0,
computer and IT occupations). A technology matches a catalog skill by name or alias
(case ignored), also without a trailing "software" and by its trailing acronym
("Structured query language SQL" matches a skill named SQL). Cross-functional skills
such as critical thinking are not technology skills and are out of scope.

Failing example::

    skills:
      - {id: python, name: Python}
    roles:
      - id: data-scientist
        onet: 15-2051.00            # O*NET flags Python as in demand here
        requires: [{skill: statistics, level: 3}]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "onet-in-demand"
LEVEL: ProblemLevel = "warning"
TABLE = Path(__file__).parents[2] / "data" / "onet_in_demand.tsv"


@cache
def in_demand() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, example = line.split("\t", 1)
            out.setdefault(code, []).append(example)
    return {code: tuple(examples) for code, examples in out.items()}


def names_for(example: str) -> set[str]:
    """The names a technology example may go by in a catalog."""
    text = example.casefold().strip()
    out = {text, re.sub(r"\s+software$", "", text)}
    words = example.split()
    if len(words) > 1 and re.fullmatch(r"[A-Z][A-Z0-9+#.]+", words[-1]):
        out |= {words[-1].casefold(), " ".join(words[:-1]).casefold()}
    return out


def check(ctx: RuleContext) -> Iterator[Problem]:
    table = in_demand()
    by_name: dict[str, str] = {}
    for skill in ctx.catalog.skills:
        for name in (skill.name, *skill.aliases):
            by_name.setdefault(name.casefold(), skill.id)
    for role in ctx.catalog.roles:
        if not role.onet or role.onet not in table:
            continue
        have = {item.skill for item in role.requires}
        missing: dict[str, str] = {}
        for example in table[role.onet]:
            sid = next((by_name[n] for n in sorted(names_for(example)) if n in by_name), None)
            if sid is not None and sid not in have:
                missing.setdefault(sid, example)
        for sid, example in sorted(missing.items()):
            yield Problem.at(role.where, LEVEL, ID,
                             f"role {role.id} ({role.onet}) does not require {sid}, which O*NET flags as an in-demand "
                             f"technology ({example!r}) for that occupation; add it or allow this warning")
