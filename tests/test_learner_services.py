"""The learner services the commands call, used as a library: no terminal, no files written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

import pytest

from skillstack.catalog import Catalog, build_catalog
from skillstack.errors import InputError
from skillstack.holdings import counting_in_progress
from skillstack.loader import load_raw, shipped_catalog
from skillstack.model import Constraints, CredentialId, HeldCredential, Profile, RoleId
from skillstack.profile import Flags, ProfileInput, from_today, learner_profile

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
    base = ProfileInput(targets=[("data-analyst", None)])
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
