"""`role_gates`: the one eligibility rule, which `plan` (gates, `eligible`) and `audit` (`eligible`,
`aim_first`) both read. On tests/data/catalogs/ladder: a senior role behind an essential 4 years of
audit experience and an important bachelor's degree, with an entry role before it."""

from __future__ import annotations

from pathlib import Path

from skillstack.audit import audit_role
from skillstack.catalog import build_catalog
from skillstack.loader import load_raw
from skillstack.model import EducationReq, ExperienceReq
from skillstack.plan.gap import role_gates
from skillstack.requirements import State

LADDER = Path(__file__).parents[1] / "data" / "catalogs" / "ladder"


def test_an_unmet_essential_gate_blocks_and_names_the_role_to_aim_for_first() -> None:
    catalog = build_catalog(load_raw([LADDER]))
    senior = catalog.roles["senior-auditor"]
    novice = State(experience={"audit": 1.0})
    gates = role_gates(catalog, senior, novice)
    assert [(type(g.requirement), g.importance, g.blocking, g.aim_first, g.have) for g in gates] == [
        (ExperienceReq, "essential", True, "junior-auditor", "1 year of audit"),
        (EducationReq, "important", False, "junior-auditor", "no education stated")]
    worksheet = audit_role(catalog, senior, novice, ())
    assert not worksheet.eligible and worksheet.aim_first == "junior-auditor"
    veteran = State(experience={"audit": 4.0})
    assert [g.blocking for g in role_gates(catalog, senior, veteran)] == [False]
    worksheet = audit_role(catalog, senior, veteran, ())
    assert worksheet.eligible and worksheet.aim_first is None
    assert role_gates(catalog, catalog.roles["junior-auditor"], State()) == ()
