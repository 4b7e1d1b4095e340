"""The learner services the commands call, used as a library: no terminal, no files written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from skillstack.catalog import Catalog, build_catalog
from skillstack.client_reports import read_learners
from skillstack.errors import InputError
from skillstack.holdings import counting_in_progress
from skillstack.loader import load_raw, shipped_catalog
from skillstack.model import (
    Constraints,
    ConstraintsInput,
    CredentialId,
    CurrentSalary,
    Education,
    EducationHeld,
    HeldCredential,
    HeldInput,
    Level,
    Profile,
    ProgressInput,
    RoleId,
    SourceRef,
)
from skillstack.profile import Flags, ProfileInput, apply_flags, from_today, learner_profile, read_learner, read_profile

TODAY = date(2026, 12, 2)


@cache
def catalog() -> Catalog:
    return build_catalog(load_raw([shipped_catalog()]))


def test_flags_over_an_empty_profile_resolve_names_and_say_fuzzy_readings() -> None:
    learner, readings = learner_profile(catalog(), ProfileInput(),
                                        Flags(roles=("data analyts",), have=("excel:3",), budget=500.0))
    assert learner.targets == (RoleId("data-analyst"),)
    assert learner.constraints.budget == 500.0
    assert readings == ["'data analyts' read as 'Data Analyst' (data-analyst)"]


def test_a_posted_role_replaces_the_profiles_targets_but_not_a_role_flag() -> None:
    base = ProfileInput(targets=(("data-analyst", None),))
    posted = RoleId("it-support-specialist")
    alone, _ = learner_profile(catalog(), base, Flags(), posted)
    both, _ = learner_profile(catalog(), base, Flags(roles=("data-analyst",)), posted)
    assert alone.targets == (posted,)
    assert both.targets == (RoleId("data-analyst"), posted)


def test_a_start_in_the_past_moves_to_today_and_a_deadline_before_it_is_refused() -> None:
    past = Profile(constraints=Constraints(start=date(2026, 1, 5)))
    moved, warnings = from_today(past, TODAY)
    assert moved.constraints.start == TODAY
    assert warnings == [("start 2026-01-05 is in the past; planning from today, 2026-12-02 "
                         "(pass --start to choose another day)")]
    assert from_today(Profile(), TODAY) == (Profile(), [])
    with pytest.raises(InputError, match="deadline 2026-11-30 is before the start of study"):
        from_today(Profile(constraints=Constraints(deadline=date(2026, 11, 30))), TODAY)


def test_credentials_in_progress_count_as_held_for_planning() -> None:
    cid = next(iter(catalog().credentials)).id
    doing = Profile(in_progress=(cid,))
    counted, notes = counting_in_progress(catalog(), doing)
    assert counted.credentials == (HeldCredential(CredentialId(cid)),)
    assert len(notes) == 1 and notes[0].startswith("planning as if ") and f"progress done {cid}" in notes[0]
    held = replace(doing, credentials=(HeldCredential(cid),))
    assert counting_in_progress(catalog(), held) == (held, [])


PROFILE = """# a learner
name: Ana
skills: {sql: 2, Excel: advanced}
credentials:
  - {id: comptia-a-plus, earned: 2024-05-01, expires: 2027-05-01}
experience: {support: 3}
targets: [data analyst]
constraints:
  budget: 1500
  hours_per_week: 8
  exclude: [Microsoft]
  issuers: [Google]
  with_optional: true
progress:
  in_progress: [google-data-analytics]
  started: {google-data-analytics: 2026-11-02}
