"""Each rule: a passing example directory (exit 0, no problems) and a failing one with its exact output."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app
from skillstack.loader import load_raw, shipped_catalog
from skillstack.validate.rules import READING_RULES, RULES
from skillstack.validate.service import check_raw

RULE_DIRS = sorted(p.name for p in (Path(__file__).parents[1] / "data" / "rules").iterdir())
runner = CliRunner()


def run_validate(folder: Path, *args: str) -> tuple[str, int]:
    result = runner.invoke(app, ["validate", folder.name, "--today", "2026-11-01", *args])
    return result.output, result.exit_code


@pytest.mark.parametrize("rule", RULE_DIRS)
def test_passing_example(rule: str, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(data / "rules" / rule)
    output, code = run_validate(Path("pass"), "--strict")
    assert (output, code) == ("0 errors, 0 warnings in 1 file\n", 0)


@pytest.mark.parametrize("rule", RULE_DIRS)
def test_failing_example(rule: str, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = data / "rules" / rule
    monkeypatch.chdir(folder)
    expected = (folder / "expected.txt").read_text()
    output, code = run_validate(Path("fail"))
    assert f"{output}rc={code}\n" == expected
    assert f"[{rule}]" in output or rule == "top-level-list"


def test_every_rule_has_examples() -> None:
    ids = {rule.ID for rule in RULES} | set(READING_RULES)
    assert ids <= set(RULE_DIRS)


def test_every_rule_is_documented_with_an_example() -> None:
    for rule in RULES:
        assert rule.__doc__ and rule.__doc__.startswith(f"{rule.ID} ({rule.LEVEL})")
        assert "Failing example" in rule.__doc__


def test_strict_fails_on_warnings(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(data / "rules" / "zero-hours")
    assert run_validate(Path("fail"))[1] == 0
    assert run_validate(Path("fail"), "--strict")[1] == 1


@pytest.mark.parametrize("rule", RULE_DIRS)
def test_the_error_rules_alone_find_every_error(rule: str, data: Path) -> None:
    """A first `plan` runs only the rules that find errors (`errors_only`): it must refuse
    exactly the catalogs `validate` fails, for the same errors."""
    paths = [data / "rules" / rule / "fail"]
    today = date(2026, 11, 1)
    every = check_raw(load_raw(paths), today).problems
    errors = check_raw(load_raw(paths), today, errors_only=True).problems
    assert [p for p in errors if p.level == "error"] == [p for p in every if p.level == "error"]
    assert set(errors) <= set(every)


def test_the_error_rules_alone_find_every_error_in_every_example_catalog(data: Path) -> None:
    """As above, on the passing examples, the test catalogs and the shipped one: the error rules
    alone ask the catalog's granter index what the walk from scratch tells the warnings."""
    folders = [shipped_catalog(), *sorted((data / "catalogs").iterdir()),
               *sorted(p for p in (data / "rules").glob("*/*") if p.is_dir())]
    today = date(2026, 11, 1)
    for folder in folders:
        every = check_raw(load_raw([folder]), today).problems
        errors = check_raw(load_raw([folder]), today, errors_only=True).problems
        assert [p for p in errors if p.level == "error"] == [p for p in every if p.level == "error"], folder
        assert set(errors) <= set(every), folder
