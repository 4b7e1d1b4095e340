"""The input and output of the pathway solver: plain data, no catalog lookups.

The plan service (`plan/service.py`) turns a profile and a catalog into a
`PlanProblem`; the solver (`plan/solver.py`) turns that into a `PlanSolution`.
Keeping this boundary pure lets the solver be tested against brute force on
small random problems.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from skillstack.model import Citation, Credential, CredentialId, EducationHeld, Level, Requirement, RoleId, SkillId

NEAR = 0.05
"""A near tie is at most this much worse on the objective than the optimum (5%)."""


@dataclass(frozen=True)
class GapItem:
    skill: SkillId
    level: Level
    importance: str = "essential"


@dataclass(frozen=True)
class Expected:
    """Credentials a target role expects (a credential, or a group of them), not held yet.

    Essential ones must hold at the end of a pathway; the important ones held are
    maximised before the objective; optional ones are only suggested.
    """

    requirement: Requirement
    importance: str
    roles: tuple[RoleId, ...] = ()
    source: str = ""
    cite: Citation | None = field(default=None, compare=False)  # the source as url and kind, when given


@dataclass(frozen=True)
class NearTie:
    """Another pathway close to the optimum: `why` says what it offers."""

    steps: tuple[CredentialId, ...]
    cost: float
    hours: float
    why: str


@dataclass(frozen=True)
class PlanProblem:
    """What the solver needs to know.

    - `candidates`: credentials that may be taken (never stacks), already cut
      down to the ones that can matter and with exclusions removed.
    - `stacks`: stacked credentials (`awarded_for` set) that may be earned
      along the way at no cost; their grants count from when they are earned.
    - `skills`: what the learner holds at the start (own skills plus the grants
      of unexpired held credentials), by skill id.
    - `held`: ids of unexpired held credentials (and stacks they already earned).
    - `experience`: years of work by domain; `education`: the learner's education (None: not stated).
    - `gap`: the skills to close, each at a level.
    - `budget`: total cost cap (None: no cap); `max_hours`: total hours cap
      (deadline weeks x hours per week; None: no cap).
    - `expected`: credentials the target roles expect and the learner lacks.
    - `hours_per_week`: the learner's pace, which prices subscriptions (months of study).
    - `near_ties`: also look for pathways at most 5% worse on the objective that are
      much better on the other measure or hold an expected credential the optimum lacks.
    """

    candidates: tuple[Credential, ...]
    stacks: tuple[Credential, ...] = ()
    skills: Mapping[SkillId, Level] = field(default_factory=dict)
    held: frozenset[CredentialId] = frozenset()
    experience: Mapping[str, float] = field(default_factory=dict)
    gap: tuple[GapItem, ...] = ()
    objective: str = "cost"
    budget: float | None = None
    max_hours: float | None = None
    education: EducationHeld | None = None
    expected: tuple[Expected, ...] = ()
    near_ties: bool = False
    hours_per_week: float = 10.0


@dataclass(frozen=True)
class PlanSolution:
    """An ordered pathway.

    `steps` are taken one after another in this order; `stacks` pairs each
    stacked credential earned with the index in `steps` of the step that
    completes it. `closed` are the gap items the pathway closes (all of them
    when `feasible`); `open` the rest. `optimal` is true only when the solver
    proved optimality (for a partial pathway: optimal for "close the most gap
    items, then the objective").
    """

    feasible: bool
    optimal: bool
    steps: tuple[CredentialId, ...] = ()
    stacks: tuple[tuple[CredentialId, int], ...] = ()
    closed: tuple[GapItem, ...] = ()
    open: tuple[GapItem, ...] = ()
    cost: float = 0.0
    hours: float = 0.0
    status: str = ""
    expected_met: tuple[Expected, ...] = ()  # expected items the pathway (with what is held) meets
    waived: int = 0  # recommendations of steps not met when the step starts
    near_ties: tuple[NearTie, ...] = ()
