"""Audit: where a learner stands against each target role.

For each required skill of a role: met (held at the level), below (held under
the level), in progress (a credential in progress grants it at the level), or
missing. Readiness is the importance-weighted share of required skills met
(essential 3, important 2, optional 1), from 0 to 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from skillstack.catalog import Catalog
from skillstack.holdings import HeldStatus, held_status, learner_state
from skillstack.model import IMPORTANCE_WEIGHTS, Citation, CredentialId, Profile, Role, RoleId, SkillId
from skillstack.plan.gap import role_gates
from skillstack.requirements import State, describe, holds, you_have


@dataclass(frozen=True)
class SkillLine:
    skill: SkillId
    required: int
    held: int
    importance: str
    via: tuple[CredentialId, ...] = ()  # credentials in progress that will grant it


@dataclass(frozen=True)
class ExpectationLine:
    """A role item that is not a skill: credentials employers expect, experience or education."""

    kind: str  # credential | experience | education | mixed
    text: str
    importance: str
    source: str
    status: str  # met | in progress | missing
    via: tuple[CredentialId, ...] = ()  # credentials in progress that will meet it
    have: str = ""  # for experience and education: what the learner has ('2 years of it')
    cite: Citation | None = None  # the source as url, kind and note, when the catalog gives them


@dataclass(frozen=True)
class RoleAudit:
    role: RoleId
    readiness: float
    met: tuple[SkillLine, ...]
    below: tuple[SkillLine, ...]
    in_progress: tuple[SkillLine, ...]
    missing: tuple[SkillLine, ...]
    expectations: tuple[ExpectationLine, ...] = ()
    level: str = ""
    next: tuple[RoleId, ...] = ()
    previous: tuple[RoleId, ...] = ()
    aim_first: RoleId | None = None  # an essential experience or education gate is unmet: the role to aim for first
    no_credential_expected: Citation | None = None  # the catalog states no credential is commonly expected
    eligible: bool = True  # False: an essential experience or education gate is unmet (no credential earns it)


def expectation_lines(catalog: Catalog, role: Role, state: State,
                      in_progress: tuple[CredentialId, ...]) -> tuple[ExpectationLine, ...]:
    """The worksheet rows of a role's expected credentials, experience and education."""
    lines = []
    for item in role.expects:
        via: tuple[CredentialId, ...] = ()
        if holds(item.requirement, state):
            status = "met"
        else:
            after = state.copy()
            after.credentials.update(in_progress)
            via = tuple(in_progress) if in_progress and holds(item.requirement, after) else ()
            status = "in progress" if via else "missing"
        have = you_have([item.requirement], state.experience, state.education) if item.kind != "credential" else ""
        lines.append(ExpectationLine(item.kind, describe(item.requirement, catalog.display_name), item.importance,
                                     item.source, status, via, have, item.cite))
    return tuple(lines)


@dataclass(frozen=True)
class Audit:
    roles: tuple[RoleAudit, ...]
    held: tuple[HeldStatus, ...]
    on: date


def audit_role(catalog: Catalog, role: Role, state: State, in_progress: tuple[CredentialId, ...]) -> RoleAudit:
    groups: dict[str, list[SkillLine]] = {"met": [], "below": [], "in_progress": [], "missing": []}
    got = total = 0.0
    for need in role.requires:
        weight = IMPORTANCE_WEIGHTS[need.importance]
        total += weight
        held = state.level(need.skill)
        via = tuple(cid for cid in in_progress
                    if any(g.skill == need.skill and g.level >= need.level for g in catalog.credentials[cid].grants))
        line = SkillLine(need.skill, int(need.level), held, need.importance, via)
        if held >= need.level:
            got += weight
            groups["met"].append(line)
        elif via:
            groups["in_progress"].append(line)
        elif held:
            groups["below"].append(line)
        else:
            groups["missing"].append(line)
    readiness = round(got / total, 4) if total else 1.0
    blocking = [gate for gate in role_gates(catalog, role, state) if gate.blocking]
    return RoleAudit(role.id, readiness, tuple(groups["met"]), tuple(groups["below"]), tuple(groups["in_progress"]),
                     tuple(groups["missing"]), expectation_lines(catalog, role, state, in_progress), role.level,
                     role.next, role.previous, blocking[0].aim_first if blocking else None,
                     role.no_credential_expected, not blocking)


def audit(catalog: Catalog, profile: Profile, on: date, all_roles: bool = False) -> Audit:
    """Worksheets for the profile's targets (or every role, ranked by readiness).

    >>> worksheet = audit(catalog, profile, date(2026, 12, 1)).roles[0]
    >>> worksheet.role, 0 < worksheet.readiness < 1
    ('data-analyst', True)
    """
    state = learner_state(catalog, profile, on)
    roles = list(catalog.roles) if all_roles else [catalog.roles[r] for r in profile.targets]
    results = [audit_role(catalog, role, state, profile.in_progress) for role in roles]
    if all_roles:
        results.sort(key=lambda r: (-r.readiness, r.role))
    return Audit(tuple(results), tuple(held_status(catalog, profile, on)), on)
