"""Marketing Manager is reached through marketing work, not credentials (issue 11).

From an empty profile no pathway reaches the manager role (leadership 2 comes only from
credentials that need years of work), so `plan` must say what an advisor would: start as a
Digital Marketing Specialist, the role before it on the ladder the catalog declares.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from skillstack.catalog import build_catalog
from skillstack.loader import load_raw, shipped_catalog
from strategies import entry_point


def _plan(tmp_path: Path, role: str, code: int = 0) -> dict:
    """The plan's JSON; `code` is the exit status expected (1: no full pathway, SPEC section 6)."""
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SKILLSTACK_CATALOG", None)
    done = subprocess.run([entry_point(), "plan", "--role", role, "--today", "2026-12-02", "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == code, done.stderr
    return json.loads(done.stdout)


def test_marketing_ladder_is_declared_both_ways() -> None:
    roles = build_catalog(load_raw([shipped_catalog()])).roles
    assert roles["marketing-manager"].level == "senior"
    assert roles["marketing-manager"].previous == ("digital-marketing-specialist",)
    assert "marketing-manager" in roles["digital-marketing-specialist"].next


def test_plan_for_the_manager_names_the_entry_role(tmp_path: Path) -> None:
    doc = _plan(tmp_path, "marketing-manager", code=1)
    assert not doc["feasible"]
    assert any("aim first for Digital Marketing Specialist (digital-marketing-specialist)" in w for w in doc["why"]), doc["why"]
    entry = _plan(tmp_path, "digital-marketing-specialist")
    assert entry["feasible"] and entry["steps"]
    assert not any("aim first" in w for w in entry["why"])
