"""Resolved domain objects: frozen dataclasses, no I/O.

Everything the loader reads is turned into these types by `catalog.py`; the
services (validate, audit, plan, report) take them in and give result objects
back. Ids are plain strings behind `NewType`s so a skill id cannot be passed
where a credential id is meant without the type checker noticing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum
from typing import NewType, Union

SkillId = NewType("SkillId", str)
CredentialId = NewType("CredentialId", str)
RoleId = NewType("RoleId", str)


class Level(IntEnum):
    """Skill levels; anywhere a level is written the name or number is accepted."""

    FOUNDATIONAL = 1
    INTERMEDIATE = 2
    ADVANCED = 3
    EXPERT = 4

    @property
    def label(self) -> str:
        return self.name.lower()


IMPORTANCE_WEIGHTS = {"essential": 3.0, "important": 2.0, "optional": 1.0}

# what a plan minimises: total cost, total hours, or the number of credentials
OBJECTIVES = ("cost", "hours", "count")

HOURS_PER_WEEK = (0.5, 100)
"""The fewest and most study hours a week a learner may give: in a profile file (`schema.profile`),
with `--hours-per-week`, and to `init`'s prompt."""


class Education(IntEnum):
    """Education levels, lowest first; a requirement of level L is met by L or above."""

    NONE = 0
    HIGH_SCHOOL = 1
    ASSOCIATE = 2
    BACHELOR = 3
    MASTER = 4
    DOCTORATE = 5

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, text: str) -> Education:
        """'high-school' -> Education.HIGH_SCHOOL; ValueError for anything else."""
        try:
            return cls[text.strip().upper().replace("-", "_").replace(" ", "_")]
        except KeyError:
            raise ValueError(text) from None


EDUCATION_LEVELS = tuple(e.label for e in Education)
ROLE_LEVELS = ("entry", "mid", "senior")


@dataclass(frozen=True)
class SourceRef:
    """Where an object was written: 1-based line and column."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


# ---- requirement grammar -------------------------------------------------


@dataclass(frozen=True)
class SkillReq:
    skill: SkillId
    level: Level = Level.FOUNDATIONAL
    where: SourceRef | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class CredentialReq:
    credential: CredentialId
    where: SourceRef | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ExperienceReq:
    domain: str
    years: float
    where: SourceRef | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class EducationReq:
    """An education level (or above), optionally in a field or from an accredited program."""

    level: Education
    field_of_study: str = ""
    accredited: bool = False
    where: SourceRef | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class AllOf:
    items: tuple[Requirement, ...]
    where: SourceRef | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Requirement, ...]
    where: SourceRef | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class NOf:
    n: int
    items: tuple[Requirement, ...]
    where: SourceRef | None = field(default=None, compare=False, repr=False)


Requirement = Union[SkillReq, CredentialReq, ExperienceReq, EducationReq, AllOf, AnyOf, NOf]


# ---- catalog objects ------------------------------------------------------


@dataclass(frozen=True)
class Grant:
    skill: SkillId
    level: Level
    where: SourceRef | None = field(default=None, compare=False, repr=False)


SOURCE_KINDS = ("issuer", "authority", "secondary")
# Fact groups a source can back; a source without `facts` backs every fact of its entry.
CREDENTIAL_FACTS = ("cost", "hours", "requires", "validity", "grants", "status", "exam")
ROLE_FACTS = ("salary", "onet", "outlook", "requires")
FACTS = tuple(dict.fromkeys(CREDENTIAL_FACTS + ROLE_FACTS))
CREDENTIAL_STATUSES = ("active", "retiring", "retired")


@dataclass(frozen=True)
class Source:
    """Where facts were read: a plain URL (kind unknown, backs every fact) or a typed entry.

    `kind` is issuer (the credential's issuer or the role's data owner), authority
    (DoD COOL, BLS, O*NET...) or secondary (a page quoting others); "" when the
    catalog gives a plain URL. `facts` names the fact groups it backs (empty: all).
    `reviewed` is when a curator last re-read this page for those facts.
    """

    url: str
    kind: str = ""
    facts: tuple[str, ...] = ()
    reviewed: date | None = None
    note: str = ""

    def backs(self, fact: str) -> bool:
        return not self.facts or fact in self.facts

    def __str__(self) -> str:
        return self.url


def backers(sources: tuple[Source, ...], fact: str) -> tuple[Source, ...]:
    """The sources that back one fact group."""
    return tuple(s for s in sources if s.backs(fact))


def fact_kind(sources: tuple[Source, ...], fact: str) -> str:
    """The strongest kind of source behind a fact: issuer > authority > secondary > "" (unknown)."""
    kinds = {s.kind for s in backers(sources, fact)}
    for kind in SOURCE_KINDS:
        if kind in kinds:
            return kind
    return ""


def fact_reviewed(sources: tuple[Source, ...], fact: str, fallback: date | None = None) -> date | None:
    """When a fact group was last re-read: the newest `reviewed` of its sources, else the entry's date."""
    dates = [s.reviewed for s in backers(sources, fact) if s.reviewed is not None]
    return max(dates) if dates else fallback


