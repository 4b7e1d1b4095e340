"""The requirement grammar's education atom, role items that are not skills, and profile education."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillstack.catalog import build_catalog
from skillstack.errors import InputError
from skillstack.loader import load_raw
from skillstack.model import AnyOf, CredentialReq, Education, EducationHeld, EducationReq, ExperienceReq
from skillstack.profile import ProfileInput, apply_flags, read_profile
from skillstack.requirements import State, describe, experience_allows, holds, you_have

CATALOG = """\
skills:
  - {id: pm, name: Project management}
credentials:
  - id: capm
    name: CAPM
    issuer: PMI
    kind: industry-certification
    grants: [{skill: pm, level: 1}]
  - id: pmp
    name: PMP
    issuer: PMI
    kind: industry-certification
    grants: [{skill: pm, level: 3}]
    requires:
      - any_of:
          - all_of: [{education: bachelor}, {experience: project-management, years: 3}]
          - all_of: [{education: high-school}, {experience: project-management, years: 5}]
  - id: rhit
    name: RHIT
    issuer: AHIMA
    kind: industry-certification
    requires: [{education: associate, field: Health Information Management, accredited: true}]
roles:
  - id: pm-senior
    name: Senior project manager
    level: senior
    previous: [pm-entry]
    requires:
      - {skill: pm, level: 3, importance: essential}
      - {credential: pmp, importance: essential, source: "PMI role path"}
      - any_of: [{credential: pmp}, {credential: capm}]
        importance: important
      - {experience: project-management, years: 3, importance: essential, source: "postings"}
      - {education: bachelor, importance: optional}
  - id: pm-entry
    name: Project coordinator
    level: entry
    next: [pm-senior]
    requires:
      - {skill: pm, level: 1}
"""


@pytest.fixture
def catalog(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "cat.yaml").write_text(CATALOG)
    raw = load_raw([tmp_path / "cat.yaml"])
    assert not raw.problems
    return build_catalog(raw)


def test_role_items_split_into_skills_and_expectations(catalog) -> None:  # type: ignore[no-untyped-def]
    role = catalog.roles["pm-senior"]
    assert [r.skill for r in role.requires] == ["pm"]
    kinds = [(e.kind, e.importance, e.source) for e in role.expects]
    assert kinds == [("credential", "essential", "PMI role path"), ("credential", "important", ""),
                     ("experience", "essential", "postings"), ("education", "optional", "")]
    assert role.expects[1].requirement == AnyOf((CredentialReq("pmp"), CredentialReq("capm")))  # type: ignore[arg-type]
    assert (role.level, role.previous, catalog.roles["pm-entry"].next) == ("senior", ("pm-entry",), ("pm-senior",))


def test_education_levels_are_ordered_and_fields_compared_loosely(catalog) -> None:  # type: ignore[no-untyped-def]
    pmp = catalog.credentials["pmp"].requires[0]
    bachelor = State(experience={"project-management": 4}, education=EducationHeld(Education.BACHELOR))
    school = State(experience={"project-management": 4}, education=EducationHeld(Education.HIGH_SCHOOL))
    master = State(experience={"project-management": 3}, education=EducationHeld(Education.MASTER, "physics"))
    assert [holds(pmp, s) for s in (bachelor, school, master)] == [True, False, True]
    assert not experience_allows(pmp, {"project-management": 4}, EducationHeld(Education.HIGH_SCHOOL))
    rhit = catalog.credentials["rhit"].requires[0]
    assert isinstance(rhit, EducationReq) and rhit.level == Education.ASSOCIATE
    assert holds(rhit, State(education=EducationHeld(Education.BACHELOR, "health-information management", True)))
    assert not holds(rhit, State(education=EducationHeld(Education.BACHELOR, "health information management")))
    assert not holds(rhit, State(education=EducationHeld(Education.BACHELOR, "nursing", True)))
    assert not holds(rhit, State())
    assert describe(rhit) == "an associate degree or above in Health Information Management (accredited program)"
    assert describe(ExperienceReq("it", 2)) == "2 years of IT experience"


@pytest.mark.parametrize(("text", "message"), [
    ("{education: bachelors}", ("education 'bachelors' is not one of: none, high-school, associate, bachelor, "
                                "master, doctorate; did you mean 'bachelor'?")),
    ("{education: phd, fieldd: x}", "unknown key 'fieldd' in education requirement"),
])
def test_education_typos_are_located_problems(tmp_path: Path, text: str, message: str) -> None:
    bad = CATALOG.replace("[{education: associate, field: Health Information Management, accredited: true}]",
                          f"[{text}]")
    (tmp_path / "cat.yaml").write_text(bad)
    problems = load_raw([tmp_path / "cat.yaml"]).problems
    assert any(message in p.message and p.line == 22 for p in problems), problems


def test_profile_education_from_file_and_flag(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("name: A\neducation: {level: master, field: business}\ntargets: [x]\n")
    assert read_profile(path).education == EducationHeld(Education.MASTER, "business")
    path.write_text("name: A\neducation: {level: masters}\n")
    with pytest.raises(InputError, match=r"p.yaml:2:20: education 'masters' is not one of.*did you mean 'master'"):
        read_profile(path)
    assert apply_flags(ProfileInput(), education="high-school").education == EducationHeld(Education.HIGH_SCHOOL)
    with pytest.raises(InputError, match="--education 'college'"):
        apply_flags(ProfileInput(), education="college")


def test_experience_domains_read_as_words_in_sentences() -> None:
    """'0 years of it' read as a pronoun and 'project-management' as an id in a client's report."""
    assert describe(ExperienceReq("project-management", 3)) == "3 years of project management experience"
    assert describe(ExperienceReq("security-architecture", 1)) == "1 year of security architecture experience"
    assert you_have([ExperienceReq("it", 5), ExperienceReq("supply-chain", 3)], {"it": 2.0}, None) == \
        "2 years of IT, 0 years of supply chain"
