"""The senior rung of the project-management ladder: program manager, reached through PMI's PgMP.

PgMP's eligibility is written as PMI states it (education with years of project and of program
management, a PMP standing in for the project years), so the plan from scratch says why the role is
out of reach and where to start, and an experienced program lead is sent to the PgMP.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from skillstack.catalog import build_catalog
from skillstack.loader import load_raw, shipped_catalog
from strategies import entry_point

LEAD = """name: Program lead
education: {level: bachelor, field: business administration}
skills:
  leadership: intermediate
  budgeting: intermediate
  risk-management: intermediate
experience: {project-management: 6, program-management: 4}
targets: [program-manager]
constraints: {budget: 3000, hours_per_week: 8, deadline: 2027-12-31}
"""


def _plan(tmp_path: Path, *args: str) -> dict:
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SKILLSTACK_CATALOG", None)
    done = subprocess.run([entry_point(), "plan", *args, "--today", "2026-12-01", "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_ladder_links_both_ways() -> None:
    roles = build_catalog(load_raw([shipped_catalog()])).roles
    pgm = roles["program-manager"]
    assert pgm.level == "senior" and set(pgm.previous) == {"project-manager", "it-project-manager"}
    assert all("program-manager" in roles[r].next for r in pgm.previous)


def test_from_scratch_the_pgmp_is_out_of_reach_and_says_why(tmp_path: Path) -> None:
    doc = _plan(tmp_path, "--role", "program-manager")
    assert not doc["feasible"]
    assert {"skill": "program-management", "level": 3, "importance": "essential"} in doc["open"]
    (pgmp,) = [e for e in doc["expected"] if e["requirement"] == {"credential": "pmi-pgmp"}]
    assert not pgmp["met"] and "program management experience" in pgmp["why"]
    assert pgmp["aim_first"] in {"project-coordinator", "project-manager", "it-project-manager"}


def test_an_experienced_program_lead_is_sent_to_the_pgmp(tmp_path: Path) -> None:
    profile = tmp_path / "lead.yaml"
    profile.write_text(LEAD, encoding="utf-8")
    doc = _plan(tmp_path, "--profile", str(profile))
    steps = [s["credential"] for s in doc["steps"]]
    assert doc["feasible"] and "pmi-pgmp" in steps, (steps, doc["open"])
    assert "google-project-management" not in steps


def test_four_years_of_program_management_without_a_degree_is_not_enough(tmp_path: Path) -> None:
    """The secondary-diploma route asks 84 months of program management, not 48."""
    profile = tmp_path / "lead.yaml"
    profile.write_text(LEAD.replace("{level: bachelor, field: business administration}", "{level: high-school}"),
                       encoding="utf-8")
    doc = _plan(tmp_path, "--profile", str(profile))
    assert "pmi-pgmp" not in [s["credential"] for s in doc["steps"]]
    (pgmp,) = [e for e in doc["expected"] if e["requirement"] == {"credential": "pmi-pgmp"}]
    assert not pgmp["met"] and "7 years of program management experience" in pgmp["why"]
