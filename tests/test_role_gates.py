"""Experience gates from O*NET's Related Work Experience ratings inform but never block.

docs/catalog-format.md: where BLS gives no figure, a role may ask, as an `important` gate, the years
that three quarters of O*NET's raters require. The plan states them beside the pathway (JSON
`gates`, `blocking: false`) and still plans the role; a learner who has the years is not told about them again.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from skillstack.catalog import build_catalog
from skillstack.loader import load_raw, shipped_catalog
from skillstack.requirements import domain_text
from strategies import entry_point

GATED = {"cloud-engineer": ("it", 1), "data-engineer": ("data", 2), "data-architect": ("data", 2),
         "it-project-manager": ("project-management", 2)}


def _plan(tmp_path: Path, role: str, experience: dict[str, int]) -> dict:
    profile = tmp_path / "me.yaml"
    profile.write_text(f"name: Learner\nexperience: {json.dumps(experience)}\ntargets: [{role}]\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SKILLSTACK_CATALOG", None)
    done = subprocess.run([entry_point(), "plan", "-p", str(profile), "--today", "2026-12-01", "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_onet_gates_are_important_and_cite_onet() -> None:
    roles = build_catalog(load_raw([shipped_catalog()])).roles
    for rid, (domain, years) in GATED.items():
        gates = [e for e in roles[rid].expects if e.kind == "experience"]
        assert [(g.requirement.domain, g.requirement.years, g.importance) for g in gates] == [  # type: ignore[union-attr]
            (domain, years, "important")], rid
        assert "O*NET 29.2" in gates[0].source and "Related Work Experience" in gates[0].source
    assert not [e for e in roles["security-engineer"].expects if e.kind == "experience"]


@pytest.mark.parametrize("role", sorted(GATED))
def test_plan_states_the_gate_without_blocking(role: str, tmp_path: Path) -> None:
    domain, years = GATED[role]
    doc = _plan(tmp_path, role, {})
    (gate,) = [g for g in doc["gates"] if g["requirement"] == {"experience": domain, "years": years}]
    assert gate["importance"] == "important" and gate["blocking"] is False
    assert gate["have"] == f"0 years of {domain_text(domain)}"
    assert doc["feasible"] and doc["steps"], doc["open"]
    met = _plan(tmp_path, role, {domain: years})
    assert not [g for g in met["gates"] if g["requirement"] == {"experience": domain, "years": years}]


def test_data_ladder_reaches_a_senior_rung() -> None:
    roles = build_catalog(load_raw([shipped_catalog()])).roles
    assert roles["data-architect"].level == "senior" and roles["data-architect"].previous == ("data-engineer",)
    assert "data-architect" in roles["data-engineer"].next
