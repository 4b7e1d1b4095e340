"""unknown-reference (error): a skill or credential id that no catalog file defines.

Checked in grants, requires, recommends, role requirements, `broader`,
`superseded_by` and a discount's `after: {credential}`.
The closest existing ids are suggested.

Failing example::

    credentials:
      - id: x
        grants: [{skill: sqll, level: 2}]     # did you mean 'sql'?
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from skillstack.catalog import Index
from skillstack.model import CredentialReq, SourceRef
from skillstack.problems import Problem, ProblemLevel
from skillstack.requirements import atoms
from skillstack.validate.context import RuleContext, where_of

ID = "unknown-reference"
LEVEL: ProblemLevel = "error"


def _problem(index: Index[Any], ident: str, where: SourceRef, used_in: str) -> Problem:
    close = [i for i, score in index.closest(ident) if score >= 60] if len(index) else []
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return Problem.at(where, LEVEL, ID, f"unknown {index.kind} {ident!r} in {used_in}{hint}")


def check(ctx: RuleContext) -> Iterator[Problem]:
    cat = ctx.catalog
    for skill in cat.skills:
        if skill.broader and skill.broader not in cat.skills:
            yield _problem(cat.skills, skill.broader, skill.where, f"broader of skill {skill.id}")
    for cred in cat.credentials:
        for grant in cred.grants:
            if grant.skill not in cat.skills:
                yield _problem(cat.skills, grant.skill, where_of(grant.where, cred.where), f"grants of {cred.id}")
        for field_name, reqs in (("requires", cred.requires), ("recommends", cred.recommends)):
            for atom in atoms(reqs):
                where = where_of(atom.where, cred.where)
                if isinstance(atom, CredentialReq):
                    if atom.credential not in cat.credentials:
                        yield _problem(cat.credentials, atom.credential, where, f"{field_name} of {cred.id}")
                elif hasattr(atom, "skill") and atom.skill not in cat.skills:
                    yield _problem(cat.skills, atom.skill, where, f"{field_name} of {cred.id}")
        if cred.superseded_by is not None and cred.superseded_by not in cat.credentials:
            yield _problem(cat.credentials, cred.superseded_by, cred.where, f"superseded_by of {cred.id}")
        for discount in cred.discounts:
            after = discount.after_credential
            if after is not None and after not in cat.credentials:
                yield _problem(cat.credentials, after, where_of(discount.where, cred.where),
                               f"discounts of {cred.id}")
    for role in cat.roles:
        for need in role.requires:
            if need.skill not in cat.skills:
                yield _problem(cat.skills, need.skill, where_of(need.where, role.where), f"requires of role {role.id}")
