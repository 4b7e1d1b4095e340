"""plan and audit --posting: the role a posting asks for as the target."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from skillstack.cli import app

runner = CliRunner()
SECURITY = "# Security Analyst\n## Requirements\n- CompTIA Security+ required\n- Incident response\n"


def test_plan_posting_targets_the_postings_role(tmp_path: Path) -> None:
    path = tmp_path / "analyst.md"
    path.write_text(SECURITY)
    result = runner.invoke(app, ["plan", "--posting", str(path), "--format", "json", "--today", "2026-12-01",
                                 "--start", "2026-12-01"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["roles"] == ["posting"]
    assert [(g["skill"], g["importance"]) for g in doc["gap"]] == [("incident-response", "essential")]
    assert doc["steps"] and all(s["credential"] for s in doc["steps"])


def test_audit_posting_lists_the_postings_requirements(tmp_path: Path) -> None:
    path = tmp_path / "analyst.md"
    path.write_text(SECURITY)
    result = runner.invoke(app, ["audit", "--posting", str(path), "--have", "incident-response:3", "--format",
                                 "json", "--today", "2026-12-01"])
    assert result.exit_code == 0, result.stderr
    [row] = json.loads(result.stdout)["roles"]
    assert row["role"] == "posting" and row["readiness"] > 0


def test_a_posting_naming_nothing_known_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("We are a friendly bakery.\n")
    result = runner.invoke(app, ["plan", "--posting", str(path)])
    assert result.exit_code == 2 and "names nothing the catalog knows" in result.stderr


def test_plan_posting_requiring_security_plus_puts_it_on_the_pathway(tmp_path: Path) -> None:
    path = tmp_path / "soc.md"
    path.write_text("# SOC Analyst\n## Requirements\n- CompTIA Security+ (SY0-701) required\n- Incident response\n")
    result = runner.invoke(app, ["plan", "--posting", str(path), "--format", "json", "--today", "2026-12-01",
                                 "--start", "2026-12-01"])
    assert result.exit_code == 0, result.stderr
    steps = [s["credential"] for s in json.loads(result.stdout)["steps"]]
    assert "comptia-security-plus" in steps
