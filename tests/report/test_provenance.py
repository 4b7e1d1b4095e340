"""Every price and salary an advisor hands a client says where it comes from."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from skillstack.cli import app
from strategies import entry_point

CATALOG = """skills:
  - {id: sql, name: SQL}
  - {id: python, name: Python}
credentials:
  - id: sql-cert
    name: SQL Cert
    issuer: Ex
    kind: industry-certification
    cost: 150
    hours: 20
    grants: [{skill: sql, level: 2}]
    sources:
      - {url: https://ex.example/sql, kind: issuer, facts: [cost, hours, grants]}
  - id: py-course
    name: Py Course
    issuer: Ex
    kind: course
    cost: 40
    hours: 20
    grants: [{skill: python, level: 1}]
    sources: [{url: https://blog.example/py, kind: secondary}]
roles:
  - id: analyst
    name: Analyst
    requires: [{skill: sql, level: 2}, {skill: python, level: 1}]
    salary: {median: 83640, year: 2024, source: "BLS OEWS May 2024", kind: authority, proxy: true,
             occupation: "15-2041 Statisticians"}
"""
SALARY = "median pay $83,640 (BLS OEWS May 2024, authority, 2024; proxy: pay of 15-2041 Statisticians)"


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "cat.yaml").write_text(CATALOG)
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "ana.yaml").write_text("name: Ana\ntargets: [analyst]\nconstraints: {start: 2026-12-01}\n")
    return tmp_path / "cat.yaml", tmp_path / "people"


def test_plan_text_and_json_carry_price_and_salary_sources(tmp_path: Path) -> None:
    cat, _ = _setup(tmp_path)
    args = ["plan", "--role", "analyst", "--catalog", str(cat), "--today", "2026-12-01"]
    text = CliRunner().invoke(app, args).stdout
    assert f"Analyst: {SALARY}" in text
    assert "$150 (price: issuer's page)" in text
    assert "$40 (price: secondary source, unconfirmed)" in text
    doc = json.loads(CliRunner().invoke(app, [*args, "--format", "json"]).stdout)
    assert {s["credential"]: s["cost_source"] for s in doc["steps"]} == {"sql-cert": "issuer", "py-course": "secondary"}


def test_reports_carry_price_and_salary_sources(tmp_path: Path) -> None:
    cat, people = _setup(tmp_path)
    for fmt in ("markdown", "html"):
        result = CliRunner().invoke(app, ["report", str(people / "ana.yaml"), "--format", fmt, "--output",
                                          str(tmp_path / fmt), "--catalog", str(cat), "--today", "2026-12-01"])
        assert result.exit_code == 0, result.output
    md = (tmp_path / "markdown" / "ana.md").read_text()
    assert SALARY in md
    assert "| $150 (issuer's page) |" in md and "| $40 (secondary source, unconfirmed) |" in md
    html = (tmp_path / "html" / "ana.html").read_text()
    assert SALARY in html  # the same words as the text and Markdown reports
    assert '$150<br><span class="muted">issuer&#39;s page</span>' in html


def test_json_report_from_the_installed_entry_point(tmp_path: Path) -> None:
    cat, people = _setup(tmp_path)
    out = tmp_path / "json"
    result = subprocess.run([entry_point(), "report", str(people / "ana.yaml"), "--format", "json", "--output",
                             str(out), "--catalog", str(cat), "--today", "2026-12-01"],
                            check=False, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    doc = json.loads((out / "ana.json").read_text())
    assert doc["salaries"] == [{"role": "analyst", "median": 83640.0, "currency": "USD", "year": 2024,
                                "source": "BLS OEWS May 2024", "source_kind": "authority", "proxy": True,
                                "occupation": "15-2041 Statisticians"}]
    assert {s["credential"]: s["cost_source"] for s in doc["plan"]["steps"]} == {
        "sql-cert": "issuer", "py-course": "secondary"}
