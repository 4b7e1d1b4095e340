"""validate through the CLI: formats, exit codes, hostile and broken files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app

runner = CliRunner()


@pytest.fixture
def rules(data: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(data / "rules")
    return data / "rules"


def test_json_format_parses_with_stable_keys(rules: Path) -> None:
    result = runner.invoke(app, ["validate", "unknown-reference/fail", "--format", "json", "--today", "2026-11-01"])
    assert result.exit_code == 1
    doc = json.loads(result.output)
    assert doc["schema_version"] == 1
    assert doc["summary"] == {"errors": 2, "warnings": 2, "files": 1}
    first_error = next(p for p in doc["problems"] if p["level"] == "error")
    assert first_error == {
        "file": "unknown-reference/fail/cat.yaml", "line": 12, "column": 14, "level": "error",
        "rule": "unknown-reference", "message": "unknown skill 'sqll' in grants of sql-course; did you mean 'sql'?",
    }


def test_github_format_annotates(rules: Path) -> None:
    result = runner.invoke(app, ["validate", "zero-hours/fail", "--format", "github", "--today", "2026-11-01"])
    assert result.output.splitlines()[0] == (
        "::warning file=zero-hours/fail/cat.yaml,line=5,col=5,title=zero-hours::"
        "credential sql-course has zero hours; estimate learning and exam preparation")


def test_missing_path_is_usage_error(rules: Path) -> None:
    result = runner.invoke(app, ["validate", "no/such/dir"])
    assert result.exit_code == 2
    assert "no/such/dir: no such file or directory" in result.output


def test_unknown_option_is_usage_error() -> None:
    assert runner.invoke(app, ["validate", "--frobnicate"]).exit_code == 2


def test_bad_today_is_usage_error(rules: Path) -> None:
    result = runner.invoke(app, ["validate", "zero-hours/pass", "--today", "tomorrow"])
    assert result.exit_code == 2
    assert "--today 'tomorrow' is not a date" in result.output


HOSTILE = {
    "deep-flow.yaml": b"skills: " + b"[" * 100_000 + b"]" * 100_000,
    "deep-block.yaml": b"".join(b"  " * i + b"- \n" for i in range(5000)),
    "bomb.yaml": b"a: &a [" + b"x," * 100 + b"x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 100)}]\n".encode() for i in range(10)),
    "python-tag.yaml": b"skills: !!python/object/new:os.system [touch /tmp/skillstack-pwned]\n",
    "binary.yaml": bytes(range(256)) * 10,
    "empty.yaml": b"",
    "bom.yaml": b"\xef\xbb\xbfskills: []\n",
    "list.yaml": b"- a\n- b\n",
    "scalar.yaml": b"just text\n",
    "two-docs.yaml": b"skills: []\n---\nroles: []\n",
    "unclosed.yaml": b"skills:\n  - {id: x\n",
    "tabs.yaml": b"skills:\n\t- id: x\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_and_broken_files_are_problems_not_crashes(name: str, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / name).write_bytes(HOSTILE[name])
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", name, "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    doc = json.loads(result.output)
    if name in ("bom.yaml",):
        assert result.exit_code == 0
    elif name == "empty.yaml":
        assert [p["rule"] for p in doc["problems"]] == ["empty-file"]
    else:
        assert result.exit_code == 1
        assert all(p["file"] == name and p["line"] >= 1 for p in doc["problems"])
    assert not Path("/tmp/skillstack-pwned").exists()


def test_internal_error_is_one_line_with_hint(monkeypatch: pytest.MonkeyPatch, rules: Path) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("skillstack.validate.service.validate_paths", boom)
    result = runner.invoke(app, ["validate", "zero-hours/pass"])
    assert result.exit_code == 3
    assert result.output == ("skillstack: internal error: RuntimeError: kaboom "
                             "(rerun with --debug for the traceback, and please report it)\n")


def test_folder_without_catalog_files_is_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a catalog")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"skillstack: error: no catalog files (*.yaml, *.yml) under {tmp_path}; check the path\n"
