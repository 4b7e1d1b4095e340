"""An infeasible plan's first line comes from structured data (`Plan.binds`), not from parsing
the planner's sentences; `plan --format json` carries the same data as `binds`."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from strategies import entry_point

MINI = Path(__file__).parents[1] / "data" / "catalogs" / "mini"
BASE = ["plan", "--catalog", str(MINI), "--today", "2026-11-22", "--start", "2026-12-01", "--role", "analyst"]


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = entry_point()
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("COLUMNS", None)
    return subprocess.run([exe, *BASE, *args], capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.mark.parametrize(("args", "limit", "raise_to", "pace", "answer"), [
    (["--budget", "150"], "budget", 230.0, None, "the cheapest full pathway costs $230"),
    (["--deadline", "2026-12-20"], "deadline", None, 21.0, "the full pathway needs 60 h"),
    (["--budget", "150", "--deadline", "2026-12-20"], "budget and deadline together", 230.0, 21.0,
     "the cheapest full pathway costs $230"),
])
def test_json_binds(tmp_path: Path, args: list[str], limit: str, raise_to: float | None, pace: float | None,
                    answer: str) -> None:
    done = run(tmp_path, *args, "--format", "json")
    assert done.returncode == 1, done.stderr
    doc = json.loads(done.stdout)
    binds = doc["binds"]
    assert binds["limit"] == limit and binds["raise_budget_to"] == raise_to and binds["hours_per_week_needed"] == pace
    assert binds["cost"] == 230.0 and binds["hours"] == 60.0
    assert any(w.startswith(f"the {limit} binds") for w in doc["why"])
    quiet = run(tmp_path, *args, "-q")
    assert quiet.stdout.count("\n") == 1 and answer in quiet.stdout
    if pace is not None:
        assert f"study {pace:g} h/week" in quiet.stdout


def test_feasible_plan_has_no_binds(tmp_path: Path) -> None:
    doc = json.loads(run(tmp_path, "--format", "json").stdout)
    assert doc["feasible"] and doc["binds"] is None and doc["why"] == []


def test_the_headline_reads_the_structure_not_the_sentence() -> None:
    """Rewording the planner's sentence cannot change the headline: it is rendered from `binds`."""
    from skillstack.cache import load_catalog
    from skillstack.model import Constraints, Profile, RoleId
    from skillstack.plan.service import plan
    from skillstack.report.plan_text import answer

    cat = load_catalog([MINI]).catalog
    learner = Profile(targets=(RoleId("analyst"),), constraints=Constraints(budget=150.0))
    result = plan(cat, learner, date(2026, 12, 1))
    assert result.binds is not None and result.binds.limit == "budget"
    headline = answer(cat, result)
    reworded = replace(result, why=tuple("something else entirely" for _ in result.why),
                       binds=replace(result.binds, reason="something else entirely"))
    assert answer(cat, reworded) == headline
    assert "Raise the budget to $230" in headline
