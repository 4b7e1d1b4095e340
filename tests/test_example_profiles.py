"""Every shipped example profile plans to a feasible, optimal pathway that closes its gap.

The profiles in examples/profiles/ are documentation users copy from; if a catalog
change makes one of them infeasible or nonsensical, this test says which.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from skillstack.catalog import build_catalog
from skillstack.cli import app
from skillstack.loader import load_raw, shipped_catalog

PROFILES_DIR = Path(__file__).resolve().parents[1] / "examples" / "profiles"
PROFILES = sorted(PROFILES_DIR.glob("*.yaml"))
TODAY = "2026-11-22"

runner = CliRunner()


def _plan(profile: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["plan", "--profile", str(profile), "--format", "json", "--today", TODAY])
    assert result.exit_code == 0, f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def test_there_are_enough_examples() -> None:
    assert len(PROFILES) >= 6, f"expected at least 6 example profiles in {PROFILES_DIR}"


@pytest.mark.parametrize("profile", PROFILES, ids=[p.stem for p in PROFILES])
def test_example_profiles_plan_from_the_day_they_are_run(profile: Path) -> None:
    """A fixed `start` goes stale: the README's first command would open with "start ... is in
    the past". Examples leave it out, so a plan starts on the day it is made."""
    written = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert "start" not in (written.get("constraints") or {}), f"{profile.name} fixes a start date"


@pytest.mark.parametrize("profile", PROFILES, ids=[p.stem for p in PROFILES])
def test_example_profile_plans(profile: Path) -> None:
    written = yaml.safe_load(profile.read_text(encoding="utf-8"))
    constraints = written.get("constraints") or {}

    doc = _plan(profile)

    assert doc["schema_version"] == 1
    assert doc["feasible"] is True
    assert doc["optimal"] is True
    assert doc["objective"] == constraints.get("optimize", "cost")

    totals = doc["totals"]
    steps = doc["steps"]
    assert totals["credentials"] == len(steps)
    assert totals["cost"] == pytest.approx(sum(s["cost"] for s in steps))
    assert totals["hours"] == pytest.approx(sum(s["hours"] for s in steps))
    if "budget" in constraints:
        assert totals["cost"] <= constraints["budget"] + 1e-9, (
            f"pathway costs {totals['cost']}, over the budget {constraints['budget']}")

    # The schedule starts on the profile's start day and finishes by its deadline.
    if steps and "start" in constraints:
        assert date.fromisoformat(steps[0]["start"]) == constraints["start"]
    if steps and "deadline" in constraints:
        assert date.fromisoformat(steps[-1]["end"]) <= constraints["deadline"]

    # Together the steps close every gap skill (essential and important ones).
    gap = {g["skill"] for g in doc["gap"]}
    closed = {skill for step in steps for skill in step["closes"]}
    assert gap, "an example profile should have something to learn"
    assert gap <= closed, f"gap skills left open: {sorted(gap - closed)}"

    # Only credentials that can still be earned when their step ends (issue 11).
    cat = build_catalog(load_raw([shipped_catalog()]))
    for step in steps:
        cred = cat.credentials[step["credential"]]
        assert cred.status != "retired", f"{cred.id} is retired"
        assert cred.retires is None or date.fromisoformat(step["end"]) <= cred.retires, \
            f"{cred.id} retires on {cred.retires}, before its step ends ({step['end']})"


@pytest.mark.parametrize("objective", ["cost", "hours"])
@pytest.mark.parametrize("profile", PROFILES, ids=[p.stem for p in PROFILES])
def test_no_step_needs_experience_or_education_the_learner_lacks(profile: Path, objective: str) -> None:
    """SPEC 3: experience (and education) cannot be earned by a credential. Replayed in order from
    the learner's own holdings, every step's `requires` holds when it starts: an experience or
    education gate is met from the start, or through a credential an earlier step earns."""
    from dataclasses import replace

    from skillstack.cache import load_catalog
    from skillstack.plan.service import plan, start_state
    from skillstack.profile import read_profile, resolve_profile
    from skillstack.requirements import describe, holds

    cat = load_catalog([shipped_catalog()]).catalog
    learner, _ = resolve_profile(read_profile(profile), cat)
    learner = replace(learner, constraints=replace(learner.constraints, optimize=objective))
    day = date.fromisoformat(TODAY)
    result = plan(cat, learner, day)
    state = start_state(cat, learner, day).learner.copy()
    before = dict(state.experience), state.education
    assert result.steps, f"{profile.name}: no steps to check"
    for step in result.steps:
        cred = cat.credentials[step.credential]
        unmet = [describe(r) for r in cred.requires if not holds(r, state)]
        assert not unmet, f"{profile.name}: {cred.id} starts on {step.start} without {unmet}"
        for cid in (cred.id, *step.stacks):
            state.credentials.add(cid)
            state.add_grants((g.skill, g.level) for g in cat.credentials[cid].grants)
    assert (dict(state.experience), state.education) == before  # nothing on the pathway added experience
