"""The shipped catalog: it passes `validate --strict`, and it holds what the product promises."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
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


def test_the_wheel_carries_the_whole_catalog(tmp_path: Path) -> None:
    """What `pip install .` gets: build the wheel from this checkout and look inside."""
    root = Path(__file__).resolve().parents[1]
    if not (root / "pyproject.toml").is_file():
        pytest.skip("not a source checkout")
    pytest.importorskip("hatchling")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    str(root), "-w", str(tmp_path)], check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("skillstack-*.whl")
    inside = {name for name in zipfile.ZipFile(wheel).namelist() if name.startswith("skillstack/catalog/")}
    shipped = {f"skillstack/catalog/{p.relative_to(root / 'catalog').as_posix()}"
               for p in (root / "catalog").rglob("*.yaml")}
    assert shipped and shipped <= inside


def test_no_retired_credential_lacks_a_successor() -> None:
    cat = build_catalog(load_raw([shipped_catalog()]))
    # A retiring credential may lack a successor only when the issuer names none and the entry says so
    # (it allows the retired-without-successor warning and explains why in its note).
    orphans = [c.id for c in cat.credentials if c.superseded_by is None and (
        c.status == "retired" or (c.status == "retiring" and "retired-without-successor" not in c.allow_warnings))]
    assert orphans == []
    for cred in cat.credentials:
        if cred.superseded_by is not None:
            assert cat.credentials[cred.superseded_by].status != "retired" or \
                cat.credentials[cred.superseded_by].superseded_by, f"{cred.id}'s successor is retired too"
