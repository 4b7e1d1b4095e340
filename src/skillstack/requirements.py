"""Evaluating the requirement grammar against what a learner has.

`State` is what someone holds at a moment: skill levels, credentials, years of
experience by domain. `holds` answers whether a requirement is met; `atoms`
lists the leaves of a requirement tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, Union

from skillstack.model import (
    AllOf,
    AnyOf,
    Credential,
    CredentialReq,
    EducationHeld,
    EducationReq,
    ExperienceReq,
    Level,
    NOf,
    Requirement,
    SkillReq,
)


@dataclass
class State:
    skills: dict[str, Level] = field(default_factory=dict)
    credentials: set[str] = field(default_factory=set)
    experience: Mapping[str, float] = field(default_factory=dict)
    any_experience: bool = False  # treat every experience requirement as met
    education: EducationHeld | None = None

    def copy(self) -> State:
        return State(dict(self.skills), set(self.credentials), self.experience, self.any_experience, self.education)

    def level(self, skill: str) -> int:
        return int(self.skills.get(skill, 0))

    def add_grants(self, grants: Iterable[tuple[str, Level]]) -> list[str]:
        """Raise skill levels; return the skills whose level went up."""
        raised = []
        for skill, level in grants:
            if level > self.skills.get(skill, 0):
                self.skills[skill] = level
                raised.append(skill)
        return raised


def holds(req: Requirement, state: State) -> bool:
    if isinstance(req, SkillReq):
        return state.level(req.skill) >= req.level
    if isinstance(req, CredentialReq):
        return req.credential in state.credentials
    if isinstance(req, ExperienceReq):
        return state.any_experience or state.experience.get(req.domain, 0.0) >= req.years
    if isinstance(req, EducationReq):
        return state.any_experience or education_meets(state.education, req)
    if isinstance(req, AllOf):
        return all(holds(item, state) for item in req.items)
    if isinstance(req, AnyOf):
        return any(holds(item, state) for item in req.items)
    assert isinstance(req, NOf)
    return sum(holds(item, state) for item in req.items) >= req.n


def education_meets(held: EducationHeld | None, req: EducationReq) -> bool:
    """Education at `req.level` or above; in `req.field_of_study` when one is named (compared without
    case, spaces or hyphens); from an accredited program when `req.accredited`."""
    if held is None or held.level < req.level:
        return False
    if req.field_of_study and _norm(req.field_of_study) != _norm(held.field_of_study):
        return False
    return held.accredited or not req.accredited


def _norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def experience_allows(req: Requirement, experience: Mapping[str, float],
                      education: EducationHeld | None = None, *, any_education: bool = False) -> bool:
    """Whether `req` can ever hold for someone with this experience and education: skills and
    credentials can be earned, experience and education cannot (for a plan's span)."""
    if isinstance(req, ExperienceReq):
        return experience.get(req.domain, 0.0) >= req.years
    if isinstance(req, EducationReq):
        return any_education or education_meets(education, req)
    if isinstance(req, (SkillReq, CredentialReq)):
        return True
    results = [experience_allows(item, experience, education, any_education=any_education) for item in req.items]
    if isinstance(req, AllOf):
        return all(results)
    if isinstance(req, AnyOf):
        return any(results)
    return sum(results) >= req.n


def all_hold(reqs: Iterable[Requirement], state: State) -> bool:
    return all(holds(req, state) for req in reqs)


Atom = Union[SkillReq, CredentialReq, ExperienceReq, EducationReq]
T = TypeVar("T")


def atoms(reqs: Iterable[Requirement]) -> Iterator[Atom]:
    """Every leaf requirement, depth first."""
    for req in reqs:
        if isinstance(req, (AllOf, AnyOf, NOf)):
            yield from atoms(req.items)
        else:
            yield req


Placed = tuple[Credential, str, T]
"""A requirement with the credential and the field ('requires', 'recommends', 'awarded_for') it is in."""


def walk_requirements(credentials: Iterable[Credential]) -> tuple[list[Placed[Atom]], list[Placed[Requirement]]]:
    """Every leaf, and every group (all_of, any_of, n_of), of the credentials' `requires`,
    `recommends` and `awarded_for`, in that order for each credential, depth first (a group before
    its items): one walk for all who ask about them.

    >>> leaves, groups = walk_requirements([catalog.credentials["ahima-chda"]])
    >>> [(field, type(req).__name__) for _, field, req in groups + leaves]
    [('requires', 'AnyOf'), ('requires', 'CredentialReq'), ('requires', 'ExperienceReq')]
    """
    leaves: list[Placed[Atom]] = []
    groups: list[Placed[Requirement]] = []
    for cred in credentials:
        if cred.requires:
            _walk(cred, "requires", cred.requires, leaves, groups)
        if cred.recommends:
            _walk(cred, "recommends", cred.recommends, leaves, groups)
        if cred.awarded_for is not None:
            _walk(cred, "awarded_for", (cred.awarded_for,), leaves, groups)
    return leaves, groups


def _walk(cred: Credential, field_name: str, reqs: Iterable[Requirement], leaves: list[Placed[Atom]],
          groups: list[Placed[Requirement]]) -> None:
    for req in reqs:
        if isinstance(req, (AllOf, AnyOf, NOf)):
            groups.append((cred, field_name, req))
            _walk(cred, field_name, req.items, leaves, groups)
        else:
            leaves.append((cred, field_name, req))


def credentials_named(reqs: Iterable[Requirement]) -> set[str]:
    """The credential ids the requirements mention (a stack's parts, for its `awarded_for`)."""
    return {a.credential for a in atoms(reqs) if isinstance(a, CredentialReq)}


def needs_credential(req: Requirement) -> bool:
    """Whether every way of meeting `req` includes holding some credential."""
    if isinstance(req, CredentialReq):
        return True
    if isinstance(req, (SkillReq, ExperienceReq, EducationReq)):
        return False
    needs = [needs_credential(item) for item in req.items]
    if isinstance(req, AllOf):
        return any(needs)
    if isinstance(req, AnyOf):
        return all(needs)
    return len(needs) - sum(needs) < req.n


def years_text(years: float) -> str:
    """'1 year', '2.5 years'."""
    return f"{years:g} year{'' if years == 1 else 's'}"


_DOMAIN_WORDS = {"it": "IT"}


def domain_text(domain: str) -> str:
    """A work domain as words in a sentence: 'project-management' -> 'project management',
    'it' -> 'IT' (the catalog and profiles key experience by these ids)."""
    return " ".join(_DOMAIN_WORDS.get(word, word) for word in domain.split("-"))


EDUCATION_WORDS = {"none": "no formal education", "high-school": "a high school diploma",
                   "associate": "an associate degree", "bachelor": "a bachelor's degree",
                   "master": "a master's degree", "doctorate": "a doctorate"}


def education_text(level: str) -> str:
    """'a bachelor's degree' for 'bachelor': how an advisor says an education level."""
    return EDUCATION_WORDS.get(level, f"{level.replace('-', ' ')} education")


def you_have(reqs: Iterable[Requirement], experience: Mapping[str, float], education: EducationHeld | None) -> str:
    """What the learner has against the experience and education items of `reqs`:
    '1 year of security, no education stated' ('' when `reqs` name neither)."""
    leaves = list(atoms(reqs))
    had = [f"{years_text(experience.get(d, 0.0))} of {domain_text(d)}"
           for d in sorted({a.domain for a in leaves if isinstance(a, ExperienceReq)})]
    if any(isinstance(a, EducationReq) for a in leaves):
        had.append("no education stated" if education is None else education_text(education.level.label)
                   + (f" in {education.field_of_study}" if education.field_of_study else ""))
    return ", ".join(had)


def describe(req: Requirement, name: Callable[[str], str] | None = None) -> str:
    """A requirement in a few words: 'sql at level 2', 'any of (x, y)'.

    `name` turns a skill or credential id into what to show (default: the id).
    """
    show = name or (lambda ident: ident)
    if isinstance(req, SkillReq):
        return f"{show(req.skill)} at level {int(req.level)}"
    if isinstance(req, CredentialReq):
        return show(req.credential)
    if isinstance(req, ExperienceReq):
        return f"{years_text(req.years)} of {domain_text(req.domain)} experience"
    if isinstance(req, EducationReq):
        text = education_text(req.level.label) + ("" if req.level.label in ("doctorate", "none") else " or above")
        if req.field_of_study:
            text += f" in {req.field_of_study}"
        return text + (" (accredited program)" if req.accredited else "")
    inner = ", ".join(describe(item, name) for item in req.items)
    if isinstance(req, AllOf):
        return f"all of ({inner})"
    if isinstance(req, AnyOf):
        return f"any of ({inner})"
    return f"{req.n} of ({inner})"


def requirement_data(req: Requirement) -> dict[str, Any]:
    """A requirement in the catalog's own YAML shape: what JSON output and CTDL's
    `skillstack:requirement` hold."""
    if isinstance(req, SkillReq):
        return {"skill": req.skill, "level": int(req.level)}
    if isinstance(req, CredentialReq):
        return {"credential": req.credential}
    if isinstance(req, ExperienceReq):
        return {"experience": req.domain, "years": req.years}
    if isinstance(req, EducationReq):
        out: dict[str, Any] = {"education": req.level.label}
        if req.field_of_study:
            out["field"] = req.field_of_study
        if req.accredited:
            out["accredited"] = True
        return out
    items = [requirement_data(i) for i in req.items]
    if isinstance(req, NOf):
        return {"n_of": req.n, "from": items}
    return {"all_of" if isinstance(req, AllOf) else "any_of": items}
