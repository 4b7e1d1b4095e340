"""search, show, schema, --help, and the README documenting every command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from skillstack.cli import app
from skillstack.loader import shipped_catalog

runner = CliRunner()
ROOT = Path(__file__).parents[2]


def commands() -> list[str]:
    from typer.main import get_command

    return sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_help_lists_every_command_in_the_declared_order() -> None:
    from skillstack.cli.app import HELP_ORDER

    result = runner.invoke(app, ["--help"])
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ") and
              line.split()[0] in commands()]
    assert sorted(HELP_ORDER) == commands()
    assert listed == list(HELP_ORDER)


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text()
    for name in commands():
        assert f"skillstack {name}" in readme, name


def test_readme_opens_with_plan_and_test_commands() -> None:
    blocks = (ROOT / "README.md").read_text().split("```sh\n")
    assert "skillstack plan --profile examples/profiles/" in blocks[1].splitlines()[0]
    assert "python -m pytest" in blocks[2].splitlines()[0]


@pytest.mark.parametrize("name", commands())
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0 and ("Example:" in result.stdout or "Examples:" in result.stdout)


def test_search_finds_misspelt_names(data: Path) -> None:
    result = runner.invoke(app, ["search", "statistcs", "--catalog", str(data / "catalogs" / "mini"),
                                 "--format", "json"])
    hits = json.loads(result.stdout)["results"]
    assert hits[0]["id"] == "statistics"


def test_search_shipped_catalog_by_alias() -> None:
    result = runner.invoke(app, ["search", "k8s", "--kind", "skill", "--format", "json"])
    assert json.loads(result.stdout)["results"][0]["id"] == "kubernetes"


def test_show_credential_text(data: Path) -> None:
    result = runner.invoke(app, ["show", "data-stack", "--catalog", str(data / "catalogs" / "mini")])
    assert result.exit_code == 0
    assert "Awarded automatically for" in result.stdout
    assert "Awarded automatically for\n  all of (sql-basics, stats-course)\n" in result.stdout


def test_show_unknown_id_suggests(data: Path) -> None:
    result = runner.invoke(app, ["show", "sql basic", "--catalog", str(data / "catalogs" / "mini")])
    assert result.exit_code == 0 and result.stdout.startswith("SQL Basics  credential sql-basics")
    assert result.stderr == "skillstack: warning: 'sql basic' read as 'SQL Basics' (sql-basics)\n"
    result = runner.invoke(app, ["show", "zzzz", "--catalog", str(data / "catalogs" / "mini")])
    assert result.exit_code == 2 and "nothing in the catalog is called 'zzzz'" in result.stderr


def _schema_validator(kind: str):  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    result = runner.invoke(app, ["schema", kind])
    schema = json.loads(result.stdout)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _as_json(value: object) -> object:
    return json.loads(json.dumps(value, default=str))


def test_schema_accepts_the_shipped_catalog() -> None:
    validator = _schema_validator("catalog")
    for file in sorted(shipped_catalog().rglob("*.yaml")):
        doc = _as_json(yaml.safe_load(file.read_text()))
        errors = [e.message for e in validator.iter_errors(doc)]
        assert errors == [], file


def test_schema_rejects_what_the_loader_rejects() -> None:
    validator = _schema_validator("catalog")
    bad = {"credentials": [{"id": "x", "name": "X", "issuer": "Y", "kind": "course", "cots": 3}]}
    assert not validator.is_valid(bad)
    bad_level = {"skills": [{"id": "a", "name": "A"}], "roles": [{"id": "r", "name": "R",
                                                                   "requires": [{"skill": "a", "level": 7}]}]}
    assert not validator.is_valid(bad_level)


def test_schema_accepts_example_profiles() -> None:
    validator = _schema_validator("profile")
    for file in sorted((ROOT / "examples" / "profiles").glob("*.yaml")):
        doc = _as_json(yaml.safe_load(file.read_text()))
        assert [e.message for e in validator.iter_errors(doc)] == [], file


def test_schema_output_file_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    assert runner.invoke(app, ["schema", "profile", "-o", str(target)]).exit_code == 0
    assert json.loads(target.read_text())["title"] == "skillstack profile"


def _leaves(cmd: object, path: list[str]) -> list[list[str]]:
    subs = getattr(cmd, "commands", None)
    if not subs:
        return [path]
    return [leaf for name, sub in sorted(subs.items()) for leaf in _leaves(sub, [*path, name])]


def _leaf_commands() -> list[list[str]]:
    from typer.main import get_command

    return _leaves(get_command(app), [])


@pytest.mark.parametrize("path", _leaf_commands(), ids=" ".join)
def test_help_examples_are_two_or_three_real_invocations(path: list[str]) -> None:
    """Issue 12: two or three examples per command, never re-wrapped, using only options the
    command has (an example with a renamed option is worse than none)."""
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "60"})
    assert result.exit_code == 0
    section = result.stdout.split("Examples:", 1)[1].split("\nArguments:", 1)[0].split("\nOptions:", 1)[0]
    examples = [line.strip() for line in section.splitlines() if line.strip()]
    assert 2 <= len(examples) <= 3, examples
    options = set(re.findall(r"(?<![\w-])(-[a-zA-Z]|--[a-z][a-z-]*)", result.stdout.split("\nOptions:", 1)[1]))
    for example in examples:
        words = example.replace("<", " ").split()
        assert "skillstack" in words and words[words.index("skillstack") + 1: words.index("skillstack") + 1 + len(path)] \
            == path, example  # one example a line: not re-wrapped at 60 columns
        assert {w.split("=")[0] for w in words if w.startswith("-") and w != "-"} <= options, example
        for required in _required_options(path):
            assert set(required) & set(words), f"{example}: {required[0]} is required"


def _required_options(path: list[str]) -> list[list[str]]:
    from typer.main import get_command

    cmd = get_command(app)
    for name in path:
        cmd = cmd.commands[name]  # type: ignore[attr-defined]
    return [list(p.opts) for p in cmd.params if p.required and getattr(p, "param_type_name", "") == "option"]