@dataclass(frozen=True)
class Subscription:
    """A price per month at one provider; the planner prices it from the learner's pace."""

    monthly: float
    provider: str


@dataclass(frozen=True)
class Cost:
    """`amount` is paid once; a `subscription` adds its monthly price for the months studied.

    `retake` and `training` are information for the learner, never added to a plan.
    """

    amount: float
    currency: str = "USD"
    note: str = ""
    subscription: Subscription | None = None
    retake: float | None = None
    training: float | None = None


@dataclass(frozen=True)
class Discount:
    """`percent` off the one-off amount when the pathway takes a matching credential earlier.

    The condition names an issuer or one credential; credentials held before the
    pathway starts do not count (their vouchers are assumed used or expired).
    """

    percent: float
    after_issuer: str = ""
    after_credential: CredentialId | None = None
    note: str = ""
    where: SourceRef | None = field(default=None, compare=False, repr=False)

    def met_by(self, cred: Credential) -> bool:
        if self.after_credential is not None:
            return cred.id == self.after_credential
        return cred.issuer == self.after_issuer


@dataclass(frozen=True)
class Credit:
    toward: str
    credits: float


@dataclass(frozen=True)
class Skill:
    id: SkillId
    name: str
    where: SourceRef
    aliases: tuple[str, ...] = ()
    domain: str = ""
    description: str = ""
    broader: SkillId | None = None
    esco: str = ""
    onet: str = ""


@dataclass(frozen=True)
class Credential:
    id: CredentialId
    name: str
    issuer: str
    kind: str
    where: SourceRef
    provider: str = ""
    url: str = ""
    cost: Cost = Cost(0.0)
    hours: float = 0.0
    level: str = ""
    format: str = ""
    grants: tuple[Grant, ...] = ()
    requires: tuple[Requirement, ...] = ()
    recommends: tuple[Requirement, ...] = ()
    awarded_for: Requirement | None = None
    credit: tuple[Credit, ...] = ()
    validity_years: float | None = None
    renewal: str = ""
    accreditation: tuple[str, ...] = ()
    verification: str = ""
    last_reviewed: date | None = None
    sources: tuple[Source, ...] = ()
    description: str = ""
    allow_warnings: tuple[str, ...] = ()
    status: str = "active"  # active | retiring | retired
    retires: date | None = None
    superseded_by: CredentialId | None = None
    exam: str = ""
    discounts: tuple[Discount, ...] = ()

    @property
    def is_retired(self) -> bool:
        return self.status == "retired"

    def available_until(self) -> date | None:
        """The last day it can still be earned: its `retires` date; None when open-ended."""
        return self.retires

    @property
    def is_stack(self) -> bool:
        """A stacked credential is earned automatically from its parts."""
        return self.awarded_for is not None

    @property
    def needs(self) -> tuple[Requirement, ...]:
        """What must hold before it is taken: all of `requires`, or a stack's `awarded_for`."""
        return (self.awarded_for,) if self.awarded_for is not None else self.requires


@dataclass(frozen=True)
class RoleSkill:
    skill: SkillId
    level: Level
    importance: str  # essential | important | optional
    where: SourceRef | None = field(default=None, compare=False, repr=False)
    source: str = ""


EXPECT_SOURCE_KINDS = (*SOURCE_KINDS, "postings")


@dataclass(frozen=True)
class Citation:
    """Who says what employers expect of a role: a page, its kind (issuer: the credential
    issuer's role path; authority: DoD 8140 / COOL, CareerOneStop, BLS; secondary: a page
    quoting others; postings: counts from job postings) and what it says."""

    url: str
    kind: str
    note: str = ""

    def __str__(self) -> str:
        return f"{self.note} ({self.kind}: {self.url})" if self.note else f"{self.kind}: {self.url}"


@dataclass(frozen=True)
class Expectation:
    """A role requirement that is not a skill: credentials employers expect (a credential or a
    group of them), years of experience, or education; with who says so."""

    requirement: Requirement
    importance: str  # essential | important | optional
    source: str = ""  # who says so, as text (a Citation's text when `cite` is set)
    where: SourceRef | None = field(default=None, compare=False, repr=False)
    cite: Citation | None = field(default=None, compare=False)  # the same, as url, kind and note

    @property
    def kind(self) -> str:
        """'credential' when every way to meet it is holding credentials; else 'experience',
        'education', or 'mixed' (credentials or a gate)."""
        kinds = {type(a).__name__ for a in _leaves(self.requirement)}
        if kinds == {"CredentialReq"}:
            return "credential"
        if kinds == {"ExperienceReq"}:
            return "experience"
        if kinds == {"EducationReq"}:
            return "education"
        return "mixed"


def _leaves(req: Requirement) -> list[Requirement]:
    if isinstance(req, (AllOf, AnyOf, NOf)):
        return [leaf for item in req.items for leaf in _leaves(item)]
    return [req]


