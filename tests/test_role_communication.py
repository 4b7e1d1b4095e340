"""Roles' communication levels follow catalog/RUBRIC.md's O*NET mapping; plans close them sensibly.

The rubric's table lists every role that asks `communication` with the O*NET Speaking and Writing
ratings of its occupation; the level is the band of the higher rating. A curator who changes a
role's level (or adds communication to a role) without the table, or grants communication at 2 or
more without naming the credential in the rubric, fails here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from skillstack.catalog import build_catalog
from skillstack.loader import load_raw, shipped_catalog
from strategies import entry_point

RUBRIC = Path(shipped_catalog()) / "RUBRIC.md"


def _band(rating: float) -> int:
    """The catalog level of an O*NET level (0-7), as RUBRIC.md's band table states it."""
    return 1 if rating < 4.5 else 2 if rating < 5.5 else 3


def _rubric_rows() -> dict[str, tuple[float, float, int]]:
    """role id -> (Speaking, Writing, level) from the ratings table."""
    rows: dict[str, tuple[float, float, int]] = {}
    for line in RUBRIC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or not re.fullmatch(r"\d\.\d\d", cells[2]):
            continue
        for role in re.findall(r"(?:^|, )([a-z][a-z0-9-]+)", cells[0]):
            rows[role] = (float(cells[2]), float(cells[3]), int(cells[4]))
    return rows


def test_band_edges() -> None:
    assert [_band(x) for x in (3.0, 4.0, 4.49, 4.5, 5.49, 5.5, 6.0)] == [1, 1, 1, 2, 2, 3, 3]


def test_every_role_asking_communication_follows_the_mapping() -> None:
    cat = build_catalog(load_raw([shipped_catalog()]))
    asked = {r.id: int(n.level) for r in cat.roles for n in r.requires if n.skill == "communication"}
    rows = _rubric_rows()
    assert asked, "no shipped role asks communication: the test would check nothing"
    assert set(asked) == set(rows), (f"in the catalog, not in RUBRIC.md: {sorted(set(asked) - set(rows))}; "
                                     f"in RUBRIC.md, not asking it: {sorted(set(rows) - set(asked))}")
    for role, (speaking, writing, level) in rows.items():
        assert level == _band(max(speaking, writing)), f"RUBRIC.md row for {role} contradicts its own bands"
        assert asked[role] == level, f"{role} asks communication {asked[role]}, the mapping gives {level}"


def test_level_two_grants_are_named_in_the_rubric() -> None:
    cat = build_catalog(load_raw([shipped_catalog()]))
    text = RUBRIC.read_text(encoding="utf-8")
    granters = {c.id for c in cat.credentials for g in c.grants if g.skill == "communication" and int(g.level) >= 2}
    assert granters, "nothing grants communication at 2: instructional-designer could not be planned"
    for cid in granters:
        assert f"| {cid} | communication |" in text, f"{cid} grants communication 2+ without a rubric row"


def _plan(role: str, tmp_path: Path) -> dict:
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SKILLSTACK_CATALOG", None)
    done = subprocess.run([entry_point(), "plan", "--role", role, "--today", "2026-12-01", "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("role", ["customer-service-representative", "hr-specialist", "ux-researcher"])
def test_no_project_management_certificate_for_communication(role: str, tmp_path: Path) -> None:
    """From an empty profile these roles are planned, and communication no longer sends a customer
    service representative, an HR specialist or a UX researcher to a project management credential."""
    doc = _plan(role, tmp_path)
    assert doc["feasible"] and doc["optimal"], doc["open"]
    steps = {s["credential"] for s in doc["steps"]}
    assert not steps & {"google-project-management", "pmi-pmp", "pmi-capm", "comptia-project-plus"}, steps
    closed = {skill for s in doc["steps"] for skill in s["closes"]}
    assert "communication" in closed


def test_instructional_designer_communication_needs_a_domain_credential(tmp_path: Path) -> None:
    """Writing 4.50 keeps level 2; the Google certificate (now communication 1) no longer closes it."""
    doc = _plan("instructional-designer", tmp_path)
    assert doc["feasible"], doc["open"]
    closer = [s["credential"] for s in doc["steps"] if "communication" in s["closes"]]
    assert closer and closer[0] != "google-project-management"


def test_hr_specialist_plan_stays_in_hr(tmp_path: Path) -> None:
    """Communication 1 comes from an HR course (a manager's performance conversations), so every step
    of the HR specialist's pathway grants an HR skill: no sales or project certificate for it."""
    cat = build_catalog(load_raw([shipped_catalog()]))
    doc = _plan("hr-specialist", tmp_path)
    assert doc["feasible"] and doc["steps"]
    for step in doc["steps"]:
        granted = {g.skill for g in cat.credentials[step["credential"]].grants}
        assert any(cat.skills[s].domain == "human-resources" for s in granted), step["credential"]
