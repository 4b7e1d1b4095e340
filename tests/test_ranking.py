"""rank_roles: every role's worksheet and plan, closest first, as a library call."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from skillstack.catalog import build_catalog
from skillstack.loader import load_raw
from skillstack.model import Level, Profile, SkillId
from skillstack.ranking import rank_roles


def test_equal_readiness_ranks_the_cheaper_feasible_role_first(data: Path) -> None:
    catalog = build_catalog(load_raw([data / "catalogs" / "mini"]))
    ranking = rank_roles(catalog, Profile(), date(2026, 11, 22))
    assert [(r.role, r.readiness) for r in ranking.audit.roles] == [("analyst", 0.0), ("security-lead", 0.0)]
    assert ranking.plans["analyst"].feasible and not ranking.plans["security-lead"].feasible


def test_readiness_comes_before_cost(data: Path) -> None:
    catalog = build_catalog(load_raw([data / "catalogs" / "mini"]))
    ranking = rank_roles(catalog, Profile(skills=((SkillId("security"), Level.ADVANCED),)), date(2026, 11, 22))
    assert [r.role for r in ranking.audit.roles] == ["security-lead", "analyst"]
    assert set(ranking.plans) == {"analyst", "security-lead"}