current_salary: {amount: 52000}
education: {level: bachelor, field: history}
"""


def test_a_profile_file_is_read_into_the_typed_profile_as_written(tmp_path: Path) -> None:
    path = tmp_path / "ana.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    name = str(path)

    def at(line: int, col: int) -> SourceRef:
        return SourceRef(name, line, col)

    assert read_profile(path) == ProfileInput(
        name="Ana", skills=(("sql", Level.INTERMEDIATE, at(3, 10)), ("Excel", Level.ADVANCED, at(3, 18))),
        credentials=(HeldInput(("comptia-a-plus", at(5, 10)), date(2024, 5, 1), date(2027, 5, 1)),),
        experience=(("support", 3.0, at(6, 14)),), targets=(("data analyst", at(7, 11)),),
        constraints=ConstraintsInput(budget=1500.0, hours_per_week=8.0, exclude=(("Microsoft", at(11, 13)),),
                                     issuers=("Google",), with_optional=True),
        progress=ProgressInput(in_progress=(("google-data-analytics", at(15, 17)),),
                               started=(("google-data-analytics", date(2026, 11, 2), at(16, 13)),)),
        current_salary=CurrentSalary(52000.0), education=EducationHeld(Education.BACHELOR, "history"),
        where=at(2, 1))


def test_flags_over_a_profile_replace_add_or_keep_each_part() -> None:
    base = ProfileInput(
        credentials=(HeldInput(("comptia-a-plus", None), date(2024, 5, 1), date(2027, 5, 1)),),
        experience=(("support", 3.0, None),), targets=(("data-analyst", None),),
        constraints=ConstraintsInput(budget=1500.0, exclude=(("Microsoft", None),), issuers=("Google",),
                                     with_optional=True, strict_recommendations=True))
    merged = apply_flags(base, holds=("comptia-a-plus@2025-01-02",), experience=("support:5",),
                         exclude=("Amazon",), constraints=ConstraintsInput(
                             hours_per_week=6.0, issuers=("CompTIA",), with_optional=False))
    # --holds says when it was earned; the profile's own expiry for it still holds
    assert merged.credentials == (HeldInput(("comptia-a-plus", None), date(2025, 1, 2), date(2027, 5, 1)),)
    assert merged.experience == (("support", 5.0, None),)
    assert merged.targets == base.targets  # no --role: the profile's targets
    assert merged.constraints == ConstraintsInput(
        budget=1500.0, hours_per_week=6.0, exclude=(("Microsoft", None), ("Amazon", None)), issuers=("CompTIA",),
        with_optional=False, strict_recommendations=True)
    assert apply_flags(base) == base


def test_an_issuer_not_in_the_catalog_names_the_closest_by_the_one_scorer() -> None:
    mini = build_catalog(load_raw([Path(__file__).parent / "data" / "catalogs" / "mini"]))
    for typed, closest in (("Acme", "acme u"), ("BigCorp", "bigco"), ("xyzzy", "none")):
        with pytest.raises(InputError) as caught:
            learner_profile(mini, ProfileInput(), Flags(roles=("analyst",), issuers=(typed,)))
        assert str(caught.value) == f"--issuer {typed!r} is not an issuer in the catalog; closest: {closest}"


def test_a_profile_file_is_read_resolved_and_its_fuzzy_readings_returned(tmp_path: Path) -> None:
    file = tmp_path / "me.yaml"
    file.write_text("targets: [data analyst]\nskills: {statistcs: 2}\n")
    learner, readings = read_learner(catalog(), file)
    assert learner.targets == (RoleId("data-analyst"),)
    assert learner.skills == (("statistics", Level(2)),)
    assert readings == ["'statistcs' read as 'Statistics' (statistics)"]


def test_learners_to_report_on_come_in_order_with_readings_naming_their_file(tmp_path: Path) -> None:
    fuzzy, plain = tmp_path / "fuzzy.yaml", tmp_path / "plain.yaml"
    fuzzy.write_text("targets: [data analyst]\nskills: {statistcs: 2}\n")
    plain.write_text("targets: [data-analyst]\n")
    got = [(learner.targets, readings) for learner, readings in read_learners(catalog(), [plain, fuzzy])]
    assert got == [((RoleId("data-analyst"),), []),
                   ((RoleId("data-analyst"),), [f"{fuzzy}: 'statistcs' read as 'Statistics' (statistics)"])]


def test_a_profile_without_a_target_is_refused_after_its_readings(tmp_path: Path) -> None:
    """Its readings are given before the error naming it, as every earlier file's are."""
    aimless = tmp_path / "aimless.yaml"
    aimless.write_text("skills: {statistcs: 2}\n")
    learners = read_learners(catalog(), [aimless])
    learner, readings = next(learners)
    assert learner.targets == ()
    assert readings == [f"{aimless}: 'statistcs' read as 'Statistics' (statistics)"]
    with pytest.raises(InputError) as refused:
        next(learners)
    assert str(refused.value) == f"{aimless}: no target role; list `targets` in the profile"
