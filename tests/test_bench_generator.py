"""bench/gen_catalog.py: deterministic, valid, and using the requirement shapes issue 10 added."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from skillstack.catalog import build_catalog
from skillstack.loader import load_raw
from skillstack.model import AllOf, AnyOf, CredentialReq, EducationReq, NOf, Requirement
from strategies import entry_point

ROOT = Path(__file__).resolve().parents[1]


def generate(folder: Path) -> Path:
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_catalog.py"), "small", str(folder)],
                   check=True, capture_output=True)
    return folder


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("gen") / "small")


def contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def test_the_generator_is_deterministic(small: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again")
    assert contents(again) == contents(small)


def test_the_generated_catalog_validates_without_errors_or_warnings(small: Path) -> None:
    proc = subprocess.run([entry_point(), "validate", "--strict", "--format", "json", str(small)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["problems"] == []
    assert report["summary"]["errors"] == report["summary"]["warnings"] == 0 and report["summary"]["files"] > 4


def _walk(req: Requirement) -> list[Requirement]:
    out = [req]
    if isinstance(req, (AllOf, AnyOf, NOf)):
        for item in req.items:
            out.extend(_walk(item))
    return out


def test_roles_expect_n_of_and_mixed_groups_and_credentials_need_accredited_degrees(small: Path) -> None:
    catalog = build_catalog(load_raw([small]))
    expected = [e.requirement for r in catalog.roles for e in r.expects]
    assert any(isinstance(r, NOf) and r.n == 2 and all(isinstance(i, CredentialReq) for i in r.items)
               for r in expected)
    assert any(isinstance(r, AnyOf) and any(isinstance(i, AllOf) for i in r.items)
               and any(isinstance(i, CredentialReq) for i in r.items) for r in expected)
    assert any(isinstance(r, EducationReq) and r.field_of_study for r in expected)
    gates = [atom for c in catalog.credentials for req in c.requires for atom in _walk(req)]
    assert any(isinstance(a, EducationReq) and a.accredited and a.field_of_study for a in gates)
    # every credential an expected group names is a real, active credential
    named = [i.credential for r in expected for i in _walk(r) if isinstance(i, CredentialReq)]
    assert named and all(catalog.credentials[c].status == "active" for c in named)
