"""Retired and retiring credentials: plan never recommends them and names the successor;
audit keeps counting a held retired credential until it expires and says so."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from skillstack.cli import app
from strategies import entry_point

CATALOG = """skills:
  - {id: sql, name: SQL}
  - {id: python, name: Python}
credentials:
  - {id: py-course, name: Python Course, issuer: Ex, kind: course, cost: 10, hours: 40,
     grants: [{skill: python, level: 1}]}
  - {id: old-sql, name: Old SQL, issuer: Ex, kind: course, cost: 5, hours: 10, status: retired,
     superseded_by: new-sql, validity_years: 3, grants: [{skill: sql, level: 2}]}
  - {id: ending-sql, name: Ending SQL, issuer: Ex, kind: course, cost: 20, hours: 30, status: retiring,
     retires: 2026-12-25, superseded_by: new-sql, requires: [{skill: python, level: 1}],
     grants: [{skill: sql, level: 2}]}
  - {id: new-sql, name: New SQL, issuer: Ex, kind: course, cost: 100, hours: 10,
     grants: [{skill: sql, level: 2}]}
roles:
  - id: analyst
    name: Analyst
    requires: [{skill: sql, level: 2}, {skill: python, level: 1}]
"""


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "cat.yaml").write_text(CATALOG)
    return subprocess.run([entry_point(), *args, "--catalog", str(tmp_path / "cat.yaml"), "--today", "2026-12-01"],
                          check=False, capture_output=True, text=True, timeout=60, cwd=tmp_path)


def _json(tmp_path: Path, *args: str) -> dict[str, Any]:
    """The installed entry point's real stdout."""
    result = _run(tmp_path, *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def _plan(tmp_path: Path, *args: str) -> dict[str, Any]:
    (tmp_path / "cat.yaml").write_text(CATALOG)
    result = CliRunner().invoke(app, ["plan", "--role", "analyst", *args, "--catalog", str(tmp_path / "cat.yaml"),
                                      "--today", "2026-12-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def test_plan_skips_retired_and_late_retiring_credentials_and_names_the_successor(tmp_path: Path) -> None:
    doc = _plan(tmp_path, "--hours-per-week", "10")
    assert sorted(s["credential"] for s in doc["steps"]) == ["new-sql", "py-course"]
    assert doc["optimal"] is True and doc["totals"]["cost"] == 110
    reasons = {e["credential"]: e["reason"] for e in doc["excluded"]}
    assert reasons["old-sql"] == "retired by its issuer; its successor is New SQL"
    # ending-sql could be finished by its retirement day if taken first, but it needs Python first
    assert reasons["ending-sql"] == ("retires on 2026-12-25, before its step would end (2027-01-18); "
                                     "its successor is New SQL")


def test_retiring_credential_is_used_while_it_can_still_be_finished(tmp_path: Path) -> None:
    doc = _plan(tmp_path, "--have", "python:1", "--hours-per-week", "10")
    assert [s["credential"] for s in doc["steps"]] == ["ending-sql"]
    assert doc["steps"][0]["end"] <= "2026-12-25"


def test_retiring_credential_that_cannot_be_finished_in_time_is_left_out(tmp_path: Path) -> None:
    doc = _plan(tmp_path, "--have", "python:1", "--hours-per-week", "5")
    assert [s["credential"] for s in doc["steps"]] == ["new-sql"]
    reasons = {e["credential"]: e["reason"] for e in doc["excluded"]}
    assert reasons["ending-sql"] == ("retires on 2026-12-25, before 30 h at 5 h a week could finish it; "
                                     "its successor is New SQL")


def test_audit_counts_a_held_retired_credential_until_it_expires(tmp_path: Path) -> None:
    (tmp_path / "me.yaml").write_text("credentials: [{id: old-sql, earned: 2025-03-01}]\ntargets: [analyst]\n")
    doc = _json(tmp_path, "audit", "--profile", "me.yaml")
    held = doc["credentials"]
    assert held == [{"credential": "old-sql", "earned": "2025-03-01", "expires": "2028-03-01", "status": "current",
                     "retired": True, "superseded_by": "new-sql"}]
    assert [m["skill"] for m in doc["roles"][0]["met"]] == ["sql"]
    text = _run(tmp_path, "audit", "--profile", "me.yaml").stdout
    assert "Retired by their issuers (they still count until they expire):" in text
    assert "Old SQL (old-sql) counts until 2028-03-01; successor: New SQL (new-sql)" in text


def test_held_retired_credential_stops_counting_once_expired(tmp_path: Path) -> None:
    (tmp_path / "me.yaml").write_text("credentials: [{id: old-sql, earned: 2020-03-01}]\ntargets: [analyst]\n")
    doc = _json(tmp_path, "audit", "--profile", "me.yaml")
    assert doc["credentials"][0]["status"] == "expired"
    assert [m["skill"] for m in doc["roles"][0]["missing"]] == ["sql", "python"]
