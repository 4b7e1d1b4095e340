"""graph: the catalog, a role's neighbourhood, or a pathway, in four formats."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app

runner = CliRunner()


@pytest.fixture
def mini(data: Path) -> list[str]:
    return ["--catalog", str(data / "catalogs" / "mini")]


def graph(*args: str) -> str:
    result = runner.invoke(app, ["graph", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_role_neighbourhood_json(mini: list[str]) -> None:
    doc = json.loads(graph(*mini, "--role", "analyst", "--format", "json"))
    ids = {n["id"] for n in doc["nodes"]}
    assert "role:analyst" in ids and "credential:data-stack" in ids and "role:security-lead" not in ids
    assert {"source": "skill:python", "target": "credential:stats-course", "kind": "requires", "level": 1} \
        in doc["edges"]


def test_pathway_graph_follows_the_plan(mini: list[str], tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("targets: [analyst]\nconstraints: {start: 2026-12-01}\n")
    doc = json.loads(graph(*mini, "--profile", str(profile), "--format", "json"))
    then = [(e["source"], e["target"]) for e in doc["edges"] if e["kind"] == "then"]
    assert then == [("credential:py-basics", "credential:sql-basics"),
                    ("credential:sql-basics", "credential:stats-course")]


def test_dot_and_mermaid_and_graphml_are_well_formed(mini: list[str]) -> None:
    dot = graph(*mini, "--format", "dot")
    assert dot.startswith("digraph skillstack {") and dot.rstrip().endswith("}")
    assert '"credential:sql-basics" -> "skill:sql" [class="grants", label="2"];' in dot
    mermaid = graph(*mini, "--format", "mermaid")
    assert mermaid.startswith("flowchart LR") and "role_analyst{{\"Data Analyst\"}}" in mermaid
    root = ET.fromstring(graph(*mini, "--format", "graphml"))
    assert root.tag.endswith("graphml")


def test_role_and_profile_together_is_usage_error(mini: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["graph", *mini, "--role", "analyst", "--profile", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2


def test_graph_output_file(mini: list[str], tmp_path: Path) -> None:
    target = tmp_path / "g.dot"
    result = runner.invoke(app, ["graph", *mini, "--output", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text().startswith("digraph skillstack {")


def test_role_neighbourhood_shows_the_credentials_employers_expect(data: Path, tmp_path: Path) -> None:
    catalog = tmp_path / "cat.yaml"
    catalog.write_text((data / "catalogs" / "mini" / "catalog.yaml").read_text().replace(
        "    requires: [{skill: security, level: 3, importance: essential}]",
        "    requires:\n      - {skill: security, level: 3, importance: essential}\n"
        "      - {credential: security-entry, importance: essential, source: \"SecOrg role path\"}"))
    doc = json.loads(graph("--catalog", str(catalog), "--role", "security-lead", "--format", "json"))
    assert {"source": "credential:security-entry", "target": "role:security-lead", "kind": "expected",
            "importance": "essential"} in doc["edges"]
