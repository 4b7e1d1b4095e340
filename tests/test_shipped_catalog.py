"""The shipped catalog: it passes `validate --strict`, and it holds what the product promises."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
import yaml
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
    # a review date only where someone read a source: an entry no source backs says "never"
    # (and owns up to both warnings; its note says the issuer's page was not read)
    unreviewed = [c for c in cat.credentials if not c.last_reviewed]
    assert all({"missing-sources", "stale-review"} <= set(c.allow_warnings) and not c.sources for c in unreviewed)
    assert all(c.last_reviewed for c in cat.credentials if c.sources)
    # A credential cites the pages its facts were read on; one whose page nobody read says so
    # (allow_warnings: [missing-sources] and a note) instead of citing a page as read. Their
    # number may only shrink (19 on 2026-12-02: Coursera and HubSpot pages not in the corpus).
    unsourced = [c.id for c in cat.credentials if not c.sources]
    assert all("missing-sources" in cat.credentials[cid].allow_warnings for cid in unsourced)
    assert len(unsourced) <= 19, unsourced
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


def test_unsourced_credentials_say_so_in_their_note() -> None:
    """A credential without sources states in its note that its page was not read."""
    for path in sorted(Path(shipped_catalog()).rglob("*.yaml")):
        for entry in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("credentials") or []:
            if not entry.get("sources"):
                assert "was not read" in str(entry.get("x-note", "")), (path.name, entry["id"])
