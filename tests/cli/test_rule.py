"""rule ID / rule --list: validate rules' documentation from their docstrings."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from skillstack.cli import app
from skillstack.validate import rules

runner = CliRunner()


def test_rule_prints_the_module_docstring() -> None:
    result = runner.invoke(app, ["rule", "zero-hours"])
    assert result.exit_code == 0
    assert result.stdout.startswith("zero-hours (warning): a credential (not a stack) with no hours")
    assert "Failing example::" in result.stdout


def test_list_names_every_rule_once_with_its_level() -> None:
    result = runner.invoke(app, ["rule", "--list", "--format", "json"])
    listed = {r["id"]: r["level"] for r in json.loads(result.stdout)["rules"]}
    expected = {m.ID: m.LEVEL for m in (*rules.RULES, *rules.OPT_IN_RULES)} | rules.READING_RULES
    assert listed == expected
    text = runner.invoke(app, ["rule", "--list"]).stdout
    assert len(text.splitlines()) == len(expected)


def test_unknown_rule_suggests_and_usage_is_checked() -> None:
    result = runner.invoke(app, ["rule", "zero-hour"])
    assert result.exit_code == 2
    assert result.stderr == ("skillstack: error: no rule 'zero-hour'; closest: zero-hours; "
                             "`skillstack rule --list` lists them all\n")
    assert runner.invoke(app, ["rule"]).exit_code == 2
    assert runner.invoke(app, ["rule", "schema", "--list"]).exit_code == 2