@dataclass(frozen=True)
class Salary:
    """A role's median pay. `proxy` marks pay taken from a broader occupation (`occupation`)."""

    median: float
    currency: str = "USD"
    year: int | None = None
    source: str = ""
    kind: str = ""  # issuer | authority | secondary, "" unknown
    proxy: bool = False
    occupation: str = ""
    url: str = ""


@dataclass(frozen=True)
class Role:
    id: RoleId
    name: str
    where: SourceRef
    domain: str = ""
    description: str = ""
    onet: str = ""
    esco: str = ""
    requires: tuple[RoleSkill, ...] = ()  # the skill items of `requires`
    salary: Salary | None = None
    outlook: str = ""
    sources: tuple[Source, ...] = ()
    last_reviewed: date | None = None
    allow_warnings: tuple[str, ...] = ()
    expects: tuple[Expectation, ...] = ()  # the other items of `requires`, in file order
    level: str = ""  # entry | mid | senior, or "" when not stated
    next: tuple[RoleId, ...] = ()
    previous: tuple[RoleId, ...] = ()
    no_credential_expected: Citation | None = None  # stated: employers commonly expect no credential


@dataclass(frozen=True)
class CatalogInfo:
    name: str = "unnamed catalog"
    version: str = ""
    license: str = ""
    sources: tuple[str, ...] = ()


# ---- profiles -------------------------------------------------------------


@dataclass(frozen=True)
class HeldCredential:
    id: CredentialId
    earned: date | None = None
    expires: date | None = None  # the credential's own expiry (e.g. an imported badge's), if it states one


@dataclass(frozen=True)
class Constraints:
    budget: float | None = None
    hours_per_week: float = 10.0
    start: date | None = None
    deadline: date | None = None
    exclude: tuple[str, ...] = ()
    optimize: str = "cost"  # cost | hours | count
    with_optional: bool = False
    issuers: tuple[str, ...] = ()  # include only these issuers (normalised names); () means all
    strict_recommendations: bool = False  # `recommends` binding like `requires`


@dataclass(frozen=True)
class Profile:
    """A career changer, with every name already resolved to a catalog id."""

    name: str = ""
    skills: tuple[tuple[SkillId, Level], ...] = ()
    credentials: tuple[HeldCredential, ...] = ()
    experience: tuple[tuple[str, float], ...] = ()
    targets: tuple[RoleId, ...] = ()
    constraints: Constraints = Constraints()
    in_progress: tuple[CredentialId, ...] = ()
    where: SourceRef | None = None
    education: EducationHeld | None = None
    current_salary: CurrentSalary | None = None
    started: tuple[tuple[CredentialId, date], ...] = ()  # in-progress credentials' start days


@dataclass(frozen=True)
class CurrentSalary:
    """What the learner earns now (profile `current_salary`), for return on investment."""

    amount: float
    currency: str = "USD"
    source: str = ""


@dataclass(frozen=True)
class EducationHeld:
    level: Education
    field_of_study: str = ""
    accredited: bool = False


# ---- profiles as written (names not yet resolved) -------------------------
# The declarations in `schema/profile.py` fill these by field name; `profile.py`
# merges command-line flags over them and resolves the names to catalog ids.

Written = tuple[str, SourceRef | None]
"""A name as the learner wrote it and where (None: from a command-line flag)."""


@dataclass(frozen=True)
class HeldInput:
    """A held credential as written: `credentials: [{id, earned, expires}]`."""

    id: Written
    earned: date | None = None
    expires: date | None = None  # its own expiry date, e.g. an imported badge's


@dataclass(frozen=True)
class ConstraintsInput:
    """A profile's `constraints` as written; None (or empty) is "not given": flags or defaults decide."""

    budget: float | None = None
    hours_per_week: float | None = None
    start: date | None = None
    deadline: date | None = None
    exclude: tuple[Written, ...] = ()  # credential ids, names or issuers
    optimize: str | None = None
    with_optional: bool | None = None
    issuers: tuple[str, ...] = ()
    strict_recommendations: bool | None = None


@dataclass(frozen=True)
class ProgressInput:
    """A profile's `progress`: credentials being studied, and the day each was started."""

    in_progress: tuple[Written, ...] = ()
    started: tuple[tuple[str, date, SourceRef | None], ...] = ()


@dataclass(frozen=True)
class ProfileInput:
    """A profile as written (names not yet resolved), from a file, flags, or both."""

    name: str = ""
    skills: tuple[tuple[str, Level, SourceRef | None], ...] = ()  # (skill as written, level, where)
    credentials: tuple[HeldInput, ...] = ()
    experience: tuple[tuple[str, float, SourceRef | None], ...] = ()  # (work domain, years, where)
    targets: tuple[Written, ...] = ()
    constraints: ConstraintsInput = ConstraintsInput()
    progress: ProgressInput = ProgressInput()
    current_salary: CurrentSalary | None = None
    education: EducationHeld | None = None
    where: SourceRef | None = None
