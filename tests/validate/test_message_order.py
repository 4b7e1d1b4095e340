"""validate puts the cause first: a file's syntax error before the references it breaks, every
problem of a duplicated entry, and suggestions only when they are likely what was meant."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from skillstack.cli import app

runner = CliRunner()

CREDS = """credentials:
  - id: c1
    name: C1
    issuer: X
    kind: course
    url: https://example.org/c1
    cost: 1
    hours: 1
    grants: [{skill: sql, level: 2}, {skill: python, level: 1}]
    requires: [{skill: python}, {skill: docker}]
    last_reviewed: 2026-10-01
    sources: [https://example.org/c1]
"""


def validate(folder: Path) -> tuple[list[dict[str, object]], int]:
    result = runner.invoke(app, ["validate", str(folder), "--format", "json", "--today", "2026-11-01"])
    return json.loads(result.stdout)["problems"], result.exit_code


def test_a_tab_is_named_and_comes_first_and_its_fallout_is_one_note(tmp_path: Path) -> None:
    (tmp_path / "a-creds.yaml").write_text(CREDS)
    (tmp_path / "z-skills.yaml").write_text("skills:\n  - id: sql\n    name: SQL\n\t- id: python\n    name: Python\n")
    problems, code = validate(tmp_path)
    assert code == 1
    first, second = problems[0], problems[1]
    assert first["file"].endswith("z-skills.yaml") and (first["line"], first["column"]) == (4, 1)
    assert first["rule"] == "yaml-syntax" and "a tab character" in first["message"]
    assert second["file"] == first["file"] and second["rule"] == "unknown-reference"
    assert second["level"] == "warning" and second["message"].startswith("3 reference(s) in other files")
    assert "(python, sql)" in second["message"]
    unknown = [p for p in problems if p["rule"] == "unknown-reference" and p["level"] == "error"]
    # docker is defined nowhere, not even in the broken file: still reported, at its place
    assert [(p["line"], p["message"]) for p in unknown] == [(10, "unknown skill 'docker' in requires of c1")]


def test_a_tab_inside_a_line_is_named(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text("skills:\n  - id: sql\n    name: SQL\n  -\tid: python\n")
    problems, _ = validate(tmp_path)
    assert (problems[0]["line"], problems[0]["column"]) == (4, 4) and "tab" in problems[0]["message"]


def test_other_syntax_errors_do_not_mention_tabs(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text("skills:\n  - {id: sql, name: SQL\n  - {id: python}\n")
    problems, _ = validate(tmp_path)
    assert problems[0]["rule"] == "yaml-syntax" and "tab" not in problems[0]["message"]


def test_a_duplicate_id_does_not_hide_the_entrys_other_errors(tmp_path: Path) -> None:
    (tmp_path / "skills.yaml").write_text("skills:\n  - {id: sql, name: SQL}\n  - {id: python, name: Python}\n")
    again = CREDS.replace("credentials:\n", "").replace("name: C1", "name: C1 again").replace(
        "{skill: python, level: 1}]", "{skill: networking, level: 1}]").replace("{skill: docker}", "{credential: c0}")
    (tmp_path / "creds.yaml").write_text(CREDS.replace(", {skill: docker}", "") + again)
    problems, code = validate(tmp_path)
    assert code == 1
    errors = [(p["line"], p["rule"], str(p["message"]).replace(str(tmp_path) + "/", ""))
              for p in problems if p["level"] == "error"]
    assert errors == [
        (13, "duplicate-id", "credential id 'c1' is already defined at creds.yaml:2:5; rename or merge one"),
        (20, "unknown-reference", "unknown skill 'networking' in grants of c1"),
        (21, "unknown-reference", "unknown credential 'c0' in requires of c1"),
    ]


def test_suggestions_only_for_likely_misspellings(tmp_path: Path) -> None:
    skills = "skills:\n  - {id: data-analysis, name: Data Analysis}\n  - {id: statistics, name: Statistics}\n"
    cred = CREDS.replace("grants: [{skill: sql, level: 2}, {skill: python, level: 1}]",
                         "grants: [{skill: statistcs, level: 2}, {skill: data, level: 1}, {skill: analysis-tools, level: 1}]")
    (tmp_path / "c.yaml").write_text(skills + cred.replace("    requires: [{skill: python}, {skill: docker}]\n", ""))
    problems, _ = validate(tmp_path)
    messages = [p["message"] for p in problems if p["rule"] == "unknown-reference"]
    assert "unknown skill 'statistcs' in grants of c1; did you mean 'statistics'?" in messages
    assert "unknown skill 'data' in grants of c1" in messages
    assert "unknown skill 'analysis-tools' in grants of c1" in messages
