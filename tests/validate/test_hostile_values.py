"""Values that once crashed (exit 3) or passed silently: each is now a located problem.

Every case is one credential field of a small catalog. `validate` must report it at the
offending value's own line (exit 1), and `plan` must refuse the catalog (exit 2), never
crash or print `Infinity` into JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app

runner = CliRunner()

BASE = """skills:
  - {id: sql, name: SQL}
roles:
  - id: analyst
    name: Analyst
    requires:
      - {skill: sql, level: 2}
    last_reviewed: 2026-10-01
credentials:
  - id: sql-course
    name: SQL Course
    issuer: Example
    kind: course
    url: https://example.org/sql
    grants: [{skill: sql, level: 2}]
    last_reviewed: 2026-10-01
    sources: [https://example.org/sql]
"""
CASES = {
    # name: (added lines, rule, text of the offending line, text in the message)
    "dollar amount": ('cost: {amount: "$294"}\nhours: 10', "schema", "cost:", "expected a number, found the text '$294'"),
    "currency only": ("cost: {currency: USD}\nhours: 10", "schema", "cost:", "cost is missing 'amount'"),
    "infinity": ("cost: .inf\nhours: 10", "schema", "cost:", "expected a finite number, found infinity"),
    "overflow": ("cost: 1e400\nhours: 10", "schema", "cost:", "expected a finite number"),
    "nan hours": ("cost: 10\nhours: .nan", "schema", "hours:", "found NaN"),
    "absurd hours": ("cost: 10\nhours: 1e12", "schema", "hours:", "out of range"),
    "huge integer": ("cost: " + "9" * 5000 + "\nhours: 10", "schema", "cost:",
                     "a number too long to read (5,000 characters)"),
    "negative cost": ("cost: -5\nhours: 10", "negative-value", "cost:", "cost -5 is negative"),
    "negative amount": ("cost: {amount: -5}\nhours: 10", "negative-value", "cost:", "amount -5 is negative"),
    "empty hours": ("cost: 10\nhours:", "schema", "hours:", "'hours' is empty"),
    "year 9999": ("cost: 10\nhours: 10\nretires: 9999-12-31", "schema", "retires:", "out of range"),
    "javascript url": ("cost: 10\nhours: 10", "url", "url:", "'javascript:alert(1)' is not an http(s) URL"),
    "crlf in url": ("cost: 10\nhours: 10", "control-character", "url:", "carriage return (U+000D)"),
    "file source": ("cost: 10\nhours: 10\nsources: ['file:///etc/passwd']", "url", "sources:", "not an http(s) URL"),
    "escape in name": ("cost: 10\nhours: 10", "control-character", "name: \"SQL", "escape character (U+001B)"),
}
EDITS = {
    "javascript url": ("url: https://example.org/sql", 'url: "javascript:alert(1)"'),
    "crlf in url": ("url: https://example.org/sql", 'url: "https://example.org/\\r\\nBEGIN:VEVENT"'),
    "file source": ("    sources: [https://example.org/sql]\n", ""),
    "escape in name": ("name: SQL Course", 'name: "SQL \\e[31mCourse"'),
}


def write_catalog(tmp_path: Path, name: str) -> tuple[Path, int]:
    added, _rule, marker, _text = CASES[name]
    base = BASE
    if name in EDITS:
        old, new = EDITS[name]
        base = base.replace(old, new)
    text = base + "".join(f"    {line}\n" for line in added.split("\n"))
    path = tmp_path / "cat.yaml"
    path.write_text(text)
    lines = text.splitlines()
    start = next(i for i, x in enumerate(lines) if "id: sql-course" in x)
    return path, next(i for i, x in enumerate(lines) if i > start and x.strip().startswith(marker)) + 1


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_located_error_in_validate(name: str, tmp_path: Path) -> None:
    path, line = write_catalog(tmp_path, name)
    _added, rule, _marker, text = CASES[name]
    result = runner.invoke(app, ["validate", "--catalog", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output
    problems = json.loads(result.stdout)["problems"]
    found = [p for p in problems if p["rule"] == rule and text in p["message"]]
    assert found, problems
    assert found[0]["line"] == line, (found, path.read_text().splitlines()[line - 1])


@pytest.mark.parametrize("name", sorted(CASES))
def test_plan_refuses_the_catalog(name: str, tmp_path: Path) -> None:
    path, _line = write_catalog(tmp_path, name)
    result = runner.invoke(app, ["plan", "--catalog", str(path), "--role", "analyst", "--format", "json"])
    assert result.exit_code == 2, result.output
    assert "the catalog has errors" in result.stderr and "Infinity" not in result.stdout


def test_a_two_megabyte_value_is_quoted_short(tmp_path: Path) -> None:
    path = tmp_path / "cat.yaml"
    path.write_text(BASE.replace("kind: course", "kind: " + "x" * 2_000_000))
    result = runner.invoke(app, ["validate", "--catalog", str(path)])
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if "is not one of" in x)
    assert len(line) < 300 and "(2,000,000 characters)" in line


def test_an_unknown_key_of_two_megabytes_is_quoted_short(tmp_path: Path) -> None:
    path = tmp_path / "cat.yaml"
    path.write_text(BASE + "    " + "k" * 2_000_000 + ": 1\n")
    result = runner.invoke(app, ["validate", "--catalog", str(path)])
    assert result.exit_code == 1
    assert max(len(x) for x in result.stdout.splitlines()) < 400


def test_a_raw_control_character_is_located_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cat.yaml"
    path.write_bytes(b"skills:\n  - {id: sql, name: SQL}\n  - {id: r, name: R\x01x}\n")
    result = runner.invoke(app, ["validate", "--catalog", str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].endswith(
        "cat.yaml:3:20: error: control character U+0001 is not allowed; remove it [control-character]")


@pytest.mark.parametrize(("profile", "text"), [
    ("targets: [analyst]\nconstraints: {budget: .inf}\n", "2:23: expected a finite number"),
    ("targets: [analyst]\nconstraints: {budget: .nan}\n", "2:23: expected a finite number, found NaN"),
    ("targets: [analyst]\nconstraints: {start: 9999-12-31}\n", "2:22: the date 9999-12-31 is out of range"),
    ("targets: [analyst]\nexperience: {it: 1e400}\n", "2:18: expected a finite number"),
    ("targets: [analyst]\ncredentials: [{id: sql-course, earned: 0001-01-01}]\n", "out of range"),
    ("name: \"A\\rB\"\ntargets: [analyst]\n", "1:7: 'A\\rB': carriage return"),
])
def test_profile_values(profile: str, text: str, tmp_path: Path) -> None:
    catalog, _ = write_catalog(tmp_path, "negative cost")
    catalog.write_text(BASE + "    cost: 5\n    hours: 10\n")
    path = tmp_path / "p.yaml"
    path.write_text(profile)
    result = runner.invoke(app, ["plan", "--catalog", str(catalog), "--profile", str(path)])
    assert result.exit_code == 2, result.output
    assert text in result.stderr


@pytest.mark.parametrize("args", [
    ["--budget", "nan"], ["--budget=-inf"], ["--budget", "1e400"], ["--hours-per-week", "nan"],
    ["--today", "9999-12-31"], ["--start", "0001-01-01"], ["--experience", "it:nan"], ["--experience", "it:inf"],
    ["--holds", "sql-course@9999-12-31"],
])
def test_flags_refuse_non_finite_and_out_of_range(args: list[str], tmp_path: Path) -> None:
    catalog = tmp_path / "cat.yaml"
    catalog.write_text(BASE + "    cost: 5\n    hours: 10\n")
    result = runner.invoke(app, ["plan", "--catalog", str(catalog), "--role", "analyst", *args])
    assert result.exit_code == 2, result.output


def test_a_level_with_thousands_of_digits_is_exit_2(tmp_path: Path) -> None:
    catalog = tmp_path / "cat.yaml"
    catalog.write_text(BASE + "    cost: 5\n    hours: 10\n")
    result = runner.invoke(app, ["plan", "--catalog", str(catalog), "--role", "analyst", "--have", "sql:" + "9" * 5000])
    assert result.exit_code == 2 and "(5,000 characters)" in result.stderr


def test_an_error_quoting_a_huge_argument_stays_short(tmp_path: Path) -> None:
    catalog = tmp_path / "cat.yaml"
    catalog.write_text(BASE + "    cost: 5\n    hours: 10\n")
    result = runner.invoke(app, ["plan", "--catalog", str(catalog), "--role", "x" * 100_000])
    assert result.exit_code == 2
    last = result.stderr.splitlines()[-1]  # a slow cold load may print a note about the cache first
    assert last.startswith("skillstack: error:") and len(last) < 700 and "characters cut" in last
