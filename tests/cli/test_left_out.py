"""`plan` lists, without -v, only the left-out credentials a learner would ask about: those the
roles expect, and those of the target role's field (or the gap's) that grant a gap skill. A
security certification granting risk management is not news to a project manager; -v lists all."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from strategies import entry_point

PROFILES = Path(__file__).parents[2] / "examples" / "profiles"


def plan(tmp_path: Path, profile: str, *args: str) -> str:
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    for unset in ("SKILLSTACK_CATALOG", "COLUMNS"):
        env.pop(unset, None)
    done = subprocess.run([entry_point(), "plan", "--profile", str(PROFILES / f"{profile}.yaml"), "--today",
                           "2026-12-01", *args], capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.partition("\nLeft out")[2]


def test_other_fields_are_counted_not_listed(tmp_path: Path) -> None:
    lead = plan(tmp_path, "experienced-project-lead-to-project-manager")
    assert "isc2-cissp" not in lead and "ism-cpsm" not in lead
    assert "from other fields, or granting nothing in the gap (-v lists them)" in lead
    everything = plan(tmp_path, "experienced-project-lead-to-project-manager", "-v")
    assert "isc2-cissp: needs" in everything and "ism-cpsm: needs" in everything


def test_the_target_fields_credentials_are_listed(tmp_path: Path) -> None:
    analyst = plan(tmp_path, "help-desk-to-security-analyst")
    assert "isc2-cissp: needs" in analyst and "isc2-sscp: needs 1 year of security experience" in analyst
    assert "pmi-pmp" not in analyst  # it grants risk management, but it is a project manager's credential
