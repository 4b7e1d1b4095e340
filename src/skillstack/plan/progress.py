"""A learner along a pathway, as the solver sees it: skill levels, held credentials,
fixed experience and education. Implements the `order.Learner` protocol."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from skillstack.model import (
    AllOf,
    AnyOf,
    Credential,
    CredentialId,
    CredentialReq,
    EducationHeld,
    EducationReq,
    ExperienceReq,
    Requirement,
    SkillId,
    SkillReq,
)
from skillstack.plan.order import Learner, reach
from skillstack.plan.problem import PlanProblem
from skillstack.requirements import education_meets


@dataclass
class Progress(Learner):
    skills: dict[SkillId, int]
    held: set[CredentialId]
    experience: Mapping[str, float]
    education: EducationHeld | None = None

    def copy(self) -> Progress:
        return Progress(dict(self.skills), set(self.held), self.experience, self.education)

    def has(self, skill: SkillId, level: int) -> bool:
        return self.skills.get(skill, 0) >= level

    def holds(self, req: Requirement) -> bool:
        if isinstance(req, SkillReq):
            return self.has(req.skill, req.level)
        if isinstance(req, CredentialReq):
            return req.credential in self.held
        if isinstance(req, ExperienceReq):
            return self.experience.get(req.domain, 0.0) >= req.years
        if isinstance(req, EducationReq):
            return education_meets(self.education, req)
        if isinstance(req, AllOf):
            return all(self.holds(item) for item in req.items)
        if isinstance(req, AnyOf):
            return any(self.holds(item) for item in req.items)
        return sum(1 for item in req.items if self.holds(item)) >= req.n

    def eligible(self, cred: Credential) -> bool:
        return all(self.holds(req) for req in cred.needs)

    def take(self, cred: Credential) -> list[str]:
        self.held.add(cred.id)
        raised: list[str] = []
        for grant in cred.grants:
            if grant.level > self.skills.get(grant.skill, 0):
                self.skills[grant.skill] = int(grant.level)
                raised.append(grant.skill)
        return raised

    def earn(self, stacks: Sequence[Credential]) -> list[CredentialId]:
        """Earn every stack whose `awarded_for` now holds; the ids, in order."""
        earned: list[CredentialId] = []
        progress = True
        while progress:
            progress = False
            for stack in stacks:
                if stack.id in self.held or stack.awarded_for is None:
                    continue
                if self.holds(stack.awarded_for):
                    self.take(stack)
                    earned.append(stack.id)
                    progress = True
        return earned


def by_id(creds: Sequence[Credential] | frozenset[Credential] | list[Credential]) -> list[Credential]:
    unique = {c.id: c for c in creds}
    return [unique[key] for key in sorted(unique)]


def start_progress(problem: PlanProblem) -> Progress:
    """The learner at the start, with stacks already complete counted as held."""
    skills = {skill: int(level) for skill, level in problem.skills.items()}
    state = Progress(skills, set(problem.held), problem.experience, problem.education)
    state.earn(by_id(problem.stacks))
    return state


def reachable(candidates: Sequence[Credential], stacks: Sequence[Credential],
              start: Progress) -> tuple[list[Credential], list[Credential]]:
    """Those that some order could reach, everything else being taken (a worklist: linear in chains)."""
    state = start.copy()
    got = {candidates[i].id for i in reach(state, candidates, stacks)}
    return [c for c in candidates if c.id in got], [s for s in stacks if s.id in state.held]
