"""The declaration of profile files: a learner's skills, credentials, targets and constraints.

Each `Record` fills its dataclass in `model` (`ProfileInput` and its parts, the profile
as written) by field name, so a new profile field is one line in the model and one
here; `profile.py` resolves the names in it against the catalog.
"""

from __future__ import annotations

from skillstack import model as m
from skillstack.schema.toolkit import (
    MONEY_LIMIT,
    Bool,
    DateT,
    EducationT,
    Enum,
    F,
    LevelT,
    ListOf,
    Located,
    MapOf,
    Real,
    Record,
    Str,
)

HOURS_PER_WEEK = m.HOURS_PER_WEEK
"""The fewest and most study hours a week a profile may give (`init` asks within them too)."""

HELD = Record("held credential", m.HeldInput, {
    "id": F(Located(Str("credential id or name")), True), "earned": F(DateT()),
    "expires": F(DateT(), description="its own expiry date, e.g. an imported badge's"),
}, free_keys=False)
CONSTRAINTS = Record("constraints", m.ConstraintsInput, {
    "budget": F(Real(minimum=0, maximum=MONEY_LIMIT), description="USD"),
    "hours_per_week": F(Real(minimum=HOURS_PER_WEEK[0], maximum=HOURS_PER_WEEK[1]), description="default 10"),
    "start": F(DateT()), "deadline": F(DateT()),
    "exclude": F(ListOf(Located(Str())), description="credential ids or issuers to leave out"),
    "optimize": F(Enum(*m.OBJECTIVES)),
    "with_optional": F(Bool(), description="also close optional role skills"),
    "issuers": F(ListOf(Str()), description="plan only credentials of these issuers (an AWS shop)"),
    "strict_recommendations": F(Bool(), description="treat each credential's recommends as required"),
})
PROGRESS = Record("progress", m.ProgressInput, {
    "in_progress": F(ListOf(Located(Str("credential id or name")))),
    "started": F(MapOf(DateT(), "credential id -> the day it was started"),
                 description="written by `skillstack progress start`"),
})
CURRENT_SALARY = Record("current salary", m.CurrentSalary, {
    "amount": F(Real(minimum=0, maximum=MONEY_LIMIT), True), "currency": F(Str()),
    "source": F(Str(), description="where the figure comes from, e.g. a payslip"),
}, free_keys=False)
EDUCATION = Record("education", m.EducationHeld, {
    "level": F(EducationT(), True), "field": F(Str("field of study"), attr="field_of_study"),
    "accredited": F(Bool(), description="from an accredited program"),
}, free_keys=False)
PROFILE_FILE = Record("profile", m.ProfileInput, {
    "name": F(Str()),
    "skills": F(MapOf(LevelT(), "skill id or name -> level")),
    "credentials": F(ListOf(HELD)),
    "experience": F(MapOf(Real(minimum=0, maximum=80), "work domain -> years")),
    "targets": F(ListOf(Located(Str("role id or name")))),
    "constraints": F(CONSTRAINTS),
    "progress": F(PROGRESS),
    "current_salary": F(CURRENT_SALARY, description="what the learner earns now, for return on investment"),
    "education": F(EDUCATION),
})
