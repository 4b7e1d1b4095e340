"""The shipped catalog: it passes `validate --strict`, and it holds what the product promises."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from skillstack.catalog import build_catalog
from skillstack.cli import app
from skillstack.loader import load_raw, shipped_catalog


def test_validate_strict_passes() -> None:
    result = CliRunner().invoke(app, ["validate", "--strict", "--today", "2026-12-02"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("0 errors, 0 warnings in ")


def test_size_and_coverage() -> None:
    cat = build_catalog(load_raw([shipped_catalog()]))
    assert len(cat.credentials) >= 150 and len(cat.skills) >= 250 and len(cat.roles) >= 40
    kinds = Counter(c.kind for c in cat.credentials)
    assert {"professional-certificate", "industry-certification", "digital-badge", "program"} <= set(kinds)
    assert len({r.domain for r in cat.roles}) >= 10
    assert all(c.sources and c.last_reviewed for c in cat.credentials)
    assert all(r.onet and r.salary and r.salary.source for r in cat.roles)
    assert sum(1 for s in cat.skills if s.esco or s.onet) >= 100
    assert any(c.credit for c in cat.credentials) and len(cat.stacks()) >= 10


def test_catalog_ships_inside_the_package() -> None:
    assert (shipped_catalog() / "catalog.yaml").is_file()
    assert Path(shipped_catalog()).name == "catalog"


def test_no_retired_credential_lacks_a_successor() -> None:
    cat = build_catalog(load_raw([shipped_catalog()]))
    orphans = [c.id for c in cat.credentials if c.status != "active" and c.superseded_by is None]
    assert orphans == []
    for cred in cat.credentials:
        if cred.superseded_by is not None:
            assert cat.credentials[cred.superseded_by].status != "retired" or \
                cat.credentials[cred.superseded_by].superseded_by, f"{cred.id}'s successor is retired too"
