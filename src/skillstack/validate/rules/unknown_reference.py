"""unknown-reference (error): a skill or credential id that no catalog file defines.

Checked in grants, requires, recommends, role requirements, `broader`,
`superseded_by` and a discount's `after: {credential}`.
An existing id is suggested only when it is a likely misspelling (a similarity of
at least 75 out of 100 by edit distance). References to ids that a file which
could not be read seems to define are not listed one by one: they are folded into
one warning at that file's syntax error, which comes first.

Failing example::

    credentials:
      - id: x
        grants: [{skill: sqll, level: 2}]     # did you mean 'sql'?
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from skillstack.catalog import Index
from skillstack.model import CredentialReq, SkillReq, SourceRef
from skillstack.problems import Problem, ProblemLevel
from skillstack.schema import quote
from skillstack.validate.context import RuleContext, suggestions, where_of

ID = "unknown-reference"
LEVEL: ProblemLevel = "error"


def _problem(index: Index[Any], ident: str, where: SourceRef, used_in: str) -> tuple[Problem, str]:
    close = suggestions(index, ident)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return Problem.at(where, LEVEL, ID, f"unknown {index.kind} {quote(ident)} in {used_in}{hint}"), ident


def check(ctx: RuleContext) -> Iterator[Problem]:
    explained: dict[str, list[str]] = {}  # unread file -> the ids it may define that others use
    owners = {ident: file for file, idents in ctx.raw.unread.items() for ident in idents}
    for problem, ident in _unknown(ctx):
        if ident in owners:
            explained.setdefault(owners[ident], []).append(ident)
        else:
            yield problem
    for file, folded in explained.items():
        first = min(p for p in ctx.raw.problems if p.file == file)
        names = sorted(set(folded))
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        yield Problem(first.file, first.line, first.col, "warning", ID,
                      f"{len(folded)} reference(s) in other files to ids this file seems to define ({shown}) are "
                      "not checked until it reads: fix the error above, then validate again")


def _unknown(ctx: RuleContext) -> Iterator[tuple[Problem, str]]:
    cat = ctx.catalog
    skills, credentials = ctx.skill_ids, ctx.credential_ids
    for ident, broader in ctx.skill_walk.broader.items():
        if broader not in skills:
            skill = cat.skills[ident]
            yield _problem(cat.skills, broader, skill.where, f"broader of skill {skill.id}")
    unknown_grants = ctx.granted - skills  # most catalogs: none, and no grant is walked again
    if unknown_grants:
        for cred in ctx.credentials:
            for grant in cred.grants:
                if grant.skill in unknown_grants:
                    yield _problem(cat.skills, grant.skill, where_of(grant.where, cred.where), f"grants of {cred.id}")
    for cred, field_name, atom in ctx.requirements[0]:  # every leaf of requires, recommends, awarded_for
        if field_name == "awarded_for":
            continue  # a stack's parts are stack-part's to check
        if type(atom) is CredentialReq:
            if atom.credential not in credentials:
                yield _problem(cat.credentials, atom.credential, where_of(atom.where, cred.where),
                               f"{field_name} of {cred.id}")
        elif type(atom) is SkillReq and atom.skill not in skills:
            yield _problem(cat.skills, atom.skill, where_of(atom.where, cred.where), f"{field_name} of {cred.id}")
    for cred in ctx.walk.lifecycle:  # those with a superseded_by among them
        if cred.superseded_by is not None and cred.superseded_by not in credentials:
            yield _problem(cat.credentials, cred.superseded_by, cred.where, f"superseded_by of {cred.id}")
    for cred in ctx.walk.discounted:
        for discount in cred.discounts:
            after = discount.after_credential
            if after is not None and after not in credentials:
                yield _problem(cat.credentials, after, where_of(discount.where, cred.where),
                               f"discounts of {cred.id}")
    for role, need in ctx.unknown_needs:  # skills roles require that no file defines
        yield _problem(cat.skills, need.skill, where_of(need.where, role.where), f"requires of role {role.id}")
