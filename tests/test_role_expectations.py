"""Expected credentials with a structured source, and roles that state none is expected."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from skillstack.catalog import build_catalog
from skillstack.loader import load_raw, shipped_catalog
from skillstack.model import EXPECT_SOURCE_KINDS
from strategies import entry_point

CATALOG = """skills:
  - {id: sql, name: SQL}
credentials:
  - id: sql-course
    name: SQL Course
    issuer: Example University
    kind: course
    url: https://example.org/sql-course
    cost: 50
    hours: 20
    grants: [{skill: sql, level: 2}]
    last_reviewed: 2026-10-01
    sources: [https://example.org/sql-course/facts]
  - id: sql-cert
    name: SQL Certification
    issuer: Example Board
    kind: industry-certification
    url: https://example.org/sql-cert
    cost: 100
    hours: 10
    grants: [{skill: sql, level: 1}]
    last_reviewed: 2026-10-01
    sources: [https://example.org/sql-cert/facts]
roles:
  - id: analyst
    name: Analyst
    requires:
      - {skill: sql, level: 2, importance: essential}
      - credential: sql-cert
        importance: important
        source: {url: https://example.org/postings, kind: postings, note: "asked in 12 of 40 postings"}
    last_reviewed: 2026-10-01
  - id: developer
    name: Developer
    requires:
      - {skill: sql, level: 1, importance: essential}
    no_credential_expected: {url: https://example.org/ooh, kind: authority, note: "a degree, no certification"}
    last_reviewed: 2026-10-01
"""
PROFILE = """name: Test
targets: [{target}]
constraints: {{budget: 1000, hours_per_week: 10, start: 2026-12-01}}
"""


def _run(tmp_path: Path, *args: str, target: str) -> dict:
    (tmp_path / "cat.yaml").write_text(CATALOG)
    (tmp_path / "me.yaml").write_text(PROFILE.format(target=target))
    out = subprocess.run([entry_point(), *args, "-p", str(tmp_path / "me.yaml"), "-c", str(tmp_path / "cat.yaml"),
                          "--format", "json"],
                         capture_output=True, text=True, env={**os.environ, "SKILLSTACK_NO_CACHE": "1"}, check=False)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_source_object_is_read(tmp_path: Path) -> None:
    (tmp_path / "cat.yaml").write_text(CATALOG)
    cat = build_catalog(load_raw([tmp_path / "cat.yaml"]))
    item = cat.roles["analyst"].expects[0]
    assert item.cite is not None and (item.cite.kind, item.cite.url) == ("postings", "https://example.org/postings")
    assert item.source == "asked in 12 of 40 postings (postings: https://example.org/postings)"
    assert cat.roles["developer"].no_credential_expected.kind == "authority"  # type: ignore[union-attr]
    assert cat.roles["analyst"].no_credential_expected is None


def test_audit_json_shows_source_kind_and_none_expected(tmp_path: Path) -> None:
    analyst = _run(tmp_path, "audit", target="analyst")["roles"][0]
    assert analyst["expectations"][0]["source_kind"] == "postings"
    assert analyst["expectations"][0]["source_url"] == "https://example.org/postings"
    assert analyst["no_credential_expected"] is None
    developer = _run(tmp_path, "audit", target="developer")["roles"][0]
    assert developer["expectations"] == []
    assert developer["no_credential_expected"] == {"url": "https://example.org/ooh", "kind": "authority",
                                                   "note": "a degree, no certification"}


def test_plan_json_lists_roles_with_no_credential_expected(tmp_path: Path) -> None:
    plan = _run(tmp_path, "plan", target="developer")
    assert plan["no_credential_expected"] == [{"role": "developer", "url": "https://example.org/ooh",
                                               "kind": "authority", "note": "a degree, no certification"}]
    assert _run(tmp_path, "plan", target="analyst")["no_credential_expected"] == []


def test_bad_source_kind_is_a_schema_error(tmp_path: Path) -> None:
    (tmp_path / "cat.yaml").write_text(CATALOG.replace("kind: postings", "kind: blog"))
    out = subprocess.run([entry_point(), "validate", str(tmp_path / "cat.yaml")],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 1 and "[schema]" in out.stdout + out.stderr


def test_every_shipped_role_names_expected_credentials_or_states_none() -> None:
    """Issue 10 item 1: each shipped role says which credentials employers expect, with a source,
    or states (with a source) that none is commonly expected."""
    cat = build_catalog(load_raw([shipped_catalog()]))
    lacking = []
    for role in cat.roles:
        named = [e for e in role.expects if e.kind == "credential"]
        if not named and role.no_credential_expected is None:
            lacking.append(role.id)
        assert all(e.source for e in named), f"{role.id}: an expected credential without a source"
        cite = role.no_credential_expected
        if cite is not None:
            assert cite.url.startswith("http") and cite.kind in EXPECT_SOURCE_KINDS and cite.note, role.id
            assert not any(e.importance != "optional" for e in named), role.id
    assert not lacking, f"roles naming no expected credential and not stating none is expected: {lacking}"


def test_essential_expectations_cite_an_authority() -> None:
    """An expected credential is `essential` only where an authority (DoD 8140, a licence) requires
    it: every essential group of the shipped catalog cites a page of kind authority. The security
    analyst's group cites DoD's DCWF work role 511 and accepts only certifications that role lists
    (ISC2 SSCP, which 511 does not list, left it in December 2026)."""
    cat = build_catalog(load_raw([shipped_catalog()]))
    essential = [(role, e) for role in cat.roles for e in role.expects
                 if e.kind == "credential" and e.importance == "essential"]
    assert essential, "no essential expected credential: the check would test nothing"
    for role, e in essential:
        assert e.cite is not None and e.cite.kind == "authority", f"{role.id}: {e.source}"
    analyst = cat.roles["information-security-analyst"]
    group = next(e for e in analyst.expects if e.importance == "essential")
    assert group.cite is not None and group.cite.url.startswith("https://public.cyber.mil/dcwf-work-role/")
    assert "isc2-sscp" not in str(group.requirement)
    assert "comptia-security-plus" in str(group.requirement)
